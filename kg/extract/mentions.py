"""Entity mentions: spaCy's entities, the gazetteer ruler and shape patterns, typed and trimmed.

Candidate generation only; which real-world entity a mention names is ``kg.extract.resolve``'s job.
Type repair follows the head word ("... Agency" is an Agency, "... Cosmodrome" a Facility), the
gazetteer (a known name keeps its known type whatever the NER said), and the context (a name right
after a person's title, in apposition with one or appointed to one is a person; a word that is the
surname of a person named earlier is that person). A person span the NER began at a middle initial
takes back the first name ("Alexei N. Kosygin"), and a name with initials finds the gazetteer's
person without them. The party inside a one-token modifier ("U.S.-built") is a mention of its own; an
ambiguous name opening a sentence ("Discovery was ...") counts when the text names it elsewhere.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from kg.extract.overlaps import Coverage, StartIndex
from kg.gazetteer import Gazetteer, GazetteerEntry
from kg.lexicon import Lexicon
from kg.model import EntityType
from kg.names import GENERATIONAL_SUFFIXES, INITIAL, name_key, surname
from kg.nlp import DESCRIPTION_PREFIX, doc_text
from kg.temporal.expressions import CALENDAR_WORDS
from kg.yaml_lines import load_shipped

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

OUR_TYPES = {"Person", "Agency", "Country", "Program", "Spacecraft", "Facility", "Place"}
_LEADING_DROP = {"the", "a", "an", "its", "their", "his", "her", "this", "that", "former", "late"}
_NICKNAME = re.compile(r'\s+"[^"]{1,20}"\s+')


@dataclass(frozen=True)
class RawMention:
    """A typed span of the document text, before resolution."""

    start: int
    end: int
    text: str
    type: EntityType
    gazetteer_id: str | None
    kind: str
    """"name", "demonym", "description", "surname" (a surname or a given name alone) or "pattern"."""
    title: str | None = None
    """The title written right before a person's name, lower-cased: "president" in "President
    Carter" (it tells which Carter is meant where the text names two)."""
    country: str | None = None
    """The gazetteer id of the country a definite description names before its head: Russia's in
    "the Russian agency" (only the last agency of that country is meant)."""


