"""Moving RDF terms between rdflib and pyoxigraph.

Simple literals carry no datatype on the rdflib side (as rdflib's own parsers
make them), so terms compare equal whichever engine produced them. The
rdflib-free :class:`dckg.rdfterm.Term` (what ``dckg query`` passes around on
Oxigraph) converts with its own methods; :func:`to_oxigraph` takes either.
"""

from __future__ import annotations

from typing import Any

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Identifier, Node

from dckg.errors import DckgError
from dckg.rdfterm import Term


def to_oxigraph(term: Identifier | Term) -> Any:
    """An rdflib term (or a :class:`~dckg.rdfterm.Term`) as a pyoxigraph term."""
    import pyoxigraph as ox

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
    if isinstance(term, Term):
        return term.to_oxigraph()
    raise DckgError(f"cannot bind {term!r}")


def to_rdflib(term: Any) -> Identifier | None:
    """A pyoxigraph term as an rdflib term (simple literals without a datatype)."""
    import pyoxigraph as ox

    if term is None:
        return None
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
    raise DckgError(f"unsupported result term {term!r}")


def triple_to_rdflib(triple: Any) -> tuple[Node, Node, Node]:
    """A pyoxigraph triple or quad as an rdflib triple."""
    s, p, o = (to_rdflib(t) for t in (triple.subject, triple.predicate, triple.object))
    if s is None or p is None or o is None:
        raise DckgError(f"incomplete triple {triple!r}")
    return s, p, o
