"""Stable IRIs for the blank nodes of the curated files (skolemisation at build time).

Curators write references, selectors, intervals and durations as blank nodes; every
build output (``dckg.ttl``, ``dckg.trig``, the store) names each of them with an IRI
under ``dcki:`` instead, so Protégé shows them as named individuals and a diff of the
built graph touches only the lines about what changed. The IRI depends only on the
node's own place in the data, never on blank-node labels, parse order or other triples:

- its **description**: a SHA-256 over its sorted outgoing triples, each nested blank
  node replaced by its own description (a concise bounded description, bottom-up);
- its **path**: the links that point at it, each ``<parent> <property>``, where a
  parent that is itself a blank node stands for its own IRI's digest (top-down). A
  node nothing points at is anchored to its file's named graph.

The IRI reads ``dcki:<kind>/<owner>/<tag>-<hex>``: the kind from the node's type
(:data:`KINDS`), the owner the local name of the nearest named node above it, the tag
a few values that say what it is (a reference's article, an interval's bounds), and
the first 8 hex digits of SHA-256(path, description), more only where two different
nodes would otherwise share an IRI. E.g. ``dcki:ref/nato/article-rusi-pszczel-1a2b3c4d``,
``dcki:sel/nato/article-rusi-pszczel-5e6f7a8b``,
``dcki:interval/st-nio-active-2001/2001--2021-10-29-0c1d2e3f`` (``2001--..`` without an end).

Two blank nodes with the same description and the same path are one node: the same
interval on the same statement in two article files, or a quote repeated word for
word. That is what the data says (a reference names its article, so two articles'
references never merge); the graph stays equivalent to what the curators wrote, only
leaner. Blank nodes in a cycle (never written with ``[ ]``) are named on a best-effort
basis: a link back into the cycle counts as ``?``.

The ontology's blank nodes (OWL restrictions, lists) are left alone: the build names
the curated files' only.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from dckg import namespaces as ns


@dataclass(frozen=True)
class Kind:
    """How a node of one type is named: the IRI's first segment, and the properties
    whose values make its tag (joined by ``sep``; with ``keep``, a missing one is ``..``)."""

    segment: str
    tag: tuple[str, ...] = ()
    sep: str = "-"
    keep: bool = False


_INTERVAL = Kind("interval", (ns.TIME + "hasBeginning", ns.TIME + "hasEnd"), "--", keep=True)
_DURATION = Kind(
    "duration", (ns.TIME + "numericDuration", ns.DCKG + "durationQualifier", ns.TIME + "unitType")
)

#: The kinds of node curators write as blank nodes. A node of another type is named
#: after its type's local name (``dckg:Quote`` gives ``quote/``), one without a type
#: ``node/``. A kind without tag properties takes its parent's tag (a selector's is
#: its reference's article).
KINDS: dict[str, Kind] = {
    ns.DCKG + "Reference": Kind("ref", (ns.OA + "hasSource",)),
    ns.OA + "TextQuoteSelector": Kind("sel"),
    ns.OA + "TextPositionSelector": Kind("sel"),
    ns.OA + "Selector": Kind("sel"),
    ns.TIME + "Interval": _INTERVAL,
    ns.TIME + "ProperInterval": _INTERVAL,
    ns.TIME + "Duration": _DURATION,
    ns.TIME + "DurationDescription": _DURATION,
}

_TYPE = f"<{ns.RDF}type>"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")

#: A name the build gave a blank node (see the module docstring).
SKOLEM_IRI = re.compile(re.escape(ns.DCKI) + r"[a-z0-9._-]+/[^/]+/(?:[^/]*-)?[0-9a-f]{8,64}$")


def is_skolem(iri: str) -> bool:
    """Whether ``iri`` is one the build made for a blank node."""
    return SKOLEM_IRI.match(iri) is not None


def local_name(iri: str) -> str:
    """``iri`` without dckg's data namespaces, or else its last ``#`` or ``/`` segment."""
    for base in (ns.DCKT, ns.DCKI, ns.GRAPH + "source/", ns.GRAPH):
        if iri.startswith(base) and len(iri) > len(base):
            return iri[len(base) :]
    return re.split(r"[#/]", iri.rstrip("/#"))[-1] or iri


def slug(text: str) -> str:
    """``text`` as one safe IRI path segment."""
    return _UNSAFE.sub("-", text).strip("-") or "x"


