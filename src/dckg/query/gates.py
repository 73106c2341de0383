"""Data-quality gates: the ``*-violation`` queries, which must return zero rows.

``dckg build`` refuses a graph on which any of them returns a row. They run
through the engine interface, so the same rows come from Oxigraph (the build)
and from rdflib (``dckg query --engine rdflib``).
"""

from __future__ import annotations

from dataclasses import dataclass

from dckg.query.engine import Engine
from dckg.query.library import NamedQuery, library


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


def find_violations(engine: Engine) -> list[Violation]:
    """Every row every violation query returns on ``engine``'s dataset."""
    found: list[Violation] = []
    for query in violation_queries():
        result = engine.run(query.text, {}, "SELECT")
        for row in result.rows:
            values = {
                name: "" if cell is None else str(getattr(cell, "value", cell))
                for name, cell in zip(result.variables, row, strict=True)
            }
            found.append(Violation(query.name, values))
    return found
