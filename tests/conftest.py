"""Shared fixtures: the repository's knowledge graph, built once per test run."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from rdflib import Dataset, Graph

from dckg.layout import Layout

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT.parent / "shared" / "articles"


@pytest.fixture(scope="session")
def layout() -> Layout:
    """The repository's own kg/ directory."""
    return Layout(ROOT / "kg")


@pytest.fixture(scope="session")
def articles_dir() -> Path:
    """The source articles; in CI (CI=true) their absence is a failure, never a skip."""
    if not ARTICLES.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{ARTICLES} is missing: CI must run with ../shared beside the clone")
        pytest.skip(f"{ARTICLES} not present")
    return ARTICLES


@pytest.fixture(scope="session")
def graph(layout: Layout) -> Graph:
    """The committed kg/dckg.ttl (ontology + every statement)."""
    return Graph().parse(layout.turtle)


@pytest.fixture(scope="session")
def dataset(layout: Layout) -> Dataset:
    """The committed kg/dckg.trig."""
    ds = Dataset()
    ds.parse(layout.trig, format="trig")
    return ds


@pytest.fixture()
def kg_copy(tmp_path: Path, layout: Layout) -> Layout:
    """A private copy of kg/ (inputs and outputs) that a test may change."""
    target = tmp_path / "kg"
    shutil.copytree(layout.root, target, ignore=shutil.ignore_patterns("store", ".*"))
    return Layout(target)


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--update-golden`` rewrites the golden query results from the current graph."""
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Regenerate tests/golden/*.json from the built graph (then review the diff).",
    )
