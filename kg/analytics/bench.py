"""A synthetic graph of a chosen size, and how long projection and path finding take on it.

The synthetic documents go through the real emit stage (``kg.emit.emit_document``), so the graph
has exactly the shape of a built one: entities, mentions with evidence, positions, events with
participants and places, involvement, agency countries and quotations, one named graph per
document. Entities are drawn with a skewed (Zipf-like) popularity, so there are hubs as in news.

>>> ds = synthetic_dataset(documents=3, seed=7)
>>> len(ds) > 1000
True
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import date
from itertools import accumulate
from pathlib import Path

from rdflib import Dataset

from kg.model import AgencyCountry, DateValue, Document, Entity, Event, Evidence, Extraction, Involvement, Mention, Position, Quote

_TITLES = ("administrator", "director general", "commander", "flight engineer", "spokesperson", "deputy head")
_EVENT_TYPES = ("Meeting", "Launch", "Docking", "Landing", "Agreement", "Spacewalk", "Announcement", "Other")
_STATUSES = ("happened", "happened", "happened", "planned", "canceled")
TRIPLES_PER_DOCUMENT = 425
"""About how many triples one synthetic document emits (``bench`` measures it exactly)."""


@dataclass(frozen=True)
class _Pool:
    """The entities synthetic documents draw from, and their popularity."""

    keys: tuple[str, ...]
    cum_weights: tuple[float, ...]

    @classmethod
    def of(cls, prefix: str, size: int) -> "_Pool":
        keys = tuple(f"{prefix}:{prefix}-{i}" for i in range(size))
        return cls(keys, tuple(accumulate(1.0 / (i + 1) for i in range(size))))

    def draw(self, rng: random.Random, k: int) -> list[str]:
        picked = dict.fromkeys(rng.choices(self.keys, cum_weights=self.cum_weights, k=k * 2))
        return list(picked)[:k]


def _pools(documents: int) -> dict[str, _Pool]:
    return {
        "Person": _Pool.of("person", max(20, 2 * documents)),
        "Agency": _Pool.of("agency", max(6, documents // 8)),
        "Country": _Pool.of("country", max(4, min(60, documents // 4))),
        "Program": _Pool.of("program", max(4, documents // 15)),
        "Spacecraft": _Pool.of("spacecraft", max(4, documents // 5)),
        "Place": _Pool.of("place", max(4, documents // 10)),
    }


def _label(key: str) -> str:
    return key.partition(":")[2].replace("-", " ").title()


def synthetic_extraction(index: int, pools: dict[str, _Pool], rng: random.Random) -> Extraction:
    """One synthetic document's extraction (entity keys drawn from ``pools``)."""
    doc_id = f"synthetic-{index:06d}"
    drawn = {
        "Person": pools["Person"].draw(rng, 8),
        "Agency": pools["Agency"].draw(rng, 3),
        "Country": pools["Country"].draw(rng, 2),
        "Program": pools["Program"].draw(rng, 2),
        "Spacecraft": pools["Spacecraft"].draw(rng, 1),
        "Place": pools["Place"].draw(rng, 1),
    }
    entities = {}
    for type_name, keys in drawn.items():
        for key in keys:
            number = int(key.rsplit("-", 1)[1])
            entities[key] = Entity(key=key, type=type_name, label=_label(key), aliases={"Dr " + _label(key)} if type_name == "Person" else set(), wikidata=f"Q{900000 + number}" if type_name == "Agency" else None)

    text_parts: list[str] = []
    mentions: list[Mention] = []
    sentences: list[Evidence] = []
    offset = 0
    keys = list(entities)
    rng.shuffle(keys)
    for chunk_start in range(0, len(keys), 2):
        chunk = keys[chunk_start : chunk_start + 2] * 2  # each entity named twice
        sentence_start = offset
        words: list[tuple[str, str | None]] = [("Reportedly", None)]
        for key in chunk:
            words += [(entities[key].label, key), ("met with", None)]
        words[-1] = ("today.", None)
        spans = []
        pos = sentence_start
        for i, (word, key) in enumerate(words):
            if i:
                pos += 1
            if key is not None:
                spans.append((key, word, pos, pos + len(word)))
            pos += len(word)
        sentence = " ".join(w for w, _ in words)
        evidence = Evidence(doc_id, sentence, sentence_start, sentence_start + len(sentence))
        sentences.append(evidence)
        mentions += [Mention(word, s, e, entities[key].type, key, evidence) for key, word, s, e in spans]
        text_parts.append(sentence)
        offset += len(sentence) + 1
    text = " ".join(text_parts)

    def some_evidence() -> Evidence:
        return rng.choice(sentences)

    agencies, persons, countries = drawn["Agency"], drawn["Person"], drawn["Country"]
    positions = [Position(p, rng.choice(_TITLES), rng.choice(agencies), some_evidence(), acting=rng.random() < 0.1) for p in persons]
    events = []
    for n in range(3):
        who = tuple(sorted(set(rng.sample(persons, 2) + rng.sample(agencies, rng.randint(0, 2)))))
        when = DateValue.of(rng.randint(1970, 2025), rng.randint(1, 12), rng.randint(1, 28))
        where = rng.choice(drawn["Place"] + countries)
        kind = rng.choice(_EVENT_TYPES)
        events.append(Event(kind, f"{kind} {n} of {doc_id}", when, where, who, rng.choice(_STATUSES), some_evidence()))
    involvements = [Involvement(rng.choice(drawn["Program"] + drawn["Spacecraft"]), a, some_evidence()) for a in agencies]
    agency_countries = [AgencyCountry(a, pools["Country"].keys[int(a.rsplit("-", 1)[1]) % len(pools["Country"].keys)], some_evidence()) for a in agencies[:2]]
    for ac in agency_countries:
        entities.setdefault(ac.country, Entity(key=ac.country, type="Country", label=_label(ac.country)))
    quotes = [Quote(p, f"We will see how it unfolds, said speaker {i}.", some_evidence()) for i, p in enumerate(persons[:2])]
    document = Document(
        doc_id=doc_id,
        path=Path(f"{doc_id}.txt"),
        kind="txt",
        title=f"Synthetic article {index}",
        published=date(2025, 1, 1),
        text=text,
        original=text,
        offsets=tuple(range(len(text) + 1)),
    )
    return Extraction(document, entities, mentions, positions, events, involvements, agency_countries, quotes)


