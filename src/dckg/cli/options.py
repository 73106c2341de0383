"""Options several ``dckg`` commands share, defined once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click


def repeatable(*decls: str, **attrs: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """An option that may be given several times; its values arrive as a tuple."""
    return click.option(*decls, multiple=True, **attrs)


KG_OPTION = click.option(
    "--kg",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Knowledge-graph directory (default: ./kg, else the graph shipped with dckg).",
)


ENGINE_OPTION = click.option(
    "--engine",
    type=click.Choice(["oxigraph", "rdflib"]),
    default="oxigraph",
    show_default=True,
    help="Query engine: Oxigraph (the built store) or rdflib in memory.",
)


ARTICLE_OPTION = repeatable(
    "--article",
    "articles",
    type=click.Path(path_type=Path),
    help="The article's text: check every quote occurs in it (repeatable).",
)
