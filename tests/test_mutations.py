"""Mutation tests: break the real curated files in ways no fixture was written for.

Each mutation takes one of the repository's own ``kg/sources/*.ttl`` files as it
stands, changes it programmatically (as RDF, not as text, so it keeps working as
the files grow), and validates the result as a replacement of the original. The
mutated file must be refused, with a Violation on the node that was changed and
a message that says what to fix. The target of each mutation is picked from the
data (the first match in a stable order), not named here.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from dckg.graph.rdf import DCKG, DCKI, DCKT, DCKV, OA, TIME
from dckg.layout import Layout
from dckg.validation.report import ValidationReport
from dckg.validation.validate import validate_files

# Spelled out: pytest's collection probes module globals, and rdflib's XSD namespace
# object warns about every attribute it does not define.
STAMP = URIRef("http://www.w3.org/2001/XMLSchema#dateTimeStamp")


@dataclass(frozen=True)
class Mutation:
    """Change ``graph`` in place; return the node that must be reported."""

    apply: Callable[[Graph], Node]
    path: str | None
    message: str


def _first(graph: Graph, triples: object) -> tuple[Node, Node, Node]:
    found = sorted(triples, key=lambda t: tuple(str(x) for x in t))  # type: ignore[call-overload]
    assert found, "nothing in the curated files to mutate"
    return found[0]  # type: ignore[no-any-return]


def _own(graph: Graph, node: Node) -> URIRef:
    """Rename ``node`` to an IRI no other file uses.

    Statements several articles share are repeated in each article's file; for a
    mutation that *removes* something from one, the other files would still supply
    it, so the statement is made this file's own first.
    """
    fresh = URIRef(f"{node}-mutated")
    for s, p, o in list(graph):
        if node in (s, o):
            graph.remove((s, p, o))
            graph.add((fresh if s == node else s, p, fresh if o == node else o))
    return fresh


def strip_provenance(graph: Graph) -> Node:
    """Remove every dckg:hasReference: every statement loses its sources."""
    statement, _, _ = _first(graph, graph.triples((None, RDF.type, DCKG.StatusStatement)))
    statement = _own(graph, statement)
    graph.remove((None, DCKG.hasReference, None))
    return statement


def drop_quote(graph: Graph) -> Node:
    """Remove the selector from one reference."""
    ref, _, _ = _first(graph, graph.triples((None, OA.hasSelector, None)))
    graph.remove((ref, OA.hasSelector, None))
    return ref


def impossible_date(graph: Graph) -> Node:
    """30 February."""
    instant, p, _ = _first(graph, graph.triples((None, TIME.inXSDDateTimeStamp, None)))
    graph.set((instant, p, Literal("2021-02-30T00:00:00Z", datatype=STAMP)))
    return instant


def date_without_zone(graph: Graph) -> Node:
    instant, p, old = _first(graph, graph.triples((None, TIME.inXSDDateTimeStamp, None)))
    local = re.sub(r"(Z|[+-][0-9]{2}:[0-9]{2})$", "", str(old))
    graph.set((instant, p, Literal(local, datatype=STAMP)))
    return instant


def unknown_status(graph: Graph) -> Node:
    statement, _, _ = _first(graph, graph.triples((None, DCKG.status, None)))
    graph.set((statement, DCKG.status, DCKV["reopened"]))
    return statement


def misspelt_property(graph: Graph) -> Node:
    statement, _, channel = _first(graph, graph.triples((None, DCKG.channel, None)))
    graph.remove((statement, DCKG.channel, channel))
    graph.add((statement, DCKG["chanel"], channel))
    return statement


def misspelt_class(graph: Graph) -> Node:
    statement, _, _ = _first(graph, graph.triples((None, RDF.type, DCKG.Event)))
    graph.set((statement, RDF.type, DCKG["Evnt"]))
    return statement


def unknown_channel(graph: Graph) -> Node:
    statement, _, _ = _first(graph, graph.triples((None, DCKG.channel, None)))
    graph.set((statement, DCKG.channel, DCKI["channel-that-exists-nowhere"]))
    return statement


def end_before_begin(graph: Graph) -> Node:
    interval, _, _ = _first(
        graph,
        (
            t
            for t in graph.triples((None, TIME.hasBeginning, None))
            if (t[0], TIME.hasEnd, None) not in graph
        ),
    )
    graph.add((DCKT["1900"], RDF.type, TIME.Instant))
    graph.add(
        (DCKT["1900"], TIME.inXSDDateTimeStamp, Literal("1900-01-01T00:00:00Z", datatype=STAMP))
    )
    graph.add((DCKT["1900"], DCKG.precision, TIME.unitYear))
    graph.add((interval, TIME.hasEnd, DCKT["1900"]))
    return interval


def no_time(graph: Graph) -> Node:
    statement, _, _ = _first(graph, graph.triples((None, RDF.type, DCKG.StatusStatement)))
    statement = _own(graph, statement)
    graph.remove((statement, DCKG.asOf, None))
    graph.remove((statement, DCKG.validDuring, None))
    return statement


def unknown_article(graph: Graph) -> Node:
    ref, _, _ = _first(graph, graph.triples((None, OA.hasSource, None)))
    graph.set((ref, OA.hasSource, DCKI["article-nowhere"]))
    return ref


def preferred_without_reason(graph: Graph) -> Node:
    statement, _, _ = _first(graph, graph.triples((None, DCKG.rank, DCKV.preferred)))
    statement = _own(graph, statement)
    graph.remove((statement, DCKG.rankReason, None))
    return statement


def redefine_term(graph: Graph) -> Node:
    graph.add(
        (
            DCKG.StatusStatement,
            URIRef("http://www.w3.org/2000/01/rdf-schema#subClassOf"),
            DCKG.Event,
        )
    )
    return DCKG.StatusStatement


MUTATIONS: dict[str, Mutation] = {
    "strip-provenance": Mutation(strip_provenance, "dckg:hasReference", "at least one reference"),
    "drop-quote": Mutation(drop_quote, "oa:hasSelector", "the exact words"),
    "impossible-date": Mutation(
        impossible_date, "time:inXSDDateTimeStamp", "valid xsd:dateTimeStamp"
    ),
    "date-without-zone": Mutation(date_without_zone, "time:inXSDDateTimeStamp", "with a zone"),
    "unknown-status": Mutation(unknown_status, "dckg:status", "dckv:channel-status"),
    "misspelt-property": Mutation(misspelt_property, "dckg:chanel", "check the property"),
    "misspelt-class": Mutation(misspelt_class, "rdf:type", "Unknown class"),
    "unknown-channel": Mutation(unknown_channel, "dckg:channel", "declared in kg/entities.ttl"),
    "end-before-begin": Mutation(end_before_begin, None, "ends before it begins"),
    "status-without-time": Mutation(no_time, None, "Say when the status holds"),
    "unknown-article": Mutation(unknown_article, "oa:hasSource", "a dckg:Article"),
    "preferred-without-reason": Mutation(preferred_without_reason, None, "dckg:rankReason"),
    "redefine-ontology-term": Mutation(redefine_term, "rdfs:subClassOf", "ontology term"),
}


def _source_with(layout: Layout, needed: Callable[[Graph], bool]) -> tuple[Path, Graph]:
    """The first curated file (in name order) the mutation can apply to."""
    for path in layout.source_files():
        graph = Graph().parse(path)
        if needed(graph):
            return path, graph
    pytest.fail("no curated file has what this mutation needs")


def _applicable(mutation: Mutation) -> Callable[[Graph], bool]:
    def check(graph: Graph) -> bool:
        try:
            mutation.apply(_copy(graph))
        except AssertionError:
            return False
        return True

    return check


def _copy(graph: Graph) -> Graph:
    out = Graph()
    for triple in graph:
        out.add(triple)
    return out


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_mutation_is_refused_with_a_useful_message(
    name: str, layout: Layout, tmp_path: Path
) -> None:
    mutation = MUTATIONS[name]
    source, graph = _source_with(layout, _applicable(mutation))
    target = mutation.apply(graph)
    mutated = tmp_path / source.name  # same name: validated as a replacement of the original
    graph.serialize(mutated, format="turtle")
    report = validate_files([mutated], layout)
    assert not report.conforms
    _assert_reported(report, target, mutation)


def _assert_reported(report: ValidationReport, target: Node, mutation: Mutation) -> None:
    def same_node(focus: Node) -> bool:
        if isinstance(target, BNode):
            return isinstance(focus, BNode)  # blank-node labels change on serialisation
        return focus == target

    hits = [
        r
        for r in report.violations
        if same_node(r.focus) and r.path == mutation.path and mutation.message in r.message
    ]
    assert hits, (
        f"expected a Violation on {target} {mutation.path} '{mutation.message}', got:\n"
        + ("\n".join(r.line() for r in report.violations))
    )


def test_removing_a_party_is_refused_where_the_channel_is_used(
    layout: Layout, tmp_path: Path
) -> None:
    """Channels live in kg/entities.ttl: take a party away there, and a curated file
    that touches the channel (attests it) no longer validates."""
    kg = tmp_path / "kg"
    shutil.copytree(layout.root, kg, ignore=shutil.ignore_patterns("store", ".*"))
    entities = Graph().parse(kg / "entities.ttl")
    sources = {p: Graph().parse(p) for p in Layout(kg).source_files()}
    used = {s for g in sources.values() for s in g.subjects(DCKG.attestedBy, None)}
    channel, _, party = _first(
        entities,
        (t for t in entities.triples((None, DCKG.hostedBy, None)) if t[0] in used),
    )
    entities.remove((channel, DCKG.hostedBy, party))
    entities.serialize(kg / "entities.ttl", format="turtle")
    source = next(p for p, g in sources.items() if (channel, DCKG.attestedBy, None) in g)
    report = validate_files([source], Layout(kg))
    assert any(
        r.focus == channel
        and r.path == "dckg:hasParty|dckg:sentBy|dckg:hostedBy"
        and "at least two parties" in r.message
        for r in report.violations
    ), [r.line() for r in report.violations]


def test_a_stripped_copy_under_a_new_name_is_refused_and_not_added(
    kg_copy: Layout, tmp_path: Path
) -> None:
    """The curated file's own references are in the graph the copy joins; the copy
    must still be refused for carrying none of its own (and for orphaned references)."""
    from click.testing import CliRunner

    from dckg.cli import main

    source = kg_copy.source_files()[-1]
    graph = Graph().parse(source)
    graph.remove((None, DCKG.hasReference, None))
    copy = tmp_path / f"copy-of-{source.name}"
    graph.serialize(copy, format="turtle")
    before = {p: p.read_bytes() for p in sorted(kg_copy.root.rglob("*")) if p.is_file()}
    for command in ("validate", "add"):
        result = CliRunner().invoke(main, [command, "--kg", str(kg_copy.root), str(copy)])
        assert result.exit_code == 1, result.output
        assert "dckg:hasReference: Every statement needs at least one reference" in result.output
        assert "This reference supports nothing" in result.output
    after = {p: p.read_bytes() for p in sorted(kg_copy.root.rglob("*")) if p.is_file()}
    assert after == before
