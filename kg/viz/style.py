"""Colours and shapes: one place that says how each class, event type and status looks.

Colours are the Okabe-Ito palette (distinguishable with the common colour-vision deficiencies);
each entity class also has its own shape, so the legend still reads in grey.

>>> node_style("Agency")
NodeStyle(color='#0072B2', shape='square')
>>> node_style("Something new").shape
'dot'
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.ontology import ENTITY_TYPES
from kg.schema import OTHER_EVENT


@dataclass(frozen=True)
class NodeStyle:
    color: str
    shape: str
    """A vis-network shape: dot, square, diamond, triangle, triangleDown, star, hexagon."""


_ENTITY_STYLES = {
    "Person": NodeStyle("#D55E00", "dot"),
    "Agency": NodeStyle("#0072B2", "square"),
    "Country": NodeStyle("#009E73", "diamond"),
    "Program": NodeStyle("#CC79A7", "hexagon"),
    "Spacecraft": NodeStyle("#56B4E9", "triangle"),
    "Facility": NodeStyle("#E69F00", "star"),
    "Place": NodeStyle("#8C8C3A", "triangleDown"),
}
_OTHER = NodeStyle("#7F7F7F", "dot")

EVENT_COLORS = {
    "Meeting": "#0072B2",
    "Launch": "#D55E00",
    "Docking": "#009E73",
    "Landing": "#56B4E9",
    "Agreement": "#CC79A7",
    "Appointment": "#8C8C3A",
    "Spacewalk": "#E69F00",
    "Suspension": "#A50026",
    "Cancellation": "#000000",
    "Announcement": "#6A3D9A",
    OTHER_EVENT: "#7F7F7F",
}
"""Fill colour of each event type on the timeline (status is drawn as the marker's outline)."""

STATUS_LABELS = {
    "happened": "happened (filled)",
    "planned": "planned (hollow, dashed)",
    "canceled": "canceled (crossed out, faded)",
}

def node_style(type_name: str) -> NodeStyle:
    """How a node of class ``type_name`` is drawn; unknown classes are grey dots."""
    return _ENTITY_STYLES.get(type_name, _OTHER)


def class_order(type_name: str) -> int:
    """Legend order: the entity classes in ontology order, then anything else."""
    return ENTITY_TYPES.index(type_name) if type_name in ENTITY_TYPES else len(ENTITY_TYPES)
