"""Competency questions on the Galeotti (000), Trenin (001) and RUSI/Pszczel (002) articles.

Each test states one fact an analyst would ask about these articles and checks that the
committed graph answers it, with the right article and a word of the supporting quote.
SPARQL lives in ``tests/queries/cqa-*.rq``; values are bound with ``initBindings``.
"""

# ruff: noqa: RUF001, RUF002
from __future__ import annotations

import csv
import io
from functools import cache
from pathlib import Path

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import XSD
from rdflib.query import ResultRow
from rdflib.term import Identifier

from dckg.layout import Layout
from dckg.query.execute import run_query

QUERIES = Path(__file__).resolve().parent / "queries"

DCKG = Namespace("https://w3id.org/dckg/ontology#")
DCKV = Namespace("https://w3id.org/dckg/vocab/")
DCKI = Namespace("https://w3id.org/dckg/id/")
TIME = Namespace("http://www.w3.org/2006/time#")

GALEOTTI = "000_6ce806e75f8c3815.txt"
TRENIN = "001_8a124313fefe4e2f.txt"
RUSI = "002_880d8ad085b04e0a.txt"

DECISION = DCKI["ev-russia-decision-2021-10-18"]
EXPULSION = DCKI["ev-nato-expulsion-2021-10"]


@cache
def _text(name: str) -> str:
    return (QUERIES / f"cqa-{name}.rq").read_text(encoding="utf-8")


def q(graph: Graph, name: str, **bind: Identifier) -> list[ResultRow]:
    """Rows of ``tests/queries/cqa-NAME.rq`` with the given variables bound."""
    return [
        row for row in graph.query(_text(name), initBindings=bind) if isinstance(row, ResultRow)
    ]


def day(text: str) -> Literal:
    """An xsd:dateTime at the first moment of YYYY, YYYY-MM or YYYY-MM-DD."""
    parts = [*text.split("-"), "01", "01"]
    return Literal(f"{parts[0]}-{parts[1]}-{parts[2]}T00:00:00Z", datatype=XSD.dateTime)


def starts(value: object, prefix: str) -> bool:
    return value is not None and str(value).startswith(prefix)


def quoted(rows: list[ResultRow], file: str, word: str) -> bool:
    """Some row cites ``file`` with a quote containing ``word``."""
    return any(str(r.file) == file and word in str(r.exact) for r in rows)


def files(rows: list[ResultRow]) -> set[str]:
    return {str(r.file) for r in rows}


def refs(graph: Graph, node: Identifier) -> list[ResultRow]:
    return q(graph, "refs", node=node)


def actors(graph: Graph, event: URIRef, role: str) -> set[Identifier]:
    return {r.actor for r in q(graph, "event-role", event=event, role=DCKG[role])}


def status(graph: Graph, channel: str, value: str) -> list[ResultRow]:
    return q(graph, "status", channel=DCKI[channel], status=DCKV[value])


def named(layout: Layout, name: str, **kwargs: str) -> list[dict[str, str]]:
    """Rows of a named query in queries/, as CSV dictionaries."""
    text, _ = run_query(name, layout_dir=layout.root, fmt="csv", **kwargs)  # type: ignore[arg-type]
    return list(csv.DictReader(io.StringIO(text)))


# --- the articles -----------------------------------------------------------------


def test_galeotti_article_has_title_and_author_but_no_date_or_publisher(graph: Graph) -> None:
    """Galeotti's 'The latest spat ... symbolic, not significant' is by Mark Galeotti; the text
    gives no date and no publisher.
    """
    rows = q(graph, "article", file=Literal(GALEOTTI))
    assert {str(r.title) for r in rows} == {
        "The latest spat between Russia and NATO is symbolic, not significant"
    }
    assert {str(r.creator) for r in rows} == {"Mark Galeotti"}
    assert all(r.published is None and r.publisher is None for r in rows)
    assert quoted(refs(graph, rows[0].article), GALEOTTI, "by Mark Galeotti")


def test_trenin_article_is_dated_27_october_2021_at_day_precision(graph: Graph) -> None:
    """Trenin's 'Why Russia Officially Broke With NATO' is dated 27 October 2021 (day precision);
    no publisher is named.
    """
    rows = q(graph, "article", file=Literal(TRENIN))
    assert {str(r.title) for r in rows} == {"Why Russia Officially Broke With NATO"}
    assert {str(r.creator) for r in rows} == {"Dmitri Trenin"}
    assert {(str(r.published)[:10], r.precision) for r in rows} == {("2021-10-27", TIME.unitDay)}
    assert all(r.publisher is None for r in rows)
    assert quoted(refs(graph, rows[0].article), TRENIN, "27 October 2021")


