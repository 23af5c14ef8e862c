"""graph.trig and graph.ttl: how they are laid out, written, and rewritten one graph at a time.

Both files hold the graphs in one order, the default graph first, then the named graphs sorted by
IRI, each graph's triples sorted by their N-Triples form: the same quads give the same bytes,
whatever order they came in. Each graph is one *block* of either file, serialised on its own by
Oxigraph's serialisers, after a header of prefixes: a TriG block opens with ``<IRI> {``, a Turtle
block with a comment line ``# graph <IRI>`` (the Turtle file is the union of the graphs; a triple
several graphs hold is written in each, which a reader takes once, since a graph is a set). So:

- a build has each document's blocks serialised where the document is extracted (in a worker
  process, or on a Dask worker) and joins them in order at the end (:class:`BlockSpool`): nothing
  is read back from the store, where every term costs a lookup (about 10 µs a quad);
- ``kg add`` serialises the blocks of the changed graphs and copies the others
  (:func:`splice_files`);
- :func:`write_files_from_store` writes both files from a store (``kg export``, or after an
  interrupted change).

A block's key is ``""`` for the default graph and ``<IRI>`` for a named graph: the order of the
keys is the order of the blocks.

Beside each file of a build folder is its *block index* (``.graph.trig.index``,
``.graph.ttl.index``): where each named graph's block starts, and the size and modification time
of the file it was taken of. Whatever writes a file here deletes its index first and writes
it again once the file is in place, so ``kg add`` and ``kg remove`` find the blocks without reading
the file (a gigabyte at 10,000 articles). An index that is missing, or that no longer describes
its file (written by an older kg, an interrupted write, an edit), is not used: the file is scanned
for the lines that open its blocks instead. The offsets a splice cuts at are checked against the
file's bytes before anything is copied.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from kg.store.files import atomic_write, atomic_writer
from kg.store.oxigraph import TRIG_NAME, TURTLE_NAME

if TYPE_CHECKING:
    import pyoxigraph as ox

TURTLE_GRAPH_MARK = b"# graph "
"""How a block of ``graph.ttl`` begins: ``# graph <IRI>`` (a comment, for the file's reader too)."""

TRIG_BLOCK = re.compile(rb"^(<[^>\n]*>) \{$", re.MULTILINE)
"""The line that opens a named graph's block in graph.trig: ``<IRI> {``."""

TURTLE_BLOCK = re.compile(rb"^" + re.escape(TURTLE_GRAPH_MARK) + rb"(<[^>\n]*>)$", re.MULTILINE)
"""The line that opens a named graph's block in graph.ttl: ``# graph <IRI>``."""

KINDS = ("trig", "turtle")
"""The two files, by the name :func:`write_files_from_store` and :meth:`BlockSpool.write` return them under."""

FILE_NAMES = {"trig": TRIG_NAME, "turtle": TURTLE_NAME}


def index_path(path: Path) -> Path:
    """Where the block index of the file ``path`` is kept: ``.graph.trig.index`` beside ``graph.trig``."""
    return path.with_name(f".{path.name}.index")


INDEX_NAMES = tuple(index_path(Path(FILE_NAMES[kind])).name for kind in KINDS)
"""The block indexes of a build folder's files (``kg.store.folder`` moves them with the files)."""

INDEX_FORMAT = "kg block index 1"
"""The first word of an index's first line; the rest of that line is the signature of its file."""


@dataclass(frozen=True)
class GraphBlocks:
    """One graph's block of graph.trig and of graph.ttl."""

    trig: bytes
    turtle: bytes

    def of(self, kind: str) -> bytes:
        return self.trig if kind == "trig" else self.turtle


def graph_key(graph: "ox.NamedNode | ox.DefaultGraph") -> str:
    import pyoxigraph as ox

    return "" if isinstance(graph, ox.DefaultGraph) else str(graph)


