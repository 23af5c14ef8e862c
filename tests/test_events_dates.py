"""Which date is an event's (issue 11): the narrative's year, dates relative to the last one
named, dates that belong to another trigger, durations, tense and plans.

Every sentence here is written for these tests; none is taken from the corpus.
"""

from __future__ import annotations

from datetime import date

from conftest import events_of, participant_names
from kg.model import DateValue


# --- the narrative's year -----------------------------------------------------------------------

def test_that_month_after_an_explicit_month_falls_in_its_year(extract_text):
    ex = extract_text("Sergei Volkov reached the station aboard a Soyuz in April 2008, and that October "
                      "the shuttle Discovery docked with the station for the last time.", published="2015-03-01")
    (docking,) = [e for e in events_of(ex, "Docking") if "Discovery" in participant_names(ex, e)]
    assert docking.date == DateValue.of(2008, 10)


def test_a_present_tense_sentence_brings_the_narrative_back_to_publication(extract_text):
    ex = extract_text("On April 12, 1981, the shuttle Columbia lifted off for the first time. "
                      "NASA says it will retire its last orbiter this year. "
                      "In June, Atlantis landed at the Kennedy Space Center.", published="2011-08-01")
    (landing,) = events_of(ex, "Landing")
    assert landing.date == DateValue.of(2011, 6)
    (launch,) = events_of(ex, "Launch")
    assert launch.date == DateValue.of(1981, 4, 12)


def test_a_present_comment_on_that_morning_stays_in_the_story(extract_text):
    ex = extract_text("Twenty years ago today, the shuttle Endeavour lifted off from Florida with two "
                      "cosmonauts aboard.\n\nIt is hard to forget how cold that morning was. "
                      "Endeavour touched down at Edwards on Nov. 9.", published="2021-10-30")
    (landing,) = events_of(ex, "Landing")
    assert landing.date == DateValue.of(2001, 11, 9)


def test_a_present_tense_time_clause_after_would_looks_ahead(extract_text):
    ex = extract_text("The agency said on Monday that the tourist would not be aboard the Soyuz TMA-9 "
                      "capsule when it lifts off from Baikonur on Nov. 14.", published="2006-09-20")
    (launch,) = events_of(ex, "Launch")
    assert launch.status == "planned" and launch.date == DateValue.of(2006, 11, 14)


def test_a_plan_told_over_two_sentences_stays_in_the_coming_year(extract_text):
    # "July 15" of a plan sets the narrative's day ahead of publication, and a docking "two days
    # after the launches" (plural) counts from that planned launch
    ex = extract_text("Under the accord, Soyuz TM-14 is to lift off from Baikonur on June 20 with the cosmonaut "
                      "Pavel Orlov. The shuttle Atlantis is to follow from Florida six hours later and is to dock "
                      "with Soyuz TM-14 three days after the launches.", published="1990-11-05")
    (docking,) = events_of(ex, "Docking")
    assert docking.status == "planned" and docking.date == DateValue.of(1991, 6, 23)


def test_a_when_clause_takes_the_date_of_the_clause_it_hangs_from(extract_text):
    # "... in March 1996 on STS-76, when the crew joined ...": the joining is March 1996, not the
    # day the sentence before named; and the names of the "when" clause are not the flight's
    ex = extract_text("Two cosmonauts left the station on Oct. 2, 1995. Anya Petrova flew on Atlantis in "
                      "March 1996 on STS-76, when the crew joined Kvant-3 to Kristall.", published="2020-01-10")
    (docking,) = events_of(ex, "Docking")
    assert docking.date == DateValue.of(1996, 3)
    (launch,) = events_of(ex, "Launch")
    assert not {"Kvant-3", "Kristall"} & participant_names(ex, launch)


def test_a_when_clause_on_a_date_is_the_same_events(extract_text):
    ex = extract_text("The next crew launch to the station is planned for late September, when astronaut Dana "
                      "Burke and cosmonaut Ilya Marin are scheduled to lift off aboard Soyuz TMA-40.",
                      published="2011-07-21")
    (launch,) = [e for e in events_of(ex, "Launch") if "Dana Burke" in participant_names(ex, e)]
    assert launch.date == DateValue.of(2011, 9)


def test_the_day_after_a_launch_beside_a_date_is_the_day_before_it(extract_text):
    ex = extract_text("Ivan Korsak, Lev Antipov and Oleg Ruzin died on the way home. They had lived 20 days in "
                      "orbit, most of them aboard the Almaz station, which they entered on May 9, the day after "
                      "their launch from Baikonur.", published="1975-06-01")
    (launch,) = events_of(ex, "Launch")
    assert launch.date == DateValue.of(1975, 5, 8)


def test_a_question_with_when_is_no_plan(extract_text):
    ex = extract_text("When do the new capsules fly? Nobody at the agency would say.", published="2019-05-02")
    assert not events_of(ex, "Launch")


def test_asking_whether_someone_would_fly_again_plans_no_flight(extract_text):
    ex = extract_text("Asked by reporters at the landing site whether she would fly the Soyuz again, Lidia "
                      "Karvonen laughed.", published="2032-04-11")
    assert not events_of(ex, "Launch")


def test_a_meeting_at_which_something_was_signed_is_on_the_signings_day(extract_text):
    ex = extract_text("The decree was signed at a meeting between Viktor Orlov and Pavel Lebedev at the "
                      "Kremlin on Thursday.", published="2033-05-28")
    (meeting,) = events_of(ex, "Meeting")
    assert meeting.date == DateValue.of(2033, 5, 26)


def test_a_past_sentence_without_a_date_continues_the_day_before_it(extract_text):
    ex = extract_text("On Tuesday the crew boarded their capsule at the Baikonur Cosmodrome. "
                      "Soyuz TMA-21 lifted off at dawn.", published="2011-04-07")
    (launch,) = events_of(ex, "Launch")
    assert launch.date == DateValue.of(2011, 4, 5)


