"""Which agencies and countries take part in which programs and spacecraft, and agencies' countries.

Involvement is read from these kinds of wording:
- a party modifying the craft or program: "NASA's Artemis program", "the U.S. shuttle Atlantis",
  "Russian Soyuz and Progress ships", "the U.S.-built Unity node", "Zarya, a Russian-built control
  module", "a Russian module, Zarya", "the Atlas V, one of the main American rockets";
- a party as subject or agent of a verb of building or operating: "launched jointly by ESA and Roscosmos";
  a country a craft was made in: "Zarya, built in Russia";
- a party staying in or leaving a program: "Russia will pull out of the station"; a party's share
  of it: "its part of the station", "the Russian segment of the station";
- a sentence about cooperation ("partner", "agreement", "jointly"...) naming parties and a program;
- background knowledge: a partner the gazetteer records for a program, when one sentence names
  both (or the document names every recorded partner).
The cue words are data (``involvement`` in kg/data/lexicon.yaml).
An agency's country is stated when the text names both and the gazetteer (background knowledge)
records that country for the agency, or when the text says "Japan's space agency, JAXA".
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.extract.context import DocContext
from kg.extract.resolve import Resolved
from kg.model import AgencyCountry, Involvement
from kg.lexicon import load_cue_section

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

PROGRAM_TYPES = {"Program", "Spacecraft"}
PARTY_TYPES = {"Agency", "Country"}
_NP_FILLER_POS = {"DET", "ADJ", "NOUN", "NUM", "PUNCT", "PART", "ADV"}
# Punctuation that ends the noun phrase before a program: "Baikonur, Kazakhstan — A Soyuz rocket".
_PHRASE_BREAKS = {",", ";", "(", ")", "\u2014", "\u2013", "--", ":"}
_PRONOUN_SUBJECTS = {"it", "they"}
_POSSESSIVE_PRONOUNS = {"its", "their"}
# Clauses that set a scene rather than state cooperation: "Since Russia invaded Ukraine, ...".
_SCENE_MARKERS = {"since", "after", "before", "when", "while", "as", "because", "although", "though"}


@dataclass(frozen=True)
class InvolvementCues:
    """The ``involvement`` section of kg/data/lexicon.yaml."""

    operate_verbs: frozenset[str]
    membership_verbs: frozenset[str]
    part_verbs: frozenset[str]
    part_nouns: frozenset[str]
    carry_verbs: frozenset[str]
    share_nouns: frozenset[str]
    cooperation_cues: frozenset[str]
    maker_suffixes: frozenset[str]
    made_in_verbs: frozenset[str]


@functools.lru_cache(maxsize=1)
def load_involvement_cues() -> InvolvementCues:
    """The shipped involvement cues (cached).

    >>> "operate" in load_involvement_cues().operate_verbs
    True
    """
    return load_cue_section("involvement", InvolvementCues)


def _party(r: Resolved | None, ctx: DocContext) -> Resolved | None:
    if r is not None and ctx.type_of(r.key) in PARTY_TYPES:
        return r
    return None


def _modifier_parties(program: Resolved, ctx: DocContext) -> list[Resolved]:
    """Parties in the noun phrase before the program, or in an apposition beside it."""
    span = ctx.span_of(program)
    return [*_parties_before(span, ctx), *_parties_after(span, ctx), *_apposition_parties(span, ctx)]


def _parties_before(span: "Span", ctx: DocContext) -> list[Resolved]:
    """"NASA and Roscosmos's station", "the U.S. shuttle Atlantis", "Russian Soyuz and Progress
    ships" (a party before coordinated programs modifies each of them)."""
    doc, sent = ctx.doc, span.sent
    found = []
    i, steps = span.start - 1, 0
    while i >= sent.start and steps < 5:
        tok = doc[i]
        m = ctx.mention_at(tok)
        coordinated = not found and i + 1 < span.start and doc[i + 1].lower_ == "and"
        if m is not None and (_party(m, ctx) is not None or coordinated and ctx.type_of(m.key) in PROGRAM_TYPES):
            if _party(m, ctx) is not None:
                found.append(m)  # "NASA and Roscosmos's": keep reading coordinated parties
            i = ctx.span_of(m).start - 1
            steps += 1
            continue
        if tok.lower_ in _POSSESSIVE_PRONOUNS and tok.dep_ == "poss":
            found += _clause_subject_parties(tok.head, ctx)  # "The Soviets launched ... their Salyut 6"
            break
        if m is not None or tok.text in _PHRASE_BREAKS or tok.lower_ in {"from", "by", "with", "to"}:
            break
        if tok.lower_ in {"and", "-", "built"} or tok.pos_ in _NP_FILLER_POS:
            i -= 1
            steps += 1
            continue
        break
    return found


