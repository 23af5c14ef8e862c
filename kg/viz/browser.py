"""Headless Chromium with the network cut off: screenshots of our pages, and what tests check.

We drive the system's Chromium (Debian's ``chromium`` package, ``/usr/bin/chromium``) through
playwright; playwright's own browser download is not needed. Every request that is not for a
``file:``, ``data:``, ``blob:`` or ``about:`` URL is aborted and recorded in
:attr:`OfflinePage.outside_requests`, so a page that tried to reach the network is caught; console
errors, uncaught exceptions and dialogs (``alert``...) are recorded too.

playwright is imported inside the functions that need it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import KgError

CHROMIUM = Path(os.environ.get("KG_CHROMIUM", "/usr/bin/chromium"))
"""The browser we drive; ``KG_CHROMIUM`` overrides it."""
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
    "--disable-sync",
)
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")
READY_TIMEOUT_MS = 30_000


class BrowserError(KgError):
    """Chromium or playwright is missing, or a page did not load."""


@dataclass
class OfflinePage:
    """A playwright page, and what it tried to do that it should not have."""

    page: Any
    outside_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def open(self, path: Path, *, ready: str = "window.kg && window.kg.ready") -> None:
        """Load a local HTML file and wait until its script says it is drawn."""
        self.page.goto(Path(path).resolve().as_uri())
        try:
            self.page.wait_for_function(ready, timeout=READY_TIMEOUT_MS)
        except Exception as exc:  # playwright's TimeoutError and friends
            errors = "; ".join(self.console_errors[:3]) or "no console errors"
            raise BrowserError(f"{path}: the page did not finish drawing within {READY_TIMEOUT_MS // 1000} s ({errors})") from exc


def check_chromium(executable: Path = CHROMIUM) -> Path:
    """The Chromium executable, or an error saying how to install it."""
    if not Path(executable).is_file():
        raise BrowserError(f"{executable}: Chromium not found; install it (Debian/Ubuntu: `apt-get install -y chromium`) or set KG_CHROMIUM")
    return Path(executable)


@contextmanager
def chromium(*, executable: Path = CHROMIUM) -> Iterator[Any]:
    """A running headless Chromium (a playwright ``Browser``); closed on exit."""
    check_chromium(executable)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        raise BrowserError("playwright is not installed; `pip install playwright` (no browser download needed)") from exc

    with sync_playwright() as pw:
        try:
            browser = pw.chromium.launch(executable_path=str(executable), headless=True, args=list(CHROMIUM_ARGS))
        except Exception as exc:
            raise BrowserError(f"{executable}: Chromium did not start ({str(exc).splitlines()[0]})") from exc
        try:
            yield browser
        finally:
            browser.close()


def new_offline_page(browser: Any, *, width: int = 1400, height: int = 900) -> OfflinePage:
    """A page in a fresh context of ``browser`` that can reach nothing outside the machine.

    Close it with ``tab.page.context.close()``.
    """
    context = browser.new_context(viewport={"width": width, "height": height}, service_workers="block")
    tab = OfflinePage(context.new_page())

    def route(route: Any) -> None:
        if route.request.url.startswith(LOCAL_SCHEMES):
            route.continue_()
        else:
            route.abort()

    def on_request(request: Any) -> None:
        if not request.url.startswith(LOCAL_SCHEMES):
            tab.outside_requests.append(request.url)

    def on_dialog(dialog: Any) -> None:
        tab.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    context.route("**/*", route)
    context.on("request", on_request)
    tab.page.on("console", lambda m: tab.console_errors.append(m.text) if m.type == "error" else None)
    tab.page.on("pageerror", lambda exc: tab.console_errors.append(f"uncaught: {exc}"))
    tab.page.on("dialog", on_dialog)
    return tab


@contextmanager
def offline_page(*, width: int = 1400, height: int = 900, executable: Path = CHROMIUM) -> Iterator[OfflinePage]:
    """A fresh headless Chromium page that can reach nothing outside the machine.

    Examples
    --------
    ::

        with offline_page() as tab:
            tab.open(Path("out/graph.html"))
            assert not tab.outside_requests and not tab.console_errors
    """
    with chromium(executable=executable) as browser:
        tab = new_offline_page(browser, width=width, height=height)
        try:
            yield tab
        finally:
            tab.page.context.close()


def screenshot(html: Path, png: Path, *, width: int = 1400, height: int = 900) -> Path:
    """A PNG of a page as Chromium draws it, offline (``kg viz --screenshot``)."""
    png = Path(png)
    png.parent.mkdir(parents=True, exist_ok=True)
    with offline_page(width=width, height=height) as tab:
        tab.open(html)
        tab.page.wait_for_timeout(200)
        tab.page.screenshot(path=str(png))
    return png
