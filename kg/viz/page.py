"""One self-contained HTML page: template, inlined scripts and styles, data as safe JSON.

A page makes no outside request: every script and style is inlined (vis-network's from the
pyvis package, ours from ``kg/viz/assets``), there is no Bootstrap, font or image from a CDN, and
a Content-Security-Policy (``default-src 'none'``) forbids the browser to fetch anything anyway.
Only the page's own scripts run: the policy allows them by their SHA-256 hashes, so an inline
event handler smuggled into the page (``<img onerror=...>``) would not run even if it were ever
parsed as markup.

Article text never reaches the markup: the data travels as JSON inside
``<script type="application/json">`` (with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped, so no
``</script>`` can end it early), and the scripts put it on the page with ``textContent``.

>>> embed_json({"label": "</script><img src=x onerror=alert(1)>"})
'{"label":"\\\\u003c/script\\\\u003e\\\\u003cimg src=x onerror=alert(1)\\\\u003e"}'
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from kg.errors import DataError

VIS_VERSION = "9.1.2"
"""The vis-network build shipped in the pyvis package that we inline."""

_JSON_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def embed_json(data: object) -> str:
    """``data`` as JSON that is safe inside a ``<script>`` element (and still valid JSON)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.translate(_JSON_ESCAPES)


def asset(name: str) -> str:
    """The text of one of our shipped scripts or styles (``kg/viz/assets/NAME``)."""
    path = resources.files("kg.viz") / "assets" / name
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataError(f"{path}: shipped viz asset is missing (reinstall kg: `pip install -e .`)") from exc


def vis_network_assets() -> tuple[str, str]:
    """vis-network's standalone JS and CSS as shipped inside pyvis (license header kept).

    The files are read where pyvis is installed; pyvis itself is not imported.

    vis-network is dual licensed Apache-2.0 / MIT; both allow redistribution with the notice,
    which is the comment block at the top of the minified file that we inline unchanged.
    """
    import importlib.util

    spec = importlib.util.find_spec("pyvis")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise DataError("pyvis is not installed; it ships the vis-network library (`pip install pyvis`)")
    root = Path(next(iter(spec.submodule_search_locations))) / "lib" / f"vis-{VIS_VERSION}"
    js, css = root / "vis-network.min.js", root / "vis-network.css"
    for path in (js, css):
        if not path.is_file():
            raise DataError(f"{path}: vis-network {VIS_VERSION} not found in pyvis; install pyvis 0.3.2 (`pip install 'pyvis==0.3.2'`)")
    js_text = js.read_text(encoding="utf-8")
    if "</script" in js_text.lower():
        raise DataError(f"{js}: cannot be inlined (contains '</script'); install pyvis 0.3.2")
    return js_text, css.read_text(encoding="utf-8")


@dataclass(frozen=True)
class Page:
    """What goes into one page; ``render`` assembles it."""

    title: str
    body: str
    """Static markup of the page's skeleton (ours; never article text)."""
    data: object
    """JSON-able data the scripts read from ``#kg-data``."""
    scripts: tuple[str, ...]
    styles: tuple[str, ...]


def _hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def render(page: Page) -> str:
    """The HTML text of ``page``: one file, no outside references."""
    scripts = [s.replace("</script", "<\\/script") for s in page.scripts]
    csp = "; ".join(
        [
            "default-src 'none'",
            "script-src " + " ".join(_hash(s) for s in scripts),
            "style-src 'unsafe-inline'",
            "img-src data: blob:",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    styles = "\n".join(f"<style>\n{s}\n</style>" for s in page.styles)
    script_tags = "\n".join(f"<script>{s}</script>" for s in scripts)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{html.escape(csp)}">\n'
        f"<title>{html.escape(page.title)}</title>\n{styles}\n</head>\n<body>\n{page.body}\n"
        f'<script type="application/json" id="kg-data">{embed_json(page.data)}</script>\n'
        f"{script_tags}\n</body>\n</html>\n"
    )
