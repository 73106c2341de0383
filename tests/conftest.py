"""Shared fixtures: the repository's knowledge graph, built once per test run.

``layout`` is the repository's own ``kg/`` (read only). ``built`` is a copy of it built
once per session, with its on-disk store; ``kg_copy`` gives one test a private copy of
``built`` that it may change; ``unbuilt_copy`` one without the store.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Dataset, Graph

from dckg.curate.build import build
from dckg.layout import Layout

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT.parent / "shared" / "articles"


def copy_kg(source: Path, target: Path, *, store: bool = True) -> Layout:
    """A copy of a knowledge-graph directory (without its store, unless asked)."""
    skip = [".*"] if store else ["store", ".*"]
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(*skip))
    return Layout(target)


@pytest.fixture(scope="session", autouse=True)
def _owl_gate_off_unless_asked() -> Iterator[None]:
    """``dckg validate`` runs HermiT (seconds) by default where Java is installed. The
    tests validate without it, module-scoped fixtures included; those of the gate ask
    for it (``owl_gate="on"``)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DCKG_OWL_GATE", "off")
        yield


@pytest.fixture(scope="session")
def layout() -> Layout:
    """The repository's own kg/ directory (never written to)."""
    return Layout(ROOT / "kg")


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory, layout: Layout) -> Layout:
    """The repository's kg/ copied and built once for the whole run, store included."""
    copy = copy_kg(layout.root, tmp_path_factory.mktemp("built") / "kg", store=False)
    build(copy)
    return copy


@pytest.fixture()
def kg_copy(tmp_path: Path, built: Layout) -> Layout:
    """A private copy of ``built`` (inputs, outputs and store) that a test may change."""
    return copy_kg(built.root, tmp_path / "kg")


@pytest.fixture()
def unbuilt_copy(tmp_path: Path, layout: Layout) -> Layout:
    """A private copy of kg/'s inputs and committed outputs, with no store."""
    return copy_kg(layout.root, tmp_path / "kg", store=False)


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


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--update-golden`` rewrites the golden query results from the current graph."""
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Regenerate tests/golden/*.json from the built graph (then review the diff).",
    )
