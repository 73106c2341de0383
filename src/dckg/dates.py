"""Dates at the precision the source gave.

An instant stores the first moment of what the source names (2020-04-01T00:00:00Z
for "April 2020") plus a precision. Printing it back must not invent a day, so
the build gives every instant an ``rdfs:label`` such as ``2020-04``, and queries
show that label.
"""

from __future__ import annotations

from datetime import datetime

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from dckg.namespaces import DCKG, DCKV, TIME

#: The word printed before an instant's date for each hedge or bound. The bounds
#: (dckv:no-later-than, before, no-earlier-than) keep the period's first moment as
#: the instant's value, like every instant, so date comparisons in queries work
#: unchanged; the label says how to read it: ``by 2016``, ``before 2021-10-18``.
QUALIFIER_WORDS = {
    DCKV.early: "early",
    DCKV.mid: "mid",
    DCKV.late: "late",
    DCKV.about: "about",
    DCKV["no-later-than"]: "by",
    DCKV.before: "before",
    DCKV["no-earlier-than"]: "from",
}


def format_at_precision(value: datetime, precision: URIRef | None) -> str:
    """``value`` cut to ``precision``: 2020, 2020-04, 2020-04-01, 2021-W40, 1990s."""
    if precision == TIME.unitYear:
        return f"{value.year:04d}"
    if precision == TIME.unitMonth:
        return f"{value.year:04d}-{value.month:02d}"
    if precision == TIME.unitWeek:
        year, week, _ = value.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if precision == DCKG.unitDecade:
        return f"{value.year // 10 * 10:04d}s"
    return value.strftime("%Y-%m-%d")


def instant_label(value: datetime, precision: URIRef | None, qualifier: URIRef | None) -> str:
    """The label shown for an instant, hedge first: ``late 2021-09``."""
    text = format_at_precision(value, precision)
    word = QUALIFIER_WORDS.get(qualifier) if qualifier is not None else None
    return f"{word} {text}" if word else text


def label_instants(graph: Graph) -> Graph:
    """Labels for every instant in ``graph`` that has a valid date and no label yet."""
    labels = Graph()
    for instant in set(graph.subjects(RDF.type, TIME.Instant)):
        if graph.value(instant, RDFS.label) is not None:
            continue
        value = graph.value(instant, TIME.inXSDDateTime)
        if not isinstance(value, Literal) or not isinstance(value.value, datetime):
            continue  # ill-typed: the shapes and violation queries report it
        precision = graph.value(instant, DCKG.precision)
        qualifier = graph.value(instant, DCKG.dateQualifier)
        label = instant_label(
            value.value,
            precision if isinstance(precision, URIRef) else None,
            qualifier if isinstance(qualifier, URIRef) else None,
        )
        labels.add((instant, RDFS.label, Literal(label)))
    return labels
