"""HTTP plumbing of ``kg serve``: safe default headers, the Host check, bounded request bodies.

- Every response says ``X-Content-Type-Options: nosniff`` and ``Referrer-Policy: no-referrer``,
  and carries a Content-Security-Policy: the explorer's allows only its own scripts, styles and
  requests; anything else (JSON, results) gets ``default-src 'none'``. No page may be framed by
  another site.
- A request whose ``Host`` header is not one the server answers to is refused (400): a server
  bound to 127.0.0.1 cannot be reached by a web page through a DNS name made to point here.
- A request body is read up to ``max_body`` bytes; past that the answer is 413.
"""

from __future__ import annotations

import json
from typing import Any

from kg.serve.protocol import ProtocolError

EXPLORER_CSP = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "frame-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    ]
)
"""The explorer page: its own files only; the network view is a page of this server in a frame."""
DATA_CSP = "default-src 'none'; frame-ancestors 'none'"
"""Everything that is not a page: nothing in it may run or load anything."""


class SecurityHeaders:
    """ASGI middleware: the default headers on every response, and the Host check."""

    def __init__(self, app: Any, *, allowed_hosts: tuple[str, ...] | None):
        self.app = app
        self.allowed_hosts = None if allowed_hosts is None else {h.lower() for h in allowed_hosts}

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.allowed_hosts is not None:
            host = host_name(dict(scope["headers"]).get(b"host", b"").decode("latin-1"))
            if host not in self.allowed_hosts:
                await _plain(send, 400, f"unexpected Host header {host!r}; this server answers to {', '.join(sorted(self.allowed_hosts))}")
                return

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                defaults = {
                    b"x-content-type-options": b"nosniff",
                    b"referrer-policy": b"no-referrer",
                    b"content-security-policy": DATA_CSP.encode(),
                    b"x-frame-options": b"DENY",
                    b"cache-control": b"no-store",
                }
                headers += [(k, v) for k, v in defaults.items() if k not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def host_name(header: str) -> str:
    """The host part of a Host header, lower-cased (``[::1]:8000`` -> ``::1``)."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


async def _plain(send: Any, status: int, text: str) -> None:
    body = text.encode("utf-8")
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode()),
        (b"x-content-type-options", b"nosniff"), (b"content-security-policy", DATA_CSP.encode()),
    ]})
    await send({"type": "http.response.body", "body": body})


async def read_body(request: Any, *, limit: int) -> bytes:
    """The request body, or a 413 ProtocolError once it passes ``limit`` bytes."""
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            size = int(declared)
        except ValueError as exc:
            raise ProtocolError(400, "the Content-Length header is not a number") from exc
        if size > limit:
            raise ProtocolError(413, f"the request body has {size} bytes, more than this server takes ({limit}); send a shorter query")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ProtocolError(413, f"the request body is longer than this server takes ({limit} bytes); send a shorter query")
        chunks.append(chunk)
    return b"".join(chunks)


_JSON_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def json_text(data: Any, *, indent: int | None = None) -> str:
    """``data`` as JSON in which no ``<``, ``>`` or ``&`` appears (escaped as ``\\u003c``...):
    still the same JSON, but markup in article text cannot be read as markup even by a client
    that ignores the media type."""
    return json.dumps(data, ensure_ascii=False, indent=indent).translate(_JSON_ESCAPES)


def json_bytes(data: Any) -> bytes:
    return json_text(data).encode("utf-8")
