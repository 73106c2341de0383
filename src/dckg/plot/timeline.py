"""``dckg plot timeline``: one row per channel, its statuses as coloured bands over time.

A date known only to the month or year is drawn as a span of that width: the
stretch of a band that lies inside its uncertain start (or end) is pale, and an
event dated to a month or year is a bar across that month or year, not a point.
Claims that overlap in time, because the sources disagree, split their row into
lanes; the lower-ranked claim is hatched. In the SVG every band and marker has
its sources (article title and quote) as a tooltip and its status as a class.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import URIRef

from dckg.errors import DckgError
from dckg.layout import Layout
from dckg.plot import data
from dckg.plot.data import EventMark
from dckg.plot.lanes import lay_out
from dckg.plot.periods import Span, parse_option_date
from dckg.plot.save import check_output, save_drawing
from dckg.plot.svg import Notes
from dckg.plot.timeline_axes import TimelineKey, draw_axes, draw_legend, draw_marks
from dckg.plot.timeline_rows import Row, Window, channel_rows, time_window
from dckg.plot.timeline_shapes import TimelineCanvas
from dckg.query.engine import open_engine

if TYPE_CHECKING:
    from matplotlib.figure import Figure


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
    window = time_window(claims, events, mark_spans, first, last)
    rows = channel_rows(labels, lay_out(claims), events, window, wanted)
    if not rows:
        raise DckgError(
            f"nothing to draw: no channel has a dated status or event between "
            f"{window.start:%Y-%m-%d} and {window.end:%Y-%m-%d}"
        )
    save_drawing(output, lambda: _draw(rows, events, window, mark_spans))
    return TimelineSummary(
        output,
        channels=len(rows),
        bands=sum(len(r.bands) for r in rows),
        events=sum(len(r.events) for r in rows),
    )


def _draw(
    rows: list[Row], events: list[EventMark], window: Window, marks: list[Span]
) -> tuple[Figure, Notes]:
    """The rows' shapes, then the marked dates, the axes and the legend around them."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(13, 1.9 + 0.42 * len(rows)), layout="constrained")
    ax = fig.add_subplot()
    by_iri: dict[URIRef, list[EventMark]] = {}
    for event in events:
        by_iri.setdefault(event.event, []).append(event)
    canvas = TimelineCanvas(ax, window, by_iri, Notes(), TimelineKey(marks=bool(marks)))
    for y, row in enumerate(rows):
        canvas.draw_row(y, row)
    draw_marks(ax, marks, canvas.notes)
    draw_axes(ax, rows, window, canvas.notes)
    draw_legend(fig, canvas.key)
    return fig, canvas.notes