def test_rusi_article_is_a_rusi_commentary_by_pszczel_without_date(graph: Graph) -> None:
    """'Russia–NATO Relations: Crisis or Opportunity?' is a RUSI Commentary by Robert Pszczel; the
    text states no date.
    """
    rows = q(graph, "article", file=Literal(RUSI))
    assert {(str(r.title), str(r.creator), str(r.publisher), str(r.genre)) for r in rows} == {
        ("Russia–NATO Relations: Crisis or Opportunity?", "Robert Pszczel", "RUSI", "Commentary")
    }
    assert all(r.published is None for r in rows)
    assert quoted(refs(graph, rows[0].article), RUSI, "do not represent those of RUSI")


# --- NATO's expulsion ------------------------------------------------------------------


def test_nato_decided_the_expulsion_on_6_october_2021_per_galeotti(graph: Graph) -> None:
    """NATO decided on 6 October (2021, day precision) to expel members of the Russian mission
    (Galeotti).
    """
    rows = q(graph, "event", event=EXPULSION)
    assert {(str(r.dt)[:10], r.precision) for r in rows} == {("2021-10-06", TIME.unitDay)}
    assert actors(graph, EXPULSION, "decidedBy") == {DCKI.nato}
    assert actors(graph, EXPULSION, "target") == {DCKI.russia}
    assert quoted(refs(graph, EXPULSION), GALEOTTI, "decision on 6 October to expel")


def test_eight_members_of_the_russian_mission_were_expelled_per_galeotti_and_rusi(
    graph: Graph,
) -> None:
    """Eight members of the Russian mission were expelled / lost accreditation (Galeotti and RUSI;
    Trenin gives no number).
    """
    rows = q(graph, "count", of=EXPULSION, kind=DCKV["persons-expelled"])
    eight = [r for r in rows if float(r.n) == 8.0]
    assert quoted(eight, GALEOTTI, "eight members of the Russian mission")
    assert quoted(eight, RUSI, "eight members of the Russian Mission to NATO")
    assert TRENIN not in files(rows)


def test_galeotti_says_the_eight_were_charged_as_undeclared_intelligence_officers(
    graph: Graph,
) -> None:
    """Galeotti: the charge was being 'undeclared Russian intelligence officers'; NATO presented no
    evidence.
    """
    rows = refs(graph, EXPULSION)
    assert quoted(rows, GALEOTTI, "undeclared Russian intelligence officers")
    assert quoted(rows, GALEOTTI, "hasn’t presented any evidence")


def test_share_removed_is_almost_half_per_galeotti_and_half_per_trenin(graph: Graph) -> None:
    """NATO removed 'almost half' the delegation (Galeotti) or cut the mission 'by half' (Trenin):
    two claims, both normal.
    """
    rows = q(graph, "count", of=EXPULSION, kind=DCKV["share-of-staff-removed"])
    by_file = {str(r.file): (float(r.n), r.qualifier, r.rank) for r in rows}
    assert by_file[GALEOTTI] == (0.5, DCKV.almost, DCKV.normal)
    assert by_file[TRENIN] == (0.5, DCKV.exactly, DCKV.normal)


def test_rusi_calls_natos_move_a_withdrawal_of_accreditation(graph: Graph) -> None:
    """RUSI describes NATO's decision as 'a withdrawal of the accreditation of eight members' of
    the mission.
    """
    assert DCKV["withdrawal-of-accreditation"] in {
        r.type for r in q(graph, "event", event=EXPULSION)
    }
    assert quoted(refs(graph, EXPULSION), RUSI, "withdrawal of the accreditation of eight members")


# --- Russia's decision of 18 October 2021 ------------------------------------------------


def test_russia_decided_on_18_october_2021_and_lavrov_announced_it(graph: Graph) -> None:
    """On 18 October 2021 Russia decided, and Foreign Minister Lavrov announced, the response (RUSI
    dates it).
    """
    rows = q(graph, "event", event=DECISION)
    assert {(str(r.dt)[:10], r.precision) for r in rows} == {("2021-10-18", TIME.unitDay)}
    assert DCKI.russia in actors(graph, DECISION, "decidedBy")
    assert DCKI["sergei-lavrov"] in actors(graph, DECISION, "announcedBy")
    assert quoted(
        refs(graph, DECISION),
        RUSI,
        "On 18 October 2021, Russia’s Foreign Minister Sergei Lavrov announced",
    )


def test_decision_affected_the_mission_the_liaison_mission_the_nio_and_relations(
    graph: Graph,
) -> None:
    """The 18 October decision affected the Russian mission, NATO's Military Liaison Mission, the
    NIO and relations as a whole.
    """
    affected = set(graph.objects(DECISION, DCKG.affects))
    assert {
        DCKI["russian-mission-to-nato"],
        DCKI["nato-military-liaison-mission-moscow"],
        DCKI["nato-information-office-moscow"],
        DCKI["nato-russia-relations"],
    } <= affected
    assert quoted(refs(graph, DECISION), GALEOTTI, "closing its information office there")


