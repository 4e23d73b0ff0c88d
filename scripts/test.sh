#!/usr/bin/env bash
# Set up civcas with its test dependencies and run the whole test suite.
# PostgreSQL tests use the server at 127.0.0.1:5432 (database `test`); with CI=true an
# unreachable server fails them instead of skipping.  Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/system-deps.sh runtime test
scripts/setup.sh test,spark
exec .venv/bin/python -m pytest -p no:cacheprovider "$@"
