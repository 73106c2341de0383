#!/usr/bin/env bash
# Set up dckg for use: a virtual environment in .venv with dckg installed
# (editable, with every extra, and the test tools when called with --test). Idempotent.
# Runs on a fresh Debian 12 machine as root (installs python3-venv if missing).
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
if ! "${PYTHON}" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    echo "setup: dckg needs Python >= 3.11 ($("${PYTHON}" --version 2>&1))" >&2
    exit 1
fi
if [ ! -x .venv/bin/python ]; then
    if ! "${PYTHON}" -m venv .venv >/dev/null 2>&1; then
        echo "setup: installing python3-venv"
        rm -rf .venv
        DEBIAN_FRONTEND=noninteractive apt-get update -q
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-venv
        "${PYTHON}" -m venv .venv
    fi
fi
extras="plot,docs,bench"
if [ "${1:-}" = "--test" ]; then
    extras="${extras},test"
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[${extras}]"
echo "setup: dckg $(.venv/bin/dckg --version | awk '{print $NF}') in .venv"
