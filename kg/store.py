"""Reading and writing built graphs: TriG with the named graphs, Turtle of their union, and the
Oxigraph store beside them (``OUT/store/``) that queries use.

Files go to a temporary file in the target folder and are renamed into place; the store is built
in a temporary folder and renamed into place. An interrupted build never leaves a half-written
graph or store behind.
"""

from __future__ import annotations

import ast
import os
import shutil
import tempfile
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.exceptions import ParserError
from rdflib.plugins.parsers.notation3 import BadSyntax

from kg.errors import GraphError
from kg.ontology import PREFIXES

TRIG_NAME = "graph.trig"
TURTLE_NAME = "graph.ttl"
STORE_NAME = "store"
"""The Oxigraph store folder of a build folder."""

_RDF_FORMATS = {".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".nt": "nt"}


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


def write_files(dataset: Dataset, out: Path) -> dict[str, Path]:
    """Write ``out/graph.trig`` and ``out/graph.ttl`` (not the store); returns the paths written."""
    trig = out / TRIG_NAME
    ttl = out / TURTLE_NAME
    atomic_write(trig, dataset.serialize(format="trig"))
    atomic_write(ttl, union_graph(dataset).serialize(format="turtle"))
    return {"trig": trig, "turtle": ttl}


def write_graph(dataset: Dataset, out: Path) -> dict[str, Path]:
    """Write ``out/graph.trig``, ``out/graph.ttl`` and the store ``out/store/``; returns the paths."""
    paths = write_files(dataset, out)
    paths["store"] = write_store(paths["trig"], out)
    return paths


def write_store(source: Path, out: Path) -> Path:
    """Load the RDF file ``source`` (.trig, .nq, .ttl, .nt) into a new Oxigraph store ``out/store``.

    The store is built in a temporary folder beside it and renamed into place, replacing any
    earlier store; readers never see a half-loaded store.
    """
    import pyoxigraph as ox

    fmt = {".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS, ".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES}
    if source.suffix not in fmt:
        raise GraphError(f"{source}: cannot load this into a store; use .trig, .nq, .ttl or .nt")
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{STORE_NAME}.", suffix=".tmp", dir=out))
    try:
        store = ox.Store(str(tmp))
        try:
            store.bulk_load(path=str(source), format=fmt[source.suffix])
        except (SyntaxError, ValueError) as exc:
            raise GraphError(f"{source}: cannot read the graph into the store ({exc}); rebuild it with `kg build`") from exc
        store.flush()
        del store  # closes the database before the folder moves
        swap_in(tmp, out / STORE_NAME)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out / STORE_NAME


def swap_in(new: Path, final: Path) -> None:
    """Rename the folder ``new`` to ``final``, replacing (then deleting) any folder there."""
    if not final.exists():
        os.replace(new, final)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{final.name}.", suffix=".old", dir=final.parent))
    os.replace(final, old / final.name)
    try:
        os.replace(new, final)
    except BaseException:
        os.replace(old / final.name, final)
        raise
    finally:
        shutil.rmtree(old, ignore_errors=True)


def store_dir(out: Path) -> Path | None:
    """The Oxigraph store of a build folder, or None if it has none (or ``out`` is a file)."""
    path = out / STORE_NAME
    return path if out.is_dir() and path.is_dir() else None


def graph_file(out: Path) -> Path:
    """The TriG file of a build folder (or ``out`` itself if it is a file)."""
    path = out / TRIG_NAME if out.is_dir() else out
    if not path.exists():
        raise GraphError(f"{path}: no built graph here; run `kg build -o {out}` first")
    return path


def load_dataset(out: Path) -> Dataset:
    """The dataset of a build folder or of a .trig/.nq/.ttl file, in memory."""
    return read_rdf(Dataset(), graph_file(out))


def read_rdf(graph: Graph, path: Path) -> Graph:
    """Parse an RDF file (format from its suffix) into ``graph``; a GraphError names the file and,
    where the parser tells, the line."""
    fmt = _RDF_FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(_RDF_FORMATS))
        raise GraphError(f"{path}: cannot tell the RDF format from the suffix {path.suffix!r}; use one of {known}")
    if not path.is_file():
        raise GraphError(f"{path}: no such file; check the path, or build the graph first with `kg build`")
    try:
        graph.parse(path, format=fmt)
    except BadSyntax as error:
        why = getattr(error, "_why", None) or str(error).splitlines()[0]
        raise GraphError(f"{path}:{error.lines + 1}: not valid {fmt}, cannot read the graph: {why}; fix the file or rebuild it with `kg build`") from error
    except (ParserError, SyntaxError, ValueError, UnicodeDecodeError) as error:
        line = _line_of(path, str(error))
        where = f"{path}:{line}" if line else str(path)
        problem = " ".join(str(error).split())
        raise GraphError(f"{where}: not valid {fmt}, cannot read the graph: {problem}; fix the file or rebuild it with `kg build`") from error
    return graph


def _line_of(path: Path, message: str) -> int | None:
    """The line number of the bad line the N-Triples/N-Quads parser quotes (it gives no number)."""
    quoted = message.rsplit("\n", 1)[-1].strip()
    try:
        bad = ast.literal_eval(quoted)
    except (ValueError, SyntaxError):
        return None
    if not isinstance(bad, str) or not bad.strip():
        return None
    with path.open(encoding="utf-8", errors="replace") as lines:
        for number, line in enumerate(lines, start=1):
            if line.strip() == bad.strip():
                return number
    return None

