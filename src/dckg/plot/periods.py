"""Dates as spans: what a date known only to the month or the year covers.

The graph stores an instant as the first moment of what the source names plus a
precision (``time:unitYear`` for "2014"). A picture must not draw "2014" as the
1st of January, so every instant becomes a half-open span ``[start, end)`` as
wide as its precision, and options given on the command line (``--to 2021``)
are read the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from rdflib import Literal, URIRef

from dckg.errors import DckgError
from dckg.graph.bounds import add_units
from dckg.graph.rdf import TIME, to_rdflib
from dckg.query.library import date_term

_PARTS = re.compile(r"^\d{4}(-\d{2})?(-\d{2})?$")


@dataclass(frozen=True, order=True)
class Span:
    """A half-open interval of time with the label the source's precision gives it."""

    start: datetime
    end: datetime
    label: str

    @property
    def is_point(self) -> bool:
        """True when the source gave the day (or finer): drawn as a marker, not a span."""
        return self.end - self.start <= timedelta(days=1)

    def overlaps(self, start: datetime, end: datetime) -> bool:
        """Whether any of the span lies in ``[start, end)``."""
        return self.start < end and self.end > start


def span_end(start: datetime, precision: URIRef | None) -> datetime:
    """The first moment after the period that starts at ``start`` with ``precision``."""
    return add_units(start, None if precision is None else str(precision), 1)


def span_of(value: object, precision: object, label: object) -> Span | None:
    """The span of an instant's ``dckg:periodStart`` value; None if it is not a valid date."""
    if not isinstance(value, Literal) or not isinstance(value.value, datetime):
        return None
    start = value.value
    prec = precision if isinstance(precision, URIRef) else None
    return Span(start, span_end(start, prec), str(label) if label is not None else str(value))


def parse_option_date(value: str, option: str) -> Span:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` from the command line, as the span it names."""
    text = value.strip()
    if not _PARTS.match(text):
        raise DckgError(f"{option} {value!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
    try:
        literal = to_rdflib(date_term(text))
    except DckgError as exc:
        raise DckgError(f"{option}: {exc}") from None
    precision = {0: TIME.unitYear, 1: TIME.unitMonth, 2: TIME.unitDay}[text.count("-")]
    span = span_of(literal, precision, text)
    assert span is not None  # date_term made a valid xsd:dateTime
    return span
