"""Checking quotes against the article's text (``dckg validate --article FILE``).

A quote is good when ``oa:prefix + oa:exact + oa:suffix`` occurs in the article
exactly once (CURATION.md, rule 2). Absent words refuse the file; words that
occur several times only warn, since the claim is still supported and the
curator only needs to add a prefix or suffix to pin the place down.

Which references a text belongs to is decided by the article's ``dckg:fileName``;
a file that declares one article without a matching file name gets the text too,
so a curator can check a draft before naming the file.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.namespace import RDF
from rdflib.term import Node

from dckg.errors import DckgError
from dckg.graph.loading import read_text
from dckg.graph.rdf import DCKG, OA


@dataclass(frozen=True)
class QuoteProblem:
    """A selector whose words are missing from, or not unique in, its article."""

    selector: Node
    severity: str
    message: str
    exact: str


def articles_for(texts: Sequence[Path], new: Graph, data: Graph) -> dict[Node, Path]:
    """Map each article node to the text file given for it."""
    declared = set(new.subjects(RDF.type, DCKG.Article))
    mapping: dict[Node, Path] = {}
    for path in texts:
        matches = set(data.subjects(DCKG.fileName, Literal(path.name)))
        if not matches and len(declared) == 1:
            matches = set(declared)
        if not matches:
            raise DckgError(
                f'{path}: no article has dckg:fileName "{path.name}"; give the article '
                "that name, or pass the article's own text file"
            )
        for article in matches:
            mapping[article] = path
    return mapping


def check_quotes(texts: Sequence[Path], new: Graph, data: Graph) -> Iterator[QuoteProblem]:
    """Every selector in ``new`` whose article text was given, checked against it."""
    mapping = articles_for(texts, new, data)
    contents = {path: read_text(path) for path in set(mapping.values())}
    for reference, article in sorted(new.subject_objects(OA.hasSource), key=str):
        path = mapping.get(article)
        if path is None:
            continue
        text = contents[path]
        for selector in new.objects(reference, OA.hasSelector):
            exact = new.value(selector, OA.exact)
            if exact is None:
                continue  # the shapes report a selector without oa:exact
            yield from _check(selector, str(exact), new, text, path)


def _check(selector: Node, exact: str, new: Graph, text: str, path: Path) -> Iterator[QuoteProblem]:
    prefix = str(new.value(selector, OA.prefix) or "")
    suffix = str(new.value(selector, OA.suffix) or "")
    found = text.count(prefix + exact + suffix)
    if found == 1:
        return
    if found == 0 and (prefix or suffix) and exact in text:
        yield QuoteProblem(
            selector,
            "Violation",
            f"oa:exact occurs in {path.name} but not with this oa:prefix/oa:suffix: copy the "
            "characters immediately before and after the quote verbatim",
            exact,
        )
    elif found == 0:
        yield QuoteProblem(
            selector,
            "Violation",
            f"The quote does not occur in {path.name}: copy the words verbatim (same curly "
            "quotes ’ “ ”, dashes – —, spelling and spacing)",  # noqa: RUF001
            exact,
        )
    else:
        yield QuoteProblem(
            selector,
            "Warning",
            f"The quote occurs {found} times in {path.name}: add oa:prefix and/or oa:suffix "
            "so that prefix+exact+suffix occurs once",
            exact,
        )
