"""RDF terms without rdflib: IRIs as ``str``, literals as ``Lit``, and their lexical forms.

The fast writers (``exports/rdf_text.py``) and the rdflib graph of ``exports/rdf.py`` are both made
from these terms, so every format carries the same triples. Lexical forms are the ones rdflib gives
the same Python values (``Lit.of``), so a graph read back compares equal term by term.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from decimal import Decimal
from functools import cache, lru_cache
from importlib import resources
from typing import Any, NamedTuple
from urllib.parse import quote, unquote, urlsplit

DEFAULT_BASE_IRI = "https://w3id.org/plan-kg/id/"
PLAN_NS = "https://w3id.org/plan-kg/ontology#"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_NS = "http://www.w3.org/2000/01/rdf-schema#"
XSD_NS = "http://www.w3.org/2001/XMLSchema#"
SKOS_NS = "http://www.w3.org/2004/02/skos/core#"
PROV_NS = "http://www.w3.org/ns/prov#"
DCTERMS_NS = "http://purl.org/dc/terms/"
PREFIXES = {
    "plan": PLAN_NS,
    "prov": PROV_NS,
    "skos": SKOS_NS,
    "dcterms": DCTERMS_NS,
    "xsd": XSD_NS,
    "rdf": RDF_NS,
    "rdfs": RDFS_NS,
}
RDF_TYPE = RDF_NS + "type"
XSD_INTEGER, XSD_DECIMAL, XSD_DOUBLE, XSD_BOOLEAN = (
    XSD_NS + t for t in ("integer", "decimal", "double", "boolean")
)
# Characters a base IRI may not hold (RFC 3987 excludes them, or they break a line-based format).
_BAD_IRI_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"}
_BAD_IRI_ASCII = set(' <>"{}|\\^`')
_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


class Lit(NamedTuple):
    """A literal: lexical form, datatype IRI (``None``: a plain string) and language tag."""

    lexical: str
    datatype: str | None = None
    lang: str | None = None

    @staticmethod
    def of(value: Any) -> list[Lit]:
        """The literals of an attribute value: lists give one per item, ``None`` none."""
        kind = type(value)
        if kind is str:
            return [Lit(value)]
        if value is None:
            return []
        if kind is int:
            return [Lit(str(value), XSD_INTEGER)]
        if isinstance(value, list | tuple | set | frozenset):
            items = sorted(value, key=repr) if isinstance(value, set | frozenset) else value
            return [lit for item in items for lit in Lit.of(item)]
        if isinstance(value, bool):
            return [Lit("true" if value else "false", XSD_BOOLEAN)]
        if isinstance(value, int):
            return [Lit(str(int(value)), XSD_INTEGER)]
        if isinstance(value, float):
            if math.isnan(value):
                return [Lit("NaN", XSD_DOUBLE)]
            if math.isinf(value):
                return [Lit("INF" if value > 0 else "-INF", XSD_DOUBLE)]
            return [Lit(format(Decimal(repr(float(value))), "f"), XSD_DECIMAL)]
        if isinstance(value, str):
            return [Lit(str(value))]
        return [Lit(json.dumps(value, ensure_ascii=False, sort_keys=True, default=str))]


def check_base_iri(base_iri: str) -> str:
    """An absolute http(s) IRI ending in ``/`` or ``#`` with only IRI characters; else ``ValueError``."""
    parts = urlsplit(base_iri) if isinstance(base_iri, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc or base_iri[-1] not in "/#":
        raise ValueError(f"base IRI must be an absolute http(s) IRI ending in '/' or '#', got {base_iri!r}")
    bad = [ch for ch in base_iri if ch in _BAD_IRI_ASCII or unicodedata.category(ch) in _BAD_IRI_CATEGORIES]
    if bad or _PERCENT.search(base_iri) or "#" in base_iri[:-1]:
        shown = ", ".join(sorted({f"U+{ord(ch):04X}" for ch in bad})) or "'%' or '#' misplaced"
        raise ValueError(f"base IRI contains characters not allowed in an IRI ({shown}): {base_iri!r}")
    return base_iri


_UNRESERVED = re.compile(r"[A-Za-z0-9\-._~]*\Z")


@lru_cache(maxsize=65536)
def encode_segment(segment: str) -> str:
    if _UNRESERVED.match(segment) and segment.strip("."):
        return segment
    encoded = quote(segment, safe="", encoding="utf-8")
    return encoded.replace(".", "%2E") if encoded and set(encoded) == {"."} else encoded


def encode_node_id(node_id: str) -> str:
    """``tiny-plan/part/1`` -> ``tiny-plan/part/1``; ``cluster:集成 电路`` -> ``cluster%3A%E9...%20...``."""
    return "/".join(encode_segment(segment) for segment in node_id.split("/"))


def decode_node_id(encoded: str) -> str:
    return unquote(encoded, encoding="utf-8")


@cache
def plan_terms() -> frozenset[str]:
    """Local names the ontology (``ontology/plan.ttl``) declares in the ``plan:`` namespace.

    Read with pyoxigraph (a few ms) so that an export does not import rdflib; ``kg.ontology.vocab``
    declares the same names (checked by tests/exports/test_rdf_terms.py).
    """
    from pyoxigraph import NamedNode, RdfFormat, parse

    text = resources.files("kg.ontology").joinpath("plan.ttl").read_bytes()
    return frozenset(
        t.subject.value[len(PLAN_NS) :]
        for t in parse(text, format=RdfFormat.TURTLE)
        if isinstance(t.subject, NamedNode) and t.subject.value.startswith(PLAN_NS)
    )


@cache
def plan_prop(key: str) -> str:
    """The ``plan:`` property IRI of an attribute; undeclared keys are kept (percent-encoded)."""
    return PLAN_NS + (key if key in plan_terms() else quote(key, safe=""))
