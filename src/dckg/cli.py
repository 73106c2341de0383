"""The ``dckg`` command line: a thin click layer over the library functions.

Exit codes: 0 success; 1 "does not conform / a required result is missing";
2 usage or input error, with a one-line message on stderr and no traceback.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

import click

from dckg import __version__
from dckg.errors import DckgError

EPILOG = """\b
Examples:
  dckg build                          merge kg/sources into kg/dckg.ttl and kg/dckg.trig
  dckg build --check                  exit 1 if the committed build is stale
  dckg queries                        list the named queries and their parameters
  dckg query survivors --at 2021-10-18 --format csv
  dckg query timeline --param channel=nato-information-office-moscow
  echo 'SELECT * WHERE { ?s ?p ?o } LIMIT 5' | dckg query -
  dckg check-owl kg/dckg.ttl          the "opens in Protégé" check (OWL API + HermiT)
"""

KG_OPTION = click.option(
    "--kg",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Knowledge-graph directory (default: ./kg, else the graph shipped with dckg).",
)


class DckgGroup(click.Group):
    """Turns library errors into the exit-code contract instead of tracebacks."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DckgError as exc:
            click.echo(f"dckg: {exc}", err=True)
            ctx.exit(exc.exit_code)


@click.group(cls=DckgGroup, epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="dckg")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def main(verbose: int) -> None:
    """dckg: diplomatic channels as a knowledge graph with a source on every statement."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


@main.command()
@KG_OPTION
@click.option("--check", is_flag=True, help="Do not write; exit 1 if the files on disk differ.")
@click.option("--infer", is_flag=True, help="Also write the OWL RL closure to dckg-inferred.ttl.")
def build(kg: Path | None, check: bool, infer: bool) -> None:
    """Merge the ontology, entities and article files into the built graph."""
    from dckg.build import build as run_build
    from dckg.layout import find_layout

    layout = find_layout(kg)
    result = run_build(layout, check=check, infer=infer)
    if check:
        click.echo(f"up to date: {result.triples} triples in {result.graphs} graphs")
        return
    written = ", ".join(str(p) for p in result.changed) or "nothing changed"
    click.echo(f"{result.triples} triples in {result.graphs} graphs; wrote: {written}")


@main.command("check-owl")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def check_owl(files: tuple[Path, ...]) -> None:
    """Check that Turtle files open cleanly in Protégé (OWL API, OWL 2 DL, HermiT)."""
    from dckg.owlcheck import check_owl as run_check

    reports = run_check(list(files))
    for report in reports:
        click.echo(report.summary())
    if not all(r.ok for r in reports):
        sys.exit(1)


@main.command("queries")
def list_queries() -> None:
    """List the named queries with their descriptions and parameters."""
    from dckg.queries import library

    for query in library().values():
        params = ", ".join(p.describe() for p in query.params)
        click.echo(f"{query.name}\n    {query.description}")
        if params:
            click.echo(f"    parameters: {params}")


@main.command()
@click.argument("spec", metavar="QUERY")
@KG_OPTION
@click.option(
    "--param",
    "-p",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="Bind a parameter (repeatable).",
)
@click.option("--at", "at", metavar="DATE", help="Shorthand for the query's date parameter.")
@click.option(
    "--format",
    "-f",
    "fmt",
    default=None,
    help="table|csv|tsv|json|xml|markdown; turtle|trig|nt for graphs.",
)
@click.option(
    "--engine", type=click.Choice(["oxigraph", "rdflib"]), default="oxigraph", show_default=True
)
@click.option(
    "--allow-service", is_flag=True, help="Allow SERVICE (federated queries reach the network)."
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to FILE instead of stdout.",
)
def query(
    spec: str,
    kg: Path | None,
    params: tuple[str, ...],
    at: str | None,
    fmt: str | None,
    engine: str,
    allow_service: bool,
    output: Path | None,
) -> None:
    """Run a named query, a .rq file, or - (standard input), read-only."""
    from dckg.run import run_query

    stdin_text = sys.stdin.read() if spec == "-" else None
    if fmt is None and output is None and not sys.stdout.isatty():
        fmt = "csv"
    text, boolean = run_query(
        spec,
        layout_dir=kg,
        params=params,
        at=at,
        fmt=fmt,
        engine=engine,
        allow_service=allow_service,
        stdin_text=stdin_text,
    )
    if output is not None:
        output.write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)
    if boolean is False:
        sys.exit(1)
