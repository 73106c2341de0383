"""Dates at the precision the source gave, and what they allow.

An instant stores the first moment of what the source names as an
``xsd:dateTimeStamp`` (``time:inXSDDateTimeStamp`` 2020-04-01T00:00:00Z for
"April 2020") plus a precision, and optionally a bound, a part of the period and a
hedge (:mod:`dckg.graph.bounds`). Neither Oxigraph nor rdflib compares
``xsd:dateTimeStamp`` values reliably, so the build derives for every instant, into
the ``derived`` graph, ``xsd:dateTime`` values that queries compare instead:

* ``dckg:periodStart``: the first moment of the period named (sorting, display);
* ``dckg:earliest``: the earliest moment it may be (inclusive), absent if unbounded;
* ``dckg:latest``: the moment it is certainly before (exclusive), absent if unbounded.

Printing a date back must not invent a day, so the build also gives every instant
without one an ``rdfs:label`` such as ``2020-04``, ``late 2021-09`` or ``by 2016``.

pyoxigraph's ``Store`` keeps an ``xsd:dateTimeStamp`` as an ``xsd:dateTime`` (same
lexical form; checked with pyoxigraph 0.5): whatever reads stamps back from a store
restores their datatype from the property (:func:`restore_stamp`,
:func:`restore_stamp_lines`), and the build reads either datatype here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime

import pyoxigraph as ox

from dckg import namespaces as ns
from dckg.graph.bounds import BOUNDS, DECADE, HEDGES, MONTH, PARTS, WEEK, YEAR, bounds
from dckg.layout import query_path

#: The word printed before an instant's date for each bound, hedge or part, in the
#: order they are printed: ``by early 2016``, ``about 2019``, ``before 2021-10-18``.
QUALIFIER_WORDS = {
    ns.DCKV + "no-later-than": "by",
    ns.DCKV + "before": "before",
    ns.DCKV + "no-earlier-than": "from",
    ns.DCKV + "after": "after",
    ns.DCKV + "about": "about",
    ns.DCKV + "early": "early",
    ns.DCKV + "mid": "mid",
    ns.DCKV + "late": "late",
}

STAMP_PROPERTY = ns.TIME + "inXSDDateTimeStamp"
PERIOD_START = ns.DCKG + "periodStart"
EARLIEST = ns.DCKG + "earliest"
LATEST = ns.DCKG + "latest"

_STAMP = ox.NamedNode(ns.XSD + "dateTimeStamp")
_DATETIME = ox.NamedNode(ns.XSD + "dateTime")


def format_at_precision(value: datetime, precision: str | None) -> str:
    """``value`` cut to ``precision``: 2020, 2020-04, 2020-04-01, 2021-W40, 1990s."""
    if precision == YEAR:
        return f"{value.year:04d}"
    if precision == MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    if precision == WEEK:
        year, week, _ = value.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if precision == DECADE:
        return f"{value.year // 10 * 10:04d}s"
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


def instant_label(value: datetime, precision: str | None, *qualifiers: str | None) -> str:
    """The label shown for an instant, bound first, then hedge and part: ``by early 2016``."""
    given = set(qualifiers)
    words = [word for iri, word in QUALIFIER_WORDS.items() if iri in given]
    return " ".join([*words, format_at_precision(value, precision)])


Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple

_STAMP_TEXT = re.compile(r"^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def xsd_stamp(term: Term | None) -> datetime | None:
    """The value of a valid ``xsd:dateTimeStamp`` literal (a zone is required), else None;
    an ``xsd:dateTime`` with a zone counts, as a store gives stamps back as those."""
    if not isinstance(term, ox.Literal) or term.datatype not in (_STAMP, _DATETIME):
        return None
    return parse_stamp(term.value)


def parse_stamp(text: str) -> datetime | None:
    """The moment an ``xsd:dateTimeStamp`` lexical form names (a zone is required), else None."""
    if not _STAMP_TEXT.match(text):
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def datetime_literal(value: datetime) -> ox.Literal:
    """``value`` as an ``xsd:dateTime`` literal, ``Z`` for UTC: 2016-01-01T00:00:00Z."""
    text = f"{value.year:04d}-{value.month:02d}-{value.day:02d}T{value:%H:%M:%S}"
    if value.microsecond:
        text += f".{value.microsecond:06d}".rstrip("0")
    offset = value.utcoffset()
    if not offset:
        return ox.Literal(text + "Z", datatype=_DATETIME)
    minutes = int(offset.total_seconds()) // 60
    hours, rest = divmod(abs(minutes), 60)
    sign = "+" if minutes >= 0 else "-"
    return ox.Literal(f"{text}{sign}{hours:02d}:{rest:02d}", datatype=_DATETIME)


def restore_stamp(predicate: ox.NamedNode, term: Term) -> Term:
    """``term`` as the ``xsd:dateTimeStamp`` it was, where a store made it an
    ``xsd:dateTime`` value of ``time:inXSDDateTimeStamp``; any other term unchanged."""
    if (
        predicate.value == STAMP_PROPERTY
        and isinstance(term, ox.Literal)
        and term.datatype == _DATETIME
    ):
        return ox.Literal(term.value, datatype=_STAMP)
    return term


_STAMP_LINE = f"<{STAMP_PROPERTY}> ".encode()
_AS_DATETIME = f'"^^<{ns.XSD}dateTime>'.encode()
_AS_STAMP = f'"^^<{ns.XSD}dateTimeStamp>'.encode()


def restore_stamp_lines(lines: list[bytes]) -> list[bytes]:
    """N-Triples or N-Quads lines from a store, with :func:`restore_stamp` applied."""
    return [
        line.replace(_AS_DATETIME, _AS_STAMP) if _STAMP_LINE in line else line for line in lines
    ]


#: Which column of the build query holds which kind of value.
_COLUMNS = ("value", "unit", "bound", "part", "hedge", "label")


def derived_dates(store: ox.Store) -> list[ox.Quad]:
    """Quads in the ``derived`` graph: for every instant with a valid date, its
    ``dckg:periodStart``, ``earliest`` and ``latest``, and a label if it has none.

    One query over the default graph, which holds the union of the inputs; where an
    instant has several values of one property, the first in N-Triples order is used
    (the shapes and the violation queries report the instant).
    """
    text = query_path("build/instants.rq").read_text(encoding="utf-8")
    found: dict[Term, list[set[Term]]] = {}
    result = store.query(text)
    assert isinstance(result, ox.QuerySolutions)
    for row in result:
        values = found.setdefault(row["instant"], [set() for _ in _COLUMNS])
        for kept, name in zip(values, _COLUMNS, strict=True):
            term = row[name]
            if term is not None:
                kept.add(term)
    derived = ox.NamedNode(ns.DERIVED_GRAPH)
    out: list[ox.Quad] = []
    for instant in sorted(found, key=str):
        if not isinstance(instant, ox.NamedNode | ox.BlankNode):
            continue
        first = [min(terms, key=str) if terms else None for terms in found[instant]]
        value, unit, bound, part, hedge, label = first
        moment = xsd_stamp(value)
        if moment is None:
            continue  # ill-typed: the shapes and violation queries report it
        out.extend(ox.Quad(instant, p, o, derived) for p, o in _facts(moment, *first[1:5]))
        if label is None:
            text = instant_label(moment, _iri(unit), _iri(bound), _iri(hedge), _iri(part))
            out.append(ox.Quad(instant, ox.NamedNode(ns.RDFS + "label"), ox.Literal(text), derived))
    return out


def _facts(
    moment: datetime, unit: Term | None, bound: Term | None, part: Term | None, hedge: Term | None
) -> Iterator[tuple[ox.NamedNode, ox.Literal]]:
    """(property, value) of the derived dates of one instant."""
    allowed = bounds(
        moment,
        _iri(unit),
        bound=_known(bound, BOUNDS),
        part=_known(part, tuple(PARTS)),
        hedge=_known(hedge, HEDGES),
    )
    yield ox.NamedNode(PERIOD_START), datetime_literal(allowed.period_start)
    if allowed.earliest is not None:
        yield ox.NamedNode(EARLIEST), datetime_literal(allowed.earliest)
    if allowed.latest is not None:
        yield ox.NamedNode(LATEST), datetime_literal(allowed.latest)


def _iri(term: Term | None) -> str | None:
    return term.value if isinstance(term, ox.NamedNode) else None


def _known(term: Term | None, allowed: tuple[str, ...]) -> str | None:
    iri = _iri(term)
    return iri if iri in allowed else None
