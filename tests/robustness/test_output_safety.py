"""Outputs never escape ``--out`` nor destroy: no link followed, only our files deleted, whole folders.

Each test is one class of defect of issue 17 (see docs/robustness.md, "Outputs that escape or destroy").
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.exports.html_clusters import write_cluster_pages
from kg.exports.json import write_json
from kg.exports.neo4j_csv import write_neo4j_csv
from kg.io import MANIFEST, FolderWriter, clean_leftovers, replace_folder


def listing(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def run(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def graph_json(tiny_graph, tmp_path):
    path = tmp_path / "in" / "graph.json"
    write_json(tiny_graph, path)
    return path


@pytest.fixture
def victim(tmp_path):
    """A folder of the user's outside --out, holding files named like our outputs."""
    folder = tmp_path / "victim"
    folder.mkdir()
    for name in ("cluster-mine-00000000.html", "index.html", "nodes_Plan.csv", "relationships_X.csv"):
        (folder / name).write_text("the user's own\n")
    return folder


# --- links inside --out are never followed ---------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "folder"),
    [
        (("html", "--graph", "{graph}", "--per-cluster"), "clusters"),
        (("export", "{plan}", "--format", "html-clusters"), "clusters"),
        (("build", "{plan}", "--format", "neo4j-csv"), "neo4j-import"),
        (("export", "{plan}", "--format", "neo4j-csv"), "neo4j-import"),
    ],
    ids=["html-clusters", "export-clusters", "build-neo4j-import", "export-neo4j-import"],
)
def test_symlinked_folder_inside_out_is_refused_and_its_target_untouched(
    args, folder, graph_json, small_plan, victim, tmp_path
):
    out = tmp_path / "out"
    out.mkdir()
    (out / folder).symlink_to(victim, target_is_directory=True)
    before = listing(victim)
    args = [a.format(graph=graph_json, plan=small_plan) for a in args]
    result = run(*args, "--out", out)
    assert result.exit_code == 1, result.output
    assert result.output.splitlines()[-1] == (
        f"Error: {out / folder}: cannot write (is a symbolic link; kg never writes through links); "
        "not changed"
    )
    assert listing(victim) == before
    assert (out / folder).is_symlink()


def test_symlinked_file_inside_out_is_refused(small_plan, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("keep\n")
    (out / "graph.json").symlink_to(secret)
    result = run("build", small_plan, "--out", out, "--format", "json")
    assert result.exit_code == 1, result.output
    assert "is a symbolic link" in result.output
    assert secret.read_text() == "keep\n"


def test_write_probe_never_writes_through_a_planted_link(small_plan, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("keep\n")
    (out / ".kg-write-test").symlink_to(secret)  # the probe name of earlier versions
    result = run("build", small_plan, "--out", out, "--format", "json")
    assert result.exit_code == 0, result.output
    assert secret.read_text() == "keep\n"


# --- only files this tool wrote are deleted ---------------------------------------------------------


@pytest.mark.parametrize("writer", [write_cluster_pages, write_neo4j_csv], ids=["clusters", "neo4j-import"])
def test_user_files_in_a_multi_file_folder_are_kept_and_only_manifest_files_go(writer, tiny_graph, tmp_path):
    folder = tmp_path / "out" / "folder"
    first = writer(tiny_graph, folder)
    assert sorted((folder / MANIFEST).read_text().split()) == sorted(p.name for p in first)
    mine = {"cluster-mine-00000000.html": "mine\n", "nodes_Mine.csv": "id\n", "notes/a.md": "笔记\n"}
    for name, text in mine.items():
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    # a file an earlier build wrote (named by the manifest) that this build no longer writes
    (folder / "cluster-gone-12345678.html").write_text("stale\n")
    with (folder / MANIFEST).open("a") as handle:
        handle.write("cluster-gone-12345678.html\n")

    second = writer(tiny_graph, folder)

    assert {n: (folder / n).read_text(encoding="utf-8") for n in mine} == mine
    assert not (folder / "cluster-gone-12345678.html").exists()
    assert sorted(p.name for p in second) == sorted(p.name for p in first)
    assert not [p for p in folder.parent.iterdir() if p.name.startswith(".kg-")]


# --- a multi-file output is replaced as a whole or not at all ---------------------------------------


def _fail_after(count: int, monkeypatch):
    real = FolderWriter.write_text
    calls = []

    def failing(self, name, text):
        calls.append(name)
        if len(calls) > count:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self.temp / name))
        return real(self, name, text)

    monkeypatch.setattr(FolderWriter, "write_text", failing)


