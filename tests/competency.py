"""What the competency-question tests share: namespaces, and three ways to ask the graph.

Each ``test_competency_*.py`` asks analysts' questions of the committed graph (the
``graph`` fixture): its own SPARQL from ``tests/queries/<prefix>-NAME.rq`` through
rdflib with ``initBindings`` (:func:`ask`), or a named query from ``queries/`` on
Oxigraph as ``dckg query`` runs it (:func:`named`); :func:`quoted` checks that an
answer cites the right article and words.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.query import ResultRow

from dckg.graph.rdf import to_rdflib
from dckg.query.engine import OxigraphEngine
from dckg.query.library import bindings, load
from dckg.query.sparql import inspect_query

QUERIES = Path(__file__).resolve().parent / "queries"

# The articles, by the prefix of their file names in ../shared/articles.
GALEOTTI = "000_"
TRENIN = "001_"
RUSI = "002_"
ELN = "003_"
DW = "004_"

ID = Namespace("https://w3id.org/dckg/id/")
V = Namespace("https://w3id.org/dckg/vocab/")
T = Namespace("http://www.w3.org/2006/time#")
DCKG = Namespace("https://w3id.org/dckg/ontology#")

Row = dict[str, Any]


def ask(graph: Graph, query: str, **bound: URIRef | Literal) -> list[Row]:
    """Rows of tests/queries/QUERY.rq with the given bindings, as dicts of strings."""
    text = (QUERIES / f"{query}.rq").read_text(encoding="utf-8")
    result = graph.query(text, initBindings=dict(bound))
    names = [str(v) for v in result.vars or []]
    out: list[Row] = []
    for row in result:
        assert isinstance(row, ResultRow)
        out.append({n: (None if row[i] is None else str(row[i])) for i, n in enumerate(names)})
    return out


_STORES: dict[int, OxigraphEngine] = {}


def named(graph: Graph, query: str, **params: str) -> list[Row]:
    """Rows of a named query from queries/, run on Oxigraph (as ``dckg query`` does) over
    the same graph, as dicts of strings."""
    engine = _STORES.get(id(graph))
    if engine is None:
        import pyoxigraph as ox

        store = ox.Store()
        store.load(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
        engine = _STORES.setdefault(id(graph), OxigraphEngine(store))
    q = load(query)
    result = engine.run(q.text, bindings(q, params), inspect_query(q.text))
    return [
        {
            n: None if v is None else str(to_rdflib(v))
            for n, v in zip(result.variables, row, strict=True)
        }
        for row in result.rows
    ]


def quoted(rows: Iterable[Row], file: str, word: str, **where: str | None) -> bool:
    """Some row cites ``file`` with a quote containing ``word`` and matches ``where``."""
    return any(
        (r.get("file") or "").startswith(file)
        and word in (r.get("quote") or "")
        and all(r.get(k) == v for k, v in where.items())
        for r in rows
    )
