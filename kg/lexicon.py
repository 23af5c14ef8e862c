"""Loader of ``kg/data/lexicon.yaml``: the wording the extractors look for, kept as data."""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass
from typing import TypeVar

from kg.yaml_lines import load_shipped


@dataclass(frozen=True)
class Anaphor:
    """What a definite description ("the station", "the orbiter") may refer back to."""

    types: frozenset[str]
    """the entity types it can name"""
    words: frozenset[str]
    """words one of which the antecedent's names must hold (none: any antecedent of those types)"""
    not_words: frozenset[str]
    """words none of the antecedent's names may hold ("the capsule" is no "… rocket")"""
    modifiers: frozenset[str] = frozenset()
    """words that may stand before the head besides a country's name ("the space agency"; "the
    Russian agency" is the agency of Russia)"""


@dataclass(frozen=True)
class Lexicon:
    title_heads: frozenset[str]
    title_modifiers: frozenset[str]
    crew_titles: frozenset[str]
    corps_titles: frozenset[str]
    title_abbreviations: dict[str, str]
    rank_abbreviations: frozenset[str]
    """short forms before a name that name no post ("Lt.", "Capt.")"""
    rank_words: frozenset[str]
    """ranks and honorifics written out before a name ("Colonel", "Academician"), lower-case"""
    acting_words: frozenset[str]
    past_words: frozenset[str]
    event_needs_craft: frozenset[str]
    spaceflight_words: frozenset[str]
    spaceflight_destinations: dict[str, frozenset[str]]
    background_preps: frozenset[str]
    anaphora: dict[str, Anaphor]
    """head noun -> what a definite description with that head may refer back to"""
    series_words: frozenset[str]
    """words that pick one of a series ("the last shuttle"): such a description points back at nothing"""
    planned_cues: tuple[str, ...]
    canceled_cues: tuple[str, ...]
    speech_verbs: frozenset[str]
    not_entities: frozenset[str]
    given_names: frozenset[str]
    """first names that open a person's name ("Anatoly Ivanishin")"""
    craft_heads: frozenset[str]
    """nouns next to a name that make it a spacecraft ("the Aurora 7 capsule", "the probe Suisei")"""
    flight_verbs: frozenset[str]
    object_control_verbs: frozenset[str]
    """verbs whose object does what the infinitive after them says ("nominated her to succeed Lanin")"""
    """verbs whose subject is a spacecraft ("Discovery lifted off")"""
    program_heads: frozenset[str]
    """nouns after a name that make it a program ("the Vega project")"""

    @functools.cached_property
    def name_prefixes(self) -> frozenset[str]:
        """Every short form written before a name, of a title or a rank ("Col.", "Lt.", "Dr.")."""
        return frozenset({*self.title_abbreviations, *self.rank_abbreviations})

    def is_rank(self, word: str) -> bool:
        """Whether ``word`` as written is a rank or its short form ("Lt.", "Col.", "Colonel"; not
        "Sen.", a post)."""
        return (word in self.rank_abbreviations or word.lower() in self.rank_words
                or self.title_abbreviations.get(word, "") in self.rank_words)


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The shipped lexicon (cached)."""
    return load_shipped("lexicon.yaml", _lexicon, what="lexicon")


Cues = TypeVar("Cues")


def load_cue_section(section: str, cues: type[Cues]) -> Cues:
    """A section of the lexicon whose entries are lists of words (``involvement:``, ``positions:``),
    as the frozen dataclass ``cues``: one field per list, each a frozenset of lower-cased words."""

    def read(raw: dict) -> Cues:
        return cues(**{f.name: frozenset(str(w).lower() for w in raw[section][f.name]) for f in dataclasses.fields(cues)})

    return load_shipped("lexicon.yaml", read, what="lexicon")


def _lexicon(raw: dict) -> Lexicon:
    return Lexicon(
        title_heads=frozenset(w.lower() for w in raw["title_heads"]),
        title_modifiers=frozenset(w.lower() for w in raw["title_modifiers"]),
        crew_titles=frozenset(raw["crew_titles"]),
        corps_titles=frozenset(raw["corps_titles"]),
        title_abbreviations=dict(raw["title_abbreviations"]),
        rank_abbreviations=frozenset(raw["rank_abbreviations"]),
        rank_words=frozenset(w.lower() for w in raw["rank_words"]),
        acting_words=frozenset(raw["acting_words"]),
        past_words=frozenset(raw["past_words"]),
        event_needs_craft=frozenset(raw["event_needs_craft"]),
        spaceflight_words=frozenset(raw.get("spaceflight_words", ())),
        spaceflight_destinations={k: frozenset(v) for k, v in raw.get("spaceflight_destinations", {}).items()},
        background_preps=frozenset(raw["background_preps"]),
        anaphora={k: Anaphor(frozenset(v["types"]), _needed_words(k, v["needs_word"]), frozenset(v.get("not_words", ())),
                             frozenset(v.get("modifiers", ())))
                  for k, v in raw["anaphora"].items()},
        series_words=frozenset(raw["series_words"]),
        planned_cues=tuple(raw["planned_cues"]),
        canceled_cues=tuple(raw["canceled_cues"]),
        speech_verbs=frozenset(raw["speech_verbs"]),
        craft_heads=frozenset(raw["craft_heads"]),
        flight_verbs=frozenset(raw["flight_verbs"]),
        object_control_verbs=frozenset(raw["object_control_verbs"]),
        program_heads=frozenset(raw["program_heads"]),
        not_entities=frozenset(raw["not_entities"]),
        given_names=frozenset(raw["given_names"]),
    )


def _needed_words(head: str, needs_word: bool | list[str]) -> frozenset[str]:
    """``needs_word`` of an anaphor: ``true`` (its own head word), ``false`` (none) or a list of words."""
    if isinstance(needs_word, bool):
        return frozenset({head}) if needs_word else frozenset()
    return frozenset(w.lower() for w in needs_word)
