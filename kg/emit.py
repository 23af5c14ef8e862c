"""Extractions and the gazetteer to RDF: the only stage that builds triples.

Each document's facts go to its own named graph (``kg.ontology.document_graph``), the gazetteer to
``GAZETTEER_GRAPH``. IRIs are minted by ``kg.ontology`` from the data, so the same input always
gives the same graph.
"""

from __future__ import annotations

from rdflib import BNode, Dataset, Graph, Literal, URIRef
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


def new_dataset() -> Dataset:
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    return ds


def key_iri(type_name: str, key: str) -> URIRef:
    """IRI of an entity from its type and resolver key (``person:sean duffy`` or a gazetteer id)."""
    return entity_iri(type_name, key.split(":", 1)[-1])


def date_literal(value: DateValue) -> Literal:
    return Literal(value.iso, datatype=PRECISION_DATATYPE[value.precision])


def emit_document(ds: Dataset, extraction: Extraction, reference: Graph | None = None) -> URIRef:
    """Add one document's named graph to ``ds`` (replacing any earlier version); returns the graph IRI.

    ``reference`` is the gazetteer graph (see :func:`gazetteer_graph`): its countries and posts
    count, with the document's own, for the derived ``kgo:standsFor`` links (``kg.derive``).
    """
    graph = document_graph_of(extraction, reference)
    ds.remove_graph(ds.graph(graph.identifier))
    ds.addN((s, p, o, ds.graph(graph.identifier)) for s, p, o in graph)
    return graph.identifier


def document_graph_of(extraction: Extraction, reference: Graph | None = None) -> Graph:
    """One document's named graph on its own (a light in-memory graph, quick to fill and to write
    as N-Quads with :func:`document_nquads`): the document, its entities, every fact with its
    evidence, and the derived ``kgo:standsFor`` links."""
    doc_id = extraction.document.doc_id
    g = Graph(store="SimpleMemory", identifier=document_graph(doc_id))
    doc = document_iri(doc_id)
    _document(g, doc, extraction.document)
    iris = {key: key_iri(e.type, key) for key, e in extraction.entities.items()}
    for key, entity in extraction.entities.items():
        _entity(g, iris[key], entity)
    facts = _Facts(g, doc_id, iris)
    for emit_kind in (_mentions, _positions, _events, _pairs, _quotes):
        emit_kind(facts, extraction)
    for node, party in stands_for(g, reference):
        g.add((node, KGO.standsFor, party))
    return g


def document_nquads(graph: Graph) -> bytes:
    """The N-Quads of a graph from :func:`document_graph_of` (its triples in its named graph)."""
    suffix = f" {graph.identifier.n3()} .\n"
    lines = graph.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines()
    return "".join(line[:-2] + suffix for line in lines if line).encode("utf-8")


def _document(g: Graph, doc: URIRef, document) -> None:
    g.add((doc, RDF.type, KGO.Document))
    g.add((doc, KGO.sourceFile, Literal(document.source_name)))
    g.add((doc, KGO.textKind, Literal(document.kind)))
    optional = ((DCTERMS.title, document.title), (KGO.contentHash, document.sha256), (DCTERMS.source, document.source))
    for prop, value in optional:
        if value:
            g.add((doc, prop, Literal(value)))
    if document.published:
        g.add((doc, KGO.published, Literal(document.published.isoformat(), datatype=XSD.date)))


class _Facts:
    """Where a document's facts go: its graph, its document node and its entities' IRIs."""

    def __init__(self, g: Graph, doc_id: str, iris: dict[str, URIRef]):
        self.g, self.doc_id, self.iris = g, doc_id, iris
        self.doc = document_iri(doc_id)

    def fact(self, node: URIRef, cls: URIRef, evidence: Evidence) -> None:
        """A fact node of class ``cls``, in this document, with its evidence."""
        self.g.add((node, RDF.type, cls))
        self.g.add((node, KGO.document, self.doc))
        self.g.add((node, KGO.evidence, _evidence(self.g, self.doc, evidence)))

    def pair(self, kind: str, cls: URIRef, evidence: Evidence, subject: tuple[URIRef, str], obj: tuple[URIRef, str], shortcut: URIRef) -> None:
        """A reified two-place fact plus its direct shortcut triple (subject shortcut object)."""
        (s_prop, s_key), (o_prop, o_key) = subject, obj
        node = fact_iri(kind, self.doc_id, *((o_key, s_key) if kind == "involvement" else (s_key, o_key)))
        self.fact(node, cls, evidence)
        self.g.add((node, s_prop, self.iris[s_key]))
        self.g.add((node, o_prop, self.iris[o_key]))
        self.g.add((self.iris[s_key], shortcut, self.iris[o_key]))


