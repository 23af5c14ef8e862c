"""Why a named query gave no rows: a label or a document that matches nothing, and what was meant.

Parameters that name an entity compare with labels (``rdfs:label``), case-insensitively. When a
query gives no rows, :func:`explain_empty` checks each such parameter against the labels and
alternative labels of the graph (the ``labels`` query) and each ``document`` against the
documents (the ``documents`` query), and suggests the closest name:

    no rows: no entity labelled "Sean Dufy"; did you mean "Sean Duffy"?
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import TYPE_CHECKING

from kg.store.queries import CHOICE_PARAMETERS, DATE_PARAMETERS, run_query

if TYPE_CHECKING:
    from rdflib import Dataset

    from kg.store.backends import Backend


def _closest(value: str, names: dict[str, str]) -> str | None:
    """The name (a key of ``names``, lower case) closest to ``value``, mapped to what to suggest."""
    match = difflib.get_close_matches(value.lower(), list(names), n=1, cutoff=0.6)
    return names[match[0]] if match else None


def _did_you_mean(suggestion: str | None) -> str:
    return f'; did you mean "{suggestion}"?' if suggestion else ""


def explain_empty(source: "Backend | Dataset", name: str, params: Mapping[str, object]) -> str:
    """One line that says why the query ``name`` gave no rows for ``params`` (starts with "no rows:")."""
    for key, raw in params.items():
        value = str(raw)
        if key in DATE_PARAMETERS or key in CHOICE_PARAMETERS:
            continue
        if key == "document":
            documents = [row["document"] for row in run_query(source, "documents").rows]
            if value.lower() not in {d.lower() for d in documents}:
                suggestion = _closest(value, {d.lower(): d for d in documents})
                return f'no rows: no document "{value}" in this graph{_did_you_mean(suggestion)}'
            continue
        hits = run_query(source, "labels", {"name": value}).rows
        if not hits:
            everything = run_query(source, "labels").rows
            suggestion = _closest(value, {row["name"].lower(): row["label"] for row in everything})
            return f'no rows: no entity labelled "{value}"{_did_you_mean(suggestion)}'
        labels = sorted({row["label"] for row in hits})
        if value.lower() not in {label.lower() for label in labels}:
            return f'no rows: "{value}" is another name of "{labels[0]}"; queries compare labels, so try {key}="{labels[0]}"'
    if params:
        given = ", ".join(f'{k}="{v}"' for k, v in params.items())
        return f"no rows: nothing in this graph matches {given} for the {name} query"
    return f"no rows: this graph has nothing for the {name} query"