def _trim(span: "Span", lexicon: Lexicon, *, titles: bool = True) -> "Span | None":
    """Drop leading determiners (and, for people, titles), a clause the NER ran into, and a
    trailing possessive."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end:
        word = doc[start].text
        low = word.lower()
        if low in _LEADING_DROP:
            start += 1
        elif not titles:
            break
        elif low in lexicon.title_heads or low in lexicon.title_modifiers or low in lexicon.rank_words:
            start += 1
        elif word in lexicon.name_prefixes or (low.rstrip("s") in lexicon.title_heads and word[0].isupper() and end - start > 2):
            start += 1
        else:
            break
    end = next((i for i in range(start, end) if doc[i].text in _CLAUSE_WORDS), end)  # "the Wire that Thagard"
    while end > start and doc[end - 1].text in {"'s", "'", "’s", ",", "."}:
        end -= 1
    if start >= end:
        return None
    return doc[start:end]


_CLAUSE_WORDS = frozenset({"that", "which", "who", "whom", "whose", "when", "where", "while", "because"})
"""Lower-case words no name holds, that open a clause: a named entity the NER ran over one ends
before it ("told Holloway of the Transpolar Wire that Thagard had radioed")."""


def _lookup(gazetteer: Gazetteer, text: str, on: date | None, type_: str | None = None) -> GazetteerEntry | None:
    for entry in gazetteer.lookup(text, on=on):
        if type_ is None or entry.type == type_:
            return entry
    return None


def _by_head_word(gazetteer: Gazetteer, span: "Span") -> str | None:
    """The type of an unknown name by its shape: a gazetteer pattern or head word ("... Agency")."""
    if len(span) < 2:
        return None
    return gazetteer.guess_type(span.text)


def _preceded_by_title(span: "Span", lexicon: Lexicon) -> bool:
    if span.start == 0:
        return False
    prev = span.doc[span.start - 1]
    low = prev.text.lower()
    return (low in lexicon.title_heads or low.rstrip("s") in lexicon.corps_titles
            or prev.text in lexicon.title_abbreviations or prev.text in lexicon.rank_abbreviations)  # "Mr. Johnson"


def _in_apposition_with_title(span: "Span", lexicon: Lexicon) -> bool:
    """A name in apposition with a job title: "a spokeswoman, Vera Medvedeva," or "Robyn Gatens,
    the director of ...", or appointed to one: "appointed Pavel Orlov head of ..." (the NER often
    calls such names places or organisations)."""
    doc = span.doc
    words = [t for t in span if t.text != "-"]  # "Okonkwo-Reyes"
    if not all(t.is_alpha and t.is_title for t in words) or len(words) > 3:
        return False
    if span.start >= 1 and doc[span.start - 1].lemma_.lower() in _lexicon_words("positions", "appointment_verbs") \
            and span.end < len(doc) and _is_title_token(doc[span.end], lexicon):
        return True  # "Putin appointed Pavel Orlov head of Roscosmos"
    if span.start >= 2 and doc[span.start - 1].text == "," and _is_title_token(doc[span.start - 2], lexicon):
        return True
    i = span.end
    if i + 1 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in {"the", "a", "an"}:
        return False
    for token in doc[i + 2:i + 6]:
        if _is_title_token(token, lexicon) and token.lower_.rstrip("s") in lexicon.title_heads:
            return True
        if not (token.is_lower and token.pos_ in {"ADJ", "NOUN"}) and token.dep_ != "compound":
            return False  # "a retired NASA structures engineer": a name may qualify the title
    return False


def _is_title_token(token, lexicon: Lexicon) -> bool:
    low = token.lower_
    return low in lexicon.title_heads or low in lexicon.title_modifiers or low.rstrip("s") in lexicon.title_heads


def _named_by_head_noun(doc: "Doc", text: str, mentions: list[RawMention], lexicon: Lexicon) -> list[RawMention]:
    """Names the gazetteer and the NER miss, typed by the noun next to them (``craft_heads``,
    ``program_heads``): "the Aurora 7 capsule", "the European Space Agency's Giotto probe", "the
    Japanese probe Suisei" are spacecraft, "the international Vega project" a program. A single
    word before the noun needs "the" or a possessive before it and must not be an organisation
    the NER knows ("the Boeing capsule")."""
    taken = Coverage((m.start, m.end) for m in mentions if m.gazetteer_id or m.type in {"Spacecraft", "Program", "Agency", "Country"})
    out = []
    for noun in doc:
        low = noun.lower_
        kind = "Spacecraft" if low in lexicon.craft_heads else "Program" if low in lexicon.program_heads else None
        if kind is None:
            continue
        named = {m.text for m in out}  # "the Vega project" again, where the NER took Vega for a person
        for words in (_name_before(noun, named), _name_after(noun) if kind == "Spacecraft" else []):
            if not words:
                continue
            start, end = words[0].idx, words[-1].idx + len(words[-1])
            if not taken.overlaps(start, end) and text[start:end] not in lexicon.not_entities:
                out.append(RawMention(start, end, text[start:end], kind, None, "name"))
    return out


_NAMED_AGAIN_TYPES = frozenset({"Spacecraft", "Program"})


def _named_again(doc: "Doc", text: str, mentions: list[RawMention]) -> list[RawMention]:
    """The same words elsewhere in the text as a craft or program named once by the noun next to it
    and known to no gazetteer ("the Crew Dragon capsule Endurance" ... "Endurance latched onto the
    Harmony module", where the NER found no name)."""
    names = {m.text: m.type for m in mentions if m.gazetteer_id is None and m.kind == "name"
             and m.type in _NAMED_AGAIN_TYPES and m.text[:1].isupper()}
    if not names:
        return []
    taken = Coverage((m.start, m.end) for m in mentions)
    return [RawMention(m.start(), m.end(), m.group(), names[m.group()], None, "name")
            for m in _free_occurrences(doc, text, names, taken)]


def _free_occurrences(doc: "Doc", text: str, words: Iterable[str], taken: Coverage) -> Iterator[re.Match[str]]:
    """Where ``words`` stand in ``text`` as whole words (not inside a hyphenated name), on token
    boundaries, outside the ``taken`` spans; a word of several tokens too ("Lopez-Alegria")."""
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")(?![\w-])")
    for m in pattern.finditer(text):
        if doc.char_span(m.start(), m.end()) is not None and not taken.overlaps(m.start(), m.end()):
            yield m


