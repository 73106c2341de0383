"""``dckg plot network``: actors as nodes, channels as edges coloured by status at a date.

Each ``--at`` date is a panel; the panels share one layout and one set of edges
(every channel with a status at any of the dates), so side by side they show
what changed: an edge that is green on 1 October and orange or red on 1 November
is a channel the break cut. A channel whose status is not known at a date is
drawn grey and dotted there rather than left out. Statuses come from the
``status-at`` named query, so ranks settle disagreements exactly as they do for
``dckg query status-at``; where two claims are still tied, the edge is dashed
and its label names both.
"""

from __future__ import annotations

import math
import textwrap
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import URIRef

from dckg.errors import DckgError
from dckg.layout import Layout
from dckg.namespaces import compact
from dckg.plot import data
from dckg.plot.data import Endpoint, StatusAt
from dckg.plot.periods import parse_option_date
from dckg.plot.save import check_output, save_figure
from dckg.plot.style import UNKNOWN_COLOUR, drawing, slug, status_colour
from dckg.plot.svg import Note
from dckg.query.engine import open_engine

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

NODE_SIZE = 2200
HUB_SIZE = 60
MAX_RAD = 1.5
RAD_STEP = 0.5
EDGE_LABEL_WIDTH = 34
PARTNER_DISTANCE = 1.5
RING = 1.5
SMALL_BUNDLE = 4


@dataclass(frozen=True)
class Link:
    """A channel drawn as an edge (or, for three or more parties, a star through a hub)."""

    channel: URIRef
    label: str
    ends: tuple[URIRef, ...]
    directed: bool


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
    with drawing():
        fig, notes = _draw(links, actors, statuses)
        save_figure(fig, output, notes)
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