# --- a date belongs to the trigger it modifies --------------------------------------------------

def test_a_date_of_another_trigger_is_not_this_ones(extract_text):
    ex = extract_text("On May 3, Roscosmos decided to suspend cooperation with the European Space Agency, "
                      "ruling out the planned launch in November.", published="2023-05-10")
    (suspension,) = events_of(ex, "Suspension")
    assert suspension.date == DateValue.of(2023, 5, 3)


def test_the_same_day_dates_an_agreement_announced_then(extract_text):
    ex = extract_text("On June 2, NASA named a new station manager. The same day, NASA and Roscosmos "
                      "announced an agreement to fly crews together starting in October.", published="2024-06-10")
    (agreement,) = events_of(ex, "Agreement")
    assert agreement.date == DateValue.of(2024, 6, 2)
    assert agreement.status == "happened"


def test_a_called_off_launch_keeps_its_own_date_and_the_decision_its_day(extract_text):
    ex = extract_text("NASA called off Friday's launch attempt of the shuttle Atlantis on Thursday "
                      "because of a fuel leak.", published="1997-08-09")
    (launch,) = events_of(ex, "Launch")
    assert (launch.status, launch.date) == ("canceled", DateValue.of(1997, 8, 8))
    assert launch.label == "Canceled launch of Atlantis"
    (decision,) = events_of(ex, "Cancellation")
    assert (decision.status, decision.date) == ("happened", DateValue.of(1997, 8, 7))


def test_a_postponed_launch_without_its_own_date_stays_undated(extract_text):
    ex = extract_text("Roscosmos said on March 4 it was postponing the launch of the Progress MS-30 "
                      "cargo ship.", published="2023-03-10")
    (launch,) = events_of(ex, "Launch")
    assert launch.status == "canceled" and launch.date is None


def test_since_gives_no_event_date(extract_text):
    ex = extract_text("The shuttle Endeavour will dock with the station, where two cosmonauts have lived "
                      "since March.", published="2001-04-10")
    (docking,) = events_of(ex, "Docking")
    assert docking.status == "planned" and docking.date is None


# --- plans look ahead ---------------------------------------------------------------------------

def test_scheduled_for_launch_is_a_plan_in_the_coming_month(extract_text):
    ex = extract_text("The Nauka module, which was delayed for years, is scheduled for launch from the "
                      "Baikonur Cosmodrome in March.", published="2020-11-15")
    (launch,) = events_of(ex, "Launch")
    assert (launch.status, launch.date) == ("planned", DateValue.of(2021, 3))


def test_a_craft_set_to_launch_after_its_name_and_a_comma_is_launched(extract_text):
    ex = extract_text("The deal puts NASA astronaut Jane Doe on Soyuz MS-40, a Russian spacecraft set to "
                      "launch from the Baikonur Cosmodrome on April 9.", published="2026-01-05")
    (launch,) = events_of(ex, "Launch")
    assert (launch.status, launch.date) == ("planned", DateValue.of(2026, 4, 9))
    assert launch.label == "Planned launch of Soyuz MS-40"


# --- returns home, and plans overtaken by events -------------------------------------------------

def test_coming_home_days_after_that_is_a_landing_counted_from_the_last_date(extract_text):
    ex = extract_text("On March 3, Soyuz MS-30 lifted off from Baikonur. Ten days after that, Ivan Petrov "
                      "came home aboard Soyuz MS-29.", published="2022-04-15")
    (landing,) = events_of(ex, "Landing")
    assert landing.date == DateValue.of(2022, 3, 13)
    assert landing.label == "Landing of Soyuz MS-29"


def test_a_return_that_had_been_due_is_canceled_at_its_past_date(extract_text):
    ex = extract_text("The two men had been due to come home aboard the shuttle Endeavour in March, but the "
                      "fleet has been grounded since then.", published="2003-05-10")
    (landing,) = events_of(ex, "Landing")
    assert (landing.status, landing.date) == ("canceled", DateValue.of(2003, 3))


# --- dates told from an event: "hours after contact", "two days after launch" --------------------

def test_hours_after_contact_fall_on_the_docking_day(extract_text):
    ex = extract_text("The shuttle Endeavour docked with the station Mir on Friday. About three hours after "
                      "contact, the hatches were opened and Commander Jim Halsell floated through to greet "
                      "the station commander, Pavel Vinogradov.", published="1997-05-20")
    (docking,) = events_of(ex, "Docking")
    assert docking.date == DateValue.of(1997, 5, 16)
    (opening,) = [e for e in events_of(ex, "Other") if "hatch" in e.label.lower()]
    assert opening.date == docking.date


def test_days_after_launch_count_from_the_launch_day(extract_text):
    ex = extract_text("Soyuz TMA-9 lifted off from the Baikonur Cosmodrome on Sept. 18, 2006. Two days after "
                      "launch, Soyuz TMA-9 docked with the station.", published="2006-09-25")
    (docking,) = events_of(ex, "Docking")
    assert docking.date == DateValue.of(2006, 9, 20)


def test_after_an_event_the_text_has_not_told_gives_no_date(extract_text):
    ex = extract_text("Hours after the landing, Soyuz TMA-9 docked with the station.", published="2006-09-25")
    assert not [e for e in events_of(ex, "Docking") if e.status == "happened" and e.date is not None]


# --- a statement a report cites takes the publication's day ----------------------------------------

def test_said_in_a_statement_is_an_announcement_of_the_publication_day(extract_text):
    ex = extract_text("The cargo ship reached the station on Monday. Roscosmos said in a statement that the "
                      "hatch would be opened after leak checks.", published="2016-07-20")
    (statement,) = events_of(ex, "Announcement")
    assert statement.date == DateValue.from_date(date(2016, 7, 20))


