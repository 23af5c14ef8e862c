"""Events from trigger words: type, date, place, participants, status and label of each.

A trigger (a spaCy pattern of ``kg/data/events.yaml`` ``triggers``, compiled once by
:func:`kg.extract.event_rules.match_triggers`: "met", "lifted off", "signed an agreement", "the talks",
"the hatch came open"...) opens an event; its participants are the people, agencies and spacecraft in the trigger's clause (an
event nobody named takes part in is background and dropped), its place the facility, place or country
after "in/at/from/near", its date the date expression attached to it (:mod:`kg.extract.event_dates`:
the narrative's year, "the same day", "ten days after that", never another trigger's date or a "since"
duration) resolved against the publication date with the clause's tense (plans look ahead, past verbs
back; a 1975 date in a 2025 article is a 1975 event), and its status comes from :func:`kg.extract.status.event_status` (cue words, modality, negation,
and the date against the publication date; some cues mean there was no event at all). Undated plans and
cancellations are kept. Rules beyond the trigger lists (roles a type needs, retyping, labels) are data in
``kg/data/events.yaml`` (:mod:`kg.extract.event_rules`). Mentions of one event in a document — same type
and status, compatible dates, a shared participant, or a definite noun ("the visit") naming the last such
event — merge into one event that keeps every evidence sentence. Labels read like timeline entries
("Meeting of Sean Duffy and Dmitry Bakanov", "Planned launch of Crew-11").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from itertools import islice, takewhile
from typing import TYPE_CHECKING, Mapping, Sequence

from kg.extract.context import DocContext
from kg.extract.event_dates import (
    BEFORE_OR_AFTER,
    Narrative,
    Owners,
    date_owners,
    describing_verbs,
    event_date,
    infinitive_to,
    mention_span,
    offset_from_main,
    years_from_main,
    sentence_dates,
    shifted,
)
from kg.extract.event_rules import EventRules, load_event_rules, match_triggers
from kg.extract.paragraphs import is_heading, paragraph_breaks
from kg.extract.resolve import carries_word
from kg.extract.status import event_status
from kg.extract.syntax import PERSON_LABELS, PERSON_POSSESSIVES, PERSON_PRONOUNS, clause_verb, governing_verb
from kg.lexicon import load_lexicon
from kg.model import DateValue, Event, Evidence, Position
from kg.nlp import doc_text
from kg.schema import CRAFT_TYPES, Status
from kg.temporal.expressions import CALENDAR_WORDS, WEEKDAYS, DateMention, Tense, number_value

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

PARTICIPANT_TYPES = {"Person", "Agency", "Spacecraft"}
PLACE_TYPES = ("Facility", "Place", "Country")
_PLACE_PREPS = {"in", "at", "from", "near", "outside", "over", "into", "to"}
_NOUN_TRIGGER_POS = {"NOUN", "PROPN"}
_STATEMENT = "Announcement"  # the event type of a statement


def _is_filtered_trigger(token: "Token", event_type: str, ctx: DocContext) -> bool:
    """A matched trigger word that opens no event: part of a name, a noun after a background
    preposition ("two days after launch"), a noun modifier ("docking port", "the retired
    astronaut"), a kind compared with ("as long as a normal tour"), or a negated verb that is not a
    cancellation ("did not meet again until 1995"; "will not take place" is one)."""
    is_noun = token.pos_ in _NOUN_TRIGGER_POS
    return (
        ctx.mention_at(token) is not None
        or (is_noun and token.dep_ == "pobj" and token.head.lower_ in ctx.lexicon.background_preps
            and not any(c.dep_ == "poss" for c in token.children)  # "before their launch" is one
            and not _names_and_dates_itself(token, ctx))  # "since the loss of Challenger in January 1986" too
        or (is_noun and token.dep_ in {"compound", "amod"} and token.head.lower_ not in _cues(ctx).misparsed_participles)
        or _describes_a_noun(token)
        or (token.pos_ == "VERB" and _negated_past(token))
        or _excluded_by_dependents(token, event_type, ctx)
        or _goes_somewhere_on_earth(token, event_type, ctx)
        or _is_generic_plural(token, ctx)
        or _compared_with(token)
        or _is_present_state(token)
        or _lacks_person_argument(token, ctx)
        or _no_office_holder_left(token, event_type, ctx)
        or _carries_nobody(token, ctx)
        or _wrong_subject(token, ctx)
        or _in_quotation(token, ctx)
    )


_QUOTATION_WORDS = 4
"""Fewest words between quote marks that make a quotation, not a name in scare quotes ("seat swap")."""


def _describes_a_noun(verb: "Token") -> bool:
    """"the retired astronaut", "a docked ship": a participle inside a noun phrase, after its
    determiner (not "Russia annexed Crimea", which the parser may also read as a modifier)."""
    head = verb.head
    return (verb.pos_ == "VERB" and verb.dep_ == "amod" and verb.i < head.i
            and any(c.dep_ == "det" and c.i < verb.i for c in head.children))


def _names_and_dates_itself(noun: "Token", ctx: DocContext) -> bool:
    """Whether an event noun's own phrase names who took part and when ("the loss of Challenger in
    January 1986"): an event told in passing, not one the text refers back to."""
    phrase = _phrase(noun)
    return any(t.ent_type_ == "DATE" for t in phrase) and any(ctx.mention_at(t) is not None for t in phrase)


def _in_quotation(token: "Token", ctx: DocContext) -> bool:
    """"We have reached an understanding," a spokesman said: what a speaker says is a quote (kg.extract.quotes),
    whose "we" and "the station" are the speaker's, not an event told by the text."""
    return any(span.open < token.idx < span.close and len(ctx.text[span.open + 1:span.close].split()) >= _QUOTATION_WORDS
               for span in ctx.quoted)


def _is_present_state(token: "Token") -> bool:
    """"The Crew Dragon that is docked there now": a present passive is a state, not an event."""
    return token.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ in {"VBZ", "VBP"} for c in token.children)


def _is_generic_plural(token: "Token", ctx: DocContext) -> bool:
    """"Seven shuttle visits", "a series of launches": a kind of event, not one (``generic_plural_markers``);
    but "three spacewalks, on Saturday, Monday and Wednesday" are three (``_listed_dates``)."""
    if token.tag_ not in {"NNS", "NNPS"}:
        return False
    count = _counted(token)
    if count and _listed_dates(token, count, sentence_dates(token.sent, "unknown", Narrative(), ctx.published)[0]):
        return False
    markers = _cues(ctx).generic_plural_markers
    if any((c.dep_ == "nummod" and ctx.mention_at(c) is None) or c.lower_ in markers for c in token.children):
        return True  # not "Soyuz MS-23 docks on Feb. 22", a verb the parser took for a plural noun
    return token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in markers


_COMPARISON_PREPS = frozenset({"as", "than", "like"})
_INDEFINITE = frozenset({"a", "an", "any"})


def _compared_with(noun: "Token") -> bool:
    """An indefinite event noun a thing is compared with ("twice as long as a normal tour", "longer
    than a typical flight", "like any launch"): a kind of event, not one."""
    return (noun.dep_ == "pobj" and noun.head.lower_ in _COMPARISON_PREPS
            and any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in noun.children))


_LIST_GAP = re.compile(r"(?:\s|,|\bon\b|\band\b)*")
"""What stands between a counted noun and its dates, and between the dates: ", on", ", ", " and "."""


def _counted(trigger: "Token") -> int | None:
    """How many a plural trigger counts ("three spacewalks": 3), if two or more."""
    count = next((number_value(c.text) for c in trigger.children if c.dep_ == "nummod"), None)
    return count if count is not None and count >= 2 else None


def _listed_dates(trigger: "Token", count: int, mentions: list) -> list:
    """The dates listed right after a trigger that counts ``count`` events, one per event ("three
    spacewalks, on Saturday, Monday and Wednesday"); none unless they are as many as it counts."""
    text, position = trigger.sent.text, trigger.idx + len(trigger) - trigger.sent.start_char
    listed = []
    for m in mentions:
        if m.start < position:
            continue
        if not _LIST_GAP.fullmatch(text, position, m.start):
            break
        listed.append(m)
        position = m.end
    return listed if len(listed) == count else []


def _lacks_person_argument(token: "Token", ctx: DocContext) -> bool:
    """"The agreement replaces one signed in 1972": an appointing verb with no person as subject or
    object (``person_argument``)."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in _cues(ctx).person_argument:
        return False
    deps = {"nsubjpass", "dobj", "oprd"} if token.lemma_.lower() in _cues(ctx).person_object else {"nsubj", "nsubjpass", "dobj", "oprd"}
    args = [_antecedent(c) for c in token.children if c.dep_ in deps]
    if any(a.lower_ in PERSON_PRONOUNS and a.dep_ in {"dobj", "nsubjpass"} for a in args):
        return False  # "signed the order appointing him" (not "he would appoint a board")
    if token.lemma_.lower() in _REPLACING and any(c.dep_ == "dobj" and _names_a_thing(c, ctx) for c in token.children):
        return True  # "Reyes and Lebedev replaced a pump": the object is a thing, whoever replaces it
    posts = [c for c in token.children if c.dep_ in {"dobj", "oprd"}]  # "appointed [Yury Borisov] head of Roscosmos", as parsed
    # "named the American astronaut Scott Kelly": the name in apposition to its title
    args += [g for post in posts for g in post.children if g.dep_ in {"compound", "appos"}]
    people = (ctx.mention_at(a) for a in args)  # "Ostapenko, who was appointed head of Roscosmos"
    return not any(m is not None and ctx.type_of(m.key) == "Person" for m in people)


_REPLACING = frozenset({"replace", "succeed"})
"""Appointing verbs that also take things as objects ("replaced a pump"; "named his cabinet" still
names people)."""


def _names_a_thing(noun: "Token", ctx: DocContext) -> bool:
    """Whether an object is a common noun that is neither a post nor anyone's: "a pump", "the
    station" (not "the ailing administrator", "him", "Kelly")."""
    lex = ctx.lexicon
    words = {t.lower_ for t in noun.subtree}  # the noun's own word among them
    return noun.pos_ == "NOUN" and not words & (lex.title_heads | lex.corps_titles) \
        and not any((m := ctx.mention_at(t)) is not None and ctx.type_of(m.key) == "Person" for t in noun.subtree)


def _no_office_holder_left(token: "Token", event_type: str, ctx: DocContext) -> bool:
    """"Foale is to take over from Linenger", "they will relieve Dezhurov": a crew's relief, no change
    of post; only someone who held a post (in the gazetteer) is taken over from or relieved in a
    change of post (``office_holder_needed``)."""
    if f"{token.lemma_.lower()}/{event_type}" not in _cues(ctx).office_holder_needed:
        return False
    left = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children if g.dep_ == "pobj"]
    left += [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
    people = [m for t in left if (m := ctx.mention_at(t)) is not None and ctx.type_of(m.key) == "Person"]
    return bool(people) and not any(_held_a_post(m.key, ctx) for m in people)


def _held_a_post(key: str, ctx: DocContext) -> bool:
    """Whether the gazetteer knows a post the person held."""
    entry_id = ctx.entities[key].gazetteer_id
    entry = ctx.gazetteer.get(entry_id) if entry_id is not None else None
    return entry is not None and bool(entry.positions)


def _wrong_subject(token: "Token", ctx: DocContext) -> bool:
    """"that plan collapsed": a verb whose subject must name one of ``subject_types`` and does not."""
    types = _cues(ctx).subject_types.get(token.lemma_.lower())
    if token.pos_ != "VERB" or types is None:
        return False
    subject = _subject_of(token)
    found = ctx.mention_at(subject) if subject is not None else None
    return found is None or ctx.type_of(found.key) not in types


def _carries_nobody(token: "Token", ctx: DocContext) -> bool:
    """"it was carrying a piece of Russian hardware": a carrying verb whose object names no person
    or craft (``carried_argument``), or that only describes a craft ("a capsule carrying three men
    docked")."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in _cues(ctx).carried_argument:
        return False
    if token.dep_ == "acl" and token.tag_ == "VBG":
        return True  # "an Apollo capsule carrying Stafford, Brand and Slayton docked": who was aboard
    if token.dep_ == "advcl" and token.tag_ == "VBG" and token.head.lemma_.lower() in _cues(ctx).aboard_verbs:
        return True  # "latched onto the station early today, carrying two cosmonauts": who was aboard
    objects = [g for c in token.children if c.dep_ == "dobj" for g in _phrase(c)]  # "the U.S.-built Unity node"
    found = (ctx.mention_at(o) for o in objects)
    return not any(m is not None and ctx.type_of(m.key) in {"Person", "Spacecraft"} for m in found)


def _phrase(noun: "Token") -> list["Token"]:
    """The words of a noun phrase without the clauses in it: "a module that the crew will leave bolted
    to the station" is a module, not the station."""
    return [noun, *(g for c in noun.children if c.dep_ not in {"relcl", "acl"} for g in _phrase(c))]


def _excluded_by_dependents(token: "Token", event_type: str, ctx: DocContext) -> bool:
    """"Flew around the station", "carry the crew home", "told reporters" (``excluded_with``, by
    lemma and type, else by lemma); "called Rogozin a showman" (``excluded_relations``)."""
    lemma, excluded = token.lemma_.lower(), _cues(ctx).excluded_with
    relations = _cues(ctx).excluded_relations.get(f"{lemma}/{event_type}", frozenset())
    if any(c.dep_ in relations for c in token.children):
        return True  # "called Rogozin a showman"
    words = excluded.get(f"{lemma}/{event_type}", excluded.get(lemma))
    if not words:
        return False
    near = [*token.children, *(g for c in token.children if c.dep_ in {"prep", "dobj", "dative"} for g in c.children)]
    return any(t.lower_ in words and not _not_a_where(t) for t in near)


def _not_a_where(preposition: "Token") -> bool:
    """A preposition whose object is someone's ("flew in April 2001, over NASA's objections"): it says
    nothing of where the trigger went."""
    objects = [c for c in preposition.children if c.dep_ == "pobj"]
    return preposition.dep_ == "prep" and bool(objects) and all(
        any(c.dep_ == "poss" for c in o.children) for o in objects)


def _goes_somewhere_on_earth(token: "Token", event_type: str, ctx: DocContext) -> bool:
    """"The group flew to Downey, California", "flew to Baikonur": where it goes "to" is a place on
    Earth (``earthbound_destinations``), so the trip is no launch."""
    types = _cues(ctx).earthbound_destinations.get(f"{token.lemma_.lower()}/{event_type}")
    if not types:
        return False
    places = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]

    def kind(place: "Token") -> str:  # the entity's type, else the NER's label ("Downey": GPE)
        found = ctx.mention_at(place)
        return ctx.type_of(found.key) if found is not None else place.ent_type_

    return any(kind(place) in types for place in places)


def _negated_past(verb: "Token") -> bool:
    children = list(verb.children)
    return any(c.dep_ == "neg" for c in children) and not any(c.lower_ in {"would", "will"} for c in children)


