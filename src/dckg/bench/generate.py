"""``dckg bench generate``: a synthetic corpus in the real ontology's shape.

The corpus is a knowledge-graph directory like ``kg/``: an ``entities.ttl``
registry (states, organisations, bodies, people, posts, places and connections
with their parties: channels, relationships, agreements) and one article-sized
file per synthetic article under ``sources/``, written the way ``kg/CURATION.md``
asks a curator to write them: every statement with a reference to its article and
a verbatim quote (``dckg:hasReference``), every event and entity the article
describes attested in its words (``dckg:attestedBy``), instants declared in the
file that uses them at every precision (day, ISO week, month, year, decade, with
hedges), status statements over intervals or ``asOf`` a date, events (occurrences,
not statements) with their actors, counts, locations, post holdings, last-use
statements, and conflicting claims (an event dated by two ranked dating
statements instead of a date of its own; two statuses from one cause, ranked,
with a reason). Article texts containing the quotes go to ``articles/`` so quotes
can be checked against them.

The output is deterministic for a given size and seed, so benchmark runs compare.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from dckg.errors import DckgError

PREFIXES = """\
@prefix dckg:    <https://w3id.org/dckg/ontology#> .
@prefix dckv:    <https://w3id.org/dckg/vocab/> .
@prefix dcki:    <https://w3id.org/dckg/id/> .
@prefix dckt:    <https://w3id.org/dckg/id/time/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix oa:      <http://www.w3.org/ns/oa#> .
@prefix org:     <http://www.w3.org/ns/org#> .
@prefix rdfs:    <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos:    <http://www.w3.org/2004/02/skos/core#> .
@prefix time:    <http://www.w3.org/2006/time#> .
@prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .
"""

#: Channel classes with a sender and a host (a diplomatic presence), and connection
#: classes whose sides are parties: channels, then the two that are not channels.
PRESENCE_CLASSES = (
    "PermanentMission",
    "MilitaryLiaisonMission",
    "InformationOffice",
    "Embassy",
    "MilitaryAttache",
)
NOT_CHANNELS = ("Relationship", "FoundingAgreement")
PARTY_CLASSES = ("Hotline", "Council", "Talks", "OfficialsMeeting", *NOT_CHANNELS)
#: A decision's event type, the status it leaves the channels it affects in, and the
#: rival status a second source now and then claims for the same decision.
DECISIONS = (
    ("suspension", "suspended", "closed"),
    ("closure", "closed", "suspended"),
    ("expulsion", "restricted", "suspended"),
    ("withdrawal-of-accreditation", "restricted", "suspended"),
    ("establishment", "active", "in-force"),
    ("restriction", "restricted", "suspended"),
    ("reduction", "restricted", "suspended"),
    ("recall", "dormant", "suspended"),
    ("idling", "dormant", "suspended"),
    ("replacement", "superseded", "closed"),
    ("proposal", "proposed", "active"),
)
PRECISIONS = ("day", "week", "month", "year", "decade")
QUALIFIERS = ("early", "mid", "late", "about")
#: The instant property each qualifier goes in.
QUALIFIER_PROPERTY = {
    "early": "periodPart",
    "mid": "periodPart",
    "late": "periodPart",
    "about": "dateHedge",
}
COUNT_KINDS = ("staff", "accreditations", "persons-expelled", "share-of-staff-removed")

DEFAULT_FILE_TRIPLES = 800


@dataclass(frozen=True)
class Instant:
    """A date at a precision, as the ``dckt:`` IRI a curator would write."""

    slug: str
    start: dt.date
    precision: str
    qualifier: str | None = None

    def triples(self) -> tuple[str, int]:
        """Its declaration (``a time:Instant``, the first moment, the precision)."""
        unit = (
            "time:unitDecade"
            if self.precision == "decade"
            else f"time:unit{self.precision.title()}"
        )
        parts = [
            "a time:Instant",
            f'time:inXSDDateTimeStamp "{self.start.isoformat()}T00:00:00Z"^^xsd:dateTimeStamp',
            f"dckg:precision {unit}",
        ]
        if self.qualifier:
            parts.append(f"dckg:{QUALIFIER_PROPERTY[self.qualifier]} dckv:{self.qualifier}")
        return f"dckt:{self.slug} " + " ;\n    ".join(parts) + " .\n", len(parts)


def make_instant(day: dt.date, precision: str, qualifier: str | None = None) -> Instant:
    """The instant that names ``day`` at ``precision`` (its first moment, its IRI slug)."""
    if precision == "day":
        return Instant(day.isoformat(), day, precision)
    if precision == "week":
        year, week, weekday = day.isocalendar()
        return Instant(f"{year:04d}-W{week:02d}", day - dt.timedelta(days=weekday - 1), precision)
    suffix = f"-{qualifier}" if qualifier else ""
    if precision == "month":
        return Instant(f"{day:%Y-%m}{suffix}", day.replace(day=1), precision, qualifier)
    if precision == "year":
        return Instant(f"{day.year:04d}{suffix}", dt.date(day.year, 1, 1), precision, qualifier)
    decade = day.year // 10 * 10
    return Instant(f"{decade}s", dt.date(decade, 1, 1), precision)


def event_props(etype: str, when: Instant, *more: str) -> list[str]:
    """The Turtle properties every synthetic event has, then ``more``."""
    return [
        "a dckg:Event",
        f"dckg:eventType dckv:{etype}",
        f"dckg:occurredAt dckt:{when.slug}",
        *more,
    ]


@dataclass(frozen=True)
class Channel:
    """A connection of the registry (a channel, relationship or agreement): its IRI
    slug, class and label."""

    slug: str
    cls: str
    label: str


@dataclass
class Registry:
    """The entities every article draws on."""

    states: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)
    posts: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    publishers: list[str] = field(default_factory=list)
    channels: list[Channel] = field(default_factory=list)

    @property
    def actors(self) -> list[str]:
        """Who can decide, announce or be targeted."""
        return self.states + self.organisations

    @cached_property
    def lines(self) -> list[Channel]:
        """The channels proper, over which the sides speak or meet."""
        return [c for c in self.channels if c.cls not in NOT_CHANNELS]


def _lit(text: str) -> str:
    """A Turtle string literal (the generator's own text never needs more than this)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def build_registry(triples: int, rng: random.Random) -> tuple[Registry, str, int]:
    """The entity registry sized for a corpus of ``triples``, and its Turtle."""
    reg = Registry()
    out: list[str] = [
        PREFIXES,
        "\n# Synthetic entity registry written by `dckg bench generate`.\n\n",
    ]
    count = 0

    def entity(slug: str, body: list[str]) -> None:
        nonlocal count
        out.append(f"dcki:{slug} " + " ;\n    ".join(body) + " .\n")
        count += len(body)

    for i in range(10 + triples // 50_000):
        slug = f"state-{i}"
        reg.states.append(slug)
        entity(slug, ["a dckg:State", f'rdfs:label "State {i}"@en', f'skos:altLabel "S{i}"@en'])
    for i in range(4 + triples // 100_000):
        slug = f"organisation-{i}"
        reg.organisations.append(slug)
        entity(slug, ["a dckg:InternationalOrganisation", f'rdfs:label "Organisation {i}"@en'])
        label = f'rdfs:label "Council of Organisation {i}"@en'
        entity(f"body-{i}", ["a dckg:Body", label, f"org:subOrganizationOf dcki:{slug}"])
    for i in range(4 + triples // 100_000):
        slug = f"publisher-{i}"
        reg.publishers.append(slug)
        cls = "dckg:MediaOutlet" if i % 2 else "dckg:ResearchInstitute"
        entity(slug, [f"a {cls}", f'rdfs:label "Publisher {i}"@en'])
    for i in range(10 + triples // 10_000):
        slug = f"place-{i}"
        reg.places.append(slug)
        country = f"dckg:inCountry dcki:{rng.choice(reg.states)}"
        entity(slug, ["a dckg:Place", f'rdfs:label "City {i}"@en', country])
    for i in range(10 + triples // 5_000):
        slug = f"post-{i}"
        reg.posts.append(slug)
        owner = rng.choice(reg.actors)
        entity(slug, ["a dckg:Post", f'rdfs:label "Post {i}"@en', f"org:postIn dcki:{owner}"])
    for i in range(20 + triples // 2_000):
        slug = f"person-{i}"
        reg.persons.append(slug)
        entity(slug, ["a dckg:Person", f'rdfs:label "Person {i}"@en'])
    for i in range(20 + triples // 250):
        slug = f"channel-{i}"
        a, b = rng.sample(reg.actors, 2)
        if i % 3 == 0:
            cls = rng.choice(PARTY_CLASSES)
            links = [f"dckg:hasParty dcki:{a} , dcki:{b}"]
            count += 1  # "hasParty a , b" is two triples
        else:
            cls = rng.choice(PRESENCE_CLASSES)
            links = [f"dckg:sentBy dcki:{a}", f"dckg:hostedBy dcki:{b}"]
        label = f"{cls} {i}"
        lines = [
            f"a dckg:{cls}",
            f'rdfs:label "{label}"@en',
            f'skos:altLabel "channel number {i}"@en',
            *links,
        ]
        if reg.channels and i % 7 == 0:
            lines.append(f"dckg:partOf dcki:{rng.choice(reg.channels).slug}")
        entity(slug, lines)
        reg.channels.append(Channel(slug, cls, label))
    return reg, "".join(out), count


class ArticleWriter:
    """One synthetic article file: statements, each with a reference and a unique quote."""

    def __init__(self, index: int, registry: Registry, rng: random.Random) -> None:
        self.index = index
        self.reg = registry
        self.rng = rng
        self.publisher = rng.choice(registry.publishers)
        self.stem = f"{index:05d}-{self.publisher}"
        self.article = f"article-{index:05d}"
        self.date = dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(25 * 365))
        self.instants: dict[str, Instant] = {}
        self.body: list[str] = []
        self.quotes: list[str] = []
        self.triples = 0
        self.events: list[str] = []  # IRI slugs of this article's events
        self.published = self.instant(self.date, "day")
        self.triples += 7  # the article's own description

    # -- building blocks -------------------------------------------------------------

    def instant(self, day: dt.date | None = None, precision: str | None = None) -> Instant:
        """A (new or already used) instant on or before the article's date, declared once here."""
        rng = self.rng
        if day is None:
            day = self.date - dt.timedelta(days=rng.randrange(20 * 365))
        if precision is None:
            precision = rng.choices(PRECISIONS, weights=(50, 10, 20, 15, 5))[0]
        qualifier = (
            rng.choice(QUALIFIERS)
            if precision in ("month", "year") and rng.random() < 0.2
            else None
        )
        inst = make_instant(day, precision, qualifier)
        if inst.slug not in self.instants:
            self.instants[inst.slug] = inst
            self.triples += inst.triples()[1]
        return inst

    def reference(self, what: str) -> tuple[str, int]:
        """A reference to this article with a quote no other reference uses."""
        quote = f"{what} (synthetic report {self.index}.{len(self.quotes)})"
        self.quotes.append(quote)
        parts = [
            "a dckg:Reference",
            f"oa:hasSource dcki:{self.article}",
            f"oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact {_lit(quote)} ]",
        ]
        inner = len(parts) + 2
        if self.rng.random() < 0.3:
            parts.append(f"dckg:statedBy dcki:{self.rng.choice(self.reg.persons)}")
            inner += 1
        if self.rng.random() < 0.1:
            parts.append('dckg:curatorNote "Resolved against the article\'s date."')
            inner += 1
        return "[ " + " ;\n        ".join(parts) + " ]", inner

    def node(self, subject: str, props: list[str], quote: str, refs: int = 1) -> None:
        """``subject`` with ``props`` (a triple each) and ``refs`` references quoting ``quote``:
        a statement's ``dckg:hasReference``, an event's ``dckg:attestedBy``."""
        lines = list(props)
        count = len(props)
        ref_texts = []
        for n in range(refs):
            text, inner = self.reference(quote if n == 0 else f"{quote}, again")
            ref_texts.append(text)
            count += 1 + inner
        link = "dckg:attestedBy" if props[0].startswith("a dckg:Event") else "dckg:hasReference"
        lines.append(f"{link} " + " ,\n      ".join(ref_texts))
        self.body.append(f"{subject} " + " ;\n    ".join(lines) + " .\n\n")
        self.triples += count

    def interval(self, begin: Instant, end: Instant | None) -> tuple[str, int]:
        """A ``time:Interval`` blank node."""
        parts = ["a time:Interval", f"time:hasBeginning dckt:{begin.slug}"]
        if end is not None:
            parts.append(f"time:hasEnd dckt:{end.slug}")
        return "[ " + " ; ".join(parts) + " ]", len(parts)

    def channel(self) -> Channel:
        """A channel of the registry."""
        return self.rng.choice(self.reg.channels)

    # -- statements --------------------------------------------------------------------

    def decision(self) -> None:
        """An event that changes channels' status, the statuses it results in, maybe a count
        and a rival status claim from the same cause (a conflict, ranked with a reason)."""
        rng, n = self.rng, len(self.body)
        etype, status, rival_status = rng.choice(DECISIONS)
        channels = rng.sample(self.reg.channels, rng.choice((1, 1, 2)))
        when = self.instant()
        ev = f"ev-{self.index}-{n}"
        decider, target = rng.sample(self.reg.actors, 2)
        props = event_props(etype, when, f"dckg:decidedBy dcki:{decider}")
        props.append(f"dckg:target dcki:{target}")
        props += [f"dckg:affects dcki:{c.slug}" for c in channels]
        if rng.random() < 0.4:
            props.append(f"dckg:announcedBy dcki:{rng.choice(self.reg.persons)}")
        if self.events and rng.random() < 0.3:
            props.append(f"dckg:triggeredBy dcki:{rng.choice(self.events)}")
        if rng.random() < 0.2:
            props.append(f"dckg:atPlace dcki:{rng.choice(self.reg.places)}")
        names = " and ".join(c.label for c in channels)
        self.node(
            f"dcki:{ev}",
            props,
            f"{decider} decided the {etype} of the {names}",
            refs=rng.choice((1, 2)),
        )
        self.events.append(ev)
        for c in channels:
            begin = self.instant(when.start, rng.choice(("day", "day", "month")))
            end = None
            if rng.random() < 0.2:
                end = self.instant(begin.start + dt.timedelta(days=rng.randrange(40, 2000)), "day")
            # Now and then a rival status from the same cause: two claims, ranked.
            rival = rival_status if rng.random() < 0.15 else None
            claims = [(status, end, "preferred" if rival else None)]
            if rival:
                claims.append((rival, None, "normal"))
            for claim, until, rank in claims:
                iv, iv_n = self.interval(begin, until)
                props = [
                    "a dckg:StatusStatement",
                    f"dckg:channel dcki:{c.slug}",
                    f"dckg:status dckv:{claim}",
                    f"dckg:validDuring {iv}",
                    f"dckg:resultOf dcki:{ev}",
                ]
                if rank:
                    reason = (
                        "The other sources agree on this status."
                        if rank == "preferred"
                        else f"Only one source says {claim}; kept as normal."
                    )
                    props += [f"dckg:rank dckv:{rank}", f"dckg:rankReason {_lit(reason)}"]
                quote = f"the {c.label} was {claim} after the {etype}"
                self.node(f"dcki:st-{self.index}-{len(self.body)}", props, quote)
                self.triples += iv_n
        if rng.random() < 0.3:
            kind = rng.choice(COUNT_KINDS)
            value = f"{rng.randrange(1, 60)}.0" if kind != "share-of-staff-removed" else "0.5"
            props = [
                "a dckg:CountStatement",
                f"dckg:countOf dcki:{ev}",
                f"dckg:countKind dckv:{kind}",
                f"dckg:count {value}",
            ]
            if rng.random() < 0.3:
                props.append(
                    f"dckg:countQualifier dckv:{rng.choice(('almost', 'about', 'exactly'))}"
                )
            self.node(f"dcki:count-{self.index}-{len(self.body)}", props, f"{value} {kind} counted")

    def contact(self) -> None:
        """A contact or meeting (now and then a summit, or lasting days) on a channel,
        sometimes with a statement that it was the channel's last use as of the article."""
        rng = self.rng
        c = rng.choice(self.reg.lines)
        when = self.instant()
        ev = f"ev-{self.index}-{len(self.body)}"
        a, b = rng.sample(self.reg.persons, 2)
        etype = rng.choice(("contact", "meeting"))
        props = event_props(etype, when, f"dckg:participant dcki:{a} , dcki:{b}")
        props.append(f"dckg:affects dcki:{c.slug}")
        if etype == "meeting" and rng.random() < 0.3:
            props[0] += " , dckg:Summit"
            days = rng.randrange(1, 4)
            props.append(
                f"dckg:duration [ a time:Duration ; time:numericDuration {days}.0 ; "
                "time:unitType time:unitDay ]"
            )
            self.triples += 4  # the second type and the duration's three
        self.node(f"dcki:{ev}", props, f"{a} and {b} spoke over the {c.label}")
        self.triples += 1  # the second participant
        self.events.append(ev)
        if rng.random() < 0.5:
            props = [
                "a dckg:LastUseStatement",
                f"dckg:channel dcki:{c.slug}",
                f"dckg:lastUse dcki:{ev}",
                f"dckg:asOf dckt:{self.published.slug}",
            ]
            if rng.random() < 0.3:
                props.append(f"dckg:accordingTo dcki:{rng.choice(self.reg.actors)}")
            quote = f"that was the last time the {c.label} was used"
            self.node(f"dcki:lastuse-{self.index}-{len(self.body)}", props, quote)

    def disputed_date(self) -> None:
        """One occurrence the article dates two ways: no date of its own, two dating
        statements, one preferred and the other normal or deprecated, each with a reason."""
        rng = self.rng
        c = self.channel()
        first = self.instant(precision="year")
        second = self.instant(dt.date(first.start.year - 1, 6, 1), "year")
        etype = rng.choice(("establishment", "closure", "meeting"))
        ev = f"ev-{self.index}-{len(self.body)}"
        props = ["a dckg:Event", f"dckg:eventType dckv:{etype}", f"dckg:affects dcki:{c.slug}"]
        self.node(f"dcki:{ev}", props, f"the {etype} of the {c.label}")
        other = rng.choice(("normal", "deprecated"))
        for n, (when, rank) in enumerate(((first, "preferred"), (second, other))):
            reason = f"{'Most sources give' if n == 0 else 'Only one source gives'} {when.slug}."
            props = [
                "a dckg:DatingStatement",
                f"dckg:dateOf dcki:{ev}",
                f"dckg:occurredAt dckt:{when.slug}",
                f"dckg:rank dckv:{rank}",
                f"dckg:rankReason {_lit(reason)}",
            ]
            quote = f"the {etype} of the {c.label} in {when.slug}"
            self.node(f"dcki:date-{self.index}-{len(self.body)}", props, quote)

    def as_of_status(self) -> None:
        """A status the source says holds at a moment, maybe left intact by an event."""
        rng = self.rng
        c = self.channel()
        props = [
            "a dckg:StatusStatement",
            f"dckg:channel dcki:{c.slug}",
            f"dckg:status dckv:{rng.choice(('active', 'dormant', 'in-force', 'restricted'))}",
            f"dckg:asOf dckt:{self.instant().slug}",
        ]
        if self.events and rng.random() < 0.3:
            props.append(f"dckg:unaffectedBy dcki:{rng.choice(self.events)}")
        self.node(f"dcki:st-{self.index}-{len(self.body)}", props, f"the {c.label} still works")

    def location(self) -> None:
        """Where a channel sits; now and then a deprecated rival claim."""
        rng = self.rng
        c = self.channel()
        place, rival = rng.sample(self.reg.places, 2)
        claims = [(place, None)] + ([(rival, "deprecated")] if rng.random() < 0.2 else [])
        for where, rank in claims:
            props = [
                "a dckg:LocationStatement",
                f"dckg:channel dcki:{c.slug}",
                f"dckg:place dcki:{where}",
            ]
            if rank:
                props += [
                    f"dckg:rank dckv:{rank}",
                    'dckg:rankReason "Contradicted by the body of the article."',
                ]
            self.node(f"dcki:loc-{self.index}-{len(self.body)}", props, f"the {c.label} in {where}")

    def post_holding(self) -> None:
        """Who held a post, as of a date or over an interval."""
        rng = self.rng
        person, post = rng.choice(self.reg.persons), rng.choice(self.reg.posts)
        props = [
            "a dckg:PostHolding",
            f"dckg:holder dcki:{person}",
            f"dckg:post dcki:{post}",
            f"dckg:tenure dckv:{rng.choice(('current', 'former'))}",
        ]
        extra = 0
        if rng.random() < 0.5:
            props.append(f"dckg:asOf dckt:{self.instant().slug}")
        else:
            begin = self.instant(precision="year")
            end = self.instant(dt.date(begin.start.year + rng.randrange(1, 6), 1, 1), "year")
            iv, extra = self.interval(begin, end)
            props.append(f"dckg:validDuring {iv}")
        if rng.random() < 0.1:
            props.append('dckg:isLastHolder "true"^^xsd:boolean')
        self.node(f"dcki:ph-{self.index}-{len(self.body)}", props, f"{person}, {post}")
        self.triples += extra

    def attestation(self) -> None:
        """The article names an entity (a connection, actor, person or place): a reference
        on the entity itself."""
        rng = self.rng
        slug = self.channel().slug
        if rng.random() < 0.5:
            slug = rng.choice(rng.choice((self.reg.actors, self.reg.persons, self.reg.places)))
        text, inner = self.reference(f"{slug} is mentioned")
        self.body.append(f"dcki:{slug} dckg:attestedBy {text} .\n\n")
        self.triples += 1 + inner

    # -- the file ---------------------------------------------------------------------

    def fill(self, budget: int) -> None:
        """Statements until the file holds about ``budget`` triples."""
        kinds = (
            (self.decision, 30),
            (self.contact, 15),
            (self.as_of_status, 15),
            (self.location, 8),
            (self.post_holding, 10),
            (self.attestation, 15),
            (self.disputed_date, 7),
        )
        steps, weights = zip(*kinds, strict=True)
        while self.triples < budget:
            self.rng.choices(steps, weights=weights)[0]()

    def render(self) -> tuple[str, str]:
        """The Turtle file and the article text holding every quote."""
        published = self.published
        head = [
            PREFIXES,
            f"\n# Synthetic article {self.index}, written by `dckg bench generate`.\n\n",
            f"dcki:{self.article} a dckg:Article ;\n"
            f'    dcterms:title "Synthetic report {self.index}" ;\n'
            f"    dcterms:creator dcki:{self.rng.choice(self.reg.persons)} ;\n"
            f"    dcterms:publisher dcki:{self.publisher} ;\n"
            f'    dckg:genre "Report" ;\n'
            f"    dckg:publishedOn dckt:{published.slug} ;\n"
            f'    dckg:fileName "{self.stem}.txt" .\n\n',
        ]
        instants = [inst.triples()[0] for _, inst in sorted(self.instants.items())]
        turtle = "".join([*head, *instants, "\n", *self.body])
        text = f"Synthetic report {self.index}\n\n" + "".join(
            f"They wrote that {q}.\n" for q in self.quotes
        )
        return turtle, text


@dataclass
class GenerateResult:
    """What was written and how many triples the files hold (before de-duplication)."""

    root: Path
    files: int
    triples: int


def generate(
    target: int, out: Path, *, seed: int = 1, file_triples: int = DEFAULT_FILE_TRIPLES
) -> GenerateResult:
    """Write a corpus of about ``target`` triples to ``out`` (a knowledge-graph directory)."""
    if target < 1000:
        raise DckgError(f"--triples {target}: use at least 1000")
    if out.exists() and any(out.iterdir()):
        raise DckgError(f"{out}: directory is not empty; choose a new one")
    rng = random.Random(seed)
    registry, entities, count = build_registry(target, rng)
    (out / "sources").mkdir(parents=True, exist_ok=True)
    (out / "articles").mkdir(exist_ok=True)
    (out / "entities.ttl").write_text(entities, encoding="utf-8")
    files = 0
    for writer in _articles(registry, rng, target - count, file_triples):
        turtle, text = writer.render()
        (out / "sources" / f"{writer.stem}.ttl").write_text(turtle, encoding="utf-8")
        (out / "articles" / f"{writer.stem}.txt").write_text(text, encoding="utf-8")
        count += writer.triples
        files += 1
    return GenerateResult(out, files, count)


def _articles(
    registry: Registry, rng: random.Random, budget: int, file_triples: int
) -> Iterator[ArticleWriter]:
    index = 0
    while budget > 0:
        writer = ArticleWriter(index, registry, rng)
        writer.fill(min(file_triples, budget))
        budget -= writer.triples
        yield writer
        index += 1


def article_file(registry_root: Path, seed: int = 99) -> tuple[str, str]:
    """One more article-sized file for an existing corpus (the benchmark validates it).

    It draws on the channels and actors of ``registry_root``'s entities, so it
    links into the big graph the way a newly curated article would.
    """
    import re

    text = (registry_root / "entities.ttl").read_text(encoding="utf-8")
    rng = random.Random(seed)
    reg = Registry()
    for slug, cls, label in re.findall(
        r'dcki:(channel-\d+) a dckg:(\w+) ;\n    rdfs:label "([^"]+)"', text
    ):
        reg.channels.append(Channel(slug, cls, label))
    for kind in ("state", "organisation", "person", "post", "place", "publisher"):
        found = sorted(set(re.findall(rf"dcki:({kind}-\d+) a ", text)))
        getattr(reg, f"{kind}s").extend(found)  # reg.states, reg.organisations ...
    if not reg.channels:
        raise DckgError(f"{registry_root}: no synthetic channels in entities.ttl")
    writer = ArticleWriter(90_000 + seed, reg, rng)
    writer.fill(DEFAULT_FILE_TRIPLES)
    return writer.stem, writer.render()[0]
