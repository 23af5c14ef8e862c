"""``kg stats``, ``kg explain`` and ``kg path``: figures, entity profiles and chains of facts."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.cli import app
from kg.cli.terminal import echo, warning

GraphOption = Annotated[Path, typer.Option("--graph", "-g", help="Build folder (or .trig file) to read.")]
GazetteerOption = Annotated[
    bool, typer.Option("--gazetteer", help="Also use the gazetteer's reference facts (agency countries, posts), which have no evidence.")
]


class Measure(str, Enum):
    degree = "degree"
    betweenness = "betweenness"
    pagerank = "pagerank"


@app.command("stats")
def stats_cli(
    graph: GraphOption = Path("out"),
    top: Annotated[int, typer.Option("--top", "-n", help="How many central entities to list.", min=0)] = 10,
    by: Annotated[Measure, typer.Option("--by", help="Rank the entities by this measure.")] = Measure.pagerank,
    sample: Annotated[
        Optional[int],
        typer.Option("--sample", help="Estimate betweenness from this many sources (default: exact up to 1,000 entities, 100 sources above).", min=1),
    ] = None,
    gazetteer: GazetteerOption = False,
) -> None:
    """Graph figures and the most central entities (degree, betweenness, PageRank).

    Examples:\n
      kg stats\n
      kg stats -g out --top 5 --by betweenness
    """
    from kg.analytics.report import render_summary, summarize

    summary = summarize(graph=graph, top=top, by=by.value, betweenness_sources=sample, include_gazetteer=gazetteer)
    echo(render_summary(summary))


@app.command("explain")
def explain_cli(
    entity: Annotated[str, typer.Argument(help="Entity label, alias or IRI, e.g. \"Sean Duffy\".")],
    graph: GraphOption = Path("out"),
) -> None:
    """What the graph says about an entity, each fact with its evidence sentence and document.

    Examples:\n
      kg explain "Sean Duffy"\n
      kg explain Roscosmos -g out
    """
    from kg.analytics.explain import render_explanation
    from kg.analytics.report import explain_entity

    echo(render_explanation(explain_entity(graph=graph, entity=entity)))


@app.command("path")
def path_cli(
    source: Annotated[str, typer.Argument(help="First entity: label, alias or IRI.")],
    target: Annotated[str, typer.Argument(help="Second entity: label, alias or IRI.")],
    graph: GraphOption = Path("out"),
    max_paths: Annotated[int, typer.Option("--max", "-m", help="At most this many chains, shortest first (1 to 100).", min=1, max=100)] = 3,
    gazetteer: GazetteerOption = False,
    timeout: Annotated[float, typer.Option("--timeout", min=0.001, help="Stop searching for more chains after this many seconds.")] = 30.0,
) -> None:
    """The shortest chains of facts linking two entities, each fact with its evidence.

    Facts are followed in either direction. No chain is an answer (exit status 0, like a query with no rows); an unknown entity is an error (exit status 1).

    Examples:\n
      kg path "Sean Duffy" "Dmitry Bakanov"\n
      kg path NASA "Soyuz MS-10" --max 5
    """
    from kg.analytics.paths import render_paths
    from kg.analytics.report import find_paths

    found = find_paths(graph=graph, source=source, target=target, max_paths=max_paths, include_gazetteer=gazetteer, time_limit=timeout)
    echo(render_paths(found.paths, source_label=found.source_label, target_label=found.target_label))
    if found.cut_short:
        warning(f"stopped searching after {timeout:g} s with {len(found.paths)} of the {max_paths} chains asked for; --timeout allows more time")
