"""Positions found around names (kg.extract.positions): regressions of issue 11.

Each test holds its own sentences, written for it (not taken from the corpus).
"""

from __future__ import annotations

from conftest import events_of, participant_names, positions_shown as positions


def test_title_before_the_next_name_in_a_list_is_not_the_previous_persons(extract_text):
    # issue 11: "cosmonaut Oleg Kononenko, NASA astronaut Anne McClain" gave Kononenko NASA's title
    ex = extract_text("Soyuz MS-11 carried cosmonaut Pavel Orlov, NASA astronaut Hana Lindqvist "
                      "and a Canadian engineer to the station on Dec. 3.")
    found = positions(ex)
    assert ("Pavel Orlov", "astronaut", "NASA") not in found
    assert ("Hana Lindqvist", "astronaut", "NASA") in found


def test_crew_title_late_in_an_article_takes_the_craft_the_person_flew(extract_text):
    # issue 11: "Stafford, the American commander, died in 2024" took the Mir named just before
    ex = extract_text(
        "A Saturn IB rocket sent the Apollo spacecraft aloft in July 1975. In command was "
        "Thomas P. Stafford, a veteran of three flights.\n\n"
        "Twenty years later the shuttle Atlantis docked with Mir for the first time.\n\n"
        "Stafford, the American commander, died in March 2024.")
    found = positions(ex)
    assert ("Thomas P. Stafford", "commander", "Mir") not in found
    assert ("Thomas P. Stafford", "commander", "Apollo") in found


def test_generic_craft_name_stands_for_the_flight_named_in_the_sentence(extract_text):
    ex = extract_text("Soyuz TMA-1 landed in Kazakhstan on Sunday, carrying Soyuz commander "
                      "Pavel Orlov and two other crew members.", published="2003-05-05")
    assert ("Pavel Orlov", "commander", "Soyuz TMA-1") in positions(ex)


def test_conjunct_with_its_own_agency_keeps_it(extract_text):
    ex = extract_text("The capsule will carry NASA astronauts Hana Lindqvist and Tom Reyes and "
                      "Kimiya Yui of the Japan Aerospace Exploration Agency.")
    found = positions(ex)
    assert ("Kimiya Yui", "astronaut", "NASA") not in found
    assert ("Tom Reyes", "astronaut", "NASA") in found


def test_plural_title_before_a_comma_holds_for_each_name_of_the_list(extract_text):
    ex = extract_text("Three cosmonauts, Andrei Volkov, Ivan Sokolov and Gleb Morozov, reached the "
                      "station on Friday.")
    found = {(person, title) for person, title, _ in positions(ex)}
    assert {("Andrei Volkov", "cosmonaut"), ("Ivan Sokolov", "cosmonaut"),
            ("Gleb Morozov", "cosmonaut")} <= found


def test_deputy_post_takes_no_organisation_the_text_does_not_give(extract_text):
    ex = extract_text("Deputy Prime Minister Dmitry Rogozin spoke in Moscow on Tuesday.",
                      published="2014-05-14")
    found = positions(ex)
    assert ("Dmitry Rogozin", "deputy prime minister", None) in found
    assert ("Dmitry Rogozin", "deputy prime minister", "Russia") not in found


def test_an_ordinal_before_a_title_says_which_holder_and_is_no_part_of_the_post(extract_text):
    # "sworn in as NASA's 14th administrator" gave no post
    ex = extract_text("Ruth Ellison was sworn in as NASA's 19th administrator on Monday.", published="2033-05-04")
    assert ("Ruth Ellison", "administrator", "NASA") in positions(ex)


def test_agency_headed_by_a_person(extract_text):
    ex = extract_text("Roscosmos is headed by Andrei Volkov, a retired engineer.")
    assert ("Andrei Volkov", "head", "Roscosmos") in positions(ex)


def test_science_officer_takes_the_expedition_named_beside_it(extract_text):
    ex = extract_text("The capsule carried Expedition 6 commander Andrei Volkov, science officer "
                      "Mikhail Petrov and a cosmonaut home.", published="2003-05-05")
    assert ("Mikhail Petrov", "science officer", "Expedition 6") in positions(ex)


