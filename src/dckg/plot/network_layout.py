"""Where the network picture puts things: actors, hubs, edge arcs, edge labels, the limits.

The placement depends on the channels only, never on a date, so every panel of
``dckg plot network`` draws the same one and panels side by side differ only in
colour. Nothing is drawn here; network_panel.py draws a placement.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from rdflib import URIRef

#: An actor, or the hub ("hub", channel) through which a many-party channel is drawn.
Node = URIRef | tuple[str, URIRef]
Point = tuple[float, float]

MAX_RAD = 1.5
RAD_STEP = 0.5
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
class Segment:
    """One drawn edge of a link: from ``u`` to ``v``, bent by ``rad``, its label at ``label_at``
    (networkx's label position: 0 at ``u``, 1 at ``v``)."""

    link: Link
    u: Node
    v: Node
    rad: float
    label_at: float


@dataclass(frozen=True)
class Placement:
    """Every node's position, every segment, and axis limits that hold them all."""

    pos: dict[Node, Point]
    segments: list[Segment]
    xlim: tuple[float, float]
    ylim: tuple[float, float]

    @property
    def actors(self) -> list[URIRef]:
        """The actors' nodes (not the hubs), in placement order."""
        return [node for node in self.pos if not isinstance(node, tuple)]

    @property
    def hubs(self) -> list[Node]:
        """The hubs of many-party channels."""
        return [node for node in self.pos if isinstance(node, tuple)]


def place(links: list[Link], actors: dict[URIRef, str]) -> Placement:
    """The placement of ``links`` between ``actors`` (IRI → label)."""
    pos = _positions(links, actors)
    segments = _segments(links, pos)
    xlim, ylim = _limits(pos, segments)
    return Placement(pos, segments, xlim, ylim)


def _positions(links: list[Link], actors: dict[URIRef, str]) -> dict[Node, Point]:
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
    pos: dict[Node, Point] = {}
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


def _segments(links: list[Link], pos: dict[Node, Point]) -> list[Segment]:
    """One segment per drawn edge, grouped by the pair of nodes they join (a bundle); the
    parallel edges of a bundle fan out symmetrically."""
    bundles: dict[frozenset[str], list[tuple[Link, Node, Node]]] = defaultdict(list)
    for link in links:
        if len(link.ends) == 2:
            ends: list[tuple[Node, Node]] = [(link.ends[0], link.ends[1])]
        else:
            ends = [(("hub", link.channel), actor) for actor in link.ends]
        for u, v in ends:
            bundles[frozenset((str(u), str(v)))].append((link, u, v))
    out: list[Segment] = []
    for bundle in bundles.values():
        n = len(bundle)
        for i, (link, u, v) in enumerate(bundle):
            step = 0.0 if n == 1 else min(RAD_STEP, 2 * MAX_RAD / (n - 1))
            rad = (i - (n - 1) / 2) * step
            if str(u) > str(v):
                rad = -rad  # arc3 bends relative to direction: keep one side per bundle
            out.append(Segment(link, u, v, rad, _label_at(pos[u], pos[v], n, i)))
    return out


def _label_at(u: Point, v: Point, bundle: int, index: int) -> float:
    """Where along its edge the ``index``-th label of a bundle of ``bundle`` edges sits.
    Spokes from the middle carry their labels out towards the rim, where the spokes are
    further apart, and the labels of one bundle are staggered along it; the big bundle to
    the busiest partner keeps them in the middle, where its arcs fan out furthest."""
    if bundle > SMALL_BUNDLE:
        return 0.5
    outward = 0.45 + 0.25 * (index / (bundle - 1) if bundle > 1 else 0.5)
    if u == (0.0, 0.0):
        return outward
    if v == (0.0, 0.0):
        return 1 - outward
    return 0.5


def _limits(
    pos: dict[Node, Point], segments: list[Segment]
) -> tuple[tuple[float, float], tuple[float, float]]:
    """Axis limits that hold every node and the middle of every arc, with room for labels.

    Set explicitly: networkx's curved edge labels are placed at draw time, and matplotlib's
    autoscaling can mistake a label's provisional position for data far off the picture."""
    xs = [x for x, _ in pos.values()]
    ys = [y for _, y in pos.values()]
    for segment in segments:
        (ux, uy), (vx, vy) = pos[segment.u], pos[segment.v]
        # arc3 puts the control point at rad x the chord, perpendicular to it, from the
        # middle; the curve passes half-way there.
        xs.append((ux + vx) / 2 + segment.rad * (vy - uy) / 2)
        ys.append((uy + vy) / 2 - segment.rad * (vx - ux) / 2)
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    pad = 0.12 * max(width, height, 1.0)
    return (min(xs) - pad, max(xs) + pad), (min(ys) - pad, max(ys) + pad)
