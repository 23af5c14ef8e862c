"""The shipped gazetteer loads and is sound; lookups, tenures and type guesses behave."""

from __future__ import annotations

import doctest
import re
import textwrap
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest
import yaml

import kg.gazetteer
from kg.errors import DataError
from kg.gazetteer import ENTITY_TYPES, Gazetteer, load_gazetteer
from kg.names import name_key


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "gazetteer.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


# ---------------------------------------------------------------- the shipped file


def test_gazetteer_shipped_file_loads_with_broad_coverage(gaz):
    assert len(gaz) >= 250
    counts = defaultdict(int)
    for entry in gaz.entries.values():
        counts[entry.type] += 1
    assert set(counts) == set(ENTITY_TYPES)
    assert gaz.patterns and gaz.head_words


def test_gazetteer_shipped_load_is_cached():
    assert load_gazetteer() is load_gazetteer()


def test_gazetteer_every_entry_has_label_type_and_slug_id(gaz):
    raw = yaml.safe_load((Path(kg.gazetteer.__file__).parent / "data" / "gazetteer.yaml").read_text("utf-8"))
    ids = [item["id"] for item in raw["entities"]]
    assert len(ids) == len(set(ids)) == len(gaz)
    for entry in gaz.entries.values():
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", entry.id), entry.id
        assert entry.label.strip(), entry.id
        assert entry.type in ENTITY_TYPES, entry.id


def test_gazetteer_wikidata_ids_are_qids(gaz):
    qids = [e.wikidata for e in gaz.entries.values() if e.wikidata is not None]
    assert qids
    assert all(re.fullmatch(r"Q[1-9]\d*", q) for q in qids)
    assert len(qids) == len(set(qids)), "two entries share a Wikidata item"


def test_gazetteer_references_point_at_entries_of_the_right_kind(gaz):
    for entry in gaz.entries.values():
        if entry.country is not None:
            assert gaz.get(entry.country).type == "Country", entry.id
        for position in entry.positions:
            assert entry.type == "Person"
            assert gaz.get(position.organization) is not None, entry.id


def test_gazetteer_no_proper_name_belongs_to_two_entries(gaz):
    owners = defaultdict(set)
    for surface, entry, kind in gaz.iter_surface_forms():
        if kind != "description":
            owners[name_key(surface)].add(entry.id)
    shared = {key: ids for key, ids in owners.items() if len(ids) > 1}
    assert not shared


def test_gazetteer_common_words_are_marked_ambiguous(gaz):
    for entry_id in ("unity", "harmony", "quest", "progress", "discovery", "endeavour", "columbia", "lunar-gateway"):
        assert gaz.get(entry_id).ambiguous, entry_id
    assert not gaz.get("baikonur-cosmodrome").ambiguous


def test_gazetteer_module_docstring_examples_run():
    result = doctest.testmod(kg.gazetteer)
    assert result.attempted > 0
    assert result.failed == 0


# ---------------------------------------------------------------- lookup


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("U.S.", "united-states"),
        ("US", "united-states"),
        ("American", "united-states"),
        ("Americans", "united-states"),
        ("Soviet", "soviet-union"),
        ("USSR", "soviet-union"),
        ("Japanese", "japan"),
        ("Rosaviakosmos", "rosaviakosmos"),
        ("Roskosmos", "roscosmos"),
        ("RKA", "russian-space-agency"),
        ("NASA\u2019s", "nasa"),
        ("the Kennedy Space Center", "kennedy-space-center"),
        ("Baikonur", "baikonur-cosmodrome"),
        ("ISS", "iss"),
        ("Apollo-Soyuz", "apollo-soyuz"),
        ("Apollo\u2013Soyuz Test Project", "apollo-soyuz"),
        ("Soyuz FG", "soyuz-fg"),
        ("Dmitriy Bakanov", "dmitry-bakanov"),
        ("Yury Borisov", "yuri-borisov"),
        ("Dzhezkazgan", "zhezkazgan"),
        ("JAXA", "jaxa"),
        ("NASDA", "nasda"),
    ],
)
def test_gazetteer_lookup_finds_names_aliases_and_demonyms(gaz, surface, expected):
    assert [e.id for e in gaz.lookup(surface)][:1] == [expected]


def test_gazetteer_lookup_keeps_abbreviations_in_capitals(gaz):
    assert gaz.lookup("us") == []
    assert gaz.lookup("uk") == []
    assert [e.id for e in gaz.lookup("UK")] == ["united-kingdom"]
    assert [e.id for e in gaz.lookup("Nasa")] == ["nasa"]  # house style of some papers, listed as an alias


