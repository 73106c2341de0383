"""The part of the existing knowledge graph that new files reference.

``dckg validate`` checks new files with the graph they join but must not re-validate
all of it, so it takes a neighbourhood: (1) every triple whose subject is an IRI the
new files mention, closed over blank nodes and the IRIs the build gave them
(:mod:`dckg.graph.skolem`; a concise bounded description), and (2)
the direct triples of every IRI those point to, so that types and instants' dates are
there for the ``sh:class`` checks and the date comparisons. Other files' references
(``dckg:hasReference``, ``dckg:attestedBy`` and what hangs off them) are left out:
one per article, they
would make the neighbourhood grow with the graph, and no check needs them (a new file
carries its own, :mod:`dckg.validation.provenance`; only new files' nodes are reported).

The graph is read from ``kg/store`` when it matches the inputs, else from the inputs
themselves, never from stale data. The named graph of an input a new file replaces
(same name under ``kg/sources``) and the build's copy of the ontology are left out;
the caller adds the shipped ontology.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from dckg import namespaces as ns
from dckg.graph.assemble import load_file
from dckg.graph.dates import restore_stamp
from dckg.graph.rdf import DCKG, OxObject, to_rdflib
from dckg.graph.skolem import is_skolem
from dckg.graph.store import store_state
from dckg.layout import Layout

log = logging.getLogger(__name__)


def open_existing(layout: Layout) -> ox.Store:
    """A store holding the existing graph, one named graph per input.

    The on-disk store when it matches the curated inputs (see
    :func:`dckg.graph.store.store_state`); else the inputs themselves.
    """
    if store_state(layout, inputs=True) == "fresh":
        try:
            return ox.Store.read_only(str(layout.store))
        except (OSError, ValueError) as exc:  # a store being swapped, another format
            log.info("not using %s: %s", layout.store, exc)
    store = ox.Store()
    for path in layout.inputs():
        if path.is_file():
            graph = ns.ENTITIES_GRAPH if path == layout.entities else ns.source_graph(path)
            load_file(store, path, graph)
    return store


def _to_rdflib(term: OxObject) -> Node:
    """An Oxigraph term as rdflib, blank nodes renamed so they never meet the new files'."""
    if isinstance(term, ox.BlankNode):
        return BNode(f"existing{term.value}")
    return to_rdflib(term)


def neighbourhood(store: ox.Store, seeds: Iterable[URIRef], exclude: Iterable[str] = ()) -> Graph:
    """The triples of the existing graph around ``seeds`` (see the module docstring)."""
    skip = {ox.NamedNode(g) for g in (ns.ONTOLOGY_GRAPH, *exclude)}
    references = {ox.NamedNode(str(DCKG.hasReference)), ox.NamedNode(str(DCKG.attestedBy))}
    out = Graph()
    hop2: set[str] = set()

    def add_from(subject: ox.NamedNode | ox.BlankNode, *, closure: bool) -> None:
        pending = [subject]
        seen = set()
        while pending:
            node = pending.pop()
            if node in seen:
                continue
            seen.add(node)
            # One triple comes once per graph that states it (and again from the
            # union): every article declares the instants it uses, so an instant's
            # triples come back once per article that uses it. Convert each once.
            done: set[tuple[ox.NamedNode, OxObject]] = set()
            for quad in store.quads_for_pattern(node, None, None, None):
                if quad.graph_name in skip or quad.predicate in references:
                    continue
                obj = quad.object
                if (quad.predicate, obj) in done:
                    continue
                done.add((quad.predicate, obj))
                # A node the build named for a curator's blank node is followed like one.
                inner = isinstance(obj, ox.BlankNode) or (
                    isinstance(obj, ox.NamedNode) and is_skolem(obj.value)
                )
                if not closure and inner:
                    continue  # no dangling blank nodes: hop 2 is for types and dates
                obj = restore_stamp(quad.predicate, obj)  # the store made it an xsd:dateTime
                out.add((_to_rdflib(quad.subject), _to_rdflib(quad.predicate), _to_rdflib(obj)))
                if inner:
                    pending.append(obj)  # type: ignore[arg-type]
                elif isinstance(obj, ox.NamedNode) and closure:
                    hop2.add(obj.value)

    seed_set = {str(s) for s in seeds}
    for iri in sorted(seed_set):
        add_from(ox.NamedNode(iri), closure=True)
    for iri in sorted(hop2 - seed_set):
        add_from(ox.NamedNode(iri), closure=False)
    return out


def align_literal(term: Node) -> Node:
    """A decimal with the lexical form Oxigraph stores (``8.0`` becomes ``8``).

    SHACL counts distinct RDF terms, so ``"8.0"^^xsd:decimal`` from a new file and
    ``"8"^^xsd:decimal`` from the store would be two values of a functional
    ``dckg:count``. Both sides of the data graph go through this function, so one
    value is one term. Ill-typed decimals are left for the shapes to report.
    """
    if isinstance(term, Literal) and term.datatype == XSD.decimal:
        try:
            number = Decimal(str(term))
        except InvalidOperation:
            return term
        if number.is_finite():
            text = format(number.normalize(), "f")
            return Literal(text, datatype=XSD.decimal)
    return term


def mentioned_iris(graph: Graph) -> set[URIRef]:
    """Every IRI a graph uses as subject or object (predicates are vocabulary, not data)."""
    found: set[URIRef] = set()
    for s, _p, o in graph:
        for term in (s, o):
            if isinstance(term, URIRef):
                found.add(term)
    return found
