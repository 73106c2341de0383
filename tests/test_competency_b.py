"""Competency questions on the ELN commentary (003) and the DW article (004).

Each test asks one question an analyst would put to the graph about these two
articles, answers it from the committed graph (kg/dckg.ttl, the ``graph`` fixture)
and checks the answer and where it comes from: the article file and a word of the
quote. SPARQL lives in ``tests/queries/cqb-*.rq``; values are bound with
``initBindings``. Named queries from ``queries/`` run through ``dckg.query.library``.
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef

import competency
from competency import DCKG, ID, Row, T, V, named, quoted

ELN = "003_e352c9a0eb4f4639.txt"
DW = "004_b6b7fc7d4381f04c.txt"
RUSI = "002"  # file-name prefix of the RUSI article (Pszczel)


def ask(graph: Graph, name: str, **bound: URIRef | Literal) -> list[Row]:
    """Rows of tests/queries/cqb-NAME.rq with the given bindings, as dicts of strings."""
    return competency.ask(graph, f"cqb-{name}", **bound)


def facts(graph: Graph, node: URIRef) -> set[tuple[str, str]]:
    return {(r["p"], r["o"]) for r in ask(graph, "node", node=node)}


def day(iso: str) -> str:
    return f"{iso}T00:00:00+00:00"


def same_day(value: str | None, iso: str) -> bool:
    return value is not None and value[:10] == iso


# --- the articles themselves ---------------------------------------------------


def test_eln_article_is_a_commentary_of_18_october_2021_titled_network_reflections(
    graph: Graph,
) -> None:
    """Q: What is the ELN piece's title, genre and date? 'Network reflections: How do you
    view Russia's response to NATO expulsions?', a Commentary of 18 October 2021 (day)."""
    rows = ask(graph, "article", file=Literal(ELN))
    assert {r["title"] for r in rows} == {
        "Network reflections: How do you view Russia’s response to NATO expulsions?"  # noqa: RUF001
    }
    assert {r["genre"] for r in rows} == {"Commentary"}
    assert {(r["published"][:10], r["precision"]) for r in rows} == {("2021-10-18", str(T.unitDay))}
    meta = ask(graph, "refs", node=ID["article-eln"])
    assert quoted(meta, ELN, "Commentary | 18 October 2021")


def test_eln_commentary_has_four_authors_and_is_published_by_the_eln(graph: Graph) -> None:
    """Q: Who wrote the ELN commentary and who published it? Stefanie Babst, Andrey
    Kortunov, Madeleine Moon and Graham Stacey; the European Leadership Network."""
    rows = ask(graph, "article", file=Literal(ELN))
    assert {r["creator"] for r in rows} == {
        "Stefanie Babst",
        "Andrey Kortunov",
        "Madeleine Moon",
        "Graham Stacey",
    }
    assert {r["publisher"] for r in rows} == {"European Leadership Network"}
    meta = ask(graph, "refs", node=ID["article-eln"])
    assert quoted(meta, ELN, "Sir Graham Stacey, ELN Senior Consulting Fellow")


def test_dw_article_is_teri_schultz_new_low_of_19_october_2021(graph: Graph) -> None:
    """Q: Title, author, publisher and date of the DW piece? 'NATO-Russia diplomacy at a new
    low' by Teri Schultz, DW, October 19, 2021 (day precision), each with its words."""
    rows = ask(graph, "article", file=Literal(DW))
    assert {r["title"] for r in rows} == {"NATO-Russia diplomacy at a new low"}
    assert {r["creator"] for r in rows} == {"Teri Schultz"}
    assert {r["publisher"] for r in rows} == {"DW"}
    assert {(r["published"][:10], r["precision"]) for r in rows} == {("2021-10-19", str(T.unitDay))}
    meta = ask(graph, "refs", node=ID["article-dw"])
    assert quoted(meta, DW, "October 19, 2021")
    assert quoted(meta, DW, "Teri Schultz")
    assert quoted(meta, DW, "NATO-Russia diplomacy at a new low")


# --- who held which post ---------------------------------------------------------


def test_babst_is_a_former_nato_assistant_secretary_general(graph: Graph) -> None:
    """Q: Which NATO post did Stefanie Babst hold? Assistant Secretary-General, former as of
    18 October 2021 (ELN byline); now ELN Senior Associate Fellow."""
    rows = ask(graph, "posts", holder=ID["stefanie-babst"])
    assert quoted(
        rows,
        ELN,
        "former NATO Assistant Secretary-General",
        post=str(ID["nato-assistant-secretary-general"]),
        tenure=str(V.former),
    )
    assert quoted(rows, ELN, "Senior Associate Fellow", tenure=str(V.current))


def test_kortunov_riac_director_general_current_preferred_over_former_header(
    graph: Graph,
) -> None:
    """Q: Was Kortunov RIAC Director General when he wrote? The byline says so (current,
    preferred); the page header's 'FormerDirector-General' stays as a normal claim, and the
    conflicts query shows the two side by side."""
    rows = ask(graph, "posts", holder=ID["andrey-kortunov"])
    riac = [r for r in rows if r["post"] == str(ID["riac-director-general"])]
    assert quoted(
        riac,
        ELN,
        "Director General, Russian International Affairs Council",
        tenure=str(V.current),
        rank=str(V.preferred),
    )
    assert quoted(riac, ELN, "FormerDirector-General", tenure=str(V.former), rank=str(V.normal))
    conflicts = named(graph, "conflicts")
    assert any(c["kind"] == "tenure" and "Kortunov" in c["aboutLabel"] for c in conflicts)


