"""Read hand-made gold annotations (``<name>.gold.yaml``), checking their shape.

The format (see the corpus README, "Gold format"): ``document``, ``published``, then
lists of ``entities``, ``positions``, ``events``, ``involvement``, ``agency_country`` and
``quotes``. Every problem is a :class:`~kg.errors.DataError` naming the file and the line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from kg.errors import DataError
from kg.evaluate.facts import (
    AgencyCountryFact,
    EntityFact,
    EventFact,
    InvolvementFact,
    PositionFact,
    QuoteFact,
)
from kg.schema import ENTITY_TYPES, EVENT_TYPES, STATUSES
from kg.temporal import is_date
from kg.yaml_lines import LineSeq, line_of, load_yaml


@dataclass(frozen=True)
class Gold:
    """The gold facts of one article. ``document`` is the article's file name."""

    document: str
    published: date | None = None
    entities: tuple[EntityFact, ...] = ()
    positions: tuple[PositionFact, ...] = ()
    events: tuple[EventFact, ...] = ()
    involvement: tuple[InvolvementFact, ...] = ()
    agency_country: tuple[AgencyCountryFact, ...] = ()
    quotes: tuple[QuoteFact, ...] = ()


def load_gold(path: Path) -> Gold:
    """Read one gold file; raise :class:`DataError` (file and line) if it is malformed."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: cannot read the gold file ({exc}); check the path") from exc
    data = load_yaml(text, path)
    return _Reader(path).gold(data)


def load_gold_dir(directory: Path) -> list[Gold]:
    """Read every ``*.gold.yaml`` in ``directory`` (sorted by file name)."""
    directory = Path(directory)
    if not directory.is_dir():
        raise DataError(f"{directory}: not a folder; pass the folder holding the *.gold.yaml files")
    paths = sorted(directory.glob("*.gold.yaml"))
    if not paths:
        raise DataError(f"{directory}: no *.gold.yaml files; pass the folder holding the gold annotations")
    golds: list[Gold] = []
    seen: dict[str, Path] = {}
    for path in paths:
        gold = load_gold(path)
        if gold.document in seen:
            raise DataError(
                f"{path}: document {gold.document!r} is already annotated in {seen[gold.document].name}; "
                "keep one gold file per article"
            )
        seen[gold.document] = path
        golds.append(gold)
    return golds


class _Reader:
    """Turns the parsed YAML of one file into a :class:`Gold`, with located error messages."""

    def __init__(self, path: Path):
        self.path = path

    def fail(self, line: int | None, problem: str) -> DataError:
        where = f"{self.path}:{line}" if line else str(self.path)
        return DataError(f"{where}: {problem}")

    def gold(self, data: Any) -> Gold:
        if not isinstance(data, dict):
            kind = "an empty file" if data is None else "a list" if isinstance(data, list) else repr(data)
            raise self.fail(line_of(data), (
                f"a gold file must be a YAML mapping with `document`, `published`, `entities`, ...; found {kind}"
            ))
        return Gold(
            document=self.text(data, "document", "the gold file", required=True,
                               hint=" (the annotated article's file name)"),
            published=self.published(data),
            entities=tuple(self.entity(m) for m in self.mappings(data, "entities")),
            positions=tuple(
                PositionFact(
                    person=self.text(m, "person", "a position", required=True),
                    title=self.text(m, "title", "a position", required=True),
                    organization=self.text(m, "organization", "a position"),
                )
                for m in self.mappings(data, "positions")
            ),
            events=tuple(self.event(m) for m in self.mappings(data, "events")),
            involvement=tuple(
                InvolvementFact(
                    program=self.text(m, "program", "an involvement", required=True),
                    party=self.text(m, "party", "an involvement", required=True),
                )
                for m in self.mappings(data, "involvement")
            ),
            agency_country=tuple(
                AgencyCountryFact(
                    agency=self.text(m, "agency", "an agency_country pair", required=True),
                    country=self.text(m, "country", "an agency_country pair", required=True),
                )
                for m in self.mappings(data, "agency_country")
            ),
            quotes=tuple(
                QuoteFact(
                    speaker=self.text(m, "speaker", "a quote", required=True),
                    text=self.text(m, "text", "a quote", required=True),
                )
                for m in self.mappings(data, "quotes")
            ),
        )

    def text(self, mapping: dict, key: str, what: str, *, required: bool = False, hint: str = "") -> str:
        value = mapping.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                raise self.fail(line_of(mapping, key),
                                f"{what} has no `{key}`{hint}; add it")
            return ""
        if isinstance(value, (dict, list)):
            raise self.fail(line_of(mapping, key), f"`{key}` must be a single value, not a list or mapping")
        return str(value).strip()

    def texts(self, mapping: dict, key: str) -> tuple[str, ...]:
        value = mapping.get(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            raise self.fail(line_of(mapping, key), f"`{key}` must be a list like [\"A\", \"B\"]")
        out = []
        for i, item in enumerate(value):
            if item is None or isinstance(item, (dict, list)) or not str(item).strip():
                line = value.item_lines[i] if isinstance(value, LineSeq) else line_of(mapping, key)
                raise self.fail(line, f"`{key}` must list names; item {i + 1} is {item!r}")
            out.append(str(item).strip())
        return tuple(out)

    def mappings(self, data: dict, key: str) -> list[dict]:
        value = data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(line_of(data, key), f"`{key}` must be a list of mappings (use `{key}: []` for none)")
        for i, item in enumerate(value):
            if not isinstance(item, dict):
                line = value.item_lines[i] if isinstance(value, LineSeq) else line_of(data, key)
                raise self.fail(line, f"item {i + 1} of `{key}` must be a mapping like `- name: ...`, not {item!r}")
        return value

    def choice(self, mapping: dict, key: str, what: str, allowed: tuple[str, ...], *, required: bool) -> str:
        value = self.text(mapping, key, what, required=required)
        if not value:
            return ""
        for option in allowed:
            if option.lower() == value.lower():
                return option
        raise self.fail(line_of(mapping, key), f"unknown {what} {key} {value!r}; use one of {', '.join(allowed)}")

    def entity(self, m: dict) -> EntityFact:
        return EntityFact(
            name=self.text(m, "name", "an entity", required=True),
            type=self.choice(m, "type", "entity", ENTITY_TYPES, required=True),
            aliases=self.texts(m, "aliases"),
        )

    def event(self, m: dict) -> EventFact:
        return EventFact(
            type=self.choice(m, "type", "event", EVENT_TYPES, required=True),
            label=self.text(m, "label", "an event"),
            date=self.iso_prefix(m),
            place=self.text(m, "place", "an event"),
            participants=self.texts(m, "participants"),
            status=self.choice(m, "status", "event", STATUSES, required=False),
        )

    def iso_prefix(self, m: dict) -> str:
        value = m.get("date")
        if value is None or value == "":
            return ""
        text = value.isoformat() if isinstance(value, date) else str(value).strip()
        if not is_date(text):
            raise self.fail(line_of(m, "date"),
                            f"event date {text!r} is not an ISO prefix; write YYYY, YYYY-MM or YYYY-MM-DD")
        return text

    def published(self, data: dict) -> date | None:
        value = data.get("published")
        if value is None or value == "":
            return None
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value).strip())
        except ValueError as exc:
            raise self.fail(line_of(data, "published"),
                            f"`published` {value!r} is not a date; write YYYY-MM-DD") from exc
