"""The real ``neo4j-admin database import full`` round trip of the bundled plan's ``neo4j-import/`` folder.

``kg build --format neo4j-csv`` writes the folder; the command its README.txt gives (delimiters, multiline
fields, id type, every file) runs with the dev jar's import tool (``org.neo4j.cli.AdminTool``, the
``neo4j-admin`` main class) into a fresh ``NEO4J_HOME``; a private server starts on that home, runs the
README's statements (constraints and indexes, then the empty lists the tool cannot store) and must hold
what the Bolt loader (``exports.neo4j.load_graph``, on the suite's session server) writes: the same
nodes per label and relationships per type, the same properties, and the same rows for every named
query. One import and one server start per run.
"""

from __future__ import annotations

import os
import shlex
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.exports.neo4j import load_graph
from kg.exports.neo4j_rows import share_key
from kg.queries import memory, neo4j_backend
from tests.jvm import TEST_JVM_FLAGS
from tests.plans import HANGZHOU, built
from tests.queries.test_agreement import CASES
from tests.robustness.neo4j_server import PrivateNeo4j, require_jar

pytestmark = pytest.mark.requires_neo4j

ADMIN_MAIN = "org.neo4j.cli.AdminTool"  # what the neo4j-admin script runs
IMPORT_TIMEOUT = 300
CASE_IDS = [f"{name}-{'-'.join(map(str, params.values()))}" for name, params in CASES]


def readme_command(folder: Path) -> list[str]:
    """The import command of the folder's README.txt as argv (its ``\\`` continuations joined)."""
    lines = (folder / "README.txt").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("neo4j-admin "))
    text = []
    for line in lines[start:]:
        text.append(line.strip().removesuffix("\\"))
        if not line.rstrip().endswith("\\"):
            break
    return shlex.split(" ".join(text))


def run_import(folder: Path, home: Path) -> subprocess.CompletedProcess:
    """The README's command, ``neo4j-admin`` being the dev jar's AdminTool, with ``NEO4J_HOME=home``."""
    argv = readme_command(folder)
    assert argv[0] == "neo4j-admin"
    cmd = ["java", *TEST_JVM_FLAGS, "-Xmx512m", "-cp", str(require_jar()), ADMIN_MAIN, *argv[1:]]
    home.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "NEO4J_HOME": str(home)}
    return subprocess.run(
        cmd, cwd=folder, env=env, capture_output=True, text=True, timeout=IMPORT_TIMEOUT, check=False
    )


def readme_statements(folder: Path) -> list[str]:
    """The Cypher the README has run after the import: constraints and indexes, then empty lists."""
    lines = (folder / "README.txt").read_text(encoding="utf-8").splitlines()
    return [
        line.strip().removesuffix(";") for line in lines if line.strip().startswith(("CREATE ", "MATCH "))
    ]


NODES = """
MATCH (n) WHERE $plans IS NULL OR any(p IN n.planIds WHERE p IN $plans)
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
"""
RELATIONSHIPS = """
MATCH (a)-[r]->(b) WHERE $plans IS NULL OR any(p IN r.planIds WHERE p IN $plans)
RETURN a.id AS start, type(r) AS type, b.id AS end, properties(r) AS props
"""


def dump(driver, plans: list[str] | None, database: str | None = None) -> tuple[dict, list]:
    """Every node (id -> labels, properties) and relationship of ``plans`` (all when None)."""
    nodes, _, _ = driver.execute_query(NODES, plans=plans, database_=database)
    rels, _, _ = driver.execute_query(RELATIONSHIPS, plans=plans, database_=database)
    by_id = {r["id"]: (frozenset(r["labels"]), r["props"]) for r in nodes}
    assert len(by_id) == len(nodes), "node ids are not unique"
    return by_id, [(r["start"], r["type"], r["end"], r["props"]) for r in rels]


def without_bolt_bookkeeping(props: dict, plans: list[str]) -> dict:
    """A Bolt-loaded element's properties less what only the Bolt loader keeps: the plan's content hash
    (``contentHash``, for re-loads) and a shared element's per-plan provenance (``key@planId``)."""
    suffixes = tuple(share_key("", plan) for plan in plans)
    return {k: v for k, v in props.items() if k != "contentHash" and not k.endswith(suffixes)}


@pytest.fixture(scope="module")
def graph():
    return built(HANGZHOU)


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """A private server on a home that ``neo4j-admin database import full`` filled from ``kg build``."""
    jar = require_jar()
    assert jar.exists()
    work = tmp_path_factory.mktemp("admin-import")
    result = CliRunner().invoke(main, ["build", "--out", str(work / "out"), "--format", "neo4j-csv"])
    assert result.exit_code == 0, result.output
    folder = work / "out" / "neo4j-import"
    done = run_import(folder, work / "home")
    assert done.returncode == 0, f"neo4j-admin import failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    assert "IMPORT DONE" in done.stdout, done.stdout[-3000:]
    server = PrivateNeo4j(work / "home")
    server.start()
    from neo4j import GraphDatabase

    driver = GraphDatabase.driver(server.uri, auth=None, connection_timeout=5)
    try:
        for statement in readme_statements(folder):
            driver.execute_query(statement)
        yield driver
    finally:
        driver.close()
        server.kill()  # a throw-away database: a clean shutdown (its checkpoint) takes 10 s


