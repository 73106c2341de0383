"""``dckg add``: validate an article file, then put it in ``kg/sources`` and rebuild.

All or nothing, under the build's exclusive lock on ``kg/`` (re-entrant in one thread,
:func:`dckg.atomic.locked`), so no other add or build can interleave:

1. validate the file against the existing graph (nothing is written yet);
2. write it to ``kg/sources/NAME`` atomically;
3. rebuild ``kg/`` with :func:`dckg.curate.build.build` (all outputs or none);
4. if step 3 fails for any reason, put ``kg/sources/NAME`` back as it was.

So a refused file, a failing build or an interrupted write leaves ``kg/`` byte-identical.
A file whose bytes are already in ``kg/sources`` changes nothing; a different file
under an existing name is refused unless ``replace`` is set; a file already in
``kg/sources`` (a curator wrote it there) is validated and the graph rebuilt.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from dckg.atomic import locked, write_files
from dckg.errors import DckgError, NotConformingError
from dckg.graph.loading import read_text
from dckg.layout import Layout
from dckg.validation.report import ValidationReport, render_text

if TYPE_CHECKING:
    from dckg.curate.build import BuildResult


class RefusedError(NotConformingError):
    """The file does not conform: nothing was written (exit 1)."""

    def __init__(self, report: ValidationReport) -> None:
        self.report = report
        super().__init__(
            render_text(report).rstrip("\n") + "\nrefused: nothing under kg/ was changed"
        )


@dataclass
class AddResult:
    """What ``dckg add`` did: ``added``, ``replaced``, ``built`` (the file was already in
    ``kg/sources`` but maybe not in the build) or ``unchanged``."""

    status: str
    target: Path
    report: ValidationReport | None = None
    build: BuildResult | None = None


def add_file(
    path: Path,
    layout: Layout,
    *,
    article: Path | Sequence[Path] | None = None,
    replace: bool = False,
) -> AddResult:
    """Validate ``path`` and, if it conforms, add it to ``layout`` and rebuild."""
    from dckg.curate.build import build
    from dckg.validation.validate import validate_files

    path = Path(path)
    read_text(path)  # missing, directory, empty, not UTF-8: exit 2 before anything else
    if path.suffix != ".ttl":
        raise DckgError(f"{path}: dckg add takes Turtle files (.ttl), as kg/sources holds")
    data = path.read_bytes()
    target = layout.sources_dir / path.name
    layout.sources_dir.mkdir(parents=True, exist_ok=True)

    # The build's own lock, held from the check for an existing file to the end of
    # the rebuild: a `dckg build` started meanwhile waits, so it never builds a file
    # that a failed rebuild then takes back out.
    with locked(layout.root):
        if target.exists() and target.resolve() == path.resolve():
            # Already in place (a curator wrote it there): validate it and rebuild.
            # The file was there before, so a failure leaves kg/ as it was.
            report = validate_files([path], layout, article)
            if not report.conforms:
                raise RefusedError(report)
            return AddResult("built", target, report, build(layout))
        for existing in layout.source_files():
            if existing.read_bytes() == data:
                return AddResult("unchanged", existing)
        previous = target.read_bytes() if target.exists() else None
        if previous is not None and not replace:
            raise DckgError(
                f"{target} already exists with different content; rename {path.name}, "
                "or pass --replace to replace it"
            )
        report = validate_files([path], layout, article)
        if not report.conforms:
            raise RefusedError(report)
        write_files({target: data})
        try:
            result = build(layout)
        except BaseException:
            _restore(target, previous)
            raise
    return AddResult("replaced" if previous is not None else "added", target, report, result)


def _restore(target: Path, previous: bytes | None) -> None:
    """Undo step 2: the source file as it was, or gone."""
    if previous is None:
        target.unlink(missing_ok=True)
    else:
        write_files({target: previous})
