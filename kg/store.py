"""Reading and writing built graphs: TriG with the named graphs, Turtle of their union.

Writes go to a temporary file in the target folder and are renamed into place, so an
interrupted build never leaves a half-written graph behind.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import Dataset, Graph

from kg.errors import GraphError
from kg.ontology import PREFIXES

TRIG_NAME = "graph.trig"
TURTLE_NAME = "graph.ttl"


def atomic_write(path: Path, data: bytes | str) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def union_graph(dataset: Dataset) -> Graph:
    union = Graph()
    for prefix, ns in PREFIXES.items():
        union.bind(prefix, ns)
    for quad in dataset.quads((None, None, None, None)):
        union.add(quad[:3])
    return union


def write_graph(dataset: Dataset, out: Path) -> dict[str, Path]:
    """Write ``out/graph.trig`` and ``out/graph.ttl``; returns the paths written."""
    trig = out / TRIG_NAME
    ttl = out / TURTLE_NAME
    atomic_write(trig, dataset.serialize(format="trig"))
    atomic_write(ttl, union_graph(dataset).serialize(format="turtle"))
    return {"trig": trig, "turtle": ttl}


def graph_file(out: Path) -> Path:
    """The TriG file of a build folder (or ``out`` itself if it is a file)."""
    path = out / TRIG_NAME if out.is_dir() else out
    if not path.exists():
        raise GraphError(f"{path}: no built graph here; run `kg build -o {out}` first")
    return path


def load_dataset(out: Path) -> Dataset:
    """The dataset of a build folder or of a .trig/.nq/.ttl file."""
    path = graph_file(out)
    fmt = {".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".nt": "nt"}.get(path.suffix)
    if fmt is None:
        raise GraphError(f"{path}: unknown graph format; use .trig, .nq, .ttl or .nt")
    ds = Dataset()
    try:
        if fmt in {"trig", "nquads"}:
            ds.parse(path, format=fmt)
        else:
            ds.default_graph.parse(path, format=fmt)
    except Exception as exc:
        raise GraphError(f"{path}: cannot read the graph ({exc}); rebuild it with `kg build`") from exc
    return ds
