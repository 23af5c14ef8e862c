"""Saved web pages: the article's main text, title and publication date.

Navigation, sidebars, headers and footers outside the article, forms, scripts and styles are
removed before trafilatura looks for the main content, so they cannot produce text; when
trafilatura finds nothing, the text of ``<article>`` (or ``<main>``) is used.

``Document.original`` of an HTML page is the extracted main text, paragraphs separated by a
blank line, not the markup: offsets point into that text.

The date is read only from what the page declares (meta tags, JSON-LD, ``<time datetime>``);
it is never guessed from URLs, free text or today's date, so it may be ``None``.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import InputError
from kg.ingest.decode import decode, read_bytes
from kg.ingest.forms import article_text
from kg.ingest.normalize import normalize
from kg.model import Document

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_DATE = re.compile(r"\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?![0-9])")
_TITLE_SITE_SUFFIX = re.compile(r"\s+[|\u2013\u2014]\s+[^|\u2013\u2014]+$")
_NO_TEXT_HINT = "the page has no <article> or <main> content with text; save the article page itself, or its text as .txt"

# Meta tags that carry the publication date, best first (modification dates are not used).
_DATE_META = (
    "article:published_time", "og:article:published_time", "og:published_time",
    "datepublished", "date", "pubdate", "publishdate", "publish-date", "publish_date",
    "publication_date", "article.published", "dc.date.issued", "dc.date", "dcterms.issued",
    "dcterms.created", "dcterms.date", "dc.date.created", "citation_publication_date",
    "citation_date", "sailthru.date", "parsely-pub-date",
)

# Removed before extraction: never article text.
_BOILERPLATE_XPATH = (
    "//script|//style|//noscript|//template|//nav|//aside|//footer|//form|//iframe"
    "|//button|//input|//select|//textarea|//svg"
    "|//*[@role='navigation' or @role='complementary' or @role='contentinfo'"
    " or @role='banner' or @role='search' or @role='dialog']"
    "|//header[not(ancestor::article or ancestor::main)]"
    # Captions, credits and bylines: "<figcaption>", "<p class=\"byline\">", "<span class=\"credit\">".
    "|//figcaption|//*[@rel='author']"
    + "".join(f"|//*[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]" for name in ("byline", "caption", "credit", "wp-caption-text", "author"))
)

# Tags that start a new paragraph, in HTML and in trafilatura's XML output.
_BLOCKS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre section article main header figure "
    "figcaption table tr thead tbody address hr details summary "
    "head item list quote row".split()
)
_LINE_BREAKS = frozenset({"br", "lb"})
_CELLS = frozenset({"td", "th", "cell"})
_BREAK = "\x00"  # stands for a line break inside a paragraph; decoded text holds no NUL
_MAX_DEPTH = 2048  # libxml2's limit on nested elements of a huge tree


def load_html(path: Path) -> Document:
    """Load a saved web page; its ``original`` is the extracted main text (see the module doc)."""
    data = read_bytes(path)
    charset = _CHARSET.search(data[:4096])
    if charset:
        page = decode(path, data, encoding=charset.group(1).decode("ascii"), declared_in="its <meta charset>")
    else:
        page = decode(path, data)
    tree = _parse(path, page)
    title = _title(tree)
    published = _published(tree)
    _remove_boilerplate(tree)
    paragraphs = _main_text(tree)
    original = "\n\n".join(paragraphs)
    text, offsets = normalize(original)
    text, offsets = article_text(text, offsets, original, hard_wrapped=False)
    if not text:
        raise InputError(path, "no article text found in the page", hint=_NO_TEXT_HINT)
    return Document(
        doc_id=path.stem,
        path=path,
        kind="html",
        title=(normalize(title)[0] or None) if title else None,
        published=published,
        text=text,
        original=original,
        offsets=offsets,
        source=None,
        sha256=hashlib.sha256(data).hexdigest(),
    )


def _parse(path: Path, page: str) -> HtmlElement:
    """The page's element tree; pages nested up to ``_MAX_DEPTH`` elements deep are read whole.

    libxml2 stops reading a page at 256 nested elements unless told the tree may be huge; past
    ``_MAX_DEPTH`` it stops even then, and the rest of the page would be lost: that is an error.
    """
    from lxml import etree
    from lxml.html import HTMLParser, document_fromstring

    parser = HTMLParser(huge_tree=True)
    try:
        tree = document_fromstring(_XML_DECLARATION.sub("", page, count=1), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as error:
        raise InputError(path, f"cannot parse the HTML: {error}", hint="check that the file is a saved web page, not a fragment or another format") from error
    if any(entry.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT and "depth" in entry.message for entry in parser.error_log):
        raise InputError(
            path,
            f"the page nests elements more than {_MAX_DEPTH} deep, and its text past that depth cannot be read",
            hint="save the article's text as .txt, or remove the nesting",
        )
    return tree


def _meta(tree: HtmlElement) -> dict[str, str]:
    """``<meta>`` contents by lower-cased ``property``, ``name`` or ``itemprop`` (first wins)."""
    found: dict[str, str] = {}
    for element in tree.iter("meta"):
        content = (element.get("content") or "").strip()
        if not content:
            continue
        for attribute in ("property", "name", "itemprop"):
            key = (element.get(attribute) or "").strip().lower()
            if key:
                found.setdefault(key, content)
    return found


def _title(tree: HtmlElement) -> str | None:
    """``og:title``, else the article's ``<h1>``, else ``<title>`` without a `` | Site`` suffix."""
    meta = _meta(tree)
    for key in ("og:title", "twitter:title"):
        if meta.get(key):
            return meta[key]
    for xpath in ("//article//h1", "//main//h1", "//h1"):
        for heading in tree.xpath(xpath):
            heading_text = " ".join(heading.text_content().split())
            if heading_text:
                return heading_text
    for element in tree.iter("title"):
        title = " ".join(element.text_content().split())
        if title:
            return _TITLE_SITE_SUFFIX.sub("", title) or title
    return None


