"""``dckg plot timeline``: one row per channel, its statuses as coloured bands over time.

A date known only to the month or year is drawn as a span of that width: the
stretch of a band that lies inside its uncertain start (or end) is pale, and an
event dated to a month or year is a bar across that month or year, not a point.
Claims that overlap in time, because the sources disagree, split their row into
lanes; the lower-ranked claim is hatched. In the SVG every band and marker has
its sources (article title and quote) as a tooltip and its status as a class.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import URIRef

from dckg.errors import DckgError
from dckg.layout import Layout
from dckg.namespaces import compact
from dckg.plot import data
from dckg.plot.data import EventMark, Source
from dckg.plot.lanes import RANK_VALUE, Band, lay_out
from dckg.plot.periods import Span, parse_option_date
from dckg.plot.save import check_output, save_figure
from dckg.plot.style import (
    EVENT_KIND_LABELS,
    EVENT_KINDS,
    drawing,
    event_kind,
    slug,
    status_colour,
)
from dckg.plot.svg import Note
from dckg.query.engine import open_engine

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

BAND_HEIGHT = 0.64
PALE = 0.38
LABEL_WIDTH = 34


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


@dataclass(frozen=True)
class TimelineSummary:
    """What was drawn, for the command's one-line report."""

    path: Path
    channels: int
    bands: int
    events: int


def plot_timeline(
    layout: Layout,
    output: Path,
    *,
    channels: Sequence[str] = (),
    start: str | None = None,
    end: str | None = None,
    marks: Sequence[str] = (),
    engine: str = "oxigraph",
) -> TimelineSummary:
    """Draw the timeline of ``layout``'s built graph into ``output`` (.svg or .png)."""
    check_output(output)
    first = parse_option_date(start, "--from") if start else None
    last = parse_option_date(end, "--to") if end else None
    if first and last and first.start >= last.end:
        raise DckgError(f"--from {start} is after --to {end}: give the earlier date first")
    mark_spans = [parse_option_date(m, "--mark") for m in marks]
    for mark, text in zip(mark_spans, marks, strict=True):
        if (first and mark.end <= first.start) or (last and mark.start >= last.end):
            raise DckgError(f"--mark {text} lies outside the --from/--to window")

    eng = open_engine(engine, layout)
    labels = data.channel_labels(eng)
    wanted = data.resolve_channels(channels, labels) if channels else None
    claims = data.status_claims(eng, wanted)
    events = data.channel_events(eng, wanted)
    window = _window(claims, events, mark_spans, first, last)
    rows = _rows(labels, lay_out(claims), events, window, wanted)
    if not rows:
        raise DckgError(
            f"nothing to draw: no channel has a dated status or event between "
            f"{window.start:%Y-%m-%d} and {window.end:%Y-%m-%d}"
        )
    with drawing():
        fig, notes = _draw(rows, events, window, mark_spans)
        save_figure(fig, output, notes)
    return TimelineSummary(
        output,
        channels=len(rows),
        bands=sum(len(r.bands) for r in rows),
        events=sum(len(r.events) for r in rows),
    )


