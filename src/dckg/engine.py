"""Running SPARQL read-only on one of two engines: rdflib or Oxigraph.

Both engines see the same dataset (the built TriG, every named graph, with the
default graph as their union) and get parameter values as bindings, so a named
query gives the same rows on either. Before anything runs, the query is parsed
and refused if it would write (SPARQL Update), reach the network (SERVICE, unless
allowed) or load graphs from the web (FROM / FROM NAMED): rdflib would otherwise
do all three.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol
from typing import Literal as TypingLiteral

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Identifier

from dckg.errors import DckgError
from dckg.layout import Layout
from dckg.terms import to_oxigraph, to_rdflib, triple_to_rdflib

Form = TypingLiteral["SELECT", "ASK", "CONSTRUCT", "DESCRIBE"]
ENGINES = ("oxigraph", "rdflib")

_FORMS: dict[str, Form] = {
    "SelectQuery": "SELECT",
    "AskQuery": "ASK",
    "ConstructQuery": "CONSTRUCT",
    "DescribeQuery": "DESCRIBE",
}


@dataclass
class QueryResult:
    """Rows (SELECT), a boolean (ASK) or a graph (CONSTRUCT/DESCRIBE), engine-neutral."""

    form: Form
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Identifier | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None


def _walk(node: Any) -> Iterable[Any]:
    yield node
    if isinstance(node, dict):
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list | tuple):
        for value in node:
            yield from _walk(value)


def inspect_query(text: str, *, allow_service: bool = False) -> Form:
    """The query form, after refusing updates, SERVICE and FROM; syntax errors are usage errors."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        tree = parseQuery(text)
    except ParseException as exc:
        try:
            parseUpdate(text)
        except ParseException:
            raise DckgError(
                f"SPARQL syntax error at line {exc.lineno}, column {exc.col}: {exc.msg}"
            ) from None
        raise DckgError(
            "SPARQL Update is refused: dckg query is read-only (change the sources and "
            "run `dckg build` or `dckg add` instead)"
        ) from None
    query = tree[1]
    names = {getattr(node, "name", None) for node in _walk(query)}
    if dict.get(query, "datasetClause"):
        raise DckgError(
            "FROM / FROM NAMED is refused (rdflib would load them from the web); "
            "query the named graphs with GRAPH <https://w3id.org/dckg/graph/...> { } instead"
        )
    if "ServiceGraphPattern" in names and not allow_service:
        raise DckgError(
            "SERVICE is refused: queries run offline by default; pass --allow-service to federate"
        )
    return _FORMS[query.name]


class Engine(Protocol):
    """What the CLI needs of an engine."""

    name: str

    def run(self, text: str, bindings: Mapping[str, Identifier], form: Form) -> QueryResult:
        """Execute an already inspected query."""
        ...


class RdflibEngine:
    """rdflib's in-memory SPARQL over a Dataset whose default graph is the union."""

    name = "rdflib"

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset

    @classmethod
    def from_files(cls, paths: Iterable[Path]) -> RdflibEngine:
        """Load TriG or Turtle files."""
        from dckg.loading import parse_into

        ds = Dataset(default_union=True)
        for path in paths:
            parse_into(
                ds if path.suffix == ".trig" else ds.graph(URIRef(path.resolve().as_uri())), path
            )
        return cls(ds)

    def run(self, text: str, bindings: Mapping[str, Identifier], form: Form) -> QueryResult:
        result = self.dataset.query(text, initBindings=dict(bindings))
        if form == "ASK":
            return QueryResult(form, boolean=bool(result.askAnswer))
        if form in ("CONSTRUCT", "DESCRIBE"):
            graph = Graph()
            for triple in result:
                graph.add(triple)  # type: ignore[arg-type]
            return QueryResult(form, graph=graph)
        variables = [str(v) for v in result.vars or []]
        rows = [tuple(_plain(row[i]) for i in range(len(variables))) for row in result]  # type: ignore[index]
        return QueryResult(form, variables, rows)


def _plain(term: Any) -> Identifier | None:
    """rdflib terms as the engine-neutral form: simple literals carry no datatype."""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term  # type: ignore[no-any-return]


class OxigraphEngine:
    """Oxigraph (pyoxigraph): an on-disk store or the TriG loaded into memory."""

    name = "oxigraph"

    def __init__(self, store: Any) -> None:
        self.store = store

    @classmethod
    def from_files(cls, paths: Iterable[Path]) -> OxigraphEngine:
        """Load TriG or Turtle files into an in-memory store."""
        import pyoxigraph as ox

        store = ox.Store()
        for path in paths:
            fmt = ox.RdfFormat.TRIG if path.suffix == ".trig" else ox.RdfFormat.TURTLE
            try:
                store.bulk_load(path=str(path), format=fmt)
            except (SyntaxError, ValueError) as exc:
                raise DckgError(f"{path}: {exc}") from None
        from dckg.store import add_union_default

        add_union_default(store)
        return cls(store)

    def run(self, text: str, bindings: Mapping[str, Identifier], form: Form) -> QueryResult:
        import pyoxigraph as ox

        subs = {ox.Variable(k): to_oxigraph(v) for k, v in bindings.items()}
        try:
            # The default graph holds the union of the named graphs as a set (see
            # dckg.store.with_union_default); Oxigraph's own union flag is a bag.
            result = self.store.query(text, use_default_graph_as_union=False, substitutions=subs)
        except SyntaxError as exc:
            raise DckgError(f"SPARQL syntax error: {exc}") from None
        if form == "ASK":
            return QueryResult(form, boolean=bool(result))
        if form in ("CONSTRUCT", "DESCRIBE"):
            graph = Graph()
            for triple in result:
                graph.add(triple_to_rdflib(triple))
            return QueryResult(form, graph=graph)
        variables = [v.value for v in result.variables]
        rows = [tuple(to_rdflib(solution[v]) for v in variables) for solution in result]
        return QueryResult(form, variables, rows)


def open_engine(name: str, layout: Layout) -> Engine:
    """The named engine over the built graph of ``layout``.

    Oxigraph opens the on-disk store ``dckg build`` wrote (milliseconds at any size);
    if it is missing or older than the TriG, the TriG is loaded into memory instead
    and a warning says to run ``dckg build`` (see :func:`dckg.store.open_for_query`).
    """
    if name not in ENGINES:
        raise DckgError(f"unknown engine {name!r} (use {' or '.join(ENGINES)})")
    if not layout.trig.exists():
        raise DckgError(f"{layout.trig}: no built graph; run `dckg build` first")
    if name == "rdflib":
        return RdflibEngine.from_files([layout.trig])
    from dckg.store import open_for_query

    opened = open_for_query(layout)
    if opened.note:
        logging.getLogger(__name__).warning(opened.note)
    return OxigraphEngine(opened.store)