def _positions(links: list[Link], actors: dict[URIRef, str]) -> dict[Any, tuple[float, float]]:
    """The actor with most channels in the middle, its busiest partner to the right (where
    the bundle of parallel edges has room), the others on the left half-circle; hubs of
    many-party channels at their parties' centre. Other shapes fall back to a seeded spring
    layout, which is deterministic."""
    import networkx as nx

    degree: dict[URIRef, int] = defaultdict(int)
    pairs: dict[frozenset[URIRef], int] = defaultdict(int)
    for link in links:
        for actor in link.ends:
            degree[actor] += 1
        if len(link.ends) == 2:
            pairs[frozenset(link.ends)] += 1
    centre = min(actors, key=lambda a: (-degree[a], actors[a]))
    star = all(centre in link.ends for link in links if len(link.ends) == 2)
    pos: dict[Any, tuple[float, float]] = {}
    if star:
        others = sorted(
            (a for a in actors if a != centre),
            key=lambda a: (-pairs[frozenset((a, centre))], actors[a]),
        )
        pos[centre] = (0.0, 0.0)
        if others:
            pos[others[0]] = (PARTNER_DISTANCE, 0.0)
        rest = others[1:]
        # the busiest first, alternately from the top and the bottom of the half-circle,
        # so that the bundles with most labels are furthest apart
        slots = [i // 2 if i % 2 == 0 else len(rest) - 1 - i // 2 for i in range(len(rest))]
        for slot, actor in zip(slots, rest, strict=True):
            angle = math.pi / 2 + math.pi * (slot + 1) / (len(rest) + 1)
            pos[actor] = (round(RING * math.cos(angle), 9), round(RING * math.sin(angle), 9))
    else:
        graph = nx.Graph()
        graph.add_nodes_from(sorted(actors))
        graph.add_edges_from(
            (a, b) for link in links for a in link.ends for b in link.ends if str(a) < str(b)
        )
        spring = nx.spring_layout(graph, seed=7)
        pos = {node: (float(xy[0]), float(xy[1])) for node, xy in spring.items()}
    for link in links:
        if len(link.ends) > 2:
            xs = [pos[a][0] for a in link.ends]
            ys = [pos[a][1] for a in link.ends]
            pos[("hub", link.channel)] = (sum(xs) / len(xs), sum(ys) / len(ys))
    return pos


def _edges(links: list[Link]) -> list[tuple[Link, Any, Any, float]]:
    """One (link, u, v, rad) per drawn segment; parallel edges fan out symmetrically."""
    segments: list[tuple[Link, Any, Any]] = []
    for link in links:
        if len(link.ends) == 2:
            segments.append((link, link.ends[0], link.ends[1]))
        else:
            segments += [(link, ("hub", link.channel), actor) for actor in link.ends]
    bundles: dict[frozenset[str], list[tuple[Link, Any, Any]]] = defaultdict(list)
    for segment in segments:
        bundles[frozenset((str(segment[1]), str(segment[2])))].append(segment)
    out: list[tuple[Link, Any, Any, float]] = []
    for bundle in bundles.values():
        n = len(bundle)
        for i, (link, u, v) in enumerate(bundle):
            step = 0.0 if n == 1 else min(RAD_STEP, 2 * MAX_RAD / (n - 1))
            rad = (i - (n - 1) / 2) * step
            if str(u) > str(v):
                rad = -rad  # arc3 bends relative to direction: keep one side per bundle
            out.append((link, u, v, rad))
    return out


def _label_pos(
    u: Any, v: Any, pos: dict[Any, tuple[float, float]], bundle: int, index: int
) -> float:
    """Where along its edge a label sits (networkx: 0 at ``u``, 1 at ``v``). Spokes from the
    middle carry their labels out towards the rim, where the spokes are further apart, and
    the labels of one bundle are staggered along it; the big bundle to the busiest partner
    keeps them in the middle, where its arcs fan out furthest."""
    if bundle > SMALL_BUNDLE:
        return 0.5
    outward = 0.45 + 0.25 * (index / (bundle - 1) if bundle > 1 else 0.5)
    if pos[u] == (0.0, 0.0):
        return outward
    if pos[v] == (0.0, 0.0):
        return 1 - outward
    return 0.5


def _edge_note(link: Link, at: str, rows: list[StatusAt]) -> Note:
    if not rows:
        return Note(("edge", "no-status"), f"{link.label}: no status known at {at}")
    lines = [
        f"{link.label}: {r.status} since {r.since or '?'} at {at} (rank {r.rank})\n"
        f"Sources: {r.sources}"
        for r in rows
    ]
    classes = ["edge", *(f"status-{slug(r.status)}" for r in rows)]
    if len({r.status for r in rows}) > 1:
        classes.append("disputed")
    return Note(tuple(classes), "\n".join(lines))


def _draw(
    links: list[Link],
    actors: dict[URIRef, str],
    statuses: dict[str, dict[URIRef, list[StatusAt]]],
) -> tuple[Figure, dict[str, Note]]:
    import networkx as nx
    from matplotlib.figure import Figure

    pos = _positions(links, actors)
    graph = nx.MultiDiGraph()
    graph.add_nodes_from(pos)
    segments = _edges(links)
    for link, u, v, _ in segments:
        graph.add_edge(u, v, key=str(link.channel))
    fig = Figure(figsize=(9 * len(statuses), 10), layout="constrained")
    notes: dict[str, Note] = {}
    palette: dict[str, str] = {}
    legend: dict[str, str] = {}
    for p, (at, by_channel) in enumerate(statuses.items()):
        ax = fig.add_subplot(1, len(statuses), p + 1)
        _panel(ax, graph, pos, actors, segments, at, by_channel, p, notes, palette, legend)
    _legend(fig, legend)
    return fig, notes


def _panel(
    ax: Axes,
    graph: Any,
    pos: dict[Any, tuple[float, float]],
    actors: dict[URIRef, str],
    segments: list[tuple[Link, Any, Any, float]],
    at: str,
    by_channel: dict[URIRef, list[StatusAt]],
    panel: int,
    notes: dict[str, Note],
    palette: dict[str, str],
    legend: dict[str, str],
) -> None:
    import networkx as nx

    labelled: set[URIRef] = set()
    bundles: dict[frozenset[str], int] = defaultdict(int)
    seen: dict[frozenset[str], int] = defaultdict(int)
    for _, u, v, _ in segments:
        bundles[frozenset((str(u), str(v)))] += 1
    for i, (link, u, v, rad) in enumerate(segments):
        bundle = frozenset((str(u), str(v)))
        seen[bundle] += 1
        rows = by_channel.get(link.channel, [])
        statuses = sorted({r.status for r in rows})
        colour = status_colour(statuses[0], palette) if statuses else UNKNOWN_COLOUR
        for status in statuses:
            legend[status] = status_colour(status, palette)
        if not statuses:
            legend["no status known at the date"] = UNKNOWN_COLOUR
        style = "dotted" if not statuses else "dashed" if len(statuses) > 1 else "solid"
        connection = f"arc3,rad={rad:.3f}"
        note = _edge_note(link, at, rows)
        patches = nx.draw_networkx_edges(
            graph,
            pos,
            edgelist=[(u, v, str(link.channel))],
            ax=ax,
            edge_color=colour,
            width=3.0 if statuses else 1.6,
            style=style,
            arrows=True,
            arrowstyle="-|>" if link.directed else "-",
            arrowsize=16,
            connectionstyle=connection,
            node_size=HUB_SIZE if isinstance(u, tuple) else NODE_SIZE,
            hide_ticks=False,
        )
        for j, patch in enumerate(patches):
            gid = f"edge-{panel}-{i}-{j}"
            patch.set_gid(gid)
            notes[gid] = note
        if link.channel in labelled:
            continue  # a many-party channel is labelled once, on its first spoke
        labelled.add(link.channel)
        status_text = " or ".join(statuses) if statuses else "status unknown"
        text = textwrap.fill(f"{link.label} [{status_text}]", EDGE_LABEL_WIDTH)
        texts = nx.draw_networkx_edge_labels(
            graph,
            pos,
            edge_labels={(u, v, str(link.channel)): text},
            label_pos=_label_pos(u, v, pos, bundles[bundle], seen[bundle] - 1),
            ax=ax,
            font_size=6.5,
            font_color="#212121" if statuses else "#757575",
            bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": colour, "alpha": 0.9},
            rotate=False,
            connectionstyle=connection,
            node_size=NODE_SIZE,
            hide_ticks=False,
        )
        for j, label in enumerate(texts.values()):
            gid = f"edge-label-{panel}-{i}-{j}"
            label.set_gid(gid)
            notes[gid] = note
    nodes = [a for a in pos if not isinstance(a, tuple)]
    hubs = [a for a in pos if isinstance(a, tuple)]
    nx.draw_networkx_nodes(
        graph,
        pos,
        nodelist=nodes,
        ax=ax,
        node_size=NODE_SIZE,
        node_color="#eceff1",
        edgecolors="#37474f",
        hide_ticks=False,
    )
    if hubs:
        nx.draw_networkx_nodes(
            graph,
            pos,
            nodelist=hubs,
            ax=ax,
            node_size=HUB_SIZE,
            node_color="#37474f",
            hide_ticks=False,
        )
    names = nx.draw_networkx_labels(
        graph,
        pos,
        labels={a: textwrap.fill(actors[a], 14) for a in nodes},
        ax=ax,
        font_size=8,
        font_weight="bold",
        hide_ticks=False,
    )
    for actor, text in names.items():
        gid = f"actor-{panel}-{slug(compact(str(actor)))}"
        text.set_gid(gid)
        notes[gid] = Note(("actor",), f"{actors[actor]} ({compact(str(actor))})")
    ax.set_title(f"Channels at {at}")
    ax.set_aspect("equal")
    (x0, x1), (y0, y1) = _limits(pos, segments)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_axis_off()


def _limits(
    pos: dict[Any, tuple[float, float]], segments: list[tuple[Link, Any, Any, float]]
) -> tuple[tuple[float, float], tuple[float, float]]:
    """Axis limits that hold every node and the middle of every arc, with room for labels.

    Set explicitly: networkx's curved edge labels are placed at draw time, and matplotlib's
    autoscaling can mistake a label's provisional position for data far off the picture."""
    xs = [x for x, _ in pos.values()]
    ys = [y for _, y in pos.values()]
    for _, u, v, rad in segments:
        (ux, uy), (vx, vy) = pos[u], pos[v]
        # arc3 puts the control point at rad x the chord, perpendicular to it, from the
        # middle; the curve passes half-way there.
        xs.append((ux + vx) / 2 + rad * (vy - uy) / 2)
        ys.append((uy + vy) / 2 - rad * (vx - ux) / 2)
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    pad = 0.12 * max(width, height, 1.0)
    return (min(xs) - pad, max(xs) + pad), (min(ys) - pad, max(ys) + pad)


def _legend(fig: Figure, legend: dict[str, str]) -> None:
    from matplotlib.lines import Line2D

    unknown = "no status known at the date"
    handles = [
        Line2D([], [], color=colour, linewidth=3, label=status)
        for status, colour in sorted(legend.items())
        if status != unknown
    ]
    if unknown in legend:
        handles.append(
            Line2D([], [], color=UNKNOWN_COLOUR, linestyle=":", linewidth=2, label=unknown)
        )
    handles.append(
        Line2D([], [], color="#424242", marker=">", linewidth=1.5, label="sent by → hosted by")
    )
    handles.append(
        Line2D([], [], color="#424242", linestyle="--", linewidth=2, label="claims tied")
    )
    fig.legend(handles=handles, loc="outside lower center", ncol=5, fontsize=9, frameon=False)
