"""The ``*-violation`` gates fire on every kind of fault they name, with the same rows on
Oxigraph (what ``dckg build`` runs) and rdflib (``dckg query --engine rdflib``)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, URIRef

from dckg import namespaces as ns
from dckg.graph.assemble import load_file
from dckg.graph.dates import derived_dates
from dckg.graph.rdf import to_rdflib
from dckg.graph.store import add_union_default
from dckg.layout import Layout, ontology_path
from dckg.query.engine import OxigraphEngine, RdflibEngine
from dckg.query.gates import Violation, find_violations

FAULTS = """
@prefix dckg: <https://w3id.org/dckg/ontology#> .
@prefix dcki: <https://w3id.org/dckg/id/> .
@prefix dckv: <https://w3id.org/dckg/vocab/> .
@prefix oa:   <http://www.w3.org/ns/oa#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix time: <http://www.w3.org/2006/time#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .

dcki:art a dckg:Article .
dcki:h1 a dckg:Channel ; dckg:hasParty dcki:art , dcki:h2 .
dcki:h2 a dckg:Channel ; dckg:hasParty dcki:art .
dcki:h3 a dckg:Channel ; dckg:hasParty dcki:art , dcki:h1 .
dcki:good a dckg:Channel ; dckg:hasParty dcki:art , dcki:h1 ;
  dckg:hasReference [ a dckg:Reference ; oa:hasSource dcki:art ;
                      oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact "words" ] ] .
dcki:h1 dckg:hasReference dcki:r-nosource .
dcki:r-nosource a dckg:Reference ; oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact "x" ] .
dcki:h2 dckg:hasReference dcki:r-emptyquote .
dcki:r-emptyquote a dckg:Reference ; oa:hasSource dcki:art ;
  oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact "" ] .
dcki:h3 dckg:hasReference dcki:r-notarticle , dcki:r-noselector .
dcki:r-notarticle a dckg:Reference ; oa:hasSource dcki:h1 ;
  oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact "y" ] .
dcki:r-noselector a dckg:Reference ; oa:hasSource dcki:art .

dcki:st-ok a dckg:StatusStatement ; dckg:channel dcki:good ; dckg:asOf dcki:i-ok ;
  dckg:hasReference dcki:r-nosource .
dcki:st-untimed a dckg:StatusStatement ; dckg:channel dcki:good ;
  dckg:validDuring dcki:iv-open ; dckg:hasReference dcki:r-nosource .
dcki:iv-open a time:Interval .
dcki:st-unsourced a dckg:StatusStatement ; dckg:channel dcki:good ; dckg:asOf dcki:i-ok .
dcki:st-backwards a dckg:StatusStatement ; dckg:channel dcki:good ;
  dckg:validDuring dcki:iv-backwards ; dckg:hasReference dcki:r-nosource .
dcki:iv-backwards a time:Interval ; time:hasBeginning dcki:i-ok ; time:hasEnd dcki:i-early .

dcki:i-ok a time:Instant ; time:inXSDDateTimeStamp "2020-01-01T00:00:00Z"^^xsd:dateTimeStamp ;
  dckg:precision time:unitDay .
dcki:i-early a time:Instant ; time:inXSDDateTimeStamp "2019-01-01T00:00:00Z"^^xsd:dateTimeStamp ;
  dckg:precision time:unitDay .
dcki:st-ok dckg:asOf dcki:i-nodate , dcki:i-noprec , dcki:i-strdate , dcki:i-nothing .
dcki:i-nodate a time:Instant ; dckg:precision time:unitDay .
dcki:i-noprec a time:Instant ; time:inXSDDateTimeStamp "2020-01-01T00:00:00Z"^^xsd:dateTimeStamp .
dcki:i-strdate a time:Instant ; time:inXSDDateTimeStamp "2020" ; dckg:precision time:unitYear .
dcki:st-ok dckg:asOf dcki:i-nozone , dcki:i-feb30 .
dcki:i-nozone a time:Instant ; time:inXSDDateTimeStamp "2020-01-01T00:00:00"^^xsd:dateTimeStamp ;
  dckg:precision time:unitDay .
dcki:i-feb30 a time:Instant ; time:inXSDDateTimeStamp "2021-02-30T00:00:00Z"^^xsd:dateTimeStamp ;
  dckg:precision time:unitDay .
dcki:i-nothing a time:Instant .
dcki:st-ok dckg:status dcki:typo .
<https://w3id.org/dckg/id/time/1999> a time:Instant ; rdfs:label "1999" ;
  time:inXSDDateTimeStamp "1999-01-01T00:00:00Z"^^xsd:dateTimeStamp ,
    "1999-06-01T00:00:00Z"^^xsd:dateTimeStamp ;
  dckg:precision time:unitYear .
