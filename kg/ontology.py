"""The one module that names IRIs: namespaces, classes, properties and how IRIs are minted.

Every other module asks this one for a term or an IRI, so the vocabulary lives in one place
(its Turtle description is ``ontology/kg.ttl``; ``tests/test_ontology.py`` checks they agree).
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.schema import ENTITY_TYPES, EVENT_CLASSES, EVENT_TYPES, PRECISIONS, STATUSES  # noqa: F401  (re-exported)

class Vocabulary(Namespace):
    """The namespace of a vocabulary (a few dozen terms): each term is made once and kept, where
    rdflib's ``Namespace`` builds and checks a new ``URIRef`` on every ``KGO.evidence``."""

    def term(self, name: str) -> URIRef:
        return _vocabulary_term(str(self), name)


@functools.lru_cache(maxsize=4096)
def _vocabulary_term(base: str, name: str) -> URIRef:
    return URIRef(base + name)


BASE = "https://w3id.org/usru-space/"
KGO = Vocabulary(BASE + "ontology#")
"""Classes and properties of our ontology."""
KGR = Namespace(BASE + "id/")
"""Resources: entities, facts, documents, evidence, named graphs."""

ORG = Vocabulary("http://www.w3.org/ns/org#")
SCHEMA = Vocabulary("https://schema.org/")
SEM = Vocabulary("http://semanticweb.cs.vu.nl/2009/11/sem/")
OA = Vocabulary("http://www.w3.org/ns/oa#")
TIME = Vocabulary("http://www.w3.org/2006/time#")
WD = Namespace("http://www.wikidata.org/entity/")
SH = Vocabulary("http://www.w3.org/ns/shacl#")

PREFIXES: dict[str, Namespace] = {
    "kgo": KGO,
    "kgr": KGR,
    "org": ORG,
    "schema": SCHEMA,
    "sem": SEM,
    "oa": OA,
    "time": TIME,
    "wd": WD,
    "prov": PROV,
    "foaf": FOAF,
    "dcterms": DCTERMS,
    "skos": SKOS,
    "owl": OWL,
    "rdfs": RDFS,
    "rdf": RDF,
    "xsd": XSD,
}

# The names are kg.schema's; this module gives them their IRIs.

STATUS_IRI = {"happened": KGO.Happened, "planned": KGO.Planned, "canceled": KGO.Canceled}
PRECISION_IRI = {"year": KGO.YearPrecision, "month": KGO.MonthPrecision, "day": KGO.DayPrecision}
PRECISION_DATATYPE = {"year": XSD.gYear, "month": XSD.gYearMonth, "day": XSD.date}

GAZETTEER_GRAPH = KGR["graph/gazetteer"]
ONTOLOGY_GRAPH = KGR["graph/ontology"]


def entity_class(type_name: str) -> URIRef:
    """The class IRI of an entity type name such as ``"Agency"``."""
    if type_name not in ENTITY_TYPES:
        raise ValueError(f"unknown entity type {type_name!r}; expected one of {ENTITY_TYPES}")
    return KGO[type_name]


def event_class(type_name: str) -> URIRef:
    """The class IRI of an event type; ``"Other"`` (or anything unknown) is ``kgo:Event``."""
    return KGO[type_name] if type_name in EVENT_CLASSES else KGO.Event


def slug(text: str) -> str:
    """A readable, stable IRI segment: ASCII, lower case, hyphens.

    >>> slug("Dmitry Bakanov")
    'dmitry-bakanov'
    >>> slug("Soyuz MS-22")
    'soyuz-ms-22'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return out or "x" + _digest(text)[:8]


def _digest(*parts: object) -> str:
    joined = "\x1f".join(str(p) for p in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()


def entity_iri(type_name: str, key: str) -> URIRef:
    """IRI of a resolved entity; ``key`` is the resolver's normalised key."""
    return KGR[f"{type_name.lower()}/{slug(key)}"]


def document_iri(doc_id: str) -> URIRef:
    return KGR[f"doc/{slug(doc_id)}"]


def document_graph(doc_id: str) -> URIRef:
    """The named graph that holds every fact extracted from one document."""
    return KGR[f"graph/doc/{slug(doc_id)}"]


def fact_iri(kind: str, doc_id: str, *key: object) -> URIRef:
    """Deterministic IRI of a fact (position, event, quotation...) from its identifying fields."""
    return KGR[f"{kind}/{slug(doc_id)}-{_digest(*key)[:12]}"]


def evidence_iri(doc_id: str, start: int, end: int) -> URIRef:
    return KGR[f"evidence/{slug(doc_id)}-{start}-{end}"]


def wikidata_iri(qid: str) -> URIRef:
    return WD[qid]
