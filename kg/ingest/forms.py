"""From normalised file text to the text the extractors read: real text forms handled.

``article_text`` undoes hard wraps (``kg.ingest.unwrap``) and cuts out what is not article
text (``kg.ingest.boilerplate``: captions, credits, bylines, press-release boilerplate), then
normalises whitespace again and writes the capitalised place of a wire dateline as a name
(``kg.ingest.dateline``); the offset map still leads back to the file.
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.ingest.boilerplate import remove_boilerplate
from kg.ingest.dateline import name_dateline_places
from kg.ingest.normalize import normalize
from kg.ingest.unwrap import unwrap


def article_text(
    text: str,
    offsets: Sequence[int],
    original: str,
    *,
    markdown: bool = False,
    hard_wrapped: bool = True,
) -> tuple[str, tuple[int, ...]]:
    """The article text of ``text`` (already ``normalize``d) and its offset map into ``original``.

    ``markdown`` reads line breaks as Markdown does (a soft break is a space); with
    ``hard_wrapped=False`` (web pages, whose line breaks are ``<br>``) lines are never joined.

    Examples
    --------
    >>> body = "By Jane Smith\\n\\nNASA met Roscosmos.\\n\\nPhoto: Jane Doe in Houston. Credit: NASA"
    >>> article_text(body, range(len(body) + 1), body)[0]
    'NASA met Roscosmos.'
    """
    if hard_wrapped:
        text, offsets = unwrap(text, offsets, original, markdown=markdown)
    kept, offsets = remove_boilerplate(text, offsets)
    text, offsets = normalize(kept, base=offsets)
    return name_dateline_places(text), offsets
