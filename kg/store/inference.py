"""RDFS or OWL-RL inference over a built graph, on a copy in memory.

The ontology (``ontology/kg.ttl``) aligns our classes and properties with W3C ORG, schema.org,
PROV-O, SEM and Web Annotation through ``rdfs:subClassOf`` and ``rdfs:subPropertyOf``. Closing
the graph under it makes queries phrased in those vocabularies answer, e.g. a ``kgo:Position``
is also an ``org:Membership`` whose ``org:member`` is its holder, a ``kgo:Quotation`` a
``schema:Quotation``, and every extracted fact ``prov:wasDerivedFrom`` its document.

Each graph is closed on its own together with the ontology (as ``kg validate`` does), so
``GRAPH ?g`` patterns see the inferred triples of their document too; the closed ontology goes
in its own graph (``kgr:graph/ontology``). The dataset given is never changed.

This runs owlrl in pure Python: seconds for the shipped corpus, minutes for big graphs.
"""

from __future__ import annotations

from typing import Literal

from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.ontology import ONTOLOGY_GRAPH, PREFIXES

Entailment = Literal["rdfs", "owl-rl"]
"""``rdfs``: the RDFS closure (subclasses, subproperties, domains, ranges); ``owl-rl``: OWL 2 RL."""


def _close(graph: Graph, entailment: Entailment) -> None:
    import owlrl

    semantics = {"rdfs": owlrl.RDFS_Semantics, "owl-rl": owlrl.OWLRL_Semantics}[entailment]
    owlrl.DeductiveClosure(semantics, axiomatic_triples=False, datatype_axioms=False).expand(graph)


def ontology_graph() -> Graph:
    """The shipped ontology as a graph."""
    from kg.resources import ontology_path

    return Graph().parse(ontology_path(), format="turtle")


def infer(dataset: Dataset, *, entailment: Entailment = "rdfs") -> Dataset:
    """A new dataset: each graph of ``dataset`` closed under the ontology; the ontology in its own graph."""
    if entailment not in ("rdfs", "owl-rl"):
        from kg.errors import QueryError

        raise QueryError(f"unknown entailment {entailment!r}; use rdfs or owl-rl")
    ontology = ontology_graph()
    closed_ontology = Graph()
    closed_ontology += ontology
    _close(closed_ontology, entailment)

    out = Dataset()
    for prefix, ns in PREFIXES.items():
        out.bind(prefix, ns)
    for graph in dataset.graphs():
        if len(graph) == 0 or graph.identifier == ONTOLOGY_GRAPH:
            continue
        work = Graph()
        work += graph
        work += ontology
        _close(work, entailment)
        work -= closed_ontology
        target = out.default_graph if graph.identifier == DATASET_DEFAULT_GRAPH_ID else out.graph(graph.identifier)
        target += work
    ontology_copy = out.graph(ONTOLOGY_GRAPH)
    ontology_copy += closed_ontology
    return out
