"""Plan input that is not a regular file, or bigger than it says: refused in one line, never read whole.

Issue 17, "Bad input that hangs or eats memory" (docs/robustness.md).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys

import pytest

from kg.loaders.readers import registry
from kg.loaders.readers.decode import PlanInputError, read_plan_text
from kg.loaders.readers.registry import MiB, size_in_mib

KG = [sys.executable, "-c", "from kg.cli import main; main()"]


def kg(*args, timeout=120):
    """A real ``kg`` process: a read that blocks would hang it, and the timeout would fail the test."""
    return subprocess.run([*KG, *map(str, args)], capture_output=True, text=True, timeout=timeout)


@pytest.mark.parametrize(
    ("device", "kind"),
    [
        ("/dev/zero", "a character device"),
        ("/dev/urandom", "a character device"),
        ("/dev/null", "a character device"),
    ],
)
def test_devices_are_refused_without_reading(device, kind, tmp_path):
    result = kg("build", device, "--out", tmp_path / "out")
    assert result.returncode == 2, result.stderr
    assert result.stderr == f"Error: {device}: {kind}, not a regular file; give a plan file\n"
    assert not (tmp_path / "out").exists()


def test_fifo_is_refused_and_never_blocks(tmp_path):
    fifo = tmp_path / "plan.txt"
    os.mkfifo(fifo)  # nobody writes: a blocking open or read would wait for ever
    for command in (["build", fifo, "--out", tmp_path / "out"], ["stats", fifo], ["validate", fifo]):
        result = kg(*command, timeout=60)
        assert result.returncode == 2, result.stderr
        assert result.stderr == f"Error: {fifo}: a named pipe (FIFO), not a regular file; give a plan file\n"


def test_socket_is_refused(tmp_path):
    import socket

    path = tmp_path / "plan.sock"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        with pytest.raises(PlanInputError, match=r"plan.sock: a socket, not a regular file"):
            read_plan_text(path)


def test_a_file_bigger_than_its_size_says_is_read_only_up_to_the_limit(tmp_path, monkeypatch):
    """Like a /proc file (size 0, endless content): the read stops at the limit plus one byte."""
    path = tmp_path / "endless.txt"
    with open(path, "wb") as handle:
        handle.truncate(200 * MiB)  # sparse
    real_fstat = os.fstat

    def lying_fstat(fd):
        info = real_fstat(fd)
        return os.stat_result((info.st_mode, *info[1:6], 0, *info[7:]))

    monkeypatch.setattr(registry.os, "fstat", lying_fstat)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(PlanInputError) as caught:
        read_plan_text(path)
    assert str(caught.value) == (f"{path}: more bytes than its size says, over the 16 MiB limit for one plan")
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before
    assert grown_kib < 60 * 1024  # at most the 16 MiB read (and a copy), never the 200 MiB


@pytest.mark.parametrize(
    ("size", "shown"),
    [
        (int(16.3 * MiB), "16.3 MiB"),
        (16 * MiB + 1, "16.1 MiB"),
        (50_000_000, "47.7 MiB"),
        (17 * MiB, "17 MiB"),
    ],
)
def test_size_message_rounds_up_honestly(size, shown, tmp_path):
    path = tmp_path / "big.txt"
    with open(path, "wb") as handle:
        handle.truncate(size)
    with pytest.raises(PlanInputError) as caught:
        read_plan_text(path)
    assert str(caught.value) == f"{path}: {shown} is over the 16 MiB limit for one plan"
    assert size_in_mib(16 * MiB) == "16 MiB"


def test_a_file_of_exactly_the_limit_is_read(tmp_path):
    path = tmp_path / "limit.txt"
    path.write_bytes(("第一章 总则\n" + "到2030年，建成数据集。\n" * 10).encode())
    assert read_plan_text(path).startswith("第一章")


@pytest.mark.parametrize(
    "name", [b"\xffplan.txt", "\ud800plan.txt"], ids=["non-utf8-bytes", "lone-surrogate"]
)
def test_a_file_name_that_is_not_utf8_is_one_line_naming_doc(name, tmp_path):
    from click.testing import CliRunner

    from kg.cli import main

    if isinstance(name, bytes):
        path = os.fsdecode(os.fsencode(str(tmp_path)) + b"/" + name)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write("第一章 总则\n\n到2030年，建成数据集。\n")
    else:
        path = str(tmp_path / name)
    result = CliRunner().invoke(main, ["build", path, "--out", str(tmp_path / "out")])
    assert result.exit_code == 2, result.output
    shown = "\\udcff" if isinstance(name, bytes) else "\\ud800"
    assert (
        result.output
        == f"Error: DOC {tmp_path}/{shown}plan.txt: the file name is not UTF-8 text; rename the file\n"
    )
    assert not (tmp_path / "out").exists()
