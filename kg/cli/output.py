"""Printing rows as a table, JSON or CSV (the output formats of every query command).

A table fits the terminal it is printed on (long cells fold); printed to a pipe or a file it is
as wide as its longest row, never cut. Cell text is shown as it is: rich markup in an article
(``[bold]``, ``[sic]``) is text, not markup.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from enum import Enum

from kg.cli.terminal import echo, is_terminal, printable


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


def render(rows: list[dict[str, str]], fmt: Format, columns: list[str] | None = None) -> str:
    columns = columns or (list(rows[0]) if rows else [])
    if fmt is Format.json:
        return json.dumps(rows, ensure_ascii=False, indent=2)
    if fmt is Format.csv:
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return buf.getvalue().rstrip("\n")
    return _table(rows, columns, width=shutil.get_terminal_size().columns if is_terminal() else None)


def show(text: str, fmt: Format) -> None:
    """Print a rendered result: a table as text with its control characters made visible; JSON and
    CSV likewise on a terminal, and byte for byte into a pipe or a file (they are data there)."""
    if fmt is Format.table or is_terminal():
        echo(text)
    else:
        import typer

        typer.echo(text)


def _table(rows: list[dict[str, str]], columns: list[str], *, width: int | None) -> str:
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, show_lines=False, header_style="bold")
    for c in columns:
        table.add_column(c, overflow="fold")
    for row in rows:
        table.add_row(*(Text(printable(row.get(c, ""))) for c in columns))
    if width is None:  # as wide as the widest row: nothing folded or cut
        width = max(40, sum(max((len(str(row.get(c, ""))) for row in rows), default=0) + len(c) + 3 for c in columns) + 4)
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    console.print(table)
    console.print(f"{len(rows)} row{'s' if len(rows) != 1 else ''}")
    return "\n".join(line.rstrip() for line in console.export_text().rstrip("\n").splitlines())
