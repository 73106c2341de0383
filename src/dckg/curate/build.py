"""``dckg build``: merge the ontology, the entity registry and the article files.

The steps: assemble every input in an in-memory store (:mod:`dckg.graph.assemble`),
start loading the on-disk query store from it on a thread, refuse the graph if a
violation query returns a row, render the canonical Turtle and TriG
(:mod:`dckg.graph.serialize`), and write everything atomically. Outputs are
deterministic, so ``--check`` can tell whether the committed files are stale.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from dckg.atomic import locked, write_files
from dckg.errors import NotConformingError
from dckg.graph.assemble import assemble_store
from dckg.graph.loader import PendingStore, loader_paused, release_freed_memory
from dckg.graph.serialize import canonical_lines, graph_lines, render_graphs
from dckg.graph.store import refresh_marker, store_is_current
from dckg.layout import Layout
from dckg.query.engine import OxigraphEngine
from dckg.query.gates import find_violations


@dataclass
class BuildResult:
    """What a build wrote, or (with ``check``) which files are stale."""

    triples: int
    graphs: int
    changed: list[Path] = field(default_factory=list)
    stale: list[Path] = field(default_factory=list)


def build(
    layout: Layout, *, check: bool = False, infer: bool = False, reasoner: str = "owlrl"
) -> BuildResult:
    """Build (or with ``check`` compare against) the outputs of ``layout``.

    Everything is computed in memory first; then the Turtle/TriG are written
    atomically and the query store is rebuilt beside them and swapped in. A
    failure at any point before the renames leaves every file under the
    knowledge-graph directory as it was.
    """
    with locked(layout.root):
        store = assemble_store(layout)
        pending: PendingStore | None = None
        try:
            if not check:
                # The query store holds the graphs and their union, as the store is now; it
                # is bulk-loaded on a thread while the gates run and the Turtle and TriG
                # are rendered (a refused build stops it and removes it).
                pending = PendingStore(layout)
                pending.start(store)
            violations = find_violations(OxigraphEngine(store))
            if violations:
                lines = "\n".join(f"  {v}" for v in violations)
                raise NotConformingError(f"{len(violations)} data-quality violation(s):\n{lines}")
            # Each copy is freed as soon as the next exists: the union in the default
            # graph before the graphs become lines (the lines reuse its memory), the
            # store before RDFC-1.0, the canonicaliser's Dataset before the render; at
            # scale the query store's loader waits meanwhile (see PAUSE_LOADER_BYTES).
            store.clear_graph(ox.DefaultGraph())
            with tempfile.TemporaryFile() as blank, loader_paused(pending):
                release_freed_memory()  # what the loader's last block left resident
                graphs = graph_lines(store, blank)
                del store
                release_freed_memory()
                graphs = canonical_lines(graphs, blank)
                release_freed_memory()
            rendered = render_graphs(layout, graphs)
            del graphs
            outputs = rendered.outputs
            if infer:
                from dckg.curate.reasoning import infer_turtle

                union = ox.Dataset(
                    ox.parse(b"\n".join(rendered.union), format=ox.RdfFormat.N_QUADS)
                )
                outputs[layout.inferred] = infer_turtle(union, reasoner)
            result = BuildResult(triples=rendered.triples, graphs=rendered.graphs)
            if check:
                result.stale = [
                    p for p, data in outputs.items() if not p.exists() or p.read_bytes() != data
                ]
                if result.stale:
                    names = ", ".join(str(p) for p in result.stale)
                    raise NotConformingError(f"stale build output (run `dckg build`): {names}")
                return result
            result.changed = write_files(outputs)
            trig = outputs[layout.trig]
            committing = pending
            if committing is not None and (
                layout.trig in result.changed or not store_is_current(layout, trig)
            ):
                pending = None  # committed, not discarded
                committing.commit(trig)
            else:
                refresh_marker(layout)
            return result
        finally:
            if pending is not None:
                pending.discard()
