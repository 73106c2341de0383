"""``dckg validate``: check new article files before they join the graph.

The files are validated *together with* the ontology and the part of the existing
graph they reference (:mod:`dckg.validation.neighbourhood`), so a channel in
``kg/entities.ttl`` resolves and one that exists nowhere is refused, while the cost
follows the size of the new files far more than that of the graph they join (see
BENCHMARKS.md). Only results whose focus node is a subject in a new file are
reported. The checks, into one :class:`~dckg.validation.report.ValidationReport`: the
SHACL shapes (pySHACL, no inference), the vocabulary guard
(:mod:`dckg.validation.vocabulary`), each file's own references
(:mod:`dckg.validation.provenance`), instants redeclared with other values (the
``instant-conflict-violation`` query), given the article's text its quotes
(:mod:`dckg.validation.quotes`), and, where Java is installed, the OWL gate
(:mod:`dckg.validation.owlgate`: HermiT on ontology + graph + W3C imports + the new
files). Unreadable input raises :class:`~dckg.errors.DckgError` (exit 2) before
anything is validated.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS
from rdflib.term import Node

from dckg.graph.loading import parse_graph, parse_into
from dckg.graph.rdf import DCKG, OA
from dckg.layout import Layout, ontology_path
from dckg.namespaces import source_graph
from dckg.validation.report import ValidationReport, ValidationResult, dedupe, short

__all__ = ["ValidationReport", "ValidationResult", "assemble_data", "validate_files"]


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    return parse_into(Graph(), ontology_path())


@dataclass
class NewFiles:
    """The parsed new files: their union, and the file each subject first appears in.

    The subjects are the focus nodes a report may name: what the files add triples
    to. A node a file only points at (the channel of a statement) is context: its
    type must fit, but its own problems belong to the file that describes it.
    """

    paths: list[Path]
    graph: Graph
    origin: dict[Node, Path]
    graphs: dict[Path, Graph]

    @classmethod
    def read(cls, paths: Sequence[Path]) -> NewFiles:
        """Parse every file; the first unreadable one raises DckgError (exit 2)."""
        union = Graph()
        origin: dict[Node, Path] = {}
        graphs: dict[Path, Graph] = {}
        for path in paths:
            graphs[path] = parse_graph(path)
            for s, p, o in graphs[path]:
                union.add((s, p, o))
                origin.setdefault(s, path)
        return cls(list(paths), union, origin, graphs)


@dataclass
class ValidationData:
    """Everything one validation run looks at: the new files, the data graph the
    shapes see, and the whole existing graph (for the OWL gate)."""

    new: NewFiles
    data: Graph
    existing: ox.Store
    exclude: list[str]


def assemble_data(paths: Sequence[Path], layout: Layout) -> ValidationData:
    """The new files plus the ontology plus the neighbourhood they reference.

    A new file with the name of an existing source (``kg/sources/NAME``) replaces
    it: that source's named graph is left out of the neighbourhood.
    """
    from dckg.validation.neighbourhood import (
        align_literal,
        mentioned_iris,
        neighbourhood,
        open_existing,
    )
    from dckg.validation.shacl import data_graph

    new = NewFiles.read(paths)
    store = open_existing(layout)
    exclude = [source_graph(p) for p in paths]
    around = neighbourhood(store, mentioned_iris(new.graph), exclude=exclude)
    data = data_graph()
    for graph in (_ontology(), around, new.graph):
        for s, p, o in graph:
            data.add((s, p, align_literal(o)))
    return ValidationData(new, data, store, exclude)


def validate_files(
    paths: Sequence[Path],
    layout: Layout,
    article: Path | Sequence[Path] | None = None,
    *,
    owl_gate: str | None = None,
) -> ValidationReport:
    """Validate ``paths`` as additions to ``layout``'s graph; see the module docstring.

    ``owl_gate`` is ``auto``, ``on`` or ``off`` (default: ``$DCKG_OWL_GATE``, else
    ``auto``, which runs the OWL gate when Java is installed).
    """
    paths = [Path(p) for p in paths]
    texts = [article] if isinstance(article, Path) else [Path(a) for a in article or ()]
    vd = assemble_data(paths, layout)
    checks = _Checks(vd, _Labeller(vd.data))
    checks.shacl()
    checks.vocabulary()
    checks.provenance()
    checks.instants()
    if texts:
        checks.quotes(texts)
    checks.owl(vd, owl_gate)
    return ValidationReport(files=paths, results=dedupe(checks.results), data_triples=len(vd.data))


class _Checks:
    """Runs each check and collects its findings as :class:`ValidationResult`.

    Later checks skip a (node, property) an earlier one already reported, so a
    misspelt property on a typed node is one result (the closed shape's), not two.
    """

    def __init__(self, vd: ValidationData, labels: _Labeller) -> None:
        self.new = vd.new
        self.data = vd.data
        self.labels = labels
        self.results: list[ValidationResult] = []

    def _add(
        self,
        focus: Node,
        path_node: Node | None,
        message: str,
        *,
        source: str,
        severity: str = "Violation",
        value: Node | None = None,
        path_text: str | None = None,
        file: Path | None = None,
        shape: str | None = None,
        component: str | None = None,
    ) -> None:
        self.results.append(
            ValidationResult(
                severity=severity,
                focus=focus,
                focus_label=self.labels.label(focus),
                path=path_text if path_text is not None else short(path_node),
                message=message,
                value=short(value),
                file=file or self.new.origin.get(focus),
                source=source,
                shape=shape,
                component=component,
                path_node=path_node,
            )
        )

    def _reported(self) -> set[tuple[Node, Node | None]]:
        return {(r.focus, r.path_node) for r in self.results}

    def shacl(self) -> None:
        """The shapes, on the focus nodes the new files contain."""
        from dckg.validation.shacl import run_shacl

        for r in run_shacl(self.data):
            if r.focus not in self.new.origin:
                continue  # existing data the new files do not touch
            self._add(
                r.focus,
                r.path,
                r.message,
                source="shacl",
                severity=r.severity,
                value=r.value,
                path_text=r.path_text,
                shape=r.shape,
                component=r.component,
            )

    def vocabulary(self) -> None:
        """Redefined ontology terms, undeclared classes, properties and concepts."""
        from dckg.validation.vocabulary import Vocabulary, check_vocabulary

        reported = self._reported()
        for focus, path, message, value in check_vocabulary(
            self.new.graph, Vocabulary(_ontology())
        ):
            if (focus, path) not in reported:
                self._add(focus, path, message, source="vocabulary", value=value)

    def provenance(self) -> None:
        """Statements a file states without a reference of its own."""
        from dckg.validation.provenance import EVENT_MESSAGE, MESSAGE, check_own_references

        reported = self._reported()
        for path, node, link in check_own_references(self.new.graphs, self.data, _ontology()):
            if (node, link) not in reported:
                message = MESSAGE if link == DCKG.hasReference else EVENT_MESSAGE
                self._add(node, link, message, source="provenance", file=path)

    def instants(self) -> None:
        """A dckt: instant a new file declares with another date, precision or qualifier
        than the graph has: OWL would merge or refuse it (no Java needed to see it)."""
        from dckg.query.library import library

        query = library()["instant-conflict-violation"]
        for row in self.data.query(query.text):
            instant, prop, count, found = row  # type: ignore[misc]
            if instant not in self.new.origin:
                continue  # the existing graph's business (the build refuses it)
            values = " | ".join(sorted(str(found).split(" | ")))
            self._add(
                instant,
                prop,
                f"this instant has {count} values of {short(prop)} in the graph with this"
                f" file ({values}); an instant's IRI names one moment: reuse the graph's"
                " values or mint another instant IRI",
                source="sparql",
            )

    def owl(self, vd: ValidationData, mode: str | None) -> None:
        """The OWL gate: HermiT on the merged graph (see :mod:`dckg.validation.owlgate`)."""
        from dckg.validation.owlgate import check_merge

        findings = check_merge(vd.new.graphs, vd.existing, exclude=vd.exclude, mode=mode)
        for f in findings:
            self._add(
                f.focus,
                None,
                f.message,
                source="owl",
                severity=f.severity,
                value=f.value,
                file=f.file,
            )

    def quotes(self, texts: Sequence[Path]) -> None:
        """Quotes missing from, or not unique in, the given article texts."""
        from dckg.validation.quotes import check_quotes

        for problem in check_quotes(texts, self.new.graph, self.data):
            self._add(
                problem.selector,
                OA.exact,
                problem.message,
                source="quote",
                severity=problem.severity,
                value=Literal(problem.exact),
            )


class _Labeller:
    """Human names for nodes: the label, else the kind and the IRI, and for blank
    nodes the chain of links that leads to them from a named node."""

    def __init__(self, data: Graph) -> None:
        self.data = data

    def label(self, node: Node, depth: int = 0) -> str:
        for prop in (RDFS.label, SKOS.prefLabel):
            value = self.data.value(node, prop)
            if value is not None:
                return str(value)
        kind = self._kind(node)
        if isinstance(node, URIRef):
            name = short(node) or str(node)
            return f"{kind} {name}" if kind else name
        if isinstance(node, BNode) and depth < 4:
            for parent, link in self.data.subject_predicates(node):
                what = kind or short(link) or "node"
                return f"{what} of {self.label(parent, depth + 1)}"
        return kind or "blank node"

    def _kind(self, node: Node) -> str:
        for cls in sorted(self.data.objects(node, RDF.type), key=str):
            label = self.data.value(cls, RDFS.label)
            if label is not None:
                return str(label)
        return ""
