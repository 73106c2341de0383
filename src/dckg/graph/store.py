"""The persistent on-disk Oxigraph store that ``dckg query`` opens (``kg/store``).

``dckg build`` writes it beside the TriG, from the same quads (blank-node labels
aside), so a query does not re-parse the TriG: opening the store costs the same
whatever the graph's size. It is a cache of ``dckg.trig``, never a source of truth:
gitignored, and ignored by ``build --check``.

Freshness, one test for every caller: a marker file in the store (written by
:mod:`dckg.graph.loader`) records the size, mtime and SHA-256 of the TriG and of every
input. A file whose size and mtime match is unchanged; otherwise it is hashed, so a
``git checkout`` that only touches the mtime is not stale. ``dckg query`` needs the
store to match the TriG; ``dckg validate`` needs it to match the inputs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pyoxigraph as ox

from dckg.errors import DckgError
from dckg.layout import Layout, query_path

MARKER = "dckg-build.json"
#: The layout of the store's contents; a store written with another one is rebuilt.
#: 2: the union of the named graphs is also held in the default graph.
#: 3: loaded so that no blank node is split in two (stores of 2 from dumps of more
#: than one load block were: see write_grouped_dump).
#: 4: the marker records the inputs as well as the TriG.
STORE_FORMAT = 4
StoreState = Literal["fresh", "stale", "missing"]


def sha256_of(data: bytes) -> str:
    import hashlib  # not on the query path, which only compares sizes and mtimes

    return hashlib.sha256(data).hexdigest()


def _file_sha256(path: Path) -> str:
    import hashlib

    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _record(path: Path, digest: str | None = None) -> list[Any]:
    """[size, mtime_ns, sha256] of one file."""
    stat = path.stat()
    return [stat.st_size, stat.st_mtime_ns, digest or _file_sha256(path)]


def _name(layout: Layout, path: Path) -> str:
    """How the marker names a file: its path under the knowledge-graph directory."""
    return path.relative_to(layout.root).as_posix()


def build_marker(layout: Layout, trig_sha256: str) -> dict[str, Any]:
    """The marker of a store built from the TriG with ``trig_sha256`` and today's inputs."""
    files = {_name(layout, layout.trig): _record(layout.trig, trig_sha256)}
    for path in layout.inputs():
        if path.is_file():
            files[_name(layout, path)] = _record(path)
    return {"format": STORE_FORMAT, "files": files}


def _unchanged(path: Path, record: Any) -> bool:
    """Whether ``path`` still holds what ``record`` (from :func:`_record`) describes."""
    if not isinstance(record, list) or len(record) != 3 or not path.is_file():
        return False
    stat = path.stat()
    if record[0] != stat.st_size:
        return False
    return bool(record[1] == stat.st_mtime_ns or record[2] == _file_sha256(path))


def _read_marker(layout: Layout) -> dict[str, Any] | None:
    try:
        data = json.loads((layout.store / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != STORE_FORMAT:
        return None  # another layout: treated as missing, so it is rebuilt, never misread
    if not isinstance(data.get("files"), dict):
        return None
    return data


def _trig_sha256(layout: Layout, marker: dict[str, Any]) -> str | None:
    """The SHA-256 of the TriG the marked store was built from."""
    record = marker["files"].get(_name(layout, layout.trig))
    return str(record[2]) if isinstance(record, list) and len(record) == 3 else None


def store_is_current(layout: Layout, trig: bytes) -> bool:
    """Whether the store on disk was built from exactly these TriG bytes (a rebuild may skip it)."""
    marker = _read_marker(layout)
    return marker is not None and _trig_sha256(layout, marker) == sha256_of(trig)


def refresh_marker(layout: Layout) -> None:
    """Record the files' current state after a build that left the TriG's bytes unchanged."""
    marker = _read_marker(layout)
    trig_sha256 = _trig_sha256(layout, marker) if marker is not None else None
    if trig_sha256 is not None:
        (layout.store / MARKER).write_text(
            json.dumps(build_marker(layout, trig_sha256)), encoding="utf-8"
        )


def store_state(layout: Layout, *, inputs: bool = False) -> StoreState:
    """``fresh`` if the store matches ``dckg.trig`` (and with ``inputs``, the curated
    inputs too), ``stale`` if not, ``missing`` if there is none."""
    marker = _read_marker(layout)
    if marker is None or not layout.trig.exists():
        return "missing"
    files: dict[str, Any] = marker["files"]
    paths = [layout.trig]
    if inputs:
        current = [p for p in layout.inputs() if p.is_file()]
        if {_name(layout, p) for p in current} != set(files) - {_name(layout, layout.trig)}:
            return "stale"
        paths += current
    if all(_unchanged(path, files.get(_name(layout, path))) for path in paths):
        return "fresh"
    return "stale"


@dataclass(frozen=True)
class OpenedStore:
    """A store opened for reading, and why another source was used if it was not."""

    store: ox.Store
    note: str | None = None


#: Above this TriG size, re-parsing it per query is slow enough to be worth a hint.
HINT_BYTES = 5_000_000


def open_for_query(layout: Layout) -> OpenedStore:
    """The built store, read-only; or the TriG in memory, with a note saying how to fix it.

    A stale store is never used: a query must not answer from an older graph than
    the TriG the user sees. Re-parsing the TriG is always correct, only slower, so
    that is the fallback; the note tells the user to run ``dckg build``.
    """
    if not layout.trig.exists():
        raise DckgError(f"{layout.trig}: no built graph; run `dckg build` first")
    state = store_state(layout)
    if state == "fresh":
        try:
            return OpenedStore(ox.Store.read_only(str(layout.store)))
        except OSError as exc:
            why = f"{layout.store} could not be opened ({exc}); run `dckg build` to rebuild it"
            return OpenedStore(load_in_memory([layout.trig]), why)
    note: str | None = None
    if state == "stale":
        note = (
            f"{layout.store} is older than {layout.trig.name}; querying the TriG in memory "
            "instead (slower). Run `dckg build` to refresh the store."
        )
    elif layout.trig.stat().st_size > HINT_BYTES:
        note = f"no store in {layout.root}; run `dckg build` once for faster queries"
    return OpenedStore(load_in_memory([layout.trig]), note)


def load_in_memory(paths: Iterable[Path]) -> ox.Store:
    """An in-memory store holding TriG or Turtle files, their union in the default graph.

    This and the build's :func:`dckg.graph.assemble.load_file` are the only ways a
    graph is read into Oxigraph.
    """
    store = ox.Store()
    for path in paths:
        fmt = ox.RdfFormat.TRIG if path.suffix == ".trig" else ox.RdfFormat.TURTLE
        try:
            store.bulk_load(path=str(path), format=fmt)
        except (SyntaxError, ValueError, OSError) as exc:
            raise DckgError(f"{path}: {exc}") from None
    add_union_default(store)
    return store


def add_union_default(store: ox.Store) -> None:
    """Add the union of ``store``'s named graphs to its default graph, as a set.

    Queries must see the union as a *set*, as rdflib's ``default_union`` and SPARQL's
    RDF merge do. Oxigraph's ``use_default_graph_as_union`` is a bag: a triple that
    five graphs repeat matches five times, which multiplies joins and breaks COUNTs.
    So the store holds the union itself (copies of a triple collapse into one quad)
    and queries run with that flag off. One SPARQL update: no Python object per quad.
    """
    store.update(query_path("build/union-default.ru").read_text(encoding="utf-8"))
