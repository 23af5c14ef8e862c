"""Wire datelines: the capitalised place becomes a name the extractors recognise.

"CAPE CANAVERAL, Fla., Feb. 3 (CNW) --" opens a wire story; a reader knows the place is Cape
Canaveral, but the tagger does not know "CAPE CANAVERAL". ``name_dateline_places`` rewrites
such a place in title case ("Cape Canaveral"): one character for one character, so the offset
map is unchanged and evidence still quotes the file as written. The pattern is data
(``dateline`` in ``kg/data/boilerplate.yaml``).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from datetime import date
from importlib import resources

import yaml

from kg.errors import DataError
from kg.temporal.expressions import resolve_date

_BARE_PLACE = 5  # a dateline place with nothing after it but the dash is at least this long


@functools.cache
def _dateline() -> re.Pattern[str]:
    source = resources.files("kg") / "data" / "boilerplate.yaml"
    try:
        return re.compile(yaml.safe_load(source.read_text(encoding="utf-8"))["dateline"], re.MULTILINE)
    except (OSError, yaml.YAMLError, KeyError, TypeError, re.error) as error:
        raise DataError(f"{source}: cannot read the dateline pattern: {error}") from error


def name_dateline_places(text: str) -> str:
    """``text`` with the capitalised place of each paragraph-opening dateline in title case.

    Examples
    --------
    >>> name_dateline_places("CAPE CANAVERAL, Fla., Feb. 3 (CNW) -- Discovery lifted off.")
    'Cape Canaveral, Fla., Feb. 3 (CNW) -- Discovery lifted off.'
    >>> name_dateline_places("NASA -- the agency said on Monday that talks went well.")
    'NASA -- the agency said on Monday that talks went well.'
    """
    def title(match: re.Match[str]) -> str:
        place = match.group("place")
        if not _is_dateline(match):
            return place  # "NASA -- the agency said": an acronym, not a dateline
        return re.sub(r"[A-Z]+", lambda word: word.group()[0] + word.group()[1:].lower(), place)

    return _dateline().sub(title, text)


def _is_dateline(match: re.Match[str]) -> bool:
    """A match of the pattern that is a dateline: with a region, date or agency after the place, or
    a place that is no acronym ("WASHINGTON --", "CAPE CANAVERAL --"; not "NASA --")."""
    place = match.group("place")
    return bool(match.group("detail") or match.group("agency") or " " in place or len(place) >= _BARE_PLACE)


def dateline_date(text: str) -> date | None:
    """The day a wire dateline opening the article names with its year ("HOUSTON, March 4, 2031
    (GCW) --"), else ``None``: the story's publication date where the file gives none. Only a
    dateline in the first lines counts (a headline may stand before it).

    >>> dateline_date("HOUSTON, March 4, 2031 (GCW) -- The crew landed.")
    datetime.date(2031, 3, 4)
    >>> dateline_date("MOSCOW, May 5 (TPS) -- The capsule landed.") is None
    True
    """
    for m in _dateline().finditer(text, 0, _OPENING):
        if _is_dateline(m) and m.group("detail"):
            value = resolve_date(m.group("detail"), None)
            return date.fromisoformat(value.iso) if value is not None and value.precision == "day" else None
    return None


_OPENING = 1000
"""How far into a file a dateline opening the article may begin (characters)."""


def dateline_spans(text: str) -> list[tuple[int, int, tuple[int, int] | None]]:
    """(start, end, outlet) of each paragraph-opening dateline of ``text``: the characters from the
    place to the dash, and those of the news agency in parentheses, if any.

    >>> dateline_spans("MOSCOW, May 5 (TPS) -- The capsule landed.")
    [(0, 23, (14, 19))]
    """
    spans = []
    for m in _dateline().finditer(text):
        if not _is_dateline(m):
            continue
        last = max(m.end(group) for group in ("place", "detail", "agency") if m.group(group) is not None)
        dash = _DASH.match(text, last)
        spans.append((m.start(), dash.end() if dash else last, m.span("agency") if m.group("agency") else None))
    return spans


_DASH = re.compile(r" ?(?:--?|\u2014|\u2013) ")


def text_dateline_spans(original: str, offsets: Sequence[int]) -> list[tuple[int, int, tuple[int, int] | None]]:
    """:func:`dateline_spans` of ``original`` (the place still in capitals) in the offsets of the
    text the extractors read, ``offsets[i]`` being the offset in ``original`` of its ``i``-th
    character (``kg.model.Document``)."""
    def at(offset: int) -> int:
        return bisect.bisect_left(offsets, offset)

    return [(at(start), at(end), (at(outlet[0]), at(outlet[1])) if outlet else None)
            for start, end, outlet in dateline_spans(original)]
