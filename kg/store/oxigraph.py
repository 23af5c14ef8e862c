"""Reading and writing built graphs: TriG with the named graphs, Turtle of their union, and the
Oxigraph store beside them (``OUT/store/``) that queries use.

The store is built in a temporary folder and renamed into place (``kg.store.files``): an
interrupted build never leaves a half-written graph or store behind.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Dataset, Graph
from rdflib.exceptions import ParserError
from rdflib.plugins.parsers.notation3 import BadSyntax

from kg.errors import GraphError
from kg.store.files import atomic_writer, make_temp_dir, swap_in
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


def write_files_from_store(store: "ox.Store", out: Path) -> dict[str, Path]:
    """Write ``out/graph.trig`` (every named graph) and ``out/graph.ttl`` (their union) from an
    Oxigraph store, with Oxigraph's serializers, streaming; returns the paths written.

    The output is the same bytes for the same quads, whatever order they were added in. Both
    files hold the graphs in the same order, the default graph (the gazetteer) first, then the
    named graphs sorted, each with its triples sorted (by their N-Triples form); memory holds one
    graph at a time. The Turtle marks where each graph's triples begin (a comment line
    ``# graph <IRI>``); a triple that several graphs hold is written in each, which a reader
    takes as one (a graph is a set), and which lets ``kg add`` rewrite one graph's part of
    either file for the cost of copying it (:func:`splice_files`).
    """
    return {"trig": write_trig(store, out / TRIG_NAME), "turtle": write_turtle(store, out / TURTLE_NAME)}


def write_trig(store: "ox.Store", path: Path) -> Path:
    """Write every graph of the store to ``path`` as TriG (the format of ``graph.trig``)."""
    import pyoxigraph as ox

    with atomic_writer(path) as fh:
        ox.serialize(_graph_by_graph(store), fh, format=ox.RdfFormat.TRIG, prefixes=_serializer_prefixes())
    return path


def write_turtle(store: "ox.Store", path: Path) -> Path:
    """Write the union of the store's graphs to ``path`` as Turtle (the format of ``graph.ttl``)."""
    import pyoxigraph as ox

    with atomic_writer(path) as fh:
        fh.write(_turtle_header())
        fh.write(_turtle_block(store, ox.DefaultGraph()))
        for graph in sorted(store.named_graphs(), key=str):
            fh.write(_turtle_block(store, graph))
    return path


TURTLE_GRAPH_MARK = b"# graph "
"""How a block of ``graph.ttl`` begins: ``# graph <IRI>`` (a comment, for the file's reader too)."""


def _turtle_header() -> bytes:
    return "".join(f"@prefix {prefix}: <{ns}> .\n" for prefix, ns in sorted(_serializer_prefixes().items())).encode("utf-8")


def _turtle_block(store: "ox.Store", graph) -> bytes:
    """The triples of one graph of the store, sorted, as Turtle without prefixes; a named graph's
    block opens with its mark (nothing when the graph is empty or gone)."""
    import pyoxigraph as ox

    quads = sorted(store.quads_for_pattern(None, None, None, graph), key=_quad_key)
    if not quads:
        return b""
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
    body = _without_prefixes(ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=_serializer_prefixes()) or b"")
    mark = b"" if isinstance(graph, ox.DefaultGraph) else TURTLE_GRAPH_MARK + str(graph).encode("utf-8") + b"\n"
    return mark + body


def splice_files(store: "ox.Store", out: Path, graphs: Iterable[str]) -> dict[str, Path]:
    """Write ``out/graph.trig`` and ``out/graph.ttl`` again with the named ``graphs`` (IRIs) as the
    store has them now (added, replaced, or gone), copying every other graph's block from the old
    files: the bytes :func:`write_files_from_store` would write, for the cost of copying them."""
    return {"trig": splice_trig(store, out, graphs), "turtle": splice_turtle(store, out, graphs)}


def splice_turtle(store: "ox.Store", out: Path, graphs: Iterable[str]) -> Path:
    """``out/graph.ttl`` with the blocks of ``graphs`` written anew (see :func:`splice_trig`)."""
    import pyoxigraph as ox

    fresh = {str(ox.NamedNode(iri)): _turtle_block(store, ox.NamedNode(iri)) for iri in graphs}
    return _splice(store, out / TURTLE_NAME, fresh, TURTLE_BLOCK, write_turtle)


