"""``dckg serve``: a SPARQL 1.1 endpoint over the built store, by Oxigraph's own server.

The ``oxigraph`` PyPI package ships the server binary; it is started read-only on
``kg/store``, whose default graph already holds the union of the named graphs as
a set (what the local engines see; Oxigraph's ``--union-default-graph`` would be
a bag, see :func:`dckg.graph.store.add_union_default`), bound to 127.0.0.1 unless
``--bind`` says otherwise.
Endpoints: ``/query`` (SPARQL 1.1 Protocol) and ``/store`` (Graph Store Protocol,
read-only here). ``dckg build`` swaps in a new store directory: restart the server
after a build to serve the new graph.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from dckg.errors import DckgError
from dckg.layout import Layout

DEFAULT_BIND = "127.0.0.1:7878"


def oxigraph_binary() -> Path:
    """The ``oxigraph`` server binary: beside this Python (a virtualenv) or on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return beside
    found = shutil.which("oxigraph")
    if found:
        return Path(found)
    raise DckgError("the oxigraph server is not installed: pip install oxigraph")


def serve_command(layout: Layout, bind: str = DEFAULT_BIND) -> list[str]:
    """The server's command line for the store of ``layout`` (which must be fresh)."""
    from dckg.graph.store import store_state

    state = store_state(layout)
    if state != "fresh":
        why = "missing" if state == "missing" else f"older than {layout.trig.name}"
        raise DckgError(f"{layout.store} is {why}; run `dckg build` first")
    if ":" not in bind:
        raise DckgError(f"--bind {bind!r}: use HOST:PORT, e.g. {DEFAULT_BIND}")
    return [
        str(oxigraph_binary()),
        "serve-read-only",
        "--location",
        str(layout.store),
        "--bind",
        bind,
    ]


def serve(layout: Layout, bind: str = DEFAULT_BIND) -> int:
    """Run the server in the foreground until it exits or is interrupted; its exit code."""
    proc = subprocess.Popen(serve_command(layout, bind))
    try:
        return proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        return proc.wait()
