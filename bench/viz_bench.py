"""Benchmark of ``kg viz`` on large graphs: layout time, page build time, draw time in Chromium.

Run:  .venv/bin/python bench/viz_bench.py [--nodes 1000 5000 10000] [--seed 0]

For each size it builds a synthetic projection (the shape of ``kg.analytics.project.to_networkx``:
typed entity nodes, each in at least one fact; holds_post, involved_in, based_in, co_participant
and at_place edges with one evidence sentence each; Zipf-like popularity, so there are hubs as in
news), then measures

- ``layout_s``: :func:`kg.viz.layout.layout` (target: 5,000 nodes in at most 10 s);
- ``page_s``: building the whole HTML page (:func:`kg.viz.network.network_html`: layout, data,
  inlining, JSON), i.e. what ``kg viz`` spends after the projection;
- ``draw_ms``: in headless Chromium (``/usr/bin/chromium``, network cut off), from the start of
  navigation until the first drawing is painted (two animation frames after vis-network's first
  ``afterDrawing``): parsing the page, the inlined library and the data, building the network,
  drawing and painting it (target: 5,000 nodes in at most 2 s); ``load_ms`` is the same seen from
  outside (goto until the page says it is ready). Both are medians of ``--repeat`` loads.

Timings are wall-clock on whatever machine runs this; they are not asserted anywhere.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from itertools import accumulate, combinations
from pathlib import Path

SHARES = {"Person": 0.45, "Agency": 0.06, "Country": 0.04, "Program": 0.1, "Spacecraft": 0.2, "Facility": 0.05, "Place": 0.1}
SENTENCE = (
    "On {date}, {a} and {b} took part in the {kind} that officials from both agencies described as "
    "a step towards continued cooperation in low Earth orbit."
)


def synthetic_projection(nodes: int, *, seed: int = 0):
    """A ``MultiDiGraph`` shaped like the projection, with about ``nodes`` entities."""
    import networkx as nx

    from kg.analytics.evidence import Evidence, evidence_json

    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    G.graph["documents"] = nodes // 10
    pools: dict[str, list[str]] = {}
    for type_name, share in SHARES.items():
        pools[type_name] = [f"https://w3id.org/usru-space/id/{type_name.lower()}/{type_name.lower()}-{i}" for i in range(max(2, round(nodes * share)))]
        for i, node in enumerate(pools[type_name]):
            G.add_node(node, type=type_name, label=f"{type_name} {i}", aliases="[]", mentions=1 + rng.randrange(20), documents=1 + rng.randrange(5), quotations=0)
    weights = {t: list(accumulate(1.0 / (i + 1) ** 0.8 for i in range(len(p)))) for t, p in pools.items()}

    def pick(type_name: str, k: int = 1) -> list[str]:
        return list(dict.fromkeys(rng.choices(pools[type_name], cum_weights=weights[type_name], k=k)))

    def evidence(a: str, b: str, kind: str, date: str) -> str:
        sentence = SENTENCE.format(date=date, a=G.nodes[a]["label"], b=G.nodes[b]["label"], kind=kind)
        doc = f"synthetic-{rng.randrange(max(1, nodes // 10)):05d}.txt"
        start = rng.randrange(5000)
        return evidence_json([Evidence(doc, start, start + len(sentence), sentence)])

    for person in pools["Person"]:
        org = pick("Agency")[0]
        G.add_edge(person, org, key="holds_post|flight engineer", relation="holds_post", title="flight engineer", acting=False, source="documents", evidence_count=1, facts=1, evidence=evidence(person, org, "post", "2020"))
    for agency in pools["Agency"]:
        country = pick("Country")[0]
        G.add_edge(agency, country, key="based_in", relation="based_in", source="documents", evidence_count=1, facts=1, evidence=evidence(agency, country, "founding", "1992"))
        for program in pick("Program", 3) + pick("Spacecraft", 3):
            G.add_edge(agency, program, key="involved_in", relation="involved_in", source="documents", evidence_count=1, facts=1, evidence=evidence(agency, program, "program", "2000"))
    for n in range(int(nodes * 0.5)):
        kind = rng.choice(["Meeting", "Launch", "Docking", "Agreement", "Other"])
        date = f"{rng.randint(1975, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        who = pick("Person", rng.randint(1, 3)) + pick("Agency", rng.randint(0, 1)) + pick("Spacecraft", rng.randint(0, 1))
        attrs = {"event": f"event-{n}", "event_type": kind, "event_label": f"{kind} {n}", "date": date, "status": rng.choice(["happened", "happened", "planned", "canceled"])}
        for a, b in combinations(sorted(set(who)), 2):
            G.add_edge(a, b, key=f"co_participant|event-{n}", relation="co_participant", source="documents", evidence_count=1, facts=1, evidence=evidence(a, b, kind.lower(), date), **attrs)
        place = pick(rng.choice(["Place", "Facility", "Country"]))[0]
        G.add_edge(who[0], place, key=f"at_place|event-{n}", relation="at_place", source="documents", evidence_count=1, facts=1, evidence=evidence(who[0], place, kind.lower(), date), **attrs)
    # every entity is in some fact, as in a built graph (the projection keeps only those)
    for node in [n for n in G if G.degree(n) == 0]:
        if G.nodes[node]["type"] in ("Program", "Spacecraft"):
            agency = pick("Agency")[0]
            G.add_edge(agency, node, key="involved_in", relation="involved_in", source="documents", evidence_count=1, facts=1, evidence=evidence(agency, node, "program", "2000"))
        else:
            person = rng.choice(pools["Person"])
            attrs = {"event": f"event-x-{node}", "event_type": "Other", "event_label": "Visit", "date": "2010", "status": "happened"}
            G.add_edge(person, node, key=f"at_place|event-x-{node}", relation="at_place", source="documents", evidence_count=1, facts=1, evidence=evidence(person, node, "visit", "2010"), **attrs)
    return G


def draw_times(html: Path, *, repeat: int) -> tuple[float, float]:
    """``(draw_ms, load_ms)`` medians over ``repeat`` loads in headless Chromium, offline."""
    from kg.viz.browser import chromium, new_offline_page

    draws, loads = [], []
    with chromium() as browser:
        for _ in range(repeat):
            tab = new_offline_page(browser)
            start = time.perf_counter()
            tab.open(html)
            loads.append((time.perf_counter() - start) * 1000)
            draws.append(tab.page.evaluate("window.kg.drawMs"))
            if tab.outside_requests or tab.console_errors:
                raise SystemExit(f"page not clean: {tab.outside_requests} {tab.console_errors}")
            tab.page.context.close()
    return statistics.median(draws), statistics.median(loads)


def run(nodes: int, *, seed: int, repeat: int) -> dict[str, float]:
    from kg.viz import layout as layout_module
    from kg.viz.network import network_html

    G = synthetic_projection(nodes, seed=seed)
    t0 = time.perf_counter()
    layout_module.layout(G, seed=7)
    layout_s = time.perf_counter() - t0
    t1 = time.perf_counter()
    html = network_html(G)
    page_s = time.perf_counter() - t1
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "graph.html"
        path.write_text(html, encoding="utf-8")
        draw_ms, load_ms = draw_times(path, repeat=repeat)
    return {
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "layout_s": round(layout_s, 2),
        "page_s": round(page_s, 2),
        "html_mb": round(len(html.encode("utf-8")) / 1e6, 1),
        "draw_ms": round(draw_ms),
        "load_ms": round(load_ms),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, nargs="+", default=[1000, 5000, 10000])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON lines")
    args = parser.parse_args(argv)
    print("| nodes | edges (facts) | layout | whole page | HTML | first draw in Chromium | load (outside view) |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for n in args.nodes:
        r = run(n, seed=args.seed, repeat=args.repeat)
        if args.json:
            print(json.dumps(r))
        else:
            print(f"| {r['nodes']:,} | {r['edges']:,} | {r['layout_s']} s | {r['page_s']} s | {r['html_mb']} MB | {r['draw_ms']} ms | {r['load_ms']} ms |")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
