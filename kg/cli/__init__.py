"""The ``kg`` command line: a thin shell over ``kg.pipeline``, ``kg.store.queries`` and friends.

Each command module registers its commands on ``app``. :func:`main` is the one place that turns
failures into what a user reads: an error a user can act on (``kg.errors.KgError``), a usage
mistake, an operating-system error on a path, or an interrupt each become one line on stderr and
a non-zero exit status, never a traceback. Anything else is a bug in kg and says so, in one line
(``KG_TRACEBACK=1`` shows the traceback).
"""

from __future__ import annotations

import os
import sys
from typing import Annotated, Optional

import typer

from kg.cli.terminal import error
from kg.errors import KgError

app = typer.Typer(
    name="kg",
    help="Knowledge graph of US-Russian space cooperation, built from news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_ERROR = 1
"""A command failed (bad input, missing graph, bad query...)."""
EXIT_USAGE = 2
"""The command line itself is wrong (unknown command or option, bad value)."""
EXIT_BUG = 70
"""An error kg did not expect: a bug (EX_SOFTWARE)."""
EXIT_INTERRUPTED = 130


def _version(value: bool) -> None:
    if value:
        from kg import __version__

        typer.echo(f"kg {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help="Print kg's version and exit.")] = None,
) -> None:
    """Knowledge graph of US-Russian space cooperation, built from news articles."""


from kg.cli import build as _build  # noqa: E402,F401  (registers commands)
from kg.cli import query as _query  # noqa: E402,F401
from kg.cli import analyze as _analyze  # noqa: E402,F401
from kg.cli import viz as _viz  # noqa: E402,F401
from kg.cli import explore as _explore  # noqa: E402,F401
from kg.cli import serve as _serve  # noqa: E402,F401
from kg.cli import push as _push  # noqa: E402,F401


def _is_click_error(exc: BaseException) -> bool:
    """A usage error raised by click, or by the copy of click that typer >= 0.29 bundles."""
    return any(cls.__name__ == "ClickException" for cls in type(exc).__mro__)


def _usage_line(exc: BaseException) -> str:
    ctx = getattr(exc, "ctx", None)
    command = getattr(ctx, "command_path", "kg") if ctx is not None else "kg"
    if type(exc).__name__ == "NoArgsIsHelpError":
        return f"{command} needs a command or argument (see '{command} --help')"
    return f"{exc.format_message()} (see '{command} --help')"


def _os_error_line(exc: OSError) -> str:
    where = exc.filename if exc.filename is not None else ""
    what = exc.strerror or str(exc)
    return f"{where}: {what} (check the path and its permissions)" if where else f"{what} (check the paths given and their permissions)"


def main() -> None:
    """Entry point: run the app; every failure becomes one line and a non-zero exit status."""
    try:
        code = app(standalone_mode=False, prog_name="kg")
    except KgError as exc:
        error(str(exc))
        sys.exit(EXIT_ERROR)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        error("interrupted; files kg writes are replaced whole, so nothing was left half-written")
        sys.exit(EXIT_INTERRUPTED)
    except OSError as exc:
        error(_os_error_line(exc))
        sys.exit(EXIT_ERROR)
    except Exception as exc:
        if _is_click_error(exc):  # typer has printed the help already for NoArgsIsHelpError
            error(_usage_line(exc))
            sys.exit(getattr(exc, "exit_code", EXIT_USAGE) or EXIT_USAGE)
        if type(exc).__name__ == "Abort":
            error("interrupted")
            sys.exit(EXIT_INTERRUPTED)
        if os.environ.get("KG_TRACEBACK"):
            raise
        error(f"unexpected {type(exc).__name__}: {exc}; this is a bug in kg, please report it with the command you ran (KG_TRACEBACK=1 shows the traceback)")
        sys.exit(EXIT_BUG)
    sys.exit(code if isinstance(code, int) else 0)
