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
  dckg plot timeline --mark 2021-10-18 -o timeline.svg   statuses over time, sources on hover
  dckg plot network --at 2021-10-01 --at 2021-11-01 -o break.png
  dckg docs -o site                   HTML docs: ontology (pyLODE) and every named query
  dckg validate new.ttl --article ../shared/articles/005_x.txt
  dckg add new.ttl                    validate, then add to kg/sources and rebuild
"""

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
@click.option(
    "--reasoner",
    type=click.Choice(["owlrl", "reasonable"]),
    default="owlrl",
    show_default=True,
    help="OWL RL reasoner for --infer (reasonable: Rust, much faster on big graphs).",
)
def build(kg: Path | None, check: bool, infer: bool, reasoner: str) -> None:
    """Merge the ontology, entities and article files into the built graph (and kg/store)."""
    from dckg.build import build as run_build
    from dckg.layout import find_layout

    layout = find_layout(kg)
    result = run_build(layout, check=check, infer=infer, reasoner=reasoner)
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


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@KG_OPTION
@click.option(
    "--article",
    "articles",
    multiple=True,
    type=click.Path(path_type=Path),
    help="The article's text: check every quote occurs in it (repeatable).",
)
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["text", "json", "turtle"]),
    default="text",
    show_default=True,
)
def validate(
    files: tuple[Path, ...], kg: Path | None, articles: tuple[Path, ...], fmt: str
) -> None:
    """Validate new article files with the existing graph (exit 1 on a violation)."""
    from dckg.layout import find_layout
    from dckg.report import render
    from dckg.validate import validate_files

    report = validate_files(list(files), find_layout(kg), list(articles))
    click.echo(render(report, fmt), nl=False)
    if not report.conforms:
        sys.exit(1)


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@KG_OPTION
@click.option(
    "--article",
    "articles",
    multiple=True,
    type=click.Path(path_type=Path),
    help="The article's text: check every quote occurs in it (repeatable).",
)
@click.option("--replace", is_flag=True, help="Replace kg/sources/NAME if it differs.")
def add(file: Path, kg: Path | None, articles: tuple[Path, ...], replace: bool) -> None:
    """Validate FILE; if it conforms, add it to kg/sources and rebuild kg/ (all or nothing)."""
    from dckg.add import add_file
    from dckg.layout import find_layout

    if kg is None and not (Path.cwd() / "kg" / "sources").is_dir():
        # find_layout would fall back to the graph shipped inside the package
        raise DckgError("no ./kg/sources here: run from the repository or pass --kg DIR")
    result = add_file(file, find_layout(kg), article=list(articles), replace=replace)
    if result.report is not None:
        for line in result.report.sorted_results():
            click.echo(line.line())
    if result.status == "unchanged":
        click.echo(f"{file}: already in the graph as {result.target}; nothing changed")
    else:
        changed = len(result.build.changed) if result.build is not None else 0
        click.echo(f"{result.status} {result.target}; rebuilt kg/ ({changed} file(s) changed)")


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
    fmt: str | None,
    engine: str,
    allow_service: bool,
    endpoint: str | None,
    output: Path | None,
) -> None:
    """Run a named query, a .rq file, or - (standard input), read-only."""
    from dckg.run import run_query

    stdin_text = sys.stdin.read() if spec == "-" else None
    if fmt is None and output is not None:
        from dckg.output import format_for_path

        fmt = format_for_path(str(output))
    elif fmt is None and not sys.stdout.isatty():
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
        endpoint=endpoint,
    )
    if output is not None:
        from dckg.atomic import write_files

        write_files({output: text.encode("utf-8")})
    else:
        click.echo(text, nl=False)
    if boolean is False:
        sys.exit(1)


@main.command()
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
    from dckg.serve import serve as run_serve

    click.echo(f"SPARQL endpoint: http://{bind}/query (Ctrl-C to stop)", err=True)
    sys.exit(run_serve(find_layout(kg), bind))


@main.command()
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
    from dckg.remote import push as run_push

    names = run_push(find_layout(kg).trig, endpoint)
    click.echo(f"pushed {len(names)} graphs to {endpoint}")


@main.group()
def bench() -> None:
    """Synthetic corpora and the scale benchmark (see BENCHMARKS.md)."""


@bench.command("generate")
@click.option("--triples", "-n", type=int, required=True, help="About how many triples.")
@click.option(
    "-o",
    "--output",
    "out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="A new directory (a kg/ layout: entities.ttl, sources/, articles/).",
)
@click.option("--seed", type=int, default=1, show_default=True)
def bench_generate(triples: int, out: Path, seed: int) -> None:
    """Write a synthetic corpus in the ontology's shape."""
    from dckg.bench.generate import generate

    result = generate(triples, out, seed=seed)
    click.echo(f"wrote {result.files} article files, {result.triples} triples, to {out}")