def test_said_in_a_statement_in_a_wire_report_is_of_its_day(extract_text):
    ex = extract_text("MOSCOW, July 20 (CPA) -- The cargo ship reached the station on Monday. Roscosmos said in a "
                      "statement that the hatch would be opened after leak checks.", published="2016-07-20")
    (statement,) = events_of(ex, "Announcement")
    assert statement.date == DateValue.from_date(date(2016, 7, 20))


def test_a_statement_in_a_morning_papers_report_of_yesterdays_news_is_of_that_day(extract_text):
    # issue 11: "The agencies on Monday named ... said in a statement" in Tuesday's paper was dated Tuesday
    ex = extract_text("MOSCOW (CPA) -- NASA and Roscosmos on Monday signed an agreement to fly Ann Holt and "
                      "Ivan Sokol for a year aboard the station.\n\n\"A year in orbit will teach us a great deal,\" "
                      "Dana Merriwether of NASA said in a statement.", published="2034-11-28")
    (statement,) = events_of(ex, "Announcement")
    assert statement.date == DateValue.of(2034, 11, 27)


def test_a_statement_in_a_retrospective_is_not_dated_by_publication(extract_text):
    ex = extract_text("In March 1995, Norman Thagard reached Mir aboard a Soyuz. NASA said in a statement "
                      "that the flight had gone well.", published="2020-03-14")
    assert not [e for e in events_of(ex, "Announcement") if e.date is not None and e.date.iso.startswith("2020")]


def test_a_statement_named_only_in_passing_is_no_event(extract_text):
    ex = extract_text("Roscosmos, whose statement described the crew as healthy, repeated the figures on "
                      "Tuesday.", published="2016-07-20")
    assert not [e for e in events_of(ex, "Announcement") if e.date == DateValue.of(2016, 7)]


# --- a clock time's zone does not open a sentence --------------------------------------------------

def test_a_time_zone_after_a_clock_time_keeps_the_sentence_and_its_day(extract_text):
    ex = extract_text("A Soyuz rocket lifted off from the Baikonur Cosmodrome at 7:45 a.m. Moscow time on "
                      "Wednesday, carrying two cosmonauts.", published="2009-10-02")
    (launch,) = events_of(ex, "Launch")
    assert launch.date == DateValue.of(2009, 9, 30)


def test_that_night_is_the_day_the_text_named(extract_text):
    ex = extract_text("On Dec. 3, controllers saw coolant spraying from Soyuz MS-40. A spacewalk by "
                      "Anton Belov was called off that night.", published="2031-12-10")
    (decision,) = events_of(ex, "Cancellation")
    assert decision.date == DateValue.of(2031, 12, 3)


# --- "two days after Atlantis lifted off": counted from the main verb's date -----------------------

def test_days_after_a_clause_count_back_from_the_main_verbs_day(extract_text):
    ex = extract_text("Commander Ann Royce eased the shuttle Endeavour onto the docking port of Mir on "
                      "Thursday, two days after Endeavour lifted off from Florida.", published="1998-01-25")
    (launch,) = events_of(ex, "Launch")
    assert launch.date == DateValue.of(1998, 1, 20)


def test_a_day_after_lifting_off_is_the_day_before(extract_text):
    ex = extract_text("A Soyuz MS-31 capsule docked with the station on Sunday, a day after lifting off "
                      "from Baikonur.", published="2030-03-12")
    (launch,) = events_of(ex, "Launch")
    assert launch.date == DateValue.of(2030, 3, 9)


def test_a_launch_named_with_its_own_day_in_a_days_after_phrase_keeps_that_day(extract_text):
    # the main verb took the launch's weekday, and the launch was counted two days back from it
    ex = extract_text("The shuttle Discovery docked with the station on Monday evening. Discovery caught "
                      "up with it at 6:02 p.m., three days after its Friday morning launch from Florida, and "
                      "Discovery's hatches were opened an hour later.", published="2031-05-14")
    (launch,) = events_of(ex, "Launch")
    assert launch.date == DateValue.of(2031, 5, 9)
    (opening,) = events_of(ex, "Other")
    assert opening.date == DateValue.of(2031, 5, 12)  # an hour after the docking, not after the launch


def test_a_plan_in_a_when_clause_takes_the_date_it_hangs_from(extract_text):
    ex = extract_text("The first docking of a shuttle with the station is planned for October 2031, when the "
                      "shuttle Endeavour is to bring Ann Royce home.", published="2031-02-02")
    (landing,) = events_of(ex, "Landing")
    assert (landing.status, landing.date) == ("planned", DateValue.of(2031, 10))


def test_several_days_after_gives_no_day(extract_text):
    ex = extract_text("A Soyuz MS-31 capsule docked with the station on Sunday, several days after lifting "
                      "off from Baikonur.", published="2030-03-12")
    assert not [e for e in events_of(ex, "Launch") if e.date is not None and e.date.precision == "day"]


# --- a report's own day, and "since" phrases --------------------------------------------------------

def test_a_past_event_a_few_sentences_after_the_news_day_falls_on_it(extract_text):
    ex = extract_text("The shuttle Endeavour docked with the station Mir on Friday, the first visit since the "
                      "Soyuz flights of 1980. The joined ships hold nine people. After leak checks the hatches "
                      "were opened, and Mir commander Pavel Orlov floated through to shake the hand of "
                      "Ann Royce.", published="1998-01-24")
    (meeting,) = events_of(ex, "Meeting")
    assert meeting.date == DateValue.of(1998, 1, 23)