def test_moon_is_former_president_of_the_nato_parliamentary_assembly(graph: Graph) -> None:
    """Q: Which post did Madeleine Moon hold? President of the NATO Parliamentary Assembly
    (former, ELN)."""
    rows = ask(graph, "posts", holder=ID["madeleine-moon"])
    assert quoted(
        rows,
        ELN,
        "former President of the NATO Parliamentary Assembly",
        post=str(ID["nato-pa-president"]),
        tenure=str(V.former),
    )


def test_stacey_is_former_chief_of_staff_of_nato_transformation(graph: Graph) -> None:
    """Q: Which NATO post did Graham Stacey hold? Chief of Staff of NATO Transformation
    (former, ELN)."""
    rows = ask(graph, "posts", holder=ID["graham-stacey"])
    assert quoted(
        rows,
        ELN,
        "Chief of Staff of NATO Transformation",
        post=str(ID["nato-transformation-chief-of-staff"]),
        tenure=str(V.former),
    )


def test_shea_retired_as_nato_deputy_asg_for_emerging_security_challenges_in_2018(
    graph: Graph,
) -> None:
    """Q: When did Jamie Shea leave NATO and from which post? He retired as deputy
    assistant secretary general for emerging security challenges in 2018 (year); he is now
    with Friends of Europe (DW)."""
    rows = ask(graph, "posts", holder=ID["jamie-shea"])
    assert quoted(
        rows,
        DW,
        "retired as NATO",
        post=str(ID["nato-deputy-asg-emerging-security-challenges"]),
        tenure=str(V.former),
        end=day("2018-01-01"),
        endPrecision=str(T.unitYear),
    )
    assert quoted(
        rows,
        DW,
        "Friends of Europe",
        organisation=str(ID["friends-of-europe"]),
        tenure=str(V.current),
    )


def test_pszczel_left_the_nio_five_years_before_dw_in_2016_as_last_nato_diplomat(
    graph: Graph,
) -> None:
    """Q: When did Robert Pszczel leave the NATO Information Office? DW: 'five years ago'
    (2016, year precision), as the last NATO diplomat posted to Moscow; a normal-rank claim,
    since his own RUSI text (2015) is preferred, and the conflicts query lists both."""
    rows = ask(graph, "posts", holder=ID["robert-pszczel"])
    nio = [r for r in rows if r["post"] == str(ID["nio-director"])]
    assert quoted(
        nio,
        DW,
        "five years ago",
        end=day("2016-01-01"),
        endPrecision=str(T.unitYear),
        isLast="true",
        rank=str(V.normal),
    )
    assert any(
        r["file"].startswith(RUSI)
        and r["rank"] == str(V.preferred)
        and same_day(r["end"], "2015-01-01")
        for r in nio
    )
    conflicts = named(graph, "conflicts")
    assert any(
        c["kind"] == "tenure end"
        and "Pszczel" in c["aboutLabel"]
        and {c["claimA"], c["claimB"]} == {"end 2016", "end 2015"}
        for c in conflicts
    )


def test_pszczel_is_now_a_senior_fellow_at_the_casimir_pulaski_foundation(graph: Graph) -> None:
    """Q: Where does Pszczel work now? Senior fellow at the Casimir Pulaski Foundation
    (current, DW)."""
    rows = ask(graph, "posts", holder=ID["robert-pszczel"])
    assert quoted(
        rows,
        DW,
        "Casimir Pulaski Foundation",
        post=str(ID["casimir-pulaski-senior-fellow"]),
        tenure=str(V.current),
    )


def test_alberque_directs_the_iiss_nonproliferation_programme_and_is_ex_nato(
    graph: Graph,
) -> None:
    """Q: Who is William Alberque? Director of the IISS Non-Proliferation and Nuclear Policy
    Program (current) and a former NATO colleague of Shea's (DW)."""
    rows = ask(graph, "posts", holder=ID["william-alberque"])
    assert quoted(
        rows,
        DW,
        "Non-Proliferation and Nuclear Policy Program",
        post=str(ID["iiss-npnp-director"]),
        tenure=str(V.current),
    )
    assert quoted(
        rows, DW, "former NATO colleagues", organisation=str(ID.nato), tenure=str(V.former)
    )


def test_gotkowska_coordinates_the_regional_security_program_at_osw(graph: Graph) -> None:
    """Q: Which post does Justyna Gotkowska hold? Coordinator of the Regional Security
    Program at the Centre for Eastern Studies (DW)."""
    rows = ask(graph, "posts", holder=ID["justyna-gotkowska"])
    assert quoted(
        rows,
        DW,
        "Regional Security Program",
        post=str(ID["osw-regional-security-coordinator"]),
        tenure=str(V.current),
    )


def test_wolters_is_saceur_and_gerasimov_chief_of_general_staff_in_october_2021(
    graph: Graph,
) -> None:
    """Q: Who were the two ends of the hotline in October 2021? General Tod Wolters, NATO's
    top military commander (SACEUR), and General Valery Gerasimov, Chief of the Russian
    General Staff, both current as of 19 October 2021 (DW)."""
    saceur = ask(graph, "post-holders", post=ID.saceur)
    assert quoted(
        saceur, DW, "top military commander", holder=str(ID["tod-wolters"]), tenure=str(V.current)
    )
    cgs = ask(graph, "post-holders", post=ID["russian-chief-of-general-staff"])
    assert quoted(
        cgs,
        DW,
        "Russian Armed Forces General Staff",
        holder=str(ID["valery-gerasimov"]),
        tenure=str(V.current),
    )


