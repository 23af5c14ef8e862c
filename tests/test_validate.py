"""Validation of built graphs against the shapes, and reading graph files (kg.store.validate).

The valid dataset below is written by hand in exactly the shape ontology/README.md describes:
one document graph and the gazetteer graph. Each broken variant changes one snippet of it.
"""

from __future__ import annotations

import doctest

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import to_isomorphic

from kg.errors import GraphError
from kg.ontology import GAZETTEER_GRAPH, document_graph
import kg.store.validate
from kg.store.validate import ValidationReport, Violation, load_graph, validate

PREFIXES = """
@prefix kgo: <https://w3id.org/usru-space/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix graph: <https://w3id.org/usru-space/id/graph/> .
@prefix docgraph: <https://w3id.org/usru-space/id/graph/doc/> .
@prefix doc: <https://w3id.org/usru-space/id/doc/> .
@prefix person: <https://w3id.org/usru-space/id/person/> .
@prefix agency: <https://w3id.org/usru-space/id/agency/> .
@prefix country: <https://w3id.org/usru-space/id/country/> .
@prefix program: <https://w3id.org/usru-space/id/program/> .
@prefix evidence: <https://w3id.org/usru-space/id/evidence/> .
@prefix mention: <https://w3id.org/usru-space/id/mention/> .
@prefix position: <https://w3id.org/usru-space/id/position/> .
@prefix refposition: <https://w3id.org/usru-space/id/refposition/> .
@prefix event: <https://w3id.org/usru-space/id/event/> .
@prefix involvement: <https://w3id.org/usru-space/id/involvement/> .
@prefix agencycountry: <https://w3id.org/usru-space/id/agencycountry/> .
@prefix quotation: <https://w3id.org/usru-space/id/quotation/> .
"""

DOCUMENT_GRAPH = """
docgraph:seed {
  doc:seed a kgo:Document ;
      dcterms:title "NASA and Roscosmos leaders meet" ;
      kgo:published "2025-08-01"^^xsd:date ;
      kgo:sourceFile "seed.txt" ;
      kgo:contentHash "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" ;
      kgo:textKind "txt" .

  person:sean-duffy a kgo:Person ; rdfs:label "Sean Duffy" ; skos:altLabel "Duffy" .
  agency:nasa a kgo:Agency ; rdfs:label "NASA" ; owl:sameAs wd:Q23548 .
  country:united-states a kgo:Country ; rdfs:label "United States" .
  program:iss a kgo:Program ; rdfs:label "International Space Station" .

  evidence:seed-1021-1160 a kgo:Evidence ;
      kgo:document doc:seed ; kgo:sentence "The July 31st meeting between Acting NASA Administrator Sean Duffy ..." ;
      kgo:start 1021 ; kgo:end 1160 .

  mention:seed-1 a kgo:Mention ; kgo:refersTo person:sean-duffy ; kgo:surfaceForm "Sean Duffy" ;
      kgo:start 1100 ; kgo:end 1110 ; kgo:document doc:seed ; kgo:evidence evidence:seed-1021-1160 .
  position:seed-1 a kgo:Position ; kgo:holder person:sean-duffy ; kgo:title "acting administrator" ;
      kgo:organization agency:nasa ; kgo:acting true ; kgo:asOf "2025-08-01"^^xsd:date ;
      kgo:document doc:seed ; kgo:evidence evidence:seed-1021-1160 .
  event:seed-1 a kgo:Meeting ; rdfs:label "NASA-Roscosmos meeting" ;
      kgo:date "2025-07-31"^^xsd:date ; kgo:datePrecision kgo:DayPrecision ;
      kgo:place country:united-states ; kgo:participant person:sean-duffy , agency:nasa ;
      kgo:status kgo:Happened ; kgo:document doc:seed ; kgo:evidence evidence:seed-1021-1160 .
  involvement:seed-1 a kgo:Involvement ; kgo:program program:iss ; kgo:party agency:nasa ;
      kgo:document doc:seed ; kgo:evidence evidence:seed-1021-1160 .
  agency:nasa kgo:involvedIn program:iss .
  agencycountry:seed-1 a kgo:AgencyCountry ; kgo:agency agency:nasa ; kgo:country country:united-states ;
      kgo:document doc:seed ; kgo:evidence evidence:seed-1021-1160 .
  agency:nasa kgo:hasCountry country:united-states .
  person:sean-duffy kgo:standsFor agency:nasa , country:united-states .
  quotation:seed-1 a kgo:Quotation ; kgo:speaker person:sean-duffy ; kgo:text "We had a productive talk." ;
      kgo:document doc:seed ; kgo:evidence evidence:seed-1021-1160 .
}
"""