def _parties_after(span: "Span", ctx: DocContext) -> list[Resolved]:
    """"Kazachok, a Russian-built landing platform", "Unity, the first U.S.-built node"; not the
    subject of the next clause ("Since the loss of Columbia, the Russian agency carries ...")."""
    doc, sent = ctx.doc, span.sent
    j = span.end
    if j >= sent.end or doc[j].text != ",":
        return []
    for j in range(j + 1, min(sent.end, j + 5)):
        tok = doc[j]
        m = ctx.mention_at(tok)
        if m is not None:
            subject = ctx.span_of(m).root.dep_ in {"nsubj", "nsubjpass"}
            return [m] if _party(m, ctx) is not None and not subject else []
        if tok.pos_ not in {"DET", "ADJ", "ADV", "PUNCT"} or tok.text == ",":
            return []
    return []


def _apposition_parties(span: "Span", ctx: DocContext) -> list[Resolved]:
    """A party modifying the noun the program is in apposition with, either way round: "a Russian
    module, Zarya", "Russia's first lunar lander, Luna-25", "the Atlas V, one of the two main
    American rockets"."""
    root = span.root
    nouns = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos" and root.head.i < span.start:
        nouns.append(root.head)
    found = []
    for noun in nouns:
        if noun.lower_ == "one":  # "one of the ... rockets"
            noun = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                         for g in c.children if g.dep_ == "pobj"), noun)
        if noun.pos_ not in {"NOUN", "PROPN"} or ctx.mention_at(noun) is not None:
            continue
        for tok in ctx.doc[noun.left_edge.i:noun.i]:
            m = ctx.mention_at(tok)
            if m is not None and _party(m, ctx) is not None and m not in found:
                found.append(m)
    return found


def _mentions_under(token: "Token", ctx: DocContext, types: set[str]) -> list[Resolved]:
    return [m for t in token.subtree if (m := ctx.mention_at(t)) is not None and ctx.type_of(m.key) in types]


def _verb_parties(sent: "Span", ctx: DocContext) -> list[tuple[Resolved, Resolved]]:
    """(program, party) pairs of verbs of building and operating: "launched jointly by ESA and
    Roscosmos", "the station that NASA and Roscosmos operate", "The station is a partnership led by
    NASA and ...", "NASA, which supplied part of the rover's instruments", "Zarya, a module paid for
    by the United States"; of staying and leaving: "Russia will pull out of the station"; of a
    share: "its part of the station"; and of "whose": "CNSA, whose Zhurong rover landed"."""
    cues = load_involvement_cues()
    pairs = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in cues.operate_verbs:
            pairs += _operate_pairs(tok, ctx)
        elif tok.pos_ == "VERB" and (lemma in cues.membership_verbs or _takes_part(tok, cues)):
            pairs += _membership_pairs(tok, ctx)
        elif tok.pos_ == "VERB" and lemma in cues.carry_verbs:
            pairs += _crew_agency_pairs(tok, ctx)
        elif tok.pos_ == "NOUN" and tok.lower_ in cues.share_nouns:
            pairs += _share_pairs(tok, ctx)
        elif tok.lower_ == "whose":
            pairs += _whose_pairs(tok, ctx)
    return pairs


