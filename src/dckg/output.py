"""Writing query results.

SELECT results go out as an aligned table or Markdown for people, or in the W3C
SPARQL 1.1 result formats (CSV, TSV, JSON, XML) for programs. They are written
here from the engine-neutral cells (:class:`dckg.rdfterm.Term`), byte for byte as
rdflib's result writers write them (the tests compare the two), so that
``dckg query`` on Oxigraph never imports rdflib. TSV, which rdflib lacks, is one
N-Triples term per cell. CONSTRUCT/DESCRIBE results are RDF, written by rdflib.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any

from dckg.engine import QueryResult
from dckg.errors import DckgError
from dckg.prefixes import PREFIX_IRIS
from dckg.rdfterm import Term, from_rdflib

SELECT_FORMATS = ("table", "csv", "tsv", "json", "xml", "markdown")
GRAPH_FORMATS = ("turtle", "trig", "nt")

#: Longest namespace first, so the most specific prefix wins.
_BY_LENGTH = sorted(PREFIX_IRIS.items(), key=lambda kv: -len(kv[1]))
_SPARQL_RESULTS = "http://www.w3.org/2005/sparql-results#"
_XML = "http://www.w3.org/XML/1998/namespace"


def _as_term(term: Any) -> Term | None:
    """A cell as a :class:`Term`: cells are Terms already; rdflib terms are converted."""
    if term is None or isinstance(term, Term):
        return term
    return from_rdflib(term)


def short(term: Any) -> str:
    """A cell for people: prefixed names for known namespaces, lexical forms for literals.

    Takes a :class:`Term` or an rdflib term.
    """
    cell = _as_term(term)
    if cell is None:
        return ""
    if cell.kind == "uri":
        text = cell.value
        for prefix, ns in _BY_LENGTH:
            if text.startswith(ns) and len(text) > len(ns):
                return f"{prefix}:{text[len(ns) :]}"
        return f"<{text}>"
    if cell.kind == "bnode":
        return f"_:{cell.value}"
    return cell.value


def _table(result: QueryResult) -> str:
    header = result.variables
    cells = [[short(v) for v in row] for row in result.cells]
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _markdown(result: QueryResult) -> str:
    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(result.variables) + " |"]
    lines.append("|" + "|".join("---" for _ in result.variables) + "|")
    lines += ["| " + " | ".join(cell(short(v)) for v in row) + " |" for row in result.cells]
    return "\n".join(lines) + "\n"


def _tsv(result: QueryResult) -> str:
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines += ["\t".join(v.n3() if v is not None else "" for v in row) for row in result.cells]
    return "\n".join(lines) + "\n"


def _csv(result: QueryResult) -> str:
    """SPARQL 1.1 CSV: lexical forms only, ``_:`` before a blank node (as rdflib writes it)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=",")
    writer.writerow(result.variables)
    for row in result.cells:
        writer.writerow(
            ["" if v is None else f"_:{v.value}" if v.kind == "bnode" else v.value for v in row]
        )
    return out.getvalue()


def _json_term(term: Term) -> dict[str, str]:
    if term.kind != "literal":
        return {"type": term.kind, "value": term.value}
    value = {"type": "literal", "value": term.value}
    if term.datatype is not None:
        value["datatype"] = term.datatype
    if term.language is not None:
        value["xml:lang"] = term.language
    return value


def _json(result: QueryResult) -> str:
    """SPARQL 1.1 JSON, key for key and space for space as rdflib writes it."""
    doc: dict[str, Any] = {"results": {}, "head": {"vars": result.variables}}
    doc["results"]["bindings"] = [
        {var: _json_term(v) for var, v in zip(result.variables, row, strict=True) if v is not None}
        for row in result.cells
    ]
    try:  # rdflib writes with orjson where it is installed
        import orjson  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        import json

        return json.dumps(doc, allow_nan=False, ensure_ascii=False)
    return str(orjson.dumps(doc, option=orjson.OPT_NON_STR_KEYS).decode("utf-8"))


