"""Any SPARQL 1.1 endpoint as a query backend: ``kg.open(URL)``, ``kg query NAME --endpoint URL``.

:class:`SparqlEndpointBackend` answers ``select(text, bindings, timeout=)`` like the local
backends (``kg.store.backends``): the same :class:`~kg.store.backends.Table` of plain strings, an unbound
variable as ``""``. The query goes over HTTP (SPARQL 1.1 Protocol, ``POST`` of a ``query=`` form,
JSON results); the server decides what its default graph is (the Oxigraph server with
``--union-default-graph``, ``kg serve``, Fuseki with ``tdb:unionDefaultGraph``: the union of
the named graphs, as in a build folder).

Parameters travel as RDF terms, never as pasted text: each bound value is written by Oxigraph's
N-Triples serialiser (which escapes quotes, backslashes and line breaks) into a ``VALUES`` block
placed at the start of every ``WHERE`` group of the query, so every pattern, ``FILTER`` and
subquery that mentions the variable sees it bound, as the local backends' initial bindings do.

Credentials come from the environment, never from the command line (where ``ps`` shows them):
``KG_ENDPOINT_TOKEN`` (sent as ``Authorization: Bearer ...``), or ``KG_ENDPOINT_USER`` and
``KG_ENDPOINT_PASSWORD`` (HTTP Basic). Redirects are not followed, so credentials go only to
the host named.
"""

from __future__ import annotations

import base64
import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlencode, urlsplit

from kg.errors import GraphError, QueryError, QueryTimeout
from kg.store.query_text import code_only

if TYPE_CHECKING:
    from rdflib import Dataset
    from rdflib.term import Node

    from kg.store.backends import Table

TOKEN_VARIABLE = "KG_ENDPOINT_TOKEN"
USER_VARIABLE = "KG_ENDPOINT_USER"
PASSWORD_VARIABLE = "KG_ENDPOINT_PASSWORD"
RESULTS_JSON = "application/sparql-results+json"
DEFAULT_TIMEOUT = 60.0
"""Seconds an endpoint may take to answer when the caller gives no timeout."""
LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})


def is_endpoint_url(location: object) -> bool:
    """Whether ``location`` names an HTTP(S) endpoint rather than a build folder."""
    return isinstance(location, str) and location.lower().startswith(("http://", "https://"))


def check_url(url: str) -> str:
    """``url`` if it is an http(s) URL with a host; else a QueryError saying what to give."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise QueryError(f"{url!r} is not an endpoint URL; give one like http://127.0.0.1:7878/query")
    return url


def credentials(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The ``Authorization`` header the environment asks for (``{}`` for none)."""
    env = os.environ if environ is None else environ
    token = env.get(TOKEN_VARIABLE, "")
    user, password = env.get(USER_VARIABLE, ""), env.get(PASSWORD_VARIABLE, "")
    if token:
        return {"Authorization": f"Bearer {token}"}
    if user or password:
        if not (user and password):
            raise QueryError(f"set both {USER_VARIABLE} and {PASSWORD_VARIABLE} (or {TOKEN_VARIABLE}) for an endpoint that needs a login")
        pair = base64.b64encode(f"{user}:{password}".encode("utf-8")).decode("ascii")
        return {"Authorization": f"Basic {pair}"}
    return {}


@dataclass(frozen=True)
class Response:
    status: int
    content_type: str
    body: bytes


def http(
    method: str,
    url: str,
    *,
    body: bytes | None = None,
    headers: Mapping[str, str] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    error: type[Exception] = QueryError,
) -> Response:
    """One HTTP request; a 2xx answer, else ``error`` with a message a user can act on.

    Redirects are refused (credentials must not follow them to another host); proxies from the
    environment are used, except for this machine's own addresses.
    """
    import socket
    import urllib.error
    import urllib.request

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, req, fp, code, msg, hdrs, newurl):  # noqa: ANN001
            raise error(f"{url} redirects to {newurl}; give that URL instead")

    host = urlsplit(url).hostname or ""
    handlers: list = [NoRedirect()]
    if host in LOOPBACK_HOSTS or host.startswith("127."):
        handlers.append(urllib.request.ProxyHandler({}))
    opener = urllib.request.build_opener(*handlers)
    request = urllib.request.Request(url, data=body, method=method, headers=dict(headers or {}))
    try:
        with opener.open(request, timeout=timeout) as answer:
            return Response(answer.status, answer.headers.get("Content-Type", ""), answer.read())
    except urllib.error.HTTPError as exc:
        detail = " ".join(exc.read(400).decode("utf-8", "replace").split())
        hint = ""
        if exc.code in (401, 403):
            hint = f" (set {TOKEN_VARIABLE}, or {USER_VARIABLE} and {PASSWORD_VARIABLE}, to log in)"
        raise error(f"{url} answered {exc.code} {exc.reason}{': ' + detail if detail else ''}{hint}") from exc
    except (TimeoutError, socket.timeout) as exc:
        raise QueryTimeout(f"{url} did not answer within {timeout:g} s; narrow the query or allow more time") from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, (TimeoutError, socket.timeout)):
            raise QueryTimeout(f"{url} did not answer within {timeout:g} s; narrow the query or allow more time") from exc
        raise error(f"cannot reach {url} ({exc.reason}); is the server running? check the URL") from exc
    except OSError as exc:  # connection reset and friends
        raise error(f"cannot talk to {url} ({exc}); is the server running? check the URL") from exc


