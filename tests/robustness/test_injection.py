"""Hostile names and quotes reach Neo4j, RDF and HTML as data only (read back unchanged, escaped, valid)."""

from __future__ import annotations

import re

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.exports.html import write_html
from kg.exports.html_page import vis_assets
from kg.exports.neo4j import load_graph
from kg.exports.rdf import PLAN, generate_jsonld, generate_ntriples, generate_turtle
from tests.exports.browser import body_data, dump_dom, page_url
from tests.robustness.hostile import (
    ANGLES,
    CYPHER,
    PLAN_ID,
    PWN,
    QUOTES,
    SENTINEL_ID,
    hostile_graph,
    names_and_quotes,
    sentinel_graph,
)

# RFC 3987: these never appear in an IRI (rdflib would write them out unchecked).
BAD_IRI_CHAR = re.compile(r'[\s<>"{}|\\^`]')


def test_the_payloads_are_in_the_graph():
    names = " ".join(name for name, _ in names_and_quotes(hostile_graph()).values())
    quotes = " ".join(q or "" for _, q in names_and_quotes(hostile_graph()).values())
    for payload in (CYPHER, PWN, QUOTES, ANGLES):
        assert payload in names + quotes, payload
    assert PLAN_ID in hostile_graph()


# --- Neo4j ----------------------------------------------------------------------------------------


def _rows(driver, database, cypher, **params):
    records, _, _ = driver.execute_query(cypher, params, database_=database)
    return [r.data() for r in records]


@pytest.mark.requires_neo4j
def test_neo4j_stores_payloads_as_data_and_keeps_other_data(neo4j_driver, neo4j_database, neo4j_plans):
    neo4j_plans.claim(PLAN_ID, SENTINEL_ID)
    load_graph(sentinel_graph(), neo4j_driver, database=neo4j_database, progress=False)
    count_all = "MATCH (n) RETURN count(n) AS n"
    before = _rows(neo4j_driver, neo4j_database, count_all)[0]["n"]

    graph = hostile_graph()
    load_graph(graph, neo4j_driver, database=neo4j_database, batch_size=3, progress=False)

    stored = _rows(
        neo4j_driver,
        neo4j_database,
        "MATCH (n:Entity) WHERE n.id IN $ids RETURN n.id AS id, n.name AS name, n.sourceQuote AS quote",
        ids=list(graph.nodes),
    )
    assert {r["id"]: (r["name"], r["quote"]) for r in stored} == names_and_quotes(graph)
    plan_nodes = _rows(
        neo4j_driver, neo4j_database, "MATCH (n:Entity) WHERE $p IN n.planIds RETURN count(n) AS n", p=PLAN_ID
    )
    assert plan_nodes[0]["n"] == graph.number_of_nodes()
    # Nothing was deleted: the sentinel plan is whole, and the database grew.
    sentinel = _rows(
        neo4j_driver,
        neo4j_database,
        "MATCH (n:Entity) WHERE $p IN n.planIds RETURN count(n) AS n",
        p=SENTINEL_ID,
    )
    assert sentinel[0]["n"] == sentinel_graph().number_of_nodes()
    assert _rows(neo4j_driver, neo4j_database, count_all)[0]["n"] > before


# --- RDF ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def rdf_graphs():
    graph = hostile_graph()
    return {
        "turtle": Graph().parse(data=generate_turtle(graph), format="turtle"),
        "nt": Graph().parse(data=generate_ntriples(graph), format="nt"),
        "json-ld": Graph().parse(data=generate_jsonld(graph), format="json-ld"),
    }


def test_rdf_reparses_the_same_in_every_format(rdf_graphs):
    assert len(rdf_graphs["turtle"]) > 50
    assert isomorphic(rdf_graphs["turtle"], rdf_graphs["nt"])
    assert isomorphic(rdf_graphs["turtle"], rdf_graphs["json-ld"])


def test_rdf_iris_are_valid_and_literals_unchanged(rdf_graphs):
    rdf = rdf_graphs["turtle"]
    iris = {term for triple in rdf for term in triple if isinstance(term, URIRef)}
    assert not [iri for iri in iris if BAD_IRI_CHAR.search(iri)]
    ids = {str(o) for o in rdf.objects(None, PLAN.id)}
    assert ids == set(hostile_graph().nodes)
    names = {str(o) for o in rdf.objects(None, PLAN.name) if isinstance(o, Literal)}
    assert {name for name, _ in names_and_quotes(hostile_graph()).values()} == names
    quotes = {str(o) for o in rdf.objects(None, PLAN.quote)}
    assert {q for _, q in names_and_quotes(hostile_graph()).values() if q} == quotes


# --- HTML -----------------------------------------------------------------------------------------


def test_html_file_escapes_the_payloads(tmp_path):
    page = write_html(hostile_graph(), tmp_path / "graph.html")[0].read_text(encoding="utf-8")
    assert PWN not in page and "</script><script>" not in page
    assert page.replace(vis_assets()[0], "").count("<script") == 3  # vis-network, data, app


@pytest.mark.requires_chromium
def test_chromium_shows_payloads_as_text_and_runs_none(tmp_path):
    path = write_html(hostile_graph(), tmp_path / "graph.html")[0]
    dom = dump_dom(page_url(path, "q=script"))
    state = body_data(dom)
    assert state["ready"] == "1" and state["scripts"] == "3" and "pwned" not in state
    assert int(state["matches"]) >= 2
    escaped = PWN.replace("<", "&lt;").replace(">", "&gt;")
    assert escaped in dom
    assert "<script>document.body" not in dom
