"""Writing query results.

SELECT results go out as an aligned table or Markdown for people, or in the W3C
SPARQL 1.1 result formats (CSV, TSV, JSON, XML) for programs; the W3C ones are
serialised by rdflib's result writers except TSV, which rdflib lacks (it is one
N-Triples term per cell). CONSTRUCT/DESCRIBE results are RDF.
"""

from __future__ import annotations

from collections.abc import Callable

from rdflib import BNode, Literal, URIRef, Variable
from rdflib.query import Result
from rdflib.term import Identifier

from dckg.engine import QueryResult
from dckg.errors import DckgError
from dckg.namespaces import PREFIXES

SELECT_FORMATS = ("table", "csv", "tsv", "json", "xml", "markdown")
GRAPH_FORMATS = ("turtle", "trig", "nt")


def short(term: Identifier | None) -> str:
    """A cell for people: prefixed names for known namespaces, lexical forms for literals."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        text = str(term)
        for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(str(kv[1]))):
            if text.startswith(str(ns)) and len(text) > len(str(ns)):
                return f"{prefix}:{text[len(str(ns)) :]}"
        return f"<{text}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _table(result: QueryResult) -> str:
    header = result.variables
    cells = [[short(v) for v in row] for row in result.rows]
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
    lines += ["| " + " | ".join(cell(short(v)) for v in row) + " |" for row in result.rows]
    return "\n".join(lines) + "\n"


def _tsv(result: QueryResult) -> str:
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines += ["\t".join(v.n3() if v is not None else "" for v in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def _rdflib_result(result: QueryResult) -> Result:
    res = Result("SELECT")
    variables = [Variable(v) for v in result.variables]
    res.vars = variables
    res.bindings = [
        {var: value for var, value in zip(variables, row, strict=True) if value is not None}
        for row in result.rows
    ]
    return res


def _w3c(fmt: str) -> Callable[[QueryResult], str]:
    def write(result: QueryResult) -> str:
        data = _rdflib_result(result).serialize(format=fmt)
        return data.decode("utf-8") if isinstance(data, bytes) else str(data)

    return write


WRITERS: dict[str, Callable[[QueryResult], str]] = {
    "table": _table,
    "markdown": _markdown,
    "tsv": _tsv,
    "csv": _w3c("csv"),
    "json": _w3c("json"),
    "xml": _w3c("xml"),
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
        for prefix, ns in PREFIXES.items():
            result.graph.bind(prefix, ns)
        return result.graph.serialize(format="nt" if fmt == "nt" else fmt)
    fmt = fmt or "table"
    if fmt not in WRITERS:
        raise DckgError(f"--format {fmt} is for graphs; SELECT writes {', '.join(SELECT_FORMATS)}")
    return WRITERS[fmt](result)


def literal_text(term: Identifier | None) -> str:
    """The plain text of a cell (for tests and summaries)."""
    return str(term) if isinstance(term, Literal | URIRef) else ""
