"""`dckg validate`: the shapes, the fixtures that say what they expect, the report formats.

Each ``tests/fixtures/shacl/*.ttl`` opens with comment lines that state its verdict:

    # expect: conforms
    # expect: SEVERITY FOCUS PATH | MESSAGE FRAGMENT
    # article: TEXT-FILE            (validate with --article tests/fixtures/shacl/TEXT-FILE)

FOCUS is a prefixed IRI or, for a blank node, ``[its label]`` as the report prints
it; PATH is the property path as the report prints it, ``-`` for none. A fixture
passes when the results are exactly the expected ones: same severity, focus node
and path, and the message contains the fragment. Nothing more, nothing less.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef

from dckg.cli import main
from dckg.layout import Layout, shapes_path
from dckg.namespaces import PREFIXES
from dckg.validation.report import ValidationReport, ValidationResult
from dckg.validation.validate import assemble_data, validate_files

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "shacl"
FIXTURE_FILES = sorted(FIXTURES.glob("*.ttl"))
SH = "http://www.w3.org/ns/shacl#"
RDF_TYPE = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


@dataclass(frozen=True)
class Expected:
    severity: str
    focus: str
    path: str | None
    message: str

    def matches(self, result: ValidationResult) -> bool:
        if self.focus.startswith("["):
            focus_ok = (
                not isinstance(result.focus, URIRef) and result.focus_label == self.focus[1:-1]
            )
        else:
            focus_ok = result.focus == expand(self.focus)
        return (
            focus_ok
            and result.severity == self.severity
            and result.path == self.path
            and self.message in result.message
        )


def expand(curie: str) -> URIRef:
    prefix, _, local = curie.partition(":")
    if prefix == "rdfs":
        return URIRef("http://www.w3.org/2000/01/rdf-schema#" + local)
    return URIRef(str(PREFIXES[prefix]) + local)


_EXPECT = re.compile(r"^# expect: (\w+) (\[[^\]]*\]|\S+) (\S+) \| (.+)$")


def expectations(path: Path) -> tuple[list[Expected], list[Path]]:
    """The fixture's expected results (empty for `conforms`) and its article texts."""
    text = path.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.startswith("# expect:")]
    assert lines, f"{path.name} states no expectation"
    expected = []
    for line in lines:
        if line == "# expect: conforms":
            continue
        match = _EXPECT.match(line)
        assert match, f"{path.name}: unreadable expectation {line!r}"
        severity, focus, p, message = match.groups()
        expected.append(Expected(severity, focus, None if p == "-" else p, message.strip()))
    articles = [FIXTURES / a for a in re.findall(r"^# article: (\S+)$", text, re.MULTILINE)]
    return expected, articles


@pytest.fixture(scope="module")
def fixture_reports(layout: Layout) -> dict[str, ValidationReport]:
    reports = {}
    for path in FIXTURE_FILES:
        _, articles = expectations(path)
        reports[path.name] = validate_files([path], layout, articles)
    return reports


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=[p.stem for p in FIXTURE_FILES])
def test_fixture_gives_exactly_what_it_expects(
    path: Path, fixture_reports: dict[str, ValidationReport]
) -> None:
    expected, _ = expectations(path)
    report = fixture_reports[path.name]
    unmatched = list(report.results)
    for exp in expected:
        hits = [r for r in unmatched if exp.matches(r)]
        assert len(hits) == 1, f"{path.name}: expected {exp}, got:\n" + "\n".join(
            r.line() for r in report.results
        )
        unmatched.remove(hits[0])
    assert not unmatched, f"{path.name}: unexpected results:\n" + "\n".join(
        r.line() for r in unmatched
    )
    assert report.conforms == all(e.severity != "Violation" for e in expected)
    assert all(r.file == path for r in report.results)


def test_the_fixtures_cover_valid_and_invalid() -> None:
    verdicts = [bool(expectations(p)[0]) for p in FIXTURE_FILES]
    assert any(verdicts) and not all(verdicts)
    assert len(FIXTURE_FILES) >= 20


