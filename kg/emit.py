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
    document = extraction.document
    doc_id = document.doc_id
    graph_iri = document_graph(doc_id)
    ds.remove_graph(ds.graph(graph_iri))
    g = ds.graph(graph_iri)
    doc = document_iri(doc_id)
    g.add((doc, RDF.type, KGO.Document))
    g.add((doc, KGO.sourceFile, Literal(document.source_name)))
    if document.title:
        g.add((doc, DCTERMS.title, Literal(document.title)))
    if document.published:
        g.add((doc, KGO.published, Literal(document.published.isoformat(), datatype=XSD.date)))
    if document.sha256:
        g.add((doc, KGO.contentHash, Literal(document.sha256)))
    if document.source:
        g.add((doc, DCTERMS.source, Literal(document.source)))
    g.add((doc, KGO.textKind, Literal(document.kind)))

    iris = {key: key_iri(e.type, key) for key, e in extraction.entities.items()}
    for key, entity in extraction.entities.items():
        _entity(g, iris[key], entity)

    def fact(node: URIRef, cls: URIRef, evidence: Evidence) -> None:
        g.add((node, RDF.type, cls))
        g.add((node, KGO.document, doc))
        g.add((node, KGO.evidence, _evidence(g, doc, evidence)))

    for m in extraction.mentions:
        start, end = document.to_original(m.start, m.end)
        node = fact_iri("mention", doc_id, start, end)
        fact(node, KGO.Mention, m.evidence)
        g.add((node, KGO.refersTo, iris[m.entity_key]))
        g.add((node, KGO.surfaceForm, Literal(m.text)))
        g.add((node, KGO.start, Literal(start)))
        g.add((node, KGO.end, Literal(end)))
    for p in extraction.positions:
        node = fact_iri("position", doc_id, p.person, p.title, p.organization)
        fact(node, KGO.Position, p.evidence)
        g.add((node, KGO.holder, iris[p.person]))
        g.add((node, KGO.title, Literal(p.title)))
        if p.organization and p.organization in iris:
            g.add((node, KGO.organization, iris[p.organization]))
        g.add((node, KGO.acting, Literal(p.acting)))
        if document.published:
            g.add((node, KGO.asOf, Literal(document.published.isoformat(), datatype=XSD.date)))
        if p.start:
            g.add((node, KGO.startDate, date_literal(p.start)))
        if p.end:
            g.add((node, KGO.endDate, date_literal(p.end)))
    for ev in extraction.events:
        node = fact_iri("event", doc_id, ev.type, ev.date, ev.evidence[0].start, ev.label)
        fact(node, event_class(ev.type), ev.evidence[0])
        for more in ev.evidence[1:]:  # one kgo:evidence per sentence that mentions the event
            g.add((node, KGO.evidence, _evidence(g, doc, more)))
        g.add((node, RDFS.label, Literal(ev.label)))
        if ev.date:
            g.add((node, KGO.date, date_literal(ev.date)))
            g.add((node, KGO.datePrecision, PRECISION_IRI[ev.date.precision]))
        if ev.place:
            g.add((node, KGO.place, iris[ev.place]))
        for p in ev.participants:
            g.add((node, KGO.participant, iris[p]))
        g.add((node, KGO.status, STATUS_IRI[ev.status]))
    def pair(kind: str, cls: URIRef, evidence: Evidence, subject: tuple[URIRef, str],
             obj: tuple[URIRef, str], shortcut: URIRef) -> None:
        """A reified two-place fact plus its direct shortcut triple (subject shortcut object)."""
        (s_prop, s_key), (o_prop, o_key) = subject, obj
        node = fact_iri(kind, doc_id, *((o_key, s_key) if kind == "involvement" else (s_key, o_key)))
        fact(node, cls, evidence)
        g.add((node, s_prop, iris[s_key]))
        g.add((node, o_prop, iris[o_key]))
        g.add((iris[s_key], shortcut, iris[o_key]))

    for inv in extraction.involvements:
        pair("involvement", KGO.Involvement, inv.evidence, (KGO.party, inv.party), (KGO.program, inv.program), KGO.involvedIn)
    for ac in extraction.agency_countries:
        pair("agencycountry", KGO.AgencyCountry, ac.evidence, (KGO.agency, ac.agency), (KGO.country, ac.country), KGO.hasCountry)
    for q in extraction.quotes:
        node = fact_iri("quotation", doc_id, q.speaker, q.text)
        fact(node, KGO.Quotation, q.evidence)
        g.add((node, KGO.speaker, iris[q.speaker]))
        g.add((node, KGO.text, Literal(q.text)))
    for node, party in stands_for(g, reference):
        g.add((node, KGO.standsFor, party))
    return graph_iri


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


__all__ = ["new_dataset", "emit_document", "emit_gazetteer", "gazetteer_graph", "key_iri", "date_literal", "BNode"]
