"""Inference: queries in the aligned vocabularies (W3C ORG, schema.org, PROV-O) answer on a closed copy."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import REPO
from kg.store.inference import infer
from kg.store.queries import run_query, run_select

PREFIXES = """
PREFIX kgo: <https://w3id.org/usru-space/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""
ORG = PREFIXES + """SELECT DISTINCT ?person ?organization WHERE {
  ?m a org:Membership ; org:member ?p ; org:organization ?o .
  ?p rdfs:label ?person . ?o rdfs:label ?organization .
}"""
SCHEMA = PREFIXES + """SELECT DISTINCT ?speaker ?text WHERE {
  ?q a schema:Quotation ; schema:creator ?s ; schema:text ?text . ?s rdfs:label ?speaker .
}"""
PROV = PREFIXES + """SELECT DISTINCT ?fact ?file WHERE {
  GRAPH ?g { ?fact prov:wasDerivedFrom ?doc . ?doc a prov:Entity ; kgo:sourceFile ?file . }
}"""


def test_org_membership_answers_with_inference(corpus_backends, inferred_corpus):
    assert run_select(corpus_backends["oxigraph"], ORG).rows == []
    rows = {(r["person"], r["organization"]) for r in run_select(inferred_corpus, ORG).rows}
    assert ("Sean Duffy", "NASA") in rows and ("Dmitry Bakanov", "Roscosmos") in rows


def test_schema_quotation_answers_with_inference(corpus_backends, inferred_corpus):
    assert run_select(corpus_backends["oxigraph"], SCHEMA).rows == []
    quoted = {(r["speaker"], r["text"]) for r in run_query(corpus_backends["oxigraph"], "quotes").rows}
    assert {(r["speaker"], r["text"]) for r in run_select(inferred_corpus, SCHEMA).rows} == quoted


def test_prov_derivation_answers_inside_each_document_graph(corpus_backends, inferred_corpus):
    assert run_select(corpus_backends["oxigraph"], PROV).rows == []
    files = {r["file"] for r in run_select(inferred_corpus, PROV).rows}
    assert len(files) == 7


def test_named_queries_answer_the_same_on_the_closed_copy(corpus_backends, inferred_corpus):
    for name in ("positions", "quotes", "involvement"):
        assert run_query(inferred_corpus, name).rows == run_query(corpus_backends["memory"], name).rows


def test_inference_leaves_the_input_alone(built_seed):
    _, dataset, _ = built_seed
    before = len(list(dataset.quads((None, None, None, None))))
    closed = infer(dataset)
    assert len(list(dataset.quads((None, None, None, None)))) == before
    assert len(list(closed.quads((None, None, None, None)))) > before


def test_cli_infer_flag(built_seed):
    out, _, _ = built_seed
    result = subprocess.run([sys.executable, "-m", "kg", "sparql", ORG, "-g", str(out), "--infer", "--format", "csv"],
                            capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert "Sean Duffy,NASA" in result.stdout.splitlines()
    plain = subprocess.run([sys.executable, "-m", "kg", "sparql", ORG, "-g", str(out), "--format", "csv"],
                           capture_output=True, text=True, cwd=REPO)
    assert plain.stdout.splitlines() == ["person,organization"]


@pytest.mark.parametrize("entailment", ["owl-rl"])
def test_owl_rl_also_answers(built_seed, entailment):
    _, dataset, _ = built_seed
    from kg.store.backends import MemoryBackend

    rows = run_select(MemoryBackend(infer(dataset, entailment=entailment)), ORG).rows
    assert {"person": "Sean Duffy", "organization": "NASA"} in rows