def _is_name_word(token: "Token") -> bool:
    return (token.is_title and token.pos_ == "PROPN") or (token.like_num and not token.is_punct)


def _name_before(noun: "Token", named: set[str]) -> list["Token"]:
    """The name right before a head noun: "Aurora 7" in "the Aurora 7 capsule"; a one-word name
    the NER calls an organisation or person only if it was ``named`` so before."""
    doc, i = noun.doc, noun.i
    words = []
    while i > noun.sent.start and len(words) < 3 and _is_name_word(doc[i - 1]):
        i -= 1
        words.insert(0, doc[i])
    if not words or not words[0].is_title:
        return []
    if len(words) >= 2 or any(ch.isdigit() for w in words for ch in w.text):
        return words
    before = doc[i - 1] if i > noun.sent.start else None
    if before is not None and before.pos_ == "ADJ" and before.is_lower:  # "the international Vega project"
        before = doc[before.i - 1] if before.i > noun.sent.start else None
    determined = before is not None and before.lower_ in {"the", "'s", "its", "their"}
    owned = before is not None and before.lower_ == "'s" and before.i > 0 and before.doc[before.i - 1].ent_type_ in {"Agency", "Country"}
    return words if owned or (determined and (words[0].ent_type_ not in {"ORG", "PERSON"} or words[0].text in named)) else []


def _name_after(noun: "Token") -> list["Token"]:
    """The name right after a craft noun: "Suisei" in "the Japanese probe Suisei"."""
    doc = noun.doc
    words = []
    for token in doc[noun.i + 1:min(noun.i + 4, noun.sent.end)]:
        if not _is_name_word(token) or (not words and not token.is_title):
            break
        words.append(token)
    return words


def _type_unknown(span: "Span", label: str, gazetteer: Gazetteer, lexicon: Lexicon) -> str | None:
    """Our type for a span the gazetteer does not know, from spaCy's label, head word and context."""
    by_head = _by_head_word(gazetteer, span)
    if label == "PERSON":
        if by_head and by_head != "Person":
            return by_head
        if len(span) >= 2 and all(t.text[:1].isupper() for t in span if t.is_alpha):
            return "Person"
        return "Person" if _preceded_by_title(span, lexicon) else None
    if (_preceded_by_title(span, lexicon) or _in_apposition_with_title(span, lexicon)) and len(span) >= 2 and not by_head:
        return "Person"
    if by_head:
        return by_head
    if label == "GPE":
        return "Place"
    if label == "LOC":
        return "Place" if len(span) >= 2 or span.text[:1].isupper() else None
    if label == "FAC":
        return "Facility" if len(span) >= 2 else None
    return "Person" if _named_speaker(span, lexicon) else None


def _named_speaker(span: "Span", lexicon: Lexicon) -> bool:
    """A name of two or three capitalised words the NER took for something else (often right after a
    quotation: '"...," Alexei Krasnov, who directs ..., said'; "Ingram Tolliver-Sato said", a
    hyphenated surname taken for a firm) that is the subject of a speech verb."""
    words = [t for t in span if not (t.tag_ == "HYPH" and 0 < t.i - span.start < len(span) - 1)]
    hyphens = len(span) - len(words)
    return (2 <= len(words) - hyphens <= 3 and all(t.is_alpha and t.is_title and t.pos_ == "PROPN" for t in words)
            and span.root.dep_ == "nsubj" and span.root.head.lemma_.lower() in lexicon.speech_verbs)


