"""What the graph says about one entity: each fact with the sentence it was read from.

:func:`explain` reads the document graphs of a dataset with triple patterns whose terms are
bound to the entity (no query text is assembled), so it sees every fact about the entity,
including those the projection has no edge for (a post with no organization, an event with no
other participant, the words of a quotation). :func:`render_explanation` prints the result.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
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
    about = _About(TripleView(dataset), URIRef(node))
    found = [*_positions(about), *_events(about), *_involvement(about), *_agency_countries(about), *_quotations(about), *_mentions(about)]
    return _merge(found)


class _About:
    """The entity an explanation is about, the view it reads, and labels read once each."""

    def __init__(self, view: TripleView, entity: URIRef):
        self.view = view
        self.entity = entity
        self._labels: dict[object, str] = {}
        self.me = self.label(entity)

    def label(self, node: object) -> str:
        if node not in self._labels:
            self._labels[node] = self.view.label(node)
        return self._labels[node]


def _positions(a: _About) -> Iterator[Fact]:
    """Posts the entity holds, and posts at the entity (an organization)."""
    view = a.view
    posts = set(view.subjects(KGO.holder, a.entity)) | set(view.subjects(KGO.organization, a.entity))
    for fact in sorted(posts):
        holder, org = view.value(fact, KGO.holder), view.value(fact, KGO.organization)
        title = str(view.value(fact, KGO.title) or "")
        text = post(a.label(holder), title, a.label(org) if org is not None else None)
        start, end = view.value(fact, KGO.startDate), view.value(fact, KGO.endDate)
        if start is not None or end is not None:
            text += f" ({start or '?'} to {end or 'now'})"
        if view.value(fact, KGO.acting) == RDFLiteral(True) and "acting" not in title.lower():
            text += " (acting)"
        yield Fact("position", text, view.fact_evidence(fact))


def _events(a: _About) -> Iterator[Fact]:
    """Events the entity takes part in, or that take place at it."""
    view = a.view
    for event in sorted(set(view.subjects(KGO.participant, a.entity)) | set(view.subjects(KGO.place, a.entity))):
        kind = next((_EVENT_CLASSES[c] for c in view.objects(event, RDF.type) if c in _EVENT_CLASSES), OTHER_EVENT)
        date = str(view.value(event, KGO.date) or "")
        status = _STATUS_NAME.get(view.value(event, KGO.status), "")
        place = view.value(event, KGO.place)
        who = view.objects(event, KGO.participant)
        others = sorted(a.label(w) for w in who if w != a.entity)
        if a.entity in who:
            text = participation(a.me, None, kind, date, status, place=a.label(place) if place is not None and place != a.entity else "")
            text += f" with {_and(others)}" if others else ""
        else:
            text = f"{event_phrase(kind, date, status)} at {a.me}"
            text = text[0].upper() + text[1:] + (f", with {_and(others)}" if others else "")
        if status == "planned":
            text += " (planned)"
        yield Fact("event", text, view.fact_evidence(event), date)


def _involvement(a: _About) -> Iterator[Fact]:
    """Programs the entity takes part in, and parties of the entity (a program)."""
    for fact in a.view.subjects(KGO.party, a.entity):
        program = a.view.value(fact, KGO.program)
        if program is not None:
            yield Fact("involvement", involvement(a.me, a.label(program)), a.view.fact_evidence(fact))
    for fact in a.view.subjects(KGO.program, a.entity):
        party = a.view.value(fact, KGO.party)
        if party is not None:
            yield Fact("involvement", involvement(a.label(party), a.me), a.view.fact_evidence(fact))


def _agency_countries(a: _About) -> Iterator[Fact]:
    """The entity's country (an agency's), or the agencies of the entity (a country)."""
    for fact in a.view.subjects(KGO.agency, a.entity):
        country = a.view.value(fact, KGO.country)
        if country is not None:
            yield Fact("agency_country", based_in(a.me, a.label(country)), a.view.fact_evidence(fact))
    for fact in a.view.subjects(KGO.country, a.entity):
        agency = a.view.value(fact, KGO.agency)
        if agency is not None:
            yield Fact("agency_country", based_in(a.label(agency), a.me), a.view.fact_evidence(fact))


def _quotations(a: _About) -> Iterator[Fact]:
    for fact in a.view.subjects(KGO.speaker, a.entity):
        words = str(a.view.value(fact, KGO.text) or "")
        yield Fact("quotation", f'{a.me} said: "{words}"', a.view.fact_evidence(fact))


def _mentions(a: _About) -> Iterator[Fact]:
    """One fact per document that mentions the entity: how often, as what, and the first sentence."""
    view = a.view
    by_document: dict[str, list[tuple[Evidence, str]]] = defaultdict(list)
    documents = view.document_names()
    for mention in view.subjects(KGO.refersTo, a.entity):
        evidence = view.fact_evidence(mention)
        doc = documents.get(view.value(mention, KGO.document), "")
        surface = str(view.value(mention, KGO.surfaceForm) or "")
        by_document[doc].append((evidence[0] if evidence else Evidence(doc, 0, 0, ""), surface))
    for doc, items in sorted(by_document.items()):
        forms = Counter(s for _, s in items if s)
        first = min(e for e, _ in items)
        named = ", ".join(f'"{s}"' for s, _ in forms.most_common())
        text = f"mentioned {len(items)} time{'s' if len(items) != 1 else ''} in {doc}" + (f" as {named}" if named else "")
        yield Fact("mention", text, (first,) if first.sentence else ())


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
