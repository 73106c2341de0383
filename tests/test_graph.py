"""The five-article graph as a whole: provenance everywhere, quotes verbatim, nothing invented.

The competency tests (``test_competency_*.py``) pin single facts; these check
properties every statement must have, so a new article file is held to them too.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from dckg.graph.rdf import DCKG, DCKI, DCKV, DCTERMS, OA, TIME

ARTICLE_FILES = {
    "article-galeotti": "000_6ce806e75f8c3815.txt",
    "article-trenin": "001_8a124313fefe4e2f.txt",
    "article-rusi-pszczel": "002_880d8ad085b04e0a.txt",
    "article-eln": "003_e352c9a0eb4f4639.txt",
    "article-dw": "004_b6b7fc7d4381f04c.txt",
}


def quotes(graph: Graph) -> list[tuple[URIRef, str, str, str]]:
    """(article, prefix, exact, suffix) for every text quote selector in the graph."""
    found = []
    for ref, article in graph.subject_objects(OA.hasSource):
        for selector in graph.objects(ref, OA.hasSelector):
            exact = graph.value(selector, OA.exact)
            prefix = graph.value(selector, OA.prefix) or ""
            suffix = graph.value(selector, OA.suffix) or ""
            found.append((article, str(prefix), str(exact), str(suffix)))
    return found


def test_the_five_articles_and_their_files(graph: Graph) -> None:
    articles = set(graph.subjects(RDF.type, DCKG.Article))
    assert articles == {DCKI[slug] for slug in ARTICLE_FILES}
    for slug, name in ARTICLE_FILES.items():
        assert graph.value(DCKI[slug], DCKG.fileName) == Literal(name)


def test_every_quote_is_verbatim_and_unique_in_its_own_article(
    graph: Graph, articles_dir: Path
) -> None:
    texts = {
        DCKI[slug]: (articles_dir / name).read_text(encoding="utf-8")
        for slug, name in ARTICLE_FILES.items()
    }
    found = quotes(graph)
    assert len(found) > 500
    problems = []
    for article, prefix, exact, suffix in found:
        count = texts[article].count(prefix + exact + suffix)
        if not exact or count != 1:
            problems.append(f"{article}: {count}x {prefix!r}+{exact!r}+{suffix!r}")
    assert problems == []


@pytest.mark.parametrize(
    ("root", "link"), [(DCKG.Statement, DCKG.hasReference), (DCKG.Event, DCKG.attestedBy)]
)
def test_every_statement_and_event_cites_an_article_with_a_quote(
    graph: Graph, root: URIRef, link: URIRef
) -> None:
    """Every individual of every subclass of dckg:Statement (the ontology says which)
    has a reference, and every event an attestation, with an article and exact words."""
    kinds = set(graph.transitive_subjects(RDFS.subClassOf, root))
    statements = {s for kind in kinds for s in graph.subjects(RDF.type, kind)}
    assert len(statements) > 50
    unsourced = []
    for statement in statements:
        refs = list(graph.objects(statement, link))
        if not any(
            graph.value(ref, OA.hasSource) is not None
            and any(graph.value(sel, OA.exact) for sel in graph.objects(ref, OA.hasSelector))
            for ref in refs
        ):
            unsourced.append(statement)
    assert unsourced == []


@pytest.mark.parametrize(
    ("slug", "has_date", "has_publisher"),
    [
        ("article-galeotti", False, False),
        ("article-trenin", True, False),
        ("article-rusi-pszczel", False, True),
        ("article-eln", True, True),
        ("article-dw", True, True),
    ],
)
def test_article_metadata_only_where_the_text_states_it(
    graph: Graph, slug: str, has_date: bool, has_publisher: bool
) -> None:
    """The README of the articles lists what each text names; the graph says no more."""
    article = DCKI[slug]
    assert (graph.value(article, DCKG.publishedOn) is not None) == has_date
    assert (graph.value(article, DCTERMS.publisher) is not None) == has_publisher
    assert graph.value(article, DCTERMS.title) is not None
    assert graph.value(article, DCTERMS.creator) is not None


def test_a_fact_several_articles_state_has_one_reference_per_article(graph: Graph) -> None:
    """The Russian decision of 18 October is one event node, attested by all five articles."""
    decision = DCKI["ev-russia-decision-2021-10-18"]
    sources = {graph.value(ref, OA.hasSource) for ref in graph.objects(decision, DCKG.attestedBy)}
    assert sources == {DCKI[slug] for slug in ARTICLE_FILES}


def date_of(graph: Graph, node: URIRef, prop: URIRef = DCKG.occurredAt) -> tuple[str, str]:
    instant = graph.value(node, prop)
    value = graph.value(instant, TIME.inXSDDateTimeStamp)
    precision = graph.value(instant, DCKG.precision)
    return str(value), str(precision).rsplit("#", 1)[-1]


def test_hotline_last_used_april_2020_at_month_precision_per_dw(graph: Graph) -> None:
    call = DCKI["ev-hotline-call-2020-04"]
    assert (call, DCKG.affects, DCKI["saceur-cgs-hotline"]) in graph
    assert date_of(graph, call) == ("2020-04-01T00:00:00Z", "unitMonth")
    claim = graph.value(None, DCKG.lastUse, call)
    assert (claim, RDF.type, DCKG.LastUseStatement) in graph
    assert graph.value(claim, DCKG.channel) == DCKI["saceur-cgs-hotline"]
    assert graph.value(claim, DCKG.asOf) == DCKI["time/2021-10-19"]
    assert graph.value(claim, DCKG.accordingTo) == DCKI["nato"]
    sources = {graph.value(r, OA.hasSource) for r in graph.objects(claim, DCKG.hasReference)}
    assert sources == {DCKI["article-dw"]}


def test_information_office_established_2000_or_2001_by_different_sources(graph: Graph) -> None:
    """One establishment, two ranked dating statements, each with its own articles."""
    events = {
        e
        for e in graph.subjects(DCKG.eventType, URIRef("https://w3id.org/dckg/vocab/establishment"))
        if (e, DCKG.affects, DCKI["nato-information-office-moscow"]) in graph
    }
    assert events == {DCKI["ev-nio-establishment"]}
    claims = {}
    for dating in graph.subjects(DCKG.dateOf, DCKI["ev-nio-establishment"]):
        year = date_of(graph, dating)[0][:4]
        claims[year] = {
            graph.value(r, OA.hasSource) for r in graph.objects(dating, DCKG.hasReference)
        }
    assert set(claims) == {"2000", "2001"}
    assert graph.value(DCKI["date-nio-establishment-2001"], DCKG.rank) == DCKV.preferred
    assert DCKI["article-galeotti"] in claims["2000"]
    assert DCKI["article-rusi-pszczel"] in claims["2001"]
    assert not claims["2000"] & claims["2001"]


def test_nato_headquarters_closed_the_office_on_29_october_2021(graph: Graph) -> None:
    closures = [
        e
        for e in graph.subjects(DCKG.carriedOutBy, DCKI["nato-headquarters"])
        if (e, DCKG.affects, DCKI["nato-information-office-moscow"]) in graph
    ]
    assert len(closures) == 1
    assert date_of(graph, closures[0]) == ("2021-10-29T00:00:00Z", "unitDay")
