"""The RDF graph projected into a typed ``networkx.MultiDiGraph``: entities as nodes, facts as edges.

Nodes are entity IRIs (strings) with the attributes

- ``type``: Person, Agency, Country, Program, Spacecraft, Facility or Place;
- ``label``: the gazetteer's label, else the one most documents use;
- ``aliases``: JSON list of the other names documents use (``skos:altLabel`` and other labels);
- ``wikidata``: the Wikidata id (``Q23548``) when the entity has ``owl:sameAs`` (absent otherwise);
- ``mentions``, ``documents``, ``quotes``: how often it is mentioned, in how many documents,
  and how many quotations it speaks (a quotation has no second party, so it is a count, not an edge).

Edges run between entities, one per fact or group of equal facts; the edge key is the relation,
followed by ``|`` and what tells two facts of that relation between the same pair apart:

============== ======================== ===================== ======================================
relation        from -> to               key                   attributes besides the common ones
============== ======================== ===================== ======================================
holds_post      person -> organization   holds_post|<title>    title, acting
involved_in     party -> program         involved_in
based_in        agency -> country        based_in
co_participant  participant -- participant co_participant|<event> event, event_type, event_label,
                (stored once, from the                            date, status
                smaller IRI; symmetric)
at_place        participant -> place     at_place|<event>      as co_participant
============== ======================== ===================== ======================================

Every edge has ``relation``, ``evidence_count`` (distinct sentences), ``evidence`` (JSON list of
``{document, start, end, sentence}``, see :func:`kg.analytics.evidence.edge_evidence`), ``facts``
(how many RDF facts it stands for) and ``source`` (``documents``, or ``gazetteer`` for a reference
fact no document states; those have no evidence). All attributes are ``str``, ``int`` or ``bool``,
so ``networkx.write_graphml`` takes the graph as it is. ``G.graph`` holds the number of
``documents`` and of each kind of fact (``mentions`` and the kinds of ``kg.schema.FACT_KINDS``
but ``entities``: ``positions``, ``events``, ``involvement``, ``agency_country``, ``quotes``).

The projection is built from a fixed number of triple-pattern scans over the union of the
document graphs (no per-entity query), so it is linear in the size of the graph.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from itertools import combinations
from typing import TYPE_CHECKING

from rdflib import Dataset, Graph, Literal
from rdflib.namespace import OWL, RDF, RDFS, SKOS
from rdflib.term import Node

from kg.analytics._rdf import TripleView, choose_label
from kg.analytics.evidence import Evidence, evidence_json
from kg.ontology import ENTITY_TYPES, EVENT_CLASSES, KGO, STATUS_IRI, WD, entity_class, event_class
from kg.schema import OTHER_EVENT

if TYPE_CHECKING:
    import networkx as nx

HOLDS_POST = "holds_post"
INVOLVED_IN = "involved_in"
BASED_IN = "based_in"
CO_PARTICIPANT = "co_participant"
AT_PLACE = "at_place"
RELATIONS = (HOLDS_POST, INVOLVED_IN, BASED_IN, CO_PARTICIPANT, AT_PLACE)
"""Every edge relation of the projection."""
SYMMETRIC = frozenset({CO_PARTICIPANT})
"""Relations whose edge direction means nothing (stored from the smaller IRI to the larger)."""

_STATUS_NAME = {iri: name for name, iri in STATUS_IRI.items()}


class _Edges:
    """Facts grouped into edges: ``(u, v, key) -> attributes, evidence, fact count``."""

    def __init__(self) -> None:
        self.attrs: dict[tuple[str, str, str], dict] = {}
        self.evidence: dict[tuple[str, str, str], set[Evidence]] = defaultdict(set)
        self.facts: Counter = Counter()

    def add(self, u: str, v: str, key: str, attrs: dict, evidence: tuple[Evidence, ...], *, facts: int = 1) -> None:
        edge = (u, v, key)
        if edge not in self.attrs:
            self.attrs[edge] = attrs
        self.evidence[edge].update(evidence)
        self.facts[edge] += facts

    def __contains__(self, edge: tuple[str, str, str]) -> bool:
        return edge in self.attrs


def to_networkx(dataset: Dataset | Graph, *, include_gazetteer: bool = False) -> "nx.MultiDiGraph":
    """Project a built dataset into a typed multigraph of entities and the facts between them.

    Parameters
    ----------
    dataset : rdflib.Dataset or rdflib.Graph
        A built graph (``kg.store.load_dataset``). Of a dataset, the document graphs are read;
        a plain graph is read whole.
    include_gazetteer : bool, default False
        Also read the gazetteer graph: every gazetteer entity becomes a node, and its reference
        facts (agency countries, posts with tenures) become edges with ``source="gazetteer"``
        and no evidence, unless a document states the same fact.

    Returns
    -------
    networkx.MultiDiGraph
        Nodes are entity IRIs, edges are facts; see the module docstring for the attributes.

    Examples
    --------
    >>> from kg.synthetic import synthetic_dataset
    >>> G = to_networkx(synthetic_dataset(documents=2, seed=1))
    >>> sorted({d["relation"] for _, _, d in G.edges(data=True)})
    ['at_place', 'based_in', 'co_participant', 'holds_post', 'involved_in']
    >>> G.graph["documents"]
    2
    """
    import networkx as nx

    view = TripleView(dataset, include_gazetteer=include_gazetteer)
    documents = view.document_names()

    # --- facts and their evidence -------------------------------------------------------
    fact_document = dict(view.pairs(KGO.document))
    sentence = dict(view.pairs(KGO.sentence))
    start = dict(view.pairs(KGO.start))
    end = dict(view.pairs(KGO.end))
    evidence_of: dict[Node, Evidence] = {}
    for node, text in sentence.items():
        doc = fact_document.get(node)
        evidence_of[node] = Evidence(documents.get(doc, str(doc or "")), _int(start.get(node)), _int(end.get(node)), str(text))
    fact_evidence: dict[Node, list[Evidence]] = defaultdict(list)
    for fact, ev in view.pairs(KGO.evidence):
        if ev in evidence_of:
            fact_evidence[fact].append(evidence_of[ev])

    def evidence(fact: Node) -> tuple[Evidence, ...]:
        return tuple(fact_evidence.get(fact, ()))

    # --- entities -----------------------------------------------------------------------
    entity_type: dict[Node, str] = {}
    for type_name in ENTITY_TYPES:
        for node, _ in view.pairs(RDF.type, obj=entity_class(type_name)):
            entity_type.setdefault(node, type_name)

    edges = _Edges()
    referenced: set[Node] = set()

    def ref(*nodes: Node) -> None:
        referenced.update(nodes)

    # positions: holder -> organization
    holder = dict(view.pairs(KGO.holder))
    organization = dict(view.pairs(KGO.organization))
    title = dict(view.pairs(KGO.title))
    acting = {s for s, o in view.pairs(KGO.acting) if isinstance(o, Literal) and o.toPython() is True}
    reference = {s for s, o in view.pairs(KGO.fromGazetteer) if isinstance(o, Literal) and o.toPython() is True}
    n_positions = 0
    reference_posts = []
    for fact, person in sorted(holder.items()):
        is_reference = fact in reference
        if is_reference and not include_gazetteer:
            continue
        n_positions += not is_reference
        ref(person)
        org = organization.get(fact)
        if org is None:
            continue
        ref(org)
        name = str(title.get(fact, ""))
        key = f"{HOLDS_POST}|{name.casefold()}"
        if is_reference:
            reference_posts.append((str(person), str(org), key, name, fact in acting))
            continue
        edges.add(str(person), str(org), key, {"relation": HOLDS_POST, "title": name, "acting": fact in acting}, evidence(fact))
        if fact in acting:
            edges.attrs[(str(person), str(org), key)]["acting"] = True

    # involvement: party -> program
    party = dict(view.pairs(KGO.party))
    program = dict(view.pairs(KGO.program))
    for fact, who in sorted(party.items()):
        what = program.get(fact)
        if what is None:
            continue
        ref(who, what)
        edges.add(str(who), str(what), INVOLVED_IN, {"relation": INVOLVED_IN}, evidence(fact))

    # agency country: agency -> country
    agency = dict(view.pairs(KGO.agency))
    country = dict(view.pairs(KGO.country))
    for fact, who in sorted(agency.items()):
        where = country.get(fact)
        if where is None:
            continue
        ref(who, where)
        edges.add(str(who), str(where), BASED_IN, {"relation": BASED_IN}, evidence(fact))

    # events: co-participation and place
    participants: dict[Node, set[Node]] = defaultdict(set)
    for event, who in view.pairs(KGO.participant):
        participants[event].add(who)
    place = dict(view.pairs(KGO.place))
    status = {s: _STATUS_NAME.get(o, str(o)) for s, o in view.pairs(KGO.status)}
    date = {s: str(o) for s, o in view.pairs(KGO.date)}
    label_pairs = list(view.pairs(RDFS.label))
    event_type: dict[Node, str] = {}
    for type_name in EVENT_CLASSES:
        for node, _ in view.pairs(RDF.type, obj=event_class(type_name)):
            event_type.setdefault(node, type_name)
    event_label = {s: str(o) for s, o in label_pairs if s in status}
    for event in sorted(set(participants) | set(place)):
        attrs = {
            "event": str(event),
            "event_type": event_type.get(event, OTHER_EVENT),
            "event_label": event_label.get(event, ""),
            "date": date.get(event, ""),
            "status": status.get(event, ""),
        }
        who = sorted(participants.get(event, ()))
        ref(*who)
        ev = evidence(event)
        for a, b in combinations(sorted({str(w) for w in who}), 2):
            edges.add(a, b, f"{CO_PARTICIPANT}|{event}", {"relation": CO_PARTICIPANT, **attrs}, ev)
        at = place.get(event)
        if at is not None:
            ref(at)
            for w in who:
                if w != at:
                    edges.add(str(w), str(at), f"{AT_PLACE}|{event}", {"relation": AT_PLACE, **attrs}, ev)

    # quotations (a count on the speaker) and mentions
    quotations = Counter(speaker for _, speaker in view.pairs(KGO.speaker))
    ref(*quotations)
    mentions: Counter = Counter()
    mention_documents: dict[Node, set[Node]] = defaultdict(set)
    for mention, entity in view.pairs(KGO.refersTo):
        mentions[entity] += 1
        mention_documents[entity].add(fact_document.get(mention))
    ref(*mentions)

    # reference facts of the gazetteer, where no document states them
    if include_gazetteer:
        for person, org, key, name, is_acting in reference_posts:
            if (person, org, key) not in edges:
                attrs = {"relation": HOLDS_POST, "title": name, "acting": is_acting, "source": "gazetteer"}
                edges.add(person, org, key, attrs, ())
        for who, where in sorted(view.pairs(KGO.hasCountry)):
            ref(who, where)
            if (str(who), str(where), BASED_IN) not in edges:
                edges.add(str(who), str(where), BASED_IN, {"relation": BASED_IN, "source": "gazetteer"}, ())

    # --- nodes --------------------------------------------------------------------------
    nodes = set(entity_type) if include_gazetteer else referenced
    labels: dict[Node, Counter] = defaultdict(Counter)
    for s, o in label_pairs:
        if s in nodes:
            labels[s][o] = 1
    for s, names in labels.items():
        if len(names) > 1:  # several labels: count the documents that use each
            for o in names:
                names[o] = view.graph_count(s, RDFS.label, o)
    labels = {s: Counter({str(o): n for o, n in names.items()}) for s, names in labels.items()}
    aliases: dict[Node, set[str]] = defaultdict(set)
    for s, o in view.pairs(SKOS.altLabel):
        if s in nodes:
            aliases[s].add(str(o))
    wikidata: dict[Node, str] = {}
    for s, o in view.pairs(OWL.sameAs):
        if s in nodes and str(o).startswith(str(WD)):
            wikidata.setdefault(s, str(o)[len(str(WD)) :])
    reference_labels = view.reference_labels()

    G = nx.MultiDiGraph()
    G.graph.update(
        {
            "documents": len(documents),
            "mentions": sum(mentions.values()),
            "positions": n_positions,
            "events": len(status),
            "involvement": len(party),
            "agency_country": len(agency),
            "quotes": sum(quotations.values()),
            "include_gazetteer": include_gazetteer,
        }
    )
    for node in sorted(nodes, key=str):
        label = choose_label(labels.get(node, Counter()), reference_labels.get(node), node)
        names = (set(labels.get(node, ())) | aliases.get(node, set())) - {label}
        attrs = {
            "type": entity_type.get(node, "Entity"),
            "label": label,
            "aliases": json.dumps(sorted(names), ensure_ascii=False),
            "mentions": mentions.get(node, 0),
            "documents": len(mention_documents.get(node, ())),
            "quotes": quotations.get(node, 0),
        }
        if node in wikidata:
            attrs["wikidata"] = wikidata[node]
        G.add_node(str(node), **attrs)
    for (u, v, key) in sorted(edges.attrs):
        found = edges.evidence[(u, v, key)]
        data = {"source": "documents", **edges.attrs[(u, v, key)]}
        data.update(evidence_count=len(found), evidence=evidence_json(found), facts=edges.facts[(u, v, key)])
        for end_node in (u, v):
            if end_node not in G:
                G.add_node(end_node, type="Entity", label=choose_label(Counter(), None, end_node), aliases="[]", mentions=0, documents=0, quotes=0)
        G.add_edge(u, v, key=key, **data)
    return G


def _int(value: Node | None) -> int:
    try:
        return int(value) if value is not None else 0
    except (TypeError, ValueError):
        return 0
