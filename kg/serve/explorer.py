"""What the web explorer shows, computed from the store: search, an entity's page, its network.

Every function reads the Oxigraph store with triple patterns whose terms are bound to the
entity (no query text is assembled from what a user typed), so a page costs the entity's own
facts, not a walk of the graph:

- :func:`search_index` / :func:`search`: every entity's names (labels and aliases), matched by
  substring, names that start with the text first;
- :func:`neighbourhood`: the quads around an entity (its facts, their evidence and documents,
  the entities they link, up to ``depth`` facts away, at most ``max_facts``) as a small rdflib
  dataset, which the analytics and ``kg viz`` code then read as they read a whole build;
- :func:`entity_page`: ``kg explain`` of that dataset (posts, events, programs, quotes, mentions,
  each with its evidence sentences and documents) plus type, aliases and Wikidata link;
- :func:`network_page`: the ``kg viz`` page of the neighbourhood (same look, same scripts).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rdflib.namespace import OWL

from kg.analytics.explain import wikidata_page
from kg.errors import GraphError
from kg.ontology import ENTITY_TYPES, GAZETTEER_GRAPH, KGO, WD, entity_class

if TYPE_CHECKING:
    import pyoxigraph as ox
    from rdflib import Dataset

LINKS = ("holder", "organization", "party", "program", "agency", "country", "participant", "place", "speaker")
"""Properties from a fact to the entities it is about."""
MAX_FACTS = 2000
"""Facts a neighbourhood holds at most (a hub of a big graph would otherwise be the whole graph)."""
SECTIONS = (
    ("position", "Posts"),
    ("event", "Events"),
    ("involvement", "Programs"),
    ("agency_country", "Agency and country"),
    ("quotation", "Quotes"),
    ("mention", "Mentions"),
)
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
OWL_SAME_AS = str(OWL.sameAs)
WIKIDATA = str(WD)


@dataclass(frozen=True)
class Entry:
    """One entity in the search index."""

    iri: str
    label: str
    type: str
    names: tuple[str, ...]


def search_index(store: "ox.Store") -> list[Entry]:
    """Every entity of the store with its display label (the gazetteer's, else the one most
    graphs use), its class and all its names."""
    import pyoxigraph as ox

    types: dict[str, str] = {}
    for type_name in ENTITY_TYPES:
        for quad in store.quads_for_pattern(None, ox.NamedNode(RDF_TYPE), ox.NamedNode(str(entity_class(type_name))), None):
            types.setdefault(quad.subject.value, type_name)
    labels: dict[str, Counter] = defaultdict(Counter)
    reference: dict[str, str] = {}
    names: dict[str, set[str]] = defaultdict(set)
    gazetteer = str(GAZETTEER_GRAPH)
    for quad in store.quads_for_pattern(None, ox.NamedNode(RDFS_LABEL), None, None):
        iri = quad.subject.value
        if iri not in types:
            continue
        names[iri].add(quad.object.value)
        if getattr(quad.graph_name, "value", None) == gazetteer:
            reference[iri] = quad.object.value
        else:
            labels[iri][quad.object.value] += 1
    for quad in store.quads_for_pattern(None, ox.NamedNode(SKOS_ALT), None, None):
        if quad.subject.value in types:
            names[quad.subject.value].add(quad.object.value)
    from kg.analytics._rdf import choose_label

    entries = [
        Entry(iri, choose_label(labels[iri], reference.get(iri), iri), type_name, tuple(sorted(names[iri])))
        for iri, type_name in types.items()
    ]
    return sorted(entries, key=lambda e: (e.label.casefold(), e.iri))


def search(index: list[Entry], text: str, *, limit: int = 20) -> list[dict[str, str]]:
    """Entities one of whose names contains ``text`` (ignoring case): labels that start with it
    first, then names that start with it, then the rest, each alphabetically."""
    wanted = " ".join(text.split()).casefold()
    if not wanted:
        return []
    found = []
    for entry in index:
        folded = [n.casefold() for n in entry.names] + [entry.label.casefold()]
        if not any(wanted in n for n in folded):
            continue
        if entry.label.casefold().startswith(wanted):
            rank = 0
        elif any(n.startswith(wanted) or f" {wanted}" in n for n in folded):
            rank = 1
        else:
            rank = 2
        matched = next((n for n in entry.names if wanted in n.casefold() and n != entry.label), "")
        found.append((rank, entry, matched))
    found.sort(key=lambda f: (f[0], f[1].label.casefold(), f[1].iri))
    return [{"iri": e.iri, "label": e.label, "type": e.type, "also": m} for _, e, m in found[:limit]]


def _facts_of(store: "ox.Store", links: list, entity) -> set:
    """The facts that link to ``entity`` through one of ``links``."""
    return {q.subject for p in links for q in store.quads_for_pattern(None, p, entity, None)}


def _entities_of(store: "ox.Store", links: list, fact) -> set:
    """The entities ``fact`` links to through one of ``links``."""
    return {q.object for p in links for q in store.quads_for_pattern(fact, p, None, None)}


def _walk(store: "ox.Store", links: list, start, *, depth: int, max_facts: int) -> tuple[set, set, set, bool]:
    """Breadth first from ``start``, ``depth`` facts out: ``(entities, facts, frontier, cut)``.

    ``frontier`` holds the entities reached last; ``cut`` says ``max_facts`` stopped the walk (the
    facts kept are then the first in IRI order).
    """
    entities, facts, frontier, cut = {start}, set(), {start}, False
    for _ in range(depth):
        found = set()
        for entity in frontier:
            found |= _facts_of(store, links, entity)
        found -= facts
        if len(facts) + len(found) > max_facts:
            found = set(sorted(found, key=str)[: max(0, max_facts - len(facts))])
            cut = True
        facts |= found
        frontier = set()
        for fact in found:
            frontier |= _entities_of(store, links, fact)
        frontier -= entities
        entities |= frontier
        if cut:
            break
    return entities, facts, frontier, cut


def _add_edge_facts(store: "ox.Store", links: list, frontier: set, entities: set, facts: set, max_facts: int) -> bool:
    """Add to ``facts`` the facts among entities at the edge of the neighbourhood (the drawing
    shows them too); whether ``max_facts`` cut them."""
    cut = False
    for entity in frontier:
        for fact in _facts_of(store, links, entity) - facts:
            if len(facts) >= max_facts:
                cut = True
                break
            if _entities_of(store, links, fact) <= entities:
                facts.add(fact)
    return cut


def _evidence_and_documents(store: "ox.Store", subjects: set) -> set:
    """The evidence and documents of ``subjects``, and the documents of that evidence."""
    import pyoxigraph as ox

    more = set()
    for node in list(subjects):
        for q in store.quads_for_pattern(node, None, None, None):
            if q.predicate.value in (str(KGO.evidence), str(KGO.document)):
                more.add(q.object)
    for ev in list(more):
        for q in store.quads_for_pattern(ev, ox.NamedNode(str(KGO.document)), None, None):
            more.add(q.object)
    return more


def _dataset_of(store: "ox.Store", subjects: set) -> "Dataset":
    """An rdflib dataset of every quad whose subject is one of ``subjects``."""
    import pyoxigraph as ox
    from rdflib import Dataset

    quads = [q for node in subjects for q in store.quads_for_pattern(node, None, None, None)]
    dataset = Dataset()
    if quads:
        dataset.parse(data=ox.serialize(quads, format=ox.RdfFormat.N_QUADS), format="nquads")
    return dataset


def neighbourhood(store: "ox.Store", iri: str, *, depth: int = 1, max_facts: int = MAX_FACTS, mentions: bool = False) -> "tuple[Dataset, bool]":
    """The quads around the entity ``iri`` as an rdflib dataset, and whether ``max_facts`` cut it.

    It holds the facts that link entities within ``depth`` facts of it (with their evidence and
    documents), those entities' own triples (types, labels, Wikidata links) and, with
    ``mentions``, the entity's mentions.
    """
    import pyoxigraph as ox

    links = [ox.NamedNode(str(KGO[name])) for name in LINKS]
    start = ox.NamedNode(iri)
    if next(iter(store.quads_for_pattern(start, None, None, None)), None) is None:
        raise GraphError(f"no entity {iri} in this graph; search for it by name")
    entities, facts, frontier, cut = _walk(store, links, start, depth=depth, max_facts=max_facts)
    cut = _add_edge_facts(store, links, frontier, entities, facts, max_facts) or cut
    subjects = set(facts) | entities
    if mentions:
        subjects |= {q.subject for q in store.quads_for_pattern(None, ox.NamedNode(str(KGO.refersTo)), start, None)}
    subjects |= _evidence_and_documents(store, subjects)
    return _dataset_of(store, subjects), cut


def entity_page(store: "ox.Store", iri: str) -> dict[str, Any]:
    """What the entity page shows: label, type, aliases, Wikidata link, and the facts by kind,
    each with its evidence sentences (``{sentence, document, where}``)."""
    import pyoxigraph as ox

    from kg.analytics._rdf import TripleView
    from kg.analytics.explain import explain

    dataset, cut = neighbourhood(store, iri, depth=1, mentions=True)
    view = TripleView(dataset)
    from rdflib import URIRef

    node = URIRef(iri)
    type_name = next((t for t in ENTITY_TYPES for _ in store.quads_for_pattern(ox.NamedNode(iri), ox.NamedNode(RDF_TYPE), ox.NamedNode(str(entity_class(t))), None)), "Entity")
    label = view.label(node)
    names = sorted({q.object.value for p in (RDFS_LABEL, SKOS_ALT) for q in store.quads_for_pattern(ox.NamedNode(iri), ox.NamedNode(p), None, None)} - {label})
    wikidata = sorted({q.object.value for q in store.quads_for_pattern(ox.NamedNode(iri), ox.NamedNode(OWL_SAME_AS), None, None) if q.object.value.startswith(WIKIDATA)})
    facts = explain(dataset, iri)
    sections = []
    for kind, heading in SECTIONS:
        items = [
            {"text": f.text, "date": f.date, "evidence": [{"sentence": e.sentence, "document": e.document, "where": e.where} for e in f.evidence]}
            for f in facts
            if f.kind == kind
        ]
        if items:
            sections.append({"kind": kind, "heading": heading, "facts": items})
    return {
        "iri": iri,
        "label": label,
        "type": type_name,
        "aliases": names,
        "wikidata": [{"id": w[len(WIKIDATA):], "url": wikidata_page(w[len(WIKIDATA):])} for w in wikidata],
        "sections": sections,
        "truncated": cut,
    }


def network_page(store: "ox.Store", iri: str, *, depth: int = 1) -> str:
    """The ``kg viz`` page of the entity's neighbourhood (``depth`` 1 or 2)."""
    from kg.analytics.project import to_networkx
    from kg.viz.network import network_html, quotations, select

    if depth not in (1, 2):
        raise GraphError(f"depth {depth}: give 1 or 2")
    dataset, cut = neighbourhood(store, iri, depth=depth)
    graph = to_networkx(dataset)
    if iri not in graph:
        graph.add_node(iri, type="Entity", label=iri, aliases="[]")
    drawn = select(graph, focus=iri, depth=depth)
    label = str(graph.nodes[iri].get("label", iri))
    title = f"Around {label}: {'one fact' if depth == 1 else 'two facts'} away" + (" (the first facts only)" if cut else "")
    return network_html(drawn, title=title, node_facts=quotations(dataset))
