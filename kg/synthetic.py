"""A synthetic graph in our ontology, of any size: for benchmarks and for examples.

The documents go through the real emit stage (``kg.emit.document_triples`` and ``emit_gazetteer``,
with the derived ``kgo:standsFor`` links), so the graph has exactly the shape of a built one
(``ontology/README.md``):

- a gazetteer graph: agencies with their countries and Wikidata ids, countries, programs, and
  the heads of each agency with reference posts and tenures (start/end dates);
- one named graph per synthetic document: the document (title, publication date, content
  hash), its entities with labels and aliases, evidence sentences with offsets, mentions,
  positions (with ``kgo:asOf``), events of every type with dates at day, month or year
  precision (a few undated), places, participants and statuses, involvement in programs,
  agency countries and quotations.

Entities are drawn with a skewed (Zipf-like) popularity, so a few agencies, countries and people
appear in most documents, as in news. The same size and seed give the same graph.
:func:`write_synthetic` writes documents one by one as N-Quads, so memory stays small whatever the
size (``bench/synth.py`` is its command line); :func:`synthetic_dataset` returns a small one.

>>> ds = synthetic_dataset(documents=3, seed=7)
>>> len(ds) > 1000
True
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from datetime import date
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING

from kg.gazetteer import Gazetteer, GazetteerEntry, ReferencePosition
from kg.model import (
    AgencyCountry,
    DateValue,
    Document,
    Entity,
    Event,
    Evidence,
    Extraction,
    Involvement,
    Mention,
    Position,
    Quote,
)
from kg.schema import EVENT_TYPES

if TYPE_CHECKING:
    from rdflib import Dataset

TRIPLES_PER_DOCUMENT = 470
"""About how many triples one synthetic document emits (the run prints the exact total)."""
AGENCIES, COUNTRIES, PROGRAMS, SPACECRAFT, PLACES, FACILITIES = 60, 40, 40, 120, 80, 30
HEADS_PER_AGENCY = 8
TITLES = ("administrator", "director general", "deputy administrator", "astronaut", "cosmonaut",
          "flight director", "spokesperson", "chief engineer")
STATUSES = ("happened", "happened", "happened", "planned", "canceled")
FIRST = ("Anna", "Boris", "Carol", "Dmitry", "Elena", "Frank", "Galina", "Henry", "Irina", "James",
         "Ksenia", "Leonid", "Maria", "Nikolai", "Olga", "Pavel", "Rachel", "Sergei", "Tatiana", "Victor")
LAST = ("Adams", "Belov", "Carter", "Demin", "Evans", "Fedorov", "Garcia", "Hughes", "Ivanov", "Jones",
        "Kuznetsov", "Lopez", "Morozov", "Nelson", "Orlov", "Parker", "Popov", "Reed", "Smirnov", "Turner")


@dataclass(frozen=True)
class Pool:
    """Entity keys of one type and their cumulative Zipf weights."""

    type: str
    keys: tuple[str, ...]
    labels: tuple[str, ...]
    cum_weights: tuple[float, ...]

    @classmethod
    def of(cls, type_name: str, labels: list[str], prefix: str) -> "Pool":
        keys = tuple(f"{prefix}-{i}" for i in range(len(labels)))
        return cls(type_name, keys, tuple(labels), tuple(accumulate(1.0 / (i + 1) ** 0.9 for i in range(len(labels)))))

    def draw(self, rng: random.Random, k: int) -> list[int]:
        picked = dict.fromkeys(rng.choices(range(len(self.keys)), cum_weights=self.cum_weights, k=k * 3))
        return list(picked)[:k]


def person_name(i: int) -> str:
    return f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]} {i // (len(FIRST) * len(LAST)) or ''}".strip()


def pools(documents: int) -> dict[str, Pool]:
    people = max(AGENCIES * HEADS_PER_AGENCY + 100, documents * 4)
    return {
        "Person": Pool.of("Person", [person_name(i) for i in range(people)], "person"),
        "Agency": Pool.of("Agency", [f"Space Agency {i}" for i in range(AGENCIES)], "agency"),
        "Country": Pool.of("Country", [f"Country {i}" for i in range(COUNTRIES)], "country"),
        "Program": Pool.of("Program", [f"Program {i}" for i in range(PROGRAMS)], "program"),
        "Spacecraft": Pool.of("Spacecraft", [f"Craft {i}" for i in range(SPACECRAFT)], "spacecraft"),
        "Place": Pool.of("Place", [f"Place {i}" for i in range(PLACES)], "place"),
        "Facility": Pool.of("Facility", [f"Cosmodrome {i}" for i in range(FACILITIES)], "facility"),
    }


def _iso(year: int, month: int, day: int, precision: str) -> str:
    return {"year": f"{year:04d}", "month": f"{year:04d}-{month:02d}"}.get(precision, f"{year:04d}-{month:02d}-{day:02d}")


def synthetic_gazetteer(p: dict[str, Pool], rng: random.Random) -> Gazetteer:
    """Agencies (with countries), countries, programs and the agency heads with tenures."""
    entries: dict[str, GazetteerEntry] = {}
    for i, key in enumerate(p["Country"].keys):
        entries[key] = GazetteerEntry(key, "Country", p["Country"].labels[i], aliases=(f"C{i}",), wikidata=f"Q{10_000 + i}")
    heads: dict[int, list[ReferencePosition]] = {}
    head = 0
    for i, key in enumerate(p["Agency"].keys):
        country = p["Country"].keys[i % COUNTRIES]
        entries[key] = GazetteerEntry(key, "Agency", p["Agency"].labels[i], aliases=(f"SA{i}",), wikidata=f"Q{20_000 + i}", country=country)
        year = 1958
        for _ in range(HEADS_PER_AGENCY):
            length = rng.randint(2, 9)
            precision = rng.choice(("day", "day", "month", "year"))
            start = _iso(year, rng.randint(1, 12), rng.randint(1, 28), precision)
            end = None if year + length > 2025 else _iso(year + length, rng.randint(1, 12), rng.randint(1, 28), precision)
            heads.setdefault(head, []).append(ReferencePosition(rng.choice(TITLES[:3]), key, start, end, rng.random() < 0.15))
            head += 1
            year += length
            if year > 2025:
                break
    for i, posts in heads.items():
        key = p["Person"].keys[i]
        entries[key] = GazetteerEntry(key, "Person", p["Person"].labels[i], positions=tuple(posts))
    for i, key in enumerate(p["Program"].keys):
        entries[key] = GazetteerEntry(key, "Program", p["Program"].labels[i], wikidata=f"Q{30_000 + i}")
    return Gazetteer(entries)


@dataclass(frozen=True)
class _Cast:
    """The keys of a document's drawn entities, by the role they can play in its facts."""

    persons: list[str]
    agencies: list[str]
    countries: list[str]
    programs: list[str]
    """Programs and spacecraft."""
    places: list[str]
    """Places, facilities and countries."""


