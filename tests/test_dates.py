"""Tests for kg.temporal.expressions: date expressions in news sentences, resolved with their precision.

Sentences are taken from the dev corpus (tests cite the article); expected values were worked
out by hand from the calendar (weekdays checked with ``calendar.day_name``), e.g.
2019-03-18 Monday, 2022-07-18 Monday, 1995-06-29 Thursday, 2000-11-02 Thursday,
2022-03-18 Friday, 2025-08-01 Friday.
"""

from __future__ import annotations

import doctest
import subprocess
import sys
from datetime import date, datetime

import pytest

import kg.temporal.expressions as dates_module
from kg.temporal.expressions import find_dates, resolve_date
from kg.model import DateValue

APOLLO = date(2025, 7, 17)      # dev-01, a Thursday
SHUTTLE_MIR = date(1995, 6, 29)  # dev-02, a Thursday
ISS = date(2000, 11, 2)          # dev-03, a Thursday
SEAT_SWAP = date(2022, 7, 18)    # dev-04, a Monday
ABORT = date(2019, 3, 18)        # dev-05, a Monday
EXOMARS = date(2022, 3, 18)      # dev-06, a Friday
SEED = date(2025, 8, 1)          # seed, a Friday

# (sentence, publication date, tense, [(mention text, ISO value), ...])
CORPUS_CASES = [
    # dev-05-soyuz-ms10-abort
    ("When Nick Hague and Aleksey Ovchinin lifted off from the Baikonur Cosmodrome last "
     "Thursday aboard Soyuz MS-12", ABORT, "past", [("last Thursday", "2019-03-14")]),
    ("they closed a loop that opened five months ago with one of the most frightening moments",
     ABORT, "past", [("five months ago", "2018-10")]),
    ("On Oct. 11, Hague, a NASA astronaut, and Ovchinin, the Roscosmos cosmonaut commanding "
     "Soyuz MS-10, were about two minutes into their climb", ABORT, "past",
     [("Oct. 11", "2018-10-11")]),
    ("On Nov. 1 a Roscosmos commission blamed a sensor", ABORT, "past", [("Nov. 1", "2018-11-01")]),
    ("crewed flights resumed on Dec. 3, when Soyuz MS-11 carried cosmonaut Oleg Kononenko",
     ABORT, "past", [("Dec. 3", "2018-12-03")]),
    ("During his October trip, Bridenstine had invited Rogozin to visit the United States in "
     "February", ABORT, "past", [("October", "2018-10"), ("February", "2019-02")]),
    ("But Rogozin had been under U.S. sanctions since 2014", ABORT, "past", [("2014", "2014")]),
    ("when the plan drew wide attention at the start of January, senators from both parties "
     "objected", ABORT, "past", [("January", "2019-01")]),
    ("On Friday, Jan. 4, NASA said the trip would be postponed.", ABORT, "unknown",
     [("Friday, Jan. 4", "2019-01-04")]),
    ("An uncrewed Crew Dragon completed a test flight to the station earlier this month",
     ABORT, "past", [("earlier this month", "2019-03")]),
    ("Watching from the cosmodrome were Jim Bridenstine and Dmitry Rogozin, who had held cordial "
     "talks there in the days before the launch.", ABORT, "past", []),
    # dev-04-seat-swap
    ("under an agreement made public last Friday that keeps both the United States and Russia "
     "represented", SEAT_SWAP, "past", [("last Friday", "2022-07-15")]),
    ("said the document had been signed on Thursday, a day before NASA announced it",
     SEAT_SWAP, "past", [("Thursday", "2022-07-14")]),
    ("Soyuz MS-22, a Russian spacecraft set to launch from the Baikonur Cosmodrome in Kazakhstan "
     "on September 21", SEAT_SWAP, "future", [("September 21", "2022-09-21")]),
    ("Anna Kikina will fly on NASA's Crew-5 mission from the Kennedy Space Center later this "
     "fall", SEAT_SWAP, "future", [("later this fall", "2022")]),
    ("A second exchange, for Loral O'Hara and Andrei Fedyaev, is planned for next year.",
     SEAT_SWAP, "future", [("next year", "2023")]),
    ("Rogozin, a combative former politician who took over the agency in May 2018, had clashed "
     "publicly", SEAT_SWAP, "past", [("May 2018", "2018-05")]),
    ("NASA has said it intends to keep the station flying through 2030; Russia has not made a "
     "matching commitment beyond 2024.", SEAT_SWAP, "unknown", []),
    ("Borisov, 65, previously served as a deputy defense minister.", SEAT_SWAP, "past", []),
    ("Crews have flown in mixed teams for most of the station's two decades of continuous "
     "occupation", SEAT_SWAP, "past", []),
    # dev-02-shuttle-mir
    ("HOUSTON (June 29) - The U.S. space shuttle Atlantis docked with Russia's Mir space station "
     "on Thursday, the first linkup since the Apollo-Soyuz mission of 1975.", SHUTTLE_MIR,
     "past", [("June 29", "1995-06-29"), ("Thursday", "1995-06-29"), ("1975", "1975")]),
    ("two days after Atlantis lifted off from the Kennedy Space Center in Florida on mission "
     "STS-71. The joined ships form the largest spacecraft, with 10 people aboard.",
     SHUTTLE_MIR, "past", []),
    ("when he launched on Soyuz TM-21 with Dezhurov and Strekalov from the Baikonur Cosmodrome "
     "in Kazakhstan on March 14", SHUTTLE_MIR, "past", [("March 14", "1995-03-14")]),
    ("he will have logged about 115 days in space by the time he returns", SHUTTLE_MIR,
     "future", []),
    ("Undocking is scheduled for next Tuesday, and Atlantis is due to land at the Kennedy Space "
     "Center on July 7.", SHUTTLE_MIR, "future",
     [("next Tuesday", "1995-07-04"), ("July 7", "1995-07-07")]),
    ("the European Space Agency plans to fly its astronaut Thomas Reiter to Mir on a Russian "
     "Soyuz later this year", SHUTTLE_MIR, "future", [("later this year", "1995")]),
    # dev-01-apollo-soyuz
    ("Fifty years ago today, an American Apollo spacecraft and a Soviet Soyuz closed the last "
     "few meters between them", APOLLO, "past", [("Fifty years ago today", "1975-07-17")]),
    ("On May 24, 1972, President Richard Nixon and Soviet Premier Alexei Kosygin signed a space "
     "cooperation agreement", APOLLO, "past", [("May 24, 1972", "1972-05-24")]),
    ("On July 15, 1975, Soyuz 19 lifted off from the Baikonur Cosmodrome", APOLLO, "past",
     [("July 15, 1975", "1975-07-15")]),
    ("Leonov needed no introduction: a decade earlier he had become the first person to leave a "
     "spacecraft", APOLLO, "past", []),
    ("Kept on the ground for a decade by a heart condition, Slayton was 51 when he finally "
     "reached orbit.", APOLLO, "past", []),
    ("Cosmonauts Pyotr Klimuk and Vitaly Sevastyanov were living aboard the Soviet station "
     "Salyut 4.", APOLLO, "past", []),
    ("No American flew in space again until the first Space Shuttle mission in April 1981.",
     APOLLO, "past", [("April 1981", "1981-04")]),
    ("Leonov died in 2019; Stafford, the American commander, died in March 2024.", APOLLO,
     "past", [("2019", "2019"), ("March 2024", "2024-03")]),
    # seed-nasa-roscosmos-talks
    ("The July 31st meeting in the United States brought together NASA's Acting Administrator, "
     "Sean Duffy, and Roscosmos Director General, Dmitry Bakanov.", SEED, "past",
     [("July 31st", "2025-07-31")]),
    ("From the symbolic Apollo-Soyuz Test Project in 1975 to the decades-long collaborative "
     "operation of the ISS", SEED, "past", [("1975", "1975")]),
    # dev-06-exomars-suspension
    ("PARIS, 18 March 2022 — The European Space Agency (ESA) has suspended its cooperation with "
     "Roscosmos, ending any prospect of a launch this year.", EXOMARS, "past",
     [("18 March 2022", "2022-03-18"), ("this year", "2022")]),
    ("The decision was taken on Thursday by ESA's ruling Council at a meeting in Paris.",
     EXOMARS, "past", [("Thursday", "2022-03-17")]),
    ("Rosalind Franklin rover was to leave the Baikonur Cosmodrome in September on a Russian "
     "Proton rocket", EXOMARS, "future", [("September", "2022-09")]),
    ("On February 28, ESA had already warned that a 2022 launch had become very unlikely.",
     EXOMARS, "past", [("February 28", "2022-02-28"), ("2022", "2022")]),
    ("under an agreement the two agencies signed in Paris in March 2013", EXOMARS, "past",
     [("March 2013", "2013-03")]),
    ("the Trace Gas Orbiter launched jointly by ESA and Roscosmos in 2016", EXOMARS, "past",
     [("2016", "2016")]),
    ("China's space agency, whose Zhurong rover landed on Mars in May 2021, has no role in "
     "ExoMars.", EXOMARS, "past", [("May 2021", "2021-05")]),
    # dev-03-iss-first-modules
    ("MOSCOW, Nov. 2 — An American astronaut and two Russian cosmonauts floated into the "
     "International Space Station on Thursday", ISS, "past",
     [("Nov. 2", "2000-11-02"), ("Thursday", "2000-11-02")]),
    ("two days after lifting off from the Baikonur Cosmodrome in Kazakhstan on Tuesday. The "
     "Expedition 1 crew is commanded by William Shepherd.", ISS, "past",
     [("Tuesday", "2000-10-31")]),
    ("The three plan to return home aboard a space shuttle early next year.", ISS, "future",
     [("early next year", "2001")]),
    ("On Dec. 10, 1998, he and shuttle commander Robert Cabana became the first people to float "
     "inside the new station", ISS, "past", [("Dec. 10, 1998", "1998-12-10")]),
    ("Russia's Zvezda service module docked with the pair in July of this year.", ISS, "past",
     [("July of this year", "2000-07")]),
    ("the shuttle Endeavour is scheduled to lift off later this month", ISS, "future",
     [("later this month", "2000-11")]),
    ("The orbiter is due to land in Florida in the middle of the month.", ISS, "future",
     [("the middle of the month", "2000-11")]),
    ("Both crews will come home by the end of the year.", ISS, "future", [("the end of the year", "2000")]),
    ("By the end of the year the station had two modules.", ISS, "past", []),  # the story's year, not known here
    ("NASA cut its contacts in April of that year.", ISS, "past", []),  # the narrative's year, not publication's
    ("That June, the agency's chief said so.", ISS, "past", [("June", "2000-06")]),  # "That" opening a sentence is no name
    ("The two probes were launched on Dec. 15 and Dec. 21, 1984.", ISS, "past",
     [("Dec. 15", "1984-12-15"), ("Dec. 21, 1984", "1984-12-21")]),  # the year of the date coordinated after
]


