"""The Python API: ``kg.open`` and the handle it returns."""

from __future__ import annotations

import subprocess
import sys

import pytest

import kg
from conftest import REPO
from kg.errors import GraphError, QueryError


@pytest.fixture
def graph(built_corpus):
    out, _, _ = built_corpus
    with kg.open(out) as handle:
        yield handle


def test_open_uses_the_store_and_query_returns_a_dataframe(graph):
    assert graph.backend == "oxigraph"
    frame = graph.query("positions", person="Sean Duffy")
    assert list(frame.columns) == ["person", "title", "organization", "document"]
    assert frame.to_dict("records") == [
        {"person": "Sean Duffy", "title": "acting administrator", "organization": "NASA", "document": "seed-nasa-roscosmos-talks.txt"}
    ]


def test_a_keyword_parameter_takes_a_trailing_underscore(graph):
    frame = graph.query("timeline", from_=2025, type="Meeting")
    assert not frame.empty and set(frame["date"].str[:4]) == {"2025"}


def test_an_empty_answer_keeps_its_columns(graph):
    frame = graph.query("met", person="Nobody At All")
    assert frame.empty and list(frame.columns) == ["person", "other", "date", "place", "meeting", "document"]


def test_bad_parameters_raise_query_error(graph):
    with pytest.raises(QueryError, match="takes no parameter"):
        graph.query("positions", persn="x")


def test_sparql_sees_the_union_of_the_graphs(graph):
    frame = graph.sparql("PREFIX kgo: <https://w3id.org/usru-space/ontology#> SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a kgo:Document }")
    assert frame.to_dict("records") == [{"n": "7"}]


def test_dataset_is_the_rdflib_view_of_the_graph(graph):
    from rdflib import Dataset, URIRef

    assert isinstance(graph.dataset, Dataset)
    graphs = {str(g.identifier) for g in graph.dataset.graphs()}
    assert "https://w3id.org/usru-space/id/graph/doc/seed-nasa-roscosmos-talks" in graphs
    assert any(graph.dataset.quads((URIRef("https://w3id.org/usru-space/id/agency/nasa"), None, None, None)))


def test_to_networkx_delegates_to_the_analytics_projection(graph, monkeypatch):
    import kg.analytics.project as project

    seen = []
    monkeypatch.setattr(project, "to_networkx", lambda dataset: seen.append(dataset) or "projection")
    assert graph.to_networkx() == "projection"
    assert seen == [graph.dataset]


def test_to_networkx_projects_the_entities(graph):
    G = graph.to_networkx()
    labels = {data.get("label") for _, data in G.nodes(data=True)}
    assert {"Sean Duffy", "Dmitry Bakanov", "NASA", "Roscosmos"} <= labels


def test_open_a_trig_file_in_memory_gives_the_same_rows(built_corpus, graph):
    out, dataset, _ = built_corpus
    in_memory = kg.open(out / "graph.trig")
    assert in_memory.backend == "memory"
    assert in_memory.query("quotes").equals(graph.query("quotes"))
    assert kg.from_dataset(dataset).query("quotes").equals(graph.query("quotes"))


def test_open_a_missing_folder_says_to_build(tmp_path):
    with pytest.raises(GraphError, match="kg build"):
        kg.open(tmp_path / "nowhere")


def test_importing_kg_and_opening_stays_light(built_corpus):
    out, _, _ = built_corpus
    code = (
        "import sys, kg; light = not {'rdflib', 'pandas', 'spacy', 'pyoxigraph'} & set(sys.modules);"
        f"g = kg.open({str(out)!r}); g.query('quotes');"
        "print(light, 'spacy' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert result.stdout.split() == ["True", "False"], result.stderr


def test_limit_and_offset_return_a_page(graph):
    everything = graph.query("positions")
    page = graph.query("positions", limit=2, offset=1)
    assert page.to_dict("records") == everything.iloc[1:3].to_dict("records")
