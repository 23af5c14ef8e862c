"""One timeline row per event, however many articles tell it (issue 11: ``kg query timeline`` on the
shipped corpus listed the 1975-07-15 launches ten times and the Zarya launch four times).

The unit tests give :func:`kg.store.history.merge` the rows the ``timeline`` SPARQL gives; the
command-line tests build articles written for them and ask the installed ``kg``."""

from __future__ import annotations

import json

import pytest

from conftest import run_kg
from kg.store.history import COLUMNS, MENTION_COLUMNS, merge

SOYUZ = "+urn:x:soyuz-19 Soyuz 19"
APOLLO = "+urn:x:apollo Apollo"
LEONOV, STAFFORD = "+urn:x:leonov Alexei Leonov", "+urn:x:stafford Tom Stafford"
NASA, USA = "-urn:x:nasa NASA", "-urn:x:usa United States"


def mention(document: str, date: str, *members: str, type_: str = "Launch", status: str = "happened",
            label: str = "", published: str = "", place: str = "", event: str = "") -> dict[str, str]:
    return {"date": date, "type": type_, "label": label or f"{type_} told by {document}", "members": "\n".join(sorted(members)),
            "place": place, "status": status, "document": document, "published": published,
            "event": event or f"urn:event:{document}:{type_}:{date}:{len(members)}"}


def merged(*mentions: dict[str, str]) -> list[dict[str, str]]:
    columns, rows = merge(MENTION_COLUMNS, mentions)
    assert columns == COLUMNS
    return rows


def test_one_launch_told_by_three_articles_is_one_row_dated_and_told_as_the_latest_article_tells_it():
    rows = merged(
        mention("preview.txt", "1975-07", SOYUZ, LEONOV, status="planned", label="Planned launch of Soyuz 19", published="1975-06-30"),
        mention("report.txt", "1975-07-15", SOYUZ, NASA, label="Launch of Soyuz 19", published="1975-07-16", place="Baikonur"),
        mention("retro.txt", "1975", "+urn:x:soyuz-19 Soyuz-19", LEONOV, label="Soyuz-19 flight", published="2015-07-15"),
    )
    assert len(rows) == 1
    row = rows[0]
    assert (row["date"], row["status"], row["label"], row["place"]) == ("1975-07-15", "happened", "Soyuz-19 flight", "Baikonur")
    assert row["participants"] == "Alexei Leonov; NASA; Soyuz-19"  # one label per IRI: the latest article's
    assert row["documents"] == "preview.txt; report.txt; retro.txt"
    assert row["events"].split("; ") == ["urn:event:preview.txt:Launch:1975-07:2", "urn:event:report.txt:Launch:1975-07-15:2",
                                         "urn:event:retro.txt:Launch:1975:2"]


def test_the_merged_label_names_the_craft_as_fully_as_an_article_does():
    rows = merged(
        mention("wire.txt", "2031-03-14", SOYUZ, LEONOV, label="Launch of Soyuz MS-58", published="2031-03-14"),
        mention("weekly.txt", "2031-03-14", SOYUZ, label="Launch of Soyuz", published="2031-03-20"),
    )
    (row,) = rows
    assert row["label"] == "Launch of Soyuz MS-58"  # "Launch of Soyuz" said more fully
    rows = merged(mention("wire.txt", "2031-03-14", SOYUZ, label="Soyuz MS-58 lifts off", published="2031-03-14"),
                  mention("weekly.txt", "2031-03-14", SOYUZ, label="Launch of Soyuz", published="2031-03-20"))
    assert rows[0]["label"] == "Launch of Soyuz"  # another wording is not a fuller one: the latest article's


def test_two_events_one_article_tells_apart_stay_two():
    rows = merged(mention("a.txt", "1975-07-15", SOYUZ, label="Launch of Soyuz 19"),
                  mention("a.txt", "1975-07-15", SOYUZ, LEONOV, label="Second launch"))
    assert len(rows) == 2


def test_a_mention_naming_too_much_does_not_tie_two_launches_of_one_day():
    rows = merged(
        mention("a.txt", "1975-07-15", SOYUZ, LEONOV, label="Launch of Soyuz 19"),
        mention("a.txt", "1975-07-15", APOLLO, STAFFORD, label="Launch of Apollo"),
        mention("b.txt", "1975-07-15", SOYUZ, LEONOV, label="Soyuz 19 lifts off"),
        mention("b.txt", "1975-07-15", APOLLO, STAFFORD, label="Apollo lifts off"),
        mention("c.txt", "1975-07-15", SOYUZ, APOLLO, label="Launch of Soyuz 19 and Apollo"),
    )
    by_documents = sorted(row["documents"] for row in rows)
    assert by_documents == ["a.txt; b.txt", "a.txt; b.txt", "c.txt"]


def test_an_agency_or_a_country_does_not_tie_two_events_of_named_people():
    rows = merged(mention("a.txt", "2025-07-31", NASA, USA, "+urn:x:duffy Sean Duffy", type_="Meeting"),
                  mention("b.txt", "2025-07-31", NASA, USA, "+urn:x:isaacman Jared Isaacman", type_="Meeting"),
                  mention("c.txt", "2025-07-31", NASA, type_="Meeting"))
    assert len(rows) == 3