# --- parameters as a VALUES block ---------------------------------------------------------

_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def sparql_term(node: "Node") -> str:
    """An RDF term as SPARQL text, written by Oxigraph's N-Triples serialiser (never by hand)."""
    from rdflib import BNode

    from kg.store.backends import _to_ox

    if isinstance(node, BNode):
        raise QueryError("a blank node cannot be sent as a parameter; give an IRI or a literal")
    return str(_to_ox(node))


def values_block(bindings: Mapping[str, "Node"]) -> str:
    """``VALUES (?a ?b) { (term term) }`` for ``bindings`` (variable names without ``?``)."""
    for name in bindings:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(f"{name!r} is not a SPARQL variable name")
    names = " ".join(f"?{name}" for name in bindings)
    terms = " ".join(sparql_term(value) for value in bindings.values())
    return f"VALUES ({names}) {{ ({terms}) }}"


def with_values(text: str, bindings: Mapping[str, "Node"] | None) -> str:
    """``text`` with ``bindings`` as a ``VALUES`` block at the start of each ``WHERE`` group.

    Only the block, written from RDF terms, enters the text. A query without the ``WHERE``
    keyword gets the block as its trailing ``VALUES`` clause instead.

    >>> from rdflib import Literal
    >>> with_values('SELECT ?x WHERE { ?x ?p ?v }', {"v": Literal('say "}"')})
    'SELECT ?x WHERE {\\nVALUES (?v) { ("say \\\\"}\\\\"") }\\n ?x ?p ?v }'
    """
    if not bindings:
        return text
    block = values_block(bindings)
    cuts = [m.end() for m in _WHERE.finditer(code_only(text))]  # the same offsets in text
    if not cuts:
        return f"{text}\n{block}"
    out, last = [], 0
    for cut in cuts:
        out.append(text[last:cut])
        out.append(f"\n{block}\n")
        last = cut
    out.append(text[last:])
    return "".join(out)


# --- the backend ------------------------------------------------------------------------


def _value(binding: Mapping[str, str] | None) -> str:
    return "" if not binding else str(binding.get("value", ""))


def table_from_json(payload: bytes, *, url: str) -> "Table":
    """A SPARQL JSON results document as a Table of plain strings."""
    from kg.store.backends import Table

    try:
        document = json.loads(payload)
        columns = tuple(document["head"].get("vars", []))
        if "boolean" in document:
            raise QueryError("only SELECT queries give rows; use a SELECT query")
        rows = [{c: _value(b.get(c)) for c in columns} for b in document["results"]["bindings"]]
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise QueryError(f"{url} did not answer with SPARQL JSON results ({exc}); is it a SPARQL query endpoint?") from exc
    return Table(columns, rows)


def _rdflib_term(binding: Mapping[str, str]):
    from rdflib import BNode, Literal, URIRef

    kind, value = binding.get("type"), binding.get("value", "")
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    return Literal(value, lang=binding.get("xml:lang"), datatype=binding.get("datatype"))


@dataclass
class SparqlEndpointBackend:
    """A SPARQL 1.1 query endpoint (``http://host:port/query``), queried over HTTP."""

    url: str
    headers: dict[str, str] = field(default_factory=credentials)
    timeout: float = DEFAULT_TIMEOUT
    name: str = "endpoint"
    _snapshot: "Dataset | None" = field(default=None, repr=False)

    def __post_init__(self) -> None:
        check_url(self.url)

    @property
    def path(self) -> None:
        """No build folder (so no listings are read; every question runs on the endpoint)."""
        return None

    def select(self, text: str, bindings: Mapping[str, "Node"] | None = None, *, timeout: float | None = None) -> "Table":
        body = urlencode({"query": with_values(text, bindings)}).encode("utf-8")
        headers = {**self.headers, "Accept": RESULTS_JSON, "Content-Type": "application/x-www-form-urlencoded"}
        answer = http("POST", self.url, body=body, headers=headers, timeout=timeout or self.timeout)
        return table_from_json(answer.body, url=self.url)

    def to_memory(self) -> "Dataset":
        """A copy of every named graph of the endpoint, as an rdflib dataset in memory (small graphs)."""
        from kg.store.backends import _bound_dataset

        from rdflib import Dataset, URIRef

        body = urlencode({"query": "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"}).encode("utf-8")
        headers = {**self.headers, "Accept": RESULTS_JSON, "Content-Type": "application/x-www-form-urlencoded"}
        answer = http("POST", self.url, body=body, headers=headers, timeout=self.timeout, error=GraphError)
        try:
            bindings = json.loads(answer.body)["results"]["bindings"]
        except (ValueError, KeyError, TypeError) as exc:
            raise GraphError(f"{self.url} did not answer with SPARQL JSON results ({exc})") from exc
        dataset = _bound_dataset(Dataset())
        for b in bindings:
            dataset.add((_rdflib_term(b["s"]), _rdflib_term(b["p"]), _rdflib_term(b["o"]), URIRef(b["g"]["value"])))
        return dataset

    @property
    def dataset(self) -> "Dataset":
        """The endpoint's graphs copied into memory once (a snapshot; see :meth:`to_memory`)."""
        if self._snapshot is None:
            self._snapshot = self.to_memory()
        return self._snapshot

    def close(self) -> None:
        self._snapshot = None
