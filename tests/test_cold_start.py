"""``dckg query`` on Oxigraph starts cold in a fraction of a second: no rdflib, no pySHACL.

Not a timed test (the machine is shared): it checks what makes the start slow is
never imported, and that what replaced rdflib on that path — the query screen,
the engine-neutral terms and the result writers — behaves exactly as rdflib did.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import BNode, Literal, URIRef, Variable
from rdflib.namespace import RDF, XSD
from rdflib.query import Result
from rdflib.term import XSDToPython

from dckg import __version__, output
from dckg.engine import OxigraphEngine, QueryResult, inspect_query, screen_query
from dckg.errors import DckgError
from dckg.layout import Layout
from dckg.queries import bindings, library
from dckg.rdfterm import NORMALISED_DATATYPES, Term, from_rdflib, literal

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
    import dckg.engine

    def no_rdflib(*args, **kwargs):
        raise AssertionError("sent to rdflib")

    monkeypatch.setattr(dckg.engine, "inspect_query", no_rdflib)
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

XSD_ = str(XSD)
LEXICAL = [
    *((v, XSD_ + "integer") for v in ["0", "7", "-12", "007", "-0", "+5", " 5", "1e3", "x"]),
    *((v, XSD_ + t) for v in ["0", "300", "-1"] for t in ("int", "byte", "nonNegativeInteger")),
    *((v, XSD_ + "boolean") for v in ["true", "false", "1", "0", "TRUE", "yes"]),
    *(
        (v, XSD_ + "dateTime")
        for v in [
            "2021-10-18T00:00:00Z",
            "2021-10-18T00:00:00",
            "2021-10-18T01:02:03+02:00",
            "2021-10-18T01:02:03-05:30",
            "2021-10-18T01:02:03-00:00",
            "2021-10-18T01:02:03.5Z",
            "2021-10-18T24:00:00Z",
            "2021-02-30T00:00:00Z",
            "0999-01-01T00:00:00Z",
            "0000-01-01T00:00:00Z",
            "-0044-03-15T00:00:00Z",
            "2021-10-18",
        ]
    ),
    *((v, XSD_ + "date") for v in ["2021-10-18", "2021-10-18Z", "2021-02-30", "21-10-18"]),
    *((v, XSD_ + "decimal") for v in ["1.5", "1.0", "1", "-0.50", "x"]),
    *((v, XSD_ + "double") for v in ["1.5E3", "1500.0", "INF", "-INF", "NaN", "1"]),
    *((v, XSD_ + "float") for v in ["1.5", "INF"]),
    *((v, XSD_ + t) for v in ["P1Y", "x"] for t in ("duration", "time", "gYear", "anyURI")),
    ("2021", XSD_ + "gYear"),
    ("a < b", str(RDF.XMLLiteral)),
    ("x", "http://example.org/dt"),
]


def test_normalised_datatypes_are_rdflibs() -> None:
    rdflib_normalises = {str(k) for k, parse in XSDToPython.items() if k and parse is not None}
    assert rdflib_normalises <= NORMALISED_DATATYPES
    assert NORMALISED_DATATYPES - rdflib_normalises <= {str(RDF.HTML)}


@pytest.mark.parametrize(("value", "datatype"), LEXICAL)
def test_lexical_forms_are_rdflibs(value: str, datatype: str) -> None:
    ours = literal(value, datatype)
    theirs = Literal(value, datatype=URIRef(datatype))
    assert ours.value == str(theirs)
    assert ours.n3() == theirs.n3()
    assert ours.to_rdflib() == theirs


TERMS = [
    URIRef("https://w3id.org/dckg/id/nato"),
    BNode("b0"),
    Literal("plain"),
    Literal(""),
    Literal('say "hi"'),
    Literal("back\\slash"),
    Literal("two\nlines"),
    Literal('ends in a quote"\n"'),
    Literal('has """ three\nquotes'),
    Literal("carriage\rreturn"),
    Literal("ends\nwith backslash\\"),
    Literal("hé ü 中文"),
    Literal("NATO", lang="en"),
    Literal("Mission", lang="en-GB"),
    Literal("2021-10", datatype=XSD.gYearMonth),
    Literal("x", datatype=URIRef("http://example.org/dt")),
]


