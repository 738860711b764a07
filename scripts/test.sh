#!/usr/bin/env bash
# The README's second command: install what the tests need (in .venv), start a local Neo4j, run lint
# and the whole test suite, stop Neo4j. Exits with pytest's status. Extra arguments go to pytest.
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
# A real Neo4j for the requires_neo4j tests, unless NEO4J_URI names one; stopped on any exit.
if [ -z "${NEO4J_URI:-}" ]; then
    if ! bash scripts/neo4j-dev.sh status >/dev/null 2>&1; then
        trap 'bash scripts/neo4j-dev.sh stop' EXIT
        bash scripts/neo4j-dev.sh start
    fi
    export NEO4J_URI="bolt://127.0.0.1:${NEO4J_DEV_PORT:-7687}"
fi
"$VENV/bin/python" -m pytest -q "$@"
