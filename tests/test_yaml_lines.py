"""YAML with line numbers (kg.yaml_lines), shared by the gazetteer and the gold files."""

from __future__ import annotations

import doctest

import pytest

import kg.yaml_lines
from kg.errors import DataError
from kg.yaml_lines import LineMap, LineSeq, line_of, load_yaml


def test_docstring_examples_run():
    assert doctest.testmod(kg.yaml_lines).failed == 0


def test_nested_mappings_and_sequences_know_their_lines():
    data = load_yaml("entities:\n  - id: nasa\n    aliases: [NASA]\n  - id: esa\n", "g.yaml")
    assert isinstance(data, LineMap) and isinstance(data["entities"], LineSeq)
    first, second = data["entities"]
    assert (line_of(first), line_of(first, "aliases"), line_of(second)) == (2, 3, 4)
    assert line_of(first, "missing") == 2  # a key that is absent: the mapping's own line


def test_a_syntax_error_names_the_file_and_line():
    with pytest.raises(DataError, match=r"^g\.yaml:3: not valid YAML \(.*\); fix the syntax there$"):
        load_yaml("a: 1\nb: [1, 2\nc: 3\n", "g.yaml")
