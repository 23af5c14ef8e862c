"""Crew titles and lists of crew members (kg.extract.positions): regressions of issue 11.

Each test holds its own sentences, written for it (not taken from the corpus).
"""

from __future__ import annotations

from conftest import positions_shown as positions


def test_a_crew_title_never_takes_a_rocket(extract_text):
    ex = extract_text("The shuttle Atlantis waited on the pad. A Titan rocket carried Ray Dorsey, "
                      "pilot of the flight, past the clouds.", published="1995-06-28")
    found = positions(ex)
    assert not any(org == "Titan" for _, _, org in found)


def test_a_crew_named_in_a_later_paragraph_flew_the_craft_named_before(extract_text):
    ex = extract_text("The shuttle Discovery thundered away from the Kennedy Space Center early Friday.\n\n"
                      "Liftoff came at 12:22 a.m.\n\n"
                      "The six-member crew is commanded by Ray Dorsey. The others are mission specialists "
                      "Mara Quillen and Tom Baxter.", published="1995-02-03")
    found = positions(ex)
    assert ("Ray Dorsey", "commander", "Discovery") in found
    assert {("Mara Quillen", "mission specialist", "Discovery"),
            ("Tom Baxter", "mission specialist", "Discovery")} <= found


def test_an_ambiguous_craft_name_opening_a_sentence_counts_when_named_elsewhere(extract_text):
    ex = extract_text("The shuttle Discovery landed on Tuesday.\n\n"
                      "Discovery was commanded by Ray Dorsey, with Jane Halvorsen as pilot.",
                      published="1998-06-12")
    found = positions(ex)
    assert ("Ray Dorsey", "commander", "Discovery") in found
    assert ("Jane Halvorsen", "pilot", "Discovery") in found


def test_a_plural_title_as_subject_of_a_list(extract_text):
    ex = extract_text("The shuttle Discovery landed on Tuesday. Mission specialists were Mara Quillen, "
                      "Tom Baxter and Jane Halvorsen.", published="1998-06-12")
    found = positions(ex)
    assert {("Mara Quillen", "mission specialist", "Discovery"),
            ("Jane Halvorsen", "mission specialist", "Discovery")} <= found


def test_the_people_listed_after_a_plural_title(extract_text):
    ex = extract_text("Atlantis carries five NASA astronauts: Ray Dorsey, the pilot Jane Halvorsen, and "
                      "mission specialists Mara Quillen and Tom Baxter.", published="1995-06-28")
    found = positions(ex)
    assert {("Ray Dorsey", "astronaut", "NASA"), ("Tom Baxter", "astronaut", "NASA"),
            ("Jane Halvorsen", "pilot", "Atlantis")} <= found
    ex = extract_text("He was the last of seven NASA astronauts to live aboard Mir, following "
                      "Norman Thagard, Shannon Lucid and David Wolf.", published="1998-06-12")
    assert ("Shannon Lucid", "astronaut", "NASA") in positions(ex)


def test_a_listed_person_of_another_agency_keeps_it(extract_text):
    ex = extract_text("Four Crew-4 astronauts, including Samantha Cristoforetti of the European Space "
                      "Agency, arrived in April.", published="2022-06-30")
    assert ("Samantha Cristoforetti", "astronaut", "European Space Agency") in positions(ex)


def test_a_station_commander_commands_the_station_not_their_agency(extract_text):
    ex = extract_text("The Crew Dragon docked with the International Space Station, where the two "
                      "Americans were greeted by station commander Ray Dorsey of NASA.", published="2020-06-01")
    found = positions(ex)
    assert ("Ray Dorsey", "commander", "International Space Station") in found
    assert ("Ray Dorsey", "commander", "NASA") not in found


def test_a_name_the_ner_missed_after_a_crew_title_is_a_person(extract_text):
    ex = extract_text("Space shuttle Atlantis landed on Thursday. Commander Ray Dorsey, Pilot Jane Halvorsen "
                      "and Mission Specialists Sandra Magnus and Tom Baxter spent 13 days in space.",
                      published="2011-07-21")
    people = {e.label for e in ex.entities.values() if e.type == "Person"}
    assert "Sandra Magnus" in people
    assert ("Sandra Magnus", "mission specialist", "Atlantis") in positions(ex)


def test_commanding_a_craft_makes_its_commander(extract_text):
    ex = extract_text("Soyuz TMA-40, commanded by Ivan Petrov, lifted off on Wednesday. In December 2011, Oleg "
                      "Sidorov commanded Soyuz TMA-03M with two astronauts aboard.", published="2031-10-02")
    found = positions(ex)
    assert {("Ivan Petrov", "commander", "Soyuz TMA-40"), ("Oleg Sidorov", "commander", "Soyuz TMA-03M")} <= found


def test_the_ships_commander_commands_the_vehicle_named_last_not_the_station(extract_text):
    ex = extract_text("Soyuz MS-40 docked with the Rassvet module of the International Space Station on Friday, "
                      "carrying the cosmonauts Ivan Petrov, the ship's commander, and Oleg Sidorov.",
                      published="2031-09-16")
    found = positions(ex)
    assert ("Ivan Petrov", "commander", "Soyuz MS-40") in found
    assert not any(org == "International Space Station" for _, title, org in found if title == "commander")


def test_a_title_set_off_by_commas_after_a_name_is_that_persons_not_the_next_ones(extract_text):
    ex = extract_text("Waiting aboard were Ray Dorsey of NASA, the commander of Expedition 92, Oleg Sidorov and "
                      "Jane Halvorsen. The station's commander, Ivan Petrov, its flight engineer, Tom Baxter, and "
                      "two visitors looked on.", published="2031-11-16")
    found = positions(ex)
    assert ("Ray Dorsey", "commander", "Expedition 92") in found
    assert not any(person == "Oleg Sidorov" for person, *_ in found)
    assert any(person == "Tom Baxter" and title == "flight engineer" for person, title, _ in found)  # a list
