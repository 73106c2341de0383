"""Sound uncertain time: what each date allows, and what status-at and survivors make of it.

The expectations are data, checked by hand, in ``tests/fixtures/dates/bounds.toml``:
every bounded or hedged instant of kg/ against the committed graph, and combinations
no article uses yet against the build's derivation alone.
"""

from __future__ import annotations

import json
import tomllib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from dckg import namespaces as ns
from dckg.cli import main
from dckg.graph.assemble import assemble_store
from dckg.graph.bounds import Bounds, bounds, chronological_key
from dckg.graph.dates import derived_dates
from dckg.layout import Layout
from dckg.query.engine import OxigraphEngine
from dckg.query.library import bindings, library
from dckg.query.sparql import inspect_query

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "dates"
with (FIXTURES / "bounds.toml").open("rb") as _handle:
    EXPECTED = tomllib.load(_handle)

DERIVED = ("periodStart", "earliest", "latest")
NIO = f"{ns.DCKI}nato-information-office-moscow"


def expand(name: str) -> str:
    prefix, _, local = name.partition(":")
    return ns.PREFIXES[prefix] + local


def facts(quads: list[ox.Quad], subject: str) -> dict[str, str]:
    """The label and derived dates of one instant, by local name."""
    found = {}
    for quad in quads:
        if quad.subject.value == subject:
            name = quad.predicate.value.rsplit("#", 1)[-1]
            found[name] = quad.object.value
    return found


def wanted(row: dict[str, Any]) -> dict[str, str]:
    return {k: row[k] for k in ("label", *DERIVED) if k in row}


@pytest.fixture(scope="module")
def committed() -> list[ox.Quad]:
    """Every quad of the committed TriG's derived graph."""
    store = ox.Store()
    store.bulk_load(path=str(ROOT / "kg" / "dckg.trig"), format=ox.RdfFormat.TRIG)
    return list(store.quads_for_pattern(None, None, None, ox.NamedNode(ns.DERIVED_GRAPH)))


@pytest.mark.parametrize("row", EXPECTED["kg"], ids=[r["instant"] for r in EXPECTED["kg"]])
def test_each_instant_of_the_graph_allows_what_was_checked_by_hand(
    row: dict[str, Any], committed: list[ox.Quad]
) -> None:
    got = facts(committed, expand(row["instant"]))
    assert got == wanted(row)


def test_every_bounded_or_hedged_instant_is_checked(layout: Layout) -> None:
    store = assemble_store(layout)
    qualified = {
        q.subject.value
        for name in ("dateBound", "periodPart", "dateHedge")
        for q in store.quads_for_pattern(None, ox.NamedNode(ns.DCKG + name), None, None)
    }
    checked = {expand(r["instant"]) for r in EXPECTED["kg"]}
    assert qualified, "the graph has bounded and hedged dates"
    assert qualified <= checked, sorted(qualified - checked)


def _one_instant(row: dict[str, Any]) -> str:
    extra = "".join(
        f" ; dckg:{prop} dckv:{row[key]}"
        for key, prop in (("bound", "dateBound"), ("part", "periodPart"), ("hedge", "dateHedge"))
        if key in row
    )
    return (
        "@prefix dckg: <https://w3id.org/dckg/ontology#> .\n"
        "@prefix dckv: <https://w3id.org/dckg/vocab/> .\n"
        "@prefix time: <http://www.w3.org/2006/time#> .\n"
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        f'<urn:x> a time:Instant ; time:inXSDDateTimeStamp "{row["stamp"]}"^^xsd:dateTimeStamp ;'
        f" dckg:precision time:{row['precision']}{extra} .\n"
    )


@pytest.mark.parametrize("row", EXPECTED["rule"], ids=[r["name"] for r in EXPECTED["rule"]])
def test_each_rule_derives_what_was_checked_by_hand(row: dict[str, Any]) -> None:
    store = ox.Store()
    store.load(_one_instant(row).encode(), format=ox.RdfFormat.TURTLE)
    assert facts(derived_dates(store), "urn:x") == wanted(row)


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def _day(iso: str, bound: str | None = None) -> Bounds:
    return bounds(_at(iso), ns.TIME + "unitDay", bound=None if bound is None else ns.DCKV + bound)


def test_before_a_day_sorts_and_ends_before_that_day() -> None:
    before = _day("2021-10-18", "before")
    day = _day("2021-10-18")
    by = _day("2021-10-18", "no-later-than")
    after = _day("2021-10-18", "no-earlier-than")
    assert before.latest is not None and day.earliest is not None
    assert before.latest <= day.earliest  # certainly over before the day began
    assert before.earliest is None and after.latest is None
    ordered = sorted([after, by, day, before], key=chronological_key)
    assert ordered[0] == before and ordered[-1] == after


def test_status_at_ranks_a_beginning_before_a_day_below_that_day(layout: Layout) -> None:
    """Two statements on one channel: one began 'before 2021-10-18' (preferred), one on
    2021-10-18 (normal). The later beginning wins, though its rank is lower: a period
    start alone would tie them and let the rank decide."""
    store = assemble_store(layout, [FIXTURES / "before-and-on-a-day.ttl"])
    query = library()["status-at"]
    for mode in ("certain", "possible"):
        given = bindings(query, {"at": "2021-10-20", "mode": mode})
        result = OxigraphEngine(store).run(query.text, given, inspect_query(query.text))
        column = result.variables.index("statement")
        channel = result.variables.index("channel")
        picked = [
            row[column].value
            for row in result.rows
            if row[channel] is not None and row[channel].value == f"{ns.DCKI}fx-channel"
        ]
        assert picked == [f"{ns.DCKI}st-fx-on-the-day"], mode


def status_at(*args: str) -> dict[str, str]:
    """status-at on the committed graph through the CLI: {channel: status (since)}."""
    done = CliRunner().invoke(
        main, ["query", "status-at", "--kg", str(ROOT / "kg"), "-f", "json", *args]
    )
    assert done.exit_code == 0, done.output
    rows = json.loads(done.stdout)["results"]["bindings"]
    return {r["channel"]["value"]: f"{r['status']['value']} ({r['since']['value']})" for r in rows}


def test_by_2016_is_not_certainly_restricted_on_1_february_2016() -> None:
    """DW dates the Kremlin's cut-off 'by 2016': on 2016-02-01 it may have come, or not."""
    assert status_at("--at", "2016-02-01", "--certain")[NIO] == "active (2001)"
    assert status_at("--at", "2016-02-01")[NIO] == "active (2001)"  # certain by default
    assert status_at("--at", "2016-02-01", "--possible")[NIO] == "restricted (by 2016)"
    assert status_at("--at", "2017-01-01")[NIO] == "restricted (by 2016)"  # certain by then


def test_mode_is_a_checked_choice() -> None:
    runner = CliRunner()
    kg = str(ROOT / "kg")
    done = runner.invoke(main, ["query", "status-at", "--kg", kg, "-p", "mode=maybe"])
    assert done.exit_code != 0 and "certain or possible" in done.output
    done = runner.invoke(main, ["query", "channels", "--kg", kg, "--possible"])
    assert done.exit_code != 0 and "takes no --possible" in done.output
