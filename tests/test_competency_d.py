"""Competency questions from a fourth audit of the five articles against the graph:
the dates of the 18 October decision's steps and of the reactions to it, whom it was
aimed at, what put NATO-Russia relations on ice in 2014, the meetings around it (the
North Atlantic Council of 7 October 2021, the UN General Assembly of late September),
last uses (the liaison mission's daily calls, Sullivan-Patrushev, the last diplomatic
encounter), motives and references each article gives, who held which post and how
many members NATO had in October 2021, attestations, and every source file conforming
on its own.

Each test asks one question the graph could not answer before the fix, answers it
from the committed graph (kg/dckg.ttl, the ``graph`` fixture) and checks the answer
against the article text: the article file and the words quoted. SPARQL lives in
``tests/queries/cqd-*.rq``; values are bound with ``initBindings``. Named queries
from ``queries/`` run through ``dckg.query.library`` on Oxigraph, as ``dckg query`` runs
them.
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef

import competency
from competency import DCKG, DW, ELN, GALEOTTI, ID, RUSI, TRENIN, Row, T, V, named, quoted
from dckg.layout import Layout
from dckg.validation.validate import validate_files


def ask(graph: Graph, name: str, **bound: URIRef | Literal) -> list[Row]:
    """Rows of tests/queries/cqd-NAME.rq with the given bindings, as dicts of strings."""
    return competency.ask(graph, f"cqd-{name}", **bound)


DECISION = ID["ev-russia-decision-2021-10-18"]


# --- the steps of the 18 October decision, dated ---------------------------------------


RECALL = ID["ev-russian-mission-staff-recalled-2021-10-18"]
NIO_CREDENTIALS = ID["ev-nio-staff-credentials-withdrawn-2021-10-18"]


def test_russia_removed_its_diplomats_from_nato_hq_on_18_october(graph: Graph) -> None:
    """Q: When did Russia recall the staff of its mission to NATO? As a step of the
    decision of 18 October 2021 (day precision): Moon, in the ELN commentary of that
    day, reports it done ('removed all its diplomats from NATO HQ'); Trenin names it
    ('recalled the staff of its mission from Brussels') without a date."""
    rows = ask(graph, "event", event=RECALL)
    assert {(r["dt"], r["precision"], r["partOf"]) for r in rows} == {
        ("2021-10-18T00:00:00+00:00", str(T.unitDay), str(DECISION))
    }
    assert quoted(
        rows, ELN, "removed all its diplomats from NATO HQ", statedBy=str(ID["madeleine-moon"])
    )
    assert quoted(rows, TRENIN, "recalled the staff of its mission from Brussels")


def test_the_nio_staff_lost_their_credentials_on_18_october(graph: Graph) -> None:
    """Q: When, according to Babst, were the NIO's emissaries stripped of their
    credentials? On 18 October 2021, when Lavrov announced it ('now', in the ELN
    commentary of that day)."""
    rows = ask(graph, "event", event=NIO_CREDENTIALS)
    assert {(r["dt"], r["precision"]) for r in rows} == {
        ("2021-10-18T00:00:00+00:00", str(T.unitDay))
    }
    assert quoted(
        rows, ELN, "withdrawal of diplomatic credentials", statedBy=str(ID["stefanie-babst"])
    )


def test_events_of_18_october_include_every_step_of_the_decision(graph: Graph) -> None:
    """Q: What happened on 18 October 2021? Among the events: the decision, and its
    steps — the liaison mission's staff expelled, the mission's staff recalled, the
    NIO's staff stripped of credentials."""
    rows = named(graph, "events", **{"from": "2021-10-18", "to": "2021-10-18"})
    events = {r["event"] for r in rows}
    assert {
        str(DECISION),
        str(ID["ev-mlm-staff-expelled-2021-10-18"]),
        str(RECALL),
        str(NIO_CREDENTIALS),
    } <= events


# --- whom the decision was aimed at ----------------------------------------------------


