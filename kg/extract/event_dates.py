"""The date of an event: which date expression of its sentence belongs to its trigger, resolved
against the publication date, the clause's tense and the narrative the text has reached.

A sentence's date expressions come from :func:`kg.temporal.expressions.find_dates`; three things are
added here, because they need the text around the sentence:

- **the narrative's date** (:class:`Narrative`): a retrospective that has reached "March 1995"
  puts "that June" in 1995 and "on July 17" next to it, not in the year before publication;
- **dates relative to the last one given**: "hours later", "the same day", "two days later",
  "later that month", "July of that year", "after a two-day chase" count from the last date the
  text named;
- **attachment**: a date that modifies another trigger ("ruling out the planned launch in
  September") is not this trigger's date; one that modifies the verb a noun trigger is the object
  of ("The same day, NASA announced an agreement") is.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from kg.extract.syntax import PERSON_LABELS, clause_verb
from kg.model import DateValue
from kg.nlp import doc_text
from kg.temporal.expressions import MONTHS, SEASONS, DateMention, Tense, find_dates, number_value

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_NOUN_POS = {"NOUN", "PROPN"}
_ARGUMENT_DEPS = {"dobj", "nsubj", "nsubjpass", "attr"}
_RAISING_DEPS = {"xcomp", "advcl", "ccomp"}
_NEWS_DAYS = 2  # a report's own day: at most this many days before its publication
_NEWS_SENTENCES = 3  # sentences after the one that named the news day in which a past verb still falls on it
_SCENE_SENTENCES = 1  # sentences after the one that named a day in which a past verb still falls on it
_NARRATIVE_GAP_DAYS = 366  # an explicit date further before publication sets the narrative's year


@dataclass
class Narrative:
    """What the text has reached so far: ``anchor``, the last explicit past day ("On July 15,
    1975"), near which a year-less day or month falls; ``story``, the last explicit past date of
    any precision, which "that June" refers to; ``last``, the last date named, from which "hours
    later" and "later that month" count."""

    anchor: DateValue | None = None
    story: DateValue | None = None
    last: DateValue | None = None
    age: int = 0
    """sentences since the one that named ``last`` (0: the sentence just read named it)"""
    anchor_nouns: Mapping[str, str] = field(default_factory=dict)
    """noun -> the event type it names when an event is dated from it ("hours after contact": Docking)"""
    event_days: Mapping[str, DateValue] = field(default_factory=dict)
    """event type -> the day of the last event of that type the text told as happened"""

    def new_paragraph(self) -> "Narrative":
        """Back in the present: the last date stays ("Two days later, ...") but not the story's
        year: "In April" after a present-tense sentence is read against the publication date."""
        return Narrative(last=self.last, age=self.age, anchor_nouns=self.anchor_nouns, event_days=self.event_days)

    def anchor_type(self, noun: str) -> str | None:
        """The event type an anchor noun names, singular or plural ("the launch", "the launches")."""
        noun = noun.lower()
        for form in (noun, noun[:-1], noun[:-2]) if noun.endswith("s") else (noun,):
            if form in self.anchor_nouns:
                return self.anchor_nouns[form]
        return None

    def after_event(self, event_type: str, when: DateValue | None) -> "Narrative":
        """The narrative once an event of ``event_type`` was told as happening on ``when`` (a day)."""
        if when is None or when.precision != "day":
            return self
        return replace(self, event_days={**self.event_days, event_type: when})

    def scene_day(self) -> DateValue | None:
        """The day the sentence just read named, which a past-tense sentence with no date of its
        own continues ("On Tuesday the crew boarded Soyuz 19. It lifted off at 3 p.m.")."""
        return self.last if self.age <= _SCENE_SENTENCES and self.last is not None and self.last.precision == "day" else None

    def past_scene(self, published: date | None) -> DateValue | None:
        """The past date, of any precision, the sentence just read named: "Once, in 1979. The
        Soviets launched Soyuz 34 empty"."""
        last = self.last
        if self.age != 0 or last is None or (published is not None and last.first_day() > published):
            return None
        return last

    def past_scene_day(self, published: date | None) -> DateValue | None:
        """:meth:`scene_day`, if it is not after ``published`` (a plan's day is no past event's); or,
        a few sentences on, the news day of a report: a day named last that is at most
        ``_NEWS_DAYS`` before publication ("docked on Thursday. ... After leak checks the hatches
        were opened"), while no earlier story is being told."""
        day = self.scene_day()
        if day is None and self.story is None and self.age <= _NEWS_SENTENCES and self.last is not None \
                and self.last.precision == "day" and published is not None \
                and 0 <= (published - self.last.first_day()).days <= _NEWS_DAYS:
            day = self.last
        if day is None or (published is not None and day.first_day() > published):
            return None
        return day


# --- dates relative to the last one named -------------------------------------------------------

_SAME_DAY = re.compile(  # "hours later", "three hours earlier", "later that day", "the same day", "that night",
    # "earlier in the day"
    r"(?i)\b(?:(?:hours?|minutes?)\s+(?:later|earlier)"
    r"|(?:later|earlier)\s+in\s+the\s+(?:day|morning|afternoon|evening)"
    r"|(?:later\s+|earlier\s+)?(?:that|the\s+same)\s+(?:day|morning|afternoon|evening|night))\b")
_DAYS_LATER = re.compile(  # "two days later", "a day earlier", "twelve days after that", "the next day", "the day before",
    # "two weeks later"
    r"(?i)\b(?:(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+(?P<unit>day|week)s?\s+"
    r"(?P<dir>later|earlier|after\s+that|afterwards?|before\s+that)"
    r"|the\s+(?P<next>next|following)\s+day|the\s+(?:previous\s+day|day\s+before)(?!\s+yesterday))\b")
_AFTER_A_TRIP = re.compile(  # "docked after a two-day chase", "arrived after a six-hour flight": the trip's length
    r"(?i)\bafter\s+an?\s+(?P<n>one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})[-\s](?P<unit>hour|day)\s+"
    r"(?:chase|flight|trip|journey|voyage|trek|pursuit|ride)\b")
_SAME_MONTH = re.compile(r"(?i)\b(?:later\s+|earlier\s+)?(?:that|the\s+same)\s+month\b")  # "later that month"
_WITHIN_DAYS = re.compile(r"(?i)\b(?:within\s+(?:a\s+few\s+)?days|(?<!\w\s)(?:a\s+few\s+)?days\s+later)\b")
""""within days", "days later": a day the text does not give, in the month of the last date."""
_MONTH_OF_THAT_YEAR = re.compile(  # "July of that year", "in December that year"
    r"\b(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+(?:of\s+)?(?:that|the\s+same)\s+year\b")
_SAME_YEAR = re.compile(  # "later that year", "that summer", "the same spring": the year of the last date named
    r"(?i)\b(?:later\s+|earlier\s+)?(?:that|the\s+same)\s+(?:year|" + "|".join(SEASONS) + r")\b")
_YEARS_LATER = re.compile(  # "two years later", "a decade earlier", "the following year", "the next month"
    r"(?i)\b(?:(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+"
    r"(?P<unit>year|month|decade)s?\s+(?P<dir>later|earlier|afterwards?)"
    r"|the\s+(?:following|next)\s+(?P<unit2>year|month))\b")
def shifted(day: DateValue | None, days: int) -> DateValue | None:
    """``day`` moved by ``days``; ``None`` unless ``day`` is a day, or when it leaves the calendar."""
    if day is None or day.precision != "day":
        return None
    try:
        return DateValue.from_date(date.fromisoformat(day.iso) + timedelta(days=days))
    except (OverflowError, ValueError):  # outside the calendar: not a date
        return None


_AFTER_EVENT = re.compile(  # "about two hours after contact", "soon after the handshake", "two days after launch"
    r"(?i)\b(?:(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2}|a\s+few|several)"
    r"\s+(?P<unit>minutes?|hours?|days?)|soon|shortly|just|moments|minutes|hours|right)"
    r"\s+(?P<dir>after|before)\s+(?:the\s+|its\s+|their\s+|that\s+)?(?P<noun>[a-z]+)\b")


_AFTER_THE_EVENT = re.compile(  # "after the launch", "right after the docking"; not "two years after the launch"
    r"(?i)(?<![a-z]s )(?<!day )(?<!week )(?<!month )(?<!year )(?<!decade )\bafter\s+(?:the|its|their)\s+(?P<noun>[a-z]+)\b")
"""An event noun after a bare "after": the day of the last such event the text told."""


_RELATIVE_WORDS = re.compile(r"(?i)\b(?:later|earlier|after|before|afterwards?|that|same|next|following|previous|day|within)\b")
"""A word every expression of ``_relative_mentions`` holds: a text without one has none."""


def _relative_mentions(text: str, narrative: Narrative) -> list[DateMention]:
    """The expressions of ``text`` that count from the last date the text named, or from the day
    of an event it told ("hours after the docking")."""
    if not _RELATIVE_WORDS.search(text):
        return []
    found = []
    for m in _AFTER_EVENT.finditer(text):
        value = _after_event(m, narrative)
        if value is not None:
            found.append(DateMention(m.group(), m.start(), m.end(), value, True))
    for m in _AFTER_THE_EVENT.finditer(text):  # "in a message sent to NASA after the launch": its day
        event_type = narrative.anchor_type(m["noun"])
        value = narrative.event_days.get(event_type) if event_type else None
        if value is not None and all(m.end() <= f.start or m.start() >= f.end for f in found):
            found.append(DateMention(m.group(), m.start(), m.end(), value, True))
    if narrative.last is None:
        return found
    last = narrative.last
    # "The same afternoon" after a sentence of background ("invited in 1993") is the story's day
    same_day = last if last.precision == "day" or narrative.anchor is None else narrative.anchor
    for pattern, resolve, base in ((_SAME_DAY, _same_day, same_day), (_DAYS_LATER, _days_later, last),
                                   (_AFTER_A_TRIP, _after_a_trip, last),
                                   (_MONTH_OF_THAT_YEAR, _month_of_year, last), (_SAME_MONTH, _same_month, last),
                                   (_WITHIN_DAYS, _same_month, last),
                                   (_SAME_YEAR, _same_year, last), (_YEARS_LATER, _years_later, last)):
        for m in pattern.finditer(text):
            value = resolve(m, base)
            if value is not None and all(m.end() <= f.start or m.start() >= f.end for f in found):
                found.append(DateMention(m.group(), m.start(), m.end(), value, True))
    return found


def _after_event(m: re.Match[str], narrative: Narrative) -> DateValue | None:
    """The day of "two days after launch": the day of the last launch told, moved by the days said;
    hours or minutes ("soon after the handshake") keep its day; "a few days" gives none."""
    event_type = narrative.anchor_type(m.group("noun"))
    day = narrative.event_days.get(event_type) if event_type else None
    if day is None:
        return None
    unit = (m.group("unit") or "").lower()
    if not unit.startswith("day"):
        return day
    days = number_value(" ".join(m.group("n").split()))
    if days is None:
        return None
    return shifted(day, days if m.group("dir").lower() == "after" else -days)


def _same_day(m: re.Match[str], last: DateValue) -> DateValue | None:
    return last if last.precision == "day" else None


def _days_later(m: re.Match[str], last: DateValue) -> DateValue | None:
    n = m.group("n")
    days = (number_value(n) if n else 1) * _UNIT_DAYS[(m.group("unit") or "day").lower()]
    if " ".join((m.group("dir") or "").lower().split()) in {"earlier", "before that"} or (n is None and m.group("next") is None):
        days = -days
    return shifted(last, days)


def _after_a_trip(m: re.Match[str], last: DateValue) -> DateValue | None:
    """The day a trip of the length said ends, counted from the last date: "after a two-day chase"
    two days on, "after a six-hour flight" the same day."""
    days = number_value(m.group("n")) if m.group("unit").lower() == "day" else 0
    return shifted(last, days) if days is not None else None


def _same_month(m: re.Match[str], last: DateValue) -> DateValue | None:
    return DateValue(last.iso[:7], "month") if last.precision != "year" else None


def _month_of_year(m: re.Match[str], last: DateValue) -> DateValue | None:
    return DateValue.of(last.year, MONTHS[m.group("month").lower()])


def _same_year(m: re.Match[str], last: DateValue) -> DateValue | None:
    return DateValue.of(last.year)


def _years_later(m: re.Match[str], last: DateValue) -> DateValue | None:
    """"two years later" (a year), "the following month" (a month, when the last date had one)."""
    unit = (m.group("unit") or m.group("unit2")).lower()
    count = number_value(m.group("n")) if m.group("n") else 1
    if count is None:
        return None
    if (m.group("dir") or "").lower() == "earlier":
        count = -count
    year = last.year
    if unit in {"year", "decade"}:
        return DateValue.of(year + count * (10 if unit == "decade" else 1))
    if last.precision == "year":
        return None
    months = year * 12 + int(last.iso[5:7]) - 1 + count
    return DateValue.of(months // 12, months % 12 + 1)


# --- the sentence's dates in the narrative ------------------------------------------------------

_DEICTIC = re.compile(r"(?i)\b(?:today|yesterday|tomorrow|this|last|next|ago|monday|tuesday|wednesday|thursday"
                      r"|friday|saturday|sunday)\b")
_YEAR_ANCHOR_BEFORE = re.compile(r"^\s*(?:In\s+)?$")  # "In 1998, ...": a year the sentence is set in


def sentence_dates(sent: "Span", tense: Tense, narrative: Narrative,
                   published: date | None) -> tuple[list[DateMention], Narrative]:
    """The dates of the sentence in order, year-less ones near the narrative's date (a plan's
    look ahead from publication), and those relative to the last date named; and the narrative
    at the end of the sentence."""
    narrative = replace(narrative)
    text = sent.text
    heading = _heading_year(sent)
    found = list(_dates_of(text, published, tense))
    local: DateValue | None = None  # an explicit date earlier in this sentence ("in March 1995, and that June")
    moved = False  # whether a date of this sentence has moved the narrative
    out: list[DateMention] = []
    for m in _in_order(found, text, narrative):
        anchor = _anchor_for(m, text, tense, narrative, local, heading)
        if anchor is not None:
            m = _near_anchor(m, anchor, published)
        out.append(m)
        if _in_offset_phrase(sent, m):
            continue  # "linked up two days after its Thursday night launch": the launch's day, not the story's
        if not _in_since_phrase(sent, m) and not _names_a_thing(sent, m):
            local = _advance(narrative, m, text, published) or local
            moved = True
        elif not moved and published is not None and (published - m.value.last_day()).days < _NARRATIVE_GAP_DAYS:
            narrative.last = m.value  # "chasing each other since Tuesday. Leonov lifted off first"
        # else "the first linkup since the Apollo-Soyuz mission of 1975", or "landed on Sunday with
        # Novitsky, who had been in orbit since April": background, not the story
    narrative.age = 0 if out else narrative.age + 1
    return _restated(out, text), narrative


_RESTATING_GAP = re.compile(r"\s*,\s*(?:on\s+|in\s+)?")


def _restated(mentions: list[DateMention], text: str) -> list[DateMention]:
    """The mentions, a day counted back from the report's taking the value of the date that restates
    it right after ("docked a week ago, on April 27": April 27, not seven days before publication)."""
    out = list(mentions)
    for i, (counted, named) in enumerate(zip(mentions, mentions[1:])):
        if _AGO.search(counted.text) and _RESTATING_GAP.fullmatch(text, counted.end, named.start):
            out[i] = replace(counted, value=named.value)
    return out


_YEAR_HEADING = re.compile(r"(?P<year>1[89]\d\d|20\d\d)\s*[:–—]\s")
"""A line that opens with a year and a colon or dash: an entry of a fact box or chronology
("1998: new agreement signed on Jan. 29; Zarya launched in November"), whose year-less dates fall
in that year."""


def _heading_year(sent: "Span") -> DateValue | None:
    """The year heading the line the sentence is on (:data:`_YEAR_HEADING`), if any."""
    text = doc_text(sent.doc)
    line_start = text.rfind("\n", 0, sent.start_char) + 1
    m = _YEAR_HEADING.match(text, line_start)
    return DateValue.of(int(m["year"])) if m else None


_MODIFIER_DEPS = {"compound", "nummod", "amod", "poss"}


def mention_span(sent: "Span", m: DateMention) -> "Span | None":
    """The words of date mention ``m`` of ``sent`` (its offsets are the sentence's)."""
    return sent.doc.char_span(sent.start_char + m.start, sent.start_char + m.end, alignment_mode="expand")


def _up_to_verb(sent: "Span", m: DateMention) -> list["Token"]:
    """The mention's head word and the words above it up to the first verb (or the sentence root),
    that one included; none when the mention has no words."""
    span = mention_span(sent, m)
    if span is None:
        return []
    nodes = [span.root]
    while nodes[-1].head != nodes[-1] and nodes[-1].pos_ not in {"VERB", "AUX"}:
        nodes.append(nodes[-1].head)
    return nodes


def _names_a_thing(sent: "Span", m: DateMention) -> bool:
    """Whether the mention is a year modifying a noun ("renewed the 1972 agreement", "the 1997
    collision"), or the date after "of" of someone's event ("named in honor of Yuri Gagarin's flight
    of April 12, 1961"): it says which thing, not where the text has moved to."""
    span = mention_span(sent, m)
    if span is None:
        return False
    root = span.root
    if m.value.precision == "year" and root.dep_ in _MODIFIER_DEPS and root.head.pos_ == "NOUN":
        return True
    of = root.head
    return (root.dep_ == "pobj" and of.lower_ == "of" and of.head.pos_ == "NOUN"
            and any(c.dep_ == "poss" for c in of.head.children))


def _in_offset_phrase(sent: "Span", m: DateMention) -> bool:
    """Whether the mention is inside a "two days after ..." phrase with no verb between ("two days
    after its Thursday night launch"): the day of the event counted from, told in passing."""
    return any(node.lower_ in _AFTER_BEFORE and node.dep_ == "prep"
               and any(c.dep_ == "npadvmod" and _amount_in_days(c) is not None for c in node.children)
               for node in _up_to_verb(sent, m)[1:])


def _in_since_phrase(sent: "Span", m: DateMention) -> bool:
    """Whether the mention is inside a "since" phrase with no verb between ("since 2018", "since the
    Apollo-Soyuz mission of 1975"): where a duration starts, not a date the text has moved to."""
    nodes = _up_to_verb(sent, m)
    return bool(nodes) and (any(node.lower_ == "since" and node.dep_ == "prep" for node in nodes[:-1])
                            or nodes[-1].lower_ == "since")


@functools.lru_cache(maxsize=2048)
def _dates_of(text: str, published: date | None, tense: Tense) -> tuple[DateMention, ...]:
    """The date expressions of a sentence (:func:`find_dates`), but not a dateline's ("PARIS, 18 March
    2022 -"), which gives the publication date, not an event's. Cached: a sentence is read once per
    trigger it holds."""
    found = find_dates(text, published, tense=tense)
    return tuple(m for m in found if not re.match(r"\s*[-\u2013\u2014]", text[m.end:m.end + 3]))


def _in_order(found: list[DateMention], text: str, narrative: Narrative):
    """The mentions and the expressions relative to the last date, in order; the latter are read
    when reached, from the date the text has named by then."""
    position = 0
    for m in [*found, None]:
        upto = m.start if m is not None else len(text)
        for rel in _relative_mentions(text[position:upto], narrative):
            yield replace(rel, start=rel.start + position, end=rel.end + position)
        if m is not None:
            yield m
            position = m.end


_SINCE = re.compile(r"(?i)\bsince\s+$")
_THAT_BEFORE = re.compile(r"(?i)\bthat\s+$")  # "that June", "that summer": the story's year


def _anchor_for(m: DateMention, text: str, tense: Tense, narrative: Narrative,
                local: DateValue | None, heading: DateValue | None = None) -> DateValue | None:
    """The date a year-less mention falls near, if not the publication date: the year heading its
    line, an earlier date of its sentence, or the narrative's."""
    if not m.relative or _DEICTIC.search(m.text) or tense == "future":
        return None
    if heading is not None:
        return heading
    if _THAT_BEFORE.search(text[:m.start]):  # "in April 2008, and that October": the same year
        story = local or narrative.story
        return DateValue.of(story.year) if story is not None else None
    return local or narrative.anchor


_AGO = re.compile(r"(?i)\bago\b")


def _advance(narrative: Narrative, m: DateMention, text: str, published: date | None) -> DateValue | None:
    """Move the narrative on past mention ``m``; the mention's value if it anchors the sentence's
    later year-less dates."""
    narrative.last = m.value
    told = m.relative and _AGO.search(m.text) is not None  # "twenty years ago today": a story's day, as if named
    if m.relative and not told and _DEICTIC.search(m.text):
        narrative.anchor = narrative.story = None  # "on Tuesday", "last month": back to the present
        return None
    if (m.relative and not told) or published is None or (published - m.value.last_day()).days < _NARRATIVE_GAP_DAYS:
        return None
    narrative.story = m.value
    if m.value.precision == "day":
        narrative.anchor = m.value
    if m.value.precision != "year" or _YEAR_ANCHOR_BEFORE.search(text[:m.start]):
        return m.value
    return None


def _near_anchor(m: DateMention, anchor: DateValue, published: date | None) -> DateMention:
    """A month (and day) without a year in a narrative that has reached ``anchor`` falls in the year
    that puts it nearest the anchor, never after publication."""
    parts = [int(p) for p in m.value.iso.split("-")]
    if len(parts) == 1:
        return m
    month, day = parts[1], parts[2] if len(parts) == 3 else None
    start = anchor.first_day()
    years = (start.year,) if anchor.precision == "year" else (start.year - 1, start.year, start.year + 1)
    best = None
    for year in years:
        try:
            candidate = date(year, month, day or 1)
        except ValueError:
            continue
        if published is not None and candidate > published:
            continue
        distance = abs((candidate - start).days)
        if best is None or distance < best[0]:
            best = (distance, year)
    return m if best is None else replace(m, value=DateValue.of(best[1], month, day))


# --- "two days after Atlantis lifted off": a date told from the sentence's main verb ---------------

_UNIT_DAYS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "hour": 0, "hours": 0, "minute": 0, "minutes": 0}
_UNIT_YEARS = {"year": 1, "years": 1, "decade": 10, "decades": 10}
_AFTER_BEFORE = {"after", "before"}


def offset_from_main(trigger: "Token") -> tuple["Token", int, "Token"] | None:
    """The verb a "two days after ..." phrase holding ``trigger`` modifies, and the days from it to
    the trigger's event: "docked on Thursday, two days after Atlantis lifted off" (-2), "a day after
    lifting off" (-1), "three days after their launch" (-3), "hours before the landing" (0),
    "boarded it on June 7, the day after their launch" (-1); and the amount ("two days")."""
    found = _offset_phrase(trigger)
    if found is None:
        return None
    main, mark, amount = found
    days = _amount_in_days(amount)
    if days is None:
        return None
    return main, -days if mark.lower_ == "after" else days, amount


def years_from_main(trigger: "Token") -> tuple["Token", int, bool] | None:
    """The verb a "fifty years after ..." phrase holding ``trigger`` modifies, the years from it to
    the trigger's event (-50), and whether it is "to the day": "lifted off on Saturday, fifty years
    to the day after Apollo 11 landed on the Moon"."""
    found = _offset_phrase(trigger)
    if found is None:
        return None
    main, mark, amount = found
    unit = _UNIT_YEARS.get(amount.lower_)
    count = next((c for c in amount.children if c.dep_ in {"nummod", "det"}), None)
    number = number_value(count.lower_) if unit is not None and count is not None else None
    if number is None:
        return None
    to_the_day = any(c.dep_ == "prep" and c.lower_ == "to" and any(o.lower_ == "day" for o in c.children)
                     for c in amount.children)
    years = number * unit
    return main, -years if mark.lower_ == "after" else years, to_the_day


def _offset_phrase(trigger: "Token") -> tuple["Token", "Token", "Token"] | None:
    """The main verb, the "after"/"before" and the amount of an offset phrase holding ``trigger``."""
    mark = next((c for c in trigger.children if c.dep_ == "mark" and c.lower_ in _AFTER_BEFORE), None)
    if mark is not None:  # "two days after Atlantis lifted off"
        main = trigger.head
        amount = next((c for c in trigger.children if c.dep_ == "npadvmod"), None) or _amount_before(mark)
    elif trigger.dep_ in {"pcomp", "pobj"} and trigger.head.lower_ in _AFTER_BEFORE:
        mark = trigger.head
        amount = next((c for c in mark.children if c.dep_ == "npadvmod"), None)
        main = mark.head
        if amount is None and mark.head.dep_ == "npadvmod":  # "a day after lifting off": "day" holds "after"
            amount, main = mark.head, mark.head.head
        elif amount is None and mark.head.dep_ == "appos":
            amount, main = mark.head, clause_verb(mark.head.head.head)  # "boarded it on June 7, the day after their launch"
    else:
        return None
    if amount is None or main == trigger or main.pos_ not in {"VERB", "AUX"}:
        return None
    return main, mark, amount


def _amount_before(mark: "Token") -> "Token | None":
    """An amount the parser hung elsewhere, right before "after": "on Saturday, fifty years to the day
    after Apollo 11 landed" ("years" in apposition to "Saturday")."""
    words = mark.doc[max(mark.sent.start, mark.i - 4):mark.i]
    return next((t for t in reversed(words) if (t.lower_ in _UNIT_DAYS or t.lower_ in _UNIT_YEARS)
                 and not (t.dep_ == "pobj" and t.head.lower_ == "to")), None)  # not "to the day"


def _amount_in_days(amount: "Token") -> int | None:
    """"two days" -> 2, "a day" -> 1, "a week" -> 7, "hours" -> 0; ``None`` for "several days"."""
    unit = _UNIT_DAYS.get(amount.lower_)
    if unit is None:
        return None
    if unit == 0:
        return 0
    count = next((c for c in amount.children if c.dep_ in {"nummod", "det"}), None)
    if count is None:
        return None
    number = 1 if count.lower_ == "the" else number_value(count.lower_)  # "the day after": one day
    return number * unit if number is not None else None


# --- which date is the trigger's ----------------------------------------------------------------

@dataclass(frozen=True)
class Owners:
    """Which triggers of a sentence a date attached to a word belongs to (:func:`date_owners`)."""

    by_token: dict[int, frozenset[int]]
    """token index -> the triggers a date attached to that token belongs to"""
    reporting: frozenset[int] = frozenset()
    """reporting triggers ("said on Feb. 26"), whose date may also be that of what they report"""


def date_owners(triggers: list["Token"], reporting: frozenset[int] = frozenset(),
                deciders: frozenset[int] = frozenset()) -> Owners:
    """Each trigger owns the dates attached to it, to the verbs it hangs from as a "to"-complement
    ("set to launch on September 21", "plans to meet on Thursday"), and, for a noun trigger, to the
    verb it is the argument of ("announced an agreement on Friday", "held talks on Tuesday"; not
    "arrived on Tuesday for talks", nor a decision about it: "postponed the launch on Monday" dates
    the postponement, a ``deciders`` trigger)."""
    owners: dict[int, set[int]] = {}
    for trigger in triggers:
        node = trigger
        owners.setdefault(node.i, set()).add(trigger.i)
        for modifier in describing_verbs(trigger):  # "their launch, set for Thursday"
            owners.setdefault(modifier.i, set()).add(trigger.i)
        if trigger.pos_ in _NOUN_POS and trigger.dep_ in _ARGUMENT_DEPS and trigger.head.i not in deciders:
            node = trigger.head
            owners.setdefault(node.i, set()).add(trigger.i)
        while node.dep_ in _RAISING_DEPS and infinitive_to(node) is not None:
            node = node.head
            owners.setdefault(node.i, set()).add(trigger.i)
    return Owners({i: frozenset(t) for i, t in owners.items()}, reporting)


def infinitive_to(verb: "Token") -> "Token | None":
    """The "to" of an infinitive ("set to launch", "is due to undock"), if ``verb`` has one."""
    return next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)


