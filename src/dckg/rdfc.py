"""W3C RDFC-1.0 canonical blank-node labels, computed on N-Quads lines.

``dckg build`` labels blank nodes the way :meth:`pyoxigraph.Dataset.canonicalize`
does (RDF Dataset Canonicalization, https://www.w3.org/TR/rdf-canon/), but works on
the N-Quads text Oxigraph already wrote: building an Oxigraph ``Dataset`` costs a
Python object per quad, and that, more than hashing, is what took 11 of the 20 s of
rendering at a million triples. Terms are kept as the bytes Oxigraph's writer gave
them, which is the canonical N-Quads form the algorithm hashes.

The input is every quad that mentions a blank node (any other quad takes no part in
the algorithm), each line ``S P O G .`` with ``G`` a named graph's IRI; lines
without a blank node are given back unchanged.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from itertools import permutations

Quad = tuple[bytes, bytes, bytes, bytes]


def _is_blank(term: bytes) -> bool:
    return term[:2] == b"_:"


def split_quad(line: bytes) -> Quad:
    """``S P O G .`` as its four terms (an object literal may hold spaces)."""
    subject, predicate, rest = line.split(b" ", 2)
    obj, graph = rest[:-2].rsplit(b" ", 1)
    return subject, predicate, obj, graph


class _Issuer:
    """An identifier issuer: labels in the order they were issued."""

    __slots__ = ("issued", "prefix")

    def __init__(self, prefix: bytes, issued: dict[bytes, bytes] | None = None) -> None:
        self.prefix = prefix
        self.issued: dict[bytes, bytes] = {} if issued is None else issued

    def issue(self, node: bytes) -> bytes:
        label = self.issued.get(node)
        if label is None:
            label = self.prefix + str(len(self.issued)).encode()
            self.issued[node] = label
        return label

    def copy(self) -> _Issuer:
        return _Issuer(self.prefix, dict(self.issued))


def _sha256(data: bytes) -> bytes:
    return hashlib.sha256(data).hexdigest().encode()


class _Canonicaliser:
    def __init__(self, quads: list[Quad]) -> None:
        self.quads = quads
        self.mentions: dict[bytes, list[int]] = {}
        for index, (s, _, o, g) in enumerate(quads):
            for term in {s, o, g} if _is_blank(g) else {s, o}:
                if _is_blank(term):
                    self.mentions.setdefault(term, []).append(index)
        self.canonical = _Issuer(b"c14n")
        self.first: dict[bytes, bytes] = {}

    def first_degree(self, node: bytes) -> bytes:
        lines = []
        for index in self.mentions[node]:
            terms = self.quads[index]
            out = [
                (b"_:a" if t == node else b"_:z") if _is_blank(t) else t
                for t in (terms[0], terms[2], terms[3])
            ]
            lines.append(b"%s %s %s %s .\n" % (out[0], terms[1], out[1], out[2]))
        lines.sort()
        return _sha256(b"".join(lines))

    def related(self, node: bytes, predicate: bytes, issuer: _Issuer, position: bytes) -> bytes:
        data = position if position == b"g" else position + predicate
        label = self.canonical.issued.get(node) or issuer.issued.get(node)
        data += b"_:" + label if label is not None else self.first[node]
        return _sha256(data)

    def n_degree(self, issuer: _Issuer, node: bytes) -> tuple[bytes, _Issuer]:
        groups: dict[bytes, list[bytes]] = {}
        for index in self.mentions[node]:
            s, p, o, g = self.quads[index]
            for position, term in ((b"s", s), (b"o", o), (b"g", g)):
                if _is_blank(term) and term != node:
                    groups.setdefault(self.related(term, p, issuer, position), []).append(term)
        data = b""
        for hashed in sorted(groups):
            data += hashed
            chosen_path = b""
            chosen_issuer: _Issuer | None = None
            for permutation in permutations(groups[hashed]):
                copy = issuer.copy()
                path = b""
                recursion: list[bytes] = []
                worse = False
                for related in permutation:
                    label = self.canonical.issued.get(related)
                    if label is not None:
                        path += b"_:" + label
                    else:
                        if related not in copy.issued:
                            recursion.append(related)
                        path += b"_:" + copy.issue(related)
                    if chosen_path and len(path) >= len(chosen_path) and path > chosen_path:
                        worse = True
                        break
                if worse:
                    continue
                for related in recursion:
                    result, copy = self.n_degree(copy, related)
                    path += b"_:" + copy.issue(related) + b"<" + result + b">"
                    if chosen_path and len(path) >= len(chosen_path) and path > chosen_path:
                        worse = True
                        break
                if worse:
                    continue
                if not chosen_path or path < chosen_path:
                    chosen_path, chosen_issuer = path, copy
            data += chosen_path
            assert chosen_issuer is not None
            issuer = chosen_issuer
        return _sha256(data), issuer

    def run(self) -> dict[bytes, bytes]:
        by_hash: dict[bytes, list[bytes]] = {}
        for node in self.mentions:
            hashed = self.first_degree(node)
            self.first[node] = hashed
            by_hash.setdefault(hashed, []).append(node)
        shared = []
        for hashed in sorted(by_hash):
            nodes = by_hash[hashed]
            if len(nodes) == 1:
                self.canonical.issue(nodes[0])
            else:
                shared.append(nodes)
        for nodes in shared:
            results = []
            for node in nodes:
                if node in self.canonical.issued:
                    continue
                temporary = _Issuer(b"b")
                temporary.issue(node)
                results.append(self.n_degree(temporary, node))
            results.sort(key=lambda result: result[0])
            for _, issuer in results:
                for node in issuer.issued:
                    self.canonical.issue(node)
        return {node: b"_:" + label for node, label in self.canonical.issued.items()}


def canonical_quads(lines: Iterable[bytes]) -> list[Quad]:
    """The quads of ``lines`` (``S P O G .``) with RDFC-1.0 canonical blank-node labels."""
    quads = [split_quad(line) for line in lines]
    labels = _Canonicaliser(quads).run()
    return [
        (labels.get(s, s), p, labels.get(o, o), labels.get(g, g))
        if _is_blank(s) or _is_blank(o) or _is_blank(g)
        else (s, p, o, g)
        for s, p, o, g in quads
    ]
