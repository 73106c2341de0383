"""``dckg query`` on Oxigraph starts cold: no rdflib, no pySHACL, and faithful writers.

Not a timed test (``dckg bench cold-start`` measures the time): it checks that what
makes a start slow is never imported on the Oxigraph path, that the lexer screening
queries there refuses what rdflib's parser refuses, and that each engine's W3C result
writers give back the rows the engine returned.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal

from dckg import __version__
from dckg.errors import DckgError
from dckg.graph.rdf import to_rdflib
from dckg.layout import Layout
from dckg.query.engine import OxigraphEngine, RdflibEngine
from dckg.query.library import bindings, library
from dckg.query.results import RESULT_FORMATS, render
from dckg.query.sparql import inspect_query, screen_query

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("rdflib", "pyshacl", "pyparsing", "owlrl", "matplotlib", "importlib.metadata")

PROBE = """
import sys
from dckg.cli import main
code = None
try:
    main(sys.argv[1:], prog_name="dckg")
except SystemExit as exc:
    code = exc.code
heavy = sorted(m for m in {heavy!r} if m in sys.modules)
print("HEAVY=" + ",".join(heavy) + ";EXIT=" + str(code))
"""


def probe(*args: str, stdin: str | None = None) -> tuple[str, list[str], str]:
    """Run the CLI in a fresh interpreter; its output, the heavy modules it loaded, exit."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=HEAVY), *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=True,
    )
    out, _, tail = done.stdout.rpartition("HEAVY=")
    loaded, _, code = tail.strip().partition(";EXIT=")
    return out, [m for m in loaded.split(",") if m], code


@pytest.mark.parametrize(
    "args",
    [
        ["query", "actors"],
        ["query", "survivors", "--at", "2021-10-18"],
        ["query", "sources", "-p", "subject=saceur-cgs-hotline", "-f", "json"],
        ["query", "last-used", "-f", "xml"],
        ["query", "status-at", "-f", "tsv"],
        ["query", "timeline", "-f", "table"],
        ["--version"],
    ],
)
def test_query_on_oxigraph_imports_no_rdflib(args, layout: Layout) -> None:
    kg = ["--kg", str(layout.root)] if args[0] == "query" else []
    out, heavy, code = probe(*args, *kg)
    assert code in ("0", "None"), out
    assert heavy == [], f"`dckg {' '.join(args)}` imported {heavy}"


def test_stdin_ask_and_refusals_on_oxigraph(layout: Layout) -> None:
    kg = ["--kg", str(layout.root)]
    out, heavy, code = probe("query", "-", *kg, stdin="ASK { ?s ?p ?o } # SERVICE in a comment")
    assert (out, heavy, code) == ("true\n", [], "0")
    # a query that might be refused is parsed by rdflib, which words the refusal
    out, heavy, code = probe(
        "query", "-", *kg, stdin="SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"
    )
    assert code == "2"
    assert "rdflib" in heavy


def test_version_is_the_ontologys() -> None:
    text = (ROOT / "ontology" / "dckg.ttl").read_text(encoding="utf-8")
    assert f'owl:versionInfo "{__version__}"' in text
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject
    assert 'path = "src/dckg/__init__.py"' in pyproject