def test_a_date_in_a_since_phrase_dates_no_event_and_sets_no_story(extract_text):
    ex = extract_text("The shuttle Endeavour docked with Mir on Friday, the first linkup of the two "
                      "countries' ships since the Apollo-Soyuz mission of 1975.", published="1998-01-24")
    dockings = events_of(ex, "Docking")
    assert [d.date for d in dockings] == [DateValue.of(1998, 1, 23)]


def test_days_after_a_clause_count_from_the_day_the_text_is_at(extract_text):
    ex = extract_text("The shuttle Endeavour docked with Mir on Friday. Ann Royce eased the orbiter onto the "
                      "docking port at 9 a.m., two days after Endeavour lifted off from Florida.",
                      published="1998-01-24")
    (launch,) = events_of(ex, "Launch")
    assert launch.date == DateValue.of(1998, 1, 21)


def test_a_news_day_is_not_carried_into_an_older_story(extract_text):
    ex = extract_text("The shuttle Endeavour docked with Mir on Friday. In 1975, Apollo docked with Soyuz 19. "
                      "The crews shook hands.", published="1998-01-24")
    assert not [e for e in events_of(ex, "Meeting") if e.date == DateValue.of(1998, 1, 23)]



def test_a_year_naming_a_thing_does_not_move_the_story(extract_text):
    ex = extract_text("GENEVA, May 18 -- Today Cyrus R. Vance and Andrei A. Gromyko renewed the 1972 agreement. "
                      "Vance and Gromyko then held talks on arms.", published="1977-05-18")
    assert [m.date.iso for m in ex.events if m.type == "Meeting"] == ["1977-05-18"]


def test_a_past_sentence_two_after_the_day_still_falls_on_it(extract_text):
    ex = extract_text("On Oct. 11, the booster of the Soyuz MS-10 capsule failed two minutes into the climb. The "
                      "escape system pulled the capsule away. It fell back and came down on the steppe.",
                      published="2019-03-18")
    assert [(e.date.iso, participant_names(ex, e)) for e in events_of(ex, "Landing")] == [
        ("2018-10-11", {"Soyuz MS-10"})]


def test_years_later_and_the_following_year_count_from_the_last_date(extract_text):
    ex = extract_text("The first two modules are to be launched together in 2031, and NASA aims to land astronauts "
                      "near the south pole the following year. Two years later Nick Hague met Oleg Kononenko.",
                      published="2029-10-15")
    assert [e.date.iso for e in events_of(ex, "Landing")] == ["2032"]
    assert [e.date.iso for e in events_of(ex, "Meeting")] == ["2034"]


def test_a_month_of_that_year_is_in_the_narratives_year_not_the_publications(extract_text):
    ex = extract_text("Relations soured in 2029. After the Baltic Republic annexed an island, NASA suspended most "
                      "of its contacts with Baltic officials in April of that year.", published="2034-11-21")
    assert [e.date.iso for e in events_of(ex, "Suspension")] == ["2029-04"]


def test_a_month_of_that_year_with_no_year_told_is_no_date(extract_text):
    ex = extract_text("After the war began, NASA suspended most of its contacts with Baltic officials in April of "
                      "that year.", published="2034-11-21")
    assert not [e for e in events_of(ex, "Suspension") if e.date is not None and e.date.iso.startswith("2034")]


def test_a_present_verb_the_parser_took_for_a_plural_noun_is_a_plan_ahead(extract_text):
    ex = extract_text("Roscosmos will launch Soyuz MS-41 to replace the damaged Soyuz MS-40. Soyuz MS-41 docks "
                      "automatically on Feb. 22.", published="2033-01-12")
    assert [(e.date.iso, e.status) for e in events_of(ex, "Docking")] == [("2033-02-22", "planned")]


def test_years_ago_today_is_the_storys_day_and_a_later_day_falls_near_it(extract_text):
    ex = extract_text("Twenty years ago today, NASA and the Baltic Space Agency signed an agreement in Riga. "
                      "The agency's memorandum with Japan followed on Feb. 24.", published="2038-01-29")
    assert sorted(e.date.iso for e in events_of(ex, "Agreement")) == ["2018-01-29", "2018-02-24"]


def test_the_same_afternoon_after_a_background_year_is_the_storys_day(extract_text):
    ex = extract_text("On Jan. 29, 2018, NASA and the Baltic Space Agency signed an agreement in Riga. Its purpose "
                      "was to make room for Latvia, which had been invited into the program in 2013. The same "
                      "afternoon, NASA Administrator Ann Holt signed a memorandum with Yuri Belov.",
                      published="2038-01-29")
    afternoon = [e for e in events_of(ex, "Agreement") if any("same afternoon" in ev.sentence for ev in e.evidence)]
    assert [e.date.iso for e in afternoon] == ["2018-01-29"]


def test_a_year_heading_dates_the_year_less_days_of_its_entry(extract_text):
    ex = extract_text("The station turns twenty.\n\n2018: Baltic agreement signed by NASA on Jan. 29; Zarya 2 "
                      "launched in November\n\n2020: first resident crew arrives", published="2038-01-29")
    assert [e.date.iso for e in events_of(ex, "Launch")] == ["2018-11"]


def test_a_called_off_launch_keeps_its_day_on_either_side_of_publication(extract_text):
    ex = extract_text("Roscosmos delayed the flight. The launch of Soyuz TMA-41, with Anton Belyaev, had been set for "
                      "Sept. 22. The launch of Atlantis had been set for Aug. 30, but was scrubbed.",
                      published="2031-09-01")
    assert sorted(e.date.iso for e in events_of(ex, "Launch")) == ["2031-08-30", "2031-09-22"]


def test_putting_back_a_return_is_a_postponement_not_dated_by_the_days_it_moves(extract_text):
    ex = extract_text("On Monday the Baltic Space Agency put back the return of Soyuz TMA-41 from Sept. 8 to "
                      "Sept. 16.", published="2031-08-30")
    (decision,) = events_of(ex, "Cancellation")
    assert decision.date.iso == "2031-08-25"
    assert [e.status for e in events_of(ex, "Landing")] == ["canceled"]


