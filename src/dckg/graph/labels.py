"""Generated labels for the individuals the curators leave unlabelled.

Protégé lists individuals by label. Curators label actors, channels and places; the
build labels every other individual (statements, events, articles, references,
selectors, intervals, durations: every IRI typed with an OWL class and no
``rdfs:label``) in the ``derived`` graph, in English, from :data:`TEMPLATES`: one
template per class, the nearest class in the ontology's tree that has one (so a new
subclass of ``dckg:Statement`` gets the statement template). The data comes from the
queries in ``queries/build/label-*.rq``; Python only formats it. The templates and
their syntax are in :mod:`dckg.graph.templates`. An individual of a class in
:data:`~dckg.graph.templates.NAMED_BY_SOURCES` (an event) gets its label as
``skos:prefLabel``: the queries read an event's ``rdfs:label`` as its name.

A label that another node already has (in any case) gets the local name of the named
node it hangs off ("[nato]"), and if that is not enough, its own
("[st-nio-closed-2021-10-29]"); so a label changes only when a node that reads the
same comes or goes, never with unrelated data.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

import pyoxigraph as ox

from dckg import namespaces as ns
from dckg.graph.skolem import is_skolem, local_name
from dckg.graph.templates import (
    CREATOR,
    FALLBACK,
    NAMED_BY_SOURCES,
    NUMBER,
    PUBLISHER,
    QUOTE_CHARS,
    QUOTE_WORDS,
    TEMPLATES,
    TYPE,
    Field,
    Part,
    expand,
    parse,
    properties,
)
from dckg.layout import query_path

_LABEL, _PREF = ns.RDFS + "label", ns.SKOS + "prefLabel"
_ALT, _HIDDEN = ns.SKOS + "altLabel", ns.SKOS + "hiddenLabel"

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


def _rows(
    store: ox.Store, name: str, values: list[str] | None = None
) -> Iterator[tuple[Term, ...]]:
    """The rows of ``queries/build/NAME``, ``values`` bound to ``?property``."""
    text = query_path(f"build/{name}").read_text(encoding="utf-8")
    if values is not None:  # a VALUES block opening the WHERE group
        at = text.index("{", text.index("SELECT")) + 1
        terms = " ".join(f"<{v}>" for v in values)
        text = f"{text[:at]}\n  VALUES ?property {{ {terms} }}{text[at:]}"
    result = store.query(text)
    assert isinstance(result, ox.QuerySolutions)
    for row in result:
        yield tuple(row)


#: A value as the labeller keeps it: an IRI as a string, a literal as it is.
Value = str | ox.Literal


class Labeller:
    """The data the templates read, and the labels made from it.

    Kept small, since at scale there are hundreds of thousands of individuals: one
    table per property (node to value, or to a list of values), each IRI one string.
    """

    def __init__(self, store: ox.Store, parents: dict[str, str]) -> None:
        self.parents = parents
        self.supers: dict[str, set[str]] = {}
        for cls, sup in _rows(store, "label-classes.rq"):
            found = self.supers.setdefault(cls.value, set())  # type: ignore[union-attr]
            if sup is not None:
                found.add(sup.value)  # type: ignore[union-attr]
        self.names: dict[str, dict[str, list[ox.Literal]]] = {}
        for node, prop, name in _rows(store, "label-names.rq"):
            named = self.names.setdefault(node.value, {})  # type: ignore[union-attr]
            named.setdefault(prop.value, []).append(name)  # type: ignore[union-attr,arg-type]
        read = properties()
        self.facts: dict[str, dict[str, Value | list[Value]]] = {p: {} for p in read}
        iris: dict[str, str] = {}  # one string per IRI
        for node, prop, term in _rows(store, "label-facts.rq", read):
            subject = iris.setdefault(node.value, node.value)  # type: ignore[union-attr]
            if isinstance(term, ox.NamedNode):
                value: Value = iris.setdefault(term.value, term.value)
            elif isinstance(term, ox.Literal):
                value = term
            else:
                continue
            table = self.facts[prop.value]  # type: ignore[union-attr]
            old = table.setdefault(subject, value)
            if old is not value:
                if isinstance(old, list):
                    old.append(value)
                else:
                    table[subject] = [old, value]
        del iris
        self.templates = {expand(c): parse(t) for c, t in TEMPLATES.items()}
        self.fallback = parse(FALLBACK)
        self.named = {expand(c) for c in NAMED_BY_SOURCES}
        self.kinds: dict[frozenset[str], tuple[list[Part], str]] = {}
        self.made: dict[str, str] = {}
        self.brief: dict[str, str] = {}
        self.busy: set[str] = set()
        self.cache: dict[tuple[str, str], str] = {}

    def values(self, node: str, prop: str) -> list[Value]:
        """``node``'s values of ``prop``."""
        found = self.facts.get(prop, {}).get(node)
        return [] if found is None else found if isinstance(found, list) else [found]

    def individuals(self) -> list[str]:
        """Every IRI typed with an OWL class, not itself a class, without a label (an
        rdfs:label, or the property :meth:`kind` says it gets)."""
        return sorted(
            node
            for node in self.facts[TYPE]
            if any(t in self.supers for t in self.values(node, TYPE))
            and node not in self.supers
            and not {_LABEL, self.kind(node)[1]} & set(self.names.get(node, {}))
        )

    def kind(self, node: str) -> tuple[list[Part], str]:
        """The template of the nearest class of ``node`` that has one, and the property
        its label goes in (skos:prefLabel below a class named by the sources)."""
        types = frozenset(t for t in self.values(node, TYPE) if isinstance(t, str))
        if types not in self.kinds:
            template, level, seen = self.fallback, sorted(types), set(types)
            while level:
                found = [c for c in level if c in self.templates]
                if found and template is self.fallback:
                    template = self.templates[found[0]]
                level = sorted({s for c in level for s in self.supers.get(c, ())} - seen)
                seen |= set(level)
            self.kinds[types] = template, _PREF if seen & self.named else _LABEL
        return self.kinds[types]

    def base(self, node: str, *, brief: bool = False) -> str:
        """The label the template gives ``node``, before telling equal labels apart;
        ``brief``, without the optional parts that cite articles (for use in another label)."""
        made = self.brief if brief else self.made
        if node not in made:
            self.busy.add(node)
            parts = [p for p in self.kind(node)[0] if not (brief and _cites(p))]
            text = "".join(self._part(node, p) for p in parts).strip()
            self.busy.discard(node)
            made[node] = text or local_name(node)
        return made[node]

    def _part(self, node: str, part: Part) -> str:
        optional, pieces = part
        out = []
        for piece in pieces:
            if isinstance(piece, str):
                out.append(piece)
                continue
            text = self._field(node, piece)
            if not text:
                if optional:
                    return ""
                text = "?"
            out.append(text)
        return "".join(out)

    def _field(self, node: str, field: Field) -> str:
        for path in field.paths:
            values = self._follow([node], path)
            texts = sorted({t for v in values if (t := self._format(v, field.format, node))})
            if texts:
                return "; ".join(texts) if field.format == "cite" else _listed(texts)
        return ""

    def _follow(self, nodes: list[Value], path: tuple[str, ...]) -> list[Value]:
        for step in path:
            found: list[Value] = []
            for n in nodes:
                if not isinstance(n, str):
                    continue
                if step == "@parent":
                    found += [p] if (p := self.parents.get(n)) else []
                elif step == "@local":
                    found.append(ox.Literal(local_name(n)))
                else:
                    found += self.values(n, step)
            nodes = found
        return nodes

    def _format(self, value: Value, fmt: str, node: str) -> str:
        if isinstance(value, ox.Literal):
            return quote(value.value) if fmt == "quote" else _lexical(value)
        if fmt == "units":
            number = [_lexical(n) for n in self.values(node, NUMBER) if isinstance(n, ox.Literal)]
            return self.name(value) + ("" if number == ["1"] else "s")
        key = (value, fmt)
        if key not in self.cache:
            if fmt == "short":
                self.cache[key] = self.short(value)
            elif fmt == "cite":
                self.cache[key] = self.cite(value)
            else:
                return self.name(value)  # not kept: it may be a label being made
        return self.cache[key]

    def name(self, iri: str) -> str:
        """``iri``'s label (English first), its skos:prefLabel, or the label made for it."""
        names = self.names.get(iri, {})
        for prop in (_LABEL, _PREF):
            if names.get(prop):
                return min(names[prop], key=_english_first).value
        if iri in self.busy:
            return local_name(iri)
        if iri in self.facts[TYPE]:
            return self.base(iri, brief=True)
        return local_name(iri)

    def short(self, iri: str) -> str:
        """The shortest of ``iri``'s name and its skos:altLabel and hiddenLabel values."""
        names = self.names.get(iri, {})
        alts = [n.value for p in (_ALT, _HIDDEN) for n in names.get(p, [])]
        return min([self.name(iri), *alts], key=lambda a: (len(a), a))

    def cite(self, article: str) -> str:
        """An article as "Surname, Publisher" ("Babst et al., ELN" for three authors or more)."""
        creators = [c for c in self.values(article, CREATOR) if isinstance(c, str)]
        surnames = sorted({self.name(c).split()[-1] for c in creators})
        authors = f"{surnames[0]} et al." if len(surnames) > 2 else " and ".join(surnames)
        publishers = [p for p in self.values(article, PUBLISHER) if isinstance(p, str)]
        publisher = " and ".join(sorted({self.short(p) for p in publishers}))
        return ", ".join(x for x in (authors, publisher) if x) or local_name(article)

    def owner(self, node: str) -> str | None:
        """The local name of the first named (curated) node above ``node``."""
        seen = {node}
        while (parent := self.parents.get(node)) is not None and parent not in seen:
            if not is_skolem(parent):
                return local_name(parent)
            node = parent
            seen.add(parent)
        return None