def _xml(result: QueryResult) -> str:
    """SPARQL 1.1 XML, written with the SAX generator rdflib uses."""
    from xml.sax.saxutils import XMLGenerator
    from xml.sax.xmlreader import AttributesNSImpl

    def attrs(values: dict[tuple[str | None, str], str]) -> AttributesNSImpl:
        qnames = {key: ("xml:lang" if key[0] == _XML else key[1]) for key in values}
        return AttributesNSImpl(values, qnames)

    def start(name: str, values: dict[tuple[str | None, str], str] | None = None) -> None:
        writer.startElementNS((_SPARQL_RESULTS, name), name, attrs(values or {}))

    def end(name: str) -> None:
        writer.endElementNS((_SPARQL_RESULTS, name), name)

    out = io.BytesIO()
    writer = XMLGenerator(out, "utf-8")
    writer.startDocument()
    writer.startPrefixMapping("", _SPARQL_RESULTS)
    writer.startPrefixMapping("xml", _XML)
    start("sparql")
    start("head")
    for var in result.variables:
        start("variable", {(None, "name"): var})
        end("variable")
    end("head")
    start("results")
    for row in result.cells:
        start("result")
        for var, v in zip(result.variables, row, strict=True):
            if v is None:
                continue
            start("binding", {(None, "name"): var})
            kind = {"uri": "uri", "bnode": "bnode"}.get(v.kind, "literal")
            values: dict[tuple[str | None, str], str] = {}
            if v.kind == "literal" and v.language:
                values[(_XML, "lang")] = v.language
            elif v.kind == "literal" and v.datatype:
                values[(None, "datatype")] = v.datatype
            start(kind, values)
            writer.characters(v.value)
            end(kind)
            end("binding")
        end("result")
    end("results")
    end("sparql")
    writer.endDocument()
    return out.getvalue().decode("utf-8")


WRITERS: dict[str, Callable[[QueryResult], str]] = {
    "table": _table,
    "markdown": _markdown,
    "tsv": _tsv,
    "csv": _csv,
    "json": _json,
    "xml": _xml,
}


#: ``-o FILE`` without ``--format`` picks the format from the file's extension.
EXTENSIONS: dict[str, str] = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".json": "json",
    ".srj": "json",
    ".xml": "xml",
    ".srx": "xml",
    ".md": "markdown",
    ".ttl": "turtle",
    ".trig": "trig",
    ".nt": "nt",
}


def format_for_path(path: str) -> str | None:
    """The output format a file name implies (``out.csv`` → csv), or None if none does."""
    suffix = path[path.rfind(".") :].lower() if "." in path else ""
    return EXTENSIONS.get(suffix)


def render(result: QueryResult, fmt: str | None) -> str:
    """The text to print for ``result`` in ``fmt`` (None: the form's default)."""
    if result.form == "ASK":
        return "true\n" if result.boolean else "false\n"
    if result.form in ("CONSTRUCT", "DESCRIBE"):
        fmt = fmt or "turtle"
        if fmt not in GRAPH_FORMATS:
            raise DckgError(
                f"--format {fmt} is for SELECT; {result.form} writes {', '.join(GRAPH_FORMATS)}"
            )
        assert result.graph is not None
        for prefix, ns in PREFIX_IRIS.items():
            result.graph.bind(prefix, ns)
        return result.graph.serialize(format="nt" if fmt == "nt" else fmt)
    fmt = fmt or "table"
    if fmt not in WRITERS:
        raise DckgError(f"--format {fmt} is for graphs; SELECT writes {', '.join(SELECT_FORMATS)}")
    return WRITERS[fmt](result)


def literal_text(term: Any) -> str:
    """The plain text of a cell, a literal or an IRI (for tests and summaries)."""
    cell = _as_term(term)
    return cell.value if cell is not None and cell.kind in ("literal", "uri") else ""