def _triggers(sent: "Span", matched: dict[int, str], ctx: DocContext) -> list[tuple["Token", str]]:
    """The trigger words of the sentence (``kg/data/events.yaml`` patterns) with their event types;
    none in a question ("Would you fly in a Soyuz tomorrow?"), which asks and tells no event."""
    if _is_question(sent):
        return []
    return [(t, matched[t.i]) for t in sent if t.i in matched and not _is_filtered_trigger(t, matched[t.i], ctx)
            and not (matched[t.i] == "Launch" and _is_return(t, ctx))]


def _is_question(sent: "Span") -> bool:
    """Whether the sentence ends in a question mark (before closing quotes, brackets or emphasis)."""
    last = next((t for t in reversed(sent) if not (t.is_space or t.is_quote or t.text in {")", "*"})), None)
    return last is not None and last.text.endswith("?")


def _is_return(token: "Token", ctx: DocContext) -> bool:
    """"carry the crew home", "flew back": a launch trigger with a ``return_words`` dependent after it
    (not "Back in 1998, a Proton rocket launched Zarya")."""
    return any(c.lower_ in _cues(ctx).return_words and c.i > token.i for c in token.children)


def _clause(token: "Token", sent: "Span", ctx: DocContext) -> tuple[int, int]:
    """Token range of the trigger's clause: a verb's subtree, or for a noun trigger (or an adjective,
    "due home") the subtree of the verb it hangs from; a verb without its own subject ("was to
    leave", "lifted off and docked", "are to make a spacewalk") takes the subject of the nearest verb
    above it; someone's event named inside another noun's phrase is its own phrase ("Soyuz TMA-21,
    named in honor of Gagarin's flight of April 12, 1961": Gagarin's, not the Soyuz's)."""
    if _owned_in_a_noun_phrase(token, ctx):
        return token.left_edge.i, token.right_edge.i + 1
    verb = token
    if token.pos_ in _NOUN_TRIGGER_POS or token.dep_ == "acomp":
        while verb.dep_ not in {"ROOT"} and verb.head.pos_ not in {"VERB", "AUX"} and verb.head != verb:
            verb = verb.head
        verb = verb.head if verb.dep_ != "ROOT" else verb
    sub = _own_clause(verb, ctx, of_noun=verb is not token)
    if verb.pos_ in {"VERB", "AUX"} and not any(
            c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ not in _RELATIVE_PRONOUNS for c in verb.children):
        # "O'Keefe, who resigned in February": the named antecedent, not the main clause's subject
        subject = None if _named_relative_subject(verb, ctx) else _inherited_subject(verb)
        if subject is not None:
            sub.extend(subject.subtree)
        if verb == token:
            sub.extend(_modified_noun(token))
    elif verb == token and verb.dep_ == "relcl" and any(
            c.dep_ in {"dobj", "nsubjpass"} and c.lower_ in _RELATIVE_OBJECTS for c in verb.children):
        sub.extend(_modified_noun(token))  # "Jim Bridenstine, whom Trump nominated in September"
    if verb == token and verb.dep_ == "relcl":
        # "Ostapenko, a former commander of the space forces who was appointed ...": the person "who" stands for
        sub.extend(t for c in _relative_who(verb) for t in _conjoined_people(_antecedent(c)))
    words = [t for t in sub if not t.is_punct] or sub  # the final period does not stretch the clause over the rest
    start = max(min(t.i for t in words), sent.start)
    end = min(max(t.i for t in words) + 1, sent.end)
    return start, end


def _relative_who(verb: "Token") -> list["Token"]:
    """The "who"/"whom" of a relative clause, also when the parser hangs it on an auxiliary
    ("Popovkin, who had himself taken over from Perminov": "who" under "had")."""
    return [c for c in (*verb.children, *(g for a in verb.children if a.dep_ == "aux" for g in a.children))
            if c.lower_ in {"who", "whom"}]


def _owned_in_a_noun_phrase(noun: "Token", ctx: DocContext) -> bool:
    """Whether an event noun with a named possessor is the object of a preposition that modifies
    another noun ("in honor of Gagarin's flight"), not a verb."""
    return (noun.pos_ in _NOUN_TRIGGER_POS and noun.dep_ == "pobj" and noun.head.head.pos_ in _NOUN_TRIGGER_POS
            and any(c.dep_ == "poss" and ctx.mention_at(c) is not None for c in noun.children))


_RELATIVE_PRONOUNS = {"who", "which", "that"}  # "Rogozin, a politician who took over the agency"


def _named_relative_subject(verb: "Token", ctx: DocContext) -> bool:
    """Whether a relative clause's subject stands for a name ("Sean O'Keefe, who resigned"), not for a
    noun that names nobody ("two cosmonauts who arrived", "a visit that ended with its landing")."""
    return verb.dep_ == "relcl" and any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in _RELATIVE_PRONOUNS
                                        and ctx.mention_at(_antecedent(c)) is not None for c in verb.children)
_RELATIVE_OBJECTS = {"whom", "which", "that"}  # "Bridenstine, whom Trump nominated"


_CONTRAST = {"but", "yet"}


def _own_clause(verb: "Token", ctx: DocContext, *, of_noun: bool = False) -> list["Token"]:
    """The verb's subtree without the clauses coordinated with it or telling when that have a subject
    of their own ("Apollo 16 returned last month, and NASA has one more landing on its schedule,
    Apollo 17"), unless only those name anyone ("the hatches were opened, and Hurley was greeted by
    Cassidy"); for the verb of a noun trigger (``of_noun``), never a clause telling when."""
    other = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}
             and any(g.dep_ in {"nsubj", "nsubjpass", "expl"} for g in c.children)]
    timed = {t.i for c in verb.subtree if c != verb and (c.head == verb or c.dep_ == "relcl") and _is_time_clause(c)
             for t in c.subtree}  # "comes two weeks after Carpenter flew", "on STS-88, when the crew joined Unity"
    left_out = {t.i for c in other for t in c.subtree} | timed
    own = [t for t in verb.subtree if t.i not in left_out]
    contrast = any(c.dep_ == "cc" and c.lower_ in _CONTRAST for c in verb.children)  # "renewed in 1977, but Reagan declined"
    if contrast or any(ctx.mention_at(t) is not None for t in own):
        return own
    if of_noun:  # "Today's agreement comes two weeks after Carpenter flew": not Carpenter's
        return [t for t in verb.subtree if t.i not in timed]
    return list(verb.subtree)  # "had been signed on Thursday, a day before NASA announced it"


_TIME_MARKS = frozenset({"after", "before", "when", "while", "since", "until", "till", "once", "as"})


def _is_time_clause(clause: "Token") -> bool:
    """An adverbial clause with a subject of its own, opened by a time word ("after Carpenter flew
    three orbits", "when Atlantis docked", "on STS-88, when the crew joined Unity to Zarya"):
    another event's, whose names are not this one's."""
    if clause.dep_ == "relcl" and clause.head.ent_type_ == "DATE":
        return False  # "planned for late September, when the crew is to lift off": the same time, the same event
    opened = any(c.dep_ in {"mark", "advmod"} and c.lower_ in _TIME_MARKS for c in clause.children)
    return (clause.dep_ in {"advcl", "relcl"} and opened
            and any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children))


def _inherited_subject(verb: "Token") -> "Token | None":
    """The subject of the nearest verb above that has one: "was to leave", "lifted off and docked",
    "will stay aloft and is due to splash down" (through "is", then "stay"); the object of a verb such
    as "nominate" for its infinitive ("nominated her to succeed Lanin": her)."""
    if verb.dep_ in {"xcomp", "advcl"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
            and verb.head.lemma_.lower() in load_lexicon().object_control_verbs:
        controller = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
        if controller is not None:
            return controller
    if verb.dep_ == "amod" and verb.tag_ == "VBD" and verb.i > 0 and verb.doc[verb.i - 1].pos_ in {"NOUN", "PROPN"}:
        return verb.doc[verb.i - 1]  # "after Russia annexed Crimea" parsed as "Russia (annexed Crimea)": Russia
    node = verb
    for _ in range(4):
        if node.head == node:
            return None
        node = node.head
        subject = _subject_of(node)
        if subject is not None:
            return subject
        if node.pos_ in {"VERB", "AUX"} and node.dep_ not in {"conj", "xcomp", "advcl", "ccomp", "pcomp", "acomp"} \
                and not _ordinal_infinitive(node):  # "the first person to leave a spacecraft and float in open space"
            return None
    return None


def _modified_noun(verb: "Token") -> list["Token"]:
    """"Soyuz MS-22, a Russian spacecraft set to launch ...": the noun a verb's clause modifies
    (through "set to", "scheduled to"), with the name it stands in apposition to — also when the
    parser hangs "a Russian spacecraft" apart from the name before its comma."""
    node = verb
    for _ in range(4):
        if node.dep_ in {"acl", "relcl"} or (node.dep_ in {"xcomp", "advcl"} and node.head.dep_ in {"acl", "relcl"}):
            noun = node.head if node.dep_ in {"acl", "relcl"} else node.head.head
            out = [*noun.lefts, noun]
            if noun.dep_ == "appos":
                out += [*noun.head.lefts, noun.head]
            left = noun.left_edge.i
            if left >= 2 and noun.doc[left - 1].text == ",":
                out.append(noun.doc[left - 2])
            return out
        node = node.head
    return []


_MODAL_DEPS = {"aux", "auxpass", "neg", "amod", "advmod", "prt", "acomp"}
_CHAIN_DEPS = {"xcomp", "ccomp", "acl", "relcl", "conj", "pcomp", "advcl"}


def _status_tokens(trigger: "Token", occasions: frozenset[str] = frozenset()) -> list["Token"]:
    """The words that carry the trigger's modality: the trigger, the verbs it depends on through
    "to"-complements ("is scheduled to launch", "plans to sign"), and their auxiliaries, negations
    and modifiers — not the words of other clauses ("met ... to discuss how they will run it")."""
    chain = [trigger]
    node = trigger
    while _chain_continues(node, occasions) and not _ordinal_infinitive(node):
        node = governing_verb(node.head) if _when_of_a_date(node) else node.head
        chain.append(node)
        if node.pos_ in {"VERB", "AUX"} and node.dep_ not in {"xcomp", "acl"}:
            break
    if trigger.pos_ in _NOUN_TRIGGER_POS:  # "their launch, set for Thursday"
        chain += describing_verbs(trigger)
    if _verb_parsed_as_noun(trigger):  # "is to undock on Tuesday and land in Florida"
        return sorted(set(chain) | set(_status_tokens(governing_verb(trigger), occasions)), key=lambda t: t.i)
    out = []
    for t in chain:
        out.append(t)
        out.extend(c for c in t.children if c.dep_ in _MODAL_DEPS)
        out.extend(gc for c in t.children if c.dep_ == "aux" for gc in c.children if gc.dep_ == "aux")
    out += _shared_modals(chain[-1])
    return sorted(set(out), key=lambda t: t.i)


def _shared_modals(verb: "Token") -> list["Token"]:
    """The modal of the verb ``verb`` is coordinated with, when it has no auxiliary of its own: "would
    go home on Saturday rather than stay on for the launch" (the staying is as hypothetical)."""
    if verb.pos_ != "VERB" or verb.dep_ != "conj" or any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
        return []
    return [c for c in verb.head.children if c.dep_ == "aux" and c.tag_ == "MD"]


def _verb_parsed_as_noun(token: "Token") -> bool:
    """"Atlantis is to undock on Tuesday and land in Florida": a bare trigger noun coordinated by
    "and" with a noun inside a verb's phrase is (the parser's mistake) a second verb of that verb's
    subject, with its modality."""
    return (token.pos_ == "NOUN" and token.dep_ == "conj" and token.i > 0
            and token.doc[token.i - 1].lower_ in {"and", "or", "then"}
            and not any(c.dep_ in {"det", "poss", "amod", "compound", "nummod"} for c in token.children)
            and token.head.dep_ == "pobj")


def _present_verb_parsed_as_noun(token: "Token", ctx: DocContext) -> bool:
    """"Soyuz MS-23 docks on Feb. 22", "Then MS-22 undocks and lands empty": a plural trigger noun at
    the root of its sentence, the name before it taken for its modifier, is (the parser's mistake)
    a verb in the present, told of its subject."""
    return (token.tag_ == "NNS" and token.dep_ == "ROOT"
            and any(c.dep_ in {"nummod", "compound"} and ctx.mention_at(c) is not None and c.i < token.i
                    for c in token.children))


_ORDINALS = {"first", "last", "only", "second", "third", "fourth", "fifth"}


def _ordinal_infinitive(verb: "Token") -> bool:
    """"the first man to walk in space", "among the first people to enter the station": an
    infinitive after an ordinal tells who did it first, not a plan."""
    to = infinitive_to(verb)
    return to is not None and any(t.lower_ in _ORDINALS for t in verb.doc[max(to.i - 3, 0):to.i])


_TIMING_PREPS = {"for", "before", "after", "until", "till", "ahead"}  # not "under an agreement"


def _chain_continues(node: "Token", occasions: frozenset[str] = frozenset()) -> bool:
    """Whether the modality of ``node`` is carried by its head: "is scheduled to launch", "plans
    to sign", "a treaty to be signed", "scheduled for launch", "plans to meet them before their
    launch", "is to speak at a news conference" (an ``occasions`` noun after "at")."""
    if node.head == node or _done_participle(node):
        return False
    if node.dep_ in {"advcl", "ccomp"}:  # "a spacecraft set to launch", parsed as an adverbial clause
        return infinitive_to(node) is not None or _bare_participle(node)
    if node.dep_ == "conj":  # "will undock on Sunday and land on Tuesday", "is due to undock and to land"
        infinitive = infinitive_to(node) is not None
        return node.pos_ == "VERB" and (node.head.pos_ == "VERB" or (infinitive and node.head.pos_ == "AUX"))
    if node.dep_ == "prep" and node.lower_ == "at":
        return any(c.dep_ == "pobj" and c.lemma_.lower() in occasions for c in node.children)
    if _when_of_a_date(node):
        return True
    if node.dep_ == "prep" and node.lower_ == "to" and node.head.lower_ == "due":
        return True  # "Atlantis is due to undock", parsed as "due to" and a noun
    return node.dep_ in {"xcomp", "acl", "pobj", "nsubj", "nsubjpass", "dobj", "attr", "pcomp", "acomp"} or (
        node.dep_ == "prep" and node.lower_ in _TIMING_PREPS)


def _done_participle(node: "Token") -> bool:
    """"The module, launched by a Proton rocket on March 14, will dock next week": a past
    participle with no auxiliary of its own that describes a noun tells what was done to it, not
    what the clause of that noun plans (not "a treaty to be signed")."""
    return node.dep_ == "acl" and node.tag_ == "VBN" and not any(c.dep_ in {"aux", "auxpass"} for c in node.children)


def _bare_participle(node: "Token") -> bool:
    """"Dyson would replace her, launching in March on Soyuz MS-25": a present participle with no
    subject, auxiliary or conjunction of its own tells what its clause's subject does then, as
    that clause tells it (not "while orbiting Earth", "with Kelly watching")."""
    return node.dep_ == "advcl" and node.tag_ == "VBG" and not any(
        c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "mark"} for c in node.children)


