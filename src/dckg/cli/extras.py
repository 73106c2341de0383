"""``dckg bench``, ``plot`` and ``docs``: the optional features."""

from __future__ import annotations

import importlib
from pathlib import Path

import click

from dckg.cli.options import ENGINE_OPTION, KG_OPTION, repeatable
from dckg.errors import DckgError


def require_extra(extra: str, *modules: str) -> None:
    """A one-line usage error (exit 2) naming the extra to install if a module is missing."""
    for module in modules:
        try:
            importlib.import_module(module)
        except ImportError:
            raise DckgError(
                f"this command needs the {extra!r} extra ({module} is not installed): "
                f"pip install 'dckg[{extra}]'"
            ) from None


@click.group()
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
    from dckg.bench.measure import run_benchmark

    for line in run_benchmark(
        triples,
        work=work,
        rdflib_timeout=rdflib_timeout,
        rdflib_parse_timeout=rdflib_parse_timeout,
        rdflib_max_triples=rdflib_max_triples,
        repeat=repeat,
    ):
        click.echo(line)


@bench.command("cold-start")
@KG_OPTION
@click.option("--query", "name", default="survivors", show_default=True, help="A named query.")
@click.option("--at", default="2021-10-18", show_default=True, help="Its date parameter.")
@click.option("--runs", "-n", type=int, default=10, show_default=True, help="Runs of each.")
def bench_cold_start(kg: Path | None, name: str, at: str, runs: int) -> None:
    """Time `dckg query` from a cold process against bare Oxigraph (and click); JSON last."""
    from dckg.bench.coldstart import run_cold_start
    from dckg.layout import find_layout

    for line in run_cold_start(find_layout(kg), name, at, runs):
        click.echo(line)


@click.group()
def plot() -> None:
    """Draw the graph: channel statuses over time, or the channel network at dates."""
    require_extra("plot", "matplotlib", "networkx")


PLOT_OUTPUT = click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="FILE.svg (with source tooltips) or FILE.png.",
)


@plot.command("timeline")
@KG_OPTION
@repeatable("--channel", "channels", metavar="CHANNEL", help="Only this channel (repeatable).")
@click.option("--from", "start", metavar="DATE", help="Start of the window (YYYY[-MM[-DD]]).")
@click.option("--to", "end", metavar="DATE", help="End of the window, inclusive.")
@repeatable("--mark", "marks", metavar="DATE", help="Dashed line at DATE.")
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
@repeatable(
    "--at",
    "dates",
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


@click.command()
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
    require_extra("docs", "pylode", "dominate")
    from dckg.docs.site import write_docs
    from dckg.layout import find_layout

    summary = write_docs(find_layout(kg), output, engine=engine)
    click.echo(
        f"wrote {summary.directory}/index.html: {summary.pages} pages ({summary.changed} changed)"
    )