def found(text, published, tense="unknown", **kwargs):
    return [(m.text, m.value.iso) for m in find_dates(text, published, tense=tense, **kwargs)]


@pytest.mark.parametrize(("text", "published", "tense", "expected"), CORPUS_CASES)
def test_find_dates_corpus_sentences(text, published, tense, expected):
    assert found(text, published, tense) == expected


@pytest.mark.parametrize(("text", "published", "tense", "expected"), CORPUS_CASES)
def test_find_dates_offsets_point_at_the_mention(text, published, tense, expected):
    for mention in find_dates(text, published, tense=tense):
        assert text[mention.start:mention.end] == mention.text


@pytest.mark.parametrize("text", [
    "Soyuz 19 docked with Apollo while Salyut 4 stayed in orbit.",
    "Atlantis flew STS-71 and the Expedition 1 crew arrived later.",
    "The Mars 2020 rover and the Vision 2030 plan were discussed.",
    "He will have logged about 115 days in space.",
    "The joined ships carry 10 people and about 2000 people watched.",
    "Borisov, 65, previously served as a deputy defense minister.",
    "Crews have flown together for two decades.",
    "The burn starts at 2030 GMT over a 1,975-kilometer arc.",
    "Budgets were cut in the 1990s.",
    "May I ask whether Rogozin may visit?",
    "April Ryan asked the question.",
    "Get the Space briefing in your inbox every Friday.",
    "The talks ran in the days before the launch.",
    "A decade earlier he had walked in open space.",
    "Flight No. 2019 was canceled.",
    "China launched the module on a Long March 5 rocket; another Long March rocket waits.",
])
def test_find_dates_ignores_numbers_and_words_that_are_not_dates(text):
    assert find_dates(text, SEAT_SWAP) == []