def _when_of_a_date(node: "Token") -> bool:
    """Whether ``node`` heads a "when" clause on a date ("is to take command in November, when the
    three return to Earth"): it happens at the time of the clause the date belongs to, with its modality."""
    return node.dep_ == "relcl" and node.head.ent_type_ == "DATE" and any(
        c.dep_ == "advmod" and c.lower_ == "when" for c in node.children)


_BEFORE_WINDOW = 4  # words before a trigger that may say there was no event ("passed without an")


def _cues(ctx: DocContext) -> EventRules:
    return load_event_rules(ctx.lexicon.planned_cues, ctx.lexicon.canceled_cues)


def _words_before(trigger: "Token", sent: "Span") -> str:
    """The few words before the trigger, and the prepositions that lead a noun trigger's phrase
    from further away ("went on without the backing of a government-to-government treaty")."""
    start = max(sent.start, trigger.i - _BEFORE_WINDOW)
    words = [t.lower_ for t in trigger.doc[start:trigger.i]]
    if trigger.dep_ in {"acl", "xcomp"} and trigger.head.pos_ == "NOUN" and infinitive_to(trigger) is not None:
        words += [trigger.head.lower_, "to"]  # "the failure of the Soyuz 15 crew to link up": "failure to"
    if trigger.pos_ in _NOUN_TRIGGER_POS:
        governor = governing_verb(trigger)
        words += [a.lower_ for a in trigger.ancestors if a.dep_ == "prep" and a.i > governor.i and a.i < start]
    return " ".join(words)


def _status(trigger: "Token", event_type: str, sent: "Span", ctx: DocContext,
            when: DateValue | None = None) -> Status | None:
    """The event's status from its clause and date (:func:`kg.extract.status.event_status`); ``None``: no event."""
    if _is_stopped_attempt(trigger, ctx):
        return "canceled"  # "the countdown was halted"
    chain = " ".join(t.lower_ for t in _status_tokens(trigger, _cues(ctx).occasion_nouns))
    if _in_future_time_clause(trigger) or _for_to_clause(trigger):
        chain += " will"  # "before the Soyuz arrives", "arranged for a cosmonaut to fly": looking ahead
    return event_status(before=_words_before(trigger, sent), chain=chain, cues=_cues(ctx),
                        event_type=event_type, when=when, published=ctx.published)


def _is_stopped_attempt(trigger: "Token", ctx: DocContext) -> bool:
    """A trigger that is always an attempt that did not happen (``stopped_attempts``: "the countdown
    was halted")."""
    return trigger.lemma_.lower() in _cues(ctx).stopped_attempts


def _for_to_clause(trigger: "Token") -> bool:
    """"arranged for a cosmonaut to fly on the shuttle": an infinitive with a subject of its own
    after "for" says what is to happen, not what happened."""
    if infinitive_to(trigger) is None:
        return False
    marked = any(c.dep_ == "mark" and c.lower_ == "for" for c in trigger.children)
    after_for = trigger.dep_ in {"advcl", "xcomp"} and any(  # parsed as "arranged [for Marchenko] [to fly]"
        c.dep_ == "prep" and c.lower_ == "for" and c.i < trigger.i for c in trigger.head.children)
    return marked or after_for


def _in_future_time_clause(trigger: "Token") -> bool:
    """"... less than a day before the Soyuz arrives", "when it lifts off on Oct. 28": a present-tense
    verb in a time clause."""
    if trigger.tag_ not in {"VBZ", "VBP"}:
        return False
    marks = {"mark", "advmod"} if trigger.dep_ == "advcl" else {"mark"}  # not "When do the capsules fly?"
    return any(c.dep_ in marks and c.lower_ in _TIME_MARKS for c in trigger.children)


def _has_required_roles(event_type: str, participants: list[str], ctx: DocContext) -> bool:
    """Whether a participant fills the role the type cannot do without (``required_participant``)
    and there are as many participants as the type needs (``min_participants``)."""
    rules = _cues(ctx)
    needed = rules.required_participant.get(event_type)
    if len(participants) < rules.min_participants.get(event_type, 1):
        return False
    return needed is None or any(ctx.type_of(p) in needed for p in participants)


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
    if any(ctx.type_of(p) in CRAFT_TYPES for p in participants):
        return retyped
    if place is None and _craft_noun_just_before(trigger, rules.craft_nouns) and not _official_subject(trigger, ctx):
        return retyped  # "crews already share the station. Three cosmonauts arrived in March" (not "Gore, who arrived")
    if place is None and _spacefarers_subject(trigger, ctx):
        return retyped  # "two cosmonauts who arrived in early August": aboard, where else
    return event_type


def _official_subject(verb: "Token", ctx: DocContext) -> bool:
    """Whether the verb's subject is someone who held a post in the gazetteer ("Gore, who arrived on
    Tuesday"): an official arrives on Earth."""
    subject = _subject_of(verb)
    found = ctx.mention_at(_antecedent(subject)) if subject is not None else None
    return found is not None and ctx.type_of(found.key) == "Person" and _held_a_post(found.key, ctx)


def _spacefarers_subject(verb: "Token", ctx: DocContext) -> bool:
    """Whether the verb's subject is a word for spacefarers ("two cosmonauts who arrived", "the crew
    arrived"), through a relative "who" to the noun it follows."""
    subject = _subject_of(verb)
    subject = _antecedent(subject) if subject is not None else None
    return subject is not None and (subject.lemma_.lower() in ctx.lexicon.corps_titles or subject.lemma_.lower() == "crew")


def _craft_noun_just_before(trigger: "Token", craft_nouns: frozenset[str]) -> bool:
    """Whether the sentence before the trigger's, or its own words before it, name a station or craft."""
    sent = trigger.sent
    start = trigger.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    return any(t.lemma_.lower() in craft_nouns for t in trigger.doc[start:trigger.i])


def _is_object_of_trigger(token: "Token", found: list[tuple["Token", str]], ctx: DocContext) -> bool:
    """A noun trigger that is the object of a suspending or canceling trigger ("halted Soyuz launches"),
    or the thing of a trigger of another type ("signed a joint statement": ``things_of_other_events``)."""
    if token.pos_ not in _NOUN_TRIGGER_POS or token.dep_ not in {"dobj", "nsubjpass", "pobj"}:
        return False
    head = token.head if token.dep_ != "pobj" else token.head.head
    types = {t.i: event_type for t, event_type in found}
    governing, own = types.get(head.i), types.get(token.i)
    if governing in _cues(ctx).object_of_types:
        return not _is_stopped_attempt(token, ctx)  # "the countdown was halted" is the attempt
    return token.dep_ != "pobj" and own in _cues(ctx).things_of_other_events and governing not in {None, own}


def _tense(trigger: "Token", status: Status, ctx: DocContext) -> Tense:
    """Which way a date without a year points: plans look ahead, past verbs back, a present or
    "-ing" verb ("missions launching in September") ahead."""
    if status == "planned":
        # "was to lift off on March 30": a plan told in the past may have had its day either side
        past_plan = any(t.tag_ == "VBD" for t in _status_tokens(trigger, _cues(ctx).occasion_nouns))
        return "unknown" if past_plan else "future"
    if status == "canceled":
        return "unknown"  # "had been set for Sept. 22": the day given up may be either side of publication
    chain = _status_tokens(trigger, _cues(ctx).occasion_nouns)
    if any(t.tag_ in {"VBD", "VBN"} for t in chain):
        return "past"
    if _present_verb_parsed_as_noun(trigger, ctx):
        return "future"  # "Soyuz MS-23 docks automatically on Feb. 22"
    if trigger.pos_ in _NOUN_TRIGGER_POS:
        trigger = governing_verb(trigger)  # "talks run past the target as September flights near"
    if trigger.tag_ == "VBG" and trigger.dep_ == "acl":
        return "future"  # "missions launching in September"
    if trigger.tag_ in {"VBZ", "VBP"} and trigger.dep_ in {"ROOT", "conj"}:
        return "future"  # "the crew lands in March"
    return "unknown"


_SPEAKING_THINGS = frozenset({"Agency"})  # what "it said" stands for
_PRONOUN_TYPES = {
    "he": frozenset({"Person"}), "she": frozenset({"Person"}), "they": frozenset({"Person"}),
    "it": frozenset({"Spacecraft"}),
}


def _pronoun_subject(trigger: "Token", sent: "Span", ctx: DocContext) -> list[str]:
    """"They lifted off on May 30": a pronoun subject stands for the people (or, for "it", the
    spacecraft; for "it" that speaks, the agency) named last before it — for "they", all the people
    of that sentence. A statement cited "in" a clause is that clause's ("In a statement released on
    Wednesday, it said": it)."""
    verb = clause_verb(trigger)
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "in" and trigger.head.head.pos_ == "VERB":
        verb = trigger.head.head
    subject = _subject_of(verb)
    if subject is None and (verb.dep_ == "conj" or _ordinal_infinitive(verb)):
        subject = _inherited_subject(verb)  # "It fell back and came down", "he was the first to enter"
    if subject is not None and subject.lower_ in _RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
        named = ctx.mention_at(subject.head.head)  # "Leonov, who became the first man to walk in space"
        return [named.key] if named is not None and verb != subject.head else []
    if (types := _group_types(subject, ctx)) is not None:
        return _named_last(subject, types, ctx)  # "the two men shook hands", "the two agencies agreed"
    if subject is not None and ctx.mention_at(subject) is None and subject.lemma_.lower() in _cues(ctx).craft_subjects \
            and not any(ctx.mention_at(c) is not None for c in subject.children if c.dep_ in {"compound", "nmod", "nummod"}) \
            and not any(c.lower_ in ctx.lexicon.series_words for c in subject.children):
        # "the orbiter undocked", "the ships are to undock"; not "the Soyuz MS-39 capsule", "the last shuttle"
        return _craft_named_last(subject, ctx)
    if subject is None or subject.lower_ not in _PRONOUN_TYPES:
        return []
    speaker = _reporting_subject(verb, ctx)
    if speaker is not None:
        return [speaker]  # "Roscosmos said it was withdrawing its staff"
    if subject.lower_ == "it" and verb.lemma_.lower() in ctx.lexicon.speech_verbs:
        return [r.key for r in islice(ctx.mentions_before(subject.idx, _SPEAKING_THINGS), 1)]  # "Roscosmos went further. ... it said"
    return _referents(subject.lower_, subject.idx, ctx)


def _referents(pronoun: str, offset: int, ctx: DocContext, *, one_named: bool = False) -> list[str]:
    """Whom a pronoun at ``offset`` stands for: the last person (or craft, for "it") named before
    it; for "they", all the people of the sentence that named the last one (two or more, or with
    ``one_named`` the one that sentence names among others it does not)."""
    earlier = ctx.mentions_before(offset, _PRONOUN_TYPES[pronoun])  # the latest first
    last = next(earlier, None)
    if last is None:
        return []
    if pronoun != "they":
        return [last.key]
    last_sent = ctx.span_of(last).sent
    group = [last.key, *(r.key for r in takewhile(lambda r: r.mention.start >= last_sent.start_char, earlier))]
    return list(dict.fromkeys(reversed(group))) if len(set(group)) >= 2 or one_named else []


_POSSESSIVE_PRONOUNS = {"their": "they", **PERSON_POSSESSIVES}


def _subjects_owners(trigger: "Token", ctx: DocContext) -> list[str]:
    """Whom a possessive pronoun on the trigger's subject stands for: "A film crew landed on Sunday
    with Novitsky. Their Soyuz MS-18 capsule came down ...": the people of that landing."""
    verb = clause_verb(trigger)
    subject = _subject_of(verb)
    if subject is None or subject == trigger:
        return []  # "his visit would prepare the way": the visit's own owner is the clause's business
    owner = next((c for c in subject.children if c.dep_ == "poss" and c.lower_ in _POSSESSIVE_PRONOUNS), None)
    if owner is None:
        return []
    # "An actress and a director landed with Novitsky. Their capsule came down ...": the one named
    return _referents(_POSSESSIVE_PRONOUNS[owner.lower_], owner.idx, ctx, one_named=_names_a_craft(subject, ctx))


def _names_a_craft(phrase: "Token", ctx: DocContext) -> bool:
    """Whether the phrase ``phrase`` heads names a spacecraft or mission ("their Soyuz MS-18 capsule")."""
    return any((m := ctx.mention_at(t)) is not None and ctx.type_of(m.key) in CRAFT_TYPES for t in phrase.subtree)


_REPORTING = {"say", "announce", "tell", "declare", "state", "confirm", "report", "warn", "add"}


def _reporting_subject(verb: "Token", ctx: DocContext) -> str | None:
    """The named subject of the reporting verb whose complement ``verb`` is ("NASA said it would
    ..." -> NASA): the pronoun subject of a reported clause is its speaker."""
    node = verb
    while node.dep_ == "conj" and node.head != node:
        node = node.head
    if node.dep_ != "ccomp" or node.head.lemma_.lower() not in _REPORTING:
        return None
    subject = next((c for c in node.head.children if c.dep_ == "nsubj"), None)
    found = ctx.mention_at(subject) if subject is not None else None
    return found.key if found is not None and ctx.type_of(found.key) in {"Person", "Agency"} else None


def _subject_of(verb: "Token") -> "Token | None":
    return next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


def _group_types(subject: "Token | None", ctx: DocContext) -> frozenset[str] | None:
    """"the two men", "both commanders", "the two agencies", "both sides": the types of the pair a
    subject names (``group_subjects``), or ``None``."""
    if subject is None:
        return None
    words = " ".join(t.lower_ for t in subject.subtree)
    if _COUNTED_PEOPLE.match(words):
        return frozenset({"Person"})  # "The three had launched from Baikonur on Sept. 11"
    m = _GROUP_SUBJECT.match(words)
    return _cues(ctx).group_subjects.get(m["noun"]) if m else None


def _is_group(subject: "Token | None", ctx: DocContext) -> bool:
    """"the two men", "both commanders": a subject that names a pair of people the text named."""
    return _group_types(subject, ctx) == frozenset({"Person"})


_COUNTED_PEOPLE = re.compile(r"^the\s+(?:two|three|four|five|six|seven)$")
_GROUP_SUBJECT = re.compile(r"^(?:the\s+two|both(?:\s+the)?|the\s+pair\s+of)\s+(?P<noun>[a-z]+(?:\s+[a-z]+)?)$")


_FLIGHT_TYPES = {"Launch", "Docking", "Landing"}
_DAY_WORDS = frozenset(WEEKDAYS) | {"today", "yesterday", "tomorrow", "tonight"}


