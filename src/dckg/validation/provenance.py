"""Each article file carries its own provenance (CURATION.md, rule 3).

A statement several articles make is one node, repeated in each article's file
with that article's reference, so that every file describes its claims on its
own and says where it read them. The shapes see the new files merged (and the
existing graph's references are left out of their neighbourhood), so when
several files are validated together one file's reference would satisfy "at
least one reference" for a statement another file restates without one. This
check looks at each new file alone: every statement it states (any triple with
the statement as subject, bar a symmetric link to one of the file's own
statements) needs a ``dckg:hasReference`` in that same file.
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


def statement_classes(ontology: Graph) -> set[Node]:
    """dckg:Statement and every class below it."""
    return {c for c in ontology.transitive_subjects(RDFS.subClassOf, DCKG.Statement) if c}


#: Links that are the same fact whichever end states them: ``a sameEventAs b`` in a
#: file whose own event ``b`` carries its reference needs no second reference on ``a``.
SYMMETRIC_LINKS = frozenset({DCKG.sameEventAs})


def check_own_references(
    files: Mapping[Path, Graph], data: Graph, classes: set[Node]
) -> Iterator[tuple[Path, URIRef]]:
    """(file, statement) for every statement a file states without its own reference."""
    for path, graph in files.items():
        stated = {s for s, p, _ in graph if isinstance(s, URIRef) and p not in SYMMETRIC_LINKS}
        for subject in sorted(stated, key=str):
            if (subject, DCKG.hasReference, None) in graph:
                continue
            if any(t in classes for t in data.objects(subject, RDF.type)):
                yield path, subject