def synthetic_dataset(*, documents: int, seed: int = 0) -> Dataset:
    """A dataset of ``documents`` synthetic document graphs (about ``TRIPLES_PER_DOCUMENT`` triples each).

    The same ``documents`` and ``seed`` give the same graph.
    """
    from kg.emit import emit_document, new_dataset

    rng = random.Random(seed)
    pools = _pools(documents)
    ds = new_dataset()
    for index in range(documents):
        emit_document(ds, synthetic_extraction(index, pools, rng))
    return ds


def bench(*, triples: int = 1_000_000, seed: int = 0, pairs: int = 20, max_paths: int = 3) -> dict[str, float]:
    """Time the projection and path finding on a synthetic graph of about ``triples`` triples.

    Parameters
    ----------
    triples : int
        Target size of the synthetic dataset (it is built from whole documents).
    seed : int
        Seed of the synthetic data and of the entity pairs whose paths are timed.
    pairs : int
        How many random pairs of entities to run ``shortest_fact_paths`` on.
    max_paths : int
        Passed to ``shortest_fact_paths``.

    Returns
    -------
    dict
        ``triples``, ``documents``, ``nodes``, ``edges``, ``generate_s`` (building the synthetic
        dataset), ``project_s`` (``to_networkx``), ``simple_view_s``, ``path_mean_s``,
        ``path_max_s`` (per pair) and ``paths_found`` (pairs with at least one path).

    Examples
    --------
    >>> figures = bench(triples=5_000, pairs=2)
    >>> figures["nodes"] > 0 and figures["project_s"] >= 0
    True
    """
    from kg.analytics.paths import shortest_fact_paths
    from kg.analytics.project import to_networkx
    from kg.analytics.views import simple_view

    documents = max(1, round(triples / TRIPLES_PER_DOCUMENT))
    t0 = time.perf_counter()
    ds = synthetic_dataset(documents=documents, seed=seed)
    t1 = time.perf_counter()
    G = to_networkx(ds)
    t2 = time.perf_counter()
    simple_view(G)
    t3 = time.perf_counter()
    rng = random.Random(seed)
    nodes = sorted(G)
    timings, found = [], 0
    for _ in range(pairs):
        a, b = rng.sample(nodes, 2)
        start = time.perf_counter()
        found += bool(shortest_fact_paths(G, a, b, max_paths=max_paths))
        timings.append(time.perf_counter() - start)
    return {
        "triples": len(ds),
        "documents": documents,
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "generate_s": t1 - t0,
        "project_s": t2 - t1,
        "simple_view_s": t3 - t2,
        "path_mean_s": sum(timings) / len(timings) if timings else 0.0,
        "path_max_s": max(timings, default=0.0),
        "paths_found": found,
    }
