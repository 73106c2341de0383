"""The ``dckg`` command line: a thin click layer over the library functions.

Exit codes: 0 success; 1 "does not conform / a required result is missing";
2 usage or input error, with a one-line message on stderr and no traceback.
"""

from __future__ import annotations

import importlib
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


#: Each command and the module that defines it, imported only when it runs (click's
#: lazily loaded subcommands), so ``dckg query`` does not load the other commands.
COMMANDS: dict[str, str] = {
    "build": "dckg.cli.graph:build",
    "check-owl": "dckg.cli.graph:check_owl",
    "validate": "dckg.cli.graph:validate",
    "add": "dckg.cli.graph:add",
    "queries": "dckg.cli.query:list_queries",
    "query": "dckg.cli.query:query",
    "serve": "dckg.cli.query:serve",
    "push": "dckg.cli.query:push",
    "bench": "dckg.cli.extras:bench",
    "plot": "dckg.cli.extras:plot",
    "docs": "dckg.cli.extras:docs",
}


class DckgGroup(click.Group):
    """Loads commands lazily, and turns library errors into the exit-code contract
    instead of tracebacks."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, _, name = COMMANDS[cmd_name].partition(":")
        command = getattr(importlib.import_module(module), name)
        assert isinstance(command, click.Command)
        return command

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
    if verbose:  # otherwise warnings reach stderr through logging's last-resort handler
        import logging

        level = logging.WARNING - 10 * min(verbose, 2)
        logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