def test_a_countrys_space_chief_heads_its_space_agency_of_the_day(extract_text):
    ex = extract_text("Russia's space chief, Andrei Volkov, flew to Houston on Monday. Roscosmos "
                      "and NASA plan to meet there.", published="2025-08-01")
    assert ("Andrei Volkov", "space chief", "Roscosmos") in positions(ex)


def test_a_post_of_a_program_held_at_an_agency_is_the_agencys(extract_text):
    ex = extract_text("Maria Lindqvist, the director of the International Space Station at NASA headquarters, "
                      "said on Tuesday that no notice had arrived. Pavel Orlov, manager of the cargo program "
                      "at Roscosmos, agreed.", published="2024-05-02")
    shown = positions(ex)
    assert any(p == "Maria Lindqvist" and t.startswith("director") and o == "NASA" for p, t, o in shown)
    assert any(p == "Pavel Orlov" and t.startswith("manager") and o == "Roscosmos" for p, t, o in shown)


def test_a_crew_list_after_a_paragraph_on_the_station_flies_the_shuttle(extract_text):
    ex = extract_text(
        "The shuttle Atlantis was closing on Mir on Friday with astronaut Dana Whitfield aboard. "
        "Atlantis lifted off on Thursday.\n\n"
        "Before the flight, astronaut Carl Osgood had trained for a stay on Mir, where a Progress "
        "cargo ship had rammed a module. Every American on Mir must now be ready to go outside.\n\n"
        "The crew is led by Commander Ruth Adeyemi. The mission specialists are Osgood, "
        "Whitfield and Lena Marsh.", published="1997-09-26")
    found = positions(ex)
    assert ("Carl Osgood", "mission specialist", "Atlantis") in found
    assert not {p for p in found if p[2] in {"Mir", "Progress"}}


def test_a_cargo_ship_is_never_a_crew_titles_craft(extract_text):
    ex = extract_text("A Progress cargo ship docked on Monday. Commander Ruth Adeyemi watched it arrive.",
                      published="1997-09-26")
    assert not {p for p in positions(ex) if p[2] == "Progress"}


def test_a_retired_officials_post_after_the_agency_and_a_flight_surgeon_are_posts(extract_text):
    ex = extract_text("We asked Walter Brandt, a retired NASA flight director who spent a decade in Houston, what "
                      "happens next. \"The first days matter,\" said Dr. Lena Voss, a NASA flight surgeon.")
    found = positions(ex)
    assert ("Walter Brandt", "flight director", "NASA") in found
    assert ("Lena Voss", "flight surgeon", "NASA") in found


def test_an_expedition_spelled_in_words_is_a_crews_organization(extract_text):
    ex = extract_text("The Zvezda module arrived in July, and the first crew - Ann Holt, the commander of Expedition "
                      "Three, and cosmonaut Yuri Belov - went aboard in November.", published="2031-12-01")
    assert ("Ann Holt", "commander", "Expedition Three") in positions(ex)



def test_a_rank_before_a_name_neither_ends_the_sentence_nor_is_a_post(extract_text):
    # issue 11: "Lt. Col. Georgi T. Dobrovolsky": "Col" and "." were two tokens, the period could
    # end the sentence, and once "Col." is one token it must not give a post "colonel"
    from kg.nlp import load_pipeline

    doc = load_pipeline()("He was met by Capt. Ivan Dorokhov and Maj. Ilya Panin at the airfield.")
    assert len(list(doc.sents)) == 1
    assert {"Capt.", "Maj."} <= {t.text for t in doc}

    ex = extract_text("Among the mourners at the airfield was an American astronaut, Lt. Col. Harlan W. Pruitt, "
                      "who is the commander of Gemini 14.", published="1968-03-02")
    found = positions(ex)
    assert ("Harlan W. Pruitt", "commander", "Gemini 14") in found
    assert not any(title == "colonel" for _, title, _ in found)


