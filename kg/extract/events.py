"""Events from trigger words: type, date, place, participants and status of each.

A trigger (lexicon ``event_triggers``: "met", "lifted off", "docked", "signed", "suspended"...) opens
an event; its participants are the people, agencies and spacecraft in the trigger's clause, its place
the facility, place or country after "in/at/from/near", its date the date expression of the clause
resolved against the publication date (a 1975 date in a 2025 article is a 1975 event), and its
status comes from the modality of the clause ("will", "is scheduled to" -> planned; "never took
place", "postponed" -> canceled).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from itertools import takewhile
from typing import TYPE_CHECKING

from kg.extract.context import DocContext
from kg.extract.dates import find_dates
from kg.model import DateValue, Event

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

PARTICIPANT_TYPES = {"Person", "Agency", "Spacecraft"}
PLACE_TYPES = ("Facility", "Place", "Country")
_PLACE_PREPS = {"in", "at", "from", "near", "outside", "over", "into", "to"}
_NOUN_TRIGGER_POS = {"NOUN", "PROPN"}


def _trigger_type(token: "Token", ctx: DocContext) -> str | None:
    lex = ctx.lexicon
    lemma = token.lemma_.lower()
    event_type = lex.event_triggers.get(lemma) or lex.event_triggers.get(token.lower_)
    if event_type is None or token.pos_ not in {"VERB", "NOUN", "PROPN"}:
        return None
    if ctx.mention_at(token) is not None:
        return None
    needed = lex.event_particles.get(lemma)
    if needed and token.pos_ == "VERB":
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if not any(c.dep_ == "prt" and c.lower_ in needed for c in token.children) and (nxt is None or nxt.lower_ not in needed):
            return None
    objects = lex.event_objects.get(lemma)
    if objects and token.pos_ == "VERB":
        args = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass", "dative"}]
        if not args or not any(a.lemma_.lower() in objects or ctx.mention_at(a) is not None for a in args):
            return None
    if token.pos_ in _NOUN_TRIGGER_POS and token.dep_ == "pobj" and token.head.lower_ in lex.background_preps:
        return None
    if token.pos_ in _NOUN_TRIGGER_POS and token.dep_ in {"compound", "amod"}:
        return None  # "landing platform", "docking port"
    if token.pos_ == "VERB" and any(c.dep_ == "neg" for c in token.children) and not any(
        c.lemma_ == "will" or c.lower_ in {"would", "will"} for c in token.children
    ):
        return None  # "did not meet again until 1995": no event (but "will not take place" is a cancellation)
    return event_type


def _clause(token: "Token", sent: "Span") -> tuple[int, int]:
    """Token range of the trigger's clause: a verb's subtree, or the sentence for a noun trigger."""
    if token.pos_ in _NOUN_TRIGGER_POS:
        head = token
        while head.dep_ not in {"ROOT"} and head.head.pos_ not in {"VERB", "AUX"} and head.head != head:
            head = head.head
        head = head.head if head.dep_ != "ROOT" else head
        sub = list(head.subtree)
    else:
        sub = list(token.subtree)
        # a verb without its own subject ("was to leave", "lifted off and docked", "after lifting off")
        # takes the subject of the nearest verb above it
        if not any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children):
            head = token.head
            while head != head.head and head.pos_ not in {"VERB", "AUX"}:
                head = head.head
            for child in head.children:
                if child.dep_ in {"nsubj", "nsubjpass"}:
                    sub.extend(child.subtree)
            # "Soyuz MS-22, a Russian spacecraft set to launch ...": the noun the clause modifies
            node = token
            for _ in range(4):
                if node.dep_ in {"acl", "relcl"} or (node.dep_ == "xcomp" and node.head.dep_ in {"acl", "relcl"}):
                    noun = node.head if node.dep_ != "xcomp" else node.head.head
                    sub.extend(t for t in noun.lefts)
                    sub.append(noun)
                    if noun.dep_ == "appos":
                        sub.extend(noun.head.lefts)
                        sub.append(noun.head)
                    break
                node = node.head
    start = max(min(t.i for t in sub), sent.start)
    end = min(max(t.i for t in sub) + 1, sent.end)
    return start, end


_MODAL_DEPS = {"aux", "auxpass", "neg", "amod", "advmod", "prt", "acomp"}
_CHAIN_DEPS = {"xcomp", "ccomp", "acl", "relcl", "conj", "pcomp", "advcl"}


def _status_tokens(trigger: "Token") -> list["Token"]:
    """The words that carry the trigger's modality: the trigger, the verbs it depends on through
    "to"-complements ("is scheduled to launch", "plans to sign"), and their auxiliaries, negations
    and modifiers — not the words of other clauses ("met ... to discuss how they will run it")."""
    chain = [trigger]
    node = trigger
    while node.dep_ in {"xcomp", "acl", "pobj", "nsubj", "nsubjpass", "dobj", "attr"} and node.head != node:
        node = node.head
        chain.append(node)
        if node.pos_ in {"VERB", "AUX"} and node.dep_ not in {"xcomp", "acl"}:
            break
    out = []
    for t in chain:
        out.append(t)
        out.extend(c for c in t.children if c.dep_ in _MODAL_DEPS)
        out.extend(gc for c in t.children if c.dep_ == "aux" for gc in c.children if gc.dep_ == "aux")
    return sorted(set(out), key=lambda t: t.i)


def _status(tokens: list["Token"], ctx: DocContext) -> str:
    text = " " + " ".join(t.lower_ for t in tokens) + " "
    for cue in ctx.lexicon.canceled_cues:
        if f" {cue} " in text:
            return "canceled"
    for cue in ctx.lexicon.planned_cues:
        if f" {cue} " in text:
            return "planned"
    return "happened"


def _tense(tokens: list["Token"], status: str) -> str:
    if status == "planned":
        return "future"
    if any(t.tag_ in {"VBD", "VBN"} for t in tokens):
        return "past"
    return "unknown"


_PRONOUN_TYPES = {
    "he": frozenset({"Person"}), "she": frozenset({"Person"}), "they": frozenset({"Person"}),
    "it": frozenset({"Spacecraft"}),
}


def _pronoun_subject(trigger: "Token", sent: "Span", ctx: DocContext) -> list[str]:
    """"They lifted off on May 30": a pronoun subject stands for the people (or, for "it", the
    spacecraft) named last before it — for "they", all the people of that sentence."""
    verb = trigger if trigger.pos_ == "VERB" else _governor(trigger)
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.lower_ not in _PRONOUN_TYPES:
        return []
    earlier = ctx.mentions_before(subject.idx, _PRONOUN_TYPES[subject.lower_])  # the latest first
    last = next(earlier, None)
    if last is None:
        return []
    if subject.lower_ != "they":
        return [last.key]
    last_sent = ctx.span_of(last).sent
    group = [last.key, *(r.key for r in takewhile(lambda r: r.mention.start >= last_sent.start_char, earlier))]
    return list(dict.fromkeys(reversed(group))) if len(set(group)) >= 2 else []


def _governor(token: "Token") -> "Token":
    """The nearest verb (or the sentence root) above ``token``."""
    head = token.head
    while head != head.head and head.pos_ not in {"VERB", "AUX"}:
        head = head.head
    return head


def _date(sent: "Span", trigger: "Token", triggers: set[int], start: int, end: int, tense: str,
          anchor: date | None, ctx: DocContext) -> DateValue | None:
    """The date of the event: one attached to the trigger, else one in its clause, else in the sentence,
    never one that belongs to another trigger of the sentence."""
    doc = ctx.doc
    base = sent.start_char
    mentions = _sentence_dates(sent, tense, anchor, ctx)
    if not mentions:
        return None
    scored = []
    for m in mentions:
        span = doc.char_span(base + m.start, base + m.end, alignment_mode="expand")
        if span is None:
            continue
        gov = _governor(span.root)
        if trigger.head.i in range(span.start, span.end) and trigger.dep_ in {"relcl", "advcl"}:
            rank = 0  # "until 1995, when the shuttle docked"
        elif span.root.head.i == trigger.i or gov.i == trigger.i:
            rank = 0
        elif gov.i in triggers:
            continue
        elif start <= span.start and span.end <= end:
            rank = 1
        else:
            rank = 2
        scored.append((rank, abs(span.start - trigger.i), m))
    if not scored:
        return None
    return min(scored, key=lambda x: (x[0], x[1]))[2].value


def _sentence_dates(sent: "Span", tense: str, anchor: date | None, ctx: DocContext):
    text = sent.text
    found = find_dates(text, ctx.published, tense=tense)
    # a dateline ("PARIS, 18 March 2022 -") gives the publication date, not an event's
    found = [m for m in found if not re.match(r"\s*[-\u2013\u2014]", text[m.end:m.end + 3])]
    if anchor is None or tense == "future":
        return found
    return [_near_anchor(m, anchor, ctx.published) for m in found]


def _near_anchor(m, anchor: date, published: date | None):
    """A month and day without a year, in a narrative that has reached ``anchor`` ("On July 15,
    1975, ..."), falls in the year that puts it nearest the anchor, never after publication."""
    if not m.relative or _DEICTIC.search(m.text) or not re.search(r"[A-Za-z]", m.text):
        return m
    parts = [int(p) for p in m.value.iso.split("-")]
    if len(parts) == 1:
        return m
    month, day = parts[1], parts[2] if len(parts) == 3 else 1
    best = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if published is not None and candidate > published:
            continue
        distance = abs((candidate - anchor).days)
        if best is None or distance < best[0]:
            best = (distance, year)
    if best is None:
        return m
    value = DateValue.of(best[1], month, parts[2] if len(parts) == 3 else None)
    return replace(m, value=value)


_DEICTIC = re.compile(r"(?i)\b(?:today|yesterday|tomorrow|this|last|next|ago|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")


_SAME_DAY = re.compile(r"(?i)\b(?:(?:hours?|minutes?)\s+later|(?:later\s+)?(?:that|the\s+same)\s+day)\b")
_DAYS_LATER = re.compile(
    r"(?i)\b(?:(?P<n>a|one|two|three|four|five|six|seven|\d)\s+days?\s+later|the\s+(?:next|following)\s+day)\b")
_SMALL_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _relative_to_previous(sent: "Span", start: int, end: int, previous: DateValue | None) -> DateValue | None:
    """"Hours later", "the same day", "two days later" in the trigger's clause: a date relative to
    the last event whose date the text gave."""
    if previous is None or previous.precision != "day":
        return None
    doc = sent.doc
    lo, hi = doc[start].idx - sent.start_char, doc[end - 1].idx + len(doc[end - 1]) - sent.start_char
    clause = sent.text[lo:hi]
    if _SAME_DAY.search(clause):
        return previous
    m = _DAYS_LATER.search(clause)
    if m:
        n = m.group("n")
        days = 1 if n is None else (_SMALL_NUMBERS.get(n.lower()) or int(n))
        try:
            return DateValue(str(date.fromisoformat(previous.iso) + timedelta(days=days)), "day")
        except OverflowError:  # after 9999-12-31: not a date
            return None
    return None


def _anchor(sent: "Span", ctx: DocContext, current: date | None) -> date | None:
    """The year of the last full date ("On July 15, 1975") the narrative has reached; a date relative
    to the publication ("on Tuesday", "last month") brings the narrative back to the present."""
    for m in find_dates(sent.text, ctx.published):
        if not m.relative and m.value.precision == "day":
            current = date.fromisoformat(m.value.iso)
        elif m.relative and _DEICTIC.search(m.text):
            current = None
        elif current is not None and m.value.precision == "day":
            current = date.fromisoformat(_near_anchor(m, current, ctx.published).value.iso)
    return current


def _place(tokens: list["Token"], ctx: DocContext) -> str | None:
    best: tuple[int, str] | None = None
    for tok in tokens:
        if tok.lower_ not in _PLACE_PREPS:
            continue
        j = tok.i + 1
        while j < len(ctx.doc) and ctx.doc[j].lower_ in {"the", "a"}:
            j += 1
        if j >= len(ctx.doc):
            continue
        m = ctx.mention_at(ctx.doc[j])
        if m is None:
            continue
        type_name = ctx.type_of(m.key)
        if type_name in PLACE_TYPES:
            rank = PLACE_TYPES.index(type_name)
            if best is None or rank < best[0]:
                best = (rank, m.key)
    return best[1] if best else None


def _label(event_type: str, tokens: list["Token"]) -> str:
    words = " ".join(t.text for t in tokens)
    words = re.sub(r"\s+([,.;:'])", r"\1", words)
    words = words.replace(" 's", "'s").strip(" ,;")
    if len(words) > 90:
        words = words[:87].rsplit(" ", 1)[0] + "..."
    return f"{event_type}: {words}"


def extract_events(ctx: DocContext) -> list[Event]:
    """Every dated (or canceled) event the document states, one per trigger type per clause, merged across mentions."""
    events: list[Event] = []
    anchor: date | None = None
    last_given: DateValue | None = None
    for sent in ctx.doc.sents:
        found = [(t, et) for t in sent if (et := _trigger_type(t, ctx)) is not None]
        trigger_ids = {t.i for t, _ in found}
        taken: set[tuple[str, int, int]] = set()
        for token, event_type in found:
            start, end = _clause(token, sent)
            tokens = list(ctx.doc[start:end])
            place_key = _place(tokens, ctx)
            participants: list[str] = []
            for tok in tokens:
                m = ctx.mention_at(tok)
                if m is None or m.key in participants or m.key == place_key:
                    continue
                if ctx.type_of(m.key) in PARTICIPANT_TYPES and m.mention.kind != "demonym":
                    participants.append(m.key)
            for key in _pronoun_subject(token, sent, ctx):
                if key not in participants:
                    participants.append(key)
            if token.lemma_.lower() in ctx.lexicon.event_needs_craft:
                if not any(ctx.type_of(p) == "Spacecraft" for p in participants):
                    continue
            status = _status(_status_tokens(token), ctx)
            date = _date(sent, token, trigger_ids - {token.i}, start, end, _tense(tokens, status), anchor, ctx)
            if date is None:
                date = _relative_to_previous(sent, start, end, last_given)
            else:
                last_given = date
            if date is None and (status != "canceled" or not participants):
                continue
            key = (event_type, start, end)
            if key in taken:
                continue
            taken.add(key)
            events.append(
                Event(event_type, _label(event_type, tokens), date, place_key, tuple(participants), status, ctx.evidence(sent))
            )
        anchor = _anchor(sent, ctx, anchor)
    return _merge(events)


def _merge(events: list[Event]) -> list[Event]:
    """One event per (type, date) when two mentions share a participant: the later adds to the first."""
    merged: list[Event] = []
    alike: dict[tuple, list[int]] = {}  # (type, date, status, sentence) -> indexes into ``merged``
    for ev in events:
        same = alike.setdefault((ev.type, ev.date, ev.status, ev.evidence.start), [])
        for i in same:
            other = merged[i]
            if set(other.participants) & set(ev.participants):
                parts = other.participants + tuple(p for p in ev.participants if p not in other.participants)
                merged[i] = Event(other.type, other.label, other.date, other.place or ev.place, parts, other.status, other.evidence)
                break
        else:
            same.append(len(merged))
            merged.append(ev)
    return merged