def test_curated_sources_conform(layout: Layout) -> None:
    sources = [str(p) for p in layout.source_files()]
    result = CliRunner().invoke(main, ["validate", "--kg", str(layout.root), *sources])
    assert result.exit_code == 0, result.output
    assert "0 violation(s)" in result.output


def test_every_shape_has_a_message() -> None:
    """Every node shape, and every property shape that constrains anything (not the
    bare ``[ sh:path p ]`` entries that only allow ``p`` on a closed shape)."""
    shapes = Graph().parse(shapes_path())
    rdf_type = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    node_shapes = set(shapes.subjects(rdf_type, URIRef(SH + "NodeShape")))
    property_shapes = set(shapes.subjects(rdf_type, URIRef(SH + "PropertyShape")))
    property_shapes |= set(shapes.objects(None, URIRef(SH + "property")))
    constraining = {
        s for s in property_shapes if set(shapes.predicates(s, None)) - {URIRef(SH + "path")}
    }
    assert len(node_shapes) > 15 and len(constraining) > 40
    missing = [
        s for s in node_shapes | constraining if shapes.value(s, URIRef(SH + "message")) is None
    ]
    assert not missing, f"shapes without sh:message: {missing}"


def test_text_report_line_names_node_path_message_and_value(layout: Layout) -> None:
    result = CliRunner().invoke(
        main, ["validate", "--kg", str(layout.root), str(FIXTURES / "unknown-status.ttl")]
    )
    assert result.exit_code == 1
    line = next(x for x in result.output.splitlines() if "Violation" in x)
    assert line.startswith(f"{FIXTURES / 'unknown-status.ttl'}: Violation: ")
    assert "<https://w3id.org/dckg/id/st-fx>" in line and "status statement dcki:st-fx" in line
    assert "dckg:status: Give exactly one dckg:status" in line
    assert line.endswith("(value: dckv:reopened)")
    assert result.output.splitlines()[-1].endswith("does not conform: 1 violation(s), 0 warning(s)")


def test_warnings_are_printed_but_conform(layout: Layout) -> None:
    path = FIXTURES / "dated-after-publication.ttl"
    result = CliRunner().invoke(main, ["validate", "--kg", str(layout.root), str(path)])
    assert result.exit_code == 0
    assert "Warning:" in result.output and "1 warning(s)" in result.output


def test_json_report(layout: Layout) -> None:
    path = FIXTURES / "end-before-begin.ttl"
    result = CliRunner().invoke(
        main, ["validate", "--kg", str(layout.root), "-f", "json", str(path)]
    )
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["conforms"] is False and data["violations"] == 1
    (entry,) = data["results"]
    assert entry["focus"].startswith("_:") and entry["focus_label"].startswith("interval of")
    assert "ends before it begins" in entry["message"]
    assert entry["value"].startswith('"2021-09-01T00:00:00')  # the end, which is too early
    assert entry["value"].endswith('"^^xsd:dateTimeStamp')


def test_turtle_report_is_a_shacl_report(layout: Layout) -> None:
    path = FIXTURES / "no-reference.ttl"
    result = CliRunner().invoke(
        main, ["validate", "--kg", str(layout.root), "-f", "turtle", str(path)]
    )
    assert result.exit_code == 1
    report = Graph().parse(data=result.output, format="turtle")
    (focus,) = set(report.objects(None, URIRef(SH + "focusNode")))
    assert focus == URIRef("https://w3id.org/dckg/id/st-fx")
    (conforms,) = set(report.objects(None, URIRef(SH + "conforms")))
    assert conforms.toPython() is False


