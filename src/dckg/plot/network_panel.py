"""Drawing the network: one panel per date, every panel the same placement.

An edge takes its look from its channel's statuses at the panel's date (see
network.py). Every edge, label and actor name carries a note (statuses and
sources) for the SVG, and ``NetworkKey`` gathers what the legend must explain.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rdflib import URIRef

from dckg.namespaces import compact
from dckg.plot.data import StatusAt
from dckg.plot.network_layout import Link, Placement, Segment
from dckg.plot.style import UNKNOWN_COLOUR, StatusKey, slug
from dckg.plot.svg import Note, Notes

if TYPE_CHECKING:
    from matplotlib.axes import Axes

NODE_SIZE = 2200
HUB_SIZE = 60
EDGE_LABEL_WIDTH = 34
INK = "#37474f"
ACTOR_LOOK: dict[str, Any] = {"node_size": NODE_SIZE, "node_color": "#eceff1", "edgecolors": INK}
HUB_LOOK: dict[str, Any] = {"node_size": HUB_SIZE, "node_color": INK}


@dataclass
class NetworkKey:
    """What the panels drew, for the legend: the statuses, and whether any edge was unknown."""

    statuses: StatusKey = field(default_factory=StatusKey)
    unknown: bool = False


class NetworkCanvas:
    """The placement as a networkx graph, with the notes and the key every panel adds to."""

    def __init__(self, placement: Placement, actors: dict[URIRef, str]) -> None:
        import networkx as nx

        self.placement = placement
        self.actors = actors
        self.notes = Notes()
        self.key = NetworkKey()
        self.graph = nx.MultiDiGraph()
        self.graph.add_nodes_from(placement.pos)
        for segment in placement.segments:
            self.graph.add_edge(segment.u, segment.v, key=str(segment.link.channel))

    def draw_panel(
        self, ax: Axes, panel: int, at: str, by_channel: dict[URIRef, list[StatusAt]]
    ) -> None:
        """Panel number ``panel``: the channels' statuses at ``at`` (rows by channel)."""
        labelled: set[URIRef] = set()
        for i, segment in enumerate(self.placement.segments):
            link = segment.link
            rows = by_channel.get(link.channel, [])
            statuses = sorted({r.status for r in rows})
            colours = [self.key.statuses.colour(status) for status in statuses]
            self.key.unknown |= not statuses
            colour = colours[0] if colours else UNKNOWN_COLOUR
            note = _edge_note(link, at, rows)
            self._edge(ax, f"edge-{panel}-{i}", segment, statuses, colour, note)
            if link.channel in labelled:
                continue  # a many-party channel is labelled once, on its first spoke
            labelled.add(link.channel)
            self._edge_label(ax, f"edge-label-{panel}-{i}", segment, statuses, colour, note)
        self._nodes(ax, panel)
        ax.set_title(f"Channels at {at}")
        ax.set_aspect("equal")
        ax.set_xlim(*self.placement.xlim)
        ax.set_ylim(*self.placement.ylim)
        ax.set_axis_off()

    def _edge(
        self, ax: Axes, gid: str, segment: Segment, statuses: list[str], colour: str, note: Note
    ) -> None:
        import networkx as nx

        patches = nx.draw_networkx_edges(
            self.graph,
            self.placement.pos,
            edgelist=[self._edge_key(segment)],
            ax=ax,
            edge_color=colour,
            width=3.0 if statuses else 1.6,
            style="dotted" if not statuses else "dashed" if len(statuses) > 1 else "solid",
            arrows=True,
            arrowstyle="-|>" if segment.link.directed else "-",
            arrowsize=16,
            connectionstyle=_connection(segment),
            node_size=HUB_SIZE if isinstance(segment.u, tuple) else NODE_SIZE,
            hide_ticks=False,
        )
        self.notes.tag_each(gid, note, patches)

    def _edge_label(
        self, ax: Axes, gid: str, segment: Segment, statuses: list[str], colour: str, note: Note
    ) -> None:
        import networkx as nx

        status_text = " or ".join(statuses) if statuses else "status unknown"
        text = textwrap.fill(f"{segment.link.label} [{status_text}]", EDGE_LABEL_WIDTH)
        texts = nx.draw_networkx_edge_labels(
            self.graph,
            self.placement.pos,
            edge_labels={self._edge_key(segment): text},
            label_pos=segment.label_at,
            ax=ax,
            font_size=6.5,
            font_color="#212121" if statuses else "#757575",
            bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": colour, "alpha": 0.9},
            rotate=False,
            connectionstyle=_connection(segment),
            node_size=NODE_SIZE,
            hide_ticks=False,
        )
        self.notes.tag_each(gid, note, texts.values())

    def _nodes(self, ax: Axes, panel: int) -> None:
        """The actors as labelled discs, the hubs as dots."""
        import networkx as nx

        actors = self.placement.actors
        hubs = self.placement.hubs
        for nodes, look in ((actors, ACTOR_LOOK), (hubs, HUB_LOOK)):
            if nodes:
                nx.draw_networkx_nodes(
                    self.graph, self.placement.pos, nodelist=nodes, ax=ax, hide_ticks=False, **look
                )
        names = nx.draw_networkx_labels(
            self.graph,
            self.placement.pos,
            labels={a: textwrap.fill(self.actors[a], 14) for a in actors},
            ax=ax,
            font_size=8,
            font_weight="bold",
            hide_ticks=False,
        )
        for actor, text in names.items():
            name = compact(str(actor))
            note = Note(("actor",), f"{self.actors[actor]} ({name})")
            self.notes.tag(f"actor-{panel}-{slug(name)}", note, text)

    @staticmethod
    def _edge_key(segment: Segment) -> tuple[Any, Any, str]:
        return (segment.u, segment.v, str(segment.link.channel))


def _connection(segment: Segment) -> str:
    return f"arc3,rad={segment.rad:.3f}"


def _edge_note(link: Link, at: str, rows: list[StatusAt]) -> Note:
    """The statuses of ``link`` at ``at`` with their sources; a dispute gets every claim."""
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
