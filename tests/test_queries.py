"""Named queries: the same answers from both backends, safe parameters, and what the new queries say.

The contract suite runs every named query, without and with parameters, on the default corpus
in memory (rdflib) and in its Oxigraph store, and wants identical columns and rows in the same
order. The expectations about the new queries come from the development articles themselves
(data/corpus/dev), e.g. the seed article's meeting of Sean Duffy and Dmitry Bakanov on 2025-07-31.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from conftest import REPO
from kg.errors import QueryError
from kg.store.queries import PARAM_PREFIX, named_queries, run_query

CONTRACT = {
    "entities": ("label", "type", "document"),
    "positions": ("person", "title", "organization", "document"),
    "events": ("event", "type", "label", "date", "place", "participant", "status", "document"),
    "involvement": ("program", "party", "document"),
    "agency_country": ("agency", "country", "document"),
    "quotes": ("speaker", "text", "document"),
}
SEED_FILE = "seed-nasa-roscosmos-talks.txt"
INJECTIONS = ('x" } ; DROP ALL ; #', "x' . } } DELETE WHERE { ?s ?p ?o } #", '"""\n} UNION { ?s ?p ?o }')

REQUIRED = {"cooperation": {"a": "NASA"}, "evidence": {"entity": "NASA"}}
"""The queries that need a parameter, with one that makes them run."""
CASES = [(name, {}) for name in sorted(named_queries()) if not named_queries()[name].required] + [
    *REQUIRED.items(),
    ("entities", {"document": SEED_FILE.upper(), "type": "person"}),
    ("positions", {"person": "sean duffy"}),
    ("positions", {"organization": "Roscosmos"}),
    ("events", {"type": "meeting", "status": "happened"}),
    ("involvement", {"party": "NASA"}),
    ("agency_country", {"country": "Russia"}),
    ("quotes", {"document": SEED_FILE}),
    ("timeline", {"from": "1995-03"}),
    ("timeline", {"from": "1990", "to": "1999", "type": "Launch"}),
    ("timeline", {"to": "1975-07"}),
    ("cooperation", {"a": "NASA", "b": "Roscosmos"}),
    ("cooperation", {"a": "united states"}),
    ("cooperation", {"a": "Russia", "b": "NASA"}),
    ("officials", {"organization": "NASA", "as_of": "2025-08-01"}),
    ("officials", {"as_of": "1995"}),
    ("met", {"person": "Sean Duffy"}),
    ("evidence", {"entity": "roscosmos"}),
    ("documents", {"document": SEED_FILE}),
    ("labels", {"name": "nasa"}),
    ("positions", {"person": INJECTIONS[0]}),
]


@pytest.mark.parametrize(("name", "params"), CASES, ids=[f"{n}-{'-'.join(p) or 'all'}" for n, p in CASES])
def test_both_backends_give_the_same_answer(corpus_backends, name, params):
    memory = run_query(corpus_backends["memory"], name, params)
    oxigraph = run_query(corpus_backends["oxigraph"], name, params)
    assert memory.columns == oxigraph.columns
    assert memory.rows == oxigraph.rows


LISTINGS = [name for name, q in sorted(named_queries().items()) if not q.required]


@pytest.mark.parametrize("name", LISTINGS)
def test_a_listing_stored_beside_the_store_is_the_live_answer_of_both_backends(corpus_backends, name):
    stored = run_query(corpus_backends["oxigraph"], name)
    live = run_query(corpus_backends["oxigraph"], name, listings=False)
    memory = run_query(corpus_backends["memory"], name)
    assert stored.rows  # the default corpus gives every listing some rows
    assert stored.columns == live.columns == memory.columns
    assert stored.rows == live.rows == memory.rows
    page = run_query(corpus_backends["oxigraph"], name, limit=3, offset=2)
    assert page.rows == live.rows[2:5] == run_query(corpus_backends["oxigraph"], name, limit=3, offset=2, listings=False).rows


def test_every_query_is_in_the_contract_suite():
    assert {name for name, _ in CASES} == set(named_queries())


def test_the_queries_that_need_a_parameter_say_so(corpus_backends):
    assert {name for name, q in named_queries().items() if q.required} == set(REQUIRED)
    with pytest.raises(QueryError, match=r"query 'evidence' needs entity: e\.g\. kg query evidence --param entity="):
        run_query(corpus_backends["oxigraph"], "evidence")
    with pytest.raises(QueryError, match=r"query 'cooperation' needs a"):
        run_query(corpus_backends["memory"], "cooperation", {"b": "NASA"})


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_parameters_sit_in_patterns_and_filters_are_conditional(name):
    """A name parameter is matched by a triple pattern (the store starts from it), never compared
    in a FILTER that every row of the listing would pass through."""
    text = named_queries()[name].text
    assert "COALESCE(?param_" not in text
    assert "LCASE(STR(?param_" not in text


