"""`dckg build`: deterministic, checkable, atomic, with inferences kept apart."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, Literal

from dckg import namespaces as ns
from dckg.cli import main
from dckg.curate.build import build
from dckg.layout import Layout


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def test_committed_build_is_fresh(layout: Layout) -> None:
    result = CliRunner().invoke(main, ["build", "--check", "--kg", str(layout.root)])
    assert result.exit_code == 0, result.output
    assert "up to date" in result.output


def test_rebuild_is_byte_identical(kg_copy: Layout, layout: Layout) -> None:
    """The committed outputs are what a build writes; a second build touches nothing,
    the query store (a cache the first build adds to the copy) included."""
    assert build(kg_copy).changed == []
    assert kg_copy.turtle.read_bytes() == layout.turtle.read_bytes()
    assert kg_copy.store.is_dir()
    before = snapshot(kg_copy.root)
    assert build(kg_copy).changed == []
    assert snapshot(kg_copy.root) == before


def test_check_fails_when_a_source_changed(kg_copy: Layout) -> None:
    source = kg_copy.sources_dir / "002-rusi-pszczel.ttl"
    source.write_text(
        source.read_text(encoding="utf-8").replace(
            'dckg:genre "Commentary"', 'dckg:genre "Analysis"'
        ),
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["build", "--check", "--kg", str(kg_copy.root)])
    assert result.exit_code == 1
    assert "stale build output" in result.output and "dckg.ttl" in result.output


def test_failed_build_leaves_outputs_untouched(kg_copy: Layout) -> None:
    before = snapshot(kg_copy.root)
    bad = kg_copy.sources_dir / "999-broken.ttl"
    bad.write_text('@prefix dcki: <https://w3id.org/dckg/id/> .\ndcki:a dcki:b "unterminated .\n')
    result = CliRunner().invoke(main, ["build", "--kg", str(kg_copy.root)])
    assert result.exit_code == 2
    assert "999-broken.ttl:2:" in result.output
    bad.unlink()
    assert snapshot(kg_copy.root) == before


def test_quality_violation_refuses_the_build(kg_copy: Layout) -> None:
    before = snapshot(kg_copy.root)
    (kg_copy.sources_dir / "999-orphan.ttl").write_text(
        "@prefix dckg: <https://w3id.org/dckg/ontology#> .\n"
        "@prefix dcki: <https://w3id.org/dckg/id/> .\n"
        "@prefix dckv: <https://w3id.org/dckg/vocab/> .\n"
        "dcki:st-orphan a dckg:StatusStatement ; dckg:channel dcki:saceur-cgs-hotline ;"
        " dckg:status dckv:active .\n"
    )
    result = CliRunner().invoke(main, ["build", "--kg", str(kg_copy.root)])
    assert result.exit_code == 1
    assert (
        "statement-without-reference-violation: statement=https://w3id.org/dckg/id/st-orphan"
        in result.output
    )
    assert "status-without-time-violation" in result.output
    (kg_copy.sources_dir / "999-orphan.ttl").unlink()
    assert snapshot(kg_copy.root) == before


def test_trig_has_one_graph_per_input(dataset: Dataset, layout: Layout) -> None:
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    expected = {ns.source_graph(p) for p in layout.source_files()}
    assert expected <= names
    assert {ns.ONTOLOGY_GRAPH, ns.ENTITIES_GRAPH, ns.DERIVED_GRAPH} <= names
    assert len(layout.source_files()) == 5


def test_turtle_and_trig_hold_the_same_triples(layout: Layout) -> None:
    """Isomorphic, checked by RDFC-1.0 canonical labels (Oxigraph): rdflib's isomorphism
    test takes many minutes on a graph with this many blank nodes."""
    import pyoxigraph as ox

    def canonical(path: Path, fmt: ox.RdfFormat) -> set[str]:
        quads = ox.parse(path=str(path), format=fmt)
        union = ox.Dataset(
            ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in quads
        )
        union.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
        return {str(q) for q in union}

    turtle = canonical(layout.turtle, ox.RdfFormat.TURTLE)
    assert len(turtle) > 1000
    assert turtle == canonical(layout.trig, ox.RdfFormat.TRIG)


@pytest.mark.slow
def test_infer_writes_a_separate_closure(kg_copy: Layout) -> None:
    asserted = kg_copy.turtle.read_bytes()
    result = CliRunner().invoke(main, ["build", "--infer", "--kg", str(kg_copy.root)])
    assert result.exit_code == 0, result.output
    assert kg_copy.turtle.read_bytes() == asserted
    inferred = Graph().parse(kg_copy.inferred)
    assert len(inferred) > 100
    assert not any(isinstance(s, Literal) for s in inferred.subjects())
    data = Graph().parse(kg_copy.turtle)
    assert not any(t in data for t in inferred)
    from rdflib.namespace import RDF

    from dckg.graph.rdf import DCKG, DCKI

    # Subclass and subproperty entailments the ontology promises.
    assert (DCKI["russian-mission-to-nato"], RDF.type, DCKG.Channel) in inferred
    assert (DCKI["russian-mission-to-nato"], DCKG.hasParty, DCKI.russia) in inferred


def test_written_files_get_the_usual_mode_not_mkstemps_0600(tmp_path: Path) -> None:
    import os

    from dckg.atomic import write_files

    target = tmp_path / "out.ttl"
    write_files({target: b"x"})
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask
