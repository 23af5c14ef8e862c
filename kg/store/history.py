"""One row per event, however many articles tell it: the merge step of the ``timeline`` query.

Each article's graph holds its own events (coreference inside one article is the extractor's
work), so the Zarya launch told by three articles is three events. The ``timeline`` query gives
one row per event of each article (a *mention*, with its participants' IRIs); :func:`merge` folds
the mentions of one event into one row. Two mentions tell the same event when

- they come from different articles (two events one article tells apart stay two),
- they have the same type,
- their dates agree at the coarser of their precisions (``1995-06`` and ``1995-06-29``), and
  both are dated: an undated event has nothing to place it by,
- they share a person or a craft (an agency or a country takes part in too many events to tie
  two of them); events that name no person or craft, only agencies or countries ("Statement by
  Roscosmos", "Invasion by Russia"), share one of those and the same day, both told to the day.

A mention joins a merged event when it agrees so on article, type and date with *every* mention
already there, and shares a person or craft with at least half of them: "Launch of Soyuz 19
(with Apollo)" cannot tie the Soyuz launch to the Apollo launch of the same day. Mentions are
placed finest date first; a mention that fits several merged events joins the one it shares most
people and craft with, then the one whose status it gives, then the one most articles tell, and
stays on its own when two fit equally well ("Atlantis docked in 1995" with two dockings that year).

The merged row takes its date from the finest mention, its status and label from the latest
article (what it tells of a planned launch is what became of it), its participants from every
mention (one label for each IRI), and lists every article and event IRI.

>>> row = lambda doc, date, status, label, published: {"date": date, "type": "Launch",
...     "label": label, "members": "+urn:x:zarya Zarya\\n-urn:x:rsa RSA", "place": "",
...     "status": status, "document": doc, "published": published, "event": f"urn:e:{doc}"}
>>> columns, rows = merge(MENTION_COLUMNS, [row("a.txt", "1998-11", "planned", "Planned launch of Zarya", "1998-10-01"),
...                                         row("b.txt", "1998-11-20", "happened", "Launch of Zarya", "1998-11-21")])
>>> [(r["date"], r["label"], r["status"], r["participants"], r["documents"]) for r in rows]
[('1998-11-20', 'Launch of Zarya', 'happened', 'RSA; Zarya', 'a.txt; b.txt')]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

MENTION_COLUMNS = ("date", "type", "label", "members", "place", "status", "document", "published", "event")
"""What the ``timeline`` query gives for each event of each article (``members``: one line per
participant, ``+IRI label`` for a person or craft, ``-IRI label`` for an agency or a country)."""
COLUMNS = ("date", "type", "label", "participants", "place", "status", "documents", "events")
"""The columns of the merged timeline."""
SEPARATOR = "; "
"""Joins the participants, documents and events of a merged row."""


@dataclass(frozen=True, slots=True)
class Mention:
    """One article's event, as the ``timeline`` query gives it."""

    event: str
    type: str
    date: str
    status: str
    label: str
    place: str
    document: str
    published: str
    participants: tuple[tuple[str, str], ...]
    """(IRI, label) of each participant."""
    ties: frozenset[str]
    """What can tie it to another article's mention: the IRIs of its persons and craft, else
    (:attr:`by_parties`) of its agencies and countries."""
    by_parties: bool = False

    @classmethod
    def of(cls, row: Mapping[str, str]) -> "Mention":
        participants, named, parties = [], set(), set()
        for member in filter(None, row["members"].split("\n")):
            iri, _, label = member[1:].partition(" ")
            participants.append((iri, label))
            (named if member.startswith("+") else parties).add(iri)
        return cls(event=row["event"], type=row["type"], date=row["date"], status=row["status"],
                   label=row["label"], place=row["place"], document=row["document"], published=row["published"],
                   participants=tuple(participants), ties=frozenset(named or parties), by_parties=not named)


def _same_time(a: str, b: str) -> bool:
    """Both dated, and equal at the coarser precision (``1995`` and ``1995-06-29`` are)."""
    shorter = min(len(a), len(b))
    return bool(a and b) and a[:shorter] == b[:shorter]


_DAY = len("YYYY-MM-DD")


@dataclass(slots=True)
class _Event:
    """Mentions that tell one event, with what deciding on the next one needs: their articles,
    their finest date (every other date is a prefix of it), the persons and craft they name, and
    the mention the latest article tells."""

    mentions: list[Mention] = field(default_factory=list)
    documents: set[str] = field(default_factory=set)
    finest: str = ""
    ties: set[str] = field(default_factory=set)
    latest: Mention | None = None

    def add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        self.documents.add(mention.document)
        self.finest = max(self.finest, mention.date, key=len)
        self.ties |= mention.ties
        self.latest = mention if self.latest is None else _latest([self.latest, mention])

    def admits(self, mention: Mention) -> bool:
        """Whether ``mention`` may tell this event too: another article, the same type and a
        date that agrees with every mention's (mentions of agencies or countries alone: the same
        day), and a person or craft shared with at least half of them (so that one mention naming
        too much cannot tie two events together)."""
        first = self.mentions[0]
        if mention.document in self.documents or mention.type != first.type or mention.by_parties != first.by_parties:
            return False
        if mention.by_parties:
            if mention.date != first.date or len(mention.date) != _DAY:
                return False
        elif not _same_time(mention.date, self.finest):  # then it agrees with every coarser date too
            return False
        return 2 * sum(1 for m in self.mentions if m.ties & mention.ties) >= len(self.mentions)

    def fit(self, mention: Mention) -> tuple[int, bool, int]:
        """How well ``mention`` fits: the persons and craft it shares with the event, whether it
        gives the status the latest article gives, and how many articles tell the event."""
        assert self.latest is not None
        return len(mention.ties & self.ties), self.latest.status == mention.status, len(self.mentions)


