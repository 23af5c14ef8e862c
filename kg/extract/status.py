"""The status of an event from its clause: happened, planned, canceled — or no event at all.

One function, :func:`event_status`, decides it from the words of the clause (modality, negation and
cue words kept as data in ``kg/data/events.yaml`` and the ``planned_cues``/``canceled_cues`` of the
lexicon) and from the event's date: an event dated after the publication date cannot have happened.

>>> cues = EventRules(no_event_before=("without",), no_event_chain=(), planned=("will",), canceled=())
>>> event_status(before="the deadline passed without an", chain="agreement", cues=cues)
>>> event_status(before="", chain="will sign", cues=cues)
'planned'
"""

from __future__ import annotations

from datetime import date

from kg.extract.event_rules import EventRules
from kg.model import DateValue
from kg.schema import Status


def _has(text: str, cues: tuple[str, ...]) -> bool:
    padded = f" {text.lower()} "
    return any(f" {cue} " in padded for cue in cues)


def event_status(
    *,
    before: str,
    chain: str,
    cues: EventRules,
    event_type: str = "Other",
    when: DateValue | None = None,
    published: date | None = None,
) -> Status | None:
    """The status of an event, or ``None`` when the clause says there was no such event.

    ``before`` is the few words right before the trigger ("passed without an"), ``chain`` the words
    that carry the trigger's modality (the trigger, the verbs it depends on and their auxiliaries,
    "is being negotiated"); ``event_type`` the event's type; ``when`` the event's date and ``published`` the publication date.
    """
    if event_type in cues.attempt_types and _has(before, cues.failed_attempt):
        return "canceled"  # "failed to dock": tried, and it did not happen
    if _has(before, cues.no_event_before) or _has(chain, cues.no_event_chain):
        return None
    if _has(before, cues.planned_before):
        return "planned"  # "a hoped-for summit"
    if _has(chain, cues.canceled):
        return "happened" if event_type in cues.cancel_decisions else "canceled"
    if _has(chain, cues.planned):
        return "planned"
    if when is not None and published is not None and when.first_day() > published:
        return "planned"  # dated after publication: it cannot have happened yet
    return "happened"