def _digest(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


#: A quad as N-Triples terms: subject, property, object, graph (``_:b`` a blank node).
Row = tuple[str, str, str, str]


def _blank(term: str) -> bool:
    return term[0] == "_"  # an N-Triples term starts with <, " or _:


class _Nodes:
    """The blank nodes of the curated graphs and their links."""

    def __init__(self, rows: Iterable[Row]) -> None:
        self.out: dict[str, list[tuple[str, str]]] = defaultdict(list)  # (property, object)
        self.into: dict[str, list[tuple[str, str]]] = defaultdict(list)  # (subject, property)
        self.graph: dict[str, str] = {}
        for s, p, o, g in rows:
            if _blank(s):
                self.out[s].append((p, o))
                self.graph[s] = min(g, self.graph.get(s, g))
            if _blank(o):
                self.into[o].append((s, p))
                self.graph[o] = min(g, self.graph.get(o, g))
        self.blanks = sorted(self.graph)

    def children(self, b: str) -> set[str]:
        return {o for _, o in self.out[b] if _blank(o)}

    def parents(self, b: str) -> set[str]:
        return {s for s, _ in self.into[b] if _blank(s)}

    def descriptions(self) -> dict[str, str]:
        """Each node's description digest, children first (see the module docstring)."""

        def digest(b: str, known: dict[str, str]) -> str:
            lines = [f"{p} {'_:' + known.get(o, '?') if _blank(o) else o}" for p, o in self.out[b]]
            return _digest(*sorted(lines))

        return _in_order(self.blanks, self.children, self.parents, digest)[0]

    def identities(self, desc: dict[str, str]) -> tuple[dict[str, str], set[str]]:
        """Each node's digest of its path and its description, parents first; and the
        nodes in or below a cycle."""

        def digest(b: str, known: dict[str, str]) -> str:
            links = [f"{'_:' + known.get(s, '?') if _blank(s) else s} {p}" for s, p in self.into[b]]
            return _digest(*sorted(links or [self.graph[b]]), desc[b])

        return _in_order(self.blanks, self.parents, self.children, digest)


def _in_order(
    nodes: list[str],
    needs: Callable[[str], set[str]],
    needed_by: Callable[[str], set[str]],
    compute: Callable[[str, dict[str, str]], str],
) -> tuple[dict[str, str], set[str]]:
    """``compute(node, done)`` for every node once all it ``needs`` are done (Kahn's
    algorithm), the result's order being that order; nodes in or behind a cycle last,
    in one pass that sees only the values computed before it, so that the result
    depends on the graph alone. Returns the values and the nodes of that last pass."""
    waiting = {b: needs(b) for b in nodes}
    ready = [b for b in nodes if not waiting[b]]
    done: dict[str, str] = {}
    while ready:
        b = ready.pop()
        done[b] = compute(b, done)
        for other in needed_by(b):
            if other not in done:
                waiting[other].discard(b)
                if not waiting[other]:
                    ready.append(other)
    known = dict(done)
    late = {b for b in nodes if b not in known}
    for b in sorted(late):
        done[b] = compute(b, known)
    return done, late


def _iri(term: str) -> str:
    return term[1:-1]


def _text(term: str) -> str:
    """An IRI's local name, or a literal's lexical form (escapes left as they are)."""
    if term.startswith("<"):
        return local_name(_iri(term))
    return term[1 : term.rindex('"')] if term.startswith('"') else term


def _kind(types: list[str]) -> Kind:
    for t in sorted(types):
        if t in KINDS:
            return KINDS[t]
    return Kind(slug(local_name(min(types))).lower()) if types else Kind("node")


def _tag(kind: Kind, out: list[tuple[str, str]]) -> str:
    parts = []
    for prop in kind.tag:
        values = sorted(slug(_text(o)) for p, o in out if p == f"<{prop}>" and not _blank(o))
        if values or kind.keep:
            parts.append(values[0] if values else "..")  # ISO 8601's open end
    return kind.sep.join(parts)


def name_blank_nodes(rows: Iterable[Row]) -> tuple[dict[str, str], dict[str, str]]:
    """IRIs for the blank nodes of ``rows`` (by label, ``_:b``), and for each new IRI
    the IRI of the node it hangs off (its parent)."""
    nodes = _Nodes(rows)
    ident, cyclic = nodes.identities(nodes.descriptions())
    parent: dict[str, str | None] = {}
    owner: dict[str, str] = {}
    tag: dict[str, str] = {}
    plain: dict[str, str] = {}
    for b in ident:  # parents before children: a child takes its parent's owner and tag
        links = sorted((ident.get(s, "?") if _blank(s) else s, s) for s, _ in nodes.into[b])
        first = parent[b] = links[0][1] if links else None
        kind = _kind([_iri(o) for p, o in nodes.out[b] if p == _TYPE and o.startswith("<")])
        above = first if first and _blank(first) and b not in cyclic else None
        if first is None:
            owner[b] = slug(local_name(_iri(nodes.graph[b])))
        elif _blank(first):
            owner[b] = owner[above] if above else "x"  # in a cycle no one is first
        else:
            owner[b] = slug(local_name(_iri(first)))
        tag[b] = _tag(kind, nodes.out[b]) if kind.tag else (tag[above] if above else "")
        plain[b] = f"{ns.DCKI}{kind.segment}/{owner[b]}/{tag[b] + '-' if tag[b] else ''}"
    iris = _unique(plain, ident)
    parents = {
        iris[b]: iris[first] if _blank(first) else _iri(first)
        for b, first in parent.items()
        if first is not None
    }
    return iris, parents


def _unique(plain: dict[str, str], ident: dict[str, str]) -> dict[str, str]:
    """``plain`` + the shortest prefix (8 hex digits or more) of each node's digest that
    no node with another digest shares."""
    iris: dict[str, str] = {}
    for size in range(8, 65, 4):
        left = [b for b in plain if b not in iris]
        if not left:
            break
        seen: dict[str, set[str]] = defaultdict(set)
        for b in left:
            seen[plain[b] + ident[b][:size]].add(ident[b])
        for b in left:
            iri = plain[b] + ident[b][:size]
            if len(seen[iri]) == 1 or size == 64:
                iris[b] = iri
    return iris


def blank_node_rows(lines: list[bytes], graph: str) -> tuple[list[Row], list[bytes]]:
    """Of one graph's N-Triples lines, the triples with a blank subject or object as rows
    (in ``graph``), and the other lines.

    Oxigraph writes a line ``S P O .`` with single spaces, and no IRI or blank-node
    label holds one (the object, a literal, may).
    """
    rows: list[Row] = []
    plain: list[bytes] = []
    name = f"<{graph}>"
    for line in lines:
        if b"_:" in line:
            s, p, rest = line.decode().split(" ", 2)
            o = rest[:-2]  # " ."
            if _blank(s) or _blank(o):
                rows.append((s, p, o, name))
                continue
        plain.append(line)
    return rows, plain


def skolemised_graph(store: ox.Store, graph: str) -> tuple[bytes, dict[str, str]]:
    """One named graph of ``store`` as N-Quads, its blank nodes named with their stable
    IRIs; and for each new IRI, the IRI of the node it hangs off (its parent), which
    the label templates use to tell apart nodes that would read the same.

    The build loads each file into a store of its own, names its blank nodes with this
    and bulk-loads the result: removing quads from an in-memory store keeps them in
    memory, which at scale is hundreds of MB.
    """
    text = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph)) or b""
    rows, plain = blank_node_rows(text.split(b"\n")[:-1], graph)  # the dump ends with "\n"
    tail = f" <{graph}> .\n".encode()
    out = [line[:-2] + tail for line in plain]  # "S P O ." -> "S P O <g> ."
    if not rows:
        return b"".join(out), {}
    iris, parents = name_blank_nodes(rows)
    named = {b: f"<{iri}>" for b, iri in iris.items()}
    out += (f"{named.get(s, s)} {p} {named.get(o, o)} {g} .\n".encode() for s, p, o, g in rows)
    return b"".join(out), parents


def skolemise(store: ox.Store) -> dict[str, str]:
    """Name every blank node of ``store``'s named graphs in place (see
    :func:`skolemised_graph`: graph by graph, each graph's blank nodes its own)."""
    parents: dict[str, str] = {}
    for graph in sorted(g.value for g in store.named_graphs()):
        data, above = skolemised_graph(store, graph)
        parents.update(above)
        store.clear_graph(ox.NamedNode(graph))
        store.load(data, format=ox.RdfFormat.N_QUADS)
    return parents
