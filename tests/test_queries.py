"""The named query library over the built graph: golden results, two engines, analysts' facts.

Results are compared as multisets of rows. A cell that joins several values with
" | " (GROUP_CONCAT) is compared as the set of its parts, since SPARQL leaves the
order of a GROUP_CONCAT to the engine. Golden files live in ``tests/golden/``;
after a deliberate change to the graph or a query, regenerate them with
``pytest tests/test_queries.py --update-golden`` and review the diff.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from dckg.cli import main
from dckg.graph.rdf import to_rdflib
from dckg.layout import Layout
from dckg.query.engine import Cell, OxigraphEngine, QueryResult, RdflibEngine
from dckg.query.library import NamedQuery, bindings, library
from dckg.query.sparql import inspect_query

GOLDEN = Path(__file__).parent / "golden"
SEP = " | "

#: Every report query with its defaults, plus the parameter sets analysts use most.
CASES: list[tuple[str, dict[str, str]]] = [
    *((name, {}) for name, q in sorted(library().items()) if not q.is_violation),
    ("survivors", {"at": "2021-10-01"}),
    ("status-at", {"at": "2021-10-01"}),
    ("status-at", {"at": "2021-11-01"}),
    ("status-at", {"at": "2015"}),
    ("status-at", {"mode": "possible"}),
    ("status-at", {"at": "2016-02-01", "mode": "possible"}),
    ("survivors", {"mode": "certain"}),
    ("counts", {"of": "ev-nato-expulsion-2021-10"}),
    ("reasons", {"event": "ev-russia-decision-2021-10-18"}),
    ("timeline", {"channel": "nato-information-office-moscow"}),
    ("timeline", {"from": "2021-10", "to": "2021-10-31"}),
    ("events", {"from": "2021-10-01", "to": "2021-10-31"}),
    ("sources", {"subject": "saceur-cgs-hotline"}),
    ("sources", {"subject": "russian-mission-to-nato"}),
]


def case_id(case: tuple[str, dict[str, str]]) -> str:
    name, params = case
    return "-".join([name, *(f"{k}={v}" for k, v in sorted(params.items()))])


Row = tuple[str, ...]


def cell(value: Cell) -> str:
    """A cell as rdflib writes its lexical form (the canonical form, the same on both engines)."""
    text = "" if value is None else str(to_rdflib(value))
    return SEP.join(sorted(text.split(SEP))) if SEP in text else text


def rows_of(result: QueryResult) -> Counter[Row]:
    return Counter(tuple(cell(v) for v in row) for row in result.rows)


def run(engine: RdflibEngine | OxigraphEngine, name: str, params: dict[str, str]) -> QueryResult:
    query: NamedQuery = library()[name]
    return engine.run(query.text, bindings(query, params), inspect_query(query.text))


@pytest.fixture(scope="session")
def rdflib_engine(layout: Layout) -> RdflibEngine:
    return RdflibEngine.from_files([layout.trig])


@pytest.fixture(scope="session")
def oxigraph_engine(layout: Layout) -> OxigraphEngine:
    return OxigraphEngine.from_files([layout.trig])


@pytest.fixture(scope="session")
def results(oxigraph_engine: OxigraphEngine) -> dict[str, QueryResult]:
    return {case_id(c): run(oxigraph_engine, *c) for c in CASES}


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_golden_results(case, results, request) -> None:
    result = results[case_id(case)]
    path = GOLDEN / f"{case_id(case)}.json"
    got = {"variables": result.variables, "rows": sorted(rows_of(result).elements())}
    if request.config.getoption("--update-golden"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert got["variables"] == expected["variables"]
    assert Counter(map(tuple, got["rows"])) == Counter(map(tuple, expected["rows"]))


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_rdflib_gives_the_same_rows_as_oxigraph(case, results, rdflib_engine) -> None:
    ours = run(rdflib_engine, *case)
    theirs = results[case_id(case)]
    assert ours.variables == theirs.variables
    assert rows_of(ours) == rows_of(theirs)


def column(result: QueryResult, name: str) -> list[str]:
    i = result.variables.index(name)
    return [cell(row[i]) for row in result.rows]


def by(result: QueryResult, key: str, value: str) -> dict[str, str]:
    """The one row whose ``key`` column is ``value``, as a dict."""
    matches = [row for row in result.rows if cell(row[result.variables.index(key)]) == value]
    assert len(matches) == 1, f"{len(matches)} rows with {key}={value}"
    return {v: cell(x) for v, x in zip(result.variables, matches[0], strict=True)}


DCKI = "https://w3id.org/dckg/id/"


def test_survivors_of_18_october(results) -> None:
    """The hotline, the embassy in Belgium and the Founding Act survive; the three cut do not."""
    result = results["survivors"]
    channels = set(column(result, "channel"))
    assert {
        DCKI + "saceur-cgs-hotline",
        DCKI + "russian-embassy-belgium",
        DCKI + "nato-russia-founding-act",
    } <= channels
    assert (
        not {
            DCKI + "russian-mission-to-nato",
            DCKI + "nato-military-liaison-mission-moscow",
            DCKI + "nato-information-office-moscow",
        }
        & channels
    )
    assert all(source for source in column(result, "sources")), "every row names its sources"
    hotline = by(result, "channel", DCKI + "saceur-cgs-hotline")
    assert hotline["lastUsed"] == "2020-04"
    assert "NATO-Russia diplomacy at a new low" in hotline["sources"]


def test_on_1_october_the_three_channels_were_still_there(results) -> None:
    rows = results["status-at-at=2021-10-01"]
    for slug in ("russian-mission-to-nato", "nato-military-liaison-mission-moscow"):
        assert by(rows, "channel", DCKI + slug)["status"] == "active"


def test_status_of_the_information_office_changes_in_october_2021(results) -> None:
    before = by(
        results["status-at-at=2021-10-01"], "channel", DCKI + "nato-information-office-moscow"
    )
    after = by(
        results["status-at-at=2021-11-01"], "channel", DCKI + "nato-information-office-moscow"
    )
    assert before["status"] != after["status"]
    assert after["status"] == "closed"
    assert "Crisis or Opportunity?" in after["sources"]


def test_last_used_says_april_2020_at_month_precision(results) -> None:
    hotline = by(results["last-used"], "channel", DCKI + "saceur-cgs-hotline")
    assert (hotline["lastUsed"], hotline["precision"]) == ("2020-04", "month")
    assert hotline["sources"] == "NATO-Russia diplomacy at a new low"
    assert "April 2020" in hotline["quotes"]


def test_conflicts_show_2000_against_2001(results) -> None:
    rows = [
        dict(zip(results["conflicts"].variables, map(cell, row), strict=True))
        for row in results["conflicts"].rows
    ]
    nio = [r for r in rows if {r["claimA"], r["claimB"]} == {"2000", "2001"}]
    assert len(nio) == 1
    assert "NATO Information Office in Moscow" in nio[0]["aboutLabel"]
    sources = {nio[0]["sourcesA"], nio[0]["sourcesB"]}
    assert any("symbolic, not significant" in s for s in sources)
    assert any("Crisis or Opportunity" in s for s in sources)
    kinds = {r["kind"] for r in rows}
    assert {"status", "location", "event date", "tenure end"} <= kinds


def test_timeline_is_oldest_first(results) -> None:
    """ORDER BY is part of the contract: the rows come back in date order."""
    result = results["timeline-channel=nato-information-office-moscow"]
    dates = [cell(row[result.variables.index("date")]) for row in result.rows]
    # A label may open with a hedge or bound ("late 2021-09", "by 2016"): the
    # order is that of the date after it.
    assert dates == sorted(dates, key=lambda d: d.split()[-1])
    assert dates, "the information office has a timeline"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("DELETE WHERE { ?s ?p ?o }", "SPARQL Update is refused"),
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "SPARQL Update is refused"),
        (
            "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
            "SERVICE is refused",
        ),
        ("SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }", "FROM / FROM NAMED"),
        ("SELECT * WHERE { ?s ?p }", "SPARQL syntax error"),
    ],
)
def test_refused_queries_exit_2_and_change_nothing(text, message, kg_copy: Layout) -> None:
    before = kg_copy.trig.read_bytes()
    result = CliRunner().invoke(main, ["query", "-", "--kg", str(kg_copy.root)], input=text)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert kg_copy.trig.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["survivors", "--at", "2021-13-40"], "invalid date '2021-13-40'"),
        (["survivors", "-p", "nope=1"], "has no parameter 'nope'"),
        (["survivors", "-p", "at"], "use NAME=VALUE"),
        (["no-such-query"], "unknown query 'no-such-query'"),
        (["actors", "--at", "2021"], "takes no date parameter"),
        (["survivors", "-f", "turtle"], "--format turtle is for graphs"),
    ],
)
def test_bad_parameters_exit_2(args, message, layout: Layout) -> None:
    result = CliRunner().invoke(main, ["query", *args, "--kg", str(layout.root)])
    assert result.exit_code == 2, result.output
    assert message in result.output


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "xml", "markdown", "table"])
def test_every_select_format_carries_the_rows(fmt, layout: Layout) -> None:
    result = CliRunner().invoke(main, ["query", "last-used", "-f", fmt, "--kg", str(layout.root)])
    assert result.exit_code == 0, result.output
    assert "saceur-cgs-hotline" in result.output
    assert "2020-04" in result.output
    if fmt == "json":
        data = json.loads(result.output)
        assert "channel" in data["head"]["vars"]
    if fmt == "xml":
        assert "http://www.w3.org/2005/sparql-results#" in result.output


def test_ask_exits_0_for_true_and_1_for_false(layout: Layout) -> None:
    yes = CliRunner().invoke(
        main,
        ["query", "-", "--kg", str(layout.root)],
        input="ASK { ?s a <https://w3id.org/dckg/ontology#Hotline> }",
    )
    no = CliRunner().invoke(
        main, ["query", "-", "--kg", str(layout.root)], input="ASK { <urn:x> ?p ?o }"
    )
    assert (yes.exit_code, yes.output) == (0, "true\n")
    assert (no.exit_code, no.output) == (1, "false\n")


def test_construct_writes_turtle(layout: Layout) -> None:
    result = CliRunner().invoke(
        main,
        ["query", "-", "-f", "turtle", "--kg", str(layout.root)],
        input="PREFIX dckg: <https://w3id.org/dckg/ontology#>\n"
        "CONSTRUCT { ?c a dckg:Hotline } WHERE { ?c a dckg:Hotline }",
    )
    assert result.exit_code == 0, result.output
    assert "saceur-cgs-hotline" in result.output


@pytest.mark.parametrize(
    ("name", "start"), [("out.csv", "at,channel,"), ("out.json", "{"), ("out.txt", "at  ")]
)
def test_output_file_takes_its_format_from_the_extension(name, start, tmp_path, layout) -> None:
    target = tmp_path / name
    result = CliRunner().invoke(
        main, ["query", "survivors", "-o", str(target), "--kg", str(layout.root)]
    )
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith(start)


def test_queries_lists_names_descriptions_and_parameters() -> None:
    result = CliRunner().invoke(main, ["queries"])
    assert result.exit_code == 0
    for name, query in library().items():
        assert name in result.output
        assert query.description, f"{name} has no description"
    assert "at (period, default 2021-10-18)" in result.output
    assert "mode (choice(certain|possible), default certain)" in result.output


def test_a_month_as_the_end_of_a_window_covers_the_whole_month(oxigraph_engine) -> None:
    """``to=2021-10`` reaches 31 October: NATO HQ's closure of the office on the 29th is in."""
    result = run(oxigraph_engine, "events", {"from": "2021-10", "to": "2021-10"})
    assert "2021-10-29" in column(result, "date")
    assert "2021-10-18" in column(result, "date")
