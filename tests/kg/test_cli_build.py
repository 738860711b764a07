import json

import pytest
from click.testing import CliRunner

from kg.cli import main


def run(*args):
    result = CliRunner().invoke(main, list(args))
    return result


def test_build_bundled_plan_writes_graph_json_and_summary(tmp_path):
    out = tmp_path / "out"
    result = run("build", "--out", str(out), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    types = [n["type"] for n in data["nodes"]]
    assert types.count("Chapter") == 61
    first_chapter = next(n for n in data["nodes"] if n["type"] == "Chapter")
    assert {"id", "type", "name", "source"} <= set(first_chapter)
    assert all({"source", "target", "type"} <= set(link) for link in data["links"])
    assert "Chapter" in result.output and "61" in result.output
    assert f"wrote {out / 'graph.json'}" in result.output.replace("\n", "")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"\x00\x01binary\x00", "binary file"),
        (b"\x80\x81\xfa not text \xfe" * 50, "not UTF-8"),
        ("只是一段文字，没有章节。\n".encode(), "no plan structure found"),
    ],
    ids=["empty", "binary", "wrong-encoding", "not-a-plan"],
)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(tmp_path, content, message):
    doc = tmp_path / "doc.txt"
    doc.write_bytes(content)
    out = tmp_path / "out"
    result = run("build", str(doc), "--out", str(out))
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert result.output.strip().count("\n") == 0
    assert "Traceback" not in result.output
    assert not out.exists()


def test_missing_path_exits_2(tmp_path):
    result = run("build", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "no such file" in result.output


def test_out_pointing_at_a_file_is_refused(tmp_path):
    target = tmp_path / "file.txt"
    target.write_text("keep me", encoding="utf-8")
    result = run("build", "--out", str(target), "--format", "json")
    assert result.exit_code == 2
    assert "is not a folder" in result.output
    assert target.read_text(encoding="utf-8") == "keep me"


def test_default_build_writes_every_export(tmp_path):
    out = tmp_path / "out"
    result = run("build", "--out", str(out))
    assert result.exit_code == 0, result.output
    for name in ("graph.json", "graph.ttl", "graph.jsonld", "graph.nt", "graph.html"):
        assert (out / name).stat().st_size > 100_000, name
    assert (out / "neo4j-import" / "README.txt").exists()
    pages = sorted(p.name for p in (out / "clusters").glob("cluster-*.html"))
    assert len(pages) == 17 and (out / "clusters" / "index.html").exists()
    assert not list(out.rglob("*.tmp"))


def test_version_and_help():
    assert run("--version").output.startswith("kg, version ")
    assert "Build the knowledge graph" in run("build", "--help").output


def test_stats_lists_every_problem_with_its_line():
    result = run("stats")
    assert result.exit_code == 0, result.output
    assert "extraction problems" in result.output
    assert "platform-without-district" in result.output
    assert "滨萧特别合作园" in result.output
    assert "Chapter" in result.output and "61" in result.output


def _files(folder):
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_writer_processes_write_what_one_writes(tmp_path, monkeypatch):
    from kg.commands import writers

    names = ["json", "nt", "html-matrix", "neo4j-csv"]
    args = [a for n in names for a in ("--format", n)]
    forked = run("build", "--out", str(tmp_path / "forked"), *args)
    monkeypatch.setattr(writers, "can_fork", lambda: False)
    alone = run("build", "--out", str(tmp_path / "alone"), *args)
    assert forked.exit_code == alone.exit_code == 0, forked.output + alone.output
    assert _files(tmp_path / "forked") == _files(tmp_path / "alone")
    assert {"graph.json", "graph.nt", "matrix.html", "neo4j-import/nodes_Plan.csv"} <= set(
        _files(tmp_path / "alone")
    )
    wrote = [line for line in forked.output.splitlines() if line.startswith("wrote ")]
    assert [line.rsplit("/", 1)[1] for line in wrote] == [
        "graph.json",
        "graph.nt",
        "matrix.html",
        "neo4j-import",
    ]


def test_a_failure_in_the_second_writer_process_is_one_line(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "matrix.html").mkdir()  # a folder where the page would go
    (out / "matrix.html" / "keep").write_text("x", encoding="utf-8")
    result = run("build", "--out", str(out), "--format", "json", "--format", "html-matrix")
    assert result.exit_code == 1, result.output
    message = result.output.strip().splitlines()[-1]
    assert (
        message.startswith(f"Error: {out / 'matrix.html'}: cannot write") and "Traceback" not in result.output
    )
    assert (out / "graph.json").is_file() and (out / "matrix.html" / "keep").is_file()


@pytest.fixture
def second_pids(monkeypatch):
    """The pids of the second writer processes the builds of a test fork."""
    from kg.commands import writers

    pids = []
    real = writers.SecondWriter.__init__

    def recording(self, names):
        real(self, names)
        pids.append(self.pid)

    monkeypatch.setattr(writers.SecondWriter, "__init__", recording)
    return pids


def _reaped(pid: int) -> bool:
    import os

    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_bad_input_ends_the_waiting_second_process(tmp_path, second_pids):
    """The second process is forked before the plan is read: a plan that is no plan still ends in
    one line, nothing written, and the process awaited (no zombie)."""
    bad = tmp_path / "notes.txt"
    bad.write_text("会议纪要\n\n今天讨论了三件事。\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run("build", str(bad), "--out", str(out))
    assert result.exit_code == 2 and "no plan structure found" in result.output
    assert len(second_pids) == 1 and _reaped(second_pids[0])
    assert not out.exists()


def test_a_failure_in_this_process_awaits_the_second(tmp_path, second_pids):
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.nt").mkdir()  # a folder where this process's file would go
    result = run("build", "--out", str(out), "--format", "nt", "--format", "json")
    assert result.exit_code == 1, result.output
    assert result.output.strip().splitlines()[-1].startswith(f"Error: {out / 'graph.nt'}: cannot write")
    assert len(second_pids) == 1 and _reaped(second_pids[0])


def test_the_build_process_writes_rdf_without_importing_networkx(tmp_path):
    """With a second writer process, this one parses into plain dicts and writes the RDF files from
    them: networkx (0.15 s of imports) is imported by the second process only."""
    import subprocess
    import sys

    from kg.commands.writers import can_fork

    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('networkx' in sys.modules))\n"
        f"from kg.cli import run; sys.argv = ['kg', 'build', '--out', {str(tmp_path / 'out')!r}]; run()"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == str(not can_fork())
    assert (tmp_path / "out" / "graph.ttl").stat().st_size > 1_000_000
    assert (tmp_path / "out" / "graph.html").stat().st_size > 1_000_000