@pytest.mark.parametrize("term", TERMS, ids=repr)
def test_terms_round_trip_and_write_as_rdflib(term) -> None:
    ours = from_rdflib(term)
    assert ours is not None
    assert ours.n3() == term.n3()
    assert str(ours) == str(term)
    assert ours.to_rdflib() == term
    assert output.short(ours) == output.short(term)


def test_an_iri_rdflib_cannot_write_is_refused_the_same_way() -> None:
    with pytest.raises(Exception, match="does not look like a valid URI"):
        Term("uri", "http://e/a b").n3()


# -- the writers: rdflib's W3C result formats, byte for byte -------------------------


def rdflib_writes(result: QueryResult, fmt: str) -> str:
    """What ``dckg query`` wrote before: rdflib's own result serialisers."""
    res = Result("SELECT")
    variables = [Variable(v) for v in result.variables]
    res.vars = variables
    res.bindings = [
        {var: value for var, value in zip(variables, row, strict=True) if value is not None}
        for row in result.rows
    ]
    data = res.serialize(format=fmt)
    return data.decode("utf-8") if isinstance(data, bytes) else str(data)


TRICKY = """PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
SELECT ?a ?b ?c ?d ?e ?f ?g ?h ?i ?j ?unbound WHERE {
  BIND("a \\"q\\" b\\nline2\\ttab, comma" AS ?a) BIND("hé ü 中文 \\u0001"@en-GB AS ?b)
  BIND(42 AS ?c) BIND(1.50 AS ?d) BIND(1.5e3 AS ?e) BIND(true AS ?f)
  BIND("2021-10-18T00:00:00Z"^^xsd:dateTime AS ?g) BIND(BNODE("x") AS ?h)
  BIND(<http://example.org/x?y=1&z=%3C> AS ?i) BIND("back\\\\slash <lt> & amp" AS ?j)
}"""


@pytest.fixture(scope="module")
def results(layout: Layout) -> list[QueryResult]:
    engine = OxigraphEngine.from_files([layout.trig])
    out = [engine.run(TRICKY, {}, "SELECT")]
    for query in library().values():
        out.append(engine.run(query.text, bindings(query, {}), "SELECT"))
    return out


@pytest.mark.parametrize("fmt", ["csv", "json", "xml"])
def test_w3c_formats_are_written_as_rdflib_writes_them(fmt: str, results) -> None:
    compared = 0
    for result in results:
        if fmt == "xml" and any(isinstance(v, Literal) and not v for r in result.rows for v in r):
            continue  # rdflib's XML writer drops a literal whose value is false or 0: see below
        assert output.render(result, fmt) == rdflib_writes(result, fmt)
        compared += 1
    assert compared >= 5


def test_tsv_is_one_rdflib_n3_term_per_cell(results) -> None:
    for result in results:
        lines = output.render(result, "tsv").splitlines()
        expected = ["\t".join(f"?{v}" for v in result.variables)] + [
            "\t".join(v.n3() if v is not None else "" for v in row) for row in result.rows
        ]
        assert lines == "\n".join(expected).splitlines()


def test_xml_writes_zero_and_false(layout: Layout) -> None:
    """rdflib's XML writer wrote ``<literal datatype="...#integer"></literal>`` for 0."""
    import pyoxigraph as ox

    result = OxigraphEngine(ox.Store()).run(
        "SELECT ?n ?b ?s WHERE { BIND(0 AS ?n) BIND(false AS ?b) BIND('' AS ?s) }", {}, "SELECT"
    )
    text = output.render(result, "xml")
    assert 'XMLSchema#integer">0</literal>' in text
    assert 'XMLSchema#boolean">false</literal>' in text
    assert json.loads(output.render(result, "json"))["results"]["bindings"][0]["n"]["value"] == "0"


def test_rows_and_cells_are_the_same_result(results) -> None:
    for result in results:
        again = QueryResult("SELECT", result.variables, result.rows)
        assert again.cells == result.cells
