#!/usr/bin/env bash
# Regenerate the pictures in docs/img/ (README.md, docs/pictures.md) from the built graph.
# Run after `dckg build` whenever the sources change; the output is deterministic,
# so an unchanged graph gives byte-identical files and a clean `git status`.
# Each picture is written as SVG (hover a shape for its sources) and PNG (for the Markdown pages).
set -euo pipefail
cd "$(dirname "$0")/.."
dckg=.venv/bin/dckg
out=docs/img
mkdir -p "${out}"
for ext in svg png; do
    "${dckg}" plot timeline --mark 2021-10-18 -o "${out}/timeline.${ext}"
    "${dckg}" plot timeline --from 2021-09 --to 2021-11 --mark 2021-10-18 -o "${out}/timeline-2021.${ext}"
    "${dckg}" plot network --at 2021-10-01 --at 2021-11-01 -o "${out}/network-break.${ext}"
done