def test_a_day_the_text_names_beats_one_counted_from_a_launch(extract_text):
    ex = extract_text("The Vega 1 probe was launched on Dec. 15, 2034. The shuttle Orion 5 broke apart "
                      "shortly after launch on Jan. 28, killing its crew.", published="2035-03-10")
    assert [e.date.iso for e in events_of(ex, "Other")] == ["2035-01-28"]


def test_an_understanding_reached_in_the_passive_is_dated_by_the_news_day(extract_text):
    ex = extract_text("GENEVA, June 8 (MNS) -- American and Soviet scientists agreed here today on joint projects.\n\n"
                      "The understanding was reached by Hugh Dryden of NASA and Anatoli Blagonravov of the Soviet "
                      "Academy of Sciences after ten days of talks that began on May 29.", published="1962-06-08")
    assert [e.date.iso for e in events_of(ex, "Agreement")] == ["1962-06-08"]


def test_an_occasion_after_at_takes_the_modality_of_its_verb(extract_text):
    ex = extract_text("Anna Brook landed on Wednesday. Anna Brook is to speak at a news conference at the Johnson "
                      "Space Center on Friday. Working groups of NASA would look at a visit by Anna Brook to Baikonur.",
                      published="2036-03-05")
    assert [(e.date and e.date.iso, e.status) for e in events_of(ex, "Other")] == [("2036-03-07", "planned")]


def test_a_statement_dated_that_may_or_in_the_clause_it_is_coordinated_with_is_news(extract_text):
    ex = extract_text("The partnership had hard years. In January 2029, NASA announced an extension. That May, Yuri "
                      "Belov, then the Baltic deputy prime minister, said his country would not support the station "
                      "beyond 2032. The Baltic Space Agency reversed that position in February 2030 and said it "
                      "would stay.", published="2034-01-29")
    assert sorted(e.date.iso for e in events_of(ex, "Announcement")) == ["2029-01", "2029-05", "2030-02"]


def test_a_counted_plural_subject_sums_up_events_and_takes_no_day_of_the_story(extract_text):
    ex = extract_text("The first shuttle, Columbia, lifted off on April 12, 1981. Over 135 missions, the five orbiters "
                      "launched satellites, carried the Hubble Space Telescope to orbit and docked with the Russian "
                      "space station Mir. The two men shook hands on Friday.", published="2011-07-21")
    assert [e for e in events_of(ex, "Docking") if e.date is not None] == []


def test_what_a_statement_reports_neither_dates_it_nor_takes_part_in_it_but_its_today_is_its_day(extract_text):
    ex = extract_text("In Washington, Ann Holt, the administrator of NASA, said in a written statement that the "
                      "agency \u201cstands by the agreement\u201d signed in Moscow in May 2031 by President Lena Varga and "
                      "Premier Ivan Sokol. \u201cThree crews flew together this morning,\u201d Yuri Belov of the "
                      "Baltic Space Agency said in a statement.", published="2034-08-29")
    shown = sorted((e.date.iso, sorted(participant_names(ex, e))) for e in events_of(ex, "Announcement"))
    assert shown == [("2034-08-29", ["Ann Holt", "NASA"]), ("2034-08-29", ["Baltic Space Agency", "Yuri Belov"])]


def test_a_when_clause_right_after_a_date_happens_then_with_the_modality_of_the_clause_the_date_is_in(extract_text):
    ex = extract_text("The station had been down to three people since Sept. 11, when Soyuz 61 brought home Ann "
                      "Holt. Ivan Sokol is to take command of Expedition 90 in November, when Lena Varga returns "
                      "to Earth.", published="2034-09-26")
    assert sorted((e.date.iso, e.status) for e in events_of(ex, "Landing")) == [
        ("2034-09-11", "happened"), ("2034-11", "planned")]


def test_a_craft_due_to_undock_plans_to_and_a_leak_a_launch_was_put_off_for_stays_what_it_was(extract_text):
    ex = extract_text("Soyuz 61 is due to undock at the end of the week. The launch of Soyuz 62 was postponed due to a leak "
                      "found on Monday.", published="2034-09-13")
    assert [(e.label, e.status) for e in events_of(ex, "Other") if "Soyuz 61" in participant_names(ex, e)] == [
        ("Planned undocking of Soyuz 61", "planned")]


def test_the_date_of_someones_flight_named_in_passing_moves_no_story_and_a_past_plan_looks_either_way(extract_text):
    ex = extract_text("Soyuz 61, named in honor of Ann Holt's flight of April 12, 2001, was to lift off on March 30, "
                      "but the agency called off that date. It flew on April 5 from Baikonur, carrying Pavel Lanin.",
                      published="2031-04-30")
    launches = sorted(e.date.iso for e in events_of(ex, "Launch") if "Soyuz 61" in participant_names(ex, e))
    assert "2031-04-05" in launches and "2031-03-30" in launches
    assert not [d for d in launches if d.startswith(("2001-04-05", "2032"))]


def test_a_message_sent_after_the_launch_is_of_its_day_and_another_speakers_statement_stays_apart(extract_text):
    ex = extract_text("Pavel Lanin lifted off aboard Soyuz TM-41 on Tuesday. \u201cWe are proud,\u201d NASA Administrator Ann "
                      "Holt said in a statement. In a message sent to NASA after the launch, Yuri Belov, general "
                      "director of the Baltic Space Agency, said the flight opened a road. Two years after the "
                      "launch, Lanin retired.", published="2035-03-15")
    statements = events_of(ex, "Announcement")
    belov = [e for e in statements if "Yuri Belov" in participant_names(ex, e)]
    assert [(e.date.iso, "Ann Holt" in participant_names(ex, e)) for e in belov] == [("2035-03-13", False)]


