"""``kg export``: RDF serialisations that read back to the same graph, and the entity network as GraphML and CSV."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import pytest
from rdflib import Dataset, Graph

from conftest import REPO, run_kg
from kg.errors import GraphError
from kg.store.export import EXPORT_FORMATS, csv_tables, export, graphml_safe
from kg.ontology import PREFIXES
from kg.store.oxigraph import load_dataset


def _quads(dataset: Dataset) -> set[tuple[str, str, str, str]]:
    return {(str(s), str(p), str(o), str(g)) for s, p, o, g in dataset.quads((None, None, None, None))}


def _triples(dataset: Dataset) -> set[tuple[str, str, str]]:
    return {(str(s), str(p), str(o)) for s, p, o, _ in dataset.quads((None, None, None, None))}


@pytest.fixture(scope="module")
def seed_dataset(built_seed):
    out, _, _ = built_seed
    return load_dataset(out)


def test_trig_and_jsonld_keep_the_named_graphs(tmp_path, built_seed, seed_dataset):
    out, _, _ = built_seed
    for fmt, parser in (("trig", "trig"), ("jsonld", "json-ld")):
        path = tmp_path / f"graph.{fmt}"
        assert export(load_dataset(out), fmt=fmt, to=path) == [path]
        back = Dataset()
        back.parse(path, format=parser)
        assert _quads(back) == _quads(seed_dataset), fmt


def test_jsonld_has_a_context_of_the_project_prefixes(built_seed):
    out, _, _ = built_seed
    document = json.loads(export(load_dataset(out), fmt="jsonld"))
    assert document["@context"] == {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    assert "kgo:Document" in json.dumps(document)


@pytest.mark.parametrize(("fmt", "parser"), [("ttl", "turtle"), ("nt", "nt")])
def test_turtle_and_ntriples_hold_the_union(built_seed, seed_dataset, fmt, parser):
    out, _, _ = built_seed
    data = export(load_dataset(out), fmt=fmt)
    back = Graph().parse(data=data, format=parser)
    assert {(str(s), str(p), str(o)) for s, p, o in back} == _triples(seed_dataset)


def test_ntriples_are_sorted_so_exports_diff_cleanly(built_seed):
    out, _, _ = built_seed
    lines = export(load_dataset(out), fmt="nt").splitlines()
    assert lines == sorted(lines) and len(lines) > 100


def test_graphml_is_the_networkx_projection(tmp_path, built_seed):
    import networkx as nx

    from kg.analytics.project import to_networkx

    out, _, _ = built_seed
    dataset = load_dataset(out)
    path = tmp_path / "graph.graphml"
    export(dataset, fmt="graphml", to=path)
    back = nx.read_graphml(path, force_multigraph=True)
    G = to_networkx(dataset)
    assert back.number_of_nodes() == G.number_of_nodes() and back.number_of_edges() == G.number_of_edges()
    labels = {data.get("label") for _, data in back.nodes(data=True)}
    assert {"Sean Duffy", "Dmitry Bakanov"} <= labels


def test_graphml_safe_turns_other_values_into_json_and_drops_none():
    import networkx as nx

    G = nx.MultiDiGraph(meta={"a": 1})
    G.add_node("n", tags=["x", "y"], missing=None, label="N")
    G.add_edge("n", "n", key="k", evidence=[{"document": "d"}], weight=2)
    H = graphml_safe(G)
    assert H.nodes["n"] == {"tags": '["x", "y"]', "label": "N"}
    assert H.edges["n", "n", "k"] == {"evidence": '[{"document": "d"}]', "weight": 2}
    assert H.graph == {"meta": '{"a": 1}'}


def test_csv_writes_nodes_and_edges(tmp_path, built_seed):
    out, _, _ = built_seed
    written = export(load_dataset(out), fmt="csv", to=tmp_path / "network")
    assert [p.name for p in written] == ["nodes.csv", "edges.csv"]
    with written[0].open(encoding="utf-8") as fh:
        nodes = list(csv.DictReader(fh))
    with written[1].open(encoding="utf-8") as fh:
        edges = list(csv.DictReader(fh))
    ids = {n["id"] for n in nodes}
    assert list(nodes[0])[:3] == ["id", "type", "label"] and list(edges[0])[:4] == ["from", "to", "key", "relation"]
    assert all(e["from"] in ids and e["to"] in ids for e in edges)
    assert {"documents"} <= {e["source"] for e in edges}  # the projection's own source attribute survives


def test_csv_columns_never_collide_with_attributes():
    import networkx as nx

    G = nx.MultiDiGraph()
    G.add_edge("a", "b", key="k", **{"from": "x", "relation": "r"})
    tables = csv_tables(G)
    assert tables["edges.csv"].splitlines() == ["from,to,key,relation,from_attr", "a,b,k,r,x"]


def test_csv_needs_a_folder(built_seed):
    out, _, _ = built_seed
    with pytest.raises(GraphError, match="give the folder"):
        export(load_dataset(out), fmt="csv")


def test_the_cli_offers_exactly_the_export_formats():
    from kg.cli.explore import ExportChoice

    assert [c.value for c in ExportChoice] == list(EXPORT_FORMATS)


def test_cli_exports_every_format(tmp_path, built_seed):
    out, _, _ = built_seed
    for fmt in EXPORT_FORMATS:
        target = tmp_path / fmt
        result = subprocess.run([sys.executable, "-m", "kg", "export", "-g", str(out), "--format", fmt, "-o", str(target)],
                                capture_output=True, text=True, cwd=REPO)
        assert result.returncode == 0, result.stderr
        assert target.exists()
    result = subprocess.run([sys.executable, "-m", "kg", "export", "-g", str(out), "--format", "nt"], capture_output=True, cwd=REPO)
    assert result.returncode == 0 and result.stdout.count(b"\n") > 100


@pytest.mark.parametrize("fmt, name", [("trig", "graph.trig"), ("ttl", "graph.ttl")])
def test_trig_and_turtle_of_a_store_are_streamed_in_the_form_of_the_build_files(built_seed, tmp_path, fmt, name):
    """issue 12: kg export of a big store must not load it into rdflib; into a file, Oxigraph
    writes it as the build writes graph.trig and graph.ttl."""
    out, _, _ = built_seed
    result = run_kg("export", "--format", fmt, "-g", str(out), "-o", str(tmp_path / name))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / name).read_bytes() == (out / name).read_bytes()
