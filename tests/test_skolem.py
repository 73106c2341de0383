"""Stable IRIs for the curators' blank nodes (dckg.graph.skolem).

An IRI depends on the node's description and its path from the nearest named node:
not on blank-node labels, the order of the file, or unrelated triples.
"""

from __future__ import annotations

import difflib
import random
import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from dckg import namespaces as ns
from dckg.curate.build import build
from dckg.graph.skolem import blank_node_rows, is_skolem, name_blank_nodes, skolemise
from dckg.layout import Layout

PREFIXES = "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in ns.PREFIXES.items())
GRAPH = ox.NamedNode(ns.GRAPH + "source/test")


def store_of(text: str, fmt: ox.RdfFormat = ox.RdfFormat.TURTLE) -> ox.Store:
    store = ox.Store()
    data = (PREFIXES + text) if fmt == ox.RdfFormat.TURTLE else text
    store.load(data.encode(), format=fmt, to_graph=GRAPH)
    return store


def skolemised(store: ox.Store) -> set[str]:
    """The store's quads after skolemisation, as N-Quads lines."""
    skolemise(store)
    return {str(q) for q in store}


def shuffled(store: ox.Store, seed: int) -> str:
    """The store's triples as N-Triples in a random order, blank nodes relabelled."""
    rng = random.Random(seed)
    labels: dict[str, str] = {}

    def term(t: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> str:
        if isinstance(t, ox.BlankNode):
            return "_:" + labels.setdefault(t.value, f"r{rng.randrange(10**9)}x{len(labels)}")
        return str(t)

    lines = [f"{term(q.subject)} {q.predicate} {term(q.object)} ." for q in store]
    rng.shuffle(lines)
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def source(layout: Layout) -> str:
    return (layout.sources_dir / "002-rusi-pszczel.ttl").read_text(encoding="utf-8")


def test_every_blank_node_becomes_an_iri(source: str) -> None:
    store = store_of(source)
    blank = len({q.object for q in store if isinstance(q.object, ox.BlankNode)})
    after = skolemised(store_of(source))
    assert blank > 100
    assert not any("_:" in line.split('"')[0] for line in after)
    named = {q.subject.value for q in store_of(source)}
    made = {line.split(" ")[0][1:-1] for line in after} - named
    assert made and all(is_skolem(iri) for iri in made)


def test_iris_ignore_labels_and_order(source: str) -> None:
    """The same file, its triples shuffled and its blank nodes relabelled: same IRIs."""
    expected = skolemised(store_of(source))
    for seed in (1, 2):
        text = shuffled(store_of(source), seed)
        assert skolemised(store_of(text, ox.RdfFormat.N_TRIPLES)) == expected


def test_an_unrelated_triple_changes_no_other_iri(source: str) -> None:
    """A new reference, a new triple on a named node and a note on one reference: only
    that reference and its selector get new IRIs."""
    before = {line.split(" ")[0] for line in skolemised(store_of(source))}
    note = "dcki:russia dckg:attestedBy [ a dckg:Reference ;"
    assert source.count(note) == 1
    changed = source.replace(note, note + ' dckg:curatorNote "new" ;')
    changed += (
        "dcki:nato dckg:attestedBy [ a dckg:Reference ; oa:hasSource dcki:article-rusi-pszczel ;"
        ' oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact "new words" ] ] .\n'
        'dcki:nato dckg:genre "new" .\n'
    )
    after = {line.split(" ")[0] for line in skolemised(store_of(changed))}
    gone = {iri for iri in before - after if is_skolem(iri[1:-1])}
    new = {iri for iri in after - before if is_skolem(iri[1:-1])}
    assert len(gone) == 2 and all("/russia/article-rusi-pszczel-" in iri for iri in gone)
    assert len(new) == 4  # the noted reference and its selector; the new ones on nato
    assert sum("/nato/article-rusi-pszczel-" in iri for iri in new) == 2


def test_names_are_readable() -> None:
    store = store_of(
        "dcki:st-x dckg:validDuring [ a time:Interval ; time:hasBeginning dckt:2001 ] ;"
        " dckg:hasReference [ a dckg:Reference ; oa:hasSource dcki:article-a ;"
        '   oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact "words" ] ] ;'
        " time:hasDuration [ a time:Duration ; time:numericDuration 2.0 ;"
        "   time:unitType time:unitYear ] .\n"
        '[ a dckg:Quote ; dckg:says "x" ] .\n'
    )
    text = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=GRAPH) or b""
    rows, _ = blank_node_rows(text.split(b"\n")[:-1], GRAPH.value)
    iris, parents = name_blank_nodes(rows)
    got = sorted(re.sub("-?[0-9a-f]{8}$", "", iri.removeprefix(ns.DCKI)) for iri in iris.values())
    assert got == [
        "duration/st-x/2-unitYear",
        "interval/st-x/2001--..",  # no end
        "quote/test/",  # a node nothing points at: its file
        "ref/st-x/article-a",
        "sel/st-x/article-a",
    ]
    ref = next(i for i in iris.values() if "/ref/" in i)
    sel = next(i for i in iris.values() if "/sel/" in i)
    assert parents[sel] == ref and parents[ref] == ns.DCKI + "st-x"


