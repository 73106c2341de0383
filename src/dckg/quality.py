"""Data-quality gates: the ``*-violation`` queries must return zero rows."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph
from rdflib.query import ResultRow

from dckg.errors import NotConformingError
from dckg.namespaces import PREFIXES
from dckg.queries import NamedQuery, library


@dataclass(frozen=True)
class Violation:
    """One row of one violation query, rendered for a curator."""

    query: str
    row: dict[str, str]

    def __str__(self) -> str:
        cells = ", ".join(f"{k}={v}" for k, v in self.row.items())
        return f"{self.query}: {cells}"


def violation_queries() -> list[NamedQuery]:
    """The shipped ``*-violation`` queries."""
    return [q for q in library().values() if q.is_violation]


def find_violations(graph: Graph) -> list[Violation]:
    """Every row every violation query returns on ``graph``."""
    found: list[Violation] = []
    for query in violation_queries():
        result = graph.query(query.text, initNs=PREFIXES)
        for row in result:
            assert isinstance(row, ResultRow)
            values = {str(var): str(val) for var, val in zip(result.vars or [], row, strict=True)}
            found.append(Violation(query.name, values))
    return found


def require_no_violations(graph: Graph) -> None:
    """Refuse a graph any violation query flags (exit 1, every row listed)."""
    violations = find_violations(graph)
    if violations:
        lines = "\n".join(f"  {v}" for v in violations)
        raise NotConformingError(f"{len(violations)} data-quality violation(s):\n{lines}")