def test_the_scorer_reads_the_columns_of_the_contract():
    from kg.evaluate.rows import COLUMNS

    assert COLUMNS == CONTRACT


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_the_six_competency_queries_keep_their_columns(corpus_backends, name):
    for backend in corpus_backends.values():
        table = run_query(backend, name)
        assert table.columns == CONTRACT[name]
        assert table.rows


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_each_query_file_declares_its_question_and_projects_its_parameters(name):
    query = named_queries()[name]
    first = query.text.splitlines()[0]
    assert re.match(rf"# {name}: \S", first), first
    assert "# Parameters (bound as literals): " in query.text
    select = query.text[query.text.index("SELECT"): query.text.index("WHERE")]
    for parameter in query.parameters:
        # Oxigraph substitutes only projected variables; rdflib binds any
        assert f"?{PARAM_PREFIX}{parameter}" in select, f"{name} does not project ?{PARAM_PREFIX}{parameter}"


def test_parameters_compare_labels_case_insensitively(corpus_backends):
    rows = run_query(corpus_backends["oxigraph"], "positions", {"person": "SEAN duffy"}).rows
    assert {(r["person"], r["title"], r["organization"]) for r in rows} == {("Sean Duffy", "acting administrator", "NASA")}


def test_unknown_parameter_names_the_ones_the_query_takes(corpus_backends):
    with pytest.raises(QueryError, match="takes no parameter persn; it takes: person, organization, document"):
        run_query(corpus_backends["memory"], "positions", {"persn": "Sean Duffy"})


@pytest.mark.parametrize("value", ["19x0", "90", "1990-13", "1990-02-30", "1990/07"])
def test_a_malformed_date_parameter_is_an_error(corpus_backends, value):
    with pytest.raises(QueryError, match="give a year or an ISO date"):
        run_query(corpus_backends["oxigraph"], "timeline", {"from": value})


def test_an_unknown_event_type_is_an_error_listing_the_types(corpus_backends):
    with pytest.raises(QueryError, match="Meeting"):
        run_query(corpus_backends["oxigraph"], "timeline", {"type": "Meetng"})


@pytest.mark.parametrize("backend", ["memory", "oxigraph"])
@pytest.mark.parametrize("value", INJECTIONS)
def test_injected_text_is_a_plain_value_and_changes_nothing(corpus_backends, backend, value):
    source = corpus_backends[backend]
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    before = source.select(count).rows
    assert run_query(source, "positions", {"person": value}).rows == []
    assert run_query(source, "evidence", {"entity": value}).rows == []
    assert source.select(count).rows == before


def test_timeline_is_in_date_order_with_undated_events_last(corpus_backends):
    rows = run_query(corpus_backends["oxigraph"], "timeline").rows
    dated = [r["date"] for r in rows if r["date"]]
    assert dated == sorted(dated) and len(dated) > 20
    assert all(not r["date"] for r in rows[len(dated):])
    meeting = next(r for r in rows if SEED_FILE in r["documents"].split("; ") and r["type"] == "Meeting")
    assert meeting["date"] == "2025-07-31" and meeting["status"] == "happened"
    assert {"Dmitry Bakanov", "Sean Duffy"} <= set(meeting["participants"].split("; "))


def test_timeline_range_compares_dates_at_the_coarser_precision(corpus_backends):
    rows = run_query(corpus_backends["oxigraph"], "timeline", {"from": "1995-03", "to": "1998"}).rows
    dates = {r["date"] for r in rows}
    assert dates and all(d[:7] >= "1995-03" or d == "1995" for d in dates) and all(d[:4] <= "1998" for d in dates)
    assert "1995" in dates  # an event known only to the year 1995 overlaps March 1995 on
    assert "1975-07-15" not in dates and "" not in dates
    launches = run_query(corpus_backends["oxigraph"], "timeline", {"from": 1990, "to": 1999, "type": "launch"}).rows
    assert launches and {r["type"] for r in launches} == {"Launch"}


def test_cooperation_finds_the_meeting_of_the_two_agency_heads(corpus_backends):
    rows = run_query(corpus_backends["oxigraph"], "cooperation", {"a": "nasa", "b": "ROSCOSMOS"}).rows
    seed = [r for r in rows if r["document"] == SEED_FILE and r["kind"] == "event"]
    assert {(r["a"], r["b"]) for r in rows} == {("NASA", "Roscosmos")}
    assert ("Sean Duffy", "Dmitry Bakanov") in {(r["a_via"], r["b_via"]) for r in seed}
    assert {r["date"] for r in seed} == {"2025-07-31"}


