"""The date each event is shown at, derived at build time.

An event's date is either on the event (``dckg:occurredAt``, possibly at several
precisions) or, where the articles disagree, on ranked dating statements. Queries
should not each re-decide which one to show, so the build picks one per event, the
best-ranked claim at the narrowest precision (the earliest on a tie), and states it
as ``dckg:bestDate`` in the derived graph.
"""

from __future__ import annotations

import pyoxigraph as ox

from dckg import namespaces as ns
from dckg.layout import query_path


def derived_event_dates(store: ox.Store) -> list[ox.Quad]:
    """One ``dckg:bestDate`` quad per dated event, in the ``derived`` graph."""
    text = query_path("build/event-dates.rq").read_text(encoding="utf-8")
    result = store.query(text)
    assert isinstance(result, ox.QuerySolutions)
    best: dict[ox.NamedNode, tuple[int, str, ox.NamedNode]] = {}
    for row in result:
        event, instant, score = row["event"], row["instant"], row["score"]
        if not isinstance(event, ox.NamedNode) or not isinstance(instant, ox.NamedNode):
            continue
        key = (-int(score.value), instant.value, instant)
        if event not in best or key < best[event]:
            best[event] = key
    predicate = ox.NamedNode(ns.DCKG + "bestDate")
    derived = ox.NamedNode(ns.DERIVED_GRAPH)
    return [
        ox.Quad(event, predicate, best[event][2], derived)
        for event in sorted(best, key=lambda node: node.value)
    ]