def test_stoltenberg_nato_secretary_general_and_lavrov_foreign_minister_in_october_2021(
    graph: Graph,
) -> None:
    """Q: Who were NATO's Secretary General and Russia's foreign minister in October 2021?
    Jens Stoltenberg (ELN: Babst, Stacey) and Sergei/Sergey Lavrov (ELN and DW)."""
    sg = ask(graph, "post-holders", post=ID["nato-secretary-general"])
    assert quoted(
        sg,
        ELN,
        "NATO Sec Gen Jens Stoltenberg",
        holder=str(ID["jens-stoltenberg"]),
        tenure=str(V.current),
    )
    fm = ask(graph, "post-holders", post=ID["russian-foreign-minister"])
    assert quoted(fm, DW, "Sergey Lavrov", holder=str(ID["sergei-lavrov"]))
    assert quoted(fm, ELN, "Russian Foreign Minister Lavrov", holder=str(ID["sergei-lavrov"]))


# --- NATO's expulsions --------------------------------------------------------------


def test_nato_expelled_eight_russian_diplomats_per_eln_and_dw(graph: Graph) -> None:
    """Q: How many members of the Russian mission did NATO expel? Eight: three ELN authors
    (Babst, Kortunov, Moon) and DW say so."""
    rows = ask(graph, "count", countOf=ID["ev-nato-expulsion-2021-10"])
    expelled = [r for r in rows if r["kind"] == str(V["persons-expelled"])]
    assert {float(r["count"]) for r in expelled} == {8.0}
    assert {r["statedBy"] for r in expelled if r["file"] == ELN} == {
        str(ID["stefanie-babst"]),
        str(ID["andrey-kortunov"]),
        str(ID["madeleine-moon"]),
    }
    assert quoted(expelled, DW, "eight members of the Russian delegation")


def test_expelled_russians_were_called_intelligence_officers(graph: Graph) -> None:
    """Q: Why did NATO expel them? As undeclared intelligence officers (Babst), spies (Moon),
    'accused of being intelligence agents' (DW); decided by NATO, targeting Russia."""
    ev = ID["ev-nato-expulsion-2021-10"]
    f = facts(graph, ev)
    assert (str(DCKG.decidedBy), str(ID.nato)) in f
    assert (str(DCKG.target), str(ID.russia)) in f
    assert (str(DCKG.eventType), str(V.expulsion)) in f
    rows = ask(graph, "refs", node=ev)
    assert quoted(rows, ELN, "undeclared intelligence officers")
    assert quoted(rows, DW, "accused of being intelligence agents")
    assert any("spies" in r["quote"] for r in ask(graph, "refs", node=ID["ev-nato-expulsion-moon"]))


def test_russian_mission_accreditations_reduced_to_ten(graph: Graph) -> None:
    """Q: How many accreditations did NATO leave the Russian mission? Ten (Kortunov), from
    NATO's expulsion decision, dated to the week of 4 October 2021."""
    rows = ask(graph, "count", countOf=ID["russian-mission-to-nato"])
    acc = [r for r in rows if r["kind"] == str(V.accreditations) and r["file"] == ELN]
    assert {float(r["count"]) for r in acc} == {10.0}
    assert quoted(acc, ELN, "to ten", statedBy=str(ID["andrey-kortunov"]))
    assert all(same_day(r["begin"], "2021-10-04") for r in acc)


def test_moon_dates_the_expulsion_two_weeks_before_18_october_week_40(graph: Graph) -> None:
    """Q: When, by Moon's account, did NATO expel the eight? 'Two weeks ago': the week of
    4 October 2021 (ISO week 40), the same expulsion others date 6 October; the two datings
    are compatible, so the conflicts query reports no date conflict for the expulsion."""
    moon = ID["ev-nato-expulsion-moon"]
    f = facts(graph, moon)
    assert (str(DCKG.occurredAt), str(URIRef("https://w3id.org/dckg/id/time/2021-W40"))) in f
    assert (str(DCKG.sameEventAs), str(ID["ev-nato-expulsion-2021-10"])) in f
    instant = ask(graph, "instant", instant=URIRef("https://w3id.org/dckg/id/time/2021-W40"))
    assert {(r["dt"][:10], r["precision"]) for r in instant} == {("2021-10-04", str(T.unitWeek))}
    assert quoted(ask(graph, "refs", node=moon), ELN, "Two weeks ago")
    conflicts = named(graph, "conflicts")
    assert not any("ev-nato-expulsion" in (c["a"] + c["b"]) for c in conflicts)


# --- Russia's decision of 18 October 2021 ------------------------------------------------


def test_russias_decision_was_announced_by_lavrov_on_18_october_2021(graph: Graph) -> None:
    """Q: Who announced Russia's retaliation, who decided it, and when? Lavrov announced it
    (ELN, Babst); Russia decided it; 18 October 2021 (day). DW says 'the Kremlin's
    announcement' (announced by Russia)."""
    ev = ID["ev-russia-decision-2021-10-18"]
    f = facts(graph, ev)
    assert (str(DCKG.announcedBy), str(ID["sergei-lavrov"])) in f
    assert (str(DCKG.announcedBy), str(ID.russia)) in f
    assert (str(DCKG.decidedBy), str(ID.russia)) in f
    assert (str(DCKG.occurredAt), "https://w3id.org/dckg/id/time/2021-10-18") in f
    rows = ask(graph, "refs", node=ev)
    assert quoted(
        rows,
        ELN,
        "Foreign Minister Lavrov, in his typical coolness, announced",
        statedBy=str(ID["stefanie-babst"]),
    )
    assert quoted(rows, DW, "the Kremlin's announcement")


