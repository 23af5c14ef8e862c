"""Reading the document graphs of a dataset by triple pattern (internal to ``kg.analytics``).

A built dataset holds one named graph per document, the gazetteer graph and maybe the ontology.
Analytics read "what the articles say": the union of the document graphs (the named graphs that
hold a ``kgo:Document``), plus the gazetteer graph when asked. A plain ``rdflib.Graph`` (such as
``graph.ttl``, the union of everything) is read whole.

Every lookup is a triple pattern with bound terms: no query text is ever assembled from data.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.graph import ConjunctiveGraph
from rdflib.namespace import RDF, RDFS
from rdflib.term import Node

from kg.analytics.evidence import Evidence
from kg.ontology import GAZETTEER_GRAPH, KGO


def _identifier(context: object) -> object:
    return getattr(context, "identifier", context)


class TripleView:
    """The triples of the document graphs of ``data`` (and of the gazetteer if asked)."""

    def __init__(self, data: Graph, *, include_gazetteer: bool = False) -> None:
        self.data = data
        self.include_gazetteer = include_gazetteer
        self.graphs: frozenset | None = None
        self._excluded: set = set()
        if isinstance(data, ConjunctiveGraph):
            documents = {_identifier(c) for *_, c in data.quads((None, RDF.type, KGO.Document, None))}
            if include_gazetteer:
                documents.add(GAZETTEER_GRAPH)
            self.graphs = frozenset(documents)
            # triples of the other graphs (gazetteer, ontology): few, and checked one by one
            for graph in data.graphs() if isinstance(data, Dataset) else data.contexts():
                if _identifier(graph) not in self.graphs:
                    self._excluded.update(graph.triples((None, None, None)))
        self._documents: dict[Node, str] | None = None

    def pairs(self, predicate: URIRef, subject: Node | None = None, obj: Node | None = None) -> Iterator[tuple[Node, Node]]:
        """``(subject, object)`` of every matching triple of the chosen graphs, once per triple."""
        if self.graphs is None:
            for s, _, o in self.data.triples((subject, predicate, obj)):
                yield s, o
            return
        graphs, excluded = self.graphs, self._excluded
        # the store's own scan over all graphs (what Dataset.quads wraps), without its per-quad layers
        for (s, _, o), contexts in self.data.store.triples((subject, predicate, obj), None):
            if (s, predicate, o) in excluded and not any(_identifier(c) in graphs for c in contexts):
                continue
            yield s, o

    def graph_count(self, subject: Node, predicate: URIRef, obj: Node) -> int:
        """In how many of the chosen graphs the triple is stated (1 for a plain graph that holds it)."""
        if self.graphs is None:
            return int((subject, predicate, obj) in self.data)
        return sum(1 for *_, c in self.data.quads((subject, predicate, obj, None)) if _identifier(c) in self.graphs)

    def objects(self, subject: Node, predicate: URIRef) -> list[Node]:
        return sorted({o for _, o in self.pairs(predicate, subject=subject)})

    def subjects(self, predicate: URIRef, obj: Node) -> list[Node]:
        return sorted({s for s, _ in self.pairs(predicate, obj=obj)})

    def value(self, subject: Node, predicate: URIRef) -> Node | None:
        values = self.objects(subject, predicate)
        return values[0] if values else None

    def reference_labels(self) -> dict[Node, str]:
        """Labels given by the gazetteer graph (empty for a plain graph, where they cannot be told apart)."""
        if self.graphs is None:
            return {}
        return {s: str(o) for s, _, o, c in self.data.quads((None, RDFS.label, None, None)) if _identifier(c) == GAZETTEER_GRAPH}

    def reference_label(self, subject: Node) -> str | None:
        if self.graphs is None:
            return None
        for _, _, o, c in self.data.quads((subject, RDFS.label, None, None)):
            if _identifier(c) == GAZETTEER_GRAPH:
                return str(o)
        return None

    def document_names(self) -> dict[Node, str]:
        """Each document IRI to its source file name (the IRI itself when the file is not recorded)."""
        if self._documents is None:
            names: dict[Node, str] = {doc: str(doc) for doc, _ in self.pairs(RDF.type, obj=KGO.Document)}
            names.update({doc: str(name) for doc, name in self.pairs(KGO.sourceFile)})
            self._documents = names
        return self._documents

    def evidence(self, node: Node) -> Evidence | None:
        """The evidence record of one ``kgo:Evidence`` node."""
        sentence = self.value(node, KGO.sentence)
        if sentence is None:
            return None
        doc = self.value(node, KGO.document)
        return Evidence(
            document=self.document_names().get(doc, str(doc or "")),
            start=_int(self.value(node, KGO.start)),
            end=_int(self.value(node, KGO.end)),
            sentence=str(sentence),
        )

    def fact_evidence(self, fact: Node) -> tuple[Evidence, ...]:
        found = (self.evidence(e) for e in self.objects(fact, KGO.evidence))
        return tuple(sorted(e for e in found if e is not None))

    def label(self, subject: Node) -> str:
        """The preferred label of an entity: see :func:`choose_label`."""
        labels = Counter({str(o): self.graph_count(subject, RDFS.label, o) for _, o in self.pairs(RDFS.label, subject=subject)})
        return choose_label(labels, self.reference_label(subject), subject)


def choose_label(labels: Counter, reference: str | None, iri: object) -> str:
    """The gazetteer's label if it gives one, else the label most documents use (ties: alphabetical).

    >>> choose_label(Counter({"Roscosmos": 2, "ROSCOSMOS": 2}), None, "x")
    'ROSCOSMOS'
    >>> choose_label(Counter({"Duffy": 3}), "Sean Duffy", "x")
    'Sean Duffy'
    """
    if reference:
        return reference
    if labels:
        return min(labels, key=lambda label: (-labels[label], label))
    return str(iri).rstrip("/").rsplit("/", 1)[-1]


def _int(value: Node | None) -> int:
    if isinstance(value, Literal):
        try:
            return int(value)
        except (TypeError, ValueError):
            return 0
    return 0