# -- the screen: cheap, and never lets through what rdflib's check refuses ------------


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", "SELECT"),
        ("PREFIX select: <urn:x#>\nask { ?s select:from ?o }", "ASK"),
        ("CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT"),
        ("DESCRIBE <urn:x>", "DESCRIBE"),
        ("# SERVICE FROM INSERT\nSELECT ?from WHERE { ?from ?p 'FROM <x> SERVICE' }", "SELECT"),
        ('SELECT * WHERE { ?s <http://e/service#from> """\nDELETE\n""" }', "SELECT"),
        ("PREFIX ex: <urn:e#>\nSELECT * WHERE { ?s ex:service ex:from.ex }", "SELECT"),
    ],
)
def test_screen_finds_the_form_without_rdflib(text: str, form: str, monkeypatch) -> None:
    import dckg.query.engine

    def no_rdflib(*args, **kwargs):
        raise AssertionError("sent to rdflib")

    monkeypatch.setattr(dckg.query.engine, "inspect_query", no_rdflib)
    assert screen_query(text) == form


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("SELECT * WHERE { SERVICE <http://e/> { ?s ?p ?o } }", "SERVICE is refused"),
        ("select * where { service <http://e/> { ?s ?p ?o } }", "SERVICE is refused"),
        ("SELECT * WHERE {?s ?p ?o.SERVICE<http://e/>{?s ?p ?o}}", "SERVICE is refused"),
        (
            "PREFIX ex: <urn:e#>\nSELECT * WHERE { ?s ex:a\\' ?o SERVICE <http://e/> { ?s ?p ?o } "
            "?s ex:b\\' ?o }",
            "SERVICE is refused",
        ),
        (
            "PREFIX ex: <urn:e#>\n"
            "SELECT * WHERE { ?s ex:a\\# ?o SERVICE <http://e/> { ?s ?p ?o } }",
            "SPARQL syntax error",  # rdflib cannot read ex:a\#; the screen must not pass it
        ),
        ("SELECT * FROM <http://e/g> WHERE { ?s ?p ?o }", "FROM / FROM NAMED"),
        ("SELECT * FROM NAMED <http://e/g> WHERE { ?s ?p ?o }", "FROM / FROM NAMED"),
        ("SELECT*FROM<http://e/g>WHERE{?s ?p ?o}", "FROM / FROM NAMED"),
        ("DELETE WHERE { ?s ?p ?o }", "SPARQL Update is refused"),
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "SPARQL Update is refused"),
        ("WHERE { ?s ?p ?o }", "SPARQL syntax error"),
    ],
)
def test_screen_passes_what_may_be_refused_to_rdflib(text: str, message: str) -> None:
    with pytest.raises(DckgError, match=message):
        inspect_query(text)
    with pytest.raises(DckgError, match=message):
        screen_query(text)


def test_service_allowed_passes_the_screen() -> None:
    text = "SELECT * WHERE { SERVICE <http://e/> { ?s ?p ?o } }"
    assert screen_query(text, allow_service=True) == "SELECT"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("SELECT * WHERE { ?s ?p }", "SPARQL syntax error at line 1, column"),
        ("SELECT * WHERE { ?s ?p ?o } LIMIT", "SPARQL syntax error at line 1, column"),
    ],
)
def test_oxigraph_syntax_errors_are_worded_by_rdflib(text: str, message: str, layout) -> None:
    import pyoxigraph as ox

    engine = OxigraphEngine(ox.Store())
    assert screen_query(text) == "SELECT"
    with pytest.raises(DckgError, match=message):
        engine.run(text, {}, "SELECT")


# -- terms: lexical forms and N-Triples exactly as rdflib's --------------------------

# -- the W3C result formats: each engine's own writer, the same result sets ---------------

TRICKY = """PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
SELECT ?a ?b ?c ?d ?e ?f ?g ?h ?i ?j ?unbound WHERE {
  BIND("a \\"q\\" b\\nline2\\ttab, comma" AS ?a) BIND("hé ü 中文 \\u0001"@en-GB AS ?b)
  BIND(42 AS ?c) BIND(1.50 AS ?d) BIND(1.5e3 AS ?e) BIND(true AS ?f)
  BIND("2021-10-18T00:00:00Z"^^xsd:dateTime AS ?g) BIND(BNODE("x") AS ?h)
  BIND(<http://example.org/x?y=1&z=%3C> AS ?i) BIND("back\\\\slash <lt> & amp" AS ?j)
}"""


