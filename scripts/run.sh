#!/usr/bin/env bash
# The main job, from a fresh clone: set up, build the knowledge graph from the
# curated sources, and answer the headline question — which NATO–Russia channels
# survived Russia's decision of 18 October 2021, and who says so.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/dckg build
.venv/bin/dckg query survivors --at 2021-10-18 --format table
