"""The web application of ``kg serve`` (Starlette): routes, and what each one answers.

==========================  =====================================================================
``/``                       the explorer (``kg/serve/static/``): search, entity pages, network,
                            timeline, named queries, SPARQL box
``/sparql``                 SPARQL 1.1 Protocol query endpoint (GET, POST), read-only
``/queries``                the named queries and their parameters (JSON, or CSV)
``/queries/{name}``         a named query's rows, parameters bound (JSON as ``kg query --format
                            json``, or CSV as ``--format csv``); ``limit``/``offset`` page
``/api/search?q=``          entities whose names contain ``q``
``/api/entity?iri=``        an entity's page data
``/api/examples``           example SPARQL queries for the SPARQL box
``/graph?iri=&depth=``      the ``kg viz`` page of an entity's neighbourhood (depth 1 or 2)
``/static/{name}``          the explorer's scripts and styles
==========================  =====================================================================

Every query and page computation runs in a worker process (:mod:`kg.serve.pool`) under the
server's time limit.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from kg.errors import FederatedQueryRefused, KgError, QueryTimeout
from kg.serve.pool import TaskError, WorkerPool
from kg.serve.protocol import ProtocolError, negotiate, parse_form, sparql_request
from kg.serve.settings import Settings
from kg.serve.tasks import rows_csv
from kg.serve.web import EXPLORER_CSP, SecurityHeaders, json_bytes, read_body

CONTROL_PARAMETERS = ("format", "limit", "offset")
"""Parameters of ``/queries/{name}`` that shape the answer rather than bind the query."""


def _error(status: int, message: str, *, as_json: bool, headers: dict[str, str] | None = None) -> Response:
    if as_json:
        return Response(json_bytes({"error": message}), status_code=status, media_type="application/json", headers=headers)
    return Response(message + "\n", status_code=status, media_type="text/plain; charset=utf-8", headers=headers)


def _failure(exc: Exception, *, as_json: bool) -> Response:
    if isinstance(exc, ProtocolError):
        return _error(exc.status, str(exc), as_json=as_json, headers=exc.headers)
    if isinstance(exc, TaskError):
        return _error(exc.status, str(exc), as_json=as_json, headers=exc.headers)
    if isinstance(exc, QueryTimeout):
        return _error(503, str(exc), as_json=as_json)
    if isinstance(exc, FederatedQueryRefused):
        return _error(400, f"{exc}: SERVICE is refused by this endpoint", as_json=as_json)
    return _error(400, str(exc), as_json=as_json)


def _single(fields: dict[str, list[str]], name: str) -> str | None:
    values = fields.get(name, [])
    if len(values) > 1:
        raise ProtocolError(400, f"parameter {name} is given {len(values)} times; give it once")
    return values[0] if values else None


def _whole_number(fields: dict[str, list[str]], name: str) -> int | None:
    value = _single(fields, name)
    if value is None or value == "":
        return None
    if not value.isdigit():
        raise ProtocolError(400, f"{name}={value!r}: give a whole number of rows")
    return int(value)


def _wants_csv(request: Request, fields: dict[str, list[str]]) -> bool:
    fmt = _single(fields, "format")
    if fmt is not None:
        if fmt not in ("json", "csv"):
            raise ProtocolError(400, f"format={fmt!r}: give json or csv")
        return fmt == "csv"
    return negotiate(request.headers.get("accept"), ("application/json", "text/csv")) == "text/csv"


def _query_listing() -> list[dict[str, Any]]:
    """The named queries with their questions and parameters, as ``/queries`` answers in JSON."""
    from kg.store.queries import CHOICE_PARAMETERS, named_queries

    return [
        {"name": q.name, "question": q.question,
         "parameters": [{"name": p, "required": p in q.required, "choices": list(CHOICE_PARAMETERS.get(p, ()))} for p in q.parameters]}
        for q in named_queries().values()
    ]


def _listing_csv(listing: list[dict[str, Any]]) -> bytes:
    """The query listing as CSV: one row a query, its parameters in one cell (``name (required); ...``)."""
    rows = [{"name": q["name"], "question": q["question"], "parameters": "; ".join(p["name"] + (" (required)" if p["required"] else "") for p in q["parameters"])} for q in listing]
    return rows_csv(["name", "question", "parameters"], rows)


def _query_parameters(fields: dict[str, list[str]]) -> dict[str, str]:
    """The parameters that bind a named query: every field but :data:`CONTROL_PARAMETERS`, each given once, not blank."""
    params = {}
    for key in fields:
        if key not in CONTROL_PARAMETERS:
            value = _single(fields, key)
            if value is None or not value.strip():
                raise ProtocolError(400, f"parameter {key} has no value; give one, or leave it out")
            params[key] = value
    return params


class _Endpoints:
    """The route handlers of one application: each runs its work in ``pool`` under the time limit."""

    def __init__(self, pool: WorkerPool, settings: Settings):
        from kg.serve import assets

        self.pool = pool
        self.settings = settings
        self.timeout = settings.timeout
        self.static = assets

    async def sparql(self, request: Request) -> Response:
        """``/sparql``: the SPARQL 1.1 Protocol endpoint (read-only, SERVICE refused)."""
        from kg.store.queries import refuse_service

        try:
            body = await read_body(request, limit=self.settings.max_body) if request.method == "POST" else b""
            asked = sparql_request(request.method, request.scope.get("query_string", b""), request.headers.get("content-type"), body)
            refuse_service(asked.query)
            args = {"query": asked.query, "default_graphs": asked.default_graphs, "named_graphs": asked.named_graphs, "accept": request.headers.get("accept")}
            status, media, payload = await self.pool.run("sparql", args, timeout=self.timeout)
        except KgError as exc:
            return _failure(exc, as_json=False)
        charset = "" if media == "application/rdf+xml" else "; charset=utf-8"
        return Response(payload, status_code=status, media_type=media + charset, headers={"Vary": "Accept"})

    async def query_list(self, request: Request) -> Response:
        """``/queries``: the named queries and their parameters, as JSON or CSV."""
        try:
            fields = parse_form(request.scope.get("query_string", b""), what="query string")
            as_csv = _wants_csv(request, fields)
        except KgError as exc:
            return _failure(exc, as_json=True)
        listing = _query_listing()
        if as_csv:
            return Response(_listing_csv(listing), media_type="text/csv; charset=utf-8", headers={"Vary": "Accept"})
        return Response(json_bytes(listing), media_type="application/json", headers={"Vary": "Accept"})

    async def query_rows(self, request: Request) -> Response:
        """``/queries/{name}``: a named query's rows, parameters bound, paged by ``limit``/``offset``."""
        name = request.path_params["name"]
        try:
            fields = parse_form(request.scope.get("query_string", b""), what="query string")
            as_csv = _wants_csv(request, fields)
            limit, offset = _whole_number(fields, "limit"), _whole_number(fields, "offset")
            params = _query_parameters(fields)
            body = await self.pool.run("named", {"name": name, "params": params, "limit": limit, "offset": offset, "csv": as_csv}, timeout=self.timeout)
        except KgError as exc:
            return _failure(exc, as_json=True)
        media = "text/csv; charset=utf-8" if as_csv else "application/json"
        return Response(body, media_type=media, headers={"Vary": "Accept"})

    async def _json_task(self, task: str, args: dict[str, Any]) -> Response:
        """Run ``task`` in the pool and answer its result as JSON (or the error, as JSON)."""
        try:
            result = await self.pool.run(task, args, timeout=self.timeout)
        except KgError as exc:
            return _failure(exc, as_json=True)
        return Response(json_bytes(result), media_type="application/json")

    async def search(self, request: Request) -> Response:
        """``/api/search?q=``: entities whose names contain ``q``."""
        text = request.query_params.get("q", "")[:200]
        return await self._json_task("search", {"text": text})

    async def entity(self, request: Request) -> Response:
        """``/api/entity?iri=``: an entity's page data."""
        iri = request.query_params.get("iri", "")
        if not iri:
            return _error(400, "give the entity as iri=...", as_json=True)
        return await self._json_task("entity", {"iri": iri})

    async def examples(self, request: Request) -> Response:
        """``/api/examples``: example queries for the SPARQL box."""
        return Response(json_bytes(self.static.EXAMPLES), media_type="application/json")

    async def graph(self, request: Request) -> Response:
        """``/graph?iri=&depth=``: the ``kg viz`` page of an entity's neighbourhood."""
        iri = request.query_params.get("iri", "")
        depth = request.query_params.get("depth", "1")
        if not iri or depth not in ("1", "2"):
            return _error(400, "give iri=... and depth=1 or depth=2", as_json=False)
        try:
            page = await self.pool.run("graph", {"iri": iri, "depth": int(depth)}, timeout=self.timeout)
        except KgError as exc:
            return _failure(exc, as_json=False)
        policy = self.static.page_policy(page) + "; frame-ancestors 'self'"
        return Response(page, media_type="text/html; charset=utf-8", headers={"Content-Security-Policy": policy, "X-Frame-Options": "SAMEORIGIN"})

    async def index(self, request: Request) -> Response:
        """``/``: the explorer page."""
        return Response(self.static.read("index.html"), media_type="text/html; charset=utf-8", headers={"Content-Security-Policy": EXPLORER_CSP})

    async def asset(self, request: Request) -> Response:
        """``/static/{name}``: one of the explorer's listed files, else 404."""
        name = request.path_params["name"]
        found = self.static.asset(name)
        if found is None:
            return _error(404, f"no file {name!r} here", as_json=False)
        body, media = found
        return Response(body, media_type=media)


