"""rdflib's view of dckg's vocabularies, and moving terms between rdflib and Oxigraph.

The namespaces are rdflib ``Namespace`` objects built from :mod:`dckg.namespaces`.
Simple literals carry no datatype on the rdflib side (as rdflib's own parsers make
them), so terms compare equal whichever engine produced them.
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, Literal, Namespace, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Identifier, Node

from dckg import namespaces as ns
from dckg.errors import DckgError

DCKG = Namespace(ns.DCKG)
DCKV = Namespace(ns.DCKV)
DCKI = Namespace(ns.DCKI)
DCKT = Namespace(ns.DCKT)
GRAPH = Namespace(ns.GRAPH)
OA = Namespace(ns.OA)
ORG = Namespace(ns.ORG)
PROV = Namespace(ns.PROV)
TIME = Namespace(ns.TIME)
DCTERMS = Namespace(ns.DCTERMS)

OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal
OxObject = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


def to_oxigraph(term: Identifier) -> OxTerm:
    """An rdflib term as a pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise DckgError(f"cannot convert {term!r} to an Oxigraph term")


def to_rdflib(term: OxObject) -> Identifier:
    """A pyoxigraph term as an rdflib term (simple literals without a datatype)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype in (str(XSD.string), str(RDF.langString)):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise DckgError(f"unsupported term {term!r}")


def triple_to_rdflib(triple: ox.Triple | ox.Quad) -> tuple[Node, Node, Node]:
    """A pyoxigraph triple or quad as an rdflib triple."""
    return to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object)
