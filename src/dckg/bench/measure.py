"""``dckg bench run``: dckg against bare Oxigraph and rdflib on one synthetic corpus.

Every phase runs in a fresh process (see worker.py), as a user's command would:

* **build**: ``dckg build`` of the corpus (Turtle, TriG, on-disk store), against
  **bare Oxigraph load**: ``pyoxigraph.Store().bulk_load`` of the same input files;
* **queries**: every named query on dckg's store (``dckg query``'s engine), against
  bare Oxigraph (the built TriG loaded into an in-memory store, and into an on-disk
  one, flushed) and rdflib in memory (the TriG parsed into a Dataset). Best of ``repeat``
  runs each; result fingerprints are compared, so a speed-up never hides a wrong
  answer;
* **validation** of one new article-sized file against the big graph
  (:func:`dckg.validation.validate.validate_files`).

Two figures bound what any store built on Oxigraph can reach, measured in the same
run: the **bare on-disk load** (the built TriG into a new on-disk store, plus the
union dckg queries: what a pyoxigraph user pays for the same queryable dataset), and
**rdflib/mem**, bare in-memory Oxigraph's own speed-up over rdflib on each query; the
JSON also gives the worst ratio of bare on-disk to bare in-memory Oxigraph
(``oxigraph_disk_vs_mem_max``), what on-disk storage alone costs a query.

rdflib is slow at scale (BENCHMARKS.md): parsing the TriG gets ``rdflib_parse_timeout``
seconds and each query ``rdflib_timeout``; a query that runs over is
killed, recorded as capped (its speed-up is then a lower bound), and the remaining
queries continue in a new process, which parses again. A parse that runs over ends
the baseline, and the report says so, as it does above ``rdflib_max_triples``, where
the rdflib baseline is not run at all.

The table comes first; the **last line is one JSON object** with the ratios.
"""

from __future__ import annotations

import json
import os
import resource
import select
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dckg.errors import DckgError


@dataclass
class Phase:
    """What one child process reported, and its peak RSS."""

    records: list[dict[str, Any]] = field(default_factory=list)
    rss_mb: float = 0.0
    timed_out: bool = False


