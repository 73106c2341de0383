"""dckg's engine-neutral RDF term, importable without rdflib.

A :class:`Term` is what a query result cell and a parameter binding are on their
way through ``dckg query``: a plain tuple, so the Oxigraph path never imports
rdflib (0.2 s). Its lexical form is the one rdflib would give the same literal
(rdflib normalises some datatypes: ``"2021-10-18T00:00:00Z"^^xsd:dateTime``
reads back as ``2021-10-18T00:00:00+00:00``), so a result renders the same
whichever engine produced it and whether or not rdflib is loaded. The usual
lexical forms are recognised here; any other value of a normalised datatype is
handed to rdflib itself.

Simple literals carry no datatype (as rdflib's own parsers make them), so terms
compare equal whichever engine produced them.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from dckg.errors import DckgError
from dckg.prefixes import RDF, XSD

if TYPE_CHECKING:
    from rdflib.term import Identifier

_INTEGER_TYPES = frozenset(
    XSD + name
    for name in (
        *("integer", "int", "long", "short", "byte"),
        *("unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte"),
        *("positiveInteger", "nonNegativeInteger", "negativeInteger", "nonPositiveInteger"),
    )
)
#: The datatypes whose lexical form rdflib rewrites into a canonical one (those with
#: a parser in ``rdflib.term.XSDToPython``); the test suite keeps this in step.
NORMALISED_DATATYPES = _INTEGER_TYPES | frozenset(
    [
        *(XSD + name for name in ("boolean", "decimal", "float", "double", "hexBinary")),
        *(XSD + name for name in ("time", "date", "dateTime", "base64Binary")),
        *(XSD + name for name in ("duration", "dayTimeDuration", "yearMonthDuration")),
        RDF + "XMLLiteral",
        RDF + "HTML",
    ]
)
_CANONICAL_INTEGER = re.compile(r"0|-?[1-9][0-9]*")
_PLAIN_DATETIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})?"
)
_PLAIN_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_SIMPLE = (XSD + "string", RDF + "langString")
_INVALID_IRI_CHARS = '<>" {}|\\^`'


class Term(NamedTuple):
    """An RDF term: ``kind`` is ``uri``, ``bnode`` or ``literal`` (the SPARQL JSON names).

    ``datatype`` is None for simple and language-tagged literals; ``str()`` gives the
    lexical form, as it does for an rdflib term.
    """

    kind: str
    value: str
    datatype: str | None = None
    language: str | None = None

    def __str__(self) -> str:
        return self.value

    def n3(self) -> str:
        """The term in N-Triples/SPARQL syntax, exactly as rdflib's ``Identifier.n3()``."""
        if self.kind == "uri":
            if any(c in self.value for c in _INVALID_IRI_CHARS):
                return self.to_rdflib().n3()  # rdflib's own error
            return f"<{self.value}>"
        if self.kind == "bnode":
            return "_:" + self.value
        if self.datatype in (XSD + "double", XSD + "float", XSD + "decimal") and not re.fullmatch(
            r"[+-]?[0-9.eE+-]*", self.value
        ):
            return self.to_rdflib().n3()  # INF and NaN are spelt rdflib's way
        encoded = _quote(self.value)
        if self.language:
            return f"{encoded}@{self.language}"
        if self.datatype:
            return f"{encoded}^^<{self.datatype}>"
        return encoded

    def to_rdflib(self) -> Identifier:
        """The same term in rdflib."""
        from rdflib import BNode, Literal, URIRef

        if self.kind == "uri":
            return URIRef(self.value)
        if self.kind == "bnode":
            return BNode(self.value)
        if self.language:
            return Literal(self.value, lang=self.language)
        if self.datatype:
            return Literal(self.value, datatype=URIRef(self.datatype))
        return Literal(self.value)

    def to_oxigraph(self) -> Any:
        """The same term in pyoxigraph."""
        import pyoxigraph as ox

        if self.kind == "uri":
            return ox.NamedNode(self.value)
        if self.kind == "bnode":
            return ox.BlankNode(self.value)
        if self.language:
            return ox.Literal(self.value, language=self.language)
        if self.datatype:
            return ox.Literal(self.value, datatype=ox.NamedNode(self.datatype))
        return ox.Literal(self.value)


def _quote(text: str) -> str:
    """rdflib's ``Literal._quote_encode``: a long string if it spans lines."""
    if "\n" in text:
        encoded = text.replace("\\", "\\\\")
        if '"""' in text:
            encoded = encoded.replace('"""', '\\"\\"\\"')
        if encoded[-1] == '"' and encoded[-2] != "\\":
            encoded = encoded[:-1] + "\\" + '"'
        return '"""{}"""'.format(encoded.replace("\r", "\\r"))
    return '"{}"'.format(text.replace("\\", "\\\\").replace('"', '\\"').replace("\r", "\\r"))


def iri(value: str) -> Term:
    """An IRI."""
    return Term("uri", value)


def literal(value: str, datatype: str | None = None, language: str | None = None) -> Term:
    """A literal, its lexical form as rdflib would hold it (see :func:`rdflib_lexical`)."""
    if language:
        return Term("literal", value, None, language)
    if datatype is None or datatype in _SIMPLE:
        return Term("literal", value)
    return Term("literal", rdflib_lexical(value, datatype), datatype)


def rdflib_lexical(value: str, datatype: str) -> str:
    """The lexical form rdflib gives ``value`` typed ``datatype`` (normalised, as its
    ``Literal`` does by default): computed here for the common canonical forms, by
    rdflib for anything else."""
    if datatype not in NORMALISED_DATATYPES:
        return value
    if datatype in _INTEGER_TYPES:
        if _CANONICAL_INTEGER.fullmatch(value):
            return value
    elif datatype == XSD + "boolean":
        if value in ("true", "false"):
            return value
    elif datatype == XSD + "dateTime":
        match = _PLAIN_DATETIME.fullmatch(value)
        if match and match[1] != "-00:00" and _valid(datetime.fromisoformat, value):
            return value[:-1] + "+00:00" if match[1] == "Z" else value
    elif (
        datatype == XSD + "date"
        and _PLAIN_DATE.fullmatch(value)
        and _valid(date.fromisoformat, value)
    ):
        return value
    from rdflib import Literal, URIRef

    return str(Literal(value, datatype=URIRef(datatype)))


def _valid(parse: Any, value: str) -> bool:
    try:
        parse(value)
    except ValueError:
        return False
    return True


def from_oxigraph(term: Any) -> Term | None:
    """A pyoxigraph term (or None, an unbound cell) as a :class:`Term`."""
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return Term("uri", term.value)
    if isinstance(term, ox.BlankNode):
        return Term("bnode", term.value)
    if isinstance(term, ox.Literal):
        return literal(term.value, term.datatype.value, term.language)
    raise DckgError(f"unsupported result term {term!r}")


def from_rdflib(term: Any) -> Term | None:
    """An rdflib term as a :class:`Term`, its lexical form kept as rdflib holds it."""
    from rdflib import BNode, Literal, URIRef

    if term is None:
        return None
    if isinstance(term, URIRef):
        return Term("uri", str(term))
    if isinstance(term, BNode):
        return Term("bnode", str(term))
    if isinstance(term, Literal):
        datatype = str(term.datatype) if term.datatype is not None else None
        if datatype == XSD + "string":
            datatype = None
        return Term("literal", str(term), datatype, term.language)
    raise DckgError(f"unsupported result term {term!r}")
