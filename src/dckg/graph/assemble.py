"""Reading a knowledge-graph directory into one in-memory Oxigraph store.

Every input goes into its own named graph (the ontology, the entity registry,
one graph per article file), the union of them all goes into the default graph
as a set (see :func:`dckg.graph.store.add_union_default`), and the build's own
derived triples (instants' labels, period starts, earliest and latest moments:
:mod:`dckg.graph.dates`; each event's best date and the instants' distinctness:
:mod:`dckg.graph.events`; every other unlabelled individual's label:
:mod:`dckg.graph.labels`) into the ``derived`` graph and the union. The violation
queries, the renderers and the query store all start from this store.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from dckg import namespaces as ns
from dckg.errors import DckgError
from dckg.graph.dates import derived_dates
from dckg.graph.events import all_different_instants, derived_event_dates
from dckg.graph.labels import add_generated_labels
from dckg.graph.loading import parse_into, read_text
from dckg.graph.skolem import skolemised_graph
from dckg.graph.store import add_union_default
from dckg.layout import Layout, ontology_path

#: Files smaller than this are also read as text, so an empty one is refused by name.
_SMALL_FILE = 64


def load_file(store: ox.Store, path: Path, graph: str) -> None:
    """Parse one Turtle file into ``graph`` of an Oxigraph store; bad input names file:line:col.

    Oxigraph reads the file itself (no Python string of it); only a file it refuses,
    or one too small to be worth a second look, is read again to word the error the
    way curators know (UTF-8, empty file, rdflib's file:line:col). ``bulk_load``, not
    the transactional ``load``: it is faster (see BENCHMARKS.md), and a refused file
    fails the whole build anyway.
    """
    if path.suffix.lower() not in (".ttl", ".turtle"):
        raise DckgError(f"{path}: sources must be Turtle (.ttl)")
    if not path.is_file() or path.stat().st_size < _SMALL_FILE:
        read_text(path)  # no such file, a directory, empty, not UTF-8
    try:
        store.bulk_load(
            path=str(path),
            format=ox.RdfFormat.TURTLE,
            base_iri=path.resolve().as_uri(),
            to_graph=ox.NamedNode(graph),
        )
    except SyntaxError as exc:
        read_text(path)
        parse_into(Graph(), path)  # rdflib's wording, with file:line:col, if it also refuses
        raise DckgError(f"{path}: {exc}") from None


def assemble_store(layout: Layout, extra: Iterable[Path] = ()) -> ox.Store:
    """Every input of ``layout`` (and ``extra`` article files) in an in-memory store.

    The curated files' blank nodes get stable IRIs (:mod:`dckg.graph.skolem`); the
    ontology's are OWL's and stay.
    """
    store = ox.Store()
    parents: dict[str, str] = {}
    inputs = [(layout.entities, ns.ENTITIES_GRAPH)]
    for path in [*layout.source_files(), *extra]:
        inputs.append((path, ns.source_graph(path)))
    for path, graph in inputs:
        scratch = ox.Store()  # a store of its own: its blank nodes are its own
        load_file(scratch, path, graph)
        data, above = skolemised_graph(scratch, graph)
        parents.update(above)
        store.bulk_load(input=data, format=ox.RdfFormat.N_QUADS)
    load_file(store, ontology_path(), ns.ONTOLOGY_GRAPH)
    add_union_default(store)
    # The instants' labels first: the generated labels print them.
    derived = derived_dates(store) + derived_event_dates(store) + all_different_instants(store)
    store.extend(derived)
    store.extend(ox.Quad(q.subject, q.predicate, q.object) for q in derived)
    add_generated_labels(store, parents)
    return store