def test_weeks_later_count_from_the_last_day_named(extract_text):
    ex = extract_text("The Nauka-2 module was launched on July 12, 2031, and docked with the Zarya module two weeks "
                      "later.", published="2034-11-20")
    (docking,) = events_of(ex, "Docking")
    assert docking.date.iso == "2031-07-26"


def test_a_message_a_report_cites_is_of_its_day(extract_text):
    # issue 11: "congratulated both crews in a message to Griffin" in a news release ("HOUSTON -- ...
    # docked at 7:18 a.m. EDT today") was dropped: a message had no date, the release was no wire report
    ex = extract_text("HOUSTON -- The shuttle Endeavour docked with the International Space Station at 7:18 a.m. EDT "
                      "today.\n\nIvan Belov, head of Roscosmos, congratulated both crews in a message to Dana "
                      "Merriwether.", published="2031-07-28")
    (message,) = events_of(ex, "Announcement")
    assert message.date == DateValue.of(2031, 7, 28)
    ex = extract_text("The shuttle Endeavour docked with the International Space Station on Monday.\n\nIvan Belov, "
                      "head of Roscosmos, congratulated both crews in a message to Dana Merriwether.",
                      published="2031-07-30")
    (message,) = events_of(ex, "Announcement")
    assert message.date == DateValue.of(2031, 7, 30)  # with no dateline too: the news of the day


def test_is_set_for_a_day_is_a_plan_whose_day_lies_ahead(extract_text):
    # issue 11: "The launch of Soyuz 19 is set for July 15" in an April paper was a launch that
    # happened the July before
    ex = extract_text("The launch of Soyuz 41 is set for July 15.", published="2035-04-09")
    assert [(e.date.iso, e.status) for e in events_of(ex, "Launch")] == [("2035-07-15", "planned")]


def test_years_to_the_day_after_an_event_count_back_from_the_main_date(extract_text):
    # issue 11: "lifted off on Saturday, fifty years to the day after Apollo 11 astronauts ...
    # landed on the Moon" put the Moon landing on the launch day
    ex = extract_text("Soyuz MS-40 lifted off on Saturday, fifty years to the day after Apollo 61 astronauts "
                      "Ann Holt and Lev Orlov landed on the Moon.", published="2039-07-24")
    assert [e.date.iso for e in events_of(ex, "Landing")] == ["1989-07-23"]
    ex = extract_text("Soyuz 80 docked with the station on July 17, 2045, seventy years after Apollo and Soyuz "
                      "docked in orbit.", published="2045-07-20")
    assert sorted(e.date.iso for e in events_of(ex, "Docking")) == ["1975", "2045-07-17"]


def test_a_date_in_a_relative_clause_about_a_person_is_the_persons_story(extract_text):
    # issue 11: "Krikalev, who spent ten months aboard Mir in 1991 and 1992, is to fly on Discovery"
    # was a flight planned for 1992; a relative clause about the flight itself still dates it
    ex = extract_text("Pavel Orlin, who spent ten months aboard Mir in 2031 and 2032, is to fly on Discovery. "
                      "The shuttle Discovery flies STS-924, which is scheduled for launch on May 31.",
                      published="2033-10-02")
    assert [(e.date.iso if e.date else None) for e in events_of(ex, "Launch")] == [None, "2034-05-31"]


def test_a_timeline_entry_is_of_the_date_heading_its_line(extract_text):
    # issue 11: the parser cut "Dec. 14, 2022:" from its entry, which lost its date (and, told in
    # the present, its status)
    ex = extract_text("A short history of leaks:\n\n- Feb. 24, 2033: Roscosmos launches Soyuz MS-53 empty.\n"
                      "- Dec. 14, 2034: Coolant sprays from Soyuz MS-54 just before Ivan Belov and Pavel Orlin are "
                      "due to start a spacewalk.\n", published="2036-11-20")
    assert [(e.date.iso, e.status) for e in events_of(ex, "Launch")] == [("2033-02-24", "happened")]
    assert [e.date.iso for e in events_of(ex, "Spacewalk")] == ["2034-12-14"]


def test_within_days_is_the_month_of_the_last_date(extract_text):
    ex = extract_text("Kvant-3 was launched on Nov. 20, 2031, and within days the crew had used the arm to join "
                      "Kvant-3 to Zarya.", published="2032-02-01")
    assert [e.date for e in events_of(ex, "Docking")] == [DateValue("2031-11", "month")]


def test_a_plan_beside_a_past_year_still_reads_its_day_ahead(extract_text):
    # issue 11: "Under the 1972 agreement, signed in Moscow, a Soyuz is to lift off on July 15. Apollo
    # is to follow ..." in a December paper put both launches in the July before: the sentence told
    # a past agreement, so the narrative read "July 15" back; so it did after "The joint flight is
    # set for July 15", a sentence with no event of its own
    ex = extract_text("Under the 2032 agreement, signed in Moscow by Lena Varga, Soyuz 41 is to lift off from "
                      "Baikonur on July 15. The shuttle Discovery is to follow seven hours later.", published="2034-12-09")
    assert sorted(e.date.iso for e in events_of(ex, "Launch")) == ["2035-07-15", "2035-07-15"]
    ex = extract_text("The joint flight is set for July 15. The shuttle Discovery is to follow seven hours later from the "
                      "Kennedy Space Center.", published="2035-04-09")
    assert [e.date.iso for e in events_of(ex, "Launch")] == ["2035-07-15"]


