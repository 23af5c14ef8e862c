"""The pages as files: one self-contained HTML file, nothing fetched, article text never markup (issue 4)."""

from __future__ import annotations

import base64
import doctest
import hashlib
import importlib
import json
import re
from html.parser import HTMLParser

import pytest

from conftest import INJECTED_QUOTE, INJECTION

VIZ_MODULES = ["page", "layout", "network", "timeline", "style", "notebook", "browser", "export", "evidence"]


class _Refs(HTMLParser):
    """Every URL a browser would fetch by itself: src, href, srcset, poster, data, url(...) in CSS."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.scripts: list[str] = []
        self._in: str | None = None
        self._buf: list[str] = []
        self.script_types: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in {"src", "href", "srcset", "poster", "data", "action", "background"} and value is not None:
                self.urls.append(value)
            if name == "style" and value:
                self.urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", value)
        if tag in {"script", "style"}:
            self._in, self._buf = tag, []
            if tag == "script":
                self.script_types.append(dict(attrs).get("type", ""))

    def handle_data(self, data):
        if self._in:
            self._buf.append(data)

    def handle_endtag(self, tag):
        if tag == self._in:
            text = "".join(self._buf)
            if tag == "style":
                self.urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", text)
                self.urls += re.findall(r"@import\s+['\"]([^'\"]+)", text)
            else:
                self.scripts.append(text)
            self._in = None


def _refs(html: str) -> _Refs:
    parser = _Refs()
    parser.feed(html)
    return parser


def _data(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert m, "the page carries its data in #kg-data"
    return json.loads(m.group(1))


@pytest.fixture(scope="module")
def seed_pages(built_seed, tmp_path_factory):
    from kg.viz.export import write_network, write_timeline

    out, _, _ = built_seed
    folder = tmp_path_factory.mktemp("pages")
    network = write_network(graph=out, out=folder / "graph.html").html.read_text(encoding="utf-8")
    timeline = write_timeline(graph=out, out=folder / "timeline.html").html.read_text(encoding="utf-8")
    return {"network": network, "timeline": timeline}


@pytest.fixture(scope="module")
def hostile_pages(hostile_graph, tmp_path_factory):
    from kg.viz.export import write_network, write_timeline

    folder = tmp_path_factory.mktemp("hostile-pages")
    return {
        "network": write_network(graph=hostile_graph, out=folder / "graph.html").html.read_text(encoding="utf-8"),
        "timeline": write_timeline(graph=hostile_graph, out=folder / "timeline.html").html.read_text(encoding="utf-8"),
    }


@pytest.mark.parametrize("kind", ["network", "timeline"])
def test_page_references_nothing_outside_itself(seed_pages, kind):
    refs = _refs(seed_pages[kind])
    outside = [u for u in refs.urls if not u.startswith(("data:", "#", "blob:"))]
    assert outside == [], f"the {kind} page would fetch {outside}"
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", seed_pages[kind], re.I)
    assert "bootstrap" not in seed_pages[kind].lower()


@pytest.mark.parametrize("kind", ["network", "timeline"])
def test_content_security_policy_forbids_fetching_and_allows_only_our_scripts(seed_pages, kind):
    html = seed_pages[kind]
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1).replace("&#x27;", "'")
    assert "default-src 'none'" in csp
    assert "unsafe-inline" not in csp.split("script-src", 1)[1].split(";")[0]
    refs = _refs(html)
    executable = [s for s, t in zip(refs.scripts, refs.script_types) if t != "application/json"]
    assert executable, "the page has scripts"
    for script in executable:
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_network_page_inlines_vis_network_with_its_license_header(seed_pages):
    html = seed_pages["network"]
    assert "vis-network" in html and "@license" in html
    assert "dual licensed under both" in html and "The Apache 2.0 License" in html and "The MIT License" in html


def test_network_page_shows_every_entity_of_the_seed(seed_pages, built_seed):
    from kg.store.queries import run_named

    _, dataset, _ = built_seed
    data = _data(seed_pages["network"])
    labels = {n["label"] for n in data["nodes"]}
    mentioned = {row["label"] for row in run_named(dataset, "entities")}
    assert mentioned <= labels
    assert {"Sean Duffy", "Dmitry Bakanov", "NASA", "Roscosmos"} <= labels


@pytest.mark.parametrize("kind", ["network", "timeline"])
def test_markup_in_article_text_never_reaches_the_markup(hostile_pages, kind):
    html = hostile_pages[kind]
    assert "<img" not in html
    assert "</script><script>alert(2)" not in html
    assert "\u2028" not in html and "\u2029" not in html
    # ...but the data still holds the text exactly, for the page to show as text
    text = json.dumps(_data(html), ensure_ascii=False)
    assert json.dumps(INJECTION, ensure_ascii=False)[1:-1] in text


def test_quotations_reach_the_page_with_their_words(hostile_pages):
    data = _data(hostile_pages["network"])
    person = next(n for n in data["nodes"] if n["label"] == INJECTION)
    assert any(INJECTED_QUOTE in f["text"] for f in person["facts"])


def test_embed_json_round_trips_and_cannot_close_the_script():
    from kg.viz.page import embed_json

    value = {"a": "</script><!-- <script>", "b": "line\u2028sep\u2029end", "c": "&amp; <b>"}
    text = embed_json(value)
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == value


def test_notebook_show_is_an_iframe_with_the_page_escaped_in_srcdoc(seed_pages):
    from html import unescape

    from kg.viz.notebook import show

    page = seed_pages["network"]
    markup = show(page, height=480)._repr_html_()
    m = re.fullmatch(r'<div class="kg-viz"><iframe srcdoc="([^"]*)" sandbox="allow-scripts" style="width: 100%; height: 480px; border: 0;" loading="eager"></iframe></div>', markup)
    assert m, markup[:200]
    assert "<" not in m.group(1) and '"' not in m.group(1)
    assert unescape(m.group(1)) == page


def test_notebook_show_escapes_quotes_and_markup_in_the_page():
    from kg.viz.notebook import show

    markup = show(f'<p title="x">{INJECTION}</p>')._repr_html_()
    assert INJECTION not in markup
    assert markup.count('"') == 2 * 5  # the class, srcdoc, sandbox, style and loading values only


@pytest.mark.parametrize("name", VIZ_MODULES)
def test_docstring_examples_run(name):
    module = importlib.import_module(f"kg.viz.{name}")
    result = doctest.testmod(module)
    assert result.failed == 0


def test_nothing_heavy_is_imported_with_the_package():
    import subprocess
    import sys

    code = "import sys, kg.viz, kg.viz.page, kg.viz.network, kg.viz.timeline, kg.viz.notebook, kg.viz.browser, kg.cli.viz; print(sorted(m for m in ('pyvis', 'playwright', 'IPython', 'numpy', 'networkx') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"
