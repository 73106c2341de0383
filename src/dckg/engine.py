"""Running SPARQL read-only on one of two engines: rdflib or Oxigraph.

Both engines see the same dataset (the built TriG, every named graph, with the
default graph as their union) and get parameter values as bindings, so a named
query gives the same rows on either. Before anything runs, the query is checked
and refused if it would write (SPARQL Update), reach the network (SERVICE, unless
allowed) or load graphs from the web (FROM / FROM NAMED): rdflib would otherwise
do all three, and Oxigraph really calls a SERVICE.

:func:`inspect_query` parses the query with rdflib's grammar. ``dckg query`` on
Oxigraph calls :func:`screen_query` instead, a lexer that costs microseconds
where importing rdflib's parser and parsing costs 0.4 s from a cold process. It
refuses nothing itself: every query that might need refusing, or whose form it
cannot tell, goes on to :func:`inspect_query`; Oxigraph's parser, which rejects
SPARQL Update too, catches the rest, and its syntax errors are worded by
:func:`inspect_query` as before (see :meth:`OxigraphEngine.run`).

rdflib is imported where it is used, never on the ``dckg query`` Oxigraph path.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeAlias
from typing import Literal as TypingLiteral

from dckg.errors import DckgError
from dckg.layout import Layout
from dckg.rdfterm import Term, from_oxigraph, from_rdflib

if TYPE_CHECKING:
    from rdflib import Dataset, Graph
    from rdflib.term import Identifier

Form = TypingLiteral["SELECT", "ASK", "CONSTRUCT", "DESCRIBE"]
ENGINES = ("oxigraph", "rdflib")

_FORMS: dict[str, Form] = {
    "SelectQuery": "SELECT",
    "AskQuery": "ASK",
    "ConstructQuery": "CONSTRUCT",
    "DescribeQuery": "DESCRIBE",
}
_FORM_WORDS: dict[str, Form] = {
    "SELECT": "SELECT",
    "ASK": "ASK",
    "CONSTRUCT": "CONSTRUCT",
    "DESCRIBE": "DESCRIBE",
}

#: A result cell: a term, or None where the variable is unbound.
Cell = Term | None


class QueryResult:
    """Rows (SELECT), a boolean (ASK) or a graph (CONSTRUCT/DESCRIBE), engine-neutral.

    A SELECT result holds its rows in one of two equal forms and makes the other on
    first use: ``cells`` (:class:`~dckg.rdfterm.Term`, what :mod:`dckg.output`
    writes, no rdflib needed) and ``rows`` (rdflib terms, for code working in rdflib).
    """

    def __init__(
        self,
        form: Form,
        variables: Sequence[str] = (),
        rows: Iterable[tuple[Identifier | None, ...]] | None = None,
        *,
        cells: Iterable[tuple[Cell, ...]] | None = None,
        boolean: bool | None = None,
        graph: Graph | None = None,
    ) -> None:
        self.form = form
        self.variables = list(variables)
        self._rows = list(rows) if rows is not None else None
        self._cells = list(cells or ()) if rows is None else None
        self.boolean = boolean
        self.graph = graph

    @property
    def rows(self) -> list[tuple[Identifier | None, ...]]:
        """The rows as rdflib terms (None: unbound)."""
        if self._rows is None:
            self._rows = [
                tuple(None if c is None else c.to_rdflib() for c in row) for row in self.cells
            ]
        return self._rows

    @property
    def cells(self) -> list[tuple[Cell, ...]]:
        """The rows as :class:`~dckg.rdfterm.Term` (None: unbound)."""
        if self._cells is None:
            self._cells = [tuple(from_rdflib(v) for v in row) for row in self.rows]
        return self._cells


#: SPARQL text as tokens: comments, strings and IRIs whole (a keyword inside one is
#: not a keyword), braces, and the rest. Outside strings a backslash only escapes a
#: character of a prefixed name (``ex:a\'b``), so it is taken with that character.
TOKEN = re.compile(
    r"""
    (?P<comment>\#[^\n]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<open>\{)
  | (?P<close>\})
  | (?P<other>(?:[^\#'"<{}\\]|\\.)+|<|\\)
    """,
    re.VERBOSE | re.DOTALL,
)

#: Within ``other`` tokens: variables, prefixed names and blank-node labels, whose
#: parts are no keywords (``?from``, ``ex:service``, ``select:``, ``_:b``), then words.
_WORD = re.compile(r"[?$]\w*|(?:\w[\w.-]*)?:(?:[\w.:%-]|\\.)*|(?P<bare>[A-Za-z]+)")

#: Words that send a query on to :func:`inspect_query`, which may refuse it.
_REFUSABLE = frozenset(
    [
        "SERVICE",
        "FROM",
        "INSERT",
        "DELETE",
        "LOAD",
        "CLEAR",
        "CREATE",
        "DROP",
        "COPY",
        "MOVE",
        "ADD",
        "WITH",
        "DATA",
    ]
)


def bare_words(text: str) -> Iterator[str]:
    """The words of ``text`` outside comments, strings, IRIs and names, upper-cased."""
    for token in TOKEN.finditer(text):
        if token.lastgroup == "other":
            for word in _WORD.finditer(token.group()):
                if word["bare"]:
                    yield word["bare"].upper()


def screen_query(text: str, *, allow_service: bool = False) -> Form:
    """The query form, read by a lexer; a query that may be refused (a SERVICE,
    FROM or an Update keyword outside strings, comments and IRIs) or whose form the
    lexer cannot tell goes on to :func:`inspect_query`.

    Only for an engine that parses the query itself and rejects SPARQL Update
    (Oxigraph): a syntax error is left to it.
    """
    form: Form | None = None
    for word in bare_words(text):
        if word in _REFUSABLE and not (word == "SERVICE" and allow_service):
            return inspect_query(text, allow_service=allow_service)
        if form is None:
            form = _FORM_WORDS.get(word)
    if form is None:
        return inspect_query(text, allow_service=allow_service)
    return form


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


#: A parameter value: dckg's own term, or an rdflib term (every engine takes either).
Binding: TypeAlias = "Term | Identifier"


class Engine(Protocol):
    """What the CLI needs of an engine."""

    name: str

    def run(self, text: str, bindings: Mapping[str, Binding], form: Form) -> QueryResult:
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
        from rdflib import Dataset, URIRef

        from dckg.loading import parse_into

        ds = Dataset(default_union=True)
        for path in paths:
            parse_into(
                ds if path.suffix == ".trig" else ds.graph(URIRef(path.resolve().as_uri())), path
            )
        return cls(ds)

    def run(self, text: str, bindings: Mapping[str, Binding], form: Form) -> QueryResult:
        from rdflib import Graph

        init = {k: v.to_rdflib() if isinstance(v, Term) else v for k, v in bindings.items()}
        result = self.dataset.query(text, initBindings=init)
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
    from rdflib import Literal
    from rdflib.namespace import XSD

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

    def run(self, text: str, bindings: Mapping[str, Binding], form: Form) -> QueryResult:
        """Execute ``text``; the form of the result is Oxigraph's (``form`` is not needed).

        A query Oxigraph cannot parse (SPARQL Update among them) is handed to
        :func:`inspect_query`, so the error reads the same as on the rdflib engine.
        """
        import pyoxigraph as ox

        from dckg.values import bind_values

        try:
            # The default graph holds the union of the named graphs as a set (see
            # dckg.store.add_union_default); Oxigraph's own union flag is a bag.
            # Parameters go in as a VALUES block, not as Oxigraph's substitutions,
            # which it does not push into the patterns (see dckg.values).
            result = self.store.query(bind_values(text, bindings), use_default_graph_as_union=False)
        except SyntaxError as exc:
            inspect_query(text, allow_service=True)
            raise DckgError(f"SPARQL syntax error: {exc}") from None
        if isinstance(result, ox.QueryBoolean):
            return QueryResult("ASK", boolean=bool(result))
        if isinstance(result, ox.QueryTriples):
            from rdflib import Graph

            from dckg.terms import triple_to_rdflib

            graph = Graph()
            for triple in result:
                graph.add(triple_to_rdflib(triple))
            return QueryResult("DESCRIBE" if form == "DESCRIBE" else "CONSTRUCT", graph=graph)
        variables = [v.value for v in result.variables]
        cells = [tuple(from_oxigraph(solution[v]) for v in variables) for solution in result]
        return QueryResult("SELECT", variables, cells=cells)


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
