"""``dckg plot network``: actors as nodes, channels as edges coloured by status at a date.

Each ``--at`` date is a panel; the panels share one placement and one set of edges
(every channel with a status at any of the dates), so side by side they show
what changed: an edge that is green on 1 October and orange or red on 1 November
is a channel the break cut. A channel whose status is not known at a date is
drawn grey and dotted there rather than left out. Statuses come from the
``status-at`` named query, so ranks settle disagreements exactly as they do for
``dckg query status-at``; where two claims are still tied, the edge is dashed
and its label names both.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import URIRef

from dckg.errors import DckgError
from dckg.layout import Layout
from dckg.plot import data
from dckg.plot.data import Endpoint, StatusAt
from dckg.plot.network_layout import Link, place
from dckg.plot.network_panel import NetworkCanvas, NetworkKey
from dckg.plot.periods import parse_option_date
from dckg.plot.save import check_output, save_drawing
from dckg.plot.style import UNKNOWN_COLOUR, add_legend
from dckg.plot.svg import Notes
from dckg.query.engine import open_engine

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.figure import Figure


@dataclass(frozen=True)
class NetworkSummary:
    """What was drawn, for the command's one-line report."""

    path: Path
    actors: int
    channels: int
    dates: tuple[str, ...]


def plot_network(
    layout: Layout, output: Path, dates: Sequence[str], *, engine: str = "oxigraph"
) -> NetworkSummary:
    """Draw one panel per date in ``dates`` into ``output`` (.svg or .png)."""
    check_output(output)
    if not dates:
        raise DckgError("--at DATE is required (repeat it to compare dates side by side)")
    for value in dates:
        parse_option_date(value, "--at")
    if len(set(dates)) != len(dates):
        raise DckgError("--at: each date once, please")
    eng = open_engine(engine, layout)
    statuses = {at: _by_channel(data.status_at(eng, at)) for at in dates}
    links, actors = _links(data.endpoints(eng), {c for s in statuses.values() for c in s})
    if not links:
        raise DckgError(
            f"nothing to draw: no channel with two known ends has a status at {', '.join(dates)}"
        )
    save_drawing(output, lambda: _draw(links, actors, statuses))
    return NetworkSummary(output, len(actors), len(links), tuple(dates))


def _by_channel(rows: list[StatusAt]) -> dict[URIRef, list[StatusAt]]:
    found: dict[URIRef, list[StatusAt]] = defaultdict(list)
    for row in rows:
        found[row.channel].append(row)
    return dict(found)


def _links(
    endpoints: list[Endpoint], channels: set[URIRef]
) -> tuple[list[Link], dict[URIRef, str]]:
    """The channels to draw, with their ends: sender → host, else the parties."""
    by_channel: dict[URIRef, list[Endpoint]] = defaultdict(list)
    for end in endpoints:
        if end.channel in channels:
            by_channel[end.channel].append(end)
    links: list[Link] = []
    actors: dict[URIRef, str] = {}
    for channel, ends in by_channel.items():
        senders = sorted({e.actor for e in ends if e.role == "sender"})
        hosts = sorted({e.actor for e in ends if e.role == "host"})
        if senders and hosts and senders != hosts:
            link = Link(channel, ends[0].channel_label, (senders[0], hosts[0]), directed=True)
        else:
            parties = tuple(sorted({e.actor for e in ends}))
            if len(parties) < 2:
                continue
            link = Link(channel, ends[0].channel_label, parties, directed=False)
        links.append(link)
        actors.update({e.actor: e.actor_label for e in ends if e.actor in link.ends})
    links.sort(key=lambda k: (k.label, str(k.channel)))
    return links, actors


def _draw(
    links: list[Link],
    actors: dict[URIRef, str],
    statuses: dict[str, dict[URIRef, list[StatusAt]]],
) -> tuple[Figure, Notes]:
    """One panel per date, side by side, over one legend."""
    from matplotlib.figure import Figure

    canvas = NetworkCanvas(place(links, actors), actors)
    fig = Figure(figsize=(9 * len(statuses), 10), layout="constrained")
    for p, (at, by_channel) in enumerate(statuses.items()):
        canvas.draw_panel(fig.add_subplot(1, len(statuses), p + 1), p, at, by_channel)
    _legend(fig, canvas.key)
    return fig, canvas.notes


def _legend(fig: Figure, key: NetworkKey) -> None:
    from matplotlib.lines import Line2D

    handles: list[Artist] = [
        Line2D([], [], color=colour, linewidth=3, label=status)
        for status, colour in key.statuses.entries()
    ]
    if key.unknown:
        handles.append(
            Line2D(
                [],
                [],
                color=UNKNOWN_COLOUR,
                linestyle=":",
                linewidth=2,
                label="no status known at the date",
            )
        )
    handles.append(
        Line2D([], [], color="#424242", marker=">", linewidth=1.5, label="sent by → hosted by")
    )
    handles.append(
        Line2D([], [], color="#424242", linestyle="--", linewidth=2, label="claims tied")
    )
    add_legend(fig, handles, ncol=5, fontsize=9)