def graph_blocks(graph: "ox.NamedNode | ox.DefaultGraph", quads: Iterable["ox.Quad"]) -> GraphBlocks:
    """The blocks of ``graph`` holding ``quads`` (its quads, in any order)."""
    ordered = sorted(quads, key=_quad_key)
    return GraphBlocks(_trig_block(ordered), _turtle_block(graph, (q.triple for q in ordered)))


def blocks_of_nquads(nquads: bytes) -> dict[str, GraphBlocks]:
    """The blocks of every graph the N-Quads ``nquads`` hold, by key."""
    import pyoxigraph as ox

    by_graph: dict[str, list] = defaultdict(list)
    graphs = {}
    for quad in ox.parse(nquads, format=ox.RdfFormat.N_QUADS):
        key = graph_key(quad.graph_name)
        graphs.setdefault(key, quad.graph_name)
        by_graph[key].append(quad)
    return {key: graph_blocks(graphs[key], set(quads)) for key, quads in by_graph.items()}


def blocks_of_sorted(graph: str, nquads: bytes) -> GraphBlocks:
    """The blocks of the named graph ``graph`` (``<IRI>``) holding the N-Quads ``nquads``: its
    quads only, each term as Oxigraph prints it, already in the order of a block (as
    ``kg.emit.Triples.nquads`` writes them). They are read once, as the N-Triples they are without
    their graph, and serialised once, as Turtle; the TriG block is the same lines in the graph's
    braces, indented by a tab, as Oxigraph's TriG serialiser writes them (``tests/test_emit.py``
    holds the two to the serialisers). Nothing is sorted here."""
    import pyoxigraph as ox

    ntriples = nquads.replace(f" {graph} .\n".encode("utf-8"), b" .\n")  # a line break ends a line only
    triples = list(ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES))
    turtle = _turtle_block(ox.NamedNode(graph[1:-1]), triples)
    if not turtle:
        return GraphBlocks(b"", b"")
    body = turtle[turtle.index(b"\n") + 1 :]  # without the mark
    trig = graph.encode("utf-8") + b" {\n\t" + body[:-1].replace(b"\n", b"\n\t") + b"\n}\n"
    return GraphBlocks(trig, turtle)


def write_files_from_store(store: "ox.Store", out: Path) -> dict[str, Path]:
    """Write ``out/graph.trig`` and ``out/graph.ttl`` from an Oxigraph store, a graph at a time
    (memory holds one graph); returns the paths written."""
    return _write_files(out, ((graph_key(g), _store_blocks(store, g)) for g in _store_graphs(store)))


def write_trig(store: "ox.Store", path: Path) -> Path:
    """Write every graph of the store to ``path`` as TriG (the format of ``graph.trig``)."""
    return _write_file(path, "trig", ((graph_key(g), _store_blocks(store, g).trig) for g in _store_graphs(store)))


def write_turtle(store: "ox.Store", path: Path) -> Path:
    """Write the union of the store's graphs to ``path`` as Turtle (the format of ``graph.ttl``)."""
    return _write_file(path, "turtle", ((graph_key(g), _store_blocks(store, g).turtle) for g in _store_graphs(store)))


class BlockSpool:
    """The blocks of a build's graph.trig and graph.ttl as its documents arrive, kept in two files
    in ``folder`` until :meth:`write` joins them in order (by copying)."""

    def __init__(self, folder: Path):
        self._paths = {kind: folder / f".{FILE_NAMES[kind]}.blocks" for kind in KINDS}
        self._files: dict[str, BinaryIO] = {kind: open(path, "w+b") for kind, path in self._paths.items()}
        self._spans: dict[str, dict[str, tuple[int, int]]] = {}

    def add(self, key: str, blocks: GraphBlocks) -> None:
        """Keep the blocks of the graph ``key`` (each graph comes once)."""
        if key in self._spans:
            raise ValueError(f"the graph {key} was added twice")
        spans = {}
        for kind, fh in self._files.items():
            start = fh.tell()
            fh.write(blocks.of(kind))
            spans[kind] = (start, fh.tell())
        self._spans[key] = spans

    def add_nquads(self, nquads: bytes) -> None:
        """Keep the blocks of every graph the N-Quads ``nquads`` hold."""
        for key, blocks in blocks_of_nquads(nquads).items():
            self.add(key, blocks)

    def write(self, out: Path) -> dict[str, Path]:
        """Write ``out/graph.trig`` and ``out/graph.ttl`` from the blocks kept, then delete them
        (:meth:`close`)."""
        try:
            written = {}
            for kind, fh in self._files.items():
                fh.flush()
                path = out / FILE_NAMES[kind]
                blocks = ((key, self._spans[key][kind]) for key in sorted(self._spans))
                written[kind] = _write_file(path, kind, blocks, source=fh.fileno(), index=True)
            return written
        finally:
            self.close()

    def close(self) -> None:
        """Delete the files of the blocks (again: nothing)."""
        for kind, fh in self._files.items():
            fh.close()
            self._paths[kind].unlink(missing_ok=True)

    def __enter__(self) -> "BlockSpool":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


