"""exports/rdf_terms.py: literal lexical forms equal rdflib's for the same Python values, the
vocabulary read without rdflib is the ontology's, and base IRIs with non-IRI characters are refused."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import XSD, Literal, URIRef

from kg.exports.rdf_terms import Lit, check_base_iri, plan_prop, plan_terms
from kg.ontology.vocab import PLAN


def _rdflib(lit: Lit) -> Literal:
    return Literal(lit.lexical, lang=lit.lang, datatype=URIRef(lit.datatype) if lit.datatype else None)


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_decimal_lexical_form_is_rdflibs(value):
    (lit,) = Lit.of(value)
    assert _rdflib(lit) == Literal(Decimal(repr(value)), datatype=XSD.decimal)


@settings(max_examples=50)
@given(st.one_of(st.integers(), st.booleans(), st.text()))
def test_integer_boolean_and_string_forms_are_rdflibs(value):
    (lit,) = Lit.of(value)
    expected = Literal(value, datatype=XSD.integer) if type(value) is int else Literal(value)
    assert _rdflib(lit) == expected


def test_lists_none_and_other_values():
    assert Lit.of(None) == []
    assert Lit.of(["a", 1]) == [Lit("a"), Lit("1", str(XSD.integer))]
    assert Lit.of({"b", "a"}) == [Lit("a"), Lit("b")]
    assert Lit.of({"k": [1, "二"]}) == [Lit('{"k": [1, "二"]}')]
    assert [lit.lexical for v in (float("inf"), float("-inf"), float("nan")) for lit in Lit.of(v)] == [
        "INF",
        "-INF",
        "NaN",
    ]


def test_plan_terms_are_the_vocabulary():
    assert plan_terms() == frozenset(PLAN.__annotations__)
    assert plan_prop("name") == str(PLAN.name)
    assert plan_prop("opened year") == f"{PLAN._NS}opened%20year"


@pytest.mark.parametrize(
    "bad",
    [
        "https://example.org/kg\n/",
        "https://example.org/k\tg/",
        "https://example.org/k g/",
        "https://example.org/kg/\u2028/",
        "https://example.org/kg\x85/",
        "https://example.org/kg\x0c/",
        "https://example.org/kg\x1e/",
        "https://example.org/kg\u200b/",
        "https://example.org/<kg>/",
        "https://example.org/%zz/",
        "https://example.org/a#b#",
        "example.org/kg/",
        "https://example.org/kg",
    ],
)
def test_bad_base_iris_are_refused_with_the_value_escaped(bad):
    with pytest.raises(ValueError, match="base IRI") as err:
        check_base_iri(bad)
    assert "\n" not in str(err.value) and "\t" not in str(err.value)


@pytest.mark.parametrize(
    "good", ["https://example.org/kg/", "http://例子.中国/图谱#", "https://e.org/a%20b/"]
)
def test_good_base_iris_pass(good):
    assert check_base_iri(good) == good
