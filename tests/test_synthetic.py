"""The synthetic graph of the benchmarks (kg.synthetic): the shape of a built graph, the same every time."""

from __future__ import annotations

import doctest

import kg.synthetic
from kg.ontology import GAZETTEER_GRAPH, KGO
from kg.synthetic import synthetic_dataset, write_synthetic
from kg.store.validate import validate


def test_docstring_example_runs():
    assert doctest.testmod(kg.synthetic).failed == 0


def test_the_synthetic_graph_conforms_to_the_shapes_and_has_derived_links():
    ds = synthetic_dataset(documents=4, seed=2)
    report = validate(ds)
    assert report.conforms, report.to_text()
    graphs = {g for *_, g in ds.quads((None, KGO.standsFor, None, None))}
    assert len(graphs) == 4 and GAZETTEER_GRAPH not in graphs


def test_the_same_size_and_seed_write_the_same_file(tmp_path):
    a, b, c = tmp_path / "a.nq", tmp_path / "b.nq", tmp_path / "c.nq"
    figures = write_synthetic(a, triples=3_000, seed=5)
    write_synthetic(b, triples=3_000, seed=5)
    write_synthetic(c, triples=3_000, seed=6)
    assert a.read_bytes() == b.read_bytes() != c.read_bytes()
    assert figures["triples"] == sum(1 for line in a.read_bytes().splitlines() if line.strip())
    assert not list(tmp_path.glob("*.tmp"))