GAZETTEER = """
graph:gazetteer {
  person:jim-bridenstine a kgo:Person ; rdfs:label "Jim Bridenstine" ; owl:sameAs wd:Q6195768 .
  agency:nasa a kgo:Agency ; rdfs:label "National Aeronautics and Space Administration" ; owl:sameAs wd:Q23548 .
  refposition:gazetteer-1 a kgo:Position ; kgo:holder person:jim-bridenstine ; kgo:title "administrator" ;
      kgo:organization agency:nasa ; kgo:acting false ; kgo:fromGazetteer true ;
      kgo:startDate "2018-04"^^xsd:gYearMonth ; kgo:endDate "2021"^^xsd:gYear .
}
"""

VALID = PREFIXES + DOCUMENT_GRAPH + GAZETTEER
SEED_GRAPH = "kgr:graph/doc/seed"


def dataset(trig: str) -> Dataset:
    return Dataset().parse(data=trig, format="trig")


def broken(*changes: tuple[str, str]) -> Dataset:
    """The valid dataset with each ``(old, new)`` change made; ``old`` must occur exactly once."""
    trig = VALID
    for old, new in changes:
        assert trig.count(old) == 1, f"the snippet {old!r} must occur once in the valid dataset"
        trig = trig.replace(old, new)
    return dataset(trig)


HOLDER = ("kgo:holder person:sean-duffy ; kgo:title", "kgo:title")
STATUS = ("kgo:status kgo:Happened ;", "")


def only_violation_of(report: ValidationReport, focus: str) -> list[Violation]:
    assert not report.conforms
    return [v for v in report.violations if v.focus == focus]


def test_document_graph_in_the_readme_shape_conforms():
    report = validate(dataset(VALID))
    assert report.conforms, report.to_text()
    assert report.violations == []
    assert report.to_text() == "The graph conforms to the shapes: no violations."


def test_inline_graph_names_are_the_ones_kg_ontology_mints():
    assert document_graph("seed") == URIRef("https://w3id.org/usru-space/id/graph/doc/seed")
    assert GAZETTEER_GRAPH == URIRef("https://w3id.org/usru-space/id/graph/gazetteer")


def test_position_without_holder_is_reported():
    report = validate(broken(HOLDER))
    [violation] = only_violation_of(report, "kgr:position/seed-1")
    assert violation.path == "kgo:holder"
    assert violation.graph == SEED_GRAPH
    assert violation.message == "A position must have exactly one kgo:holder."


def test_position_with_two_holders_is_reported():
    ds = broken(
        ("kgo:holder person:sean-duffy ; kgo:title", "kgo:holder person:sean-duffy , person:other ; kgo:title"),
        ("  person:sean-duffy a kgo:Person ;", '  person:other a kgo:Person ; rdfs:label "Other" .\n  person:sean-duffy a kgo:Person ;'),
    )
    [violation] = only_violation_of(validate(ds), "kgr:position/seed-1")
    assert (violation.path, violation.message) == ("kgo:holder", "A position must have exactly one kgo:holder.")


def test_position_held_by_an_agency_is_reported_with_the_value():
    report = validate(broken(("kgo:holder person:sean-duffy ; kgo:title", "kgo:holder agency:nasa ; kgo:title")))
    [violation] = only_violation_of(report, "kgr:position/seed-1")
    assert violation.message == "The kgo:holder of a position must be a kgo:Person."
    assert violation.value == "kgr:agency/nasa"


def test_event_without_status_is_reported():
    report = validate(broken(STATUS))
    [violation] = only_violation_of(report, "kgr:event/seed-1")
    assert (violation.path, violation.message) == ("kgo:status", "An event must have exactly one kgo:status.")


