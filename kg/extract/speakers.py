"""Who a quote's attribution names: the speaker resolver of ``kg.extract.quotes``.

``kg.extract.quotes`` finds the words of an attribution (the subject of ``said``, the object of
``according to``); this module turns such a word into an entity key:

- a Person or Agency mention is its own speaker (``Roscosmos said``, ``the agency said``);
- ``he``/``she`` is the most recent person named before it, outside any quotation and any photo
  caption (``kg/data/attribution.yaml: caption_starts``);
- a statement noun (``the Roscosmos statement said``, ``its statement``) is spoken by its owner;
  ``the statement said`` with no owner is the statement an earlier sentence told, spoken by whoever
  sent it; an ``official`` one (``official_words``) is the government's of the country the text has
  named most; else the organisation or person named last before it speaks;
- an unnamed spokesperson (``a NASA spokesperson``) speaks for the agency;
- a description (``the agency's chief``, ``NASA's administrator``, ``the head of Roscosmos``) is
  the holder of that post: the positions found in this document, else a person the document names
  who holds it in the gazetteer at the publication date, else the gazetteer's holder at that date.
  An anaphoric owner (``the agency's``, ``its``) is not simply the last agency named: each agency
  named before is tried, the latest first, and the first with a holder of the post wins.

Cue words are data: ``kg/data/attribution.yaml`` (``kg.extract.attribution``).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from datetime import date
from typing import TYPE_CHECKING, Union

from kg.extract.attribution import AttributionCues, load_attribution_cues
from kg.extract.syntax import PERSON_PRONOUNS, clause_verb
from kg.lexicon import load_lexicon
from kg.model import Mention, Position

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from kg.gazetteer import Gazetteer

SPEAKER_TYPES = frozenset({"Person", "Agency"})
_OWNER_DEPS = frozenset({"poss", "compound", "nmod", "amod"})
_NAMING_DEPS = frozenset({"appos", "compound", "flat", "nmod"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Owners that point back to an agency named earlier: "the agency's chief", "its director".
_ANAPHORIC_OWNERS = frozenset({"agency", "its", "their", "organization", "organisation", "corporation"})


class Unnamed:
    """The attribution names nobody we can resolve ("a spokesman"): the quote is dropped."""


UNNAMED = Unnamed()
Speaker = Union[str, Unnamed, None]  # an entity key, nobody we can name, or no attribution


class SpeakerResolver:
    """Entity keys for the words of an attribution in one document."""

    def __init__(self, doc: Doc, mentions: Sequence[Mention], *, text: str | None = None,
                 positions: Sequence[Position] = (), gazetteer: Gazetteer | None = None,
                 published: date | None = None, in_quote: Callable[[int], bool] = lambda offset: False) -> None:
        """``text`` is ``doc.text`` when the caller has it (spaCy builds it anew on every read)."""
        self.doc = doc
        self.cues: AttributionCues = load_attribution_cues()
        self.positions = list(positions)
        self.gazetteer = gazetteer
        self.published = published
        self.in_quote = in_quote
        self.mention_at: dict[int, Mention] = {}
        for mention in mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            for token in span if span is not None else ():
                self.mention_at.setdefault(token.i, mention)
        text = doc.text if text is None else text
        self.captions = _caption_lines(text, self.cues.caption_starts)
        self.antecedents = sorted(
            (m for m in mentions if m.type == "Person" and not self._hidden(m.start)
             and not is_speaker_label(text, m.start, m.end)),
            key=lambda m: m.start)  # "Kahananui-Volkov: A career officer. He once ran ...": not the interviewee
        self.antecedent_ends = [m.end for m in self.antecedents]
        self.agencies = sorted((m for m in mentions if m.type == "Agency"), key=lambda m: m.start)
        self.agency_ends = [m.end for m in self.agencies]
        self.countries = sorted((m for m in mentions if m.type == "Country"), key=lambda m: m.start)
        self.country_ends = [m.end for m in self.countries]

    # -- mentions ---------------------------------------------------------------------------
    def person(self, token: Token) -> str | None:
        mention = self.mention_at.get(token.i)
        return mention.entity_key if mention is not None and mention.type == "Person" else None

    def entity(self, token: Token) -> str | None:
        """The Person or Agency a token is part of the mention of."""
        mention = self.mention_at.get(token.i)
        return mention.entity_key if mention is not None and mention.type in SPEAKER_TYPES else None

    def country(self, token: Token) -> str | None:
        """The Country a token is part of the mention of: a government speaks only when named as the
        subject ("the Soviet Union said") or as a statement's owner ("the Soviet announcement said")."""
        mention = self.mention_at.get(token.i)
        return mention.entity_key if mention is not None and mention.type == "Country" else None

    def _hidden(self, offset: int) -> bool:
        """Inside a quotation or a photo caption: no antecedent for a pronoun."""
        return self.in_quote(offset) or any(start <= offset < end for start, end in self.captions)

    # -- a noun of an attribution -----------------------------------------------------------
    def noun(self, token: Token) -> Speaker:
        """The speaker a subject (or ``according to`` object) names; ``UNNAMED`` if none."""
        key = self.entity(token) or self.country(token)
        if key is not None:
            return key
        if token.lower_ in PERSON_PRONOUNS:
            return self.pronoun(token) or UNNAMED
        for child in token.children:
            if child.dep_ in _NAMING_DEPS and self.person(child) is not None:
                return self.person(child)  # "a spokesperson, Jane Roe," / "astronaut Jane Roe"
        for word in token.subtree:  # "a NASA spokesman in Houston, Duncan Ferriby,": the parser hung the name on Houston
            if word.dep_ == "appos" and word.head.dep_ == "pobj" and self.person(word) is not None \
                    and self.entity(word.head) is None:
                return self.person(word)
        lemma = token.lemma_.lower()
        if lemma == "it" and (statement := self._statement_before(token)) is not None:
            # "Belov congratulated the crew in a message. '...,' it said": the message's sender
            return self._sender(statement) or self._statement(statement, statement.lemma_.lower()) or UNNAMED
        for rule in (self._statement, self._entourage, self._spokesperson, self._description, self._ranked):
            key = rule(token, lemma)
            if key is not None:
                return key
        return UNNAMED

    def pronoun(self, pronoun: Token) -> str | None:
        """The person ``he``/``she`` refers to: among the people named, outside quotes and
        captions, in the last sentence before the pronoun that names one, its subject if one of
        them is, else the one named last."""
        earlier = bisect_left(self.antecedent_ends, pronoun.idx + 1)
        if not earlier:
            return None
        last = self.antecedents[earlier - 1]
        sentence = self._sentence_of(last)
        if sentence is None:
            return last.entity_key
        candidates = [m for m in self.antecedents[:earlier]
                      if sentence.start_char <= m.start < sentence.end_char]
        subjects = [m for m in candidates if self._is_subject(m)]
        main = [m for m in subjects if self._is_subject(m, main=True)]  # "Lueders told X that Solovyov had called": Lueders
        speakers = [m for m in subjects if self._speaks(m)]  # "Vande Hei is to stay, an idea Nelson has said he supports": Nelson
        speaking_main = [m for m in main if m in speakers]
        return (speaking_main or speakers or main or subjects or candidates or [last])[-1].entity_key

    def _sentence_of(self, mention: Mention):
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return span.sent if span is not None else None

    def _is_subject(self, mention: Mention, *, main: bool = False) -> bool:
        """The subject of its clause (with ``main``, of its sentence's main verb), or named in
        apposition to it ("a spokesperson, Jane Roe,")."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        if root.dep_ in _NAMING_DEPS and root.head.dep_ in _SUBJECT_DEPS:
            root = root.head
        return root.dep_ in _SUBJECT_DEPS and (not main or root.head.dep_ == "ROOT")

    def _speaks(self, mention: Mention) -> bool:
        """The subject of a verb of speech ("Nelson has said", "Tolliver-Sato, who ..., said")."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        if root.dep_ in _NAMING_DEPS and root.head.dep_ in _SUBJECT_DEPS:
            root = root.head
        return is_speech_verb(root.head)

    def owner(self, token: Token) -> str | None:
        """The entity that owns a noun: ``NASA's``, ``the Roscosmos``, ``its``, ``of/from/by NASA``."""
        for child in token.children:
            if child.dep_ in _OWNER_DEPS:
                key = self.entity(child)
                if key is not None:
                    return key
                if child.lower_ in ("its", "their"):
                    return self.last_agency(child.idx)
            if child.dep_ == "prep" and child.lower_ in ("of", "from", "by", "at"):
                for obj in child.children:
                    if obj.dep_ == "pobj" and self.entity(obj) is not None:
                        return self.entity(obj)
        return None

    def last_agency(self, offset: int) -> str | None:
        earlier = bisect_left(self.agency_ends, offset + 1)
        return self.agencies[earlier - 1].entity_key if earlier else None

    def country_named_most(self, offset: int) -> str | None:
        """The country the text has named most often by ``offset`` (of two, the one named first, the
        story's, not a place it went to): whose government an official word is."""
        named = Counter(m.entity_key for m in self.countries[:bisect_left(self.country_ends, offset + 1)])
        return max(named, key=named.__getitem__, default=None)  # Counter keeps first-named order on ties

    def _statement_before(self, token: Token) -> Token | None:
        """The last statement noun ("in a message") before ``token`` in its sentence or the one before."""
        sent = token.sent
        start = token.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        return _last_of(token.doc[start:token.i], self.cues.statement_nouns)

    def _told_before(self, token: Token) -> Token | None:
        """The statement noun of an earlier sentence that "the announcement" refers back to: the last
        one of the same word, when ``token`` has "the" and no owner of its own."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) \
                or any(c.dep_ == "amod" for c in token.children):
            return None
        return _last_of(token.doc[:token.sent.start], {token.lemma_.lower()})

    def _sender(self, statement: Token) -> str | None:
        """Who sent a statement told as an instrument ("X congratulated the crew in a message"): the
        subject of the verb it hangs from, when it names a speaker."""
        verb = clause_verb(statement)  # "in a message read at mission control": up to "congratulated"
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        return self.entity(subject) if subject is not None else None

    def _statement(self, token: Token, lemma: str) -> str | None:
        """``the Roscosmos statement said``; ``the statement said`` after ``X said in a statement``."""
        if lemma not in self.cues.statement_nouns:
            return None
        owner = self.owner(token) or next(
            (key for c in token.children if c.dep_ in _OWNER_DEPS and (key := self.country(c)) is not None), None)
        if owner is not None:
            return owner
        told = self._told_before(token)
        if told is not None:  # "The announcement said": the one told before, and who sent it
            return self._sender(told) or self._statement(told, told.lemma_.lower())
        if any(c.dep_ == "amod" and c.lower_ in self.cues.official_words for c in token.children):
            return self.country_named_most(token.idx)  # "The official announcement, carried by Tass, said"
        last_person = self.pronoun(token)
        last_agency = self.last_agency(token.idx)
        if last_person is None or last_agency is None:
            return last_person or last_agency
        person_end = self.antecedent_ends[bisect_left(self.antecedent_ends, token.idx + 1) - 1]
        agency_end = self.agency_ends[bisect_left(self.agency_ends, token.idx + 1) - 1]
        return last_person if person_end > agency_end else last_agency

    def _entourage(self, token: Token, lemma: str) -> str | None:
        """``Cooke's team``, ``the commander's staff``: the person they work for speaks."""
        if lemma not in self.cues.entourage_nouns:
            return None
        owners = (self.person(c) for c in token.children if c.dep_ == "poss")
        return next((p for p in owners if p is not None), None)

    def _spokesperson(self, token: Token, lemma: str) -> str | None:
        """``a NASA spokesperson``, ``the agency's press office``: the organisation speaks."""
        if lemma not in self.cues.spokesperson_nouns:
            return None
        owner = self.owner(token)
        return owner if owner is not None and owner in self._agency_keys() else None

    def _agency_keys(self) -> set[str]:
        return {m.entity_key for m in self.agencies}

    def _description(self, token: Token, lemma: str) -> str | None:
        """``the agency's chief``, ``NASA's administrator``, ``the head of Roscosmos``.

        A named owner is the organisation; an anaphoric one (``the agency's``, ``its``) may be
        any agency named before, the latest first: the first of them whose post of that title
        has a holder (``holder``) is the one the context is about.
        """
        if lemma not in self.cues.description_heads:
            return None
        organizations = self._owner_candidates(token)
        if self._is_anaphoric(token) and (person := self._last_named_holder(token, organizations, lemma)) is not None:
            return person  # "In Moscow, Yuri Koptev welcomed the crews. '...,' the agency's chief said"
        for holder in (self._document_holder, self._named_holder, self._reference_holder):
            for organization in organizations:
                person = holder(organization, lemma)
                if person is not None:
                    return person
        if organizations and self._is_anaphoric(token):
            return self._any_named_holder(lemma)
        return None

    def _ranked(self, token: Token, lemma: str) -> str | None:
        """``the colonel`` (a rank, lexicon ``rank_words``) or ``the cosmonaut`` (a corps title): the
        last person named before, outside quotes and captions, whose name follows that word or its
        short form ("Colonel Stafford", "Col. Thomas P. Stafford") or who holds that title here."""
        lexicon = load_lexicon()
        if lemma not in lexicon.rank_words and lemma not in lexicon.corps_titles:
            return None
        words = {lemma, *(short.lower() for short, word in lexicon.title_abbreviations.items() if word == lemma)}
        holders = {p.person for p in self.positions if p.title.lower() == lemma}
        for mention in reversed(self.antecedents[:bisect_left(self.antecedent_ends, token.idx + 1)]):
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            before = self.doc[span.start - 1].lower_ if span is not None and span.start > 0 else ""
            if mention.entity_key in holders or before in words:
                return mention.entity_key
        return None

    def _last_named_holder(self, token: Token, organizations: list[str], head: str) -> str | None:
        """The last person named before ``token`` (outside quotes and captions), if they hold a post of
        that title at one of ``organizations``, here or in the gazetteer at the publication date."""
        earlier = self.antecedents[:bisect_left(self.antecedent_ends, token.idx + 1)]
        if not earlier or not self._holds(earlier[-1].entity_key, self._title_fits(head), organizations):
            return None
        return earlier[-1].entity_key

    def _any_named_holder(self, head: str) -> str | None:
        """The last person named before who holds a post of that title anywhere, in this
        document or in the gazetteer at the publication date: "Dmitry Bakanov spoke ... NASA
        released ... the agency's general director said" -> Bakanov."""
        fits = self._title_fits(head)
        return next((m.entity_key for m in reversed(self.antecedents) if self._holds(m.entity_key, fits)), None)

    def _holds(self, person: str, fits: Callable[[str], bool], organizations: Sequence[str] | None = None) -> bool:
        """Whether ``person`` holds a post whose title ``fits`` (at one of ``organizations``, when
        given), in this document or in the gazetteer at the publication date."""
        def at(organization: str | None) -> bool:
            return organizations is None or organization in organizations

        if any(p.person == person and at(p.organization) and fits(p.title) for p in self.positions):
            return True
        entry = self.gazetteer.get(person) if self.gazetteer is not None else None
        return entry is not None and self.published is not None and any(
            at(post.organization) and fits(post.title) and post.covers(self.published) for post in entry.positions)

    def _is_anaphoric(self, token: Token) -> bool:
        return any(c.dep_ in _OWNER_DEPS and c.lower_ in _ANAPHORIC_OWNERS for c in token.children)

    def _owner_candidates(self, token: Token) -> list[str]:
        """The agencies a description's owner may be: the one it names, or, for ``the agency's``
        and ``its``, those named before it, the latest first."""
        if not self._is_anaphoric(token):
            organization = self.owner(token)
            return [organization] if organization in self._agency_keys() else []
        earlier = self.agencies[:bisect_left(self.agency_ends, token.idx + 1)]
        return list(dict.fromkeys(m.entity_key for m in reversed(earlier) if not self._hidden(m.start)))

    def holder(self, organization: str, head: str) -> str | None:
        """Who holds the post ``head`` at ``organization``: a position found in this document,
        else a person the document names who holds it in the gazetteer at the publication date,
        else the gazetteer's holder at that date."""
        for holder in (self._document_holder, self._named_holder, self._reference_holder):
            person = holder(organization, head)
            if person is not None:
                return person
        return None

    def _document_holder(self, organization: str, head: str) -> str | None:
        fits = self._title_fits(head)
        return next((p.person for p in self.positions if p.organization == organization and fits(p.title)), None)

    def _named_holder(self, organization: str, head: str) -> str | None:
        named = {m.entity_key for m in self.antecedents}
        person = self._reference_holder(organization, head)
        return person if person in named else None

    def _reference_holder(self, organization: str, head: str) -> str | None:
        if self.gazetteer is None or self.published is None:
            return None
        fits = self._title_fits(head)
        return next((person.id for person, post in self.gazetteer.holders(organization, self.published)
                     if fits(post.title)), None)

    def _title_fits(self, head: str) -> Callable[[str], bool]:
        generic = head in self.cues.generic_heads

        def fits(title: str) -> bool:
            words = title.lower().replace("-", " ").split()
            if not words:
                return False
            core = " ".join(w for w in words if w not in ("acting", "new", "former", "deputy"))
            if "deputy" in words or "former" in words:
                return False
            return (generic and core in self.cues.top_titles) or head in words

        return fits


def is_speaker_label(text: str, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` stands alone at the start of a line, before a colon: who
    speaks the line of an interview ("Kahananui-Volkov: Everyone was."), not someone it names."""
    return text.startswith(":", end) and not text[text.rfind("\n", 0, start) + 1:start].strip()


def is_speech_verb(token: Token) -> bool:
    """A verb of speech: its lemma is one of the lexicon's ``speech_verbs`` (kg/data/lexicon.yaml)."""
    return token.pos_ == "VERB" and token.lemma_.lower() in load_lexicon().speech_verbs


def _caption_lines(text: str, starts: tuple[str, ...]) -> list[tuple[int, int]]:
    """The ``(start, end)`` offsets of the lines that are photo captions or credits."""
    lines = []
    offset = 0
    for line in text.split("\n"):
        if line.lstrip().startswith(starts):
            lines.append((offset, offset + len(line)))
        offset += len(line) + 1
    return lines


def _last_of(tokens: "Span", lemmas: Collection[str]) -> Token | None:
    """The last of ``tokens`` whose lemma is one of ``lemmas``."""
    return next((t for t in reversed(tokens) if t.lemma_.lower() in lemmas), None)