def test_decision_was_triggered_by_natos_expulsion(graph: Graph) -> None:
    """Russia's decision retaliated for NATO's expulsion (Galeotti: 'the Kremlin retaliated';
    Trenin: 'Responding to').
    """
    assert (DECISION, DCKG.triggeredBy, EXPULSION) in graph
    rows = refs(graph, DECISION)
    assert quoted(rows, GALEOTTI, "the Kremlin retaliated")
    assert quoted(rows, TRENIN, "Responding to NATO’s decision")


def test_rusi_gives_lavrovs_pretext_absence_of_necessary_conditions(graph: Graph) -> None:
    """RUSI: the announced pretext was 'the absence of the necessary conditions for conducting
    diplomatic activities'.
    """
    assert quoted(
        refs(graph, DECISION),
        RUSI,
        "absence of the necessary conditions for conducting diplomatic activities",
    )


def test_galeotti_quotes_lavrov_nato_not_interested_in_equitable_dialogue(graph: Graph) -> None:
    """Galeotti quotes Lavrov: 'NATO is not interested in equitable dialogue and joint work' (said
    by Lavrov).
    """
    rows = [r for r in refs(graph, DECISION) if r.statedBy == DCKI["sergei-lavrov"]]
    assert quoted(rows, GALEOTTI, "equitable dialogue and joint work")


def test_trenin_says_russia_recalled_its_mission_staff_and_ordered_liaison_officers_out(
    graph: Graph,
) -> None:
    """Trenin: Russia recalled its mission's staff from Brussels and ordered NATO liaison officers
    in Moscow to leave.
    """
    steps = {(r.step, r.type, r.channel) for r in q(graph, "part-of-event", event=DECISION)}
    recall = DCKI["ev-russian-mission-staff-recalled-2021-10-18"]
    expel = DCKI["ev-mlm-staff-expelled-2021-10-18"]
    assert (recall, DCKV.recall, DCKI["russian-mission-to-nato"]) in steps
    assert (expel, DCKV.expulsion, DCKI["nato-military-liaison-mission-moscow"]) in steps
    assert quoted(refs(graph, recall), TRENIN, "recalled the staff of its mission from Brussels")
    assert quoted(
        refs(graph, expel), TRENIN, "ordered NATO liaison officers stationed in Moscow to leave"
    )


def test_galeotti_says_the_accreditation_of_the_military_missions_staff_was_revoked(
    graph: Graph,
) -> None:
    """Galeotti: Russia revoked the accreditation of the staff at NATO's military mission in Moscow
    (18 October 2021).
    """
    expel = DCKI["ev-mlm-staff-expelled-2021-10-18"]
    rows = q(graph, "event", event=expel)
    assert DCKV["withdrawal-of-accreditation"] in {r.type for r in rows}
    assert {str(r.dt)[:10] for r in rows} == {"2021-10-18"}
    assert quoted(refs(graph, expel), GALEOTTI, "revoking the accreditation of the staff")


# --- what became of each channel ---------------------------------------------------------


def test_russian_mission_suspended_from_18_october_2021_preferred(graph: Graph) -> None:
    """The Russian mission to NATO was suspended from 18 October 2021 (preferred; RUSI and Trenin
    among the sources).
    """
    rows = status(graph, "russian-mission-to-nato", "suspended")
    assert {(str(r.begin)[:10], r.rank) for r in rows} == {("2021-10-18", DCKV.preferred)}
    assert quoted(rows, RUSI, "suspend the operation of its own mission in Brussels")
    assert quoted(rows, TRENIN, "recalled the staff of its mission")


def test_galeotti_says_the_mission_was_closed_down_kept_as_normal_rank(graph: Graph) -> None:
    """Galeotti says Russia is 'closing down' the permanent mission: a closed claim, ranked normal
    beside the suspension.
    """
    rows = status(graph, "russian-mission-to-nato", "closed")
    assert {(str(r.begin)[:10], r.rank) for r in rows} == {("2021-10-18", DCKV.normal)}
    assert quoted(rows, GALEOTTI, "It is closing down")


def test_which_articles_say_the_mission_was_suspended_and_which_closed(graph: Graph) -> None:
    """Suspended: RUSI and Trenin (not Galeotti); closed: Galeotti (not RUSI or Trenin)."""
    suspended = files(status(graph, "russian-mission-to-nato", "suspended"))
    closed = files(status(graph, "russian-mission-to-nato", "closed"))
    assert {RUSI, TRENIN} <= suspended and GALEOTTI not in suspended
    assert GALEOTTI in closed and not {RUSI, TRENIN} & closed