def _published(tree: HtmlElement) -> date | None:
    """The publication date the page declares, or ``None``."""
    meta = _meta(tree)
    candidates: list[str] = [meta[key] for key in _DATE_META if key in meta]
    candidates.extend(_json_ld_dates(tree))
    for xpath in (
        "//time[@itemprop='datePublished' or @pubdate]",
        "//article//time[@datetime]",
        "//main//time[@datetime]",
        "//time[@datetime and not(ancestor::aside or ancestor::nav or ancestor::footer)]",
    ):
        candidates.extend(element.get("datetime") or element.text_content() for element in tree.xpath(xpath))
    for candidate in candidates:
        parsed = _parse_date(candidate)
        if parsed:
            return parsed
    return None


def _json_ld_dates(tree: HtmlElement) -> Iterable[str]:
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text_content() or "")
        except ValueError:
            continue
        stack: list[Any] = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                if isinstance(item.get("datePublished"), str):
                    yield item["datePublished"]
                stack.extend(value for value in item.values() if isinstance(value, (dict, list)))


def _parse_date(value: str) -> date | None:
    """The calendar date a declared timestamp starts with, as written (no time-zone shift)."""
    match = _DATE.match(value or "")
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _remove_boilerplate(tree: HtmlElement) -> None:
    for element in tree.xpath(_BOILERPLATE_XPATH):
        if element.getparent() is not None:
            element.drop_tree()  # keeps the text that follows the element


def _main_text(tree: HtmlElement) -> list[str]:
    """Paragraphs of the main content: trafilatura's, else those of ``<article>``/``<main>``."""
    from copy import deepcopy

    import trafilatura

    extracted = trafilatura.bare_extraction(
        deepcopy(tree),  # trafilatura prunes the tree it is given; the fallback needs it whole
        include_comments=False,
        favor_precision=True,
        with_metadata=False,
        include_images=False,
        include_tables=True,
    )
    body = getattr(extracted, "body", None)
    paragraphs = _paragraphs(body) if body is not None else []
    if paragraphs:
        return paragraphs
    for xpath in ("//article", "//main", "//*[@role='main']"):
        for element in tree.xpath(xpath):
            paragraphs = _paragraphs(element)
            if paragraphs:
                return paragraphs
    return []


def _paragraphs(root: Any) -> list[str]:
    """The text of ``root`` split at block elements into paragraphs, whitespace collapsed."""
    from lxml import etree

    paragraphs: list[str] = []
    parts: list[str] = []

    def flush() -> None:
        lines = (" ".join(line.split()) for line in "".join(parts).split(_BREAK))
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)
        parts.clear()

    for event, element in etree.iterwalk(root, events=("start", "end", "comment", "pi")):
        tag = element.tag.lower() if isinstance(element.tag, str) else None
        if tag is None:  # a comment or processing instruction: only its tail is text
            if event in ("comment", "pi") and element.tail:
                parts.append(element.tail)
            continue
        if event == "start":
            if tag in _BLOCKS:
                flush()
            elif tag in _LINE_BREAKS:
                parts.append(_BREAK)
            elif tag in _CELLS:
                parts.append(" ")
            if element.text:
                parts.append(element.text)
        else:
            if tag in _BLOCKS:
                flush()
            if element is not root and element.tail:
                parts.append(element.tail)
    flush()
    return paragraphs
