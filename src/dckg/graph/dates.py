"""Dates at the precision the source gave.

An instant stores the first moment of what the source names (2020-04-01T00:00:00Z
for "April 2020") plus a precision. Printing it back must not invent a day, so
the build gives every instant an ``rdfs:label`` such as ``2020-04``, and queries
show that label.
"""

from __future__ import annotations

import re
from datetime import datetime

import pyoxigraph as ox

from dckg import namespaces as ns
from dckg.layout import query_path

#: The word printed before an instant's date for each hedge or bound. The bounds
#: (dckv:no-later-than, before, no-earlier-than) keep the period's first moment as
#: the instant's value, like every instant, so date comparisons in queries work
#: unchanged; the label says how to read it: ``by 2016``, ``before 2021-10-18``.
QUALIFIER_WORDS = {
    ns.DCKV + "early": "early",
    ns.DCKV + "mid": "mid",
    ns.DCKV + "late": "late",
    ns.DCKV + "about": "about",
    ns.DCKV + "no-later-than": "by",
    ns.DCKV + "before": "before",
    ns.DCKV + "no-earlier-than": "from",
}


def format_at_precision(value: datetime, precision: str | None) -> str:
    """``value`` cut to ``precision``: 2020, 2020-04, 2020-04-01, 2021-W40, 1990s."""
    if precision == ns.TIME + "unitYear":
        return f"{value.year:04d}"
    if precision == ns.TIME + "unitMonth":
        return f"{value.year:04d}-{value.month:02d}"
    if precision == ns.TIME + "unitWeek":
        year, week, _ = value.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if precision == ns.DCKG + "unitDecade":
        return f"{value.year // 10 * 10:04d}s"
    return value.strftime("%Y-%m-%d")


def instant_label(value: datetime, precision: str | None, qualifier: str | None) -> str:
    """The label shown for an instant, hedge first: ``late 2021-09``."""
    text = format_at_precision(value, precision)
    word = QUALIFIER_WORDS.get(qualifier) if qualifier is not None else None
    return f"{word} {text}" if word else text


Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple

_XSD_DATETIME = re.compile(r"^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$")


def xsd_datetime(term: Term | None) -> datetime | None:
    """The value of a valid ``xsd:dateTime`` literal, else None."""
    if not isinstance(term, ox.Literal) or term.datatype.value != ns.XSD + "dateTime":
        return None
    if not _XSD_DATETIME.match(term.value):
        return None
    try:
        return datetime.fromisoformat(term.value)
    except ValueError:
        return None


def derived_labels(store: ox.Store) -> list[ox.Quad]:
    """Quads in the ``derived`` graph labelling every instant that has a valid date and
    no label yet.

    One query over the default graph, which holds the union of the inputs; where an
    instant has several values, the first in N-Triples order is used.
    """
    text = query_path("build/unlabelled-instants.rq").read_text(encoding="utf-8")
    found: dict[Term, tuple[set[Term], set[Term], set[Term]]] = {}
    result = store.query(text)
    assert isinstance(result, ox.QuerySolutions)
    for row in result:
        values = found.setdefault(row["instant"], (set(), set(), set()))
        for kept, name in zip(values, ("value", "unit", "hedge"), strict=True):
            term = row[name]
            if term is not None:
                kept.add(term)

    derived = ox.NamedNode(ns.DERIVED_GRAPH)
    label = ox.NamedNode(ns.RDFS + "label")
    out = []
    for instant in sorted(found, key=str):
        value, unit, hedge = (min(terms, key=str) if terms else None for terms in found[instant])
        moment = xsd_datetime(value)
        if moment is None or not isinstance(instant, ox.NamedNode | ox.BlankNode):
            continue  # ill-typed: the shapes and violation queries report it
        text = instant_label(moment, _iri(unit), _iri(hedge))
        out.append(ox.Quad(instant, label, ox.Literal(text), derived))
    return out


def _iri(term: Term | None) -> str | None:
    return term.value if isinstance(term, ox.NamedNode) else None
