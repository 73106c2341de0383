"""What ``dckg validate`` found, and how it is printed.

A result is engine-neutral (pySHACL, the vocabulary guard and the quote check all
produce the same dataclass), so the CLI, the JSON and Turtle writers and the tests
see one shape. The text format is one line per result, built for a curator who
must find the node and know what to write instead:

    FILE: Violation: "label" <IRI> PATH: MESSAGE (value: VALUE)
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from dckg.namespaces import PREFIXES, compact

SH_NS = "http://www.w3.org/ns/shacl#"
SEVERITIES = ("Violation", "Warning", "Info")
FORMATS = ("text", "json", "turtle")


@dataclass(frozen=True)
class ValidationResult:
    """One problem with one node: the SHACL result fields plus what a curator needs to read it."""

    severity: str
    focus: Node
    focus_label: str
    path: str | None
    message: str
    value: str | None = None
    file: Path | None = None
    source: str = "shacl"
    shape: str | None = None
    component: str | None = None
    path_node: Node | None = None

    @property
    def focus_id(self) -> str:
        """The focus node as text: the full IRI, or ``_:label`` for a blank node."""
        return str(self.focus) if isinstance(self.focus, URIRef) else f"_:{self.focus}"

    def line(self) -> str:
        """The one-line text form."""
        where = f"{self.file}: " if self.file is not None else ""
        node = (
            f'"{self.focus_label}" <{self.focus}>'
            if isinstance(self.focus, URIRef)
            else f"[{self.focus_label}]"
        )
        path = f" {self.path}" if self.path else ""
        value = f" (value: {self.value})" if self.value is not None else ""
        return f"{where}{self.severity}: {node}{path}: {self.message}{value}"

    def as_dict(self) -> dict[str, str | None]:
        """The JSON form."""
        return {
            "severity": self.severity,
            "focus": self.focus_id,
            "focus_label": self.focus_label,
            "path": self.path,
            "message": self.message,
            "value": self.value,
            "file": str(self.file) if self.file is not None else None,
            "source": self.source,
            "shape": self.shape,
            "component": self.component,
        }


@dataclass
class ValidationReport:
    """Every result for a set of files; ``conforms`` means no Violation."""

    files: list[Path]
    results: list[ValidationResult] = field(default_factory=list)
    data_triples: int = 0

    @property
    def violations(self) -> list[ValidationResult]:
        """Results that refuse the files."""
        return [r for r in self.results if r.severity == "Violation"]

    @property
    def warnings(self) -> list[ValidationResult]:
        """Results that are printed but do not refuse the files."""
        return [r for r in self.results if r.severity != "Violation"]

    @property
    def conforms(self) -> bool:
        """True when nothing is a Violation (warnings allowed)."""
        return not self.violations

    def summary(self) -> str:
        """The last line of the text report."""
        verdict = "conforms" if self.conforms else "does not conform"
        return (
            f"{len(self.files)} file(s) {verdict}: {len(self.violations)} violation(s), "
            f"{len(self.warnings)} warning(s)"
        )

    def sorted_results(self) -> list[ValidationResult]:
        """Violations first, then by file, node and path, so output is stable."""
        order = {s: i for i, s in enumerate(SEVERITIES)}
        return sorted(
            self.results,
            key=lambda r: (
                order.get(r.severity, 9),
                str(r.file),
                r.focus_id,
                r.path or "",
                r.message,
                r.value or "",
            ),
        )


def render_text(report: ValidationReport) -> str:
    """One line per result, then the summary."""
    lines = [r.line() for r in report.sorted_results()]
    lines.append(report.summary())
    return "\n".join(lines) + "\n"


def render_json(report: ValidationReport) -> str:
    """A JSON object: conforms, files, counts and the results."""
    data = {
        "conforms": report.conforms,
        "files": [str(f) for f in report.files],
        "violations": len(report.violations),
        "warnings": len(report.warnings),
        "results": [r.as_dict() for r in report.sorted_results()],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def render_turtle(report: ValidationReport) -> str:
    """A W3C SHACL validation report graph (sh:ValidationReport), as Turtle."""
    sh = {name: URIRef(SH_NS + name) for name in ("conforms", "result", "focusNode")}
    graph = Graph()
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns)
    graph.bind("sh", SH_NS)
    root = BNode()
    graph.add((root, RDF.type, URIRef(SH_NS + "ValidationReport")))
    graph.add((root, sh["conforms"], Literal(report.conforms)))
    for result in report.sorted_results():
        node = BNode()
        graph.add((root, sh["result"], node))
        graph.add((node, RDF.type, URIRef(SH_NS + "ValidationResult")))
        graph.add((node, sh["focusNode"], result.focus))
        graph.add((node, URIRef(SH_NS + "resultSeverity"), URIRef(SH_NS + result.severity)))
        graph.add((node, URIRef(SH_NS + "resultMessage"), Literal(result.message)))
        if isinstance(result.path_node, URIRef):
            graph.add((node, URIRef(SH_NS + "resultPath"), result.path_node))
        if result.value is not None:
            graph.add((node, URIRef(SH_NS + "value"), Literal(result.value)))
        if result.shape is not None:
            graph.add((node, URIRef(SH_NS + "sourceShape"), URIRef(result.shape)))
        if result.file is not None:
            graph.add((node, RDF.value, Literal(str(result.file), datatype=XSD.string)))
    return graph.serialize(format="turtle")


RENDERERS: dict[str, Callable[[ValidationReport], str]] = {
    "text": render_text,
    "json": render_json,
    "turtle": render_turtle,
}


def render(report: ValidationReport, fmt: str = "text") -> str:
    """The report in one of :data:`FORMATS`."""
    return RENDERERS[fmt](report)


def short(node: Node | None, graph: Graph | None = None) -> str | None:
    """A compact, readable form of a term: a prefixed name, a quoted literal, ``[]``."""
    if node is None:
        return None
    if isinstance(node, URIRef):
        return compact(str(node))
    if isinstance(node, Literal):
        if node.datatype is not None:
            return f'"{node}"^^{short(node.datatype)}'
        if node.language:
            return f'"{node}"@{node.language}'
        return f'"{node}"'
    return "[]"


def dedupe(results: Sequence[ValidationResult]) -> list[ValidationResult]:
    """Drop exact repeats (two shapes can say the same thing about the same node)."""
    seen: set[tuple[str, str, str | None, str, str | None]] = set()
    out = []
    for r in results:
        key = (r.severity, r.focus_id, r.path, r.message, r.value)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out
