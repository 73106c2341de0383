"""``dckg docs``: HTML documentation of the ontology and of every named query.

The ontology page is pyLODE's (the usual LODE-style documentation for OWL
ontologies). Each named query gets a page with its title, description,
parameters, SPARQL text and its current results on the built graph (run with
the parameters' defaults), and ``index.html`` links them all. HTML is built
with dominate, which escapes every text it is given, so a label or a quote can
never break the page. All pages are rendered in memory first and written
atomically: a failure leaves the directory as it was.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dckg.atomic import write_files
from dckg.errors import DckgError
from dckg.layout import Layout, ontology_path
from dckg.query.engine import Engine, QueryResult, open_engine
from dckg.query.library import NamedQuery, bindings, library
from dckg.query.results import short
from dckg.query.sparql import inspect_query

CSS = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem;
       color: #212121; }
table { border-collapse: collapse; margin: 1rem 0; font-size: .9rem; }
th, td { border: 1px solid #cfd8dc; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #eceff1; }
pre { background: #f5f5f5; padding: 1rem; overflow-x: auto; font-size: .85rem; }
.note { color: #616161; }
"""


@dataclass(frozen=True)
class DocsSummary:
    """What was written, for the command's one-line report."""

    directory: Path
    pages: int
    changed: int


_JSON_LD = re.compile(
    r'(<script id="schema.org" type="application/ld\+json">)(.*?)(</script>)', re.DOTALL
)


def _stable_json_ld(html: str) -> str:
    """pyLODE's schema.org block with its nodes sorted: rdflib writes them in hash order,
    which changes from one process to the next, and the page should not."""

    def sort(match: re.Match[str]) -> str:
        nodes = json.loads(match[2])
        if isinstance(nodes, list):
            nodes.sort(key=lambda node: json.dumps(node, sort_keys=True))
        text = json.dumps(nodes, indent=2, sort_keys=True, ensure_ascii=False)
        return f"{match[1]}\n{text}\n{match[3]}"

    return _JSON_LD.sub(sort, html)


def _ontology_html() -> str:
    """pyLODE's page for the shipped ontology (imported here: it is slow to import)."""
    from pylode import OntPub

    html: str = OntPub(ontology=str(ontology_path()), sort_subjects=True).make_html()
    return _stable_json_ld(html)


def _run(engine: Engine, query: NamedQuery) -> tuple[QueryResult | None, str]:
    """The query's result with its defaults, or why it was not run."""
    try:
        bound = bindings(query, {})
        form = inspect_query(query.text)
        return engine.run(query.text, bound, form), ""
    except DckgError as exc:
        return None, str(exc)


def _page(title: str) -> Any:
    import dominate
    from dominate.tags import meta, style

    doc = dominate.document(title=title)
    with doc.head:
        meta(charset="utf-8")
        style(CSS)
    return doc


def _defaults(query: NamedQuery) -> str:
    given = [f"{p.name} = {p.default}" for p in query.params if p.default is not None]
    return f" (with {', '.join(given)})" if given else ""


def _result_table(result: QueryResult) -> Any:
    from dominate.tags import p, table, tbody, td, th, thead, tr

    if result.form == "ASK":
        return p(f"ASK: {'true' if result.boolean else 'false'}")
    if result.form != "SELECT":
        size = len(result.triples)
        return p(f"{result.form}: {size} triples")
    grid = table()
    with grid:
        with thead(), tr():
            for name in result.variables:
                th(name)
        with tbody():
            for row in result.rows:
                with tr():
                    for cell in row:
                        td(short(cell), title=str(cell) if cell is not None else "")
    return grid


def query_page(query: NamedQuery, result: QueryResult | None, why_not: str) -> str:
    """The HTML page of one named query."""
    from dominate.tags import a, code, h1, h2, p, pre, table, td, th, tr

    doc = _page(f"{query.title} — dckg query {query.name}")
    with doc:
        p(a("← index", href="../index.html"))
        h1(query.title)
        p(code(f"dckg query {query.name}"), f" — file queries/{query.source}")
        p(query.description)
        if query.is_violation:
            p("A data-quality gate: dckg build refuses a graph on which it returns a row.")
        h2("Parameters")
        if query.params:
            with table():
                with tr():
                    for name in ("name", "type", "default", "required", "meaning"):
                        th(name)
                for param in query.params:
                    with tr():
                        td(code(param.name))
                        td(
                            f"{param.type}: {', '.join(param.choices)}"
                            if param.choices
                            else param.type
                        )
                        td(param.default or "")
                        td("no" if param.optional else "yes")
                        td(param.doc)
        else:
            p("None.", cls="note")
        h2(f"Current results{_defaults(query)}")
        if result is None:
            p(f"Not run: {why_not}", cls="note")
        else:
            if result.form == "SELECT":
                p(f"{len(result.rows)} row{'s' if len(result.rows) != 1 else ''}.", cls="note")
            doc.add(_result_table(result))
        h2("SPARQL")
        pre(code(query.text))
    return str(doc.render())


def index_page(queries: list[tuple[NamedQuery, QueryResult | None]]) -> str:
    """``index.html``: the ontology page, then the reports, then the data-quality gates."""
    from dominate.tags import a, h1, h2, li, p, table, td, th, tr, ul

    doc = _page("dckg documentation")
    with doc:
        h1("dckg documentation")
        p(
            "Diplomatic channels as a knowledge graph: the OWL ontology and the named SPARQL "
            "queries with their results on the current graph."
        )
        ul(li(a("The ontology (dckg.ttl)", href="ontology.html")))
        for heading, gates in (("Named queries", False), ("Data-quality gates", True)):
            h2(heading)
            with table():
                with tr():
                    for name in ("query", "title", "rows now", "description"):
                        th(name)
                for query, result in queries:
                    if query.is_violation != gates:
                        continue
                    rows = str(len(result.rows)) if result and result.form == "SELECT" else ""
                    with tr():
                        td(a(query.name, href=f"queries/{query.name}.html"))
                        td(query.title)
                        td(rows)
                        td(query.description)
    return str(doc.render())


def write_docs(layout: Layout, directory: Path, *, engine: str = "oxigraph") -> DocsSummary:
    """Write ``index.html``, ``ontology.html`` and ``queries/NAME.html`` into ``directory``."""
    if directory.exists() and not directory.is_dir():
        raise DckgError(f"-o {directory}: exists and is not a directory")
    eng = open_engine(engine, layout)
    ran: list[tuple[NamedQuery, QueryResult | None]] = []
    pages: dict[Path, bytes] = {}
    for query in library().values():
        result, why_not = _run(eng, query)
        ran.append((query, result))
        html = query_page(query, result, why_not)
        pages[directory / "queries" / f"{query.name}.html"] = html.encode("utf-8")
    pages[directory / "ontology.html"] = _ontology_html().encode("utf-8")
    pages[directory / "index.html"] = index_page(ran).encode("utf-8")
    changed = write_files(pages)
    return DocsSummary(directory, len(pages), len(changed))