@pytest.mark.parametrize("fmt", ["neo4j-csv", "html-clusters"])
def test_disk_full_part_way_keeps_the_whole_old_folder(fmt, small_plan, tmp_path, monkeypatch):
    out = tmp_path / "out"
    assert run("export", small_plan, "--format", fmt, "--out", out).exit_code == 0
    folder = out / ("neo4j-import" if fmt == "neo4j-csv" else "clusters")
    before = listing(folder)
    _fail_after(0 if fmt == "html-clusters" else 2, monkeypatch)
    result = run("export", small_plan, "--format", fmt, "--out", out)
    assert result.exit_code == 1, result.output
    assert result.output == f"Error: {folder}: cannot write (No space left on device); not changed\n"
    assert listing(folder) == before
    assert sorted(p.name for p in out.iterdir()) == [folder.name]


def test_replace_folder_failing_keeps_old_and_leaves_no_temp(tmp_path):
    folder = tmp_path / "f"
    with replace_folder(folder) as out:
        out.write_text("a.txt", "old\n")
    with pytest.raises(RuntimeError), replace_folder(folder) as out:
        out.write_text("a.txt", "new\n")
        raise RuntimeError("writer broke")
    assert listing(tmp_path) == {"f/.kg-manifest": b"a.txt\n", "f/a.txt": b"old\n"}


# --- real full and read-only file systems (tmpfs; needs root, as CI has) ----------------------------


@pytest.fixture
def mount_tmpfs(tmp_path):
    mounted = []

    def mount(size_kib: int, *, read_only: bool = False) -> Path:
        point = tmp_path / f"mnt{len(mounted)}"
        point.mkdir()
        result = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size_kib}k", "tmpfs", str(point)], capture_output=True
        )
        if result.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {result.stderr.decode().strip()}")
        mounted.append(point)
        return point

    yield mount
    for point in mounted:
        subprocess.run(["umount", "-l", str(point)], check=False)


def _remount_read_only(point: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(point)], check=True)


@pytest.mark.parametrize(
    "args",
    [
        ("build", "{plan}", "--format", "json"),
        ("export", "{plan}", "--format", "ttl"),
        ("export", "{plan}", "--format", "neo4j-csv"),
        ("html", "{plan}"),
    ],
    ids=["build", "export-ttl", "export-neo4j-csv", "html"],
)
def test_read_only_folder_is_one_line_in_every_command(args, small_plan, mount_tmpfs):
    point = mount_tmpfs(256)
    out = point / "out"
    out.mkdir()
    _remount_read_only(point)
    result = run(*[a.format(plan=small_plan) for a in args], "--out", out)
    assert result.exit_code == 2, result.output
    assert result.output == f"Error: --out {out}: cannot write there (Read-only file system)\n"


def test_full_disk_keeps_the_old_neo4j_import_folder_whole(small_plan, tmp_path, mount_tmpfs):
    probe = tmp_path / "probe"
    assert run("export", small_plan, "--format", "neo4j-csv", "--out", probe).exit_code == 0
    pages = sum(-(-p.stat().st_size // 4096) for p in (probe / "neo4j-import").iterdir()) + 2
    point = mount_tmpfs(pages * 4 + pages * 2)  # room for one copy and a half: the second cannot fit
    out = point / "out"
    assert run("export", small_plan, "--format", "neo4j-csv", "--out", out).exit_code == 0
    before = listing(out / "neo4j-import")
    result = run("export", small_plan, "--format", "neo4j-csv", "--out", out)
    assert result.exit_code == 1, result.output
    assert result.output == (
        f"Error: {out / 'neo4j-import'}: cannot write (No space left on device); not changed\n"
    )
    assert listing(out / "neo4j-import") == before
    assert sorted(p.name for p in out.iterdir()) == ["neo4j-import"]


# --- what a killed run left is cleaned at the next run ----------------------------------------------


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_leftovers_of_a_dead_run_are_removed_and_a_live_runs_kept(small_plan, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    dead, live = _dead_pid(), os.getppid()
    (out / f".kg-tmp-{dead}-graph.json.abc.tmp").write_text("{" * 1000)
    half = out / f".kg-tmp-{dead}-neo4j-import.xyz"
    half.mkdir()
    (half / "nodes_Plan.csv").write_text("half\n")
    (out / f".kg-tmp-{live}-graph.ttl.def.tmp").write_text("running\n")
    (out / "notes.txt").write_text("mine\n")

    result = run("build", small_plan, "--out", out, "--format", "json")

    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["graph.json", "notes.txt", f".kg-tmp-{live}-graph.ttl.def.tmp"]
    )


def test_an_old_folder_left_mid_swap_goes_back_with_the_users_files(tmp_path):
    folder = tmp_path / "clusters"
    with replace_folder(folder) as out:
        out.write_text("index.html", "ours\n")
    (folder / "mine.txt").write_text("mine\n")
    dead = _dead_pid()
    left = tmp_path / f".kg-old-{dead}-clusters"
    folder.rename(left)  # killed between the two renames of a swap: the folder is missing
    clean_leftovers(tmp_path)
    assert listing(tmp_path) == {
        "clusters/.kg-manifest": b"index.html\n",
        "clusters/index.html": b"ours\n",
        "clusters/mine.txt": b"mine\n",
    }
    shutil.rmtree(folder)
