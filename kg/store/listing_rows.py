"""The rows of the listings (``kg.store.listings``) computed from each graph's own triples.

Every listing query matches inside one named graph (``GRAPH ?g { ... }``) and then takes the
distinct rows of all graphs in the order of one sort key. So its rows are the union of what each
graph gives on its own, sorted: a worker computes its document's rows as it emits the graph
(:func:`graph_rows`), the build gathers them (:class:`ListingRows`), and the listings are written
without a query over the whole store (which Oxigraph evaluates in time and memory that grow faster
than the corpus). These are the rows of the SPARQL; a query with a merge step after it
(``kg.store.queries.MERGES``: the timeline) is merged from them as from the query's.

Each function below does what one ``.rq`` file says, on a :class:`kg.emit.Triples`. The stored
listings must be exactly what the query gives on the store, so a computed listing is used only
when that cannot differ:

- :data:`MIRRORED` holds the hash of the query text each function was written for; a query whose
  file changed is run on the store (and ``tests/test_listing_rows.py`` fails until the function
  and its hash are brought up to date);
- a graph holding something a function does not model (a typed literal where a query expects a
  plain one, an ``xsd:boolean`` spelt other than ``true``/``false``) leaves that listing to the
  query (:class:`Unmodelled`);
- two different rows with the same sort key would come in the order Oxigraph happens to produce
  them, so such a listing is left to the query too (:meth:`ListingRows.table`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

from kg import schema
from kg.derive import PARTY_CLASSES
from kg.ontology import KGO, STATUS_IRI

if TYPE_CHECKING:
    from rdflib import Graph

    from kg.emit import Triples

Row = tuple[str, ...]


class Unmodelled(Exception):
    """A graph holds something the function of a listing does not model: the query decides."""


MIRRORED: dict[str, str] = {
    "agency_country": "b90597ff3931d4d95ad011fc311224047e21eda7fe5c87d0269f923e0185305f",
    "documents": "db3487c8d198766261bda5fa7b92ae706ecaba8ae87c2f8441002865dca82798",
    "entities": "97543ee8afe9b157ecbdbc41362bcfc75f42631d7b61e2c2643a2c1318262847",
    "events": "dea9b12fd274275e5c15ae0542e132a8d908bf2ab56911974836d2bb3d3c472c",
    "involvement": "2b506fd9ed1868def378b476af48f6daf21d8faa76e2c65d583f52a84d3a56be",
    "labels": "5bd9c1217cc635d9003f1919c0958a5c8c677a1d442ce8b1682b182483ed0b9d",
    "met": "476b53fec53d180db4e5d16c72ce7f6de5bf9f76cea175352aa1ee564e707b23",
    "officials": "86a292c893d5041b0dca7245bd138cb1d73b3ecdeb9df042833552e7981b747a",
    "positions": "961371f98c4334199bc77659abcff71b429d63c2e1a9bf4fae3a96b130f2475b",
    "quotes": "08e6fe1de19f027e6a70d72588a317fceb4e8dd689e57f237f97d9d1219df1bd",
    "timeline": "0ac62f22e53700d61666e2ba74ff6504c7ac5762336147e15f6e166a462b3ed4",
}
"""The sha256 of the text of each query (``kg/store/queries/NAME.rq``) whose rows are computed
here, as the function for it was written; another text is run on the store."""

# IRIs are plain strings here: an rdflib term hashes and compares in Python, a string in C.
ENTITY_CLASSES = frozenset(str(KGO[c]) for c in schema.ENTITY_TYPES)
EVENT_CLASSES = frozenset(str(KGO[c]) for c in schema.EVENT_CLASSES)
STATUSES = frozenset(str(iri) for iri in STATUS_IRI.values())
_PARTY_CLASSES = frozenset(str(c) for c in PARTY_CLASSES)
_XSD_STRING, _XSD_BOOLEAN = str(XSD.string), str(XSD.boolean)
_TYPE, _LABEL, _ALT_LABEL, _TITLE = str(RDF.type), str(RDFS.label), str(SKOS.altLabel), str(DCTERMS.title)
(_ACTING, _AGENCY, _AS_OF, _CONTENT_HASH, _COUNTRY, _DATE, _DOCUMENT, _END_DATE, _HOLDER, _ORGANIZATION,
 _PARTICIPANT, _PARTY, _PLACE, _PROGRAM, _PUBLISHED, _REFERS_TO, _SOURCE_FILE, _SPEAKER, _START_DATE,
 _STATUS, _TEXT, _POST_TITLE, _MEETING, _PERSON, _POSITION) = (KGO[name] for name in (
    "acting", "agency", "asOf", "contentHash", "country", "date", "document", "endDate", "holder", "organization",
    "participant", "party", "place", "program", "published", "refersTo", "sourceFile", "speaker", "startDate",
    "status", "text", "title", "Meeting", "Person", "Position"))
_ACTING, _AGENCY, _AS_OF, _CONTENT_HASH, _COUNTRY, _DATE, _DOCUMENT, _END_DATE, _HOLDER, _ORGANIZATION = map(
    str, (_ACTING, _AGENCY, _AS_OF, _CONTENT_HASH, _COUNTRY, _DATE, _DOCUMENT, _END_DATE, _HOLDER, _ORGANIZATION))
_PARTICIPANT, _PARTY, _PLACE, _PROGRAM, _PUBLISHED, _REFERS_TO, _SOURCE_FILE, _SPEAKER, _START_DATE = map(
    str, (_PARTICIPANT, _PARTY, _PLACE, _PROGRAM, _PUBLISHED, _REFERS_TO, _SOURCE_FILE, _SPEAKER, _START_DATE))
_STATUS, _TEXT, _POST_TITLE, _MEETING, _PERSON, _POSITION = map(str, (_STATUS, _TEXT, _POST_TITLE, _MEETING, _PERSON, _POSITION))
_READ = frozenset((_TYPE, _LABEL, _ALT_LABEL, _TITLE, _ACTING, _AGENCY, _AS_OF, _CONTENT_HASH, _COUNTRY, _DATE, _DOCUMENT,
                   _END_DATE, _HOLDER, _ORGANIZATION, _PARTICIPANT, _PARTY, _PLACE, _PROGRAM, _PUBLISHED, _REFERS_TO,
                   _SOURCE_FILE, _SPEAKER, _START_DATE, _STATUS, _TEXT, _POST_TITLE))
"""The predicates the listings read."""


class _Graph:
    """One graph's triples indexed once for the functions below: the objects of a subject and
    predicate, the (subject, object) pairs of a predicate, and each node's labels and classes."""

    def __init__(self, triples: "Triples"):
        self.identifier = str(triples.identifier)
        self._objects: dict[tuple[str, str], list] = {}
        self._pairs: dict[str, list] = {}
        for s, p, o in triples:
            p = str(p)
            if p not in _READ:  # most of a graph: its mentions' offsets, its evidence
                continue
            s = str(s)
            if isinstance(o, str):
                o = str(o)
            self._objects.setdefault((s, p), []).append(o)
            self._pairs.setdefault(p, []).append((s, o))
        self._labels: dict = {}

    def objects(self, subject, predicate: URIRef) -> list:
        return self._objects.get((subject, predicate), [])

    def pairs(self, predicate: URIRef) -> list:
        return self._pairs.get(predicate, [])

    def labels(self, node) -> list[str]:
        """The node's ``rdfs:label`` strings (:func:`_plain`)."""
        labels = self._labels.get(node)
        if labels is None:
            labels = self._labels[node] = [_plain(label) for label in self.objects(node, _LABEL)]
        return labels

    def classes(self, node) -> list:
        return self.objects(node, _TYPE)


