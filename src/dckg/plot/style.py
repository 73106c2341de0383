"""How the pictures look: one colour per status, one marker per kind of event, fixed fonts,
and the legend under each picture naming the colours it used.

Colours are keyed by the status's label slug (``in force`` → ``in-force``), the
same slug that becomes the CSS class of its shapes in the SVG, so a reader, a
stylesheet and a test all see the same name. A status the ontology gains later
gets a colour from a spare palette instead of failing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.figure import Figure

STATUS_COLOURS: dict[str, str] = {
    "active": "#2e7d32",
    "in-force": "#66bb6a",
    "restricted": "#c0ca33",
    "dormant": "#90a4ae",
    "proposed": "#ba68c8",
    "suspended": "#ef6c00",
    "closed": "#c62828",
    "superseded": "#6d4c41",
}
SPARE_COLOURS = ("#1e88e5", "#00897b", "#f9a825", "#5e35b1", "#d81b60", "#546e7a")
UNKNOWN_COLOUR = "#cfd8dc"
PALE = 0.38  # the opacity of what is known only to the month or year
HATCH = "////"  # over a claim that is disputed and lower in rank

# Event kinds: (marker, colour, the event-type label slugs that belong to it).
EVENT_KINDS: dict[str, tuple[str, str, frozenset[str]]] = {
    "founded": ("^", "#1b5e20", frozenset({"establishment", "replacement"})),
    "cut": (
        "X",
        "#b71c1c",
        frozenset(
            {
                "suspension",
                "closure",
                "expulsion",
                "withdrawal-of-accreditation",
                "recall",
                "reduction-in-size",
                "reduction",
                "restriction",
                "idling",
            }
        ),
    ),
    "used": ("o", "#0d47a1", frozenset({"contact-or-use", "contact", "meeting"})),
    "other": ("D", "#424242", frozenset()),
}
EVENT_KIND_LABELS = {
    "founded": "event: established / replaced",
    "cut": "event: suspended, closed, expelled, cut",
    "used": "event: contact or meeting",
    "other": "event: announcement, proposal, other",
}

# Deterministic output: a fixed hash salt for SVG ids, no timestamps, and a font
# that ships with matplotlib so every machine lays text out the same way. Text
# stays text in the SVG (fonttype none) so labels can be searched and read.
RC_PARAMS: dict[str, Any] = {
    "svg.hashsalt": "dckg",
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 11,
    "hatch.linewidth": 0.8,
    "path.simplify": False,
}


def slug(label: str) -> str:
    """A label as a CSS-safe name: ``in force`` → ``in-force``."""
    return re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-") or "unnamed"


def status_colour(status: str, palette: dict[str, str] | None = None) -> str:
    """The colour of a status label; unknown statuses get stable spare colours via ``palette``."""
    key = slug(status)
    if key in STATUS_COLOURS:
        return STATUS_COLOURS[key]
    if palette is None:
        return UNKNOWN_COLOUR
    if key not in palette:
        palette[key] = SPARE_COLOURS[len(palette) % len(SPARE_COLOURS)]
    return palette[key]


@dataclass
class StatusKey:
    """The statuses a picture has coloured so far, for its legend, and their colours.

    Spare colours go to unknown statuses in the order they are first drawn, so one
    picture never gives two statuses the same spare colour."""

    palette: dict[str, str] = field(default_factory=dict)
    used: dict[str, str] = field(default_factory=dict)

    def colour(self, status: str) -> str:
        """The colour of ``status``, which the legend will now list."""
        colour = self.used[status] = status_colour(status, self.palette)
        return colour

    def entries(self) -> list[tuple[str, str]]:
        """(status, colour) for every status drawn, in the legend's order."""
        return sorted(self.used.items())


def add_legend(fig: Figure, handles: list[Artist], *, ncol: int, fontsize: float) -> None:
    """The legend, frameless under the picture (constrained layout makes room for it)."""
    fig.legend(
        handles=handles, loc="outside lower center", ncol=ncol, fontsize=fontsize, frameon=False
    )


def event_kind(types: set[str]) -> str:
    """The kind an event is drawn as: a cut outranks a founding, which outranks a use."""
    slugs = {slug(t) for t in types}
    for kind in ("cut", "founded", "used"):
        if slugs & EVENT_KINDS[kind][2]:
            return kind
    return "other"


@contextmanager
def drawing() -> Iterator[None]:
    """matplotlib on the Agg backend with the fixed style, restored afterwards."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    params: Any = RC_PARAMS  # matplotlib types the keys as a Literal of every rc name
    with matplotlib.rc_context(params):
        yield
