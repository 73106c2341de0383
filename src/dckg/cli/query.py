"""``dckg queries``, ``query``, ``serve`` and ``push``: asking the graph."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from dckg.cli.options import ENGINE_OPTION, KG_OPTION, repeatable


@click.command("queries")
def list_queries() -> None:
    """List the named queries with their descriptions and parameters."""
    from dckg.query.library import library

    for query in library().values():
        params = ", ".join(p.describe() for p in query.params)
        click.echo(f"{query.name}\n    {query.description}")
        if params:
            click.echo(f"    parameters: {params}")


@click.command()
@click.argument("spec", metavar="QUERY")
@KG_OPTION
@repeatable("--param", "-p", "params", metavar="NAME=VALUE", help="Bind a parameter (repeatable).")
@click.option("--at", "at", metavar="DATE", help="Shorthand for the query's date parameter.")
@click.option(
    "--certain/--possible",
    "certain",
    default=None,
    help="What certainly (the default) or possibly held at --at (status-at, survivors).",
)
@click.option(
    "--format",
    "-f",
    "fmt",
    default=None,
    help="table|csv|tsv|json|xml|markdown; turtle|trig|nt for graphs.",
)
@ENGINE_OPTION
@click.option(
    "--allow-service", is_flag=True, help="Allow SERVICE (federated queries reach the network)."
)
@click.option(
    "--endpoint",
    metavar="URL",
    help="Run on a SPARQL 1.1 endpoint (e.g. http://127.0.0.1:7878/query) instead of kg/.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to FILE (atomically) instead of stdout; its extension sets the format.",
)
def query(
    spec: str,
    kg: Path | None,
    params: tuple[str, ...],
    at: str | None,
    certain: bool | None,
    fmt: str | None,
    engine: str,
    allow_service: bool,
    endpoint: str | None,
    output: Path | None,
) -> None:
    """Run a named query, a .rq file, or - (standard input), read-only."""
    from dckg.query.execute import run_query

    stdin_text = sys.stdin.read() if spec == "-" else None
    if fmt is None and output is not None:
        from dckg.query.results import format_for_path

        fmt = format_for_path(str(output))
    elif fmt is None and not sys.stdout.isatty():
        fmt = "csv"
    text, boolean = run_query(
        spec,
        layout_dir=kg,
        params=params,
        at=at,
        mode=None if certain is None else ("certain" if certain else "possible"),
        fmt=fmt,
        engine=engine,
        allow_service=allow_service,
        stdin_text=stdin_text,
        endpoint=endpoint,
    )
    if output is not None:
        from dckg.atomic import write_files

        write_files({output: text.encode("utf-8")})
    else:
        click.echo(text, nl=False)
    if boolean is False:
        sys.exit(1)


@click.command()
@KG_OPTION
@click.option(
    "--bind",
    default="127.0.0.1:7878",
    show_default=True,
    metavar="HOST:PORT",
    help="Where to listen (0.0.0.0:PORT opens it to the network).",
)
def serve(kg: Path | None, bind: str) -> None:
    """Serve kg/store as a read-only SPARQL 1.1 endpoint (Oxigraph's server): /query, /store."""
    from dckg.layout import find_layout
    from dckg.serve.server import serve as run_serve

    click.echo(f"SPARQL endpoint: http://{bind}/query (Ctrl-C to stop)", err=True)
    sys.exit(run_serve(find_layout(kg), bind))


@click.command()
@KG_OPTION
@click.option(
    "--endpoint",
    required=True,
    metavar="URL",
    help="Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store.",
)
def push(kg: Path | None, endpoint: str) -> None:
    """PUT every named graph of the built TriG to a Graph Store Protocol endpoint."""
    from dckg.layout import find_layout
    from dckg.serve.push import push as run_push

    names = run_push(find_layout(kg).trig, endpoint)
    click.echo(f"pushed {len(names)} graphs to {endpoint}")
