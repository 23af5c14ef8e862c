"""Lines that are not article text: captions, credits, bylines, press-release boilerplate.

The patterns are data (``kg/data/boilerplate.yaml``, each with a comment quoting what it
handles). ``remove_boilerplate`` cuts what they match out of a document's text, keeping the
offset map, so a caption naming a person gives no entity, fact or evidence, while the original
file (and so every evidence offset) is unchanged.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Literal

import yaml

from kg.errors import DataError

Drops = Literal["line", "paragraph", "section", "rest"]
Scope = Literal["first", "any"]
_DROPS: tuple[str, ...] = ("line", "paragraph", "section", "rest")
_FRAGMENT = re.compile(r"<<([A-Z_]+)>>")
_HEADING_LENGTH = 60  # a line alone in its paragraph and no longer than this is a heading


@dataclass(frozen=True)
class BoilerplatePattern:
    """One named kind of non-article line (see ``kg/data/boilerplate.yaml``)."""

    name: str
    regex: re.Pattern[str]
    drops: Drops = "line"
    scope: Scope = "first"
    max_line_length: int | None = None


@dataclass(frozen=True)
class Line:
    """One line of a text: ``text[start:end]``, in paragraph number ``paragraph``."""

    start: int
    end: int
    paragraph: int


@functools.cache
def load_boilerplate() -> tuple[BoilerplatePattern, ...]:
    """The shipped boilerplate patterns (cached); ``DataError`` if the file is broken."""
    source = resources.files("kg") / "data" / "boilerplate.yaml"
    try:
        raw = yaml.safe_load(source.read_text(encoding="utf-8"))
        fragments: dict[str, str] = raw.get("fragments") or {}
        return tuple(_pattern(entry, fragments) for entry in raw["patterns"])
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError, re.error) as error:
        raise DataError(f"{source}: cannot read the boilerplate patterns: {error}") from error


def _pattern(entry: dict, fragments: dict[str, str]) -> BoilerplatePattern:
    source = _FRAGMENT.sub(lambda m: fragments[m.group(1)], entry["regex"])
    drops = entry.get("drops", "line")
    if drops not in _DROPS:
        raise ValueError(f"pattern {entry['name']}: drops must be one of {', '.join(_DROPS)}, not {drops!r}")
    scope = entry.get("scope", "first")
    if scope not in ("first", "any"):
        raise ValueError(f"pattern {entry['name']}: scope must be first or any, not {scope!r}")
    flags = re.IGNORECASE if entry.get("ignore_case", True) else 0
    return BoilerplatePattern(entry["name"], re.compile(source, flags), drops, scope, entry.get("max_line_length"))


def split_lines(text: str) -> list[Line]:
    """The non-empty lines of ``text``, numbered by paragraph (a blank line starts a new one)."""
    lines: list[Line] = []
    paragraph = 0
    position = 0
    for raw in text.split("\n"):
        end = position + len(raw)
        if raw.strip():
            lines.append(Line(position, end, paragraph))
        elif lines and lines[-1].paragraph == paragraph:
            paragraph += 1
        position = end + 1
    return lines


def is_boilerplate_line(line: str, patterns: Sequence[BoilerplatePattern] | None = None) -> bool:
    """Whether a line starts as a caption, credit, byline or other non-article line does.

    Only the patterns anchored at the start of the line (``^...``) are asked: a line that starts
    one of these begins something new, so ``kg.ingest.unwrap`` never joins it to the line before.

    Examples
    --------
    >>> is_boilerplate_line("Credit: NASA/Bill Ingalls"), is_boilerplate_line("By Monday, NASA had docked.")
    (True, False)
    """
    line = line.strip()
    return any(p.regex.search(line) for p in (patterns or load_boilerplate()) if p.scope == "first" and p.regex.pattern.startswith("^"))


def boilerplate_spans(text: str, patterns: Sequence[BoilerplatePattern] | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, pattern name)`` of every stretch of ``text`` that is not article text."""
    patterns = patterns or load_boilerplate()
    lines = split_lines(text)
    spans: list[tuple[int, int, str]] = []
    for pattern in patterns:
        spans.extend(_matches(pattern, text, lines))
    return sorted(spans)


def _matches(pattern: BoilerplatePattern, text: str, lines: list[Line]) -> Iterator[tuple[int, int, str]]:
    by_paragraph: dict[int, list[Line]] = {}
    for line in lines:
        by_paragraph.setdefault(line.paragraph, []).append(line)
    for number, members in by_paragraph.items():
        if pattern.max_line_length and any(line.end - line.start > pattern.max_line_length for line in members):
            continue
        candidates = members[:1] if pattern.scope == "first" and pattern.drops in ("paragraph", "section") else members
        hit = next((line for line in candidates if pattern.regex.search(text[line.start : line.end].strip())), None)
        if hit is None:
            continue
        if pattern.drops == "line":
            yield from ((line.start, line.end, pattern.name) for line in candidates if pattern.regex.search(text[line.start : line.end].strip()))
        elif pattern.drops == "rest":
            yield hit.start, len(text), pattern.name
            return
        else:
            yield members[0].start, members[-1].end, pattern.name
            is_heading = len(members) == 1 and hit.end - hit.start <= _HEADING_LENGTH
            following = by_paragraph.get(number + 1)
            if pattern.drops == "section" and is_heading and following:
                yield following[0].start, following[-1].end, pattern.name


def remove_boilerplate(text: str, offsets: Sequence[int]) -> tuple[str, list[int]]:
    """Cut the non-article stretches of ``text`` out, with the offset map (``len(text) + 1`` entries).

    What is cut leaves its line breaks behind, so paragraphs stay apart; ``normalize`` then
    collapses the blank lines.

    Examples
    --------
    >>> text = "By Jane Smith\\n\\nNASA met Roscosmos.\\n\\nCredit: NASA"
    >>> remove_boilerplate(text, range(len(text) + 1))[0]
    '\\n\\nNASA met Roscosmos.\\n\\n'
    """
    spans = _merge(boilerplate_spans(text))
    if not spans:
        return text, list(offsets)
    parts: list[str] = []
    kept: list[int] = []
    position = 0
    for start, end in spans:
        parts.append(text[position:start])
        kept.extend(offsets[position:start])
        position = end
    parts.append(text[position:])
    kept.extend(offsets[position:])
    return "".join(parts), kept


def _merge(spans: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end, _ in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
