"""The built graph in other formats: RDF serialisations, and the networkx projection as GraphML or CSV.

- ``trig`` (named graphs), ``ttl`` and ``nt`` (the union of the graphs), ``jsonld`` (named graphs,
  with an ``@context`` of the project's prefixes): written with rdflib from the dataset, except
  TriG and Turtle of an Oxigraph store into a file, which Oxigraph streams in the form of
  ``graph.trig`` and ``graph.ttl`` (``kg.store.oxigraph``), however big the store.
- ``graphml`` and ``csv``: the entity graph of ``kg.analytics.project.to_networkx`` (entities as
  nodes, facts as edges with their evidence). GraphML is one file; CSV is two, ``nodes.csv``
  (``id`` then the node attributes) and ``edges.csv`` (``from``, ``to``, ``key`` then the edge
  attributes, among them ``source``: documents or gazetteer), written into a folder, the form
  graph tools (Gephi, Neo4j, pandas) import.

Every file is written atomically (``kg.store.files.atomic_write``).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING, Literal, get_args

from rdflib import Dataset

from kg.errors import GraphError
from kg.ontology import PREFIXES
from kg.store.files import atomic_write
from kg.store.oxigraph import union_graph

if TYPE_CHECKING:
    import networkx as nx

    from kg.store.backends import Backend

ExportFormat = Literal["ttl", "trig", "nt", "jsonld", "graphml", "csv"]
RDF_FORMATS: tuple[ExportFormat, ...] = ("ttl", "trig", "nt", "jsonld")
EXPORT_FORMATS: tuple[str, ...] = get_args(ExportFormat)


def rdf_bytes(dataset: Dataset, fmt: ExportFormat) -> bytes:
    """``dataset`` serialised as ``fmt`` (one of ``RDF_FORMATS``)."""
    if fmt == "trig":
        return dataset.serialize(format="trig", encoding="utf-8")
    if fmt == "ttl":
        return union_graph(dataset).serialize(format="turtle", encoding="utf-8")
    if fmt == "nt":
        lines = union_graph(dataset).serialize(format="nt", encoding="utf-8").splitlines(keepends=True)
        return b"".join(sorted(line for line in lines if line.strip()))
    if fmt == "jsonld":
        context = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
        return dataset.serialize(format="json-ld", context=context, auto_compact=True, encoding="utf-8")
    raise GraphError(f"{fmt!r} is not an RDF format; use one of {', '.join(RDF_FORMATS)}")


def _safe(value: object) -> object:
    """A GraphML/CSV-safe attribute value: str, int, float and bool as they are, the rest as JSON."""
    if isinstance(value, (str, int, float, bool)):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def graphml_safe(G: "nx.MultiDiGraph") -> "nx.MultiDiGraph":
    """A copy of ``G`` whose graph, node and edge attributes GraphML can hold (None values dropped)."""
    H = G.__class__()
    H.graph.update({k: _safe(v) for k, v in G.graph.items() if v is not None})
    for node, data in G.nodes(data=True):
        H.add_node(node, **{k: _safe(v) for k, v in data.items() if v is not None})
    for u, v, key, data in G.edges(keys=True, data=True):
        H.add_edge(u, v, key=key, **{k: _safe(x) for k, x in data.items() if x is not None})
    return H


def graphml_bytes(G: "nx.MultiDiGraph") -> bytes:
    import networkx as nx

    buf = io.BytesIO()
    nx.write_graphml(graphml_safe(G), buf, encoding="utf-8")
    return buf.getvalue()


def _columns(first: list[str], records: list[dict]) -> list[str]:
    seen = dict.fromkeys(first)
    for record in records:
        seen.update(dict.fromkeys(sorted(record)))
    return list(seen)


def _csv_text(columns: list[str], rows: list[dict]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n", restval="")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def _attributes(data: dict, reserved: tuple[str, ...]) -> dict:
    """GraphML/CSV-safe attributes; one named like a reserved column gets the suffix ``_attr``."""
    return {(f"{k}_attr" if k in reserved else k): _safe(v) for k, v in data.items() if v is not None}


def csv_tables(G: "nx.MultiDiGraph") -> dict[str, str]:
    """``{"nodes.csv": text, "edges.csv": text}`` of ``G``: ``id`` and ``from``, ``to``, ``key`` first."""
    node_keys = ("id",)
    edge_keys = ("from", "to", "key")
    nodes = [{"id": node, **_attributes(data, node_keys)} for node, data in G.nodes(data=True)]
    edges = [{"from": u, "to": v, "key": key, **_attributes(data, edge_keys)} for u, v, key, data in G.edges(keys=True, data=True)]
    nodes.sort(key=lambda r: str(r["id"]))
    edges.sort(key=lambda r: (str(r["from"]), str(r["to"]), str(r["key"])))
    return {
        "nodes.csv": _csv_text(_columns([*node_keys, "type", "label"], nodes), nodes),
        "edges.csv": _csv_text(_columns([*edge_keys, "relation"], edges), edges),
    }


def export(source: "Backend | Dataset", *, fmt: ExportFormat, to: Path | None = None) -> bytes | list[Path]:
    """Export ``source`` as ``fmt``: to the path ``to`` (returns the paths written) or as bytes (``to`` None).

    For ``csv``, ``to`` is a folder that gets ``nodes.csv`` and ``edges.csv``; it is required.
    """
    from kg.store.backends import as_backend

    if fmt not in EXPORT_FORMATS:
        raise GraphError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    backend = as_backend(source)
    store = getattr(backend, "store", None)  # an Oxigraph store streams TriG and Turtle to a file
    if to is not None and store is not None and fmt in ("trig", "ttl"):
        from kg.store.graph_files import write_trig, write_turtle

        return [(write_trig if fmt == "trig" else write_turtle)(store, to)]
    if fmt in RDF_FORMATS:
        data = rdf_bytes(backend.to_memory(), fmt)
    else:
        from kg.analytics.project import to_networkx

        G = to_networkx(backend.dataset)
        if fmt == "csv":
            if to is None:
                raise GraphError("csv export writes two files, nodes.csv and edges.csv; give the folder for them with -o")
            if to.exists() and not to.is_dir():
                raise GraphError(f"{to}: csv export writes nodes.csv and edges.csv into a folder; give a folder, not a file")
            written = []
            for name, text in csv_tables(G).items():
                atomic_write(to / name, text)
                written.append(to / name)
            return written
        data = graphml_bytes(G)
    if to is None:
        return data
    atomic_write(to, data)
    return [to]