def _is_dated_flight_noun(trigger: "Token", event_type: str, reading: "_Reading", ctx: DocContext) -> bool:
    """"Saturday's launch", "the launch had been set for June 23", "a first launch attempt on July
    13": a flight event named by a definite or counted noun with a day of its own (a date attached
    to it)."""
    if event_type not in _FLIGHT_TYPES or trigger.pos_ not in _NOUN_TRIGGER_POS:
        return False
    if any(c.dep_ == "poss" and c.lower_ in _DAY_WORDS for c in trigger.children):
        return True
    definite = any((c.dep_ == "det" and c.lower_ in _ANAPHOR_DETERMINERS) or c.ent_type_ == "ORDINAL"
                   for c in trigger.children)
    # "the countdown was halted": of the craft told about
    return definite and (_is_stopped_attempt(trigger, ctx) or _own_date(trigger, reading, ctx) is not None)


def _craft_named_last(subject: "Token", ctx: DocContext, *, stations: bool = True) -> list[str]:
    """The spacecraft named last before "the orbiter", "the capsule" (the last two for "the ships");
    without ``stations``, not a station ("Thursday's launch" is not of Mir)."""
    if not any((c.dep_ == "det" and c.lower_ not in {"a", "an", "another"}) or c.dep_ == "poss"
               or c.ent_type_ == "ORDINAL" for c in subject.children):
        return []  # "the orbiter", "its capsule", "a first launch attempt"; not "a shuttle would have docked"
    earlier = list(ctx.mentions_before(subject.idx, frozenset({"Spacecraft"})))  # the latest first
    if not stations:
        earlier = [r for r in earlier if not carries_word(ctx.entities[r.key], ctx.gazetteer, "station")]
    anaphor = ctx.lexicon.anaphora.get(subject.lemma_.lower())
    if anaphor is not None and anaphor.words:  # "the orbiter" is a shuttle (lexicon ``anaphora``), not the station it leaves
        earlier = [r for r in earlier if any(carries_word(ctx.entities[r.key], ctx.gazetteer, w) for w in anaphor.words)]
    if subject.tag_ == "NNS":
        found = list(dict.fromkeys(r.key for r in earlier))[:2]
        one = subject.lemma_.lower() in _cues(ctx).one_craft_plurals
        return found if len(found) == 2 or one else []
    # the craft last named as a subject ("Discovery docked with Mir. The orbiter undocked"), else the last
    subjects = [r for r in earlier if (span := ctx.span_of(r)) is not None and span.root.dep_ in {"nsubj", "nsubjpass"}]
    chosen = subjects[0] if subjects else next(iter(earlier), None)
    return [chosen.key] if chosen is not None else []


def _title_holders_named(trigger: "Token", positions: Sequence[Position], ctx: DocContext) -> list[str]:
    """"the two commanders clasped hands": the last two people named before the subject who hold that
    title in the document."""
    subject = _subject_of(clause_verb(trigger))
    if not _is_group(subject, ctx):
        return []
    title = subject.lemma_.lower()
    holders = {p.person for p in positions if p.title.split()[-1].lower() == title}
    named = list(dict.fromkeys(r.key for r in ctx.mentions_before(subject.idx, frozenset({"Person"}))
                               if r.key in holders))[:2]
    return list(reversed(named)) if len(named) == 2 else []


def _named_last(subject: "Token", types: frozenset[str], ctx: DocContext) -> list[str]:
    """The entities of ``types`` named in the sentence before ``subject`` (or earlier in its own), if
    two or more."""
    earlier = list(ctx.mentions_before(subject.idx, types))  # the latest first
    by_sentence: dict[int, list[str]] = {}
    for r in earlier:
        by_sentence.setdefault(ctx.span_of(r).sent.start, []).append(r.key)
    previous = subject.doc[subject.sent.start - 1].sent.start if subject.sent.start > 0 else subject.sent.start
    for start in sorted(by_sentence, reverse=True):
        people = list(dict.fromkeys(reversed(by_sentence[start])))
        if start >= previous and len(people) >= 2:
            return people
    return []


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
_FLIGHT_ENDS = frozenset({"Launch", "Landing"})  # a craft flies to or from a station, which does not fly


_NAMES_IN_LABEL = {"Appointment": 1}  # the person appointed, not who appointed them
_OBJECT_DEPS = {"dobj", "nsubjpass", "oprd"}
_OBJECT_FIRST_TYPES = {"Appointment", "Launch"}  # who is appointed, what is launched, leads
_SUBJECT_APPOINTED = frozenset({"replace", "succeed"})  # "Dyson would replace her": Dyson is appointed
_OBJECT_FIRST_LEMMAS = frozenset({"nominate", "confirm", "relieve", "retire"})  # "Biden nominated Nelson": a nomination of Nelson


def _antecedent(token: "Token") -> "Token":
    """The noun a relative pronoun stands for ("Bridenstine, whom Trump nominated": Bridenstine), else
    the token. "Who" stands for a person: when the parser hangs the clause on a thing inside the
    person's apposition ("Ostapenko, a former commander of the space forces who was appointed ..."),
    the person named up that phrase."""
    clause = token.head.head if token.head.dep_ == "aux" else token.head  # "who had himself taken over"
    if token.lower_ not in _RELATIVE_PRONOUNS | _RELATIVE_OBJECTS or clause.dep_ != "relcl":
        return token
    noun = clause.head
    if token.lower_ in {"who", "whom"} and noun.ent_type_ not in PERSON_LABELS:
        up = noun
        while up.dep_ in _PERSON_PHRASE_DEPS and up.head != up:
            up = up.head
            if up.ent_type_ in PERSON_LABELS:
                return up
    return noun


def _conjoined_people(noun: "Token") -> list["Token"]:
    """The person ``noun`` and the people it is coordinated after ("Lindgren and Hines, who docked on
    April 27": both docked), else the noun alone."""
    people = [noun]
    while people[-1].dep_ == "conj" and people[-1].ent_type_ in PERSON_LABELS and people[-1].head.ent_type_ in PERSON_LABELS:
        people.append(people[-1].head)
    return people


_PERSON_PHRASE_DEPS = frozenset({"pobj", "prep", "appos", "poss", "compound"})


def _object_leads(trigger: "Token", event_type: str) -> bool:
    """Whether the trigger's object leads its event: who is appointed, what is launched ("Putin
    appointed Bakanov"), but not whom someone "would replace" (``_SUBJECT_APPOINTED``)."""
    lemma = trigger.lemma_.lower()
    return (event_type in _OBJECT_FIRST_TYPES and lemma not in _SUBJECT_APPOINTED) or lemma in _OBJECT_FIRST_LEMMAS


def _object_first(trigger: "Token", participants: list[str], ctx: DocContext) -> list[str]:
    """The participants with the trigger's object first ("Putin appointed Bakanov": Bakanov)."""
    keys = _object_keys(trigger, ctx)
    return keys + [p for p in participants if p not in keys]


_OBJECT_PRONOUNS = {"him": "he", "her": "she", "it": "it"}


def _object_keys(trigger: "Token", ctx: DocContext) -> list[str]:
    """The entities the trigger's objects name; an object the parser glued to the title after it
    ("appointed [Dmitry Rogozin director general]": "general") names the person among its compounds;
    "nominated him" names the last person before the sentence (not its own subject)."""
    keys = []
    for c in trigger.children:
        if c.dep_ not in _OBJECT_DEPS:
            continue
        if c.lower_ in _OBJECT_PRONOUNS:
            keys += _referents(_OBJECT_PRONOUNS[c.lower_], c.sent.start_char, ctx)
            continue
        found = ctx.mention_at(_antecedent(c)) or next(
            (m for t in c.lefts if t.dep_ in {"compound", "nmod"} and (m := ctx.mention_at(t)) is not None
             and ctx.type_of(m.key) == "Person"), None)
        if found is not None:
            keys.append(found.key)
    return keys


def _appointment_label(trigger: "Token", person: str, sent: "Span", positions: Sequence[Position],
                       ctx: DocContext) -> str | None:
    """"Sean Duffy named acting NASA administrator": the post the sentence gives the trigger's object
    after the trigger (not the post of whoever did the naming)."""
    if person not in _object_keys(trigger, ctx):
        return None
    start = ctx.evidence(sent).start
    named_at = max((r.mention.end for r in ctx.mentions_in(sent.start_char, sent.end_char) if r.key == person),
                   default=ctx.doc[trigger.i].idx)
    after = {t.lower_ for t in sent if t.idx >= named_at and t.i > trigger.i}  # "nominated Representative X for the post": not his post
    named_as = {t.lower_ for c in trigger.children if c.dep_ == "prep" and c.lower_ == "as" for t in c.subtree}
    if named_as:  # "appointed Popovkin, a former commander of the space forces, as head of the agency"
        after &= named_as
    post = next((p for p in positions if p.person == person and p.evidence.start == start
                 and p.title.split()[-1].lower() in after), None)
    if post is None:
        return None
    org = ctx.entities[post.organization].label + " " if post.organization in ctx.entities else ""
    acting = "acting " if post.acting and not post.title.lower().startswith("acting") else ""
    return f"{ctx.entities[person].label} named {acting}{org}{post.title}"


_SUBJECT_DEPS = {"nsubj", "nsubjpass", "poss", "agent"}
_PAIR_TYPES = {"Meeting", "Docking", "Agreement"}  # whom the subject met, docked with, agreed with


def _partner_preps(trigger: "Token", preps: frozenset[str], *, deep: bool) -> list["Token"]:
    """The trigger's prepositions of ``preps``; with ``deep``, also those on the nouns it governs,
    not across another verb ("had lunch with Anders", "spoke by telephone with Koptev": Anders and
    Koptev are who met)."""
    def under_nouns(prep: "Token") -> bool:
        head = prep.head
        while head != trigger and head.pos_ in {"NOUN", "PROPN", "ADP"} and head.head != head:
            head = head.head
        return head == trigger
    if not deep:
        return [c for c in trigger.children if c.dep_ == "prep" and c.lower_ in preps]
    return [c for c in trigger.subtree if c.dep_ == "prep" and c.lower_ in preps and under_nouns(c)]


def _named_in_label(trigger: "Token", event_type: str, participants: list[str], ctx: DocContext) -> list[str]:
    """The participants the trigger's own arguments name — its subject, its object and whom it is
    "with" or "between" ("Stafford, the American commander, died in March 2024": Stafford, not Leonov of the
    clause before); the object first where it leads ("Putin appointed Bakanov"); all the
    participants when its arguments name none of the type the label wants."""
    heads = [trigger]
    if trigger.pos_ in _NOUN_TRIGGER_POS and trigger.dep_ in {"dobj", "attr"}:
        heads.append(trigger.head)  # "Bridenstine and Rogozin held talks"
    elif event_type == _STATEMENT and trigger.dep_ == "pobj" and trigger.head.head.pos_ == "VERB":
        heads.append(trigger.head.head)  # "Perminov congratulated both crews in a message to Griffin"
    subjects = [c for h in heads for c in h.children if c.dep_ in _SUBJECT_DEPS]
    subjects = [*(_antecedent(c) for c in _relative_who(trigger) if c not in subjects), *subjects]  # "who had himself succeeded"
    if not subjects and trigger.pos_ == "VERB" and (inherited := _inherited_subject(trigger)) is not None:
        subjects = [inherited]  # "Atlantis is scheduled to dock with Mir": Atlantis docks
    subjects += [g for c in trigger.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    preps = _cues(ctx).label_preps.get(event_type, _cues(ctx).label_preps.get("default", frozenset()))
    partners = [g for c in _partner_preps(trigger, preps, deep=event_type == "Meeting")
                for g in c.children if g.dep_ == "pobj"]
    objects = [_antecedent(c) for c in trigger.children if c.dep_ in {"dobj", "nsubjpass"}]
    objects += _described_by(trigger)
    if _object_leads(trigger, event_type):
        args = [*objects, *subjects, *partners]
    elif event_type in _OBJECT_FIRST_TYPES or event_type in _PAIR_TYPES:
        args = [*subjects, *objects, *partners]
    else:  # "Statement by Roscosmos", "Invitation by Jim Bridenstine": who acted
        args = subjects or partners
    tokens = [t for a in args for t in (*_coordinated(a), *_post_holders_organization(a, ctx))]
    keys = list(dict.fromkeys(m.key for t in tokens if (m := ctx.mention_at(t)) is not None and m.key in participants))
    if _object_leads(trigger, event_type):  # "Bush nominated him": whom "him" stands for leads
        keys = list(dict.fromkeys([k for k in _object_keys(trigger, ctx) if k in participants] + keys))
    if any(s.lower_ in _PRONOUN_TYPES for s in subjects):  # "On Wednesday he met there with Rogozin": he, too
        named = [k for k in _pronoun_subject(trigger, trigger.sent, ctx) if k in participants and k not in keys]
        keys = keys + named if _object_leads(trigger, event_type) else named + keys  # "she relieved Rogozin": Rogozin
    key_types = _KEY_TYPES.get(event_type, ())
    best = next((k for k in key_types if any(ctx.type_of(p) == k for p in participants)), None)
    if best is not None and not any(ctx.type_of(k) == best for k in keys):
        return participants  # "Kikina will fly ... sharing a Crew Dragon": the launch is the craft's
    return keys or participants


def _described_by(verb: "Token") -> list["Token"]:
    """The noun a participle describes ("Zarya, built in Russia and launched on a Proton rocket": Zarya)."""
    node = verb
    while node.dep_ == "conj" and node.head.pos_ == "VERB":
        node = node.head
    return [node.head] if verb.pos_ == "VERB" and node.dep_ == "acl" else []


def _post_holders_organization(token: "Token", ctx: DocContext) -> list["Token"]:
    """For a post named with no holder ("the new head of Roscosmos told Putin"), the words naming
    the organization it is of: the statement is the organization's, not the one told."""
    if ctx.mention_at(token) is not None or token.lemma_.lower() not in ctx.lexicon.title_heads:
        return []
    return [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]


def _coordinated(token: "Token") -> list["Token"]:
    """``token``, the names it is built on ("a Roscosmos commission") and the words coordinated or
    in apposition with it ("Leonov and Kubasov")."""
    out = [token, *(c for c in token.children if c.dep_ in {"compound", "nmod"})]  # "Russia's Progress 92 cargo ship"
    for child in token.children:
        if child.dep_ in {"conj", "appos"}:
            out += _coordinated(child)
    return out


def _who(event_type: str, participants: list[str], ctx: DocContext, most: int = 3) -> tuple[str, str | None]:
    """The ``most`` names (two or three) a reader needs, the key types of the event first, and their type."""
    preferred = _KEY_TYPES.get(event_type, ("Person", "Agency", "Spacecraft"))
    chosen_type: str | None = None
    for wanted in preferred:
        chosen = [p for p in participants if ctx.type_of(p) == wanted and not _is_destination(p, event_type, ctx)]
        if chosen:
            chosen_type = wanted
            break
    else:  # none of the key types: people first ("Docking with Samantha Cristoforetti aboard")
        people = [p for p in participants if ctx.type_of(p) == "Person"]
        chosen = people or participants
        chosen_type = ctx.type_of(chosen[0]) if people or len({ctx.type_of(p) for p in chosen}) == 1 else None
    if len(chosen) > 1:  # "Docking of Endurance", not "Docking of Endurance and Crew Dragon"
        chosen = [p for p in chosen if not any(ctx.names_class_of(p, q) for q in chosen)] or chosen
    if chosen_type == "Spacecraft" and len(chosen) > 1:  # "Launch of Zarya", not "Launch of Zarya and Proton"
        launchers = _cues(ctx).launcher_words
        carried = [p for p in chosen if not any(carries_word(ctx.entities[p], ctx.gazetteer, w) for w in launchers)]
        chosen = carried or chosen
    names = [ctx.entities[p].label for p in chosen[:most]]
    return (names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]), chosen_type


