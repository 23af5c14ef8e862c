"""Positions held: who holds which title at which organization, from wording around a person's name.

Patterns (over tokens and resolved mentions, not over any article's names):
- a title before the name: "NASA's Acting Administrator, Sean Duffy", "Roscosmos cosmonauts A and B",
  "the head of Roscosmos, X", "Soviet Premier X", "Sen. X";
- an apposition after it: "X, general director of the Russian Space Agency", "X, NASA's associate
  administrator for space operations", "X, a public affairs representative at the Kennedy Space Center",
  "X, one of NASA's original seven astronauts", "X, who heads Y";
- "as": "X served as command module pilot", "removing X as director general of Roscosmos";
- command verbs: "the crew is commanded by X", "X, the cosmonaut commanding Soyuz MS-10";
- appointment: "President Donald Trump named Sean Duffy acting NASA administrator" (Duffy, not Trump),
  "X was named administrator of NASA"; "put X in charge of Roscosmos", "X, who took over Russia's
  space agency", "X, whose four years at the head of Roscosmos";
- lists: "Mission specialists were A, B and C", "five NASA astronauts: A, B and C", "seven NASA
  astronauts ..., following A, B and C", "four astronauts, including A of ESA".
Crew titles without a stated organization take the crewed spacecraft or mission named nearest
before them (never a rocket, module or whole program: ``positions.uncrewed_heads``); a craft word
in the title picks the craft ("shuttle commander" -> the shuttle, "station commander" -> the station).
Political titles with none take it from the gazetteer's record of the person's posts, and so does
"the agency's general director" when the gazetteer records the person at an agency the text names.
Honorifics ("Dr.") are not posts. Cue words are data: ``positions`` in kg/data/lexicon.yaml.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.extract.context import DocContext
from kg.extract.resolve import Resolved, carries_word
from kg.extract.syntax import PERSON_POSSESSIVES, clause_verb
from kg.model import Evidence, Position
from kg.lexicon import load_cue_section
from kg.schema import CRAFT_TYPES

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

ORG_TYPES = {"Agency", "Country", "Spacecraft", "Program", "Facility"}
_DETS = {"the", "a", "an", "its", "their", "his", "her"}
_POLITICAL_HEADS = {"president", "premier", "minister", "chancellor", "king", "senator", "congressman",
                    "congresswoman", "governor", "ambassador", "leader", "secretary"}
_HEAD_VERBS = {"head", "lead", "run"}
_HEADED_TYPES = frozenset({"Agency", "Program", "Facility"})  # what a person heads, runs or leads


@dataclass(frozen=True)
class PositionCues:
    """The ``positions`` section of kg/data/lexicon.yaml."""

    appointment_verbs: frozenset[str]
    not_posts: frozenset[str]
    craft_words: frozenset[str]
    craft_possessors: frozenset[str]
    uncrewed_heads: frozenset[str]
    uncrewed_names: frozenset[str]
    list_openers: frozenset[str]
    vehicle_titles: frozenset[str]
    representing_titles: frozenset[str]


@functools.lru_cache(maxsize=1)
def load_position_cues() -> PositionCues:
    """The shipped position cues (cached).

    >>> "appoint" in load_position_cues().appointment_verbs
    True
    """
    return load_cue_section("positions", PositionCues)


@dataclass
class _Title:
    words: list[str]
    start: int  # token index of the first title token
    end: int  # token index after the head

    @property
    def text(self) -> str:
        return " ".join(self.words)

    @property
    def head(self) -> str:
        return self.words[-1]


def _is_title_word(token: "Token", ctx: DocContext) -> bool:
    low = token.text.lower()
    lex = ctx.lexicon
    return low in lex.title_heads or low in lex.title_modifiers or (low.endswith("s") and low[:-1] in lex.title_heads)


def _is_head(word: str, ctx: DocContext) -> bool:
    heads = ctx.lexicon.title_heads
    return word in heads or (word.endswith("s") and word[:-1] in heads)


def _singular(word: str, ctx: DocContext) -> str:
    if word not in ctx.lexicon.title_heads and word.endswith("s") and word[:-1] in ctx.lexicon.title_heads:
        return word[:-1]
    return word


def _title_ending_at(end: int, ctx: DocContext, sent: "Span") -> _Title | None:
    """The title whose head is token ``end - 1``, reading backwards over title words."""
    doc = ctx.doc
    if end - 1 < sent.start or not _is_title_word(doc[end - 1], ctx) or not _is_head(doc[end - 1].text.lower(), ctx):
        if end - 1 >= sent.start and doc[end - 1].text in ctx.lexicon.title_abbreviations:
            word = ctx.lexicon.title_abbreviations[doc[end - 1].text]
            return _Title([word], end - 1, end)
        return None
    start = end - 1
    while start - 1 >= sent.start and _is_title_word(doc[start - 1], ctx) and ctx.mention_at(doc[start - 1]) is None:
        start -= 1
    words = [t.text.lower() for t in doc[start:end]]
    # A lower-case common noun right before the title ("helicopter pilot") means it is not a post.
    before = doc[start - 1] if start - 1 >= sent.start else None
    if before is not None and before.pos_ == "NOUN" and before.text.islower() and ctx.mention_at(before) is None:
        return None
    while words and not _is_head(words[0], ctx) and words[0] in {"former", "new", "then", "first"}:
        words = words[1:]
        start += 1
    if not words:
        return None
    words[-1] = _singular(words[-1], ctx)
    return _Title(words, start, end)


def _title_from(start: int, ctx: DocContext, sent: "Span", *, loose: bool = False) -> _Title | None:
    """The title read forwards from token ``start``: title words up to the last head among them.

    ``loose`` also lets lower-case adjectives and numbers and place names stand among the title
    words ("a former Oklahoma congressman", "a 39-year-old deputy transport minister"); they are
    not part of the title.
    """
    doc = ctx.doc

    def fits(tok: "Token") -> bool:
        if _is_title_word(tok, ctx):
            return True
        if not loose:
            return False
        m = ctx.mention_at(tok)
        return (tok.pos_ in {"ADJ", "NUM"} and tok.is_lower) or (m is not None and ctx.type_of(m.key) == "Place")

    while start < sent.end and _is_ordinal(doc[start]) and not _is_title_word(doc[start], ctx):
        start += 1  # "NASA's 14th administrator": which one, no part of the title
    end = start
    while end < sent.end and fits(doc[end]):
        end += 1
    while end > start and not (_is_title_word(doc[end - 1], ctx) and _is_head(doc[end - 1].lower_, ctx)):
        end -= 1
    if end == start:
        return None
    words = [t.lower_ for t in doc[start:end] if _is_title_word(t, ctx)]
    words[-1] = _singular(words[-1], ctx)
    return _Title(words, start, end)


_NUMBERED = re.compile(r"\d+(?:st|nd|rd|th)")
"""An ordinal written in figures: "14th", "2nd" (the parser may take "11th Administrator" for a name)."""


def _is_ordinal(token: "Token") -> bool:
    return token.ent_type_ == "ORDINAL" or _NUMBERED.fullmatch(token.lower_) is not None


def _org_prefix(i: int, ctx: DocContext, sent: "Span") -> tuple[Resolved | None, int]:
    """Skip determiners; an organization named there ("NASA's ...", "the Roscosmos ...") and the
    token after it."""
    doc = ctx.doc
    while i < sent.end and doc[i].lower_ in _DETS:
        i += 1
    m = ctx.mention_at(doc[i]) if i < sent.end else None
    if m is None or ctx.type_of(m.key) not in ORG_TYPES:
        return None, i
    i = ctx.span_of(m).end
    if i < sent.end and doc[i].text in {"'s", "'"}:
        i += 1
    return m, i


def _extend_for(title: _Title, ctx: DocContext, sent: "Span") -> _Title:
    """"associate administrator" + "for space operations"."""
    doc = ctx.doc
    i = title.end
    if i < sent.end and doc[i].lower_ == "for":
        j = i + 1
        while j < sent.end and j - i <= 3 and doc[j].is_lower and (doc[j].pos_ in {"NOUN", "ADJ"} or doc[j].tag_ in {"VBN", "VBG"}):
            j += 1
        if j > i + 1:
            return _Title(title.words + [t.text for t in doc[i:j]], title.start, j)
    return title


def _org_before(index: int, ctx: DocContext, sent: "Span") -> Resolved | None:
    """An organization mention right before token ``index`` ("NASA's", "Roscosmos", "Soviet")."""
    doc = ctx.doc
    j = index - 1
    if j >= sent.start and doc[j].text in {"'s", "'"}:
        j -= 1
    if j < sent.start:
        return None
    r = ctx.mention_at(doc[j])
    if r is not None and ctx.type_of(r.key) in ORG_TYPES:
        return r
    return None


def _org_after(index: int, ctx: DocContext, sent: "Span", words: tuple[str, ...] = ("of", "at", "for")) -> Resolved | None:
    """"of the Russian Space Agency" / "at the Kennedy Space Center" / "for Roscosmos" starting at
    token ``index``. After "for" the organization is the whole phrase ("for the United States
    delegation" names none), or an agency owning a part of it ("for NASA's Human Exploration and
    Operations Mission Directorate" is NASA's post; "for the station's Russian segment" is none)."""
    doc = ctx.doc
    if index >= sent.end or doc[index].lower_ not in words:
        return None
    j = index + 1
    while j < sent.end and doc[j].lower_ in _DETS:
        j += 1
    if j < sent.end:
        r = ctx.mention_at(doc[j])
        if r is not None and ctx.type_of(r.key) in ORG_TYPES and not (
                doc[index].lower_ == "for" and _qualifies_next(ctx.span_of(r), sent, ctx.type_of(r.key))):
            return r
    return None


def _qualifies_next(span: "Span", sent: "Span", type_: str | None) -> bool:
    """Whether the name at ``span`` modifies the noun after it ("the United States delegation"), or
    owns it when it is no agency ("the station's segment")."""
    if span.end >= sent.end:
        return False
    after = span.doc[span.end]
    return after.pos_ in {"NOUN", "PROPN"} or (after.text in {"'s", "'"} and type_ != "Agency")


_OF_PHRASE_WORDS = 8  # "director of the International Space Station at NASA": words before "at"


def _agency_after_of(index: int, ctx: DocContext, sent: "Span") -> Resolved | None:
    """"the director of the International Space Station at NASA headquarters", "manager of the station
    program at NASA": the agency named with "at" after the title's "of" phrase is the post's."""
    doc = ctx.doc
    if index >= sent.end or doc[index].lower_ != "of":
        return None
    for j in range(index + 1, min(index + _OF_PHRASE_WORDS, sent.end)):
        if doc[j].is_punct:
            return None
        if doc[j].lower_ == "at":
            org = _org_after(j, ctx, sent, ("at",))
            return org if org is not None and ctx.type_of(org.key) == "Agency" else None
    return None


def _of_unnamed(title: _Title, ctx: DocContext) -> bool:
    """Whether the title goes on with "of" and something no entity names ("commander of the
    country's space forces"): a post in a body outside the graph, not in a crew."""
    doc = ctx.doc
    if title.end >= len(doc) or doc[title.end].lower_ != "of":
        return False
    objects = [c for c in doc[title.end].children if c.dep_ == "pobj"]
    phrase = [t for o in objects for t in o.subtree if t.i <= o.i]  # up to its head: not "forces who ... Roscosmos"
    return bool(objects) and not any(ctx.mention_at(t) is not None for t in phrase)


def _crew_org(person: Resolved, title: _Title, org: Resolved | None, craft_word: str | None,
              ctx: DocContext, sent: "Span") -> Resolved | None:
    """The spacecraft or mission of a crew title: the one the text gives, else the one a craft
    word in the title names ("shuttle commander" -> the shuttle named nearest, "station
    commander" -> the station), else the nearest (``_crew_craft``); a generic name stands for
    the flight named beside it (``_specific_craft``)."""
    if org is None and craft_word is not None:
        org = _craft_carrying(craft_word, title.start, ctx, sent)
    if org is None and title.start > 0 and ctx.doc[title.start - 1].lower_ in _CRAFT_POSSESSIVES:
        org = _crew_craft_named_last(title.start, ctx)  # "... in Soyuz TMA-11M. Its commander, Mikhail Tyurin"
    if org is None and _craft_possessive_at(title.start - 2, ctx, ctx.doc[title.start].sent):
        org = _crew_craft_named_last(title.start, ctx, stations=False)  # "Oleg Kononenko, the ship's commander"
    if org is None:
        vehicle = " ".join(title.words).lower() in load_position_cues().vehicle_titles
        org = _crew_craft(person, title.start, ctx, sent, stations=not vehicle)
    return _specific_craft(org, ctx, sent) if org is not None else None


_CRAFT_POSSESSIVES = frozenset({"its", "their"})


def _craft_possessive_at(i: int, ctx: DocContext, sent: "Span") -> int:
    """The length of "the ship's" or "ship's" (a ``craft_possessors`` noun) at ``i``, else 0."""
    doc = ctx.doc
    start = i + 1 if sent.start <= i < sent.end and doc[i].lower_ == "the" else i
    if sent.start <= start and start + 1 < sent.end and doc[start].lower_ in load_position_cues().craft_possessors \
            and doc[start + 1].lower_ in {"'s", "\u2019s"}:
        return start + 2 - i
    return 0


def _crew_craft_named_last(index: int, ctx: DocContext, *, stations: bool = True) -> Resolved | None:
    """The crewed craft named last before token ``index`` (without ``stations``, not a station)."""
    offset = ctx.doc[index].idx
    return next((m for m in ctx.mentions_before(offset, frozenset(CRAFT_TYPES))
                 if _is_crew_craft(m, ctx, stations=stations)), None)


def _craft_carrying(word: str, index: int, ctx: DocContext, sent: "Span") -> Resolved | None:
    """The craft whose names hold ``word`` ("Space Shuttle Atlantis" for "shuttle") named nearest
    to token ``index`` in its sentence, else the last one named before it."""
    def carries(m: Resolved) -> bool:
        return ctx.type_of(m.key) in CRAFT_TYPES and carries_word(ctx.entities[m.key], ctx.gazetteer, word)

    doc = ctx.doc
    near = [(abs(i - index), m) for i in range(sent.start, sent.end)
            if (m := ctx.mention_at(doc[i])) is not None and carries(m)]
    if near:
        return min(near, key=lambda x: x[0])[1]
    return next((m for m in ctx.mentions_before(sent.start_char, frozenset(CRAFT_TYPES)) if carries(m)), None)


def _crew_craft(person: Resolved, index: int, ctx: DocContext, sent: "Span", *, stations: bool = True) -> Resolved | None:
    """The spacecraft or mission of a crew title at token ``index``: the one named nearest in its
    sentence; else the one named in the sentence of the person's first mention; else the craft
    the article is about, the vehicle it names most often (a station only when it names no
    vehicle): "Stafford, the American commander" late in an Apollo-Soyuz retrospective commanded
    Apollo, not the Mir of the paragraph before; "The mission specialists are Lawrence, Wolf ..."
    in a story on Atlantis's flight to Mir fly Atlantis. Without ``stations``, a station is never
    the answer (a pilot flies the shuttle)."""
    craft = _craft_in_sentence(index, ctx, sent, stations=stations)
    first = ctx.span_of(next((r for r in ctx.resolved if r.key == person.key), person))
    if craft is None and first is not None:
        craft = _craft_in_sentence(first.start, ctx, first.sent, stations=stations)
    return craft or _most_named_craft(ctx, stations=False) or (_most_named_craft(ctx, stations=True) if stations else None)


def _most_named_craft(ctx: DocContext, *, stations: bool) -> Resolved | None:
    """The crewed craft the document names most often (the first named, on a tie)."""
    counts: dict[str, int] = {}
    first: dict[str, Resolved] = {}
    for m in ctx.resolved:
        if ctx.type_of(m.key) in CRAFT_TYPES and _is_crew_craft(m, ctx, stations=stations):
            counts[m.key] = counts.get(m.key, 0) + 1
            first.setdefault(m.key, m)
    return first[max(counts, key=lambda k: (counts[k], -first[k].mention.start))] if counts else None


def _specific_craft(craft: Resolved, ctx: DocContext, sent: "Span") -> Resolved:
    """The flight a generic craft name stands for: "the Soyuz commander" in a sentence (or, else,
    an article) that names "Soyuz TMA-1" commands Soyuz TMA-1. The last such flight named by the
    end of the sentence is taken; a generic name with none stays as it is."""
    for r in ctx.mentions_before(sent.end_char, frozenset(CRAFT_TYPES)):
        if ctx.names_class_of(craft.key, r.key):
            return r
    return craft


def _craft_in_sentence(index: int, ctx: DocContext, sent: "Span", *, stations: bool = True) -> Resolved | None:
    """The crewed spacecraft or mission named nearest to token ``index`` in ``sent``, the subject of
    its clause first ("Soyuz 19 lifted off with Leonov and Kubasov, and Apollo followed": Soyuz 19)."""
    doc = ctx.doc
    verb = clause_verb(doc[index])
    subject = {t.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree}
    in_sentence = [
        (i not in subject, abs(i - index), i > index, m)
        for i in range(sent.start, sent.end)
        if (m := ctx.mention_at(doc[i])) is not None and _is_crew_craft(m, ctx, stations=stations)
    ]
    return min(in_sentence, key=lambda x: x[:3])[3] if in_sentence else None



def _is_crew_craft(m: Resolved, ctx: DocContext, *, stations: bool = True) -> bool:
    """A craft a crew can fly: not a rocket, an engine or a module ("a Saturn IB rocket", "the
    Spektr module", "Progress": ``positions.uncrewed_heads`` and ``uncrewed_names`` in
    kg/data/lexicon.yaml); without ``stations``, not a station either (one with "station" in a
    name: Mir, the ISS)."""
    if ctx.type_of(m.key) not in CRAFT_TYPES:
        return False
    entity = ctx.entities[m.key]
    if not stations and carries_word(entity, ctx.gazetteer, "station"):
        return False
    if any(carries_word(entity, ctx.gazetteer, w) for w in load_position_cues().uncrewed_names):
        return False  # "Progress", a cargo ship
    heads = load_position_cues().uncrewed_heads
    span = ctx.span_of(m)
    following = ctx.doc[span.end].lower_ if span.end < len(ctx.doc) else ""
    last_words = {ctx.entities[m.key].label.split()[-1].lower(), m.mention.text.split()[-1].lower()}
    return following not in heads and not last_words & heads


class _Collector:
    def __init__(self, ctx: DocContext):
        self.ctx = ctx
        self.found: list[Position] = []
        self.owners: dict[int, str] = {}  # a post given as someone's ("his deputy"): index in found -> whose

    def add(self, person: Resolved, title: _Title, org: Resolved | None, evidence: Evidence,
            *, demonym_org: bool = True, sent: "Span | None" = None) -> None:
        ctx = self.ctx
        lex = ctx.lexicon
        if org is not None and ctx.type_of(org.key) == "Country" and org.mention.kind == "demonym":
            if title.head not in _POLITICAL_HEADS:
                org = None
        if org is not None and title.head in lex.corps_titles and ctx.type_of(org.key) not in {"Agency"}:
            org = None
        if org is not None and org.mention.kind == "anaphor":
            org = self._recorded_org(person, title.head) or org  # "X, the agency's general director"
        text = " ".join(w for w in title.words if w not in lex.past_words)
        cues = load_position_cues()
        if not text or text in cues.not_posts:
            return
        crew = " ".join(w for w in text.split() if w not in cues.craft_words)
        if crew in lex.crew_titles and sent is not None and _of_unnamed(title, ctx):
            org = None  # "a former commander of the country's space forces": no craft, no entity
        elif crew in lex.crew_titles and sent is not None:
            if org is not None and ctx.type_of(org.key) not in CRAFT_TYPES:
                org = None  # "station commander X of NASA": NASA is X's agency, not the craft
            craft_word = next((w for w in text.split() if w in cues.craft_words), None)
            org = _crew_org(person, title, org, craft_word, ctx, sent)
            text = crew  # "shuttle commander" -> commander of the shuttle the sentence names
        org_key = org.key if org else None
        if org_key is not None and "space" in title.words and ctx.type_of(org_key) == "Country":
            org_key = self._space_agency(org_key) or org_key  # "Russia's space chief"
        if org_key is None and (owner := self._possessor(person, title)) is not None:
            self.owners[len(self.found)] = owner  # "Fletcher ... and Low is his deputy": Fletcher's NASA, once all is read
        if org_key is None and "deputy" not in title.words:
            # a deputy post is one of several: with no organisation in the text it stays without
            org_key = self._from_gazetteer(person.key, title.head)
        acting = any(w in lex.acting_words for w in title.words)
        self.found.append(Position(person.key, text, org_key, evidence, acting=acting))

    def _possessor(self, person: Resolved, title: _Title) -> str | None:
        """Whom "his" or "her" before the title stands for: the last other person named before it."""
        doc = self.ctx.doc
        if title.start == 0 or doc[title.start - 1].lower_ not in PERSON_POSSESSIVES:
            return None
        earlier = self.ctx.mentions_before(doc[title.start - 1].idx, frozenset({"Person"}))
        return next((r.key for r in earlier if r.key != person.key), None)

    def with_possessors_orgs(self) -> list[Position]:
        """The positions found, a post given as someone's ("his deputy") at the organization of the
        last post the document gives that person ("James Fletcher took over as administrator, and Low
        is his deputy": NASA), else of the one post the gazetteer records that person in at the
        publication date, if any."""
        found = list(self.found)
        for index, owner in self.owners.items():
            org = next((p.organization for p in reversed(self.found) if p.person == owner and p.organization), None)
            org = org or self._held_on_publication(owner)  # "Fletcher ... His deputy, Dale D. Myers": NASA's
            if org is not None and found[index].organization is None:
                found[index] = dataclasses.replace(found[index], organization=org)
        return found

    def _held_on_publication(self, person_key: str) -> str | None:
        """The organization of the one post the gazetteer records the person in at the publication
        date, if there is one such post."""
        entry = self.ctx.gazetteer.get(person_key)
        published = self.ctx.published
        posts = {p.organization for p in entry.positions if p.covers(published)} if entry and published else set()
        return posts.pop() if len(posts) == 1 else None

    def _recorded_org(self, person: Resolved, head: str) -> Resolved | None:
        """A mention in this document of the organization where the gazetteer records the
        person in a post of that title."""
        key = self._from_gazetteer(person.key, head)
        return next((r for r in self.ctx.resolved if r.key == key and r.mention.kind != "anaphor"), None)

    def _space_agency(self, country_key: str) -> str | None:
        """The space agency of a country at the article's date ("Russia's space agency")."""
        ctx = self.ctx
        found = ctx.gazetteer.lookup(f"{ctx.entities[country_key].label}'s space agency", ctx.published)
        return found[0].id if len(found) == 1 else None

    def _from_gazetteer(self, person_key: str, head: str) -> str | None:
        entry = self.ctx.gazetteer.get(person_key)
        if entry is None:
            return None
        for post in entry.positions:
            if post.title.split()[-1] == head:
                return post.organization
        return None


def extract_positions(ctx: DocContext) -> list[Position]:
    """Every position stated in the document, deduplicated."""
    collector = _Collector(ctx)
    doc = ctx.doc
    people = [r for r in ctx.resolved if ctx.type_of(r.key) == "Person"]
    for r in people:
        span = ctx.span_of(r)
        if span is None:
            continue
        sent = span.sent
        evidence = ctx.evidence(sent)
        _before_name(r, span, sent, evidence, collector)
        _after_name(r, span, sent, evidence, collector)
        _as_title(r, span, sent, evidence, collector)
        _commanding(r, span, sent, evidence, collector)
        _headed_by(r, span, sent, evidence, collector)
        _appointed(r, span, sent, evidence, collector)
        _appointed_to_head(r, span, sent, evidence, collector)
        _in_charge(r, span, sent, evidence, collector)
    _coordinated(people, collector)
    _listed_after_plural(collector)
    _copular(people, collector)
    return _dedupe(collector.with_possessors_orgs())


def _copular(people: list[Resolved], out: _Collector) -> None:
    """"X became head of Roscosmos", "X remains NASA's administrator": the subject holds the post."""
    ctx = out.ctx
    doc = ctx.doc
    for r in people:
        span = ctx.span_of(r)
        if span is None or span.root.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        verb = span.root.head
        appointed = verb.lemma_ in load_position_cues().appointment_verbs
        if verb.lemma_ not in {"become", "remain", "be"} and not (appointed and span.root.dep_ == "nsubjpass"):
            continue  # "X was named T" gives X the post; "X named Y T" does not give it to X
        sent = span.sent
        for child in verb.children:
            if child.dep_ not in {"attr", "oprd", "acomp"} or not _is_head(child.lower_, ctx):
                continue
            title = _title_ending_at(child.i + 1, ctx, sent)
            if title is None:
                continue
            title = _extend_for(title, ctx, sent)
            org = _org_before(title.start, ctx, sent) or _org_after(title.end, ctx, sent)
            out.add(r, title, org, ctx.evidence(sent), sent=sent)


def _before_name(r: Resolved, span: "Span", sent: "Span", ev: Evidence, out: _Collector) -> None:
    ctx = out.ctx
    doc = ctx.doc
    i = span.start
    while i - 1 >= sent.start and ctx.lexicon.is_rank(doc[i - 1].text):
        i -= 1  # "The commander, Lt. Col. Georgi T. Dobrovolsky": a rank is no post, the title is before it
    set_off = i - 1 >= sent.start and doc[i - 1].text == ","
    if set_off:
        i -= 1
    # "the head of Roscosmos, X"
    j = i - 1
    if j >= sent.start:
        org_tok = ctx.mention_at(doc[j])
        if org_tok is not None and ctx.type_of(org_tok.key) in ORG_TYPES:
            org_span = ctx.span_of(org_tok)
            k = org_span.start - 1
            while k >= sent.start and doc[k].lower_ in _DETS:
                k -= 1
            if k >= sent.start and doc[k].lower_ == "of":
                title = _title_ending_at(k, ctx, sent)
                if title is not None:
                    out.add(set_off and _apposed_to(title, ctx, sent) or r, title, org_tok, ev, sent=sent)
                    return
    title = _title_ending_at(i, ctx, sent)
    head = span.root.head
    if title is None and set_off and span.root.dep_ == "appos" and sent.start <= head.i < span.start:
        # "A spokesman for mission control outside Moscow, X": the title the name is in apposition to,
        # past the phrases after it, at the organization its first phrase names
        title = _title_ending_at(head.i + 1, ctx, sent)
        if title is not None:
            out.add(r, title, _org_before(title.start, ctx, sent) or _org_after(head.i + 1, ctx, sent), ev, sent=sent)
        return
    if title is None:
        return
    r = set_off and _apposed_to(title, ctx, sent) or r
    org = _org_before(title.start, ctx, sent)
    if org is None or (org.mention.kind == "demonym" and title.head not in _POLITICAL_HEADS):
        org = _org_after(span.end, ctx, sent, ("of",)) or org
    if org is None and title.head in load_position_cues().representing_titles:
        org = _org_after(span.end, ctx, sent, ("for",))  # "Ambassador Anatoly F. Dobrynin for the Soviet Union"
    if org is None and title.start - 1 >= sent.start and doc[title.start - 1].lower_ in {"its", "their"}:
        org = _subject_agency(title.start, ctx, sent)
    out.add(r, title, org, ev, sent=sent)


def _apposed_to(title: _Title, ctx: DocContext, sent: "Span") -> Resolved | None:
    """The person a title set off by commas follows, whose title it is, not the next name's ("Mike
    Fossum of NASA, the commander of Expedition 29, Satoshi Furukawa of Japan ..."; not "commander
    Vladimir Dezhurov, flight engineer Gennady Strekalov")."""
    doc = ctx.doc
    i = title.start - 2
    if i < sent.start or doc[i + 1].lower_ not in _ARTICLES or doc[i].text != ",":
        return None
    before = ctx.mention_at(doc[i - 1]) if i - 1 >= sent.start else None
    if before is not None and ctx.type_of(before.key) in ORG_TYPES:  # "Fossum of NASA,"
        start = ctx.span_of(before).start
        if start - 2 < sent.start or doc[start - 1].lower_ != "of":
            return None
        before = ctx.mention_at(doc[start - 2])
    if before is None or ctx.type_of(before.key) != "Person":
        return None
    start = ctx.span_of(before).start
    listed = start - 1 >= sent.start and doc[start - 1].text == ","  # "the commander, X, the flight engineer, Y"
    return None if listed else before


_ARTICLES = frozenset({"the", "a", "an"})


def _subject_agency(index: int, ctx: DocContext, sent: "Span") -> Resolved | None:
    for i in range(index - 1, sent.start - 1, -1):
        m = ctx.mention_at(ctx.doc[i])
        if m is not None and ctx.type_of(m.key) == "Agency":
            return m
    return None


def _after_name(r: Resolved, span: "Span", sent: "Span", ev: Evidence, out: _Collector) -> None:
    ctx = out.ctx
    doc = ctx.doc
    i = span.end
    if i >= sent.end or doc[i].text != ",":
        return
    i += 1
    # skip an age ("Borisov, 65,") and "until then", "one of"
    if i + 1 < sent.end and doc[i].like_num and doc[i + 1].text == ",":
        return
    verb_at = _heading_verb(i, ctx, sent)
    if verb_at is not None:
        org = _org_after_object(verb_at, ctx, sent)
        if org is not None:
            title = _Title(["head"], i + 1, i + 2)
            after = ctx.span_of(org).end
            if after < sent.end and doc[after].lower_ == "as":  # "who heads NASA as acting administrator"
                _, j = _org_prefix(after + 1, ctx, sent)
                title = _title_from(j, ctx, sent) or title
            out.add(r, title, org, ev, sent=sent)
        return
    if i + 1 < sent.end and doc[i].lower_ == "who" and doc[i + 1].lemma_ in {"be", "become", "remain"}:
        i += 2  # "X, who was NASA's space station program manager"
    while i < sent.end and (doc[i].lower_ in {"until", "then", "now", "currently", "previously", "formerly", "still"}
                            or (doc[i].lower_ in ctx.lexicon.past_words and _names_org(i + 1, ctx, sent))
                            or (doc[i].lower_ in _DETS and i + 1 < sent.end and doc[i + 1].lower_ in ctx.lexicon.past_words
                                and _names_org(i + 2, ctx, sent))):
        i += 1  # "X, a retired NASA flight director": the title after the organization
    if i + 1 < sent.end and doc[i].lower_ == "one" and doc[i + 1].lower_ == "of":
        i += 2
    org, i = _org_prefix(i, ctx, sent)
    if org is None:
        i += _craft_possessive_at(i, ctx, sent)  # "the ship's commander": the craft named last (``_crew_org``)
    title = _title_from(i, ctx, sent, loose=True)
    if title is None:
        return
    title = _extend_for(title, ctx, sent)
    if title.end < sent.end and _is_person(doc[title.end], ctx):
        return  # "X, NASA astronaut Y": the title is Y's, written before Y's name
    if org is None:
        org = _agency_after_of(title.end, ctx, sent) or _org_after(title.end, ctx, sent)
    if org is None and title.head == "commander":
        org = _object_craft(title.end, ctx, sent)
    out.add(r, title, org, ev, sent=sent)
    # "the Roscosmos cosmonaut commanding Soyuz MS-10"
    if title.end < sent.end and doc[title.end].lemma_ == "command":
        craft = _object_craft(title.end + 1, ctx, sent)
        if craft is not None:
            out.add(r, _Title(["commander"], title.end, title.end + 1), craft, ev, sent=sent)


def _names_org(i: int, ctx: DocContext, sent: "Span") -> bool:
    """Whether token ``i`` of the sentence opens an agency's or a country's name."""
    m = ctx.mention_at(ctx.doc[i]) if i < sent.end else None
    return m is not None and ctx.type_of(m.key) in {"Agency", "Country"}


def _heading_verb(i: int, ctx: DocContext, sent: "Span") -> int | None:
    """After "who" at token ``i``, a verb of heading ("who heads", "who had led", "who took over")
    and its auxiliaries: the token index of its object, else None."""
    doc = ctx.doc
    if i >= sent.end or doc[i].lower_ != "who":
        return None
    j = i + 1
    while j < sent.end and doc[j].pos_ == "AUX":
        j += 1
    if j >= sent.end:
        return None
    if doc[j].lemma_ in _HEAD_VERBS:
        return j + 1
    if doc[j].lemma_ == "take" and j + 1 < sent.end and doc[j + 1].lower_ == "over":
        return j + 2  # "who took over Russia's space agency"
    return None


def _is_person(token: "Token", ctx: DocContext) -> bool:
    mention = ctx.mention_at(token)
    return mention is not None and ctx.type_of(mention.key) == "Person"


def _org_after_object(i: int, ctx: DocContext, sent: "Span") -> Resolved | None:
    """The agency, program or facility named from token ``i`` on (a description such as "Russia's
    space agency" wins over the country that starts it; "the agency" and "it" are the one they
    refer back to)."""
    starts = set()
    while i < sent.end:
        starts.add(ctx.doc[i].idx)
        if ctx.doc[i].lower_ not in _DETS:
            break
        i += 1
    if i >= sent.end:
        return None
    if ctx.doc[i].lower_ == "it":  # "relieved Oleg Ostapenko, who had led it since 2013": the agency named last
        since = ctx.doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
        return next((m for m in ctx.mentions_before(ctx.doc[i].idx, _HEADED_TYPES) if m.mention.start >= since), None)
    for m in ctx.mentions_in(min(starts), sent.end_char):
        if m.mention.start not in starts:
            break
        if ctx.type_of(m.key) in _HEADED_TYPES:
            return m
    return None


def _object_craft(i: int, ctx: DocContext, sent: "Span") -> Resolved | None:
    while i < sent.end and ctx.doc[i].lower_ in _DETS:
        i += 1
    if i < sent.end:
        m = ctx.mention_at(ctx.doc[i])
        if m is not None and ctx.type_of(m.key) in CRAFT_TYPES:
            return m
    return None


def _as_title(r: Resolved, span: "Span", sent: "Span", ev: Evidence, out: _Collector) -> None:
    """"X served as T", "X flew as T", "removing X as T of O", "X will run the agency as T" (of the
    agency), "His deputy, X, will serve as T"."""
    ctx = out.ctx
    doc = ctx.doc
    first = span.end
    if first + 1 < sent.end and doc[first].text == "," and (doc[first + 1].lower_ == "who" or span.root.dep_ == "appos"):
        first += 2 if doc[first + 1].lower_ == "who" else 1
    first = _past_apposition(span, first, sent)  # "named Koptev, a former deputy minister, as its director general"
    run: Resolved | None = None  # "will run the agency as acting administrator": the agency
    words = 0  # words between the name and "as", the run organization's not counted
    for i in range(first, sent.end):
        tok = doc[i]
        if tok.lower_ == "as":
            break
        m = ctx.mention_at(tok)
        if m is not None and run is None and ctx.type_of(m.key) in _HEADED_TYPES and _run_object(ctx.span_of(m).root):
            run = m
        if m is None or m != run:
            words += 1
        if words > 4 or tok.text in {",", ";"} or (m is not None and m != run):
            return
    else:
        return
    org_before, j = _org_prefix(i + 1, ctx, sent)
    title = _title_from(j, ctx, sent)
    if title is None:
        return
    title = _extend_for(title, ctx, sent)
    org = org_before or _org_after(title.end, ctx, sent) or run
    if org is None and doc[title.start - 1].lower_ in {"its", "their"}:
        org = _subject_agency(title.start, ctx, sent)  # "as its director general": the agency named before
    out.add(r, title, org, ev, sent=sent)


def _run_object(token: "Token") -> bool:
    """Whether the token is the object of "head", "lead" or "run" ("will run the agency as ...")."""
    return token.dep_ == "dobj" and token.head.lemma_.lower() in _HEAD_VERBS


def _past_apposition(name: "Span", first: int, sent: "Span") -> int:
    """The token after a comma-enclosed apposition right after ``name`` (", a former deputy
    minister of general machine building,"), else ``first``."""
    doc = name.doc
    appos = [c for c in name.root.children if c.dep_ == "appos" and c.i >= first]
    if first >= sent.end or doc[first].text != "," or not appos:
        return first
    after = appos[0].right_edge.i + 1
    return after + 1 if after < sent.end and doc[after].text == "," else first


def _commanding(r: Resolved, span: "Span", sent: "Span", ev: Evidence, out: _Collector) -> None:
    """"The Expedition 1 crew is commanded by X" -> X commander of Expedition 1; "the crew is
    commanded by X" -> commander of the craft named nearest (``_crew_org``); "Soyuz TMA-16,
    commanded by X,"; "X commanded Soyuz TMA-03M"."""
    ctx = out.ctx
    head = span.root.head
    for verb in _verbs_of(span.root):
        objects = _commanded(verb)
        craft = [m for t in objects if (m := ctx.mention_at(t)) is not None and ctx.type_of(m.key) in CRAFT_TYPES]
        if craft:
            out.add(r, _Title(["commander"], verb.i, verb.i + 1), craft[0], ev, sent=sent)
    if span.root.dep_ == "nsubj":
        return
    if span.root.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_ in _HANDING_COMMAND:
        craft = [m for t in _command_of(head.head) if (m := ctx.mention_at(t)) is not None and ctx.type_of(m.key) in CRAFT_TYPES]
        if craft:  # "Marshburn handed command of the station to Artemyev" (who handed it is not told as commander)
            out.add(r, _Title(["commander"], head.head.i, head.head.i + 1), craft[0], ev, sent=sent)
        return
    if span.root.dep_ == "pobj" and head.lower_ == "by" and head.head.lemma_ == "command":
        verb = head.head
        title = _Title(["commander"], verb.i, verb.i + 1)
        described = ctx.mention_at(verb.head) if verb.dep_ == "acl" else None
        if described is not None and ctx.type_of(described.key) in CRAFT_TYPES:
            out.add(r, title, described, ev, sent=sent)  # "Soyuz TMA-16, commanded by Surayev,"
            return
        for child in verb.children:
            if child.dep_ in {"nsubjpass", "nsubj"}:
                for tok in child.subtree:
                    m = ctx.mention_at(tok)
                    if m is not None and ctx.type_of(m.key) in CRAFT_TYPES:
                        out.add(r, title, m, ev, sent=sent)
                        return
                if child.lemma_ == "crew":  # "The six-member crew is commanded by X": the craft named last
                    out.add(r, title, None, ev, sent=sent)
                    return


def _commanded(verb: "Token") -> list["Token"]:
    """The words naming what ``verb`` puts under the subject's command: the object of "command"
    ("commanded Soyuz TMA-03M", "the Expedition 6 crew"), or of "command of" after "take" or
    "assume" ("will take command of Expedition 61")."""
    if verb.pos_ != "VERB":
        return []
    if verb.lemma_ == "command":
        return _with_compounds(c for c in verb.children if c.dep_ == "dobj")
    if verb.lemma_ in _TAKING_COMMAND:
        return _command_of(verb)
    return []


def _command_of(verb: "Token") -> list["Token"]:
    """The words naming X in "<verb> command of X" ("take command of Expedition 61", "handed
    command of the station to Artemyev")."""
    ofs = [g for c in verb.children if c.dep_ == "dobj" and c.lower_ == "command"
           for g in c.children if g.dep_ == "prep" and g.lower_ == "of"]
    return _with_compounds(o for of in ofs for o in of.children if o.dep_ == "pobj")


def _with_compounds(heads) -> list["Token"]:
    """Each head word with the compounds before it ("Soyuz" of "Soyuz TMA-03M")."""
    return [t for head in heads for t in (head, *(g for g in head.children if g.dep_ == "compound"))]


_TAKING_COMMAND = frozenset({"take", "assume"})
_HANDING_COMMAND = frozenset({"hand", "pass", "transfer", "turn", "give"})


def _verbs_of(name: "Token") -> list["Token"]:
    """The verbs a name is the subject of: its head, the verbs coordinated with it that have no
    subject of their own ("Kelly has flown twice and commanded Expedition 26") and the verbs of
    their plans ("is to take command", "plans to command": ``_TO_A_PLAN``), and a relative clause on "who"
    ("Ford, who now commands Expedition 34")."""
    verbs = []
    if name.dep_ == "nsubj":
        verbs.append(name.head)
        for verb in verbs:
            verbs += [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
                      and not any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)]
    verbs += [c for c in name.children if c.dep_ == "relcl"
              and any(g.dep_ == "nsubj" and g.lower_ == "who" for g in c.children)]
    for verb in verbs:
        if verb.lemma_ in _TO_A_PLAN:
            verbs += [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB" and c not in verbs]
    return verbs


_TO_A_PLAN = frozenset({"be", "plan", "expect", "intend", "schedule", "set", "go", "due"})
"""Verbs whose "to" verb is the subject's own next step ("is to take command", "is scheduled to
command"), not a try or a wish ("had trained to command Soyuz 11", and never did)."""


def _headed_by(r: Resolved, span: "Span", sent: "Span", ev: Evidence, out: _Collector) -> None:
    """"Roscosmos is headed by X", "the agency, led by X," -> X head of the agency."""
    ctx = out.ctx
    by = span.root.head
    verb = by.head
    if span.root.dep_ != "pobj" or by.lower_ != "by" or verb.lemma_ not in _HEAD_VERBS:
        return
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if verb.dep_ == "acl":
        subjects.append(verb.head)  # "the agency, led by X,"
    for subject in subjects:
        m = ctx.mention_at(subject)
        if m is not None and ctx.type_of(m.key) == "Agency":
            out.add(r, _Title(["head"], verb.i, verb.i + 1), m, ev, sent=sent)
            return


def _appointed(r: Resolved, span: "Span", sent: "Span", ev: Evidence, out: _Collector) -> None:
    """"President Donald Trump named Sean Duffy acting NASA administrator", "Putin appointed Yury
    Borisov head of Roscosmos": the person right after a verb of appointing holds the post named
    after them (an organization may stand inside the title: "acting NASA administrator")."""
    ctx = out.ctx
    doc = ctx.doc
    verb = doc[span.start - 1] if span.start - 1 >= sent.start else None
    if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in load_position_cues().appointment_verbs:
        return
    org, end = None, span.end
    for i in range(span.end, min(sent.end, span.end + 7)):
        m = ctx.mention_at(doc[i])
        if m is not None and org is None and ctx.type_of(m.key) in ORG_TYPES:
            org = m  # "acting NASA administrator"
        elif _is_title_word(doc[i], ctx) and m is None:
            end = i + 1 if _is_head(doc[i].lower_, ctx) else end
        elif m is None:
            break
    words = [t.lower_ for t in doc[span.end:end] if _is_title_word_text(t.lower_, ctx) and ctx.mention_at(t) is None]
    if not words:
        return
    words[-1] = _singular(words[-1], ctx)
    title = _extend_for(_Title(words, span.end, end), ctx, sent)
    out.add(r, title, org or _org_after(title.end, ctx, sent), ev, sent=sent)


def _appointed_to_head(r: Resolved, span: "Span", sent: "Span", ev: Evidence, out: _Collector) -> None:
    """"Medvedev appointed Igor Komarov, the head of a rocket-building company, to run the Federal
    Space Agency": the person appointed to head, lead or run an agency heads it."""
    verb = span.root.head
    if span.root.dep_ not in {"dobj", "oprd"} or verb.lemma_.lower() not in load_position_cues().appointment_verbs:
        return
    for xcomp in (c for c in verb.children if c.dep_ == "xcomp" and c.lemma_ in _HEAD_VERBS):
        obj = next((c for c in xcomp.children if c.dep_ == "dobj"), None)
        org = _org_after_object(obj.left_edge.i, out.ctx, sent) if obj is not None else None
        if org is not None:
            out.add(r, _Title(["head"], xcomp.i, xcomp.i + 1), org, ev, sent=sent)


_IN_CHARGE = (("in", "charge", "of"), ("at", "the", "head", "of"))
"""Phrases that put the person before them at the head of the agency after them."""


def _in_charge(r: Resolved, span: "Span", sent: "Span", ev: Evidence, out: _Collector) -> None:
    """"put Dmitry Bakanov in charge of Roscosmos", "Dmitry Rogozin, whose four years at the head
    of Roscosmos": the person heads the agency (no other person named between them)."""
    ctx = out.ctx
    doc = ctx.doc
    words = [t.lower_ for t in doc[span.end:min(sent.end, span.end + 10)]]
    for phrase in _IN_CHARGE:
        at = next((k for k in range(len(words)) if tuple(words[k:k + len(phrase)]) == phrase), None)
        if at is None or any(_is_person(t, ctx) for t in doc[span.end:span.end + at]):
            continue
        org = _org_after_object(span.end + at + len(phrase), ctx, sent)
        if org is not None and ctx.type_of(org.key) == "Agency":
            out.add(r, _Title(["head"], span.end + at, span.end + at + len(phrase)), org, ev, sent=sent)
            return


def _is_title_word_text(word: str, ctx: DocContext) -> bool:
    lex = ctx.lexicon
    return word in lex.title_heads or word in lex.title_modifiers or (word.endswith("s") and word[:-1] in lex.title_heads)


def _coordinated(people: list[Resolved], out: _Collector) -> None:
    """"Roscosmos cosmonauts A, B and C": a plural title before A also holds for B and C."""
    ctx = out.ctx
    doc = ctx.doc
    plural: set[tuple[str, int]] = set()  # (person key, sentence start) holding a plural title
    for r in people:
        span = ctx.span_of(r)
        if span is None:
            continue
        sent = span.sent
        before = doc[span.start - 1] if span.start - 1 >= sent.start else None
        if before is not None and before.text == "," and span.start - 2 >= sent.start:
            before = doc[span.start - 2]  # "three cosmonauts, A, B and C"
        if before is not None and before.lower_.endswith("s") and _is_title_word(before, ctx):
            plural.add((r.key, sent.start))
            continue
        if before is not None and _plural_title_subject(before, r, out, sent):
            plural.add((r.key, sent.start))
            continue
        k = span.start - 1
        if k < sent.start or doc[k].lower_ not in {"and", ","}:
            continue
        if doc[k].lower_ == "and" and k - 1 >= sent.start and doc[k - 1].text == ",":
            k -= 1
        prev = ctx.mention_at(doc[k - 1]) if k - 1 >= sent.start else None
        if prev is None or ctx.type_of(prev.key) != "Person" or (prev.key, sent.start) not in plural:
            continue
        plural.add((r.key, sent.start))
        evidence = ctx.evidence(sent)
        # "NASA astronauts A and B and C of JAXA": C's own organisation replaces the shared one;
        # "cosmonauts A and B of Roscosmos": with none shared, the last one's is the whole list's
        own = _org_after(span.end, ctx, sent, ("of",))
        last = doc[span.start - 1].lower_ == "and"
        for pos in list(out.found):
            if pos.person == prev.key and pos.evidence == evidence:
                shared = own is not None and pos.organization is None and last
                org = own.key if own is not None and (pos.organization is not None or shared) else pos.organization
                out.found.append(Position(r.key, pos.title, org, pos.evidence, acting=pos.acting))
                if shared:
                    _give_list_org(out, pos.title, evidence, {key for key, start in plural if start == sent.start}, own.key)


def _give_list_org(out: _Collector, title: str, evidence: Evidence, people: set[str], org: str) -> None:
    """The organisation named after the last of a list, for the others of it who hold ``title``
    from the same sentence with none."""
    for index, pos in enumerate(out.found):
        if pos.person in people and pos.title == title and pos.evidence == evidence and pos.organization is None:
            out.found[index] = dataclasses.replace(pos, organization=org)


def _listed_after_plural(out: _Collector) -> None:
    """"Atlantis carries five NASA astronauts: A, B and C", "the last of seven NASA astronauts to
    live aboard the station, following A, B and C", "four astronauts, including A of ESA": each
    person of the list after the opener holds the plural title (their own "of ORG" first)."""
    ctx = out.ctx
    openers = load_position_cues().list_openers
    for sent in ctx.sentences:
        for tok in sent:
            if not (tok.lower_.endswith("s") and _is_head(tok.lower_, ctx) and tok.lower_ not in ctx.lexicon.title_heads):
                continue
            title = _title_ending_at(tok.i + 1, ctx, sent)
            opener = next((t for t in ctx.doc[tok.i + 1:min(sent.end, tok.i + 12)]
                           if t.lower_ in openers or _is_person(t, ctx) or t.text in {";", "."}), None)
            if title is None or opener is None or opener.lower_ not in openers:
                continue
            org = _org_before(title.start, ctx, sent)
            for person, end in _people_listed(opener.i + 1, ctx, sent):
                own = _org_after(end, ctx, sent, ("of",))
                out.add(person, title, own or org, ctx.evidence(sent), sent=sent)


def _people_listed(i: int, ctx: DocContext, sent: "Span") -> list[tuple[Resolved, int]]:
    """The people of a list starting at token ``i`` (with the token after each), up to its verb."""
    found: list[tuple[Resolved, int]] = []
    while i < sent.end and not (ctx.doc[i].pos_ in {"VERB", "AUX"} and ctx.mention_at(ctx.doc[i]) is None):
        m = ctx.mention_at(ctx.doc[i])
        if m is not None and ctx.type_of(m.key) == "Person":
            end = ctx.span_of(m).end
            found.append((m, end))
            i = end
            continue
        i += 1
    return found


def _plural_title_subject(copula: "Token", r: Resolved, out: _Collector, sent: "Span") -> bool:
    """"Mission specialists were A, B and C": a plural title as the subject of "be" right before
    the first name of a list is that person's (and, through ``_coordinated``, the others')."""
    ctx = out.ctx
    if copula.lemma_ != "be":
        return False
    subject = next((c for c in copula.children if c.dep_ == "nsubj"), None)
    if subject is None or not subject.lower_.endswith("s") or not _is_head(subject.lower_, ctx):
        return False
    title = _title_ending_at(subject.i + 1, ctx, sent)
    if title is None:
        return False
    out.add(r, title, _org_before(title.start, ctx, sent), ctx.evidence(sent), sent=sent)
    return True


def _dedupe(found: list[Position]) -> list[Position]:
    """One position per (person, title, organization); drop an org-less one when the same title has an org."""
    seen: dict[tuple, Position] = {}
    for p in found:
        seen.setdefault((p.person, p.title, p.organization), p)
    with_org = {(p.person, p.title.split()[-1]) for p in seen.values() if p.organization}
    orgs_of = {}
    for p in seen.values():
        if p.organization:
            orgs_of.setdefault(p.person, set()).add(p.organization)
    out = []
    for p in seen.values():
        if p.organization is None and (p.person, p.title.split()[-1]) in with_org:
            continue
        if p.title == "head" and p.organization in orgs_of.get(p.person, set()) and any(
            q.person == p.person and q.organization == p.organization and q.title != "head" for q in seen.values()
        ):
            continue
        out.append(p)
    return out
