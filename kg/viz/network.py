"""The entity network as one offline HTML page (``kg viz``).

The network is the analytics projection (:func:`kg.analytics.project.to_networkx`): entities as
nodes, facts as edges with their evidence. :func:`select` narrows it (classes, a time window, an
entity's neighbourhood), :func:`network_data` turns it into the plain data the page's script
draws, and :func:`network_html` renders the page.

Parallel facts of one relation between the same two entities (say, the five meetings NASA and
Roscosmos both took part in) are drawn as one edge that lists every fact and its evidence.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.errors import GraphError
from kg.ontology import ENTITY_TYPES, KGO
from kg.viz.layout import layout
from kg.viz.page import Page, asset, render, vis_network_assets
from kg.viz.style import class_order, node_style
from kg.schema import OTHER_EVENT
from kg.temporal import DateValue, in_window, is_date

if TYPE_CHECKING:
    import networkx as nx
    from rdflib import Dataset



def parse_date(value: str, *, option: str) -> str:
    """Check a ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` bound; ``option`` names it in the error."""
    if not is_date(value or ""):
        raise GraphError(f"{option} {value!r}: write a real date as YYYY, YYYY-MM or YYYY-MM-DD, e.g. {option} 1995")
    return value


def check_types(types: Sequence[str]) -> tuple[str, ...]:
    """Entity class names from user input (any case); unknown ones are an error."""
    known = {t.casefold(): t for t in ENTITY_TYPES}
    out = []
    for item in types:
        for name in (p.strip() for p in item.split(",")):
            if not name:
                continue
            if name.casefold() not in known:
                raise GraphError(f"--types {name!r}: unknown class; choose from {', '.join(ENTITY_TYPES)}")
            out.append(known[name.casefold()])
    return tuple(dict.fromkeys(out))


def _window(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """The checked ``--since``/``--until`` bounds; an error when the window ends before it starts."""
    since = parse_date(since, option="--since") if since else None
    until = parse_date(until, option="--until") if until else None
    if since and until and DateValue.parse(since).first_day() > DateValue.parse(until).last_day():
        raise GraphError(f"--since {since} is after --until {until}; swap them")
    return since, until


def _keep_window(G: "nx.MultiDiGraph", since: str | None, until: str | None) -> None:
    """Drop from ``G`` the event facts dated outside the window, and the entities taking part in
    no event fact within it."""
    dated = [(u, v, k) for u, v, k, d in G.edges(keys=True, data=True) if d.get("event")]
    keep = {(u, v, k) for u, v, k in dated if in_window(str(G.edges[u, v, k].get("date", "")), since, until)}
    G.remove_edges_from([e for e in dated if e not in keep])
    taking_part = {n for u, v, _ in keep for n in (u, v)}
    G.remove_nodes_from([n for n in list(G) if n not in taking_part])


def _keep_types(G: "nx.MultiDiGraph", wanted: tuple[str, ...]) -> None:
    """Drop from ``G`` the entities whose class is not ``wanted``."""
    G.remove_nodes_from([n for n, d in list(G.nodes(data=True)) if d.get("type") not in wanted])


def _around(G: "nx.MultiDiGraph", graph: "nx.MultiDiGraph", center: str, depth: int) -> "nx.MultiDiGraph":
    """What of ``G`` lies within ``depth`` facts of ``center``; an error when the other filters
    left ``center`` out (``graph``, the whole projection, names it)."""
    from kg.analytics.views import ego

    if center not in G:
        label = graph.nodes[center].get("label", center)
        raise GraphError(f'"{label}" is left out by --types/--since/--until; widen them or focus on another entity')
    return ego(G, center, radius=depth)


def select(
    graph: "nx.MultiDiGraph",
    *,
    focus: str | None = None,
    depth: int = 1,
    types: Sequence[str] = (),
    since: str | None = None,
    until: str | None = None,
) -> "nx.MultiDiGraph":
    """The part of a projection to draw; ``graph`` itself is not changed.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        A projection (``kg.analytics.project.to_networkx``).
    focus : str, optional
        An entity (label, alias or IRI): keep only what lies within ``depth`` facts of it.
    depth : int, default 1
        How many facts away from ``focus`` to go.
    types : sequence of str
        Keep only entities of these classes (``Person``, ``Agency``...; any case).
    since, until : str, optional
        A time window (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, both ends included): keep the
        event facts dated within it and the entities taking part in them; undated facts
        (posts, involvement, countries) between those entities stay.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("p", type="Person", label="Ann", aliases="[]")
    >>> G.add_node("a", type="Agency", label="NASA", aliases="[]")
    >>> _ = G.add_edge("p", "a", key="holds_post|chief", relation="holds_post", title="chief")
    >>> sorted(select(G, types=["agency"]))
    ['a']
    """
    from kg.analytics.lookup import find_node

    if depth < 0:
        raise GraphError(f"--depth {depth}: give 0 or more")
    since, until = _window(since, until)
    wanted = check_types(types)
    center = find_node(graph, focus) if focus else None

    G = graph.copy()
    if since or until:
        _keep_window(G, since, until)
    if wanted:
        _keep_types(G, wanted)
    if center is not None:
        G = _around(G, graph, center, depth)
    return G


# --- plain data for the page --------------------------------------------------------------


def _aliases(data: dict) -> list[str]:
    raw = data.get("aliases") or "[]"
    return list(json.loads(raw)) if isinstance(raw, str) else list(raw)


def _evidence(data: dict) -> list[dict[str, str]]:
    from kg.analytics.evidence import edge_evidence

    return [{"sentence": e.sentence, "document": e.document, "where": e.where} for e in edge_evidence(data)]


def edge_label(d: dict) -> str:
    """The short label drawn on an edge (its relation, in words)."""
    relation = d.get("relation", "")
    if relation == "holds_post":
        title = str(d.get("title", "")) or "holds post"
        return title + (" (acting)" if d.get("acting") and "acting" not in title.casefold() else "")
    if relation == "co_participant":
        return str(d.get("event_type", "event")).lower() if d.get("event_type") != OTHER_EVENT else "event"
    if relation == "at_place":
        return "at"
    return str(relation).replace("_", " ")


def fact_text(d: dict, u_label: str, v_label: str) -> str:
    """One fact as a sentence, in ``kg explain``'s words."""
    from kg.analytics.wording import edge_text

    return edge_text(u_label, v_label, d)


def _group_label(relation: str, facts: list[dict]) -> str:
    labels = list(dict.fromkeys(edge_label(d) for d in facts))
    if len(labels) == 1 and len(facts) == 1:
        return labels[0]
    if relation == "co_participant":
        return f"{len(facts)} events"
    if relation == "at_place":
        return f"at ({len(facts)} events)"
    return ", ".join(labels[:2]) + (" …" if len(labels) > 2 else "")


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


def quotations(dataset: "Dataset") -> dict[str, list[dict]]:
    """Each speaker's quotations as facts with evidence: ``speaker IRI -> [{text, evidence}]``.

    The projection counts quotations (a quotation has no second entity, so it is no edge); the
    page shows their words too.
    """
    from kg.viz.evidence import fact_evidence

    speaker = {s: o for s, _, o, _ in dataset.quads((None, KGO.speaker, None, None))}
    words = {s: str(o) for s, _, o, _ in dataset.quads((None, KGO.text, None, None)) if s in speaker}
    evidence = fact_evidence(dataset, speaker)
    out: dict[str, list[dict]] = defaultdict(list)
    for quote in sorted(speaker):
        out[str(speaker[quote])].append({"text": f"says “{words.get(quote, '')}”", "evidence": evidence.get(quote, [])})
    return dict(out)


def _edge_groups(graph: "nx.MultiDiGraph") -> dict[tuple, list[dict]]:
    """The facts of each relation between two entities, ``(u, v, relation) -> [data]``, in edge order."""
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for u, v, _k, d in sorted(graph.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2]))):
        groups[(u, v, d.get("relation", ""))].append(d)
    return groups


def _degrees(groups: dict[tuple, list[dict]]) -> Counter:
    """How many facts each entity takes part in (what a node's drawn size grows with)."""
    degree: Counter = Counter()
    for (u, v, _relation), facts in groups.items():
        degree[u] += len(facts)
        degree[v] += len(facts)
    return degree


def _edges(groups: dict[tuple, list[dict]], ids: dict, labels: dict) -> list[dict]:
    """One drawn edge per group: its label, direction and facts with their evidence."""
    edges = []
    for (u, v, relation), facts in groups.items():
        edges.append(
            {
                "id": len(edges),
                "from": ids[u],
                "to": ids[v],
                "relation": relation,
                "label": _group_label(relation, facts),
                "directed": relation != "co_participant",
                "facts": [{"text": fact_text(d, labels[u], labels[v]), "evidence": _evidence(d)} for d in facts],
            }
        )
    return edges


def _node_meta(d: dict) -> list[str]:
    """The lines under a node's name: its mentions, quotations and Wikidata id, where it has them."""
    meta = []
    if d.get("mentions"):
        meta.append(f"{_count(d['mentions'], 'mention')} in {_count(d.get('documents', 0), 'document')}")
    if d.get("quotes"):
        meta.append(f"speaks {_count(d['quotes'], 'quotation')}")
    if d.get("wikidata"):
        meta.append(f"Wikidata {d['wikidata']}")
    return meta


def _node_record(node, d: dict, *, number: int, label: str, position: tuple, degree: int, facts: list[dict]) -> dict:
    """One drawn node: its names, class, facts that are no edge, position and size (by degree)."""
    x, y = position
    return {
        "id": number,
        "iri": str(node),
        "label": label,
        "type": str(d.get("type", "Entity")),
        "aliases": _aliases(d),
        "meta": _node_meta(d),
        "facts": facts,
        "x": x,
        "y": y,
        "size": round(min(26.0, 9 + 3 * math.log2(1 + degree)), 1),
    }


def _classes(nodes: list[dict]) -> list[dict]:
    """The legend: each class drawn, with its colour, shape and how many nodes it has."""
    counts = Counter(n["type"] for n in nodes)
    return [
        {"name": name, "color": node_style(name).color, "shape": node_style(name).shape, "count": counts[name]}
        for name in sorted(counts, key=lambda t: (class_order(t), t))
    ]


def _summary(graph: "nx.MultiDiGraph", nodes: list[dict], edges: list[dict]) -> str:
    """``N entities, M facts`` (and ``from K documents`` when the projection knows them)."""
    n_facts = sum(len(e["facts"]) for e in edges)
    documents = graph.graph.get("documents")
    summary = f"{_count(len(nodes), 'entity', 'entities')}, {_count(n_facts, 'fact')}"
    if documents:
        summary += f" from {_count(documents, 'document')}"
    return summary


def network_data(
    graph: "nx.MultiDiGraph",
    *,
    title: str = "US–Russian space cooperation",
    node_facts: dict[str, list[dict]] | None = None,
    seed: int = 7,
) -> dict:
    """The JSON-able data the network page draws: classes, nodes with positions, edges with facts.

    Nodes are numbered ``0..n-1`` in IRI order; each edge groups the facts of one relation
    between two entities, and each fact carries its evidence sentences and documents.
    ``node_facts`` adds facts that are no edge (quotations, see :func:`quotations`) by node IRI.
    """
    order = sorted(graph.nodes, key=str)
    ids = {node: i for i, node in enumerate(order)}
    pos = layout(graph, seed=seed)
    labels = {node: str(graph.nodes[node].get("label", node)) for node in order}
    groups = _edge_groups(graph)
    degree = _degrees(groups)
    edges = _edges(groups, ids, labels)
    nodes = [
        _node_record(node, graph.nodes[node], number=ids[node], label=labels[node], position=pos[node], degree=degree[node],
              facts=(node_facts or {}).get(str(node), []))
        for node in order
    ]
    return {
        "title": title,
        "summary": _summary(graph, nodes, edges),
        "classes": _classes(nodes),
        "nodes": nodes,
        "edges": edges,
        "empty": "No entity matches the selection.",
    }


def network_html(
    graph: "nx.MultiDiGraph",
    *,
    title: str = "US–Russian space cooperation",
    node_facts: dict[str, list[dict]] | None = None,
    seed: int = 7,
) -> str:
    """The self-contained HTML page of a (selected) projection."""
    vis_js, vis_css = vis_network_assets()
    page = Page(
        title=title,
        body=asset("network.html"),
        data=network_data(graph, title=title, node_facts=node_facts, seed=seed),
        scripts=(vis_js, asset("dom.js"), asset("network.js")),
        styles=(vis_css, asset("common.css")),
    )
    return render(page)


def dataset_network_html(
    dataset: "Dataset",
    *,
    focus: str | None = None,
    depth: int = 1,
    types: Sequence[str] = (),
    since: str | None = None,
    until: str | None = None,
    title: str = "US–Russian space cooperation",
) -> str:
    """Project a built dataset, select what to draw, and render the page (what ``kg viz`` does)."""
    from kg.analytics.project import to_networkx

    graph = select(to_networkx(dataset), focus=focus, depth=depth, types=types, since=since, until=until)
    return network_html(graph, title=title, node_facts=quotations(dataset))
