"""The codebooks: event types mapped to CAMEO and PLOVER, status facets, distinct values.

The ontology's SKOS schemes against docs/codebooks.md: every event type has an exact or
broad match in each codebook or a written reason why not, every code it maps to is
declared, no concept points at an OWL property, no label is shared, and the docs'
tables say what the ontology says.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from dckg.graph.rdf import DCKG, DCKV
from dckg.layout import ontology_path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "codebooks.md"

CAMEO = URIRef("https://w3id.org/dckg/codes/cameo")
PLOVER = URIRef("https://w3id.org/dckg/codes/plover")
CODEBOOKS = {"CAMEO": CAMEO, "PLOVER": PLOVER}
CODE_NS = {CAMEO: Namespace(f"{CAMEO}/"), PLOVER: Namespace(f"{PLOVER}/")}
EVENT_TYPES = DCKV["event-type"]
CHANNEL_STATUS = DCKV["channel-status"]

#: The mapping properties, by the word the docs table uses for each.
MATCH = {
    "exact": SKOS.exactMatch,
    "broad": SKOS.broadMatch,
    "narrow": SKOS.narrowMatch,
    "related": SKOS.relatedMatch,
}
#: A match that puts every event of the type under the code.
COVERING = (SKOS.exactMatch, SKOS.broadMatch)
PROPERTY_KINDS = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_path())


def in_scheme(graph: Graph, scheme: URIRef) -> set[URIRef]:
    return {s for s in graph.subjects(SKOS.inScheme, scheme) if isinstance(s, URIRef)}


def event_types(graph: Graph) -> set[URIRef]:
    return in_scheme(graph, EVENT_TYPES)


def codes(graph: Graph, concept: URIRef, scheme: URIRef, *props: URIRef) -> set[URIRef]:
    """The codes of ``scheme`` that ``concept`` maps to by any of ``props``."""
    return {
        o
        for p in props
        for o in graph.objects(concept, p)
        if isinstance(o, URIRef) and (o, SKOS.inScheme, scheme) in graph
    }


def local(node: URIRef) -> str:
    return re.split(r"[/#]", str(node))[-1]


# --- event types ---------------------------------------------------------------


def test_every_event_type_maps_into_each_codebook_or_says_why(ontology: Graph) -> None:
    types = event_types(ontology)
    assert len(types) >= 36
    for concept in sorted(types):
        notes = [n for n in ontology.objects(concept, SKOS.editorialNote) if isinstance(n, Literal)]
        for name, scheme in CODEBOOKS.items():
            if codes(ontology, concept, scheme, *COVERING):
                continue
            assert notes, f"{local(concept)}: no exact or broad {name} match and no editorial note"
            assert any(name in n for n in notes), (
                f"{local(concept)}: no editorial note says why there is no {name} match"
            )


def test_the_new_event_types_exist(ontology: Graph) -> None:
    for name in ("threat", "accusation", "sanction", "visit", "restoration"):
        concept = DCKV[name]
        assert (concept, SKOS.inScheme, EVENT_TYPES) in ontology, name
        assert (concept, RDF.type, DCKG.EventType) in ontology, name
        assert ontology.value(concept, SKOS.definition), name


def test_event_types_come_in_two_levels_after_plovers_categories(ontology: Graph) -> None:
    types = event_types(ontology)
    tops = set(ontology.objects(EVENT_TYPES, SKOS.hasTopConcept))
    assert tops and tops <= types
    for top in tops:
        assert ontology.value(top, SKOS.broader) is None, top
        plover = codes(ontology, top, PLOVER, SKOS.exactMatch)
        assert len(plover) <= 1, top
        if plover:
            (root,) = plover
            assert ontology.value(root, SKOS.broader) is None, f"{top} matches a PLOVER mode"
        else:  # the one category PLOVER dropped: CAMEO 01, statements
            assert codes(ontology, top, CAMEO, SKOS.exactMatch) == {CODE_NS[CAMEO]["01"]}, top
    for concept in types - tops:
        broader = list(ontology.objects(concept, SKOS.broader))
        assert len(broader) == 1 and broader[0] in tops, f"{local(concept)}: {broader}"
    roots = [next(iter(codes(ontology, t, PLOVER, SKOS.exactMatch)), None) for t in tops]
    assert len([r for r in roots if r]) == len({r for r in roots if r}), "two categories, one root"


def test_every_mapped_code_is_declared(ontology: Graph) -> None:
    mapped = {
        o
        for p in (*MATCH.values(), SKOS.closeMatch)
        for s, o in ontology.subject_objects(p)
        if (s, SKOS.inScheme, EVENT_TYPES) in ontology
    }
    assert mapped
    for code in mapped:
        assert isinstance(code, URIRef), code
        schemes = set(ontology.objects(code, SKOS.inScheme))
        assert len(schemes) == 1 and schemes <= {CAMEO, PLOVER}, f"{code}: {schemes}"
        (scheme,) = schemes
        notation = ontology.value(code, SKOS.notation)
        assert isinstance(notation, Literal), code
        assert notation.datatype is None and notation.language is None, code
        assert code == CODE_NS[scheme][str(notation)], code
        assert (code, RDF.type, SKOS.Concept) in ontology, code
        assert (code, RDF.type, OWL.NamedIndividual) in ontology, code
        assert ontology.value(code, SKOS.prefLabel), code


@pytest.mark.parametrize("scheme", [CAMEO, PLOVER], ids=["CAMEO", "PLOVER"])
def test_codebook_schemes_are_documented_and_ordered(ontology: Graph, scheme: URIRef) -> None:
    assert (scheme, RDF.type, SKOS.ConceptScheme) in ontology
    for prop in (RDFS.label, SKOS.definition):
        assert any(o.language == "en" for o in ontology.objects(scheme, prop)), prop
    assert isinstance(ontology.value(scheme, DCTERMS.source), URIRef)
    tops = set(ontology.objects(scheme, SKOS.hasTopConcept))
    for code in in_scheme(ontology, scheme):
        notation = str(ontology.value(code, SKOS.notation))
        parent = ontology.value(code, SKOS.broader)
        if parent is None:
            assert code in tops, code
            assert (code, SKOS.topConceptOf, scheme) in ontology, code
            continue
        assert code not in tops, code
        parent_notation = str(ontology.value(parent, SKOS.notation))
        if scheme == CAMEO:  # 1313 under 131 under 13
            assert len(notation) in (3, 4) and notation.startswith(parent_notation), code
            assert len(parent_notation) == (2 if len(notation) == 3 else 3), code
        else:  # SANCTION-expel under SANCTION
            assert notation.split("-", 1)[0] == parent_notation, code


def test_mapping_properties_are_object_properties(ontology: Graph) -> None:
    """SKOS's own kind: every concept is a named individual, so OWL 2 DL needs it."""
    for prop in (*MATCH.values(), SKOS.topConceptOf):
        kinds = [k for k in PROPERTY_KINDS if (prop, RDF.type, k) in ontology]
        assert kinds == [OWL.ObjectProperty], (prop, kinds)


