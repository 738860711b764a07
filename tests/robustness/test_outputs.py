"""`kg build --out` on bad destinations: clear one-line errors, nothing unrelated touched, no half files."""

from __future__ import annotations

import json
import resource
import signal
import subprocess
import sys

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.io import atomic_open

OLD = '{"old": true}\n'


@pytest.fixture
def plan(small_plan):
    return small_plan


def build(plan, out, *formats):
    args = ["build", str(plan), "--out", str(out)] + [f"--format={f}" for f in formats or ("json",)]
    return CliRunner().invoke(main, args)


def listing(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_out_is_a_file(plan, tmp_path):
    target = tmp_path / "graph.json"
    target.write_text(OLD)
    result = build(plan, target)
    assert result.exit_code == 2
    assert result.output == f"Error: --out {target}: exists and is not a folder\n"
    assert target.read_text() == OLD


@pytest.mark.parametrize(
    ("out", "message"),
    [
        ("{plan}/sub", "cannot create the folder (Not a directory)"),
        ("/proc/kg-robustness-out", "cannot create the folder (No such file or directory)"),
        ("/sys/kernel", "cannot write there (Permission denied)"),  # root too: sysfs refuses new files
    ],
    ids=["under-a-file", "proc", "sysfs"],
)
def test_out_where_nobody_can_write(plan, out, message):
    out = out.format(plan=plan)
    result = build(plan, out)
    assert result.exit_code == 2, result.output
    assert result.output == f"Error: --out {out}: {message}\n"


def test_out_folder_with_other_files_keeps_them(plan, tmp_path):
    out = tmp_path / "out"
    (out / "notes").mkdir(parents=True)
    keep = {"notes/todo.md": "不要覆盖\n", "graph.json.bak": OLD, "README": "mine\n"}
    for name, text in keep.items():
        (out / name).write_text(text, encoding="utf-8")
    (out / "graph.json").write_text(OLD)
    stamps = {name: (out / name).stat().st_mtime_ns for name in keep}

    result = build(plan, out, "json", "ttl", "neo4j-csv")
    assert result.exit_code == 0, result.output
    assert {name: (out / name).read_text(encoding="utf-8") for name in keep} == keep
    assert {name: (out / name).stat().st_mtime_ns for name in keep} == stamps
    assert json.loads((out / "graph.json").read_text(encoding="utf-8"))["graph"]["plans"] == [plan.stem]
    new = set(listing(out)) - set(keep) - {"notes"}
    assert {"graph.json", "graph.ttl", "neo4j-import", "neo4j-import/README.txt"} <= new
    assert not [name for name in listing(out) if name.endswith(".tmp") or "kg-write-test" in name]


def _file_size_limit(limit: int):
    def apply():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the limit fail with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_write_failing_midway_keeps_the_old_file_and_no_temp_file(plan, tmp_path):
    """A real write error part-way (file size limit: EFBIG, like a full disk): one line, old file kept."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.json").write_text(OLD)
    cmd = [sys.executable, "-c", "from kg.cli import main; main()", "build", str(plan), "--out", str(out)]
    result = subprocess.run(
        [*cmd, "--format", "json"],
        capture_output=True,
        text=True,
        preexec_fn=_file_size_limit(1000),
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    assert result.stderr == f"Error: {out / 'graph.json'}: cannot write (File too large); not changed\n"
    assert (out / "graph.json").read_text() == OLD
    assert listing(out) == ["graph.json"]


def test_atomic_open_failing_midway_leaves_no_trace(tmp_path):
    target = tmp_path / "graph.json"
    target.write_text(OLD)
    with pytest.raises(RuntimeError, match="exporter broke"), atomic_open(target) as handle:
        handle.write("{" * 10_000)
        raise RuntimeError("exporter broke")
    assert target.read_text() == OLD
    assert listing(tmp_path) == ["graph.json"]