def test_a_month_after_a_place_is_a_date_unless_it_is_spelt_like_a_name():
    # issue 11: "will return to Earth Oct. 11" lost its day, taken for part of a name like "Long March 5"
    assert [m.value.iso for m in find_dates("He will return to Earth Oct. 11.", SEAT_SWAP, tense="future")] == ["2022-10-11"]
    assert [m.value.iso for m in find_dates("They land in Kazakhstan December 2.", SEAT_SWAP, tense="future")] == ["2022-12-02"]
    assert find_dates("A Long March 5 rocket and Theresa May 4 times.", SEAT_SWAP) == []


@pytest.mark.parametrize(("text", "tense", "expected"), [
    # published 2022-03-18: a month and day without a year, by tense
    ("on April 2", "past", "2021-04-02"),
    ("on April 2", "unknown", "2022-04-02"),   # within a month after publication
    ("on May 2", "unknown", "2021-05-02"),     # more than a month after: last year's
    ("on May 2", "future", "2022-05-02"),
    ("on March 1", "future", "2023-03-01"),    # already past this year: next year's
    ("on March 18", "past", "2022-03-18"),     # the publication day itself counts
    ("in September", "unknown", "2021-09"),
    ("in September", "future", "2022-09"),
    ("in April", "unknown", "2022-04"),
    ("last March", "unknown", "2021-03"),      # "last" excludes the current month
    ("next March", "unknown", "2023-03"),
    ("this September", "past", "2022-09"),
])
def test_find_dates_year_of_a_date_without_one_follows_the_tense(text, tense, expected):
    assert found(text, EXOMARS, tense) == [(text.removeprefix("on ").removeprefix("in "),
                                            expected)]


