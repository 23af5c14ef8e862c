"""Extractions and the gazetteer to RDF: the only stage that builds triples.

Each document's facts go to its own named graph (``kg.ontology.document_graph``), the gazetteer to
``GAZETTEER_GRAPH``. IRIs are minted by ``kg.ontology`` from the data, so the same input always
gives the same graph.

A document's graph is built as a :class:`Triples`: its terms written once, as N-Triples terms,
in the form Oxigraph prints them, so that its N-Quads (what the store loads) and its sorted
triples (what graph.trig and graph.ttl hold) come straight from it, with no RDF library object per
term. The gazetteer, and a document when a caller wants an rdflib dataset, go to rdflib.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import NamedTuple

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from kg.derive import stands_for
from kg.gazetteer import Gazetteer
from kg.model import DateValue, Entity, Evidence, Extraction
from kg.ontology import (
    GAZETTEER_GRAPH,
    KGO,
    PRECISION_DATATYPE,
    PRECISION_IRI,
    PREFIXES,
    STATUS_IRI,
    document_graph,
    document_iri,
    entity_class,
    entity_iri,
    event_class,
    evidence_iri,
    fact_iri,
    wikidata_iri,
)


class Lit(NamedTuple):
    """A literal: its lexical form and datatype (``None``: a plain string)."""

    lexical: str
    datatype: URIRef | None = None

    @classmethod
    def of(cls, value: "str | bool | int | Lit") -> "Lit":
        if isinstance(value, Lit):
            return value
        if isinstance(value, bool):
            return cls("true" if value else "false", XSD.boolean)
        if isinstance(value, int):
            return cls(str(value), XSD.integer)
        return cls(value)

    def n3(self) -> str:
        """The literal as N-Triples writes it, escaped as Oxigraph escapes it."""
        quoted = '"' + self.lexical.translate(_ESCAPES) + '"'
        return quoted if self.datatype is None else f"{quoted}^^<{self.datatype}>"

    def rdflib(self) -> Literal:
        return Literal(self.lexical, datatype=self.datatype)


_ESCAPES = {c: f"\\u{c:04X}" for c in (*range(0x20), 0x7F)} | {
    0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r", 0x22: '\\"', 0x5C: "\\\\"}
"""How N-Triples escapes a character of a string literal (as Oxigraph writes it: the same term
gives the same line, whoever writes it)."""

Object = URIRef | Lit


class Triples:
    """One graph's triples, as a set, with the lookups :func:`kg.derive.stands_for` makes (the
    few methods of an rdflib ``Graph`` it uses)."""

    def __init__(self, identifier: URIRef):
        self.identifier = identifier
        self._triples: set[tuple[URIRef, URIRef, Object]] = set()
        self._by_predicate: dict[URIRef, list[tuple[URIRef, URIRef, Object]]] | None = None
        self._indexes: dict[URIRef, tuple[dict, dict]] = {}

    def add(self, subject: URIRef, predicate: URIRef, value: "URIRef | Lit | str | bool | int") -> None:
        """Add a triple; a value that is not an IRI is a literal (``str``, ``bool``, ``int`` or :class:`Lit`)."""
        self._triples.add((subject, predicate, value if isinstance(value, URIRef) else Lit.of(value)))
        self._by_predicate = None

    def __len__(self) -> int:
        return len(self._triples)

    def __contains__(self, triple: tuple) -> bool:
        s, p, o = triple
        return (s, p, o if isinstance(o, URIRef) else Lit.of(o)) in self._triples

    def objects(self, subject: URIRef, predicate: URIRef) -> Iterator[Object]:
        return iter(self._index(predicate)[0].get(subject, ()))

    def subjects(self, predicate: URIRef, value: Object | None = None) -> Iterator[URIRef]:
        if value is None:
            return iter(dict.fromkeys(s for s, _, _ in self._with_predicate(predicate)))
        return iter(self._index(predicate)[1].get(value, ()))

    def __iter__(self) -> Iterator[tuple[URIRef, URIRef, Object]]:
        """The triples, in no order."""
        return iter(self._triples)

    def _with_predicate(self, predicate: URIRef) -> list[tuple[URIRef, URIRef, Object]]:
        """The triples of ``predicate`` (the triples are grouped by predicate once after a change)."""
        if self._by_predicate is None:
            groups = defaultdict(list)
            for triple in self._triples:
                groups[triple[1]].append(triple)
            self._by_predicate, self._indexes = groups, {}
        return self._by_predicate.get(predicate, [])

    def _index(self, predicate: URIRef) -> tuple[dict, dict]:
        """Subject -> objects and object -> subjects of ``predicate``, made when first asked."""
        triples = self._with_predicate(predicate)
        if predicate not in self._indexes:
            by_subject, by_object = defaultdict(list), defaultdict(list)
            for s, _, o in triples:
                by_subject[s].append(o)
                by_object[o].append(s)
            self._indexes[predicate] = by_subject, by_object
        return self._indexes[predicate]

    def ntriples(self) -> list[tuple[str, str, str]]:
        """The triples as N-Triples terms, sorted as graph.trig and graph.ttl hold them (by subject,
        predicate, object, each as Oxigraph prints it)."""
        return sorted((f"<{s}>", f"<{p}>", f"<{o}>" if isinstance(o, URIRef) else o.n3()) for s, p, o in self._triples)

    def nquads(self) -> bytes:
        """The triples in this graph as N-Quads, sorted as :meth:`ntriples`."""
        suffix = f" <{self.identifier}> .\n"
        return "".join(f"{s} {p} {o}{suffix}" for s, p, o in self.ntriples()).encode("utf-8")

    def rdflib(self) -> Iterator[tuple]:
        """The triples as rdflib terms."""
        for s, p, o in self._triples:
            yield s, p, o if isinstance(o, URIRef) else o.rdflib()


def new_dataset() -> Dataset:
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    return ds


def key_iri(type_name: str, key: str) -> URIRef:
    """IRI of an entity from its type and resolver key (``person:sean duffy`` or a gazetteer id)."""
    return entity_iri(type_name, key.split(":", 1)[-1])


def date_literal(value: DateValue) -> Lit:
    return Lit(value.iso, PRECISION_DATATYPE[value.precision])


def emit_document(ds: Dataset, extraction: Extraction, reference: Graph | None = None) -> URIRef:
    """Add one document's named graph to ``ds`` (replacing any earlier version); returns the graph IRI.

    ``reference`` is the gazetteer graph (see :func:`gazetteer_graph`): its countries and posts
    count, with the document's own, for the derived ``kgo:standsFor`` links (``kg.derive``).
    """
    triples = document_triples(extraction, reference)
    graph = ds.graph(triples.identifier)
    ds.remove_graph(graph)
    ds.addN((s, p, o, graph) for s, p, o in triples.rdflib())
    return triples.identifier


def document_triples(extraction: Extraction, reference: Graph | None = None) -> Triples:
    """One document's named graph on its own: the document, its entities, every fact with its
    evidence, and the derived ``kgo:standsFor`` links."""
    doc_id = extraction.document.doc_id
    g = Triples(document_graph(doc_id))
    doc = document_iri(doc_id)
    _document(g, doc, extraction.document)
    iris = {key: key_iri(e.type, key) for key, e in extraction.entities.items()}
    for key, entity in extraction.entities.items():
        _entity(g, iris[key], entity)
    facts = _Facts(g, doc_id, iris)
    for emit_kind in (_mentions, _positions, _events, _pairs, _quotes):
        emit_kind(facts, extraction)
    for node, party in stands_for(g, reference):
        g.add(node, KGO.standsFor, party)
    return g


def _document(g: Triples, doc: URIRef, document) -> None:
    g.add(doc, RDF.type, KGO.Document)
    g.add(doc, KGO.sourceFile, document.source_name)
    g.add(doc, KGO.textKind, document.kind)
    optional = ((DCTERMS.title, document.title), (KGO.contentHash, document.sha256), (DCTERMS.source, document.source))
    for prop, value in optional:
        if value:
            g.add(doc, prop, value)
    if document.published:
        g.add(doc, KGO.published, Lit(document.published.isoformat(), XSD.date))


class _Facts:
    """Where a document's facts go: its graph, its document node and its entities' IRIs."""

    def __init__(self, g: Triples, doc_id: str, iris: dict[str, URIRef]):
        self.g, self.doc_id, self.iris = g, doc_id, iris
        self.doc = document_iri(doc_id)
        self._evidence_nodes: dict[Evidence, URIRef] = {}

    def fact(self, node: URIRef, cls: URIRef, evidence: Evidence) -> None:
        """A fact node of class ``cls``, in this document, with its evidence."""
        self.g.add(node, RDF.type, cls)
        self.g.add(node, KGO.document, self.doc)
        self.g.add(node, KGO.evidence, self.evidence(evidence))

    def evidence(self, evidence: Evidence) -> URIRef:
        """The node of a sentence of evidence; its triples are added once, however many facts cite it."""
        node = self._evidence_nodes.get(evidence)
        if node is None:
            node = self._evidence_nodes[evidence] = _evidence(self.g, self.doc, evidence)
        return node

    def pair(self, kind: str, cls: URIRef, evidence: Evidence, subject: tuple[URIRef, str], obj: tuple[URIRef, str], shortcut: URIRef) -> None:
        """A reified two-place fact plus its direct shortcut triple (subject shortcut object)."""
        (s_prop, s_key), (o_prop, o_key) = subject, obj
        node = fact_iri(kind, self.doc_id, *((o_key, s_key) if kind == "involvement" else (s_key, o_key)))
        self.fact(node, cls, evidence)
        self.g.add(node, s_prop, self.iris[s_key])
        self.g.add(node, o_prop, self.iris[o_key])
        self.g.add(self.iris[s_key], shortcut, self.iris[o_key])


def _mentions(f: _Facts, extraction: Extraction) -> None:
    document = extraction.document
    for m in extraction.mentions:
        start, end = document.to_original(m.start, m.end)
        node = fact_iri("mention", document.doc_id, start, end)
        f.fact(node, KGO.Mention, m.evidence)
        for prop, value in ((KGO.refersTo, f.iris[m.entity_key]), (KGO.surfaceForm, m.text), (KGO.start, start), (KGO.end, end)):
            f.g.add(node, prop, value)


def _positions(f: _Facts, extraction: Extraction) -> None:
    published = extraction.document.published
    for p in extraction.positions:
        node = fact_iri("position", extraction.document.doc_id, p.person, p.title, p.organization)
        f.fact(node, KGO.Position, p.evidence)
        f.g.add(node, KGO.holder, f.iris[p.person])
        f.g.add(node, KGO.title, p.title)
        f.g.add(node, KGO.acting, bool(p.acting))
        if p.organization and p.organization in f.iris:
            f.g.add(node, KGO.organization, f.iris[p.organization])
        if published:
            f.g.add(node, KGO.asOf, Lit(published.isoformat(), XSD.date))
        for prop, value in ((KGO.startDate, p.start), (KGO.endDate, p.end)):
            if value:
                f.g.add(node, prop, date_literal(value))


def _events(f: _Facts, extraction: Extraction) -> None:
    for ev in extraction.events:
        node = fact_iri("event", extraction.document.doc_id, ev.type, ev.date, ev.evidence[0].start, ev.label)
        f.fact(node, event_class(ev.type), ev.evidence[0])
        for more in ev.evidence[1:]:  # one kgo:evidence per sentence that mentions the event
            f.g.add(node, KGO.evidence, f.evidence(more))
        f.g.add(node, RDFS.label, ev.label)
        f.g.add(node, KGO.status, STATUS_IRI[ev.status])
        if ev.date:
            f.g.add(node, KGO.date, date_literal(ev.date))
            f.g.add(node, KGO.datePrecision, PRECISION_IRI[ev.date.precision])
        if ev.place:
            f.g.add(node, KGO.place, f.iris[ev.place])
        for participant in ev.participants:
            f.g.add(node, KGO.participant, f.iris[participant])


def _pairs(f: _Facts, extraction: Extraction) -> None:
    for inv in extraction.involvements:
        f.pair("involvement", KGO.Involvement, inv.evidence, (KGO.party, inv.party), (KGO.program, inv.program), KGO.involvedIn)
    for ac in extraction.agency_countries:
        f.pair("agencycountry", KGO.AgencyCountry, ac.evidence, (KGO.agency, ac.agency), (KGO.country, ac.country), KGO.hasCountry)


def _quotes(f: _Facts, extraction: Extraction) -> None:
    for q in extraction.quotes:
        node = fact_iri("quotation", extraction.document.doc_id, q.speaker, q.text)
        f.fact(node, KGO.Quotation, q.evidence)
        f.g.add(node, KGO.speaker, f.iris[q.speaker])
        f.g.add(node, KGO.text, q.text)


def _entity(g: Triples, iri: URIRef, entity: Entity) -> None:
    g.add(iri, RDF.type, entity_class(entity.type))
    g.add(iri, RDFS.label, entity.label)
    for alias in sorted(entity.aliases):
        g.add(iri, SKOS.altLabel, alias)
    if entity.wikidata:
        g.add(iri, OWL.sameAs, wikidata_iri(entity.wikidata))


def _evidence(g: Triples, doc: URIRef, evidence: Evidence) -> URIRef:
    node = evidence_iri(evidence.doc_id, evidence.start, evidence.end)
    g.add(node, RDF.type, KGO.Evidence)
    g.add(node, KGO.document, doc)
    g.add(node, KGO.sentence, evidence.sentence)
    g.add(node, KGO.start, evidence.start)
    g.add(node, KGO.end, evidence.end)
    return node


def emit_gazetteer(ds: Dataset, gazetteer: Gazetteer) -> Graph:
    """The reference gazetteer as its own named graph: names, Wikidata links, countries, posts."""
    ds.remove_graph(ds.graph(GAZETTEER_GRAPH))
    g = ds.graph(GAZETTEER_GRAPH)
    _gazetteer_triples(g, gazetteer)
    return g


def gazetteer_graph(gazetteer: Gazetteer) -> Graph:
    """The gazetteer's triples as a plain graph: the ``reference`` of :func:`emit_document`."""
    g = Graph(identifier=GAZETTEER_GRAPH)
    _gazetteer_triples(g, gazetteer)
    return g


