"""Reading RDF files safely, with errors a curator can act on.

Every failure becomes a :class:`~dckg.errors.DckgError` whose message starts with
``file:line:col:`` where a position is known, so editors can jump to it. RDF/XML
with a DOCTYPE is refused before parsing: rdflib's XML parser expands internal
entities ("billion laughs").
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.namespace import XSD
from rdflib.plugins.parsers.notation3 import BadSyntax
from rdflib.term import bind

from dckg.errors import DckgError
from dckg.graph.dates import parse_stamp

FORMATS: dict[str, str] = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".trig": "trig",
    ".nt": "nt",
    ".nq": "nquads",
    ".n3": "n3",
    ".rdf": "xml",
    ".owl": "xml",
    ".xml": "xml",
    ".jsonld": "json-ld",
    ".json": "json-ld",
}

_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)

# rdflib logs a full traceback for every ill-typed literal; the SHACL shapes
# report those with the focus node, which is what a curator needs.
logging.getLogger("rdflib.term").setLevel(logging.CRITICAL)


def _stamp_lexical(text: str) -> str:
    """A valid ``xsd:dateTimeStamp``'s lexical form, unchanged; else ValueError."""
    if parse_stamp(text) is None:
        raise ValueError(f"not an xsd:dateTimeStamp: {text!r}")
    return text


def teach_rdflib_stamps() -> None:
    """Make rdflib check ``xsd:dateTimeStamp`` literals (time:inXSDDateTimeStamp's range).

    rdflib does not know the type: taught it, a literal without a zone or with an
    impossible date is ill-typed, so pySHACL's sh:datatype reports it as Jena's does.
    The value stays the lexical form (no normalisation to "+00:00"), so files read and
    write back as they are. Done on import; again after owlrl, which replaces rdflib's
    conversions with its own.
    """
    bind(XSD.dateTimeStamp, str, constructor=_stamp_lexical, datatype_specific=True)


teach_rdflib_stamps()


def rdf_format(path: Path) -> str:
    """The rdflib parser name for a file, from its extension."""
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise DckgError(f"{path}: unknown RDF file extension (use one of {known})") from None


def read_text(path: Path) -> str:
    """The file's text, refusing what is not a readable, non-empty UTF-8 file."""
    if not path.exists():
        raise DckgError(f"{path}: no such file")
    if path.is_dir():
        raise DckgError(f"{path}: is a directory, not an RDF file")
    data = path.read_bytes()
    if not data.strip():
        raise DckgError(f"{path}: file is empty")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise DckgError(
            f"{path}:{line}:{col}: not UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8"
        ) from None
    if _DOCTYPE.search(data) and rdf_format(path) == "xml":
        raise DckgError(
            f"{path}: RDF/XML with a DOCTYPE or entity declarations is refused "
            "(entity expansion is unsafe); remove the DOCTYPE or use Turtle"
        )
    return text


def _position(exc: BadSyntax) -> tuple[int, int]:
    """Line and column (1-based) of a Turtle syntax error."""
    text: str = exc._str.decode("utf-8", "replace") if isinstance(exc._str, bytes) else exc._str
    offset: int = exc._i
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def parse_into(target: Graph, path: Path, *, publicID: str | None = None) -> Graph:
    """Parse ``path`` into ``target`` (a Graph, or a Dataset for TriG/N-Quads)."""
    fmt = rdf_format(path)
    text = read_text(path)
    try:
        target.parse(data=text, format=fmt, publicID=publicID or path.resolve().as_uri())
    except BadSyntax as exc:
        line, col = _position(exc)
        raise DckgError(f"{path}:{line}:{col}: {exc._why}") from None
    except Exception as exc:  # rdflib raises many types; all mean "bad input"
        where = getattr(exc, "lineno", None) or getattr(exc, "getLineNumber", lambda: None)()
        pos = f"{where}:" if where else ""
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise DckgError(f"{path}:{pos} {message}") from None
    return target


def parse_graph(path: Path) -> Graph:
    """A new graph holding the triples of one file (TriG/N-Quads are flattened)."""
    fmt = rdf_format(path)
    if fmt in {"trig", "nquads"}:
        ds = Dataset()
        parse_into(ds, path)
        graph = Graph()
        for s, p, o, _ in ds.quads((None, None, None, None)):
            graph.add((s, p, o))
        return graph
    return parse_into(Graph(), path)
