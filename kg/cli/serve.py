"""``kg serve``: the graph on the web (SPARQL endpoint, named queries, explorer)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.cli import app
from kg.cli.terminal import echo, warning


@app.command()
def serve(
    graph: Annotated[Path, typer.Option("--graph", "-g", help="Build folder to serve (its store, read-only).")] = Path("out"),
    host: Annotated[str, typer.Option("--host", help="Address to listen on. The default answers this machine only; another address lets the network in.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port to listen on (0: any free port; the URL is printed).")] = 8000,
    timeout: Annotated[float, typer.Option("--timeout", min=0.1, help="Stop a query (or a page) after this many seconds.")] = 30.0,
    max_rows: Annotated[int, typer.Option("--max-rows", min=1, help="Refuse answers of more rows than this (ask for a LIMIT).")] = 50_000,
    workers: Annotated[Optional[int], typer.Option("--workers", min=1, max=64, help="Query worker processes (default: cores + 2, at most 8).")] = None,
    allow_origin: Annotated[list[str], typer.Option("--allow-origin", help="Let web pages of this origin call the server (CORS), e.g. https://yasgui.triply.cc; repeat for more. Default: none.")] = [],
) -> None:
    """Serve a build on the web: a SPARQL endpoint, the named queries, and an explorer for people.

    /sparql is a SPARQL 1.1 Protocol query endpoint (read-only; results as JSON, XML, CSV or TSV, graphs as Turtle, N-Triples or JSON-LD); /queries/NAME?param=... answers a named query as JSON or CSV, with the same rows as `kg query`; / is the explorer (search, entity pages with evidence, networks, timeline, query forms, SPARQL box; works offline). Each query runs at most --timeout seconds in a worker process, answers hold at most --max-rows rows, SERVICE and updates are refused. Ctrl-C stops it.

    Examples:\n
      kg serve\n
      kg serve -g out --port 8080\n
      kg serve --host 0.0.0.0 --timeout 10      # reachable from the network: mind who can reach it
    """
    from kg.serve.run import check_installed, serve as run_server
    from kg.serve.settings import Settings, allowed_hosts_for, default_workers, is_loopback

    check_installed()
    if not is_loopback(host):
        warning(f"kg serve listens on {host}: anyone who can reach this machine on port {port} can query the graph")
    settings = Settings(timeout=timeout, max_rows=max_rows, allow_origins=tuple(allow_origin),
                        allowed_hosts=allowed_hosts_for(host), workers=workers or default_workers())
    run_server(graph=graph, host=host, port=port, settings=settings,
               on_ready=lambda url: echo(f"serving {graph} at {url} (explorer), {url}sparql (SPARQL endpoint); Ctrl-C stops"))
