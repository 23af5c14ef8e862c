"""The OWL ontology (ontology/kg.ttl) and the SHACL shapes (ontology/shapes.ttl).

The ontology must declare, with a label and a definition, every kgo: term that the code, the
README, the queries and the shapes use, and align our terms with the public vocabularies.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS

import kg
from kg import ontology
from kg.ontology import KGO, OA, ORG, SCHEMA, SEM, SH
from kg.resources import ontology_path, queries_dir, shapes_path

PACKAGE_DIR = Path(kg.__file__).parent
ONTOLOGY_README = ontology_path().parent / "README.md"
ONTOLOGY_IRI = URIRef("https://w3id.org/usru-space/ontology")
DECLARATIONS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual, OWL.AnnotationProperty)


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ontology_path())


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(shapes_path())


def declared_terms(g: Graph) -> set[URIRef]:
    return {s for t in DECLARATIONS for s in g.subjects(RDF.type, t) if isinstance(s, URIRef) and s.startswith(KGO)}


def kgo_names_in_text(text: str) -> set[str]:
    return set(re.findall(r"\bkgo:([A-Za-z][A-Za-z0-9_]*)", text))


def kgo_names_in_code() -> set[str]:
    """Every ``KGO.name`` / ``KGO["name"]`` in the package, and the names kg.ontology turns into terms."""
    names: set[str] = set()
    for path in PACKAGE_DIR.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        names |= set(re.findall(r"\bKGO\.([A-Za-z][A-Za-z0-9_]*)", text))
        names |= set(re.findall(r"\bKGO\[\s*[\"']([A-Za-z][A-Za-z0-9_]*)[\"']\s*\]", text))
    names |= set(ontology.ENTITY_TYPES) | set(ontology.EVENT_CLASSES)
    for iri in (*ontology.STATUS_IRI.values(), *ontology.PRECISION_IRI.values()):
        names.add(iri.removeprefix(str(KGO)))
    return names


def assert_declared_with_label_and_definition(onto: Graph, names: set[str], source: str) -> None:
    declared = declared_terms(onto)
    missing = sorted(n for n in names if KGO[n] not in declared)
    assert not missing, f"{source} uses kgo terms that ontology/kg.ttl does not declare: {missing}"
    for name in names:
        assert_label_and_definition(onto, KGO[name])


def assert_label_and_definition(onto: Graph, term: URIRef) -> None:
    labels = [o for o in onto.objects(term, RDFS.label) if isinstance(o, Literal) and str(o).strip()]
    definitions = [
        o for p in (SKOS.definition, RDFS.comment) for o in onto.objects(term, p) if isinstance(o, Literal) and str(o).strip()
    ]
    assert len(labels) == 1, f"{term} needs exactly one rdfs:label, has {labels}"
    assert definitions, f"{term} needs a skos:definition"


def test_ontology_header_names_iri_version_title_description_and_license(onto):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in onto
    for prop in (OWL.versionInfo, DCTERMS.title, DCTERMS.description, DCTERMS.license):
        assert onto.value(ONTOLOGY_IRI, prop) is not None, f"the ontology header lacks {prop}"


def test_ontology_imports_no_remote_ontology(onto):
    """The project works offline: public vocabularies are aligned to, not owl:imported."""
    assert list(onto.objects(None, OWL.imports)) == []


def test_every_kgo_term_of_the_ontology_has_a_label_and_a_definition(onto):
    terms = declared_terms(onto)
    assert len(terms) > 60
    for term in terms:
        assert_label_and_definition(onto, term)


def test_every_term_the_code_uses_is_declared(onto):
    names = kgo_names_in_code()
    assert {"Position", "holder", "Meeting", "Happened", "DayPrecision"} <= names  # the scan works
    assert_declared_with_label_and_definition(onto, names, "the kg package")


def test_every_term_the_readme_uses_is_declared(onto):
    names = kgo_names_in_text(ONTOLOGY_README.read_text(encoding="utf-8"))
    assert {"Document", "holder", "evidence"} <= names
    assert_declared_with_label_and_definition(onto, names, "ontology/README.md")


def test_every_term_the_queries_use_is_declared(onto):
    queries = sorted(queries_dir().glob("*.rq"))
    assert queries, "no named queries found"
    for query in queries:
        names = kgo_names_in_text(query.read_text(encoding="utf-8"))
        assert_declared_with_label_and_definition(onto, names, str(query))


def test_every_term_the_shapes_use_is_declared(onto, shapes):
    used = {t for triple in shapes for t in triple if isinstance(t, URIRef) and t.startswith(KGO)}
    assert_declared_with_label_and_definition(onto, {t.removeprefix(str(KGO)) for t in used}, "ontology/shapes.ttl")


def test_every_property_has_a_domain_and_a_range(onto):
    for kind in (OWL.ObjectProperty, OWL.DatatypeProperty):
        for prop in onto.subjects(RDF.type, kind):
            assert onto.value(prop, RDFS.domain) is not None, f"{prop} has no rdfs:domain"
            assert onto.value(prop, RDFS.range) is not None, f"{prop} has no rdfs:range"


@pytest.mark.parametrize("name", ontology.EVENT_CLASSES)
def test_event_types_are_subclasses_of_event(onto, name):
    assert (KGO[name], RDFS.subClassOf, KGO.Event) in onto


@pytest.mark.parametrize("name", ontology.ENTITY_TYPES)
def test_entity_types_are_subclasses_of_entity(onto, name):
    assert (KGO[name], RDFS.subClassOf, KGO.Entity) in onto


@pytest.mark.parametrize("name", ["Mention", "Position", "Event", "Involvement", "AgencyCountry", "Quotation"])
def test_fact_classes_are_extracted_facts(onto, name):
    assert (KGO[name], RDFS.subClassOf, KGO.ExtractedFact) in onto


def test_statuses_and_precisions_are_individuals_of_their_classes(onto):
    for iri in ontology.STATUS_IRI.values():
        assert (iri, RDF.type, KGO.EventStatus) in onto
    for iri in ontology.PRECISION_IRI.values():
        assert (iri, RDF.type, KGO.DatePrecision) in onto


@pytest.mark.parametrize(
    ("term", "relation", "public"),
    [
        (KGO.Agency, RDFS.subClassOf, ORG.FormalOrganization),
        (KGO.Agency, RDFS.subClassOf, FOAF.Organization),
        (KGO.Person, RDFS.subClassOf, FOAF.Person),
        (KGO.Person, RDFS.subClassOf, SCHEMA.Person),
        (KGO.Position, RDFS.subClassOf, ORG.Membership),
        (KGO.Event, RDFS.subClassOf, SEM.Event),
        (KGO.Event, RDFS.subClassOf, SCHEMA.Event),
        (KGO.Quotation, RDFS.subClassOf, SCHEMA.Quotation),
        (KGO.Document, RDFS.subClassOf, SCHEMA.NewsArticle),
        (KGO.Document, RDFS.subClassOf, PROV.Entity),
        (KGO.ExtractedFact, RDFS.subClassOf, PROV.Entity),
        (KGO.Evidence, RDFS.subClassOf, OA.TextPositionSelector),
        (KGO.holder, RDFS.subPropertyOf, ORG.member),
        (KGO.organization, RDFS.subPropertyOf, ORG.organization),
        (KGO.place, RDFS.subPropertyOf, SEM.hasPlace),
        (KGO.place, RDFS.subPropertyOf, SCHEMA.location),
        (KGO.participant, RDFS.subPropertyOf, SEM.hasActor),
        (KGO.date, RDFS.subPropertyOf, SEM.hasTimeStamp),
        (KGO.status, RDFS.subPropertyOf, SCHEMA.eventStatus),
        (KGO.speaker, RDFS.subPropertyOf, SCHEMA.creator),
        (KGO.text, RDFS.subPropertyOf, SCHEMA.text),
        (KGO.evidence, RDFS.subPropertyOf, PROV.wasDerivedFrom),
        (KGO.start, RDFS.subPropertyOf, OA.start),
        (KGO.end, RDFS.subPropertyOf, OA.end),
        (KGO.sentence, RDFS.subPropertyOf, OA.exact),
        (KGO.startDate, RDFS.subPropertyOf, SCHEMA.startDate),
        (KGO.published, RDFS.subPropertyOf, SCHEMA.datePublished),
    ],
)
def test_terms_are_aligned_with_public_vocabularies(onto, term, relation, public):
    assert (term, relation, public) in onto


def test_document_is_not_aligned_with_oa_has_source(onto):
    """oa:hasSource's domain would make every extracted fact an oa:ResourceSelection."""
    assert (KGO.document, RDFS.subPropertyOf, OA.hasSource) not in onto


