"""Median wall-clock timing of a callable, after one untimed warm-up call."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any


def median_time(fn: Callable[[], Any], repeat: int, warmup: bool = True) -> float:
    """Median seconds of ``repeat`` calls of ``fn``."""
    if warmup:
        fn()
    times = []
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