def test_liaison_mission_suspended_from_18_october_2021_per_rusi(graph: Graph) -> None:
    """RUSI: Moscow decided to suspend the operation of the NATO Military Liaison Mission in Moscow
    (from 18 October 2021).
    """
    rows = status(graph, "nato-military-liaison-mission-moscow", "suspended")
    assert {str(r.begin)[:10] for r in rows} == {"2021-10-18"}
    assert {r.cause for r in rows} == {DECISION}
    assert quoted(rows, RUSI, "NATO Military Liaison Mission in Moscow")


def test_nato_hq_closed_the_nio_on_29_october_2021_as_russia_decided(graph: Graph) -> None:
    """RUSI: NATO HQ did close the NIO on 29 October 2021 (day precision), carrying out Russia's
    decision.
    """
    closure = DCKI["ev-nio-closure-2021-10-29"]
    rows = q(graph, "event", event=closure)
    assert {(str(r.dt)[:10], r.precision, r.type) for r in rows} == {
        ("2021-10-29", TIME.unitDay, DCKV.closure)
    }
    assert actors(graph, closure, "carriedOutBy") == {DCKI["nato-headquarters"]}
    assert actors(graph, closure, "decidedBy") == {DCKI.russia}
    assert quoted(refs(graph, closure), RUSI, "NATO HQ did in fact close the NIO on 29 October")


def test_nio_closed_from_29_october_2021_in_all_three_articles(graph: Graph) -> None:
    """The NIO is closed from 29 October 2021 (preferred); Galeotti, Trenin and RUSI all report its
    closure.
    """
    rows = [
        r
        for r in status(graph, "nato-information-office-moscow", "closed")
        if starts(r.begin, "2021-10-29")
    ]
    assert {r.rank for r in rows} == {DCKV.preferred}
    assert quoted(rows, GALEOTTI, "closing its information office")
    assert quoted(rows, TRENIN, "required the NATO information office to close")
    assert quoted(rows, RUSI, "29 October")


def test_relations_suspended_preferred_and_trenins_ceased_to_exist_normal(graph: Graph) -> None:
    """Relations: suspended from 18 October 2021 (preferred; RUSI, Trenin) vs Trenin's 'ceased to
    exist' (closed, normal).
    """
    suspended = status(graph, "nato-russia-relations", "suspended")
    assert {(str(r.begin)[:10], r.rank) for r in suspended} == {("2021-10-18", DCKV.preferred)}
    assert quoted(suspended, RUSI, "to all intents and purposes, suspend relations")
    assert quoted(suspended, TRENIN, "It suspended relations with NATO")
    closed = [r for r in status(graph, "nato-russia-relations", "closed") if str(r.file) == TRENIN]
    assert {r.rank for r in closed} == {DCKV.normal}
    assert quoted(closed, TRENIN, "ceased to exist")


def test_relations_de_facto_broken_off_since_2014_per_trenin_and_rusi(graph: Graph) -> None:
    """Trenin: relations de facto broken off 'seven years ago' (2014); RUSI: minimal interaction
    since 2014.
    """
    rows = status(graph, "nato-russia-relations", "dormant")
    assert {(str(r.begin)[:4], r.bprec) for r in rows} == {("2014", TIME.unitYear)}
    assert quoted(rows, TRENIN, "de facto broken off seven years ago")
    assert quoted(rows, RUSI, "minimal interaction")


# --- what survived ------------------------------------------------------------------------


def test_founding_act_still_in_force_after_the_decision_per_trenin_and_rusi(graph: Graph) -> None:
    """The 1997 Founding Act is still in force as of October 2021, unaffected by the decision
    (Trenin, RUSI).
    """
    rows = [
        r
        for r in status(graph, "nato-russia-founding-act", "in-force")
        if r.unaffectedBy == DECISION
    ]
    assert {str(r.asOf)[:7] for r in rows} == {"2021-10"}
    assert quoted(rows, TRENIN, "is still in force")
    assert quoted(rows, RUSI, "remains in force")


def test_hotline_still_active_after_the_decision_per_trenin_and_rusi(graph: Graph) -> None:
    """The SACEUR–CGS line survives: Trenin's 'direct line', RUSI's 'hotline installed between
    Brussels and Moscow'.
    """
    rows = [r for r in status(graph, "saceur-cgs-hotline", "active") if r.unaffectedBy == DECISION]
    assert quoted(rows, TRENIN, "has a direct line to Russia’s Chief of the General Staff")
    assert quoted(rows, RUSI, "as does the hotline installed between Brussels and Moscow")


def test_trenin_lists_the_contacts_that_remain(graph: Graph) -> None:
    """Trenin: the embassy to Belgium, the mission to the EU, NATO countries' embassies in Moscow,
    the Act, the SACEUR–CGS line and meetings remain.
    """
    rows = q(graph, "unaffected", event=DECISION, file=Literal(TRENIN))
    channels = {r.channel for r in rows}
    assert {
        DCKI["russian-embassy-belgium"],
        DCKI["russian-mission-to-eu"],
        DCKI["nato-allies-embassies-moscow"],
        DCKI["nato-russia-founding-act"],
        DCKI["saceur-cgs-hotline"],
        DCKI["saceur-cgs-meetings"],
    } <= channels
    assert DCKI["russian-mission-to-nato"] not in channels


