"""``dckg bench cold-start``: ``dckg query`` from a cold process against bare Oxigraph.

Three commands run in turn, ``runs`` times each after one warm-up, every one a fresh
process on the same built store answering the same query with the same parameters
and writing CSV:

* **dckg**: ``dckg query NAME --at DATE -f csv``;
* **bare**: Python importing pyoxigraph, opening the store read-only, running the
  query text with the parameters already in it, and writing Oxigraph's CSV;
* **bare+click**: the same, also importing click, the CLI framework dckg is built on:
  the floor for any click command.

Medians and the ratios of the medians are printed, then one JSON line.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from dckg.errors import DckgError
from dckg.graph.store import store_state
from dckg.layout import Layout
from dckg.query.library import bindings, load
from dckg.query.sparql import bind_values

#: The bare program: argv is the store, the query file, and whether to import click.
BARE = (
    "import sys\n"
    "if sys.argv[3] == '1':\n"
    "    import click\n"
    "import pyoxigraph as ox\n"
    "store = ox.Store.read_only(sys.argv[1])\n"
    "with open(sys.argv[2], encoding='utf-8') as f:\n"
    "    result = store.query(f.read())\n"
    "sys.stdout.buffer.write(result.serialize(format=ox.QueryResultsFormat.CSV))\n"
)


def _wall(command: list[str]) -> tuple[float, bytes]:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise DckgError(f"{command[0]} failed: {done.stderr.decode(errors='replace')[-300:]}")
    return seconds, done.stdout


def run_cold_start(layout: Layout, query: str, at: str, runs: int) -> Iterator[str]:
    """Lines of the report; the last is a JSON object with the medians and ratios."""
    if store_state(layout) != "fresh":
        raise DckgError(f"{layout.store} is missing or stale; run `dckg build` first")
    named = load(query)
    date_param = named.date_param()
    given = {date_param: at} if date_param else {}
    text = bind_values(named.text, bindings(named, given))
    dckg = [sys.executable, "-m", "dckg", "query", query, "--kg", str(layout.root), "-f", "csv"]
    if date_param:
        dckg += ["--at", at]
    with tempfile.TemporaryDirectory(prefix="dckg-cold-") as tmp:
        query_file = Path(tmp) / "query.rq"
        query_file.write_text(text, encoding="utf-8")
        bare = [sys.executable, "-c", BARE, str(layout.store), str(query_file)]
        commands = {"dckg": dckg, "bare": [*bare, "0"], "bare+click": [*bare, "1"]}
        times: dict[str, list[float]] = {name: [] for name in commands}
        outputs: dict[str, bytes] = {}
        for run in range(runs + 1):
            for name, command in commands.items():
                seconds, outputs[name] = _wall(command)
                if run:  # the first round warms the caches
                    times[name].append(seconds)
    medians = {name: statistics.median(values) for name, values in times.items()}
    rows = {n: len(o.splitlines()) - 1 for n, o in outputs.items()}
    summary = {
        "query": query,
        "at": at,
        "runs": runs,
        "median_s": medians,
        "dckg_vs_bare": medians["dckg"] / medians["bare"],
        "dckg_vs_bare_click": medians["dckg"] / medians["bare+click"],
        "rows": rows,
        "rows_agree": len(set(rows.values())) == 1,
    }
    yield f"cold start, `dckg query {query}` on {layout.root}, median of {runs} runs:"
    for name, value in medians.items():
        yield f"  {name:<11} {value * 1000:7.1f} ms  ({rows[name]} rows)"
    yield f"  dckg / bare       {summary['dckg_vs_bare']:.2f}"
    yield f"  dckg / bare+click {summary['dckg_vs_bare_click']:.2f}"
    yield json.dumps(summary)
