"""What the graph says about an entity (kg.analytics.explain, kg.analytics.report.explain_entity)."""

from __future__ import annotations

import pytest

from kg.analytics.explain import Explanation, explain, render_explanation
from kg.ontology import KGR

DUFFY = str(KGR["person/sean-duffy"])
BAKANOV = str(KGR["person/dmitry-bakanov"])
USA = str(KGR["country/united-states"])
NASA = str(KGR["agency/nasa"])
S1 = "The July 31st meeting brought together NASA's Acting Administrator Sean Duffy and Roscosmos Director General Dmitry Bakanov in the United States."


def by_kind(facts):
    out = {}
    for fact in facts:
        out.setdefault(fact.kind, []).append(fact)
    return out


def test_a_person_s_post_event_quote_and_mentions_each_with_their_sentence(two_articles):
    facts = by_kind(explain(two_articles, DUFFY))
    assert [f.text for f in facts["position"]] == ["Sean Duffy: acting administrator of NASA"]
    assert facts["position"][0].evidence[0].sentence == S1
    assert [f.text for f in facts["event"]] == [
        "Sean Duffy took part in the meeting of 2025-07-31 at United States with Dmitry Bakanov, NASA and Roscosmos"
    ]
    assert facts["event"][0].date == "2025-07-31"
    assert [f.text for f in facts["quotation"]] == ['Sean Duffy said: "We will see."']
    assert facts["quotation"][0].evidence[0].sentence == 'Duffy said: "We will see."'
    assert [f.text for f in facts["mention"]] == ['mentioned 2 times in a.txt as "Sean Duffy", "Duffy"']
    assert "involvement" not in facts and "agency_country" not in facts


def test_the_same_fact_in_two_documents_is_one_fact_with_both_sentences(two_articles):
    (post,) = by_kind(explain(two_articles, BAKANOV))["position"]
    assert post.text == "Dmitry Bakanov: director general of Roscosmos"
    assert [e.document for e in post.evidence] == ["a.txt", "b.txt"]


def test_an_organization_lists_posts_at_it_involvement_and_country(two_articles):
    facts = by_kind(explain(two_articles, NASA))
    assert [f.text for f in facts["position"]] == ["Sean Duffy: acting administrator of NASA"]
    assert [f.text for f in facts["involvement"]] == ["NASA takes part in Artemis program"]
    assert [f.text for f in facts["agency_country"]] == ["NASA is based in United States"]
    events = [f.text for f in facts["event"]]
    assert events[0].startswith("NASA took part in the meeting of 2025-07-31")
    assert events[1] == "NASA is to take part in the launch of 2026 with Roscosmos (planned)"


def test_a_place_lists_the_events_held_there(two_articles):
    (event,) = by_kind(explain(two_articles, USA))["event"]
    assert event.text == "The meeting of 2025-07-31 at United States, with Dmitry Bakanov, NASA, Roscosmos and Sean Duffy"


def test_facts_come_in_a_fixed_order_of_kinds(two_articles):
    kinds = [f.kind for f in explain(two_articles, NASA)]
    order = ["position", "event", "involvement", "agency_country", "quotation", "mention"]
    assert kinds == sorted(kinds, key=order.index)


def test_an_entity_the_documents_do_not_know_has_no_facts(two_articles):
    assert explain(two_articles, str(KGR["person/nobody"])) == []


def test_render_shows_headings_facts_sentences_and_sources(two_articles):
    facts = tuple(explain(two_articles, DUFFY))
    text = render_explanation(Explanation(DUFFY, "Sean Duffy", "Person", "", ("Duffy",), facts))
    lines = text.splitlines()
    assert lines[0] == f"Sean Duffy (Person; {DUFFY})"
    assert lines[1] == "also called: Duffy"
    for heading in ("Positions", "Events", "Quotations", "Mentions"):
        assert heading in lines
    assert "Programs and involvement" not in lines
    assert f'      "{S1}"' in lines
    assert "        - a.txt:0-" + str(len(S1)) in lines


def test_render_says_when_nothing_is_known():
    text = render_explanation(Explanation("x", "X", "Person", "Q1", (), ()))
    assert text.splitlines() == [
        "X (Person; x)", "Wikidata: Q1 https://www.wikidata.org/wiki/Q1", "the documents state no fact about this entity",
    ]


def test_render_counts_sentences_beyond_the_limit(two_articles):
    facts = tuple(explain(two_articles, BAKANOV))
    text = render_explanation(Explanation(BAKANOV, "Dmitry Bakanov", "Person", "", (), facts), max_evidence=1)
    assert "      ... and 1 more sentences" in text.splitlines()


# --- the shipped corpus ---------------------------------------------------------------


def test_explain_entity_finds_sean_duffy_by_name_and_shows_the_meeting_sentence(built_corpus):
    from kg.analytics.report import explain_entity

    out, _, _ = built_corpus
    explanation = explain_entity(graph=out, entity="sean duffy")
    assert explanation.label == "Sean Duffy" and explanation.type == "Person"
    events = [f for f in explanation.facts if f.kind == "event"]
    assert any("2025-07-31" in f.text and any("July 31st" in e.sentence for e in f.evidence) for f in events)
    assert all(f.evidence for f in explanation.facts)


def test_explain_entity_with_a_typo_suggests_the_name(built_corpus):
    from kg.analytics.report import explain_entity
    from kg.errors import GraphError

    out, _, _ = built_corpus
    with pytest.raises(GraphError, match='no entity matches "Sean Dufy"; did you mean "Sean Duffy"\\?'):
        explain_entity(graph=out, entity="Sean Dufy")