def test_nato_must_now_communicate_via_the_russian_ambassador_in_brussels(graph: Graph) -> None:
    """Galeotti: NATO will now have to communicate via the Russian ambassador in Brussels (the
    embassy in Belgium, usable by NATO).
    """
    embassy = DCKI["russian-embassy-belgium"]
    assert (embassy, DCKG.usableBy, DCKI.nato) in graph
    rows = [
        r for r in status(graph, "russian-embassy-belgium", "active") if r.unaffectedBy == DECISION
    ]
    assert {str(r.asOf)[:7] for r in rows} == {"2021-10"}
    assert quoted(rows, GALEOTTI, "communicate via the Russian ambassador in Brussels")


def test_survivors_of_18_october_2021_include_act_and_hotline_not_the_missions(
    layout: Layout,
) -> None:
    """The survivors query at 2021-10-18 lists the Founding Act, hotline and embassy in Belgium,
    not the mission, MLM or NIO.
    """
    rows = {r["channel"].rsplit("/", 1)[-1]: r for r in named(layout, "survivors", at="2021-10-18")}
    for kept in (
        "nato-russia-founding-act",
        "saceur-cgs-hotline",
        "russian-embassy-belgium",
        "us-embassy-moscow",
    ):
        assert kept in rows, kept
    for cut in (
        "russian-mission-to-nato",
        "nato-military-liaison-mission-moscow",
        "nato-information-office-moscow",
    ):
        assert cut not in rows, cut
    assert "Why Russia Officially Broke With NATO" in rows["nato-russia-founding-act"]["sources"]
    assert "Crisis or Opportunity?" in rows["nato-russia-founding-act"]["sources"]


def test_last_used_query_gives_sg_lavrov_meetings_last_in_september_2021(layout: Layout) -> None:
    """Last use of the Secretary General–Lavrov channel: September 2021 (RUSI, month), the last as
    of October 2021.
    """
    rows = [
        r
        for r in named(layout, "last-used")
        if r["channel"].endswith("/nato-sg-russian-fm-meetings")
    ]
    rusi = [r for r in rows if "Crisis or Opportunity?" in r["sources"]]
    assert {(r["lastUsed"], r["precision"], r["lastAsOf"]) for r in rusi} == {
        ("2021-09", "month", "2021-10")
    }
    assert "The last such meeting took place in September 2021" in rusi[0]["quotes"]


# --- history --------------------------------------------------------------------------------


def test_nio_established_2000_per_galeotti_against_2001_per_rusi_preferred(graph: Graph) -> None:
    """NIO founding: Galeotti says 2000 (normal), RUSI 'Established in 2001' (preferred); one
    occurrence, two reports.
    """
    rows = q(graph, "same-event", event=DCKI["ev-nio-establishment-2000"])
    assert {(str(r.dt)[:4], r.rank) for r in rows if str(r.file) == RUSI} == {
        ("2001", DCKV.preferred)
    }
    back = q(graph, "same-event", event=DCKI["ev-nio-establishment-2001"])
    assert {(str(r.dt)[:4], r.rank) for r in back if str(r.file) == GALEOTTI} == {
        ("2000", DCKV.normal)
    }


def test_military_liaison_mission_established_in_2002_per_galeotti(graph: Graph) -> None:
    """Galeotti: the Military Liaison Mission Moscow followed the NIO in 2002 (year precision)."""
    event = DCKI["ev-mlm-establishment-2002"]
    rows = q(graph, "event", event=event)
    assert {(str(r.dt)[:4], r.precision, r.type) for r in rows} == {
        ("2002", TIME.unitYear, DCKV.establishment)
    }
    assert (event, DCKG.affects, DCKI["nato-military-liaison-mission-moscow"]) in graph
    assert quoted(
        refs(graph, event), GALEOTTI, "followed in 2002 by the Military Liaison Mission Moscow"
    )


def test_1997_founding_act_created_the_permanent_joint_council(graph: Graph) -> None:
    """Galeotti: the 1997 Founding Act created the Permanent Joint Council (established 1997, as
    part of the Act).
    """
    pjc = DCKI["ev-pjc-establishment-1997"]
    assert (pjc, DCKG.partOfEvent, DCKI["ev-founding-act-1997"]) in graph
    assert {str(r.dt)[:4] for r in q(graph, "event", event=pjc)} == {"1997"}
    assert quoted(refs(graph, pjc), GALEOTTI, "This created the Permanent Joint Council")