def splice_files(store: "ox.Store", out: Path, graphs: Iterable[str]) -> dict[str, Path]:
    """Write ``out/graph.trig`` and ``out/graph.ttl`` again with the named ``graphs`` (IRIs) as the
    store has them now (added, replaced, or gone), copying every other graph's block from the old
    files: the bytes :func:`write_files_from_store` would write, for the cost of copying them. A
    file whose blocks are not the store's other graphs (written by an older kg in another layout,
    or edited) is written whole."""
    import pyoxigraph as ox

    fresh = {str(ox.NamedNode(iri)): _store_blocks(store, ox.NamedNode(iri)) for iri in graphs}
    others = {str(g) for g in store.named_graphs()} - set(fresh)
    written = {}
    for kind in KINDS:
        path = out / FILE_NAMES[kind]
        blocks = {key: b.of(kind) for key, b in fresh.items() if b.of(kind)}
        if not _splice(path, kind, blocks, set(fresh), others):
            whole = ((graph_key(g), _store_blocks(store, g).of(kind)) for g in _store_graphs(store))
            _write_file(path, kind, whole, index=True)
        written[kind] = path
    return written


# -- blocks ---------------------------------------------------------------------------------


def _store_graphs(store: "ox.Store") -> list:
    import pyoxigraph as ox

    return [ox.DefaultGraph(), *sorted(store.named_graphs(), key=str)]


def _store_blocks(store: "ox.Store", graph) -> GraphBlocks:
    return graph_blocks(graph, store.quads_for_pattern(None, None, None, graph))


def _trig_block(quads: Iterable["ox.Quad"]) -> bytes:
    import pyoxigraph as ox

    return _without_prefixes(ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=_serializer_prefixes()) or b"")


def _turtle_block(graph, triples: Iterable["ox.Triple"]) -> bytes:
    """The triples of one graph, in order, as Turtle without prefixes; a named graph's block opens
    with its mark (nothing when the graph is empty)."""
    import pyoxigraph as ox

    body = _without_prefixes(ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=_serializer_prefixes()) or b"")
    if not body:
        return b""
    mark = b"" if isinstance(graph, ox.DefaultGraph) else TURTLE_GRAPH_MARK + str(graph).encode("utf-8") + b"\n"
    return mark + body


def _header(kind: str) -> bytes:
    """The prefixes a file starts with, as Oxigraph's serialiser writes them (it writes every
    prefix it is given, before the first triple)."""
    import pyoxigraph as ox

    if kind == "turtle":
        return "".join(f"@prefix {prefix}: <{ns}> .\n" for prefix, ns in sorted(_serializer_prefixes().items())).encode("utf-8")
    some = ox.Quad(ox.NamedNode("urn:x"), ox.NamedNode("urn:x"), ox.NamedNode("urn:x"), ox.NamedNode("urn:x"))
    text = ox.serialize([some], format=ox.RdfFormat.TRIG, prefixes=_serializer_prefixes()) or b""
    return b"".join(line for line in text.splitlines(keepends=True) if line.startswith(b"@prefix "))