@pytest.mark.parametrize(("text", "tense", "expected"), [
    # published Monday 2022-07-18
    ("on Monday", "past", "2022-07-18"),       # today counts for the past
    ("on Monday", "unknown", "2022-07-18"),
    ("on Monday", "future", "2022-07-25"),
    ("on Tuesday", "past", "2022-07-12"),
    ("on Tuesday", "future", "2022-07-19"),
    ("last Monday", "unknown", "2022-07-11"),
    ("next Monday", "unknown", "2022-07-25"),
    ("this Friday", "future", "2022-07-22"),
    ("this Friday", "past", "2022-07-15"),
    ("late on Monday", "future", "2022-07-18"),  # "is due to land late on Monday" in a Monday paper
    ("early Monday", "future", "2022-07-18"),
])
def test_find_dates_weekdays_resolve_around_publication(text, tense, expected):
    assert found(text, SEAT_SWAP, tense)[0][1] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # published Thursday 2011-09-01: "last" is that day of the week before (news style)
    ("last Wednesday", "2011-08-24"),
    ("last Thursday", "2011-08-25"),
    ("last Friday", "2011-08-26"),
    ("on Wednesday", "2011-08-31"),
])
def test_find_dates_last_weekday_is_in_the_week_before(text, expected):
    assert found(text, date(2011, 9, 1), "past")[0][1] == expected


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("today", SEAT_SWAP, "2022-07-18"),
    ("yesterday", SEAT_SWAP, "2022-07-17"),
    ("tomorrow", SEAT_SWAP, "2022-07-19"),
    ("last night", SEAT_SWAP, "2022-07-17"),
    ("the day before yesterday", SEAT_SWAP, "2022-07-16"),
    ("last year", SEAT_SWAP, "2021"),
    ("this year", SEAT_SWAP, "2022"),
    ("last month", SEAT_SWAP, "2022-06"),
    ("next month", SEAT_SWAP, "2022-08"),
    ("last month", date(2019, 1, 10), "2018-12"),
    ("later this month", SEAT_SWAP, "2022-07"),
    ("the end of this year", SEAT_SWAP, "2022"),
    ("last week", SEAT_SWAP, "2022-07"),             # Jul 11-17: one month
    ("last week", date(2022, 7, 4), "2022"),         # Jun 27-Jul 3: only the year is sure
    ("last summer", SEAT_SWAP, "2021"),              # this summer is not over yet
    ("last spring", SEAT_SWAP, "2022"),
    ("next spring", SEAT_SWAP, "2023"),
    ("three days ago", SEAT_SWAP, "2022-07-15"),
    ("2 weeks ago", SEAT_SWAP, "2022-07-04"),
    ("six months ago", SEAT_SWAP, "2022-01"),
    ("a year ago", SEAT_SWAP, "2021"),
    ("two decades ago", SEAT_SWAP, "2002"),
    ("twenty-five years ago", SEAT_SWAP, "1997"),
    ("half a century ago", SEAT_SWAP, "1972"),
])
def test_find_dates_relative_expressions(text, published, expected):
    assert found(text, published) == [(text, expected)]