def test_event_with_an_unknown_status_is_reported():
    report = validate(broken(("kgo:status kgo:Happened ;", "kgo:status kgo:Rumoured ;")))
    [violation] = only_violation_of(report, "kgr:event/seed-1")
    assert "kgo:Happened, kgo:Planned or kgo:Canceled" in violation.message
    assert violation.value == "kgo:Rumoured"


def test_quotation_with_empty_text_is_reported():
    report = validate(broken(('"We had a productive talk."', '"  "')))
    [violation] = only_violation_of(report, "kgr:quotation/seed-1")
    assert violation.path == "kgo:text"
    assert violation.message == "The kgo:text of a quotation must be a non-empty string."


def test_an_agency_may_speak_a_quotation():
    """issue 11: "Roscosmos said in a statement: '...'" has the agency as speaker."""
    speaker = ("kgo:speaker person:sean-duffy ;", "kgo:speaker agency:nasa ;")
    assert validate(broken(speaker)).conforms


def test_a_quotation_spoken_by_a_country_is_reported():
    report = validate(broken(("kgo:speaker person:sean-duffy ;", "kgo:speaker country:united-states ;")))
    [violation] = only_violation_of(report, "kgr:quotation/seed-1")
    assert violation.message == "The kgo:speaker of a quotation must be a kgo:Person or a kgo:Agency."


def test_fact_without_evidence_is_reported():
    report = validate(
        broken(
            (
                "kgo:country country:united-states ;\n      kgo:document doc:seed ; kgo:evidence evidence:seed-1021-1160 .",
                "kgo:country country:united-states ;\n      kgo:document doc:seed .",
            )
        )
    )
    [violation] = only_violation_of(report, "kgr:agencycountry/seed-1")
    assert violation.message.startswith("An extracted fact must have at least one kgo:evidence")


def test_reference_fact_needs_no_evidence_only_when_marked_from_gazetteer():
    report = validate(broken(("kgo:acting false ; kgo:fromGazetteer true ;", "kgo:acting false ;")))
    messages = {v.message.split(",")[0] for v in only_violation_of(report, "kgr:refposition/gazetteer-1")}
    assert messages == {
        "An extracted fact must have at least one kgo:evidence",
        "An extracted fact must have exactly one kgo:document",
    }
    assert {v.graph for v in report.violations} == {"kgr:graph/gazetteer"}


def test_a_derived_link_from_a_node_without_a_label_is_reported():
    report = validate(broken(("person:sean-duffy kgo:standsFor", "person:nobody kgo:standsFor")))
    [violation] = only_violation_of(report, "kgr:person/nobody")
    assert violation.path == "rdfs:label"


def test_a_derived_link_to_a_literal_is_reported():
    report = validate(broken(("kgo:standsFor agency:nasa ,", 'kgo:standsFor "NASA" ,')))
    [violation] = only_violation_of(report, "kgr:person/sean-duffy")
    assert violation.path == "kgo:standsFor" and violation.value == '"NASA"'


def test_evidence_that_starts_after_it_ends_is_reported():
    report = validate(broken(("kgo:start 1021 ; kgo:end 1160", "kgo:start 1200 ; kgo:end 1160")))
    [violation] = only_violation_of(report, "kgr:evidence/seed-1021-1160")
    assert violation.path == "kgo:start"
    assert violation.message == "Evidence must start before it ends: kgo:start must be less than kgo:end."
    assert violation.value == '"1200"^^xsd:integer'


def test_evidence_with_a_negative_offset_is_reported():
    report = validate(broken(("kgo:start 1021 ; kgo:end 1160", "kgo:start -1 ; kgo:end 1160")))
    [violation] = only_violation_of(report, "kgr:evidence/seed-1021-1160")
    assert violation.message == "The kgo:start of evidence must be a non-negative xsd:integer offset."