def _operate_pairs(verb: "Token", ctx: DocContext) -> list[tuple[Resolved, Resolved]]:
    """The parties (subject, agent) and programs (object) of a verb of building or operating.
    A verb with no subject of its own takes the subject of the verbs it completes: "the station
    that the United States, Russia and Japan intend to begin assembling"."""
    parties, programs = [], []
    passive = any(c.dep_ == "agent" for c in verb.children)
    governing = verb
    while governing.dep_ == "xcomp" and not any(c.dep_ in {"nsubj", "agent"} for c in governing.children):
        governing = governing.head
    if governing is not verb and not passive:
        parties += [m for c in governing.children if c.dep_ == "nsubj" for m in _mentions_under(c, ctx, PARTY_TYPES)]
        if governing.dep_ == "relcl":
            programs += _described_programs(governing.head, ctx)
    for child in verb.children:
        if passive and child.dep_ == "nsubj":
            programs += _mentions_under(child, ctx, PROGRAM_TYPES)
            continue
        if child.dep_ in {"nsubj", "agent"}:
            if child.lower_ in {"which", "who", "that"} and verb.dep_ == "relcl":
                head = ctx.mention_at(verb.head)
                if head is not None and ctx.type_of(head.key) in PARTY_TYPES:
                    parties.append(head)
            else:
                parties += _mentions_under(child, ctx, PARTY_TYPES)
        if child.dep_ in {"dobj", "nsubjpass"}:
            programs += _mentions_under(child, ctx, PROGRAM_TYPES)
    parties += _made_in(verb, ctx)
    if verb.dep_ in {"acl", "relcl"}:
        programs += _described_programs(verb.head, ctx)
    return [(p, q) for p in programs for q in parties]


def _made_in(verb: "Token", ctx: DocContext) -> list[Resolved]:
    """The country a verb of making names after "in": "built in Russia", "assembled in Japan"."""
    if verb.lemma_.lower() not in load_involvement_cues().made_in_verbs:
        return []
    places = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children if g.dep_ == "pobj"]
    return [m for g in places if (m := ctx.mention_at(g)) is not None and ctx.type_of(m.key) == "Country"]


def _described_programs(noun: "Token", ctx: DocContext) -> list[Resolved]:
    """The program a noun names or describes: "the station", "Zarya, a module [paid for by ...]",
    "The station is a partnership [led by ...]"."""
    head = ctx.mention_at(noun)
    if head is not None:
        return [head] if ctx.type_of(head.key) in PROGRAM_TYPES else []
    if noun.dep_ == "appos":
        head = ctx.mention_at(noun.head)
        if head is not None and ctx.type_of(head.key) in PROGRAM_TYPES:
            return [head]
    of = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if of and _own_mention(of[0], ctx, PROGRAM_TYPES):  # "the first phase of the station [that X builds]"
        return _own_mention(of[0], ctx, PROGRAM_TYPES)
    if noun.dep_ == "attr":
        return [m for c in noun.head.children if c.dep_ == "nsubj" for m in _mentions_under(c, ctx, PROGRAM_TYPES)]
    return []


def _takes_part(verb: "Token", cues: InvolvementCues) -> bool:
    """"took part", "played a role": a ``part_verbs`` verb with a ``part_nouns`` object (not "has no
    role in ExoMars", "would not take a large part in the Gateway")."""
    if verb.lemma_.lower() not in cues.part_verbs or any(c.dep_ == "neg" for c in verb.children):
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in cues.part_nouns
               and not any(d.dep_ == "det" and d.lower_ == "no" for d in c.children) for c in verb.children)


