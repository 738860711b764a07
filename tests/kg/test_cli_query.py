# ruff: noqa: E501
"""`kg query` and `kg trace` as users call them (CliRunner), on the tiny graph and on the real plans."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.cells import cell_len

from kg.cli import main
from kg.exports.json import write_json
from kg.pipeline import bundled_plan_path
from kg.queries.catalog import QUERIES
from tests.fixtures.tiny import tiny_graph
from tests.queries.tiny_rows import EXPECTED

NANJING = Path(__file__).parents[1] / "data" / "nanjing-15th-five-year-plan-outline.txt"
QUOTE = "滨江物联网小镇"


@pytest.fixture
def graph_file(tmp_path):
    """The tiny graph, its cluster matched to the shared concept 集成电路."""
    from tests.queries.two_plans import with_concept

    return str(write_json(with_concept(tiny_graph()), tmp_path / "graph.json")[0])


def run(*args):
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def same_width(text: str) -> set[int]:
    return {cell_len(line) for line in text.splitlines() if line}


def test_list_as_json_comes_from_the_catalog():
    result = run("query", "--list", "--format", "json")
    assert result.exit_code == 0, result.output
    listed = json.loads(result.stdout)
    assert [q["name"] for q in listed] == list(QUERIES)
    assert listed[2] == {
        "name": "targets-for-year",
        "parameters": {"year": "int", "plan": "str?"},
        "columns": ["plan", "subject", "value", "unit", "comparator", "path", "line", "quote"],
        "description": "Every quantitative Target for the year, with its location and quote.",
    }


def test_list_as_table_names_every_query():
    result = run("query", "--list")
    assert result.exit_code == 0, result.output
    assert all(name in result.output for name in QUERIES)
    assert len(same_width(result.stdout)) == 1


def test_query_json_output_is_exact(graph_file):
    result = run("query", "platforms-for-cluster", "集成电路", "--graph", graph_file, "--format", "json")
    assert result.exit_code == 0, result.output
    expected = EXPECTED[("platforms-for-cluster", "集成电路")]
    assert result.stdout == json.dumps(expected, ensure_ascii=False, indent=2) + "\n"


def test_param_option_equals_positional(graph_file):
    positional = run("query", "targets-for-year", "2030", "--graph", graph_file, "--format", "json")
    option = run("query", "targets-for-year", "-p", "year=2030", "--graph", graph_file, "--format", "json")
    assert positional.exit_code == option.exit_code == 0, positional.output + option.output
    assert positional.stdout == option.stdout
    assert json.loads(option.stdout)[0]["value"] == "1000"


def test_csv_output_is_exact(graph_file):
    result = run("query", "binding-indicators", "--graph", graph_file, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "plan,table,number,name,unit,baseline,target,path,line,quote\n"
        "tiny-plan,main,2,森林覆盖率,%,65.7,>65,第一篇/第一章/主要指标/2,22,| 2 | 森林覆盖率(%) | 65.7 | >65 | — | 约束性 |\n"
    )


def test_csv_writes_null_as_empty(graph_file, tmp_path):
    g = tiny_graph()
    g.remove_edge("platform:钱塘芯谷", "district:杭州市钱塘区", key="LOCATED_IN")
    path = str(write_json(g, tmp_path / "g2.json")[0])
    result = run("query", "platforms-for-cluster", "集成电路", "--graph", path, "--format", "csv")
    assert result.stdout.splitlines()[-1] == f"tiny-plan,钱塘芯谷,,第一篇/第一章/第一节/专栏1/1,10,{QUOTE}"


def test_table_aligns_wide_characters(graph_file):
    result = run("query", "platform-profile", "滨江物联网小镇", "--graph", graph_file)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("┌") and lines[-1].startswith("└")
    assert sum(" MENTIONS " in line or " SUPPORTS " in line or " LOCATED_IN " in line for line in lines) == 3
    assert len(same_width(result.stdout)) == 1, result.output  # wrapped cells stay aligned
    assert "集成电路。支持滨江物联网小镇建" in result.output


def test_unknown_query_is_a_usage_error(graph_file):
    result = run("query", "nope", "--graph", graph_file)
    assert result.exit_code == 2, result.output
    assert (
        "unknown query 'nope'; known: binding-indicators, clusters-in-district, concept-matrix, "
        "indicator-across-plans, plans-for-concept, platform-profile" in result.output
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["targets-for-year", "二〇三〇"], "parameter 'year' must be int, got '二〇三〇'"),
        (["targets-for-year"], "missing 'year'; needs targets-for-year(year: int, plan: str?)"),
        (["platform-profile", "-p", "name=x"], "takes no parameter 'name'"),
        (["platform-profile", "-p", "钱塘芯谷"], "'钱塘芯谷' is not KEY=VALUE"),
        ([], "name a query (kg query --list)"),
    ],
)
def test_bad_parameters_are_usage_errors(graph_file, args, message):
    result = run("query", *args, "--graph", graph_file)
    assert result.exit_code == 2, result.output
    assert message in result.output


def test_graph_and_documents_together_are_refused(graph_file):
    result = run("query", "binding-indicators", str(NANJING), "--graph", graph_file)
    assert result.exit_code == 2, result.output
    assert "give documents or --graph, not both" in result.output


def test_a_file_that_is_not_a_graph_is_a_clear_error(tmp_path):
    bad = tmp_path / "graph.json"
    bad.write_text('{"nodes": 1}', encoding="utf-8")
    result = run("query", "binding-indicators", "--graph", str(bad))
    assert result.exit_code == 2, result.output
    assert 'not a graph.json: "nodes" is 1, not a list' in result.output


def test_neo4j_backend_reads_no_documents():
    result = run("query", "binding-indicators", str(NANJING), "--backend", "neo4j")
    assert result.exit_code == 2, result.output
    assert "queries the loaded database" in result.output


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_rdf_backend_returns_the_memory_rows_or_says_it_is_missing(graph_file, name):
    args = {"platforms-for-cluster": ["集成电路"], "clusters-in-district": ["滨江区"], "targets-for-year": ["2030"],
            "platform-profile": ["滨江物联网小镇"], "plans-for-concept": ["集成电路"],
            "targets-for-concept": ["集成电路"]}.get(name, [])  # fmt: skip
    memory = run("query", name, *args, "--graph", graph_file, "--format", "json")
    rdf = run("query", name, *args, "--graph", graph_file, "--format", "json", "--backend", "rdf")
    if importlib.util.find_spec("kg.queries.rdf_backend") is None:
        assert rdf.exit_code == 1
        assert "the rdf backend is not available (kg.queries.rdf_backend is missing)" in rdf.output
    else:
        assert rdf.exit_code == 0, rdf.output
        assert rdf.output == memory.output


def test_rdf_file_is_what_the_query_reads(graph_file, tmp_path):
    """``--rdf FILE`` alone queries that file (the rdf backend implied); with the memory or Neo4j
    backend, ``--graph`` or documents beside it, one of the two would be ignored: a usage error."""
    from kg.exports.rdf_text import write_ntriples

    rdf_file = str(tmp_path / "graph.nt")
    write_ntriples(tiny_graph(), rdf_file)
    by_default = run("query", "binding-indicators", "--rdf", rdf_file, "--format", "json")
    named = run("query", "binding-indicators", "--rdf", rdf_file, "--format", "json", "--backend", "rdf")
    assert by_default.exit_code == named.exit_code == 0, by_default.output
    assert json.loads(by_default.stdout) == json.loads(named.stdout) != []
    for extra, message in (
        (["--backend", "memory"], "--rdf is queried by --backend rdf, not --backend memory"),
        (["--backend", "neo4j"], "--rdf is queried by --backend rdf, not --backend neo4j"),
        (["--graph", graph_file], f"give --rdf or --graph {graph_file}, not both"),
        ([str(NANJING)], f"give --rdf or documents {NANJING}, not both"),
    ):
        refused = run("query", "binding-indicators", "--rdf", rdf_file, *extra)
        assert refused.exit_code == 2, refused.output
        assert message in refused.output


@pytest.mark.parametrize("plan", [None, NANJING], ids=["bundled-hangzhou", "nanjing"])
def test_query_on_a_real_plan_quotes_the_text_exactly(plan):
    docs = [] if plan is None else [str(plan)]
    result = run("query", "targets-for-year", "2030", *docs, "--format", "json")
    assert result.exit_code == 0, result.output
    text = (plan or bundled_plan_path()).read_text(encoding="utf-8").replace("\r\n", "\n")
    rows = json.loads(result.stdout)
    assert all(
        list(row) == ["plan", "subject", "value", "unit", "comparator", "path", "line", "quote"]
        for row in rows
    )
    assert all(row["quote"] in text for row in rows)
    lines = text.splitlines()
    assert all(
        row["quote"].splitlines()[0] in lines[row["line"] - 1] for row in rows
    )  # the line is the quote's
    assert {row["plan"] for row in rows} == {"330100-15" if plan is None else "320100-15"}
    if plan is None:
        assert len(rows) >= 20  # Hangzhou states dozens of 2030 targets


def test_trace_of_an_alias_renders_aligned_tables(graph_file):
    result = run("trace", "杭州高新区（滨江）", "--graph", graph_file)
    assert result.exit_code == 0, result.output
    head, *tables = result.stdout.split("\n\n")
    assert head.splitlines() == [
        "滨江区  [District]  district:杭州市滨江区",
        "aliases: 滨江, 杭州高新区（滨江）",
        "level: district",
    ]
    assert [t.splitlines()[0].rstrip() for t in tables] == [
        "LOCATED_IN ← in (2)",
        "LOCATED_IN → out (1)",
        "MENTIONS ← in (1)",
    ]
    assert all(len(same_width(table)) == 1 for table in tables), result.output
    assert "tiny-plan 第一篇/第一章/第一节/专栏1/1 L10" in tables[0]


def test_trace_shows_targets_with_year_value_unit(graph_file):
    result = run("trace", "集成电路", "--graph", graph_file)
    assert result.exit_code == 0, result.output
    targets = result.output.split("\n\n")[1]
    assert targets.splitlines()[0].rstrip() == "MEASURED_BY → out: targets (1)"
    row = targets.splitlines()[4]
    assert [c.strip() for c in row.split("│")[1:-1]] == [
        "2030", ">", "1000", "亿元", "集成电路产业营业收入", "tiny-plan 第一篇/第一章/第一节/专栏1/1 L11",
        "到2030年，集成电路产业营业收入超1000亿元",
    ]  # fmt: skip


def test_trace_json(graph_file):
    result = run("trace", "芯谷", "--graph", graph_file, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["id"], data["type"], data["targets"]) == ("platform:钱塘芯谷", "Platform", [])
    assert [(f["relation"], f["direction"], f["other_name"]) for f in data["facts"]] == [
        ("LOCATED_IN", "out", "钱塘区"),
        ("SUPPORTS", "out", "集成电路"),
    ]


def test_trace_ambiguous_lists_candidates(graph_file):
    result = run("trace", "江", "--graph", graph_file)
    assert result.exit_code == 1, result.output
    assert result.stderr.split("\n", 1)[1] == (
        "Error: '江' matches several entities; give a more precise name:\n"
        "  滨江区  [District]  district:杭州市滨江区\n"
        "  浙江大学  [Institution]  institution:浙江大学\n"
        "  滨江物联网小镇  [Platform]  platform:滨江物联网小镇\n"
    )


def test_trace_unknown_suggests(graph_file):
    result = run("trace", "浙大", "--graph", graph_file)
    assert result.exit_code == 1, result.output
    assert result.stderr.split("\n", 1)[1] == (
        "Error: no cluster, platform, district or institution is called '浙大'; did you mean:\n"
        "  浙江大学  [Institution]  institution:浙江大学\n"
    )
    result = run("trace", "量子计算", "--graph", graph_file)
    assert result.exit_code == 1, result.output
    assert result.output.endswith("'量子计算'; no similar names\n")


@pytest.mark.parametrize(
    ("args", "stored"),
    [
        (("clusters-in-district", "滨江"), "滨江物联网小镇"),  # an alias of 滨江区
        (("platforms-for-cluster", "集成"), "滨江物联网小镇"),  # a unique part of 集成电路
        (("platform-profile", "物联网小镇"), "SUPPORTS"),  # a short form of 滨江物联网小镇
    ],
    ids=["alias", "substring", "short-form"],
)
def test_names_resolve_as_people_type_them(graph_file, args, stored):
    result = run("query", *args, "--graph", graph_file, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert stored in result.stdout


@pytest.mark.parametrize("backend", ["memory", "rdf"])
def test_an_unknown_name_is_exit_1_with_suggestions(graph_file, backend):
    result = run("query", "platforms-for-cluster", "集成电络", "--graph", graph_file, "--backend", backend)
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert "'集成电络'; did you mean:\n  集成电路  [IndustryCluster]" in result.stderr


@pytest.fixture(scope="module")
def two_plans_file(tmp_path_factory):
    """Hangzhou and Guangzhou built into one graph.json."""
    from tests.queries.two_plans import two_plan_graph

    return str(write_json(two_plan_graph(), tmp_path_factory.mktemp("two") / "graph.json")[0])


@pytest.mark.parametrize("backend", ["memory", "rdf"])
def test_rows_of_two_plans_say_their_plan_and_the_plan_filter_keeps_one(two_plans_file, backend):
    def rows(*args):
        result = run("query", "platforms-for-cluster", "集成电路", "--graph", two_plans_file,
                     "--backend", backend, "--format", "json", *args)  # fmt: skip
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    both = rows()
    assert {row["plan"] for row in both} == {"330100-15"}  # 集成电路 is Hangzhou's cluster name
    assert all(row["path"] and row["line"] and row["quote"] for row in both)
    assert rows("--plan", "杭州") == rows("--plan", "330100-15") == both
    assert rows("--plan", "广州") == []
    result = run(
        "query", "binding-indicators", "--graph", two_plans_file, "--backend", backend, "--format", "json"
    )
    indicators = json.loads(result.stdout)
    assert {row["plan"] for row in indicators} == {"330100-15", "440100-15"}
    only = run(
        "query", "binding-indicators", "--graph", two_plans_file, "--plan", "广州市", "--format", "json"
    )
    assert json.loads(only.stdout) == [row for row in indicators if row["plan"] == "440100-15"]


@pytest.mark.parametrize(("plan", "message"), [
    ("南京", "no plan of the graph is '南京'; did you mean:\n"),
    ("市", "'市' matches several entities; give a more precise name:\n"),
])  # fmt: skip
def test_a_plan_that_is_not_in_the_graph_is_exit_1(two_plans_file, plan, message):
    result = run("query", "binding-indicators", "--graph", two_plans_file, "--plan", plan)
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert message in result.stderr
    assert "[Plan]  330100-15" in result.stderr or "[Plan]  440100-15" in result.stderr


@pytest.mark.parametrize("backend", ["memory", "rdf"])
def test_a_concept_resolves_as_people_type_it(two_plans_file, backend):
    def concept(text, *args):
        return run("query", "plans-for-concept", text, "--graph", two_plans_file, "--backend", backend,
                   "--format", "json", *args)  # fmt: skip

    exact = concept("集成电路")
    assert exact.exit_code == 0, exact.output
    assert {row["plan"] for row in json.loads(exact.stdout)} == {"330100-15", "440100-15"}
    assert concept("芯片").stdout == concept("半导体").stdout == exact.stdout  # alternative labels
    unknown = concept("新能源车")
    assert unknown.exit_code == 1 and unknown.stdout == ""
    assert (
        "no industry concept of the graph's clusters is called '新能源车'; did you mean:\n" in unknown.stderr
    )
    assert "  新能源汽车  [IndustryConcept]  concept:新能源汽车" in unknown.stderr


@pytest.fixture
def tiny_in_neo4j(neo4j_driver, neo4j_database, neo4j_plans):
    from kg.exports.neo4j import load_graph
    from tests.queries.two_plans import with_concept

    neo4j_plans.claim("tiny-plan")
    load_graph(with_concept(tiny_graph()), neo4j_driver, database=neo4j_database, progress=False)


@pytest.mark.requires_neo4j
@pytest.mark.parametrize(
    ("args", "stored"),
    [
        (("clusters-in-district", "滨江"), "滨江物联网小镇"),  # an alias of 滨江区
        (("platforms-for-cluster", "集成"), "滨江物联网小镇"),  # a unique part of 集成电路
        (("platform-profile", "物联网小镇"), "SUPPORTS"),  # a short form of 滨江物联网小镇
        (("plans-for-concept", "芯片"), "钱塘芯谷"),  # an alternative label of the concept 集成电路
        (("binding-indicators", "--plan", "小城市"), "森林覆盖率"),  # the plan by its title
    ],
    ids=["alias", "substring", "short-form", "concept", "plan"],
)
def test_names_resolve_on_the_neo4j_backend(tiny_in_neo4j, args, stored):
    result = run("query", *args, "--backend", "neo4j", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert stored in result.stdout


@pytest.mark.requires_neo4j
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("platforms-for-cluster", "集成电络"), "'集成电络'; did you mean:\n  集成电路  [IndustryCluster]"),
        (("plans-for-concept", "量子"), "no industry concept of the graph's clusters is called '量子'"),
        (("binding-indicators", "--plan", "大城市"), "no plan of the graph is '大城市'; did you mean:\n"),
    ],
    ids=["cluster", "concept", "plan"],
)
def test_an_unknown_name_on_the_neo4j_backend_is_exit_1(tiny_in_neo4j, args, message):
    result = run("query", *args, "--backend", "neo4j")
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert message in result.stderr
