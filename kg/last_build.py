"""Where the last ``kg build`` wrote its graph.json, so that later commands answer about it.

The record is a small JSON file: ``$KG_STATE_FILE`` if set, else
``$XDG_STATE_HOME/plan-kg/last-build.json``, else ``~/.local/state/plan-kg/last-build.json``
(the XDG base directory default). It holds the absolute path of graph.json, the plan ids built and
the BLAKE2b digest of the file as written: a graph.json with that digest is the build's own output,
and later commands skip checking its shape (about 25 ms of a 100 ms ``kg query``).

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> saved, os.environ["KG_STATE_FILE"] = os.environ.get("KG_STATE_FILE"), str(folder / "state.json")
>>> last_build() is None
True
>>> _ = (folder / "graph.json").write_text("{}")
>>> record_build(folder / "graph.json", ["320100-15"]) == last_build() == (folder / "graph.json").resolve()
True
>>> _ = os.environ.pop("KG_STATE_FILE") if saved is None else os.environ.update(KG_STATE_FILE=saved)
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import NamedTuple

try:  # hashlib's own BLAKE2, without hashlib importing OpenSSL (3 ms at every command)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover (another Python implementation)
    from hashlib import blake2b

STATE_ENV = "KG_STATE_FILE"


def state_file() -> Path:
    """The file that records the last build (see the module docstring for the order)."""
    explicit = os.environ.get(STATE_ENV)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "plan-kg" / "last-build.json"


class LastBuild(NamedTuple):
    graph: Path
    digest: str | None  # of graph.json as the build wrote it (None in a record of an older version)


def file_digest(data: bytes) -> str:
    return blake2b(data, digest_size=32).hexdigest()


def record_build(graph_json: Path, plans: list[str]) -> Path:
    """Remember ``graph_json`` (made absolute) as the last build; returns the absolute path.

    A state file that cannot be written is not an error of the build: the graph is there, only the
    default of later commands is not updated (``OSError`` is swallowed here on purpose).
    """
    path = Path(graph_json).resolve()
    target = state_file()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(target.name + ".tmp")
        record = {"graph": str(path), "plans": list(plans), "digest": file_digest(path.read_bytes())}
        temporary.write_text(json.dumps(record, ensure_ascii=False))
        temporary.replace(target)
    except OSError:
        pass
    return path


def last_build() -> Path | None:
    """The graph.json of the last build, or ``None`` when none is recorded or it no longer exists."""
    record = last_build_record()
    return None if record is None else record.graph


def last_build_record() -> LastBuild | None:
    """The last build's graph.json and its digest, or ``None`` (none recorded, or the file is gone)."""
    try:
        data = json.loads(state_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    graph, digest = data.get("graph"), data.get("digest")
    if not isinstance(graph, str) or not Path(graph).is_file():
        return None
    return LastBuild(Path(graph), digest if isinstance(digest, str) else None)