@pytest.fixture(scope="module")
def bolt_loaded(neo4j_driver, graph):
    from tests.neo4j_fixture import PlanCleaner, neo4j_settings

    cleaner = PlanCleaner(neo4j_driver, neo4j_settings()[2])
    cleaner.claim(*graph.graph["plans"])
    load_graph(graph, neo4j_driver, database=neo4j_settings()[2], progress=False)
    yield neo4j_driver
    cleaner.cleanup()


@pytest.fixture(scope="module")
def dumps(imported, bolt_loaded, graph):
    from tests.neo4j_fixture import neo4j_settings

    plans = list(graph.graph["plans"])
    return dump(imported, None), dump(bolt_loaded, plans, neo4j_settings()[2]), plans


def test_readme_command_names_the_delimiters_and_every_file(tmp_path, graph):
    from kg.exports.neo4j_csv import write_neo4j_csv

    written = write_neo4j_csv(graph, tmp_path)
    argv = readme_command(tmp_path)
    assert argv[:5] == ["neo4j-admin", "database", "import", "full", "neo4j"]
    assert "--array-delimiter=;" in argv and "--multiline-fields=true" in argv
    files = {arg.split("=", 1)[1] for arg in argv if arg.startswith(("--nodes=", "--relationships="))}
    assert files == {p.name for p in written if p.suffix == ".csv"}


def test_counts_per_label_and_type_match_the_bolt_load(dumps, graph):
    (nodes, rels), (bolt_nodes, bolt_rels), _ = dumps
    per_label = Counter(label for labels, _ in nodes.values() for label in labels)
    assert per_label == Counter(label for labels, _ in bolt_nodes.values() for label in labels)
    assert Counter(t for _, t, _, _ in rels) == Counter(t for _, t, _, _ in bolt_rels)
    assert (len(nodes), len(rels)) == (graph.number_of_nodes(), graph.number_of_edges())
    assert per_label["Entity"] == graph.number_of_nodes()


def test_every_property_matches_the_bolt_load(dumps):
    """Empty strings stay ``""``, lists stay lists (an empty one too), numbers and booleans keep types."""
    (nodes, rels), (bolt_nodes, bolt_rels), plans = dumps
    assert nodes.keys() == bolt_nodes.keys()
    differ = {}
    for node, (labels, props) in nodes.items():
        bolt_labels, bolt_props = bolt_nodes[node][0], without_bolt_bookkeeping(bolt_nodes[node][1], plans)
        keys = {k for k in props.keys() | bolt_props.keys() if props.get(k, ...) != bolt_props.get(k, ...)}
        if keys or labels != bolt_labels:
            differ[node] = {k: (props.get(k, "<absent>"), bolt_props.get(k, "<absent>")) for k in keys}
    shown = {
        node: {k: tuple(repr(v)[:80] for v in pair) for k, pair in d.items()} for node, d in differ.items()
    }
    assert not differ, f"{len(differ)} nodes differ (imported, Bolt): {dict(list(shown.items())[:3])}"

    def key(rel):
        start, kind, end, props = rel
        return (start, kind, end, repr(sorted(props.items())))

    trimmed = [(s, t, e, without_bolt_bookkeeping(p, plans)) for s, t, e, p in bolt_rels]
    assert Counter(map(key, rels)) == Counter(map(key, trimmed))


def test_imported_values_keep_their_types(dumps):
    (nodes, _), _, _ = dumps
    values = [v for _, props in nodes.values() for v in props.values()]
    assert any(v == "" for v in values), "an empty string should come back as an empty string"
    assert any(v == [] for v in values), "an empty list should come back as an empty list"
    assert any(isinstance(v, bool) for v in values) and any(isinstance(v, float) for v in values)
    tables = [props for labels, props in nodes.values() if "Table" in labels]
    assert tables and all(isinstance(t["rows"], list) for t in tables if "rows" in t)


@pytest.mark.parametrize(("name", "params"), CASES, ids=CASE_IDS)
def test_named_queries_agree_with_the_bolt_load(imported, bolt_loaded, graph, name, params):
    from tests.neo4j_fixture import neo4j_settings

    rows = neo4j_backend.run_query(name, params, imported)
    # one plan shares no indicator with another: indicator-across-plans is empty on it alone
    assert rows or name == "indicator-across-plans", f"{name} {params}: no rows on the imported database"
    assert rows == neo4j_backend.run_query(name, params, bolt_loaded, neo4j_settings()[2])
    assert rows == memory.run_query(name, params, graph)
