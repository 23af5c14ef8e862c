"""The SPARQL 1.1 Protocol for a read-only query endpoint: reading a request, choosing a format.

Pure functions of what arrived (method, query string, content type, body); every refusal is a
:class:`ProtocolError` carrying the HTTP status to answer with:

- ``GET /sparql?query=...`` and ``POST`` of a ``query=`` form (``application/x-www-form-urlencoded``)
  or of the query itself (``application/sparql-query``); ``default-graph-uri`` and
  ``named-graph-uri`` name the dataset (in the URL, or in the form);
- another method is 405; no query, two queries, a body that is not UTF-8 are 400; a body of
  another media type is 415;
- an update (``update=``, ``application/sparql-update``) is 403: the endpoint is read-only.

:func:`negotiate` picks the result format from the ``Accept`` header (q-values, wildcards).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import parse_qs

from kg.errors import KgError
from kg.store.query_text import code_only

FORM = "application/x-www-form-urlencoded"
DIRECT_QUERY = "application/sparql-query"
DIRECT_UPDATE = "application/sparql-update"

SELECT_TYPES = (
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
    "application/json",
    "application/xml",
    "text/xml",
)
"""What SELECT and ASK results can be sent as, in order of preference (the last three are aliases)."""
GRAPH_TYPES = (
    "text/turtle",
    "application/n-triples",
    "application/ld+json",
    "application/rdf+xml",
    "text/plain",
)
"""What CONSTRUCT and DESCRIBE results can be sent as (``text/plain`` is N-Triples)."""
CANONICAL = {
    "application/json": "application/sparql-results+json",
    "application/xml": "application/sparql-results+xml",
    "text/xml": "application/sparql-results+xml",
    "text/plain": "application/n-triples",
}


class ProtocolError(KgError):
    """A request the endpoint refuses, with the HTTP status to answer."""

    def __init__(self, status: int, message: str, *, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.headers = headers or {}


@dataclass(frozen=True)
class SparqlRequest:
    """A query and the dataset the request names (empty: the union of every graph)."""

    query: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


def media_type(content_type: str | None) -> tuple[str, dict[str, str]]:
    """``("type/subtype", {param: value})`` of a Content-Type header, lower-cased."""
    if not content_type:
        return "", {}
    head, *params = content_type.split(";")
    found = {}
    for param in params:
        key, _, value = param.partition("=")
        found[key.strip().lower()] = value.strip().strip('"').lower()
    return head.strip().lower(), found


def parse_form(raw: bytes | str, *, what: str) -> dict[str, list[str]]:
    """Fields of a URL-encoded form (or query string), values decoded as UTF-8."""
    try:
        text = raw.decode("ascii") if isinstance(raw, bytes) else raw
        return parse_qs(text, keep_blank_values=True, encoding="utf-8", errors="strict", max_num_fields=100)
    except (UnicodeDecodeError, ValueError) as exc:
        raise ProtocolError(400, f"the {what} is not a URL-encoded UTF-8 form ({exc})") from exc


def _utf8(body: bytes, charset: str | None) -> str:
    if charset and charset not in ("utf-8", "utf8"):
        raise ProtocolError(400, f"the query is sent as {charset}; send it as UTF-8")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProtocolError(400, "the query is not UTF-8; send it as UTF-8") from exc


def _one_query(fields: dict[str, list[str]], extra: Sequence[str] = ()) -> str:
    queries = list(fields.get("query", [])) + list(extra)
    if "update" in fields:
        raise ProtocolError(403, "this endpoint is read-only: SPARQL updates are refused")
    if not queries:
        raise ProtocolError(400, "no query: give the SPARQL text as the query parameter (GET /sparql?query=...) or POST it")
    if len(queries) > 1:
        raise ProtocolError(400, "more than one query in the request; send one query per request")
    if not queries[0].strip():
        raise ProtocolError(400, "the query is empty; give the SPARQL text as the query parameter")
    return queries[0]


def sparql_request(method: str, query_string: bytes | str, content_type: str | None, body: bytes) -> SparqlRequest:
    """What a request to the query endpoint asks, or a ProtocolError saying why it is refused."""
    url_fields = parse_form(query_string, what="query string")
    if method == "GET":
        query = _one_query(url_fields)
        fields = url_fields
    elif method == "POST":
        kind, params = media_type(content_type)
        if kind == FORM:
            fields = parse_form(body, what="request body")
            if "query" in url_fields:
                raise ProtocolError(400, "more than one query in the request; send one query per request")
            query = _one_query(fields)
            for key in ("default-graph-uri", "named-graph-uri"):
                fields.setdefault(key, []).extend(url_fields.get(key, []))
        elif kind == DIRECT_QUERY:
            if "update" in url_fields:
                raise ProtocolError(403, "this endpoint is read-only: SPARQL updates are refused")
            fields = url_fields
            query = _one_query({k: v for k, v in url_fields.items() if k != "query"}, [_utf8(body, params.get("charset"))] + url_fields.get("query", []))
        elif kind == DIRECT_UPDATE:
            raise ProtocolError(403, "this endpoint is read-only: SPARQL updates are refused")
        elif not kind:
            raise ProtocolError(400, f"a POST needs a Content-Type: {FORM} (a query= form) or {DIRECT_QUERY}")
        else:
            raise ProtocolError(415, f"cannot read a {kind} body; POST a query as {FORM} (query=...) or {DIRECT_QUERY}")
    else:
        raise ProtocolError(405, f"{method} is not allowed here; query with GET or POST", headers={"Allow": "GET, POST"})
    return SparqlRequest(query, tuple(fields.get("default-graph-uri", [])), tuple(fields.get("named-graph-uri", [])))


# --- content negotiation ----------------------------------------------------------------------

_RANGE = re.compile(r"^\s*([^\s;/]+)/([^\s;]+)\s*(.*)$")


def _accepted(accept: str) -> list[tuple[str, str, float]]:
    ranges = []
    for item in accept.split(","):
        m = _RANGE.match(item)
        if not m:
            continue
        q = 1.0
        for param in m.group(3).split(";"):
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value.strip())
                except ValueError:
                    q = 0.0
        ranges.append((m.group(1).lower(), m.group(2).lower(), q))
    return ranges


def negotiate(accept: str | None, offered: Sequence[str]) -> str | None:
    """The offered media type the ``Accept`` header likes best (ties: the order of ``offered``);
    the first offered one when there is no header; None when it accepts none of them.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", SELECT_TYPES)
    'application/sparql-results+xml'
    >>> negotiate("text/html,*/*;q=0.8", SELECT_TYPES)
    'application/sparql-results+json'
    >>> negotiate("image/png", SELECT_TYPES) is None
    True
    """
    if not accept or not accept.strip():
        return CANONICAL.get(offered[0], offered[0])
    ranges = _accepted(accept)
    best, best_q = None, 0.0
    for choice in offered:
        kind, sub = choice.split("/")
        q, level = 0.0, -1
        for r_kind, r_sub, r_q in ranges:
            if (r_kind, r_sub) == (kind, sub):
                here = 2
            elif r_kind == kind and r_sub == "*":
                here = 1
            elif (r_kind, r_sub) == ("*", "*"):
                here = 0
            else:
                continue
            if here > level:  # the most specific range that matches decides
                q, level = r_q, here
        if q > best_q:
            best, best_q = choice, q
    if best is None or best_q <= 0:
        return None
    return CANONICAL.get(best, best)


_FROM = re.compile(r"(?<![\w:?$])FROM\b", re.IGNORECASE)


def names_its_dataset(query: str) -> bool:
    """Whether the query text has a ``FROM`` (or ``FROM NAMED``) clause of its own."""
    return bool(_FROM.search(code_only(query)))
