"""Competency questions on per-channel effects, durations, date bounds, reasons,
military exercises, seats and nationality, across the five articles.

Each test asks one question the graph could not answer before these were modelled,
answers it from the committed graph (kg/dckg.ttl, the ``graph`` fixture) and checks
the answer against the article text: the article file and the words quoted. SPARQL
lives in ``tests/queries/cqc-*.rq``; values are bound with ``initBindings``. Named
queries from ``queries/`` run through ``dckg.query.library`` on Oxigraph, as ``dckg query``
runs them.
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef

import competency
from competency import DCKG, DW, ELN, GALEOTTI, ID, RUSI, TRENIN, Row, T, V, named, quoted


def ask(graph: Graph, name: str, **bound: URIRef | Literal) -> list[Row]:
    """Rows of tests/queries/cqc-NAME.rq with the given bindings, as dicts of strings."""
    return competency.ask(graph, f"cqc-{name}", **bound)


DECISION = ID["ev-russia-decision-2021-10-18"]
MLM = str(ID["nato-military-liaison-mission-moscow"])
NIO = str(ID["nato-information-office-moscow"])
MISSION = str(ID["russian-mission-to-nato"])


# --- one decision, different effects per channel ------------------------------------


def test_the_decision_suspended_the_liaison_mission_and_expelled_its_staff(graph: Graph) -> None:
    """Q: What did Russia's decision of 18 October 2021 do to NATO's Military Liaison
    Mission? Suspended it (RUSI, ELN's Kortunov) and expelled its staff or withdrew their
    accreditation (Trenin, DW, Galeotti, ELN's Babst and Moon); never 'closed' it."""
    rows = [r for r in ask(graph, "effects", event=DECISION) if r["channel"] == MLM]
    types = {r["type"] for r in rows}
    assert types == {str(V.suspension), str(V.expulsion), str(V["withdrawal-of-accreditation"])}
    assert quoted(rows, ELN, "suspended the activities of the NATO military liaison mission")
    assert quoted(rows, TRENIN, "ordered NATO liaison officers stationed in Moscow to leave")
    assert quoted(rows, DW, "expel the three NATO military representatives")
    assert quoted(rows, GALEOTTI, "revoking the accreditation of the staff")


def test_the_mission_was_suspended_preferred_or_closed(graph: Graph) -> None:
    """Q: Did Russia suspend or close its mission to NATO? Suspended (preferred: RUSI,
    Kortunov, Stacey, DW's caption and Shea), closed (normal: Galeotti, Babst, DW's
    'shutter'), and its staff recalled (Trenin, Moon)."""
    rows = [r for r in ask(graph, "effects", event=DECISION) if r["channel"] == MISSION]
    ranked = {(r["type"], r["rank"]) for r in rows}
    assert (str(V.suspension), str(V.preferred)) in ranked
    assert (str(V.closure), str(V.normal)) in ranked
    assert str(V.recall) in {r["type"] for r in rows}
    assert quoted(rows, RUSI, "suspend the operation of its own mission in Brussels")
    assert quoted(rows, GALEOTTI, "It is closing down what is")
    assert quoted(rows, TRENIN, "recalled the staff of its mission from Brussels")


def test_timeline_of_the_liaison_mission_shows_its_own_effect_not_closure(graph: Graph) -> None:
    """Q: On the liaison mission's timeline, what happened on 18 October 2021? Suspension,
    expulsion, withdrawal of accreditation; not the umbrella decision's 'closure'."""
    rows = named(graph, "timeline", channel="nato-military-liaison-mission-moscow")
    on_the_day = {r["what"] for r in rows if r["date"] == "2021-10-18" and r["kind"] == "event"}
    assert on_the_day == {"suspension", "expulsion", "withdrawal of accreditation"}
    assert "closure" not in {r["what"] for r in rows if r["kind"] == "event"}


def test_timeline_of_the_information_office_ranks_closure_over_pausing(graph: Graph) -> None:
    """Q: What did the decision do to the NIO? Closed it (preferred; five articles),
    paused it (Stacey, normal), withdrew its staff's credentials (Babst)."""
    rows = named(graph, "timeline", channel="nato-information-office-moscow")
    day = {
        (r["what"], r["rank"]) for r in rows if r["date"] == "2021-10-18" and r["kind"] == "event"
    }
    assert day == {
        ("closure", "preferred"),
        ("suspension", "normal"),
        ("withdrawal of accreditation", "normal"),
    }


def test_events_list_the_effects_channel_by_channel(graph: Graph) -> None:
    """Q: In the events of October 2021, what did the decision of 18 October do to each
    channel? The effects column names channel and type, with the rank where not normal."""
    rows = named(graph, "events", **{"from": "2021-10-01", "to": "2021-10-31"})
    (decision,) = [r for r in rows if r["event"] == str(DECISION)]
    effects = set((decision["effects"] or "").split(" | "))
    assert "NATO Military Liaison Mission in Moscow: suspension" in effects
    assert "Russian Mission to NATO: suspension (preferred)" in effects
    assert "NATO Information Office in Moscow: closure (preferred)" in effects
    assert "Russian chief military representative to NATO: suspension" in effects


# --- durations --------------------------------------------------------------------------


def test_nuland_talks_lasted_two_days(graph: Graph) -> None:
    """Q: How long were Victoria Nuland's talks in Moscow? Two days (Galeotti)."""
    rows = ask(graph, "duration", node=ID["ev-nuland-moscow-talks"])
    assert {(r["kind"], float(r["number"]), r["unit"]) for r in rows} == {
        ("duration", 2.0, str(T.unitDay))
    }


def test_russia_refused_the_nrc_for_many_months(graph: Graph) -> None:
    """Q: For how long, NATO says, had Russia refused to engage in the NRC? 'For many
    months' (RUSI): months, no number, qualifier many."""
    rows = ask(graph, "duration", node=ID["ev-russia-refuses-nrc-engagement"])
    assert [(r["number"], r["unit"], r["qualifier"]) for r in rows] == [
        (None, str(T.unitMonth), str(V.many))
    ]


def test_the_information_office_worked_for_twenty_years(graph: Graph) -> None:
    """Q: How long did the NIO work? 20 years (RUSI), 'two decades' (DW)."""
    rows = ask(graph, "duration", node=ID["st-nio-active-2001"])
    assert {(float(r["number"]), r["unit"]) for r in rows} == {
        (20.0, str(T.unitYear)),
        (2.0, str(DCKG.unitDecade)),
    }


def test_steadfast_noon_is_annual_and_slavic_shield_lasted_a_week(graph: Graph) -> None:
    """Q: How often is Steadfast Noon held, and how long was Slavic Shield 2021? Every
    year ('annual'); one week ('week-long'). ELN, Babst."""
    noon = ask(graph, "duration", node=ID["ev-steadfast-noon-2021"])
    assert {(r["kind"], float(r["number"]), r["unit"]) for r in noon} == {
        ("recurrence", 1.0, str(T.unitYear))
    }
    shield = ask(graph, "duration", node=ID["ev-slavic-shield-2021"])
    assert {(r["kind"], float(r["number"]), r["unit"]) for r in shield} == {
        ("duration", 1.0, str(T.unitWeek))
    }


# --- bounded dates ------------------------------------------------------------------------


def test_the_kremlin_cut_off_the_nio_by_2016(graph: Graph) -> None:
    """Q: When did the Kremlin cut off most communication with the NIO? No later than
    2016 ('had already ... at that point', DW, when Pszczel left five years before
    19 October 2021): an upper bound, labelled 'by 2016'."""
    (row,) = ask(graph, "instant", event=ID["ev-nio-communication-cut"])
    assert row["label"] == "by 2016"
    assert row["dt"].startswith("2016-01-01T00:00:00")
    assert row["precision"] == str(T.unitYear)
    assert row["qualifier"] == str(V["no-later-than"])


def test_zapad_21_was_held_before_18_october_2021(graph: Graph) -> None:
    """Q: When was ZAPAD-21 held? 'Recently', before the ELN commentary of 18 October
    2021: a strict upper bound, labelled 'before 2021-10-18'."""
    (row,) = ask(graph, "instant", event=ID["ev-zapad-21"])
    assert row["label"] == "before 2021-10-18"
    assert row["qualifier"] == str(V.before)


# --- military exercises ----------------------------------------------------------------------


def test_the_eln_commentary_names_six_exercises(graph: Graph) -> None:
    """Q: Which military exercises does the ELN commentary mention? Steadfast Noon (NATO),
    Joint Sea 2021 (Russia and China, Far East, with a passage through the Tsugaru
    Strait), Slavic Shield 2021 (with Serbian air defence forces), one on the Afghan
    border with Tajik forces, an Algerian-Russian one concluded on 11 October in
    Ossetia, and ZAPAD-21."""
    rows = ask(graph, "exercises")
    names = {r["name"] for r in rows if r["name"]}
    assert names == {"Steadfast Noon", "Joint Sea 2021", "Slavic Shield 2021", "ZAPAD-21"}
    events = {r["event"] for r in rows}
    assert len(events) == 7  # the six, plus the Tsugaru passage as a part of Joint Sea 2021
    algeria = [r for r in rows if r["event"] == str(ID["ev-algeria-russia-exercise-2021-10-11"])]
    assert {r["when"] for r in algeria} == {"2021-10-11"}
    assert {r["place"] for r in algeria} == {"Ossetia"}
    assert {r["who"] for r in algeria} == {"Algeria", "Russia"}
    assert quoted(algeria, ELN, "concluded a joint exercise in Russia’s southwestern city")  # noqa: RUF001
    tsugaru = [r for r in rows if r["event"] == str(ID["ev-joint-sea-2021-tsugaru-passage"])]
    assert {r["place"] for r in tsugaru} == {"Tsugaru Strait"}


# --- reasons -----------------------------------------------------------------------------------


def test_lavrov_gave_the_absence_of_conditions_and_nato_disinterest_as_reasons(
    graph: Graph,
) -> None:
    """Q: What reason did Lavrov give for the decision, and who reports it? 'The absence
    of the necessary conditions for conducting diplomatic activities' (RUSI, and DW via
    Pszczel, who agrees); NATO 'not interested in equitable dialogue and joint work'
    (Galeotti; ELN's Babst: 'equal dialogue or joint work')."""
    rows = ask(graph, "reasons", event=DECISION)
    lavrov = [r for r in rows if r["giver"] == str(ID["sergei-lavrov"])]
    assert {r["kind"] for r in lavrov} == {str(V["stated-reason"])}
    assert quoted(lavrov, RUSI, "the absence of the necessary conditions")
    assert quoted(
        lavrov, DW, "absence of the necessary conditions", statedBy=str(ID["robert-pszczel"])
    )
    assert quoted(lavrov, GALEOTTI, "NATO is not interested in equitable dialogue and joint work")
    assert quoted(lavrov, ELN, "didn’t show any interest in equal dialogue or joint work")  # noqa: RUF001
    assert quoted(lavrov, DW, "NATO's deliberate steps")


def test_commentators_attribute_other_motives(graph: Graph) -> None:
    """Q: Which motives do commentators read into the decision? Trenin: no sense talking
    to proxies; Pszczel: to present NATO as a vehicle for US domination and divide the
    Allies; Gotkowska: a message to Berlin; Alberque: a rebuke; Kortunov: the last straw."""
    rows = ask(graph, "reasons", event=DECISION)
    motives = {r["giver"] for r in rows if r["kind"] == str(V["attributed-motive"])}
    assert {
        str(ID[p])
        for p in (
            "dmitri-trenin",
            "robert-pszczel",
            "justyna-gotkowska",
            "william-alberque",
            "andrey-kortunov",
        )
    } <= motives
    assert quoted(rows, TRENIN, "it does not make much sense to talk to proxies")
    assert quoted(rows, DW, "stinging political rebuke")


def test_nato_expelled_the_diplomats_as_undeclared_intelligence_officers(graph: Graph) -> None:
    """Q: Why did NATO expel the eight Russians? NATO said they were undeclared
    intelligence officers (Galeotti, ELN's Babst; 'spies', Moon; 'intelligence agents',
    DW); Pszczel: reasons 'obvious to those who care about the security of NATO HQ'."""
    rows = ask(graph, "reasons", event=ID["ev-nato-expulsion-2021-10"])
    stated = [r for r in rows if r["giver"] == str(ID.nato)]
    assert {r["kind"] for r in stated} == {str(V["stated-reason"])}
    assert quoted(stated, GALEOTTI, "undeclared Russian intelligence officers")
    assert quoted(stated, ELN, "saying they were undeclared intelligence officers")
    assert quoted(stated, DW, "accused of being intelligence agents")
    assert quoted(rows, RUSI, "the security of NATO Headquarters")


# --- seats and nationality ----------------------------------------------------------------


def test_where_the_think_tanks_are_based(graph: Graph) -> None:
    """Q: Where are Friends of Europe, the Centre for Eastern Studies and the Casimir
    Pulaski Foundation based? Brussels, Warsaw, and Poland (country only). DW."""
    friends = ask(graph, "seat", org=ID["friends-of-europe"])
    assert {r["place"] for r in friends} == {str(ID.brussels)}
    assert quoted(friends, DW, "Brussels-based think tank Friends of Europe")
    osw = ask(graph, "seat", org=ID["centre-for-eastern-studies"])
    assert {r["place"] for r in osw} == {str(ID.warsaw)}
    pulaski = ask(graph, "seat", org=ID["casimir-pulaski-foundation"])
    assert {(r["place"], r["country"]) for r in pulaski} == {(None, str(ID.poland))}


def test_nationalities_the_texts_state(graph: Graph) -> None:
    """Q: What nationality do the texts give? Pszczel Polish ('his native Poland', DW);
    the ELN authors by their bylines: Babst Germany, Kortunov Russia, Moon and Stacey
    United Kingdom; SACEUR 'a U.S. general' (Trenin)."""
    expected = {
        "robert-pszczel": ("poland", DW),
        "stefanie-babst": ("germany", ELN),
        "andrey-kortunov": ("russia", ELN),
        "madeleine-moon": ("united-kingdom", ELN),
        "graham-stacey": ("united-kingdom", ELN),
        "saceur": ("united-states", TRENIN),
    }
    for who, (state, file) in expected.items():
        rows = ask(graph, "nationality", who=ID[who])
        assert {r["nationality"] for r in rows} == {str(ID[state])}, who
        assert any(r["file"].startswith(file) for r in rows), who
