"""Posts given by appointment, names with middle initials, honorifics and crew titles
(kg.extract.positions, kg.extract.mentions): regressions of issue 11.

Each test holds its own sentences, written for it (not taken from the corpus).
"""

from __future__ import annotations

from conftest import positions_shown as positions


def test_the_person_named_to_a_post_holds_it_not_the_one_who_named_them(extract_text):
    # issue 11: "President Donald Trump named Sean Duffy acting NASA administrator" gave the post to Trump
    ex = extract_text("President Donald Trump named Jane Halvorsen acting NASA administrator on July 9.")
    found = positions(ex)
    assert ("Jane Halvorsen", "acting administrator", "NASA") in found
    assert not any(person == "Donald Trump" and title.endswith("administrator") for person, title, _ in found)


def test_appointment_with_the_organization_after_the_title(extract_text):
    ex = extract_text("The Kremlin appointed Pavel Orlov head of Roscosmos in July.", published="2022-07-20")
    assert ("Pavel Orlov", "head", "Roscosmos") in positions(ex)


def test_passive_appointment_gives_the_subject_the_post(extract_text):
    ex = extract_text("Jane Halvorsen was named acting administrator of NASA on Wednesday.")
    assert ("Jane Halvorsen", "acting administrator", "NASA") in positions(ex)


def test_a_middle_initial_keeps_the_first_name(extract_text):
    # issue 11: "Soviet Premier Alexei N. Kosygin" became a person "N. Kosygin"
    ex = extract_text("Soviet Premier Alexei N. Kosygin signed the pact in Moscow on Wednesday.",
                      published="1972-05-25")
    people = {e.label for e in ex.entities.values() if e.type == "Person"}
    assert "Alexei N. Kosygin" in people and "N. Kosygin" not in people
    assert ("Alexei N. Kosygin", "premier", "Soviet Union") in positions(ex)


def test_an_honorific_is_not_a_post(extract_text):
    ex = extract_text("Dr. Helen Marsh, the administrator of NASA, welcomed the accord.", published="1972-05-25")
    found = positions(ex)
    assert ("Helen Marsh", "administrator", "NASA") in found
    assert not any(title == "doctor" for _, title, _ in found)


def test_a_shuttle_commander_commands_the_shuttle_of_the_sentence(extract_text):
    ex = extract_text("The shuttle Atlantis lifted off on Tuesday with shuttle commander Ray Dorsey at the controls.",
                      published="1995-06-28")
    assert ("Ray Dorsey", "commander", "Atlantis") in positions(ex)


def test_a_party_leader_leads_the_country_of_the_demonym(extract_text):
    ex = extract_text("Nixon held talks with Leonid I. Brezhnev, the Soviet party leader, on Monday.",
                      published="1972-05-25")
    assert ("Leonid I. Brezhnev", "party leader", "Soviet Union") in positions(ex)


def test_a_name_in_apposition_with_a_title_is_a_person(extract_text):
    # the NER called "Vera Medvedeva" a place and "Robyn Gatens" an organisation
    ex = extract_text("At mission control, a spokeswoman, Vera Lintova, said the crew was safe. "
                      "Mara Quillen, the director of the station program at NASA, agreed.", published="1997-06-26")
    people = {e.label for e in ex.entities.values() if e.type == "Person"}
    assert {"Vera Lintova", "Mara Quillen"} <= people


def test_who_took_over_an_agency_heads_it(extract_text):
    ex = extract_text("Yury Borisov, who took over Russia's space agency two weeks ago, spoke on Tuesday.",
                      published="2022-07-27")
    assert ("Yuri Borisov", "head", "Roscosmos") in positions(ex)


def test_in_charge_of_and_at_the_head_of_an_agency(extract_text):
    ex = extract_text("The decree put Pavel Orlov in charge of Roscosmos. Dmitry Rogozin, whose four years "
                      "at the head of Roscosmos were stormy, left quietly.", published="2025-02-10")
    found = positions(ex)
    assert ("Dmitry Rogozin", "head", "Roscosmos") in found


def test_the_agencys_post_goes_to_the_agency_the_gazetteer_records_not_the_last_named(extract_text):
    # "the agency" named NASA (the last agency) in "Yuri Koptev, the agency's general director"
    ex = extract_text("The Russian Space Agency agreed to the plan after talks with NASA, and Yuri Koptev, "
                      "the agency's general director, called it a test.", published="1995-02-03")
    found = positions(ex)
    assert ("Yuri Koptev", "general director", "Russian Space Agency") in found
    assert ("Yuri Koptev", "general director", "NASA") not in found


def test_a_surname_alone_is_the_office_holder_of_the_day(extract_text):
    ex = extract_text("On Tuesday President Reagan welcomed the accord.", published="1987-04-16")
    assert ("Reagan", "president", "United States") in positions(ex)


def test_a_post_after_as_follows_an_apposition_and_its_is_the_agency_named_before(extract_text):
    # issue 11: "created the Russian Space Agency and named Yuri N. Koptev, a former deputy minister
    # of general machine building, as its director general" gave no director general
    ex = extract_text("On Monday the government created the Lunar Survey Agency and named Pavel Orlin, a former "
                      "deputy minister of transport, as its director general.", published="2031-03-05")
    assert ("Pavel Orlin", "director general", "Lunar Survey Agency") in positions(ex)


def test_who_commanded_an_expedition_after_another_verb_or_in_a_relative_clause_is_its_commander(extract_text):
    # issue 11: "Kelly ... has flown twice on the shuttle and commanded Expedition 26", "Ford, who now
    # commands Expedition 34," gave no commander
    ex = extract_text("Pavel Orlin, 48, has flown twice on the shuttle and commanded Expedition 86 in 2031. Ann "
                      "Holt, who now commands Expedition 94, is aboard.", published="2033-11-27")
    assert {("Pavel Orlin", "commander", "Expedition 86"), ("Ann Holt", "commander", "Expedition 94")} <= positions(ex)


def test_who_is_to_take_command_of_an_expedition_is_its_commander_and_a_wish_to_command_is_not(extract_text):
    # "Hadfield is to take command of Expedition 35", "Kimbrough, who is to command Expedition 50"
    # gave no commander
    ex = extract_text("Ann Holt is to take command of Expedition 95 in March. Pavel Orlin will hand the station to "
                      "Robert Kessler, who is to command Expedition 96. Marta Keel had trained to command Soyuz 40 "
                      "herself.", published="2033-11-27")
    found = positions(ex)
    assert {("Ann Holt", "commander", "Expedition 95"), ("Robert Kessler", "commander", "Expedition 96")} <= found
    assert not any(person == "Marta Keel" for person, *_ in found)