def _is_destination(key: str, event_type: str, ctx: DocContext) -> bool:
    """Whether a participant of a launch or landing is the station the flight goes to or leaves, not
    what flies: "Launch of Endeavour" or "Launch carrying Valery Polyakov", not "Launch of Mir" (a
    station launched itself has no other participant, and is named then)."""
    return event_type in _FLIGHT_ENDS and carries_word(ctx.entities[key], ctx.gazetteer, "station")


_NOBODY_NAMED = re.compile(r"\s+(?:\w+\s+)?\{who\}.*$")
"""What a label pattern says of the participants ("Launch of {who}", "Docking with {who} aboard"),
dropped when the event names none."""


def _label(event_type: str, lemma: str, participants: list[str], status: str, ctx: DocContext,
           unnamed: str = "") -> str:
    """A timeline entry: "Launch of Crew-11", "Meeting of Sean Duffy and Dmitry Bakanov",
    "Planned visit by Dmitry Bakanov", "Launch carrying Oleg Platonov" — type (or the trigger's noun
    for "Other"), participants and their type, status; with no participant, ``unnamed`` stands for
    them ("Landing of the last shuttle")."""
    rules = _cues(ctx)
    if lemma in _OBJECT_FIRST_LEMMAS:  # whom the trigger nominated, relieved or retired, whatever its type
        participants = participants[:1]
    most = _NAMES_IN_LABEL.get(event_type, 3)
    who, name_type = _who(event_type, participants, ctx, most) if participants else (unnamed, None)
    pattern = ((rules.other_labels.get(lemma) if event_type == "Other" else None) or rules.lemma_labels.get(lemma)
               or rules.labels_by_name_type.get(event_type, {}).get(name_type or "")
               or rules.labels.get(event_type))
    pattern = pattern or lemma.capitalize() + " by {who}"
    label = pattern.format(who=who) if who else _NOBODY_NAMED.sub("", pattern)  # "Launch", not "Launch of "
    if status in _STATUS_WORD:
        label = f"{_STATUS_WORD[status]} {label[0].lower()}{label[1:]}"
    return label


@dataclass(frozen=True)
class _Reading:
    """What is known while one sentence's triggers are read: the sentence, its triggers with their
    types, which trigger owns which date, the narrative so far, and the document's positions."""

    sent: "Span"
    found: list[tuple["Token", str]]
    owners: Owners
    narrative: Narrative
    positions: Sequence[Position]


def extract_events(ctx: DocContext, positions: Sequence[Position] = ()) -> list[Event]:
    """Every event the document states (dated, or undated plans), one per trigger type per clause,
    mentions of one event merged (``_merge``), each keeping every sentence that mentions it; an
    appointment whose sentence gives the post (``positions``) is labelled with it."""
    events: list[Event] = []
    lemmas: list[str] = []  # the trigger lemma of each event, for "the visit" to find its event
    narrative = Narrative(anchor_nouns=_cues(ctx).anchor_nouns)
    matched = match_triggers(ctx.doc)
    places: list[tuple[int, int]] = []  # each event's sentence and paragraph (numbered)
    scheduled: dict[int, _Schedule] = {}  # "The flight is set for July 15": a plan's date
    breaks = paragraph_breaks(doc_text(ctx.doc))
    for index, sent in enumerate(ctx.sentences):
        paragraph = bisect_left(breaks, sent.start_char)
        found = _triggers(sent, matched, ctx)
        reporting = frozenset(t.i for t, _ in found if t.lemma_.lower() in _cues(ctx).needs_attached_date)
        deciders = frozenset(t.i for t, ty in found if ty in _cues(ctx).cancel_decisions | _cues(ctx).object_of_types)
        owners = date_owners([t for t, _ in found], reporting, deciders)
        taken: set[tuple[str, int, int]] = set()
        told: list[Event] = []  # the sentence's events
        for token, event_type in found:
            if _watched(token, ctx) and any(e.type == event_type for e in events):
                _join_anaphor(token, event_type, sent, events, lemmas, ctx)  # "watched the launch" told before
                continue
            event = _event(token, event_type, _Reading(sent, found, owners, narrative, positions), ctx)
            if event is not None and event_type in _cues(ctx).cancel_decisions \
                    and (index := _called_off_index(sent, events, ctx)) is not None:
                event = replace(event[0], label=_called_off_label(index, events, lemmas, ctx)), event[1]
            if event is None:
                event = _calling_off(token, event_type, sent, events, lemmas, ctx)
            if event is None:
                _join_anaphor(token, event_type, sent, events, lemmas, ctx)
                continue  # background, or "the visit" of an event before
            event, clause = event
            event = _after_the_docking(event, token, sent, events, narrative, ctx)
            if (event.type, *clause) in taken:
                continue
            taken.add((event.type, *clause))
            dates, _ = sentence_dates(sent, _tense(token, event.status, ctx), narrative, ctx.published)
            told_as = _gapped(token, event, dates, ctx) or _one_per_date(token, event, dates)
            events.extend(told_as)
            places.extend([(index, paragraph)] * len(told_as))
            told.append(event)
            if event.status in {"happened", "planned"}:  # "are to dock two days after the launches"
                narrative = narrative.after_event(event.type, event.date)
            lemmas.append(token.lemma_.lower())
        if not told and (schedule := _schedule(sent, paragraph, narrative, ctx)) is not None:
            scheduled[index] = schedule
        narrative = _narrative_after(sent, told, narrative, ctx)
        if _in_the_present(sent) or is_heading(sent.doc.text, sent.start_char, sent.end_char):
            narrative = narrative.new_paragraph()
    return _merge(_plans_dated(events, places, scheduled), ctx)


@dataclass(frozen=True)
class _Schedule:
    """A sentence that tells no event but dates a plan: its paragraph, the date, the sentence, and
    whether it looks back at plans just told ("Both flights are planned for 1995")."""

    paragraph: int
    date: DateValue
    evidence: Evidence
    looks_back: bool


_BACK_REFERRING = frozenset({"both", "these", "those", "two"})
"""Words of a schedule's subject that point at the plans just told ("Both flights", "the two missions")."""


def _schedule(sent: "Span", paragraph: int, narrative: Narrative, ctx: DocContext) -> _Schedule | None:
    """The schedule a sentence with no event of its own gives, when its subject names a plan ("The joint
    flight is set for July 15", "Both flights are planned for 1995": ``scheduled_nouns``)."""
    ahead, _ = sentence_dates(sent, "future", narrative, ctx.published)
    span = mention_span(sent, ahead[-1]) if ahead else None
    if span is None:
        return None
    verb = clause_verb(span.root)
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}
                    and c.lemma_.lower() in _cues(ctx).scheduled_nouns), None)  # not "MOSCOW" of a dateline
    if subject is None or _status(verb, "Other", sent, ctx) != "planned":
        return None
    looks_back = any(c.lower_ in _BACK_REFERRING for c in subject.children)
    return _Schedule(paragraph, ahead[-1].value, ctx.evidence(sent), looks_back)


def _plans_dated(events: list[Event], places: list[tuple[int, int]], scheduled: Mapping[int, _Schedule]) -> list[Event]:
    """Undated plans dated from their paragraph: by the sentence just before that dates a plan, or the
    one just after that dates the plans just told (``scheduled``; it becomes evidence of the plan),
    else by an earlier dated plan of one of their participants, whose year they take ("Atlantis is
    scheduled to dock with Mir in June ... Atlantis will bring Thagard back to Earth": a landing that
    year, its month unsaid). ``places`` gives each event's sentence and paragraph."""
    out: list[Event] = []
    told: list[Event] = []  # the events of the paragraph so far
    for event, (index, paragraph) in zip(events, places):
        if out and paragraph != places[len(out) - 1][1]:
            told = []
        if event.status == "planned" and event.date is None:
            event = _scheduled_plan(event, index, paragraph, scheduled) or _in_the_year_of_a_plan(event, told) or event
        out.append(event)
        told.append(event)
    return out


def _scheduled_plan(event: Event, index: int, paragraph: int, scheduled: Mapping[int, _Schedule]) -> Event | None:
    before, after = scheduled.get(index - 1), scheduled.get(index + 1)
    schedule = before if before is not None else (after if after is not None and after.looks_back else None)
    if schedule is None or schedule.paragraph != paragraph:
        return None
    evidence = tuple(sorted({*event.evidence, schedule.evidence}, key=lambda e: e.start))
    return replace(event, date=schedule.date, evidence=evidence)


def _in_the_year_of_a_plan(event: Event, before: list[Event]) -> Event | None:
    plan = next((e.date for e in reversed(before) if e.status == "planned" and e.date is not None
                 and set(e.participants) & set(event.participants)), None)
    return replace(event, date=DateValue.of(plan.year)) if plan is not None else None


def _narrative_after(sent: "Span", told: list[Event], narrative: Narrative, ctx: DocContext) -> Narrative:
    """The narrative once the sentence is read: its dates read with no tense, or ahead when they date
    its plans (:func:`_looks_ahead`); only year-less and relative dates depend on it."""
    either, after = sentence_dates(sent, "unknown", narrative, ctx.published)
    if any(m.relative for m in either) and _looks_ahead(sent, told, either, narrative, ctx):
        return sentence_dates(sent, "future", narrative, ctx.published)[1]
    return after


def _looks_ahead(sent: "Span", told: list[Event], either: list, narrative: Narrative, ctx: DocContext) -> bool:
    """Whether the sentence's year-less dates (``either``: read with no tense) are read ahead: they
    date its plans ("a Soyuz is to lift off on July 15"), none of what it tells as past ("Under the
    1972 agreement, signed in Moscow, a Soyuz is to lift off on July 15": the year names the past); in
    a sentence with no event, when the clause of its last date looks ahead ("The joint flight is set
    for July 15"; not "floated into the station on Thursday")."""
    if not told:
        span = mention_span(sent, either[-1]) if either else None
        return span is not None and _status(clause_verb(span.root), "Other", sent, ctx) == "planned"
    statuses = {e.status for e in told}
    if "planned" not in statuses or statuses == {"planned"}:
        return statuses == {"planned"}
    ahead, _ = sentence_dates(sent, "future", narrative, ctx.published)
    read_ahead = {b.value for a, b in zip(ahead, either) if a.value != b.value}
    return not any(e.date in read_ahead for e in told if e.status != "planned")


def _after_the_docking(event: Event, trigger: "Token", sent: "Span", events: list[Event], narrative: Narrative,
                       ctx: DocContext) -> Event:
    """"The hatches were opened at 8:50 a.m.": an ``after_docking`` event whose sentence names no
    date of its own is of the day of the last docking (not of a date told in between, "pictures
    taken on Wednesday"); with no person of its own, it takes the people of the last docking of
    its day."""
    if trigger.lemma_.lower() not in _cues(ctx).after_docking or event.date is None:
        return event
    last = next((e for e in reversed(events) if e.type == "Docking" and e.status == "happened" and e.date), None)
    if last is not None and event.status == "happened" and not sentence_dates(sent, "unknown", narrative, ctx.published)[0]:
        event = replace(event, date=last.date)
    if _people_of(event, ctx):
        return event
    docking = next((e for e in reversed(events) if e.type == "Docking" and e.date == event.date), None)
    people = tuple(p for p in docking.participants if p in _people_of(docking, ctx)) if docking is not None else ()
    if not people:
        return event
    participants = people + event.participants
    label = _label(event.type, trigger.lemma_.lower(), list(participants), event.status, ctx)
    return replace(event, participants=participants, label=label)


_REMNANT_OPENING = re.compile(r"\s*(?:,|;)?\s*(?:and\s+)?", re.IGNORECASE)
"""What opens a gapped remnant after the date before it: ", ", ", and ", " and "."""


def _gapped(trigger: "Token", event: Event, mentions: Sequence[DateMention], ctx: DocContext) -> list[Event]:
    """The events of a clause whose verb is left out after its first date (gapping), one per date:
    "Soyuz 6 went up on Oct. 11, Soyuz 7 on Oct. 12 and Soyuz 8 on Oct. 13" (each remnant names
    who), "On Oct. 11 Soyuz 6 went up, Soyuz 7 on Oct. 12 ..." (the first date before the verb),
    "Garriott flew on Skylab in 1973 and on Columbia ten years later" (a remnant that opens with a
    preposition keeps the subject). A remnant holds no verb and names a participant; none when the
    clause lists no such remnant (empty list). ``mentions`` are the sentence's dates, read with the
    event's tense."""
    if trigger.pos_ != "VERB" or event.date is None:
        return []
    sent = trigger.sent
    after_verb = trigger.idx + len(trigger) - sent.start_char
    dates = [m for m in mentions if m.start >= after_verb]
    if dates and dates[0].value != event.date and any(m.value == event.date for m in mentions if m.end <= after_verb):
        opening = _last_separator(sent.text, after_verb, dates[0].start)  # "On Oct. 11 ... went up, Soyuz 7 on Oct. 12"
        if opening is None:
            return []
        bounds = [(opening, dates[0].start, dates[0].value)]
    elif len(dates) >= 2 and dates[0].value == event.date:
        bounds = []
    else:
        return []
    bounds += [(before.end, after.start, after.value) for before, after in zip(dates, dates[1:])]
    pieces: list[tuple[list[str], bool, DateValue]] = []
    for start, end, value in bounds:
        remnant = _remnant(sent, start, end, event, ctx)
        if remnant is None:
            break
        pieces.append((*remnant, value))
    if not pieces:
        return []
    named = {key for keys, _, _ in pieces for key in keys}
    subject = [p for p in event.participants if p not in named and _named_before(p, trigger, ctx)]
    first = [p for p in event.participants if p not in named]
    events = [_relabelled(event, first, event.date, trigger, ctx)] if first else []  # not "since Kosmos 782 in 1975"
    for keys, keeps_subject, when in pieces:
        events.append(_relabelled(event, (subject if keeps_subject else []) + keys, when, trigger, ctx))
    return events


_SEPARATOR = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


def _last_separator(text: str, start: int, end: int) -> int | None:
    """Where the last ", " or " and " between ``start`` and ``end`` begins, if any."""
    found = list(_SEPARATOR.finditer(text, start, end))
    return found[-1].start() if found else None