def _english_first(name: ox.Literal) -> tuple[bool, str]:
    return name.language not in ("en", None), name.value


def _cites(part: Part) -> bool:
    return part[0] and any(isinstance(p, Field) and p.format == "cite" for p in part[1])


def _listed(texts: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return texts[0] if len(texts) == 1 else ", ".join(texts[:-1]) + " and " + texts[-1]


def quote(text: str) -> str:
    """The first words of ``text``, with "…" where it is cut."""
    words = text.split()
    cut = " ".join(words[:QUOTE_WORDS])
    if len(cut) > QUOTE_CHARS:
        cut = cut[:QUOTE_CHARS].rsplit(" ", 1)[0] or cut[:QUOTE_CHARS]
    return cut + "…" if cut != " ".join(words) else cut


def _lexical(term: ox.Literal) -> str:
    """A literal's text; a decimal without a zero fraction (``2.0`` reads ``2``)."""
    if term.datatype.value == ns.XSD + "decimal" and re.fullmatch(r"-?\d+\.0*", term.value):
        return term.value.split(".")[0]
    return term.value


def unique_labels(labeller: Labeller, nodes: list[str]) -> dict[str, str]:
    """Each node's label, told apart from every other individual's (see the module docstring)."""
    taken = Counter(
        n.value.casefold()
        for names in labeller.names.values()
        for prop in (_LABEL, _PREF)
        for n in names.get(prop, [])
    )
    labels = {node: labeller.base(node) for node in nodes}
    count = taken + Counter(text.casefold() for text in labels.values())
    level = dict.fromkeys(nodes, 0)
    clash = [n for n, text in labels.items() if count[text.casefold()] > 1]
    for _ in range(3):
        for node in clash:
            owner = labeller.owner(node) if level[node] == 0 else None
            level[node] += 1 if owner is not None else 2
            tail = owner if owner is not None else local_name(node)
            count[labels[node].casefold()] -= 1
            labels[node] = f"{labeller.base(node)} [{tail}]"
            count[labels[node].casefold()] += 1
        clash = [n for n in clash if count[labels[n].casefold()] > 1]
    return labels


def generated_labels(
    store: ox.Store, parents: dict[str, str] | None = None
) -> dict[str, tuple[str, str]]:
    """A label for every unlabelled individual of ``store`` (whose default graph holds
    the union of the inputs, instant labels included): its IRI, to the property and
    the text. ``parents`` maps each node the build named for a blank node to the node
    it hung off."""
    labeller = Labeller(store, parents or {})
    nodes = labeller.individuals()
    labels = unique_labels(labeller, nodes)
    return {node: (labeller.kind(node)[1], labels[node]) for node in nodes}


def add_generated_labels(store: ox.Store, parents: dict[str, str] | None = None) -> int:
    """Add :func:`generated_labels` to ``store``'s ``derived`` graph and its default
    graph (the union), as N-Quads in blocks: at scale, Python objects for every quad
    would cost more than the labels. Returns how many labels."""
    labels = generated_labels(store, parents)
    graph = f" <{ns.DERIVED_GRAPH}> .\n"
    nodes = sorted(labels)
    for start in range(0, len(nodes), 50_000):
        lines = []
        for node in nodes[start : start + 50_000]:
            prop, text = labels[node]
            triple = f'<{node}> <{prop}> "{_escaped(text)}"@en'
            lines += [triple + graph, triple + " .\n"]
        store.bulk_load(input="".join(lines).encode(), format=ox.RdfFormat.N_QUADS)
    return len(nodes)


def _escaped(text: str) -> str:
    """``text`` as the inside of an N-Triples string."""
    return text.translate({0x5C: "\\\\", 0x22: '\\"', 0x0A: "\\n", 0x0D: "\\r"})