def test_a_rank_written_out_is_no_part_of_the_name(extract_text):
    ex = extract_text("The Soyuz 31 spacecraft, crewed by Colonel B. K. Ostrovsky and flight engineer "
                      "Academician Pyotr L. Samarin, landed in the planned area.", published="1978-09-04")
    names = {e.label for e in ex.entities.values() if e.type == "Person"}
    assert {"B. K. Ostrovsky", "Pyotr L. Samarin"} <= names, names
    assert not any(name.startswith(("Colonel", "Academician")) for name in names)


def test_the_organisation_after_the_last_of_a_list_is_the_whole_lists(extract_text):
    ex = extract_text("Cosmonauts Ivan Korsak and Lev Antipov of Roscosmos boarded the capsule, with Rita Holm "
                      "of the European Space Agency.", published="2021-11-16")
    found = positions(ex)
    assert ("Ivan Korsak", "cosmonaut", "Roscosmos") in found
    assert ("Lev Antipov", "cosmonaut", "Roscosmos") in found
    assert not any(person == "Rita Holm" and title == "cosmonaut" for person, title, _ in found)



def test_a_capitalised_word_right_after_a_word_opens_no_sentence(extract_text):
    # issue 11: the parser cut "Yi So-yeon" after "Yi", and the landing the sentence tells was lost
    from kg.nlp import load_pipeline

    text = ("On Saturday, the Soyuz TMA-40 capsule carrying Dana Merriwether of NASA, the Russian cosmonaut "
            "Yuri Malenchenko and Yi So-yeon, South Korea's first astronaut, came down on the steppe.")
    assert len(list(load_pipeline()(text).sents)) == 1
    ex = extract_text(text, published="2031-05-12")
    assert [(e.type, e.date.iso) for e in ex.events] == [("Landing", "2031-05-10")]


def test_a_crew_title_of_an_unnamed_body_takes_no_craft(extract_text):
    # issue 11: "a former commander of the country's space forces" became the commander of the
    # airlock module the article names most
    ex = extract_text("Pavel Ostrov and Dana Merriwether floated out of the Zvezda airlock on Saturday. "
                      "Ivan Belov, a former commander of the country's space forces who was appointed head of "
                      "Roscosmos last month, watched from the control center.", published="2031-11-10")
    assert ("Ivan Belov", "commander", None) in positions(ex)
    assert not any(org == "Zvezda" for _, _, org in positions(ex))


def test_its_commander_commands_the_craft_named_last(extract_text):
    # issue 11: "Its commander" after a sentence about Soyuz TMA-40 went to the module the article
    # names most often
    ex = extract_text("Pavel Ostrov and Dana Merriwether floated out of the Zvezda airlock on Saturday. Later the "
                      "Zvezda crew met the visitors. The flag reached the station on Thursday in Soyuz TMA-40. "
                      "Its commander, Ivan Belov, carried the flag through the hatch.", published="2031-11-10")
    assert ("Ivan Belov", "commander", "Soyuz TMA-40") in positions(ex)


def test_a_description_outside_a_quotation_takes_no_antecedent_inside_it(extract_text):
    # issue 11: "... with NASA specialists." The agency's head, Yury Borisov": NASA's head
    ex = extract_text('Roscosmos said in a written reply on Friday: "All cracks have been sealed, and work goes on '
                      'together with NASA specialists." The agency\'s head, Ivan Belov, has not commented.',
                      published="2031-11-10")
    assert ("Ivan Belov", "head", "Roscosmos") in positions(ex)


def test_a_title_before_a_ranked_name_is_the_post(extract_text):
    # issue 11: "The commander, Lt. Col. Georgi T. Dobrovolsky": the rank stood between title and name
    ex = extract_text("Soyuz 41 landed on Wednesday. The commander, Lt. Col. Ivan P. Belov, and the flight "
                      "engineer were unhurt. Sen. Dana Merriwether praised them.", published="1979-07-02")
    found = positions(ex)
    assert ("Ivan P. Belov", "commander", "Soyuz 41") in found
    assert any(person == "Dana Merriwether" and title == "senator" for person, title, _ in found)


