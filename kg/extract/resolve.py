"""Mentions to entities: one key per real-world entity, within and across documents.

A mention linked to the gazetteer takes the gazetteer id as key; a person named in full takes the
folded form of the name (``kg.names.name_key``: case, punctuation and transliteration variants
folded), a later surname-only mention joins the full name that ends with it. Keys are what the
emitter turns into IRIs, so the same name gives the same node in every document.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from kg.extract.mentions import RawMention, strip_nickname, without_initials
from kg.gazetteer import Gazetteer
from kg.lexicon import Anaphor
from kg.model import Entity
from kg.names import GENERATIONAL_SUFFIXES, INITIAL, name_key, surname


@dataclass(frozen=True)
class Resolved:
    """A raw mention with the key of the entity it names."""

    mention: RawMention
    key: str


def _unlinked_key(type_name: str, text: str) -> str:
    return f"{type_name.lower()}:{name_key(strip_nickname(text))}"


def _person_entry(gazetteer: Gazetteer, name: str):
    """The gazetteer's person of a full name, also without its middle initials ("Alexei N. Kosygin")."""
    for surface in dict.fromkeys((name, without_initials(name))):
        entry = next((e for e in gazetteer.lookup(surface, on=None) if e.type == "Person"), None)
        if entry is not None:
            return entry
    return None


def _office_holder(gazetteer: Gazetteer, family_name: str, published: date | None, title: str | None = None):
    """The one person of the gazetteer with this surname who held a post (``title``, if given) at the
    publication date: "President Reagan" in a 1987 article is Ronald Reagan."""
    if published is None:
        return None
    wanted = name_key(family_name)
    found = [e for e in gazetteer.entries.values()
             if e.type == "Person" and name_key(surname(e.label)) == wanted
             and any(p.covers(published) and title in (None, p.title) for p in e.positions)]
    return found[0] if len(found) == 1 else None


def _fullness(name: str) -> tuple[int, int, int]:
    """How full a name is, to pick an entity's label: words written out, then words, then length
    ("Anatoly Filipchenko" before "A. V. Filipchenko", "Thomas P. Stafford" before "Thomas Stafford")."""
    words = name.split()
    return sum(not INITIAL.fullmatch(w) for w in words), len(words), len(name)


def _fuller_names(mentions: list[RawMention]) -> dict[str, str]:
    """The name key of a shorter form of each unlinked person's name -> that name: its last two or
    more words ("Vande Hei" -> "Mark Vande Hei"; "Lopez-Alegria" stays a surname, one word, found
    elsewhere), and its initials with the surname ("A. V. Filipchenko" -> "Anatoly Filipchenko")."""
    out: dict[str, str] = {}
    people = [(m, strip_nickname(m.text).split()) for m in mentions if m.type == "Person" and not m.gazetteer_id]
    for m, words in people:
        for n in range(2, len(words)):
            out.setdefault(name_key(" ".join(words[-n:])), m.text)
    named_in_full = {}
    for m, words in people:
        if len(words) >= 2 and not INITIAL.fullmatch(words[0]):
            named_in_full.setdefault((name_key(surname(m.text)), words[0][0]), m.text)
    for m, words in people:
        if len(words) >= 2 and all(INITIAL.fullmatch(w) for w in words[:-1]) \
                and (full := named_in_full.get((name_key(surname(m.text)), words[0][0]))) is not None:
            out.setdefault(name_key(m.text), full)
    return out


