"""What the graph says about one entity: each fact with the sentence it was read from.

:func:`explain` reads the document graphs of a dataset with triple patterns whose terms are
bound to the entity (no query text is assembled), so it sees every fact about the entity,
including those the projection has no edge for (a post with no organization, an event with no
other participant, the words of a quotation). :func:`render_explanation` prints the result.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Literal

from rdflib import Graph, Literal as RDFLiteral, URIRef
from rdflib.namespace import RDF

from kg.analytics._rdf import TripleView
from kg.analytics.evidence import Evidence
from kg.analytics.wording import based_in, event_phrase, involvement, participation, post
from kg.ontology import EVENT_CLASSES, KGO, STATUS_IRI, event_class
from kg.schema import OTHER_EVENT

FactKind = Literal["position", "event", "involvement", "agency_country", "quotation", "mention"]
KINDS: tuple[FactKind, ...] = ("position", "event", "involvement", "agency_country", "quotation", "mention")
HEADINGS = {
    "position": "Positions",
    "event": "Events",
    "involvement": "Programs and involvement",
    "agency_country": "Agency and country",
    "quotation": "Quotations",
    "mention": "Mentions",
}
_STATUS_NAME = {iri: name for name, iri in STATUS_IRI.items()}
_EVENT_CLASSES = {event_class(t): t for t in EVENT_CLASSES}


@dataclass(frozen=True)
class Fact:
    """One statement the graph makes about an entity, and the sentences that state it."""

    kind: FactKind
    text: str
    evidence: tuple[Evidence, ...]
    date: str = ""


@dataclass(frozen=True)
class Explanation:
    """An entity, how it is known, and its facts (see :func:`explain`)."""

    node: str
    label: str
    type: str
    wikidata: str
    aliases: tuple[str, ...]
    facts: tuple[Fact, ...]


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def explain(dataset: Graph, node: str) -> list[Fact]:
    """Every fact the documents state about the entity ``node``, grouped and ordered.

    Parameters
    ----------
    dataset : rdflib.Dataset or rdflib.Graph
        A built graph; of a dataset, the document graphs are read.
    node : str
        The entity IRI (``kg.analytics.lookup.find_node`` finds it from a label).

    Returns
    -------
    list of Fact
        Positions (held, or held at this organization), events (as participant or place, by
        date), involvement, agency countries, quotations it speaks, and one fact per document
        that mentions it (with the surface forms and the first mention's sentence). Facts with
        the same text are merged and carry all their evidence. Empty when the documents say
        nothing about ``node``.

    Examples
    --------
    >>> from kg.synthetic import synthetic_dataset
    >>> from kg.ontology import entity_iri
    >>> facts = explain(synthetic_dataset(documents=1, seed=3), entity_iri("Person", "person-1"))
    >>> [f.kind for f in facts]
    ['position', 'event', 'quotation', 'mention']
    >>> facts[0].text
    'Boris Adams: director general of Space Agency 17'
    >>> all(f.evidence for f in facts)
    True
    """
    view = TripleView(dataset)
    entity = URIRef(node)
    labels: dict[object, str] = {}

    def label(x: object) -> str:
        if x not in labels:
            labels[x] = view.label(x)
        return labels[x]

    me = label(entity)
    found: list[Fact] = []

    # positions held, and posts at this organization
    posts = {(f, "holder") for f in view.subjects(KGO.holder, entity)} | {(f, "org") for f in view.subjects(KGO.organization, entity)}
    for fact, _ in sorted(posts):
        holder = view.value(fact, KGO.holder)
        org = view.value(fact, KGO.organization)
        title = str(view.value(fact, KGO.title) or "")
        text = post(label(holder), title, label(org) if org is not None else None)
        start, end = view.value(fact, KGO.startDate), view.value(fact, KGO.endDate)
        if start is not None or end is not None:
            text += f" ({start or '?'} to {end or 'now'})"
        if view.value(fact, KGO.acting) == RDFLiteral(True) and "acting" not in title.lower():
            text += " (acting)"
        found.append(Fact("position", text, view.fact_evidence(fact)))

    # events: as a participant or as the place
    events = set(view.subjects(KGO.participant, entity)) | set(view.subjects(KGO.place, entity))
    for event in sorted(events):
        kind = next((_EVENT_CLASSES[c] for c in view.objects(event, RDF.type) if c in _EVENT_CLASSES), OTHER_EVENT)
        date = str(view.value(event, KGO.date) or "")
        status = _STATUS_NAME.get(view.value(event, KGO.status), "")
        place = view.value(event, KGO.place)
        who = view.objects(event, KGO.participant)
        others = sorted(label(w) for w in who if w != entity)
        if entity in who:
            text = participation(me, None, kind, date, status, place=label(place) if place is not None and place != entity else "")
            if others:
                text += f" with {_and(others)}"
        else:
            text = f"{event_phrase(kind, date, status)} at {me}"
            text = text[0].upper() + text[1:]
            if others:
                text += f", with {_and(others)}"
        if status == "planned":
            text += " (planned)"
        found.append(Fact("event", text, view.fact_evidence(event), date))

    # involvement, both ways
    for fact in view.subjects(KGO.party, entity):
        program = view.value(fact, KGO.program)
        if program is not None:
            found.append(Fact("involvement", involvement(me, label(program)), view.fact_evidence(fact)))
    for fact in view.subjects(KGO.program, entity):
        party = view.value(fact, KGO.party)
        if party is not None:
            found.append(Fact("involvement", involvement(label(party), me), view.fact_evidence(fact)))

    # agency country, both ways
    for fact in view.subjects(KGO.agency, entity):
        country = view.value(fact, KGO.country)
        if country is not None:
            found.append(Fact("agency_country", based_in(me, label(country)), view.fact_evidence(fact)))
    for fact in view.subjects(KGO.country, entity):
        agency = view.value(fact, KGO.agency)
        if agency is not None:
            found.append(Fact("agency_country", based_in(label(agency), me), view.fact_evidence(fact)))

    # quotations spoken
    for fact in view.subjects(KGO.speaker, entity):
        words = str(view.value(fact, KGO.text) or "")
        found.append(Fact("quotation", f'{me} said: "{words}"', view.fact_evidence(fact)))

    # mentions, one fact per document
    by_document: dict[str, list[tuple[Evidence, str]]] = defaultdict(list)
    documents = view.document_names()
    for mention in view.subjects(KGO.refersTo, entity):
        evidence = view.fact_evidence(mention)
        doc = documents.get(view.value(mention, KGO.document), "")
        surface = str(view.value(mention, KGO.surfaceForm) or "")
        by_document[doc].append((evidence[0] if evidence else Evidence(doc, 0, 0, ""), surface))
    for doc, items in sorted(by_document.items()):
        forms = Counter(s for _, s in items if s)
        first = min(e for e, _ in items)
        named = ", ".join(f'"{s}"' for s, _ in forms.most_common())
        text = f"mentioned {len(items)} time{'s' if len(items) != 1 else ''} in {doc}" + (f" as {named}" if named else "")
        found.append(Fact("mention", text, (first,) if first.sentence else ()))

    return _merge(found)


def _merge(facts: list[Fact]) -> list[Fact]:
    """Facts with the same kind and text as one fact with all their evidence, in reading order."""
    merged: dict[tuple[str, str], Fact] = {}
    for fact in facts:
        key = (fact.kind, fact.text)
        if key in merged:
            old = merged[key]
            merged[key] = Fact(fact.kind, fact.text, tuple(sorted(set(old.evidence) | set(fact.evidence))), old.date or fact.date)
        else:
            merged[key] = Fact(fact.kind, fact.text, tuple(sorted(set(fact.evidence))), fact.date)
    order = {kind: i for i, kind in enumerate(KINDS)}
    return sorted(merged.values(), key=lambda f: (order[f.kind], f.date if f.kind == "event" else "", f.text))


def wikidata_page(qid: str) -> str:
    """The Wikidata page of an item, for people to open (``Q23548`` -> its wiki URL)."""
    return f"https://www.wikidata.org/wiki/{qid}"


def render_explanation(explanation: Explanation, *, max_evidence: int = 2) -> str:
    """The explanation as text: a heading per kind of fact, each fact with its sentence(s) and source.

    Parameters
    ----------
    explanation : Explanation
        What :func:`kg.analytics.report.explain_entity` returns.
    max_evidence : int, default 2
        Show at most this many sentences per fact (the rest are counted).
    """
    e = explanation
    known = [e.type, e.node]
    lines = [f"{e.label} ({'; '.join(known)})"]
    if e.wikidata:
        lines.append(f"Wikidata: {e.wikidata} {wikidata_page(e.wikidata)}")
    if e.aliases:
        lines.append("also called: " + ", ".join(e.aliases))
    if not e.facts:
        lines.append("the documents state no fact about this entity")
    for kind in KINDS:
        facts = [f for f in e.facts if f.kind == kind]
        if not facts:
            continue
        lines += ["", HEADINGS[kind]]
        for fact in facts:
            lines.append(f"  * {fact.text}")
            for ev in fact.evidence[:max_evidence]:
                lines.append(f'      "{" ".join(ev.sentence.split())}"')
                lines.append(f"        - {ev.where}")
            if len(fact.evidence) > max_evidence:
                lines.append(f"      ... and {len(fact.evidence) - max_evidence} more sentences")
    return "\n".join(lines)