def test_the_decision_was_aimed_at_nato_and_per_gotkowska_at_berlin(graph: Graph) -> None:
    """Q: At whom was Russia's decision of 18 October 2021 aimed? At NATO (every
    article: it 'retaliated' for NATO's expulsions, suspended relations 'with NATO');
    and, Justyna Gotkowska told DW, 'not just at NATO but also at Berlin'."""
    targets = {r["actor"] for r in ask(graph, "roles", event=DECISION, role=DCKG.target)}
    assert targets == {str(ID.nato), str(ID.germany)}
    rows = ask(graph, "event", event=DECISION)
    assert quoted(
        rows, DW, "aimed not just at NATO but also at Berlin", statedBy=str(ID["justyna-gotkowska"])
    )
    assert quoted(rows, RUSI, "suspend relations with NATO")
    assert quoted(rows, TRENIN, "end diplomatic engagement with NATO")


def test_events_name_nato_as_the_target_of_the_decision(graph: Graph) -> None:
    """Q: In the events of 18 October 2021, who was the decision's target? NATO (and
    Germany), listed with who decided and announced it."""
    rows = named(graph, "events", **{"from": "2021-10-18", "to": "2021-10-18"})
    (decision,) = [r for r in rows if r["event"] == str(DECISION)]
    actors = set((decision["actors"] or "").split(" | "))
    assert {"target: NATO", "target: Germany", "decided by: Russia"} <= actors


# --- what put relations on ice in 2014 -------------------------------------------------


def test_relations_went_dormant_in_2014_after_the_ukraine_crisis_and_crimea(graph: Graph) -> None:
    """Q: What brought NATO-Russia relations to a standstill in 2014? The Ukraine
    crisis (Trenin: 'de facto broken off seven years ago in the wake of the Ukraine
    crisis') and the annexation of Crimea (RUSI: 'since the 2014 annexation of Crimea';
    DW, Jamie Shea: cut off 'after Moscow illegally annexed the Crimean Peninsula')."""
    rows = ask(graph, "causes", st=ID["st-relations-dormant-2014"])
    events = {r["event"] for r in rows}
    assert events == {str(ID["ev-ukraine-crisis-2014"]), str(ID["ev-crimea-annexation-2014"])}
    assert all(r["dt"] == "2014-01-01T00:00:00+00:00" for r in rows)
    assert quoted(rows, TRENIN, "in the wake of the Ukraine crisis")
    assert quoted(rows, RUSI, "annexation of Crimea")
    assert quoted(rows, DW, "annexed the Crimean Peninsula")


def test_timeline_of_relations_shows_the_ukraine_crisis_in_2014(graph: Graph) -> None:
    """Q: On the timeline of NATO-Russia relations, what happened in 2014? The Ukraine
    crisis (Trenin), and the relations went dormant."""
    rows = named(graph, "timeline", channel="nato-russia-relations")
    in_2014 = {(r["kind"], r["what"]) for r in rows if r["date"] == "2014"}
    assert ("event", "armed conflict") in in_2014
    assert ("status", "becomes dormant") in in_2014


# --- the North Atlantic Council meeting of 7 October 2021 ---------------------------------


NAC_MEETING = ID["ev-nac-meeting-national-security-advisors-2021-10-07"]


def test_stoltenberg_spoke_at_the_end_of_a_nac_meeting_on_7_october(graph: Graph) -> None:
    """Q: At what meeting did Stoltenberg say on 7 October 2021 that NATO was 'ready to
    engage in meaningful dialogue with Russia'? At the press conference ending the
    North Atlantic Council meeting with National Security Advisors that day (ELN,
    Stacey)."""
    meeting = ask(graph, "event", event=NAC_MEETING)
    assert {(r["dt"], r["precision"]) for r in meeting} == {
        ("2021-10-07T00:00:00+00:00", str(T.unitDay))
    }
    assert quoted(
        meeting,
        ELN,
        "North Atlantic Council meeting with National security Advisors",
        statedBy=str(ID["graham-stacey"]),
    )
    participants = {
        r["actor"] for r in ask(graph, "roles", event=NAC_MEETING, role=DCKG.participant)
    }
    assert participants == {str(ID["north-atlantic-council"])}
    statement = ask(graph, "event", event=ID["ev-stoltenberg-dialogue-statement-2021-10-07"])
    assert {r["partOf"] for r in statement} == {str(NAC_MEETING)}