def test_permanent_joint_council_replaced_by_nrc_in_2002(graph: Graph) -> None:
    """Galeotti: the Permanent Joint Council was replaced in 2002 by the NATO-Russia Council
    (superseded from 2002).
    """
    assert (DCKI["permanent-joint-council"], DCKG.replacedBy, DCKI["nato-russia-council"]) in graph
    event = DCKI["ev-pjc-replacement-2002"]
    assert DCKV.replacement in {r.type for r in q(graph, "event", event=event)}
    rows = status(graph, "permanent-joint-council", "superseded")
    assert {str(r.begin)[:4] for r in rows} == {"2002"}
    assert quoted(rows, GALEOTTI, "in 2002 was replaced by the NATO-Russia Council")


def test_russian_delegation_a_product_of_the_1990s_at_decade_precision(graph: Graph) -> None:
    """Galeotti: the Russian delegation to NATO was 'essentially' a product of the 1990s (decade
    precision only).
    """
    event = DCKI["ev-russian-mission-establishment-1990s"]
    rows = q(graph, "event", event=event)
    assert {(str(r.dt)[:4], r.precision) for r in rows} == {("1990", DCKG.unitDecade)}
    assert quoted(refs(graph, event), GALEOTTI, "products of the 1990s")


def test_channels_established_before_2002(graph: Graph) -> None:
    """Established before 2002: the Russian delegation (1990s), Founding Act and PJC (1997), NIO
    (2000/2001); not the MLM or NRC.
    """
    rows = q(graph, "established-before", before=day("2002"))
    found = {(r.channel.rsplit("/", 1)[-1], str(r.file)) for r in rows}
    assert ("russian-mission-to-nato", GALEOTTI) in found
    assert ("nato-russia-founding-act", GALEOTTI) in found
    assert ("nato-russia-founding-act", RUSI) in found
    assert ("permanent-joint-council", GALEOTTI) in found
    assert ("nato-information-office-moscow", GALEOTTI) in found
    assert ("nato-information-office-moscow", RUSI) in found
    names = {c for c, _ in found}
    assert (
        "nato-military-liaison-mission-moscow" not in names and "nato-russia-council" not in names
    )


def test_dialogue_idled_after_kosovo_1999_and_georgia_2008_per_rusi(graph: Graph) -> None:
    """RUSI: platforms for dialogue were idled after Kosovo (1999: the PJC) and Georgia (2008: the
    NRC).
    """
    pjc = status(graph, "permanent-joint-council", "dormant")
    assert {str(r.begin)[:4] for r in pjc} == {"1999"} and quoted(
        pjc, RUSI, "Kosovo air operation in 1999"
    )
    nrc = [r for r in status(graph, "nato-russia-council", "dormant") if r.begin is not None]
    assert {str(r.begin)[:4] for r in nrc} == {"2008"}
    assert DCKI["ev-georgia-invasion-2008"] in set(
        graph.objects(DCKI["ev-dialogue-idled-2008"], DCKG.triggeredBy)
    )


def test_putin_gave_his_munich_speech_in_2007(graph: Graph) -> None:
    """Galeotti: relations culminated in Putin's 2007 Munich speech (announced by Putin, at
    Munich).
    """
    event = DCKI["ev-putin-munich-speech-2007"]
    assert {str(r.dt)[:4] for r in q(graph, "event", event=event)} == {"2007"}
    assert actors(graph, event, "announcedBy") == {DCKI.putin}
    assert (event, DCKG.atPlace, DCKI.munich) in graph
    assert quoted(refs(graph, event), GALEOTTI, "unipolar")


# --- people and posts ------------------------------------------------------------------------


def test_pszczel_led_the_nio_from_2010_to_2015_in_his_own_words(graph: Graph) -> None:
    """RUSI: Robert Pszczel led the NIO between 2010 and 2015 (former, preferred over DW's 'five
    years ago'), stated by himself.
    """
    rows = [
        r
        for r in q(graph, "posts", holder=DCKI["robert-pszczel"])
        if r.post == DCKI["nio-director"]
    ]
    rusi = [r for r in rows if str(r.file) == RUSI]
    assert {(str(r.begin)[:4], str(r.end)[:4], r.tenure, r.rank) for r in rusi} == {
        ("2010", "2015", DCKV.former, DCKV.preferred)
    }
    assert any(r.statedBy == DCKI["robert-pszczel"] for r in refs(graph, rusi[0].ph))


def test_kerry_was_us_secretary_of_state_when_moscow_made_its_normandy_offer(graph: Graph) -> None:
    """Trenin: Moscow offered, through 'then U.S. secretary of state John Kerry', to invite
    Washington into the Normandy Format.
    """
    rows = [
        r
        for r in q(graph, "posts", holder=DCKI["john-kerry"])
        if r.post == DCKI["us-secretary-of-state"]
    ]
    assert {r.tenure for r in rows} == {DCKV.former} and quoted(
        rows, TRENIN, "then U.S. secretary of state"
    )
    offer = DCKI["ev-normandy-us-invitation-proposal"]
    assert actors(graph, offer, "intermediary") == {DCKI["john-kerry"]}
    assert actors(graph, offer, "announcedBy") == {DCKI["sergei-lavrov"]}