def test_cooperation_between_countries_goes_through_their_agencies(corpus_backends):
    rows = run_query(corpus_backends["oxigraph"], "cooperation", {"a": "United States", "b": "Russia"}).rows
    assert any(r["a_via"] == "NASA" and r["b_via"] == "Roscosmos" for r in rows)
    # and through the people who hold posts at those agencies
    assert any(r["a_via"] == "Sean Duffy" and r["b_via"] == "Dmitry Bakanov" and r["document"] == SEED_FILE for r in rows)
    partners = run_query(corpus_backends["oxigraph"], "cooperation", {"a": "United States"}).rows
    assert {"Russia", "Roscosmos"} & {r["b"] for r in partners}
    assert {r["a"] for r in partners} == {"United States"}


def test_officials_as_of_a_date(corpus_backends):
    rows = run_query(corpus_backends["oxigraph"], "officials", {"organization": "NASA", "as_of": "2025-08-01"}).rows
    stated = {(r["person"], r["title"], r["acting"], r["source"]) for r in rows}
    assert ("Sean Duffy", "acting administrator", "true", SEED_FILE) in stated
    assert all(r["end"] == "" or r["end"] >= "2025-08-01" for r in rows)
    held_1995 = run_query(corpus_backends["oxigraph"], "officials", {"organization": "NASA", "as_of": "1995"}).rows
    assert ("Daniel Goldin", "administrator", "gazetteer") in {(r["person"], r["title"], r["source"]) for r in held_1995}
    assert "Sean Duffy" not in {r["person"] for r in held_1995}


def test_met_lists_who_met_whom(corpus_backends):
    rows = run_query(corpus_backends["oxigraph"], "met", {"person": "sean duffy"}).rows
    assert {(r["person"], r["other"], r["date"], r["place"]) for r in rows} == {
        ("Sean Duffy", "Dmitry Bakanov", "2025-07-31", "United States")
    }
    pairs = run_query(corpus_backends["oxigraph"], "met").rows
    assert all(r["person"] < r["other"] for r in pairs)


def test_evidence_quotes_the_sentences_about_an_entity(corpus_backends):
    rows = run_query(corpus_backends["oxigraph"], "evidence", {"entity": "Dmitry Bakanov"}).rows
    assert {r["fact"] for r in rows} >= {"Mention", "Position", "Meeting"}
    original = (REPO / "data" / "corpus" / "dev" / SEED_FILE).read_text(encoding="utf-8")
    for row in rows:
        if row["document"] == SEED_FILE:
            assert original[int(row["start"]) : int(row["end"])] == row["sentence"]


def test_empty_result_says_which_label_matched_nothing(corpus_backends):
    from kg.diagnose import explain_empty

    message = explain_empty(corpus_backends["oxigraph"], "positions", {"person": "Sean Dufy"})
    assert message == 'no rows: no entity labelled "Sean Dufy"; did you mean "Sean Duffy"?'
    message = explain_empty(corpus_backends["memory"], "quotes", {"document": "seed-nasa-roscosmos-talks"})
    assert message == f'no rows: no document "seed-nasa-roscosmos-talks" in this graph; did you mean "{SEED_FILE}"?'
    message = explain_empty(corpus_backends["memory"], "met", {"person": "NASA"})
    assert message == 'no rows: nothing in this graph matches person="NASA" for the met query'


def kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, cwd=REPO)


def test_cli_no_rows_is_exit_0_with_the_reason_on_stderr(built_corpus):
    out, _, _ = built_corpus
    result = kg("query", "positions", "-g", str(out), "--param", "person=Sean Dufy", "--format", "json")
    assert result.returncode == 0
    assert json.loads(result.stdout) == []
    assert result.stderr.strip() == 'no rows: no entity labelled "Sean Dufy"; did you mean "Sean Duffy"?'


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["positions", "--param", "persn=x"], "takes no parameter persn"),
        (["timeline", "--param", "from=last year"], "give a year or an ISO date"),
        (["positions", "--param", "person"], "write it as NAME=VALUE"),
        (["positions", "--param", "person="], "give a value"),
    ],
)
def test_cli_bad_parameters_exit_1_with_one_line(built_corpus, args, message):
    out, _, _ = built_corpus
    result = kg("query", *args, "-g", str(out))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and message in result.stderr and "Traceback" not in result.stderr