def test_russias_decision_affected_mission_military_rep_liaison_mission_and_nio(
    graph: Graph,
) -> None:
    """Q: Which channels did Russia's decision affect? Its own mission to NATO and its chief
    military representative, NATO's Military Liaison Mission and Information Office in
    Moscow, and NATO-Russia relations (ELN and DW)."""
    f = facts(graph, ID["ev-russia-decision-2021-10-18"])
    affected = {o for p, o in f if p == str(DCKG.affects)}
    assert affected >= {
        str(ID[c])
        for c in (
            "russian-mission-to-nato",
            "russian-military-representation-to-nato",
            "nato-military-liaison-mission-moscow",
            "nato-information-office-moscow",
            "nato-russia-relations",
        )
    }
    rows = ask(graph, "refs", node=ID["ev-russia-decision-2021-10-18"])
    assert quoted(rows, ELN, "including the work of the chief military representative")
    assert quoted(rows, DW, "close the NATO Information Office (NIO) there")


def test_decision_was_triggered_by_natos_expulsions(graph: Graph) -> None:
    """Q: What triggered Russia's decision? NATO's expulsion of the eight: Kortunov's 'last
    straw', Lavrov's 'NATO's deliberate steps' (DW)."""
    ev = ID["ev-russia-decision-2021-10-18"]
    assert (str(DCKG.triggeredBy), str(ID["ev-nato-expulsion-2021-10"])) in facts(graph, ev)
    rows = ask(graph, "refs", node=ev)
    assert quoted(rows, ELN, "last straw", statedBy=str(ID["andrey-kortunov"]))
    assert quoted(rows, DW, "NATO's deliberate steps", statedBy=str(ID["sergei-lavrov"]))


def test_lavrovs_stated_reasons_are_quoted_in_both_articles(graph: Graph) -> None:
    """Q: What reasons did Lavrov give? NATO 'didn't show any interest in equal dialogue or
    joint work' (ELN, Babst) and an 'absence of the necessary conditions for conducting
    diplomatic activities' (DW, Lavrov's words)."""
    rows = ask(graph, "refs", node=ID["ev-russia-decision-2021-10-18"])
    assert quoted(rows, ELN, "equal dialogue or joint work")
    assert quoted(
        rows, DW, "absence of the necessary conditions", statedBy=str(ID["sergei-lavrov"])
    )


def test_shea_today_dates_the_decision_19_october_kept_deprecated(graph: Graph) -> None:
    """Q: Do the sources agree on the decision's date? Shea's 'the Russian decision today' in
    DW of 19 October dates it 19 October 2021; that report is deprecated and linked to the
    18 October decision (normal); the conflicts query shows the two dates side by side."""
    dep = ID["ev-russia-decision-2021-10-19"]
    f = facts(graph, dep)
    assert (str(DCKG.rank), str(V.deprecated)) in f
    assert (str(DCKG.sameEventAs), str(ID["ev-russia-decision-2021-10-18"])) in f
    assert quoted(ask(graph, "refs", node=dep), DW, "today", statedBy=str(ID["jamie-shea"]))
    conflicts = named(graph, "conflicts")
    assert any(
        "Russian Mission to NATO" in c["aboutLabel"]
        and "date" in c["kind"]
        and {c["claimA"], c["claimB"]} == {"2021-10-18", "2021-10-19"}
        and "deprecated" in (c["rankA"], c["rankB"])
        for c in conflicts
    )


def test_which_articles_say_the_russian_mission_was_suspended_and_which_closed(
    graph: Graph,
) -> None:
    """Q: Suspended or closed? Suspended (preferred): ELN's Kortunov ('suspending') and
    Stacey ('pausing'), DW's caption and Shea; closed (normal): ELN's Babst ('closure') and
    DW's 'shutter'. Both statements stem from the decision of 18 October 2021."""
    rows = ask(graph, "status", channel=ID["russian-mission-to-nato"])
    susp = [r for r in rows if r["status"] == str(V.suspended)]
    closed = [r for r in rows if r["status"] == str(V.closed)]
    assert quoted(
        susp, ELN, "suspending", statedBy=str(ID["andrey-kortunov"]), rank=str(V.preferred)
    )
    assert quoted(susp, ELN, "pausing", statedBy=str(ID["graham-stacey"]))
    assert quoted(susp, DW, "decision to suspend")
    assert quoted(susp, DW, "didn't completely eliminate it", statedBy=str(ID["jamie-shea"]))
    assert quoted(closed, ELN, "closure", statedBy=str(ID["stefanie-babst"]), rank=str(V.normal))
    assert quoted(closed, DW, "shutter", rank=str(V.normal))
    assert all(
        r["resultOf"] == str(ID["ev-russia-decision-2021-10-18"])
        for r in susp + closed
        if r["file"] in (ELN, DW)
    )


def test_status_of_russian_mission_on_20_october_2021_is_suspended(graph: Graph) -> None:
    """Q: What was the Russian mission's status on 20 October 2021? Suspended since
    18 October 2021 (status-at picks the preferred statement), cited from ELN and DW."""
    rows = [
        r
        for r in named(graph, "status-at", at="2021-10-20")
        if r["channel"] == str(ID["russian-mission-to-nato"])
    ]
    assert [(r["status"], r["since"], r["rank"]) for r in rows] == [
        ("suspended", "2021-10-18", "preferred")
    ]
    assert "Network reflections" in rows[0]["sources"]
    assert "NATO-Russia diplomacy at a new low" in rows[0]["sources"]