def _spawn(args: list[str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "dckg.bench.worker", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _reap(proc: subprocess.Popen[bytes]) -> float:
    """Wait for ``proc``; its peak RSS in MB (Linux reports ru_maxrss in KiB)."""
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return float(usage.ru_maxrss) / 1024


def run_phase(
    args: list[str], timeout: float | None = None, first_timeout: float | None = None
) -> Phase:
    """Run one phase; with ``timeout``, each JSON line must arrive within it or the child dies.

    ``first_timeout``, if given, bounds the first line instead: the rdflib phase's first
    line reports the TriG parse, which takes longer than a query.
    """
    proc = _spawn(args)
    assert proc.stdout is not None and proc.stderr is not None
    phase = Phase()
    buffer = b""
    while True:
        wait = first_timeout if first_timeout is not None and not phase.records else timeout
        ready, _, _ = select.select([proc.stdout], [], [], wait)
        if not ready:
            proc.kill()
            phase.timed_out = True
            break
        chunk = os.read(proc.stdout.fileno(), 1 << 16)
        if not chunk:
            break
        buffer += chunk
        while b"\n" in buffer:
            line, buffer = buffer.split(b"\n", 1)
            phase.records.append(json.loads(line))
    err = proc.stderr.read().decode("utf-8", "replace")
    phase.rss_mb = _reap(proc)
    if proc.returncode not in (0, None) and not phase.timed_out:
        last = err.strip().splitlines()[-1] if err.strip() else f"exit {proc.returncode}"
        raise DckgError(f"benchmark phase {args[0]} failed: {last}")
    return phase


def _queries(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["query"]: r for r in records if "query" in r}


def run_rdflib(
    root: Path, names: list[str], params: str, repeat: int, timeout: float, parse_timeout: float
) -> Phase:
    """The rdflib baseline, restarting after a query that overran ``timeout``.

    Each process first parses the TriG (it reports "open"), within ``parse_timeout``;
    one that does not gets ``{"open_capped": True}`` and no query runs.
    """
    total = Phase()
    pending = list(names)
    while pending:
        args = ["rdflib", str(root), json.dumps(pending), params, str(repeat)]
        phase = run_phase(args, timeout, first_timeout=parse_timeout)
        total.rss_mb = max(total.rss_mb, phase.rss_mb)
        total.records += phase.records
        done = _queries(phase.records)
        pending = [n for n in pending if n not in done]
        if phase.timed_out and pending:
            if not any("open" in r for r in phase.records):
                total.records.append({"open_capped": True})
                break
            total.records.append({"query": pending[0], "capped": True, "seconds": timeout})
            pending = pending[1:]
        elif not phase.timed_out:
            break
    return total


def _params(root: Path) -> dict[str, dict[str, str]]:
    """Parameters that hit the synthetic graph (the defaults name the five articles' entities)."""
    if (root / "entities.ttl").read_text(encoding="utf-8").find("dcki:channel-0 ") >= 0:
        return {"sources": {"subject": "channel-0"}, "timeline": {"channel": "channel-0"}}
    return {}


def run_benchmark(
    triples: int,
    *,
    work: Path | None = None,
    rdflib_timeout: float = 300.0,
    rdflib_parse_timeout: float = 600.0,
    rdflib_max_triples: int = 2_000_000,
    repeat: int = 3,
) -> Iterator[str]:
    """Run every phase; yield the table's lines, then the JSON line."""
    from dckg.bench.generate import article_file, generate
    from dckg.query.library import library

    scratch = Path(tempfile.mkdtemp(prefix="dckg-bench-"))
    root = work if work is not None else scratch / "kg"
    try:
        if not (root / "entities.ttl").exists():
            generate(triples, root)
        names = sorted(library())
        params = json.dumps(_params(root))
        build = run_phase(["build", str(root)])
        load = run_phase(["oxigraph-load", str(root)])
        ours = run_phase(["ours", str(root), json.dumps(names), params, str(repeat)])
        bare = run_phase(["oxigraph", str(root), json.dumps(names), params, str(repeat)])
        disk = run_phase(
            [
                "oxigraph-disk",
                str(root),
                json.dumps(names),
                params,
                str(repeat),
                str(scratch / "ox"),
            ]
        )
        stem, text = article_file(root)
        new_file = scratch / f"{stem}.ttl"
        new_file.write_text(text, encoding="utf-8")
        validate = run_phase(["validate", str(root), str(new_file)])
        built_triples = int(build.records[0]["triples"])
        if built_triples <= rdflib_max_triples:
            rdf = run_rdflib(root, names, params, repeat, rdflib_timeout, rdflib_parse_timeout)
        else:
            rdf = Phase(records=[{"not_run": True}])
        yield from _report(
            names, built_triples, build, load, ours, bare, disk, validate, rdf, rdflib_timeout
        )
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _report(
    names: list[str],
    triples: int,
    build: Phase,
    load: Phase,
    ours: Phase,
    bare: Phase,
    disk: Phase,
    validate: Phase,
    rdf: Phase,
    rdflib_timeout: float,
) -> Iterator[str]:
    q_ours, q_bare, q_disk, q_rdf = (_queries(p.records) for p in (ours, bare, disk, rdf))
    build_s = float(build.records[0]["seconds"])
    load_s = float(load.records[0]["seconds"])
    yield f"corpus: {triples} triples (built); machine: {os.cpu_count()} CPUs"
    yield f"build            {build_s:8.3f} s   peak RSS {build.rss_mb:7.0f} MB"
    yield f"bare ox load     {load_s:8.3f} s   peak RSS {load.rss_mb:7.0f} MB"
    disk_load_s = float(disk.records[0]["open"])
    yield f"bare ox on disk  {disk_load_s:8.3f} s   (built TriG + union, new on-disk store)"
    yield f"store open       {ours.records[0]['open']:8.3f} s"
    rdf_open = next((r["open"] for r in rdf.records if "open" in r), None)
    parse_capped = any(r.get("open_capped") for r in rdf.records)
    if rdf_open is not None:
        yield f"rdflib parse     {rdf_open:8.3f} s   peak RSS {rdf.rss_mb:7.0f} MB"
    elif parse_capped:
        yield "rdflib parse     over --rdflib-parse-timeout: no rdflib query ran"
    validation_s = float(validate.records[0]["seconds"])
    yield f"validate 1 file  {validation_s:8.3f} s   peak RSS {validate.rss_mb:7.0f} MB"
    yield ""
    header = f"{'query':38} {'rows':>6} {'ours s':>9} {'ox mem s':>9} {'ox disk s':>9}"
    yield header + (
        f" {'rdflib s':>10} {'ours/mem':>9} {'ours/disk':>9} {'rdflib/ours':>11}"
        f" {'rdflib/mem':>10} agree"
    )
    vs_mem: dict[str, float] = {}
    vs_disk: dict[str, float] = {}
    speedup: dict[str, float] = {}
    ceiling: dict[str, float] = {}  # bare in-memory Oxigraph's own speed-up over rdflib
    capped: list[str] = []
    disagree: list[str] = []
    errors: dict[str, str] = {}
    rdflib_errors: dict[str, str] = {}
    floor = 1e-3  # below a millisecond, ratios are timer noise
    for name in names:
        mine, mem, dsk = q_ours[name], q_bare[name], q_disk[name]
        broken = [r["error"] for r in (mine, mem, dsk) if "error" in r]
        if broken:
            errors[name] = broken[0]
            yield f"{name:38} error: {broken[0]}"
            continue
        ours_s = max(mine["seconds"], floor)
        vs_mem[name] = ours_s / max(mem["seconds"], floor)
        vs_disk[name] = ours_s / max(dsk["seconds"], floor)
        agree = {mine["digest"], mem["digest"], dsk["digest"]}
        rq = q_rdf.get(name)
        rdf_text = "not run"
        if rq is not None and "error" in rq:
            rdflib_errors[name] = rq["error"]
            rdf_text = "error"
        elif rq is not None:
            rdflib_s = rdflib_timeout if rq.get("capped") else max(rq["seconds"], floor)
            speedup[name] = rdflib_s / ours_s
            ceiling[name] = rdflib_s / max(mem["seconds"], floor)
            if rq.get("capped"):
                capped.append(name)
                rdf_text = f">{rdflib_timeout:.0f}"
            else:
                rdf_text = f"{rq['seconds']:.3f}"
                agree.add(rq["digest"])
        if len(agree) > 1:
            disagree.append(name)
        more = ">" if name in capped else ""
        sp = f"{more}{speedup[name]:.0f}" if name in speedup else "-"
        top = f"{more}{ceiling[name]:.0f}" if name in ceiling else "-"
        yield (
            f"{name:38} {mine['rows']:>6} {mine['seconds']:>9.4f} {mem['seconds']:>9.4f}"
            f" {dsk['seconds']:>9.4f} {rdf_text:>10} {vs_mem[name]:>9.2f} {vs_disk[name]:>9.2f}"
            f" {sp:>11} {top:>10} {'yes' if len(agree) == 1 else 'NO'}"
        )
    worst = max(vs_mem, key=lambda n: vs_mem[n])
    worst_disk = max(vs_disk, key=lambda n: vs_disk[n])
    slowest = min(speedup, key=lambda n: speedup[n]) if speedup else None
    lowest = min(ceiling, key=lambda n: ceiling[n]) if ceiling else None
    # Bare on-disk Oxigraph against bare in-memory Oxigraph: what storage alone costs.
    disk_vs_mem = {n: vs_mem[n] / vs_disk[n] for n in vs_mem}
    worst_storage = max(disk_vs_mem, key=lambda n: disk_vs_mem[n])
    own_rss = max(build.rss_mb, ours.rss_mb, validate.rss_mb)
    summary: dict[str, Any] = {
        "triples": triples,
        "build_s": round(build_s, 3),
        "oxigraph_load_s": round(load_s, 3),
        "build_vs_oxigraph_load": round(build_s / load_s, 2),
        # What a bare pyoxigraph user pays for the same queryable on-disk dataset.
        "oxigraph_disk_load_s": round(disk_load_s, 3),
        "oxigraph_disk_load_vs_oxigraph_load": round(disk_load_s / load_s, 2),
        "build_vs_oxigraph_disk_load": round(build_s / disk_load_s, 2),
        "query_vs_oxigraph_max": round(vs_mem[worst], 2),
        "query_vs_oxigraph_max_query": worst,
        "query_vs_oxigraph_disk_max": round(vs_disk[worst_disk], 2),
        "query_vs_oxigraph_disk_max_query": worst_disk,
        "oxigraph_disk_vs_mem_max": round(disk_vs_mem[worst_storage], 2),
        "oxigraph_disk_vs_mem_max_query": worst_storage,
        "query_vs_rdflib_min": round(speedup[slowest], 1) if slowest else None,
        "query_vs_rdflib_min_query": slowest,
        "query_vs_rdflib_min_is_lower_bound": bool(slowest in capped) if slowest else None,
        # The same figure for bare in-memory Oxigraph: no Oxigraph store beats it.
        "oxigraph_vs_rdflib_min": round(ceiling[lowest], 1) if lowest else None,
        "oxigraph_vs_rdflib_min_query": lowest,
        "rdflib_capped": capped,
        "rdflib_errors": rdflib_errors,
        "errors": errors,
        "rdflib_run": not any(r.get("not_run") for r in rdf.records),
        "rdflib_parse_capped": parse_capped,
        "rdflib_timeout_s": rdflib_timeout,
        "validation_s": round(validation_s, 3),
        "peak_rss_mb": round(own_rss),
        "results_agree": not disagree and not errors,
        "results_disagree": disagree,
        "cpus": os.cpu_count(),
        "self_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "ts": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    yield ""
    yield json.dumps(summary)