def describing_verbs(trigger: "Token") -> list["Token"]:
    """The participles that describe a noun trigger: "the launch, set for Thursday", "a docking
    planned for May", "the talks scheduled for next week" — not a clause with a subject of its own
    that the noun introduces ("a statement that the hatch would be opened")."""
    if trigger.pos_ not in _NOUN_POS:
        return []
    return [c for c in trigger.children if c.dep_ == "acl" and c.tag_ == "VBN"
            and not any(g.dep_ in {"nsubj", "nsubjpass", "mark"} for g in c.children)]


_RESCHEDULED_TO = frozenset({"from", "to", "until", "till"})
"""Prepositions that give a postponed event's old or new day ("put back the return from Sept. 8 to
Sept. 16"): not the day of the decision."""


def event_date(sent: "Span", trigger: "Token", owners: Owners, clause: tuple[int, int],
               mentions: list[DateMention], *, planned: bool = False,
               decision: bool = False) -> tuple[DateValue | None, int | None]:
    """The event's date: one attached to the trigger, else one in its clause, else in the sentence,
    never one attached to another trigger of the sentence (:func:`date_owners`); and how it attaches
    (0: to the trigger, 1: in its clause, 2: elsewhere in the sentence). A ``planned`` event does not
    take the date of the report that mentions it ("said on Tuesday he hoped for a summit"); a
    ``decision`` to postpone does not take the days it moves the event from and to."""
    if planned:
        owners = Owners(owners.by_token)
    spans = [(m, mention_span(sent, m)) for m in mentions]
    dated = {span.root.head.i for _, span in spans if span is not None and span.root.dep_ == "poss"}
    scored = []
    for m, span in spans:
        in_since = _SINCE.search(sent.text[:m.start]) or _in_since_phrase(sent, m)
        if span is None or (in_since and not _state_since(span, trigger) and not _dates_own_phrase(span, trigger)):
            continue  # "aboard since March", "the first talks since 2018": a duration's start
        if decision and span.root.head.lower_ in _RESCHEDULED_TO:
            continue  # "put back the return from Sept. 8 to Sept. 16"
        if _in_phrase_before_or_after(span, trigger):
            continue  # "reached after ten days of talks that began on May 29": the talks' day
        rank = _attachment(span, trigger, owners, clause, dated)
        if rank is not None:  # a day the text names beats one counted from an event ("shortly after launch on Jan. 28")
            counted = _AFTER_EVENT.fullmatch(m.text) is not None
            scored.append((rank, counted, abs(span.start - trigger.i), m.value))
    if not scored:
        return None, None
    rank, _, _, value = min(scored, key=lambda x: x[:3])
    return value, rank