def test_chief_military_representative_suspended_with_the_mission(graph: Graph) -> None:
    """Q: Did the decision touch Russia's chief military representative to NATO? Yes: his
    work was suspended with the mission from 18 October 2021 (Kortunov)."""
    rows = ask(graph, "status", channel=ID["russian-military-representation-to-nato"])
    assert quoted(
        rows,
        ELN,
        "chief military representative",
        status=str(V.suspended),
        begin=day("2021-10-18"),
        statedBy=str(ID["andrey-kortunov"]),
    )


def test_russia_recalled_all_its_diplomats_from_nato_hq(graph: Graph) -> None:
    """Q: What happened to the Russian diplomats at NATO HQ? Russia removed all of them
    (Moon): a recall, part of the decision of 18 October 2021."""
    ev = ID["ev-russian-mission-staff-recalled-2021-10-18"]
    f = facts(graph, ev)
    assert (str(DCKG.eventType), str(V.recall)) in f
    assert (str(DCKG.partOfEvent), str(ID["ev-russia-decision-2021-10-18"])) in f
    assert quoted(
        ask(graph, "refs", node=ev),
        ELN,
        "removed all its diplomats from NATO HQ",
        statedBy=str(ID["madeleine-moon"]),
    )


def test_liaison_mission_suspended_from_18_october_2021(graph: Graph) -> None:
    """Q: What became of NATO's Military Liaison Mission? Suspended from 18 October 2021
    (Kortunov: 'suspended the activities'), its staff's credentials withdrawn (Babst, Moon)."""
    rows = ask(graph, "status", channel=ID["nato-military-liaison-mission-moscow"])
    assert quoted(
        rows, ELN, "suspended the activities", status=str(V.suspended), begin=day("2021-10-18")
    )
    ev = ask(graph, "refs", node=ID["ev-mlm-staff-expelled-2021-10-18"])
    assert quoted(
        ev, ELN, "withdrawal of diplomatic credentials", statedBy=str(ID["stefanie-babst"])
    )
    assert quoted(
        ev,
        ELN,
        "revoked the accreditation of NATO’s delegation to Moscow",  # noqa: RUF001
        statedBy=str(ID["madeleine-moon"]),
    )


def test_russia_expelled_the_three_nato_officers_of_the_liaison_mission(graph: Graph) -> None:
    """Q: How many NATO military representatives did Russia expel from the liaison mission?
    Three (Alberque, DW); the mission had three as of 19 October 2021."""
    ev = ID["ev-mlm-staff-expelled-2021-10-18"]
    assert (str(DCKG.eventType), str(V.expulsion)) in facts(graph, ev)
    rows = ask(graph, "count", countOf=ev)
    assert quoted(
        rows,
        DW,
        "three NATO military representatives",
        kind=str(V["persons-expelled"]),
        statedBy=str(ID["william-alberque"]),
    )
    assert {float(r["count"]) for r in rows} == {3.0}
    staff = ask(graph, "count", countOf=ID["nato-military-liaison-mission-moscow"])
    assert quoted(staff, DW, "three", kind=str(V.staff), count="3")


def test_kortunov_says_nio_terminated_stacey_says_paused(graph: Graph) -> None:
    """Q: What does the ELN commentary say happened to the NATO Information Office? Kortunov:
    'terminated' (closed from 18 October 2021, normal); Stacey: 'pausing' (suspended,
    normal); the preferred claim is the closure of 29 October 2021 (RUSI). The conflicts
    query shows closed against suspended."""
    rows = ask(graph, "status", channel=ID["nato-information-office-moscow"])
    assert quoted(
        rows,
        ELN,
        "terminated the work",
        status=str(V.closed),
        begin=day("2021-10-18"),
        rank=str(V.normal),
    )
    assert quoted(
        rows,
        ELN,
        "pausing",
        status=str(V.suspended),
        rank=str(V.normal),
        statedBy=str(ID["graham-stacey"]),
    )
    preferred = {
        r["st"] for r in rows if r["rank"] == str(V.preferred) and r["status"] == str(V.closed)
    }
    assert preferred == {str(ID["st-nio-closed-2021-10-29"])}
    assert quoted(
        [r for r in rows if r["st"] in preferred], DW, "close the NATO Information Office"
    )
    conflicts = named(graph, "conflicts")
    assert any(
        c["kind"] == "status"
        and c["aboutLabel"] == "NATO Information Office in Moscow"
        and {c["claimA"], c["claimB"]} == {"closed", "suspended"}
        for c in conflicts
    )


def test_relations_dialogue_terminated_per_kortunov_normal_against_suspended(
    graph: Graph,
) -> None:
    """Q: Does the ELN commentary call NATO-Russia relations closed? Kortunov's 'termination
    of the dialogue' is a normal-rank 'closed from 18 October 2021'; 'suspended' is preferred."""
    rows = ask(graph, "status", channel=ID["nato-russia-relations"])
    assert quoted(
        rows,
        ELN,
        "termination of the dialogue",
        status=str(V.closed),
        rank=str(V.normal),
        begin=day("2021-10-18"),
    )
    assert any(r["status"] == str(V.suspended) and r["rank"] == str(V.preferred) for r in rows)


# --- what survived ------------------------------------------------------------------------


