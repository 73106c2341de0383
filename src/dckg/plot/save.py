"""Writing a figure: SVG or PNG chosen by the file's extension, same bytes every run.

Bytes are produced in memory (SVG with its tooltips added) and written with the
atomic writer, so a failed plot leaves the old file as it was. Determinism comes
from the fixed style (``style.RC_PARAMS``: a hash salt for ids, a bundled font)
and from leaving out what changes between runs: the date in the SVG metadata
and the software version in the PNG.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

from dckg.atomic import write_files
from dckg.errors import DckgError
from dckg.plot.style import drawing
from dckg.plot.svg import Note, annotate_svg

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FORMATS = (".svg", ".png")
PNG_DPI = 110


def check_output(path: Path) -> str:
    """The format for ``path`` (``svg`` or ``png``); anything else is a usage error."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise DckgError(f"-o {path}: the file name must end in .svg or .png")
    if path.exists() and path.is_dir():
        raise DckgError(f"-o {path}: is a directory")
    return suffix[1:]


def render(fig: Figure, fmt: str, notes: Mapping[str, Note]) -> bytes:
    """The figure's bytes in ``fmt``, tooltips and classes added to an SVG."""
    buffer = BytesIO()
    if fmt == "svg":
        fig.savefig(buffer, format="svg", metadata={"Date": None})
        return annotate_svg(buffer.getvalue(), notes)
    fig.savefig(buffer, format="png", dpi=PNG_DPI, metadata={"Software": None})
    return buffer.getvalue()


def save_drawing(path: Path, draw: Callable[[], tuple[Figure, Mapping[str, Note]]]) -> None:
    """Draw a figure in the fixed style and write it to ``path`` atomically, in the format
    its extension names."""
    with drawing():
        fig, notes = draw()
        write_files({path: render(fig, check_output(path), notes)})
