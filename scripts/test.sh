#!/usr/bin/env bash
# Everything the tests need, then every check: Java + OWL API + HermiT (for the
# Protégé check), the Python environment with the test tools, lint, format,
# types, a stale-build check, and the whole pytest suite with nothing skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-java.sh
bash scripts/setup.sh --test
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
.venv/bin/dckg build --check
.venv/bin/pytest -q -p no:cacheprovider "$@"