def _str(term) -> str:
    """SPARQL ``STR(term)``."""
    return term if isinstance(term, str) else term.lexical


def _plain(term) -> str:
    """A term the query hands back as it is, where it expects a plain string (a label, a title):
    its string. Any other term could make a row that differs from another only in the term's type,
    which a plain string cannot tell apart."""
    if isinstance(term, str) or not (term.datatype is None or str(term.datatype) == _XSD_STRING):
        raise Unmodelled(f"{term!r} where a plain string was expected")
    return term.lexical


def _after_hash(iri: str) -> str:
    """SPARQL ``STRAFTER(STR(iri), "#")``."""
    return iri.partition("#")[2]


def _documents_named(g: _Graph) -> list[str]:
    """``?doc kgo:sourceFile ?document`` on its own (a pattern joined to the rest by ``?g`` only)."""
    return [_plain(name) for _, name in g.pairs(_SOURCE_FILE)]


def _linked_labels(g: _Graph, first: str, second: str) -> Iterator[Row]:
    """A fact node's ``first`` and ``second`` entities, by label, with the document: what
    ``agency_country`` (agency, country) and ``involvement`` (program, party) read."""
    documents = _documents_named(g)
    for fact, a in g.pairs(first):
        for b in g.objects(fact, second):
            for label_a in g.labels(a):
                for label_b in g.labels(b):
                    for document in documents:
                        yield label_a, label_b, document