def _membership_pairs(verb: "Token", ctx: DocContext) -> list[tuple[Resolved, Resolved]]:
    """"Russia will pull out of the International Space Station", "Russia would leave the
    station", "Russia says it will stay on the station", "the Vega project, in which Poland and
    France took part"."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    parties = _subject_parties(subject, ctx) if subject is not None else []
    programs = []
    for child in verb.children:
        if child.dep_ == "dobj":
            programs += _own_mention(child, ctx, PROGRAM_TYPES)
        if child.dep_ in {"prep", "prt", "dobj"}:  # "took part in the project": "in" may hang from "part"
            for grand in child.subtree:
                if grand.dep_ == "pobj" and grand.lower_ == "which" and verb.dep_ == "relcl":  # "the project, in which X took part"
                    programs += _own_mention(verb.head, ctx, PROGRAM_TYPES) or _described_programs(verb.head, ctx)
                elif grand.dep_ == "pobj":
                    programs += _own_mention(grand, ctx, PROGRAM_TYPES)
    return [(p, q) for p in programs for q in parties]


def _crew_agency_pairs(verb: "Token", ctx: DocContext) -> list[tuple[Resolved, Resolved]]:
    """"Crew-1 will carry three NASA astronauts and Soichi Noguchi of JAXA": the agencies of the
    crew members a mission carries take part in it ("NASA astronauts", "X of JAXA"). Not a
    vehicle's: "Atlantis carries five NASA astronauts" says who rides, not who runs it."""
    clause = verb.head if verb.dep_ in {"xcomp", "conj"} else verb  # "Crew-4 is to carry", "... and will carry"
    subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    programs = _described_programs(subject, ctx) if subject is not None else []
    programs = programs or (_mentions_under(subject, ctx, PROGRAM_TYPES)[:1] if subject is not None else [])
    programs = [p for p in programs if ctx.type_of(p.key) == "Program"]  # a mission, not a vehicle
    if not programs or obj is None:
        return []
    parties = []
    for tok in obj.subtree:
        m = ctx.mention_at(tok)
        if m is None or _party(m, ctx) is None or m in parties:
            continue
        if _is_affiliation(m, ctx) or _of_crew_member(tok, ctx):
            parties.append(m)
    return [(p, q) for p in programs for q in parties]


def _of_crew_member(token: "Token", ctx: DocContext) -> bool:
    """"Soichi Noguchi of JAXA", "three astronauts of JAXA": the party a crew member is of."""
    of = token.head
    if of.lower_ != "of":
        return False
    owner = of.head
    named = ctx.mention_at(owner)
    return (named is not None and ctx.type_of(named.key) == "Person") or owner.lemma_.lower() in ctx.lexicon.corps_titles


def _share_pairs(noun: "Token", ctx: DocContext) -> list[tuple[Resolved, Resolved]]:
    """"its part of the station", "the Russian segment of the station", "the Russian and American
    halves of the station": the owner of the share takes part in the program."""
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    programs = _own_mention(obj, ctx, PROGRAM_TYPES) if obj is not None else []
    if not programs:
        return []
    parties = []
    for tok in ctx.doc[noun.left_edge.i:noun.i]:
        if tok.lower_ in _POSSESSIVE_PRONOUNS and tok.head.i == noun.i:
            parties += _clause_subject_parties(noun, ctx)
        m = ctx.mention_at(tok)
        if m is not None and _party(m, ctx) is not None:
            parties.append(m)
    return [(p, q) for p in programs for q in parties]


def _whose_pairs(tok: "Token", ctx: DocContext) -> list[tuple[Resolved, Resolved]]:
    """"CNSA, whose Zhurong rover landed on Mars": the owner of "whose" takes part."""
    noun = tok.head
    if noun.dep_ not in {"nsubj", "nsubjpass", "dobj"} or noun.head.dep_ != "relcl":
        return []
    owner = ctx.mention_at(noun.head.head)
    if owner is None or ctx.type_of(owner.key) not in PARTY_TYPES:
        return []
    for t in [*noun.lefts, noun]:
        m = ctx.mention_at(t)
        if m is not None and ctx.type_of(m.key) in PROGRAM_TYPES:
            return [(m, owner)]
    return []


def _own_mention(token: "Token", ctx: DocContext, types: set[str]) -> list[Resolved]:
    """The mention ``token`` heads (not one inside its modifiers), or that a head noun stands after
    ("the Vega project", "the Giotto probe": the lexicon's ``program_heads`` and ``craft_heads``)."""
    m = ctx.mention_at(token)
    if m is None and token.lower_ in ctx.lexicon.program_heads | ctx.lexicon.craft_heads:
        m = next((n for c in token.children if c.dep_ == "compound" and (n := ctx.mention_at(c)) is not None), None)
    return [m] if m is not None and ctx.type_of(m.key) in types else []


def _subject_parties(subject: "Token", ctx: DocContext) -> list[Resolved]:
    """The parties a subject names; "it"/"they" stand for the party subject of the clause above."""
    if subject.lower_ in _PRONOUN_SUBJECTS:
        return _clause_subject_parties(subject.head.head, ctx) if subject.head.dep_ != "ROOT" else []
    return _mentions_under(subject, ctx, PARTY_TYPES)


