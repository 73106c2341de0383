"""Running a query end to end: resolve, bind, inspect, execute, render.

On the default engine (Oxigraph, the built store) nothing here imports rdflib or
pySHACL, so ``dckg query`` starts fast: the query is screened by a lexer
(:func:`dckg.query.sparql.screen_query`) and Oxigraph writes the results.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from dckg.errors import DckgError
from dckg.layout import find_layout
from dckg.query.engine import Engine, open_engine
from dckg.query.library import bindings, load
from dckg.query.results import render
from dckg.query.sparql import inspect_query, screen_query


def parse_params(params: Sequence[str]) -> dict[str, str]:
    """``name=value`` pairs; a malformed one is a usage error."""
    given: dict[str, str] = {}
    for item in params:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise DckgError(f"--param {item!r}: use NAME=VALUE")
        given[name.strip()] = value
    return given


def run_query(
    spec: str,
    *,
    layout_dir: Path | None = None,
    params: Sequence[str] = (),
    at: str | None = None,
    mode: str | None = None,
    fmt: str | None = None,
    engine: str = "oxigraph",
    allow_service: bool = False,
    stdin_text: str | None = None,
    endpoint: str | None = None,
) -> tuple[str, bool | None]:
    """The rendered result of a query, and the ASK answer if it was an ASK.

    ``at`` stands for the query's date parameter, ``mode`` (``certain`` or
    ``possible``) for the ``choice`` parameter that allows it; ``params`` win.
    """
    named = load(spec, stdin_text)
    given = parse_params(params)
    if at is not None:
        date_param = named.date_param()
        if date_param is None:
            raise DckgError(f"query {named.name!r} takes no date parameter (--at)")
        given.setdefault(date_param, at)
    if mode is not None:
        mode_param = named.choice_param(mode)
        if mode_param is None:
            raise DckgError(f"query {named.name!r} takes no --{mode}")
        given.setdefault(mode_param, mode)
    bound = bindings(named, given)
    if endpoint is None and engine == "oxigraph":
        # Oxigraph parses the query itself and refuses Update; the screen sends
        # whatever may have to be refused (SERVICE, FROM) to rdflib's parser.
        form = screen_query(named.text, allow_service=allow_service)
    else:
        form = inspect_query(named.text, allow_service=allow_service)
    if endpoint is not None:
        from dckg.query.remote import RemoteEngine

        runner: Engine = RemoteEngine(endpoint)
    else:
        runner = open_engine(engine, find_layout(layout_dir))
    result = runner.run(named.text, bound, form)
    return render(result, fmt), result.boolean
