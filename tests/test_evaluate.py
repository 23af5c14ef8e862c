"""Tests of kg.evaluate: gold loading, the matching rules, the scores and the report.

Gold facts and system rows are written inline; every expected count and score is worked out by
hand in the test (F1 = 2tp / (2tp + fp + fn)).
"""

from __future__ import annotations

import doctest
import json
from pathlib import Path

import pytest

import kg.evaluate
from kg.errors import DataError
from kg.evaluate import (
    FACT_KINDS,
    AgencyCountryFact,
    EntityFact,
    EventFact,
    Gold,
    InvolvementFact,
    PositionFact,
    QuoteFact,
    load_gold,
    load_gold_dir,
    rows_from_gold,
    score,
)
from kg.evaluate import normalise

DEV_CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus" / "dev"
DOC = "a.txt"


def small_gold(**changes) -> Gold:
    fields = dict(
        document=DOC,
        entities=(
            EntityFact("NASA", "Agency"),
            EntityFact("United States", "Country", ("U.S.", "American")),
            EntityFact("Sean Duffy", "Person", ("Duffy",)),
            EntityFact("International Space Station", "Program", ("ISS",)),
        ),
        positions=(PositionFact("Sean Duffy", "acting administrator", "NASA"),),
        events=(EventFact("Meeting", "talks", "2025-07-31", "", ("Sean Duffy", "NASA"), "happened"),),
        involvement=(InvolvementFact("International Space Station", "NASA"),),
        agency_country=(AgencyCountryFact("NASA", "United States"),),
        quotes=(QuoteFact("Sean Duffy", "We will keep talking."),),
    )
    fields.update(changes)
    return Gold(**fields)


def perfect_rows() -> dict[str, list[dict[str, str]]]:
    """What a perfect system says about ``small_gold()``, using some aliases on purpose."""
    return {
        "entities": [
            {"label": "NASA", "type": "Agency", "document": DOC},
            {"label": "United States", "type": "Country", "document": DOC},
            {"label": "Sean Duffy", "type": "Person", "document": DOC},
            {"label": "International Space Station", "type": "Program", "document": DOC},
        ],
        "positions": [{"person": "Duffy", "title": "acting administrator", "organization": "NASA", "document": DOC}],
        "events": [
            {"event": "urn:e1", "type": "Meeting", "label": "meeting", "date": "2025-07-31", "place": "",
             "participant": p, "status": "happened", "document": DOC}
            for p in ("Sean Duffy", "NASA")
        ],
        "involvement": [{"program": "ISS", "party": "NASA", "document": DOC}],
        "agency_country": [{"agency": "NASA", "country": "U.S.", "document": DOC}],
        "quotes": [{"speaker": "Sean Duffy", "text": "We will keep talking.", "document": DOC}],
    }


def counts(report, fact_type):
    c = report.totals[fact_type]
    return c.tp, c.fp, c.fn


def entity_rows(*pairs, document=DOC):
    return {"entities": [{"label": label, "type": type_, "document": document} for label, type_ in pairs]}


def event_rows(*events):
    """``events`` are (iri, type, date, participants)."""
    return {"events": [
        {"event": iri, "type": type_, "label": "", "date": date, "place": "", "participant": p,
         "status": "happened", "document": DOC}
        for iri, type_, date, participants in events for p in (participants or ("",))
    ]}


# --- scores --------------------------------------------------------------------------------


def test_evaluate_perfect_output_scores_one():
    result = score([small_gold()], perfect_rows())
    expected = {"entities": 4, "positions": 1, "events": 1, "involvement": 1, "agency_country": 1, "quotes": 1}
    for fact_type, tp in expected.items():
        assert counts(result, fact_type) == (tp, 0, 0), fact_type
        assert result.totals[fact_type].f1 == 1.0
    assert result.macro_f1 == 1.0


def test_evaluate_missing_fact_lowers_recall_not_precision():
    rows_ = perfect_rows()
    del rows_["entities"][1]  # United States not found
    c = score([small_gold()], rows_).totals["entities"]
    assert (c.tp, c.fp, c.fn) == (3, 0, 1)
    assert c.precision == 1.0
    assert c.recall == pytest.approx(3 / 4)
    assert c.f1 == pytest.approx(6 / 7)


def test_evaluate_wrong_type_is_false_positive_and_false_negative():
    rows_ = perfect_rows()
    rows_["entities"][0]["type"] = "Country"  # NASA typed as a country
    assert counts(score([small_gold()], rows_), "entities") == (3, 1, 1)


