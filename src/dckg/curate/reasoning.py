"""OWL RL inferences for ``dckg build --infer``, from owlrl or from ``reasonable``.

owlrl (pure Python) is the reference; ``reasonable`` (Rust, PyPI) is much faster
on large graphs (see BENCHMARKS.md). Either way only the *inferred* triples
are kept, in their own file (``dckg-inferred.ttl``); the asserted graph is never
replaced by the reasoner's output, because ``reasonable`` returns plain strings as
explicit ``xsd:string`` literals and leaves some input triples out of its output.
Both results are normalised the same way: ``xsd:string`` literals become simple
literals, anything already asserted is dropped, and so are triples with a literal
subject (not RDF) or a blank node (the reasoners' own axiom nodes, and labels that
would not carry across files).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from dckg.errors import DckgError
from dckg.graph.loading import teach_rdflib_stamps
from dckg.graph.rdf import to_oxigraph
from dckg.graph.serialize import serialize_sorted, to_bytes

REASONERS = ("owlrl", "reasonable")

Triple = tuple[Node, Node, Node]


def _plain(term: Node) -> Node:
    """``"x"^^xsd:string`` as the simple literal ``"x"`` (RDF 1.1 says they are the same)."""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


def keep_inferred(candidates: Iterable[Triple], asserted: Graph) -> Graph:
    """The normalised candidates that are new, IRI-subject, blank-node-free triples."""
    out = Graph()
    for s, p, o in candidates:
        triple = (_plain(s), _plain(p), _plain(o))
        if isinstance(triple[0], Literal | BNode) or isinstance(triple[2], BNode):
            continue
        if triple in asserted:
            continue
        out.add(triple)
    return out


def closure_owlrl(graph: Graph) -> Graph:
    """owlrl's OWL RL closure of ``graph``, inferred triples only."""
    import owlrl  # imported lazily: it is slow to import and only --infer needs it

    work = Graph()
    for triple in graph:
        work.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(work)
    # owlrl leaves its own literal conversions in rdflib, for the whole process: put
    # rdflib's back, and dckg's for xsd:dateTimeStamp.
    owlrl.DatatypeHandling.use_RDFLib_lexical_conversions()
    teach_rdflib_stamps()
    return keep_inferred(work, graph)


def closure_reasonable(graph: Graph) -> Graph:
    """``reasonable``'s OWL 2 RL closure of ``graph``, inferred triples only.

    Blank nodes are handed over as skolem IRIs and back, so the reasoner sees the
    graph's structure but none of its output can pass for asserted data.
    """
    import reasonable

    reasoner = reasonable.PyReasoner()
    reasoner.from_graph(graph)
    return keep_inferred(_rdflib_triples(reasoner.reason()), graph)


def _rdflib_triples(triples: Iterable[Any]) -> Iterable[Triple]:
    for s, p, o in triples:
        yield (s, p, o) if isinstance(s, Node) else (_term(s), _term(p), _term(o))


def _term(value: Any) -> Node:
    """reasonable's plain-string terms (for older releases) as rdflib terms."""
    text = str(value)
    if text.startswith("_:"):
        return BNode(text[2:])
    if text.startswith(("http://", "https://", "urn:", "file:")):
        return URIRef(text)
    return Literal(text)


def closure(graph: Graph, reasoner: str) -> Graph:
    """The inferred triples of ``graph`` by the named reasoner."""
    if reasoner == "owlrl":
        return closure_owlrl(graph)
    if reasoner == "reasonable":
        return closure_reasonable(graph)
    raise DckgError(f"unknown reasoner {reasoner!r} (use {' or '.join(REASONERS)})")


def infer_turtle(dataset: ox.Dataset, reasoner: str) -> bytes:
    """``dckg-inferred.ttl``: the inferred triples of the union of ``dataset``, sorted Turtle."""
    union = Graph()
    data = to_bytes((q.triple for q in dataset), ox.RdfFormat.N_TRIPLES)
    union.parse(data=data.decode("utf-8"), format="nt")
    inferred = closure(union, reasoner)
    lines = to_bytes(
        (ox.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in inferred),  # type: ignore[arg-type]
        ox.RdfFormat.N_TRIPLES,
    )
    return serialize_sorted(sorted(set(lines.splitlines())))
