"""Running SPARQL read-only on one of two engines: Oxigraph or rdflib.

Both engines see the same dataset (the built TriG: every named graph, with their
union as the default graph) and take parameters as bindings, so a named query
gives the same rows on either. Queries are refused before they run if they would
write, reach the network or load graphs from the web (:mod:`dckg.query.sparql`).

A :class:`QueryResult` keeps the engine's own result, so the W3C result formats
are written by that engine's serialisers; its rows, for tables and for code, are
Oxigraph terms whichever engine ran. rdflib is imported only on its own path.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

import pyoxigraph as ox

from dckg.errors import DckgError
from dckg.graph.store import load_in_memory, open_for_query
from dckg.layout import Layout
from dckg.query.sparql import Form, Term, bind_values, inspect_query

if TYPE_CHECKING:
    from rdflib import Dataset
    from rdflib.query import Result, ResultRow
    from rdflib.term import Identifier

ENGINES = ("oxigraph", "rdflib")

#: A result cell: a term, or None where the variable is unbound.
Cell = Term | None


class QueryResult:
    """Rows (SELECT), a boolean (ASK) or triples (CONSTRUCT/DESCRIBE), from either engine.

    ``native`` is the engine's own result. On Oxigraph it can be read once: either as
    :attr:`rows` (or :attr:`triples`) or through :meth:`serialize`, not both.
    """

    def __init__(
        self,
        form: Form,
        native: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples | list[ox.Triple] | Result,
    ) -> None:
        self.form = form
        self.native = native

    @property
    def variables(self) -> list[str]:
        """The SELECT variables, in order."""
        if isinstance(self.native, ox.QuerySolutions):
            return [v.value for v in self.native.variables]
        if isinstance(self.native, ox.QueryBoolean | ox.QueryTriples | list):
            return []
        return [str(v) for v in self.native.vars or []]

    @property
    def boolean(self) -> bool | None:
        """The ASK answer; None for other forms."""
        if self.form != "ASK":
            return None
        if isinstance(self.native, ox.QueryBoolean):
            return bool(self.native)
        return bool(self.native.askAnswer)  # type: ignore[union-attr]

    @cached_property
    def rows(self) -> list[tuple[Cell, ...]]:
        """The SELECT rows as Oxigraph terms (None: unbound)."""
        if isinstance(self.native, ox.QuerySolutions):
            names = self.variables
            return [tuple(solution[n] for n in names) for solution in self.native]
        if isinstance(self.native, ox.QueryBoolean | ox.QueryTriples | list):
            return []
        from dckg.graph.rdf import to_oxigraph

        rows = cast("Iterable[tuple[Identifier | None, ...]]", self.native)
        return [tuple(None if v is None else to_oxigraph(v) for v in row) for row in rows]

    @cached_property
    def triples(self) -> list[ox.Triple]:
        """The CONSTRUCT/DESCRIBE triples as Oxigraph triples."""
        if isinstance(self.native, ox.QueryTriples | list):
            return list(self.native)
        if isinstance(self.native, ox.QuerySolutions | ox.QueryBoolean):
            return []
        from dckg.graph.rdf import to_oxigraph

        triples = cast("Iterable[tuple[Identifier, Identifier, Identifier]]", self.native)
        return [
            ox.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o))  # type: ignore[arg-type]
            for s, p, o in triples
        ]

    def serialize(self, fmt: ox.QueryResultsFormat) -> bytes:
        """A SELECT or ASK result in a W3C result format, by the engine's own writer.

        rdflib writes CSV and JSON. It has no TSV writer, and its XML writer drops a
        literal whose value is 0 or false, so those two go through Oxigraph's writers,
        from rdflib's JSON.
        """
        native = self.native
        if isinstance(native, ox.QuerySolutions | ox.QueryBoolean):
            data = native.serialize(format=fmt)
            assert data is not None
            return data
        if isinstance(native, ox.QueryTriples | list):
            raise DckgError(f"{self.form} writes a graph, not a result table")
        rdflib_format = {
            ox.QueryResultsFormat.CSV: "csv",
            ox.QueryResultsFormat.JSON: "json",
        }.get(fmt)
        if rdflib_format is not None:
            return native.serialize(format=rdflib_format) or b""
        parsed = ox.parse_query_results(
            native.serialize(format="json") or b"", format=ox.QueryResultsFormat.JSON
        )
        data = parsed.serialize(format=fmt)
        assert data is not None
        return data


class Engine(Protocol):
    """What the CLI needs of an engine."""

    name: str

    def run(self, text: str, bindings: Mapping[str, Term], form: Form) -> QueryResult:
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

        from dckg.graph.loading import parse_into

        ds = Dataset(default_union=True)
        for path in paths:
            parse_into(
                ds if path.suffix == ".trig" else ds.graph(URIRef(path.resolve().as_uri())), path
            )
        return cls(ds)

    def run(self, text: str, bindings: Mapping[str, Term], form: Form) -> QueryResult:
        """Execute ``text`` with ``bindings`` as rdflib's ``initBindings``.

        rdflib's result writers leave a variable bound that way out of every row, though
        its rows have it; so a SELECT's bindings are rebuilt from its rows.
        """
        from dckg.graph.rdf import to_rdflib

        init = {k: to_rdflib(v) for k, v in bindings.items()}
        result = self.dataset.query(text, initBindings=init)
        if result.type == "SELECT" and init:
            names = result.vars or []
            rows = cast("Iterable[ResultRow]", result)
            result.bindings = [{v: row[v] for v in names if row[v] is not None} for row in rows]
        return QueryResult(form, result)


class OxigraphEngine:
    """Oxigraph (pyoxigraph): an on-disk store or a dataset loaded into memory.

    The store's default graph holds the union of its named graphs as a set (see
    :func:`dckg.graph.store.add_union_default`); Oxigraph's own union flag is a bag.
    """

    name = "oxigraph"

    def __init__(self, store: ox.Store) -> None:
        self.store = store

    @classmethod
    def from_files(cls, paths: Iterable[Path]) -> OxigraphEngine:
        """Load TriG or Turtle files into an in-memory store."""
        return cls(load_in_memory(paths))

    def run(self, text: str, bindings: Mapping[str, Term], form: Form) -> QueryResult:
        """Execute ``text``; a query Oxigraph cannot parse (SPARQL Update among them) is
        handed to :func:`inspect_query`, so the error reads as on the rdflib engine."""
        try:
            result = self.store.query(bind_values(text, bindings))
        except SyntaxError as exc:
            inspect_query(text, allow_service=True)
            raise DckgError(f"SPARQL syntax error: {exc}") from None
        if isinstance(result, ox.QueryBoolean):
            return QueryResult("ASK", result)
        if isinstance(result, ox.QueryTriples):
            return QueryResult("DESCRIBE" if form == "DESCRIBE" else "CONSTRUCT", result)
        return QueryResult("SELECT", result)


def open_engine(name: str, layout: Layout) -> Engine:
    """The named engine over the built graph of ``layout``.

    Oxigraph opens the on-disk store ``dckg build`` wrote; if it is missing or stale
    the TriG is loaded into memory instead, with a warning to run ``dckg build``.
    """
    if name not in ENGINES:
        raise DckgError(f"unknown engine {name!r} (use {' or '.join(ENGINES)})")
    if not layout.trig.exists():
        raise DckgError(f"{layout.trig}: no built graph; run `dckg build` first")
    if name == "rdflib":
        return RdflibEngine.from_files([layout.trig])
    opened = open_for_query(layout)
    if opened.note:
        import logging

        logging.getLogger(__name__).warning(opened.note)
    return OxigraphEngine(opened.store)
