"""The swap of a multi-file output folder (``kg/io.py`` ``replace_folder``) is one atomic step on Linux
(``renameat2(RENAME_EXCHANGE)`` through ctypes): a process killed at any point of it leaves the folder
in place, old or new, and the next run puts the user's files back. A failure of the exchange keeps
the old folder whole.

Issue 17, "Outputs that escape or destroy" (docs/robustness.md). The crash tests run the swap in a real
child process that ends itself (``os._exit``) at the step named, as a SIGKILL would.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kg import io
from kg.io import clean_leftovers, exchange, replace_folder

needs_exchange = pytest.mark.skipif(io._renameat2() is None, reason="no renameat2 in this libc")


def listing(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _old_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "clusters"
    with replace_folder(folder) as out:
        out.write_text("old.html", "old\n")
    (folder / "mine.txt").write_text("mine\n")
    return folder


OLD = {"clusters/.kg-manifest": b"old.html\n", "clusters/old.html": b"old\n", "clusters/mine.txt": b"mine\n"}
NEW = {"clusters/.kg-manifest": b"new.html\n", "clusters/new.html": b"new\n", "clusters/mine.txt": b"mine\n"}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="renameat2 is Linux")
def test_linux_has_the_exchange():
    assert io._renameat2() is not None


@needs_exchange
def test_exchange_swaps_two_folders_in_one_step(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x").write_text("a")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "y").write_text("b")
    assert exchange(tmp_path / "a", tmp_path / "b") is True
    assert listing(tmp_path) == {"a/y": b"b", "b/x": b"a"}
    with pytest.raises(FileNotFoundError):
        exchange(tmp_path / "a", tmp_path / "missing")
    assert listing(tmp_path) == {"a/y": b"b", "b/x": b"a"}


@needs_exchange
def test_replace_folder_swaps_by_exchange_and_never_renames_the_folder_away(tmp_path, monkeypatch):
    folder = _old_folder(tmp_path)
    renames, exchanges = [], []
    real_rename, real_exchange = os.rename, io.exchange
    monkeypatch.setattr(os, "rename", lambda a, b: (renames.append((Path(a), Path(b))), real_rename(a, b))[1])
    monkeypatch.setattr(
        io, "exchange", lambda a, b: (exchanges.append((Path(a), Path(b))), real_exchange(a, b))[1]
    )
    with replace_folder(folder) as out:
        out.write_text("new.html", "new\n")
    assert listing(tmp_path) == NEW
    assert [b for _, b in exchanges] == [folder]
    assert not [a for a, _ in renames if a == folder]  # `clusters` was never renamed away


def _child(tmp_path: Path, die_at: str, has_exchange: bool = True) -> None:
    """Run a swap of ``tmp_path/clusters`` in a child that ends itself at ``die_at``; its pid."""
    code = textwrap.dedent(
        f"""
        import os
        from kg import io
        if not {has_exchange!r}:
            io._renameat2 = lambda: None
        real_rename, real_exchange, real_move = os.rename, io.exchange, io._move_others
        def rename(a, b):
            real_rename(a, b)
            if {die_at!r} == "after-first-rename":
                os._exit(9)
        def exchange(a, b):
            if {die_at!r} == "before-exchange":
                os._exit(9)
            return real_exchange(a, b)
        def move(*args):
            os._exit(9)  # after the swap, before the user's files are moved across
        os.rename, io.exchange, io._move_others = rename, exchange, move
        with io.replace_folder({str(tmp_path / "clusters")!r}) as out:
            out.write_text("new.html", "new\\n")
        """
    )
    child = subprocess.run([sys.executable, "-c", code], timeout=60)
    assert child.returncode == 9


@needs_exchange
@pytest.mark.parametrize("die_at", ["after-first-rename", "before-exchange", "after-exchange"])
def test_a_run_killed_during_the_exchange_swap_never_leaves_the_folder_missing(die_at, tmp_path):
    folder = _old_folder(tmp_path)
    _child(tmp_path, die_at)
    assert folder.is_dir()  # old or new, the folder is there
    expected = NEW if die_at == "after-exchange" else OLD
    now = {k: v for k, v in listing(tmp_path).items() if k.startswith("clusters/")}
    if die_at == "after-exchange":  # the new folder is in place; the user's file still in the old one
        assert now == {k: v for k, v in NEW.items() if k != "clusters/mine.txt"}
        (left,) = [e for e in os.listdir(tmp_path) if e.startswith(".kg-old-")]
        assert (tmp_path / left / "mine.txt").read_bytes() == b"mine\n"
    else:
        assert now == OLD
    clean_leftovers(tmp_path)  # the next run: the user's file comes back, no leftover stays
    assert listing(tmp_path) == expected
    assert sorted(os.listdir(tmp_path)) == ["clusters"]


def test_without_the_exchange_a_kill_between_the_renames_is_repaired_by_the_next_run(tmp_path):
    folder = _old_folder(tmp_path)
    _child(tmp_path, "after-first-rename", has_exchange=False)  # the fallback's window
    assert not folder.exists()
    clean_leftovers(tmp_path)
    assert listing(tmp_path) == OLD


@needs_exchange
def test_a_failing_exchange_keeps_the_old_folder_whole_and_leaves_nothing(tmp_path, monkeypatch):
    folder = _old_folder(tmp_path)

    def failing(_a, _b):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(io, "exchange", failing)
    with pytest.raises(OSError, match="Input/output error"), replace_folder(folder) as out:
        out.write_text("new.html", "new\n")
    assert listing(tmp_path) == OLD
    assert sorted(os.listdir(tmp_path)) == ["clusters"]


def test_a_file_system_without_the_exchange_falls_back_to_two_renames(tmp_path, monkeypatch):
    folder = _old_folder(tmp_path)
    monkeypatch.setattr(io, "exchange", lambda _a, _b: False)
    with replace_folder(folder) as out:
        out.write_text("new.html", "new\n")
    assert listing(tmp_path) == NEW
    assert sorted(os.listdir(tmp_path)) == ["clusters"]