def _gazetteer_triples(g: Graph, gazetteer: Gazetteer) -> None:
    for entry in gazetteer.entries.values():
        iri = entity_iri(entry.type, entry.id)
        g.add((iri, RDF.type, entity_class(entry.type)))
        g.add((iri, RDFS.label, Literal(entry.label)))
        for alias in entry.aliases:
            g.add((iri, SKOS.altLabel, Literal(alias)))
        for phrase in entry.descriptions:
            g.add((iri, SKOS.hiddenLabel, Literal(phrase)))
        if entry.wikidata:
            g.add((iri, OWL.sameAs, wikidata_iri(entry.wikidata)))
        if entry.country and entry.country in gazetteer.entries:
            g.add((iri, KGO.hasCountry, entity_iri("Country", entry.country)))
        for post in entry.positions:
            org = gazetteer.entries.get(post.organization)
            node = fact_iri("refposition", "gazetteer", entry.id, post.title, post.organization, post.start)
            g.add((node, RDF.type, KGO.Position))
            g.add((node, KGO.holder, iri))
            g.add((node, KGO.title, Literal(post.title)))
            g.add((node, KGO.acting, Literal(bool(post.acting))))
            g.add((node, KGO.fromGazetteer, Literal(True)))
            if org is not None:
                g.add((node, KGO.organization, entity_iri(org.type, org.id)))
            for prop, value in ((KGO.startDate, post.start), (KGO.endDate, post.end)):
                if value:
                    g.add((node, prop, _partial_date(str(value))))


def _partial_date(value: str) -> Literal:
    parts = value.split("-")
    precision = {1: "year", 2: "month"}.get(len(parts), "day")
    return Literal(value, datatype=PRECISION_DATATYPE[precision])


__all__ = ["Lit", "Triples", "new_dataset", "emit_document", "document_triples", "emit_gazetteer", "gazetteer_graph", "key_iri", "date_literal"]
