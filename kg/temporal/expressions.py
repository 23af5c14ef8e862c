"""Find the date expressions in a sentence and resolve them to dates with a precision.

:func:`find_dates` returns every date expression in a sentence (or clause) with its
character offsets and its value, a :class:`~kg.model.DateValue` that keeps the precision the
text gives: ``"1975"``, ``"1975-07"``, ``"1975-07-17"``. Expressions without a year
("on July 17", "last Thursday", "later this month", "five months ago") are resolved against
the article's publication date; ``tense`` says which way one without a year points:

- ``"past"``: the latest matching date on or before publication (the day itself counts);
- ``"future"``: the earliest matching date on or after publication (a bare weekday: after it);
- ``"unknown"``: the latest matching date at most about a month after publication.

"last"/"next" in front of a weekday, month or season always look back/forward. A weekday
in front of a date ("Friday, Jan. 4") picks the year in which the two agree.

Regular expressions decide what is a date, so "Soyuz 19", "STS-71", "Vision 2030",
"115 days", "2,000 people", "1300 GMT" or an age are never read as one; plain ``datetime``
arithmetic resolves them, and ``dateparser`` only reads the rare all-numeric dates
("7/17/1975"). Nothing is compiled or imported until the first call.

A date that would fall outside the calendar (before 0001-01-01 or after 9999-12-31, as "last
week" in an article dated 0001-01-01) is not resolved: no mention is returned for it.

Not handled (no mention is returned): expressions relative to another event rather than
to the publication date ("a decade earlier", "two days after launch", "that same year"),
decades ("the 1990s"), a day without a month ("on the 17th"), winters (they straddle two
years), and years after "through"/"beyond" (the end of a span, not an event's date).

>>> from datetime import date
>>> [(m.text, m.value.iso) for m in find_dates(
...     "Soyuz MS-12 lifted off last Thursday, five months after the Oct. 11 abort.",
...     date(2019, 3, 18), tense="past")]
[('last Thursday', '2019-03-14'), ('Oct. 11', '2018-10-11')]
>>> resolve_date("Fifty years ago today", date(2025, 7, 17))
DateValue(iso='1975-07-17', precision='day')
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, date, datetime, timedelta
from functools import cache
from typing import Literal

from kg.temporal import DateValue

__all__ = ["DateMention", "Tense", "find_dates", "resolve_date"]

Tense = Literal["past", "future", "unknown"]
# How a year is chosen for a month (and day) without one: the tenses, plus "before"/"after"
# for "last March"/"next March", which exclude the publication month (or day) itself.
_Direction = Literal["past", "future", "unknown", "before", "after"]


@dataclass(frozen=True)
class DateMention:
    """A date expression: ``text == sentence[start:end]``; ``relative`` is true when the
    expression does not name its year and the value was worked out from the publication
    date (or the ``context_year`` the caller gave)."""

    text: str
    start: int
    end: int
    value: DateValue
    relative: bool


# --- data --------------------------------------------------------------------------------

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS: dict[str, int] = {name.lower(): i for i, name in enumerate(calendar.day_name)}
CALENDAR_WORDS: frozenset[str] = frozenset(MONTHS) | frozenset(WEEKDAYS)
"""Month and weekday names and their abbreviations, lower-cased ("march", "sept", "monday")."""
# Northern-hemisphere seasons as (first month, last month); winter straddles two years.
SEASONS: dict[str, tuple[int, int]] = {
    "spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (12, 2),
}
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "several": 0, "a few": 0,
}


def number_value(text: str) -> int | None:
    """A count written in digits or words: "12", "a", "fifty", "twenty-five"; ``None`` for "several",
    "a few" or anything else.

    >>> number_value("twenty-five"), number_value("a"), number_value("several")
    (25, 1, None)
    """
    text = text.lower()
    if text.isdigit():
        return int(text)
    words = [text] if text in NUMBER_WORDS else re.split(r"[-\s]+", text)
    if not all(w in NUMBER_WORDS for w in words):
        return None
    return sum(NUMBER_WORDS[w] for w in words) or None


# "N <unit> ago": the unit's length in (days, months) and the precision of the answer.
AGO_UNITS: dict[str, tuple[int, int, str]] = {
    "day": (1, 0, "day"), "week": (7, 0, "day"), "fortnight": (14, 0, "day"),
    "month": (0, 1, "month"), "year": (0, 12, "year"), "decade": (0, 120, "year"),
    "century": (0, 1200, "year"),
}
# Capitalised words that may stand right before a bare year or a month; any other
# capitalised word there makes it part of a name ("Mars 2020", "Vision 2030", "Expedition
# 2000", the "Long March 5" rocket).
NAME_OK_AFTER: frozenset[str] = frozenset(
    "in on at by since until till through from to of before after during around about "
    "circa early late mid and or but the a an as for between back spring summer fall autumn "
    "winter fiscal fy year starting beginning ending".split()
) | frozenset(MONTHS)
# A year after these words is the end of a span, not the date of an event.
YEAR_SPAN_ENDS: frozenset[str] = frozenset({"through", "thru", "beyond"})
# A number followed by one of these is a quantity or a clock time, not a year.
QUANTITY_WORDS: frozenset[str] = frozenset(
    "people persons person men women children days day weeks months years hours hour minutes "
    "seconds km kilometers kilometres kilometer kilometre miles mile meters metres meter metre "
    "m kg kilograms pounds lb lbs tons tonnes feet ft foot inches dollars euros rubles roubles "
    "times percent per cent degrees "
    "gmt utc edt est cdt cst pdt pst msk cet bst hrs h local".split()
)
# Words right before a bare month name that make it a month ("in February", "his October
# trip", "mid-July"); without one, "May" is never a month and a month followed by a
# capitalised word is taken for a name ("April Ryan").
MONTH_CUES: frozenset[str] = frozenset(
    "in on since by until till through from to of during before after early late mid around "
    "last next this that his her their its the and or between starting beginning".split()
)


# --- patterns (compiled on first use) ------------------------------------------------------

@dataclass(frozen=True)
class _Context:
    published: date | None
    tense: Tense
    context_year: int | None


_Resolved = tuple[DateValue, bool] | None
_Handler = Callable[[re.Match[str], str, _Context], _Resolved]


# Words (lower case) one of which each kind of expression contains; "#" stands for a digit.
# A pattern runs only on sentences holding one of its words, which keeps dateless text cheap.
_DIGIT = frozenset({"#"})
_MONTH_WORDS = frozenset(MONTHS)
_WEEKDAY_WORDS = frozenset(WEEKDAYS)
_AGO_WORDS = frozenset({"ago"})
_PERIOD_WORDS = frozenset({"week", "weekend", "month", "year"} | set(SEASONS))
_DAY_WORDS = frozenset({"today", "yesterday", "tomorrow", "tonight", "morning", "afternoon",
                        "evening", "night"})
_Pattern = tuple[frozenset[str], re.Pattern[str], _Handler]


@cache
def _patterns() -> tuple[_Pattern, ...]:
    """The date patterns: the words that must be present, the regex, the resolver of a match."""
    month = (
        r"(?P<month>(?:January|February|March|April|May|June|July|August|September|October"
        r"|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
    )
    bare_month = (
        r"(?P<month>(?:January|February|March|April|May|June|July|August|September|October"
        r"|November|December)\b|(?:Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec)\.)"
    )
    weekday = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    ordinal = r"(?:st|nd|rd|th)?"
    year = r"(?P<year>1[89]\d\d|20\d\d)(?!\d)"
    numbers = "|".join(sorted((re.escape(w).replace("\\ ", " ").replace(" ", r"\s+")
                               for w in NUMBER_WORDS),
                              key=len, reverse=True))
    number = rf"(?P<n>\d{{1,3}}|half\s+an?|(?:{numbers})(?:[-\s](?:{numbers}))?)"
    return (
        (_DIGIT, re.compile(r"(?<![\w-])(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?![\w-])"), _iso),
        (_DIGIT, re.compile(r"(?<![\w/.])(?P<date>\d{1,2}/\d{1,2}/(?:\d{4}|\d\d))(?![\w/])"),
         _numeric),
        (_MONTH_WORDS, re.compile(
            rf"(?:{weekday},?\s+)?{month}\s+(?P<day>\d{{1,2}}){ordinal}(?!\d|:\d)"
            rf"(?:\s*(?:-|–|to|through)\s*(?P<day2>\d{{1,2}}){ordinal}(?!\d|:\d))?"
            rf"(?:,?\s+{year}|\s+of\s+(?P<which>this|last|next)\s+year)?\b"), _month_day),
        (_MONTH_WORDS, re.compile(
            rf"(?:{weekday},?\s+)?(?:the\s+)?(?<![\w.,])(?P<day>\d{{1,2}}){ordinal}\s+"
            rf"(?:of\s+)?{month}(?:,?\s+{year})?(?!\w)"), _day_month),
        (_MONTH_WORDS, re.compile(
            rf"{month},?\s+(?:of\s+)?(?:{year}|(?P<which>this|last|next|that)\s+year\b)"),
         _month_year),
        (_MONTH_WORDS, re.compile(
            rf"(?:(?P<which>[Ll]ast|[Nn]ext|[Tt]his)\s+)?(?:(?P<mod>[Ee]arly|[Ll]ate|[Mm]id)"
            rf"[-\s]+)?{bare_month}"), _month_alone),
        (_AGO_WORDS, re.compile(
            rf"(?i:\b{number}\s+(?P<unit>day|week|fortnight|month|year|decade|century"
            r"|centuries)s?\s+ago(?:\s+(?P<today>today))?\b)"), _ago),
        (_PERIOD_WORDS, re.compile(
            r"(?i:\b(?:(?P<mod>early|late|mid|earlier|later)[-\s]+)?"
            r"(?:the\s+(?:beginning|start|end|middle)\s+of\s+)?(?<!the\s)"
            r"(?P<which>this|last|next"  # "in the middle of the month": this month
            r"|(?:(?<=beginning\sof\s)|(?<=start\sof\s)|(?<=end\sof\s)|(?<=middle\sof\s))the)"
            r"\s+(?P<unit>week|weekend|month|year|spring|summer|fall"
            r"|autumn|winter)\b)"), _period),
        (_WEEKDAY_WORDS, re.compile(
            rf"(?<!every\s)(?<!each\s)(?:\b(?P<which>[Ll]ast|[Nn]ext|[Tt]his)\s+)?\b{weekday}"),
         _weekday),
        (_DAY_WORDS, re.compile(
            r"(?i:\b(?:(?:earlier|later)\s+)?(?P<word>today|yesterday|tomorrow|tonight)\b"
            r"(?:\s+(?:morning|afternoon|evening|night)\b)?"
            r"|\bthe\s+day\s+(?P<rel>before\s+yesterday|after\s+tomorrow)\b"
            r"|\b(?P<this>this)\s+(?:morning|afternoon|evening)\b"
            r"|\b(?P<last>last)\s+night\b)"), _day_word),
        (_DIGIT, re.compile(r"(?<![\w$€£#/.,])(?<![A-Za-z]-)(?P<year>19[5-9]\d|20\d\d)"
                            r"(?!\w|%|[.,]\d|-[A-Za-z])"), _bare_year),
    )


@cache
def _words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    return re.compile(r"[A-Za-z]+"), re.compile(r"\d")


def _cue_words(text: str) -> set[str]:
    """The lower-cased words of ``text``, plus "#" if it holds a digit."""
    word, digit = _words()
    words = {w.lower() for w in word.findall(text)}
    if digit.search(text):
        words.add("#")
    return words


@cache
def _numeric_parser():
    from dateparser.date import DateDataParser  # heavy: only for all-numeric dates

    return DateDataParser(
        languages=["en"],
        settings={"RETURN_AS_TIMEZONE_AWARE": False, "STRICT_PARSING": True,
                  "RELATIVE_BASE": datetime(2000, 1, 1)},
    )


# --- public API ----------------------------------------------------------------------------

def find_dates(
    text: str,
    published: date | None,
    *,
    tense: Tense = "unknown",
    context_year: int | None = None,
) -> list[DateMention]:
    """Find the date expressions in ``text`` and resolve them, in order of appearance.

    ``published`` is the article's publication date, the base for expressions without a
    year; without it only expressions that name their year are returned. ``tense`` is the
    tense of the clause the expression belongs to (see the module docstring).
    ``context_year``, when the caller knows the narrative is set in another year than the
    publication (a 2025 article telling the 1975 flight: "on July 17"), is the year given
    to a month and day without one; relative expressions ("last Thursday") ignore it.

    >>> from datetime import date
    >>> [m.value.iso for m in find_dates("On Friday, Jan. 4, NASA said the trip would be "
    ...                                  "postponed.", date(2019, 3, 18))]
    ['2019-01-04']
    >>> find_dates("Soyuz 19 carried 2 cosmonauts for 115 days.", date(2025, 7, 17))
    []
    """
    if tense not in ("past", "future", "unknown"):
        raise ValueError(f"tense must be 'past', 'future' or 'unknown', not {tense!r}")
    if isinstance(published, datetime):
        published = published.date()
    words = _cue_words(text)
    context = _Context(published, tense, context_year)
    found: list[DateMention] = []
    for cues, pattern, handler in _patterns():
        if cues.isdisjoint(words):
            continue
        for match in pattern.finditer(text):
            resolved = handler(match, text, context)
            if resolved is not None:
                value, relative = resolved
                found.append(DateMention(match.group(), match.start(), match.end(), value,
                                         relative))
    # Longest expressions win; a shorter one inside or across a longer one is dropped.
    kept: list[DateMention] = []
    for mention in sorted(found, key=lambda m: (m.start - m.end, m.start)):
        if all(mention.end <= k.start or mention.start >= k.end for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)


def resolve_date(
    expression: str,
    published: date | None,
    *,
    tense: Tense = "unknown",
    context_year: int | None = None,
) -> DateValue | None:
    """The value of one date expression (e.g. a DATE entity's text), or ``None``.

    When the expression holds more than one date, the longest wins.

    >>> from datetime import date
    >>> resolve_date("on September 21", date(2022, 7, 18), tense="future")
    DateValue(iso='2022-09-21', precision='day')
    >>> resolve_date("two decades", date(2022, 7, 18)) is None
    True
    """
    mentions = find_dates(expression, published, tense=tense, context_year=context_year)
    if not mentions:
        return None
    return max(mentions, key=lambda m: m.end - m.start).value


# --- handlers: match -> (value, relative) ----------------------------------------------------

def _iso(match: re.Match[str], text: str, ctx: _Context) -> _Resolved:
    y, m, d = int(match["y"]), int(match["m"]), int(match["d"])
    return (DateValue.of(y, m, d), False) if _valid(y, m, d) else None


def _numeric(match: re.Match[str], text: str, ctx: _Context) -> _Resolved:
    data = _numeric_parser().get_date_data(match["date"])
    if data.date_obj is None or not 1800 <= data.date_obj.year <= 2099:
        return None
    d = data.date_obj
    return DateValue.of(d.year, d.month, d.day), False


def _month_day(match: re.Match[str], text: str, ctx: _Context) -> _Resolved:
    if match["wd"] is None and match["month"] in _NAME_MONTHS and _after_name(text, match.start()):
        return None  # "a Long March 5 rocket" (not "return to Earth Oct. 11")
    month, day = _month(match["month"]), int(match["day"])
    if match["day2"] is not None:  # "July 15-24, 1975": a span of days is its month
        if not 1 <= day < int(match["day2"]) <= 31:
            return None
        if match["year"] is not None:
            return DateValue.of(int(match["year"]), month), False
        y = _infer_year(month, None, ctx, ctx.tense)
        return None if y is None else (DateValue.of(y, month), True)
    year = match["year"] or _year_of_next_date(text, match.end()) or _year_named_after(match, ctx)
    return _month_and_day(month, day, year, match["wd"], ctx)


_YEAR_OFFSETS = {"this": 0, "last": -1, "next": 1}
_NAME_MONTHS = frozenset({"March", "May", "June", "August"})
"""Months spelt like a word of a name ("Long March 5", "Theresa May"): after a capitalised word
they and the number after them are part of the name; other months, and abbreviations, are dates
("will return to Earth Oct. 11")."""


def _year_named_after(match: re.Match[str], ctx: _Context) -> str | None:
    """The year of "May 11 of last year" (or this, next year), counted from publication."""
    if match["which"] is None or ctx.published is None:
        return None
    return str(ctx.published.year + _YEAR_OFFSETS[match["which"]])


_NEXT_DATE_YEAR = re.compile(
    r"\s*(?:,\s*)?(?:and|or|to|through|-|–)\s+(?:[A-Z][a-z]{2,8}\.?\s+)?\d{1,2}(?:st|nd|rd|th)?,?\s+(?P<year>1[89]\d\d|20\d\d)(?!\d)")


def _year_of_next_date(text: str, end: int) -> str | None:
    """The year of the date coordinated right after a year-less one: "on Dec. 15 and Dec. 21, 1984"."""
    m = _NEXT_DATE_YEAR.match(text, end)
    return m["year"] if m else None


def _day_month(match: re.Match[str], text: str, ctx: _Context) -> _Resolved:
    if match["wd"] is None and _after_name(text, match.start()):
        return None  # "Soyuz 18 May ..."
    return _month_and_day(_month(match["month"]), int(match["day"]), match["year"],
                          match["wd"], ctx)


def _month_and_day(month: int, day: int, year: str | None, wd: str | None,
                   ctx: _Context) -> _Resolved:
    if year is not None:
        y = int(year)
        return (DateValue.of(y, month, day), False) if _valid(y, month, day) else None
    weekday = WEEKDAYS[wd.lower()] if wd else None
    y = _infer_year(month, day, ctx, ctx.tense, weekday)
    return None if y is None else (DateValue.of(y, month, day), True)


def _month_year(match: re.Match[str], text: str, ctx: _Context) -> _Resolved:
    if _after_name(text, match.start()):
        return None
    month = _month(match["month"])
    if match["year"] is not None:
        if _quantity_follows(text, match.end()):
            return None
        return DateValue.of(int(match["year"]), month), False
    offset = {"this": 0, "last": -1, "next": 1}.get(match["which"])
    if offset is None or ctx.published is None:
        return None  # "July of that year" needs the narrative's year
    year = ctx.published.year + offset
    return (DateValue.of(year, month), True) if _in_calendar(year) else None


_OF_THAT_YEAR = re.compile(r"\s+(?:of\s+)?(?:that|the\s+same)\s+year\b")


def _month_alone(match: re.Match[str], text: str, ctx: _Context) -> _Resolved:
    month = _month(match["month"])
    which = (match["which"] or "").lower()
    if _OF_THAT_YEAR.match(text, match.end()):
        return None  # "April of that year" is the narrative's year (kg.extract.event_dates), not publication's
    if not which and not match["mod"]:
        cued = _previous_word(text, match.start()).lower() in MONTH_CUES  # "in May", "That June" opening a sentence
        if not cued and _after_name(text, match.start()):
            return None  # "Long March"
        if not cued and (month == 5 or re.match(r"\s+[A-Z]", text[match.end():])):
            return None  # "May I ..." or a person named April
    if which == "this":
        return (DateValue.of(ctx.published.year, month), True) if ctx.published else None
    if which:  # "last March" is relative to publication, whatever the narrative's year
        ctx = _Context(ctx.published, ctx.tense, None)
    direction: _Direction = {"last": "before", "next": "after"}.get(which, ctx.tense)
    y = _infer_year(month, None, ctx, direction)
    return None if y is None else (DateValue.of(y, month), True)


def _ago(match: re.Match[str], text: str, ctx: _Context) -> _Resolved:
    pub = ctx.published
    unit = match["unit"].lower().rstrip("s").replace("centurie", "century")
    n_text = " ".join(match["n"].lower().split())
    if pub is None:
        return None
    days, months, precision = AGO_UNITS[unit]
    if n_text.startswith("half"):
        if months < 12:
            return None  # "half a day ago" is not worth a date
        days, months, n = days // 2, months // 2, 1
    else:
        n = number_value(n_text)
    if n is None:
        return None  # "several years ago"
    if days:
        return _day_value(_shift(pub, -days * n))
    y, m = divmod(pub.year * 12 + pub.month - 1 - months * n, 12)
    m += 1
    if not _in_calendar(y):
        return None
    if match["today"]:
        return DateValue.of(y, m, min(pub.day, calendar.monthrange(y, m)[1])), True
    return (DateValue.of(y, m) if precision == "month" else DateValue.of(y)), True


def _period(match: re.Match[str], text: str, ctx: _Context) -> _Resolved:
    pub = ctx.published
    if pub is None:
        return None
    which, unit = match["which"].lower(), match["unit"].lower()
    if which == "the" and ctx.tense == "past":
        return None  # "by the end of the year, the station had ..." is the story's year, not publication's
    offset = {"this": 0, "the": 0, "last": -1, "next": 1}[which]
    if unit == "year":
        return _year_value(pub.year + offset)
    if unit == "month":
        y, m = divmod(pub.year * 12 + pub.month - 1 + offset, 12)
        return (DateValue.of(y, m + 1), True) if _in_calendar(y) else None
    if unit in ("week", "weekend"):
        first = _shift(pub, 7 * offset - pub.weekday() + (5 if unit == "weekend" else 0))
        last = _shift(pub, 7 * offset - pub.weekday() + 6)
        value = _span(first, last) if first and last else None
        return None if value is None else (value, True)
    first_month, last_month = SEASONS[unit]
    if first_month > last_month:
        return None  # winter: December to February
    year = pub.year
    if which == "last" and date(year, last_month, calendar.monthrange(year, last_month)[1]) >= pub:
        year -= 1
    if which == "next" and date(year, first_month, 1) <= pub:
        year += 1
    return _year_value(year)


_LATER_THAT_DAY = re.compile(r"(?i)\b(?:later|earlier|late|early)(?:\s+on)?\s+$")
"""Words before a weekday that mean the publication day itself, if it is that weekday: "later
Thursday", "late on Wednesday" (in a Wednesday paper)."""


def _weekday(match: re.Match[str], text: str, ctx: _Context) -> _Resolved:
    pub = ctx.published
    if pub is None:
        return None
    wd = WEEKDAYS[match["wd"].lower()]
    back = (pub.weekday() - wd) % 7     # days back to the latest such day, today included
    ahead = (wd - pub.weekday()) % 7    # days ahead to the next such day, today included
    which = (match["which"] or "").lower()
    if which == "last":
        shift = wd - pub.weekday() - 7  # that day of the week before (news style): "last Wednesday" on a Thursday is 8 days back
    elif which == "next":
        shift = ahead or 7
    elif which == "this" or _LATER_THAT_DAY.search(text[:match.start()]):
        # "this Friday"; "later Thursday", "earlier Thursday": the publication day itself
        shift = -back if ctx.tense == "past" else ahead
    elif ctx.tense == "future":
        shift = ahead or 7
    else:
        shift = -back
    return _day_value(_shift(pub, shift))


def _day_word(match: re.Match[str], text: str, ctx: _Context) -> _Resolved:
    pub = ctx.published
    if pub is None:
        return None
    word = (match["word"] or match["rel"] or match["this"] or match["last"]).lower()
    shift = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(word, 0)
    if match["rel"]:
        shift = -2 if word.startswith("before") else 2
    return _day_value(_shift(pub, shift))


def _bare_year(match: re.Match[str], text: str, ctx: _Context) -> _Resolved:
    previous = _previous_word(text, match.start(), adjacent=True)
    if _after_name(text, match.start()) or previous.lower() in YEAR_SPAN_ENDS:
        return None
    if _quantity_follows(text, match.end()):
        return None
    return DateValue.of(int(match["year"])), False


# --- helpers ---------------------------------------------------------------------------------

def _month(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _valid(year: int, month: int, day: int) -> bool:
    return _in_calendar(year) and 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _in_calendar(year: int) -> bool:
    """Whether ``year`` is one ``datetime.date`` can hold (1 to 9999)."""
    return MINYEAR <= year <= MAXYEAR


def _shift(day: date, days: int) -> date | None:
    """``day`` moved by ``days`` days, or ``None`` when that leaves the calendar."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def _day_value(day: date | None) -> _Resolved:
    return None if day is None else (DateValue.of(day.year, day.month, day.day), True)


def _year_value(year: int) -> _Resolved:
    return (DateValue.of(year), True) if _in_calendar(year) else None


def _span(first: date, last: date) -> DateValue | None:
    """The finest value that holds every day from ``first`` to ``last``."""
    if first == last:
        return DateValue.of(first.year, first.month, first.day)
    if (first.year, first.month) == (last.year, last.month):
        return DateValue.of(first.year, first.month)
    if first.year == last.year:
        return DateValue.of(first.year)
    return None


def _infer_year(month: int, day: int | None, ctx: _Context, direction: _Direction,
                weekday: int | None = None) -> int | None:
    """The year of a month (and day) without one, near the publication date."""
    if ctx.context_year is not None:
        return ctx.context_year
    pub = ctx.published
    if pub is None:
        return None
    years = [y for y in (pub.year - 1, pub.year, pub.year + 1) if _in_calendar(y)]
    if day is None:   # compare months
        now, slack = pub.year * 12 + pub.month - 1, 1
        keys = {y: y * 12 + month - 1 for y in years}
    else:             # compare days
        now, slack = pub.toordinal(), 31
        keys = {y: date(y, month, day).toordinal() for y in years if _valid(y, month, day)}
    if weekday is not None and day is not None:
        # A weekday that agrees with one year outweighs the tense ("On Friday, Jan. 4").
        agreeing = {y: k for y, k in keys.items() if date.fromordinal(k).weekday() == weekday}
        if agreeing:
            chosen = _choose(agreeing, now, slack, direction)
            return chosen if chosen is not None else min(
                agreeing, key=lambda y: abs(agreeing[y] - now))
    return _choose(keys, now, slack, direction)


def _choose(keys: dict[int, int], now: int, slack: int, direction: _Direction) -> int | None:
    if direction == "past":
        fitting = [y for y, k in keys.items() if k <= now]
    elif direction == "before":
        fitting = [y for y, k in keys.items() if k < now]
    elif direction == "future":
        return min((y for y, k in keys.items() if k >= now), default=None)
    elif direction == "after":
        return min((y for y, k in keys.items() if k > now), default=None)
    else:
        fitting = [y for y, k in keys.items() if k <= now + slack]
    return max(fitting, default=None)


_WORD_BEFORE = re.compile(r"([A-Za-z][\w'’.]*)([^\w]*)$")


def _previous_word(text: str, start: int, *, adjacent: bool = False) -> str:
    """The word before ``start`` (with ``adjacent``, only if nothing but spaces parts them)."""
    found = _WORD_BEFORE.search(text[max(0, start - 40):start])
    if found is None or (adjacent and found[2].strip(" \t-")):
        return ""
    return found[1].rstrip(".")


def _after_name(text: str, start: int) -> bool:
    """Whether the number or month at ``start`` follows a capitalised word, as part of a name."""
    found = _WORD_BEFORE.search(text[max(0, start - 40):start])
    if found is None or found[2] not in (" ", "\u00a0"):
        return False
    word = found[1]
    if word in ("No.", "Nos."):
        return True
    if not word[:1].isupper() or word.endswith((".", "'s", "’s")):
        return False  # "Smith. 2020 was" ends a sentence; "Russia's 2014 annexation"
    return word.lower() not in NAME_OK_AFTER and word.lower() not in WEEKDAYS


def _quantity_follows(text: str, end: int) -> bool:
    found = re.match(r"\s*([A-Za-z]+)", text[end:end + 30])
    return found is not None and found[1].lower() in QUANTITY_WORDS