def _remnant(sent: "Span", start: int, end: int, event: Event, ctx: DocContext) -> tuple[list[str], bool] | None:
    """The participants a gapped remnant between two of the sentence's dates (character offsets in
    the sentence) names, and whether it opens with a preposition (so keeps the clause's subject);
    ``None`` unless the words between are a remnant: an opening, no verb and no "after" or "before",
    a participant."""
    opening = _REMNANT_OPENING.match(sent.text, start, end)
    if opening is None or opening.end() == start:
        return None
    words = [t for t in sent if start + sent.start_char <= t.idx < end + sent.start_char and not t.is_punct]
    words = [t for t in words if t.lower_ != "and"]
    if not words or any(t.pos_ in {"VERB", "AUX"} or t.lower_ in BEFORE_OR_AFTER for t in words):
        return None  # "... and Don Pettit after a launch on Dec. 21": the date of what came before
    keys = list(dict.fromkeys(m.key for t in words if (m := ctx.mention_at(t)) is not None and m.key in event.participants))
    if not keys:
        return None
    return keys, words[0].pos_ == "ADP"


def _named_before(key: str, trigger: "Token", ctx: DocContext) -> bool:
    """Whether the trigger's sentence names ``key`` before the trigger (its subject)."""
    return any((m := ctx.mention_at(t)) is not None and m.key == key for t in trigger.sent if t.i < trigger.i)


def _relabelled(event: Event, participants: Sequence[str], when: DateValue | None, trigger: "Token",
                ctx: DocContext) -> Event:
    """The event with other participants and date, labelled for them."""
    label = _label(event.type, trigger.lemma_.lower(), list(participants), event.status, ctx)
    return replace(event, participants=tuple(participants), date=when, label=label)


def _one_per_date(trigger: "Token", event: Event, mentions: Sequence[DateMention]) -> list[Event]:
    """The events a counted plural trigger tells, one per date listed after it (of ``mentions``, the
    sentence's) ("three spacewalks, on Saturday, Monday and Wednesday"), else the event itself."""
    count = _counted(trigger) if trigger.tag_ in {"NNS", "NNPS"} else None
    if count is None:
        return [event]
    days: list[DateValue] = []
    for m in _listed_dates(trigger, count, mentions):
        day = m.value
        while days and m.text.lower() in WEEKDAYS and day.precision == "day" and day.first_day() <= days[-1].first_day():
            day = shifted(day, 7)  # "on Saturday, Monday and Wednesday": each after the one before
        days.append(day)
    return [replace(event, date=day) for day in days] or [event]


_STORY_TIME = re.compile(r"(?i)\bthat\s+(?:morning|afternoon|evening|night|day|week|month|year|flight|mission)\b")
"""A present-tense comment that points back at the story's time: "It is worth remembering how
strange that morning felt", "That flight is still the longest"."""


def _in_the_present(sent: "Span") -> bool:
    """Whether the sentence's main verb is present, present perfect or future ("NASA has said it
    intends ...", "Atlantis will remain at Kennedy"): the text is back at its publication date;
    not when it points back at the story's time (:data:`_STORY_TIME`)."""
    root = sent.root
    if _STORY_TIME.search(sent.text):
        return False
    auxes = [c for c in root.children if c.dep_ in {"aux", "auxpass"}]
    if any(c.tag_ == "VBD" for c in auxes) or root.tag_ == "VBD":
        return False
    return root.tag_ in {"VBZ", "VBP"} or any(c.tag_ in {"VBZ", "VBP"} or c.lower_ in {"will", "'ll"} for c in auxes)


def _told_in_the_past(trigger: "Token", ctx: DocContext) -> bool:
    """A trigger in the simple past, or hanging from one ("signed a decree removing Rogozin",
    "floated through the tunnel to shake his hand", "held talks"); not a statement's noun, which
    was measured to take the wrong day more often than the right one, nor an event a verb only
    refers to ("watched the docking") or a phrase dates by it ("told reporters before her launch")."""
    if trigger.pos_ in _NOUN_TRIGGER_POS:  # "held talks", "made the announcement at a meeting with Putin"
        governor = governing_verb(trigger)
        in_phrase = trigger.dep_ == "pobj" and trigger.head.lower_ not in ctx.lexicon.background_preps
        occurred = trigger.dep_ == "nsubj" and governor.lemma_.lower() in _cues(ctx).occurrence_verbs  # "Docking occurred at 1:11 p.m."
        told = trigger.dep_ == "dobj" or in_phrase or occurred
        return (told and governor.tag_ == "VBD"
                and trigger.lemma_.lower() not in _cues(ctx).publication_day
                and governor.lemma_.lower() not in _cues(ctx).reference_verbs)
    if trigger.pos_ != "VERB":
        return False
    if trigger.dep_ == "acl" and ctx.mention_at(trigger.head) is not None:
        return False  # "the Soyuz TMA-1, carrying three men, touched down": a description
    if trigger.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in trigger.children):
        return True  # "the understanding was reached by Dryden and Blagonravov"
    if trigger.tag_ == "VBN" and trigger.dep_ == "conj" and trigger.head.tag_ == "VBD" \
            and not any(c.dep_ in {"aux", "auxpass"} for c in trigger.children):
        return True  # "left the cabin through an airlock and floated outside": a past the tagger took for a participle
    return trigger.tag_ == "VBD" or (trigger.tag_ in {"VBG", "VB"} and governing_verb(trigger).tag_ == "VBD")


def _counted_plural_subject(trigger: "Token", ctx: DocContext) -> bool:
    """"Over 135 missions, the five orbiters launched satellites ... and docked with Mir": a count of
    unnamed things as subject sums up many events; none of them is on the day the text is at."""
    verb = clause_verb(trigger)
    subject = _subject_of(verb) or _inherited_subject(verb)
    return (subject is not None and subject.tag_ == "NNS" and any(c.dep_ == "nummod" for c in subject.children)
            and not any(ctx.mention_at(t) is not None for t in subject.subtree)
            and _group_types(subject, ctx) is None)  # "the two men shook hands": a pair the text named


def _from_main_verb(trigger: "Token", sent: "Span", mentions: list, narrative: Narrative,
                    ctx: DocContext) -> DateValue | None:
    """The day of a trigger in a "two days after ..." phrase, counted from its main verb's own date
    (or, for a past main verb with none, from the day the text is at)."""
    found = offset_from_main(trigger)
    if found is None:
        return None
    main, days, amount = found
    day = _date_beside(amount, sent, mentions) or _verb_date(main, sent, mentions)
    if day is None:
        day = narrative.past_scene_day(ctx.published) if main.tag_ == "VBD" else None
    return shifted(day, days)


def _years_from(found: tuple["Token", int, bool], sent: "Span", mentions: list) -> DateValue | None:
    """The date of an event "fifty years (to the day) after" or before its main verb's: that day so
    many years away, or only its year."""
    main, years, to_the_day = found
    day = _verb_date(main, sent, mentions)
    if day is None:
        return None
    first = day.first_day()
    if to_the_day and day.precision == "day":
        try:
            return DateValue.from_date(first.replace(year=first.year + years))
        except ValueError:  # Feb. 29
            return None
    return DateValue.of(first.year + years)


def _date_beside(amount: "Token", sent: "Span", mentions: list) -> DateValue | None:
    """The date a "the day after ..." phrase stands beside: "on June 7, the day after their launch"."""
    words = [amount, *(c for c in amount.children if c.dep_ in {"det", "nummod", "amod"} and c.i < amount.i)]
    start = min(t.idx for t in words) - sent.start_char
    before = next((m for m in reversed(mentions) if m.end <= start), None)
    if before is None or sent.text[before.end:start].strip() != ",":
        return None
    return before.value


def _verb_date(verb: "Token", sent: "Span", mentions: list, before: "Token | None" = None,
               after: "Token | None" = None) -> DateValue | None:
    """The date attached to ``verb`` itself, read in its subtree (between ``after`` and ``before``,
    when given), with no other trigger competing for it."""
    span = [t for t in verb.subtree if (before is None or t.i < before.i) and (after is None or t.i > after.i)]
    if not span:
        return None
    owners = Owners({verb.i: frozenset({verb.i})})
    when, rank = event_date(sent, verb, owners, (span[0].i, span[-1].i + 1), mentions)
    return when if rank == 0 else None


_OCCASION_PREPS = frozenset({"at", "during"})


def _occasion_of(trigger: "Token", found: list[tuple["Token", str]]) -> "Token | None":
    """The verb of another event that a noun trigger is the occasion of ("signed at a meeting between
    Putin and Rogozin", "announced during a news conference"): the two happen on one day."""
    prep = trigger.head
    if trigger.pos_ not in _NOUN_TRIGGER_POS or trigger.dep_ != "pobj" or prep.lower_ not in _OCCASION_PREPS:
        return None
    verb = prep.head
    return verb if verb.pos_ == "VERB" and any(t == verb for t, _ in found) else None


def _cited_in_the_present(trigger: "Token", narrative: Narrative, ctx: DocContext) -> bool:
    """"Rosaviakosmos said in a statement ...": a ``publication_day`` noun under a past verb, in a
    text that is not telling an earlier story (a retrospective's "Goldin said in a statement" is not
    of the publication's day)."""
    if ctx.published is None or narrative.story is not None:
        return False
    if trigger.lemma_.lower() not in _cues(ctx).publication_day or governing_verb(trigger).tag_ not in {"VBD", "VBN"}:
        return False
    cited_in = trigger.dep_ == "pobj" and trigger.head.lower_ == "in"  # "said in a statement"
    saying = trigger.dep_ == "nsubj" and trigger.head.lemma_.lower() in {"say", "add"}  # "the statement said"
    return cited_in or saying


_QUOTE_MARKS = re.compile(r"[\"\u201c\u201d]")


def _is_dated_statement(verb: "Token", rank: int | None, sent: "Span", found: list[tuple["Token", str]],
                        ctx: DocContext) -> bool:
    """"Roscosmos said on June 25 that ...": a reporting verb with a date of its own (``rank`` 0)
    and a named subject, in a sentence without a quotation (that is a quote, not a statement),
    reporting no event of its own ("NASA said on Jan. 4 the trip would be postponed" is the
    postponement)."""
    # "That May, Dmitry Rogozin, ... said": the parser may take the date for the subject; a name
    # before the verb in its own phrase still speaks
    before = [t for c in verb.lefts if c.dep_ != "ccomp" for t in c.subtree]
    if not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children) and (inherited := _inherited_subject(verb)) is not None:
        before += list(inherited.subtree)  # "Roscosmos reversed that position in February 2015 and said ..."
    named = any((m := ctx.mention_at(t)) is not None and ctx.type_of(m.key) in _SPEAKER_TYPES for t in before)
    reported = {t.i for c in verb.children if c.dep_ in {"ccomp", "xcomp"} for t in c.subtree}
    reports_event = any(t.i in reported for t, _ in found) and not _dated_apart(verb, reported)
    posted = _on_social_media(verb, ctx)  # "wrote on social media": a post, also when quoted
    return rank == 0 and named and not reports_event and (posted or not _QUOTE_MARKS.search(sent.text))


def _dated_apart(verb: "Token", reported: set[int]) -> bool:
    """Whether what a statement goes on to report names a day, month or year of its own: "said on
    Tuesday that a capsule had landed on Dec. 2" is two events, the statement and the landing; "said
    on Jan. 4 the trip would be postponed" and "would not go on that date" are one, the postponement;
    so is a report with its source told after it ("... landed on Monday, the center said today")."""
    doc = verb.doc
    return bool(reported) and min(reported) > verb.i and any(
        doc[i].ent_type_ == "DATE" and (doc[i].like_num or doc[i].lower_.rstrip(".") in CALENDAR_WORDS)
        for i in reported)


def _announces_its_own_event(verb: "Token", ctx: DocContext) -> bool:
    """Whether a statement verb's object, or the verb of what it reports, is an event that is the
    news (``announced_events``: "Fletcher announced his resignation", "disclosed its withdrawal",
    "said he would retire on Oct. 7"), not the statement."""
    return verb.pos_ == "VERB" and any(c.dep_ in {"dobj", "ccomp"} and c.lemma_.lower() in _cues(ctx).announced_events
                                       for c in verb.children)


def _on_social_media(verb: "Token", ctx: DocContext) -> bool:
    """Whether the verb (or the verb it is coordinated with) is done "on social media", outside
    what it reports: "wrote on social media that ...", "posted photographs on Telegram on Monday
    and wrote that ..."."""
    verbs = [verb, verb.head] if verb.dep_ == "conj" else [verb]
    reported = {t.i for v in verbs for c in v.children if c.dep_ in {"ccomp", "xcomp"} for t in c.subtree}
    return any(t.lower_ in _cues(ctx).social_media and t.head.lower_ == "on" and t.i not in reported
               for v in verbs for t in v.subtree)


_SPEAKER_TYPES = frozenset({"Person", "Agency", "Country"})

_SEQUENCE_MARKS = {"after", "before", "since", "until", "till", "once"}


def _in_time_clause(trigger: "Token") -> bool:
    """Whether the trigger's clause is an "after ..." or "before ..." clause of another: its time is
    not the time of the clause it is attached to."""
    verb = clause_verb(trigger)
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _SEQUENCE_MARKS for c in verb.children)


_QUESTION_WORDS = frozenset({"why", "how", "whether"})


def _in_question_clause(trigger: "Token") -> bool:
    """Whether the trigger's clause is an indirect question ("an inquiry into why the capsule
    landed", "asked how the crew docked"): it asks about an event told elsewhere, at no time of the
    clause it hangs from; so does a phrase inside it ("why a capsule bringing the crew home ...")."""
    return any(verb.dep_ != "ROOT" and any(c.dep_ in {"advmod", "mark"} and c.lower_ in _QUESTION_WORDS
                                           for c in verb.children)
               for verb in (trigger, *trigger.ancestors))


def _date_after(trigger: "Token", sent: "Span", mentions: list) -> DateValue | None:
    """The first date the sentence gives after ``trigger`` ("and land in Florida on July 7")."""
    offset = trigger.idx - sent.start_char
    return next((m.value for m in mentions if m.start > offset), None)


def _date_of_coordinated(trigger: "Token", sent: "Span", mentions: list) -> DateValue | None:
    """The date of the past clause the trigger's clause is coordinated with ("The hatch came open
    on Thursday, and Stafford pulled himself through the tunnel to grasp Leonov's hand")."""
    verb = clause_verb(trigger)
    while verb.dep_ in {"advcl", "xcomp"} and verb.head != verb:
        verb = verb.head
    if verb.dep_ != "conj" or verb.head.pos_ not in {"VERB", "AUX"} or verb.head.tag_ != "VBD":
        return None
    return _verb_date(verb.head, sent, mentions, before=verb)


def _when_clause(trigger: "Token") -> tuple["Token", "Token"] | None:
    """The verb of the "when" clause the trigger is in, and its "when", if it is in one."""
    verb = clause_verb(trigger)
    while verb.dep_ in {"xcomp", "acomp"} and verb.head.pos_ in {"VERB", "AUX", "ADJ"}:
        verb = verb.head  # "when the shuttle Atlantis is to bring Thagard home", "when Soyuz is due to arrive"
    when = next((c for c in verb.children if c.dep_ in {"mark", "advmod"} and c.lower_ == "when"), None)
    if when is None or verb.dep_ not in {"advcl", "relcl"}:
        return None
    return verb, when


