"""Plain-text and Markdown articles: optional YAML front matter, then the body.

``Document.original`` is the whole decoded file (front matter included), so offsets point
into the file as a reader sees it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

import yaml

from kg.errors import InputError
from kg.ingest.dateline import dateline_date
from kg.ingest.decode import decode, read_bytes
from kg.ingest.forms import article_text
from kg.ingest.markdown import strip_markdown
from kg.ingest.normalize import normalize
from kg.model import Document

_OPENING = re.compile(r"---[ \t]*\r?\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$(?:\n|\Z)", re.MULTILINE)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?")
_ATX_HEADING = re.compile(r"^[ ]{0,3}#{1,6}[ \t]+([^\n]+?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
_DATE_HINT = "write it as YYYY-MM-DD, e.g. published: 2025-08-01"


class _FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML that leaves timestamps as strings, so a bad date is reported, not raised."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class FrontMatter:
    """What the front matter says, and where the body starts in the decoded file."""

    title: str | None
    published: date | None
    source: str | None
    body_start: int


def load_text(path: Path, kind: Literal["txt", "md"]) -> Document:
    """Load a ``.txt`` or Markdown article.

    The front matter keys ``title``, ``published`` (YYYY-MM-DD) and ``source`` are read; other
    keys are ignored; without ``published``, a wire dateline that names its year gives the date.
    Markdown markup is stripped, then the text is normalised; offsets map back to the decoded file.
    """
    data = read_bytes(path)
    original = decode(path, data)
    meta = parse_front_matter(path, original)
    body = original[meta.body_start :]
    if not body.strip():
        raise InputError(path, "file is empty", hint="the front matter is followed by no article text; add the body after the closing ---")
    base = range(meta.body_start, len(original) + 1)
    title = meta.title
    if kind == "md":
        plain, offsets = strip_markdown(body, base=base)
        text, final = normalize(plain, base=offsets)
        text, final = article_text(text, final, original, markdown=True)
        if title is None:
            heading = _ATX_HEADING.search(body)
            title = heading.group(1) if heading else None
        if title is not None:
            title = strip_markdown(title)[0]
    else:
        text, final = normalize(body, base=base)
        text, final = article_text(text, final, original)
    if not text:
        raise InputError(path, "no article text after removing the markup, captions, bylines and boilerplate", hint="add the article body (patterns of what is removed: kg/data/boilerplate.yaml)")
    return Document(
        doc_id=path.stem,
        path=path,
        kind=kind,
        title=(normalize(title)[0] or None) if title else None,
        published=meta.published or dateline_date(body),
        text=text,
        original=original,
        offsets=final,
        source=meta.source,
        sha256=hashlib.sha256(data).hexdigest(),
    )


def parse_front_matter(path: Path, text: str) -> FrontMatter:
    """Read the YAML front matter between ``---`` lines at the top of ``text``, if there is one.

    Line numbers in errors are lines of the file (the opening ``---`` is line 1).
    """
    opening = _OPENING.match(text)
    if not opening:
        return FrontMatter(None, None, None, 0)
    closing = _CLOSING.search(text, opening.end())
    if not closing:
        raise InputError(path, "front matter is not closed", line=1, hint="end it with a line holding only ---, or remove the --- on line 1")
    block = text[opening.end() : closing.start()]
    try:
        values = yaml.load(block, Loader=_FrontMatterLoader)  # noqa: S506 - a SafeLoader
    except yaml.YAMLError as error:
        # The context mark is where the broken construct starts, the problem mark where the
        # parser gave up (often the end of the block): the first is the line to fix.
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        parts = (getattr(error, "context", None), getattr(error, "problem", None))
        problem = ", ".join(part for part in parts if part) or "invalid YAML"
        raise InputError(path, f"front matter is not valid YAML: {problem}", line=line, hint="fix the YAML between the --- lines; put values that contain ': ' or start with * or & in quotes") from error
    if values is None:
        values = {}
    if not isinstance(values, dict):
        raise InputError(path, "front matter is not a mapping of keys to values", line=2, hint="write it as 'key: value' lines: title, published, source")
    lines = block.splitlines()
    return FrontMatter(
        title=_text_value(path, values, "title", lines),
        published=_date_value(path, values, lines),
        source=_text_value(path, values, "source", lines),
        body_start=closing.end(),
    )


def _key_line(lines: list[str], key: str) -> int:
    """The file line of ``key:`` in the front matter (1 when it cannot be found)."""
    pattern = re.compile(rf"\s*['\"]?{re.escape(key)}['\"]?\s*:")
    for number, line in enumerate(lines):
        if pattern.match(line):
            return number + 2
    return 1


def _text_value(path: Path, values: dict[Any, Any], key: str, lines: list[str]) -> str | None:
    value = values.get(key)
    if value is None:
        return None
    if isinstance(value, (dict, list)):
        raise InputError(path, f"front matter {key} must be text, not a {'list' if isinstance(value, list) else 'mapping'}", line=_key_line(lines, key), hint=f"write it as {key}: <text>")
    return str(value).strip() or None


def _date_value(path: Path, values: dict[Any, Any], lines: list[str]) -> date | None:
    value = values.get("published")
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    match = _ISO_DATE.fullmatch(str(value).strip()) if isinstance(value, str) else None
    if match:
        try:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            pass
    raise InputError(path, f"front matter published is not a valid date: {value!r}", line=_key_line(lines, "published"), hint=_DATE_HINT)