def test_events_of_7_october_include_the_nac_meeting(graph: Graph) -> None:
    """Q: What happened on 7 October 2021? A meeting of the North Atlantic Council
    (with National Security Advisors) and Stoltenberg's statement at its end."""
    rows = named(graph, "events", **{"from": "2021-10-07", "to": "2021-10-07"})
    by_event = {r["event"]: r for r in rows}
    assert str(NAC_MEETING) in by_event
    assert by_event[str(NAC_MEETING)]["types"] == "meeting"
    assert "participant: North Atlantic Council" in (by_event[str(NAC_MEETING)]["actors"] or "")


# --- how many diplomats Russia removed --------------------------------------------------


def test_russia_removed_all_its_diplomats_from_nato_hq(graph: Graph) -> None:
    """Q: What share of its diplomats at NATO HQ did Russia remove? All of them (ELN,
    Moon: 'removed all its diplomats from NATO HQ'): a share of 1."""
    rows = ask(graph, "count", of=ID["ev-russian-mission-staff-recalled-2021-10-18"])
    assert {(r["kind"], float(r["n"])) for r in rows} == {(str(V["share-of-staff-removed"]), 1.0)}
    assert quoted(rows, ELN, "removed all its diplomats", statedBy=str(ID["madeleine-moon"]))


# --- Nuland's recent visit ----------------------------------------------------------------


def test_nuland_visited_moscow_no_later_than_october_2021(graph: Graph) -> None:
    """Q: When did Victoria Nuland visit Moscow for talks? Galeotti, writing after the
    decision of 18 October 2021, says she 'has just visited': no later than October
    2021 (month precision, bound 'no later than'), the reference saying how."""
    rows = ask(graph, "event", event=ID["ev-nuland-moscow-talks"])
    assert {(r["dt"], r["precision"], r["qualifier"]) for r in rows} == {
        ("2021-10-01T00:00:00+00:00", str(T.unitMonth), str(V["no-later-than"]))
    }
    assert quoted(rows, GALEOTTI, "just visited Moscow")
    events = named(graph, "events", **{"from": "2021-10-01", "to": "2021-10-31"})
    (talks,) = [r for r in events if r["event"] == str(ID["ev-nuland-moscow-talks"])]
    assert talks["date"] == "by 2021-10"


# --- entities an article names -----------------------------------------------------------


def attested_by(graph: Graph, entity: str) -> set[str]:
    return {(r["file"] or "")[:4] for r in ask(graph, "attested", entity=ID[entity])}


def test_every_article_attests_the_places_it_names(graph: Graph) -> None:
    """Q: Which articles name Moscow, Brussels, Geneva and London? Galeotti names all
    four; Trenin names Moscow and Brussels."""
    assert {GALEOTTI, TRENIN} <= attested_by(graph, "moscow")
    assert {GALEOTTI, TRENIN} <= attested_by(graph, "brussels")
    assert GALEOTTI in attested_by(graph, "geneva")
    assert GALEOTTI in attested_by(graph, "london")


def test_every_article_attests_the_posts_it_names(graph: Graph) -> None:
    """Q: Which articles name the posts in their bylines and text? Galeotti: the US
    Under Secretary of State, the US National Security Advisor, the Donbas 'curator';
    Trenin and ELN: the Russian Foreign Minister; ELN: the ELN fellowships, NATO
    Assistant Secretary-General, the NATO PA presidency, NATO Transformation's Chief of
    Staff."""
    for post in (
        "us-under-secretary-of-state",
        "us-national-security-advisor",
        "donbas-conflict-curator",
    ):
        assert GALEOTTI in attested_by(graph, post), post
    assert {TRENIN, ELN} <= attested_by(graph, "russian-foreign-minister")
    for post in (
        "eln-senior-associate-fellow",
        "eln-senior-network-member",
        "eln-senior-consulting-fellow",
        "nato-assistant-secretary-general",
        "nato-pa-president",
        "nato-transformation-chief-of-staff",
    ):
        assert ELN in attested_by(graph, post), post
    assert ELN in attested_by(graph, "nato-member-states")


# --- the bilateral reading of the decision --------------------------------------------------


