"""Which agencies and countries take part in which programs and spacecraft, and agencies' countries.

Involvement is read from three kinds of wording:
- a party modifying the craft or program: "NASA's Artemis program", "the U.S. shuttle Atlantis",
  "a Russian Proton rocket", "Zarya, a Russian-built control module";
- a party as subject or agent of a verb of building or operating: "launched jointly by ESA and Roscosmos";
- a sentence about cooperation ("partner", "agreement", "jointly"...) naming parties and a program.
An agency's country is stated when the text names both and the gazetteer (background knowledge)
records that country for the agency, or when the text says "Japan's space agency, JAXA".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.context import DocContext
from kg.extract.resolve import Resolved
from kg.model import AgencyCountry, Involvement

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

PROGRAM_TYPES = {"Program", "Spacecraft"}
PARTY_TYPES = {"Agency", "Country"}
_OPERATE_VERBS = {"operate", "build", "launch", "supply", "manage", "run", "lead", "develop", "provide",
                  "pay", "fund", "design", "control", "own", "order", "buy", "purchase", "commission"}
_COOPERATION_CUES = {"partner", "partners", "partnership", "cooperation", "co-operation", "jointly", "joint",
                     "together", "agreement", "collaboration", "collaborative", "participation", "partnered",
                     "coordination"}
_NP_FILLER_POS = {"DET", "ADJ", "NOUN", "NUM", "PUNCT", "PART", "ADV"}


def _party(r: Resolved | None, ctx: DocContext) -> Resolved | None:
    if r is not None and ctx.type_of(r.key) in PARTY_TYPES:
        return r
    return None


def _modifier_parties(program: Resolved, ctx: DocContext) -> list[Resolved]:
    """Parties in the noun phrase before the program, or in an apposition right after it."""
    doc = ctx.doc
    span = ctx.span_of(program)
    sent = span.sent
    found = []
    i = span.start - 1
    steps = 0
    while i >= sent.start and steps < 5:
        tok = doc[i]
        m = ctx.mention_at(tok)
        if m is not None:
            party = _party(m, ctx)
            if party is not None:
                found.append(party)
                # "NASA and Roscosmos's": keep reading coordinated parties
                i = ctx.span_of(m).start - 1
                steps += 1
                continue
            break
        if tok.lower_ in {"and", "-", "built"} or tok.pos_ in _NP_FILLER_POS and tok.text not in {",", ";", "(", ")"}:
            if tok.lower_ in {"from", "by", "with", "to"}:
                break
            i -= 1
            steps += 1
            continue
        break
    # apposition: "Kazachok, a Russian-built landing platform"
    j = span.end
    if j < sent.end and doc[j].text == ",":
        j += 1
        steps = 0
        while j < sent.end and steps < 4:
            tok = doc[j]
            m = ctx.mention_at(tok)
            if m is not None:
                party = _party(m, ctx)
                if party is not None:
                    found.append(party)
                break
            if tok.pos_ not in {"DET", "ADJ", "ADV", "PUNCT"} or tok.text == ",":
                break
            j += 1
            steps += 1
    return found


def _mentions_under(token: "Token", ctx: DocContext, types: set[str]) -> list[Resolved]:
    return [m for t in token.subtree if (m := ctx.mention_at(t)) is not None and ctx.type_of(m.key) in types]


def _verb_parties(sent: "Span", ctx: DocContext) -> list[tuple[Resolved, Resolved]]:
    """(program, party) pairs of verbs of building and operating: "launched jointly by ESA and
    Roscosmos", "the station that NASA and Roscosmos operate", "The station is a partnership led by
    NASA and ...", "NASA, which supplied part of the rover's instruments"."""
    pairs = []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in _OPERATE_VERBS:
            continue
        parties, programs = [], []
        passive = any(c.dep_ == "agent" for c in tok.children)
        for child in tok.children:
            if passive and child.dep_ == "nsubj":
                programs += _mentions_under(child, ctx, PROGRAM_TYPES)
                continue
            if child.dep_ in {"nsubj", "agent"}:
                if child.lower_ in {"which", "who", "that"} and tok.dep_ == "relcl":
                    head = ctx.mention_at(tok.head)
                    if head is not None and ctx.type_of(head.key) in PARTY_TYPES:
                        parties.append(head)
                else:
                    parties += _mentions_under(child, ctx, PARTY_TYPES)
            if child.dep_ in {"dobj", "nsubjpass"}:
                programs += _mentions_under(child, ctx, PROGRAM_TYPES)
        if tok.dep_ in {"acl", "relcl"}:
            head = ctx.mention_at(tok.head)
            if head is not None and ctx.type_of(head.key) in PROGRAM_TYPES:
                programs.append(head)
            elif tok.head.dep_ == "attr":
                copula = tok.head.head
                for child in copula.children:
                    if child.dep_ == "nsubj":
                        programs += _mentions_under(child, ctx, PROGRAM_TYPES)
        pairs += [(p, q) for p in programs for q in parties]
    for tok in sent:
        # "CNSA, whose Zhurong rover landed on Mars": the owner of "whose" takes part
        if tok.lower_ == "whose" and tok.head.dep_ in {"nsubj", "nsubjpass", "dobj"} and tok.head.head.dep_ == "relcl":
            owner = ctx.mention_at(tok.head.head.head)
            if owner is not None and ctx.type_of(owner.key) in PARTY_TYPES:
                noun = tok.head
                for t in [*noun.lefts, noun]:
                    m = ctx.mention_at(t)
                    if m is not None and ctx.type_of(m.key) in PROGRAM_TYPES:
                        pairs.append((m, owner))
                        break
    return pairs


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
    found: dict[tuple[str, str], Involvement] = {}

    def add(program: Resolved, party: Resolved, sent: "Span") -> None:
        key = (program.key, party.key)
        if program.key != party.key and key not in found:
            found[key] = Involvement(program.key, party.key, ctx.evidence(sent))

    for r in ctx.resolved:
        if ctx.type_of(r.key) not in PROGRAM_TYPES:
            continue
        span = ctx.span_of(r)
        if span is None:
            continue
        for party in _modifier_parties(r, ctx):
            add(r, party, span.sent)
    for sent in ctx.doc.sents:
        for program, party in _verb_parties(sent, ctx):
            add(program, party, sent)
        words = {t.lower_ for t in sent}
        if words & _COOPERATION_CUES:
            mentions = ctx.mentions_in(sent.start_char, sent.end_char)
            programs = _one_program_phrase([m for m in mentions if ctx.type_of(m.key) in PROGRAM_TYPES], ctx)
            parties = [
                m for m in mentions
                if ctx.type_of(m.key) in PARTY_TYPES and m.mention.kind != "demonym"
                and not _is_affiliation(m, ctx) and not _is_place_object(m, ctx)
            ]
            for program in programs:
                for party in parties:
                    add(program, party, sent)
    for program_key, party_key, sent in _known_partners(ctx):
        key = (program_key, party_key)
        if key not in found:
            found[key] = Involvement(program_key, party_key, ctx.evidence(sent))
    return list(found.values())


def _known_partners(ctx: DocContext) -> list[tuple[str, str, "Span"]]:
    """A multinational program and a partner the gazetteer records for it, both named in the text.

    Background knowledge grounded in the document, as for agency countries: the evidence is the
    first sentence naming both, else the program's first sentence.
    """
    first: dict[str, Resolved] = {}
    for r in ctx.resolved:
        first.setdefault(r.key, r)
    out = []
    for key, r in first.items():
        entry = ctx.gazetteer.get(key)
        if entry is None or not entry.partners:
            continue
        for partner in entry.partners:
            if partner in first:
                sent = ctx.first_shared_sentence(key, partner) or ctx.span_of(r).sent
                out.append((key, partner, sent))
    return out


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
