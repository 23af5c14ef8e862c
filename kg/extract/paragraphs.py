"""Paragraphs of an article's text: which line breaks end a paragraph and which only wrap one.

Wire copy arrives hard-wrapped at 60-80 columns. ``kg.ingest.unwrap`` joins such lines before
NLP; text that still reaches the extractors wrapped is read here, so that a quote may run over a
soft break while quotes, dates and plans of events stay inside their paragraph.
"""

from __future__ import annotations

import functools
import re

# A line that starts a new block rather than continuing a hard-wrapped one: "- item", "* item",
# "1. item", "# Heading", "> quote", "| cell", "Q: ...", "A: ...", "![image](...)".
_BLOCK_START = re.compile(r"[ \t]*(?:[-*+\u2022>|#]|\d+[.)]\s|!\[|[QA]:\s)")
# Hard-wrapped copy breaks lines at 60-80 columns: a shorter line is a line of its own (a title,
# a dateline), a longer one a whole paragraph.
_WRAPPED_LINE = range(40, 91)


def is_soft_break(text: str, i: int) -> bool:
    """Whether the line break at ``text[i]`` only wraps a paragraph of hard-wrapped copy.

    It does when the line before has the length of a wrapped line, and the line after goes on with words
    rather than opening a list item, heading, ``Q:``/``A:`` or image.

    >>> wire = "a long line of wire copy that was wrapped at column\\n" * 3
    >>> is_soft_break(wire, 51), is_soft_break("Short title\\nBody", 11)
    (True, False)
    """
    if not is_hard_wrapped(text):
        return False
    line_start = text.rfind("\n", 0, i) + 1
    line = text[line_start:i]
    after = text[i + 1:i + 12]
    if len(line.rstrip()) not in _WRAPPED_LINE or not after.strip() or after[0] in "\n\r":
        return False
    return _BLOCK_START.match(after) is None


@functools.lru_cache(maxsize=8)
def is_hard_wrapped(text: str) -> bool:
    """Whether ``text`` is hard-wrapped copy: at least two lines run on into the next one, and
    nearly every line is no longer than a wrapped line."""
    lines = [line for line in text.split("\n") if line.strip()]
    runs_on = len(re.findall(r"[^\n]\n[^\n\s]", text))
    short = sum(1 for line in lines if len(line.rstrip()) <= _WRAPPED_LINE.stop)
    return runs_on >= 2 and short >= 0.8 * len(lines)


def paragraph_breaks(text: str) -> list[int]:
    """Offsets of the line breaks that end a paragraph (every one that is not a soft wrap).

    >>> paragraph_breaks("Title\\nBody one.\\n\\nBody two.")
    [5, 15, 16]
    >>> wire = "a long line of wire copy that was wrapped at column\\n" * 3
    >>> paragraph_breaks(wire + "\\nNext")
    [155, 156]
    """
    return [i for i, ch in enumerate(text) if ch == "\n" and not is_soft_break(text, i)]


_HEADING_LENGTH = 80
"""Characters a section heading runs to at most ("Two agencies, one crew")."""


def is_heading(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a section heading: a line of its own, short, with no closing
    punctuation. The section after a heading opens back in the present, not in the years the
    section before told.

    >>> text = "It flew in 1975.\\nTwo agencies, one crew\\nShe was named in May."
    >>> is_heading(text, 17, 39), is_heading(text, 0, 16)
    (True, False)
    """
    line = text[start:end].rstrip()
    line_end = start + len(line)
    own_line = text[start - 1:start] in {"", "\n"} and text[line_end:line_end + 1] in {"", "\n"}
    return own_line and 0 < len(line) <= _HEADING_LENGTH and "\n" not in line and line[-1] not in '.!?:;"\u201d\u2019)'