def test_babst_and_galeotti_read_the_decision_as_a_preference_for_bilateral_dealings(
    graph: Graph,
) -> None:
    """Q: What motive do Babst and Galeotti attribute to Moscow's break with NATO? Babst
    (ELN): Lavrov's message 'could be translated as' 'we don't need you (NATO). We'd
    rather do business bilaterally with allies', Moscow considering NATO 'weak and
    divided'. Galeotti: Moscow 'does not believe that multinational agencies have any
    real importance. It prefers bilateral contacts'."""
    rows = ask(graph, "reasons", event=DECISION)
    babst = [r for r in rows if r["giver"] == str(ID["stefanie-babst"])]
    assert any("bilaterally" in r["reason"] for r in babst)
    assert quoted(babst, ELN, "rather do business bilaterally", statedBy=str(ID["stefanie-babst"]))
    assert quoted(babst, ELN, "Moscow considers NATO as weak and divided")
    galeotti = [r for r in rows if r["giver"] == str(ID["mark-galeotti"])]
    assert any("bilateral" in r["reason"] for r in galeotti)
    assert quoted(galeotti, GALEOTTI, "It prefers bilateral contacts")
    assert all(r["kind"] == str(V["attributed-motive"]) for r in babst + galeotti)


# --- the channels NATO can still use ---------------------------------------------------------


def test_nato_can_still_talk_through_the_allies_embassies_in_moscow(graph: Graph) -> None:
    """Q: Through which channels, not its own, can NATO still reach Russia? The Russian
    embassy in Belgium and its military attaché (Galeotti, Trenin, DW), the Allies'
    military attachés in Moscow (DW, Shea) and, Trenin says, the embassies all NATO
    countries keep in Moscow: contacts that were not 'severed'."""
    rows = ask(graph, "usable", actor=ID.nato)
    channels = {r["channel"] for r in rows}
    assert {
        str(ID["russian-embassy-belgium"]),
        str(ID["russian-military-attache-belgium"]),
        str(ID["nato-allies-military-attaches-moscow"]),
        str(ID["nato-allies-embassies-moscow"]),
    } <= channels
    embassies = [r for r in rows if r["channel"] == str(ID["nato-allies-embassies-moscow"])]
    assert quoted(embassies, TRENIN, "all NATO countries keep embassies in Moscow")


# --- the liaison mission's daily calls ------------------------------------------------------


def test_the_liaison_mission_was_used_daily_until_the_decision(graph: Graph) -> None:
    """Q: How often, and until when, was NATO's Military Liaison Mission used? Daily
    (Alberque, DW: 'a "daily tempo of people calling each other"'), up to Russia's
    decision that removed it: a contact recurring every day, last 'before 18 October
    2021'."""
    rows = ask(graph, "duration", node=ID["ev-mlm-daily-calls"])
    assert {(r["kind"], float(r["number"]), r["unit"]) for r in rows} == {
        ("recurrence", 1.0, str(T.unitDay))
    }
    used = named(graph, "last-used")
    mlm = [r for r in used if r["channel"] == str(ID["nato-military-liaison-mission-moscow"])]
    assert [(r["lastUsed"], r["event"]) for r in mlm] == [
        ("before 2021-10-18", str(ID["ev-mlm-daily-calls"]))
    ]
    assert "daily tempo" in (mlm[0]["quotes"] or "")


# --- the Sullivan-Patrushev contacts, ongoing --------------------------------------------------


def test_sullivan_and_patrushev_were_in_contact_in_october_2021(graph: Graph) -> None:
    """Q: When were the US National Security Advisor and the Russian Security Council
    Secretary last in contact? Galeotti, writing after the 18 October 2021 decision,
    says Sullivan and his staff 'continue to maintain contact' with Patrushev: in
    October 2021 (month precision), the same date as the channel's 'active' status."""
    used = named(graph, "last-used")
    rows = [r for r in used if r["channel"] == str(ID["sullivan-patrushev-contacts"])]
    assert [(r["lastUsed"], r["event"]) for r in rows] == [
        ("2021-10", str(ID["ev-sullivan-patrushev-contact"]))
    ]
    event = ask(graph, "event", event=ID["ev-sullivan-patrushev-contact"])
    assert quoted(event, GALEOTTI, "continue to maintain contact")