def test_events_of_agencies_alone_are_one_when_told_to_the_same_day():
    rows = merged(mention("a.txt", "2022-02-26", "-urn:x:roscosmos Roscosmos", type_="Suspension"),
                  mention("b.txt", "2022-02-26", "-urn:x:roscosmos Roscosmos", NASA, type_="Suspension"),
                  mention("c.txt", "2022-02", "-urn:x:roscosmos Roscosmos", type_="Suspension"),
                  mention("d.txt", "2022-02-27", "-urn:x:roscosmos Roscosmos", type_="Suspension"))
    assert sorted((row["date"], row["documents"]) for row in rows) == [
        ("2022-02", "c.txt"), ("2022-02-26", "a.txt; b.txt"), ("2022-02-27", "d.txt")]


@pytest.mark.parametrize(("first", "second"), [
    (mention("a.txt", "", SOYUZ), mention("b.txt", "", SOYUZ)),  # undated: nothing places them
    (mention("a.txt", "1975-07-15", SOYUZ), mention("b.txt", "1975-07-21", SOYUZ)),  # two days
    (mention("a.txt", "1975-07-15", SOYUZ), mention("b.txt", "1975-07-15", SOYUZ, type_="Landing")),  # two types
])
def test_what_is_not_one_event_stays_two_rows(first, second):
    assert len(merged(first, second)) == 2


def test_a_vague_mention_that_fits_two_events_equally_stays_on_its_own():
    rows = merged(
        mention("a.txt", "1995-06-29", "+urn:x:atlantis Atlantis", "+urn:x:mir Mir", type_="Docking"),
        mention("b.txt", "1995-11-15", "+urn:x:atlantis Atlantis", "+urn:x:mir Mir", type_="Docking"),
        mention("c.txt", "1995", "+urn:x:atlantis Atlantis", "+urn:x:mir Mir", type_="Docking"),
    )
    assert [row["date"] for row in rows] == ["1995", "1995-06-29", "1995-11-15"]


def test_a_vague_mention_joins_the_event_it_shares_most_with():
    rows = merged(
        mention("a.txt", "1972-05-24", "+urn:x:nixon Richard Nixon", "+urn:x:kosygin Alexei Kosygin", type_="Agreement"),
        mention("a.txt", "1972-05-23", "+urn:x:nixon Richard Nixon", "+urn:x:podgorny Nikolai Podgorny", type_="Agreement"),
        mention("b.txt", "1972-05", "+urn:x:nixon Richard M. Nixon", "+urn:x:kosygin Aleksei Kosygin", type_="Agreement"),
    )
    assert [(row["date"], row["documents"]) for row in rows] == [("1972-05-23", "a.txt"), ("1972-05-24", "a.txt; b.txt")]


def test_merged_rows_are_in_date_order_with_undated_last():
    rows = merged(mention("a.txt", "", SOYUZ), mention("a.txt", "2001-04", APOLLO), mention("b.txt", "1975-07-15", LEONOV))
    assert [row["date"] for row in rows] == ["1975-07-15", "2001-04", ""]


def test_rows_without_the_columns_a_merge_needs_are_refused():
    with pytest.raises(ValueError, match="members"):
        merge(("date", "type"), [])


# --- through the installed kg ------------------------------------------------------------------

REPORT = """---
title: Russian module reaches orbit
published: 2031-03-15
---
A Proton rocket launched the Orion-Gate module from Baikonur on March 14, 2031.
Roscosmos said the module unfolded its solar arrays an hour later.
"""

FOLLOW_UP = """---
title: Station crew prepares for the new module
published: 2031-04-02
---
The Orion-Gate module, launched by a Proton rocket on March 14, will dock with the station next week.
NASA and Roscosmos flight controllers rehearsed the approach on Tuesday.
"""


def kg_json(*args: str) -> list[dict[str, str]]:
    result = run_kg(*args, "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_kg_query_timeline_tells_an_event_two_articles_tell_once(tmp_path):
    corpus = tmp_path / "articles"
    corpus.mkdir()
    (corpus / "report.md").write_text(REPORT, encoding="utf-8")
    (corpus / "follow-up.md").write_text(FOLLOW_UP, encoding="utf-8")
    out = tmp_path / "out"
    build = run_kg("build", str(corpus), "-o", str(out))
    assert build.returncode == 0, build.stderr

    launches = [row for row in kg_json("query", "events", "-g", str(out), "--param", "type=Launch")]
    assert {row["document"] for row in launches} == {"report.md", "follow-up.md"}  # each article's own event
    timeline = [row for row in kg_json("query", "timeline", "-g", str(out)) if row["type"] == "Launch"]
    assert [(row["date"], row["documents"]) for row in timeline] == [("2031-03-14", "follow-up.md; report.md")]
    assert len(timeline[0]["events"].split("; ")) == 2

    # The same from the store, without the listing the build wrote, and after a third article is added.
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "third.md").write_text(REPORT.replace("2031-03-15", "2031-03-20"), encoding="utf-8")
    added = run_kg("add", str(tmp_path / "more" / "third.md"), "-g", str(out))
    assert added.returncode == 0, added.stderr
    timeline = [row for row in kg_json("query", "timeline", "-g", str(out)) if row["type"] == "Launch"]
    assert [(row["date"], row["documents"]) for row in timeline] == [("2031-03-14", "follow-up.md; report.md; third.md")]