def _routes(endpoints: _Endpoints) -> list[Route]:
    """The routes of the module docstring's table, each with the methods it answers."""
    return [
        Route("/", endpoints.index, methods=["GET"]),
        Route("/sparql", endpoints.sparql, methods=["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]),
        Route("/queries", endpoints.query_list, methods=["GET"]),
        Route("/queries/{name}", endpoints.query_rows, methods=["GET"]),
        Route("/api/search", endpoints.search, methods=["GET"]),
        Route("/api/entity", endpoints.entity, methods=["GET"]),
        Route("/api/examples", endpoints.examples, methods=["GET"]),
        Route("/graph", endpoints.graph, methods=["GET"]),
        Route("/static/{name}", endpoints.asset, methods=["GET"]),
    ]


def _middleware(settings: Settings) -> list[Middleware]:
    """Security headers and allowed hosts always; CORS only for the origins ``settings`` allow."""
    middleware = [Middleware(SecurityHeaders, allowed_hosts=settings.allowed_hosts)]
    if settings.allow_origins:
        from starlette.middleware.cors import CORSMiddleware

        middleware.append(Middleware(CORSMiddleware, allow_origins=list(settings.allow_origins), allow_methods=["GET", "POST"],
                                     allow_headers=["Accept", "Content-Type"], max_age=600))
    return middleware


def create_app(pool: WorkerPool, settings: Settings) -> Starlette:
    """The application over ``pool`` (started), guarded by ``settings``."""

    @asynccontextmanager
    async def lifespan(app: Starlette):
        await pool.attach()
        yield

    routes = _routes(_Endpoints(pool, settings))
    return Starlette(routes=routes, middleware=_middleware(settings), lifespan=lifespan)