def _clause_subject_parties(token: "Token", ctx: DocContext) -> list[Resolved]:
    """The party that is the subject of the nearest clause above ``token`` that has one; past a
    subject that names no one ("The Soviet Union said that a capsule from its Mars 3 probe had
    landed": the Soviet Union's probe)."""
    for node in [token, *token.ancestors]:
        subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ not in _PRONOUN_SUBJECTS:
            conjuncts = [subject, *(t for t in subject.subtree if t.dep_ == "conj" and t.head.i != t.i)]
            parties = [m for t in conjuncts for m in _own_mention(t, ctx, PARTY_TYPES)]
            if parties or ctx.mention_at(subject) is not None:
                return parties
    return []


def _one_program_phrase(programs: list[Resolved], ctx: DocContext) -> list[Resolved]:
    """The programs of a cooperation sentence when there is one, or several coordinated in one
    phrase ("the Phobos 1 and Phobos 2 probes"); none when the sentence names unrelated ones."""
    keys = {p.key for p in programs}
    if len(keys) <= 1:
        return programs[:1]
    spans = [ctx.span_of(p) for p in programs]
    first, last = min(s.start for s in spans), max(s.end for s in spans)
    between = ctx.doc[first:last]
    if all(ctx.mention_at(t) is not None or t.lower_ in {"and", ",", "the"} for t in between):
        return list({p.key: p for p in programs}.values())
    return []


def _is_affiliation(m: Resolved, ctx: DocContext) -> bool:
    """"NASA astronaut", "Roscosmos cosmonauts": the party names a person's employer here."""
    span = ctx.span_of(m)
    if span.end < len(ctx.doc):
        nxt = ctx.doc[span.end]
        if nxt.text in {"'s", "'"} and span.end + 1 < len(ctx.doc):
            nxt = ctx.doc[span.end + 1]
        low = nxt.lower_
        return low in ctx.lexicon.title_heads or low.rstrip("s") in ctx.lexicon.title_heads
    return False


def _is_place_object(m: Resolved, ctx: DocContext) -> bool:
    """"from the Baikonur Cosmodrome in Kazakhstan": a country as a place, not a party."""
    span = ctx.span_of(m)
    i = span.start - 1
    while i >= 0 and ctx.doc[i].lower_ in {"the", "a"}:
        i -= 1
    return i >= 0 and ctx.doc[i].lower_ in {"in", "at", "from", "near", "over", "to", "into", "outside"}


def extract_involvement(ctx: DocContext) -> list[Involvement]:
    """Every (program, party) pair the document states, with the sentence it was read from."""
    found: dict[tuple[str, str], Involvement] = {}

    def add(program: Resolved, party: Resolved, sent: "Span") -> None:
        key = (program.key, party.key)
        if program.key != party.key and key not in found:
            found[key] = Involvement(program.key, party.key, ctx.evidence(sent))

    owned: set[tuple[str, int]] = set()  # (program key, sentence start) with a party modifying it
    for r in ctx.resolved:
        span = ctx.span_of(r) if ctx.type_of(r.key) in PROGRAM_TYPES else None
        for party in _modifier_parties(r, ctx) if span is not None else ():
            add(r, party, span.sent)
            owned.add((r.key, span.sent.start))
    for sent in ctx.sentences:
        for program, party in [*_verb_parties(sent, ctx), *_cooperation_pairs(sent, ctx, owned)]:
            add(program, party, sent)
    for program_key, party_key, sent in _known_partners(ctx):
        key = (program_key, party_key)
        if key not in found:
            found[key] = Involvement(program_key, party_key, ctx.evidence(sent))
    return list(found.values())


def _cooperation_pairs(sent: "Span", ctx: DocContext, owned: set[tuple[str, int]]) -> list[tuple[Resolved, Resolved]]:
    """A sentence about cooperation: its program (or coordinated programs) and the parties it
    names as actors. Not a program whose owner the sentence already gives ("NASA astronauts on
    Russian Soyuz ships"), not a party named as a person's employer, a place, or in a clause that
    only sets the scene ("Since Russia invaded Ukraine, ...")."""
    if not {t.lower_ for t in sent} & load_involvement_cues().cooperation_cues:
        return []
    mentions = ctx.mentions_in(sent.start_char, sent.end_char)
    programs = _one_program_phrase([m for m in mentions if ctx.type_of(m.key) in PROGRAM_TYPES], ctx)
    programs = [p for p in programs if (p.key, sent.start) not in owned]
    parties = [
        m for m in mentions
        if ctx.type_of(m.key) in PARTY_TYPES and m.mention.kind != "demonym"
        and not _is_affiliation(m, ctx) and not _is_place_object(m, ctx) and not _in_scene_clause(m, programs, ctx)
    ]
    return [(p, q) for p in programs for q in parties]


