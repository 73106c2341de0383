"""Apache Jena's SHACL engine as a peer: the same shapes and data, the same verdicts.

Every fixture under ``tests/fixtures/shacl`` (and the five curated files together)
is assembled exactly as ``dckg validate`` assembles it (new file + ontology +
neighbourhood), blank nodes are skolemised so both engines name every node the
same way, and the data goes to pySHACL and to Jena. Both reports are cut down to
the focus nodes of the new file, as ``dckg validate`` does, and must agree on the
verdict and on which node fails which kind of constraint at which severity.

One JVM for the whole session: Jena validates every case in one run.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import BNode, URIRef
from rdflib.term import Node

from dckg.checks.jena import run_jena
from dckg.layout import Layout, shapes_path
from dckg.validation.shacl import data_graph, run_shacl
from dckg.validation.validate import assemble_data

pytestmark = pytest.mark.java

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "shacl"
SKOLEM = "urn:dckg:skolem:"

Verdict = frozenset[tuple[str, str, str]]


@dataclass
class Case:
    name: str
    data: Path
    pyshacl: Verdict


def _skolem(node: Node) -> Node:
    return URIRef(SKOLEM + str(node)) if isinstance(node, BNode) else node


def _nt(node: Node) -> str:
    return f"<{node}>"


def _component(name: str | None) -> str:
    return (name or "").rsplit("#", 1)[-1].rstrip(">")


@pytest.fixture(scope="session")
def peer(
    layout: Layout, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, tuple[Case, Verdict]]:
    """Every case through pySHACL here and through Jena in a single JVM."""
    out_dir = tmp_path_factory.mktemp("jena")
    inputs = {p.stem: [p] for p in sorted(FIXTURES.glob("*.ttl"))}
    inputs["curated-sources"] = layout.source_files()
    cases = []
    for name, paths in inputs.items():
        vd = assemble_data(paths, layout)
        focus = {_skolem(n) for n in vd.new.origin}
        data = data_graph()
        for s, p, o in vd.data:
            data.add((_skolem(s), p, _skolem(o)))
        path = out_dir / f"{name}.nt"
        data.serialize(path, format="nt", encoding="utf-8")
        verdict = frozenset(
            (_nt(r.focus), r.severity, _component(r.component))
            for r in run_shacl(data)
            if r.focus in focus
        )
        cases.append((Case(name, path, verdict), focus))
    reports = run_jena([(shapes_path(), case.data) for case, _ in cases])
    results = {}
    for (case, focus), report in zip(cases, reports, strict=True):
        wanted = {_nt(n) for n in focus if isinstance(n, URIRef)}
        jena = frozenset(
            (r.focus, r.severity, _component(r.component))
            for r in report.results
            if r.focus in wanted
        )
        results[case.name] = (case, jena)
    return results


CASES = [p.stem for p in sorted(FIXTURES.glob("*.ttl"))] + ["curated-sources"]


@pytest.mark.parametrize("name", CASES)
def test_jena_agrees_with_pyshacl(name: str, peer: dict[str, tuple[Case, Verdict]]) -> None:
    case, jena = peer[name]
    py_conforms = not any(severity == "Violation" for _, severity, _ in case.pyshacl)
    jena_conforms = not any(severity == "Violation" for _, severity, _ in jena)
    assert py_conforms == jena_conforms, f"{name}: pySHACL {case.pyshacl} vs Jena {jena}"
    assert case.pyshacl == jena


def test_the_peer_sees_real_failures(peer: dict[str, tuple[Case, Verdict]]) -> None:
    """Guard against agreeing on nothing: Jena itself flags the broken fixtures."""
    _, jena = peer["end-before-begin"]
    assert any(c == "SPARQLConstraintComponent" for _, _, c in jena)
    _, jena = peer["impossible-date"]
    assert (
        "<https://w3id.org/dckg/id/time/2021-13>",
        "Violation",
        "DatatypeConstraintComponent",
    ) in jena
    _, jena = peer["curated-sources"]
    assert not any(severity == "Violation" for _, severity, _ in jena)
