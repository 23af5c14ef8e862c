"""Undo hard wraps: a line break inside a wrapped paragraph becomes a space.

Wire copy and e-mailed releases arrive broken into lines of ~70 characters, so a name can be
split ("President Donald" / "Trump") and, since a line break ends a sentence for the
extractors, a sentence would be cut in two. ``unwrap`` joins such lines while real line
structure stays: blank-line paragraphs, list items, Q&A lines ("Q:" / "A:"), speaker labels,
headings, address blocks and lines that end well short of the wrap width.

The decision is read from the text, not from the article's source:

- the next line opens a block (a bullet, a number, "Q:", "SPEAKER:", a Markdown marker in the
  file, a caption or other boilerplate line, an indented first line) -> keep the break;
- Markdown: a soft line break is a space (CommonMark), unless the line ends in a hard break
  (two spaces or a backslash) or the next line is wholly in emphasis (a caption);
- the next line starts in lower case -> join: it continues the sentence;
- the line ends inside a name, after an initial or a title's short form ("President Richard M." /
  "Nixon's", "Lt. Col." / "Georgi Dobrovolsky") -> join: no line of structure ends there;
- the document is hard-wrapped (most lines inside its paragraphs fill a common width) and the
  next line's first word would not have fitted on this line -> join: the break is the wrap;
  when it would have fitted, the writer broke the line on purpose -> keep it.

A joined break becomes one space (same length, so the offset map is unchanged), or nothing
after a hyphen ("African-" / "American").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.ingest.boilerplate import is_boilerplate_line
from kg.lexicon import load_lexicon

# A line that opens a block, as it stands in the text: "- item", "• item", "2. item", "Q: Why?",
# "A: Because", "> quoted", "BAKANOV: We agreed".
_BLOCK_START = re.compile(
    r"^(?:[-*+\u2022\u25aa\u25cf\u2023]\s|\d{1,3}[.)]\s|[QA]\s?:|>|[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3}:\s)"
)
# A line that opens a block, as it stands in the file (Markdown markers are gone from the text):
# "- **Feb. 26:** ...", "1. ...", "> ...", "| cell |".
_MARKUP_START = re.compile(r"^[ \t]*(?:[-*+]\s|\d{1,3}[.)]\s|>|\|)")
_INDENTED = re.compile(r"^(?:\t| {2,})\S")
_HARD_BREAK = re.compile(r"(?: {2,}|\\)\r?$")
_EMPHASIS_LINE = re.compile(r"^[ \t]*([*_]{1,2})\S.*\S\1[ \t]*\r?$")
_HYPHENATED = re.compile(r"[A-Za-z]-$")
# The last word of a line that cannot end one: a name's initial, "Richard M." (not "U.S.").
_INITIAL_AT_END = re.compile(r"(?:^|[\s(])[A-Z]\.$")

_MIN_WRAP_WIDTH = 40  # narrower "wrapping" is an address block or a list, not prose
_MAX_WRAP_WIDTH = 160  # wider lines are paragraphs written on one line each
_OVERLONG = 1.15  # a line this much wider than the wrap width was not wrapped
_MIN_WRAPPED_LINES = 3
_FULL_LINE = 0.7  # a wrapped line fills at least this share of the wrap width...
_FULL_SHARE = 0.6  # ...and at least this share of the inner lines of a wrapped document do


def unwrap(text: str, offsets: Sequence[int], original: str, *, markdown: bool = False) -> tuple[str, list[int]]:
    """Join the hard-wrapped lines of ``text`` (normalised); return it with its offset map.

    ``offsets`` maps ``text`` into ``original`` (``len(text) + 1`` entries); ``original`` is
    read to see the file's own line starts (Markdown markers, indentation, hard breaks).

    Examples
    --------
    >>> body = ("MOSCOW (TPS) -- The two agency heads met in\\n"
    ...         "Houston on Friday, a week after President Donald\\n"
    ...         "Trump named one of them, and agreed that their\\n"
    ...         "crews would keep flying on each other's ships.\\n\\nQ: Why?\\nA: Because.")
    >>> for line in unwrap(body, range(len(body) + 1), body)[0].splitlines():
    ...     print(line)
    MOSCOW (TPS) -- The two agency heads met in Houston on Friday, a week after President Donald Trump named one of them, and agreed that their crews would keep flying on each other's ships.
    <BLANKLINE>
    Q: Why?
    A: Because.
    """
    lines = text.split("\n")
    width = wrap_width(lines)
    joins: list[tuple[int, bool]] = []  # (index of the line break in text, after a hyphen)
    position = 0
    for before, after in zip(lines, lines[1:]):
        position += len(before)
        if before.strip() and after.strip():
            context = _FileLines(original, offsets, position)
            if not _keeps_break(before, after, context, width, markdown):
                joins.append((position, bool(_HYPHENATED.search(before)) and after[:1].isalpha()))
        position += 1
    return _join(text, offsets, joins)


def wrap_width(lines: Sequence[str]) -> int | None:
    """The width a document's lines were wrapped at, or ``None`` when they were not wrapped.

    The inner lines of multi-line paragraphs (every line but a paragraph's last) of wrapped
    text all come close to one width; those of address blocks, lists and verse do not.
    """
    inner: list[int] = []
    for line, following in zip(lines, lines[1:]):
        if line.strip() and following.strip() and not (_BLOCK_START.match(line) or _BLOCK_START.match(following)):
            inner.append(len(line))
    if len(inner) < _MIN_WRAPPED_LINES:
        return None
    inner.sort()
    width = inner[int(0.9 * (len(inner) - 1))]
    if not _MIN_WRAP_WIDTH <= width <= _MAX_WRAP_WIDTH:
        return None
    full = sum(1 for length in inner if _FULL_LINE * width <= length <= width)
    return width if full >= _FULL_SHARE * len(inner) else None


class _FileLines:
    """The file's lines on either side of one line break of the text."""

    def __init__(self, original: str, offsets: Sequence[int], position: int) -> None:
        self.before = _file_line(original, offsets[position - 1])
        self.after = _file_line(original, offsets[position + 1])


def _file_line(original: str, index: int) -> str:
    start = original.rfind("\n", 0, index) + 1
    end = original.find("\n", index)
    return original[start : end if end >= 0 else len(original)]


def _keeps_break(before: str, after: str, file: _FileLines, width: int | None, markdown: bool) -> bool:
    """Whether the line break between ``before`` and ``after`` is line structure, not a wrap."""
    if _opens_block(after, file) or is_boilerplate_line(after):
        return True
    if markdown:
        return bool(_HARD_BREAK.search(file.before) or _EMPHASIS_LINE.match(file.after))
    if _INDENTED.match(file.after) and not _INDENTED.match(file.before):
        return True
    if _starts_lower_case(after) and not before.rstrip().endswith(":"):
        return False
    if _ends_inside_name(before.rstrip()):
        return False
    if width is None or len(before) > _OVERLONG * width:
        return True
    first_word = after.split(" ", 1)[0]
    return len(before) + 1 + len(first_word) <= width


def _opens_block(after: str, file: _FileLines) -> bool:
    return bool(_BLOCK_START.match(after) or _MARKUP_START.match(file.after))


def _ends_inside_name(line: str) -> bool:
    """``"... President Richard M."``, ``"... Lt. Col."``: a name goes on on the next line."""
    return bool(_INITIAL_AT_END.search(line)) or line.rsplit(" ", 1)[-1] in load_lexicon().name_prefixes


def _starts_lower_case(line: str) -> bool:
    first = next((char for char in line if char.isalpha()), "")
    return first.islower()


def _join(text: str, offsets: Sequence[int], joins: list[tuple[int, bool]]) -> tuple[str, list[int]]:
    chars = list(text)
    kept = list(offsets)
    for index, _ in joins:
        chars[index] = " "
    for index, hyphenated in reversed(joins):
        if hyphenated:
            del chars[index]
            del kept[index]
    return "".join(chars), kept