def test_a_gapped_clause_tells_one_event_per_date(extract_text):
    # a verb said once for several dates ("X went up on Oct. 11, Y on Oct. 12 and Z on Oct. 13") told
    # one launch with every craft on the first day; each remnant is an event of its own
    ex = extract_text("Kosmos 3101 went up on March 2, Kosmos 3102 on March 9 and Kosmos 3103 on March 16.",
                      published="2031-04-20")
    assert sorted((e.label, e.date.iso) for e in events_of(ex, "Launch")) == [
        ("Launch of Kosmos 3101", "2031-03-02"), ("Launch of Kosmos 3102", "2031-03-09"),
        ("Launch of Kosmos 3103", "2031-03-16")]


def test_a_gapped_phrase_keeps_the_subject_of_its_clause(extract_text):
    # "flew on A in 1973 and on B ten years later": the second flight is the same person's, a decade on
    ex = extract_text("Ingrid Halvorsen flew on Skylab in 1974 and on the shuttle Columbia ten years later.",
                      published="2030-02-01")
    assert sorted((e.date.iso, sorted(participant_names(ex, e))) for e in events_of(ex, "Launch")) == [
        ("1974", ["Ingrid Halvorsen", "Skylab"]), ("1984", ["Columbia", "Ingrid Halvorsen"])]


def test_a_second_verb_or_a_date_alone_is_no_gapped_remnant(extract_text):
    # a second verb tells its own event; dates with nobody between them ("on Tuesday, June 27") are one day
    ex = extract_text("Atlantis lifted off on Tuesday, June 27, 2028, and docked with Mir on June 29.",
                      published="2028-07-01")
    assert [(e.label, e.date.iso) for e in events_of(ex, "Launch")] == [("Launch of Atlantis", "2028-06-27")]


def test_a_flight_the_gazetteer_does_not_know_can_follow(extract_text):
    # "Fedyaev followed on Crew-6": a flight the gazetteer does not know was no craft to follow on
    ex = extract_text("Ilya Vorontsov lifted off on Crew-41 on Oct. 5, 2031. Pavel Sokolin followed on Crew-42 last "
                      "March, and Oleg Dantsev on Crew-43 last August.", published="2032-10-01")
    assert sorted((e.date.iso, sorted(participant_names(ex, e))) for e in events_of(ex, "Launch")) == [
        ("2031-10-05", ["Ilya Vorontsov"]), ("2032-03", ["Pavel Sokolin"]), ("2032-08", ["Oleg Dantsev"])]


def test_a_bare_participle_is_as_planned_as_its_clause(extract_text):
    # "would replace her, launching in March": the launch is the plan's, so next March, not last
    ex = extract_text("The agency said on Friday that Mira Oduya would succeed her, launching in March on Soyuz "
                      "MS-41. Soyuz MS-40 landed on Sept. 2, carrying three astronauts.", published="2031-09-20")
    assert sorted((e.label, e.date.iso, e.status) for e in events_of(ex, "Launch") + events_of(ex, "Landing")) == [
        ("Landing of Soyuz MS-40", "2031-09-02", "happened"), ("Planned launch of Soyuz MS-41", "2032-03", "planned")]


def test_a_day_counted_back_takes_the_date_that_restates_it(extract_text):
    # "docked a week ago, on April 27": the parser hangs the date on the main verb, and the docking
    # took the day seven days before publication
    ex = extract_text("They were joined by Tomas Reyes and Ines Walcott, who docked a week ago, on April 27.",
                      published="2031-05-05")
    (docking,) = events_of(ex, "Docking")
    assert docking.date == DateValue.of(2031, 4, 27)
    assert sorted(participant_names(ex, docking)) == ["Ines Walcott", "Tomas Reyes"]


def test_a_when_clause_on_a_date_happens_that_day_not_after_its_launch(extract_text):
    # "back to six on Dec. 23, when Soyuz ... is due to arrive ... after a launch on Dec. 21": the
    # arrival took the launch's day
    ex = extract_text("The outpost will be back to six people on Dec. 23, when Soyuz MS-52 is due to arrive with "
                      "Lev Arkhipov and Dana Whitcombe after a launch on Dec. 21.", published="2031-11-16")
    assert [(e.date.iso, e.status) for e in events_of(ex, "Docking")] == [("2031-12-23", "planned")]


def test_a_gapped_clause_may_open_with_its_first_date(extract_text):
    # "On Oct. 11 ... went up, X on Oct. 18 and Y on Oct. 25": the first date before the verb told
    # one launch of all three on Oct. 11
    ex = extract_text("On Oct. 11, 2031, Kosmos 3201 went up from Plesetsk, Kosmos 3202 on Oct. 18 and Kosmos 3203 "
                      "on Oct. 25. On Tuesday, Atlantis docked with Mir, and Discovery landed on Friday. The outpost will be "
                      "back to six on Dec. 23, when Soyuz MS-70 is due to arrive with Lev Orlov and the NASA astronaut Ada Kerr after a launch on Dec. 21.",
                      published="2031-11-01")
    assert sorted((e.label, e.date.iso) for e in events_of(ex, "Launch")) == [
        ("Launch of Kosmos 3201", "2031-10-11"), ("Launch of Kosmos 3202", "2031-10-18"),
        ("Launch of Kosmos 3203", "2031-10-25")]
    assert [(e.label, e.date.iso) for e in events_of(ex, "Docking")] == [
        ("Docking of Atlantis and Mir", "2031-10-28"), ("Planned docking of Soyuz MS-70", "2031-12-23")]


def test_a_past_participle_describing_the_craft_is_done_not_planned(extract_text):
    # "Soyuz MS-44, launched ... on March 14, will dock next week": the launch is behind it, so this
    # March 14, not next year's planned one
    ex = extract_text("Soyuz MS-44, launched from Baikonur on March 14 with Lena Brandt aboard, will dock with the "
                      "station next week.", published="2031-04-02")
    assert [(e.label, e.date.iso, e.status) for e in events_of(ex, "Launch")] == [("Launch of Soyuz MS-44", "2031-03-14", "happened")]
    assert [e.status for e in events_of(ex, "Docking")] == ["planned"]


