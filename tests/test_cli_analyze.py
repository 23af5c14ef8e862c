"""``kg stats``, ``kg explain`` and ``kg path`` on the built shipped corpus."""

from __future__ import annotations

import sys

import pytest

from kg.cli import main


@pytest.fixture
def kg(monkeypatch, capsys):
    """Run ``kg ARGS...`` in this process: ``(exit status, stdout, stderr)``."""

    def run(*args: str) -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "argv", ["kg", *args])
        try:
            main()
            code = 0
        except SystemExit as exc:
            code = exc.code or 0
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_path_prints_the_meeting_that_links_duffy_and_bakanov(kg, built_corpus):
    out, _, _ = built_corpus
    code, stdout, _ = kg("path", "Sean Duffy", "Dmitry Bakanov", "-g", str(out), "--max", "1")
    assert code == 0
    lines = stdout.splitlines()
    assert lines[0] == '1 chain of facts from "Sean Duffy" to "Dmitry Bakanov", shortest first'
    assert "Path 1 (1 fact): Sean Duffy -> Dmitry Bakanov" in lines
    assert any("July 31st" in line for line in lines)
    assert any("seed-nasa-roscosmos-talks.txt:" in line for line in lines)


def test_path_between_unlinked_entities_says_so_and_exits_0(kg, built_corpus):
    import networkx as nx

    from kg.analytics.project import to_networkx

    out, dataset, _ = built_corpus
    G = to_networkx(dataset)
    parts = sorted(nx.connected_components(G.to_undirected()), key=len)
    a, b = min(parts[0]), min(parts[-1])
    code, stdout, _ = kg("path", a, b, "-g", str(out))
    assert code == 0
    assert stdout.strip().startswith("no chain of facts links")


@pytest.mark.parametrize("command", [["explain", "Sean Dufy"], ["path", "Sean Dufy", "Dmitry Bakanov"]])
def test_an_unknown_entity_is_one_line_with_a_suggestion_and_exit_1(kg, built_corpus, command):
    out, _, _ = built_corpus
    code, stdout, stderr = kg(*command, "-g", str(out))
    assert code == 1
    assert stderr.strip() == 'error: no entity matches "Sean Dufy"; did you mean "Sean Duffy"?'
    assert stdout == ""


def test_explain_prints_facts_with_their_evidence(kg, built_corpus):
    out, _, _ = built_corpus
    code, stdout, _ = kg("explain", "Sean Duffy", "-g", str(out))
    assert code == 0
    lines = stdout.splitlines()
    assert lines[0].startswith("Sean Duffy (Person; ")
    assert "Events" in lines and "Mentions" in lines
    assert any("July 31st" in line for line in lines)


def test_stats_prints_figures_and_the_top_entities(kg, built_corpus):
    from kg.analytics.project import to_networkx
    from kg.analytics.stats import graph_stats

    out, dataset, report = built_corpus
    code, stdout, _ = kg("stats", "-g", str(out), "--top", "3", "--by", "degree")
    assert code == 0
    s = graph_stats(to_networkx(dataset))
    assert f"documents: {len(report.documents)}" in stdout
    assert f"entities: {s.nodes} (" in stdout and f"edges: {s.edges} (" in stdout
    table = stdout.split("Most central entities, by degree (betweenness exact):\n", 1)[1].splitlines()
    assert table[0].split() == ["#", "entity", "type", "degree", "betweenness", "pagerank"]
    assert [row.split()[0] for row in table[1:]] == ["1", "2", "3"]


def test_a_missing_build_folder_is_one_line_and_exit_1(kg, tmp_path):
    code, _, stderr = kg("stats", "-g", str(tmp_path / "nothing"))
    assert code == 1
    assert stderr.startswith("error: ") and "kg build" in stderr and len(stderr.strip().splitlines()) == 1


def test_stats_can_estimate_betweenness_from_a_sample(kg, built_corpus):
    out, _, _ = built_corpus
    code, stdout, _ = kg("stats", "-g", str(out), "--top", "1", "--sample", "5")
    assert code == 0
    assert "Most central entities, by pagerank (betweenness estimated from 5 sources):" in stdout


def test_path_with_gazetteer_follows_reference_facts_and_says_they_have_no_evidence(kg, built_corpus):
    from kg.analytics.project import to_networkx

    out, dataset, _ = built_corpus
    G = to_networkx(dataset, include_gazetteer=True)
    only_reference = [
        (u, v) for u, v, d in G.edges(data=True)
        if d["source"] == "gazetteer" and all(e["source"] == "gazetteer" for e in G.get_edge_data(u, v).values()) and not G.has_edge(v, u)
    ]
    a, b = only_reference[0]
    code, stdout, _ = kg("path", a, b, "-g", str(out), "--max", "1", "--gazetteer")
    assert code == 0
    assert "Path 1 (1 fact)" in stdout
    assert "evidence: none (a reference fact of the gazetteer)" in stdout
    code, stdout, _ = kg("path", a, b, "-g", str(out), "--max", "1")
    assert code == 1 or "Path 1 (1 fact)" not in stdout
