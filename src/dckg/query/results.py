"""Writing query results.

SELECT results go out as an aligned table or Markdown for people, written here,
or in the W3C SPARQL 1.1 result formats (CSV, TSV, JSON, XML) for programs,
written by the engine that ran the query. CONSTRUCT/DESCRIBE results are RDF,
written by Oxigraph with dckg's prefixes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import pyoxigraph as ox

from dckg.errors import DckgError
from dckg.namespaces import PREFIXES, compact
from dckg.query.engine import Cell, QueryResult

RESULT_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
}
GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nt": ox.RdfFormat.N_TRIPLES,
}
SELECT_FORMATS = ("table", "markdown", *RESULT_FORMATS)

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


def short(term: Cell) -> str:
    """A cell for people: prefixed names for known namespaces, lexical forms for literals."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return compact(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return term.value
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


def format_for_path(path: str) -> str | None:
    """The output format a file name implies (``out.csv`` → csv), or None if none does."""
    suffix = path[path.rfind(".") :].lower() if "." in path else ""
    return EXTENSIONS.get(suffix)


def render(result: QueryResult, fmt: str | None) -> str:
    """The text to print for ``result`` in ``fmt`` (None: the form's default)."""
    if result.form in ("CONSTRUCT", "DESCRIBE"):
        fmt = fmt or "turtle"
        if fmt not in GRAPH_FORMATS:
            raise DckgError(
                f"--format {fmt} is for SELECT; {result.form} writes {', '.join(GRAPH_FORMATS)}"
            )
        data = ox.serialize(result.triples, format=GRAPH_FORMATS[fmt], prefixes=PREFIXES)
        assert data is not None
        return data.decode("utf-8")
    if result.form == "ASK":
        return "true\n" if result.boolean else "false\n"
    fmt = fmt or "table"
    if fmt == "table":
        return _table(result)
    if fmt == "markdown":
        return _markdown(result)
    if fmt in RESULT_FORMATS:
        return result.serialize(RESULT_FORMATS[fmt]).decode("utf-8")
    raise DckgError(f"--format {fmt} is for graphs; SELECT writes {', '.join(SELECT_FORMATS)}")


def comparable(rows: Iterable[tuple[Cell, ...]]) -> Counter[tuple[str, ...]]:
    """Rows as a multiset that two engines' answers can be compared by.

    Each cell is its kind and canonical lexical form (rdflib's: ``Z`` and ``+00:00`` are
    one dateTime); a GROUP_CONCAT list is sorted, since SPARQL leaves its order open;
    an empty string counts as unbound (one engine gives "" for an empty GROUP_CONCAT,
    another nothing).
    """
    from dckg.graph.rdf import to_rdflib

    counted: Counter[tuple[str, ...]] = Counter()
    for row in rows:
        cells = []
        for cell in row:
            term = None if cell is None else to_rdflib(cell)
            if term is None or str(term) == "":
                cells.append("")
                continue
            text = " | ".join(sorted(str(term).split(" | ")))
            cells.append(f"{type(term).__name__}:{text}")
        counted[tuple(cells)] += 1
    return counted