def test_evaluate_missing_query_counts_as_no_output():
    rows_ = perfect_rows()
    del rows_["quotes"]
    result = score([small_gold()], rows_)
    assert counts(result, "quotes") == (0, 0, 1)
    assert result.totals["quotes"].f1 == 0.0


def test_evaluate_type_empty_in_gold_and_output_scores_one():
    rows_ = perfect_rows()
    rows_["quotes"] = []
    result = score([small_gold(quotes=())], rows_)
    assert counts(result, "quotes") == (0, 0, 0)
    assert result.totals["quotes"].f1 == 1.0
    assert result.macro_f1 == 1.0


def test_evaluate_macro_f1_is_the_mean_of_the_six_types():
    rows_ = perfect_rows()
    rows_["positions"] = []  # F1 0
    rows_["involvement"].append({"program": "ISS", "party": "United States", "document": DOC})  # tp 1, fp 1: 2/3
    rows_["quotes"] = []  # F1 0
    result = score([small_gold()], rows_)
    assert counts(result, "involvement") == (1, 1, 0)
    assert result.macro_f1 == pytest.approx((1 + 0 + 1 + 2 / 3 + 1 + 0) / 6)


@pytest.mark.parametrize(
    ("name", "aliases", "type_", "label"),
    [
        ("Kennedy Space Center", (), "Facility", "the Kennedy Space Center"),
        ("NASA", (), "Agency", "NASA\u2019s"),
        ("NASA", (), "Agency", "NASA's"),
        ("Loral O\u2019Hara", (), "Person", "Loral O'Hara"),
        ("Roscosmos", ("Russia\u2019s space agency",), "Agency", "Russia's space agency"),
        ("Apollo-Soyuz Test Project", (), "Program", "apollo\u2013soyuz test project"),
        ("Dmitry Rogozin", ("Rogozin",), "Person", "Rogozin"),
    ],
)
def test_evaluate_entity_matches_name_or_alias_after_normalisation(name, aliases, type_, label):
    gold_ = Gold(document=DOC, entities=(EntityFact(name, type_, aliases),))
    assert counts(score([gold_], entity_rows((label, type_))), "entities") == (1, 0, 0)


def test_evaluate_entity_with_a_different_name_does_not_match():
    gold_ = Gold(document=DOC, entities=(EntityFact("Soyuz 19", "Spacecraft", ("Soyuz",)),))
    assert counts(score([gold_], entity_rows(("Soyuz 18", "Spacecraft"))), "entities") == (0, 1, 1)


def test_evaluate_entity_type_given_as_iri_or_other_case_matches():
    gold_ = Gold(document=DOC, entities=(EntityFact("NASA", "Agency"), EntityFact("Russia", "Country")))
    rows_ = entity_rows(("NASA", "https://w3id.org/usru-space/ontology#Agency"), ("Russia", "country"))
    assert counts(score([gold_], rows_), "entities") == (2, 0, 0)


def test_evaluate_duplicate_entity_rows_count_once_and_duplicate_nodes_are_false_positives():
    gold_ = Gold(document=DOC, entities=(EntityFact("NASA", "Agency"),))
    rows_ = entity_rows(("NASA", "Agency"), ("NASA", "Agency"), ("NASA\u2019s", "Agency"))
    # the identical row counts once; "NASA's" is a second node for the same agency
    assert counts(score([gold_], rows_), "entities") == (1, 1, 0)


@pytest.mark.parametrize(
    ("gold_date", "system_date", "matches"),
    [
        ("2025-07", "2025-07-31", True),
        ("2025-07-31", "2025", False),
        ("2025-07-31", "2025-07-30", False),
        ("1975", "1975-07-17", True),
        ("", "1975-07-17", True),
        ("1975", "", False),
    ],
)
def test_evaluate_event_date_compares_at_gold_precision(gold_date, system_date, matches):
    gold_ = Gold(document=DOC, entities=(EntityFact("Soyuz 19", "Spacecraft"),),
                 events=(EventFact("Launch", "launch", gold_date, "", ("Soyuz 19",), "happened"),))
    result = score([gold_], event_rows(("urn:e", "Launch", system_date, ("Soyuz 19",))))
    assert counts(result, "events") == ((1, 0, 0) if matches else (0, 1, 1))