def _agency_country(g: _Graph) -> Iterator[Row]:
    return _linked_labels(g, _AGENCY, _COUNTRY)


def _involvement(g: _Graph) -> Iterator[Row]:
    return _linked_labels(g, _PROGRAM, _PARTY)


def _documents(g: _Graph) -> Iterator[Row]:
    graph = g.identifier
    for doc, name in g.pairs(_SOURCE_FILE):
        document = _plain(name)
        for title in [_str(t) for t in g.objects(doc, _TITLE)] or [""]:
            for published in [_str(p) for p in g.objects(doc, _PUBLISHED)] or [""]:
                for hash_ in [_str(h) for h in g.objects(doc, _CONTENT_HASH)] or [""]:
                    yield document, title, published, hash_, graph


def _entities(g: _Graph) -> Iterator[Row]:
    documents = _documents_named(g)
    for _, e in g.pairs(_REFERS_TO):
        types = [_after_hash(c) for c in g.classes(e) if c in ENTITY_CLASSES]
        for label in g.labels(e):
            for type_ in types:
                for document in documents:
                    yield label, type_, document


def _labels_rows(g: _Graph) -> Iterator[Row]:
    for predicate in (_LABEL, _ALT_LABEL):
        for e, name in g.pairs(predicate):
            types = [_after_hash(c) for c in g.classes(e) if c in ENTITY_CLASSES]
            if types:
                for label in g.labels(e):
                    for type_ in types:
                        yield _plain(name), label, type_


def _event_parts(g: _Graph, event) -> Iterator[tuple[str, str, str, str, str, str]]:
    """What ``events`` and ``timeline`` read of one event: (label, document, type, date, place,
    status) for each combination, each place "" when it has none."""
    statuses = [s for s in g.objects(event, _STATUS) if s in STATUSES]
    if not statuses:
        return
    documents = [_plain(name) for doc in g.objects(event, _DOCUMENT) for name in g.objects(doc, _SOURCE_FILE)]
    types = [_after_hash(c) for c in g.classes(event) if c in EVENT_CLASSES] or ["Other"]
    dates = [_str(d) for d in g.objects(event, _DATE)] or [""]
    places = [label for p in g.objects(event, _PLACE) for label in g.labels(p)] or [""]
    for status in statuses:
        for label in g.labels(event):
            for document in documents:
                for type_ in types:
                    for date in dates:
                        for place in places:
                            yield label, document, type_, date, place, _after_hash(status).lower()


def _events_of(g: _Graph) -> list:
    return list(dict.fromkeys(event for event, _ in g.pairs(_STATUS)))


def _participants(g: _Graph, event) -> list[str]:
    return [label for x in g.objects(event, _PARTICIPANT) for label in g.labels(x)]


def _events(g: _Graph) -> Iterator[Row]:
    for event in _events_of(g):
        participants = _participants(g, event) or [""]
        for label, document, type_, date, place, status in _event_parts(g, event):
            for participant in participants:
                yield event, type_, label, date, place, participant, status, document


def _member(g: _Graph, participant, label: str) -> str:
    """``?member`` of the timeline query: ``-IRI label`` for an agency or a country, else ``+IRI label``."""
    party = any(c in _PARTY_CLASSES for c in g.classes(participant))
    return f"{'-' if party else '+'}{participant} {label}"


