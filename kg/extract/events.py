"""Events from trigger words: type, date, place, participants, status and label of each.

A trigger (a spaCy pattern of ``kg/data/events.yaml`` ``triggers``, compiled once by
:func:`kg.extract.event_rules.match_triggers`: "met", "lifted off", "signed an agreement", "the talks",
"the hatch came open"...) opens an event; its participants are the people, agencies and spacecraft in the trigger's clause (an
event nobody named takes part in is background and dropped), its place the facility, place or country
after "in/at/from/near", its date the date expression of the clause resolved against the publication
date with the clause's tense (plans look ahead, past verbs back; a 1975 date in a 2025 article is a 1975
event), and its status comes from :func:`kg.extract.status.event_status` (cue words, modality, negation,
and the date against the publication date; some cues mean there was no event at all). Undated plans and
cancellations are kept. Rules beyond the trigger lists (roles a type needs, retyping, labels) are data in
``kg/data/events.yaml`` (:mod:`kg.extract.event_rules`). Mentions of one event in a document — same type
and status, compatible dates, a shared participant, or a definite noun ("the visit") naming the last such
event — merge into one event that keeps every evidence sentence. Labels read like timeline entries
("Meeting of Sean Duffy and Dmitry Bakanov", "Planned launch of Crew-11").
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from itertools import takewhile
from typing import TYPE_CHECKING, Sequence

from kg.extract.context import DocContext
from kg.extract.dates import Tense, find_dates
from kg.extract.event_rules import EventRules, load_event_rules, match_triggers
from kg.extract.status import event_status
from kg.model import DateValue, Event, Position
from kg.schema import Status

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

PARTICIPANT_TYPES = {"Person", "Agency", "Spacecraft"}
PLACE_TYPES = ("Facility", "Place", "Country")
_PLACE_PREPS = {"in", "at", "from", "near", "outside", "over", "into", "to"}
_NOUN_TRIGGER_POS = {"NOUN", "PROPN"}


def _is_filtered_trigger(token: "Token", ctx: DocContext) -> bool:
    """A matched trigger word that opens no event: part of a name, a noun after a background
    preposition ("two days after launch"), a noun modifier ("docking port"), or a negated verb
    that is not a cancellation ("did not meet again until 1995"; "will not take place" is one)."""
    is_noun = token.pos_ in _NOUN_TRIGGER_POS
    return (
        ctx.mention_at(token) is not None
        or (is_noun and token.dep_ == "pobj" and token.head.lower_ in ctx.lexicon.background_preps)
        or (is_noun and token.dep_ in {"compound", "amod"})
        or (token.pos_ == "VERB" and _negated_past(token))
    )


def _negated_past(verb: "Token") -> bool:
    children = list(verb.children)
    return any(c.dep_ == "neg" for c in children) and not any(c.lower_ in {"would", "will"} for c in children)


def _triggers(sent: "Span", matched: dict[int, str], ctx: DocContext) -> list[tuple["Token", str]]:
    """The trigger words of the sentence (``kg/data/events.yaml`` patterns) with their event types."""
    return [(t, matched[t.i]) for t in sent if t.i in matched and not _is_filtered_trigger(t, ctx)]


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


_BEFORE_WINDOW = 4  # words before a trigger that may say there was no event ("passed without an")


def _cues(ctx: DocContext) -> EventRules:
    return load_event_rules(ctx.lexicon.planned_cues, ctx.lexicon.canceled_cues)


def _words_before(trigger: "Token", sent: "Span") -> str:
    start = max(sent.start, trigger.i - _BEFORE_WINDOW)
    return " ".join(t.lower_ for t in trigger.doc[start:trigger.i])


def _status(trigger: "Token", event_type: str, sent: "Span", ctx: DocContext,
            when: DateValue | None = None) -> Status | None:
    """The event's status from its clause and date (:func:`kg.extract.status.event_status`); ``None``: no event."""
    chain = " ".join(t.lower_ for t in _status_tokens(trigger))
    return event_status(before=_words_before(trigger, sent), chain=chain, cues=_cues(ctx),
                        event_type=event_type, when=when, published=ctx.published)


def _has_required_roles(event_type: str, participants: list[str], ctx: DocContext) -> bool:
    """Whether a participant fills the role the type cannot do without (``required_participant``)
    and there are as many participants as the type needs (``min_participants``)."""
    rules = _cues(ctx)
    needed = rules.required_participant.get(event_type)
    if len(participants) < rules.min_participants.get(event_type, 1):
        return False
    return needed is None or any(ctx.type_of(p) == needed for p in participants)


