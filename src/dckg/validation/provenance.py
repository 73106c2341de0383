"""Each article file carries its own provenance (CURATION.md, rule 3).

A statement several articles make is one node, repeated in each article's file
with that article's reference, so that every file describes its claims on its
own and says where it read them; an event several articles report is likewise
one node that each file attests with its own words. The shapes see the new files
merged (and the existing graph's references are left out of their
neighbourhood), so when several files are validated together one file's
reference would satisfy "at least one reference" for a statement another file
restates without one. This check looks at each new file alone: every statement
it states (any triple with the statement as subject) needs a
``dckg:hasReference`` in that same file, and every event a ``dckg:attestedBy``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS
from rdflib.term import Node

from dckg.graph.rdf import DCKG

MESSAGE = (
    "This file states the statement but gives no reference for it: add this article's "
    "dckg:hasReference [ a dckg:Reference ; oa:hasSource ... ; oa:hasSelector ... ] here "
    "(each article file carries its own references, CURATION.md rule 3)"
)
EVENT_MESSAGE = (
    "This file describes the event but gives no words of its own for it: add this "
    "article's dckg:attestedBy [ a dckg:Reference ; oa:hasSource ... ; oa:hasSelector ... ] "
    "here (each article file carries its own references, CURATION.md rule 3)"
)


def statement_classes(ontology: Graph) -> set[Node]:
    """dckg:Statement and every class below it."""
    return {c for c in ontology.transitive_subjects(RDFS.subClassOf, DCKG.Statement) if c}


def event_classes(ontology: Graph) -> set[Node]:
    """dckg:Event and every class below it (dckg:Summit)."""
    return {c for c in ontology.transitive_subjects(RDFS.subClassOf, DCKG.Event) if c}


def check_own_references(
    files: Mapping[Path, Graph], data: Graph, ontology: Graph
) -> Iterator[tuple[Path, URIRef, URIRef]]:
    """(file, node, property) for every statement (event) a file states without its
    own ``dckg:hasReference`` (``dckg:attestedBy``)."""
    statements, events = statement_classes(ontology), event_classes(ontology)
    for path, graph in files.items():
        stated = {s for s in graph.subjects() if isinstance(s, URIRef)}
        for subject in sorted(stated, key=str):
            types = set(data.objects(subject, RDF.type))
            if types & events:
                link = DCKG.attestedBy
            elif types & statements:
                link = DCKG.hasReference
            else:
                continue
            if (subject, link, None) not in graph:
                yield path, subject, link
