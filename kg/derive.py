"""Derived links: which agency or country each node of a document graph acts for.

``kgo:standsFor`` is not read from the text. It is computed when a document graph is emitted,
from facts that graph and the gazetteer graph already hold, so that a question about a party
(the ``cooperation`` query) starts from one index lookup instead of a union of joins over every
post and country in the store. A node with a label in the document graph stands for:

- itself, if it is an agency or a country;
- each country it has (``kgo:hasCountry``);
- the organization of each post it holds, if that organization is an agency or a country,
  and each country of that organization;

each fact as the document graph or the gazetteer graph (the *reference*) states it. The links
go into the document graph, so ``kg add`` and ``kg remove`` keep them with the facts they come
from. A graph built by an older version has none: rebuild it.

>>> from rdflib import Graph, Literal, URIRef
>>> from rdflib.namespace import RDF, RDFS
>>> from kg.ontology import KGO
>>> nasa, usa, duffy, post = (URIRef(f"urn:x:{n}") for n in ("nasa", "usa", "duffy", "post"))
>>> doc = Graph()
>>> for triple in [(nasa, RDF.type, KGO.Agency), (nasa, RDFS.label, Literal("NASA")),
...                (duffy, RDFS.label, Literal("Sean Duffy")), (post, KGO.holder, duffy),
...                (post, KGO.organization, nasa)]:
...     _ = doc.add(triple)
>>> reference = Graph()
>>> _ = reference.add((nasa, KGO.hasCountry, usa))
>>> sorted((str(v)[6:], str(p)[6:]) for v, p in stands_for(doc, reference))
[('duffy', 'nasa'), ('duffy', 'usa'), ('nasa', 'nasa'), ('nasa', 'usa')]
"""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS

from kg.ontology import KGO

PARTY_CLASSES = (KGO.Agency, KGO.Country)
"""What a party of a cooperation can be."""


def stands_for(document: Graph, reference: Graph | None = None) -> set[tuple[URIRef, URIRef]]:
    """The ``(node, party)`` pairs of ``kgo:standsFor`` for the labelled nodes of ``document``."""
    sources = (document,) if reference is None else (document, reference)

    def is_party(node: URIRef) -> bool:
        return any((node, RDF.type, cls) in g for g in sources for cls in PARTY_CLASSES)

    def countries(node: URIRef) -> set[URIRef]:
        return {c for g in sources for c in g.objects(node, KGO.hasCountry) if isinstance(c, URIRef)}

    def organizations(node: URIRef) -> set[URIRef]:
        return {o for g in sources for post in g.subjects(KGO.holder, node)
                for o in g.objects(post, KGO.organization) if isinstance(o, URIRef)}

    links: set[tuple[URIRef, URIRef]] = set()
    for node in set(document.subjects(RDFS.label, None)):
        if not isinstance(node, URIRef):
            continue
        parties = {node} if is_party(node) else set()
        parties |= countries(node)
        for org in organizations(node):
            if is_party(org):
                parties.add(org)
            parties |= countries(org)
        links.update((node, party) for party in parties)
    return links


__all__ = ["PARTY_CLASSES", "stands_for"]