def test_berlin_and_paris_vetoed_inviting_washington_into_the_normandy_format(graph: Graph) -> None:
    """Trenin: the idea was opposed and vetoed by Berlin and Paris (Germany and France)."""
    veto = DCKI["ev-normandy-us-invitation-veto"]
    assert actors(graph, veto, "decidedBy") == {DCKI.germany, DCKI.france}
    assert DCKV.rejection in {r.type for r in q(graph, "event", event=veto)}
    assert quoted(refs(graph, veto), TRENIN, "vetoed—by Berlin and Paris")


def test_biden_current_and_trump_former_us_president_as_of_trenins_article(graph: Graph) -> None:
    """Trenin (27 October 2021): Joe Biden is U.S. President; Donald Trump the former one."""
    biden = [
        r for r in q(graph, "posts", holder=DCKI["joe-biden"]) if r.post == DCKI["us-president"]
    ]
    trump = [
        r for r in q(graph, "posts", holder=DCKI["donald-trump"]) if r.post == DCKI["us-president"]
    ]
    assert {(r.tenure, str(r.asOf)[:10]) for r in biden} == {(DCKV.current, "2021-10-27")}
    assert {(r.tenure, str(r.asOf)[:10]) for r in trump} == {(DCKV.former, "2021-10-27")}
    assert quoted(trump, TRENIN, "former president Donald Trump")


def test_kozak_is_deputy_head_of_presidential_administration_and_donbas_curator(
    graph: Graph,
) -> None:
    """Galeotti: Dmitry Kozak is Deputy Head of the Presidential Administration and 'currently'
    curator of the Donbas conflict.
    """
    rows = q(graph, "posts", holder=DCKI["dmitry-kozak"])
    assert {r.post for r in rows} == {
        DCKI["russian-deputy-head-presidential-administration"],
        DCKI["donbas-conflict-curator"],
    }
    assert all(r.tenure == DCKV.current for r in rows)
    assert quoted(rows, GALEOTTI, "currently ‘curator’ of the Donbas conflict")


def test_lavrov_and_stoltenberg_held_their_posts_at_their_2015_meeting(graph: Graph) -> None:
    """RUSI caption: Foreign Minister Lavrov and Secretary General Stoltenberg met in 2015."""
    meeting = DCKI["ev-sg-lavrov-meeting-2015"]
    assert {str(r.dt)[:4] for r in q(graph, "event", event=meeting)} == {"2015"}
    assert actors(graph, meeting, "participant") == {
        DCKI["sergei-lavrov"],
        DCKI["jens-stoltenberg"],
    }
    lavrov = [r for r in q(graph, "posts", holder=DCKI["sergei-lavrov"]) if starts(r.asOf, "2015")]
    assert {r.post for r in lavrov} == {DCKI["russian-foreign-minister"]} and quoted(
        lavrov, RUSI, "in 2015"
    )


def test_rusi_quotes_the_head_of_the_carnegie_moscow_center_trenin(graph: Graph) -> None:
    """RUSI quotes the head of the Carnegie Moscow Center ('talk to proxies'), whose words are
    Trenin's.
    """
    rows = [
        r
        for r in q(graph, "posts", holder=DCKI["dmitri-trenin"])
        if r.post == DCKI["carnegie-moscow-center-head"]
    ]
    assert {r.tenure for r in rows} == {DCKV.current}
    assert quoted(rows, RUSI, "it does not make much sense to talk to proxies")


# --- counts, meetings, places ------------------------------------------------------------------


def test_nato_has_29_members_per_galeotti_and_30_allies_per_rusi(graph: Graph) -> None:
    """Galeotti: NATO's '29 members'; RUSI: '30 Allies'. Both kept, both normal."""
    rows = q(graph, "count", of=DCKI.nato, kind=DCKV["member-states"])
    by_file = {str(r.file): (float(r.n), r.rank) for r in rows}
    assert by_file[GALEOTTI] == (29.0, DCKV.normal)
    assert by_file[RUSI] == (30.0, DCKV.normal)


def test_last_sg_lavrov_meeting_was_in_september_2021_per_rusi(graph: Graph) -> None:
    """RUSI: the last meeting of the Secretary General with Lavrov took place in September 2021
    (month), same as ELN's late September.
    """
    event = DCKI["ev-sg-lavrov-meeting-2021-09-rusi"]
    rows = q(graph, "event", event=event)
    assert {(str(r.dt)[:7], r.precision, r.type) for r in rows} == {
        ("2021-09", TIME.unitMonth, DCKV.meeting)
    }
    assert (event, DCKG.latestAsOf, None) in graph
    assert (event, DCKG.sameEventAs, DCKI["ev-sg-lavrov-meeting-2021-09"]) in graph
    assert quoted(refs(graph, event), RUSI, "The last such meeting took place in September 2021")