def _write_file(
    path: Path, kind: str, blocks: Iterable[tuple[str, "bytes | tuple[int, int]"]], *, source: int | None = None, index: bool = False
) -> Path:
    """Write one of the files: its header, then the blocks in order, each given by its key and its
    bytes or its span ``(start, end)`` of the file ``source`` (copied file to file). With
    ``index``, the file's block index is deleted first and written once the file is in place."""
    if index:
        index_path(path).unlink(missing_ok=True)
    with atomic_writer(path) as fh:
        starts = _write_blocks({kind: _Output(fh, source)}, ((kind, key, block) for key, block in blocks))
    if index:
        _write_index(path, starts[kind])
    return path


def _write_files(out: Path, blocks: Iterable[tuple[str, GraphBlocks]]) -> dict[str, Path]:
    """Write both files (and their block indexes) from the blocks of each graph, in order, reading
    each graph once."""
    paths = {kind: out / FILE_NAMES[kind] for kind in KINDS}
    for path in paths.values():
        index_path(path).unlink(missing_ok=True)
    with atomic_writer(paths["trig"]) as trig, atomic_writer(paths["turtle"]) as turtle:
        files = {"trig": _Output(trig), "turtle": _Output(turtle)}
        starts = _write_blocks(files, ((kind, key, graph.of(kind)) for key, graph in blocks for kind in KINDS))
    for kind, path in paths.items():
        _write_index(path, starts[kind])
    return paths


def _write_blocks(files: dict[str, "_Output"], blocks: Iterable[tuple[str, str, "bytes | tuple[int, int]"]]) -> dict[str, list[tuple[str, int]]]:
    """Write each (kind, key, block) to the file of its kind, after the file's header: the Turtle
    file always has its prefixes; the TriG file, as Oxigraph writes it, only once it holds a
    triple. Returns where each named graph's (non-empty) block starts, by kind."""
    headers = {kind: _header(kind) for kind in files}
    starts: dict[str, list[tuple[str, int]]] = {kind: [] for kind in files}
    if "turtle" in files:
        files["turtle"].write(headers.pop("turtle"))
    for kind, key, block in blocks:
        out = files[kind]
        empty = not block if isinstance(block, bytes) else block[0] == block[1]
        if not empty:
            if headers.get(kind):
                out.write(headers.pop(kind))
            if key:
                starts[kind].append((key, out.position))
        out.put(block)
    for out in files.values():
        out.finish()
    return starts


class _Output:
    """A file being written: bytes, and spans of the file ``source`` copied by the kernel (adjacent
    spans in one copy), counting the position."""

    def __init__(self, fh: BinaryIO, source: int | None = None):
        self.fh, self.source = fh, source
        self.position = 0
        self._run: tuple[int, int] | None = None

    def put(self, block: "bytes | tuple[int, int]") -> None:
        if isinstance(block, bytes):
            self.write(block)
        else:
            self.copy(*block)

    def write(self, data: bytes) -> None:
        if data:
            self._copy_run()
            self.fh.write(data)
            self.position += len(data)

    def copy(self, start: int, end: int) -> None:
        if start == end:
            return
        if self._run is not None and self._run[1] == start:
            self._run = (self._run[0], end)
        else:
            self._copy_run()
            self._run = (start, end)
        self.position += end - start

    def finish(self) -> None:
        self._copy_run()

    def _copy_run(self) -> None:
        if self._run is None:
            return
        if self.source is None:
            raise ValueError("a span to copy, but no file to copy it from")
        self.fh.flush()
        _copy_range(self.source, self.fh.fileno(), *self._run)
        self._run = None


# -- the block index ------------------------------------------------------------------------


def _signature(path: Path) -> str:
    """What tells one version of a file from another: its size and modification time (a copy that
    keeps the time, ``cp -p`` or ``shutil.copytree``, keeps the bytes too)."""
    stat = path.stat()
    return f"{stat.st_size} {stat.st_mtime_ns}"