def _window(
    claims: list[data.StatusClaim],
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


def _rows(
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


def _sources(sources: set[Source]) -> str:
    return "\n".join(f"— {s.describe()}" for s in sorted(sources)) or "— (no reference)"


def _band_note(row: Row, band: Band) -> Note:
    claim = band.claim
    until = f" until {band.end.label}" if band.end else ""
    lines = [
        f"{row.label}: {claim.status} from {band.start.label}{until} (rank {claim.rank})",
        _sources(claim.sources),
    ]
    for rival in band.rivals:
        when = rival.start.label if rival.start else "?"
        lines.append(f"Disputed by: {rival.status} from {when} (rank {rival.rank}), per")
        lines.append(_sources(rival.sources))
    classes = ["band", f"status-{slug(claim.status)}", f"rank-{slug(claim.rank)}"]
    if band.disputed:
        classes.append("disputed")
    return Note(tuple(classes), "\n".join(lines))


def _event_note(row: Row, event: EventMark, by_iri: dict[URIRef, list[EventMark]]) -> Note:
    kinds = ", ".join(sorted(event.types)) or "event"
    lines = [
        f"{row.label}: {kinds}, {event.when.label} (rank {event.rank})",
        _sources(event.sources),
    ]
    for other_iri in sorted(event.same_as):
        for other in by_iri.get(other_iri, [])[:1]:
            lines.append(f"Another report dates it {other.when.label} (rank {other.rank}):")
            lines.append(_sources(other.sources))
    kind = event_kind(event.types)
    classes = ["event", f"event-{kind}", "span" if not event.when.is_point else "point"]
    classes += [f"type-{slug(t)}" for t in sorted(event.types)]
    if event.same_as:
        classes.append("disputed")
    return Note(tuple(classes), "\n".join(lines))


def _outranked(event: EventMark, by_iri: dict[URIRef, list[EventMark]]) -> bool:
    mine = RANK_VALUE.get(event.rank, 1)
    others = [o for iri in event.same_as for o in by_iri.get(iri, [])]
    return mine == 0 or any(RANK_VALUE.get(o.rank, 1) > mine for o in others)


def _draw(
    rows: list[Row], events: list[EventMark], window: Window, marks: list[Span]
) -> tuple[Figure, dict[str, Note]]:
    from matplotlib.figure import Figure

    fig = Figure(figsize=(13, 1.9 + 0.42 * len(rows)), layout="constrained")
    ax = fig.add_subplot()
    notes: dict[str, Note] = {}
    by_iri: dict[URIRef, list[EventMark]] = {}
    for event in events:
        by_iri.setdefault(event.event, []).append(event)
    palette: dict[str, str] = {}
    statuses: dict[str, str] = {}
    kinds: set[str] = set()
    fuzzy = disputed = spans = False

    for y, row in enumerate(rows):
        if y % 2:
            ax.axhspan(y - 0.5, y + 0.5, color="#f5f5f5", zorder=0, linewidth=0)
        for b, band in enumerate(row.bands):
            colour = status_colour(band.claim.status, palette)
            statuses[band.claim.status] = colour
            note = _band_note(row, band)
            height = BAND_HEIGHT / band.lanes
            bottom = y - BAND_HEIGHT / 2 + band.lane * height
            hatch = "////" if band.lower_rank else None
            disputed |= band.lower_rank
            # The start (and end) known only to a month or year is pale over its whole
            # span, under the firm part of any band it continues.
            head_alpha = 1.0 if band.start.is_point else PALE
            pieces = [("", band.start.start, band.start.end, head_alpha)]
            firm_end = band.end.start if band.end else band.until(window.end)
            pieces.append(("-firm", band.start.end, firm_end, 1.0))
            if band.end is not None:
                pieces.append(("-tail", band.end.start, band.end.end, PALE))
            for suffix, lo, hi, alpha in pieces:
                if hi <= lo:
                    continue
                fuzzy |= alpha < 1
                gid = f"band-{y}-{b}{suffix}"
                _bar(ax, lo, hi, bottom, height, colour, alpha, hatch, gid)
                notes[gid] = note
        for e, (event, offset) in enumerate(_stack(row.events, window)):
            kind = event_kind(event.types)
            kinds.add(kind)
            marker, colour, _ = EVENT_KINDS[kind]
            gid = f"event-{y}-{e}"
            hollow = _outranked(event, by_iri)
            if event.when.is_point:
                ax.plot(
                    [_num(event.when.start + (event.when.end - event.when.start) / 2)],
                    [y + offset],
                    marker=marker,
                    markersize=8,
                    color=colour,
                    markerfacecolor="white" if hollow else colour,
                    markeredgecolor="white" if not hollow else colour,
                    linestyle="none",
                    zorder=5,
                    gid=gid,
                )
            else:
                spans = True
                ax.plot(
                    [_num(event.when.start), _num(event.when.end)],
                    [y + offset, y + offset],
                    marker="|",
                    markersize=9,
                    linewidth=3.2,
                    color=colour,
                    linestyle=":" if hollow else "-",
                    solid_capstyle="butt",
                    zorder=5,
                    gid=gid,
                )
            notes[gid] = _event_note(row, event, by_iri)

    for i, mark in enumerate(marks):
        gid = f"mark-{i}"
        ax.axvline(_num(mark.start), linestyle="--", color="#212121", linewidth=1.2, gid=gid)
        notes[gid] = Note(("mark",), f"marked date: {mark.label}")
        ax.text(
            _num(mark.start),
            1.0,
            f" {mark.label}",
            transform=ax.get_xaxis_transform(),
            ha="left",
            va="bottom",
            fontsize=8,
        )

    _axes(ax, rows, window, notes)
    _legend(fig, statuses, kinds, fuzzy=fuzzy, disputed=disputed, spans=spans, marks=bool(marks))
    return fig, notes


def _num(value: datetime) -> float:
    from matplotlib.dates import date2num

    return float(date2num(value))  # type: ignore[no-untyped-call]


def _bar(
    ax: Axes,
    lo: datetime,
    hi: datetime,
    bottom: float,
    height: float,
    colour: str,
    alpha: float,
    hatch: str | None,
    gid: str,
) -> None:
    bars = ax.barh(
        bottom,
        _num(hi) - _num(lo),
        left=_num(lo),
        height=height,
        align="edge",
        color=colour,
        alpha=alpha,
        hatch=hatch,
        edgecolor="white" if hatch else "none",
        linewidth=0,
        zorder=3 if alpha == 1 else 2,
    )
    for patch in bars.patches:
        patch.set_gid(gid)


def _stack(events: list[EventMark], window: Window) -> list[tuple[EventMark, float]]:
    """Vertical offsets so that events close together on one row do not hide each other."""
    near = (window.end - window.start) * 0.006
    offsets = (0.0, 0.2, -0.2, 0.38, -0.38)
    placed: list[tuple[EventMark, float]] = []
    for event in sorted(events, key=lambda e: (e.when.start, e.when.end, str(e.event))):
        taken = {
            off
            for other, off in placed
            if other.when.start - near < event.when.end and event.when.start - near < other.when.end
        }
        free = [o for o in offsets if o not in taken]
        placed.append((event, free[0] if free else offsets[len(placed) % len(offsets)]))
    return placed


def _axes(ax: Axes, rows: list[Row], window: Window, notes: dict[str, Note]) -> None:
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    ax.set_xlim(_num(window.start), _num(window.end))
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_yticks(range(len(rows)))
    ticks = ax.set_yticklabels([textwrap.fill(r.label, LABEL_WIDTH) for r in rows], fontsize=8)
    for y, (tick, row) in enumerate(zip(ticks, rows, strict=True)):
        gid = f"channel-{y}"
        tick.set_gid(gid)
        notes[gid] = Note(("channel", f"channel-{slug(compact(str(row.channel)))}"), row.label)
    locator = AutoDateLocator(minticks=6, maxticks=14)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    ax.grid(axis="x", color="#e0e0e0", linewidth=0.6, zorder=0)
    ax.set_axisbelow(True)
    ax.tick_params(axis="y", length=0)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.set_title(
        f"Channel status over time, {window.start:%Y-%m-%d} to {window.end:%Y-%m-%d}"
        "  (SVG: hover a shape for its sources)",
        loc="left",
        pad=16,
    )


def _legend(
    fig: Figure,
    statuses: dict[str, str],
    kinds: set[str],
    *,
    fuzzy: bool,
    disputed: bool,
    spans: bool,
    marks: bool,
) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles: list[Any] = [
        Patch(color=colour, label=status) for status, colour in sorted(statuses.items())
    ]
    if fuzzy:
        handles.append(Patch(color="#9e9e9e", alpha=0.38, label="start/end known to month or year"))
    if disputed:
        handles.append(
            Patch(
                facecolor="#9e9e9e", hatch="////", edgecolor="white", label="disputed, lower rank"
            )
        )
    for kind in ("founded", "cut", "used", "other"):
        if kind in kinds:
            marker, colour, _ = EVENT_KINDS[kind]
            handles.append(
                Line2D(
                    [],
                    [],
                    marker=marker,
                    color=colour,
                    linestyle="none",
                    label=EVENT_KIND_LABELS[kind],
                )
            )
    if spans:
        handles.append(
            Line2D(
                [], [], marker="|", color="#424242", linewidth=3, label="event known to month/year"
            )
        )
    if marks:
        handles.append(Line2D([], [], linestyle="--", color="#212121", label="marked date"))
    fig.legend(handles=handles, loc="outside lower center", ncol=4, fontsize=8, frameon=False)
