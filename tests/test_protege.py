"""What a Protégé user sees: every individual labelled, no label shared (dckg.graph.labels)."""

from __future__ import annotations

from collections import defaultdict

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from dckg import namespaces as ns
from dckg.graph.labels import generated_labels
from dckg.graph.store import add_union_default
from dckg.graph.templates import FALLBACK, NAMED_BY_SOURCES, TEMPLATES, expand, parse, properties
from dckg.layout import Layout, ontology_path

#: Individuals that only hold literals for another node and need no name of their own.
#: None today: references, selectors, intervals and durations are labelled too.
LITERAL_HOLDERS: frozenset[str] = frozenset()

#: What is a term, not an individual: the types in these namespaces (bar owl:Thing and
#: owl:NamedIndividual) make a class, a property, an ontology, a restriction or an axiom.
META = (ns.OWL, ns.RDF, ns.RDFS)
INDIVIDUAL_TYPES = (ns.OWL + "Thing", ns.OWL + "NamedIndividual")
RDFS_SUB = f"<{ns.RDFS}subClassOf>"


@pytest.fixture(scope="module")
def turtle(layout: Layout) -> ox.Store:
    """kg/dckg.ttl, the file Protégé opens."""
    store = ox.Store()
    store.bulk_load(path=str(layout.turtle), format=ox.RdfFormat.TURTLE)
    return store


def individuals(store: ox.Store) -> dict[str, set[str]]:
    """Every IRI subject with a type that makes it an individual, and its types."""
    found: dict[str, set[str]] = defaultdict(set)
    for quad in store.quads_for_pattern(None, ox.NamedNode(ns.RDF + "type"), None):
        s, t = quad.subject, quad.object
        if isinstance(s, ox.NamedNode) and isinstance(t, ox.NamedNode):
            found[s.value].add(t.value)
    return {
        s: types
        for s, types in found.items()
        if all(t in INDIVIDUAL_TYPES or not t.startswith(META) for t in types)
    }


def labels(store: ox.Store, node: str, prop: str = ns.RDFS + "label") -> list[ox.Literal]:
    quads = store.quads_for_pattern(ox.NamedNode(node), ox.NamedNode(prop), None)
    return [q.object for q in quads if isinstance(q.object, ox.Literal)]


def named_by_sources(store: ox.Store) -> set[str]:
    """The classes whose rdfs:label the queries read as a source's name (events): the
    build labels their individuals with skos:prefLabel (see dckg.graph.templates)."""
    roots = " ".join(f"<{expand(c)}>" for c in NAMED_BY_SOURCES)
    query = f"SELECT DISTINCT ?c WHERE {{ VALUES ?r {{ {roots} }} ?c {RDFS_SUB}* ?r }}"
    return {row[0].value for row in store.query(query)}  # type: ignore[union-attr]


def test_every_individual_has_a_label(turtle: ox.Store) -> None:
    found = individuals(turtle)
    assert len(found) > 2000
    named = named_by_sources(turtle)
    unlabelled = sorted(
        node
        for node, types in found.items()
        if not types <= LITERAL_HOLDERS
        and not any(label.language in ("en", None) for label in labels(turtle, node))
        and not (types & named and labels(turtle, node, ns.SKOS + "prefLabel"))
    )
    assert unlabelled == []
    events = [node for node, types in found.items() if types & named]
    assert len(events) > 50


def test_no_two_individuals_share_a_label(turtle: ox.Store) -> None:
    """What Protégé shows: the rdfs:label, else the skos:prefLabel (a generated event
    label; SKOS asks a concept's prefLabel to be unique in its scheme only)."""
    by_label: dict[str, set[str]] = defaultdict(set)
    for node in individuals(turtle):
        for label in labels(turtle, node) or labels(turtle, node, ns.SKOS + "prefLabel"):
            by_label[label.value.casefold()].add(node)
    shared = {label: sorted(nodes) for label, nodes in by_label.items() if len(nodes) > 1}
    assert shared == {}


def test_no_two_ontology_terms_share_a_label() -> None:
    ontology = Graph().parse(ontology_path())
    concept_classes = set(ontology.transitive_subjects(RDFS.subClassOf, SKOS.Concept))
    kinds = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}
    kinds |= {RDF.Property, SKOS.ConceptScheme, *concept_classes}
    terms = {s for s, t in ontology.subject_objects(RDF.type) if t in kinds}
    by_label: dict[tuple[str, str | None], set[str]] = defaultdict(set)
    for term in terms:
        if isinstance(term, URIRef):
            for label in ontology.objects(term, RDFS.label):
                by_label[(str(label).casefold(), label.language)].add(ns.compact(str(term)))
    shared = {label: sorted(t) for (label, _), t in by_label.items() if len(t) > 1}
    assert shared == {}


