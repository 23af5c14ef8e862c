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

    projection = _Projection(TripleView(dataset, include_gazetteer=include_gazetteer), include_gazetteer)
    projection.add_positions()
    projection.add_involvement()
    projection.add_agency_countries()
    projection.add_events()
    projection.count_speakers_and_mentions()
    if include_gazetteer:
        projection.add_reference_facts()
    return projection.to_graph(nx.MultiDiGraph())


class _Projection:
    """The projection being built: the facts read so far as edges, and what the nodes need."""

    def __init__(self, view: TripleView, include_gazetteer: bool):
        self.view = view
        self.include_gazetteer = include_gazetteer
        self.documents = view.document_names()
        self.fact_document = dict(view.pairs(KGO.document))
        self.fact_evidence = self._fact_evidence()
        self.entity_type: dict[Node, str] = {}
        for type_name in ENTITY_TYPES:
            for node, _ in view.pairs(RDF.type, obj=entity_class(type_name)):
                self.entity_type.setdefault(node, type_name)
        self.edges = _Edges()
        self.referenced: set[Node] = set()
        self.counts: Counter = Counter()
        self.reference_posts: list[tuple[str, str, str, str, bool]] = []
        self.quotations: Counter = Counter()
        self.mentions: Counter = Counter()
        self.mention_documents: dict[Node, set[Node]] = defaultdict(set)

    def _fact_evidence(self) -> dict[Node, list[Evidence]]:
        view = self.view
        sentence, start, end = dict(view.pairs(KGO.sentence)), dict(view.pairs(KGO.start)), dict(view.pairs(KGO.end))
        evidence_of: dict[Node, Evidence] = {}
        for node, text in sentence.items():
            doc = self.fact_document.get(node)
            evidence_of[node] = Evidence(self.documents.get(doc, str(doc or "")), _int(start.get(node)), _int(end.get(node)), str(text))
        fact_evidence: dict[Node, list[Evidence]] = defaultdict(list)
        for fact, ev in view.pairs(KGO.evidence):
            if ev in evidence_of:
                fact_evidence[fact].append(evidence_of[ev])
        return fact_evidence

    def evidence(self, fact: Node) -> tuple[Evidence, ...]:
        return tuple(self.fact_evidence.get(fact, ()))

    def ref(self, *nodes: Node) -> None:
        self.referenced.update(nodes)

    def add_positions(self) -> None:
        """Positions: holder -> organization; the gazetteer's are kept aside (``add_reference_facts``)."""
        view = self.view
        organization, title = dict(view.pairs(KGO.organization)), dict(view.pairs(KGO.title))
        acting = {s for s, o in view.pairs(KGO.acting) if isinstance(o, Literal) and o.toPython() is True}
        reference = {s for s, o in view.pairs(KGO.fromGazetteer) if isinstance(o, Literal) and o.toPython() is True}
        for fact, person in sorted(dict(view.pairs(KGO.holder)).items()):
            is_reference = fact in reference
            if is_reference and not self.include_gazetteer:
                continue
            self.counts["positions"] += not is_reference
            self.ref(person)
            org = organization.get(fact)
            if org is None:
                continue
            self.ref(org)
            name = str(title.get(fact, ""))
            key = f"{HOLDS_POST}|{name.casefold()}"
            if is_reference:
                self.reference_posts.append((str(person), str(org), key, name, fact in acting))
                continue
            self.edges.add(str(person), str(org), key, {"relation": HOLDS_POST, "title": name, "acting": fact in acting}, self.evidence(fact))
            if fact in acting:
                self.edges.attrs[(str(person), str(org), key)]["acting"] = True

    def _pair_edges(self, subject_of: Node, object_of: Node, relation: str, kind: str) -> None:
        """Two-place facts (``subject_of`` -> ``object_of``) as edges of ``relation``."""
        subjects, objects = dict(self.view.pairs(subject_of)), dict(self.view.pairs(object_of))
        self.counts[kind] = len(subjects)
        for fact, who in sorted(subjects.items()):
            what = objects.get(fact)
            if what is None:
                continue
            self.ref(who, what)
            self.edges.add(str(who), str(what), relation, {"relation": relation}, self.evidence(fact))

    def add_involvement(self) -> None:
        """Involvement: party -> program."""
        self._pair_edges(KGO.party, KGO.program, INVOLVED_IN, "involvement")

    def add_agency_countries(self) -> None:
        """Agency country: agency -> country."""
        self._pair_edges(KGO.agency, KGO.country, BASED_IN, "agency_country")

    def add_events(self) -> None:
        """Events: an edge between each two participants, and from each participant to the place."""
        view = self.view
        participants: dict[Node, set[Node]] = defaultdict(set)
        for event, who in view.pairs(KGO.participant):
            participants[event].add(who)
        place = dict(view.pairs(KGO.place))
        status = {s: _STATUS_NAME.get(o, str(o)) for s, o in view.pairs(KGO.status)}
        self.counts["events"] = len(status)
        date = {s: str(o) for s, o in view.pairs(KGO.date)}
        event_type: dict[Node, str] = {}
        for type_name in EVENT_CLASSES:
            for node, _ in view.pairs(RDF.type, obj=event_class(type_name)):
                event_type.setdefault(node, type_name)
        event_label = {s: str(o) for s, o in view.pairs(RDFS.label) if s in status}
        for event in sorted(set(participants) | set(place)):
            attrs = {
                "event": str(event),
                "event_type": event_type.get(event, OTHER_EVENT),
                "event_label": event_label.get(event, ""),
                "date": date.get(event, ""),
                "status": status.get(event, ""),
            }
            who = sorted(participants.get(event, ()))
            self.ref(*who)
            ev = self.evidence(event)
            for a, b in combinations(sorted({str(w) for w in who}), 2):
                self.edges.add(a, b, f"{CO_PARTICIPANT}|{event}", {"relation": CO_PARTICIPANT, **attrs}, ev)
            at = place.get(event)
            if at is not None:
                self.ref(at)
                for w in who:
                    if w != at:
                        self.edges.add(str(w), str(at), f"{AT_PLACE}|{event}", {"relation": AT_PLACE, **attrs}, ev)

    def count_speakers_and_mentions(self) -> None:
        """Quotations (a count on the speaker: a quotation has no second party) and mentions."""
        self.quotations = Counter(speaker for _, speaker in self.view.pairs(KGO.speaker))
        self.ref(*self.quotations)
        for mention, entity in self.view.pairs(KGO.refersTo):
            self.mentions[entity] += 1
            self.mention_documents[entity].add(self.fact_document.get(mention))
        self.ref(*self.mentions)

    def add_reference_facts(self) -> None:
        """The gazetteer's posts and agency countries, where no document states them (no evidence)."""
        for person, org, key, name, is_acting in self.reference_posts:
            if (person, org, key) not in self.edges:
                attrs = {"relation": HOLDS_POST, "title": name, "acting": is_acting, "source": "gazetteer"}
                self.edges.add(person, org, key, attrs, ())
        for who, where in sorted(self.view.pairs(KGO.hasCountry)):
            self.ref(who, where)
            if (str(who), str(where), BASED_IN) not in self.edges:
                self.edges.add(str(who), str(where), BASED_IN, {"relation": BASED_IN, "source": "gazetteer"}, ())

    def _node_names(self, nodes: set[Node]) -> tuple[dict[Node, Counter], dict[Node, set[str]], dict[Node, str]]:
        """Each node's labels (counted by the documents using each), aliases and Wikidata id."""
        view = self.view
        labels: dict[Node, Counter] = defaultdict(Counter)
        for s, o in view.pairs(RDFS.label):
            if s in nodes:
                labels[s][o] = 1
        for s, names in labels.items():
            if len(names) > 1:  # several labels: count the documents that use each
                for o in names:
                    names[o] = view.graph_count(s, RDFS.label, o)
        counted = {s: Counter({str(o): n for o, n in names.items()}) for s, names in labels.items()}
        aliases: dict[Node, set[str]] = defaultdict(set)
        for s, o in view.pairs(SKOS.altLabel):
            if s in nodes:
                aliases[s].add(str(o))
        wikidata: dict[Node, str] = {}
        for s, o in view.pairs(OWL.sameAs):
            if s in nodes and str(o).startswith(str(WD)):
                wikidata.setdefault(s, str(o)[len(str(WD)) :])
        return counted, aliases, wikidata

    def to_graph(self, G: "nx.MultiDiGraph") -> "nx.MultiDiGraph":
        """Fill ``G`` with the nodes (entities) and edges (facts) read."""
        nodes = set(self.entity_type) if self.include_gazetteer else self.referenced
        labels, aliases, wikidata = self._node_names(nodes)
        reference_labels = self.view.reference_labels()
        G.graph.update(
            {
                "documents": len(self.documents),
                "mentions": sum(self.mentions.values()),
                "positions": self.counts["positions"],
                "events": self.counts["events"],
                "involvement": self.counts["involvement"],
                "agency_country": self.counts["agency_country"],
                "quotes": sum(self.quotations.values()),
                "include_gazetteer": self.include_gazetteer,
            }
        )
        for node in sorted(nodes, key=str):
            label = choose_label(labels.get(node, Counter()), reference_labels.get(node), node)
            names = (set(labels.get(node, ())) | aliases.get(node, set())) - {label}
            attrs = {
                "type": self.entity_type.get(node, "Entity"),
                "label": label,
                "aliases": json.dumps(sorted(names), ensure_ascii=False),
                "mentions": self.mentions.get(node, 0),
                "documents": len(self.mention_documents.get(node, ())),
                "quotes": self.quotations.get(node, 0),
            }
            if node in wikidata:
                attrs["wikidata"] = wikidata[node]
            G.add_node(str(node), **attrs)
        for (u, v, key) in sorted(self.edges.attrs):
            found = self.edges.evidence[(u, v, key)]
            data = {"source": "documents", **self.edges.attrs[(u, v, key)]}
            data.update(evidence_count=len(found), evidence=evidence_json(found), facts=self.edges.facts[(u, v, key)])
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
