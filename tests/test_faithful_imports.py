"""The ontology's local declarations of W3C terms are faithful extracts (issue 20).

dckg declares the OWL-Time, PROV-O, ORG, Web Annotation and SKOS terms it uses, so
the file opens offline; none of those declarations may add an axiom the pinned W3C
file does not state (a Functional, a narrowed domain), or a reasoner that loads the
real vocabulary beside dckg would disagree with dckg's own.
"""

from __future__ import annotations

import pytest
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from dckg.graph.loading import parse_into
from dckg.layout import import_paths, ontology_path

W3C = (
    "http://www.w3.org/2006/time#",
    "http://www.w3.org/ns/prov#",
    "http://www.w3.org/ns/org#",
    "http://www.w3.org/ns/oa#",
    "http://www.w3.org/2004/02/skos/core#",
)
#: Predicates that make logical axioms; labels and definitions are annotations.
AXIOMS = (
    RDF.type,
    RDFS.domain,
    RDFS.range,
    RDFS.subClassOf,
    RDFS.subPropertyOf,
    OWL.inverseOf,
    OWL.disjointWith,
    OWL.equivalentClass,
    OWL.equivalentProperty,
)
#: A declaration the real file leaves implicit (an RDFS vocabulary's property is an
#: rdf:Property there, an OWL property here): the kind, not a new axiom.
KINDS = {
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    OWL.Class,
    OWL.NamedIndividual,
    RDF.Property,
    RDFS.Class,
}


@pytest.fixture(scope="module")
def pinned() -> Graph:
    graph = Graph()
    for path in import_paths():
        parse_into(graph, path)
    return graph


def test_no_axiom_is_added_to_a_w3c_term(pinned: Graph) -> None:
    local = parse_into(Graph(), ontology_path())
    added = []
    for s, p, o in local:
        if not (isinstance(s, URIRef) and str(s).startswith(W3C) and p in AXIOMS):
            continue
        if isinstance(o, BNode) or (p == RDF.type and o in KINDS):
            continue
        if (s, p, o) not in pinned:
            added.append(
                f"{local.namespace_manager.normalizeUri(s)} "
                f"{local.namespace_manager.normalizeUri(p)} "
                f"{local.namespace_manager.normalizeUri(o)}"
            )
    assert added == []
