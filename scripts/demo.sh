#!/usr/bin/env bash
# Set up civcas and run the demo: a fresh SQLite database from the bundled corpus, every pipeline
# stage, and the web app on http://127.0.0.1:8000 (pass --port N to change it).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/system-deps.sh runtime
scripts/setup.sh
exec .venv/bin/civcas demo "$@"