def test_several_files_are_validated_together(layout: Layout, tmp_path: Path) -> None:
    """A statement in one new file may rely on an article and instant in another."""
    valid = (FIXTURES / "valid-status.ttl").read_text(encoding="utf-8")
    head, _, body = valid.partition("dcki:st-fixture-relations-suspended")
    prefixes = "".join(line + "\n" for line in head.splitlines() if line.startswith("@prefix"))
    first, second = tmp_path / "a.ttl", tmp_path / "b.ttl"
    first.write_text(head, encoding="utf-8")
    second.write_text(prefixes + "dcki:st-fixture-relations-suspended" + body, encoding="utf-8")
    alone = validate_files([second], layout)
    assert not alone.conforms  # the article and dckt:2021-11-02 are only in a.ttl
    together = validate_files([first, second], layout)
    assert together.conforms, [r.line() for r in together.results]


def test_a_file_replacing_a_source_is_checked_without_the_old_version(
    layout: Layout, tmp_path: Path
) -> None:
    """A new version of kg/sources/NAME is validated without NAME's old statements,
    which would otherwise lend it references it no longer has."""
    source, *others = layout.source_files()
    text = source.read_text(encoding="utf-8")
    elsewhere = "".join(p.read_text(encoding="utf-8") for p in others)
    own = [
        name
        for name in re.findall(r"^dcki:(st-[\w-]+) a dckg:StatusStatement", text, re.MULTILINE)
        if f"dcki:{name} " not in elsewhere
    ]
    assert own, f"{source.name} has no status statement of its own"
    replacement = tmp_path / source.name
    replacement.write_text(text.replace("dckg:hasReference [", "dckg:hasRefs ["), encoding="utf-8")
    report = validate_files([replacement], layout)
    flagged = {str(r.focus) for r in report.violations if r.path == "dckg:hasReference"}
    assert {f"https://w3id.org/dckg/id/{name}" for name in own} <= flagged