def test_evaluate_event_needs_one_shared_participant_by_alias():
    gold_ = Gold(
        document=DOC,
        entities=(EntityFact("Soyuz 19", "Spacecraft", ("Soyuz",)), EntityFact("Apollo", "Spacecraft"),
                  EntityFact("Saturn IB", "Spacecraft")),
        events=(EventFact("Docking", "docking", "1975-07-17", "", ("Apollo", "Soyuz 19"), "happened"),),
    )
    shared = event_rows(("urn:e", "Docking", "1975-07-17", ("Saturn IB", "Soyuz")))
    unshared = event_rows(("urn:e", "Docking", "1975-07-17", ("Saturn IB",)))
    wrong_type = event_rows(("urn:e", "Launch", "1975-07-17", ("Apollo",)))
    assert counts(score([gold_], shared), "events") == (1, 0, 0)
    assert counts(score([gold_], unshared), "events") == (0, 1, 1)
    assert counts(score([gold_], wrong_type), "events") == (0, 1, 1)


def test_evaluate_gold_event_without_participants_matches_on_type_and_date():
    gold_ = Gold(document=DOC, events=(EventFact("Other", "project", "1975", "", (), "happened"),))
    rows_ = event_rows(("urn:e", "Other", "1975", ("Anyone",)))
    assert counts(score([gold_], rows_), "events") == (1, 0, 0)


def test_evaluate_event_rows_with_one_iri_are_one_event():
    gold_ = Gold(document=DOC, entities=(EntityFact("Apollo", "Spacecraft"), EntityFact("Soyuz 19", "Spacecraft")),
                 events=(EventFact("Docking", "docking", "1975-07-17", "", ("Apollo", "Soyuz 19"), "happened"),))
    one = event_rows(("urn:e1", "Docking", "1975-07-17", ("Apollo", "Soyuz 19", "Stafford")))
    two = event_rows(("urn:e1", "Docking", "1975-07-17", ("Apollo",)), ("urn:e2", "Docking", "1975-07-17", ("Soyuz 19",)))
    assert counts(score([gold_], one), "events") == (1, 0, 0)
    assert counts(score([gold_], two), "events") == (1, 1, 0)  # a duplicate event node


def test_evaluate_one_to_one_matching_is_maximal_not_first_come():
    # The undated, participant-less gold docking could take either system docking; the dated
    # one only the first. Both gold events must be found.
    gold_ = Gold(document=DOC, entities=(EntityFact("Atlantis", "Spacecraft"),), events=(
        EventFact("Docking", "proposed docking", "", "", (), "canceled"),
        EventFact("Docking", "Atlantis docks", "1995", "", ("Atlantis",), "happened"),
    ))
    rows_ = event_rows(("urn:s1", "Docking", "1995-06-29", ("Atlantis",)), ("urn:s2", "Docking", "", ()))
    assert counts(score([gold_], rows_), "events") == (2, 0, 0)


@pytest.mark.parametrize(
    ("gold_title", "system_title", "matches"),
    [
        ("administrator", "acting administrator", True),
        ("acting administrator", "Administrator", True),
        ("director general", "general director", True),
        ("director general", "director", True),
        ("associate administrator for space operations", "administrator", True),
        ("cosmonaut", "astronaut", False),
        ("director general", "general", False),
    ],
)
def test_evaluate_position_title_compares_head_word(gold_title, system_title, matches):
    gold_ = Gold(document=DOC, entities=(EntityFact("Yuri Koptev", "Person", ("Koptev",)), EntityFact("NASA", "Agency")),
                 positions=(PositionFact("Yuri Koptev", gold_title, "NASA"),))
    rows_ = {"positions": [{"person": "Koptev", "title": system_title, "organization": "NASA", "document": DOC}]}
    assert counts(score([gold_], rows_), "positions") == ((1, 0, 0) if matches else (0, 1, 1))


@pytest.mark.parametrize(
    ("gold_org", "system_org", "matches"),
    [("", "", True), ("", "NASA", False), ("Roscosmos", "", False), ("Roscosmos", "Roskosmos", True),
     ("Roscosmos", "NASA", False)],
)
def test_evaluate_position_organization_must_match(gold_org, system_org, matches):
    gold_ = Gold(document=DOC, entities=(EntityFact("Roscosmos", "Agency", ("Roskosmos",)), EntityFact("NASA", "Agency")),
                 positions=(PositionFact("Anna Kikina", "cosmonaut", gold_org),))
    rows_ = {"positions": [{"person": "Anna Kikina", "title": "cosmonaut", "organization": system_org, "document": DOC}]}
    assert counts(score([gold_], rows_), "positions") == ((1, 0, 0) if matches else (0, 1, 1))


