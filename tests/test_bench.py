"""The synthetic corpus and the benchmark runner, at a tiny size (correctness only, no timing)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.namespace import RDF

from dckg.bench.generate import article_file, generate, make_instant
from dckg.bench.measure import run_rdflib
from dckg.cli import main
from dckg.curate.build import build
from dckg.graph.rdf import DCKG, DCKV, TIME
from dckg.layout import Layout

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Layout:
    root = tmp_path_factory.mktemp("bench") / "kg"
    result = generate(3000, root)
    assert result.files >= 3
    layout = Layout(root)
    build(layout)  # the *-violation gates refuse a corpus that breaks them
    return layout


@pytest.fixture(scope="module")
def merged(corpus: Layout) -> Graph:
    return Graph().parse(corpus.turtle)


def test_generate_writes_a_kg_layout_of_about_the_size_asked(tmp_path: Path) -> None:
    result = generate(5000, tmp_path / "kg")
    assert 4500 <= result.triples <= 6000
    files = sorted((tmp_path / "kg" / "sources").glob("*.ttl"))
    assert len(files) == result.files
    assert (tmp_path / "kg" / "entities.ttl").is_file()
    assert len(list((tmp_path / "kg" / "articles").glob("*.txt"))) == result.files


def test_generate_is_deterministic(tmp_path: Path) -> None:
    generate(2000, tmp_path / "a")
    generate(2000, tmp_path / "b")
    for path in sorted((tmp_path / "a").rglob("*.ttl")):
        assert path.read_bytes() == (tmp_path / "b" / path.relative_to(tmp_path / "a")).read_bytes()


def test_generate_refuses_a_non_empty_directory(tmp_path: Path) -> None:
    (tmp_path / "x").write_text("x")
    result = CliRunner().invoke(main, ["bench", "generate", "-n", "2000", "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert "not empty" in result.output


def test_corpus_has_the_ontologys_shapes(merged: Graph) -> None:
    precisions = set(merged.objects(None, DCKG.precision))
    assert {
        TIME.unitDay,
        TIME.unitWeek,
        TIME.unitMonth,
        TIME.unitYear,
        TIME.unitDecade,
    } <= precisions
    assert set(merged.objects(None, DCKG.periodPart)) and set(merged.objects(None, DCKG.dateHedge))
    for cls in (DCKG.StatusStatement, DCKG.Event, DCKG.CountStatement, DCKG.LocationStatement):
        assert any(merged.subjects(RDF.type, cls)), cls
    assert any(merged.subjects(RDF.type, DCKG.PostHolding))
    assert any(merged.triples((None, DCKG.rank, DCKV.preferred)))  # conflicting statuses
    assert any(merged.triples((None, DCKG.rankReason, None)))
    assert any(merged.triples((None, DCKG.validDuring, None)))
    assert any(merged.triples((None, DCKG.asOf, None)))
    assert any(merged.subjects(RDF.type, DCKG.Summit))
    assert any(merged.triples((None, DCKG.duration, None)))
    assert any(merged.triples((None, DCKG.accordingTo, None)))
    for used in (DCKG.sameEventAs, DCKG.latestAsOf, TIME.hasDuration):  # the old model
        assert not any(merged.triples((None, used, None))), used


def test_events_are_attested_occurrences_and_disputed_dates_are_statements(
    merged: Graph,
) -> None:
    events = set(merged.subjects(RDF.type, DCKG.Event))
    assert events
    for event in events:
        assert (event, DCKG.attestedBy, None) in merged
        for prop in (DCKG.hasReference, DCKG.rank, DCKG.rankReason):
            assert (event, prop, None) not in merged, (event, prop)
    datings = set(merged.subjects(RDF.type, DCKG.DatingStatement))
    disputed = {merged.value(d, DCKG.dateOf) for d in datings}
    assert disputed and disputed <= events
    for event in disputed:
        assert (event, DCKG.occurredAt, None) not in merged
        ranks = {merged.value(d, DCKG.rank) for d in merged.subjects(DCKG.dateOf, event)}
        assert DCKV.preferred in ranks and ranks & {DCKV.normal, DCKV.deprecated}
    uses = set(merged.subjects(RDF.type, DCKG.LastUseStatement))
    assert uses and all(merged.value(u, DCKG.lastUse) in events for u in uses)
    statements = datings | uses
    assert all((s, DCKG.hasReference, None) in merged for s in statements)
    # Entities are attested, never referenced: hasReference is for statements only.
    entities = set(merged.subjects(RDF.type, DCKG.State)) | set(
        merged.subjects(RDF.type, DCKG.Person)
    )
    assert any((e, DCKG.attestedBy, None) in merged for e in entities)
    assert not any((e, DCKG.hasReference, None) in merged for e in entities)


def test_quotes_occur_in_the_article_texts(corpus: Layout) -> None:
    import re

    for source in corpus.source_files()[:3]:
        text = (corpus.root / "articles" / f"{source.stem}.txt").read_text(encoding="utf-8")
        quotes = re.findall(r'oa:exact "((?:[^"\\]|\\.)*)"', source.read_text(encoding="utf-8"))
        assert quotes
        assert all(q in text for q in quotes)


def test_corpus_passes_the_shapes(corpus: Layout) -> None:
    """A generated article validates against the corpus with the project's shapes."""
    from dckg.validation.validate import validate_files

    stem, text = article_file(corpus.root)
    new = corpus.root.parent / f"{stem}.ttl"
    new.write_text(text, encoding="utf-8")
    report = validate_files([new], corpus)
    assert report.conforms, [str(r) for r in report.sorted_results()][:5]


