"""``kg query`` and ``kg sparql``: named competency queries and ad hoc SPARQL."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.cli import app
from kg.cli.output import Format, render, show
from kg.cli.terminal import echo
from kg.errors import FederatedQueryRefused, QueryError

GraphOption = Annotated[Path, typer.Option("--graph", "-g", help="Build folder (or .trig file) to query.")]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]


class BackendChoice(str, Enum):
    auto = "auto"
    oxigraph = "oxigraph"
    memory = "memory"


class EntailmentChoice(str, Enum):
    rdfs = "rdfs"
    owl_rl = "owl-rl"


BackendOption = Annotated[
    BackendChoice,
    typer.Option("--backend", help="auto: the Oxigraph store OUT/store if there is one, else the TriG in memory (rdflib)."),
]
InferOption = Annotated[
    bool,
    typer.Option("--infer", help="Query a copy closed under the ontology, so ORG, schema.org and PROV-O terms answer too (slow on big graphs)."),
]
EntailmentOption = Annotated[EntailmentChoice, typer.Option("--entailment", help="The closure --infer computes.")]
EndpointOption = Annotated[
    Optional[str],
    typer.Option(
        "--endpoint",
        help="Query this SPARQL 1.1 endpoint instead of a build folder, e.g. http://127.0.0.1:7878/query "
        "(login from KG_ENDPOINT_TOKEN, or KG_ENDPOINT_USER and KG_ENDPOINT_PASSWORD).",
    ),
]


def _source(graph: Path, backend: "BackendChoice", endpoint: str | None):
    """The backend to query: the endpoint if one is given, else the build folder's."""
    if endpoint:
        from kg.store.endpoint import SparqlEndpointBackend

        return SparqlEndpointBackend(endpoint)
    from kg.store.backends import open_backend

    return open_backend(graph, backend=backend.value)


def parse_params(values: list[str]) -> dict[str, str]:
    params = {}
    for value in values:
        name, sep, val = value.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"--param {value!r}: write it as NAME=VALUE, e.g. --param person=\"Sean Duffy\"")
        if not val.strip():
            raise QueryError(f"--param {value!r}: give a value after '=', or leave the parameter out")
        if name.strip() in params:
            raise QueryError(f"--param {name.strip()} is given twice; give each parameter once")
        params[name.strip()] = val
    return params


@app.command()
def query(
    name: Annotated[str, typer.Argument(help="Query name; `kg query --list` shows them.")] = "",
    graph: GraphOption = Path("out"),
    fmt: FormatOption = Format.table,
    param: Annotated[list[str], typer.Option("--param", "-p", help="NAME=VALUE, bound safely (never pasted into the query).")] = [],
    list_: Annotated[bool, typer.Option("--list", help="List the named queries and their parameters.")] = False,
    infer: InferOption = False,
    entailment: EntailmentOption = EntailmentChoice.rdfs,
    backend: BackendOption = BackendChoice.auto,
    limit: Annotated[int | None, typer.Option("--limit", min=0, help="Show at most this many rows (one page, in the query's order).")] = None,
    offset: Annotated[int, typer.Option("--offset", min=0, help="Skip this many rows first (with --limit: the next page).")] = 0,
    endpoint: EndpointOption = None,
) -> None:
    """Run a named query, its parameters bound safely.

    Names (people, organizations, documents...) compare case-insensitively with labels; from, to and as_of take a year or an ISO date. evidence needs entity, cooperation needs a. No rows is not an error: the (empty) result goes to stdout, the reason to stderr, exit 0. A bad parameter (unknown name, malformed date, missing required one) exits 1.

    Examples:\n
      kg query positions\n
      kg query entities --limit 20 --offset 20\n
      kg query quotes --format json\n
      kg query positions --param person="Sean Duffy" --format csv\n
      kg query timeline --param from=1990 --param to=1999 --param type=Launch\n
      kg query cooperation --param a=NASA --param b=Roscosmos\n
      kg query officials --param organization=NASA --param as_of=2025\n
      kg query met --param person="Sean Duffy" --endpoint http://127.0.0.1:7878/query
    """
    from kg.store.queries import named_queries, run_query

    if list_ or not name:
        for q in named_queries().values():
            names = [f"{p} (required)" if p in q.required else p for p in q.parameters]
            params = f"  [params: {', '.join(names)}]" if names else ""
            echo(f"{q.name:16} {q.question}{params}")
        return
    params = parse_params(param)
    source = _source(graph, backend, endpoint)
    table = run_query(source, name, params, infer=entailment.value if infer else None, limit=limit, offset=offset)
    show(render(table.rows, fmt, list(table.columns)), fmt)
    if not table.rows and not offset:
        from kg.diagnose import explain_empty

        echo(explain_empty(source, name, params), err=True)


@app.command()
def sparql(
    query_or_file: Annotated[str, typer.Argument(help="SPARQL SELECT text, or the path of a .rq file.")],
    graph: GraphOption = Path("out"),
    fmt: FormatOption = Format.table,
    infer: InferOption = False,
    entailment: EntailmentOption = EntailmentChoice.rdfs,
    backend: BackendOption = BackendChoice.auto,
    timeout: Annotated[float, typer.Option("--timeout", min=0.001, help="Give the query up after this many seconds.")] = 60.0,
    allow_service: Annotated[bool, typer.Option("--allow-service", help="Let SERVICE clauses send requests to other endpoints (refused by default).")] = False,
    endpoint: EndpointOption = None,
) -> None:
    """Run an ad hoc SPARQL SELECT query over the built graph.

    The default graph is the union of all graphs; GRAPH ?g reaches each document's graph and the gazetteer's. A query runs at most --timeout seconds; SERVICE (federated) clauses are refused unless --allow-service.

    Examples:\n
      kg sparql 'PREFIX kgo: <https://w3id.org/usru-space/ontology#> SELECT ?s WHERE { ?s a kgo:Person }'\n
      kg sparql my-query.rq --format csv\n
      kg sparql --infer 'PREFIX org: <http://www.w3.org/ns/org#> SELECT ?m ?who WHERE { ?m a org:Membership ; org:member ?who }'\n
      kg sparql 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }' --endpoint http://127.0.0.1:7878/query
    """
    from kg.store.queries import read_query_text, run_select

    text = read_query_text(query_or_file)
    source = _source(graph, backend, endpoint)
    try:
        table = run_select(source, text, infer=entailment.value if infer else None, allow_service=allow_service, timeout=timeout)
    except FederatedQueryRefused as exc:
        raise FederatedQueryRefused(f"{exc}: pass --allow-service to let it") from exc
    show(render(table.rows, fmt, list(table.columns)), fmt)
