"""What reaches the terminal: article text is data, never control sequences.

Articles can hold escape sequences (OSC 52 writes the clipboard, OSC 8 forges links, OSC 0 sets
the window title) and file names can hold newlines (which would forge an ``error:`` line). Every
line kg prints goes through :func:`printable` (text) or :func:`one_line` (messages), which show
such characters as visible escapes instead of sending them.
"""

from __future__ import annotations

import re
import sys

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
"""C0 controls but tab and newline, DEL, C1 controls (a lone 0x9b is a CSI), line/paragraph separators."""
_CONTROL_OR_NEWLINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every control character but tab and newline shown as ``\\xNN``."""
    return _CONTROL.sub(_escape, text)


def one_line(text: str) -> str:
    """``text`` as one line: newlines and every other control character shown as ``\\xNN``."""
    return _CONTROL_OR_NEWLINE.sub(_escape, text)


def is_terminal(stream=None) -> bool:
    stream = stream or sys.stdout
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def echo(text: str, *, err: bool = False) -> None:
    """Print ``text`` (a line or a block) with its control characters made visible."""
    import typer

    typer.echo(printable(text), err=err)


def error(message: str) -> None:
    """Print one ``error:`` line on stderr."""
    import typer

    typer.echo(f"error: {one_line(message)}", err=True)


def warning(message: str) -> None:
    import typer

    typer.echo(f"warning: {one_line(message)}", err=True)
