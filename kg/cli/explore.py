"""``kg add``, ``kg remove`` and ``kg export``: change one document of a build, or write it in other formats."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from kg.cli import app
from kg.cli.terminal import echo, error, warning

if TYPE_CHECKING:
    from kg.incremental import Update

GraphOption = Annotated[Path, typer.Option("--graph", "-g", help="Build folder to change or read.")]


def _print_update(update: "Update") -> None:
    for failure in update.failures:
        error(failure)
    for change in update.changes:
        size = f" ({change.triples} triples)" if change.action != "unchanged" else " (same content hash; use --force to extract it again)"
        echo(f"{change.action}: {change.document}{size}")
    for kind, path in update.outputs.items():
        echo(f"wrote {kind}: {path}")


@app.command()
def add(
    inputs: Annotated[list[Path], typer.Argument(help="Article files or folders (.txt, .md, .html) to add or update.", readable=False)],
    graph: GraphOption = Path("out"),
    force: Annotated[bool, typer.Option("--force", help="Extract a file again even if its content hash is unchanged.")] = False,
) -> None:
    """Add documents to a built graph, or replace their earlier version, without rebuilding the rest.

    Only the files given are read and extracted; each one's named graph in OUT/store is replaced, then OUT/graph.trig and OUT/graph.ttl are rewritten. A file whose content is unchanged is skipped. Exits 1 if any input failed.

    Examples:\n
      kg add new-article.txt -g out\n
      kg add articles/2025/ -g out
    """
    from kg.incremental import add_documents

    update = add_documents(inputs, graph, force=force, on_wait=warning)
    _print_update(update)
    if not update.ok:
        raise typer.Exit(1)


@app.command()
def remove(
    document: Annotated[str, typer.Argument(help="The document: its file name (a.txt), its name without suffix, or its graph IRI.")],
    graph: GraphOption = Path("out"),
) -> None:
    """Remove one document and every fact extracted from it; nothing else changes.

    Example:\n
      kg remove dev-04-seat-swap.txt -g out
    """
    from kg.incremental import remove_document

    _print_update(remove_document(document, graph, on_wait=warning))


class ExportChoice(str, Enum):
    ttl = "ttl"
    trig = "trig"
    nt = "nt"
    jsonld = "jsonld"
    graphml = "graphml"
    csv = "csv"


@app.command()
def export(
    fmt: Annotated[ExportChoice, typer.Option("--format", "-f", help="ttl, trig, nt, jsonld (RDF) or graphml, csv (the entity network).")],
    graph: GraphOption = Path("out"),
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="File to write (for csv: a folder for nodes.csv and edges.csv). Default: stdout.")] = None,
) -> None:
    """Write the built graph in another format.

    RDF: trig keeps the named graphs, ttl and nt hold their union, jsonld keeps the named graphs with an @context of the project's prefixes. graphml and csv hold the entity network (entities as nodes, facts as edges with evidence), the projection `kg stats` and `kg path` use.

    Examples:\n
      kg export --format jsonld -o graph.jsonld\n
      kg export --format graphml -o graph.graphml\n
      kg export --format csv -o network/\n
      kg export --format nt | wc -l
    """
    from kg.store.backends import open_backend
    from kg.store.export import export as run_export

    result = run_export(open_backend(graph), fmt=fmt.value, to=out)
    if isinstance(result, bytes):
        sys.stdout.buffer.write(result)
        sys.stdout.buffer.flush()
    else:
        for path in result:
            echo(f"wrote {path}", err=True)