"""

ID = "https://w3id.org/dckg/id/"
EXPECTED = {
    ("channel-parties-violation", f"{ID}h2"),
    ("end-before-begin-violation", f"{ID}iv-backwards"),
    ("instant-conflict-violation", f"{ID}time/1999"),
    ("instant-violation", f"{ID}i-nodate"),
    ("instant-violation", f"{ID}i-noprec"),
    ("instant-violation", f"{ID}i-strdate"),
    ("instant-violation", f"{ID}i-nozone"),
    ("instant-violation", f"{ID}i-feb30"),
    ("reference-without-quote-violation", f"{ID}r-nosource"),
    ("reference-without-quote-violation", f"{ID}r-emptyquote"),
    ("reference-without-quote-violation", f"{ID}r-notarticle"),
    ("reference-without-quote-violation", f"{ID}r-noselector"),
    ("statement-without-reference-violation", f"{ID}st-unsourced"),
    ("status-without-time-violation", f"{ID}st-untimed"),
    ("untyped-individual-violation", f"{ID}typo"),
}


def _rows(violations: list[Violation]) -> set[tuple[str, str, str]]:
    """(query, the row's subject, its problem): other cells, such as dates, are printed
    differently by the two engines."""
    return {(v.query, v.row[_KEY[v.query]], v.row.get("problem", "")) for v in violations}


@pytest.fixture(scope="module")
def faults(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("faults") / "faults.ttl"
    path.write_text(FAULTS, encoding="utf-8")
    return path


def _store(path: Path) -> tuple[ox.Store, list[ox.Quad]]:
    """The ontology and ``path`` as the build assembles them, and what it derives."""
    store = ox.Store()
    load_file(store, ontology_path(), ns.ONTOLOGY_GRAPH)
    load_file(store, path, ns.ENTITIES_GRAPH)
    add_union_default(store)
    derived = derived_dates(store)
    store.extend(derived)
    store.extend(ox.Quad(q.subject, q.predicate, q.object) for q in derived)
    return store, derived


def test_every_gate_fires_on_oxigraph_and_rdflib_alike(faults: Path) -> None:
    store, derived = _store(faults)
    oxigraph = _rows(find_violations(OxigraphEngine(store)))
    dataset = Dataset(default_union=True)
    dataset.graph(URIRef(ns.ONTOLOGY_GRAPH)).parse(ontology_path())
    dataset.graph(URIRef(ns.ENTITIES_GRAPH)).parse(faults)
    into = dataset.graph(URIRef(ns.DERIVED_GRAPH))
    for quad in derived:
        into.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    assert _rows(find_violations(RdflibEngine(dataset))) == oxigraph
    found = {(query, key) for query, key, _ in oxigraph}
    assert found >= EXPECTED, sorted(EXPECTED - found)
    # An instant with neither a date nor a precision gets both rows.
    assert len({p for q, key, p in oxigraph if key == f"{ID}i-nothing"}) == 2
    clean = {f"{ID}{n}" for n in ("good", "st-ok", "i-ok", "i-early", "art")}
    assert not {key for _, key in found} & clean


_KEY = {
    "channel-parties-violation": "channel",
    "end-before-begin-violation": "interval",
    "instant-conflict-violation": "instant",
    "instant-violation": "instant",
    "reference-without-quote-violation": "reference",
    "statement-without-reference-violation": "statement",
    "status-without-time-violation": "statement",
    "untyped-individual-violation": "individual",
}


def test_build_refuses_each_fault(kg_copy: Layout, faults: Path) -> None:
    """The build runs the gates on the union of every input, derived labels included."""
    from click.testing import CliRunner

    from dckg.cli import main

    (kg_copy.sources_dir / "999-faults.ttl").write_text(FAULTS, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--kg", str(kg_copy.root)])
    assert result.exit_code == 1
    for query, key in EXPECTED:
        assert f"{query}: " in result.output and key in result.output, (query, key)


def test_derived_dates_name_only_instants_with_a_valid_stamp(faults: Path) -> None:
    store = ox.Store()
    load_file(store, faults, ns.ENTITIES_GRAPH)
    add_union_default(store)
    derived = derived_dates(store)
    labelled = {
        q.subject.value: q.object.value for q in derived if q.predicate.value == ns.RDFS + "label"
    }
    assert labelled == {
        f"{ID}i-ok": "2020-01-01",
        f"{ID}i-early": "2019-01-01",
        f"{ID}i-noprec": "2020-01-01",
    }
    starts = {q.subject.value for q in derived if q.predicate.value == ns.DCKG + "periodStart"}
    assert starts == set(labelled) | {f"{ns.DCKT}1999"}  # labelled already: dates, no label
