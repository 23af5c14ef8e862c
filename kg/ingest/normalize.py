"""Typographic normalisation of article text, keeping a map back to the input.

Every function here returns the new text together with an offset map: ``offsets[i]`` is the
index in the input of output character ``i``, and one final entry (the input's length) serves
end offsets. That is the shape ``kg.model.Document.offsets`` has, so maps built here can be
stored on a document as they are, and maps of successive passes are composed by passing the
previous map as ``base``.
"""

from __future__ import annotations

import functools
import re
import sys
import unicodedata
from collections.abc import Callable, Sequence

# A piece of a replacement: ``(start, end)`` keeps ``text[start:end]``; ``(literal, anchor)``
# inserts ``literal``, every character of which maps to where ``text[anchor]`` came from.
Piece = tuple[int, int] | tuple[str, int]

_APOSTROPHES = "`\u2018\u2019\u201b\u00b4\u2032"  # ` ‘ ’ ‛ ´ ′
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033"  # “ ” „ ‟ ″
_SPACES = "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_LINE_BREAKS = "\x0b\x0c\x85\u2028\u2029"

# One character for one character: offsets do not change.
_TRANSLATION = str.maketrans(
    {
        **{c: "'" for c in _APOSTROPHES},
        **{c: '"' for c in _DOUBLE_QUOTES},
        **{c: " " for c in _SPACES},
        **{c: "\n" for c in _LINE_BREAKS},
    }
)

# Invisible characters that are not Unicode format characters (category Cf, found at first use):
# the C0 and C1 controls other than tab, newline and carriage return (tab, VT, FF and NEL are
# translated first), the combining grapheme joiner, Hangul fillers, variation selectors.
_INVISIBLE_RANGES = (
    "\x00-\x08\x0e-\x1f\x7f-\x9f\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u3164"
    "\ufe00-\ufe0f\uffa0\U000e0100-\U000e01ef"
)
# Whitespace runs that may need rewriting (single spaces between words are left alone, so the
# number of matches stays proportional to the number of lines, not words).
_WHITESPACE = re.compile(r"[ \r\n]{2,}|[\r\n]")


@functools.cache
def _invisible() -> re.Pattern[str]:
    """Runs of characters that show nothing (see ``normalize``)."""
    format_chars = "".join(chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf")
    return re.compile(f"[{_INVISIBLE_RANGES}{re.escape(format_chars)}]+")


def rewrite(
    text: str,
    pattern: re.Pattern[str],
    replace: Callable[[re.Match[str]], Sequence[Piece] | None],
    *,
    base: Sequence[int] | None = None,
) -> tuple[str, list[int]]:
    """Replace every match of ``pattern`` by the pieces ``replace`` returns, tracking offsets.

    ``replace`` returns ``None`` to leave a match as it is, or a sequence of pieces: ``(start,
    end)`` keeps ``text[start:end]`` (indices into ``text``), ``(literal, anchor)`` inserts a
    string whose characters map to ``text[anchor]``. ``base`` is the offset map of ``text``
    itself (``len(text) + 1`` entries); the returned map is composed with it, so it points
    wherever ``base`` points. Runs in time linear in ``len(text)``.

    Examples
    --------
    >>> import re
    >>> rewrite("a **b** c", re.compile(r"\\*\\*(.+?)\\*\\*"), lambda m: [m.span(1)])
    ('a b c', [0, 1, 4, 7, 8, 9])
    """
    offsets: Sequence[int] = base if base is not None else range(len(text) + 1)
    if len(offsets) != len(text) + 1:
        raise ValueError(f"offset map has {len(offsets)} entries for a text of {len(text)} characters")
    parts: list[str] = []
    new_offsets: list[int] = []
    pos = 0
    for match in pattern.finditer(text):
        pieces = replace(match)
        if pieces is None:
            continue
        start = match.start()
        parts.append(text[pos:start])
        new_offsets.extend(offsets[pos:start])
        for first, second in pieces:
            if isinstance(first, str):
                parts.append(first)
                new_offsets.extend([offsets[second]] * len(first))
            else:
                parts.append(text[first:second])
                new_offsets.extend(offsets[first:second])
        pos = match.end()
    parts.append(text[pos:])
    new_offsets.extend(offsets[pos:])  # includes the final end entry
    return "".join(parts), new_offsets


def _collapse_whitespace(match: re.Match[str]) -> list[Piece]:
    run = match.group()
    start = match.start()
    breaks: list[int] = []  # positions of line breaks: "\r\n" counts once, at its "\n"
    for i, char in enumerate(run):
        if char == "\n" or (char == "\r" and not run.startswith("\n", i + 1)):
            breaks.append(start + i)
            if len(breaks) == 2:
                break
    if not breaks:
        return [(" ", start)]
    return [("\n", position) for position in breaks]


def normalize(text: str, *, base: Sequence[int] | None = None) -> tuple[str, tuple[int, ...]]:
    """Normalise typography and whitespace; return the text and its offset map.

    - backtick, curly and acute apostrophes become ``'``; curly double quotes become ``"``;
    - no-break and other unusual spaces and tabs become a space, runs of spaces one space;
    - ``\\r\\n`` and lone ``\\r`` become ``\\n``; spaces around line breaks are dropped, and more
      than one blank line becomes one (paragraphs stay separated by a blank line);
    - invisible characters are removed: format characters (soft hyphen, zero-width spaces and
      joiners, word joiner, BOM, bidirectional controls, tag characters...), control characters
      other than line breaks, variation selectors; so "Sean\\u200bDuffy" is "SeanDuffy", as it looks;
    - leading and trailing whitespace is dropped. Dashes, guillemets and everything else stay.

    Every output character maps (``offsets[i]``) to one input character that normalises to it;
    the final entry is ``len(text)``. With ``base`` (the offset map of ``text`` from an earlier
    pass) the map is composed with it instead.

    Examples
    --------
    >>> normalize("NASA`s  “path”\\r\\n\\r\\n\\r\\nend ")
    ('NASA\\'s "path"\\n\\nend', (0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 15, 17, 20, 21, 22, 24))
    """
    if base is not None and len(base) != len(text) + 1:
        raise ValueError(f"offset map has {len(base)} entries for a text of {len(text)} characters")
    translated = text.translate(_TRANSLATION)
    visible, offsets = rewrite(translated, _invisible(), lambda m: (), base=base)
    collapsed, offsets = rewrite(visible, _WHITESPACE, _collapse_whitespace, base=offsets)
    start = len(collapsed) - len(collapsed.lstrip(" \n\r"))
    end = len(collapsed.rstrip(" \n\r"))
    if end <= start:
        return "", (offsets[-1],)
    return collapsed[start:end], tuple(offsets[start:end]) + (offsets[-1],)
