"""The ontology's contract: every term documented, one version everywhere, OWL 2 DL-safe values."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from dckg import __version__
from dckg.graph.rdf import DCKG, TIME
from dckg.layout import ontology_path
from dckg.namespaces import ONTOLOGY_IRI

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_path())


def dckg_terms(graph: Graph) -> list[URIRef]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    return sorted(
        {s for k in kinds for s in graph.subjects(RDF.type, k) if str(s).startswith(str(DCKG))}
    )


def test_every_dckg_term_is_labelled_defined_and_attributed(ontology: Graph) -> None:
    terms = dckg_terms(ontology)
    assert len(terms) > 60
    for term in terms:
        labels = [o for o in ontology.objects(term, RDFS.label) if isinstance(o, Literal)]
        definitions = [o for o in ontology.objects(term, SKOS.definition) if isinstance(o, Literal)]
        assert any(lbl.language == "en" for lbl in labels), f"{term} has no rdfs:label@en"
        assert any(d.language == "en" for d in definitions), f"{term} has no skos:definition@en"
        assert (term, RDFS.isDefinedBy, URIRef(ONTOLOGY_IRI)) in ontology, term


def test_version_matches_package(ontology: Graph) -> None:
    onto = URIRef(ONTOLOGY_IRI)
    assert str(ontology.value(onto, OWL.versionInfo)) == __version__
    assert ontology.value(onto, OWL.versionIRI) == URIRef(f"{ONTOLOGY_IRI}/{__version__}")


def test_no_remote_imports(ontology: Graph) -> None:
    assert not list(ontology.objects(None, OWL.imports))


@pytest.mark.parametrize("path", ["ontology/dckg.ttl", "kg/dckg.ttl"])
def test_dates_are_datetimes_only(path: str) -> None:
    """xsd:date / gYear / gYearMonth break HermiT and rdflib comparisons (modelling guide §2);
    xsd:dateTimeStamp is for OWL-Time's time:inXSDDateTimeStamp, and it holds nothing else."""
    banned = {XSD.date, XSD.gYear, XSD.gYearMonth}
    graph = Graph().parse(ROOT / path)
    bad = [(s, p, o) for s, p, o in graph if isinstance(o, Literal) and o.datatype in banned]
    assert not bad
    stamps = {(p, o.datatype) for _, p, o in graph if isinstance(o, Literal)}
    assert {d for p, d in stamps if p == TIME.inXSDDateTimeStamp} <= {XSD.dateTimeStamp}
    assert {p for p, d in stamps if d == XSD.dateTimeStamp} <= {TIME.inXSDDateTimeStamp}


def test_datetimes_carry_a_zone(graph: Graph) -> None:
    values = [
        o
        for o in graph.objects(None, None)
        if isinstance(o, Literal) and o.datatype == XSD.dateTime
    ]
    assert values
    assert all(v.value.tzinfo is not None for v in values)


def test_status_scheme_has_the_required_statuses(ontology: Graph) -> None:
    statuses = {
        str(o)
        for s in ontology.subjects(RDF.type, DCKG.Status)
        for o in ontology.objects(s, RDFS.label)
    }
    assert {"active", "suspended", "closed", "dormant", "in force"} <= statuses


def test_no_iri_is_two_kinds_of_property(ontology: Graph) -> None:
    kinds = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    for term in {s for k in kinds for s in ontology.subjects(RDF.type, k)}:
        assert sum((term, RDF.type, k) in ontology for k in kinds) == 1, term


def test_protege_catalog_maps_each_w3c_ontology_to_its_pinned_file() -> None:
    """ontology/catalog-v001.xml: every entry names an existing pinned file, every
    pinned file is mapped, and each file's own ontology IRI is among the names."""
    import xml.etree.ElementTree as ET

    from dckg.layout import import_paths

    folder = ROOT / "ontology"
    ns = {"c": "urn:oasis:names:tc:entity:xmlns:xml:catalog"}
    entries = ET.parse(folder / "catalog-v001.xml").findall("c:uri", ns)
    mapped = {e.get("name"): folder / str(e.get("uri")) for e in entries}
    assert all(path.is_file() for path in mapped.values()), mapped
    pinned = {p.name for p in import_paths()}
    assert {p.name for p in mapped.values()} == pinned
    for path in import_paths():
        iris = {str(s) for s in Graph().parse(path).subjects(RDF.type, OWL.Ontology)}
        assert iris & {name for name, file in mapped.items() if file.name == path.name}, path