def test_same_description_same_owner_is_one_node_across_files() -> None:
    """The same interval on the same statement in two files is one node; on two
    statements, two."""
    text = "dcki:{s} dckg:validDuring [ a time:Interval ; time:hasBeginning dckt:2001 ] .\n"
    store = ox.Store()
    for name, subject in (("a", "st-x"), ("b", "st-x"), ("c", "st-y")):
        data = (PREFIXES + text.format(s=subject)).encode()
        store.load(data, format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(ns.GRAPH + name))
    skolemise(store)
    intervals = {q.object.value for q in store if q.predicate.value == ns.DCKG + "validDuring"}
    assert len(intervals) == 2


def test_cycles_and_shared_nodes_are_named_whatever_the_labels() -> None:
    """Blank nodes never written with [ ]: a cycle, a node with two parents."""
    text = (
        '_:{a} <p:p> _:{b} .\n_:{b} <p:p> _:{a} .\n_:{a} <p:q> "1" .\n_:{b} <p:q> "2" .\n'
        "<s:s> <p:p> _:{c} .\n<s:t> <p:p> _:{c} .\n_:{c} <p:q> _:{d} .\n"
    )
    results = set()
    for names in ("abcd", "dcba", "bdac"):
        data = text.format(**dict(zip("abcd", names, strict=True)))
        results.add(frozenset(skolemised(store_of(data, ox.RdfFormat.N_TRIPLES))))
    assert len(results) == 1
    (lines,) = results
    assert len(lines) == 7 and not any("_:" in line for line in lines)


def test_the_built_graph_has_no_blank_node_outside_the_ontology(built: Layout) -> None:
    """Outside OWL's own axioms: the derived owl:AllDifferent over the instants is an
    axiom, and OWL writes its member list with blank nodes."""
    store = ox.Store()
    store.bulk_load(path=str(built.trig), format=ox.RdfFormat.TRIG)
    ontology = ox.NamedNode(ns.ONTOLOGY_GRAPH)
    axiom_parts = {ns.OWL + "distinctMembers", ns.RDF + "first", ns.RDF + "rest"}
    blank = [
        q
        for q in store
        if q.graph_name != ontology
        and q.predicate.value not in axiom_parts
        and q.object != ox.NamedNode(ns.OWL + "AllDifferent")
        and (isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode))
    ]
    assert blank == []


def test_adding_a_reference_changes_few_lines_of_the_trig(kg_copy: Layout) -> None:
    """The scale issue's stable diffs: one new reference is a few new lines, not a
    renumbering of every blank node after it."""
    before = kg_copy.trig.read_text(encoding="utf-8").splitlines()
    source = kg_copy.sources_dir / "002-rusi-pszczel.ttl"
    source.write_text(
        source.read_text(encoding="utf-8")
        + "dcki:nato dckg:attestedBy [ a dckg:Reference ; oa:hasSource"
        " dcki:article-rusi-pszczel ; oa:hasSelector [ a oa:TextQuoteSelector ;"
        ' oa:exact "Russia\u2013NATO Relations" ] ] .\n',
        encoding="utf-8",
    )
    build(kg_copy)
    after = kg_copy.trig.read_text(encoding="utf-8").splitlines()
    changed = [
        line
        for line in difflib.unified_diff(before, after, n=0, lineterm="")
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert 0 < len(changed) <= 40, "\n".join(changed)


def test_validation_follows_the_named_nodes_like_blank_ones(built: Layout) -> None:
    """The neighbourhood of an existing statement still reaches its interval's instants."""
    from rdflib import URIRef

    from dckg.validation.neighbourhood import neighbourhood, open_existing

    statement = URIRef(ns.DCKI + "st-nio-closed-2021-10-29")
    around = neighbourhood(open_existing(built), [statement])
    (interval,) = around.objects(statement, URIRef(ns.DCKG + "validDuring"))
    assert is_skolem(str(interval))
    (begin,) = around.objects(interval, URIRef(ns.TIME + "hasBeginning"))
    assert list(around.objects(begin, URIRef(ns.TIME + "inXSDDateTimeStamp")))


def test_is_skolem_tells_build_names_from_curated_ones() -> None:
    assert is_skolem(ns.DCKI + "ref/nato/article-dw-0123abcd")
    assert is_skolem(ns.DCKI + "interval/st-x/2001--..-0123abcd")
    assert not is_skolem(ns.DCKI + "nato")
    assert not is_skolem(ns.DCKT + "2021-10")
    assert not is_skolem(str(Path("x")))