def test_natos_2014_halt_of_cooperation_was_aimed_at_russia(graph: Graph) -> None:
    """Q: Whose cooperation did NATO stop in 2014? Moscow's (ELN, Kortunov: 'the NATO
    decision of 2014 to stop its military cooperation with Moscow')."""
    event = ID["ev-nato-halts-cooperation-2014"]
    targets = {r["actor"] for r in ask(graph, "roles", event=event, role=DCKG.target)}
    assert targets == {str(ID.russia)}
    assert quoted(ask(graph, "event", event=event), ELN, "military cooperation with Moscow")


# --- the UN General Assembly of September 2021 ---------------------------------------------


def test_stoltenberg_and_lavrov_met_on_the_margins_of_the_un_general_assembly(
    graph: Graph,
) -> None:
    """Q: On the margins of what did Stoltenberg and Lavrov last meet? The UN General
    Assembly meeting in New York, late September 2021 (ELN, Babst)."""
    unga = ID["ev-un-general-assembly-2021-09"]
    meeting = ask(graph, "event", event=ID["ev-sg-lavrov-meeting-2021-09"])
    assert {r["partOf"] for r in meeting} == {str(unga)}
    rows = ask(graph, "event", event=unga)
    assert {(r["dt"], r["precision"], r["qualifier"]) for r in rows} == {
        ("2021-09-01T00:00:00+00:00", str(T.unitMonth), str(V.late))
    }
    assert quoted(
        rows, ELN, "the UN General Assembly meeting in New York", statedBy=str(ID["stefanie-babst"])
    )
    participants = {r["actor"] for r in ask(graph, "roles", event=unga, role=DCKG.participant)}
    assert participants == {str(ID["un-general-assembly"])}


# --- who held which post in October 2021 ----------------------------------------------------


def test_galeottis_officials_held_their_posts_in_october_2021(graph: Graph) -> None:
    """Q: Who held which post in October 2021, when Russia broke with NATO? Among
    them, in Galeotti's piece (whose present follows the 18 October 2021 decision):
    Nuland (US Under Secretary of State), Kozak (Deputy Head of the Presidential
    Administration, 'currently' Donbas curator), Ushakov, Ryabkov, Sullivan (US
    National Security Advisor) and Patrushev (Security Council Secretary), all current."""
    month = Literal(
        "2021-10-01T00:00:00Z", datatype=URIRef("http://www.w3.org/2001/XMLSchema#dateTime")
    )
    rows = [r for r in ask(graph, "held-at", month=month) if (r["file"] or "").startswith(GALEOTTI)]
    held = {
        (r["holder"].rsplit("/", 1)[1], r["post"].rsplit("/", 1)[1])
        for r in rows
        if r["tenure"] == str(V.current)
    }
    assert {
        ("victoria-nuland", "us-under-secretary-of-state"),
        ("dmitry-kozak", "russian-deputy-head-presidential-administration"),
        ("dmitry-kozak", "donbas-conflict-curator"),
        ("yuri-ushakov", "russian-presidential-aide-foreign-affairs"),
        ("sergei-ryabkov", "russian-deputy-foreign-minister"),
        ("jake-sullivan", "us-national-security-advisor"),
        ("nikolai-patrushev", "russian-security-council-secretary"),
        ("sergei-lavrov", "russian-foreign-minister"),
    } <= held


def test_nato_had_29_or_30_members_in_october_2021(graph: Graph) -> None:
    """Q: How many members did NATO have in October 2021? The articles disagree:
    29 (Galeotti, 'the views of its 29 members', in a piece written after the
    18 October decision) and 30 (RUSI, '30 Allies'); both as of October 2021, both
    normal rank."""
    rows = ask(graph, "count-at", kind=V["member-states"])
    oct21 = {
        (float(r["n"]), r["file"][:4], r["rank"]) for r in rows if r["at"].startswith("2021-10")
    }
    assert oct21 == {(29.0, GALEOTTI, str(V.normal)), (30.0, RUSI, str(V.normal))}


# --- the reactions to the decision, dated ----------------------------------------------------


