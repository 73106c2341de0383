"""All-or-nothing writes of a set of files.

Everything is rendered in memory first; then each file goes to a temporary file
in the same directory, is fsync'ed, and only when all of them are on disk are
they renamed over the originals. A failure before the renames leaves every
original byte-identical; renames within one directory do not fail in practice.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import tempfile
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


#: What ``open(path, "w")`` would create: 0666 less the process umask.
_FILE_MODE = 0o666 & ~_umask()


def write_files(contents: Mapping[Path, bytes]) -> list[Path]:
    """Write every file in ``contents`` atomically; returns the files whose bytes changed."""
    changed = [p for p, data in contents.items() if not p.exists() or p.read_bytes() != data]
    temps: list[tuple[Path, Path]] = []
    try:
        for path in changed:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            # mkstemp makes the file 0600; give it the mode a plain open() would have.
            os.fchmod(fd, _FILE_MODE)
            with os.fdopen(fd, "wb") as handle:
                handle.write(contents[path])
                handle.flush()
                os.fsync(handle.fileno())
            temps.append((Path(tmp_name), path))
    except BaseException:
        for tmp, _ in temps:
            tmp.unlink(missing_ok=True)
        raise
    for tmp, path in temps:
        os.replace(tmp, path)
    for directory in {path.parent for path in changed}:
        _fsync_dir(directory)
    return changed


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


#: The directories this thread holds the lock of (see :func:`locked`).
_held = threading.local()


@contextlib.contextmanager
def locked(directory: Path) -> Iterator[None]:
    """An exclusive advisory lock on ``directory`` itself, so two writers cannot interleave.

    Locking the directory's own descriptor leaves no lock file behind to clean up
    or to end up in a wheel. Re-entrant within a thread: ``dckg add`` holds the
    knowledge graph's lock from writing the new source file until its rebuild ends,
    and the rebuild takes the same lock (a second ``flock`` on a new descriptor would
    wait for the first forever). Other threads and processes wait.
    """
    key = os.path.realpath(directory)
    held: set[str] = _held.__dict__.setdefault("directories", set())
    if key in held:
        yield
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        held.add(key)
        yield
    finally:
        held.discard(key)
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
