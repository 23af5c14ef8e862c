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
    from spacy.tokens import Span

PROGRAM_TYPES = {"Program", "Spacecraft"}
PARTY_TYPES = {"Agency", "Country"}
_OPERATE_VERBS = {"operate", "build", "launch", "supply", "manage", "run", "lead", "develop", "provide",
                  "pay", "fund", "design", "control", "own"}
_COOPERATION_CUES = {"partner", "partners", "partnership", "cooperation", "co-operation", "jointly", "joint",
                     "together", "agreement", "collaboration", "collaborative", "participation", "partnered"}
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


def _verb_parties(sent: "Span", ctx: DocContext) -> list[tuple[Resolved, Resolved]]:
    pairs = []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in _OPERATE_VERBS:
            continue
        parties, programs = [], []
        for child in tok.children:
            if child.dep_ in {"nsubj", "agent"}:
                parties += [m for t in child.subtree if (m := _party(ctx.mention_at(t), ctx))]
            if child.dep_ in {"dobj", "nsubjpass"}:
                programs += [m for t in child.subtree if (m := ctx.mention_at(t)) and ctx.type_of(m.key) in PROGRAM_TYPES]
        if tok.dep_ in {"acl", "relcl"}:
            head = ctx.mention_at(tok.head)
            if head is not None and ctx.type_of(head.key) in PROGRAM_TYPES:
                programs.append(head)
        pairs += [(p, q) for p in programs for q in parties if q.mention.kind != "description" or True]
    return pairs


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
            programs = [m for m in mentions if ctx.type_of(m.key) in PROGRAM_TYPES]
            parties = [m for m in mentions if ctx.type_of(m.key) in PARTY_TYPES and m.mention.kind != "demonym"]
            if len({p.key for p in programs}) == 1:
                for party in parties:
                    add(programs[0], party, sent)
    return list(found.values())


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
        sent = _shared_sentence(key, country, ctx) or ctx.span_of(r).sent
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


def _shared_sentence(a: str, b: str, ctx: DocContext) -> "Span | None":
    for sent in ctx.doc.sents:
        keys = {m.key for m in ctx.mentions_in(sent.start_char, sent.end_char)}
        if a in keys and b in keys:
            return sent
    return None