@bench.command("run")
@click.option("--triples", "-n", type=int, required=True, help="Corpus size.")
@click.option(
    "--dir",
    "work",
    type=click.Path(file_okay=False, path_type=Path),
    help="Keep the corpus and build here (default: a temporary directory).",
)
@click.option(
    "--rdflib-timeout",
    type=float,
    default=300.0,
    show_default=True,
    help="Seconds per rdflib baseline query before it is recorded as capped.",
)
@click.option(
    "--rdflib-parse-timeout",
    type=float,
    default=600.0,
    show_default=True,
    help="Seconds for rdflib to parse the TriG before its baseline is recorded as not run.",
)
@click.option(
    "--rdflib-max-triples",
    type=int,
    default=2_000_000,
    show_default=True,
    help="Skip the rdflib baseline above this size (reported as not run).",
)
@click.option("--repeat", type=int, default=3, show_default=True, help="Runs per query (best).")
def bench_run(
    triples: int,
    work: Path | None,
    rdflib_timeout: float,
    rdflib_parse_timeout: float,
    rdflib_max_triples: int,
    repeat: int,
) -> None:
    """Measure build, queries and validation against bare Oxigraph and rdflib; JSON last."""
    from dckg.bench.run import run_benchmark

    for line in run_benchmark(
        triples,
        work=work,
        rdflib_timeout=rdflib_timeout,
        rdflib_parse_timeout=rdflib_parse_timeout,
        rdflib_max_triples=rdflib_max_triples,
        repeat=repeat,
    ):
        click.echo(line)


@main.group()
def plot() -> None:
    """Draw the graph: channel statuses over time, or the channel network at dates."""


PLOT_OUTPUT = click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="FILE.svg (with source tooltips) or FILE.png.",
)


@plot.command("timeline")
@KG_OPTION
@click.option(
    "--channel",
    "channels",
    multiple=True,
    metavar="CHANNEL",
    help="Only this channel (repeatable).",
)
@click.option("--from", "start", metavar="DATE", help="Start of the window (YYYY[-MM[-DD]]).")
@click.option("--to", "end", metavar="DATE", help="End of the window, inclusive.")
@click.option("--mark", "marks", multiple=True, metavar="DATE", help="Dashed line at DATE.")
@ENGINE_OPTION
@PLOT_OUTPUT
def plot_timeline(
    kg: Path | None,
    channels: tuple[str, ...],
    start: str | None,
    end: str | None,
    marks: tuple[str, ...],
    engine: str,
    output: Path,
) -> None:
    """One row per channel: statuses as coloured bands, events as markers."""
    from dckg.layout import find_layout
    from dckg.plot.save import check_output
    from dckg.plot.timeline import plot_timeline as draw

    check_output(output)  # before looking for the graph: a bad -o is the first thing to fix
    summary = draw(
        find_layout(kg),
        output,
        channels=channels,
        start=start,
        end=end,
        marks=marks,
        engine=engine,
    )
    click.echo(
        f"wrote {summary.path}: {summary.channels} channels, "
        f"{summary.bands} status bands, {summary.events} events"
    )


@plot.command("network")
@KG_OPTION
@click.option(
    "--at",
    "dates",
    multiple=True,
    required=True,
    metavar="DATE",
    help="A date to show (repeat for panels side by side).",
)
@ENGINE_OPTION
@PLOT_OUTPUT
def plot_network(kg: Path | None, dates: tuple[str, ...], engine: str, output: Path) -> None:
    """Actors as nodes, channels as edges coloured by their status at each date."""
    from dckg.layout import find_layout
    from dckg.plot.network import plot_network as draw
    from dckg.plot.save import check_output

    check_output(output)
    summary = draw(find_layout(kg), output, dates, engine=engine)
    click.echo(
        f"wrote {summary.path}: {summary.actors} actors, {summary.channels} channels "
        f"at {', '.join(summary.dates)}"
    )


@main.command()
@KG_OPTION
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Directory to write index.html, ontology.html and queries/*.html into.",
)
@ENGINE_OPTION
def docs(kg: Path | None, output: Path, engine: str) -> None:
    """HTML documentation: the ontology (pyLODE) and every named query with its results."""
    from dckg.docs import write_docs
    from dckg.layout import find_layout

    summary = write_docs(find_layout(kg), output, engine=engine)
    click.echo(
        f"wrote {summary.directory}/index.html: {summary.pages} pages ({summary.changed} changed)"
    )
