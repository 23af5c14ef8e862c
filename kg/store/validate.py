"""Check a built graph against the SHACL shapes (``ontology/shapes.ttl``) and read graph files.

Each named graph of a dataset is checked on its own, because each is a unit: a document graph
holds its facts together with the entities, evidence and document they point to, and the same
entity may carry another label in another document. The gazetteer graph is checked too (its
reference facts are marked ``kgo:fromGazetteer true`` and need no evidence); the ontology graph
is not instance data and is skipped. A plain :class:`rdflib.Graph` is checked whole. The
caller's graph is never changed: each graph is copied first.

>>> from rdflib import Dataset
>>> report = validate(Dataset())
>>> report.conforms, report.violations
(True, [])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from rdflib import BNode, Dataset, Graph, Literal as RdfLiteral, Node, URIRef
from rdflib.collection import Collection
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import OWL, RDF, RDFS

from kg.errors import GraphError
from kg.store.oxigraph import read_rdf
from kg.ontology import ONTOLOGY_GRAPH, PREFIXES, SH
from kg.resources import ontology_path, shapes_path

Inference = Literal["none", "rdfs"]

_DEFAULT_GRAPH_NAME = "default graph"
_MAX_VALUE_CHARS = 60


@dataclass(frozen=True)
class Violation:
    """One validation result, as short strings using the project's prefixes (``kgr:``, ``kgo:``...)."""

    focus: str
    """The node that fails, e.g. ``kgr:position/seed-nasa-roscosmos-talks-3f2a...``."""
    path: str
    """The property checked, e.g. ``kgo:holder``; empty for a check of the node itself."""
    message: str
    severity: str
    """``Violation``, ``Warning`` or ``Info``."""
    value: str = ""
    """The offending value, when there is one."""
    graph: str = ""
    """The named graph checked, e.g. ``kgr:graph/doc/seed-nasa-roscosmos-talks``; empty for a plain graph."""

    def to_text(self) -> str:
        where = f"{self.focus} {self.path}" if self.path else self.focus
        graph = f" in {self.graph}" if self.graph else ""
        line = f"{self.severity}{graph}: {where}: {self.message}"
        return f"{line} [value: {self.value}]" if self.value and self.value != self.focus else line


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of :func:`validate`: whether the graph conforms, and every result, sorted."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)

    def to_text(self) -> str:
        """One line per violation; a single line saying so when there are none."""
        if not self.violations:
            return "The graph conforms to the shapes: no violations."
        return "\n".join(v.to_text() for v in self.violations)


def validate(
    dataset: Dataset | Graph,
    *,
    shapes: Path | None = None,
    inference: Inference = "rdfs",
) -> ValidationReport:
    """Validate each graph of ``dataset`` (but the ontology graph) against the SHACL shapes.

    ``shapes`` defaults to the shipped ``ontology/shapes.ttl``. With ``inference="rdfs"`` each
    graph is first closed under the ontology's class and property hierarchy (RDFS rules 5, 7, 9
    and 11: a ``kgo:Meeting`` is also a ``kgo:Event``, a ``kgo:ExtractedFact``, a ``sem:Event``...),
    so shapes may target superclasses. Domain and range axioms are left out on purpose: typing a
    node from the property that points at it would make every ``sh:class`` check pass.
    ``"none"`` checks the asserted triples only; the shipped shapes list the subclasses they
    target, so they give the same answer either way.

    Raises :class:`~kg.errors.GraphError` when the shapes or the ontology cannot be read.
    """
    if inference not in ("none", "rdfs"):
        raise ValueError(f"inference must be 'none' or 'rdfs', not {inference!r}")
    import pyshacl  # heavy: imported only when validating

    shapes_graph = read_rdf(Graph(), Path(shapes) if shapes is not None else shapes_path())
    hierarchy = _Hierarchy.of(read_rdf(Graph(), ontology_path())) if inference == "rdfs" else None
    conforms = True
    violations: list[Violation] = []
    for name, data in _units(dataset):
        if hierarchy is not None:
            hierarchy.entail(data)
        ok, results, _ = pyshacl.validate(
            data,
            shacl_graph=shapes_graph,
            inference="none",
            inplace=True,  # on our own copy
            allow_warnings=True,
            allow_infos=True,
        )
        conforms = conforms and bool(ok)
        violations.extend(_violations(results, name))
    violations.sort(key=lambda v: (v.graph, v.focus, v.path, v.message, v.value, v.severity))
    return ValidationReport(conforms=conforms, violations=violations)


def load_graph(path: Path | str) -> Dataset:
    """Read a built graph from a ``.trig``, ``.nq``, ``.ttl`` or ``.nt`` file.

    Triple formats (``.ttl``, ``.nt``) land in the default graph, which :func:`validate` checks.
    Raises :class:`~kg.errors.GraphError` naming the file (and the line, where the parser says)
    when it is missing, of an unknown kind, or not valid RDF.
    """
    return read_rdf(Dataset(), Path(path))


