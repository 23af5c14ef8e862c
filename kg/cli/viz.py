"""``kg viz`` and ``kg timeline``: the graph and its events as offline HTML pages."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.cli import app
from kg.cli.terminal import echo

GraphOption = Annotated[Path, typer.Option("--graph", "-g", help="Build folder (or .trig/.ttl file) to draw.")]
ScreenshotOption = Annotated[
    Optional[Path], typer.Option("--screenshot", help="Also save a PNG of the page, drawn by headless Chromium (/usr/bin/chromium).")
]


@app.command()
def viz(
    graph: GraphOption = Path("out"),
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="HTML file to write. Default: graph.html in the build folder.")] = None,
    focus: Annotated[Optional[str], typer.Option("--focus", help="Draw only the neighbourhood of this entity (label, alias or IRI).")] = None,
    depth: Annotated[int, typer.Option("--depth", help="With --focus: how many facts away to go.")] = 1,
    types: Annotated[list[str], typer.Option("--types", help="Only these classes (repeat, or comma-separate): Person, Agency, Country, Program, Spacecraft, Facility, Place.")] = [],
    since: Annotated[Optional[str], typer.Option("--since", help="Only events from this date on (YYYY, YYYY-MM or YYYY-MM-DD), their participants and the facts between them.")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Only events up to this date (included).")] = None,
    screenshot: ScreenshotOption = None,
) -> None:
    """Draw the entity network as one self-contained HTML file (works offline).

    Nodes are entities, coloured and shaped by class; edges are facts, labelled by relation.
    Hover for the facts and their evidence sentences, click for the details panel; search and
    class filters are on the page.

    Examples:\n
      kg viz\n
      kg viz -g out -o network.html --types Person,Agency\n
      kg viz --focus "Sean Duffy" --depth 2 --since 2020\n
      kg viz --screenshot docs/seed-graph.png
    """
    from kg.viz.export import write_network

    written = write_network(graph=graph, out=out, focus=focus, depth=depth, types=types, since=since, until=until, screenshot=screenshot)
    echo(f"wrote network: {written.html}")
    if written.screenshot:
        echo(f"wrote screenshot: {written.screenshot}")


@app.command()
def timeline(
    graph: GraphOption = Path("out"),
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="HTML file to write. Default: timeline.html in the build folder.")] = None,
    screenshot: ScreenshotOption = None,
) -> None:
    """Draw the cooperation events on a time axis as one self-contained HTML file (works offline).

    One lane per event type; planned events are hollow and dashed, canceled ones crossed out.
    Click an event for its participants and evidence; wheel to zoom, drag to pan.

    Examples:\n
      kg timeline\n
      kg timeline -g out -o events.html --screenshot events.png
    """
    from kg.viz.export import write_timeline

    written = write_timeline(graph=graph, out=out, screenshot=screenshot)
    echo(f"wrote timeline: {written.html}")
    if written.screenshot:
        echo(f"wrote screenshot: {written.screenshot}")
