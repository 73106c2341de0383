"""Tooltips and classes for shapes in a matplotlib SVG.

matplotlib writes an artist with a ``gid`` as ``<g id="gid">…</g>`` but has no
way to give it a ``<title>`` (the SVG tooltip) or a ``class``. The usual way,
matplotlib's own "SVG Tooltip" gallery example, is to give each artist a gid and
add the rest afterwards with ``xml.etree``: that is what this module does, so
every band, marker and edge carries its sources as a tooltip and its status as
a CSS class. ``Notes`` is the first half (the gids and what they say, gathered
while drawing), ``annotate_svg`` the second.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.artist import Artist

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"

# Hovering a shape with a tooltip outlines it, so a reader sees what the tooltip is about.
HOVER_CSS = "g.dckg:hover { filter: drop-shadow(0 0 2px #000); }"


@dataclass(frozen=True)
class Note:
    """What one shape tells a reader: its CSS classes and its tooltip text."""

    classes: tuple[str, ...]
    title: str


class Notes(dict[str, Note]):
    """The note of every shape drawn so far, by gid; the artists get the gid as they are noted."""

    def tag(self, gid: str, note: Note, *artists: Artist) -> None:
        """Give ``artists`` the id ``gid`` and ``note`` as their tooltip and classes."""
        for artist in artists:
            artist.set_gid(gid)
        self[gid] = note

    def tag_each(self, prefix: str, note: Note, artists: Iterable[Artist]) -> None:
        """One id per artist, ``prefix-0``, ``prefix-1``…, all with the same ``note``."""
        for i, artist in enumerate(artists):
            self.tag(f"{prefix}-{i}", note, artist)


def annotate_svg(data: bytes, notes: Mapping[str, Note]) -> bytes:
    """``data`` with a ``<title>`` and ``class`` on each group whose id is in ``notes``."""
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    root = ET.fromstring(data)
    found: set[str] = set()
    for group in root.iter(f"{{{SVG_NS}}}g"):
        gid = group.get("id")
        note = notes.get(gid) if gid is not None else None
        if note is None or gid is None:
            continue
        found.add(gid)
        group.set("class", " ".join(("dckg", *note.classes)))
        title = ET.Element(f"{{{SVG_NS}}}title")
        title.text = note.title
        group.insert(0, title)  # the SVG spec wants <title> first
    missing = sorted(set(notes) - found)
    if missing:
        raise RuntimeError(f"SVG lost the shapes {missing[:5]}: were they drawn outside the axes?")
    style = ET.Element(f"{{{SVG_NS}}}style", {"type": "text/css"})
    style.text = HOVER_CSS
    root.insert(0, style)
    out: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return out + b"\n"
