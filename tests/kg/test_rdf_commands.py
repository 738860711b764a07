# ruff: noqa: E501
"""`kg validate` and `kg export` as users call them (CliRunner, real files in tmp_path)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib.namespace import SH

from kg.cli import main
from kg.exports.rdf import write_ntriples, write_turtle

SH_RESULT = SH.result


def _run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_validate_a_conforming_turtle_file(tiny_graph, tmp_path):
    (path,) = write_turtle(tiny_graph, tmp_path / "graph.ttl")
    result = _run("validate", path)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("conforms: ")
    assert result.output.endswith(" triples, 0 violations\n")


def test_validate_reports_each_violation_and_exits_1(tiny_graph, tmp_path):
    tiny_graph.nodes["tiny-plan/target/1"]["year"] = "2030"
    tiny_graph.add_edge("tiny-plan/target/1", "cluster:集成电路", key="SUPPORTS", type="SUPPORTS")
    (path,) = write_ntriples(tiny_graph, tmp_path / "graph.nt")
    result = _run("validate", path)
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    assert lines == [
        "tiny-plan/target/1  (node)  supports must start at a Platform, Institution, District, Goal or Measure",
        'tiny-plan/target/1  plan:year  Target year must be at most one xsd:integer  value: "2030"',
    ]
    assert "does not conform: 2 violations" in result.stderr


def test_validate_counts_each_result_once_as_pyshacl_does(tiny_graph, tmp_path):
    """A value failing an ``sh:node`` shape is one result (its nested ``sh:detail`` result is part of its
    message), as pyshacl's own report counts it; a node without ``plan:id`` prints as a Turtle term."""
    import re

    from pyshacl import validate
    from rdflib import Literal, URIRef

    from kg.exports.rdf import graph_to_rdf
    from kg.ontology.validate import shapes_graph
    from kg.ontology.vocab import PLAN

    rdf = graph_to_rdf(tiny_graph)
    indicator = next(s for s, o in rdf.subject_objects(PLAN.id) if str(o) == "tiny-plan/indicator/2")
    rdf.add((indicator, PLAN.baselineNumber, Literal("约2万")))
    rdf.add((URIRef("urn:x:stray"), PLAN.partOf, indicator))
    path = tmp_path / "graph.nt"
    path.write_text(rdf.serialize(format="nt"), encoding="utf-8")
    _conforms, report, text = validate(rdf, shacl_graph=shapes_graph(), inference="none")
    pyshacl_count = int(re.search(r"Results \((\d+)\)", text).group(1))
    result = _run("validate", path)
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == pyshacl_count == len(set(report.objects(None, SH_RESULT)))
    assert f"does not conform: {pyshacl_count} violations" in result.stderr
    assert (
        "tiny-plan/indicator/2  plan:baselineNumber  Value does not conform to Shape ps:Number. See details "
        'for more information.; (must be a number (xsd:decimal, xsd:integer or xsd:double))  value: "约2万"'
    ) in lines
    assert [line for line in lines if line.startswith("<urn:x:stray>  ")], lines


def test_validate_rejects_a_broken_file(tmp_path):
    path = tmp_path / "graph.ttl"
    path.write_text("<a> <b> .", encoding="utf-8")
    result = _run("validate", path)
    assert result.exit_code == 2
    assert "cannot read as turtle" in result.output


def test_validate_builds_the_plan_it_is_given():
    """Plan files are built, then validated (a small plan: SHACL of the real plans, 8 s each, is
    tests/ontology/test_shapes.py's)."""
    plan = Path(__file__).parents[1] / "data" / "regressions" / "part-heading-without-title.txt"
    result = _run("validate", plan)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()  # what stdout says, and where the graph came from (stderr)
    assert [line for line in lines if line.startswith("conforms: ")] == [lines[-1]]
    assert lines[-1].endswith(" triples, 0 violations")
    assert "built now from" in result.output and plan.name in result.output


def test_export_writes_the_chosen_formats_with_the_base_iri(tmp_path):
    result = _run(
        "export",
        "--format",
        "ttl",
        "--format",
        "nt",
        "--out",
        tmp_path,
        "--base-iri",
        "https://example.org/kg/",
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.nt", "graph.ttl"]
    from pyoxigraph import RdfFormat, parse  # rdflib reads these files in tests/exports (5 s here)

    turtle = list(parse(path=str(tmp_path / "graph.ttl"), format=RdfFormat.TURTLE))
    ntriples = list(parse(path=str(tmp_path / "graph.nt"), format=RdfFormat.N_TRIPLES))
    assert len(set(turtle)) == len(set(ntriples)) > 1000
    subjects = {t.subject.value for t in turtle}
    assert all(s.startswith("https://example.org/kg/") for s in subjects)


def test_export_rejects_unknown_format_and_bad_base_iri(tmp_path):
    result = _run("export", "--format", "nope", "--out", tmp_path)
    assert result.exit_code == 2
    assert "'ttl'" in result.output and "'jsonld'" in result.output
    result = _run("export", "--format", "ttl", "--out", tmp_path, "--base-iri", "example.org")
    assert result.exit_code == 2
    assert "base IRI must be an absolute http(s) IRI" in result.output


@pytest.mark.parametrize(
    "bad", ["https://example.org/kg\n/", "https://example.org/k\tg/", "https://e.org/a b/"]
)
def test_export_refuses_a_base_iri_with_whitespace_in_one_line(tmp_path, bad):
    result = _run("export", "--format", "nt", "--out", tmp_path, "--base-iri", bad)
    assert result.exit_code == 2, result.output
    assert len(result.output.strip().splitlines()) == 1, result.output
    assert "--base-iri" in result.output and "not allowed in an IRI" in result.output
    assert not list(tmp_path.iterdir())
