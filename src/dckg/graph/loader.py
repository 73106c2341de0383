"""Loading the on-disk query store while the build goes on.

Atomicity: the new store is built in a temporary sibling directory (with the
N-Quads dump it is loaded from); only when it is complete and closed is it
swapped in with two renames (the caller holds the build lock of
:func:`dckg.atomic.locked`). A failed build leaves the old store, like every
other output, as it was.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import json
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from dckg.errors import DckgError
from dckg.graph.store import MARKER, build_marker, sha256_of
from dckg.layout import Layout


class PendingStore:
    """A new store being bulk-loaded in a temporary sibling of ``layout.store``.

    :meth:`start` dumps the build's in-memory store (named graphs, their union in the
    default graph) as N-Quads to a file, not to Python bytes, and a thread bulk-loads
    it while the build renders its Turtle and TriG (Oxigraph's loader releases the
    GIL). The loader sorts everything one call gets in memory, hence blocks of
    :data:`LOAD_BLOCK` bytes. ``bulk_load`` gives each call's blank nodes new labels,
    so blocks end only between the groups of :func:`write_grouped_dump`. (Parsing in
    Python and ``bulk_extend`` keeps labels too, but holds the GIL the build needs.)
    Call :meth:`commit` or :meth:`discard` under the build lock that was held when the
    store was created.
    """

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.tmp = Path(tempfile.mkdtemp(dir=layout.root, prefix=".store.new-"))
        self.quads = self.tmp / "quads.nq"
        self.error: BaseException | None = None
        self.cancelled = threading.Event()
        self.turn = threading.Lock()  # held by the loader for one block, or by paused()
        self.thread: threading.Thread | None = None
        self.size = 0  # bytes of the dump
        self.group_ends: list[int] = []  # where the dump's groups end (write_grouped_dump)

    def start(self, source: ox.Store) -> None:
        """Dump ``source`` (an Oxigraph store) to the temporary file; load it on a thread."""
        with self.quads.open("wb") as out:
            self.group_ends = write_grouped_dump(source, out)
        self.size = self.quads.stat().st_size
        self.thread = threading.Thread(target=self._load, daemon=True)
        self.thread.start()

    def _load(self) -> None:
        try:
            store = ox.Store(str(self.tmp / "store"))
            with self.quads.open("rb") as handle:
                for block in _blocks(handle, self.group_ends, LOAD_BLOCK):
                    with self.turn:
                        if self.cancelled.is_set():
                            break
                        store.bulk_load(input=block, format=ox.RdfFormat.N_QUADS)
            if not self.cancelled.is_set():
                # Each block leaves its own sorted files per index, whose key ranges
                # overlap, and every query would merge them all. Compacting them into
                # one run costs little here and makes the heavy queries much faster
                # (see BENCHMARKS.md).
                store.optimize()
            store.flush()
            del store  # closes RocksDB before the directory moves
            self.quads.unlink()
        except BaseException as exc:  # re-raised by commit()
            self.error = exc

    @contextlib.contextmanager
    def paused(self) -> Iterator[None]:
        """Hold the loader after its current block until the block of code ends.

        The loader sorting a block and the build turning its graphs into lines and
        canonicalising them are the two largest users of memory: paused, their peaks
        do not add up.
        """
        with self.turn:
            yield

    def _join(self) -> None:
        if self.thread is not None:
            self.thread.join()

    def commit(self, trig: bytes) -> None:
        """Wait for the load; record ``trig``'s digest in the marker; swap the store in.

        Must be called after the TriG is on disk (the marker records its stat).
        """
        self._join()
        # Anything else still holding the store goes now, on this thread: a collection on
        # the loader's thread would also drop the caller's Oxigraph objects there, which
        # pyoxigraph refuses.
        gc.collect()
        loaded = self.tmp / "store"
        try:
            if self.error is not None:
                raise self.error
            if self.thread is None:
                raise DckgError("internal error: the store was never loaded")
            marker = json.dumps(build_marker(self.layout, sha256_of(trig)))
            (loaded / MARKER).write_text(marker, encoding="utf-8")
        except BaseException:
            shutil.rmtree(self.tmp, ignore_errors=True)
            raise
        target = self.layout.store
        old: Path | None = None
        if target.exists():
            old = Path(tempfile.mkdtemp(dir=self.layout.root, prefix=".store.old-"))
            os.replace(target, old / "store")
        os.replace(loaded, target)
        shutil.rmtree(self.tmp, ignore_errors=True)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    def discard(self) -> None:
        """Stop the load at the next block, wait for it, and remove what it wrote."""
        self.cancelled.set()
        self._join()
        shutil.rmtree(self.tmp, ignore_errors=True)


#: Bytes of N-Quads per bulk-load call. The loader's memory grows with the quads one
#: call gets, so a block is small enough to keep it a small part of the build's peak,
#: and large enough that a dump takes few calls, each leaving sorted files that
#: ``optimize()`` must merge (see BENCHMARKS.md).
LOAD_BLOCK = 16 << 20

#: A blank-node label in an N-Triples line (it may also match inside a literal: then two
#: groups are merged for nothing, never split).
_BLANK_LABEL = re.compile(rb"_:([A-Za-z0-9_\-.]+)")


def write_grouped_dump(source: ox.Store, out: BinaryIO) -> list[int]:
    """Write ``source``'s quads to ``out`` as N-Quads, grouped so no blank node spans groups.

    ``source`` holds named graphs and their union in the default graph (see
    :func:`add_union_default`). Each named graph is one group: its quads, then its
    blank-node triples again in the default graph (the union's copies). The union's
    triples without a blank node follow, in any order. A blank node of one file is in
    that file's graph only; where one is in two graphs (data made otherwise), all the
    graphs make one group, which is slower to load but still right.

    Returns the offsets where groups end: a block may end there, and at any line end
    after the last one (see :func:`_blocks`).
    """
    owner: dict[bytes, int] = {}
    shared = False
    ends: list[int] = []
    names = sorted(str(g.value) for g in source.named_graphs())
    for index, name in enumerate(names):
        text = source.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(name)) or b""
        lines = text.split(b"\n")[:-1]  # the dump ends with a line end
        tail = f" <{name}> .\n".encode()
        out.write(b"".join(line[:-2] + tail for line in lines))  # "S P O ." -> "S P O <g> ."
        blank = [line for line in lines if b"_:" in line]
        if blank:
            out.write(b"\n".join(blank) + b"\n")
            for line in blank:
                for label in _BLANK_LABEL.findall(line):
                    shared = shared or owner.setdefault(label, index) != index
        ends.append(out.tell())
    # The union through a temporary file, a line at a time: at scale the build's peak
    # (the in-memory store beside it) has no room for all its N-Triples as bytes.
    with tempfile.TemporaryFile() as union:
        source.dump(union, format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
        union.seek(0)
        out.writelines(line for line in union if b"_:" not in line)
    return ends[-1:] if shared else ends


def _blocks(handle: BinaryIO, ends: list[int], size: int) -> Iterator[bytes]:
    """The dump in blocks of about ``size`` bytes, each ending at one of ``ends`` (a group's
    end) up to the last of them, then at any line end."""
    start = 0
    for end in ends:
        if end - start >= size or end == ends[-1]:
            yield handle.read(end - start)
            start = end
    yield from _line_blocks(handle, size)


def _line_blocks(handle: BinaryIO, size: int) -> Iterator[bytes]:
    """``handle``'s bytes in blocks of about ``size`` that end at a line end.

    N-Quads is one statement per line, so each block is a valid document on its own.
    """
    rest = b""
    while block := handle.read(size):
        block = rest + block
        cut = block.rfind(b"\n") + 1
        if cut == 0:
            rest = block  # no line end yet: a line longer than a block
            continue
        rest = block[cut:]
        yield block[:cut]
    if rest:
        yield rest


#: Size of the query store's N-Quads dump from which its loader waits while the build's
#: graphs become lines and RDFC-1.0 runs: above it the two peaks would add up past the
#: memory budget; below it, running both at once is faster (see BENCHMARKS.md).
PAUSE_LOADER_BYTES = 128 << 20


def loader_paused(pending: PendingStore | None) -> AbstractContextManager[None]:
    """The query store's loader held, if its dump is big enough (see PAUSE_LOADER_BYTES)."""
    if pending is None or pending.size < PAUSE_LOADER_BYTES:
        return contextlib.nullcontext()
    return pending.paused()


def release_freed_memory() -> None:
    """Hand the memory a dropped Oxigraph store freed back to the system.

    glibc keeps freed blocks in its arenas, and the store loader's thread allocates
    from another arena, so neither could reuse the other's. A no-op where there is
    no ``malloc_trim`` (not glibc).
    """
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return
    trim(0)
