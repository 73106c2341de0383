"""The package's shape: no import cycle between modules or sub-packages, small modules.

Imports are read from the source with ``ast`` (also those inside functions and under
``TYPE_CHECKING``), so a cycle hidden by a lazy import is still one.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "dckg"

#: The modules allowed to exceed the size rule, and why.
LARGE = {"dckg.bench.generate": "the synthetic corpus's templates, one per kind of statement"}
MAX_LINES = 400


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports(path: Path, known: set[str]) -> Iterator[str]:
    """The dckg modules ``path`` imports (``from dckg.x import y`` counts y if it is one)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names if a.name in known)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module not in known:
                continue
            submodules = [f"{node.module}.{a.name}" for a in node.names]
            found = [m for m in submodules if m in known]
            yield from found or [node.module]


def graph(level: int | None = None) -> dict[str, set[str]]:
    """Module (or, with ``level``, package prefix) -> what it imports."""
    found = modules()
    edges: dict[str, set[str]] = {}
    for name, path in found.items():
        source = ".".join(name.split(".")[:level]) if level else name
        for target in imports(path, set(found)):
            target = ".".join(target.split(".")[:level]) if level else target
            if target != source:
                edges.setdefault(source, set()).add(target)
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every cycle found by depth-first search (each reported once, from its entry)."""
    found: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                found.append([*stack[stack.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node)
    return found


def test_no_module_imports_itself_in_a_circle() -> None:
    assert cycles(graph()) == []


def test_no_sub_package_imports_itself_in_a_circle() -> None:
    """dckg.graph, dckg.query, … form layers: no two sub-packages need each other.
    The package root (``dckg/__init__.py``) and ``dckg.cli`` sit on top and are left out."""
    edges = {k: {t for t in v if t != "dckg"} for k, v in graph(level=2).items() if k != "dckg"}
    assert cycles(edges) == []


def test_modules_are_small() -> None:
    too_big = {
        name: lines
        for name, path in modules().items()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
        and name not in LARGE
    }
    assert too_big == {}


def test_the_cycle_finder_finds_cycles() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
