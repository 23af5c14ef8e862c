"""The ``kg`` command line: a thin shell over ``kg.pipeline``, ``kg.queries`` and friends.

Each command module registers its commands on ``app``; errors a user can act on
(``kg.errors.KgError``) become one line on stderr and exit status 1, never a traceback.
"""

from __future__ import annotations

import sys

import typer

from kg.errors import KgError

app = typer.Typer(
    name="kg",
    help="Knowledge graph of US-Russian space cooperation, built from news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

from kg.cli import build as _build  # noqa: E402,F401  (registers commands)
from kg.cli import query as _query  # noqa: E402,F401
from kg.cli import analyze as _analyze  # noqa: E402,F401
from kg.cli import viz as _viz  # noqa: E402,F401
from kg.cli import explore as _explore  # noqa: E402,F401


def main() -> None:
    """Entry point: run the app, turning KgError into one line and a non-zero exit."""
    try:
        code = app(standalone_mode=False)
    except KgError as exc:
        typer.echo(f"error: {exc}", err=True)
        sys.exit(1)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        typer.echo("aborted", err=True)
        sys.exit(130)
    except Exception as exc:  # click usage errors
        import click

        if isinstance(exc, click.ClickException):
            exc.show()
            sys.exit(exc.exit_code)
        raise
    sys.exit(code if isinstance(code, int) else 0)
