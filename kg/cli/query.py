"""``kg query`` and ``kg sparql``: named competency queries and ad hoc SPARQL."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli import app
from kg.cli.output import Format, render
from kg.errors import QueryError

GraphOption = Annotated[Path, typer.Option("--graph", "-g", help="Build folder (or .trig file) to query.")]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]


def parse_params(values: list[str]) -> dict[str, str]:
    params = {}
    for value in values:
        name, sep, val = value.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"--param {value!r}: write it as NAME=VALUE, e.g. --param person=\"Sean Duffy\"")
        params[name.strip()] = val
    return params


@app.command()
def query(
    name: Annotated[str, typer.Argument(help="Query name; `kg query --list` shows them.")] = "",
    graph: GraphOption = Path("out"),
    fmt: FormatOption = Format.table,
    param: Annotated[list[str], typer.Option("--param", "-p", help="NAME=VALUE, bound safely.")] = [],
    list_: Annotated[bool, typer.Option("--list", help="List the named queries.")] = False,
) -> None:
    """Run a named competency query.

    Examples:\n
      kg query positions\n
      kg query quotes --format json\n
      kg query positions --param person="Sean Duffy" --format csv
    """
    from kg.queries import named_queries, run_named
    from kg.store import load_dataset

    if list_ or not name:
        for q in named_queries().values():
            params = f"  [params: {', '.join(q.parameters)}]" if q.parameters else ""
            typer.echo(f"{q.name:16} {q.question}{params}")
        return
    rows = run_named(load_dataset(graph), name, parse_params(param))
    typer.echo(render(rows, fmt))


@app.command()
def sparql(
    query_or_file: Annotated[str, typer.Argument(help="SPARQL SELECT text, or the path of a .rq file.")],
    graph: GraphOption = Path("out"),
    fmt: FormatOption = Format.table,
) -> None:
    """Run an ad hoc SPARQL SELECT query over the built graph (named graphs included).

    Example:\n
      kg sparql 'PREFIX kgo: <https://w3id.org/usru-space/ontology#> SELECT ?s WHERE { GRAPH ?g { ?s a kgo:Person } }'
    """
    from kg.queries import read_query_text, run_sparql
    from kg.store import load_dataset

    rows = run_sparql(load_dataset(graph), read_query_text(query_or_file))
    typer.echo(render(rows, fmt))
