"""The "opens cleanly in Protégé" check (OWL API + HermiT) against planted defects.

Each ``tests/fixtures/owl/bad_*.ttl`` is ``good.ttl`` with exactly one defect, and
each test asserts that the check names *that* defect. Every file is merged with the
pinned W3C vocabularies (``ontology/imports``), as ``dckg check-owl`` does by default.
The JVM costs about a second to start, so one module-scoped run checks every fixture
and the repository's ontology and built graph. No test skips for lack of Java: a
machine without it must fail loudly with the message that says to run
``scripts/setup-java.sh``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS

from dckg.checks.owl import OwlReport, check_owl, dl_instances
from dckg.errors import DckgError
from dckg.layout import import_paths

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
    "bad_same_as",
    "bad_owl_time",
)
DCKG = "https://w3id.org/dckg/ontology#"
DCKI = "https://w3id.org/dckg/id/"


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
        "same_individuals": not report.same_individuals,
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


def test_inferred_same_as_between_named_individuals_is_named(
    reports: dict[str, OwlReport],
) -> None:
    """Two instants on a functional property: consistent, but HermiT merges them."""
    r = reports["bad_same_as"]
    assert not r.ok
    assert r.consistent is True
    assert r.same_individuals == (
        (
            "https://example.org/owlcheck#day-1962-10-27",
            "https://example.org/owlcheck#month-1962-10",
        ),
    )
    assert r.summary().splitlines()[1:] == [
        "  1 owl:sameAs inferred between named individuals (HermiT):",
        "    <https://example.org/owlcheck#day-1962-10-27>"
        " = <https://example.org/owlcheck#month-1962-10>",
    ]
    _is_clean_apart_from(r, "same_individuals")


def test_faithful_extract_clashing_with_real_owl_time_is_inconsistent(
    reports: dict[str, OwlReport],
) -> None:
    """A statement disjoint from time:TemporalEntity with a time:hasDuration: fine
    alone, inconsistent with OWL-Time (hasDuration ⊑ hasTemporalDuration, whose
    domain is time:TemporalEntity)."""
    r = reports["bad_owl_time"]
    assert r.consistent is False, r.summary()
    assert r.summary().splitlines() == [
        f"{FIXTURES / 'bad_owl_time.ttl'}: NOT OK (15 axioms, merged with 5 W3C import(s))",
        "  INCONSISTENT (HermiT)",
    ]
    _is_clean_apart_from(r, "consistent")
    (alone,) = check_owl([FIXTURES / "bad_owl_time.ttl"], imports=())
    assert alone.ok, alone.summary()
    assert alone.summary().endswith(": OK (15 axioms, OWL 2 DL, consistent)")


def test_every_file_is_merged_with_the_pinned_w3c_files(reports: dict[str, OwlReport]) -> None:
    names = {p.name for p in import_paths()}
    assert names == {"time.ttl", "prov-o.ttl", "org.ttl", "oa.ttl", "skos.ttl"}
    assert all(r.imports == tuple(import_paths()) for r in reports.values())
    # What the merge leaves out of the W3C files is said, never silently dropped.
    notes = reports["good"].import_notes
    assert any(n.startswith("time.ttl: 7 axiom(s) on datatypes outside") for n in notes), notes


def test_pinned_owl_time_is_the_2024_edition() -> None:
    time_ttl = {p.name: p for p in import_paths()}["time.ttl"].read_text(encoding="utf-8")
    assert '"2024-02-29"^^xsd:date' in time_ttl
    assert ":unitDecade" in time_ttl
    assert ":inXSDDateTimeStamp" in time_ttl


def test_dl_query_lists_inferred_instances() -> None:
    """Protégé's DL Query tab, with the file's own prefixes (domain inference included)."""
    found = dl_instances(FIXTURES / "good.ttl", "ex:hasParticipant some ex:Person")
    assert found == {"https://example.org/owlcheck#channel1"}


def test_dl_query_on_an_inconsistent_merge_has_no_answer() -> None:
    with pytest.raises(DckgError, match="inconsistent"):
        dl_instances(FIXTURES / "bad_owl_time.ttl", "owl:Thing")


@pytest.mark.parametrize("name", ["ontology", "knowledge_graph"])
def test_repository_files_open_cleanly(reports: dict[str, OwlReport], name: str) -> None:
    """ontology/dckg.ttl alone and kg/dckg.ttl (ontology + every statement), each
    merged with the pinned W3C files: 0 parse errors, 0 unparsed triples, 0 OWL 2 DL
    violations, HermiT consistent, no unsatisfiable class, no inferred sameAs."""
    report = reports[name]
    assert report.ok, report.summary()
    assert report.axioms > 1000


def _channels_below(graph: Graph, whole: URIRef) -> set[str]:
    """Channels whose dckg:partOf chain reaches ``whole``, computed without a reasoner."""
    channel_classes = set(graph.transitive_subjects(RDFS.subClassOf, URIRef(DCKG + "Channel")))
    channels = {s for c in channel_classes for s in graph.subjects(RDF.type, c)}
    part_of = URIRef(DCKG + "partOf")
    return {str(c) for c in channels if whole in set(graph.transitive_objects(c, part_of)) - {c}}


def test_dl_query_channels_part_of_nato_russia_relations() -> None:
    """The issue's Protégé check: "Channel and partOf value nato-russia-relations"
    returns every channel below it, however deep (partOf is transitive)."""
    whole = URIRef(DCKI + "nato-russia-relations")
    expected = _channels_below(Graph().parse(KNOWLEDGE_GRAPH), whole)
    assert len(expected) > 1
    found = dl_instances(
        KNOWLEDGE_GRAPH, "dckg:Channel and dckg:partOf value dcki:nato-russia-relations"
    )
    assert found == expected


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