_CRAFT_TYPES = {"Spacecraft", "Program"}


def _type_with_craft(trigger: "Token", event_type: str, participants: list[str], place: str | None,
                     ctx: DocContext) -> str:
    """"Arrived at the station aboard Soyuz TMA-2" is a docking (``with_craft_type``), and so is an
    arrival with no place named right after a sentence about the station."""
    rules = _cues(ctx)
    retyped = rules.with_craft_type.get(trigger.lemma_.lower())
    if retyped is None:
        return event_type
    objects = [g for c in trigger.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    if any(o.lemma_.lower() in rules.craft_nouns for o in objects):
        return retyped
    if any(ctx.type_of(p) in _CRAFT_TYPES for p in participants):
        return retyped
    if place is None and _craft_noun_just_before(trigger, rules.craft_nouns):
        return retyped  # "crews already share the station. Three cosmonauts arrived in March"
    return event_type


def _craft_noun_just_before(trigger: "Token", craft_nouns: frozenset[str]) -> bool:
    """Whether the sentence before the trigger's, or its own words before it, name a station or craft."""
    sent = trigger.sent
    start = trigger.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    return any(t.lemma_.lower() in craft_nouns for t in trigger.doc[start:trigger.i])


def _is_object_of_trigger(token: "Token", found: list[tuple["Token", str]], ctx: DocContext) -> bool:
    """A noun trigger that is the object of a suspending or canceling trigger ("halted Soyuz launches")."""
    if token.pos_ not in _NOUN_TRIGGER_POS or token.dep_ not in {"dobj", "nsubjpass", "pobj"}:
        return False
    head = token.head if token.dep_ != "pobj" else token.head.head
    governing = {t.i: event_type for t, event_type in found}
    return governing.get(head.i) in _cues(ctx).object_of_types


def _tense(trigger: "Token", status: Status) -> Tense:
    """Which way a date without a year points: plans look ahead, past verbs back, a present or
    "-ing" verb ("missions launching in September") ahead."""
    if status == "planned":
        return "future"
    chain = _status_tokens(trigger)
    if any(t.tag_ in {"VBD", "VBN"} for t in chain):
        return "past"
    if trigger.pos_ in _NOUN_TRIGGER_POS:
        trigger = _governor(trigger)  # "talks run past the target as September flights near"
    if trigger.tag_ == "VBG" and trigger.dep_ == "acl":
        return "future"  # "missions launching in September"
    if trigger.tag_ in {"VBZ", "VBP"} and trigger.dep_ in {"ROOT", "conj"}:
        return "future"  # "the crew lands in March"
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


_SAME_DAY = re.compile(  # "hours later", "three hours earlier", "later that day", "the same day"
    r"(?i)\b(?:(?:hours?|minutes?)\s+(?:later|earlier)|(?:later\s+)?(?:that|the\s+same)\s+day)\b")
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


def _narrative_day(sent: "Span", ctx: DocContext) -> DateValue | None:
    """The last day the sentence names ("on Thursday", "July 15, 1975"): what "hours later" and
    "the next day" in the sentences after it count from, whether or not an event took that date."""
    days = [m.value for m in _sentence_dates(sent, "unknown", None, ctx) if m.value.precision == "day"]
    return days[-1] if days else None


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


_KEY_TYPES = {  # whose names lead the label of each type
    "Launch": ("Spacecraft", "Person"), "Docking": ("Spacecraft",), "Landing": ("Spacecraft", "Person"),
    "Appointment": ("Person",), "Meeting": ("Person", "Agency"), "Agreement": ("Agency", "Person"),
}
_STATUS_WORD = {"planned": "Planned", "canceled": "Canceled"}


_NAMES_IN_LABEL = {"Appointment": 1}  # the person appointed, not who appointed them
_OBJECT_DEPS = {"dobj", "nsubjpass", "oprd"}
_OBJECT_FIRST_TYPES = {"Appointment", "Launch"}  # who is appointed, what is launched, leads


def _object_first(trigger: "Token", participants: list[str], ctx: DocContext) -> list[str]:
    """The participants with the trigger's object first ("Putin appointed Bakanov": Bakanov)."""
    objects = [ctx.mention_at(c) for c in trigger.children if c.dep_ in _OBJECT_DEPS]
    keys = [m.key for m in objects if m is not None and m.key in participants]
    return keys + [p for p in participants if p not in keys]


def _appointment_label(trigger: "Token", person: str, sent: "Span", positions: Sequence[Position],
                       ctx: DocContext) -> str | None:
    """"Sean Duffy named acting NASA administrator": the post the sentence gives the trigger's object
    after the trigger (not the post of whoever did the naming)."""
    objects = {m.key for c in trigger.children if c.dep_ in _OBJECT_DEPS and (m := ctx.mention_at(c)) is not None}
    if person not in objects:
        return None
    start = ctx.evidence(sent).start
    after = {t.lower_ for t in ctx.doc[trigger.i + 1:sent.end]}
    post = next((p for p in positions if p.person == person and p.evidence.start == start
                 and p.title.split()[-1].lower() in after), None)
    if post is None:
        return None
    org = ctx.entities[post.organization].label + " " if post.organization in ctx.entities else ""
    return f"{ctx.entities[person].label} named {'acting ' if post.acting else ''}{org}{post.title}"


def _who(event_type: str, participants: list[str], ctx: DocContext) -> str:
    """The two or three names a reader needs: the key types of the event first."""
    preferred = _KEY_TYPES.get(event_type, ("Person", "Agency", "Spacecraft"))
    for wanted in preferred:
        chosen = [p for p in participants if ctx.type_of(p) == wanted]
        if chosen:
            break
    else:
        chosen = participants
    names = [ctx.entities[p].label for p in chosen[:_NAMES_IN_LABEL.get(event_type, 3)]]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _label(event_type: str, lemma: str, participants: list[str], status: str, ctx: DocContext) -> str:
    """A timeline entry: "Launch of Crew-11", "Meeting of Sean Duffy and Dmitry Bakanov",
    "Planned visit by Dmitry Bakanov" — type (or the trigger's noun for "Other"), participants, status."""
    rules = _cues(ctx)
    pattern = (rules.other_labels.get(lemma) if event_type == "Other" else None) or rules.labels.get(event_type)
    pattern = pattern or lemma.capitalize() + " by {who}"
    label = pattern.format(who=_who(event_type, participants, ctx))
    if status in _STATUS_WORD:
        label = f"{_STATUS_WORD[status]} {label[0].lower()}{label[1:]}"
    return label


def extract_events(ctx: DocContext, positions: Sequence[Position] = ()) -> list[Event]:
    """Every event the document states (dated, or undated plans), one per trigger type per clause,
    mentions of one event merged (``_merge``), each keeping every sentence that mentions it; an
    appointment whose sentence gives the post (``positions``) is labelled with it."""
    events: list[Event] = []
    lemmas: list[str] = []  # the trigger lemma of each event, for "the visit" to find its event
    anchor: date | None = None
    last_given: DateValue | None = None
    matched = match_triggers(ctx.doc)
    for sent in ctx.doc.sents:
        found = _triggers(sent, matched, ctx)
        trigger_ids = {t.i for t, _ in found}
        taken: set[tuple[str, int, int]] = set()
        for token, event_type in found:
            start, end = _clause(token, sent)
            place_key = _place(list(ctx.doc[start:end]), ctx)
            participants = _participants(token, sent, start, end, place_key, ctx)
            if not participants:
                _join_anaphor(token, event_type, sent, events, lemmas, ctx)
                continue  # nobody named takes part: background, or "the visit" of an event before
            if not _is_candidate(token, event_type, participants, found, ctx):
                continue
            event_type = _type_with_craft(token, event_type, participants, place_key, ctx)
            status = _status(token, event_type, sent, ctx)
            if status is None:
                continue  # "the deadline passed without an agreement"
            when = _date(sent, token, trigger_ids - {token.i}, start, end, _tense(token, status), anchor, ctx)
            if when is None:
                when = _relative_to_previous(sent, start, end, last_given)
            else:
                last_given = when
            status = _status(token, event_type, sent, ctx, when) or status
            if (when is None and not _keep_undated(status, participants, ctx)) or (event_type, start, end) in taken:
                continue
            taken.add((event_type, start, end))
            if event_type in _OBJECT_FIRST_TYPES:
                participants = _object_first(token, participants, ctx)
            label = _label(event_type, token.lemma_.lower(), participants, status, ctx)
            if event_type == "Appointment" and status == "happened":
                label = _appointment_label(token, participants[0], sent, positions, ctx) or label
            events.append(Event(event_type, label, when, place_key, tuple(participants), status, ctx.evidence(sent)))
            lemmas.append(token.lemma_.lower())
        anchor = _anchor(sent, ctx, anchor)
        last_given = _narrative_day(sent, ctx) or last_given
    return _merge(events)


def _participants(trigger: "Token", sent: "Span", start: int, end: int, place_key: str | None,
                  ctx: DocContext) -> list[str]:
    """The people, agencies and spacecraft of the trigger's clause (and a pronoun subject's referents)."""
    participants: list[str] = []
    for tok in ctx.doc[start:end]:
        m = ctx.mention_at(tok)
        if m is None or m.key in participants or m.key == place_key:
            continue
        if ctx.type_of(m.key) in PARTICIPANT_TYPES and m.mention.kind != "demonym":
            participants.append(m.key)
    for key in _pronoun_subject(trigger, sent, ctx):
        if key not in participants:
            participants.append(key)
    return participants


def _is_candidate(trigger: "Token", event_type: str, participants: list[str],
                  found: list[tuple["Token", str]], ctx: DocContext) -> bool:
    """Whether the trigger's arguments make it an event: the roles its type needs, a spacecraft for
    "fly"/"carry", and not the object of a suspension ("suspending Soyuz launches")."""
    if trigger.lemma_.lower() in ctx.lexicon.event_needs_craft:
        if not any(ctx.type_of(p) == "Spacecraft" for p in participants):
            return False
    return _has_required_roles(event_type, participants, ctx) and not _is_object_of_trigger(trigger, found, ctx)


_ANAPHOR_DETERMINERS = {"the", "that", "this"}


def _join_anaphor(trigger: "Token", event_type: str, sent: "Span", events: list[Event],
                  lemmas: list[str], ctx: DocContext) -> None:
    """"The visit never took place": a definite noun trigger without participants names the last
    event of its type and trigger; it adds its sentence, and a cancellation it reports."""
    if trigger.pos_ not in _NOUN_TRIGGER_POS:
        return
    if not any(c.dep_ == "det" and c.lower_ in _ANAPHOR_DETERMINERS for c in trigger.children):
        return
    lemma = trigger.lemma_.lower()
    index = next((i for i in range(len(events) - 1, -1, -1)
                  if events[i].type == event_type and lemmas[i] == lemma), None)
    status = _status(trigger, event_type, sent, ctx)
    if index is None or status is None:
        return
    ev = events[index]
    if status == "canceled" and ev.status != "canceled":
        label = _label(ev.type, lemma, list(ev.participants), "canceled", ctx)
        ev = replace(ev, status="canceled", label=label)
    seen = {e.start for e in ev.evidence}
    new = ctx.evidence(sent)
    events[index] = ev if new.start in seen else replace(ev, evidence=ev.evidence + (new,))


def _keep_undated(status: Status, participants: list[str], ctx: DocContext) -> bool:
    """An undated event stays on record when it is a plan or a cancellation of someone named
    ("Bakanov will tour the Johnson Space Center")."""
    return status != "happened" and any(ctx.type_of(p) in {"Person", "Agency", "Spacecraft"} for p in participants)


def _merge(events: list[Event]) -> list[Event]:
    """Event coreference within a document: a mention of the same type and status, with a compatible
    date and a shared participant, joins the first mention of that event, which keeps every sentence."""
    merged: list[Event] = []
    for ev in events:
        for i, other in enumerate(merged):
            if _same_event(other, ev):
                merged[i] = _joined(other, ev)
                break
        else:
            merged.append(ev)
    return merged


def _same_event(a: Event, b: Event) -> bool:
    if a.type != b.type or a.status != b.status:
        return False
    if not set(a.participants) & set(b.participants):
        return False
    if a.date is None or b.date is None:
        return a.date is None and b.date is None
    return a.date.overlaps(b.date) and (a.date.precision != b.date.precision or a.date == b.date)


def _finer(a: DateValue | None, b: DateValue | None) -> DateValue | None:
    if a is None or b is None:
        return a or b
    order = ("year", "month", "day")
    return b if order.index(b.precision) > order.index(a.precision) else a


def _joined(a: Event, b: Event) -> Event:
    parts = a.participants + tuple(p for p in b.participants if p not in a.participants)
    seen = {e.start for e in a.evidence}
    evidence = a.evidence + tuple(e for e in b.evidence if e.start not in seen)
    return Event(a.type, a.label, _finer(a.date, b.date), a.place or b.place, parts, a.status, evidence)
