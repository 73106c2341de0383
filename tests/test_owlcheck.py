"""The "opens cleanly in Protégé" check (OWL API + HermiT) against planted defects.

Each ``tests/fixtures/owl/bad_*.ttl`` is ``good.ttl`` with exactly one defect, and
each test asserts that the check names *that* defect. The JVM costs about a second
to start, so one module-scoped run checks every fixture (and the repository's
ontology, once it exists). No test skips for lack of Java: a machine without it
must fail loudly with the message that says to run ``scripts/setup-java.sh``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dckg.checks.owl import OwlReport, check_owl
from dckg.errors import DckgError

pytestmark = pytest.mark.java

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "owl"
ONTOLOGY = ROOT / "ontology" / "dckg.ttl"
KNOWLEDGE_GRAPH = ROOT / "kg" / "dckg.ttl"
FIXTURE_NAMES = (
    "good",
    "bad_xsd_date",
    "bad_punning",
    "bad_undeclared",
    "bad_lexical",
    "bad_inconsistent",
    "bad_syntax",
)


# Defects planted on the fly (written next to the run, not kept as fixtures) for
# behaviour of the checker itself rather than of the ontology: name -> (old, new).
GENERATED = {
    # A stray restriction triple: the OWL API only logs it; Protégé drops it silently.
    "gen_dropped_triple": (
        "ex:Person a owl:Class ;",
        "ex:Channel owl:onProperty ex:hasParticipant .\n\nex:Person a owl:Class ;",
    ),
    # A class under two disjoint classes: consistent, but the class is unsatisfiable.
    "gen_unsatisfiable": (
        "ex:hasParticipant a owl:ObjectProperty ;",
        "ex:Hybrid a owl:Class ;\n    rdfs:subClassOf ex:Channel , ex:Person .\n\n"
        "ex:hasParticipant a owl:ObjectProperty ;",
    ),
    # An import must be reported, never fetched from the web.
    "gen_import": (
        'rdfs:label "owlcheck test fixture" .',
        'rdfs:label "owlcheck test fixture" ;\n    owl:imports <http://www.w3.org/ns/prov-o> .',
    ),
}


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, OwlReport]:
    """One JVM for the whole module: every fixture, the ontology and the built graph."""
    good = (FIXTURES / "good.ttl").read_text(encoding="utf-8")
    generated_dir = tmp_path_factory.mktemp("owl")
    named = {name: FIXTURES / f"{name}.ttl" for name in FIXTURE_NAMES}
    for name, (old, new) in GENERATED.items():
        assert good.count(old) == 1, name
        named[name] = generated_dir / f"{name}.ttl"
        named[name].write_text(good.replace(old, new), encoding="utf-8")
    named["ontology"] = ONTOLOGY
    named["knowledge_graph"] = KNOWLEDGE_GRAPH
    results = check_owl(list(named.values()))
    assert [r.file for r in results] == list(named.values())
    return dict(zip(named, results, strict=True))


def _is_clean_apart_from(report: OwlReport, *fields: str) -> None:
    """Assert that only the named fields report a problem, so each fixture plants one defect."""
    checks = {
        "parse_error": report.parse_error is None,
        "unparsed_triples": not report.unparsed_triples,
        "profile_violations": not report.profile_violations,
        "consistent": report.consistent is True,
        "reasoner_error": report.reasoner_error is None,
        "unsatisfiable": not report.unsatisfiable,
    }
    unexpected = [name for name, clean in checks.items() if not clean and name not in fields]
    assert not unexpected, f"unexpected problems {unexpected}:\n{report.summary()}"


def test_good_is_ok(reports: dict[str, OwlReport]) -> None:
    good = reports["good"]
    assert good.ok, good.summary()
    assert good.axioms > 10
    assert "OK" in good.summary()
    assert "good.ttl" in good.summary()


def test_xsd_date_is_outside_owl2_datatype_map(reports: dict[str, OwlReport]) -> None:
    r = reports["bad_xsd_date"]
    assert not r.ok
    assert any("xsd:date" in v and "Datatype" in v for v in r.profile_violations), r.summary()
    # The defect Protégé's HermiT plugin hides: with ignoreUnsupportedDatatypes off
    # HermiT refuses the literal instead of reasoning without it.
    assert r.reasoner_error is not None
    assert "UnsupportedDatatypeException" in r.reasoner_error
    assert "XMLSchema#date" in r.reasoner_error
    assert r.consistent is None
    _is_clean_apart_from(r, "profile_violations", "reasoner_error", "consistent")


def test_punning_between_object_and_datatype_property(reports: dict[str, OwlReport]) -> None:
    r = reports["bad_punning"]
    assert not r.ok
    assert r.profile_violations
    assert all(v.startswith("IllegalPunning:") for v in r.profile_violations), r.summary()
    assert all("owlcheck#openedAt" in v for v in r.profile_violations)
    _is_clean_apart_from(r, "profile_violations")


def test_undeclared_property(reports: dict[str, OwlReport]) -> None:
    r = reports["bad_undeclared"]
    assert not r.ok
    mentions = [*r.unparsed_triples, *r.profile_violations]
    assert any("owlcheck#mediatedBy" in m for m in mentions), r.summary()
    assert r.unparsed_triples or any("Undeclared" in v for v in r.profile_violations)
    _is_clean_apart_from(r, "profile_violations", "unparsed_triples")


def test_lexical_form_not_in_lexical_space(reports: dict[str, OwlReport]) -> None:
    r = reports["bad_lexical"]
    assert not r.ok
    assert any(
        v.startswith("LexicalNotInLexicalSpace:") and '"three"^^xsd:integer' in v
        for v in r.profile_violations
    ), r.summary()
    assert r.reasoner_error is not None
    assert "three" in r.reasoner_error
    _is_clean_apart_from(r, "profile_violations", "reasoner_error", "consistent")


def test_individual_in_disjoint_classes_is_inconsistent(reports: dict[str, OwlReport]) -> None:
    r = reports["bad_inconsistent"]
    assert not r.ok
    assert r.consistent is False, r.summary()
    assert "INCONSISTENT" in r.summary()
    _is_clean_apart_from(r, "consistent")


def test_malformed_turtle_reports_line(reports: dict[str, OwlReport]) -> None:
    r = reports["bad_syntax"]
    assert not r.ok
    assert r.parse_error is not None
    assert "line 30" in r.parse_error, r.parse_error
    assert r.consistent is None
    assert r.axioms == 0
    assert "parse error" in r.summary()
    _is_clean_apart_from(r, "parse_error", "consistent")


def test_dropped_triple_is_reported(reports: dict[str, OwlReport]) -> None:
    r = reports["gen_dropped_triple"]
    assert not r.ok
    assert r.unparsed_triples == (
        "<https://example.org/owlcheck#Channel> <http://www.w3.org/2002/07/owl#onProperty>"
        " <https://example.org/owlcheck#hasParticipant> .",
    ), r.summary()
    assert "drops them silently" in r.summary()
    _is_clean_apart_from(r, "unparsed_triples")


def test_unsatisfiable_class_is_named(reports: dict[str, OwlReport]) -> None:
    r = reports["gen_unsatisfiable"]
    assert not r.ok
    assert r.consistent is True
    assert r.unsatisfiable == ("https://example.org/owlcheck#Hybrid",), r.summary()
    assert "unsatisfiable" in r.summary()
    _is_clean_apart_from(r, "unsatisfiable")


def test_imports_are_reported_not_fetched(reports: dict[str, OwlReport]) -> None:
    r = reports["gen_import"]
    assert r.parse_error is not None
    assert "http://www.w3.org/ns/prov-o" in r.parse_error
    assert "never fetched" in r.parse_error
    _is_clean_apart_from(r, "parse_error", "consistent")


@pytest.mark.parametrize("name", ["ontology", "knowledge_graph"])
def test_repository_files_open_cleanly(reports: dict[str, OwlReport], name: str) -> None:
    """ontology/dckg.ttl alone and kg/dckg.ttl (ontology + every statement): 0 parse
    errors, 0 unparsed triples, 0 OWL 2 DL violations, HermiT consistent."""
    report = reports[name]
    assert report.ok, report.summary()
    assert report.axioms > 1000


def test_no_paths_starts_no_jvm() -> None:
    assert check_owl([]) == []


def test_missing_hermit_jars_say_how_to_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DCKG_JAR_DIR", str(tmp_path))
    with pytest.raises(DckgError, match=r"hermit.*scripts/setup-java\.sh"):
        check_owl([FIXTURES / "good.ttl"])


def test_missing_debian_jars_say_how_to_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DCKG_JAVA_LIB", str(tmp_path))
    with pytest.raises(DckgError, match=r"owlapi-distribution\.jar.*scripts/setup-java\.sh"):
        check_owl([FIXTURES / "good.ttl"])


def test_missing_java_says_how_to_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(DckgError, match=r"`java` not found.*scripts/setup-java\.sh"):
        check_owl([FIXTURES / "good.ttl"])


def test_missing_input_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(DckgError, match="no such file"):
        check_owl([tmp_path / "absent.ttl"])
