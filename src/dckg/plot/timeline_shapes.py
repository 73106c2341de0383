"""The timeline's shapes: each claim a band in its lane, each event a marker or a bar.

A band is drawn in up to three pieces: a pale head over the month or year its
start is known to, the firm part, and a pale tail over an uncertain end. Events
close together on a row are stacked so that none hides another. Every shape
gets a note: what it says, on whose authority, and who disagrees.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from rdflib import URIRef

from dckg.plot.data import EventMark, Source
from dckg.plot.lanes import Band, outranked
from dckg.plot.style import EVENT_KINDS, HATCH, PALE, event_kind, slug
from dckg.plot.svg import Note, Notes
from dckg.plot.timeline_axes import TimelineKey, num
from dckg.plot.timeline_rows import Row, Window

if TYPE_CHECKING:
    from matplotlib.axes import Axes

BAND_HEIGHT = 0.64
STACK_OFFSETS = (0.0, 0.2, -0.2, 0.38, -0.38)


@dataclass(frozen=True)
class Piece:
    """A stretch of a band drawn as one bar: its id suffix, extent and opacity."""

    suffix: str
    start: datetime
    end: datetime
    alpha: float


def band_pieces(band: Band, horizon: datetime) -> list[Piece]:
    """The band's pieces when drawn up to ``horizon``, empty ones left out. The start (and
    end) known only to a month or year is pale over its whole span, under the firm part of
    any band it continues."""
    head_alpha = 1.0 if band.start.is_point else PALE
    pieces = [Piece("", band.start.start, band.start.end, head_alpha)]
    firm_end = band.end.start if band.end else band.until(horizon)
    pieces.append(Piece("-firm", band.start.end, firm_end, 1.0))
    if band.end is not None:
        pieces.append(Piece("-tail", band.end.start, band.end.end, PALE))
    return [p for p in pieces if p.end > p.start]


def band_slot(y: int, band: Band) -> tuple[float, float]:
    """The bottom and height of the band's lane in row ``y``."""
    height = BAND_HEIGHT / band.lanes
    return y - BAND_HEIGHT / 2 + band.lane * height, height


def stack(events: list[EventMark], window: Window) -> list[tuple[EventMark, float]]:
    """Vertical offsets so that events close together on one row do not hide each other."""
    near = (window.end - window.start) * 0.006
    placed: list[tuple[EventMark, float]] = []
    for event in sorted(events, key=lambda e: (e.when.start, e.when.end, str(e.event))):
        taken = {
            off
            for other, off in placed
            if other.when.start - near < event.when.end and event.when.start - near < other.when.end
        }
        free = [o for o in STACK_OFFSETS if o not in taken]
        placed.append((event, free[0] if free else STACK_OFFSETS[len(placed) % len(STACK_OFFSETS)]))
    return placed


@dataclass
class TimelineCanvas:
    """The axes the rows are drawn on, with the notes and the key every shape adds to."""

    ax: Axes
    window: Window
    by_iri: dict[URIRef, list[EventMark]]  # every report of an event, for rival dates
    notes: Notes
    key: TimelineKey

    def draw_row(self, y: int, row: Row) -> None:
        """Row ``y``: a light stripe behind every other row, then its bands and events."""
        if y % 2:
            self.ax.axhspan(y - 0.5, y + 0.5, color="#f5f5f5", zorder=0, linewidth=0)
        for b, band in enumerate(row.bands):
            self._band(f"band-{y}-{b}", y, row, band)
        for e, (event, offset) in enumerate(stack(row.events, self.window)):
            self._event(f"event-{y}-{e}", y + offset, row, event)

    def _band(self, gid: str, y: int, row: Row, band: Band) -> None:
        colour = self.key.statuses.colour(band.claim.status)
        note = _band_note(row, band)
        bottom, height = band_slot(y, band)
        hatch = HATCH if band.lower_rank else None
        self.key.disputed |= band.lower_rank
        for piece in band_pieces(band, self.window.end):
            self.key.fuzzy |= piece.alpha < 1
            bars = self.ax.barh(
                bottom,
                num(piece.end) - num(piece.start),
                left=num(piece.start),
                height=height,
                align="edge",
                color=colour,
                alpha=piece.alpha,
                hatch=hatch,
                edgecolor="white" if hatch else "none",
                linewidth=0,
                zorder=3 if piece.alpha == 1 else 2,
            )
            self.notes.tag(gid + piece.suffix, note, *bars.patches)

    def _event(self, gid: str, y: float, row: Row, event: EventMark) -> None:
        """A day-dated event is a marker, hollow when outranked; a vaguer one a bar across
        its month or year, dotted when outranked."""
        kind = event_kind(event.types)
        self.key.kinds.add(kind)
        marker, colour, _ = EVENT_KINDS[kind]
        others = (o.rank for iri in event.same_as for o in self.by_iri.get(iri, []))
        hollow = outranked(event.rank, others)
        when = event.when
        if when.is_point:
            lines = self.ax.plot(
                [num(when.start + (when.end - when.start) / 2)],
                [y],
                marker=marker,
                markersize=8,
                color=colour,
                markerfacecolor="white" if hollow else colour,
                markeredgecolor="white" if not hollow else colour,
                linestyle="none",
                zorder=5,
            )
        else:
            self.key.spans = True
            lines = self.ax.plot(
                [num(when.start), num(when.end)],
                [y, y],
                marker="|",
                markersize=9,
                linewidth=3.2,
                color=colour,
                linestyle=":" if hollow else "-",
                solid_capstyle="butt",
                zorder=5,
            )
        self.notes.tag(gid, _event_note(row, event, self.by_iri), *lines)


def _said(head: str, sources: set[Source]) -> list[str]:
    """``head`` and, a line each, the sources that say it."""
    listed = "\n".join(f"— {s.describe()}" for s in sorted(sources)) or "— (no reference)"
    return [head, listed]


def _band_note(row: Row, band: Band) -> Note:
    claim = band.claim
    until = f" until {band.end.label}" if band.end else ""
    lines = _said(
        f"{row.label}: {claim.status} from {band.start.label}{until} (rank {claim.rank})",
        claim.sources,
    )
    for rival in band.rivals:
        when = rival.start.label if rival.start else "?"
        lines += _said(
            f"Disputed by: {rival.status} from {when} (rank {rival.rank}), per", rival.sources
        )
    classes = ["band", f"status-{slug(claim.status)}", f"rank-{slug(claim.rank)}"]
    if band.disputed:
        classes.append("disputed")
    return Note(tuple(classes), "\n".join(lines))


def _event_note(row: Row, event: EventMark, by_iri: dict[URIRef, list[EventMark]]) -> Note:
    kinds = ", ".join(sorted(event.types)) or "event"
    lines = _said(f"{row.label}: {kinds}, {event.when.label} (rank {event.rank})", event.sources)
    for other_iri in sorted(event.same_as):
        for other in by_iri.get(other_iri, [])[:1]:
            lines += _said(
                f"Another report dates it {other.when.label} (rank {other.rank}):", other.sources
            )
    kind = event_kind(event.types)
    classes = ["event", f"event-{kind}", "span" if not event.when.is_point else "point"]
    classes += [f"type-{slug(t)}" for t in sorted(event.types)]
    if event.same_as:
        classes.append("disputed")
    return Note(tuple(classes), "\n".join(lines))