def test_evaluate_pairs_match_both_sides_by_alias_and_in_order():
    gold_ = small_gold()
    right = {"agency_country": [{"agency": "NASA\u2019s", "country": "the U.S.", "document": DOC}]}
    swapped = {"agency_country": [{"agency": "United States", "country": "NASA", "document": DOC}]}
    assert counts(score([gold_], right), "agency_country") == (1, 0, 0)
    assert counts(score([gold_], swapped), "agency_country") == (0, 1, 1)


# "paving that path today" has 22 characters. A substring of s characters matches all of its
# s characters, so the ratio is 2s / (22 + s): 36/40 = 0.9 for s = 18, 34/39 = 0.87 for s = 17.
@pytest.mark.parametrize(
    ("system_text", "matches"),
    [
        ("paving that path t", True),
        ("aving that path t", False),
        ("\u201cPaving that path today.\u201d", True),
    ],
)
def test_evaluate_quote_text_matches_at_ratio_0_9(system_text, matches):
    gold_ = Gold(document=DOC, entities=(EntityFact("Steven Ciscelof", "Person", ("Ciscelof",)),),
                 quotes=(QuoteFact("Steven Ciscelof", "paving that path today"),))
    rows_ = {"quotes": [{"speaker": "Ciscelof", "text": system_text, "document": DOC}]}
    assert counts(score([gold_], rows_), "quotes") == ((1, 0, 0) if matches else (0, 1, 1))


def test_evaluate_quote_folds_curly_quotes_and_needs_the_speaker():
    gold_ = Gold(document=DOC, quotes=(QuoteFact("Steven Ciscelof", "We\u2019ll see how it unfolds."),))
    right = {"quotes": [{"speaker": "Steven Ciscelof", "text": "\"We'll  see how it unfolds\"", "document": DOC}]}
    wrong_speaker = {"quotes": [{"speaker": "Sean Duffy", "text": "We\u2019ll see how it unfolds.", "document": DOC}]}
    assert counts(score([gold_], right), "quotes") == (1, 0, 0)
    assert counts(score([gold_], wrong_speaker), "quotes") == (0, 1, 1)


def test_evaluate_counts_only_rows_of_gold_documents():
    gold_ = Gold(document=DOC, entities=(EntityFact("NASA", "Agency"),))
    rows_ = {"entities": [
        {"label": "NASA", "type": "Agency", "document": "corpus/dev/a.txt"},  # a path names its file
        {"label": "Roscosmos", "type": "Agency", "document": "b.txt"},
    ]}
    result = score([gold_], rows_)
    assert counts(result, "entities") == (1, 0, 0)
    assert result.unscored_documents == ("b.txt",)


def test_evaluate_matches_within_each_document_and_breaks_down_per_document():
    golds = [Gold(document="a.txt", entities=(EntityFact("NASA", "Agency"),)),
             Gold(document="b.txt", entities=(EntityFact("Roscosmos", "Agency"),))]
    rows_ = {"entities": [
        {"label": "NASA", "type": "Agency", "document": "a.txt"},
        {"label": "Roscosmos", "type": "Agency", "document": "a.txt"},  # right entity, wrong document
    ]}
    result = score(golds, rows_)
    a, b = result.documents
    assert (a.document, a.counts["entities"].tp, a.counts["entities"].fp, a.counts["entities"].fn) == ("a.txt", 1, 1, 0)
    assert (b.document, b.counts["entities"].tp, b.counts["entities"].fp, b.counts["entities"].fn) == ("b.txt", 0, 0, 1)
    assert counts(result, "entities") == (1, 1, 1)
    assert b.missed["entities"] == ("Roscosmos (Agency)",)
    assert a.spurious["entities"] == ("Roscosmos (Agency)",)


def test_evaluate_rows_missing_a_column_raise_data_error():
    with pytest.raises(DataError, match=r"'entities' row 1 has no column 'type'"):
        score([small_gold()], {"entities": [{"label": "NASA", "document": DOC}]})


def test_evaluate_gold_documents_must_be_distinct():
    with pytest.raises(DataError, match="a.txt"):
        score([small_gold(), small_gold()], perfect_rows())


# --- report --------------------------------------------------------------------------------