def _timeline(g: _Graph) -> Iterator[Row]:
    for event in _events_of(g):
        # GROUP_CONCAT of the members (distinct: the subquery is), in the order of the subquery (ORDER BY ?member)
        members = "\n".join(sorted({_member(g, x, label) for x in g.objects(event, _PARTICIPANT) for label in g.labels(x)}))
        published: dict[str, list[str]] = {}
        for doc in g.objects(event, _DOCUMENT):
            for name in g.objects(doc, _SOURCE_FILE):
                published.setdefault(_plain(name), []).extend(_str(p) for p in g.objects(doc, _PUBLISHED))
        for label, document, type_, date, place, status in _event_parts(g, event):
            for when in dict.fromkeys(published.get(document) or [""]):
                yield date, type_, label, members, place, status, document, when, event


def _met(g: _Graph) -> Iterator[Row]:
    for m in dict.fromkeys(m for m, _ in g.pairs(_PARTICIPANT)):
        if _MEETING not in g.classes(m):
            continue
        people = [x for x in dict.fromkeys(g.objects(m, _PARTICIPANT)) if _PERSON in g.classes(x)]
        if len(people) < 2:
            continue
        meetings = g.labels(m)
        documents = [_plain(name) for doc in g.objects(m, _DOCUMENT) for name in g.objects(doc, _SOURCE_FILE)]
        dates = [_str(d) for d in g.objects(m, _DATE)] or [""]
        places = [label for p in g.objects(m, _PLACE) for label in g.labels(p)] or [""]
        for x in people:
            for y in people:
                if x == y:
                    continue
                for person in g.labels(x):
                    for other in g.labels(y):
                        if not person < other:
                            continue
                        for meeting in meetings:
                            for document in documents:
                                for date in dates:
                                    for place in places:
                                        yield person, other, date, place, meeting, document


def _acting(term) -> str:
    """``IF(COALESCE(?actingValue, false), "true", "false")`` for an ``xsd:boolean`` written as kg writes one."""
    if isinstance(term, str) or str(term.datatype) != _XSD_BOOLEAN or term.lexical not in ("true", "false"):
        raise Unmodelled(f"{term!r} as kgo:acting")
    return term.lexical


def _officials(g: _Graph) -> Iterator[Row]:
    for post, _ in g.pairs(_HOLDER):
        if _POSITION not in g.classes(post):
            continue
        actings = [_acting(a) for a in g.objects(post, _ACTING)] or ["false"]
        starts = [_str(s) for s in g.objects(post, _START_DATE)] or [""]
        ends = [_str(e) for e in g.objects(post, _END_DATE)] or [""]
        as_ofs = [_str(a) for a in g.objects(post, _AS_OF)] or [""]
        sources = [_plain(name) for doc in g.objects(post, _DOCUMENT) for name in g.objects(doc, _SOURCE_FILE)] or ["gazetteer"]
        for h in g.objects(post, _HOLDER):
            for title in g.objects(post, _POST_TITLE):
                title = _plain(title)
                for o in g.objects(post, _ORGANIZATION):
                    for organization in g.labels(o):
                        for person in g.labels(h):
                            for acting in actings:
                                for start in starts:
                                    for end in ends:
                                        for as_of in as_ofs:
                                            for source in sources:
                                                yield organization, person, title, acting, start, end, as_of, source


def _positions(g: _Graph) -> Iterator[Row]:
    documents = _documents_named(g)
    for p, h in g.pairs(_HOLDER):
        titles = [_plain(t) for t in g.objects(p, _POST_TITLE)]
        organizations = [label for o in g.objects(p, _ORGANIZATION) for label in g.labels(o)] or [""]
        for person in g.labels(h):
            for title in titles:
                for organization in organizations:
                    for document in documents:
                        yield person, title, organization, document


def _quotes(g: _Graph) -> Iterator[Row]:
    documents = _documents_named(g)
    for q, s in g.pairs(_SPEAKER):
        for text in [_plain(t) for t in g.objects(q, _TEXT)]:
            for speaker in g.labels(s):
                for document in documents:
                    yield speaker, text, document


@dataclass(frozen=True)
class Listing:
    """How one listing is computed: its columns, the rows of one graph, and its sort key (the
    query's ``ORDER BY``, from the columns)."""

    columns: tuple[str, ...]
    rows: Callable[[_Graph], Iterable[Row]]
    key: Callable[[Row], str]


def _key(*positions: int) -> Callable[[Row], str]:
    """The query's ``ORDER BY (CONCAT(a, "\\t", b, ...))`` over the columns at ``positions``."""
    return lambda row: "\t".join([row[i] for i in positions])