def test_dw_names_five_channels_the_decision_did_not_cut(graph: Graph) -> None:
    """Q: Which channels does DW say Russia's decision left in place? The SACEUR-CGS hotline,
    Russia's embassy in Belgium and its military attaché, the allies' military attachés in
    Moscow, and Russia's diplomatic relations with the NATO countries (all Shea)."""
    rows = [
        r
        for r in ask(graph, "unaffected", event=ID["ev-russia-decision-2021-10-18"])
        if r["file"] == DW
    ]
    assert {r["channel"] for r in rows} == {
        str(ID[c])
        for c in (
            "saceur-cgs-hotline",
            "russian-embassy-belgium",
            "russian-military-attache-belgium",
            "nato-allies-military-attaches-moscow",
            "russia-nato-countries-diplomatic-relations",
        )
    }
    assert all(
        r["statedBy"] == str(ID["jamie-shea"]) and r["status"] == str(V.active) for r in rows
    )
    assert quoted(rows, DW, "no mention of cutting off", channel=str(ID["saceur-cgs-hotline"]))


def test_survivors_of_18_october_include_hotline_and_attaches_but_not_nio_mlm_mission(
    graph: Graph,
) -> None:
    """Q: Which channels survived the decision of 18 October 2021? The survivors query lists
    the hotline (last used 2020-04, DW) and the attachés, and leaves out the Russian mission,
    the liaison mission and the information office."""
    rows = {r["channel"]: r for r in named(graph, "survivors", at="2021-10-18")}
    assert str(ID["saceur-cgs-hotline"]) in rows
    assert rows[str(ID["saceur-cgs-hotline"])]["lastUsed"] == "2020-04"
    assert "NATO-Russia diplomacy at a new low" in rows[str(ID["saceur-cgs-hotline"])]["sources"]
    assert str(ID["nato-allies-military-attaches-moscow"]) in rows
    assert str(ID["russian-military-attache-belgium"]) in rows
    for gone in (
        "russian-mission-to-nato",
        "nato-military-liaison-mission-moscow",
        "nato-information-office-moscow",
        "russian-military-representation-to-nato",
    ):
        assert str(ID[gone]) not in rows


def test_hotline_last_used_april_2020_as_reported_by_nato(graph: Graph) -> None:
    """Q: When did Wolters and Gerasimov last speak? April 2020 (month precision), the last
    NATO reports as of 19 October 2021 (DW); last-used gives it for the hotline."""
    ev = ID["ev-hotline-call-2020-04"]
    f = facts(graph, ev)
    assert (str(DCKG.announcedBy), str(ID.nato)) in f
    assert (str(DCKG.latestAsOf), "https://w3id.org/dckg/id/time/2021-10-19") in f
    assert {
        (str(DCKG.participant), str(ID["tod-wolters"])),
        (str(DCKG.participant), str(ID["valery-gerasimov"])),
    } <= f
    rows = [r for r in named(graph, "last-used") if r["channel"] == str(ID["saceur-cgs-hotline"])]
    assert [(r["lastUsed"], r["precision"], r["lastAsOf"]) for r in rows] == [
        ("2020-04", "month", "2021-10-19")
    ]
    assert "April 2020" in rows[0]["quotes"]


def test_last_face_to_face_saceur_cgs_meeting_february_2020(graph: Graph) -> None:
    """Q: When did Wolters and Gerasimov last meet in person? February 2020 ('two months
    earlier' than April 2020; the photo caption says February 2020) (DW)."""
    rows = [r for r in named(graph, "last-used") if r["channel"] == str(ID["saceur-cgs-meetings"])]
    assert [(r["lastUsed"], r["precision"]) for r in rows] == [("2020-02", "month")]
    refs = ask(graph, "refs", node=ID["ev-saceur-cgs-meeting-2020-02"])
    assert quoted(refs, DW, "two months earlier")
    assert quoted(refs, DW, "February 2020")


def test_last_stoltenberg_lavrov_meeting_late_september_2021_in_new_york(graph: Graph) -> None:
    """Q: When and where was the last NATO-Russia diplomatic encounter before the decision?
    Stoltenberg and Lavrov met on the margins of the UN General Assembly in New York in late
    September 2021 (month precision, 'late'), the latest as of 18 October 2021 (Babst)."""
    ev = ID["ev-sg-lavrov-meeting-2021-09"]
    f = facts(graph, ev)
    assert (str(DCKG.atPlace), str(ID["new-york"])) in f
    assert (str(DCKG.latestAsOf), "https://w3id.org/dckg/id/time/2021-10-18") in f
    inst = ask(graph, "instant", instant=URIRef("https://w3id.org/dckg/id/time/2021-09-late"))
    assert {(r["dt"][:7], r["precision"], r["qualifier"]) for r in inst} == {
        ("2021-09", str(T.unitMonth), str(V.late))
    }
    rows = [
        r
        for r in named(graph, "last-used")
        if r["channel"] == str(ID["nato-sg-russian-fm-meetings"]) and r["event"] == str(ev)
    ]
    assert [r["lastUsed"] for r in rows] == ["late 2021-09"]
    assert quoted(
        ask(graph, "refs", node=ev),
        ELN,
        "in New York in late September",
        statedBy=str(ID["stefanie-babst"]),
    )


def test_stoltenberg_affirmed_dialogue_on_7_october_2021_at_nac_press_conference(
    graph: Graph,
) -> None:
    """Q: When did Stoltenberg say NATO was 'ready to engage in meaningful dialogue'? On
    7 October 2021 (day), at the press conference after the North Atlantic Council meeting
    with National Security Advisors (Stacey)."""
    ev = ID["ev-stoltenberg-dialogue-statement-2021-10-07"]
    f = facts(graph, ev)
    assert (str(DCKG.announcedBy), str(ID["jens-stoltenberg"])) in f
    assert (str(DCKG.occurredAt), "https://w3id.org/dckg/id/time/2021-10-07") in f
    assert quoted(ask(graph, "refs", node=ev), ELN, "7 Oct 21", statedBy=str(ID["graham-stacey"]))


