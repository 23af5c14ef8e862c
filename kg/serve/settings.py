"""The limits and switches of ``kg serve``, in one place (no web library needed to read them)."""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


@dataclass(frozen=True)
class Settings:
    """How the server guards itself; every limit applies to each request."""

    timeout: float = 30.0
    """Seconds a query (or a page of the explorer) may take before it is stopped."""
    max_rows: int = 50_000
    """Rows (or triples) an answer may hold; a bigger one is an error asking for a LIMIT."""
    max_body: int = 1 << 20
    """Bytes a request body may hold (1 MiB)."""
    allow_origins: tuple[str, ...] = ()
    """Web origins whose pages may call the server from a browser (CORS); none by default."""
    allowed_hosts: tuple[str, ...] | None = ("127.0.0.1", "localhost", "::1")
    """Host headers answered (None: any). Bound to this machine only, a page of another site
    cannot reach the server through a DNS name that points here (DNS rebinding)."""
    workers: int = 2
    """Query worker processes."""


def default_workers() -> int:
    """Two more workers than cores (so one stopped query leaves the others room), at most eight."""
    return min(8, (os.cpu_count() or 1) + 2)


def is_loopback(host: str) -> bool:
    """Whether ``host`` is an address of this machine only (127.0.0.0/8, ::1, localhost)."""
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def allowed_hosts_for(host: str) -> tuple[str, ...] | None:
    """Host headers to answer when listening on ``host``: this machine's names for a loopback
    address, any otherwise (the server is then meant to be reached by other names)."""
    if is_loopback(host):
        return tuple(dict.fromkeys(("127.0.0.1", "localhost", "::1", host.strip("[]").lower())))
    return None
