"""The on-disk Oxigraph store: written by the build, atomically; opened by queries; never stale."""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from dckg.cli import main
from dckg.curate.build import build
from dckg.graph.store import MARKER, load_in_memory, open_for_query, store_state
from dckg.layout import Layout
from dckg.query.engine import OxigraphEngine, open_engine
from dckg.query.library import NamedQuery, bindings, library
from dckg.query.results import comparable
from dckg.query.sparql import inspect_query


def test_build_writes_a_fresh_store(built: Layout) -> None:
    assert (built.store / MARKER).is_file()
    assert store_state(built) == "fresh"
    opened = open_for_query(built)
    assert opened.note is None
    # The store holds exactly the TriG's quads.
    assert len(opened.store) == len(load_in_memory([built.trig]))


def _canonical(store: object) -> set[str]:
    """The store's quads with RDFC-1.0 blank-node labels, as N-Quads lines."""
    import pyoxigraph as ox

    dataset = ox.Dataset(store)  # type: ignore[call-overload]
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return {str(quad) for quad in dataset}


def test_a_store_loaded_in_many_blocks_is_the_same_dataset_as_the_trig(
    layout: Layout, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The store is loaded block by block; a blank node whose quads fall into two blocks
    (its named graph's copy and the union's, a reference and its selector) must stay one
    node. With bulk_load per block it became two: at 1M triples, references without
    quotes on the store that the TriG did not have."""
    import pyoxigraph as ox

    from dckg.graph import loader as loader_module

    monkeypatch.setattr(loader_module, "LOAD_BLOCK", 64 << 10)  # ~50 blocks, not one
    target = tmp_path / "kg"
    shutil.copytree(layout.root, target, ignore=shutil.ignore_patterns("store", ".*"))
    copy = Layout(target)
    build(copy)
    loaded = ox.Store.read_only(str(copy.store))
    expected = load_in_memory([copy.trig])
    blank = "SELECT DISTINCT ?b WHERE { GRAPH ?g { ?b ?p ?o } FILTER(isBlank(?b)) }"
    assert len(list(loaded.query(blank))) == len(list(expected.query(blank)))
    assert _canonical(loaded) == _canonical(expected)


def test_a_blank_node_in_two_graphs_puts_every_graph_in_one_load_group() -> None:
    """Data whose blank node is in two named graphs (never so for one file's graph) is
    loaded in one call: correct, only slower."""
    import io

    import pyoxigraph as ox

    from dckg.graph.loader import write_grouped_dump
    from dckg.graph.store import add_union_default

    def store(text: bytes) -> ox.Store:
        made = ox.Store()
        made.load(text, format=ox.RdfFormat.N_QUADS)
        add_union_default(made)
        return made

    apart = store(b"_:a <p:p> <o:o> <g:1> .\n_:b <p:p> <o:o> <g:2> .\n<s:s> <p:p> <o:o> <g:2> .\n")
    out = io.BytesIO()
    ends = write_grouped_dump(apart, out)
    assert len(ends) == 2 and ends[-1] < len(out.getvalue())  # one group a graph
    reloaded = ox.Store()
    reloaded.load(out.getvalue(), format=ox.RdfFormat.N_QUADS)
    assert len(reloaded) == len(apart)  # every quad once: graphs, union copies, the rest
    assert _canonical(reloaded) == _canonical(apart)
    shared = store(b"_:a <p:p> <o:o> <g:1> .\n<s:s> <p:p> _:a <g:2> .\n")
    assert len(write_grouped_dump(shared, io.BytesIO())) == 1


NAMED = sorted(library().values(), key=lambda q: q.name)


@pytest.mark.parametrize("query", NAMED, ids=[q.name for q in NAMED])
def test_store_and_memory_agree(built: Layout, query: NamedQuery) -> None:
    """Every named query gives the same rows from the store and from the TriG in Oxigraph
    memory (rdflib against Oxigraph: test_queries.py)."""
    import pyoxigraph as ox

    bound = bindings(query, {})
    form = inspect_query(query.text)
    engines: dict[str, OxigraphEngine] = {
        "store": OxigraphEngine(ox.Store.read_only(str(built.store))),
        "memory": OxigraphEngine(load_in_memory([built.trig])),
    }
    results = {name: engine.run(query.text, bound, form) for name, engine in engines.items()}
    assert {tuple(r.variables) for r in results.values()} == {tuple(results["store"].variables)}
    rows = {name: comparable(r.rows) for name, r in results.items()}
    for name in engines:
        assert rows[name] == rows["store"], f"{name} differs from the store"
    if not query.is_violation:
        assert rows["store"], f"{query.name} returns no rows on the five-article graph"


def test_query_uses_the_store_and_survivors_answer(built: Layout) -> None:
    result = CliRunner().invoke(
        main, ["query", "survivors", "--at", "2021-10-18", "-f", "csv", "--kg", str(built.root)]
    )
    assert result.exit_code == 0, result.output
    assert "saceur-cgs-hotline" in result.output
    assert "older than" not in result.output


def test_stale_store_is_not_used(built: Layout, tmp_path: Path, caplog) -> None:
    copy = Layout(tmp_path / "kg")
    shutil.copytree(built.root, copy.root)
    # A TriG edited after the build (here: one statement's label removed) makes the store stale.
    text = copy.trig.read_text(encoding="utf-8")
    copy.trig.write_text(
        text.replace('"SACEUR\u2013CGS hotline"@en', '"renamed hotline"@en'), "utf-8"
    )
    assert store_state(copy) == "stale"
    with caplog.at_level(logging.WARNING):
        engine = open_engine("oxigraph", copy)
    assert "older than dckg.trig" in caplog.text and "dckg build" in caplog.text
    query = library()["channels"]
    rows = engine.run(query.text, bindings(query, {}), "SELECT").rows
    assert any("renamed hotline" in str(cell) for row in rows for cell in row)


def test_touched_but_identical_trig_keeps_the_store(built: Layout, tmp_path: Path) -> None:
    copy = Layout(tmp_path / "kg")
    shutil.copytree(built.root, copy.root)
    os.utime(copy.trig, ns=(1, 1))
    assert store_state(copy) == "fresh"


def test_missing_store_falls_back_to_the_trig(built: Layout, tmp_path: Path) -> None:
    copy = Layout(tmp_path / "kg")
    shutil.copytree(built.root, copy.root, ignore=shutil.ignore_patterns("store"))
    assert store_state(copy) == "missing"
    opened = open_for_query(copy)
    assert opened.note is None  # a small graph: no nagging
    assert len(opened.store) == len(load_in_memory([copy.trig]))


def test_failed_build_leaves_the_store_untouched(built: Layout, tmp_path: Path) -> None:
    copy = Layout(tmp_path / "kg")
    shutil.copytree(built.root, copy.root)
    before = {p.name: p.read_bytes() for p in copy.store.iterdir() if p.is_file()}
    (copy.sources_dir / "999-broken.ttl").write_text(
        "@prefix dcki: <https://w3id.org/dckg/id/> .\ndcki:a dcki:b .\n", encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["build", "--kg", str(copy.root)])
    assert result.exit_code == 2
    assert "999-broken.ttl:2:" in result.output
    after = {p.name: p.read_bytes() for p in copy.store.iterdir() if p.is_file()}
    assert after == before
    assert not [p for p in copy.root.iterdir() if p.name.startswith(".store")]


def test_rebuild_after_a_change_swaps_in_a_new_store(built: Layout, tmp_path: Path) -> None:
    copy = Layout(tmp_path / "kg")
    shutil.copytree(built.root, copy.root)
    hotline = copy.entities.read_text(encoding="utf-8")
    copy.entities.write_text(
        hotline.replace('"SACEUR\u2013CGS hotline"@en', '"SACEUR\u2013CGS line"@en'), "utf-8"
    )
    build(copy)
    assert store_state(copy) == "fresh"
    query = library()["channels"]
    engine = open_engine("oxigraph", copy)
    rows = engine.run(query.text, bindings(query, {}), "SELECT").rows
    assert any(c is not None and c.value == "SACEUR\u2013CGS line" for row in rows for c in row)
    assert not [p for p in copy.root.iterdir() if p.name.startswith(".store")]


def test_check_does_not_need_the_store(built: Layout, tmp_path: Path) -> None:
    copy = Layout(tmp_path / "kg")
    shutil.copytree(built.root, copy.root, ignore=shutil.ignore_patterns("store"))
    result = CliRunner().invoke(main, ["build", "--check", "--kg", str(copy.root)])
    assert result.exit_code == 0, result.output
    assert not copy.store.exists()