def test_event_date_of_the_wrong_datatype_is_reported():
    report = validate(broken(('kgo:date "2025-07-31"^^xsd:date', 'kgo:date "July 31, 2025"')))
    by_path = {v.path: v for v in only_violation_of(report, "kgr:event/seed-1")}
    assert by_path["kgo:date"].message.startswith("The kgo:date of an event must be an xsd:date, xsd:gYearMonth or xsd:gYear")
    assert by_path["kgo:date"].value == '"July 31, 2025"'
    assert by_path[""].message.startswith("An event's kgo:datePrecision must be present exactly when its kgo:date is")


def test_event_date_coarser_than_its_precision_is_reported():
    report = validate(broken(('kgo:date "2025-07-31"^^xsd:date', 'kgo:date "2025-07"^^xsd:gYearMonth')))
    [violation] = only_violation_of(report, "kgr:event/seed-1")
    assert "xsd:gYearMonth with kgo:MonthPrecision" in violation.message


def test_evidence_from_another_document_is_reported():
    other = PREFIXES + """
docgraph:seed {
  doc:other a kgo:Document ; kgo:sourceFile "other.txt" .
  evidence:other-0-10 a kgo:Evidence ; kgo:document doc:other ; kgo:sentence "Elsewhere." ; kgo:start 0 ; kgo:end 10 .
}"""
    ds = broken(
        (
            "kgo:text \"We had a productive talk.\" ;\n      kgo:document doc:seed ; kgo:evidence evidence:seed-1021-1160 .",
            "kgo:text \"We had a productive talk.\" ;\n      kgo:document doc:seed ; kgo:evidence evidence:other-0-10 .",
        )
    )
    ds.parse(data=other, format="trig")
    [violation] = only_violation_of(validate(ds), "kgr:quotation/seed-1")
    assert violation.message == "The kgo:evidence of an extracted fact must come from the fact's own kgo:document."


def test_entity_with_a_non_wikidata_same_as_is_reported():
    report = validate(broken(('rdfs:label "NASA" ; owl:sameAs wd:Q23548', 'rdfs:label "NASA" ; owl:sameAs <http://dbpedia.org/resource/NASA>')))
    [violation] = only_violation_of(report, "kgr:agency/nasa")
    assert violation.path == "owl:sameAs"
    assert violation.value == "<http://dbpedia.org/resource/NASA>"


def test_each_graph_is_checked_on_its_own_so_labels_may_differ_between_graphs():
    """NASA is labelled "NASA" in the document and by its full name in the gazetteer."""
    assert validate(dataset(VALID)).conforms
    merged = Graph()
    for quad in dataset(VALID).quads((None, None, None, None)):
        merged.add(quad[:3])
    [violation] = [v for v in validate(merged).violations if v.focus == "kgr:agency/nasa"]
    assert violation.path == "rdfs:label"
    assert violation.graph == ""
    assert "validate graph.trig instead" in violation.message


@pytest.mark.parametrize("inference", ["none", "rdfs"])
def test_validate_never_changes_the_callers_dataset(inference):
    ds = dataset(VALID)
    before = {g.identifier: to_isomorphic(Graph() + g) for g in ds.graphs()}
    validate(ds, inference=inference)
    validate(broken(STATUS), inference=inference)
    after = {g.identifier: to_isomorphic(Graph() + g) for g in ds.graphs()}
    assert after == before


@pytest.mark.parametrize("inference", ["none", "rdfs"])
def test_shipped_shapes_give_the_same_answer_with_or_without_inference(inference):
    report = validate(broken(STATUS), inference=inference)
    assert [(v.focus, v.path) for v in report.violations] == [("kgr:event/seed-1", "kgo:status")]


def test_rdfs_inference_lets_shapes_target_superclasses(tmp_path):
    shapes = tmp_path / "own-shapes.ttl"
    shapes.write_text(
        """@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .
@prefix kgo: <https://w3id.org/usru-space/ontology#> .
<urn:x:EveryEventHasAPlace> a sh:NodeShape ; sh:targetClass sem:Event ;
    sh:property [ sh:path sem:hasPlace ; sh:minCount 1 ; sh:message "An event needs a place." ] .
""",
        encoding="utf-8",
    )
    ds = broken(("kgo:place country:united-states ; kgo:participant", "kgo:participant"))
    assert validate(ds, shapes=shapes, inference="none").conforms  # kgo:Meeting is not asserted a sem:Event
    assert validate(dataset(VALID), shapes=shapes, inference="rdfs").conforms  # kgo:place entails sem:hasPlace
    [violation] = validate(ds, shapes=shapes, inference="rdfs").violations
    assert (violation.focus, violation.message) == ("kgr:event/seed-1", "An event needs a place.")


