"""The timeline's frame: the date axis, the channel names, the marked dates and the legend.

These are drawn around the shapes of timeline_shapes.py once the rows are done;
``TimelineKey`` gathers, while the rows are drawn, what the legend must explain,
so the legend lists only what the picture shows.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from dckg.namespaces import compact
from dckg.plot.periods import Span
from dckg.plot.style import (
    EVENT_KIND_LABELS,
    EVENT_KINDS,
    HATCH,
    PALE,
    StatusKey,
    add_legend,
    slug,
)
from dckg.plot.svg import Note, Notes
from dckg.plot.timeline_rows import Row, Window

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

LABEL_WIDTH = 34
MARK_COLOUR = "#212121"


@dataclass
class TimelineKey:
    """What the rows drew, for the legend."""

    statuses: StatusKey = field(default_factory=StatusKey)
    kinds: set[str] = field(default_factory=set)
    fuzzy: bool = False  # a pale start or end, known only to the month or year
    disputed: bool = False  # a hatched, lower-ranked claim
    spans: bool = False  # an event known only to the month or year
    marks: bool = False


def num(value: datetime) -> float:
    """A date as a position on the time axis."""
    from matplotlib.dates import date2num

    return float(date2num(value))  # type: ignore[no-untyped-call]


def draw_marks(ax: Axes, marks: list[Span], notes: Notes) -> None:
    """A dashed line at each ``--mark`` date, labelled at the top."""
    for i, mark in enumerate(marks):
        line = ax.axvline(num(mark.start), linestyle="--", color=MARK_COLOUR, linewidth=1.2)
        notes.tag(f"mark-{i}", Note(("mark",), f"marked date: {mark.label}"), line)
        ax.text(
            num(mark.start),
            1.0,
            f" {mark.label}",
            transform=ax.get_xaxis_transform(),
            ha="left",
            va="bottom",
            fontsize=8,
        )


def draw_axes(ax: Axes, rows: list[Row], window: Window, notes: Notes) -> None:
    """Channel names down the side (each with its note), dates along the bottom, the title."""
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    ax.set_xlim(num(window.start), num(window.end))
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_yticks(range(len(rows)))
    ticks = ax.set_yticklabels([textwrap.fill(r.label, LABEL_WIDTH) for r in rows], fontsize=8)
    for y, (tick, row) in enumerate(zip(ticks, rows, strict=True)):
        note = Note(("channel", f"channel-{slug(compact(str(row.channel)))}"), row.label)
        notes.tag(f"channel-{y}", note, tick)
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


def draw_legend(fig: Figure, key: TimelineKey) -> None:
    """One entry for each status, shading, kind of event and line the picture shows."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles: list[Artist] = [
        Patch(color=colour, label=status) for status, colour in key.statuses.entries()
    ]
    if key.fuzzy:
        handles.append(Patch(color="#9e9e9e", alpha=PALE, label="start/end known to month or year"))
    if key.disputed:
        handles.append(
            Patch(facecolor="#9e9e9e", hatch=HATCH, edgecolor="white", label="disputed, lower rank")
        )
    for kind in ("founded", "cut", "used", "other"):
        if kind in key.kinds:
            marker, colour, _ = EVENT_KINDS[kind]
            label = EVENT_KIND_LABELS[kind]
            handles.append(
                Line2D([], [], marker=marker, color=colour, linestyle="none", label=label)
            )
    if key.spans:
        handles.append(
            Line2D(
                [], [], marker="|", color="#424242", linewidth=3, label="event known to month/year"
            )
        )
    if key.marks:
        handles.append(Line2D([], [], linestyle="--", color=MARK_COLOUR, label="marked date"))
    add_legend(fig, handles, ncol=4, fontsize=8)