def _draw(p: dict[str, Pool], rng: random.Random) -> dict[str, list[int]]:
    """Which entities of each pool one document names (indexes into the pool)."""
    return {
        "Person": p["Person"].draw(rng, 6),
        "Agency": p["Agency"].draw(rng, 3),
        "Country": p["Country"].draw(rng, 2),
        "Program": p["Program"].draw(rng, 2),
        "Spacecraft": p["Spacecraft"].draw(rng, 1),
        "Place": p["Place"].draw(rng, 1),
        "Facility": p["Facility"].draw(rng, 1),
    }


def _entities(drawn: dict[str, list[int]], p: dict[str, Pool], rng: random.Random) -> dict[str, Entity]:
    """The drawn entities with their labels; half the people also go by their last name."""
    entities: dict[str, Entity] = {}
    for type_name, indexes in drawn.items():
        for i in indexes:
            key = p[type_name].keys[i]
            label = p[type_name].labels[i]
            aliases = {label.split()[-1]} if type_name == "Person" and rng.random() < 0.5 else set()
            entities[key] = Entity(key=key, type=type_name, label=label, aliases=aliases)
    return entities


def _cast(drawn: dict[str, list[int]], p: dict[str, Pool]) -> _Cast:
    """The drawn entities' keys grouped by role."""
    keys = {type_name: [p[type_name].keys[i] for i in indexes] for type_name, indexes in drawn.items()}
    countries = keys["Country"]
    return _Cast(keys["Person"], keys["Agency"], countries, keys["Program"] + keys["Spacecraft"],
                 keys["Place"] + keys["Facility"] + countries)


def _sentence(doc_id: str, named: list[str], entities: dict[str, Entity], offset: int) -> tuple[Evidence, list[Mention]]:
    """One evidence sentence at ``offset`` naming the ``named`` entities, and their mentions."""
    words = ["Officials said"]
    spans = []
    pos = offset + len(words[0]) + 1
    for key in named:
        label = entities[key].label
        spans.append((key, label, pos, pos + len(label)))
        words.append(label + " and")
        pos += len(label) + len(" and") + 1
    sentence = " ".join(words) + " others met."
    evidence = Evidence(doc_id, sentence, offset, offset + len(sentence))
    return evidence, [Mention(text, s, e, entities[k].type, k, evidence) for k, text, s, e in spans]


def _sentences(doc_id: str, entities: dict[str, Entity], rng: random.Random) -> tuple[list[Evidence], list[Mention]]:
    """Evidence sentences, each naming two or three entities (every entity is named twice), and
    the mentions in them."""
    sentences: list[Evidence] = []
    mentions: list[Mention] = []
    offset = 0
    order = list(entities) * 2
    rng.shuffle(order)
    chunk = 0
    while chunk < len(order):
        size = rng.choice((2, 3))
        evidence, named = _sentence(doc_id, order[chunk : chunk + size], entities, offset)
        chunk += size
        sentences.append(evidence)
        mentions += named
        offset += len(evidence.sentence) + 1
    return sentences, mentions


