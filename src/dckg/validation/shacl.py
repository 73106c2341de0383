"""Running the shipped SHACL shapes with pySHACL and reading its report.

pySHACL is imported inside the functions: its import is slow, and ``dckg query``
must not pay for it.

pySHACL re-parses a SHACL-SPARQL constraint's query text for every focus node, and
rdflib's parser is slow enough that this made the shapes' two date comparisons most
of a validation run. :class:`_PreparedQueryGraph` parses each distinct query text
once; the results are the same (see BENCHMARKS.md).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF
from rdflib.term import Node

from dckg.graph.loading import parse_into
from dckg.layout import shapes_path

SH = "http://www.w3.org/ns/shacl#"


def _sh(name: str) -> URIRef:
    return URIRef(SH + name)


@dataclass(frozen=True)
class ShaclResult:
    """One sh:ValidationResult, as plain terms."""

    severity: str
    focus: Node
    path: Node | None
    path_text: str | None
    message: str
    value: Node | None
    shape: str | None
    component: str | None


@lru_cache(maxsize=1)
def load_shapes() -> Graph:
    """The shipped shapes graph, parsed once per process."""
    return parse_into(Graph(), shapes_path())


@lru_cache(maxsize=128)
def _prepared(text: str) -> Any:
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(text)


class _PreparedQueryGraph(Graph):
    """A Graph whose ``query`` parses each distinct SPARQL string only once."""

    def query(self, query_object: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(query_object, str):
            query_object = _prepared(query_object)
        return super().query(query_object, *args, **kwargs)


def data_graph() -> Graph:
    """An empty graph to assemble validation data in (queries parsed once)."""
    return _PreparedQueryGraph()


def run_shacl(data: Graph, shapes: Graph | None = None) -> list[ShaclResult]:
    """Validate ``data`` (no inference; the ontology must be in it) against the shapes."""
    from pyshacl import validate

    shapes_graph = shapes if shapes is not None else load_shapes()
    _conforms, report, _text = validate(
        data,
        shacl_graph=shapes_graph,
        inference="none",
        advanced=False,
        allow_warnings=True,
    )
    assert isinstance(report, Graph)
    return list(read_report(report, shapes_graph))


def read_report(report: Graph, shapes: Graph) -> Iterator[ShaclResult]:
    """The results of a SHACL report graph (pySHACL's, or any engine's in the same form)."""
    # Only top-level results: pySHACL also types the nested results of sh:node and
    # sh:or as sh:ValidationResult (under sh:detail), which would repeat each problem.
    for result in report.objects(None, _sh("result")):
        severity = report.value(result, _sh("resultSeverity"))
        focus = report.value(result, _sh("focusNode"))
        if focus is None:
            continue
        path = report.value(result, _sh("resultPath"))
        shape = report.value(result, _sh("sourceShape"))
        messages = sorted(str(m) for m in report.objects(result, _sh("resultMessage")))
        # A SHACL-SPARQL result carries its constraint's message and its shape's:
        # the constraint's is the specific one (and has its {?var} filled in).
        shape_message = shapes.value(shape, _sh("message")) if shape is not None else None
        specific = [m for m in messages if m != str(shape_message)]
        messages = specific or messages
        component = report.value(result, _sh("sourceConstraintComponent"))
        yield ShaclResult(
            severity=_local(severity) or "Violation",
            focus=focus,
            path=path,
            path_text=render_path(path, report) if path is not None else None,
            message=messages[0] if messages else _default_message(component),
            value=report.value(result, _sh("value")),
            shape=str(shape) if isinstance(shape, URIRef) else None,
            component=_local(component),
        )


def _local(term: Node | None) -> str | None:
    if term is None:
        return None
    return str(term).rsplit("#", 1)[-1]


def _default_message(component: Node | None) -> str:
    return f"fails {_local(component) or 'a constraint'}"


def render_path(path: Node, graph: Graph) -> str:
    """A SHACL property path as SPARQL property-path text (``dckg:a/dckg:b``, ``a|b``)."""
    from dckg.validation.report import short

    if isinstance(path, URIRef):
        return short(path) or str(path)
    if isinstance(path, BNode):
        if (path, RDF.first, None) in graph:
            return "/".join(_operand(p, graph) for p in Collection(graph, path))
        alternatives = graph.value(path, _sh("alternativePath"))
        if alternatives is not None:
            return "|".join(render_path(p, graph) for p in Collection(graph, alternatives))
        inverse = graph.value(path, _sh("inversePath"))
        if inverse is not None:
            return "^" + _operand(inverse, graph)
        for name, suffix in (
            ("zeroOrMorePath", "*"),
            ("oneOrMorePath", "+"),
            ("zeroOrOnePath", "?"),
        ):
            inner = graph.value(path, _sh(name))
            if inner is not None:
                return f"({render_path(inner, graph)}){suffix}"
    if isinstance(path, Literal):
        return str(path)
    return "[]"


def _operand(path: Node, graph: Graph) -> str:
    """``path`` rendered as one operand of ``/`` or ``^``: parenthesised unless a name."""
    text = render_path(path, graph)
    return text if isinstance(path, URIRef) or text.startswith("(") else f"({text})"
