"""Pages to files: what ``kg viz`` and ``kg timeline`` do, as plain keyword-only functions.

Each reads a build folder (or a .trig/.ttl file), writes one self-contained HTML file next to the
graph unless told where, and optionally a PNG screenshot of it made by headless Chromium.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

NETWORK_NAME = "graph.html"
TIMELINE_NAME = "timeline.html"


@dataclass(frozen=True)
class Written:
    """The files one command wrote."""

    html: Path
    screenshot: Path | None = None


def default_output(graph: Path, name: str) -> Path:
    """``name`` inside the build folder (or beside the graph file)."""
    graph = Path(graph)
    return (graph if graph.is_dir() else graph.parent) / name


def _finish(html: str, out: Path, screenshot: Path | None) -> Written:
    from kg.store.files import atomic_write

    atomic_write(out, html)
    png = None
    if screenshot is not None:
        from kg.viz.browser import screenshot as take

        png = take(out, screenshot)
    return Written(out, png)


def write_network(
    *,
    graph: Path,
    out: Path | None = None,
    focus: str | None = None,
    depth: int = 1,
    types: Sequence[str] = (),
    since: str | None = None,
    until: str | None = None,
    title: str = "US–Russian space cooperation",
    screenshot: Path | None = None,
) -> Written:
    """Write the network page of the graph in ``graph`` (a build folder or graph file).

    ``focus``/``depth``, ``types`` and ``since``/``until`` select what to draw (see
    :func:`kg.viz.network.select`); ``screenshot`` also writes a PNG of the page.
    """
    from kg.store.oxigraph import load_dataset
    from kg.viz.network import dataset_network_html

    html = dataset_network_html(load_dataset(Path(graph)), focus=focus, depth=depth, types=types, since=since, until=until, title=title)
    return _finish(html, Path(out) if out else default_output(graph, NETWORK_NAME), screenshot)


def write_timeline(
    *,
    graph: Path,
    out: Path | None = None,
    title: str = "US–Russian space cooperation: events",
    screenshot: Path | None = None,
) -> Written:
    """Write the timeline page of the events in ``graph`` (a build folder or graph file)."""
    from kg.store.oxigraph import load_dataset
    from kg.viz.timeline import timeline_html

    html = timeline_html(load_dataset(Path(graph)), title=title)
    return _finish(html, Path(out) if out else default_output(graph, TIMELINE_NAME), screenshot)
