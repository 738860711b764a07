"""Bounded hypothesis settings for the robustness tests (the whole folder stays well under a minute)."""

import pytest
from hypothesis import HealthCheck, settings

from tests.robustness.hostile import SENTINEL_TEXT

# Each build of a cut plan takes up to ~0.5 s on a shared 2-core machine: a generous deadline, few examples.
settings.register_profile(
    "robustness",
    max_examples=60,
    deadline=5000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
ROBUST = settings.get_profile("robustness")


@pytest.fixture
def small_plan(tmp_path):
    """A small plan whose names and quotes carry injection payloads (see hostile.py)."""
    path = tmp_path / "robustness-small.txt"
    path.write_text(SENTINEL_TEXT, encoding="utf-8")
    return path