@pytest.mark.parametrize(
    ("surface", "on", "expected"),
    [
        ("Russia's space agency", date(1995, 6, 29), "russian-space-agency"),
        ("Russia\u2019s space agency", date(2001, 1, 1), "rosaviakosmos"),
        ("Russia's space agency", date(2022, 7, 18), "roscosmos"),
        ("the Russian space agency", date(2022, 7, 18), "roscosmos"),
        ("the Russian state space corporation", date(2022, 3, 18), "roscosmos"),
        ("China's space agency", date(2022, 3, 18), "cnsa"),
        ("Japan's space agency", date(1998, 1, 1), "nasda"),
        ("Japan's space agency", date(2022, 1, 1), "jaxa"),
        ("America's space agency", date(1969, 7, 20), "nasa"),
    ],
)
def test_gazetteer_descriptions_resolve_to_the_body_active_at_the_date(gaz, surface, on, expected):
    assert gaz.lookup(surface, on)[0].id == expected


def test_gazetteer_descriptions_are_ignored_outside_active_years(gaz):
    assert gaz.lookup("Russia's space agency", date(1980, 1, 1)) == []
    assert "rosaviakosmos" not in [e.id for e in gaz.lookup("Russia's space agency", date(2022, 1, 1))]


def test_gazetteer_lookup_without_date_returns_every_candidate(gaz):
    ids = {e.id for e in gaz.lookup("Russia's space agency")}
    assert {"russian-space-agency", "rosaviakosmos", "roscosmos"} <= ids


def test_gazetteer_is_active_uses_years_inclusively(gaz):
    soviet = gaz.get("soviet-union")
    assert soviet.is_active(date(1991, 12, 25))
    assert not soviet.is_active(date(1992, 1, 1))
    assert soviet.is_active(None)
    assert gaz.get("japan").is_active(date(1900, 1, 1))


def test_gazetteer_iter_surface_forms_labels_each_kind(gaz):
    forms = {(surface, entry.id, kind) for surface, entry, kind in gaz.iter_surface_forms()}
    assert ("United States", "united-states", "name") in forms
    assert ("U.S.", "united-states", "name") in forms
    assert ("American", "united-states", "demonym") in forms
    assert ("Russia's space agency", "roscosmos", "description") in forms


def test_gazetteer_names_property_lists_label_aliases_and_demonyms(gaz):
    names = gaz.get("united-states").names
    assert names[0] == "United States"
    assert "USA" in names and "Americans" in names


# ---------------------------------------------------------------- holders


def test_gazetteer_holders_nasa_mid_2025_is_acting_administrator_duffy(gaz):
    holders = gaz.holders("nasa", date(2025, 8, 1))
    assert [(p.label, pos.title, pos.acting) for p, pos in holders] == [("Sean Duffy", "administrator", True)]


@pytest.mark.parametrize(
    ("organization", "on", "expected"),
    [
        ("nasa", date(1975, 7, 17), "James C. Fletcher"),
        ("nasa", date(1995, 6, 29), "Daniel Goldin"),
        ("nasa", date(2018, 10, 11), "Jim Bridenstine"),
        ("nasa", date(2022, 7, 15), "Bill Nelson"),
        ("russian-space-agency", date(1995, 6, 29), "Yuri Koptev"),
        ("roscosmos", date(2010, 1, 1), "Anatoly Perminov"),
        ("roscosmos", date(2018, 10, 11), "Dmitry Rogozin"),
        ("roscosmos", date(2025, 8, 1), "Dmitry Bakanov"),
        ("esa", date(2022, 3, 18), "Josef Aschbacher"),
        ("russia", date(2022, 7, 15), "Vladimir Putin"),
        ("united-states", date(1972, 5, 24), "Richard Nixon"),
    ],
)
def test_gazetteer_holders_name_who_headed_an_organization(gaz, organization, on, expected):
    assert expected in [person.label for person, _ in gaz.holders(organization, on)]


def test_gazetteer_holders_on_a_handover_day_lists_substantive_before_acting(gaz):
    holders = gaz.holders("nasa", date(2025, 1, 20))
    assert [p.label for p, _ in holders] == ["Bill Nelson", "Janet Petro"]


def test_gazetteer_holders_ignore_posts_at_other_dates(gaz):
    labels = [person.label for person, _ in gaz.holders("roscosmos", date(2025, 8, 1))]
    assert "Yuri Borisov" not in labels and "Dmitry Rogozin" not in labels


# ---------------------------------------------------------------- guess_type


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Soyuz MS-22", "Spacecraft"),
        ("Soyuz TMA-01M", "Spacecraft"),
        ("Soyuz 11", "Spacecraft"),
        ("Progress MS-29", "Spacecraft"),
        ("Apollo 13", "Spacecraft"),
        ("Shenzhou-17", "Spacecraft"),
        ("STS-135", "Program"),
        ("Expedition 72", "Program"),
        ("Crew-9", "Program"),
        ("Ax-4", "Program"),
        ("Artemis II", "Program"),
        ("Korea Aerospace Agency", "Agency"),
        ("Svobodny Cosmodrome", "Facility"),
        ("Cape Canaveral Space Force Station", "Facility"),
        ("Axiom Space Station", "Spacecraft"),
        ("Venus Orbiter", "Spacecraft"),
        ("Barents Sea", "Place"),
        ("Soyuz", None),
        ("Agency", None),
        ("Vladimir Putin", None),
    ],
)
def test_gazetteer_guess_type_by_pattern_or_head_word(gaz, name, expected):
    assert gaz.guess_type(name) == expected


