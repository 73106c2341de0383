"""The label templates: one per class, and their syntax (see :mod:`dckg.graph.labels`).

A template is text with fields, ``{path:format}``, and optional parts, ``[...]``,
left out with their text when a field in them has no value:

- a path is properties as prefixed names, ``/`` between steps, ``|`` between
  alternatives (the first one with a value wins); ``@parent`` steps to the node a
  blank node hung off in its file (:mod:`dckg.graph.skolem`); ``@local`` is the IRI's
  local name; ``@when`` and ``@cite`` stand for :data:`MACROS`;
- a format is ``name`` (the default: the label, or the text of a literal), ``short``
  (the shortest ``skos:altLabel``/``hiddenLabel``, else the name), ``quote`` (the first
  words), ``cite`` (an article as its authors' surnames and its publisher) or
  ``units`` (a unit, plural unless the duration is 1).

Several values make a list ("a, b and c"; citations are joined with "; "). A node
whose label is made too is named in another's by its label without citations; one
without a value for a field outside ``[...]`` shows "?" there.
"""

# The templates print curly quotes and an en dash on purpose.
# ruff: noqa: RUF001

from __future__ import annotations

import re
from dataclasses import dataclass

from dckg import namespaces as ns

MACROS = {
    "@when": "dckg:validDuring/time:hasBeginning|dckg:asOf",
    "@cite": "dckg:hasReference/oa:hasSource|dckg:attestedBy/oa:hasSource:cite",
}

#: The label of each kind of individual.
TEMPLATES: dict[str, str] = {
    "dckg:Statement": "{rdf:type}[, {@when}][ ({@cite})]",
    "dckg:StatusStatement": "{dckg:channel:short}: {dckg:status}[, {@when}][ ({@cite})]",
    "dckg:CountStatement": (
        "{dckg:countOf:short}: {dckg:countKind}[ {dckg:countQualifier}] {dckg:count}"
        "[, {@when}][ ({@cite})]"
    ),
    "dckg:Affiliation": "{dckg:holder:short}: {dckg:organisation:short}[, {@when}][ ({@cite})]",
    "dckg:PostHolding": "{dckg:holder:short}: {dckg:post:short}[, {@when}][ ({@cite})]",
    "dckg:LocationStatement": "{dckg:channel:short}: in {dckg:place:short}[ ({@cite})]",
    "dckg:SeatStatement": (
        "{dckg:seatOf:short}: seat in {dckg:place|dckg:seatCountry:short}[ ({@cite})]"
    ),
    "dckg:NationalityStatement": (
        "{dckg:nationalityOf:short}: {dckg:nationality:short}[, {@when}][ ({@cite})]"
    ),
    "dckg:ReasonStatement": "{dckg:reasonGivenBy:short}: ‘{dckg:reason:quote}’[ ({@cite})]",
    "dckg:ChannelEffect": "{dckg:effectOn:short}: {dckg:effectType}[ ({@cite})]",
    "dckg:Event": (
        "{dckg:eventType}[ by {dckg:decidedBy|dckg:carriedOutBy|dckg:announcedBy:short}]"
        "[, {dckg:bestDate}][ ({@cite})]"
    ),
    "dckg:Article": "{dcterms:title|dckg:fileName}",
    "dckg:Reference": "quote: ‘{oa:hasSelector/oa:exact:quote}’[ ({oa:hasSource:cite})]",
    "oa:Selector": "text: ‘{oa:exact:quote}’[ ({@parent/oa:hasSource:cite})]",
    "time:Interval": "[{time:hasBeginning}] – [{time:hasEnd}]",
    "time:Duration": "{time:numericDuration|dckg:durationQualifier} {time:unitType:units}",
}
#: For an individual of a class no template covers.
FALLBACK = "{rdf:type} {@local}"
#: What ``cite`` reads of an article.
CREATOR, PUBLISHER = ns.DCTERMS + "creator", ns.DCTERMS + "publisher"
#: The number ``units`` reads to choose between "day" and "days".
NUMBER = ns.TIME + "numericDuration"
QUOTE_WORDS, QUOTE_CHARS = 6, 48
#: Classes whose ``rdfs:label`` the queries read as the name the sources give (a named
#: event, "ZAPAD-21"; "which exercises have names?"): a generated label must not pass
#: for one, so theirs is written as ``skos:prefLabel``.
NAMED_BY_SOURCES = ("dckg:Event",)

_FIELD = re.compile(r"\{([^{}]*)\}")
_PART = re.compile(r"\[([^\[\]]*)\]|([^\[\]]+)")
_FORMATS = ("name", "short", "quote", "cite", "units")
TYPE = ns.RDF + "type"


def expand(name: str) -> str:
    """A prefixed name (``dckg:channel``) as its IRI."""
    prefix, _, local = name.partition(":")
    return ns.PREFIXES[prefix] + local


@dataclass(frozen=True)
class Field:
    """One ``{...}`` of a template: alternative paths (each a tuple of steps) and a format."""

    paths: tuple[tuple[str, ...], ...]
    format: str

    @classmethod
    def parse(cls, text: str) -> Field:
        text = "|".join(MACROS.get(alt, alt) for alt in text.split("|"))
        body, _, fmt = text.rpartition(":")
        if fmt not in _FORMATS:
            body, fmt = text, "name"
        paths = tuple(
            tuple(s if s.startswith("@") else expand(s) for s in alt.split("/"))
            for alt in body.split("|")
        )
        return cls(paths, fmt)


Part = tuple[bool, list[str | Field]]  # (optional, text and fields)


def parse(template: str) -> list[Part]:
    """A template as its parts (see the module docstring)."""
    parts: list[Part] = []
    for optional, plain in _PART.findall(template):
        text = optional or plain
        pieces: list[str | Field] = []
        at = 0
        for match in _FIELD.finditer(text):
            pieces += [text[at : match.start()], Field.parse(match.group(1))]
            at = match.end()
        pieces.append(text[at:])
        parts.append((bool(optional), [p for p in pieces if p != ""]))
    return parts


def properties() -> list[str]:
    """Every property a template reads, rdf:type and what ``cite`` and ``units`` read."""
    found = {TYPE, CREATOR, PUBLISHER, NUMBER}
    for template in [*TEMPLATES.values(), FALLBACK]:
        for _, pieces in parse(template):
            for piece in pieces:
                if isinstance(piece, Field):
                    found |= {s for path in piece.paths for s in path if not s.startswith("@")}
    return sorted(found)