@pytest.mark.parametrize("name", ["holder", "title", "organization", "date", "status", "document", "speaker", "start"])
def test_single_valued_properties_are_functional(onto, name):
    assert (KGO[name], RDF.type, OWL.FunctionalProperty) in onto


@pytest.mark.parametrize("name", ["participant", "evidence", "hasCountry", "involvedIn"])
def test_many_valued_properties_are_not_functional(onto, name):
    assert (KGO[name], RDF.type, OWL.FunctionalProperty) not in onto


def test_every_shape_constraint_carries_a_message(shapes):
    """A user reads the sh:message; pySHACL's default text names blank nodes instead."""
    node_shapes = {s for s in shapes.subjects(RDF.type, SH.NodeShape)}
    targeted = {s for s in node_shapes for p in (SH.targetClass, SH.targetSubjectsOf) if shapes.value(s, p) is not None}
    assert targeted
    for shape in targeted:
        for prop_shape in shapes.objects(shape, SH.property):
            assert shapes.value(prop_shape, SH.message) is not None, f"a property shape of {shape} has no sh:message"
        if any(shapes.value(shape, p) is not None for p in (SH["or"], SH.xone, SH["and"], SH["not"], SH["class"])):
            assert shapes.value(shape, SH.message) is not None, f"{shape} has node-level constraints but no sh:message"


def test_shapes_target_every_event_type_and_fact_class_explicitly(shapes):
    """So the shapes work without the ontology's subclass axioms (inference "none")."""
    kgsh = "https://w3id.org/usru-space/shapes#"
    event_targets = set(shapes.objects(URIRef(kgsh + "EventShape"), SH.targetClass))
    assert {KGO.Event, *(KGO[n] for n in ontology.EVENT_CLASSES)} <= event_targets
    fact_targets = set(shapes.objects(URIRef(kgsh + "FactHasEvidenceShape"), SH.targetClass))
    facts = ["Mention", "Position", "Involvement", "AgencyCountry", "Quotation", "Event", *ontology.EVENT_CLASSES]
    assert {KGO[n] for n in facts} <= fact_targets

