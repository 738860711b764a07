"""Read an RDF file given by the user: local, bounded, and only the formats ``kg`` writes.

Used by ``kg validate FILE`` and ``kg query --rdf FILE``. The rules:

- **Local only, never the network.** Nothing here opens a URL. A JSON-LD document whose ``@context``
  (anywhere: top level, nested, scoped in a term definition) or ``@import`` names another document (a
  URL or a relative file name) is refused before rdflib sees it: rdflib would fetch it (an SSRF, and a
  hang on a server that never answers). ``kg export`` writes the context inline.
- **Only Turtle (``.ttl``), N-Triples (``.nt``) and JSON-LD (``.jsonld``)**, chosen by the suffix. An
  XML document (RDF/XML, with or without a DTD and nested entities: the "billion laughs") is refused
  from its first bytes and never parsed, whatever its suffix.
- **Parsed in linear time.** Turtle and N-Triples go through pyoxigraph's parser (no recursion, no
  stall on a 5 MB literal, invalid IRIs refused), JSON-LD through rdflib's ``to_rdf`` on the checked
  JSON; the result is an rdflib ``Graph`` (``kg validate`` runs pySHACL on it).
- **Only a regular file, read with a bound** (a FIFO, a device or ``/dev/zero`` is refused from its
  ``stat``; never more than ``MAX_RDF_BYTES`` + 1 bytes are read), decoded as UTF-8.

Every refusal is one ``RdfInputError`` (a ``ValueError``) with a one-line message naming the file.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from kg.io import MiB

# The N-Triples of the largest accepted plan (16 MiB of text) are a few hundred MiB.
MAX_RDF_BYTES = 512 * MiB
RDF_FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld"}
# Other RDF formats: named so that ``kg validate FILE.rdf`` says it is not read rather than taking
# the file for a plan document.
OTHER_RDF_SUFFIXES = (".rdf", ".owl", ".xml", ".n3", ".trig", ".nq", ".trix", ".hext")
_XML_START = re.compile(r"\s*(<\?xml|<!|<rdf:RDF[\s>])", re.IGNORECASE)


class RdfInputError(ValueError):
    """An RDF file that is not read; the message is one line naming the file."""


def _one_line(text: str, limit: int = 300) -> str:
    """Whitespace runs (newlines too) as one space, cut to ``limit`` characters.

    >>> _one_line("Bad syntax\\n  at line 3 ")
    'Bad syntax at line 3'
    """
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def is_rdf_name(path: str | Path) -> bool:
    """An RDF file name (read or refused as RDF, never taken for a plan).

    >>> is_rdf_name("graph.nt"), is_rdf_name("a.RDF"), is_rdf_name("plan.txt")
    (True, True, False)
    """
    suffix = Path(path).suffix.lower()
    return suffix in RDF_FORMATS or suffix in OTHER_RDF_SUFFIXES


def rdf_format(path: str | Path) -> str:
    """The rdflib format name of a file this tool reads, from its suffix; else ``RdfInputError``.

    >>> rdf_format("out/graph.TTL"), rdf_format("graph.jsonld")
    ('turtle', 'json-ld')
    """
    suffix = Path(path).suffix.lower()
    if suffix not in RDF_FORMATS:
        known = ", ".join(RDF_FORMATS)
        raise RdfInputError(f"{path}: not an RDF file kg reads (give {known}: Turtle, N-Triples, JSON-LD)")
    return RDF_FORMATS[suffix]


def read_rdf_text(path: str | Path, limit: int = MAX_RDF_BYTES) -> str:
    """The text of a regular local file, at most ``limit`` bytes, strict UTF-8 (a leading BOM dropped)."""
    from kg.io import NotReadable, read_regular_bytes

    try:
        data = read_regular_bytes(path, limit, "an RDF file")
    except NotReadable as err:
        raise RdfInputError(str(err)) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise RdfInputError(f"{path}: not UTF-8 text (byte {err.start}); RDF files are UTF-8") from None
    return text.removeprefix("\ufeff")


def remote_references(data) -> list[str]:
    """Every other document a JSON-LD value refers to: string ``@context`` entries and ``@import``.

    >>> remote_references({"@context": [{"a": {"@context": "b.jsonld"}}, "http://x/c"], "@graph": []})
    ['http://x/c', 'b.jsonld']
    >>> remote_references({"@context": {"@import": "http://x/i"}}), remote_references({"@context": {}})
    (['http://x/i'], [])
    """
    found: list[str] = []
    stack = [data]
    while stack:  # iterative: a deeply nested document cannot overflow the stack here
        value = stack.pop()
        if isinstance(value, list):
            stack.extend(reversed(value))
        elif isinstance(value, dict):
            for key, item in value.items():
                if key == "@context":
                    contexts = item if isinstance(item, list) else [item]
                    found.extend(c for c in contexts if isinstance(c, str))
                elif key == "@import" and isinstance(item, str):
                    found.append(item)
            stack.extend(reversed(list(value.values())))
    return found


def _parse_jsonld(path: Path, text: str, graph) -> None:
    from rdflib.plugins.parsers.jsonld import to_rdf

    try:
        data = json.loads(text)
    except RecursionError:
        raise RdfInputError(f"{path}: cannot read as json-ld (nested too deeply)") from None
    except ValueError as err:
        raise RdfInputError(f"{path}: cannot read as json-ld ({_one_line(err)})") from None
    if not (isinstance(data, dict) or (isinstance(data, list) and all(isinstance(d, dict) for d in data))):
        raise RdfInputError(
            f"{path}: cannot read as json-ld (the top level is not an object or a list of objects)"
        )
    remote = remote_references(data)
    if remote:
        shown = json.dumps(remote[0], ensure_ascii=True)
        raise RdfInputError(
            f"{path}: the JSON-LD @context refers to another document ({shown}); kg never fetches one: "
            "give a file with its context inline, as kg export writes"
        )
    to_rdf(data, graph)


def _parse_with_oxigraph(path: Path, text: str, name: str, graph) -> None:
    """Turtle and N-Triples through pyoxigraph's parser: linear in the input, strict about IRIs, and
    no recursion (rdflib's took minutes on one 5 MB literal); the triples go into the rdflib graph."""
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef

    xsd_string = "http://www.w3.org/2001/XMLSchema#string"
    lang_string = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
    cache: dict = {}

    def term(t):
        known = cache.get(t)
        if known is not None:
            return known
        if isinstance(t, ox.NamedNode):
            made = URIRef(t.value)
        elif isinstance(t, ox.BlankNode):
            made = BNode(t.value)
        elif isinstance(t, ox.Literal):
            datatype = t.datatype.value
            if t.language:
                made = Literal(t.value, lang=t.language)
            else:
                made = Literal(
                    t.value, datatype=None if datatype in (xsd_string, lang_string) else URIRef(datatype)
                )
        else:
            raise RdfInputError(f"{path}: holds a quoted triple (RDF-star); kg reads plain RDF only")
        cache[t] = made
        return made

    formats = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES}
    add = graph.add
    for quad in ox.parse(text, format=formats[name]):
        add((term(quad.subject), term(quad.predicate), term(quad.object)))


def read_rdf(path: str | Path, limit: int = MAX_RDF_BYTES):
    """An rdflib ``Graph`` of a local Turtle, N-Triples or JSON-LD file; every refusal one
    ``RdfInputError`` line."""
    from rdflib import Graph
    from rdflib.exceptions import ParserError

    path = Path(path)
    name = rdf_format(path)
    text = read_rdf_text(path, limit)
    if _XML_START.match(text):
        only = "kg reads only Turtle, N-Triples and JSON-LD"
        raise RdfInputError(f"{path}: an XML document (RDF/XML?), not parsed; {only}")
    graph = Graph()
    try:
        if name == "json-ld":
            _parse_jsonld(path, text, graph)
        else:
            _parse_with_oxigraph(path, text, name, graph)
    except RdfInputError:
        raise
    except RecursionError:
        raise RdfInputError(f"{path}: cannot read as {name} (nested too deeply)") from None
    except (
        ValueError,
        SyntaxError,
        ParserError,
        TypeError,
        KeyError,
        AttributeError,
        IndexError,
        NameError,
    ) as err:
        reason = _one_line(err) or type(err).__name__
        raise RdfInputError(f"{path}: cannot read as {name} ({reason})") from None
    return graph