def parsed(text: str, fmt: str) -> set[tuple[object, ...]]:
    """A written result read back, as a set of rows of rdflib terms (CSV, which keeps no
    term types, as rows of strings)."""
    if fmt == "csv":
        return {tuple(row) for row in list(csv.reader(io.StringIO(text)))[1:]}
    solutions = ox.parse_query_results(text.encode(), format=RESULT_FORMATS[fmt])
    assert isinstance(solutions, ox.QuerySolutions)
    names = [v.value for v in solutions.variables]
    return {
        tuple(None if s[n] is None else to_rdflib(s[n]) for n in names)  # type: ignore[arg-type]
        for s in solutions
    }


def by_value(rows: set[tuple[object, ...]]) -> set[tuple[object, ...]]:
    """Literals as (value, datatype, language), so ``1.5`` and ``1.50`` are one decimal;
    blank nodes as None, since each engine labels its own."""

    def key(v: object) -> object:
        if isinstance(v, BNode):
            return None
        if isinstance(v, str) and " | " in v:  # GROUP_CONCAT: SPARQL leaves the order open
            return " | ".join(sorted(v.split(" | ")))
        if isinstance(v, Literal):
            return (v.toPython(), v.datatype, (v.language or "").lower())
        return v

    return {tuple(key(v) for v in row) for row in rows}


@pytest.fixture(scope="module")
def engines(layout: Layout) -> tuple[OxigraphEngine, RdflibEngine]:
    return OxigraphEngine.from_files([layout.trig]), RdflibEngine.from_files([layout.trig])


QUERIES = [("tricky", TRICKY, {})] + [(q.name, q.text, bindings(q, {})) for q in library().values()]


def written(engine: OxigraphEngine | RdflibEngine, text: str, bound: dict) -> dict[str, object]:
    """The result's rows, and its text in every W3C format (rdflib's result can be read
    again; Oxigraph's is run once for each)."""
    result = engine.run(text, bound, "SELECT")
    out: dict[str, object] = {"rows": result.rows}
    for fmt in RESULT_FORMATS:
        if engine.name == "oxigraph":
            result = engine.run(text, bound, "SELECT")
        out[fmt] = render(result, fmt)
    return out


@pytest.mark.slow
@pytest.mark.parametrize("engine_name", ["oxigraph", "rdflib"])
def test_each_engines_writers_give_back_its_rows(engine_name: str, engines) -> None:
    """Every W3C format an engine writes reads back as the rows the engine returned (CSV,
    which keeps no term types, as the lexical forms of the engine's own JSON); the rows of
    the two engines agree by test_queries.py, so their written results do too."""
    engine = next(e for e in engines if e.name == engine_name)
    for name, text, bound in QUERIES:
        out = written(engine, text, bound)
        rows = {
            tuple(None if v is None else to_rdflib(v) for v in row)
            for row in out["rows"]  # type: ignore[attr-defined]
        }
        for fmt in ("tsv", "json", "xml"):
            assert by_value(parsed(str(out[fmt]), fmt)) == by_value(rows), (name, fmt)
        doc = json.loads(str(out["json"]))
        names = doc["head"]["vars"]
        lexical = {
            tuple(
                None if b.get(n, {}).get("type") == "bnode" else b.get(n, {}).get("value", "")
                for n in names
            )
            for b in doc["results"]["bindings"]
        }
        csv_rows = {
            tuple(None if c.startswith("_:") else c for c in row)
            for row in parsed(str(out["csv"]), "csv")
        }
        assert csv_rows == lexical, (name, "csv")


def test_xml_and_json_write_zero_and_false(engines) -> None:
    """rdflib's own XML writer wrote ``<literal datatype="...#integer"></literal>`` for 0."""
    text = "SELECT ?n ?b ?s WHERE { BIND(0 AS ?n) BIND(false AS ?b) BIND('' AS ?s) }"
    for engine in engines:
        xml = render(engine.run(text, {}, "SELECT"), "xml")
        assert 'XMLSchema#integer">0</literal>' in xml, engine.name
        assert 'XMLSchema#boolean">false</literal>' in xml, engine.name
        doc = json.loads(render(engine.run(text, {}, "SELECT"), "json"))
        assert doc["results"]["bindings"][0]["n"]["value"] == "0"
