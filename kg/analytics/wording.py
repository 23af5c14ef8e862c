"""Facts as short English sentences, shared by ``kg explain`` and ``kg path``.

>>> event_phrase("Meeting", "2025-07-31", "happened")
'the meeting of 2025-07-31'
>>> participation("Sean Duffy", "Dmitry Bakanov", "Meeting", "2025-07-31", "happened")
'Sean Duffy and Dmitry Bakanov took part in the meeting of 2025-07-31'
>>> post("Sean Duffy", "acting administrator", "NASA")
'Sean Duffy: acting administrator of NASA'
"""

from __future__ import annotations

from collections.abc import Mapping

from kg.schema import OTHER_EVENT

_VERB = {"happened": "took part in", "planned": "are to take part in", "canceled": "were to take part in"}
_VERB_ONE = {"happened": "took part in", "planned": "is to take part in", "canceled": "was to take part in"}


def event_phrase(event_type: str, date: str, status: str) -> str:
    """``the launch of 1975-07-15`` (``(canceled)`` appended for a canceled event)."""
    kind = "event" if event_type in ("", "Other") else event_type.lower()
    text = f"the {kind} of {date}" if date else f"the {kind} (date unknown)"
    return f"{text} (canceled)" if status == "canceled" else text


def participation(a: str, b: str | None, event_type: str, date: str, status: str, place: str = "") -> str:
    """``A and B took part in the meeting of 2025-07-31`` (``at PLACE`` when given)."""
    who = f"{a} and {b}" if b else a
    verbs = _VERB if b else _VERB_ONE
    text = f"{who} {verbs.get(status, 'took part in')} {event_phrase(event_type, date, status)}"
    return f"{text} at {place}" if place else text


def post(holder: str, title: str, organization: str | None) -> str:
    """``holder: title of organization``."""
    return f"{holder}: {title} of {organization}" if organization else f"{holder}: {title}"


def involvement(party: str, program: str) -> str:
    return f"{party} takes part in {program}"


def based_in(agency: str, country: str) -> str:
    return f"{agency} is based in {country}"


def edge_text(u_label: str, v_label: str, data: Mapping[str, object]) -> str:
    """The sentence of one projection edge stored as ``u -> v`` with attributes ``data``."""
    relation = data.get("relation")
    event = (str(data.get("event_type", "")), str(data.get("date", "")), str(data.get("status", "")))
    if relation == "holds_post":
        return post(u_label, str(data.get("title", "")), v_label)
    if relation == "involved_in":
        return involvement(u_label, v_label)
    if relation == "based_in":
        return based_in(u_label, v_label)
    if relation == "co_participant":
        return participation(u_label, v_label, *event)
    if relation == "at_place":
        return participation(u_label, None, *event, place=v_label)
    return f"{u_label} {relation} {v_label}"