def test_no_concept_points_at_an_owl_property_or_an_undeclared_urn(ontology: Graph) -> None:
    schema_kinds = (*PROPERTY_KINDS, OWL.Class)
    for prop in (SKOS.closeMatch, *MATCH.values()):
        for s, o in ontology.subject_objects(prop):
            if (s, RDF.type, SKOS.Concept) in ontology or (s, SKOS.inScheme, None) in ontology:
                kinds = [k for k in schema_kinds if (o, RDF.type, k) in ontology]
                assert not kinds, f"{s} {prop} {o}, a {kinds}"
                assert (o, SKOS.inScheme, None) in ontology, f"{s} {prop} {o}: not a concept"
    urns = {t for triple in ontology for t in triple if str(t).startswith("urn:")}
    assert not urns


# --- labels and distinct values --------------------------------------------------


def test_no_concept_or_scheme_shares_a_label(ontology: Graph) -> None:
    """Across schemes too, with classes and properties: Protégé shows labels, not IRIs."""
    by_label: defaultdict[str, set[URIRef]] = defaultdict(set)
    for s, o in ontology.subject_objects(RDFS.label):
        if isinstance(s, URIRef):
            by_label[str(o).casefold()].add(s)
    ours = {
        s
        for s in ontology.subjects(RDF.type, OWL.NamedIndividual)
        if (s, RDF.type, SKOS.ConceptScheme) in ontology or (s, SKOS.inScheme, None) in ontology
    }
    assert len(ours) > 100
    for term in ours:
        labels = [o for o in ontology.objects(term, RDFS.label) if isinstance(o, Literal)]
        assert any(lbl.language == "en" for lbl in labels), term
        for label in labels:
            assert by_label[str(label).casefold()] == {term}, (
                f"{label!r}: {sorted(by_label[str(label).casefold()])}"
            )


