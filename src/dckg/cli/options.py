"""Options several ``dckg`` commands share, defined once."""

from __future__ import annotations

from pathlib import Path

import click

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


ARTICLE_OPTION = click.option(
    "--article",
    "articles",
    multiple=True,
    type=click.Path(path_type=Path),
    help="The article's text: check every quote occurs in it (repeatable).",
)