def find_mentions(doc: "Doc", gazetteer: Gazetteer, lexicon: Lexicon, published: date | None,
                  datelines: Sequence[tuple[int, int, tuple[int, int] | None]] = ()) -> list[RawMention]:
    """Typed entity mentions of ``doc``, in text order, without overlaps; none in the news agency
    of a wire dateline (``datelines``: ``kg.ingest.dateline.text_dateline_spans``)."""
    found: list[RawMention] = []
    deferred: list[RawMention] = []  # ambiguous names opening a sentence ("Discovery was ...")
    for ent in doc.ents:
        if ent.label_ in OUR_TYPES and ent.ent_id_.startswith(DESCRIPTION_PREFIX):
            found.extend(_possessor(ent, gazetteer, published))
        label = ent.label_
        if label in {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY", "LANGUAGE"}:
            continue
        if label in OUR_TYPES and ent.ent_id_:
            mention = _from_ruler(ent, gazetteer, lexicon, published, deferred)
        else:
            mention = _from_ner(ent, gazetteer, lexicon, published)
        if mention is not None:
            found.append(mention)
    known = {m.gazetteer_id for m in found if m.gazetteer_id}
    found += [m for m in deferred if m.gazetteer_id in known]  # the text names it elsewhere
    text = doc_text(doc)
    found = _overlay(found, _pattern_mentions(text, gazetteer))
    found = _overlay(found, _given_named(doc, text, found, lexicon, gazetteer))  # "Anatoly Ivanishin", not a facility
    found = _overlay(found, _suffixed_names(doc, text, lexicon))  # "Hodding Carter 3d", "Edward H. White 2d"
    found += _titled_names(doc, text, found, lexicon)  # before surnames: "Mission Specialist Soichi Noguchi" ... "Noguchi"
    found = _add_surnames(doc, found)
    found = _add_given_names(doc, found)  # "Peggy told the doctors" after "Peggy Whitson"
    found += _maker_modifiers(doc, found, gazetteer, published)
    found = _overlay(found, _named_by_head_noun(doc, text, found, lexicon))  # "the Vega project" is no person Vega
    found += _named_again(doc, text, found)  # "the capsule Endurance ... Endurance latched onto Harmony"
    found += _short_agency_names(doc, text, found)  # "the Soviet Academy of Sciences ... the Academy said"
    found += _anaphors(doc, text, found, lexicon, gazetteer, published)
    outlets = Coverage(outlet for *_, outlet in datelines if outlet is not None)
    found = [m for m in found if not outlets.overlaps(m.start, m.end)]  # "(Austral Press Agency)" reports the news
    return sorted(found, key=lambda m: m.start)


@functools.lru_cache(maxsize=8)
def _lexicon_words(section: str, key: str) -> frozenset[str]:
    """A word list of a section of kg/data/lexicon.yaml that kg.lexicon does not load."""
    return load_shipped("lexicon.yaml", lambda raw: frozenset(str(w).lower() for w in raw[section][key]),
                        what="lexicon")



def _given_named(doc: "Doc", text: str, mentions: list[RawMention], lexicon: Lexicon,
                 gazetteer: Gazetteer) -> list[RawMention]:
    """A given name (``given_names`` of the lexicon, or the first name of a gazetteer person) and
    one to three capitalised words after it, initials and hyphenated surnames included, that no
    longer name goes on: a person, where the NER found none or another type ("On Monday Anatoly
    Ivanishin handed", "Linnea Okonkwo-Frey"); not where a gazetteer entry names the words."""
    firsts = lexicon.given_names | gazetteer.given_names
    linked = Coverage((m.start, m.end) for m in mentions if m.gazetteer_id or m.type == "Person")
    out = []
    for token in doc[:-1]:
        if token.text not in firsts or (token.i > 0 and _name_goes_on(doc[token.i - 1], lexicon)):
            continue
        last = _surname_end(token, lexicon)
        if last is None or (last.i + 1 < len(doc) and _name_goes_on(doc[last.i + 1], lexicon)):
            continue
        first = token
        while first.i > 0 and INITIAL.fullmatch(doc[first.i - 1].text):
            first = doc[first.i - 1]  # "R. Walter Cunningham"
        start, end = first.idx, last.idx + len(last)
        if not linked.overlaps(start, end):
            out.append(RawMention(start, end, text[start:end], "Person", None, "name"))
    return out


def _suffixed_names(doc: "Doc", text: str, lexicon: Lexicon) -> list[RawMention]:
    """A name of two or more capitalised words (initials among them) ending in a generational suffix
    is a person's, suffix and all: "Hodding Carter 3d" (which the NER takes for nothing),
    "Edward H. White 2d" (which it ends before "2d"), "Charles Conrad, Jr." (where it types "Jr."
    a place). Titles before the name stay out ("Astronaut Edward H. White 2d")."""
    out = []
    for token in doc[1:]:
        if token.lower_ not in GENERATIONAL_SUFFIXES or not (token.text[:1].isupper() or token.text[:1].isdigit()):
            continue
        last = doc[token.i - 2] if doc[token.i - 1].text == "," and token.i >= 2 else doc[token.i - 1]
        first = last
        while first.i > first.sent.start and _is_person_name_word(doc[first.i - 1]):
            first = doc[first.i - 1]
        name = _trim(doc[first.i:last.i + 1], lexicon) if _is_person_name_word(last) else None
        if name is None or sum(t.is_title and not INITIAL.fullmatch(t.text) for t in name) < 2:
            continue
        start, end = name.start_char, token.idx + len(token)
        out.append(RawMention(start, end, text[start:end], "Person", None, "name"))
    return out


def _is_person_name_word(token: "Token") -> bool:
    """A capitalised proper noun or a middle initial, no month or weekday."""
    return token.pos_ == "PROPN" and (token.is_title or INITIAL.fullmatch(token.text) is not None) \
        and token.lower_.rstrip(".") not in CALENDAR_WORDS


def _surname_end(first: "Token", lexicon: Lexicon) -> "Token | None":
    """The last word of the surname after a given name: "Ivanishin", "P. Feoktistov" ("Feoktistov"),
    "Okonkwo-Frey" ("Frey"); ``None`` if no capitalised word follows."""
    doc, last = first.doc, None
    i = first.i + 1
    while i < min(len(doc), first.i + 6):
        word = doc[i]
        if word.tag_ == "HYPH" and not doc[i - 1].whitespace_ and last is not None and i + 1 < len(doc) \
                and _name_word(doc[i + 1], lexicon):
            i += 1  # "Okonkwo-Frey"
            continue
        if INITIAL.fullmatch(word.text) and last is None:
            i += 1
            continue
        if not _name_word(word, lexicon):
            break
        last = word
        i += 1
    return last


def _name_word(word: "Token", lexicon: Lexicon) -> bool:
    return (word.is_alpha and word.is_title and word.pos_ == "PROPN" and word.lower_ not in lexicon.title_heads
            and word.text not in lexicon.not_entities and word.lower_ not in CALENDAR_WORDS)


def _name_goes_on(word: "Token", lexicon: Lexicon) -> bool:
    """A capitalised word right before or after a name run: the run is part of a longer name
    ("the Yuri Gagarin Cosmonaut Training Center")."""
    return (word.is_alpha and word.is_title and word.pos_ == "PROPN" and word.lower_ not in lexicon.title_heads
            and word.lower_ not in CALENDAR_WORDS)


def _titled_names(doc: "Doc", text: str, mentions: list[RawMention], lexicon: Lexicon) -> list[RawMention]:
    """Two or three capitalised words right after a job title that no entity covers are a person
    the NER missed: "Mission Specialists Sandra Magnus and ..." (``text`` is ``doc.text``)."""
    taken = Coverage((m.start, m.end) for m in mentions)
    out = []
    for token in doc[:-2]:
        low = token.lower_
        if not (low in lexicon.title_heads or (low.endswith("s") and low[:-1] in lexicon.title_heads)):
            continue
        words = []
        for word in doc[token.i + 1:token.i + 4]:
            if not (word.is_alpha and word.is_title and word.pos_ == "PROPN") or word.ent_type_ \
                    or taken.overlaps(word.idx, word.idx + len(word)) or word.lower_ in lexicon.title_heads:
                break
            words.append(word)
        if len(words) >= 2 and (words[-1].i + 1 >= len(doc) or not doc[words[-1].i + 1].is_title):
            start, end = words[0].idx, words[-1].idx + len(words[-1])
            out.append(RawMention(start, end, text[start:end], "Person", None, "name"))
    return out


_MAKER_MODIFIER = re.compile(r"(?P<party>.+)-(?P<suffix>[a-z]+)")
"""One token "U.S.-built", "Russian-made", "NASA-led": a party's name, a hyphen and a participle."""


def _maker_modifiers(doc: "Doc", mentions: list[RawMention], gazetteer: Gazetteer,
                     published: date | None) -> list[RawMention]:
    """The party inside a one-token modifier such as "U.S.-built" (the tokenizer keeps it whole,
    so no entity covers it): a country or agency mention of its first half. The participles are
    ``involvement.maker_suffixes`` in kg/data/lexicon.yaml."""
    suffixes = _lexicon_words("involvement", "maker_suffixes")
    taken = Coverage((m.start, m.end) for m in mentions)
    out = []
    for token in doc:
        match = _MAKER_MODIFIER.fullmatch(token.text)
        if match is None or match["suffix"] not in suffixes or taken.overlaps(token.idx, token.idx + len(token)):
            continue
        name = match["party"]
        entry = next((e for e in gazetteer.lookup(name, on=published) if e.type in {"Country", "Agency"}), None)
        if entry is not None:
            kind = "demonym" if name in entry.demonyms else "name"
            out.append(RawMention(token.idx, token.idx + len(name), name, entry.type, entry.id, kind))
    return out


_HEAD_OF_NAME = re.compile(r"(?P<head>[A-Z][a-z]+)(?:\s+(?:of|for)\s+.*)?$")
"""The head word of an organisation's name: its last word, or the last before "of"/"for"
("Academy" of "Soviet Academy of Sciences", "Institute" of "Space Research Institute")."""


def _short_agency_names(doc: "Doc", text: str, mentions: list[RawMention]) -> list[RawMention]:
    """"The Academy", "the Institute" after the agency's full name: the head word of the name of one
    agency the gazetteer knows, capitalised after "the", names that agency again."""
    heads: dict[str, list[RawMention]] = {}
    for m in mentions:
        found = _HEAD_OF_NAME.search(m.text) if m.type == "Agency" and m.gazetteer_id and " " in m.text else None
        if found is not None and found.start() > 0:
            heads.setdefault(found["head"], []).append(m)
    first = {head: min(named, key=lambda m: m.end) for head, named in heads.items()
             if len({m.gazetteer_id for m in named}) == 1}  # the full name's first mention, of one agency only
    if not first:
        return []
    taken = Coverage((m.start, m.end) for m in mentions)
    out = []
    for m in _free_occurrences(doc, text, first, taken):
        named = first[m.group()]
        if m.start() > named.end and text[max(0, m.start() - 4):m.start()].lower() == "the ":
            out.append(RawMention(m.start(), m.end(), m.group(), "Agency", named.gazetteer_id, "name"))
    return out


def _anaphors(doc: "Doc", text: str, mentions: list[RawMention], lexicon: Lexicon,
              gazetteer: Gazetteer, published: date | None) -> list[RawMention]:
    """Definite descriptions such as "the station", "the new station" or "the Russian agency": kind
    "anaphor", typed by their head noun; ``kg.extract.resolve`` links each to the entity it refers
    back to. Of the head's modifiers only a country's name (``_anaphor_country``) and the spec's
    ``modifiers`` ("the space agency") may be a name or a compound ("the Vega project" is a name)."""
    taken = Coverage((m.start, m.end) for m in mentions)
    out = []
    for token in doc:
        spec = lexicon.anaphora.get(token.lower_)
        if spec is None or token.pos_ != "NOUN" or token.dep_ == "compound":
            continue
        dets = [c for c in token.children if c.dep_ == "det"]
        if not dets or dets[0].lower_ != "the":
            continue
        if taken.overlaps(token.idx, token.idx + len(token)):
            continue
        if any((c.dep_ == "compound" or c.ent_type_ or c.lower_ in lexicon.series_words)
               and c.lower_ not in spec.modifiers and gazetteer.country_named(c.text, published) is None
               for c in token.children):
            continue
        start, end = dets[0].idx, token.idx + len(token)
        description = text[start:end]
        out.append(RawMention(start, end, description, sorted(spec.types)[0], None, "anaphor",
                              country=_anaphor_country(description, gazetteer, published)))
    return out


def _anaphor_country(description: str, gazetteer: Gazetteer, published: date | None) -> str | None:
    """The country a definite description names before its head ("the Russian agency": Russia's;
    "the U.S. space agency": the United States'), else None.

    Each run of words between "the" and the head is tried, longest first ("U.S.", "United States").
    """
    words = description.split()[1:-1]
    runs = (" ".join(words[i:i + n]) for n in range(len(words), 0, -1) for i in range(len(words) - n + 1))
    return next((country for run in runs if (country := gazetteer.country_named(run, published))), None)


def _from_ruler(ent: "Span", gazetteer: Gazetteer, lexicon: Lexicon, published: date | None,
                deferred: list[RawMention]) -> RawMention | None:
    """A gazetteer name or description the ruler matched. An ambiguous one-word name ("Discovery",
    "Unity") opening a sentence goes to ``deferred``: it counts only if the text names the
    entity elsewhere, where its capital letter says it is a name."""
    ent_id = ent.ent_id_
    if ent_id.startswith(DESCRIPTION_PREFIX):
        span = _trim(ent, lexicon, titles=False)
        named = [e for e in gazetteer.lookup(span.text) if span.text in e.names] if span is not None else []
        if named:  # "the Russian Space Agency" in capitals is a name, not a description
            return RawMention(span.start_char, span.end_char, span.text, named[0].type, named[0].id, "name")
        entry = _lookup(gazetteer, ent.text, published, ent.label_)
        if entry is None:
            return None
        return RawMention(ent.start_char, ent.end_char, ent.text, entry.type, entry.id, "description")
    entry = gazetteer.get(ent_id)
    if entry is None:
        return None
    if entry.ambiguous and not ent.text[:1].isupper():
        return None
    kind = "demonym" if ent.text in entry.demonyms else "name"
    span = _trim(ent, lexicon, titles=False) if kind == "name" else ent
    if span is None:
        return None
    mention = RawMention(span.start_char, span.end_char, span.text, entry.type, entry.id, kind)
    if entry.ambiguous and ent.start == ent.sent.start and " " not in ent.text \
            and not _flies(ent, lexicon):  # not "Space Shuttle Endeavour", "Discovery lifted off"
        deferred.append(mention)
        return None
    return mention


def _flies(ent: "Span", lexicon: Lexicon) -> bool:
    """Whether the name is the subject of a verb only a spacecraft does ("Discovery lifted off")."""
    root = ent.root
    if root.dep_ != "nsubj":
        return False
    verb = root.head.lemma_.lower()
    return verb in lexicon.flight_verbs or any(f"{verb} {c.lower_}" in lexicon.flight_verbs for c in root.head.children)


def _from_ner(ent: "Span", gazetteer: Gazetteer, lexicon: Lexicon, published: date | None) -> RawMention | None:
    span = _trim(_with_first_name(ent, lexicon), lexicon, titles=ent.label_ == "PERSON")
    if span is None or span.text in lexicon.not_entities or not span.text[:1].isupper():
        return None
    if ent.label_ == "NORP":
        entry = _lookup(gazetteer, span.text, published, "Country")
        if entry is None:
            return None
        return RawMention(span.start_char, span.end_char, span.text, "Country", entry.id, "demonym")
    entry = _lookup(gazetteer, span.text, published) or _lookup(gazetteer, without_initials(span.text), published, "Person")
    if entry is not None and not (entry.ambiguous and span.start == span.sent.start):
        return RawMention(span.start_char, span.end_char, span.text, entry.type, entry.id, "name")
    type_name = _type_unknown(span, ent.label_, gazetteer, lexicon)
    if type_name is None:
        return None
    before = span.doc[span.start - 1] if span.start > span.sent.start else None
    title = before.lower_ if type_name == "Person" and before is not None and before.is_title \
        and before.lower_ in lexicon.title_heads else None
    return RawMention(span.start_char, span.end_char, span.text, type_name, None, "name", title)




def _with_first_name(ent: "Span", lexicon: Lexicon) -> "Span":
    """A person span the NER began at a middle initial ("N. Kosygin" in "Premier Alexei N.
    Kosygin") takes back the capitalised first name before it."""
    doc = ent.doc
    if ent.label_ != "PERSON" or not INITIAL.fullmatch(ent[0].text) or ent.start == ent.sent.start:
        return ent
    before = doc[ent.start - 1]
    low = before.lower_
    if not before.is_alpha or not before.is_title or before.ent_type_ or low in lexicon.title_heads \
            or low in lexicon.title_modifiers or before.text in lexicon.not_entities:
        return ent
    return doc[ent.start - 1:ent.end]


def without_initials(name: str) -> str:
    """``Alexei N. Kosygin`` -> ``Alexei Kosygin``: a name as the gazetteer records it.

    >>> without_initials("Leonid I. Brezhnev"), without_initials("N. Kosygin")
    ('Leonid Brezhnev', 'N. Kosygin')
    """
    words = name.split()
    if len(words) < 3:
        return name
    kept = [words[0], *(w for w in words[1:-1] if not INITIAL.fullmatch(w)), words[-1]]
    return " ".join(kept)


def _possessor(ent: "Span", gazetteer: Gazetteer, published: date | None) -> list[RawMention]:
    """"China's space agency": the country that owns a description is mentioned too."""
    if len(ent) > 2 and ent[1].text == "'s":
        entry = _lookup(gazetteer, ent[0].text, published, "Country")
        if entry is not None:
            return [RawMention(ent[0].idx, ent[0].idx + len(ent[0]), ent[0].text, "Country", entry.id, "name")]
    return []


def _pattern_mentions(text: str, gazetteer: Gazetteer) -> list[RawMention]:
    out = []
    for pattern, type_name in gazetteer.patterns:
        for match in pattern.finditer(text):
            start, end = match.span()
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-"):
                continue
            if end < len(text) and (text[end].isalnum() or text[end] == "-" and end + 1 < len(text) and text[end + 1].isalnum()):
                continue
            out.append(RawMention(start, end, match.group(0), type_name, None, "pattern"))
    return out


def _overlay(base: list[RawMention], overrides: list[RawMention]) -> list[RawMention]:
    """Add ``overrides``; where one overlaps base mentions it wins unless a base one is longer and gazetteer-linked.

    The result holds the surviving base mentions in their order, then the added ones.
    """
    longest = max((m.end - m.start for m in (*base, *overrides)), default=0)
    dropped: set[int] = set()  # ids of mentions an override replaced
    indexes = StartIndex(longest=longest), StartIndex(longest=longest)  # base, added
    for m in sorted(base, key=lambda m: m.start):
        indexes[0].append(m.start, m)
    added: list[RawMention] = []
    for new in sorted(overrides, key=lambda m: (m.start, -(m.end - m.start))):
        clashes = [m for index in indexes for m in index.meeting(new.start, new.end, _span) if id(m) not in dropped]
        if any(m.gazetteer_id and (m.end - m.start) >= (new.end - new.start) for m in clashes):
            continue
        if any(m.kind == "pattern" for m in clashes):
            continue
        dropped.update(id(m) for m in clashes)
        added.append(new)
        indexes[1].append(new.start, new)
    return [m for m in (*base, *added) if id(m) not in dropped]


def _span(mention: RawMention) -> tuple[int, int]:
    return mention.start, mention.end


def _add_surnames(doc: "Doc", mentions: list[RawMention]) -> list[RawMention]:
    """A capitalised word equal to the last name of a person named in full is that person.

    Fixes the NER's habit of typing bare surnames as places or organisations ("Hague", "Kikina").
    """
    surnames = {
        surname(m.text)
        for m in mentions
        if m.type == "Person" and len(m.text.split()) >= 2 and m.kind == "name"
    }
    surnames = {s for s in surnames if s[:1].isupper() and len(s) > 2}
    if not surnames:
        return mentions
    kept = [m for m in mentions if not (m.text in surnames and m.type != "Person" and m.gazetteer_id is None)]
    taken = Coverage((m.start, m.end) for m in kept)
    kept += [RawMention(m.start(), m.end(), m.group(), "Person", None, "surname")
             for m in _free_occurrences(doc, doc_text(doc), surnames, taken)]
    return kept


def _add_given_names(doc: "Doc", mentions: list[RawMention]) -> list[RawMention]:
    """A capitalised word equal to the given name of the one person named in full with it is that
    person, after that person is named (informal copy: "Peggy Whitson ... Peggy told the doctors");
    not a given name two people share, nor one that is also a surname or a month or weekday."""
    people = [m for m in mentions if m.type == "Person" and m.kind == "name"]
    full = [(m, m.text.split()) for m in people if len(m.text.split()) >= 2]
    owners: dict[str, set[str]] = {}
    for m, words in full:
        if not INITIAL.fullmatch(words[0]):
            owners.setdefault(words[0], set()).add(name_key(m.text))
    surnames = {surname(m.text) for m, _ in full}
    given = {g for g, named in owners.items()
             if len(named) == 1 and g not in surnames and g.lower() not in CALENDAR_WORDS and len(g) > 2}
    if not given:
        return mentions
    first_named = {g: min(m.end for m, words in full if words[0] == g) for g in given}
    taken = Coverage((m.start, m.end) for m in mentions)
    added = [RawMention(m.start(), m.end(), m.group(), "Person", None, "surname")
             for m in _free_occurrences(doc, doc_text(doc), given, taken) if m.start() > first_named[m.group()]]
    return mentions + added


def strip_nickname(name: str) -> str:
    """``Donald "Deke" Slayton`` -> ``Donald Slayton``."""
    return _NICKNAME.sub(" ", name)
