"""``dckg validate``'s OWL gate (HermiT on ontology + graph + W3C imports + new files)
and the SPARQL gate that catches a redeclared instant where no Java is installed.

The OWL cases run on a small graph of their own, so that they test the gate and not
the state of the repository's ontology: its ``entities.ttl`` declares a functional
property and two disjoint classes (test vocabulary, not dckg's), and the new files
misuse them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from dckg.cli import main
from dckg.errors import DckgError
from dckg.layout import Layout
from dckg.validation.owlgate import gate_mode
from dckg.validation.validate import validate_files

PREFIXES = """\
@prefix dckg: <https://w3id.org/dckg/ontology#> .
@prefix dcki: <https://w3id.org/dckg/id/> .
@prefix dckt: <https://w3id.org/dckg/id/time/> .
@prefix owl:  <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix time: <http://www.w3.org/2006/time#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
"""

ENTITIES = (
    PREFIXES
    + """
dcki:test-only-one a owl:ObjectProperty , owl:FunctionalProperty ; rdfs:label "test only one"@en .
dcki:TestKindA a owl:Class ; rdfs:label "test kind A"@en .
dcki:TestKindB a owl:Class ; rdfs:label "test kind B"@en ; owl:disjointWith dcki:TestKindA .
dcki:thing-one a owl:NamedIndividual ; rdfs:label "thing one"@en .
dcki:thing-two a owl:NamedIndividual ; rdfs:label "thing two"@en .
dcki:holder a owl:NamedIndividual , dcki:TestKindA ; rdfs:label "holder"@en .
"""
)

SAME_AS = PREFIXES + "\ndcki:holder dcki:test-only-one dcki:thing-one , dcki:thing-two .\n"
INCONSISTENT = PREFIXES + "\ndcki:holder a dcki:TestKindB .\n"
HARMLESS = PREFIXES + '\ndcki:thing-one rdfs:comment "nothing OWL can object to" .\n'
#: A file the graph itself makes inconsistent: SKOS says a concept is no scheme.
BROKEN_BASE = PREFIXES + "\ndcki:thing-two a skos:Concept , skos:ConceptScheme .\n"


@pytest.fixture()
def small_kg(tmp_path: Path) -> Layout:
    root = tmp_path / "kg"
    (root / "sources").mkdir(parents=True)
    (root / "entities.ttl").write_text(ENTITIES, encoding="utf-8")
    return Layout(root)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _owl_lines(report_lines: list[str]) -> list[str]:
    return [line for line in report_lines if "HermiT" in line or "OWL gate" in line]


@pytest.mark.java
def test_inferred_same_as_refuses_the_file(tmp_path: Path, small_kg: Layout) -> None:
    new = _write(tmp_path, "same.ttl", SAME_AS)
    report = validate_files([new], small_kg, owl_gate="on")
    assert not report.conforms
    owl = [r for r in report.results if r.source == "owl"]
    assert [r.line() for r in owl] == [
        f'{new}: Violation: "thing two" <https://w3id.org/dckg/id/thing-two>: HermiT would'
        " infer owl:sameAs <https://w3id.org/dckg/id/thing-one>: two named individuals"
        " merged (two values of a functional property?) (value: dcki:thing-one)"
    ]


@pytest.mark.java
def test_inconsistency_refuses_the_file_naming_it(tmp_path: Path, small_kg: Layout) -> None:
    new = _write(tmp_path, "clash.ttl", INCONSISTENT)
    result = CliRunner().invoke(
        main, ["validate", "--kg", str(small_kg.root), "--owl-gate", "on", str(new)]
    )
    assert result.exit_code == 1, result.output
    assert _owl_lines(result.output.splitlines()) == [
        f'{new}: Violation: "holder" <https://w3id.org/dckg/id/holder>: the graph would be'
        " inconsistent with this file (HermiT, ontology + graph + W3C imports);"
        " individuals that the graph already has: dcki:holder"
    ]
    assert "does not conform" in result.output


@pytest.mark.java
def test_a_harmless_file_passes_the_gate(tmp_path: Path, small_kg: Layout) -> None:
    new = _write(tmp_path, "fine.ttl", HARMLESS)
    report = validate_files([new], small_kg, owl_gate="on")
    assert [r for r in report.results if r.source == "owl"] == []


@pytest.mark.java
def test_a_graph_already_broken_is_a_warning_not_a_verdict(
    tmp_path: Path, small_kg: Layout
) -> None:
    (small_kg.sources_dir / "000-broken.ttl").write_text(BROKEN_BASE, encoding="utf-8")
    new = _write(tmp_path, "same.ttl", SAME_AS)
    owl = [r for r in validate_files([new], small_kg, owl_gate="on").results if r.source == "owl"]
    assert [r.severity for r in owl] == ["Warning"]
    assert owl[0].message.startswith(
        "the OWL gate cannot judge this file: the existing graph merged with the W3C"
        " imports already fails under HermiT (inconsistent)"
    )


def test_gate_mode_comes_from_the_option_then_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DCKG_OWL_GATE", "on")
    assert gate_mode() == "on"
    assert gate_mode("off") == "off"
    monkeypatch.delenv("DCKG_OWL_GATE")
    assert gate_mode() == "auto"
    with pytest.raises(DckgError, match="auto, on, off"):
        gate_mode("maybe")


def test_gate_on_without_java_says_how_to_fix(
    tmp_path: Path, small_kg: Layout, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    new = _write(tmp_path, "fine.ttl", HARMLESS)
    with pytest.raises(DckgError, match="setup-java"):
        validate_files([new], small_kg, owl_gate="on")
    # auto without Java: the other gates only, no error and no finding
    assert [
        r for r in validate_files([new], small_kg, owl_gate="auto").results if r.source == "owl"
    ] == []


REDECLARED = (
    PREFIXES
    + """
dckt:2021-10-18 a time:Instant ; time:inXSDDateTimeStamp "2021-10-01T00:00:00Z"^^xsd:dateTimeStamp ;
    dckg:precision time:unitMonth .
"""
)


def test_redeclared_instant_is_refused_without_java(tmp_path: Path, built: Layout) -> None:
    """The issue's sixth article that repeats a day as a month: SPARQL sees it."""
    new = _write(tmp_path, "999-repeat.ttl", REDECLARED)
    report = validate_files([new], built, owl_gate="off")
    lines = sorted(r.line() for r in report.results if r.source == "sparql")
    assert lines[0] == (
        f'{new}: Violation: "2021-10-18" <https://w3id.org/dckg/id/time/2021-10-18>'
        " dckg:precision: this instant has 2 values of dckg:precision in the graph with"
        " this file (http://www.w3.org/2006/time#unitDay | http://www.w3.org/2006/time#unitMonth);"
        " an instant's IRI names one moment: reuse the graph's values or mint another"
        " instant IRI"
    )
    assert lines[1].startswith(
        f'{new}: Violation: "2021-10-18" <https://w3id.org/dckg/id/time/2021-10-18>'
        " time:inXSDDateTimeStamp: this instant has 2 values of time:inXSDDateTimeStamp in the"
        " graph with this file (2021-10-01T00:00:00"
    )
    assert "| 2021-10-18T00:00:00" in lines[1]
    assert len(lines) == 2
    assert not report.conforms
