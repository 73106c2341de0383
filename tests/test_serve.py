"""A real Oxigraph server on loopback: push the graph, query it, compare with local results."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from dckg.cli import main
from dckg.graph.store import load_in_memory
from dckg.layout import Layout
from dckg.query.engine import OxigraphEngine
from dckg.query.library import NamedQuery, bindings, library
from dckg.query.remote import RemoteEngine
from dckg.query.results import comparable
from dckg.query.sparql import bind_values, inspect_query, where_group_start
from dckg.serve.server import oxigraph_binary, serve_command

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(url: str, proc: subprocess.Popen[bytes]) -> None:
    for _ in range(200):
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=1):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("server did not come up")


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory, built: Layout) -> Iterator[str]:
    """One writable in-memory Oxigraph server for the session, with the graph pushed to it."""
    port = free_port()
    proc = subprocess.Popen(
        [str(oxigraph_binary()), "serve", "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, proc)
        result = CliRunner().invoke(
            main, ["push", "--endpoint", f"{url}/store", "--kg", str(built.root)]
        )
        assert result.exit_code == 0, result.output
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


NAMED = sorted(library().values(), key=lambda q: q.name)
#: Extra parameter values, so that optional parameters are bound remotely too.
EXTRA = {
    "timeline": {"channel": "saceur-cgs-hotline", "from": "2014"},
    "events": {"from": "2021-10-01", "to": "2021-10-31"},
    "status-at": {"at": "2021-11-01"},
    "survivors": {"at": "2021-10-18"},
}


@pytest.mark.parametrize("query", NAMED, ids=[q.name for q in NAMED])
def test_remote_matches_local(server: str, built: Layout, query: NamedQuery) -> None:
    local = OxigraphEngine(load_in_memory([built.trig]))
    remote = RemoteEngine(f"{server}/query")
    form = inspect_query(query.text)
    for given in ({}, EXTRA.get(query.name)):
        if given is None:
            continue
        bound = bindings(query, given)
        mine, theirs = local.run(query.text, bound, form), remote.run(query.text, bound, form)
        assert theirs.variables == mine.variables
        assert comparable(theirs.rows) == comparable(mine.rows), given
        if not query.is_violation:
            assert mine.rows


def test_pushed_one_graph_per_input(server: str, built: Layout) -> None:
    remote = RemoteEngine(f"{server}/query")
    text = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    graphs = {row[0].value for row in remote.run(text, {}, "SELECT").rows if row[0]}
    expected = {f"https://w3id.org/dckg/graph/source/{p.stem}" for p in built.source_files()}
    expected |= {f"https://w3id.org/dckg/graph/{n}" for n in ("ontology", "entities", "derived")}
    assert graphs == expected


def test_cli_query_endpoint(server: str) -> None:
    result = CliRunner().invoke(
        main,
        ["query", "survivors", "--at", "2021-10-18", "-f", "csv", "--endpoint", f"{server}/query"],
    )
    assert result.exit_code == 0, result.output
    assert "saceur-cgs-hotline" in result.output


def test_values_go_first_in_the_where_group_and_are_escaped() -> None:
    text = (
        '# a comment with { brace\nPREFIX x: <http://x/a#b>\nSELECT ?a (CONCAT("{#", ?b) AS ?c)\n'
        "WHERE { ?a ?p ?b } GROUP BY ?a ?b"
    )
    assert text[where_group_start(text) - 7 : where_group_start(text)] == "WHERE {"
    bound = bind_values(text, {"b": ox.Literal('say "hi" } now'), "a": ox.NamedNode("http://e/1")})
    assert 'VALUES (?a ?b) { (<http://e/1> "say \\"hi\\" } now") }' in bound
    assert bound.index("VALUES") > bound.index("WHERE {")


def test_unreachable_endpoint_is_a_clean_error() -> None:
    port = free_port()
    result = CliRunner().invoke(
        main, ["query", "channels", "--endpoint", f"http://127.0.0.1:{port}/query"]
    )
    assert result.exit_code == 2
    assert "Traceback" not in result.output and "query failed" in result.output


def test_dckg_serve_serves_the_store(built: Layout) -> None:
    port = free_port()
    command = serve_command(built, f"127.0.0.1:{port}")
    assert "serve-read-only" in command and str(built.store) in command
    proc = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "dckg"),
            *("serve", "--kg", str(built.root), "--bind", f"127.0.0.1:{port}"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, proc)
        query = library()["channels"]
        remote = RemoteEngine(f"{url}/query").run(query.text, {}, "SELECT")
        local = OxigraphEngine(load_in_memory([built.trig])).run(query.text, {}, "SELECT")
        assert comparable(remote.rows) == comparable(local.rows)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_serve_refuses_a_missing_store(unbuilt_copy: Layout) -> None:
    result = CliRunner().invoke(main, ["serve", "--kg", str(unbuilt_copy.root)])
    assert result.exit_code == 2
    assert "run `dckg build` first" in result.output