def _event_date(rng: random.Random) -> DateValue | None:
    """A date at day, month or year precision (mostly day); one event in twenty is undated."""
    if rng.random() <= 0.05:
        return None
    year = rng.randint(1960, 2025)
    precision = rng.choices(("day", "month", "year"), weights=(7, 2, 1))[0]
    return DateValue.of(year, *( (rng.randint(1, 12), rng.randint(1, 28)) if precision == "day" else (rng.randint(1, 12),) if precision == "month" else ()))


def _events(doc_id: str, cast: _Cast, sentences: list[Evidence], rng: random.Random) -> list[Event]:
    """Four events: a meeting of two people, then events of any type with up to two people and agencies."""
    events = []
    for n in range(4):
        kind = "Meeting" if n == 0 else rng.choice(EVENT_TYPES)
        who = rng.sample(cast.persons, 2 if kind == "Meeting" else rng.randint(0, 2)) + rng.sample(cast.agencies, rng.randint(0, 2))
        when = _event_date(rng)
        events.append(Event(kind, f"{kind}: event {n} of {doc_id}", when, rng.choice(cast.places), tuple(sorted(set(who))), rng.choice(STATUSES), (rng.choice(sentences),)))
    return events


def _agency_countries(cast: _Cast, p: dict[str, Pool], entities: dict[str, Entity], sentences: list[Evidence], rng: random.Random) -> list[AgencyCountry]:
    """The countries of the first two agencies (as the gazetteer has them); a country the
    document did not draw is added to ``entities``."""
    agency_countries = [AgencyCountry(a, p["Country"].keys[int(a.rsplit("-", 1)[1]) % COUNTRIES], rng.choice(sentences)) for a in cast.agencies[:2]]
    for ac in agency_countries:
        if ac.country not in entities:
            i = int(ac.country.rsplit("-", 1)[1])
            entities[ac.country] = Entity(key=ac.country, type="Country", label=p["Country"].labels[i])
    return agency_countries


def _document(index: int, doc_id: str, published: date, text: str) -> Document:
    """The synthetic document (a plain-text article) whose text is the evidence sentences."""
    return Document(
        doc_id=doc_id,
        path=Path(f"{doc_id}.txt"),
        kind="txt",
        title=f"Synthetic article {index}",
        published=published,
        text=text,
        original=text,
        offsets=tuple(range(len(text) + 1)),
        sha256=hashlib.sha256(text.encode()).hexdigest(),
    )


def synthetic_extraction(index: int, p: dict[str, Pool], rng: random.Random) -> Extraction:
    """One synthetic document's extraction, about ``TRIPLES_PER_DOCUMENT`` triples once emitted."""
    doc_id = f"synth-{index:06d}"
    published = date(rng.randint(1990, 2025), rng.randint(1, 12), rng.randint(1, 28))
    drawn = _draw(p, rng)
    entities = _entities(drawn, p, rng)
    sentences, mentions = _sentences(doc_id, entities, rng)
    text = " ".join(s.sentence for s in sentences)
    cast = _cast(drawn, p)
    positions = [
        Position(person, rng.choice(TITLES), rng.choice(cast.agencies), rng.choice(sentences), acting=rng.random() < 0.1)
        for person in cast.persons[:4]
    ]
    events = _events(doc_id, cast, sentences, rng)
    involvements = [Involvement(rng.choice(cast.programs), party, rng.choice(sentences)) for party in cast.agencies[:2] + cast.countries[:1]]
    agency_countries = _agency_countries(cast, p, entities, sentences, rng)
    quotes = [Quote(cast.persons[0], f"We will keep working together, said speaker {index}.", rng.choice(sentences))]
    document = _document(index, doc_id, published, text)
    return Extraction(document, entities, mentions, positions, events, involvements, agency_countries, quotes)


def synthetic_dataset(*, documents: int, seed: int = 0) -> "Dataset":
    """The gazetteer and ``documents`` synthetic document graphs in one rdflib dataset."""
    from kg.emit import emit_document, emit_gazetteer, new_dataset

    rng = random.Random(seed)
    p = pools(documents)
    ds = new_dataset()
    reference = emit_gazetteer(ds, synthetic_gazetteer(p, rng))
    for index in range(documents):
        emit_document(ds, synthetic_extraction(index, p, rng), reference)
    return ds


def write_synthetic(path: Path, *, triples: int = 1_000_000, seed: int = 0) -> dict[str, int]:
    """Write the synthetic graph to ``path`` (N-Quads); returns its ``documents`` and ``triples``."""
    from kg.emit import document_triples, emit_gazetteer, new_dataset

    rng = random.Random(seed)
    documents = max(1, round(triples / TRIPLES_PER_DOCUMENT))
    p = pools(documents)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    count = 0
    with tmp.open("wb") as fh:
        ds = new_dataset()
        reference = emit_gazetteer(ds, synthetic_gazetteer(p, rng))
        fh.write(ds.serialize(format="nquads", encoding="utf-8"))
        count += len(list(ds.quads()))
        for index in range(documents):
            graph = document_triples(synthetic_extraction(index, p, rng), reference)
            count += len(graph)
            fh.write(graph.nquads())
    tmp.replace(path)
    return {"documents": documents, "triples": count}