def _write_index(path: Path, starts: list[tuple[str, int]]) -> None:
    """Write the block index of ``path`` (in place now): its signature, then a line ``START<TAB>KEY``
    for each named graph's block, in file order."""
    lines = [f"{INDEX_FORMAT}\t{_signature(path)}\n"]
    lines.extend(f"{start}\t{key}\n" for key, start in starts)
    atomic_write(index_path(path), "".join(lines))


def _indexed_spans(path: Path) -> list[tuple[str, int, int]] | None:
    """The blocks of ``path`` as :func:`_block_spans` finds them, from its block index; None if
    there is none or it describes another version of the file (or is not an index)."""
    try:
        text = index_path(path).read_text(encoding="utf-8")
        signature = _signature(path)
    except (OSError, UnicodeDecodeError):
        return None
    header, _, body = text.partition("\n")
    if header != f"{INDEX_FORMAT}\t{signature}" or (body and not body.endswith("\n")):
        return None
    size = int(signature.split()[0])
    keys, offsets = [""], [0]
    for line in body.splitlines():
        start, tab, key = line.partition("\t")
        if not tab or not start.isdigit() or not (offsets[-1] < int(start) < size) or not key.startswith("<"):
            return None
        keys.append(key)
        offsets.append(int(start))
    offsets.append(size)
    return [(key, offsets[i], offsets[i + 1]) for i, key in enumerate(keys)]


def _opener(kind: str, key: str) -> bytes:
    """The line that opens the named graph ``key``'s block in a file of ``kind``."""
    return (f"{key} {{\n" if kind == "trig" else f"{TURTLE_GRAPH_MARK.decode()}{key}\n").encode("utf-8")


def _opens_at(fd: int, kind: str, key: str, start: int) -> bool:
    """Whether the block of ``key`` opens at ``start`` in the file ``fd``."""
    line = _opener(kind, key)
    return os.pread(fd, len(line), start) == line


# -- splicing -------------------------------------------------------------------------------


def _splice(path: Path, kind: str, fresh: dict[str, bytes], changed: set[str], others: set[str]) -> bool:
    """Write ``path`` with the ``fresh`` blocks in place of the blocks of the ``changed`` graphs,
    copying the blocks of the ``others`` (by the kernel, file to file: nothing passes through
    memory), then its block index; False (and the file left as it was) when the file's blocks are
    not those others.

    The blocks are found with the file's index when it describes the file and opens a block at
    each offset the splice cuts at; otherwise by reading the file (:func:`_block_spans`)."""
    if not path.exists() or path.stat().st_size == 0:
        return False
    with open(path, "rb") as old:
        spans = _indexed_spans(path)
        if spans is None or not _cuts_checked(old.fileno(), kind, spans, fresh, changed):
            spans = _block_spans(old, OPENERS[kind])
        if {key for key, _, _ in spans} - {""} - changed != others:
            return False
        index_path(path).unlink(missing_ok=True)
        with atomic_writer(path) as new:
            out = _Output(new, old.fileno())
            starts = []
            kept = ((key, (start, end)) for key, start, end in spans if not key or key not in changed)
            for key, block in _blocks_merged(kept, fresh):
                if key:
                    starts.append((key, out.position))
                out.put(block)
            out.finish()
    _write_index(path, starts)
    return True


def _cuts_checked(fd: int, kind: str, spans: list[tuple[str, int, int]], fresh: dict[str, bytes], changed: set[str]) -> bool:
    """Whether the file ``fd`` opens a block where ``spans`` say at every offset a splice of the
    ``fresh`` and ``changed`` graphs cuts at: the blocks it removes, the blocks after them, and the
    blocks the fresh ones go before."""
    cuts = set()
    pending = sorted(fresh)
    for number, (key, _, _) in enumerate(spans):
        if key and (key in changed or (pending and pending[0] <= key)):
            cuts.update((number, number + 1))
            while pending and pending[0] <= key:
                pending.pop(0)
    return all(_opens_at(fd, kind, spans[n][0], spans[n][1]) for n in sorted(cuts) if n < len(spans))


OPENERS = {"trig": TRIG_BLOCK, "turtle": TURTLE_BLOCK}
"""The opening line of a named graph's block, by kind of file."""

