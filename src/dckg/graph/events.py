"""What the build derives about events and instants, so queries and reasoners need not.

An event's date is either on the event (``dckg:occurredAt``, possibly at several
precisions) or, where the articles disagree, on ranked dating statements. Queries
should not each re-decide which one to show, so the build picks one per event, the
best-ranked claim at the narrowest precision (the earliest on a tie), and states it
as ``dckg:bestDate`` in the derived graph. And the instants are declared pairwise
different (``owl:AllDifferent``), so that an OWL reasoner reports a merge of two
instants (via a functional property, say) as an inconsistency, not a silent sameAs.
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


def all_different_instants(store: ox.Store) -> list[ox.Quad]:
    """One ``owl:AllDifferent`` over every named instant, in the ``derived`` graph."""
    text = query_path("build/named-instants.rq").read_text(encoding="utf-8")
    result = store.query(text)
    assert isinstance(result, ox.QuerySolutions)
    instants = [row["instant"] for row in result]
    if len(instants) < 2:
        return []
    graph = ox.NamedNode(ns.DERIVED_GRAPH)
    first, rest = ox.NamedNode(ns.RDF + "first"), ox.NamedNode(ns.RDF + "rest")
    cells = [ox.BlankNode() for _ in instants]
    head = ox.BlankNode()
    quads = [
        ox.Quad(head, ox.NamedNode(ns.RDF + "type"), ox.NamedNode(ns.OWL + "AllDifferent"), graph),
        ox.Quad(head, ox.NamedNode(ns.OWL + "distinctMembers"), cells[0], graph),
    ]
    for i, (cell, instant) in enumerate(zip(cells, instants, strict=True)):
        after = cells[i + 1] if i + 1 < len(cells) else ox.NamedNode(ns.RDF + "nil")
        quads += [ox.Quad(cell, first, instant, graph), ox.Quad(cell, rest, after, graph)]
    return quads
