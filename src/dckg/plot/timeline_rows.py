"""What the timeline shows: the stretch of time, and the channel rows within it in story order.

The window is the ``--from``/``--to`` span, or everything dated in the graph
with a margin; a row is a channel with a band or event inside the window (or
one asked for by ``--channel``), and rows run from the earliest thing on them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from rdflib import URIRef

from dckg.errors import DckgError
from dckg.namespaces import compact
from dckg.plot.data import EventMark, StatusClaim
from dckg.plot.lanes import Band
from dckg.plot.periods import Span


@dataclass
class Row:
    """One channel's row: its label, its bands and its events."""

    channel: URIRef
    label: str
    bands: list[Band] = field(default_factory=list)
    events: list[EventMark] = field(default_factory=list)

    def first(self) -> datetime:
        """The earliest thing on the row, to order rows as the story unfolds."""
        starts = [b.start.start for b in self.bands] + [e.when.start for e in self.events]
        return min(starts)


@dataclass(frozen=True)
class Window:
    """The stretch of time drawn: [start, end)."""

    start: datetime
    end: datetime


def time_window(
    claims: list[StatusClaim],
    events: list[EventMark],
    marks: list[Span],
    first: Span | None,
    last: Span | None,
) -> Window:
    """The --from/--to window, or everything dated in the graph with a margin."""
    times: list[datetime] = [m.start for m in marks]
    for claim in claims:
        for span in (claim.begin, claim.end, claim.as_of):
            if span is not None:
                times += [span.start, span.end]
    times += [t for e in events for t in (e.when.start, e.when.end)]
    if not times and not (first and last):
        raise DckgError("nothing to draw: the graph has no dated status or event")
    lo = first.start if first else min(times)
    hi = last.end if last else max(times)
    if first is None or last is None:
        pad = max((hi - lo) * 0.03, timedelta(days=3))
        lo = lo if first else lo - pad
        hi = hi if last else hi + pad
    return Window(lo, hi)


def channel_rows(
    labels: dict[URIRef, str],
    bands: dict[str, list[Band]],
    events: list[EventMark],
    window: Window,
    wanted: list[URIRef] | None,
) -> list[Row]:
    """The rows with something in the window (every asked-for channel), in story order."""
    rows: dict[URIRef, Row] = {}

    def row(channel: URIRef) -> Row:
        if channel not in rows:
            rows[channel] = Row(channel, labels.get(channel, compact(str(channel))))
        return rows[channel]

    for channel, laid in bands.items():
        for band in laid:
            if band.start.start < window.end and band.until(window.end) > window.start:
                row(URIRef(channel)).bands.append(band)
    for event in events:
        if event.when.overlaps(window.start, window.end):
            row(event.channel).events.append(event)
    for channel in wanted or []:
        row(channel)
    return sorted(
        rows.values(),
        key=lambda r: (r.first() if r.bands or r.events else window.end, r.label),
    )