def test_every_generated_file_passes_dckg_validate(tmp_path: Path) -> None:
    """Each generated article file, with its text, as ``dckg validate`` checks it.

    Unbuilt: a built store's neighbourhood also holds the derived dckg:bestDate, which
    the closed event shape refuses when an existing file is validated again.
    """
    from dckg.validation.validate import validate_files

    layout = Layout(generate(3000, tmp_path / "kg").root)
    for source in layout.source_files():
        text = layout.root / "articles" / f"{source.stem}.txt"
        report = validate_files([source], layout, article=text)
        assert not report.results, [str(r) for r in report.sorted_results()][:5]


def test_week_instant_starts_on_monday() -> None:
    import datetime as dt

    inst = make_instant(dt.date(2021, 10, 7), "week")
    assert inst.slug == "2021-W40" and inst.start == dt.date(2021, 10, 4)


def test_bench_run_ends_with_the_json_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        [
            *("bench", "run", "-n", "2000", "--repeat", "1"),
            *("--rdflib-timeout", "120", "--dir", str(tmp_path / "kg")),
        ],
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output.strip().splitlines()[-1])
    for key in (
        "build_vs_oxigraph_load",
        "query_vs_oxigraph_max",
        "query_vs_rdflib_min",
        "peak_rss_mb",
        "validation_s",
    ):
        assert key in summary
    assert summary["results_agree"], summary["results_disagree"]
    assert summary["rdflib_run"] and not summary["rdflib_parse_capped"]
    assert "survivors" in result.output


def test_rdflib_parse_over_its_timeout_runs_no_query(corpus: Layout) -> None:
    # A worker that has not parsed the TriG in 10 ms is killed (importing rdflib alone
    # takes longer), and the baseline says so instead of showing empty cells.
    rdf = run_rdflib(corpus.root, ["survivors"], "{}", 1, timeout=60, parse_timeout=0.01)
    assert rdf.records == [{"open_capped": True}]


def test_cold_start_compares_dckg_with_bare_oxigraph(built: Layout) -> None:
    result = CliRunner().invoke(
        main, ["bench", "cold-start", "--kg", str(built.root), "--runs", "1"]
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output.strip().splitlines()[-1])
    assert set(summary["median_s"]) == {"dckg", "bare", "bare+click"}
    assert summary["rows_agree"] and summary["rows"]["dckg"] > 0
    assert summary["dckg_vs_bare"] > 0 and summary["dckg_vs_bare_click"] > 0


def test_cold_start_needs_a_built_store(unbuilt_copy: Layout) -> None:
    result = CliRunner().invoke(main, ["bench", "cold-start", "--kg", str(unbuilt_copy.root)])
    assert result.exit_code == 2
    assert "run `dckg build` first" in result.output