def test_the_station_is_the_one_in_service_at_publication(extract_text):
    # issue 11: "... his father flew on Skylab in 1973 ... the station" in a 2008 article was Skylab
    ex = extract_text("Pavel Ostrov will spend ten days on the International Space Station. His father flew on "
                      "Skylab in 1973. Ostrov is due to dock with the station on Tuesday.", published="2008-10-12")
    (station,) = [m for m in ex.mentions if m.text == "the station"]
    assert ex.entities[station.entity_key].label == "International Space Station"
    assert not any("Skylab" in participant_names(ex, e) for e in events_of(ex, "Docking"))


def test_a_crew_member_flies_the_craft_that_is_the_subject_of_the_clause(extract_text):
    # issue 11: "Soyuz 49 lifted off with Ostrov and Belov, and Apollo 21 followed": Belov, "the flight
    # engineer", was put aboard the craft named nearest to him (Apollo 21)
    ex = extract_text("The flight began on July 15, when Soyuz 49 lifted off from Baikonur with Pavel Ostrov and Ivan "
                      "Belov, and Apollo 21 followed from the Kennedy Space Center hours later. Belov, the flight "
                      "engineer, said the hardware fitted.", published="1985-07-25")
    assert ("Ivan Belov", "flight engineer", "Soyuz 49") in positions(ex)


def test_positions_a_post_given_as_someones_is_at_their_organization(extract_text):
    # "Low is his deputy": the deputy of the administrator named before, so at NASA; "Ambassador X
    # for the Soviet Union" acts for it
    ex = extract_text("Nadia Orlova took over as administrator of NASA in April, and Piet Vos is her deputy again. "
                      "The treaty was signed by Ambassador Ivan Petrenko for the Soviet Union.", published="2031-06-01")
    assert sorted((p.person, p.title, p.organization) for p in ex.positions) == [
        ("person:ivan petrenko", "ambassador", "soviet-union"), ("person:nadia orlova", "administrator", "nasa"),
        ("person:piet vos", "deputy", "nasa")]


def test_a_post_for_an_agency_is_the_agencys_and_a_technical_director_keeps_the_word(extract_text):
    # issue 11: "a spokesman for the Russian Space Agency" and "technical director for the Soviet
    # Academy of Sciences" gave posts with no organisation, and "technical" was dropped
    ex = extract_text('"The seat is taken," said Pyotr Ilyin, a spokesman for the Russian Space Agency. '
                      "Yelena Markova, technical director for the Soviet Academy of Sciences, agreed.")
    found = positions(ex)
    assert ("Pyotr Ilyin", "spokesman", "Russian Space Agency") in found
    assert ("Yelena Markova", "technical director", "Soviet Academy of Sciences") in found


def test_after_for_the_organisation_is_the_whole_phrase_or_an_agency_owning_it(extract_text):
    ex = extract_text("Ruth Calder, a spokeswoman for the United States delegation, spoke first. "
                      "Ivan Sorokin, the flight director for the station's Russian segment, called. "
                      "Dana Whitfield, acting associate administrator for NASA's Space Operations "
                      "Mission Directorate, replied.")
    found = positions(ex)
    assert ("Ruth Calder", "spokeswoman", "United States") not in found
    assert ("Ivan Sorokin", "flight director", "International Space Station") not in found
    assert ("Dana Whitfield", "acting associate administrator", "NASA") in found


def test_who_ran_the_agency_or_it_heads_the_agency_named_before(extract_text):
    # issue 11: "relieved Oleg Ostapenko, who had led it since October 2013" and "who had run the
    # agency since April 2011" gave no post
    ex = extract_text("The Federal Space Agency has a new chief. The prime minister relieved Pavel Lebedev, "
                      "who had run the agency since 2009. Lebedev replaced Ilya Gromov, who had led it for "
                      "five years.", published="2013-10-12")
    found = positions(ex)
    assert ("Pavel Lebedev", "head", "Federal Space Agency") in found
    assert ("Ilya Gromov", "head", "Federal Space Agency") in found


def test_appointed_to_run_an_agency_heads_it(extract_text):
    ex = extract_text("The prime minister on Wednesday appointed Pavel Lebedev, a veteran of the rocket "
                      "industry, to run the Federal Space Agency.", published="2015-01-22")
    assert ("Pavel Lebedev", "head", "Federal Space Agency") in positions(ex)