def splice_trig(store: "ox.Store", out: Path, graphs: Iterable[str]) -> Path:
    """Write ``out/graph.trig`` again with the named ``graphs`` (IRIs) as the store has them now
    (added, replaced, or gone), copying every other graph's block from the old file: the bytes
    :func:`write_files_from_store` would write, for the cost of copying the file."""
    import pyoxigraph as ox

    fresh = {}
    for iri in graphs:
        name = ox.NamedNode(iri)
        quads = sorted(store.quads_for_pattern(None, None, None, name), key=_quad_key)
        fresh[str(name)] = _without_prefixes(ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=_serializer_prefixes()) or b"")
    return _splice(store, out / TRIG_NAME, fresh, TRIG_BLOCK, write_trig)


def _splice(store: "ox.Store", path: Path, fresh: dict[str, bytes], opener: "re.Pattern[bytes]", write_whole: Callable[["ox.Store", Path], Path]) -> Path:
    """``path`` with the ``fresh`` blocks in place of the old ones, the others copied. A file
    whose blocks are not the store's other graphs (written by an older kg in another layout, or
    edited) is written whole."""
    import mmap

    with open(path, "rb") as old:
        if os.fstat(old.fileno()).st_size == 0:
            return write_whole(store, path)
        with mmap.mmap(old.fileno(), 0, access=mmap.ACCESS_READ) as text:
            spans = _block_spans(text, opener)
            if {key for key, _, _ in spans} - {""} - set(fresh) != {str(g) for g in store.named_graphs()} - set(fresh):
                return write_whole(store, path)
            with atomic_writer(path) as new:
                for block in _blocks_merged(((key, text[a:b]) for key, a, b in spans), fresh):
                    new.write(block)
    return path


TRIG_BLOCK = re.compile(rb"^(<[^>\n]*>) \{$", re.MULTILINE)
"""The line that opens a named graph's block in graph.trig: ``<IRI> {``."""

TURTLE_BLOCK = re.compile(rb"^" + re.escape(TURTLE_GRAPH_MARK) + rb"(<[^>\n]*>)$", re.MULTILINE)
"""The line that opens a named graph's block in graph.ttl: ``# graph <IRI>``."""


def _block_spans(text: "mmap.mmap | bytes", opener: "re.Pattern[bytes]") -> list[tuple[str, int, int]]:
    """The parts of a file this module wrote, as (graph, start, end) offsets: ``""`` for the
    header (prefixes and the default graph), then each named graph's block, from the line that
    opens it to the next such line. The serializer escapes line breaks inside literals, so a
    block opens only at a line of its own."""
    starts = [(m.group(1).decode("utf-8"), m.start()) for m in opener.finditer(text)]
    keys = [""] + [key for key, _ in starts]
    offsets = [0] + [start for _, start in starts] + [len(text)]
    return [(key, offsets[i], offsets[i + 1]) for i, key in enumerate(keys)]


def _blocks_merged(old: Iterator[tuple[str, bytes]], fresh: dict[str, bytes]) -> Iterator[bytes]:
    """The old blocks with the ``fresh`` ones (by graph, sorted) in their place or inserted in order."""
    pending = sorted(fresh)
    for key, block in old:
        while key and pending and pending[0] <= key:
            yield fresh[pending.pop(0)]
        if key not in fresh:
            yield block
    for key in pending:
        yield fresh[key]


def _without_prefixes(trig: bytes) -> bytes:
    return b"".join(line for line in trig.splitlines(keepends=True) if not line.startswith(b"@prefix "))


def _graph_by_graph(store: "ox.Store") -> Iterator["ox.Quad"]:
    import pyoxigraph as ox

    for graph in [ox.DefaultGraph(), *sorted(store.named_graphs(), key=str)]:
        yield from sorted(store.quads_for_pattern(None, None, None, graph), key=_quad_key)


def _quad_key(quad) -> tuple[str, ...]:
    graph = getattr(quad, "graph_name", None)
    return (str(graph) if graph is not None else "", str(quad.subject), str(quad.predicate), str(quad.object))


def _serializer_prefixes() -> dict[str, str]:
    """The prefixes written in TriG and Turtle: the vocabularies'. Resource IRIs (``kgr:``) are
    written in full, since their paths would need escaped slashes in a prefixed name."""
    from kg.ontology import KGR

    return {prefix: str(ns) for prefix, ns in PREFIXES.items() if str(ns) != str(KGR)}


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