# --- before 2021: 2014, the NRC, the NIO ---------------------------------------------------


def test_practical_cooperation_cut_off_in_2014_after_crimea(graph: Graph) -> None:
    """Q: When and why was NATO-Russia practical cooperation cut off? In 2014 (year), after
    Russia annexed Crimea (Shea, DW); by NATO's decision (Kortunov, ELN)."""
    ev = ID["ev-nato-halts-cooperation-2014"]
    f = facts(graph, ev)
    assert (str(DCKG.occurredAt), "https://w3id.org/dckg/id/time/2014") in f
    assert (str(DCKG.triggeredBy), str(ID["ev-crimea-annexation-2014"])) in f
    assert (str(DCKG.decidedBy), str(ID.nato)) in f
    rows = ask(graph, "status", channel=ID["nato-russia-practical-cooperation"])
    assert quoted(
        rows,
        DW,
        "cut off in 2014",
        status=str(V.suspended),
        begin=day("2014-01-01"),
        statedBy=str(ID["jamie-shea"]),
    )
    assert quoted(rows, ELN, "NATO decision of 2014", status=str(V.suspended))


def test_relations_dormant_since_2014_not_at_working_level(graph: Graph) -> None:
    """Q: How active were NATO-Russia relations before the decision? Dormant since 2014: the
    two sides 'haven't really been talking ... certainly not at the working level' (Shea)."""
    rows = ask(graph, "status", channel=ID["nato-russia-relations"])
    assert quoted(rows, DW, "working level", status=str(V.dormant), begin=day("2014-01-01"))


def test_russia_sought_nrc_military_relaunch_for_about_two_years_nato_refused(
    graph: Graph,
) -> None:
    """Q: What did Russia propose before the decision, and how did NATO respond? For 'a
    couple of years' (since about 2019) it sought to relaunch the NRC's military dimension;
    NATO 'has never accepted' (Kortunov)."""
    prop = ID["ev-russia-proposes-nrc-military-relaunch-2019"]
    f = facts(graph, prop)
    assert (str(DCKG.eventType), str(V.proposal)) in f
    assert (str(DCKG.decidedBy), str(ID.russia)) in f
    inst = ask(graph, "instant", instant=URIRef("https://w3id.org/dckg/id/time/2019-about"))
    assert {(r["dt"][:4], r["precision"], r["qualifier"]) for r in inst} == {
        ("2019", str(T.unitYear), str(V.about))
    }
    rej = ID["ev-nato-rejects-nrc-military-relaunch"]
    assert (str(DCKG.decidedBy), str(ID.nato)) in facts(graph, rej)
    assert quoted(ask(graph, "refs", node=rej), ELN, "never accepted")


def test_june_2021_summit_communique_per_kortunov(graph: Graph) -> None:
    """Q: Which NATO document does Kortunov cite? The final communique of the June 2021
    summit (month precision), announced by NATO."""
    ev = ID["ev-nato-summit-2021-06"]
    f = facts(graph, ev)
    assert (str(DCKG.occurredAt), "https://w3id.org/dckg/id/time/2021-06") in f
    assert (str(DCKG.announcedBy), str(ID.nato)) in f
    assert quoted(ask(graph, "refs", node=ev), ELN, "June 2021 NATO summit")


def test_nio_two_decades_old_established_2001_preferred_over_2000(graph: Graph) -> None:
    """Q: When was the NATO Information Office set up? 2001 (preferred): DW calls it 'two
    decades old' in October 2021; Galeotti's 2000 is the other claim (conflicts query)."""
    ev = ID["ev-nio-establishment-2001"]
    f = facts(graph, ev)
    assert (str(DCKG.rank), str(V.preferred)) in f
    assert quoted(ask(graph, "refs", node=ev), DW, "two decades old")
    conflicts = named(graph, "conflicts")
    assert any(
        "date" in c["kind"]
        and "NATO Information Office" in c["aboutLabel"]
        and {c["claimA"], c["claimB"]} == {"2000", "2001"}
        and "NATO-Russia diplomacy at a new low" in (c["sourcesA"] + c["sourcesB"])
        for c in conflicts
    )


def test_kremlin_had_cut_most_communication_with_nio_by_2016(graph: Graph) -> None:
    """Q: Was the NIO working normally before 2021? No: when Pszczel left (2016), the Kremlin
    had already cut off most communication with it (DW): restricted since at least 2016,
    an interval whose beginning is bounded ('by 2016', dckv:no-later-than)."""
    rows = ask(graph, "status", channel=ID["nato-information-office-moscow"])
    assert quoted(
        rows,
        DW,
        "cut off most communication",
        status=str(V.restricted),
        begin=day("2016-01-01"),
        beginPrecision=str(T.unitYear),
    )
    assert (str(DCKG.decidedBy), str(ID.russia)) in facts(graph, ID["ev-nio-communication-cut"])
    bound = facts(graph, ID["time/2016-by"])
    assert (str(DCKG.dateQualifier), str(V["no-later-than"])) in bound


# --- places -----------------------------------------------------------------------------


def test_nio_and_liaison_mission_are_in_moscow_per_eln_and_dw(graph: Graph) -> None:
    """Q: Where were NATO's information office and liaison mission? In Moscow (ELN, DW)."""
    nio = ask(graph, "location", channel=ID["nato-information-office-moscow"])
    assert quoted(nio, ELN, "Information Offices in Moscow", place=str(ID.moscow))
    assert quoted(nio, DW, "NIO", place=str(ID.moscow))
    mlm = ask(graph, "location", channel=ID["nato-military-liaison-mission-moscow"])
    assert quoted(mlm, ELN, "military liaison mission in Moscow", place=str(ID.moscow))
    assert quoted(mlm, DW, "leave Moscow", place=str(ID.moscow))