def _mentions(f: _Facts, extraction: Extraction) -> None:
    document = extraction.document
    for m in extraction.mentions:
        start, end = document.to_original(m.start, m.end)
        node = fact_iri("mention", document.doc_id, start, end)
        f.fact(node, KGO.Mention, m.evidence)
        for prop, value in ((KGO.refersTo, f.iris[m.entity_key]), (KGO.surfaceForm, Literal(m.text)), (KGO.start, Literal(start)), (KGO.end, Literal(end))):
            f.g.add((node, prop, value))


def _positions(f: _Facts, extraction: Extraction) -> None:
    published = extraction.document.published
    for p in extraction.positions:
        node = fact_iri("position", extraction.document.doc_id, p.person, p.title, p.organization)
        f.fact(node, KGO.Position, p.evidence)
        f.g.add((node, KGO.holder, f.iris[p.person]))
        f.g.add((node, KGO.title, Literal(p.title)))
        f.g.add((node, KGO.acting, Literal(p.acting)))
        if p.organization and p.organization in f.iris:
            f.g.add((node, KGO.organization, f.iris[p.organization]))
        if published:
            f.g.add((node, KGO.asOf, Literal(published.isoformat(), datatype=XSD.date)))
        for prop, value in ((KGO.startDate, p.start), (KGO.endDate, p.end)):
            if value:
                f.g.add((node, prop, date_literal(value)))


def _events(f: _Facts, extraction: Extraction) -> None:
    for ev in extraction.events:
        node = fact_iri("event", extraction.document.doc_id, ev.type, ev.date, ev.evidence[0].start, ev.label)
        f.fact(node, event_class(ev.type), ev.evidence[0])
        for more in ev.evidence[1:]:  # one kgo:evidence per sentence that mentions the event
            f.g.add((node, KGO.evidence, _evidence(f.g, f.doc, more)))
        f.g.add((node, RDFS.label, Literal(ev.label)))
        f.g.add((node, KGO.status, STATUS_IRI[ev.status]))
        if ev.date:
            f.g.add((node, KGO.date, date_literal(ev.date)))
            f.g.add((node, KGO.datePrecision, PRECISION_IRI[ev.date.precision]))
        if ev.place:
            f.g.add((node, KGO.place, f.iris[ev.place]))
        for participant in ev.participants:
            f.g.add((node, KGO.participant, f.iris[participant]))


def _pairs(f: _Facts, extraction: Extraction) -> None:
    for inv in extraction.involvements:
        f.pair("involvement", KGO.Involvement, inv.evidence, (KGO.party, inv.party), (KGO.program, inv.program), KGO.involvedIn)
    for ac in extraction.agency_countries:
        f.pair("agencycountry", KGO.AgencyCountry, ac.evidence, (KGO.agency, ac.agency), (KGO.country, ac.country), KGO.hasCountry)


def _quotes(f: _Facts, extraction: Extraction) -> None:
    for q in extraction.quotes:
        node = fact_iri("quotation", extraction.document.doc_id, q.speaker, q.text)
        f.fact(node, KGO.Quotation, q.evidence)
        f.g.add((node, KGO.speaker, f.iris[q.speaker]))
        f.g.add((node, KGO.text, Literal(q.text)))


def _entity(g: Graph, iri: URIRef, entity: Entity) -> None:
    g.add((iri, RDF.type, entity_class(entity.type)))
    g.add((iri, RDFS.label, Literal(entity.label)))
    for alias in sorted(entity.aliases):
        g.add((iri, SKOS.altLabel, Literal(alias)))
    if entity.wikidata:
        g.add((iri, OWL.sameAs, wikidata_iri(entity.wikidata)))


def _evidence(g: Graph, doc: URIRef, evidence: Evidence) -> URIRef:
    node = evidence_iri(evidence.doc_id, evidence.start, evidence.end)
    g.add((node, RDF.type, KGO.Evidence))
    g.add((node, KGO.document, doc))
    g.add((node, KGO.sentence, Literal(evidence.sentence)))
    g.add((node, KGO.start, Literal(evidence.start)))
    g.add((node, KGO.end, Literal(evidence.end)))
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


__all__ = ["new_dataset", "emit_document", "document_graph_of", "document_nquads", "emit_gazetteer", "gazetteer_graph", "key_iri", "date_literal", "BNode"]
