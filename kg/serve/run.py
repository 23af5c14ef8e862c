"""Starting ``kg serve``: check the build, open the port, start the workers, serve until stopped."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path

from kg.errors import GraphError, KgError
from kg.serve.settings import Settings


def check_installed() -> None:
    """A KgError saying what to install when the web libraries are missing."""
    import importlib.util

    missing = [name for name in ("starlette", "uvicorn") if importlib.util.find_spec(name) is None]
    if missing:
        raise KgError(f"kg serve needs {' and '.join(missing)}, not installed here: pip install starlette uvicorn (or reinstall kg)")


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port`` (port 0: any free port), or a KgError saying what to change."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise KgError(f"--host {host}: not an address of this machine ({exc.strerror}); give an IP address such as 127.0.0.1") from exc
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as exc:
        sock.close()
        if exc.errno == 98:
            raise KgError(f"{host}:{port} is already in use; choose another --port (or stop the server there)") from exc
        raise KgError(f"cannot listen on {host}:{port} ({exc.strerror}); choose another --host or --port") from exc
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def url_of(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def serve(*, graph: Path, host: str, port: int, settings: Settings, on_ready: Callable[[str], None] = print) -> None:
    """Serve the build folder ``graph`` on ``host:port`` until interrupted (Ctrl-C, SIGTERM)."""
    check_installed()
    import uvicorn

    from kg.store.folder import open_folder
    from kg.serve.app import create_app
    from kg.serve.pool import WorkerPool

    folder = open_folder(Path(graph))
    if not folder.store.is_dir():
        raise GraphError(f"{folder.path}: no Oxigraph store here; run `kg build -o {folder.path}` first")
    sock = listen(host, port)
    pool = WorkerPool(folder.path, size=settings.workers, max_rows=settings.max_rows)
    try:
        pool.start()
        app = create_app(pool, settings)
        config = uvicorn.Config(app, log_level="warning", access_log=False, timeout_graceful_shutdown=5, server_header=False,
                                limit_concurrency=1000, h11_max_incomplete_event_size=64 * 1024)
        server = uvicorn.Server(config)
        on_ready(url_of(sock))
        server.run(sockets=[sock])
    finally:
        pool.close()
        sock.close()