BEFORE_OR_AFTER = frozenset({"after", "before", "following"})
"""Prepositions whose phrase dates what came before or after ("after a launch on Dec. 21")."""


def _dates_own_phrase(span: "Span", trigger: "Token") -> bool:
    """Whether the date is in the phrase of the event noun it dates ("since the loss of Challenger in
    January 1986": the loss's date, though a "since" phrase holds both)."""
    return trigger.pos_ in {"NOUN", "PROPN"} and span.root.head.i in {t.i for t in trigger.subtree}


def _in_phrase_before_or_after(span: "Span", trigger: "Token") -> bool:
    """Whether the date is inside an "after ..."/"before ..." phrase with a clause of its own
    ("after ten days of talks that began on May 29") that does not hold the trigger: the day of
    what came before or after, not the trigger's."""
    node = span.root
    crossed_clause = False
    while node.head != node:
        if node.dep_ in {"relcl", "acl", "pcomp", "advcl", "ccomp"}:
            crossed_clause = True
        if node.dep_ == "pobj" and node.head.lower_ in BEFORE_OR_AFTER:
            return crossed_clause and trigger not in node.head.subtree
        node = node.head
    return False


_STATE_VERBS = {"be", "remain", "stay"}


def _state_since(span: "Span", trigger: "Token") -> bool:
    """"Rogozin had been under sanctions since 2014": a state the trigger names began then."""
    node = span.root
    while node.head != node and node.pos_ not in {"VERB", "AUX"}:
        node = node.head
    return node.lemma_.lower() in _STATE_VERBS and trigger in node.subtree and trigger.pos_ in _NOUN_POS