def test_evaluate_report_table_and_dict():
    rows_ = perfect_rows()
    del rows_["entities"][1]
    result = score([small_gold()], rows_)
    table = result.to_table()
    lines = table.splitlines()
    assert lines[0].split() == ["type", "P", "R", "F1", "tp", "fp", "fn"]
    # P = 3/3, R = 3/4, F1 = 6/7 = 0.857; the name column is 16 wide ("agency_country" + 2)
    assert lines[1] == "entities          1.000  0.750  0.857     3     0     1"
    assert [line.split()[0] for line in lines[1:7]] == list(FACT_KINDS)
    # macro-F1 = (6/7 + 5) / 6 = 0.976
    assert lines[7].split() == ["macro-F1", "0.976"]
    assert result.to_table() == table  # stable

    data = json.loads(json.dumps(result.to_dict()))
    assert data["macro_f1"] == pytest.approx((6 / 7 + 5) / 6)
    assert data["types"]["entities"] == {"precision": 1.0, "recall": 0.75, "f1": pytest.approx(6 / 7),
                                         "tp": 3, "fp": 0, "fn": 1}
    assert data["documents"][0]["missed"]["entities"] == ["United States (Country)"]


def test_evaluate_report_table_per_document():
    golds = [Gold(document="a.txt", entities=(EntityFact("NASA", "Agency"),)),
             Gold(document="bb.txt", entities=(EntityFact("Roscosmos", "Agency"),))]
    table = score(golds, entity_rows(("NASA", "Agency"))).to_table(per_document=True)
    rows_ = {line.split()[0]: line.split()[1:] for line in table.splitlines()[10:]}
    # a.txt: everything 1.0; bb.txt: entities 0.0, the other five empty (1.0), macro 5/6
    assert rows_["a.txt"] == ["1.000"] * 7
    assert rows_["bb.txt"] == ["0.000"] + ["1.000"] * 5 + ["0.833"]


# --- gold files ----------------------------------------------------------------------------


def test_evaluate_load_gold_reads_all_fields(tmp_path):
    path = tmp_path / "x.gold.yaml"
    path.write_text(
        "document: x.txt\n"
        "published: 2025-08-01\n"
        "entities:\n"
        "  - name: \"Roscosmos\"\n"
        "    type: Agency\n"
        "    aliases: [\"Russia\u2019s space agency\"]\n"
        "positions:\n"
        "  - {person: Dmitry Bakanov, title: director general, organization: Roscosmos}\n"
        "  - {person: Pyotr Klimuk, title: cosmonaut}\n"
        "events:\n"
        "  - type: Meeting\n"
        "    label: talks\n"
        "    date: 2025-07-31\n"
        "    participants: [Dmitry Bakanov]\n"
        "    status: happened\n"
        "  - {type: Other, date: 1975, participants: []}\n"
        "involvement: [{program: ISS, party: Roscosmos}]\n"
        "agency_country: [{agency: Roscosmos, country: Russia}]\n"
        "quotes: [{speaker: Dmitry Bakanov, text: \"We\u2019ll see.\"}]\n",
        encoding="utf-8",
    )
    g = load_gold(path)
    assert g.document == "x.txt"
    assert g.published.isoformat() == "2025-08-01"
    assert g.entities == (EntityFact("Roscosmos", "Agency", ("Russia\u2019s space agency",)),)
    assert g.positions == (PositionFact("Dmitry Bakanov", "director general", "Roscosmos"),
                           PositionFact("Pyotr Klimuk", "cosmonaut", ""))
    assert g.events == (EventFact("Meeting", "talks", "2025-07-31", "", ("Dmitry Bakanov",), "happened"),
                        EventFact("Other", "", "1975", "", (), ""))
    assert g.involvement == (InvolvementFact("ISS", "Roscosmos"),)
    assert g.agency_country == (AgencyCountryFact("Roscosmos", "Russia"),)
    assert g.quotes == (QuoteFact("Dmitry Bakanov", "We\u2019ll see."),)