OPENER_LINE_STARTS = {TRIG_BLOCK: b"<", TURTLE_BLOCK: TURTLE_GRAPH_MARK}
"""How each kind of opening line begins: lines that begin so are checked against the opener."""


def _block_spans(fh: BinaryIO, opener: "re.Pattern[bytes]", piece: int = 8 << 20) -> list[tuple[str, int, int]]:
    """The parts of a file this module wrote, as (graph, start, end) offsets: ``""`` for the
    header (prefixes and the default graph), then each named graph's block, from the line that
    opens it to the next such line. The serializer escapes line breaks inside literals, so a
    block opens only at a line of its own. The file is read in pieces cut after a line break,
    and only lines that begin like an opening line are matched."""
    line_start = OPENER_LINE_STARTS[opener]
    starts: list[tuple[str, int]] = []
    offset, rest = 0, b""
    while True:
        data = fh.read(piece)
        text = rest + data
        cut = text.rfind(b"\n") + 1 if data else len(text)
        line = 0 if text.startswith(line_start) else _next_line_start(text, line_start, 0, cut)
        while 0 <= line < cut:
            end = text.find(b"\n", line, cut)
            end = cut if end < 0 else end
            match = opener.fullmatch(text, line, end)
            if match:
                starts.append((match.group(1).decode("utf-8"), offset + line))
            line = _next_line_start(text, line_start, end, cut)
        offset, rest = offset + cut, text[cut:]
        if not data:
            break
    keys = [""] + [key for key, _ in starts]
    offsets = [0] + [start for _, start in starts] + [offset]
    return [(key, offsets[i], offsets[i + 1]) for i, key in enumerate(keys)]


def _next_line_start(text: bytes, line_start: bytes, position: int, end: int) -> int:
    found = text.find(b"\n" + line_start, position, end)
    return found + 1 if found >= 0 else -1


def _copy_range(source: int, target: int, start: int, end: int) -> None:
    """Copy bytes ``start:end`` of the file ``source`` to the file ``target`` at its position."""
    while start < end:
        try:
            copied = os.copy_file_range(source, target, end - start, start)
        except OSError:  # a file system that cannot: through memory, a piece at a time
            copied = os.write(target, os.pread(source, min(end - start, 8 << 20), start))
        if copied == 0:
            raise OSError(f"could not copy bytes {start}:{end}")
        start += copied


def _blocks_merged(old: Iterator[tuple[str, object]], fresh: dict[str, bytes]) -> Iterator[tuple[str, object]]:
    """The old blocks (of any form) with the ``fresh`` ones (by graph, sorted) inserted in order,
    each with its key."""
    pending = sorted(fresh)
    for key, block in old:
        while key and pending and pending[0] <= key:
            fresh_key = pending.pop(0)
            yield fresh_key, fresh[fresh_key]
        yield key, block
    yield from ((key, fresh[key]) for key in pending)


def _without_prefixes(text: bytes) -> bytes:
    """The serialiser's output without the prefix lines it begins with."""
    start = 0
    while text.startswith(b"@prefix ", start):
        start = text.index(b"\n", start) + 1
    return text[start:]


def _quad_key(quad) -> tuple[str, ...]:
    graph = getattr(quad, "graph_name", None)
    return (str(graph) if graph is not None else "", str(quad.subject), str(quad.predicate), str(quad.object))


def _serializer_prefixes() -> dict[str, str]:
    """The prefixes written in TriG and Turtle: the vocabularies'. Resource IRIs (``kgr:``) are
    written in full, since their paths would need escaped slashes in a prefixed name."""
    from kg.ontology import KGR, PREFIXES

    return {prefix: str(ns) for prefix, ns in PREFIXES.items() if str(ns) != str(KGR)}


__all__ = [
    "BlockSpool",
    "GraphBlocks",
    "INDEX_NAMES",
    "blocks_of_nquads",
    "blocks_of_sorted",
    "graph_blocks",
    "graph_key",
    "index_path",
    "splice_files",
    "write_files_from_store",
    "write_trig",
    "write_turtle",
]
