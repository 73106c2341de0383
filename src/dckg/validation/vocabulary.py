"""Checks on the vocabulary a new file uses, which SHACL shapes cannot make.

Shapes only see nodes some target selects: a node typed with a misspelt class
(``a dckg:StatusStatment``) is targeted by nothing, so its misspelt properties
would pass. And a source file that adds triples *about* ontology terms
(``dckg:Channel rdfs:subClassOf ...``, ``dckv:active skos:inScheme ...``) would
quietly change the schema every other file is checked against. So:

- a subject that is an ontology term (or in the dckg/dckv namespaces) is refused;
- a predicate from a vocabulary the ontology declares (dckg, oa, time, org, prov,
  skos, dcterms) must be one it declares; rdf/rdfs predicates must be the few
  source files use;
- every class after ``a`` and every dckg/dckv term used as a value must be declared.
"""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Node

from dckg.graph.rdf import DCKG, DCKV
from dckg.namespaces import ONTOLOGY_IRI

#: rdf/rdfs predicates a source file may use.
RDF_PREDICATES = frozenset({RDF.type, RDF.value, RDFS.label, RDFS.comment, RDFS.seeAlso})

#: Namespaces the project owns: nothing in them may be defined outside the ontology.
OWN_NAMESPACES = (str(DCKG), str(DCKV))


class Vocabulary:
    """The terms the ontology declares, and the namespaces it declares terms in."""

    def __init__(self, ontology: Graph) -> None:
        self.terms: set[URIRef] = {s for s in ontology.subjects() if isinstance(s, URIRef)}
        self.classes: set[URIRef] = {
            s for s in ontology.subjects(RDF.type, OWL.Class) if isinstance(s, URIRef)
        }
        self.namespaces: set[str] = {_namespace(t) for t in self.terms} - {
            str(RDF),
            str(RDFS),
            str(OWL),
        }
        self.namespaces.discard(ONTOLOGY_IRI + "/")
        self.namespaces.discard("https://w3id.org/dckg/")

    def is_ontology_term(self, node: Node) -> bool:
        """An IRI the ontology defines, or any IRI in the project's own namespaces."""
        if not isinstance(node, URIRef):
            return False
        text = str(node)
        return (
            node in self.terms
            or text == ONTOLOGY_IRI
            or text.startswith(ONTOLOGY_IRI + "/")
            or text.startswith(OWN_NAMESPACES)
        )


def _namespace(term: URIRef) -> str:
    text = str(term)
    for sep in ("#", "/"):
        if sep in text:
            return text[: text.rindex(sep) + 1]
    return text


Problem = tuple[Node, URIRef | None, str, Node | None]
"""(focus node, path, message, value)"""


def check_vocabulary(new: Graph, vocab: Vocabulary) -> Iterator[Problem]:
    """Every redefinition and every undeclared term in ``new``."""
    redefined: set[tuple[Node, Node]] = set()
    for s, p, o in sorted(new, key=lambda t: (str(t[0]), str(t[1]), str(t[2]))):
        assert isinstance(p, URIRef)
        if vocab.is_ontology_term(s) and (s, p) not in redefined:
            redefined.add((s, p))
            yield (
                s,
                p,
                "A source file must not define or add to an ontology term: change "
                "ontology/dckg.ttl instead, or use an IRI of your own in the dcki: namespace.",
                o,
            )
            continue
        if not _predicate_known(p, vocab):
            yield (
                s,
                p,
                f"Unknown property {p}: it is not declared in the dckg ontology; check its "
                "spelling (kg/CURATION.md lists the properties).",
                o,
            )
        if p == RDF.type and isinstance(o, URIRef) and o not in vocab.classes:
            yield (
                s,
                p,
                f"Unknown class {o}: it is not declared in the dckg ontology; check its spelling.",
                o,
            )
        elif (
            p != RDF.type
            and isinstance(o, URIRef)
            and str(o).startswith(OWN_NAMESPACES)
            and o not in vocab.terms
        ):
            yield (
                s,
                p,
                f"Unknown term {o}: the dckg ontology does not define it; use a concept of "
                "its schemes (check the spelling).",
                o,
            )


def _predicate_known(p: URIRef, vocab: Vocabulary) -> bool:
    if p in RDF_PREDICATES or p in vocab.terms:
        return True
    namespace = _namespace(p)
    if namespace in (str(RDF), str(RDFS), str(OWL)):
        return False
    return namespace not in vocab.namespaces and not str(p).startswith(OWN_NAMESPACES)