def events_of(mentions: Iterable[Mention]) -> list[list[Mention]]:
    """The mentions grouped by the event they tell (see the module's rules)."""
    placed: list[_Event] = []
    # The events a mention may join, by type, year and a person, craft or party they name.
    index: dict[tuple[str, str, str], list[_Event]] = {}
    for mention in sorted(mentions, key=lambda m: (-len(m.date), m.date, m.document, m.event)):
        keys = [(mention.type, mention.date[:4], tie) for tie in mention.ties] if mention.date else []
        candidates = {id(e): e for key in keys for e in index.get(key, ()) if e.admits(mention)}
        scored = sorted(((e.fit(mention), e) for e in candidates.values()), key=lambda fe: fe[0], reverse=True)
        if scored and (len(scored) == 1 or scored[0][0] > scored[1][0]):
            event = scored[0][1]
        else:
            event = _Event()
            placed.append(event)
        for key in keys:
            if not any(key[2] in m.ties and m.date[:4] == key[1] for m in event.mentions):
                index.setdefault(key, []).append(event)  # not yet under this key
        event.add(mention)
    return [event.mentions for event in placed]


def _latest(mentions: list[Mention]) -> Mention:
    """The mention the latest article tells (an article without a date counts as the oldest);
    among one article's, the one with the finest date."""
    return max(mentions, key=lambda m: (m.published, len(m.date), m.document, m.event))


def _label(mentions: list[Mention], told: Mention) -> str:
    """``told``'s label, or the longest label of the event that says more after it ("Launch of Soyuz
    MS-58" where the latest article says "Launch of Soyuz")."""
    longer = [m.label for m in mentions if m.label.startswith(told.label + " ")]
    return max(longer, key=lambda label: (len(label), label), default=told.label)


def _participants(mentions: list[Mention], told: Mention) -> str:
    """Every participant once, by the label ``told`` gives it, else its most frequent label."""
    labels: dict[str, Counter[str]] = {}
    for mention in mentions:
        for iri, label in mention.participants:
            labels.setdefault(iri, Counter())[label] += 1
    own = dict(told.participants)
    chosen = {own.get(iri) or min(counts, key=lambda label: (-counts[label], label)) for iri, counts in labels.items()}
    return SEPARATOR.join(sorted(chosen))


def merged_row(mentions: list[Mention]) -> dict[str, str]:
    """The timeline row of one event told by ``mentions``."""
    if len(mentions) == 1:
        (told,) = mentions
        return {"date": told.date, "type": told.type, "label": told.label,
                "participants": SEPARATOR.join(sorted({label for _, label in told.participants})),
                "place": told.place, "status": told.status, "documents": told.document, "events": told.event}
    told = _latest(mentions)
    in_order = sorted(mentions, key=lambda m: (m.document, m.event))
    return {
        "date": max((m.date for m in mentions), key=len),
        "type": told.type,
        "label": _label(mentions, told),
        "participants": _participants(mentions, told),
        "place": told.place or next((m.place for m in in_order if m.place), ""),
        "status": told.status,
        "documents": SEPARATOR.join(m.document for m in in_order),
        "events": SEPARATOR.join(m.event for m in in_order),
    }


def _order(row: Mapping[str, str]) -> tuple[str, ...]:
    """Dated first, by date, then label, then documents (as the query's own sort key)."""
    return ("1" if row["date"] == "" else "0", row["date"], row["label"], row["documents"], row["events"], row["type"])


def merge(columns: Iterable[str], rows: Iterable[Mapping[str, str]]) -> tuple[tuple[str, ...], list[dict[str, str]]]:
    """The merged timeline (:data:`COLUMNS`, rows in date order) of the ``timeline`` query's
    mention rows (:data:`MENTION_COLUMNS`)."""
    missing = set(MENTION_COLUMNS) - set(columns)
    if missing:
        raise ValueError(f"the timeline's rows lack {', '.join(sorted(missing))}")
    merged = [merged_row(mentions) for mentions in events_of(Mention.of(row) for row in rows)]
    return COLUMNS, sorted(merged, key=_order)


__all__ = ["COLUMNS", "MENTION_COLUMNS", "Mention", "events_of", "merge", "merged_row"]
