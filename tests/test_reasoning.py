"""owlrl and reasonable give the same entailments for the axioms the ontology uses."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from dckg.cli import main
from dckg.curate.build import build
from dckg.curate.reasoning import closure, keep_inferred
from dckg.graph.rdf import DCKG, DCKI
from dckg.layout import Layout

pytestmark = pytest.mark.slow

BUILTIN = (str(OWL), str(RDFS), str(RDF))
INDIVIDUALS = "https://w3id.org/dckg/id/"


def entailment_kind(triple: tuple[object, object, object]) -> str | None:
    """What the ontology's axioms entail about individuals: types (subclass, domain,
    range) and property values (subproperty, inverse). OWL RL's own bookkeeping
    (owl:sameAs x x, rdfs:subClassOf closure of the schema, owl:Thing) is not compared."""
    s, p, o = (str(t) for t in triple)
    if not s.startswith(INDIVIDUALS):
        return None
    if p == str(RDF.type):
        return None if o.startswith(BUILTIN) else "type"
    return None if p.startswith(BUILTIN) else "property"


@pytest.fixture(scope="module")
def asserted(built: Layout) -> Graph:
    return Graph().parse(built.turtle)


@pytest.fixture(scope="module")
def closures(asserted: Graph) -> dict[str, Graph]:
    return {name: closure(asserted, name) for name in ("owlrl", "reasonable")}


def test_same_entailments_for_the_ontologys_axioms(closures: dict[str, Graph]) -> None:
    kinds = {
        name: {t for t in graph if entailment_kind(t) is not None}
        for name, graph in closures.items()
    }
    assert kinds["owlrl"] == kinds["reasonable"]
    found = {entailment_kind(t) for t in kinds["owlrl"]}
    assert found == {"type", "property"}
    mission = DCKI["russian-mission-to-nato"]
    assert (mission, RDF.type, DCKG.Channel) in kinds["reasonable"]  # subclass
    assert (mission, DCKG.hasParty, DCKI.russia) in kinds["reasonable"]  # subproperty


def test_inferences_never_repeat_the_data(asserted: Graph, closures: dict[str, Graph]) -> None:
    for graph in closures.values():
        assert not any(t in asserted for t in graph)
        assert not any(isinstance(o, Literal) and o.datatype == XSD.string for o in graph.objects())


def test_xsd_string_is_normalised_and_asserted_triples_dropped() -> None:
    data = Graph()
    data.add((DCKI.x, RDFS.label, Literal("x")))
    candidates = [
        (DCKI.x, RDFS.label, Literal("x", datatype=XSD.string)),  # the same triple, typed
        (DCKI.x, RDF.type, URIRef(str(DCKG.Channel))),
    ]
    kept = keep_inferred(candidates, data)
    assert set(kept) == {(DCKI.x, RDF.type, DCKG.Channel)}


def test_build_infer_with_reasonable(tmp_path, layout: Layout) -> None:
    target = tmp_path / "kg"
    shutil.copytree(layout.root, target, ignore=shutil.ignore_patterns("store", ".*"))
    copy = Layout(target)
    build(copy)
    asserted = copy.turtle.read_bytes()
    result = CliRunner().invoke(
        main, ["build", "--infer", "--reasoner", "reasonable", "--kg", str(target)]
    )
    assert result.exit_code == 0, result.output
    assert copy.turtle.read_bytes() == asserted
    inferred = Graph().parse(copy.inferred)
    assert (DCKI["russian-mission-to-nato"], DCKG.hasParty, DCKI.russia) in inferred
    data = Graph().parse(copy.turtle)
    assert not any(t in data for t in inferred)


def test_unknown_reasoner_is_a_usage_error(tmp_path) -> None:
    result = CliRunner().invoke(main, ["build", "--infer", "--reasoner", "hermit"])
    assert result.exit_code == 2