def resolve_mentions(
    mentions: list[RawMention], gazetteer: Gazetteer, published: date | None,
    anaphora: dict[str, Anaphor] | None = None, quoted: Sequence[tuple[int, int]] = (),
) -> tuple[dict[str, Entity], list[Resolved]]:
    """Group mentions into entities; returns entities by key and every mention with its key.
    ``quoted`` are the character ranges inside quote marks, in order: what a speaker says is no
    antecedent of a description outside it."""
    full_names: dict[str, str] = {}  # surname key -> entity key of a person named in full
    given_names: dict[str, set[str]] = {}  # given name key -> entity keys of the people named in full with it
    resolved: list[Resolved] = []
    pending: list[RawMention] = []
    anaphors = [m for m in mentions if m.kind == "anaphor"]
    longer = _fuller_names(mentions)
    for m in mentions:
        if m.kind == "anaphor":
            continue
        if m.gazetteer_id:
            key = m.gazetteer_id
        elif m.type == "Person":
            words = strip_nickname(m.text).split()
            if len(words) >= 2:
                name = longer.get(name_key(m.text), m.text)  # "Vande Hei", "A. V. Filipchenko" of a name in full
                entry = _person_entry(gazetteer, name)
                key = entry.id if entry else _unlinked_key("Person", name)
                full_names.setdefault(name_key(surname(m.text)), key)
                if not INITIAL.fullmatch(words[0]):
                    given_names.setdefault(name_key(words[0]), set()).add(key)
            else:
                pending.append(m)
                continue
        else:
            key = _unlinked_key(m.type, m.text)
        resolved.append(Resolved(m, key))
        if m.type == "Person" and m.gazetteer_id:
            words = strip_nickname(m.text).split()
            named = m.text if len(words) >= 2 else gazetteer.get(m.gazetteer_id).label
            full_names.setdefault(name_key(surname(named)), key)
            if len(words) >= 2 and not INITIAL.fullmatch(words[0]):
                given_names.setdefault(name_key(words[0]), set()).add(key)
    for m in pending:
        holder = _office_holder(gazetteer, m.text, published, m.title) if m.title else None
        key = holder.id if holder else full_names.get(name_key(m.text))  # "President Carter", not "Hodding Carter 3d"
        if key is None and len(people := given_names.get(name_key(m.text), set())) == 1:
            key = next(iter(people))  # "Peggy told the doctors" after "Peggy Whitson": the one Peggy named
        if key is None:
            entry = next((e for e in gazetteer.lookup(m.text, on=published) if e.type == "Person"), None)
            entry = entry or _office_holder(gazetteer, m.text, published)
            key = entry.id if entry else _unlinked_key("Person", m.text)
        resolved.append(Resolved(m, key))
    resolved.sort(key=lambda r: r.mention.start)
    entities = _entities(resolved, gazetteer)
    if anaphora and anaphors:
        resolved = _link_anaphors(anaphors, resolved, entities, gazetteer, anaphora, quoted, published)
    return entities, resolved


def _link_anaphors(anaphors, resolved, entities, gazetteer, anaphora, quoted, published) -> list[Resolved]:
    """Each definite description refers to the last entity before it that fits its head noun (and
    is of the country it names: "the Russian agency") and is not inside a quotation the
    description is outside of ("Roscosmos said: '... with NASA specialists.' The agency's head" is
    Roscosmos's); one in service at the publication date comes
    first ("the International Space Station ... his father flew on Skylab in 1973 ... the station"
    in a 2008 article is the ISS)."""
    fitting: dict[str, tuple[list[int], list[Resolved]]] = {}  # head noun -> the mentions it may refer to
    quote_starts = [start for start, _ in quoted]
    out = list(resolved)
    for a in anaphors:
        head = a.text.split()[-1].lower()
        if head not in fitting:
            fitting[head] = _fitting_mentions(resolved, entities, gazetteer, head, anaphora[head])
        starts, candidates = fitting[head]
        own_quote = _quote_of(a.start, quoted, quote_starts)
        earlier = [c for c in reversed(candidates[:bisect_left(starts, a.start)])
                   if _quote_of(c.mention.start, quoted, quote_starts) in (None, own_quote)
                   and (a.country is None or _country_of(entities[c.key], gazetteer) == a.country)]
        antecedent = next((c for c in earlier if _in_service(entities[c.key], gazetteer, published)),
                          next(iter(earlier), None))
        if antecedent is not None:
            entity = entities[antecedent.key]
            out.append(Resolved(RawMention(a.start, a.end, a.text, entity.type, entity.gazetteer_id, "anaphor"), antecedent.key))
    out.sort(key=lambda r: r.mention.start)
    return out


