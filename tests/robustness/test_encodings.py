"""Encodings and file formats: the same plan in every supported encoding gives the same graph; others give
one clear error; the size limit is checked before reading (a sparse 50 MB file, never read)."""

from __future__ import annotations

import resource
import time

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.loaders.readers.decode import MAX_BYTES, PlanInputError, read_plan_text
from kg.pipeline import build_graph_from_paths, bundled_plan_path

PLAN = bundled_plan_path().read_text(encoding="utf-8")
SMALL = "杭州市规划纲要\n\n第一章 总则\n\n到2030年，数字经济核心产业增加值达到8000亿元。\n"
NAME = "plan.txt"  # the same file name everywhere, so the plan ids (and so node ids) agree


def write(tmp_path, label: str, data: bytes):
    folder = tmp_path / label
    folder.mkdir()
    path = folder / NAME
    path.write_bytes(data)
    return path


def fingerprint(graph) -> tuple[int, int, frozenset]:
    quotes = frozenset((n, a["source"]["quote"]) for n, a in graph.nodes(data=True) if a.get("source"))
    return graph.number_of_nodes(), graph.number_of_edges(), quotes


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    return fingerprint(build_graph_from_paths([write(tmp_path_factory.mktemp("ref"), "utf8", PLAN.encode())]))


@pytest.mark.parametrize(
    ("label", "encode"),
    [
        ("utf8-bom", lambda t: b"\xef\xbb\xbf" + t.encode("utf-8")),
        ("gb18030", lambda t: t.encode("gb18030")),
        ("utf16-le-bom", lambda t: t.encode("utf-16")),
        ("utf16-be-bom", lambda t: b"\xfe\xff" + t.encode("utf-16-be")),
        ("crlf", lambda t: t.replace("\n", "\r\n").encode("utf-8")),
        ("cr-only", lambda t: t.replace("\n", "\r").encode("utf-8")),
    ],
)
def test_whole_plan_gives_the_same_graph_in_every_encoding(tmp_path, reference, label, encode):
    graph = build_graph_from_paths([write(tmp_path, label, encode(PLAN))])
    assert fingerprint(graph) == reference
    assert reference[0] > 1000


def test_gbk_needs_no_flag_when_it_is_plain_gbk(tmp_path):
    """A GBK file is valid GB18030 (a superset): detected without --encoding."""
    path = write(tmp_path, "gbk", SMALL.encode("gbk"))
    assert read_plan_text(path) == SMALL
    result = CliRunner().invoke(
        main, ["build", str(path), "--out", str(tmp_path / "out"), "--format", "json"]
    )
    assert result.exit_code == 0, result.output


def test_utf16_without_bom_says_which_encoding_to_try(tmp_path):
    path = write(tmp_path, "utf16-nobom", SMALL.encode("utf-16-le"))
    result = CliRunner().invoke(main, ["build", str(path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "--encoding utf-16-le" in result.output, result.output
    again = CliRunner().invoke(
        main,
        ["build", str(path), "--encoding", "utf-16-le", "--out", str(tmp_path / "out"), "--format", "json"],
    )
    assert again.exit_code == 0, again.output


def test_big5_is_refused_with_a_hint(tmp_path):
    """Big5 (Traditional) bytes are neither UTF-8 nor GB18030 Chinese: one line naming --encoding."""
    path = write(
        tmp_path, "big5", ("第一章 總則\n到2030年，數字經濟核心產業達到8000億元。\n" * 20).encode("big5")
    )
    with pytest.raises(PlanInputError) as err:
        read_plan_text(path)
    assert "--encoding" in str(err.value) and "\n" not in str(err.value)
    # with the encoding named, it reads; the Traditional script is then reported as unsupported
    graph = build_graph_from_paths([path], encoding="big5")
    assert [p["code"] for p in graph.graph["problems"]].count("traditional-chinese") == 1


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path):
    """A sparse 50 MB file (no disk used): the size check refuses it at once, without reading it."""
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(50_000_000)
    assert path.stat().st_blocks == 0  # sparse: nothing was written
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    with pytest.raises(PlanInputError, match=r"huge.txt: 47.7 MiB is over the 16 MiB limit for one plan"):
        read_plan_text(path)
    assert time.perf_counter() - started < 1
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before < 10_000  # KiB: not read
    assert MAX_BYTES == 16 * 2**20
    result = CliRunner().invoke(main, ["build", str(path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2 and "over the 16 MiB limit" in result.output
    assert not (tmp_path / "out").exists()