LISTINGS: dict[str, Listing] = {
    "agency_country": Listing(("agency", "country", "document"), _agency_country, _key(2, 0, 1)),
    "documents": Listing(("document", "title", "published", "hash", "graph"), _documents, _key(0, 4)),
    "entities": Listing(("label", "type", "document"), _entities, _key(2, 1, 0)),
    "events": Listing(("event", "type", "label", "date", "place", "participant", "status", "document"), _events, _key(7, 3, 0, 5, 1, 4)),
    "involvement": Listing(("program", "party", "document"), _involvement, _key(2, 0, 1)),
    "labels": Listing(("name", "label", "type"), _labels_rows, _key(1, 0, 2)),
    "met": Listing(("person", "other", "date", "place", "meeting", "document"), _met, _key(0, 2, 1, 4, 5, 3)),
    "officials": Listing(
        ("organization", "person", "title", "acting", "start", "end", "as_of", "source"),
        _officials,
        # heldFrom: the start, else the as-of date
        lambda r: "\t".join([r[0], r[4] or r[6], r[1], r[2], r[7], r[6]]),
    ),
    "positions": Listing(("person", "title", "organization", "document"), _positions, _key(3, 0, 1, 2)),
    "quotes": Listing(("speaker", "text", "document"), _quotes, _key(2, 0, 1)),
    "timeline": Listing(
        ("date", "type", "label", "members", "place", "status", "document", "published", "event"),
        _timeline,
        lambda r: "\t".join(["1" if r[0] == "" else "0", r[0], r[2], r[6], r[8], r[1]]),
    ),
}
"""Every listing computed here, by query name."""

GraphRows = dict[str, "tuple[Row, ...] | None"]
"""A graph's rows of each listing; None where the graph holds something :class:`Unmodelled`."""


def graph_rows(triples: "Triples") -> GraphRows:
    """The rows the graph ``triples`` gives each listing on its own (with repeats, in no order)."""
    g = _Graph(triples)
    out: GraphRows = {}
    for name, listing in LISTINGS.items():
        try:
            out[name] = tuple(listing.rows(g))
        except Unmodelled:
            out[name] = None
    return out


def gazetteer_rows(graph: "Graph") -> GraphRows | None:
    """The rows of the gazetteer's graph (an rdflib graph), or None if it holds a term a
    :class:`kg.emit.Triples` cannot (a blank node, a literal with a language)."""
    from kg.emit import Lit, Triples

    triples = Triples(graph.identifier)
    for s, p, o in graph:
        if not isinstance(s, URIRef) or not isinstance(o, (URIRef, Literal)) or (isinstance(o, Literal) and o.language):
            return None
        triples.add(s, p, o if isinstance(o, URIRef) else Lit(str(o), o.datatype))
    return graph_rows(triples)


class ListingRows:
    """The rows of every listing, gathered graph by graph as a build streams."""

    def __init__(self) -> None:
        self._rows: dict[str, set[Row] | None] = {name: set() for name in LISTINGS}

    def add(self, rows: GraphRows | None) -> None:
        """Add one graph's rows (None: the graph's rows are not known, so no listing can be computed)."""
        for name in LISTINGS:
            got = None if rows is None else rows.get(name)
            held = self._rows[name]
            if got is None or held is None:
                self._rows[name] = None
            else:
                held.update(got)

    def table(self, name: str, text_hash: str) -> tuple[tuple[str, ...], list[Row]] | None:
        """The columns and sorted rows of the listing ``name`` whose query text hashes to
        ``text_hash``, or None when the query must decide (another text, a graph with something
        unmodelled, two rows with one sort key)."""
        listing = LISTINGS.get(name)
        rows = self._rows.get(name)
        if listing is None or rows is None or MIRRORED.get(name) != text_hash:
            return None
        keyed = sorted((listing.key(row), row) for row in rows)
        if any(a[0] == b[0] for a, b in zip(keyed, keyed[1:])):
            return None
        return listing.columns, [row for _, row in keyed]


__all__ = ["LISTINGS", "MIRRORED", "ListingRows", "Unmodelled", "gazetteer_rows", "graph_rows"]
