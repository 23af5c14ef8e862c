"""Finding an entity of the projection by what a user types: its label, an alias, or its IRI.

Matching ignores case and repeated spaces. A label match wins over an alias match; when nothing
matches, the error suggests the closest name ("did you mean").
"""

from __future__ import annotations

import difflib
import json
from typing import TYPE_CHECKING

from kg.errors import GraphError

if TYPE_CHECKING:
    import networkx as nx


def _norm(text: str) -> str:
    return " ".join(str(text).split()).casefold()


def node_names(data: dict) -> list[str]:
    """The label and aliases of a node's attribute dict (aliases are a JSON list in the projection)."""
    aliases = data.get("aliases") or "[]"
    names = json.loads(aliases) if isinstance(aliases, str) else list(aliases)
    return [str(data.get("label", "")), *names]


def _describe(G: "nx.Graph", node: str) -> str:
    data = G.nodes[node]
    return f"{data.get('label', node)} ({data.get('type', 'Entity')}, {node})"


def _matches(G: "nx.Graph", wanted: str) -> tuple[list[str], list[str], dict[str, str]]:
    """The nodes whose label is ``wanted`` (normalised), those with an alias that is, and every
    normalised name of the graph with the label it belongs to (for "did you mean")."""
    by_label: list[str] = []
    by_alias: list[str] = []
    names: dict[str, str] = {}
    for node, data in G.nodes(data=True):
        label, *aliases = node_names(data)
        if _norm(label) == wanted:
            by_label.append(node)
        elif any(_norm(a) == wanted for a in aliases):
            by_alias.append(node)
        for name in (label, *aliases):
            names.setdefault(_norm(name), label)
    return by_label, by_alias, names


def _ambiguous(G: "nx.Graph", text: str, found: list[str]) -> GraphError:
    """The error for a name several entities share: each of them, with the IRI to give instead."""
    listed = "; ".join(_describe(G, n) for n in sorted(found))
    return GraphError(f'"{text}" names {len(found)} entities: {listed}; give the IRI of the one you mean')


def _no_match(text: str, wanted: str, names: dict[str, str]) -> GraphError:
    """The error for a name no entity has: the closest name as a suggestion, if one is close."""
    close = difflib.get_close_matches(wanted, list(names), n=1, cutoff=0.6)
    if close:
        return GraphError(f'no entity matches "{text}"; did you mean "{names[close[0]]}"?')
    return GraphError(f'no entity matches "{text}"; `kg query entities` lists the entities of the graph')


def find_node(G: "nx.Graph", text: str) -> str:
    """The node whose IRI, label or alias is ``text`` (case-insensitive).

    Parameters
    ----------
    G : networkx graph
        A projection: nodes carry ``label`` and ``aliases``.
    text : str
        A label ("Sean Duffy"), an alias ("Duffy") or a node IRI.

    Returns
    -------
    str
        The node.

    Raises
    ------
    kg.errors.GraphError
        When nothing matches (with the closest name as a suggestion), or when several entities
        share the name (listing them with their IRIs, which can be given instead).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("kgr:person/sean-duffy", label="Sean Duffy", aliases='["Duffy"]')
    >>> find_node(G, "sean duffy"), find_node(G, "DUFFY")
    ('kgr:person/sean-duffy', 'kgr:person/sean-duffy')
    >>> find_node(G, "Sean Dufy")
    Traceback (most recent call last):
    ...
    kg.errors.GraphError: no entity matches "Sean Dufy"; did you mean "Sean Duffy"?
    """
    if text in G:
        return text
    wanted = _norm(text)
    if not wanted:
        raise GraphError("give an entity name, e.g. \"Sean Duffy\"")
    by_label, by_alias, names = _matches(G, wanted)
    for found in (by_label, by_alias):
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise _ambiguous(G, text, found)
    raise _no_match(text, wanted, names)