def _day_named_for_when_clause(trigger: "Token", sent: "Span", mentions: list) -> DateValue | None:
    """"on Dec. 23, when Soyuz TMA-03M is due to arrive ... after a launch on Dec. 21": the date the
    "when" follows, unless the clause dates itself other than in an "after ..." or "before ..."
    phrase (which dates what came before or after)."""
    found = _when_clause(trigger)
    if found is None:
        return None
    verb, when = found
    named = _date_just_before(when, sent, mentions)
    if named is None:
        return None
    for m in mentions:
        span = mention_span(sent, m)
        if span is not None and span.root in verb.subtree and not any(
                a.dep_ == "prep" and a.lower_ in BEFORE_OR_AFTER for a in span.root.ancestors if a in verb.subtree):
            return None  # "Sept. 11, when Soyuz TMA-12M brought them home on ..."
    return named


def _date_of_when_clause(trigger: "Token", sent: "Span", mentions: list) -> DateValue | None:
    """The date of the clause a "when" clause hangs from ("Krikalev flew on Endeavour in December
    1998 on STS-88, when the crew joined Unity to Zarya": December 1998)."""
    found = _when_clause(trigger)
    if found is None:
        return None
    verb, when = found
    if (named := _date_just_before(when, sent, mentions)) is not None:
        return named  # "down to three people since Sept. 11, when Soyuz TMA-12M brought them home"
    main = governing_verb(verb)
    return _main_clause_date(verb, main, sent, mentions, opening=when) if main.pos_ in {"VERB", "AUX"} else None


def _date_just_before(word: "Token", sent: "Span", mentions: list) -> DateValue | None:
    """The date a word follows right after a comma ("Sept. 11, when ..."), if one ends there."""
    before = word.nbor(-1) if word.i > sent.start else None
    if before is None or before.text != "," or before.i == sent.start:
        return None
    end = before.nbor(-1).idx + len(before.nbor(-1).text) - sent.start_char
    return next((m.value for m in mentions if m.end == end), None)


def _date_of_relative_clause(trigger: "Token", sent: "Span", mentions: list) -> DateValue | None:
    """The date of the past clause a past relative clause hangs from ("The torch reached the station
    on Thursday in Soyuz TMA-11M, which lifted off from Baikonur": Thursday), when it has one."""
    verb = clause_verb(trigger)
    while verb.dep_ == "conj" and verb.tag_ == "VBD" and verb.head.tag_ == "VBD":
        verb = verb.head  # "Shkaplerov, who took over from the automatic system and docked the ship by hand"
    if verb.dep_ != "relcl" or verb.tag_ != "VBD":
        return None
    main = governing_verb(verb)
    if main.pos_ not in {"VERB", "AUX"} or main.tag_ != "VBD":
        return None
    return _main_clause_date(verb, main, sent, mentions, opening=verb.left_edge)


def _main_clause_date(clause: "Token", main: "Token", sent: "Span", mentions: list, *,
                      opening: "Token") -> DateValue | None:
    """The date of ``main``'s own clause, read outside the clause of ``clause`` (which ``opening``
    opens): before it when it follows its main clause, after it when it comes first ("When the crew
    woke, ... on Monday")."""
    if clause.i > main.i:
        return _verb_date(main, sent, mentions, before=opening)
    return _verb_date(main, sent, mentions, after=clause.right_edge)


def _own_date(trigger: "Token", reading: _Reading, ctx: DocContext) -> DateValue | None:
    """The date attached to the trigger itself ("the launch, set for June 23"), if any."""
    mentions, _ = sentence_dates(reading.sent, "unknown", reading.narrative, ctx.published)
    span = list(trigger.subtree)
    when, rank = event_date(reading.sent, trigger, reading.owners, (span[0].i, span[-1].i + 1), mentions)
    return when if rank == 0 else None


def _event(token: "Token", event_type: str, reading: _Reading,
           ctx: DocContext) -> tuple[Event, tuple[int, int]] | None:
    """The event a trigger opens and its clause, or ``None``: nobody named takes part, its type's
    roles are missing, the clause says there was none, or a reporting verb has no date of its own."""
    sent = reading.sent
    if _of_a_kind(token):
        return None  # "the second such landing in a row": the event told before (``_join_anaphor``)
    start, end = _clause(token, sent, ctx)
    if event_type == _STATEMENT:
        start, end = _outside(_report(token), start, end)
    place_key = _place(list(ctx.doc[start:end]), ctx)
    lemma = token.lemma_.lower()
    participants = _who_takes_part(token, event_type, (start, end), place_key, reading, ctx)
    if not participants and lemma not in _cues(ctx).no_participants_needed and not _one_of_a_series(token, ctx):
        return None
    if participants and not _is_candidate(token, event_type, participants, reading.found, ctx):
        return None
    event_type = _type_with_craft(token, event_type, participants, place_key, ctx)
    status = _status(token, event_type, sent, ctx)
    if status is None:
        return None  # "the deadline passed without an agreement"
    when, rank = _when(token, status, (start, end), reading, ctx)
    if _describes_a_kind(token) and rank != 0:
        return None  # "an engine section of the kind flown on Progress cargo ships"
    if lemma in _cues(ctx).needs_attached_date and token.pos_ == "VERB" \
            and not _is_dated_statement(token, rank, sent, reading.found, ctx):
        return None  # "he said", not "Roscosmos said on June 25"
    if event_type == _STATEMENT and _announces_its_own_event(token, ctx):
        return None  # "Fletcher announced his resignation": the resignation
    if status == "canceled" and rank != 0:
        when = None  # a called-off launch keeps only its own, original date ("Friday's launch")
    status = _status(token, event_type, sent, ctx, when) or status
    if status == "planned" and (event_type in _cues(ctx).never_planned or _in_question_clause(token)):
        return None  # "asked whether he would fly the Soyuz again" asks, plans nothing
    if when is None and not _keep_undated(status, participants, ctx):
        return None
    if _object_leads(token, event_type):
        participants = _object_first(token, participants, ctx)
    subject = _subject_of(token) if not participants else None
    unnamed = _as_written(subject) if subject is not None else ""  # "the last shuttle", "the station's first module"
    named = _named_in_label(token, event_type, participants, ctx)
    if lemma in _OBJECT_FIRST_LEMMAS and (thing := _unnamed_object(token, ctx)):
        named, unnamed = [], thing  # "as the United States prepares to retire its space shuttles"
    label = _label(event_type, lemma, named, status, ctx, unnamed)
    if event_type == "Appointment" and status == "happened" and lemma not in _cues(ctx).lemma_labels:
        label = _appointment_label(token, participants[0], sent, reading.positions, ctx) or label
    event = Event(event_type, label, when, place_key, tuple(participants), status, ctx.evidence(sent), lemma)
    return event, (start, end)


def _unnamed_object(trigger: "Token", ctx: DocContext) -> str:
    """The trigger's object when it names nobody but by a description, as a label gives it ("retire
    its space shuttles": "the space shuttles"; "retire the shuttle by 2010" is the fleet, not the
    shuttle named last), else ""."""
    def named(token: "Token") -> bool:
        return (m := ctx.mention_at(token)) is not None and m.mention.kind != "anaphor"
    for c in trigger.children:
        if c.dep_ in _OBJECT_DEPS and c.pos_ == "NOUN" and not any(named(t) for t in c.subtree):
            words = [t for t in c.subtree if t.i >= c.i or t.dep_ not in {"det", "poss"}]
            return "the " + " ".join(t.text.lower() for t in words if not t.is_punct)
    return ""


def _as_written(head: "Token") -> str:
    """The phrase ``head`` heads, lower-cased, spaced as the text spaces it ("the station's first
    module", not the tokens joined by spaces) on one line."""
    phrase = head.doc[head.left_edge.i:head.right_edge.i + 1]
    return " ".join(phrase.text.lower().split())


# The day a report speaks from, which is the statement's own: "strapped into the same capsule this
# morning," Goldin said in a statement.
_SPEAKERS_DAY = re.compile(r"(?i)today|tonight|this\s+(?:morning|afternoon|evening)")


def _not_reported(mentions: list, trigger: "Token", sent: "Span") -> list:
    """The date mentions of a statement's sentence outside what it reports (:func:`_report`), and the
    report's own day (:data:`_SPEAKERS_DAY`)."""
    reported = [(trigger.doc[a].idx - sent.start_char, trigger.doc[b - 1].idx - sent.start_char)
                for a, b in _report(trigger)]
    return [m for m in mentions
            if _SPEAKERS_DAY.fullmatch(m.text) or not any(a <= m.start <= b for a, b in reported)]