@pytest.mark.parametrize(("text", "expected"), [
    ("2022-07-18", DateValue("2022-07-18", "day")),
    ("18 March 2022", DateValue("2022-03-18", "day")),
    ("the 17th of July 1975", DateValue("1975-07-17", "day")),
    ("Sept. 21, 2022", DateValue("2022-09-21", "day")),
    ("July 15-24, 1975", DateValue("1975-07", "month")),   # a span of days: its month
    ("July of 1975", DateValue("1975-07", "month")),
    ("in 1975", DateValue("1975", "year")),
    ("7/4/1975", DateValue("1975-07-04", "day")),          # US order
])
def test_find_dates_absolute_forms_keep_their_precision(text, expected):
    mentions = find_dates(text, None)
    assert [(m.value, m.relative) for m in mentions] == [(expected, False)]


def test_find_dates_without_publication_date_keeps_only_dates_with_a_year():
    text = "On May 24, 1972, they signed; on July 17 they docked, last Thursday they met in 1975."
    assert found(text, None) == [("May 24, 1972", "1972-05-24"), ("1975", "1975")]


def test_find_dates_context_year_places_a_day_in_the_narrative_year():
    # dev-01: a 2025 article telling the 1975 flight; dev-03: a 2000 article telling 1998.
    text = "Two days after launch, on July 17, Stafford eased Apollo into contact with the Soyuz."
    assert found(text, APOLLO, "past") == [("July 17", "2025-07-17")]
    assert found(text, APOLLO, "past", context_year=1975) == [("July 17", "1975-07-17")]
    endeavour = "Endeavour followed from the Kennedy Space Center in Florida on Dec. 4."
    assert found(endeavour, ISS, "past", context_year=1998) == [("Dec. 4", "1998-12-04")]


def test_find_dates_weekday_picks_the_year_it_agrees_with():
    # Jan. 4 was a Friday in 2019 only: the weekday outweighs a future tense.
    assert found("On Friday, Jan. 4, NASA said the trip would be postponed.", ABORT,
                 "future") == [("Friday, Jan. 4", "2019-01-04")]


def test_find_dates_leap_day_without_year_goes_to_a_leap_year():
    assert found("on Feb. 29", date(2021, 3, 1), "past") == [("Feb. 29", "2020-02-29")]


def test_find_dates_marks_relative_mentions():
    mentions = find_dates("sanctioned since 2014 and postponed last Thursday", ABORT)
    assert [(m.text, m.relative) for m in mentions] == [("2014", False), ("last Thursday", True)]


def test_find_dates_accepts_a_datetime_as_publication_date():
    assert found("last Thursday", datetime(2019, 3, 18, 9, 30)) == [
        ("last Thursday", "2019-03-14")]


def test_find_dates_rejects_an_unknown_tense():
    with pytest.raises(ValueError, match="tense"):
        find_dates("last Thursday", ABORT, tense="past perfect")  # type: ignore[arg-type]


@pytest.mark.parametrize(("expression", "published", "tense", "expected"), [
    ("on September 21", SEAT_SWAP, "future", DateValue("2022-09-21", "day")),
    ("Fifty years ago today", APOLLO, "past", DateValue("1975-07-17", "day")),
    ("later this fall", SEAT_SWAP, "future", DateValue("2022", "year")),
    ("Tuesday, July 15, 1975", None, "unknown", DateValue("1975-07-15", "day")),
    ("two decades", SEAT_SWAP, "past", None),
    ("65", SEAT_SWAP, "past", None),
    ("last Thursday", None, "past", None),
])
def test_resolve_date(expression, published, tense, expected):
    assert resolve_date(expression, published, tense=tense) == expected


def test_resolve_date_prefers_the_longest_expression():
    assert resolve_date("in 1975, on July 15, 1975", None) == DateValue("1975-07-15", "day")


def test_docstring_examples_run():
    result = doctest.testmod(dates_module)
    assert result.attempted > 0 and result.failed == 0


def test_import_is_light():
    code = "import sys, kg.temporal.expressions; print('dateparser' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(("text", "expected"), [
    # issue 11: "On May 11 of last year" was only "last year", and the "May 18" a week later took
    # the publication's year
    ("On May 11 of last year the two agencies signed", [("May 11 of last year", "2021-05-11")]),
    ("is due on Jan. 9 of next year", [("Jan. 9 of next year", "2023-01-09")]),
    ("on April 2 of this year", [("April 2 of this year", "2022-04-02")]),
])
def test_a_month_and_day_of_last_this_or_next_year(text, expected):
    assert found(text, EXOMARS, "past") == expected
