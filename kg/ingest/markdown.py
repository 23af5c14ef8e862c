"""Markdown to plain text by regex deletion passes that keep the offset map.

A renderer would lose where each character came from, so each construct is removed by one
``rewrite`` pass that keeps its text and deletes its markup. This is not a full CommonMark
parser: it handles what articles use (headings, emphasis, links, images, lists, block quotes,
code, thematic breaks, HTML comments and tags, entities, backslash escapes). Tables keep their
pipes. Figures give no text: an image, the emphasised caption line under it, ``<figcaption>``.

A backtick between two letters (``NASA`s``) is an apostrophe, not code, and is kept.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence

from kg.ingest.normalize import Piece, rewrite

_M = re.MULTILINE
Pass = tuple[re.Pattern[str], Callable[[re.Match[str]], Sequence[Piece] | None]]


def _delete(match: re.Match[str]) -> list[Piece]:
    return []


def _keep(group: int | str) -> Callable[[re.Match[str]], list[Piece]]:
    def keep(match: re.Match[str]) -> list[Piece]:
        return [match.span(group)] if match.group(group) else []

    return keep


def _own_paragraph(group: str) -> Callable[[re.Match[str]], list[Piece]]:
    """Keep ``group`` with a blank line before and after (mapped to the neighbouring newlines)."""

    def own_paragraph(match: re.Match[str]) -> list[Piece]:
        pieces: list[Piece] = []
        if match.start() > 0:
            pieces.append(("\n", match.start() - 1))  # the newline ending the previous line
        if match.group(group):
            pieces.append(match.span(group))
        if match.end() < len(match.string):
            pieces.append(("\n", match.end()))  # the newline ending this line
        return pieces

    return own_paragraph


def _line_break(match: re.Match[str]) -> list[Piece]:
    return [("\n", match.start())]


def _entity(match: re.Match[str]) -> list[Piece] | None:
    decoded = html.unescape(match.group())
    return None if decoded == match.group() else [(decoded, match.start())]


_PASSES: tuple[tuple[str, int, Callable[[re.Match[str]], Sequence[Piece] | None]], ...] = (
    # Comments and fenced blocks are searched for their end only up to the next opener (of the
    # same fence), so unclosed ones cannot make a pass quadratic in time.
    # HTML comments, possibly over several lines.
    (r"<!--(?:(?!<!--).)*?-->", re.DOTALL, _delete),
    # Fenced code blocks: drop the fences, keep the code.
    (r"^[ ]{0,3}(?P<fence>`{3,}|~{3,})[^\n]*\n(?P<code>(?:(?!^[ ]{0,3}(?P=fence)).)*?)^[ ]{0,3}(?P=fence)[`~]*[ \t]*$", _M | re.DOTALL, _keep("code")),
    # A figure: an image alone on its line and the caption under it, a line wholly in emphasis
    # ("![Crew](crew.jpg)" then "*The crew before launch. Credit: NASA*"): no text.
    (r"^[ ]{0,3}!\[[^\]\n]*\](?:\((?:[^()\n]|\([^()\n]*\))*\)|\[[^\]\n]*\])[ \t]*\n[ ]{0,3}(?P<em>\*{1,2}|_{1,2})(?=\S)[^\n]{0,500}?\S(?P=em)[ \t]*$", _M, _delete),
    # HTML figure captions ("<figcaption>...</figcaption>"): no text.
    (r"<figcaption\b[^>]*>(?:(?!<figcaption).){0,2000}?</figcaption>", re.IGNORECASE | re.DOTALL, _delete),
    # Images, inline and by reference: no text.
    (r"!\[[^\]\n]*\](?:\((?:[^()\n]|\([^()\n]*\))*\)|\[[^\]\n]*\])", 0, _delete),
    # Link reference definitions and footnote definitions' markers.
    (r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*\S+[^\n]*\n?", _M, _delete),
    # Footnote references.
    (r"\[\^[^\]\n]+\]", 0, _delete),
    # Links, inline and by reference: keep the text.
    (r"\[(?P<text>[^\[\]\n]+)\](?:\((?:[^()\n]|\([^()\n]*\))*\)|\[[^\]\n]*\])", 0, _keep("text")),
    # Autolinks: keep the address.
    (r"<(?P<url>(?:https?|ftp|mailto):[^<>\s]+)>", re.IGNORECASE, _keep("url")),
    # Inline HTML: <br> breaks the line, other tags go.
    (r"<br\s*/?>", re.IGNORECASE, _line_break),
    (r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>", 0, _delete),
    # ATX headings: the heading text becomes a paragraph of its own.
    (r"^[ ]{0,3}#{1,6}(?:[ \t]+(?P<text>[^\n]*?))?(?:[ \t]+#+)?[ \t]*$", _M, _own_paragraph("text")),
    # Setext headings (a line underlined with === or ---).
    (r"^(?P<text>[ ]{0,3}[^\s>#*+\-|][^\n]*)\n[ ]{0,3}(?:=+|-+)[ \t]*$", _M, _own_paragraph("text")),
    # Thematic breaks.
    (r"^[ ]{0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$", _M, _delete),
    # Block quote markers.
    (r"^[ ]{0,3}(?:>[ \t]?)+", _M, _delete),
    # List bullets and numbers.
    (r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+", _M, _delete),
    # Inline spans are at most ~300 characters long, which keeps every pass linear in time
    # (an unbounded lazy search from each unmatched opener would be quadratic).
    # Inline code: keep the code. The backticks must not touch a letter outside (NASA`s).
    (r"(?<![\w`\\])(?P<ticks>`+)(?P<code>[^`\n](?:[^\n]{0,300}?[^`\n])?)(?P=ticks)(?![\w`])", 0, _keep("code")),
    # Strong emphasis and strikethrough, then emphasis.
    (r"(?<!\\)(?P<mark>\*\*|~~)(?=\S)(?P<text>[^\n]{1,300}?)(?<=\S)(?P=mark)", 0, _keep("text")),
    (r"(?<![\w\\])__(?=\S)(?P<text>[^\n]{1,300}?)(?<=\S)__(?!\w)", 0, _keep("text")),
    (r"(?<![\\*])\*(?=[^\s*])(?P<text>[^\n]{0,300}?[^\s\\*])\*(?!\*)", 0, _keep("text")),
    (r"(?<![\w\\])_(?=[^\s_])(?P<text>[^\n]{0,300}?[^\s\\_])_(?!\w)", 0, _keep("text")),
    # HTML entities.
    (r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});", 0, _entity),
    # Backslash escapes: keep the escaped character.
    (r"\\(?P<char>[!-/:-@\[-`{-~])", 0, _keep("char")),
)

_compiled: list[Pass] = []


def _passes() -> list[Pass]:
    if not _compiled:
        _compiled.extend((re.compile(pattern, flags), replace) for pattern, flags, replace in _PASSES)
    return _compiled


def strip_markdown(text: str, *, base: Sequence[int] | None = None) -> tuple[str, list[int]]:
    """Remove Markdown markup from ``text``; return the plain text and its offset map.

    ``offsets[i]`` is the index in ``text`` (or, with ``base``, where ``base`` points) of
    output character ``i``; the final entry serves end offsets. Whitespace is left for
    ``normalize``. Headings become paragraphs of their own.

    Examples
    --------
    >>> plain, offsets = strip_markdown("# Soyuz\\nThe **Soyuz** [docked](https://x.org).")
    >>> plain
    'Soyuz\\n\\nThe Soyuz docked.'
    >>> "# Soyuz\\nThe **Soyuz** [docked](https://x.org)."[offsets[plain.index("docked")]]
    'd'
    """
    offsets: Sequence[int] = base if base is not None else range(len(text) + 1)
    for pattern, replace in _passes():
        text, offsets = rewrite(text, pattern, replace, base=offsets)
    return text, list(offsets)