def test_nato_and_maas_reacted_to_the_decision_in_october_2021(graph: Graph) -> None:
    """Q: When did NATO and Maas react to Russia's decision? NATO 'expressed regret'
    (RUSI) after the decision, no earlier than 18 October 2021; Maas ('This will
    seriously damage relations', DW) no later than DW's date, 19 October 2021."""
    nato = ask(graph, "event", event=ID["ev-nato-reaction-2021-10"])
    assert {(r["dt"], r["precision"], r["qualifier"]) for r in nato} == {
        ("2021-10-18T00:00:00+00:00", str(T.unitDay), str(V["no-earlier-than"]))
    }
    maas = ask(graph, "event", event=ID["ev-maas-reaction"])
    assert {(r["dt"], r["precision"], r["qualifier"]) for r in maas} == {
        ("2021-10-19T00:00:00+00:00", str(T.unitDay), str(V["no-later-than"]))
    }
    rows = named(graph, "events", **{"from": "2021-10-01", "to": "2021-10-31"})
    dates = {r["event"]: r["date"] for r in rows}
    assert dates[str(ID["ev-nato-reaction-2021-10"])] == "from 2021-10-18"
    assert dates[str(ID["ev-maas-reaction"])] == "by 2021-10-19"


def test_the_tsugaru_passage_came_by_18_october_2021(graph: Graph) -> None:
    """Q: When did Russian and Chinese vessels pass through the Tsugaru Strait? During
    Joint Sea 2021, which Russia and China had 'just completed' by the ELN commentary
    of 18 October 2021: no later than that day, as the drill itself."""
    rows = ask(graph, "event", event=ID["ev-joint-sea-2021-tsugaru-passage"])
    assert {(r["dt"], r["qualifier"], r["partOf"]) for r in rows} == {
        ("2021-10-18T00:00:00+00:00", str(V["no-later-than"]), str(ID["ev-joint-sea-2021"]))
    }


def test_the_last_nato_russia_diplomatic_encounter_was_in_late_september_2021(
    graph: Graph,
) -> None:
    """Q: When did NATO and Russia last meet diplomatically before the break? In late
    September 2021, when Stoltenberg and Lavrov met in New York: 'the two sides had
    their most recent diplomatic encounter' (ELN, Babst) - the latest use of NATO-Russia
    relations as a whole, not only of the Secretary General's meetings with Lavrov."""
    used = named(graph, "last-used")
    rows = [r for r in used if r["channel"] == str(ID["nato-russia-relations"])]
    assert [(r["lastUsed"], r["event"], r["lastAsOf"]) for r in rows] == [
        ("late 2021-09", str(ID["ev-sg-lavrov-meeting-2021-09"]), "2021-10-18")
    ]
    assert "most recent diplomatic encounter" in (rows[0]["quotes"] or "")


def test_rusi_reports_trenins_talk_to_proxies_reason(graph: Graph) -> None:
    """Q: Which articles give 'it does not make much sense to talk to proxies' as the
    thinking behind the decision? Trenin's own (001), and RUSI (002), which quotes 'the
    head of the Carnegie Moscow Center' - Trenin, whose words they are - as 'echoing the
    Kremlin's thinking'. One reason statement with a reference per article."""
    rows = ask(graph, "reasons", event=DECISION)
    proxies = [r for r in rows if r["giver"] == str(ID["dmitri-trenin"])]
    assert quoted(proxies, TRENIN, "it does not make much sense to talk to proxies")
    assert quoted(
        proxies,
        RUSI,
        "it does not make much sense to talk to proxies",
        statedBy=str(ID["dmitri-trenin"]),
    )


# --- each article file on its own --------------------------------------------------------------


def test_each_source_file_conforms_on_its_own(layout: Layout) -> None:
    """Q: Does each article file carry a reference of its own for every statement it
    states, as ``dckg validate kg/sources/NAME.ttl`` checks it (as the replacement of the
    file of that name)? RUSI's stated that ELN's late-September meeting node was the
    same event as its own, without a RUSI reference on the ELN node."""
    for path in layout.source_files():
        report = validate_files([path], layout)
        violations = [r for r in report.results if r.severity == "Violation"]
        assert not violations, (path.name, [v.message for v in violations])