def test_nuland_held_two_days_of_talks_in_moscow_with_kozak_ushakov_ryabkov(graph: Graph) -> None:
    """Galeotti: Victoria Nuland visited Moscow for talks with Kozak, Ushakov and Ryabkov."""
    event = DCKI["ev-nuland-moscow-talks"]
    assert actors(graph, event, "participant") == {
        DCKI["victoria-nuland"],
        DCKI["dmitry-kozak"],
        DCKI["yuri-ushakov"],
        DCKI["sergei-ryabkov"],
    }
    assert (event, DCKG.atPlace, DCKI.moscow) in graph
    assert quoted(refs(graph, event), GALEOTTI, "two days of talks")


def test_sullivan_and_patrushev_still_in_contact_in_october_2021(graph: Graph) -> None:
    """Galeotti: Jake Sullivan continues to maintain contact with Nikolai Patrushev (active as of
    October 2021).
    """
    rows = status(graph, "sullivan-patrushev-contacts", "active")
    assert {str(r.asOf)[:7] for r in rows} == {"2021-10"}
    assert quoted(rows, GALEOTTI, "continue to maintain contact")


def test_russian_mission_sits_in_brussels_not_moscow(graph: Graph) -> None:
    """The Russian mission is in Brussels (preferred; RUSI, Trenin); Galeotti's standfirst 'in the
    Russian capital' is deprecated.
    """
    rows = q(graph, "location", channel=DCKI["russian-mission-to-nato"])
    brussels = [r for r in rows if r.place == DCKI.brussels]
    moscow = [r for r in rows if r.place == DCKI.moscow]
    assert {r.rank for r in brussels} == {DCKV.preferred}
    assert quoted(brussels, RUSI, "its own mission in Brussels") and quoted(
        brussels, TRENIN, "from Brussels"
    )
    assert {r.rank for r in moscow} == {DCKV.deprecated} and files(moscow) == {GALEOTTI}


def test_liaison_mission_and_information_office_were_in_moscow(graph: Graph) -> None:
    """NATO's Military Liaison Mission and Information Office sat in Moscow (Galeotti, Trenin,
    RUSI).
    """
    mlm = q(graph, "location", channel=DCKI["nato-military-liaison-mission-moscow"])
    assert {r.place for r in mlm} == {DCKI.moscow}
    assert {GALEOTTI, TRENIN, RUSI} <= files(mlm)
    nio = q(graph, "location", channel=DCKI["nato-information-office-moscow"])
    assert {r.place for r in nio} == {DCKI.moscow} and GALEOTTI in files(nio)


def test_nato_reacted_with_regret_and_russia_had_refused_the_nrc_for_months(graph: Graph) -> None:
    """RUSI: NATO expressed regret and said Russia had refused for many months to engage in the NRC
    (dormant, October 2021).
    """
    reaction = DCKI["ev-nato-reaction-2021-10"]
    assert (reaction, DCKG.triggeredBy, DECISION) in graph
    assert quoted(refs(graph, reaction), RUSI, "expressed regret")
    rows = [r for r in status(graph, "nato-russia-council", "dormant") if r.asOf is not None]
    assert {str(r.asOf)[:7] for r in rows} == {"2021-10"}
    assert {r.cause for r in rows} == {DCKI["ev-russia-refuses-nrc-engagement"]}
    assert quoted(rows, RUSI, "refusing – for many months")


def test_rusi_names_four_areas_of_past_nato_russia_cooperation(graph: Graph) -> None:
    """RUSI: past cooperation covered counterterrorism, fighting piracy, retraining former
    servicemen and Afghanistan.
    """
    topics = {str(t) for t in graph.objects(DCKI["nato-russia-practical-cooperation"], DCKG.topic)}
    assert {"counterterrorism", "fighting piracy", "Afghanistan"} <= topics
    assert any("former Russian military servicemen" in t for t in topics)
    assert quoted(refs(graph, DCKI["nato-russia-practical-cooperation"]), RUSI, "fighting piracy")


def test_cooperation_frozen_since_the_2014_annexation_of_crimea_per_rusi(graph: Graph) -> None:
    """RUSI: since the 2014 annexation of Crimea, cooperation has been frozen (suspended from
    2014).
    """
    rows = status(graph, "nato-russia-practical-cooperation", "suspended")
    assert {str(r.begin)[:4] for r in rows} == {"2014"}
    assert quoted(rows, RUSI, "frozen cooperation")