#: A few generated labels, one of each kind, as the build writes them.
EXAMPLES = {
    "st-nio-closed-2021-10-29": (
        "NIO: closed, 2021-10-29 (Babst et al., ELN; Galeotti; Pszczel, RUSI; Schultz, DW; Trenin)"
    ),
    "st-nio-restricted-2016": "NIO: restricted, by 2016 (Schultz, DW)",
    "ph-pszczel-nio-director-rusi": (
        "Robert Pszczel: Director of the NATO Information Office in Moscow, 2010 (Pszczel, RUSI)"
    ),
    "nat-saceur-united-states": "SACEUR: USA, 2021-10-27 (Trenin)",
    "loc-russian-mission-brussels": (
        "Russian Mission to NATO: in Brussels (Babst et al., ELN; Pszczel, RUSI; Trenin)"
    ),
    "ev-nio-closure-2021-10-29": "closure by Russia, 2021-10-29 (Pszczel, RUSI)",  # prefLabel
    "article-rusi-pszczel": "Russia\u2013NATO Relations: Crisis or Opportunity?",
}


def test_generated_labels_read_as_the_templates_say(turtle: ox.Store) -> None:
    def label(name: str) -> list[str]:
        found = labels(turtle, ns.DCKI + name) or labels(
            turtle, ns.DCKI + name, ns.SKOS + "prefLabel"
        )
        return [text.value for text in found]

    got = {name: label(name) for name in EXAMPLES}
    assert got == {name: [text] for name, text in EXAMPLES.items()}
    kinds = {"ref/": "quote: ‘", "sel/": "text: ‘", "interval/": "–", "duration/": " "}  # noqa: RUF001
    for node in individuals(turtle):
        for prefix, part in kinds.items():
            if node.startswith(ns.DCKI + prefix):
                (label,) = labels(turtle, node)
                assert part in label.value, (node, label.value)


def test_a_new_statement_class_gets_the_statement_template() -> None:
    """The class tree comes from the ontology: a subclass of dckg:Statement no template
    names gets the statement template, one of dckg:Event the event template (as
    skos:prefLabel); an instance of a class with no template, the fallback."""
    store = ox.Store()
    store.bulk_load(path=str(ontology_path()), format=ox.RdfFormat.TURTLE)
    extra = """
    @prefix dckg: <https://w3id.org/dckg/ontology#> . @prefix dcki: <https://w3id.org/dckg/id/> .
    @prefix dckt: <https://w3id.org/dckg/id/time/> . @prefix owl: <http://www.w3.org/2002/07/owl#> .
    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    dckg:UsageStatement a owl:Class ; rdfs:subClassOf dckg:Statement ;
        rdfs:label "usage statement"@en .
    dckg:Gadget a owl:Class ; rdfs:label "gadget"@en .
    dckt:2020-04 rdfs:label "2020-04" .
    dckg:Drill a owl:Class ; rdfs:subClassOf dckg:Event ; rdfs:label "drill"@en .
    dcki:use-1 a dckg:UsageStatement ; dckg:asOf dckt:2020-04 .
    dcki:thing-1 a dckg:Gadget .
    dcki:drill-1 a dckg:Drill ; dckg:eventType <https://w3id.org/dckg/vocab/military-exercise> .
    """
    store.load(extra.encode(), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(ns.GRAPH + "x"))
    add_union_default(store)
    made = {node: (ns.compact(p), text) for node, (p, text) in generated_labels(store).items()}
    assert made == {
        ns.DCKI + "use-1": ("rdfs:label", "usage statement, 2020-04"),
        ns.DCKI + "thing-1": ("rdfs:label", "gadget thing-1"),
        # "military exercise" is the event type's label: told apart by the IRI
        ns.DCKI + "drill-1": ("skos:prefLabel", "military exercise [drill-1]"),
    }


def test_every_template_names_terms_of_the_ontology() -> None:
    """A renamed class or property in the ontology must be renamed in the templates too."""
    ontology = Graph().parse(ontology_path())
    declared = {str(s) for s in ontology.subjects()}
    used = {expand(c) for c in TEMPLATES} | set(properties())
    assert sorted(used - declared - {ns.RDF + "type"}) == []
    assert parse(FALLBACK)
