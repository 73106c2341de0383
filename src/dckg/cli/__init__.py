"""The ``dckg`` command line: a thin click layer over the library functions.

Exit codes: 0 success; 1 "does not conform / a required result is missing";
2 usage or input error, with a one-line message on stderr and no traceback.
"""

from __future__ import annotations

import logging
from typing import Any

import click

from dckg import __version__
from dckg.cli import extras, graph, query
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


for command in (
    graph.build,
    graph.check_owl,
    graph.validate,
    graph.add,
    query.list_queries,
    query.query,
    query.serve,
    query.push,
    extras.bench,
    extras.plot,
    extras.docs,
):
    main.add_command(command)
