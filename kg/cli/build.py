"""``kg build``: articles to the knowledge graph."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.cli import app
from kg.cli.terminal import echo, error, is_terminal, warning


@app.command()
def build(
    inputs: Annotated[list[Path], typer.Argument(help="Article files or folders (.txt, .md, .html). Default: the shipped corpus.", readable=False)] = [],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder for graph.trig, graph.ttl and the Oxigraph store.")] = Path("out"),
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Worker processes extracting documents. Default: the machine's cores (fewer for a few articles).")] = None,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", metavar="tcp://HOST:PORT", help="Extract on the workers of this Dask cluster instead (see README: Building a large corpus).")] = None,
    files: Annotated[bool, typer.Option("--files/--no-files", help="Write graph.trig and graph.ttl (--no-files: only the store and its listings).")] = True,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Write the build even if no input could be read (replacing an earlier build with an empty graph).")] = False,
) -> None:
    """Build the knowledge graph from articles.

    Writes OUT/graph.trig (one named graph per document, plus the gazetteer), OUT/graph.ttl
    (their union), the Oxigraph store OUT/store and its listings, prints a summary, and exits with
    status 1 if any input failed. Documents stream through worker processes (-j) or a Dask cluster
    (--scheduler); memory does not grow with the corpus. The new build replaces the old one as a
    whole; if no input can be read, OUT keeps its earlier build (unless --force).

    Examples:\n
      kg build\n
      kg build articles/ more/article.html -o out\n
      kg build archive/ -o out -j 8 --no-files\n
      kg build archive/ -o out --scheduler tcp://10.0.0.5:8786
    """
    from kg.pipeline import build as run_build
    from kg.resources import shipped_articles

    sources = list(inputs) or shipped_articles()
    started = time.monotonic()
    with progress_bar(enabled=not quiet and is_terminal(sys.stderr)) as progress:
        report = run_build(sources, out, jobs=jobs, scheduler=scheduler, files=files, force=force, progress=progress, on_wait=warning)
    _print_report(report, time.monotonic() - started)


def _print_report(report, seconds: float) -> None:
    for failure in report.failures:
        error(failure)
    for message in report.warnings:
        warning(message)
    if report.refused:
        error(report.refused.replace("force=True", "--force"))
        raise typer.Exit(1)
    facts = ", ".join(f"{k} {v}" for k, v in report.facts.items())
    documents = len(report.documents)
    echo(f"documents: {documents}  failed: {len(report.failures)}  entities: {report.entities}")
    echo(f"facts: {facts or 'none'}")
    for kind, path in report.outputs.items():
        echo(f"wrote {kind}: {path}")
    if "listings" not in report.outputs:
        from kg.store.listings import BUILD_WRITES_UP_TO

        echo(f"listings: left to the first query that asks for each (more than {BUILD_WRITES_UP_TO:,} documents)")
    noun = "document" if documents == 1 else "documents"
    echo(f"built {documents} {noun} in {seconds:.1f} s ({documents / max(seconds, 1e-9):.1f} documents/s)")
    if not report.ok:
        raise typer.Exit(1)


@contextmanager
def progress_bar(*, enabled: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on the terminal (documents, documents/s, time left), or nothing."""
    if not enabled:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"), TimeRemainingColumn())
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task("extracting", total=None, rate="")

        def update(done: int, total: int) -> None:
            speed = bar.tasks[0].speed
            bar.update(task, completed=done, total=total, rate=f"{speed:.1f} docs/s" if speed else "")

        yield update


@app.command("eval")
def eval_(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of articles with <name>.gold.yaml annotations beside them.")],
    per_document: Annotated[bool, typer.Option("--per-document", help="Also print F1 by document.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score extraction against gold annotations: P/R/F1 per fact type and the macro-F1.

    Example:\n
      kg eval data/corpus/dev
    """
    from kg.pipeline import evaluate_dir

    scores, report = evaluate_dir(gold_dir)
    for failure in report.failures:
        error(failure)
    if as_json:
        echo(json.dumps(scores.to_dict(), indent=2))
    else:
        echo(scores.to_table(per_document=per_document))
    if not report.ok:
        raise typer.Exit(1)


@app.command()
def validate(
    graph: Annotated[Path, typer.Option("--graph", "-g", help="Build folder or .trig/.ttl file to check.")] = Path("out"),
    inference: Annotated[bool, typer.Option("--inference/--no-inference", help="Use the ontology's subclass hierarchy.")] = True,
) -> None:
    """Check a built graph against the SHACL shapes; prints one line per violation.

    Exits with status 1 if the graph does not conform.

    Example:\n
      kg validate -g out
    """
    from kg.store.oxigraph import graph_file
    from kg.store.validate import load_graph
    from kg.store.validate import validate as run_validate

    report = run_validate(load_graph(graph_file(graph)), inference="rdfs" if inference else "none")
    echo(report.to_text())
    if not report.conforms:
        raise typer.Exit(1)
