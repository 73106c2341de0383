"""What the pictures show, read from the graph with SPARQL.

Every fact a picture draws comes from a ``.rq`` file run through the engine
layer with its values as bindings: the named queries where one fits
(``channels``, ``status-at``) and the plot-only queries in ``queries/plot/``,
which are data files of the package but not part of ``dckg queries``. The
queries return one row per reference; the rows are grouped here into typed
records that keep every source (article title and quote) of every claim.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from rdflib import URIRef
from rdflib.term import Identifier

from dckg.errors import DckgError
from dckg.graph.rdf import to_rdflib
from dckg.layout import data_dir
from dckg.namespaces import compact
from dckg.plot.periods import Span, span_of
from dckg.query.engine import Engine
from dckg.query.library import NamedQuery, bindings, iri_text, library, parse_query
from dckg.query.sparql import inspect_query

Row = Mapping[str, Identifier | None]


@dataclass(frozen=True, order=True)
class Source:
    """One reference: the article's title and the words quoted from it."""

    title: str
    quote: str

    def describe(self) -> str:
        """``“quote” (title)``, or the title alone where no quote is recorded."""
        return f"“{self.quote}” ({self.title})" if self.quote else self.title


@dataclass
class StatusClaim:
    """One status statement on a channel: the status, when it holds, its rank and sources."""

    statement: URIRef
    channel: URIRef
    status: str
    rank: str = "normal"
    begin: Span | None = None
    end: Span | None = None
    as_of: Span | None = None
    sources: set[Source] = field(default_factory=set)

    @property
    def start(self) -> Span | None:
        """Where the claim starts to hold: its beginning, else the moment it is said to hold."""
        return self.begin or self.as_of


@dataclass
class EventMark:
    """One event on one channel: when (as a span), what types, rank, sources, rival reports."""

    event: URIRef
    channel: URIRef
    when: Span
    types: set[str] = field(default_factory=set)
    rank: str = "normal"
    same_as: set[URIRef] = field(default_factory=set)
    sources: set[Source] = field(default_factory=set)


@dataclass(frozen=True)
class Endpoint:
    """An actor at one end of a channel, in a role: sender, host or party."""

    channel: URIRef
    channel_label: str
    actor: URIRef
    actor_label: str
    role: str


@dataclass(frozen=True)
class StatusAt:
    """A row of the ``status-at`` named query: a channel's status at a date and its sources."""

    channel: URIRef
    label: str
    status: str
    since: str
    rank: str
    sources: str


def plot_query(name: str) -> NamedQuery:
    """A plot-only query from ``queries/plot/`` (shipped with the package, not listed)."""
    entry = data_dir("queries") / "plot" / f"{name}.rq"
    if not entry.is_file():
        raise DckgError(f"plot query {name!r} is missing from the installed package")
    return parse_query(name, entry.read_text(encoding="utf-8"), f"plot/{name}.rq")


def named_query(name: str) -> NamedQuery:
    """A query of the named library (``dckg queries``)."""
    queries = library()
    if name not in queries:
        raise DckgError(f"named query {name!r} is missing from the installed package")
    return queries[name]


def rows(engine: Engine, query: NamedQuery, given: Mapping[str, str] | None = None) -> list[Row]:
    """The rows of a SELECT query as dictionaries, parameters bound, never edited into text."""
    bound = bindings(query, dict(given or {}))
    form = inspect_query(query.text)
    result = engine.run(query.text, bound, form)
    return [
        {
            name: None if v is None else to_rdflib(v)
            for name, v in zip(result.variables, row, strict=True)
        }
        for row in result.rows
    ]


def _text(value: Identifier | None, default: str = "") -> str:
    return str(value) if value is not None else default


def _iri(value: Identifier | None) -> URIRef:
    if not isinstance(value, URIRef):
        raise DckgError(f"expected an IRI in a plot query result, got {value!r}")
    return value


def _source(row: Row) -> Iterator[Source]:
    if row.get("title") is not None:
        yield Source(_text(row["title"]), _text(row.get("quote")))


def channel_labels(engine: Engine) -> dict[URIRef, str]:
    """Every channel and its label, from the ``channels`` named query."""
    return {
        _iri(row["channel"]): _text(row["channelLabel"])
        for row in rows(engine, named_query("channels"))
    }


