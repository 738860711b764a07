"""Every Unicode line break and control character in names, quotes and IRIs: graph.nt, graph.ttl and
graph.jsonld parse back in both pyoxigraph and rdflib, isomorphic, with every literal unchanged.

Issue 17, "Corrupt exports" (docs/robustness.md). ``str.splitlines`` splits on ``\\f``, ``\\v``,
U+001C-U+001E, U+0085, U+2028 and U+2029: a writer that cut lines with it made N-Triples that no
reader parsed.
"""

from __future__ import annotations

import copy

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Graph, Literal
from rdflib.compare import isomorphic

from kg.cli import main
from kg.exports.rdf import PLAN, generate_jsonld, generate_ntriples, generate_turtle, graph_to_rdf
from kg.exports.rdf_terms import DEFAULT_BASE_IRI, check_base_iri
from kg.exports.rdf_text import write_jsonld, write_ntriples, write_turtle
from kg.exports.rdf_triples import graph_triples
from kg.pipeline import build_graph_from_texts
from tests.robustness.conftest import ROBUST
from tests.robustness.hostile import TEXT

# C0, DEL, C1 (with U+0085 NEL), the Unicode line and paragraph separators, and the invisible ones.
CONTROLS = [chr(c) for c in range(0x00, 0x20)] + [chr(c) for c in range(0x7F, 0xA0)]
LINE_BREAKS = ["\n", "\r", "\r\n", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]
INVISIBLE = ["\ufeff", "\u200b", "\u200c", "\u200d", "\u2060", "\u202e", "\ufffe", "\uffff"]
SYNTAX = list("\"\\<>{}|^`' #%@:;,.") + ["\\u0041", '"""', "'''", "\\n", "集成电路"]
PIECE = st.sampled_from(CONTROLS + INVISIBLE + SYNTAX) | st.characters(exclude_categories=("Cs",))
HOSTILE = st.lists(PIECE, min_size=1, max_size=24).map("".join)
LINE_BREAK_TEXT = st.lists(st.sampled_from(LINE_BREAKS + CONTROLS), min_size=1, max_size=6).map("".join)
FORMATS = {
    "nt": (generate_ntriples, ox.RdfFormat.N_TRIPLES),
    "turtle": (generate_turtle, ox.RdfFormat.TURTLE),
    "json-ld": (generate_jsonld, ox.RdfFormat.JSON_LD),
}


def _hostile_plan(name: str, quote: str, node_id: str):
    """A small plan built with ``quote`` in its headings and sentences and ``node_id`` in its plan id
    (every IRI), then ``name`` set as a node's name and ``quote`` as its quote (whatever the loader
    would have made of them)."""
    text = TEXT.replace("总则", f"总则{quote}").replace("建成", f"建成{quote}")
    graph = copy.deepcopy(build_graph_from_texts([(f"plan{node_id}", text)])[0])
    chapter = next(n for n, a in graph.nodes(data=True) if a["type"] == "Chapter")
    graph.nodes[chapter]["name"] = name
    graph.nodes[chapter]["source"]["quote"] = quote
    return graph


def _oxigraph_term(term):
    if type(term) is str:
        return ox.NamedNode(term)
    if term.lang:
        return ox.Literal(term.lexical, language=term.lang)
    return (
        ox.Literal(term.lexical, datatype=ox.NamedNode(term.datatype))
        if term.datatype
        else ox.Literal(term.lexical)
    )


def _check_round_trips(graph) -> None:
    expected_rdflib = graph_to_rdf(graph)
    expected = {ox.Triple(*map(_oxigraph_term, t)) for t in graph_triples(graph, DEFAULT_BASE_IRI)}
    literals = {(PLAN.name, a["name"]) for _, a in graph.nodes(data=True)} | {
        (PLAN.quote, a["source"]["quote"]) for _, a in graph.nodes(data=True) if a.get("source")
    }
    for name, (generate, ox_format) in FORMATS.items():
        text = generate(graph)
        data = text.encode("utf-8")
        parsed = Graph().parse(data=text, format=name)
        assert isomorphic(parsed, expected_rdflib), name
        found = {(p, str(o)) for _, p, o in parsed if p in (PLAN.name, PLAN.quote) and isinstance(o, Literal)}
        assert literals <= found, name
        assert {quad.triple for quad in ox.parse(data, format=ox_format)} == expected, name


@ROBUST
@given(name=HOSTILE, quote=HOSTILE, node_id=HOSTILE)
def test_any_text_in_names_quotes_and_ids_round_trips_in_every_format(name, quote, node_id):
    _check_round_trips(_hostile_plan(name, quote, node_id))


@ROBUST
@given(breaks=LINE_BREAK_TEXT)
def test_line_breaks_and_controls_round_trip_in_every_format(breaks):
    _check_round_trips(_hostile_plan(f"名{breaks}称", f"引{breaks}文", f"/{breaks}"))


@pytest.mark.parametrize("char", LINE_BREAKS + CONTROLS + INVISIBLE, ids=lambda c: f"U+{ord(c[-1]):04X}")
def test_each_character_alone_round_trips(char):
    """Every character once, without shrinking: a failure names it."""
    _check_round_trips(_hostile_plan(f"a{char}b", f"{char}引文{char}", f"{char}x"))


def test_ntriples_is_one_line_per_triple_whatever_the_text():
    graph = _hostile_plan("".join(LINE_BREAKS + CONTROLS), "".join(INVISIBLE), "".join(LINE_BREAKS))
    text = generate_ntriples(graph)
    assert text.splitlines() == text.split("\n")[:-1]  # no line break but "\n" at the ends of lines
    assert len(text.split("\n")) - 1 == len(set(graph_triples(graph, DEFAULT_BASE_IRI)))


def test_a_lone_surrogate_is_never_written_half(tmp_path):
    """RDF literals are Unicode scalar values: a lone surrogate (only reachable through the Python API,
    every reader decodes strictly and file names that are not UTF-8 are refused) cannot be written.
    The write fails and leaves nothing: no file, no temp file."""
    graph = _hostile_plan("名\ud800称", "引文", "")
    for write, name in (
        (write_ntriples, "graph.nt"),
        (write_turtle, "graph.ttl"),
        (write_jsonld, "graph.jsonld"),
    ):
        with pytest.raises(UnicodeEncodeError):
            write(graph, tmp_path / name)
    assert list(tmp_path.iterdir()) == []


BAD_IN_IRI = (
    CONTROLS + LINE_BREAKS + INVISIBLE[:-2] + [" ", "\u00a0", "\u3000", "<", ">", '"', "{", "|", "\\"]
)


@ROBUST
@given(bad=st.sampled_from(BAD_IN_IRI), at=st.integers(min_value=8, max_value=24))
def test_a_base_iri_with_any_control_or_space_is_refused(bad, at):
    base = "https://example.org/plan-kg/id/"
    iri = base[:at] + bad + base[at:]
    with pytest.raises(ValueError, match="base IRI"):
        check_base_iri(iri)


@pytest.mark.parametrize("bad", ["\n", "\t", " ", "\r", "\x00", "\x85", "\u2028", "\x1b]0;x\x07", "\u200b"])
def test_export_refuses_such_a_base_iri_in_one_line_and_writes_nothing(bad, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["export", "--format", "nt", "--out", str(out), "--base-iri", f"https://e.org/a{bad}b/"]
    )
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("Error: --base-iri: ") and result.stderr.count("\n") == 1, result.stderr
    assert "\x1b" not in result.stderr and "\x00" not in result.stderr
    assert not out.exists()
