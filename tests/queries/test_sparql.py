# ruff: noqa: E501
"""queries/*.rq via queries/rdf_backend.py: hand-written expected rows on the tiny graph, parameters
bound safely, and the same rows as the in-memory backend on the tiny graph and the real plans."""

from __future__ import annotations

import pytest
from rdflib import Graph

from kg.exports.rdf import graph_to_rdf
from kg.queries import memory, rdf_backend
from kg.queries.catalog import QUERIES
from kg.queries.rdf_backend import bindings, oxigraph_store, projected_query, query_text, run_query
from tests.fixtures.real_plans import bundled_graph, nanjing_graph
from tests.queries.tiny_rows import EDGE, EXPECTED, NOWHERE, P
from tests.queries.two_plans import with_concept


@pytest.fixture
def tiny_rdf(tiny_graph) -> Graph:
    return graph_to_rdf(tiny_graph)


def test_platforms_for_cluster(tiny_rdf):
    assert (
        run_query("platforms-for-cluster", {"cluster": "集成电路"}, tiny_rdf)
        == EXPECTED[("platforms-for-cluster", "集成电路")]
    )
    assert run_query("platforms-for-cluster", {"cluster": "人工智能"}, tiny_rdf) == []


def test_platform_without_district_gives_null(tiny_graph):
    tiny_graph.remove_edge("platform:钱塘芯谷", "district:杭州市钱塘区", key="LOCATED_IN")
    rows = run_query("platforms-for-cluster", {"cluster": "集成电路"}, graph_to_rdf(tiny_graph))
    assert rows[1] == {"plan": P, "platform": "钱塘芯谷", "district": None, **EDGE}


def test_clusters_in_district(tiny_rdf):
    assert (
        run_query("clusters-in-district", {"district": "滨江区"}, tiny_rdf)
        == EXPECTED[("clusters-in-district", "滨江区")]
    )
    assert run_query("clusters-in-district", {"district": "杭州市"}, tiny_rdf) == []


def test_targets_for_year(tiny_rdf):
    expected = EXPECTED[("targets-for-year", 2030)]
    assert run_query("targets-for-year", {"year": 2030}, tiny_rdf) == expected
    assert run_query("targets-for-year", {"year": "2030"}, tiny_rdf) == expected
    assert run_query("targets-for-year", {"year": 2035}, tiny_rdf) == []


def test_binding_indicators(tiny_rdf):
    assert run_query("binding-indicators", {}, tiny_rdf) == EXPECTED[("binding-indicators",)]


def test_platform_profile(tiny_rdf):
    for platform in ("滨江物联网小镇", "钱塘芯谷"):
        assert (
            run_query("platform-profile", {"platform": platform}, tiny_rdf)
            == EXPECTED[("platform-profile", platform)]
        )


def test_plans_for_concept(tiny_graph):
    rdf = graph_to_rdf(with_concept(tiny_graph))
    assert (
        run_query("plans-for-concept", {"concept": "集成电路"}, rdf)
        == EXPECTED[("plans-for-concept", "集成电路")]
    )
    assert run_query("plans-for-concept", {"concept": "新一代信息技术"}, rdf) == []


def test_plans_for_concept_cluster_without_platform_gives_its_own_location(tiny_graph):
    with_concept(tiny_graph)
    for platform in ("platform:钱塘芯谷", "platform:滨江物联网小镇"):
        tiny_graph.remove_edge(platform, "cluster:集成电路", key="SUPPORTS")
    where = {"path": "第一篇/第一章/第一节/专栏1", "line": 10, "quote": "集成电路"}
    assert run_query("plans-for-concept", {"concept": "集成电路"}, graph_to_rdf(tiny_graph)) == [
        {"plan": P, "cluster": "集成电路", "platform": None, "district": None, **where}
    ]


def test_edge_without_provenance_gives_null_location(tiny_graph):
    tiny_graph.add_edge("platform:钱塘芯谷", "district:杭州市", key="LOCATED_IN", type="LOCATED_IN")
    for engine, data in (("oxigraph", oxigraph_store(tiny_graph)), ("rdflib", graph_to_rdf(tiny_graph))):
        rows = run_query("platform-profile", {"platform": "钱塘芯谷"}, data, engine=engine)
        assert rows[0] == {"plan": None, "relation": "LOCATED_IN", "direction": "out", "otherType": "District",
                           "other": "杭州市", **NOWHERE}  # fmt: skip


HOSTILE = ['集成电路"@zh } UNION { ?p ?x ?y } #', '集成电路\\"@zh) } } #', "集成电路\n} #\u2028", "集成电路'"]


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
@pytest.mark.parametrize("hostile", HOSTILE)
def test_parameters_are_bound_not_pasted(tiny_rdf, engine, hostile):
    assert run_query("platforms-for-cluster", {"cluster": hostile}, tiny_rdf, engine=engine) == []
    assert run_query("binding-indicators", {"plan": hostile}, tiny_rdf, engine=engine) == []