def test_report_text_is_one_sorted_line_per_violation_with_short_names():
    lines = validate(broken(HOLDER, STATUS)).to_text().splitlines()
    assert lines == [
        "Violation in kgr:graph/doc/seed: kgr:event/seed-1 kgo:status: An event must have exactly one kgo:status.",
        "Violation in kgr:graph/doc/seed: kgr:position/seed-1 kgo:holder: A position must have exactly one kgo:holder.",
    ]


def test_invalid_inference_mode_is_refused():
    with pytest.raises(ValueError, match="inference"):
        validate(dataset(VALID), inference="owl")  # type: ignore[arg-type]


def test_unreadable_shapes_file_is_named(tmp_path):
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\n<a> sh:path \n", encoding="utf-8")
    with pytest.raises(GraphError, match=r"shapes\.ttl:\d+: not valid turtle"):
        validate(dataset(VALID), shapes=shapes)


def test_load_graph_reads_named_graphs_from_trig(tmp_path):
    path = tmp_path / "graph.trig"
    path.write_text(VALID, encoding="utf-8")
    ds = load_graph(path)
    names = {g.identifier for g in ds.graphs() if len(g)}
    assert names == {URIRef("https://w3id.org/usru-space/id/graph/doc/seed"), GAZETTEER_GRAPH}
    assert validate(ds).conforms


def test_load_graph_reads_turtle_into_the_default_graph(tmp_path):
    path = tmp_path / "graph.ttl"
    path.write_text(PREFIXES + "person:x a kgo:Person .\n", encoding="utf-8")
    [violation] = validate(load_graph(path)).violations
    assert violation.graph == "default graph"
    assert violation.focus == "kgr:person/x"


def test_load_graph_names_the_file_and_line_of_a_trig_syntax_error(tmp_path):
    path = tmp_path / "graph.trig"
    path.write_text(PREFIXES + 'docgraph:seed {\n  doc:seed kgo:sourceFile "seed.txt ;\n}\n', encoding="utf-8")
    line = PREFIXES.count("\n") + 2
    with pytest.raises(GraphError, match=rf"graph\.trig:{line}: not valid trig"):
        load_graph(path)


def test_load_graph_names_the_line_of_a_bad_nquads_line(tmp_path):
    path = tmp_path / "graph.nq"
    path.write_text(
        "<http://a/s> <http://a/p> <http://a/o> <http://a/g> .\n<http://a/s> <http://a/p> oops <http://a/g> .\n",
        encoding="utf-8",
    )
    with pytest.raises(GraphError, match=r"graph\.nq:2: not valid nquads"):
        load_graph(path)


def test_load_graph_of_a_missing_file_says_to_build_first(tmp_path):
    with pytest.raises(GraphError, match="no such file.*kg build"):
        load_graph(tmp_path / "missing.trig")


def test_load_graph_refuses_an_unknown_suffix(tmp_path):
    path = tmp_path / "graph.json"
    path.write_text("{}", encoding="utf-8")
    with pytest.raises(GraphError, match=r"graph\.json: cannot tell the RDF format.*\.trig"):
        load_graph(path)


@pytest.mark.slow
def test_graph_built_from_the_default_corpus_conforms():
    from kg.pipeline import build_dataset
    from kg.resources import default_corpus_dir

    built, _ = build_dataset([default_corpus_dir()])
    report = validate(built)
    assert report.conforms, report.to_text()


def test_load_graph_accepts_a_path_given_as_a_string(tmp_path):
    path = tmp_path / "graph.trig"
    path.write_text(VALID, encoding="utf-8")
    assert validate(load_graph(str(path))).conforms


def test_docstring_examples_run():
    assert doctest.testmod(kg.store.validate).failed == 0