# ---------------------------------------------------------------- broken files

GOOD_HEAD = """\
entities:
  - id: united-states
    type: Country
    label: United States
"""


@pytest.mark.parametrize(
    ("body", "entry_id", "line", "words"),
    [
        (
            GOOD_HEAD + "  - id: united-states\n    type: Country\n    label: USA\n",
            "united-states", 5, "duplicate id",
        ),
        (GOOD_HEAD + "  - id: nasa\n    type: Organisation\n    label: NASA\n", "nasa", 5, "unknown type"),
        (
            GOOD_HEAD + "  - id: roscosmos\n    type: Agency\n    label: Roscosmos\n    country: russia\n",
            "roscosmos", 5, "country 'russia' is not an entry",
        ),
        (
            GOOD_HEAD + "  - id: nasa\n    type: Agency\n    label: NASA\n    country: nasa\n",
            "nasa", 5, "not a Country",
        ),
        (GOOD_HEAD + "  - id: nasa\n    type: Agency\n    label: NASA\n    wikidata: 23548\n", "nasa", 5, "not a QID"),
        (GOOD_HEAD + "  - id: nasa\n    type: Agency\n    label: NASA\n    activ: [1958, null]\n", "nasa", 5, "unknown key"),
        (GOOD_HEAD + "  - id: nasa\n    type: Agency\n    label: NASA\n    active: [2000, 1958]\n", "nasa", 5, "active"),
        (
            GOOD_HEAD
            + "  - id: bill-nelson\n    type: Person\n    label: Bill Nelson\n    positions:\n"
            "      - {title: administrator, organization: nasa, start: 2021-05-03}\n",
            "bill-nelson", 9, "organization 'nasa' is not an entry",
        ),
        (
            GOOD_HEAD
            + "  - id: bill-nelson\n    type: Person\n    label: Bill Nelson\n    positions:\n"
            "      - {title: senator, organization: united-states, start: 2021-13}\n",
            "bill-nelson", 9, "not a date",
        ),
        (GOOD_HEAD + "  - id: NASA\n    type: Agency\n    label: NASA\n", None, 5, "not a slug"),
        (GOOD_HEAD + "  - id: nasa\n    type: Agency\n", "nasa", 5, "missing label"),
    ],
)
def test_gazetteer_broken_file_raises_data_error_naming_file_line_and_entry(tmp_path, body, entry_id, line, words):
    path = write(tmp_path, body)
    with pytest.raises(DataError) as info:
        load_gazetteer(path)
    message = str(info.value)
    assert f"{path}:{line}:" in message
    if entry_id:
        assert f"'{entry_id}'" in message
    assert words in message


def test_gazetteer_bad_pattern_raises_data_error(tmp_path):
    path = write(tmp_path, GOOD_HEAD + "patterns:\n  - {pattern: 'Soyuz (MS-\\d+', type: Spacecraft}\n")
    with pytest.raises(DataError, match=r"gazetteer\.yaml:6: .*does not compile"):
        load_gazetteer(path)


def test_gazetteer_pattern_with_unknown_type_raises_data_error(tmp_path):
    path = write(tmp_path, GOOD_HEAD + "patterns:\n  - {pattern: 'STS-\\d+', type: Mission}\n")
    with pytest.raises(DataError, match="unknown type 'Mission'"):
        load_gazetteer(path)


def test_gazetteer_invalid_yaml_raises_data_error_with_line(tmp_path):
    path = write(tmp_path, GOOD_HEAD + "  - id: nasa\n    aliases: [NASA\n    type: Agency\n")
    with pytest.raises(DataError, match=re.escape(str(path)) + r":\d+: not valid YAML"):
        load_gazetteer(path)


def test_gazetteer_missing_file_raises_data_error_naming_it(tmp_path):
    path = tmp_path / "nowhere.yaml"
    with pytest.raises(DataError, match=re.escape(str(path))):
        load_gazetteer(path)


def test_gazetteer_user_file_is_read_fresh_each_time(tmp_path):
    path = write(tmp_path, GOOD_HEAD)
    assert len(load_gazetteer(path)) == 1
    write(tmp_path, GOOD_HEAD + "  - id: canada\n    type: Country\n    label: Canada\n")
    assert len(load_gazetteer(path)) == 2


def test_landmarks_of_the_two_capitals_are_places(extract_text):
    ex = extract_text("The letter was read out at the White House on Monday, a day after the parade in Red Square "
                      "and the reception in the Kremlin.", published="1987-05-12")
    types = {e.label: e.type for e in ex.entities.values()}
    assert types.get("White House") == "Place" and types.get("Red Square") == "Place" and types.get("Kremlin") == "Place"
