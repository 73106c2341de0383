"""The OWL gate of ``dckg validate``: HermiT on the graph as it would be with the new files.

SHACL counts values and checks types, but only a reasoner sees what OWL makes of
them: two values of a functional property merge two named individuals (an inferred
``owl:sameAs``), and a clash with the real W3C vocabularies makes the whole graph
inconsistent. So, where Java and the jars of ``scripts/setup-java.sh`` are present,
the shipped ontology, the existing graph (less any source a new file replaces) and
the new files are written to one N-Triples file and checked by
:func:`dckg.checks.owl.check_owl`, merged with the pinned W3C imports.

Only what the new files *add* refuses them: when the merge fails, the existing graph
is checked alone, and a problem it already has is a warning that the gate cannot
judge, not a violation. The mode is ``auto`` (run when Java is there), ``on`` (a
missing Java is an error) or ``off``; ``DCKG_OWL_GATE`` sets the default.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef

from dckg import namespaces as ns
from dckg.checks.owl import OwlReport
from dckg.errors import DckgError
from dckg.layout import ontology_path

GATE_ENV = "DCKG_OWL_GATE"
MODES = ("auto", "on", "off")
#: At most this many individuals are named in an inconsistency message.
MAX_NAMED = 5


@dataclass(frozen=True)
class OwlFinding:
    """One thing the gate has to say about the new files."""

    severity: str
    focus: URIRef
    message: str
    file: Path | None
    value: URIRef | None = None


def gate_mode(mode: str | None = None) -> str:
    """The mode to run in: ``mode``, else ``$DCKG_OWL_GATE``, else ``auto``."""
    chosen = (mode or os.environ.get(GATE_ENV) or "auto").strip().lower()
    if chosen not in MODES:
        raise DckgError(f"OWL gate mode {chosen!r}: use one of {', '.join(MODES)}")
    return chosen


def owl_available() -> bool:
    """True when Java and every jar of the OWL check are installed."""
    from dckg.checks.jvm import java
    from dckg.checks.owl import classpath

    try:
        java()
        classpath()
    except DckgError:
        return False
    return True


def check_merge(
    graphs: Mapping[Path, Graph],
    existing: ox.Store,
    *,
    exclude: Iterable[str] = (),
    mode: str | None = None,
) -> list[OwlFinding]:
    """What HermiT says the new files (``graphs``, by path) add to ``existing``.

    ``exclude`` names the graphs of the store the new files replace. Returns no
    finding when the gate is off, or ``auto`` without Java.
    """
    chosen = gate_mode(mode)
    if chosen == "off" or (chosen == "auto" and not owl_available()):
        return []
    from dckg.checks.owl import check_owl

    skip = {ox.NamedNode(g) for g in (ns.ONTOLOGY_GRAPH, *exclude)}
    with tempfile.TemporaryDirectory(prefix="dckg-owlgate-") as tmp:
        merged = Path(tmp) / "merged.nt"
        _write(merged, existing, skip, graphs.values())
        (after,) = check_owl([merged])
        if after.ok:
            return []
        base = Path(tmp) / "existing.nt"
        _write(base, existing, skip, ())
        (before,) = check_owl([base])
    return _Judge(graphs, existing, skip).findings(before, after)


def _write(path: Path, store: ox.Store, skip: set[ox.NamedNode], new: Iterable[Graph]) -> None:
    """The ontology, the store's named graphs less ``skip``, and ``new``, as N-Triples."""
    with path.open("wb") as out:
        ontology = ox.parse(path=str(ontology_path()), format=ox.RdfFormat.TURTLE)
        ox.serialize((q.triple for q in ontology), out, format=ox.RdfFormat.N_TRIPLES)
        existing = (
            q.triple
            for q in store.quads_for_pattern(None, None, None, None)
            if isinstance(q.graph_name, ox.NamedNode) and q.graph_name not in skip
        )
        ox.serialize(existing, out, format=ox.RdfFormat.N_TRIPLES)
        for graph in new:
            out.write(graph.serialize(format="nt", encoding="utf-8"))


class _Judge:
    """Turns the reports before and after the new files into findings about them."""

    def __init__(
        self, graphs: Mapping[Path, Graph], store: ox.Store, skip: set[ox.NamedNode]
    ) -> None:
        self.graphs = graphs
        self.store = store
        self.skip = skip
        self.origin: dict[URIRef, Path] = {}
        for path, graph in graphs.items():
            for subject in graph.subjects(unique=True):
                if isinstance(subject, URIRef):
                    self.origin.setdefault(subject, path)

    def findings(self, before: OwlReport, after: OwlReport) -> list[OwlFinding]:
        """Violations for what ``after`` adds to ``before``; a warning if ``before`` fails."""
        if before.consistent is not True or before.reasoner_error or before.parse_error:
            problem = before.parse_error or before.reasoner_error or "inconsistent"
            return [
                self._about(
                    path,
                    "Warning",
                    "the OWL gate cannot judge this file: the existing graph merged with"
                    f" the W3C imports already fails under HermiT ({problem:.300})",
                )
                for path in self.graphs
            ]
        found: list[OwlFinding] = []
        if after.parse_error or after.reasoner_error:
            failure = after.parse_error or after.reasoner_error or ""
            message = f"the OWL API and HermiT fail on the graph with this file: {failure:.300}"
            found += [self._about(path, "Violation", message) for path in self.graphs]
        elif after.consistent is False:
            found += [self._inconsistent(path) for path in self.graphs]
        for a, b in sorted(set(after.same_individuals) - set(before.same_individuals)):
            focus, other = URIRef(a), URIRef(b)
            if focus not in self.origin:
                focus, other = other, focus
            found.append(
                OwlFinding(
                    "Violation",
                    focus,
                    f"HermiT would infer owl:sameAs <{other}>: two named individuals merged"
                    " (two values of a functional property?)",
                    self.origin.get(focus, next(iter(self.graphs), None)),
                    other,
                )
            )
        for cls in sorted(set(after.unsatisfiable) - set(before.unsatisfiable)):
            path = next(iter(self.graphs))
            found.append(
                self._about(path, "Violation", f"class <{cls}> would become unsatisfiable")
            )
        return found

    def _about(self, path: Path, severity: str, message: str) -> OwlFinding:
        subjects = sorted(s for s, p in self.origin.items() if p == path)
        focus = subjects[0] if subjects else URIRef(path.resolve().as_uri())
        return OwlFinding(severity, focus, message, path)

    def _inconsistent(self, path: Path) -> OwlFinding:
        """Name the individuals the file adds to that the graph already has: the
        likely places of the clash (an explanation would cost a HermiT run each)."""
        mine = sorted(s for s, p in self.origin.items() if p == path)
        shared = [s for s in mine if self._in_graph(s)]
        named = shared or mine
        listed = ", ".join(ns.compact(str(s)) for s in named[:MAX_NAMED])
        more = f" and {len(named) - MAX_NAMED} more" if len(named) > MAX_NAMED else ""
        where = "that the graph already has" if shared else "in this file"
        focus = named[0] if named else URIRef(path.resolve().as_uri())
        return OwlFinding(
            "Violation",
            focus,
            "the graph would be inconsistent with this file (HermiT, ontology + graph +"
            f" W3C imports); individuals {where}: {listed}{more}",
            path,
        )

    def _in_graph(self, iri: URIRef) -> bool:
        quads = self.store.quads_for_pattern(ox.NamedNode(str(iri)), None, None, None)
        return any(
            isinstance(q.graph_name, ox.NamedNode) and q.graph_name not in self.skip for q in quads
        )