def test_cli_query_with_parameters_uses_the_store(built_corpus):
    out, _, _ = built_corpus
    result = kg("query", "timeline", "-g", str(out), "--param", "from=2025", "--format", "csv", "--backend", "oxigraph")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "date,type,label,participants,place,status,documents,events"
    assert all(line.startswith("2025") for line in lines[1:]) and len(lines) > 1


def test_a_page_is_a_slice_of_the_listing_in_the_same_order(corpus_backends):
    for backend in corpus_backends.values():
        everything = run_query(backend, "entities").rows
        assert len(everything) > 12
        assert run_query(backend, "entities", limit=5).rows == everything[:5]
        assert run_query(backend, "entities", limit=5, offset=5).rows == everything[5:10]
        assert run_query(backend, "entities", offset=len(everything)).rows == []


@pytest.mark.parametrize("value", [-1, 2.5, "10", True])
def test_a_page_size_must_be_a_whole_number(corpus_backends, value):
    with pytest.raises(QueryError, match="whole number"):
        run_query(corpus_backends["memory"], "entities", limit=value)


def test_a_name_spelled_two_ways_in_the_graph_gives_the_rows_of_both(tmp_path):
    from rdflib import Dataset, Literal, Namespace, RDF, RDFS, URIRef

    from kg.ontology import KGO

    ex = Namespace("https://example.org/")
    ds = Dataset()
    for i, spelling in enumerate(("NASA", "Nasa")):
        g = ds.graph(URIRef(f"https://example.org/graph/{i}"))
        doc, person, post, org = ex[f"doc{i}"], ex[f"person{i}"], ex[f"post{i}"], ex[f"org{i}"]
        g.add((doc, RDF.type, KGO.Document))
        g.add((doc, KGO.sourceFile, Literal(f"doc{i}.txt")))
        g.add((person, RDFS.label, Literal(f"Person {i}")))
        g.add((org, RDFS.label, Literal(spelling)))
        g.add((post, KGO.holder, person))
        g.add((post, KGO.title, Literal("administrator")))
        g.add((post, KGO.organization, org))
    rows = run_query(ds, "positions", {"organization": "nasa"}).rows
    assert [(r["person"], r["organization"]) for r in rows] == [("Person 0", "NASA"), ("Person 1", "Nasa")]
    assert run_query(ds, "positions", {"organization": "Nasa"}).rows == rows[1:]
    assert run_query(ds, "positions", {"organization": "nasa"}, limit=1, offset=1).rows == rows[1:]


def test_conditional_lines_are_kept_only_for_the_parameters_given():
    from kg.store.query_text import specialise

    text = "a\nb  # if person\nc  # unless person\nd"
    assert specialise(text, {"person"}) == "a\nb\nd"
    assert specialise(text, set()) == "a\nc\nd"


def test_patterns_naming_a_bound_parameter_move_to_the_front_of_their_group():
    from kg.store.query_text import lead_with

    text = "  GRAPH ?g {\n    ?doc kgo:sourceFile ?param_document .\n    ?h rdfs:label ?param_person .\n    OPTIONAL { ?x ?y ?z . }\n    ?a ?b ?c .\n  }"
    moved = lead_with(text, {"param_person"})
    assert moved.splitlines()[1:3] == ["    ?h rdfs:label ?param_person .", "    ?doc kgo:sourceFile ?param_document ."]
    assert sorted(moved.splitlines()) == sorted(text.splitlines())
    assert lead_with(text, set()) == text


def test_cli_pages_and_lists_required_parameters(built_corpus):
    out, _, _ = built_corpus
    full = json.loads(kg("query", "entities", "-g", str(out), "-f", "json").stdout)
    page = kg("query", "entities", "-g", str(out), "-f", "json", "--limit", "3", "--offset", "2")
    assert page.returncode == 0, page.stderr
    assert json.loads(page.stdout) == full[2:5]
    listing = kg("query", "--list").stdout
    assert "entity (required)" in listing and "a (required), b" in listing
    missing = kg("query", "evidence", "-g", str(out))
    assert missing.returncode == 1
    assert "needs entity" in missing.stderr


def test_a_status_is_bound_as_the_iri_the_graph_uses(corpus_backends):
    from kg.ontology import KGO
    from kg.store.queries import bindings, get_query

    assert bindings(get_query("events"), {"status": "PLANNED"}) == {"param_status": KGO.Planned}
    rows = run_query(corpus_backends["oxigraph"], "events", {"status": "canceled"}).rows
    assert rows and {r["status"] for r in rows} == {"canceled"}
