"""Quotes whose speaker is a description or a person named in apposition (kg.extract.speakers):
regressions of issue 11. Each test holds its own sentences, written for it.
"""

from __future__ import annotations


def quotes(ex):
    return {(ex.entities[q.speaker].label, q.text) for q in ex.quotes}


def test_the_agencys_post_is_its_holder_in_this_document_not_the_last_agency_named(extract_text):
    # issue 11: "the agency's general director said" went to the last agency named (NASA here);
    # the post's holder in this document wins over the gazetteer's (Bakanov, at this date)
    ex = extract_text("Yuri Borisov, the general director of Roscosmos, met NASA's Bill Nelson in Houston. "
                      '"We will keep flying together," the agency\'s general director said.')
    assert ("Yuri Borisov", "We will keep flying together") in quotes(ex)


def test_the_agencys_post_goes_to_a_named_person_who_holds_it_at_the_date(extract_text):
    # the gazetteer records Dmitry Bakanov as Roscosmos's director general in 2025
    ex = extract_text("Dmitry Bakanov spoke in Moscow on Tuesday. Then NASA released a plan. "
                      '"Talks will go on," the agency\'s general director said.')
    assert ("Dmitry Bakanov", "Talks will go on") in quotes(ex)


def test_she_said_after_a_spokeswoman_named_in_apposition(extract_text):
    ex = extract_text("At mission control, a spokeswoman, Vera Lintova, told reporters the crew was safe. "
                      '"The station is not in danger," she said. "We have lost a module, not the station."',
                      published="1997-06-26")
    found = quotes(ex)
    assert ("Vera Lintova", "The station is not in danger") in found
    assert ("Vera Lintova", "We have lost a module, not the station.") in found


def test_a_first_person_aside_does_not_take_the_quote_from_the_speaker(extract_text):
    # an interview answer: "and I am quoting the translation" is the interviewee's aside
    ex = extract_text("Q: Were you surprised?\n\nA: Dmitry Rogozin said on television, and I am quoting the "
                      'translation, that the marks pointed to "a drill, not a rock" and that the police would look.',
                      published="2018-09-20")
    assert ("Dmitry Rogozin", "a drill, not a rock") in quotes(ex)
