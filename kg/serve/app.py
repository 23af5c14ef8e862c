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


def create_app(pool: WorkerPool, settings: Settings) -> Starlette:
    """The application over ``pool`` (started), guarded by ``settings``."""
    from kg.serve import assets as static

    timeout = settings.timeout

    async def sparql(request: Request) -> Response:
        from kg.store.queries import refuse_service

        try:
            body = await read_body(request, limit=settings.max_body) if request.method == "POST" else b""
            asked = sparql_request(request.method, request.scope.get("query_string", b""), request.headers.get("content-type"), body)
            refuse_service(asked.query)
            args = {"query": asked.query, "default_graphs": asked.default_graphs, "named_graphs": asked.named_graphs, "accept": request.headers.get("accept")}
            status, media, payload = await pool.run("sparql", args, timeout=timeout)
        except KgError as exc:
            return _failure(exc, as_json=False)
        charset = "" if media == "application/rdf+xml" else "; charset=utf-8"
        return Response(payload, status_code=status, media_type=media + charset, headers={"Vary": "Accept"})

    async def query_list(request: Request) -> Response:
        from kg.store.queries import CHOICE_PARAMETERS, named_queries

        try:
            fields = parse_form(request.scope.get("query_string", b""), what="query string")
            as_csv = _wants_csv(request, fields)
        except KgError as exc:
            return _failure(exc, as_json=True)
        listing = [
            {"name": q.name, "question": q.question,
             "parameters": [{"name": p, "required": p in q.required, "choices": list(CHOICE_PARAMETERS.get(p, ()))} for p in q.parameters]}
            for q in named_queries().values()
        ]
        if as_csv:
            rows = [{"name": q["name"], "question": q["question"], "parameters": "; ".join(p["name"] + (" (required)" if p["required"] else "") for p in q["parameters"])} for q in listing]
            return Response(rows_csv(["name", "question", "parameters"], rows), media_type="text/csv; charset=utf-8", headers={"Vary": "Accept"})
        return Response(json_bytes(listing), media_type="application/json", headers={"Vary": "Accept"})

    async def query_rows(request: Request) -> Response:
        name = request.path_params["name"]
        try:
            fields = parse_form(request.scope.get("query_string", b""), what="query string")
            as_csv = _wants_csv(request, fields)
            limit, offset = _whole_number(fields, "limit"), _whole_number(fields, "offset")
            params = {}
            for key in fields:
                if key not in CONTROL_PARAMETERS:
                    value = _single(fields, key)
                    if value is None or not value.strip():
                        raise ProtocolError(400, f"parameter {key} has no value; give one, or leave it out")
                    params[key] = value
            body = await pool.run("named", {"name": name, "params": params, "limit": limit, "offset": offset, "csv": as_csv}, timeout=timeout)
        except KgError as exc:
            return _failure(exc, as_json=True)
        media = "text/csv; charset=utf-8" if as_csv else "application/json"
        return Response(body, media_type=media, headers={"Vary": "Accept"})

    async def api(request: Request, task: str, args: dict[str, Any]) -> Response:
        try:
            result = await pool.run(task, args, timeout=timeout)
        except KgError as exc:
            return _failure(exc, as_json=True)
        return Response(json_bytes(result), media_type="application/json")

    async def search(request: Request) -> Response:
        text = request.query_params.get("q", "")[:200]
        return await api(request, "search", {"text": text})

    async def entity(request: Request) -> Response:
        iri = request.query_params.get("iri", "")
        if not iri:
            return _error(400, "give the entity as iri=...", as_json=True)
        return await api(request, "entity", {"iri": iri})

    async def examples(request: Request) -> Response:
        return Response(json_bytes(static.EXAMPLES), media_type="application/json")

    async def graph(request: Request) -> Response:
        iri = request.query_params.get("iri", "")
        depth = request.query_params.get("depth", "1")
        if not iri or depth not in ("1", "2"):
            return _error(400, "give iri=... and depth=1 or depth=2", as_json=False)
        try:
            page = await pool.run("graph", {"iri": iri, "depth": int(depth)}, timeout=timeout)
        except KgError as exc:
            return _failure(exc, as_json=False)
        policy = static.page_policy(page) + "; frame-ancestors 'self'"
        return Response(page, media_type="text/html; charset=utf-8", headers={"Content-Security-Policy": policy, "X-Frame-Options": "SAMEORIGIN"})

    async def index(request: Request) -> Response:
        return Response(static.read("index.html"), media_type="text/html; charset=utf-8", headers={"Content-Security-Policy": EXPLORER_CSP})

    async def asset(request: Request) -> Response:
        name = request.path_params["name"]
        found = static.asset(name)
        if found is None:
            return _error(404, f"no file {name!r} here", as_json=False)
        body, media = found
        return Response(body, media_type=media)

    @asynccontextmanager
    async def lifespan(app: Starlette):
        await pool.attach()
        yield

    middleware = [Middleware(SecurityHeaders, allowed_hosts=settings.allowed_hosts)]
    if settings.allow_origins:
        from starlette.middleware.cors import CORSMiddleware

        middleware.append(Middleware(CORSMiddleware, allow_origins=list(settings.allow_origins), allow_methods=["GET", "POST"],
                                     allow_headers=["Accept", "Content-Type"], max_age=600))
    routes = [
        Route("/", index, methods=["GET"]),
        Route("/sparql", sparql, methods=["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]),
        Route("/queries", query_list, methods=["GET"]),
        Route("/queries/{name}", query_rows, methods=["GET"]),
        Route("/api/search", search, methods=["GET"]),
        Route("/api/entity", entity, methods=["GET"]),
        Route("/api/examples", examples, methods=["GET"]),
        Route("/graph", graph, methods=["GET"]),
        Route("/static/{name}", asset, methods=["GET"]),
    ]
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
