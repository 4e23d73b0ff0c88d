#!/usr/bin/env bash
# Set up the benchmark peers and run every benchmark in bench/, printing figures and ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test,bench
for b in bench/*.py; do
  echo "== $b"
  .venv/bin/python "$b"
done