def _attachment(span: "Span", trigger: "Token", owners: Owners, clause: tuple[int, int],
                dated: set[int]) -> int | None:
    """0: the date modifies the trigger (or a word that stands for it); ``None``: it modifies
    another trigger; 1: it is in the trigger's clause; 2: elsewhere. A noun that has a date of its
    own (``dated``: "called off Thursday's launch on Wednesday") passes a second one to its verb."""
    if trigger.head.i in range(span.start, span.end) and trigger.dep_ in {"relcl", "advcl"}:
        return 0  # "until 1995, when the shuttle docked"
    node = span.root
    if node.dep_ == "poss" and node.head != trigger:
        return 1  # "Thursday's launch": the launch's date
    while node.head != node:
        node = node.head
        if node.i in dated and span.root.dep_ != "poss":
            if node == trigger:
                return 1  # the noun's own date is its possessive one
            continue
        mine = owners.by_token.get(node.i, frozenset())
        if trigger.i in mine:
            return 0
        if mine and not mine <= owners.reporting:
            return None  # another trigger's date; a report's date may also be what it reports
        if node.pos_ in {"VERB", "AUX"}:
            if _describes_someone_else(node, trigger):
                return None  # "Krikalev, who spent ten months aboard Mir in 1991, is to fly on Discovery"
            break
    return 1 if clause[0] <= span.start and span.end <= clause[1] else 2


def _describes_someone_else(verb: "Token", trigger: "Token") -> bool:
    """Whether ``verb`` heads a relative clause about a person, with the trigger outside it
    ("Krikalev, who spent ten months aboard Mir in 1991, is to fly"): its dates are the person's
    story, not the trigger's ("Discovery comes up on STS-124, which is scheduled for May 31" dates
    the flight)."""
    return verb.dep_ == "relcl" and verb.head.ent_type_ in PERSON_LABELS and trigger not in verb.subtree