def all_different_lists(graph: Graph) -> list[set[URIRef]]:
    lists = []
    for node in graph.subjects(RDF.type, OWL.AllDifferent):
        head = graph.value(node, OWL.distinctMembers) or graph.value(node, OWL.members)
        assert isinstance(head, BNode), node
        lists.append({m for m in Collection(graph, head) if isinstance(m, URIRef)})
    return lists


def test_every_schemes_concepts_are_all_different(ontology: Graph) -> None:
    lists = all_different_lists(ontology)
    schemes = {s for s in ontology.subjects(RDF.type, SKOS.ConceptScheme) if isinstance(s, URIRef)}
    assert {CAMEO, PLOVER, EVENT_TYPES, CHANNEL_STATUS} <= schemes
    for scheme in schemes:
        concepts = in_scheme(ontology, scheme)
        if len(concepts) < 2:
            continue
        assert concepts in lists, f"{scheme}: no owl:AllDifferent lists exactly its concepts"


def test_value_classes_are_pairwise_disjoint(ontology: Graph) -> None:
    value_classes = {
        DCKG.Status,
        DCKG.EventType,
        DCKG.Rank,
        DCKG.CountKind,
        DCKG.Qualifier,
        DCKG.Tenure,
        DCKG.ReasonKind,
    }
    found = []
    for node in ontology.subjects(RDF.type, OWL.AllDisjointClasses):
        head = ontology.value(node, OWL.members)
        found.append(set(Collection(ontology, head)))
    assert value_classes in found


# --- status facets ---------------------------------------------------------------

FACETS = {"legal": DCKG.LegalStatus, "operational": DCKG.OperationalStatus}


def test_every_status_is_in_exactly_one_facet(ontology: Graph) -> None:
    assert (DCKG.LegalStatus, OWL.disjointWith, DCKG.OperationalStatus) in ontology
    statuses = in_scheme(ontology, CHANNEL_STATUS)
    assert len(statuses) == 8
    for status in statuses:
        assert (status, RDF.type, DCKG.Status) in ontology, status  # queries keep working
        facets = [f for f in FACETS.values() if (status, RDF.type, f) in ontology]
        assert len(facets) == 1, status
        for broader in ontology.objects(status, SKOS.broader):
            assert (broader, RDF.type, facets[0]) in ontology, f"{status} < {broader} across facets"
    for facet in FACETS.values():
        assert (facet, RDFS.subClassOf, DCKG.Status) in ontology


# --- the docs agree with the ontology ----------------------------------------------


def doc_table(header_start: str) -> list[list[str]]:
    """The rows of the Markdown table in docs/codebooks.md whose header begins so."""
    lines = DOC.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"| {header_start} |"))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return rows