def test_parameters_are_substituted_terms_and_projected_variables():
    assert bindings("platforms-for-cluster", {"cluster": 'a"b\n'}) == {"cluster": ("zh", 'a"b\n')}
    assert bindings("targets-for-year", {"year": 2030}) == {"year": ("integer", 2030)}
    assert bindings("binding-indicators", {"plan": "p-1"}) == {"inPlan": ("plain", "p-1")}
    filtered = projected_query("binding-indicators", [], {"inPlan": ("plain", 'a"b\n')})
    assert '\n  VALUES (?inPlan) { ("a\\"b\\n") }\n' in filtered
    assert filtered.index("VALUES (?inPlan)") > filtered.index("WHERE {")
    text = projected_query("platforms-for-cluster", ["cluster"])
    assert "SELECT DISTINCT ?cluster ?plan ?platform" in text
    assert (
        'a"b' not in text
        and text.count("?cluster") == query_text("platforms-for-cluster").count("?cluster") + 1
    )


def test_engines_give_the_same_rows_on_the_tiny_graph(tiny_graph):
    graph = with_concept(tiny_graph)
    store, rdf = oxigraph_store(graph), graph_to_rdf(graph)
    for name, params in _params_for(graph):
        assert run_query(name, params, store) == run_query(name, params, rdf, engine="rdflib"), name
    with pytest.raises(ValueError, match="unknown SPARQL engine"):
        run_query("binding-indicators", {}, store, engine="jena")


def test_bad_parameters_raise(tiny_rdf):
    with pytest.raises(ValueError, match="missing 'cluster'"):
        run_query("platforms-for-cluster", {}, tiny_rdf)
    with pytest.raises(ValueError, match="unknown query"):
        run_query("no-such-query", {}, tiny_rdf)


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_rq_files_run_as_is_with_the_documented_columns(tiny_graph, name):
    result = graph_to_rdf(with_concept(tiny_graph)).query(query_text(name))
    assert tuple(str(v) for v in result.vars) == QUERIES[name].columns
    assert len(result) >= 1  # unbound parameters match every value


def _params_for(graph) -> list[tuple[str, dict]]:
    """One call per query and per relevant name or year present in ``graph``."""

    def names(node_type, limit=25):
        """Up to ``limit`` names, spread over the sorted list, to keep the test fast on big plans."""
        found = sorted({a["name"] for _, a in graph.nodes(data=True) if a.get("type") == node_type})
        return found[:: max(1, len(found) // limit)]

    years = sorted(
        {
            a["year"]
            for _, a in graph.nodes(data=True)
            if a.get("type") == "Target" and isinstance(a.get("year"), int)
        }
    )
    calls = [("binding-indicators", {})]
    calls += [("platforms-for-cluster", {"cluster": n}) for n in names("IndustryCluster")]
    calls += [("clusters-in-district", {"district": n}) for n in names("District")]
    calls += [("platform-profile", {"platform": n}) for n in names("Platform")]
    calls += [("targets-for-year", {"year": y}) for y in years or [2030]]
    concepts = sorted({c for _, a in graph.nodes(data=True) for c in a.get("concepts") or []})
    calls += [("plans-for-concept", {"concept": c}) for c in concepts or ["集成电路"]]
    return calls


def _assert_backends_agree(graph, rdflib_every: int = 1) -> int:
    """Memory and SPARQL on oxigraph give identical rows for every call, and SPARQL on rdflib for
    every ``rdflib_every``-th call (rdflib takes up to seconds a call on a real plan)."""
    rdf, store = graph_to_rdf(graph), oxigraph_store(graph)
    rows = 0
    for index, (name, params) in enumerate(_params_for(graph)):
        expected = memory.run_query(name, params, graph)
        assert run_query(name, params, store) == expected, (name, params)
        if index % rdflib_every == 0:
            assert run_query(name, params, rdf, engine="rdflib") == expected, (name, params)
        rows += len(expected)
    return rows


def test_agrees_with_memory_backend_on_tiny_graph(tiny_graph):
    assert _assert_backends_agree(with_concept(tiny_graph)) >= 10


@pytest.mark.parametrize("build", [bundled_graph, nanjing_graph], ids=["hangzhou", "nanjing"])
def test_agrees_with_memory_backend_on_real_plans(build):
    """rdflib on every third call here (every call on the tiny graph, and on each case of
    tests/queries/test_agreement.py)."""
    assert _assert_backends_agree(build(), rdflib_every=3) > 100


@pytest.mark.parametrize("name", ["binding-indicators", "targets-for-year"])
def test_rq_files_sort_numbers_written_as_text_by_value_as_is(tiny_graph, name):
    """Run as-is (no parameters) in either engine, a file gives its rows in the catalog's order."""
    from tests.queries.numbers import with_numbered_indicators

    graph = with_numbered_indicators(tiny_graph)
    for node, value in (("a", "12"), ("b", "9.5"), ("c", "100")):
        graph.add_node(f"tiny-plan/target/{node}", type="Target", year=2030, value=value, subject="指标")
    columns = QUERIES[name].columns
    expected = (
        [tuple(row.values()) for row in memory.run_query(name, {"year": 2030}, graph)]
        if name == "targets-for-year"
        else None
    )
    expected = expected or [tuple(row.values()) for row in memory.run_query(name, {}, graph)]
    store = oxigraph_store(graph)
    as_is = [
        tuple(rdf_backend._oxigraph_python(s[c]) for c in columns) for s in store.query(query_text(name))
    ]
    assert as_is == expected
    rdflib_rows = graph_to_rdf(graph).query(query_text(name))
    assert [tuple(rdf_backend._rdflib_python(row[c]) for c in columns) for row in rdflib_rows] == expected
