"""RDF files given to ``kg validate FILE`` and ``kg query --rdf FILE``: local only, never the network,
only the formats kg writes, XML never parsed; each refusal one line, exit 2 (``kg/rdf_io.py``).

Issue 17, "Secrets and the network" (docs/robustness.md).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.request import urlopen

import pytest
from click.testing import CliRunner
from rdflib.compare import isomorphic

from kg.cli import main
from kg.exports.json import write_json
from kg.exports.rdf import graph_to_rdf, write_jsonld, write_ntriples, write_turtle
from kg.rdf_io import RdfInputError, read_rdf

KG = [sys.executable, "-c", "from kg.cli import main; main()"]
CONTEXT = {"@context": {"plan": "https://w3id.org/plan-kg/ontology#"}}
LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + "".join(
        f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n' for i in range(1, 10)
    )
    + ']>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:p="http://x/">\n'
    + '<rdf:Description rdf:about="http://x/s"><p:p>&lol9;</p:p></rdf:Description>\n</rdf:RDF>\n'
)


def _run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def _kg(*args, timeout=60):
    """A real ``kg`` process: a fetch that waits on a silent server would hang it past the timeout."""
    return subprocess.run([*KG, *map(str, args)], capture_output=True, text=True, timeout=timeout)


def _one_error_line(result, exit_code=2) -> str:
    stderr = result.stderr
    code = result.exit_code if hasattr(result, "exit_code") else result.returncode
    assert code == exit_code, stderr
    assert stderr.startswith("Error: ") and stderr.count("\n") == 1, stderr
    assert "Traceback" not in stderr
    return stderr


@pytest.fixture
def counting_server():
    """An HTTP server on loopback serving a JSON-LD context and counting every request."""
    requests = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the http.server name)
            requests.append(self.path)
            body = json.dumps(CONTEXT).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/ld+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requests
    finally:
        server.shutdown()
        server.server_close()


def _jsonld(path, context) -> str:
    doc = {"@context": context, "@id": "https://w3id.org/plan-kg/id/p", "plan:name": "x"}
    path.write_text(json.dumps(doc), encoding="utf-8")
    return str(path)


def test_the_counting_server_counts(counting_server):
    url, requests = counting_server
    with urlopen(f"{url}/probe", timeout=5) as response:  # the control: a real fetch is counted
        assert json.load(response) == CONTEXT
    assert requests == ["/probe"]


@pytest.mark.parametrize(
    "context",
    [
        "URL/context.jsonld",
        ["URL/context.jsonld", {"plan": "https://w3id.org/plan-kg/ontology#"}],
        {"@import": "URL/import.jsonld", "plan": "https://w3id.org/plan-kg/ontology#"},
        {"plan": {"@id": "https://w3id.org/plan-kg/ontology#", "@context": "URL/scoped.jsonld"}},
    ],
    ids=["string", "list", "import", "scoped"],
)
def test_a_remote_context_is_never_fetched(context, counting_server, tmp_path):
    url, requests = counting_server
    path = _jsonld(tmp_path / "graph.jsonld", json.loads(json.dumps(context).replace("URL", url)))
    for args in (["validate", path], ["query", "binding-indicators", "--backend", "rdf", "--rdf", path]):
        line = _one_error_line(_run(*args))
        assert "refers to another document" in line and url in line
    assert requests == []


def test_a_context_deep_in_the_graph_or_a_relative_file_is_refused(tmp_path, counting_server):
    url, requests = counting_server
    (tmp_path / "local.jsonld").write_text(json.dumps(CONTEXT), encoding="utf-8")
    deep = {"@context": {}, "@graph": [{"@id": "http://x/a", "http://x/p": {"@context": f"{url}/deep"}}]}
    (tmp_path / "deep.jsonld").write_text(json.dumps(deep), encoding="utf-8")
    for name, context in (("relative.jsonld", "local.jsonld"), ("deep.jsonld", None)):
        path = tmp_path / name if context is None else _jsonld(tmp_path / name, context)
        with pytest.raises(RdfInputError, match="refers to another document"):
            read_rdf(path)
    assert requests == []


def test_a_server_that_never_answers_is_never_contacted_and_nothing_hangs(tmp_path):
    with socket.socket() as silent:  # listens, never accepts: a fetch would wait for ever
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/context.jsonld"
        path = _jsonld(tmp_path / "graph.jsonld", url)
        started = time.monotonic()
        for args in (["validate", path], ["query", "binding-indicators", "--backend", "rdf", "--rdf", path]):
            assert "refers to another document" in _one_error_line(_kg(*args))
        assert time.monotonic() - started < 60
        silent.setblocking(False)
        with pytest.raises(BlockingIOError):  # no connection ever came in
            silent.accept()


@pytest.mark.parametrize("name", ["bomb.rdf", "bomb.xml", "bomb.owl", "bomb.ttl", "bomb.nt", "bomb.jsonld"])
def test_rdf_xml_with_nested_entities_is_refused_in_one_line(name, tmp_path):
    path = tmp_path / name
    path.write_text(LAUGHS, encoding="utf-8")
    for args in (["validate", path], ["query", "binding-indicators", "--backend", "rdf", "--rdf", path]):
        result = _kg(*args, timeout=60)
        line = _one_error_line(result)
        assert ("an XML document" in line) or ("not an RDF file kg reads" in line), line
        assert result.stdout == ""


@pytest.mark.parametrize("suffix", [".n3", ".trig", ".nq", ".json", ".txt"])
def test_other_formats_are_refused_for_query_rdf(suffix, tiny_graph, tmp_path):
    (path,) = write_ntriples(tiny_graph, tmp_path / f"graph{suffix}")
    line = _one_error_line(_run("query", "binding-indicators", "--backend", "rdf", "--rdf", path))
    assert "not an RDF file kg reads (give .ttl, .nt, .jsonld" in line


@pytest.mark.parametrize("writer", [write_turtle, write_ntriples, write_jsonld])
def test_the_formats_kg_writes_are_read_back_whole(writer, tiny_graph, tmp_path):
    suffix = {write_turtle: ".ttl", write_ntriples: ".nt", write_jsonld: ".jsonld"}[writer]
    (path,) = writer(tiny_graph, tmp_path / f"graph{suffix}")
    assert isomorphic(read_rdf(path), graph_to_rdf(tiny_graph))
    result = _run("validate", path)
    assert result.exit_code == 0, result.output
    (graph_json,) = write_json(tiny_graph, tmp_path / "graph.json")
    memory = _run("query", "binding-indicators", "--format", "json", "--graph", graph_json)
    rdf = _run("query", "binding-indicators", "--backend", "rdf", "--format", "json", "--rdf", path)
    assert rdf.exit_code == 0, rdf.output
    assert json.loads(rdf.stdout) == json.loads(memory.stdout)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\xff\xfe<\x00a\x00>", "not UTF-8 text"),
        (b"[" * 100_000 + b"]" * 100_000, "cannot read as json-ld"),
        (b'{"@context": 5, "@id": "http://x/a"}', "cannot read as json-ld"),
        (b"[1, 2]", "cannot read as json-ld"),
        (b'"just a string"', "cannot read as json-ld"),
    ],
    ids=["utf16", "deep", "context-number", "list-of-numbers", "string"],
)
def test_broken_jsonld_is_one_line(content, expected, tmp_path):
    path = tmp_path / "graph.jsonld"
    path.write_bytes(content)
    line = _one_error_line(_run("validate", path))
    assert expected in line, line


def test_special_files_are_refused_without_blocking(tmp_path):
    fifo = tmp_path / "graph.nt"
    os.mkfifo(fifo)  # nobody writes: a blocking open would wait for ever
    zero = tmp_path / "zero.ttl"
    zero.symlink_to("/dev/zero")
    for path, kind in ((fifo, "a named pipe (FIFO)"), (zero, "a character device")):
        for args in (["validate", path], ["query", "binding-indicators", "--backend", "rdf", "--rdf", path]):
            line = _one_error_line(_kg(*args))
            assert line == f"Error: {path}: {kind}, not a regular file; give an RDF file\n"


def test_a_file_over_the_limit_is_refused_after_reading_only_the_limit(tmp_path):
    path = tmp_path / "graph.nt"
    path.write_text("<http://x/a> <http://x/p> <http://x/b> .\n" * 100, encoding="utf-8")
    with pytest.raises(RdfInputError, match=r"graph.nt: over the 0.1 MiB limit for an RDF file"):
        read_rdf(path, limit=1000)
    assert len(read_rdf(path, limit=10_000)) == 1


@pytest.mark.parametrize(
    ("name", "content", "triples"),
    [
        ("literal.nt", '<http://x/a> <http://x/p> "' + "长" * 2_000_000 + '" .\n', 1),
        (
            "blank.ttl",
            "<http://x/a> <http://x/p> " + "[ <http://x/p> " * 20_000 + "1" + " ]" * 20_000 + " .\n",
            20_001,
        ),
        ("list.ttl", "<http://x/a> <http://x/p> " + "(" * 20_000 + ")" * 20_000 + " .\n", 39_999),
    ],
    ids=["6-MB-literal", "deep-blank-nodes", "deep-collections"],
)
def test_huge_literals_and_deep_nesting_are_read_without_stalling(name, content, triples, tmp_path):
    """rdflib's N-Triples parser stalled for minutes on one 5 MB literal; pyoxigraph reads Turtle and
    N-Triples in linear time without recursion (the timeout is a hang guard, not a timing)."""
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = _kg("validate", path, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"conforms: {triples} triples, 0 violations\n"


def test_an_invalid_iri_is_refused_not_warned_about(tmp_path):
    path = tmp_path / "bad.ttl"
    path.write_text("<http://x/a b> <http://x/p> <http://x/c> .\n", encoding="utf-8")
    line = _one_error_line(_run("validate", path))
    assert "cannot read as turtle" in line and "Invalid IRI code point ' '" in line