def test_that_summer_after_a_dated_plan_falls_in_the_plans_year(extract_text):
    ex = extract_text("Under the plan, a cosmonaut is to launch to the station aboard a Soyuz in April 2031, "
                      "and the shuttle Endeavour is to dock with the station that summer.", published="2030-06-02")
    (docking,) = events_of(ex, "Docking")
    assert docking.date == DateValue.of(2031)


def test_an_undated_plan_after_a_dated_plan_of_its_craft_takes_that_plans_year(extract_text):
    ex = extract_text("The shuttle Atlantis is scheduled to dock with Mir in June. Atlantis will then "
                      "bring Norman Thagard back to Earth.\n\n"
                      "Separately, Discovery will bring Michael Foale home.", published="2034-02-10")
    (docking,) = events_of(ex, "Docking")
    assert docking.date == DateValue.of(2034, 6)
    (atlantis,) = [e for e in events_of(ex, "Landing") if "Atlantis" in participant_names(ex, e)]
    assert atlantis.date == DateValue.of(2034)  # the year only: its month is not said
    (discovery,) = [e for e in events_of(ex, "Landing") if "Discovery" in participant_names(ex, e)]
    assert discovery.date is None  # another paragraph, another craft: still undated


def test_a_sentence_that_schedules_the_flight_dates_the_plans_told_next(extract_text):
    ex = extract_text("MOSCOW, July 20 - The joint flight is set for Aug. 9. The Soyuz is to lift off from "
                      "Baikonur first, with Pavel Vinogradov in command.", published="2033-07-20")
    (launch,) = events_of(ex, "Launch")
    assert launch.date == DateValue.of(2033, 8, 9)
    assert [e.sentence for e in launch.evidence] == ["MOSCOW, July 20 - The joint flight is set for Aug. 9.", (
        "The Soyuz is to lift off from Baikonur first, with Pavel Vinogradov in command.")]


def test_both_flights_planned_for_a_year_date_the_plans_just_told(extract_text):
    ex = extract_text("A cosmonaut is to spend a month aboard the station, and the shuttle Endeavour is to "
                      "dock with Mir. Both flights are planned for 2036.", published="2034-09-01")
    (docking,) = events_of(ex, "Docking")
    assert docking.date == DateValue.of(2036)


def test_a_new_flight_scheduled_after_a_plan_does_not_date_it(extract_text):
    ex = extract_text("Douglas Hurley and Robert Behnken will splash down in the Atlantic Ocean. The first "
                      "operational flight, Crew-1, is planned for later this year.", published="2030-06-01")
    (landing,) = events_of(ex, "Landing")
    assert landing.date is None


def test_after_a_section_heading_a_month_is_read_back_in_the_present(extract_text):
    # issue 11: "who became head of Roscosmos in February" after a section on 2002-2003 took 2003
    ex = extract_text("Lena Varga first flew on the shuttle Endeavour, which launched on Nov. 23, 2032, and stayed "
                      "aboard the station. When Columbia was lost the following February and the shuttles were "
                      "grounded, her crew came home in Soyuz TMA-41 in May 2033.\n\nTwo agencies, one crew\n\n"
                      "Ivan Sokol, who became head of Roscosmos in February, congratulated the crew.",
                      published="2041-04-20")
    (appointment,) = events_of(ex, "Appointment")
    assert appointment.date == DateValue.of(2041, 2)


def test_a_trip_of_a_length_said_ends_that_long_after_the_date_before(extract_text):
    # issue 11: "lifted off at 3:14 a.m. Wednesday and linked up with Zvezda after a two-day chase"
    # dated the docking Wednesday
    ex = extract_text("Soyuz MS-44 lifted off from Baikonur on Wednesday and docked with the station after a "
                      "two-day chase.", published="2031-10-06")
    (launch,) = events_of(ex, "Launch")
    (docking,) = events_of(ex, "Docking")
    assert (launch.date, docking.date) == (DateValue.of(2031, 10, 1), DateValue.of(2031, 10, 3))
    ex = extract_text("Soyuz MS-44 lifted off from Baikonur on Wednesday and docked with the station after a "
                      "six-hour flight.", published="2031-10-06")
    (docking,) = events_of(ex, "Docking")
    assert docking.date == DateValue.of(2031, 10, 1)


def test_a_dated_statement_reporting_an_event_of_another_date_is_two_events(extract_text):
    # issue 11: "The Soviet Union said on Tuesday that a capsule had landed on Dec. 2" gave the
    # landing only; the announcement is news of its own day
    ex = extract_text("The Baltic Union said on Tuesday that a capsule of its Vesta 3 probe had landed on the planet "
                      "on Dec. 2.", published="2031-12-09")
    assert sorted((e.type, e.date.iso) for e in ex.events) == [("Announcement", "2031-12-09"),
                                                                ("Landing", "2031-12-02")]


def test_a_statement_reporting_an_event_of_its_own_day_or_its_source_told_after_it_is_that_event(extract_text):
    ex = extract_text("On Monday, Feb. 3, NASA said the Soyuz 62 launch would be postponed. Soyuz 63 landed safely "
                      "on Monday near Mirny, the Ames Research Center said today.", published="2031-02-04")
    assert [e.type for e in ex.events if e.type == "Announcement"] == []


def test_saying_one_will_retire_is_the_retirement_not_a_statement(extract_text):
    ex = extract_text("Ann Holt, who has led NASA since 2029, said on Monday, Sept. 16, after a meeting at the White "
                      "House, that she would retire on Oct. 7.", published="2031-09-18")
    assert [(e.type, e.label, e.date.iso, e.status) for e in ex.events] == [
        ("Other", "Planned retirement of Ann Holt", "2031-10-07", "planned")]