def test_an_ordinal_in_figures_before_a_capitalised_title_is_skipped(extract_text):
    # issue 11: "on Michael Griffin's first day as NASA's 11th Administrator": the parser took
    # "11th Administrator" for a name, and no post was found
    ex = extract_text("The launch came on Dana Whitfield's first day as NASA's 15th Administrator.")
    assert ("Dana Whitfield", "administrator", "NASA") in positions(ex)


def test_who_is_handed_command_of_the_station_commands_it(extract_text):
    # issue 11: "handed command of the International Space Station to ... Oleg Artemyev" gave no post
    ex = extract_text("The NASA astronaut Hana Lindqvist handed command of the International Space Station "
                      "to the Russian cosmonaut Pavel Orlov on Wednesday.", published="2022-05-05")
    found = positions(ex)
    assert ("Pavel Orlov", "commander", "International Space Station") in found
    assert ("Hana Lindqvist", "commander", "International Space Station") not in found


def test_the_agency_of_a_country_is_the_agency_of_that_country_named_before(extract_text):
    # issue 11 (left by the seventh session): "the head of the Russian agency, X" gave X no post
    ex = extract_text("NASA and the Federal Space Agency signed the contract on Monday. The head of the "
                      "Russian agency, Pavel Lebedev, called the price fair.", published="2010-04-07")
    assert ("Pavel Lebedev", "head", "Federal Space Agency") in positions(ex)
    ex = extract_text("NASA and the Federal Space Agency signed the contract on Monday. The head of the "
                      "American agency, Dana Whitfield, called the price fair.", published="2010-04-07")
    assert ("Dana Whitfield", "head", "NASA") in positions(ex)
    ex = extract_text("NASA and the Federal Space Agency signed the contract on Monday. The head of the "
                      "Chinese agency, Li Wen, did not comment.", published="2010-04-07")
    assert not [p for p in positions(ex) if p[0] == "Li Wen" and p[2]]


def test_someones_deputy_is_at_the_organization_the_gazetteer_has_them_head_at_the_time(extract_text):
    # issue 11: "James C. Fletcher announced ... that he would resign as administrator. His deputy,
    # Dale D. Myers, ..." gave Myers a deputy post at no organization
    ex = extract_text("James C. Fletcher announced on Tuesday that he would resign as administrator on April 8. His "
                      "deputy, Ansel Brooke, will run the agency until a successor is named.", published="1989-03-30")
    assert ("Ansel Brooke", "deputy", "NASA") in positions(ex)


def test_running_an_agency_as_a_title_or_serving_as_one_after_an_apposition_is_that_post(extract_text):
    # issue 11: "Dale D. Myers will run the agency as acting administrator" and "His deputy, Dr. Thomas
    # O. Paine, will serve as acting administrator" gave neither man the post
    ex = extract_text("Ansel Brooke led the Baltic Space Agency for six years. Pavel Lebedev will run the agency as "
                      "acting director general. Her deputy, Dr. Tom Reyes, will serve as acting director of the "
                      "Baltic Space Agency.", published="2031-03-30")
    assert {("Pavel Lebedev", "acting director general", "Baltic Space Agency"),
            ("Tom Reyes", "acting director", "Baltic Space Agency")} <= positions(ex)


def test_a_name_in_apposition_to_a_title_with_phrases_after_it_holds_the_title(extract_text):
    # issue 11: "A spokesman for mission control outside Moscow, X," and "His spokeswoman in New York,
    # X," gave no post: the title does not end right before the comma
    ex = extract_text("A spokesman for mission control outside Moscow, Gleb Arkhipov, said the crew was well. His "
                      "spokeswoman in New York, Marisa Delacroix, said the backers would meet again. The first NASA "
                      "astronaut to fly under the new agreement, Dana Merriwether, is to launch in March.",
                      published="2031-09-04")
    assert {("Gleb Arkhipov", "spokesman", None), ("Marisa Delacroix", "spokeswoman", None),
            ("Dana Merriwether", "astronaut", "NASA")} <= positions(ex)
