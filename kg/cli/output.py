"""Printing rows as a table, JSON or CSV (the output formats of every query command)."""

from __future__ import annotations

import csv
import io
import json
from enum import Enum


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
    return _table(rows, columns)


def _table(rows: list[dict[str, str]], columns: list[str]) -> str:
    from rich import box
    from rich.console import Console
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_lines=False, header_style="bold")
    for c in columns:
        table.add_column(c, overflow="fold")
    for row in rows:
        table.add_row(*(row.get(c, "") for c in columns))
    console = Console(width=160, record=True, file=io.StringIO())
    console.print(table)
    console.print(f"{len(rows)} row{'s' if len(rows) != 1 else ''}")
    return console.export_text().rstrip("\n")
