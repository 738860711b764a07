#!/usr/bin/env bash
# The README's second command: install what the tests need (in .venv), build the Neo4j dev server's
# jar and the OWL profile checker's, run lint and the whole test suite. The suite starts its own Neo4j
# from that jar on free ports and stops it (tests/neo4j_fixture.py), unless NEO4J_URI names a server.
# Exits with pytest's status.
# Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${KG_VENV:-.venv}"
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --disable-pip-version-check -e '.[test]'
# Headless Chromium for the HTML page tests (tests/exports/test_html.py); CJK font for readable screenshots.
if [ ! -x /usr/bin/chromium ]; then
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-wqy-zenhei
fi
"$VENV/bin/ruff" check .
# The jar the suite's own Neo4j runs from (JDK and Maven installed by the script when missing).
bash scripts/neo4j-dev.sh build
# The OWL 2 DL profile checker (OWL API) that tests/ontology/test_owl_profile.py runs on ontology/plan.ttl.
OWL_JAR=tools/owl-profile/target/owl-profile.jar
if [ ! -f "$OWL_JAR" ] || [ -n "$(find tools/owl-profile/pom.xml tools/owl-profile/src -newer "$OWL_JAR" -type f -print -quit)" ]; then
    (cd tools/owl-profile && mvn -B -q package)
fi
# A worker per core (KG_TEST_WORKERS to choose; 0 runs in this process), each test file on one worker
# so that a file's module fixtures (a plan built, a database imported) are made once; each worker
# starts its own Neo4j. About 4 minutes on this 2-core machine (docs/benchmarks.md, "Test suite").
"$VENV/bin/python" -m pytest -q -n "${KG_TEST_WORKERS:-auto}" --dist loadfile "$@"
