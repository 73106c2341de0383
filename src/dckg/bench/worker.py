"""One benchmark phase in a fresh process (``python -m dckg.bench.worker PHASE ...``).

Each phase prints JSON lines on stdout; the parent reads the child's peak RSS from
``wait4``, so a baseline's memory never counts against dckg's own.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from dckg.layout import Layout
from dckg.query.engine import Cell, Engine, QueryResult
from dckg.query.sparql import Form, Term


def emit(record: dict[str, Any]) -> None:
    """One JSON line, flushed at once (the parent may be waiting on it with a timeout)."""
    sys.stdout.write(json.dumps(record) + "\n")
    sys.stdout.flush()


def digest(rows: list[tuple[Cell, ...]]) -> str:
    """A fingerprint of a result as the multiset :func:`~dckg.query.results.comparable` makes."""
    import hashlib

    from dckg.query.results import comparable

    return hashlib.sha256(repr(sorted(comparable(rows).items())).encode()).hexdigest()[:16]


def time_queries(
    run: Callable[[str, Mapping[str, Term], Form], QueryResult],
    names: list[str],
    params: dict[str, Any],
    repeat: int,
) -> None:
    """Run each named query ``repeat`` times; emit the best time, the row count and a digest."""
    from dckg.query.library import bindings, library
    from dckg.query.sparql import inspect_query

    lib = library()
    for name in names:
        query = lib[name]
        bound = bindings(query, params.get(name, {}))
        form = inspect_query(query.text)
        best = float("inf")
        result = None
        try:
            for _ in range(repeat):
                start = time.perf_counter()
                result = run(query.text, bound, form)
                best = min(best, time.perf_counter() - start)
        except Exception as exc:  # an engine's bug must not end the benchmark
            emit({"query": name, "error": f"{type(exc).__name__}: {exc}"[:200]})
            continue
        rows = result.rows if result is not None else []
        emit({"query": name, "seconds": best, "rows": len(rows), "digest": digest(rows)})


def main(argv: list[str]) -> None:
    """Dispatch one phase."""
    phase, root = argv[0], Path(argv[1])

    layout = Layout(root)
    if phase == "build":
        from dckg.curate.build import build

        start = time.perf_counter()
        result = build(layout)
        emit({"seconds": time.perf_counter() - start, "triples": result.triples})
    elif phase == "oxigraph-load":
        import pyoxigraph as ox

        from dckg.layout import ontology_path

        start = time.perf_counter()
        store = ox.Store()
        for path in [ontology_path(), layout.entities, *layout.source_files()]:
            store.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE)
        emit({"seconds": time.perf_counter() - start, "quads": len(store)})
    elif phase in ("ours", "oxigraph", "oxigraph-disk", "rdflib"):
        names, params, repeat = json.loads(argv[2]), json.loads(argv[3]), int(argv[4])
        start = time.perf_counter()
        engine = _engine(phase, layout, Path(argv[5]) if len(argv) > 5 else None)
        emit({"open": time.perf_counter() - start})
        time_queries(engine.run, names, params, repeat)
    elif phase == "validate":
        from dckg.validation.validate import validate_files

        start = time.perf_counter()
        # The shapes' cost as the graph grows; the OWL gate (HermiT, seconds per
        # file where Java is installed) is not what this phase measures.
        report = validate_files([Path(argv[2])], layout, owl_gate="off")
        emit({"seconds": time.perf_counter() - start, "conforms": report.conforms})
    else:
        raise SystemExit(f"unknown phase {phase}")


def _engine(phase: str, layout: Layout, scratch: Path | None) -> Engine:
    from dckg.graph.store import load_in_memory
    from dckg.query.engine import OxigraphEngine, RdflibEngine, open_engine

    if phase == "ours":
        return open_engine("oxigraph", layout)
    if phase == "rdflib":
        return RdflibEngine.from_files([layout.trig])
    import pyoxigraph as ox

    if phase == "oxigraph-disk":
        # The same dataset dckg queries, the fastest way pyoxigraph writes it to disk:
        # the named graphs and then their union as a set (the built Turtle, which is
        # that union) each in one bulk_load. The union by SPARQL INSERT, as in memory
        # below, goes through RocksDB's write path, which is much slower (BENCHMARKS.md).
        # (The union's blank nodes are not the named graphs' then; no query reads both.)
        store = ox.Store(str(scratch))
        store.bulk_load(path=str(layout.trig), format=ox.RdfFormat.TRIG)
        store.bulk_load(
            path=str(layout.turtle), format=ox.RdfFormat.TURTLE, to_graph=ox.DefaultGraph()
        )
        store.flush()
        return OxigraphEngine(store)
    return OxigraphEngine(load_in_memory([layout.trig]))  # the same dataset dckg queries


if __name__ == "__main__":
    main(sys.argv[1:])
