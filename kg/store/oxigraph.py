"""The Oxigraph store of a build folder (``OUT/store/``) that queries use, and reading RDF files
(graph.trig, graph.ttl and others) into memory; ``kg.store.graph_files`` writes graph.trig and
graph.ttl.

The store is built in a temporary folder and renamed into place (``kg.store.files``): an
interrupted build never leaves a half-written graph or store behind.
"""

from __future__ import annotations

import ast
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Dataset, Graph
from rdflib.exceptions import ParserError
from rdflib.plugins.parsers.notation3 import BadSyntax

from kg.errors import GraphError
from kg.store.files import make_temp_dir, swap_in
from kg.ontology import PREFIXES

if TYPE_CHECKING:
    import pyoxigraph as ox

TRIG_NAME = "graph.trig"
TURTLE_NAME = "graph.ttl"
STORE_NAME = "store"
"""The Oxigraph store folder of a build folder."""

_RDF_FORMATS = {".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".nt": "nt"}


def union_graph(dataset: Dataset) -> Graph:
    union = Graph()
    for prefix, ns in PREFIXES.items():
        union.bind(prefix, ns)
    for quad in dataset.quads((None, None, None, None)):
        union.add(quad[:3])
    return union


def dataset_nquads(dataset: Dataset) -> bytes:
    """The quads of an rdflib dataset as N-Quads (in no particular order)."""
    return dataset.serialize(format="nquads", encoding="utf-8")


def load_store(nquads: bytes | Iterable[bytes], out: Path) -> Path:
    """A new Oxigraph store ``out/store`` holding the N-Quads ``nquads`` (bytes, or chunks of them
    loaded one after another as they come), replacing any store there."""
    import pyoxigraph as ox

    chunks = [nquads] if isinstance(nquads, bytes) else nquads

    def load(store: "ox.Store") -> None:
        for chunk in chunks:
            store.bulk_load(chunk, format=ox.RdfFormat.N_QUADS)

    return _new_store(out, load)


def write_store(source: Path, out: Path) -> Path:
    """Load the RDF file ``source`` (.trig, .nq, .ttl, .nt) into a new Oxigraph store ``out/store``,
    replacing any store there."""
    import pyoxigraph as ox

    fmt = {".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS, ".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES}
    if source.suffix not in fmt:
        raise GraphError(f"{source}: cannot load this into a store; use .trig, .nq, .ttl or .nt")

    def load(store: "ox.Store") -> None:
        try:
            store.bulk_load(path=str(source), format=fmt[source.suffix])
        except (SyntaxError, ValueError) as exc:
            raise GraphError(f"{source}: cannot read the graph into the store ({exc}); rebuild it with `kg build`") from exc

    return _new_store(out, load)


def _new_store(out: Path, load: Callable[["ox.Store"], None]) -> Path:
    """Build a store with ``load`` in a temporary folder beside ``out/store``, then rename it into
    place: readers never see a half-loaded store, and a failed load leaves the old one."""
    import pyoxigraph as ox

    tmp = make_temp_dir(out, f".{STORE_NAME}.")
    try:
        store = ox.Store(str(tmp))
        load(store)
        store.flush()
        del store  # closes the database before the folder moves
        swap_in(tmp, out / STORE_NAME)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out / STORE_NAME


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