@pytest.mark.parametrize(
    ("text", "where", "says"),
    [
        ("- a\n- b\n", "bad.gold.yaml:1", "mapping"),
        ("", "bad.gold.yaml", "empty"),
        ("published: 2025-01-01\nentities: []\n", "bad.gold.yaml", "`document`"),
        ("document: a.txt\nentities:\n  - name: X\n    type: Persn\n", "bad.gold.yaml:4", "'Persn'"),
        ("document: a.txt\nevents:\n  - type: Lunch\n", "bad.gold.yaml:3", "'Lunch'"),
        ("document: a.txt\nentities:\n  - name: X\n    type: Person\n  - oops\n", "bad.gold.yaml:5", "mapping"),
        ("document: a.txt\nentities: NASA\n", "bad.gold.yaml:2", "list"),
        ("document: a.txt\npositions:\n  - person: X\n", "bad.gold.yaml:3", "`title`"),
        ("document: a.txt\nevents:\n  - type: Launch\n    date: 2025-7\n", "bad.gold.yaml:4", "YYYY-MM"),
        ("document: a.txt\npublished: soon\n", "bad.gold.yaml:2", "YYYY-MM-DD"),
        ("document: [a.txt\n", "bad.gold.yaml:2", "YAML"),
    ],
)
def test_evaluate_malformed_gold_raises_data_error_naming_file_and_line(tmp_path, text, where, says):
    path = tmp_path / "bad.gold.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_gold(path)
    message = str(info.value)
    assert message.startswith(str(tmp_path / where)), message
    assert says in message


def test_evaluate_unparsable_gold_error_keeps_its_cause(tmp_path):
    path = tmp_path / "bad.gold.yaml"
    path.write_text("document: [a.txt\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_gold(path)
    assert info.value.__cause__ is not None


def test_evaluate_load_gold_dir_needs_gold_files(tmp_path):
    (tmp_path / "article.txt").write_text("text", encoding="utf-8")
    with pytest.raises(DataError, match="no \\*.gold.yaml"):
        load_gold_dir(tmp_path)
    with pytest.raises(DataError, match="not a folder"):
        load_gold_dir(tmp_path / "missing")


def test_evaluate_load_gold_dir_rejects_two_files_for_one_document(tmp_path):
    for name in ("one.gold.yaml", "two.gold.yaml"):
        (tmp_path / name).write_text("document: a.txt\n", encoding="utf-8")
    with pytest.raises(DataError, match="two.gold.yaml.*one.gold.yaml"):
        load_gold_dir(tmp_path)


def test_evaluate_rows_from_gold_writes_one_row_per_participant():
    g = Gold(document=DOC, events=(EventFact("Launch", "l", "1975", "", ("A", "B"), "happened"),
                                   EventFact("Other", "o", "", "", (), "happened")))
    events = rows_from_gold([g])["events"]
    assert [(r["event"] == events[0]["event"], r["participant"]) for r in events] == [
        (True, "A"), (True, "B"), (False, "")]


# --- the development corpus ----------------------------------------------------------------


def test_evaluate_dev_gold_files_load_and_name_their_articles():
    golds = load_gold_dir(DEV_CORPUS)
    articles = sorted(p.name for p in DEV_CORPUS.iterdir() if not p.name.endswith(".gold.yaml"))
    assert len(golds) == 7
    assert sorted(g.document for g in golds) == articles
    assert all(g.entities and g.events and g.published for g in golds)


def test_evaluate_dev_gold_scored_against_itself_is_perfect():
    golds = load_gold_dir(DEV_CORPUS)
    result = score(golds, rows_from_gold(golds))
    for doc in result.documents:
        for fact_type in FACT_KINDS:
            c = doc.counts[fact_type]
            assert (c.fp, c.fn, c.f1) == (0, 0, 1.0), (doc.document, fact_type)
    assert all(c.f1 == 1.0 for c in result.totals.values())
    assert result.macro_f1 == 1.0


def test_evaluate_dev_gold_named_by_aliases_is_still_perfect():
    golds = load_gold_dir(DEV_CORPUS)
    alias = {g.document: {e.name: e.aliases[-1] for e in g.entities if e.aliases} for g in golds}
    name_columns = {"label", "person", "organization", "participant", "program", "party", "agency", "country",
                    "speaker"}
    rows_ = {t: [{k: alias[r["document"]].get(v, v) if k in name_columns else v for k, v in r.items()} for r in rs]
             for t, rs in rows_from_gold(golds).items()}
    assert any(r["label"] == "the American commander" for r in rows_["entities"])  # aliases were used
    result = score(golds, rows_)
    assert {t: (c.fp, c.fn) for t, c in result.totals.items()} == {t: (0, 0) for t in FACT_KINDS}


# --- docstring examples --------------------------------------------------------------------


@pytest.mark.parametrize("module", [kg.evaluate, normalise])
def test_evaluate_docstring_examples_run(module):
    result = doctest.testmod(module)
    assert result.attempted > 0
    assert result.failed == 0