def _report(trigger: "Token") -> list[tuple[int, int]]:
    """The token ranges of what a statement reports: the content clauses of the reporting verb (the
    trigger, or the verb a statement noun hangs from). In "Fletcher said in a written statement that
    the United States stands by the agreement signed in May 1972 by Nixon", the date and the people
    of the report are not the statement's."""
    verb = clause_verb(trigger)
    reports = [c for c in verb.children if c.dep_ == "ccomp"]
    # "said in a written statement that ...", parsed as a clause of the noun
    nouns = [t for t in verb.children if t.dep_ in _STATEMENT_NOUN_DEPS] + [
        t for prep in verb.children if prep.dep_ == "prep" for t in prep.children if t.dep_ == "pobj"]
    reports += [c for noun in nouns for c in noun.children
                if c.dep_ in {"acl", "ccomp"} and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    return [(c.left_edge.i, c.right_edge.i + 1) for c in reports]


_STATEMENT_NOUN_DEPS = frozenset({"dobj", "nsubj", "nsubjpass"})


def _outside(ranges: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """The clause ``start``-``end`` cut short of each range that lies after or before its middle."""
    for first, stop in ranges:
        if first > start and stop >= end:
            end = min(end, first)
        elif first <= start and stop < end:
            start = max(start, stop)
    return start, end


def _describes_a_kind(trigger: "Token") -> bool:
    """A passive participle describing a noun with no date of its own: what kind of thing it is
    ("the kind flown on Progress ships", "hardware built for the shuttle"), not an event."""
    return trigger.dep_ == "acl" and trigger.tag_ == "VBN" and not any(c.dep_ == "auxpass" for c in trigger.children)


def _one_of_a_series(trigger: "Token", ctx: DocContext) -> bool:
    """"After the last shuttle landed in July 2011": a craft picked from a series (lexicon
    ``series_words``) by its subject, which names nobody and still tells an event."""
    subject = _subject_of(trigger) if trigger.pos_ == "VERB" else None
    return (subject is not None and subject.lemma_.lower() in _cues(ctx).craft_subjects
            and any(c.lower_ in ctx.lexicon.series_words for c in subject.children))


def _countries_owning(noun: "Token", ctx: DocContext) -> list[str]:
    """The countries a noun's modifiers name ("the official Soviet announcement"): whose it is."""
    found = (ctx.mention_at(c) for c in noun.children if c.dep_ in {"amod", "compound"})
    return [m.key for m in found if m is not None and ctx.type_of(m.key) == "Country"]


def _who_takes_part(token: "Token", event_type: str, clause: tuple[int, int], place_key: str | None,
                    reading: _Reading, ctx: DocContext) -> list[str]:
    """The event's participants: those of its clause, else whom its subject stands for ("the two
    commanders", "Saturday's launch" of the craft named last, the agency reporting a postponement)."""
    sent = reading.sent
    participants = _participants(token, sent, *clause, place_key, ctx, _phrases_of_other_events(token, reading.found))
    if event_type in _cues(ctx).people_of_sentence and not any(ctx.type_of(p) == "Person" for p in participants):
        participants += _people_in(sent, participants, ctx)  # "the chiefs met ..., when Bridenstine and Rogozin ..."
    if not participants:
        participants = _title_holders_named(token, reading.positions, ctx)  # "the two commanders clasped hands"
    if not participants and event_type == _STATEMENT:
        participants = _countries_owning(token, ctx)  # "the official Soviet announcement": the Soviet Union's
    if not any(ctx.type_of(p) in CRAFT_TYPES for p in participants) \
            and _is_dated_flight_noun(token, event_type, reading, ctx):
        participants += _craft_named_last(token, ctx, stations=False)  # "NASA called off Saturday's launch" of the craft the text is about
    if not participants and event_type in _cues(ctx).cancel_decisions:
        participants = [k for k in [_reporting_subject(token, ctx)] if k]  # "NASA said the trip would be postponed"
    return participants


def _when(token: "Token", status: Status, clause: tuple[int, int], reading: _Reading,
          ctx: DocContext) -> tuple[DateValue | None, int | None]:
    """The event's date and how it attaches (:func:`event_date`'s rank): its own, one counted from
    another event or day, the day or date the text is at, or a cited statement's publication date."""
    sent, narrative = reading.sent, reading.narrative
    mentions, _ = sentence_dates(sent, _tense(token, status, ctx), narrative, ctx.published)
    if any(t == token and t_type == _STATEMENT for t, t_type in reading.found):
        mentions = _not_reported(mentions, token, sent)
    decision = any(t == token and t_type in _cues(ctx).cancel_decisions for t, t_type in reading.found)
    when, rank = event_date(sent, token, reading.owners, clause, mentions, planned=status == "planned",
                            decision=decision)
    if (day := _day_named_for_when_clause(token, sent, mentions)) is not None:
        when, rank = day, 0  # "on Dec. 23, when Soyuz TMA-03M is due to arrive ... after a launch on Dec. 21"
    if rank == 2 and _in_time_clause(token):
        when, rank = None, None  # "After Russia annexed Crimea, ... NASA cut its contacts in April"
    if rank != 0 and _in_question_clause(token):
        return None, None  # "opened an inquiry on Monday into why the capsule landed off course"
    if _verb_parsed_as_noun(token):
        when, rank = _date_after(token, sent, mentions) or when, 0  # "... and land in Florida on July 7"
    if rank != 0 and (relative := _from_main_verb(token, sent, mentions, narrative, ctx)) is not None:
        when, rank = relative, 0  # "docked on Thursday, two days after Atlantis lifted off"; "on June 7, the day after their launch"
    if (years := years_from_main(token)) is not None:
        when, rank = _years_from(years, sent, mentions), 0  # "on Saturday, fifty years to the day after Apollo 11 landed"
    if rank != 0 and token.dep_ == "conj" and token.lemma_.lower() in _cues(ctx).needs_attached_date \
            and (shared := _date_of_coordinated(token, sent, mentions)) is not None:
        when, rank = shared, 0  # "Roscosmos reversed that position in February 2015 and said it would stay"
    if when is None and status == "happened" and _told_in_the_past(token, ctx) and not _counted_plural_subject(token, ctx):
        when = (_date_of_coordinated(token, sent, mentions) or _date_of_when_clause(token, sent, mentions)
                or _date_of_relative_clause(token, sent, mentions)
                or narrative.past_scene_day(ctx.published)
                or narrative.past_scene(ctx.published))  # "On Tuesday the crew boarded. Soyuz 19 lifted off at noon."
    if when is None and _is_stopped_attempt(token, ctx):
        when, rank = _verb_date(token.head, sent, mentions), 0  # "On Oct. 29 the countdown was halted": that day's attempt
    if when is None and (occasion := _occasion_of(token, reading.found)) is not None:
        when = _verb_date(occasion, sent, mentions)  # "The decree was signed at a meeting ... on Thursday": that day's
    if when is None and status == "planned":
        when = _date_of_when_clause(token, sent, mentions)  # "is planned for May 1995, when Atlantis is to bring Thagard home"
    if when is None and status == "happened" and _cited_in_the_present(token, narrative, ctx):
        when = _news_day(narrative, ctx.published)  # "Goldin said in a statement": the news of the day
    return when, rank


_NEWS_DAYS = 1
"""How many days before its publication a report's news may be: a morning paper's news is of the
day before ("on Monday" in Tuesday's paper). Three days read one more development statement right
but would undo the earlier rule that a message in Wednesday's report of Monday's docking is
Wednesday's news; left at one until more articles tell which holds."""


def _news_day(narrative: Narrative, published: date) -> DateValue:
    """The day of the news a report is telling: the latest day of an event it has told as happened,
    when that is no more than ``_NEWS_DAYS`` before publication ("The agencies on Monday signed ...
    Gerstenmaier said in a statement", in Tuesday's paper: Monday's), else the publication's day."""
    days = [d for d in (narrative.anchor, *narrative.event_days.values()) if d is not None and d.precision == "day"
            and 0 <= (published - d.first_day()).days <= _NEWS_DAYS]
    return max(days) if days else DateValue.from_date(published)


def _phrases_of_other_events(trigger: "Token", found: list[tuple["Token", str]]) -> set[int]:
    """The words of the noun phrases of the sentence's other event nouns that neither hold ``trigger``
    nor are its objects ("would fly home rather than wait for the launch of Soyuz 40": Soyuz 40 is
    the launch's; "postponed the launch of Starliner": Starliner's launch is what was postponed)."""
    return {t.i for other, _ in found if other != trigger and other.pos_ in _NOUN_TRIGGER_POS
            and trigger not in other.subtree and other.head != trigger for t in other.subtree}


def _participants(trigger: "Token", sent: "Span", start: int, end: int, place_key: str | None,
                  ctx: DocContext, others: set[int] = frozenset()) -> list[str]:
    """The people, agencies and spacecraft of the trigger's clause (and a pronoun subject's
    referents), not those of another event's noun phrase (``others``)."""
    participants: list[str] = []
    aside = _background_phrases(trigger, ctx) | others
    for tok in ctx.doc[start:end]:
        m = ctx.mention_at(tok)
        if m is None or m.key in participants or m.key == place_key or tok.i in aside \
                or _only_named_for_another(tok, ctx) or ctx.in_dateline(tok):
            continue
        if _can_take_part(ctx.type_of(m.key), trigger, ctx) and m.mention.kind != "demonym":
            participants.append(m.key)
    for key in [*_pronoun_subject(trigger, sent, ctx), *_country_subject(trigger, ctx), *_subjects_owners(trigger, ctx)]:
        if key not in participants and key != place_key:
            participants.append(key)
    return participants


def _background_phrases(trigger: "Token", ctx: DocContext) -> set[int]:
    """The words of the "after the Columbia accident" phrases of the trigger's verb (lexicon
    ``background_preps``): they name another event's parties, not this one's."""
    verb = clause_verb(trigger)
    phrases = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ctx.lexicon.background_preps]
    return {t.i for c in phrases if not (c.left_edge.i <= trigger.i <= c.right_edge.i) for t in c.subtree}


def _only_named_for_another(token: "Token", ctx: DocContext) -> bool:
    """"a visit by Bakanov's predecessor, Yuri Borisov": a possessor named to say who the person in
    apposition is, not a participant."""
    head = token.head
    while token.dep_ in {"compound", "flat"} and token.head != token:
        token, head = token.head, token.head.head
    named = ctx.mention_at(token)
    return (token.dep_ == "poss" and named is not None and ctx.type_of(named.key) == "Person"
            and any(c.dep_ == "appos" and ctx.mention_at(c) is not None for c in head.children))


def _country_subject(trigger: "Token", ctx: DocContext) -> list[str]:
    """A country that is the trigger's subject acts in it ("The Soviet Union plans to launch two
    probes"); elsewhere in the clause a country is a place or a demonym."""
    if trigger.pos_ not in {"VERB", "AUX"}:
        return []
    subject = _subject_of(trigger) or _inherited_subject(trigger)
    found = ctx.mention_at(subject) if subject is not None else None
    if found is None or ctx.type_of(found.key) != "Country" or found.mention.kind == "demonym":
        return []
    return [found.key]


def _people_in(sent: "Span", known: list[str], ctx: DocContext) -> list[str]:
    """The people the sentence names, not yet in ``known``."""
    keys = (ctx.mention_at(t) for t in sent)
    return list(dict.fromkeys(m.key for m in keys if m is not None and m.key not in known
                              and ctx.type_of(m.key) == "Person"))


def _can_take_part(entity_type: str, trigger: "Token", ctx: DocContext) -> bool:
    """People, agencies and spacecraft take part in events; countries only in political ones
    (``country_participants``: "Russia annexed Crimea"); some triggers take only some types
    (``participant_types``: spacecraft collide)."""
    types, lemma = _cues(ctx).participant_types, trigger.lemma_.lower()
    only = types.get(f"{lemma}/{trigger.pos_}", types.get(lemma))  # "fire/NOUN": a fire, not firing someone
    if only is not None:
        return entity_type in only
    if entity_type in PARTICIPANT_TYPES:
        return True
    return entity_type == "Country" and trigger.lemma_.lower() in _cues(ctx).country_participants


def _is_candidate(trigger: "Token", event_type: str, participants: list[str],
                  found: list[tuple["Token", str]], ctx: DocContext) -> bool:
    """Whether the trigger's arguments make it an event: the roles its type needs, a spacecraft for
    "fly"/"carry", and not the object of a suspension ("suspending Soyuz launches")."""
    if trigger.lemma_.lower() in ctx.lexicon.event_needs_craft and not _names_spaceflight(trigger, ctx):
        if not any(ctx.type_of(p) == "Spacecraft" for p in participants):
            return False
    return _has_required_roles(event_type, participants, ctx) and not _is_object_of_trigger(trigger, found, ctx)


def _names_spaceflight(trigger: "Token", ctx: DocContext) -> bool:
    """"return to Earth", "flew into orbit", "flew to the station": a destination that is spaceflight,
    with no craft named."""
    lexicon = ctx.lexicon
    destinations = lexicon.spaceflight_destinations.get(trigger.lemma_.lower(), frozenset())
    if any(c.dep_ == "dobj" for c in trigger.children):
        destinations = frozenset()  # "the agencies still fly each other's crews to the station": who flies whom
    return any(g.lower_ in lexicon.spaceflight_words or (c.lower_ == "to" and g.lower_ in destinations)
               for c in trigger.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj")


_ANAPHOR_DETERMINERS = {"the", "that", "this"}


def _of_a_kind(trigger: "Token") -> bool:
    """"The second such landing in a row", "another such flight": a noun trigger that names the
    kind of an event told before, not a new one ("the first such talks in years" is the event)."""
    words = {c.lower_ for c in trigger.children}
    return trigger.pos_ in _NOUN_TRIGGER_POS and "such" in words and "first" not in words


def _join_anaphor(trigger: "Token", event_type: str, sent: "Span", events: list[Event],
                  lemmas: list[str], ctx: DocContext) -> None:
    """"The visit never took place": a definite noun trigger without participants names the last
    event of its type and trigger; it adds its sentence, and a cancellation it reports."""
    if trigger.pos_ not in _NOUN_TRIGGER_POS:
        return
    if not any(c.dep_ == "det" and c.lower_ in _ANAPHOR_DETERMINERS for c in trigger.children) \
            and not _of_a_kind(trigger):
        return
    lemma = trigger.lemma_.lower()
    watched = _watched(trigger, ctx)  # "watched the launch" is the launch told, however it was told
    index = next((i for i in range(len(events) - 1, -1, -1)
                  if events[i].type == event_type and (watched or lemmas[i] == lemma)), None)
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


def _watched(trigger: "Token", ctx: DocContext) -> bool:
    """"Bridenstine watched the launch from Baikonur": a definite event noun that a ``reference_verbs``
    verb takes as its object names an event told before, when there is one."""
    return (trigger.pos_ in _NOUN_TRIGGER_POS and trigger.dep_ == "dobj"
            and trigger.head.lemma_.lower() in _cues(ctx).reference_verbs
            and any(c.dep_ == "det" and c.lower_ in _ANAPHOR_DETERMINERS for c in trigger.children))


def _calling_off(trigger: "Token", event_type: str, sent: "Span", events: list[Event],
                 lemmas: list[str], ctx: DocContext) -> tuple[Event, tuple[int, int]] | None:
    """"The launch had been set for June 23, but ... forced managers to call off that attempt": a
    decision to call off, naming nobody, is about the event its sentence tells as called off; it
    takes that event's parties and day."""
    if event_type not in _cues(ctx).cancel_decisions or _status(trigger, event_type, sent, ctx) != "happened":
        return None
    index = _called_off_index(sent, events, ctx)
    if index is None:
        return None
    called_off = events[index]
    event = Event(event_type, _called_off_label(index, events, lemmas, ctx), called_off.date, called_off.place,
                  called_off.participants, "happened", (ctx.evidence(sent),), trigger.lemma_.lower())
    return event, _clause(trigger, sent, ctx)


def _called_off_index(sent: "Span", events: list[Event], ctx: DocContext) -> int | None:
    """The index of the last event that the sentence tells as called off, if any."""
    here = ctx.evidence(sent)
    return next((i for i in range(len(events) - 1, -1, -1)
                 if events[i].status == "canceled" and here in events[i].evidence), None)


def _called_off_label(index: int, events: list[Event], lemmas: list[str], ctx: DocContext) -> str:
    """"Visit by Dmitry Rogozin called off", from the called-off event's own trigger."""
    called_off = events[index]
    return f"{_label(called_off.type, lemmas[index], list(called_off.participants), 'happened', ctx)} called off"


def _keep_undated(status: Status, participants: list[str], ctx: DocContext) -> bool:
    """An undated event stays on record when it is a plan or a cancellation of someone named
    ("Bakanov will tour the Johnson Space Center"); an undated past event is background (keeping
    undated past statements was measured to add wrong events, not right ones, and so was keeping
    undated news in the present perfect: "ESA has suspended ..." is dated sentences later)."""
    return status != "happened" and any(ctx.type_of(p) in {"Person", "Agency", "Spacecraft"} for p in participants)


def _merge(events: list[Event], ctx: DocContext) -> list[Event]:
    """Event coreference within a document: a mention of the same type and status, with a compatible
    date and a shared participant, joins the first mention of that event, which keeps every sentence;
    statements of different people stay apart ("Goldin said in a statement", "in a message, Koptev said").
    A class name shares with the flight it names ("Saturday's Soyuz landing", "Soyuz TMA-11 came
    down on Saturday"), which takes its place."""
    merged: list[Event] = []
    for ev in events:
        for i, other in enumerate(merged):
            if _same_event(other, ev, ctx) and not _different_speakers(other, ev, ctx):
                merged[i] = _joined(other, ev, ctx)
                break
        else:
            merged.append(ev)
    return merged


def _different_speakers(a: Event, b: Event, ctx: DocContext) -> bool:
    """Two statements whose people are all different: two speakers, two statements."""
    if a.type != _STATEMENT:
        return False
    people_a, people_b = _people_of(a, ctx), _people_of(b, ctx)
    return bool(people_a and people_b) and not people_a & people_b


def _same_event(a: Event, b: Event, ctx: DocContext) -> bool:
    if a.type != b.type or a.status != b.status:
        return False
    if a.type == "Other" and _kind_of_other(a, ctx) != _kind_of_other(b, ctx):
        return False  # "Visit by Discovery" and "Hatch opening by Sergei Krikalev" the same day: two events
    shared = set(a.participants) & set(b.participants)
    if shared and _only_countries_shared(a, b, shared, ctx):
        return False  # "Goldin and Koptev signed ..., Gore and Chernomyrdin signed ...": two signings
    if not shared:
        return (a.date is not None and b.date is not None and a.date.precision == "day" and a.date == b.date
                and bool(_classes_named(a, b, ctx) or _classes_named(b, a, ctx)))
    if a.date is None or b.date is None:
        # "talks that will be the first since 2018" ... "they are scheduled to meet on Thursday"
        return ((a.date is None and b.date is None) or len(shared) >= 2
                or set(a.participants) <= set(b.participants) or set(b.participants) <= set(a.participants))
    return a.date.overlaps(b.date) and (a.date.precision != b.date.precision or a.date == b.date)


def _kind_of_other(event: Event, ctx: DocContext) -> str:
    """What an "Other" event is: the ``other_labels`` pattern of its trigger ("resigned" and "his
    resignation" are one kind, "Resignation of {who}"), else the trigger itself."""
    return _cues(ctx).other_labels.get(event.trigger, event.trigger)


def _only_countries_shared(a: Event, b: Event, shared: set[str], ctx: DocContext) -> bool:
    """Whether two events share only countries while each names people, none of them the other's."""
    people_a, people_b = _people_of(a, ctx), _people_of(b, ctx)
    return (all(ctx.type_of(p) == "Country" for p in shared) and bool(people_a) and bool(people_b)
            and not people_a & people_b)


def _people_of(event: Event, ctx: DocContext) -> set[str]:
    """The people who take part in ``event``."""
    return {p for p in event.participants if ctx.type_of(p) == "Person"}


def _finer(a: DateValue | None, b: DateValue | None) -> DateValue | None:
    if a is None or b is None:
        return a or b
    order = ("year", "month", "day")
    return b if order.index(b.precision) > order.index(a.precision) else a


def _classes_named(a: Event, b: Event, ctx: DocContext) -> set[str]:
    """The participants of ``a`` that are the class names of participants of ``b``."""
    return {p for p in a.participants if any(ctx.names_class_of(p, q) for q in b.participants)}


def _joined(a: Event, b: Event, ctx: DocContext) -> Event:
    classes = _classes_named(a, b, ctx)
    parts = tuple(p for p in a.participants if p not in classes)
    parts += tuple(p for p in b.participants if p not in parts and p not in _classes_named(b, a, ctx))
    seen = {e.start for e in a.evidence}
    evidence = a.evidence + tuple(e for e in b.evidence if e.start not in seen)
    label = b.label if classes else a.label
    if a.type != _STATEMENT and _label(a.type, a.trigger, list(a.participants), a.status, ctx) == a.label:
        # a label made from the participants names those told later too ("Meeting of Gilruth" told again
        # with Feoktistov); a statement's stays its speaker's (who else takes part is spoken of)
        label = _label(a.type, a.trigger, list(parts), a.status, ctx)
    return Event(a.type, label, _finer(a.date, b.date), a.place or b.place, parts, a.status, evidence, a.trigger)
