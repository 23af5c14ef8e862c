"""``kg push``: copy a build's named graphs to a triple store server."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli import app
from kg.cli.terminal import echo


@app.command()
def push(
    documents: Annotated[list[str], typer.Argument(help="Only these documents (file name, name without suffix, graph IRI, or gazetteer). Default: every graph.")] = [],
    endpoint: Annotated[str, typer.Option("--endpoint", help="The server's SPARQL 1.1 Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store (Oxigraph) or http://host:3030/DATASET/data (Fuseki).")] = "",
    graph: Annotated[Path, typer.Option("--graph", "-g", help="Build folder to push.")] = Path("out"),
    timeout: Annotated[float, typer.Option("--timeout", min=0.001, help="Give up a request after this many seconds.")] = 300.0,
) -> None:
    """Upload each document's named graph and the gazetteer graph to a triple store server.

    One HTTP PUT per graph (SPARQL 1.1 Graph Store Protocol), so pushing a changed document again replaces its own graph and nothing else. Credentials come from the environment: KG_ENDPOINT_TOKEN (a bearer token), or KG_ENDPOINT_USER and KG_ENDPOINT_PASSWORD (HTTP Basic).

    Examples:\n
      kg push --endpoint http://127.0.0.1:7878/store\n
      kg push dev-04-seat-swap.txt --endpoint http://127.0.0.1:7878/store\n
      KG_ENDPOINT_USER=admin KG_ENDPOINT_PASSWORD=... kg push --endpoint http://localhost:3030/kg/data
    """
    from kg.errors import QueryError
    from kg.push import push as run_push

    if not endpoint:
        raise QueryError("kg push needs --endpoint URL, the server's Graph Store Protocol URL (Oxigraph: http://HOST:7878/store)")
    pushed = run_push(graph=graph, endpoint=endpoint, documents=documents, timeout=timeout)
    for item in pushed:
        echo(f"pushed: {item.source} ({item.triples} triples) -> {item.graph}")
    echo(f"{len(pushed)} graph{'s' if len(pushed) != 1 else ''} pushed to {endpoint}")