def test_querying_and_importing_validate_do_not_load_pyshacl() -> None:
    """pySHACL costs ~0.3 s to import: only running a validation may load it."""
    code = (
        "import sys, dckg.cli, dckg.query.execute, dckg.query.engine, dckg.query.library;"
        "import dckg.validation.validate, dckg.curate.add;"
        "print('pyshacl' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_curated_quotes_occur_in_their_articles(layout: Layout, articles_dir: Path) -> None:
    """Every quote of the curated files is in its article's text, matched by dckg:fileName."""
    texts = sorted(articles_dir.glob("*.txt"))
    report = validate_files(layout.source_files(), layout, texts)
    quotes = [r for r in report.results if r.source == "quote"]
    assert not quotes, "\n".join(r.line() for r in quotes)


def test_article_text_that_matches_no_article_is_a_usage_error(
    layout: Layout, tmp_path: Path
) -> None:
    statement = tmp_path / "no-article.ttl"
    statement.write_text(
        "@prefix dckg: <https://w3id.org/dckg/ontology#> .\n"
        "@prefix dcki: <https://w3id.org/dckg/id/> .\n"
        'dcki:nato-russia-relations dckg:topic "relations" .\n',
        encoding="utf-8",
    )
    text = tmp_path / "some-other-article.txt"
    text.write_text("Some text.\n", encoding="utf-8")
    result = CliRunner().invoke(
        main,
        ["validate", "--kg", str(layout.root), str(statement), "--article", str(text)],
    )
    assert result.exit_code == 2
    assert 'no article has dckg:fileName "some-other-article.txt"' in result.output


def test_only_the_neighbourhood_of_the_new_file_is_loaded(layout: Layout) -> None:
    """The data graph holds what the new file mentions and one hop beyond, not the graph."""
    from dckg.graph.rdf import DCKG, DCKI

    data = assemble_data([FIXTURES / "valid-status.ttl"], layout).data
    # mentioned by the fixture: the channel, with its parties and their types
    assert (DCKI["nato-russia-relations"], None, None) in data
    assert (DCKI["russia"], RDF_TYPE, None) in data
    # not mentioned: the statements of the curated files, even those about that channel
    # (articles and instants one hop from the channel's references are, by design)
    existing = Graph().parse(layout.source_files()[0])
    kinds = ("StatusStatement", "Event", "CountStatement", "PostHolding", "LocationStatement")
    statements = {
        s for kind in kinds for s in existing.subjects(RDF_TYPE, URIRef(str(DCKG) + kind))
    }
    assert statements and not any((s, None, None) in data for s in statements)


def test_inputs_newer_than_the_build_are_read_instead(kg_copy: Layout, tmp_path: Path) -> None:
    """A channel a curator added to entities.ttl after the last build already resolves."""
    new_channel = (
        "\n<https://w3id.org/dckg/id/fixture-new-hotline> a "
        "<https://w3id.org/dckg/ontology#Hotline> ;\n"
        '    <http://www.w3.org/2000/01/rdf-schema#label> "Fixture hotline"@en ;\n'
        "    <https://w3id.org/dckg/ontology#hasParty> <https://w3id.org/dckg/id/nato> ,"
        " <https://w3id.org/dckg/id/russia> .\n"
    )
    with kg_copy.entities.open("a", encoding="utf-8") as handle:
        handle.write(new_channel)
    statement = tmp_path / "about-new-channel.ttl"
    statement.write_text(
        (FIXTURES / "valid-status.ttl")
        .read_text(encoding="utf-8")
        .replace(
            "dckg:channel dcki:nato-russia-relations", "dckg:channel dcki:fixture-new-hotline"
        ),
        encoding="utf-8",
    )
    assert validate_files([statement], kg_copy).conforms


def test_each_of_several_files_needs_its_own_references(layout: Layout, tmp_path: Path) -> None:
    """Validated together, one file's reference does not cover a statement another
    file restates without one (CURATION.md rule 3)."""
    valid = FIXTURES / "valid-status.ttl"
    restated = tmp_path / "restates.ttl"
    text = valid.read_text(encoding="utf-8")
    prefixes = "".join(line + "\n" for line in text.splitlines() if line.startswith("@prefix"))
    restated.write_text(
        prefixes + "dcki:st-fixture-relations-suspended dckg:status dckv:suspended .\n",
        encoding="utf-8",
    )
    report = validate_files([valid, restated], layout)
    (problem,) = report.violations
    assert problem.file == restated and problem.source == "provenance"
    assert problem.focus == URIRef("https://w3id.org/dckg/id/st-fixture-relations-suspended")
    assert "gives no reference for it" in problem.message


def test_cli_formats_are_the_report_writers() -> None:
    """The CLI lists the formats by hand (so `dckg --help` need not import rdflib)."""
    from dckg.validation.report import FORMATS, RENDERERS

    command = main.get_command(click.Context(main), "validate")
    assert command is not None
    option = next(p for p in command.params if p.name == "fmt")
    assert tuple(option.type.choices) == FORMATS == tuple(RENDERERS)  # type: ignore[attr-defined]


def test_neighbourhood_takes_each_triple_once_however_many_graphs_state_it() -> None:
    """An instant declared by many articles: its triples once, every distinct one kept."""
    import pyoxigraph as ox

    from dckg.validation.neighbourhood import neighbourhood

    ex = "https://example.org/"
    node, p, q = (ox.NamedNode(ex + n) for n in ("instant", "p", "q"))
    store = ox.Store()
    graphs = [ox.NamedNode(f"{ex}article-{i}") for i in range(3)]
    for graph in [*graphs, ox.DefaultGraph()]:
        store.add(ox.Quad(node, p, ox.Literal("a"), graph))
        store.add(ox.Quad(node, p, ox.Literal("b"), graph))  # same predicate, other value
        store.add(ox.Quad(node, q, ox.Literal("a"), graph))  # same value, other predicate
    store.add(ox.Quad(node, p, ox.Literal("only-in-one"), graphs[2]))
    store.add(ox.Quad(node, q, ox.Literal("excluded"), graphs[1]))

    out = neighbourhood(store, [URIRef(node.value)], exclude=[URIRef(graphs[1].value)])

    assert {(str(pr), str(o)) for _, pr, o in out} == {
        (p.value, "a"),
        (p.value, "b"),
        (q.value, "a"),
        (p.value, "only-in-one"),
    }