def resolve_channels(values: Iterable[str], known: Mapping[URIRef, str]) -> list[URIRef]:
    """``--channel`` values (slug, prefixed name or IRI) checked against the graph's channels."""
    resolved: list[URIRef] = []
    for value in values:
        iri = URIRef(iri_text(value))
        if iri not in known:
            names = ", ".join(sorted(compact(str(c)).removeprefix("dcki:") for c in known)[:12])
            raise DckgError(
                f"--channel {value!r}: no such channel in the graph "
                f"(`dckg query channels` lists them; e.g. {names})"
            )
        resolved.append(iri)
    return resolved


def _per_channel(
    engine: Engine, query: NamedQuery, channels: Iterable[URIRef] | None
) -> Iterator[Row]:
    if channels is None:
        yield from rows(engine, query)
        return
    for channel in channels:
        yield from rows(engine, query, {"channel": str(channel)})


def status_claims(engine: Engine, channels: Iterable[URIRef] | None = None) -> list[StatusClaim]:
    """Every status statement (on ``channels`` if given), its sources gathered."""
    claims: dict[URIRef, StatusClaim] = {}
    for row in _per_channel(engine, plot_query("status-claims"), channels):
        statement = _iri(row["statement"])
        claim = claims.get(statement)
        if claim is None:
            claim = claims[statement] = StatusClaim(
                statement=statement,
                channel=_iri(row["channel"]),
                status=_text(row["status"]),
                rank=_text(row.get("rank"), "normal"),
                begin=span_of(row.get("begin"), row.get("beginPrecision"), row.get("beginLabel")),
                end=span_of(row.get("end"), row.get("endPrecision"), row.get("endLabel")),
                as_of=span_of(row.get("asOf"), row.get("asOfPrecision"), row.get("asOfLabel")),
            )
        claim.sources.update(_source(row))
    return sorted(
        claims.values(),
        key=lambda c: (str(c.channel), c.start.start if c.start else _LAST, str(c.statement)),
    )


def channel_events(engine: Engine, channels: Iterable[URIRef] | None = None) -> list[EventMark]:
    """Every dated event on a channel (on ``channels`` if given), types and sources gathered."""
    marks: dict[tuple[URIRef, URIRef], EventMark] = {}
    for row in _per_channel(engine, plot_query("channel-events"), channels):
        key = (_iri(row["event"]), _iri(row["channel"]))
        mark = marks.get(key)
        if mark is None:
            when = span_of(row.get("at"), row.get("precision"), row.get("dateLabel"))
            if when is None:
                continue  # an ill-typed date: the build's quality gates report it
            mark = marks[key] = EventMark(
                event=key[0], channel=key[1], when=when, rank=_text(row.get("rank"), "normal")
            )
        if row.get("typeLabel") is not None:
            mark.types.add(_text(row["typeLabel"]))
        if isinstance(row.get("sameAs"), URIRef):
            mark.same_as.add(_iri(row["sameAs"]))
        mark.sources.update(_source(row))
    return sorted(marks.values(), key=lambda m: (str(m.channel), m.when, m.event))


def endpoints(engine: Engine) -> list[Endpoint]:
    """Who sends, hosts or takes part in every channel."""
    return [
        Endpoint(
            channel=_iri(row["channel"]),
            channel_label=_text(row["channelLabel"]),
            actor=_iri(row["actor"]),
            actor_label=_text(row["actorLabel"]),
            role=_text(row["role"]),
        )
        for row in rows(engine, plot_query("channel-parties"))
    ]


def status_at(engine: Engine, at: str) -> list[StatusAt]:
    """Every channel's status at ``at``, by the ``status-at`` named query (ranks applied)."""
    return [
        StatusAt(
            channel=_iri(row["channel"]),
            label=_text(row["channelLabel"]),
            status=_text(row["status"]),
            since=_text(row.get("since")),
            rank=_text(row.get("rank"), "normal"),
            sources=_text(row.get("sources")),
        )
        for row in rows(engine, named_query("status-at"), {"at": at})
    ]


_LAST = datetime.max.replace(tzinfo=UTC)