def _in_scene_clause(m: Resolved, programs: list[Resolved], ctx: DocContext) -> bool:
    """Whether ``m`` is inside a "since/after/when ..." clause that names none of ``programs``
    and no cooperation cue."""
    cues = load_involvement_cues().cooperation_cues
    for node in ctx.span_of(m).root.ancestors:
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _SCENE_MARKERS for c in node.children):
            inside = range(node.left_edge.i, node.right_edge.i + 1)
            names_program = any(ctx.span_of(p).start in inside for p in programs)
            names_cue = any(ctx.doc[i].lower_ in cues for i in inside)
            return not names_program and not names_cue
    return False


def _known_partners(ctx: DocContext) -> list[tuple[str, str, "Span"]]:
    """A multinational program and a partner the gazetteer records for it, both named in the text.

    Background knowledge grounded in the document, as for agency countries: the partner counts
    when one sentence names both (the evidence), or when the document names every partner the
    gazetteer records (a bilateral program told whole; the evidence is the program's first
    sentence). A partner named only elsewhere in an article does not make it a party: a story that
    mentions ESA and the station in different paragraphs says nothing of ESA's part in it.
    """
    first: dict[str, Resolved] = {}
    for r in ctx.resolved:
        first.setdefault(r.key, r)
    quoted = _quoted_ranges(ctx)
    outside = {r.key for r in ctx.resolved if not any(a <= r.mention.start < b for a, b in quoted)}
    out = []
    for key, r in first.items():
        entry = ctx.gazetteer.get(key)
        if entry is None or not entry.partners:
            continue
        # a program named only inside someone's quoted words is not told by the article
        told_whole = key in outside and all(partner in first for partner in entry.partners)
        for partner in entry.partners:
            sent = ctx.first_shared_sentence(key, partner) if partner in first else None
            if sent is None and told_whole:
                sent = ctx.span_of(r).sent
            if sent is not None:
                out.append((key, partner, sent))
    return out


def _quoted_ranges(ctx: DocContext) -> list[tuple[int, int]]:
    """The character ranges of the document's quotations."""
    return [(span.open, span.close) for span in ctx.quoted]


def extract_agency_countries(ctx: DocContext) -> list[AgencyCountry]:
    """Agency -> country pairs whose agency and country the document both names."""
    first: dict[str, Resolved] = {}
    for r in ctx.resolved:
        first.setdefault(r.key, r)
    countries = {k for k in first if ctx.type_of(k) == "Country"}
    found: dict[tuple[str, str], AgencyCountry] = {}
    for key, r in first.items():
        if ctx.type_of(key) != "Agency":
            continue
        entry = ctx.gazetteer.get(key)
        country = entry.country if entry else None
        if country is None:
            country = _stated_country(r, ctx)
        if country is None or country not in countries:
            continue
        sent = ctx.first_shared_sentence(key, country) or ctx.span_of(r).sent
        found[(key, country)] = AgencyCountry(key, country, ctx.evidence(sent))
    return list(found.values())


def _stated_country(agency: Resolved, ctx: DocContext) -> str | None:
    """"Japan's space agency, JAXA" / a country name inside the agency's own name."""
    span = ctx.span_of(agency)
    doc = ctx.doc
    i = span.start - 1
    if i >= span.sent.start and doc[i].text == "'s" and i - 1 >= 0:
        m = ctx.mention_at(doc[i - 1])
        if m is not None and ctx.type_of(m.key) == "Country":
            return m.key
    for tok in span:
        for entry in ctx.gazetteer.lookup(tok.text, on=ctx.published):
            if entry.type == "Country":
                return entry.id
    return None
