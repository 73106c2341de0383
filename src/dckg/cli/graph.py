"""``dckg build``, ``check-owl``, ``validate`` and ``add``: making and checking the graph."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from dckg.cli.options import ARTICLE_OPTION, KG_OPTION
from dckg.errors import DckgError


@click.command()
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
    from dckg.curate.build import build as run_build
    from dckg.layout import find_layout

    layout = find_layout(kg)
    result = run_build(layout, check=check, infer=infer, reasoner=reasoner)
    if check:
        click.echo(f"up to date: {result.triples} triples in {result.graphs} graphs")
        return
    written = ", ".join(str(p) for p in result.changed) or "nothing changed"
    click.echo(f"{result.triples} triples in {result.graphs} graphs; wrote: {written}")


@click.command("check-owl")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--imports/--no-imports",
    default=True,
    show_default=True,
    help="Merge the pinned W3C vocabularies (ontology/imports) before reasoning.",
)
@click.option(
    "--query",
    "queries",
    multiple=True,
    metavar="EXPR",
    help="Also list the instances of a Manchester-syntax class expression (DL query).",
)
@click.option(
    "--verbose", "-v", is_flag=True, help="Also say what the merge leaves out of the W3C files."
)
def check_owl(
    files: tuple[Path, ...], imports: bool, queries: tuple[str, ...], verbose: bool
) -> None:
    """Check that Turtle files open cleanly in Protégé (OWL API, OWL 2 DL, HermiT).

    Exit 1 on a parse error, a dropped triple, an OWL 2 DL violation, or, over the
    file merged with the W3C imports, an inconsistency, an unsatisfiable class or an
    owl:sameAs inferred between two named individuals.
    """
    from dckg.checks.owl import check_owl as run_check

    reports = run_check(list(files), imports=None if imports else (), queries=queries)
    for report in reports:
        click.echo(report.summary())
        for answer in report.queries:
            if answer.error is not None:
                click.echo(f"  query {answer.expression}: no answer: {answer.error}")
                continue
            click.echo(f"  query {answer.expression}: {len(answer.instances)} instance(s)")
            click.echo("".join(f"    {i}\n" for i in answer.instances), nl=False)
    # The same for every file: what the W3C files hold that the merge leaves out.
    for note in dict.fromkeys(n for r in reports for n in r.import_notes) if verbose else ():
        click.echo(f"imports: {note}")
    if not all(r.ok for r in reports):
        sys.exit(1)


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@KG_OPTION
@ARTICLE_OPTION
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["text", "json", "turtle"]),
    default="text",
    show_default=True,
)
@click.option(
    "--owl-gate",
    type=click.Choice(["auto", "on", "off"]),
    default=None,
    help="HermiT on ontology + graph + W3C imports + FILES: auto runs it when Java is"
    " installed; on requires it. Default: $DCKG_OWL_GATE, else auto.",
)
def validate(
    files: tuple[Path, ...],
    kg: Path | None,
    articles: tuple[Path, ...],
    fmt: str,
    owl_gate: str | None,
) -> None:
    """Validate new article files with the existing graph (exit 1 on a violation)."""
    from dckg.layout import find_layout
    from dckg.validation.report import render
    from dckg.validation.validate import validate_files

    report = validate_files(list(files), find_layout(kg), list(articles), owl_gate=owl_gate)
    click.echo(render(report, fmt), nl=False)
    if not report.conforms:
        sys.exit(1)


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
@KG_OPTION
@ARTICLE_OPTION
@click.option("--replace", is_flag=True, help="Replace kg/sources/NAME if it differs.")
def add(file: Path, kg: Path | None, articles: tuple[Path, ...], replace: bool) -> None:
    """Validate FILE; if it conforms, add it to kg/sources and rebuild kg/ (all or nothing)."""
    from dckg.curate.add import add_file
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
