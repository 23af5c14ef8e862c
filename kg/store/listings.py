"""Listings kept beside the store: the rows of each named query asked with no parameter.

A listing (``kg query entities`` with no ``--param``) walks the whole graph; on a million
triples Oxigraph needs 0.6–1.6 s for the biggest ones, most of it joining and sorting tens of
thousands of rows. Their rows depend on nothing but the store, so each ``kg`` command that writes
the store (``kg build``, ``kg add``, ``kg remove``) also writes them, one JSON file per query in
``OUT/listings/``. A build folder's backend is a :class:`ListedBackend`: the store, with its
listings; :func:`kg.store.queries.run_query` answers a listing from its file.

- ``kg build`` writes them all (to a temporary folder, then renamed), up to
  :data:`BUILD_WRITES_UP_TO` documents, from the rows its documents gave as they were extracted
  (``kg.store.listing_rows``; a listing that cannot be computed so is queried); a larger build
  leaves them to the queries. ``kg add`` and ``kg remove`` delete the folder before the store changes and leave each listing to the first query that asks
  for it, which writes it when no writer is at work: a change to a large build does not pay for a
  walk of the whole graph. An interrupted command leaves no listings, never stale ones; with
  none, the queries run on the store as usual.
- Each file records a hash of the text of the query it answers: after an upgrade that changes a
  query, its old listing is ignored until the next write.
- A store changed by other means than ``kg`` (pyoxigraph, another tool) is not seen: run
  ``kg build`` again, or delete ``OUT/listings/``.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from kg.store.files import atomic_writer, make_dir, make_temp_dir, swap_in

if TYPE_CHECKING:
    from kg.store.backends import Backend, OxigraphBackend, Table
    from kg.store.listing_rows import ListingRows

LISTINGS_NAME = "listings"
"""The folder of a build folder that holds the listings."""

BUILD_WRITES_UP_TO = 2_000
"""Documents up to which ``kg build`` writes every listing. A listing is a query over the whole
graph whose rows Oxigraph groups and sorts in memory (the largest, ``events``, about 80 MB a
thousand documents); a larger build leaves each listing to the first query that asks for it, as
``kg add`` does, so the memory of a build does not grow with its corpus."""


def written_by_build(documents: int) -> bool:
    """Whether a build of ``documents`` documents writes the listings (:data:`BUILD_WRITES_UP_TO`)."""
    return documents <= BUILD_WRITES_UP_TO


def listings_dir(out: Path) -> Path:
    return out / LISTINGS_NAME


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def discard(out: Path) -> None:
    """Delete the listings of the build folder ``out`` (before its store changes)."""
    folder = listings_dir(out)
    if folder.exists():
        shutil.rmtree(folder)


def write(backend: "OxigraphBackend", out: Path, computed: "ListingRows | None" = None) -> Path:
    """Write the rows of every named query that needs no parameter to ``out/listings/``
    (replacing the folder there, if any); returns that folder.

    A listing's rows are those the documents gave as they were extracted (``computed``,
    ``kg.store.listing_rows``) when they are sure to be what the query gives, else the query's on
    ``backend``. Rows go from the store to the file one at a time; what memory a queried listing
    needs is Oxigraph's, to group and sort its rows."""
    from kg.store.queries import listing_rows, merged_rows, named_queries

    tmp = make_temp_dir(out, f".{LISTINGS_NAME}.")
    try:
        for name, query in named_queries().items():
            if query.required:
                continue
            table = computed.table(name, text_hash(query.text)) if computed is not None else None
            columns, rows = merged_rows(name, *table) if table is not None else listing_rows(backend, name)
            _write_listing(tmp, name, query.listed_as, columns, rows)
        swap_in(tmp, listings_dir(out))
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return listings_dir(out)


def _write_listing(folder: Path, name: str, text: str, columns: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    """Write one listing: the JSON object ``{"query": hash, "columns": [...], "rows": [[...], ...]}``,
    compact, streamed row by row."""
    def dump(value: object) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    with atomic_writer(folder / f"{name}.json") as fh:
        fh.write(f'{{"query":{dump(text_hash(text))},"columns":{dump(list(columns))},"rows":['.encode("utf-8"))
        for i, row in enumerate(rows):
            fh.write(("," if i else "").encode("utf-8") + dump(list(row)).encode("utf-8"))
        fh.write(b"]}")


class ListedBackend:
    """A backend with stored listings: a named query asked with no parameter is answered from the
    listing written beside the store (when there is one for the query's text), everything else by
    the backend it wraps, whose attributes it shows as its own (``select``, ``store``, ``close``...).
    """

    def __init__(self, backend: "Backend", folder: Path):
        self.backend = backend
        self.folder = folder

    def listing(self, name: str, text: str, compute: "Callable[[], Table]") -> "Table":
        """The rows of the named query ``name`` (whose text is ``text``) asked with no parameter:
        the stored listing, else ``compute()``, which is then stored for the next query when no
        writer is at work (``kg add`` and ``kg remove`` leave the listings to be written so)."""
        table = read(self.folder, name, text)
        if table is not None:
            return table
        from kg.store.folder import BuildFolder

        with BuildFolder(self.folder).if_free("kg query (writing a listing)") as free:
            table = compute()
            if free:
                rows = ([row[c] for c in table.columns] for row in table.rows)
                _write_listing(make_dir(listings_dir(self.folder)), name, text, table.columns, rows)
        return table

    def __getattr__(self, attribute: str):
        return getattr(self.backend, attribute)


def read(out: Path, name: str, text: str) -> "Table | None":
    """The stored rows of the named query ``name`` (whose file text is ``text``), or None if there
    are none for this text."""
    from kg.store.backends import Table

    path = listings_dir(out) / f"{name}.json"
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("query") != text_hash(text):
        return None
    try:
        columns = tuple(record["columns"])
        return Table(columns, [dict(zip(columns, row, strict=True)) for row in record["rows"]])
    except (KeyError, TypeError, ValueError):  # not a file this module wrote: answer from the store
        return None


__all__ = ["BUILD_WRITES_UP_TO", "LISTINGS_NAME", "ListedBackend", "discard", "listings_dir", "read", "write", "written_by_build"]