def _country_of(entity: Entity, gazetteer: Gazetteer) -> str | None:
    """The id of the country the gazetteer gives the entity, if any."""
    entry = gazetteer.get(entity.gazetteer_id) if entity.gazetteer_id else None
    return entry.country if entry is not None else None


def _in_service(entity: Entity, gazetteer: Gazetteer, published: date | None) -> bool:
    """Whether the gazetteer records the entity as existing at ``published`` (or records no dates)."""
    entry = gazetteer.get(entity.gazetteer_id) if entity.gazetteer_id else None
    return entry is None or entry.is_active(published)


def _quote_of(offset: int, quoted: Sequence[tuple[int, int]], starts: list[int]) -> int | None:
    """The index of the quotation ``offset`` is inside, if any."""
    index = bisect_left(starts, offset + 1) - 1
    return index if index >= 0 and offset < quoted[index][1] else None


def _fitting_mentions(resolved, entities, gazetteer, head, spec) -> tuple[list[int], list[Resolved]]:
    """The mentions (and their starts, ascending) whose entity an anaphor ending in ``head`` may name."""
    fits: dict[str, bool] = {}  # entity key -> whether its names hold one of ``words`` and none of ``not_words``
    candidates = []
    for r in resolved:
        entity = entities[r.key]
        if entity.type not in spec.types:
            continue
        if r.key not in fits:
            fits[r.key] = ((not spec.words or any(carries_word(entity, gazetteer, w) for w in spec.words))
                           and not any(carries_word(entity, gazetteer, w) for w in spec.not_words))
        if not fits[r.key]:
            continue
        candidates.append(r)
    return [r.mention.start for r in candidates], candidates


def carries_word(entity: Entity, gazetteer: Gazetteer, word: str) -> bool:
    """Whether one of the entity's names or descriptions holds ``word`` ("station" in
    "International Space Station", "shuttle" in "Space Shuttle Atlantis")."""
    names = {entity.label, *entity.aliases}
    entry = gazetteer.get(entity.gazetteer_id) if entity.gazetteer_id else None
    if entry is not None:
        names.update(entry.names)
        names.update(entry.descriptions)
    return any(word in n.lower().split() for n in names)


def _strip_generic(name: str, type_name: str) -> str:
    """"Saturn IB rocket" -> "Saturn IB": trailing lower-case words are not part of a name
    (except "program" in a program's name, as in "Artemis program", and a person's "2d" or "3d")."""
    words = name.split()
    while len(words) > 1 and words[-1].islower() and words[-1] not in GENERATIONAL_SUFFIXES \
            and not (type_name == "Program" and words[-1] in {"program", "programme"}):
        words.pop()
    return " ".join(words)


def _entities(resolved: list[Resolved], gazetteer: Gazetteer) -> dict[str, Entity]:
    by_key: dict[str, list[RawMention]] = {}
    for r in resolved:
        by_key.setdefault(r.key, []).append(r.mention)
    entities: dict[str, Entity] = {}
    for key, ms in by_key.items():
        entry = gazetteer.get(key)
        names = [strip_nickname(m.text) for m in ms if m.kind in ("name", "pattern", "surname")]
        surfaces = {m.text for m in ms}
        type_name = entry.type if entry else ms[0].type
        stripped = [_strip_generic(n, type_name) for n in names]
        if entry and (type_name == "Country" or any(name_key(n) == name_key(entry.label) for n in stripped)
                      or any(n != entry.label and n.lower() == entry.label.lower() for n in names)):
            label = entry.label  # a country goes by its name even when the text says "U.S." or "Russian";
            # "the Baikonur cosmodrome" is the Baikonur Cosmodrome
        elif stripped:
            label = max(stripped, key=_fullness)
        else:
            label = entry.label if entry else ms[0].text
        entities[key] = Entity(
            key=key,
            type=type_name,
            label=label,
            aliases={s for s in surfaces if s != label},
            wikidata=entry.wikidata if entry else None,
            gazetteer_id=entry.id if entry else None,
        )
    return entities