def _units(dataset: Dataset | Graph) -> list[tuple[str, Graph]]:
    """The graphs to check, each named and copied: every non-empty graph but the ontology graph."""
    if not isinstance(dataset, Dataset):
        copy = Graph()
        copy += dataset
        return [("", copy)]
    units = []
    for graph in dataset.graphs():
        if graph.identifier == ONTOLOGY_GRAPH or len(graph) == 0:
            continue
        copy = Graph()
        copy += graph
        name = _DEFAULT_GRAPH_NAME if graph.identifier == DATASET_DEFAULT_GRAPH_ID else _curie(graph.identifier)
        units.append((name, copy))
    return units


@dataclass(frozen=True)
class _Hierarchy:
    """Every named superclass of each class, and superproperty of each property, of an ontology."""

    superclasses: dict[URIRef, frozenset[URIRef]]
    superproperties: dict[URIRef, frozenset[URIRef]]

    @classmethod
    def of(cls, ontology: Graph) -> "_Hierarchy":
        def closure(predicates: tuple[URIRef, ...], symmetric: URIRef) -> dict[URIRef, frozenset[URIRef]]:
            direct: dict[URIRef, set[URIRef]] = {}
            for predicate in (*predicates, symmetric):
                for sub, sup in ontology.subject_objects(predicate):
                    if isinstance(sub, URIRef) and isinstance(sup, URIRef):
                        direct.setdefault(sub, set()).add(sup)
                        if predicate == symmetric:
                            direct.setdefault(sup, set()).add(sub)
            result = {}
            for start in direct:
                seen: set[URIRef] = set()
                todo = list(direct[start])
                while todo:
                    node = todo.pop()
                    if node not in seen and node != start:
                        seen.add(node)
                        todo.extend(direct.get(node, ()))
                result[start] = frozenset(seen)
            return result

        return cls(
            superclasses=closure((RDFS.subClassOf,), OWL.equivalentClass),
            superproperties=closure((RDFS.subPropertyOf,), OWL.equivalentProperty),
        )

    def entail(self, graph: Graph) -> None:
        """Add to ``graph`` what its triples entail through the hierarchy (in place)."""
        for prop, supers in self.superproperties.items():
            for subject, obj in list(graph.subject_objects(prop)):
                for sup in supers:
                    graph.add((subject, sup, obj))
        for subject, cls in list(graph.subject_objects(RDF.type)):
            for sup in self.superclasses.get(cls, ()):
                graph.add((subject, RDF.type, sup))


def _violations(results: Graph, graph_name: str) -> list[Violation]:
    found = []
    # Only the report's own results: the nested sh:detail results repeat them less readably.
    top_level = [r for report in results.subjects(RDF.type, SH.ValidationReport) for r in results.objects(report, SH.result)]
    for result in top_level:
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        severity = results.value(result, SH.resultSeverity)
        messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        found.append(
            Violation(
                focus=_short(focus, results),
                path=_short(path, results),
                message=messages[0] if messages else "does not conform to its shape",
                severity=_local_name(severity) if severity is not None else "Violation",
                value=_short(value, results),
                graph=graph_name,
            )
        )
    return list(set(found))


def _short(node: Node | None, graph: Graph) -> str:
    """A node as a short readable string: ``kgr:person/x``, ``"1975"^^xsd:gYear``, ``kgo:a/kgo:b``."""
    if node is None:
        return ""
    if isinstance(node, URIRef):
        return _curie(node)
    if isinstance(node, RdfLiteral):
        text = str(node)
        if len(text) > _MAX_VALUE_CHARS:
            text = text[: _MAX_VALUE_CHARS - 1] + "\u2026"
        text = '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
        if node.language:
            return f"{text}@{node.language}"
        return f"{text}^^{_curie(node.datatype)}" if node.datatype else text
    if isinstance(node, BNode):
        return _short_path(node, graph)
    return str(node)


def _short_path(node: BNode, graph: Graph) -> str:
    if graph.value(node, RDF.first) is not None:
        return "/".join(_short(step, graph) for step in Collection(graph, node))
    for predicate, template in (
        (SH.inversePath, "^{}"),
        (SH.zeroOrMorePath, "{}*"),
        (SH.oneOrMorePath, "{}+"),
        (SH.zeroOrOnePath, "{}?"),
    ):
        inner = graph.value(node, predicate)
        if inner is not None:
            return template.format(_short(inner, graph))
    alternatives = graph.value(node, SH.alternativePath)
    if alternatives is not None:
        return "(" + "|".join(_short(step, graph) for step in Collection(graph, alternatives)) + ")"
    return f"_:{node}"


def _curie(iri: URIRef) -> str:
    text = str(iri)
    best = max(
        ((prefix, str(ns)) for prefix, ns in PREFIXES.items() if text.startswith(str(ns))),
        key=lambda pair: len(pair[1]),
        default=None,
    )
    return f"{best[0]}:{text[len(best[1]):]}" if best else f"<{text}>"


def _local_name(iri: Node) -> str:
    text = str(iri)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
