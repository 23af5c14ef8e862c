"""Relative dates at the ends of the calendar (issue 10): an article published 0001-01-01 that says
"on Tuesday", or 9999-12-31 that says "tomorrow", raised ``OverflowError`` and aborted the whole
batch. A date that would fall outside 0001-01-01..9999-12-31 is now simply not resolved.
"""

from __future__ import annotations

from datetime import date

import pytest

from kg.temporal.expressions import find_dates, resolve_date

FIRST_DAY = date(1, 1, 1)  # a Monday
LAST_DAY = date(9999, 12, 31)  # a Friday

EXPRESSIONS = [
    "on Tuesday", "last Tuesday", "next Tuesday", "this Tuesday", "on Sunday", "on Friday",
    "yesterday", "tomorrow", "today", "the day before yesterday", "the day after tomorrow",
    "last night", "this morning", "last week", "next week", "this weekend", "next weekend",
    "last month", "next month", "last year", "next year", "last spring", "next summer",
    "five days ago", "two weeks ago", "three months ago", "ten years ago", "a century ago",
    "fifty years ago today", "on July 17", "last March", "next March", "in December",
    "July of last year", "July of next year", "March 3-5", "Friday, Jan. 4", "on 0000-01-01",
]


@pytest.mark.parametrize("published", [FIRST_DAY, LAST_DAY], ids=["0001-01-01", "9999-12-31"])
@pytest.mark.parametrize("tense", ["past", "future", "unknown"])
def test_dates_at_the_ends_of_the_calendar_resolve_or_are_left_out(published, tense):
    for expression in EXPRESSIONS:
        for mention in find_dates(f"The crew said it {expression}.", published, tense=tense):
            year = int(mention.value.iso[:4])
            assert 1 <= year <= 9999 and len(mention.value.iso.split("-")[0]) == 4, (expression, mention)


def test_dates_that_would_leave_the_calendar_are_not_resolved():
    assert resolve_date("on Tuesday", FIRST_DAY, tense="past") is None  # 0000-12-26
    assert resolve_date("tomorrow", LAST_DAY) is None
    assert resolve_date("next year", LAST_DAY) is None
    assert resolve_date("five years ago", FIRST_DAY) is None


def test_dates_inside_the_calendar_still_resolve_at_its_ends():
    assert resolve_date("yesterday", LAST_DAY).iso == "9999-12-30"
    assert resolve_date("tomorrow", FIRST_DAY).iso == "0001-01-02"
    assert resolve_date("last year", LAST_DAY).iso == "9998"
    assert resolve_date("on Tuesday", FIRST_DAY, tense="future").iso == "0001-01-02"


def test_a_day_counted_from_the_last_day_of_the_calendar_is_not_resolved(extract_text):
    """issue 10: "two days later" after a date of 9999-12-31 overflowed in the event extractor."""
    extraction = extract_text(
        "Soyuz MS-27 docked with the International Space Station on 9999-12-31. "
        "Two days later, Soyuz MS-27 undocked from the station.",
        published="9999-12-31",
    )
    assert all(event.date is None or event.date.iso <= "9999-12-31" for event in extraction.events)