def parse_codes(cell: str) -> set[tuple[str, str]]:
    """``broad `04`; narrow `041`, `044``` -> {("broad", "04"), ...}; ``—`` -> set()."""
    pairs = set()
    if cell in ("—", ""):
        return pairs
    for entry in cell.split(";"):
        relation, _, rest = entry.strip().partition(" ")
        assert relation in MATCH, entry
        pairs |= {(relation, code) for code in re.findall(r"`([^`]+)`", rest)}
        assert re.fullmatch(r"(`[^`]+`(, )?)+", rest.strip()), entry
    return pairs


def ontology_codes(graph: Graph, concept: URIRef, scheme: URIRef) -> set[tuple[str, str]]:
    return {
        (word, str(graph.value(code, SKOS.notation)))
        for word, prop in MATCH.items()
        for code in codes(graph, concept, scheme, prop)
    }


def test_docs_mapping_table_agrees_with_the_ontology(ontology: Graph) -> None:
    rows = doc_table("event type")
    assert all(len(row) == 6 for row in rows), rows
    documented = {}
    for term, label, under, cameo, plover, reason in rows:
        match = re.fullmatch(r"`dckv:([a-z-]+)`", term)
        assert match, term
        concept = DCKV[match.group(1)]
        assert concept not in documented, f"{term} twice"
        documented[concept] = term
        assert str(ontology.value(concept, RDFS.label)) == label, term
        broader = ontology.value(concept, SKOS.broader)
        assert under == (f"`{local(broader)}`" if broader else "top"), term
        assert parse_codes(cameo) == ontology_codes(ontology, concept, CAMEO), term
        assert parse_codes(plover) == ontology_codes(ontology, concept, PLOVER), term
        uncovered = [s for s in (CAMEO, PLOVER) if not codes(ontology, concept, s, *COVERING)]
        assert bool(reason) == bool(uncovered), (
            f"{term}: reason {reason!r}, no match in {uncovered}"
        )
    assert set(documented) == event_types(ontology)


def test_docs_status_table_agrees_with_the_ontology(ontology: Graph) -> None:
    rows = doc_table("status")
    documented = set()
    for term, facet, under, meaning in rows:
        match = re.fullmatch(r"`dckv:([a-z-]+)`", term)
        assert match, term
        status = DCKV[match.group(1)]
        documented.add(status)
        assert (status, RDF.type, FACETS[facet]) in ontology, term
        broader = ontology.value(status, SKOS.broader)
        assert under == (f"`{local(broader)}`" if broader else ""), term
        assert meaning, term
    assert documented == in_scheme(ontology, CHANNEL_STATUS)


def test_model_page_links_the_codebooks() -> None:
    model = (ROOT / "docs" / "model.md").read_text(encoding="utf-8")
    assert "(codebooks.md)" in model


# --- a bad merge is an inconsistency (OWL API + HermiT) ---------------------------

#: Files that equate two values of one scheme, or put a status in both facets.
BAD_MERGES = {
    "event-types": "dckv:closure owl:sameAs dckv:suspension .",
    "statuses": "dckv:active owl:sameAs dckv:dormant .",
    "facets": "dckv:closed a dckg:OperationalStatus .",
    "cameo": f"<{CAMEO}/161> owl:sameAs <{CAMEO}/16> .",
    "schemes": "dckv:closure owl:sameAs dckv:closed .",
}


@pytest.mark.java
def test_equating_two_values_makes_the_ontology_inconsistent(tmp_path: Path) -> None:
    from dckg.checks.owl import check_owl

    text = ontology_path().read_text(encoding="utf-8")
    files = []
    for name, triple in BAD_MERGES.items():
        path = tmp_path / f"{name}.ttl"
        path.write_text(f"{text}\n{triple}\n", encoding="utf-8")
        files.append(path)
    for name, report in zip(BAD_MERGES, check_owl(files), strict=True):
        assert report.parse_error is None, report.summary()
        assert report.consistent is False, f"{name}: {report.summary()}"