def test_russian_mission_sits_in_brussels_at_nato_hq(graph: Graph) -> None:
    """Q: Where was Russia's mission to NATO? In Brussels at NATO HQ (ELN: Moon, Kortunov),
    preferred over Galeotti's standfirst 'Moscow'."""
    rows = ask(graph, "location", channel=ID["russian-mission-to-nato"])
    assert quoted(rows, ELN, "NATO HQ", place=str(ID.brussels), rank=str(V.preferred))


# --- what the interviewees and authors say --------------------------------------------------


def test_shea_calls_the_move_more_symbolic_than_real(graph: Graph) -> None:
    """Q: How did Jamie Shea judge Russia's move? 'More symbolic than real', since the office
    was suspended, not eliminated (DW)."""
    rows = ask(graph, "said-by", person=ID["jamie-shea"])
    assert quoted(
        rows, DW, "more symbolic than real", node=str(ID["ev-russia-decision-2021-10-18"])
    )


def test_alberque_says_the_liaison_mission_was_a_good_avenue_for_communication(
    graph: Graph,
) -> None:
    """Q: What does Alberque say the liaison mission's loss removes? A 'good avenue for
    communication, for risk reduction, prevention of misunderstandings', with a 'daily tempo'
    of calls (DW); the daily calls are a contact event on the mission."""
    rows = ask(graph, "said-by", person=ID["william-alberque"])
    assert quoted(rows, DW, "risk reduction", node=str(ID["nato-military-liaison-mission-moscow"]))
    assert quoted(rows, DW, "daily tempo", node=str(ID["ev-mlm-daily-calls"]))


def test_gotkowska_sees_a_message_aimed_at_berlin(graph: Graph) -> None:
    """Q: What does Gotkowska think the decision aims at? A broader message, at Berlin and
    the talks on a new German government as well as NATO (DW)."""
    rows = ask(graph, "said-by", person=ID["justyna-gotkowska"])
    assert quoted(
        rows, DW, "broader political message", node=str(ID["ev-russia-decision-2021-10-18"])
    )
    assert quoted(rows, DW, "Berlin", node=str(ID.germany))


def test_maas_reacted_that_the_decision_will_seriously_damage_relations(graph: Graph) -> None:
    """Q: How did Maas react? 'This will seriously damage relations' — a reaction to Russia's
    decision (DW subheading)."""
    ev = ID["ev-maas-reaction"]
    f = facts(graph, ev)
    assert (str(DCKG.eventType), str(V.reaction)) in f
    assert (str(DCKG.triggeredBy), str(ID["ev-russia-decision-2021-10-18"])) in f
    assert quoted(ask(graph, "refs", node=ev), DW, "seriously damage relations")


def test_babst_sees_hardly_any_line_of_communication_left(graph: Graph) -> None:
    """Q: What does Babst say about NATO-Russia communication after the decision? 'There is
    now hardly any line of communication between the two parties left' (ELN)."""
    rows = ask(graph, "said-by", person=ID["stefanie-babst"])
    assert quoted(
        rows, ELN, "hardly any line of communication", node=str(ID["nato-russia-relations"])
    )


def test_pszczel_says_relations_change_only_if_russia_changes_policy(graph: Graph) -> None:
    """Q: What does Pszczel say about the state of relations? They 'would only change if
    Russia changes its policy' and he sees 'extremely worrying developments almost every
    week' (DW)."""
    rows = ask(graph, "said-by", person=ID["robert-pszczel"])
    assert quoted(
        rows,
        DW,
        "would only change if Russia changes its policy",
        node=str(ID["nato-russia-relations"]),
    )
    assert quoted(rows, DW, "almost every week", node=str(ID["nato-russia-relations"]))


def test_nio_status_in_mid_2016_is_restricted_per_dw(graph: Graph) -> None:
    """Q: What was the NATO Information Office's status in June 2016? Restricted (most
    communication cut off by the Kremlin since at least 2016: 'by 2016'), per DW; status-at
    picks it over the office's activity since 2001."""
    rows = [
        r
        for r in named(graph, "status-at", at="2016-06")
        if r["channel"] == str(ID["nato-information-office-moscow"])
    ]
    assert [(r["status"], r["since"]) for r in rows] == [("restricted", "by 2016")]
    assert "NATO-Russia diplomacy at a new low" in rows[0]["sources"]
    assert "most communication" in rows[0]["quotes"]


def test_sources_of_the_hotline_name_dw_schultz_and_jamie_shea(graph: Graph) -> None:
    """Q: Which article says the hotline was not cut, who wrote it, and who said it? DW's
    'NATO-Russia diplomacy at a new low' by Teri Schultz (19 October 2021), in Jamie Shea's
    words (the sources query)."""
    rows = [
        r
        for r in named(graph, "sources", subject="saceur-cgs-hotline")
        if r["statement"] == str(ID["st-hotline-active-2021-10"])
        and r["title"] == "NATO-Russia diplomacy at a new low"
    ]
    assert rows
    assert {(r["publisher"], r["published"], r["authors"], r["statedBy"]) for r in rows} == {
        ("DW", "2021-10-19", "Teri Schultz", "Jamie Shea")
    }
    assert any("no mention of cutting off" in r["quote"] for r in rows)
