"""The reference gazetteer: background knowledge about the entities these stories name.

The data lives in ``kg/data/gazetteer.yaml`` (its header documents the schema). This module
loads and validates it into frozen dataclasses and answers three questions for the extractor
and the resolver:

- which gazetteer entries a surface form can mean (``Gazetteer.lookup``), with descriptive
  phrases such as "Russia's space agency" counted only while the entry is ``active``;
- who held a post at an organization on a date (``Gazetteer.holders``);
- what type an unknown name has by its shape (``Gazetteer.guess_type``: the ``patterns`` and
  ``head_words`` sections).

No spaCy here: the extractor builds its EntityRuler from ``Gazetteer.iter_surface_forms``.

>>> gaz = load_gazetteer()
>>> [e.id for e in gaz.lookup("Rosaviakosmos")]
['rosaviakosmos']
>>> import datetime
>>> gaz.lookup("Russia's space agency", datetime.date(1995, 6, 29))[0].label
'Russian Space Agency'
>>> gaz.guess_type("Soyuz MS-22"), gaz.guess_type("Expedition 1")
('Spacecraft', 'Program')
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from kg.errors import DataError
from kg.yaml_lines import line_of, load_yaml
from kg.names import fold_quotes, name_key
from kg.schema import ENTITY_TYPES
from kg.temporal import DateValue, is_date

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_QID = re.compile(r"^Q[1-9][0-9]*$")

_ENTRY_KEYS = frozenset(
    {"id", "type", "label", "aliases", "descriptions", "demonyms", "wikidata", "country", "active",
     "ambiguous", "positions", "partners"}
)
_POSITION_KEYS = frozenset({"title", "organization", "start", "end", "acting"})
_KIND_RANK = {"name": 0, "demonym": 1, "description": 2}


@dataclass(frozen=True)
class ReferencePosition:
    """A post a person held: ``start``/``end`` are ISO prefixes (``2021``, ``2021-05``, ``2021-05-03``)."""

    title: str
    organization: str
    start: str | None
    end: str | None
    acting: bool

    def covers(self, on: date) -> bool:
        """Whether the post was held on ``on`` (both ends inclusive, open ends unbounded)."""
        if self.start is not None and on < _bounds(self.start)[0]:
            return False
        if self.end is not None and on > _bounds(self.end)[1]:
            return False
        return True


@dataclass(frozen=True)
class GazetteerEntry:
    """One real-world entity of the gazetteer (see the schema at the top of the YAML file)."""

    id: str
    type: str
    label: str
    aliases: tuple[str, ...] = ()
    descriptions: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    wikidata: str | None = None
    country: str | None = None
    active: tuple[int | None, int | None] | None = None
    ambiguous: bool = False
    positions: tuple[ReferencePosition, ...] = ()
    partners: tuple[str, ...] = ()
    """Programs only: the agencies (or countries) that run the program together."""

    @property
    def names(self) -> tuple[str, ...]:
        """Label, aliases and demonyms: every proper name of the entry."""
        return (self.label, *self.aliases, *self.demonyms)

    def is_active(self, on: date | None) -> bool:
        """Whether the entry existed (under this name) in the year of ``on``; ``None`` means any time."""
        if on is None or self.active is None:
            return True
        first, last = self.active
        return (first is None or first <= on.year) and (last is None or on.year <= last)


class Gazetteer:
    """Validated gazetteer entries with lookup indexes. Build it with :func:`load_gazetteer`."""

    def __init__(
        self,
        entries: dict[str, GazetteerEntry],
        patterns: tuple[tuple[re.Pattern[str], str], ...] = (),
        head_words: dict[str, tuple[str, ...]] | None = None,
    ):
        self.entries = entries
        self.patterns = patterns
        self.head_words = head_words or {}
        self._index: dict[str, list[tuple[GazetteerEntry, str, str]]] = {}
        for surface, entry, kind in self.iter_surface_forms():
            self._index.setdefault(name_key(surface), []).append((entry, kind, surface))
        self._heads = sorted(
            ((tuple(word.split()), type_) for type_, words in self.head_words.items() for word in words),
            key=lambda item: -len(item[0]),
        )

    def __len__(self) -> int:
        return len(self.entries)

    @functools.cached_property
    def given_names(self) -> frozenset[str]:
        """The first words of the people's names ("Alexei" of "Alexei Leonov")."""
        return frozenset(words[0] for e in self.entries.values() if e.type == "Person"
                         for name in e.names if len(words := name.split()) >= 2 and words[0].isalpha())

    def get(self, entry_id: str) -> GazetteerEntry | None:
        """The entry with this id, or ``None``."""
        return self.entries.get(entry_id)

    def iter_surface_forms(self) -> Iterator[tuple[str, GazetteerEntry, str]]:
        """Every ``(surface, entry, kind)``; kind is ``"name"``, ``"demonym"`` or ``"description"``.

        Names and demonyms are proper names (match them case-sensitively); descriptions are
        phrases to match case-insensitively and only while ``entry.is_active(published)``.
        """
        for entry in self.entries.values():
            seen: set[str] = set()
            for kind, surfaces in (
                ("name", (entry.label, *entry.aliases)),
                ("demonym", entry.demonyms),
                ("description", entry.descriptions),
            ):
                for surface in surfaces:
                    if (kind, surface) not in seen:
                        seen.add((kind, surface))
                        yield surface, entry, kind

    def lookup(self, surface: str, on: date | None = None) -> list[GazetteerEntry]:
        """Entries that ``surface`` can mean on date ``on``, the most specific first.

        Matching uses :func:`kg.names.name_key` (case, punctuation, "the", "'s" and Russian
        transliteration variants ignored), except that an all-capitals abbreviation ("US",
        "ESA") matches only in capitals. Descriptions count only while the entry is active at
        ``on``. Order: entries active at ``on`` first; then exact spelling (for a description:
        up to case) before a match only up to case and punctuation; then names before demonyms
        before descriptions; unambiguous first; the most recently founded first.
        """
        best: dict[str, tuple[tuple[Any, ...], GazetteerEntry]] = {}
        for entry, kind, form in self._index.get(name_key(surface), ()):
            if kind == "description":
                if not entry.is_active(on):
                    continue
            elif not _case_ok(form, surface):
                continue
            start = entry.active[0] if entry.active and entry.active[0] is not None else -9999
            rank = (
                not entry.is_active(on),
                not _same_spelling(form, surface, ignore_case=kind == "description"),
                _KIND_RANK[kind],
                entry.ambiguous,
                -start,
                entry.id,
            )
            if entry.id not in best or rank < best[entry.id][0]:
                best[entry.id] = (rank, entry)
        return [entry for _, entry in sorted(best.values(), key=lambda item: item[0])]

    def country_named(self, surface: str, on: date | None = None) -> str | None:
        """The id of the country ``surface`` names or is the demonym of ("Russian", "U.S."), else None."""
        return next((entry.id for entry in self.lookup(surface, on) if entry.type == "Country"), None)

    def holders(self, organization_id: str, on: date) -> list[tuple[GazetteerEntry, ReferencePosition]]:
        """Who held a post at ``organization_id`` on ``on``: substantive holders before acting ones,
        the most recently appointed first."""
        found = [
            (person, position)
            for person in self.entries.values()
            for position in person.positions
            if position.organization == organization_id and position.covers(on)
        ]
        return sorted(
            found,
            key=lambda item: (
                item[1].acting,
                -(_bounds(item[1].start)[0].toordinal() if item[1].start else 0),
                item[0].id,
            ),
        )

    def guess_type(self, name: str) -> str | None:
        """The type an unknown name has by its shape: a ``patterns`` regex matching the whole
        name, else the longest ``head_words`` entry the name ends with (only for names of more
        words than the head itself); ``None`` if neither applies."""
        for pattern, type_ in self.patterns:
            if pattern.fullmatch(name):
                return type_
        words = tuple(name.split())
        for head, type_ in self._heads:
            if len(words) > len(head) and words[-len(head):] == head:
                return type_
        return None


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """Load and validate a gazetteer file; ``None`` loads the shipped one (cached).

    Raises :class:`kg.errors.DataError` naming the file, the line and the entry when the file
    is missing or malformed.
    """
    if path is None:
        return _load_shipped()
    return _load(Path(path))


@functools.lru_cache(maxsize=1)
def _load_shipped() -> Gazetteer:
    from importlib import resources

    resource = resources.files("kg") / "data" / "gazetteer.yaml"
    with resources.as_file(resource) as path:
        return _load(Path(path))


def _load(path: Path) -> Gazetteer:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError(f"{path}: cannot read the gazetteer ({exc.strerror or exc}); check the path") from exc
    data = load_yaml(text, path)
    return _Validator(path).gazetteer(data)


class _Validator:
    """Turns the parsed YAML into a Gazetteer, raising DataError at the first problem."""

    def __init__(self, path: Path):
        self.path = path

    def fail(self, line: int | None, problem: str, entry: str | None = None) -> DataError:
        where = f"{self.path}:{line}" if line else str(self.path)
        subject = f"entry '{entry}': " if entry else ""
        return DataError(f"{where}: {subject}{problem}")

    def gazetteer(self, data: Any) -> Gazetteer:
        if not isinstance(data, dict) or not isinstance(data.get("entities"), list):
            raise self.fail(None, "expected a mapping with an 'entities' list at the top level")
        unknown = set(data) - {"entities", "patterns", "head_words"}
        if unknown:
            raise self.fail(None, f"unknown top-level key(s) {sorted(unknown)}; use entities, patterns, head_words")
        raw = data["entities"]
        lines: dict[str, int | None] = {}
        for item in raw:
            if not isinstance(item, dict):
                raise self.fail(None, f"every item of 'entities' must be a mapping, got {item!r}")
            entry_id = item.get("id")
            line = line_of(item)
            if not isinstance(entry_id, str) or not _SLUG.match(entry_id):
                raise self.fail(line, f"id {entry_id!r} is not a slug; use lower-case letters, digits and '-'")
            if entry_id in lines:
                first = lines[entry_id]
                raise self.fail(line, f"duplicate id (first defined at line {first}); give each entry its own id", entry_id)
            lines[entry_id] = line
        types = {item["id"]: item.get("type") for item in raw}
        entries = {item["id"]: self.entry(item, types) for item in raw}
        patterns = self.patterns(data.get("patterns") or [])
        return Gazetteer(entries, patterns, self.head_words(data.get("head_words") or {}))

    def entry(self, item: dict[str, Any], types: dict[str, Any]) -> GazetteerEntry:
        entry_id, line = item["id"], line_of(item)
        unknown = set(item) - _ENTRY_KEYS
        if unknown:
            raise self.fail(line, f"unknown key(s) {sorted(unknown)}; see the schema at the top of the file", entry_id)
        type_ = item.get("type")
        if type_ not in ENTITY_TYPES:
            raise self.fail(line, f"unknown type {type_!r}; use one of {', '.join(ENTITY_TYPES)}", entry_id)
        label = item.get("label")
        if not isinstance(label, str) or not label.strip():
            raise self.fail(line, "missing label; give the name news uses", entry_id)
        wikidata = item.get("wikidata")
        if wikidata is not None and not (isinstance(wikidata, str) and _QID.match(wikidata)):
            raise self.fail(line, f"wikidata {wikidata!r} is not a QID like Q23548; fix it or remove the key", entry_id)
        country = item.get("country")
        if country is not None:
            if types.get(country) != "Country":
                problem = "is not an entry" if country not in types else f"is a {types[country]}, not a Country"
                raise self.fail(line, f"country {country!r} {problem}; use the id of a Country entry", entry_id)
        ambiguous = item.get("ambiguous", False)
        if not isinstance(ambiguous, bool):
            raise self.fail(line, f"ambiguous must be true or false, got {ambiguous!r}", entry_id)
        positions = item.get("positions") or []
        if positions and type_ != "Person":
            raise self.fail(line, "only a Person can hold positions", entry_id)
        if not isinstance(positions, list):
            raise self.fail(line, "positions must be a list", entry_id)
        partners = self.strings(item, "partners")
        for partner in partners:
            if types.get(partner) not in {"Agency", "Country"}:
                raise self.fail(line, f"partner {partner!r} is not an Agency or Country entry; use the id of one", entry_id)
        return GazetteerEntry(
            partners=partners,
            id=entry_id,
            type=type_,
            label=label.strip(),
            aliases=self.strings(item, "aliases"),
            descriptions=self.strings(item, "descriptions"),
            demonyms=self.strings(item, "demonyms"),
            wikidata=wikidata,
            country=country,
            active=self.active(item),
            ambiguous=ambiguous,
            positions=tuple(self.position(p, entry_id, line, types) for p in positions),
        )

    def strings(self, item: dict[str, Any], key: str) -> tuple[str, ...]:
        value = item.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(line_of(item), f"{key} must be a list of non-empty strings", item["id"])
        return tuple(v.strip() for v in value)

    def active(self, item: dict[str, Any]) -> tuple[int | None, int | None] | None:
        value = item.get("active")
        if value is None:
            return None
        ok = (
            isinstance(value, list)
            and len(value) == 2
            and all(v is None or (isinstance(v, int) and not isinstance(v, bool)) for v in value)
        )
        if not ok or (value[0] is not None and value[1] is not None and value[0] > value[1]):
            problem = f"active must be [first_year, last_year or null], got {value!r}"
            raise self.fail(line_of(item), problem, item["id"])
        return value[0], value[1]

    def position(self, raw: Any, entry_id: str, line: int | None, types: dict[str, Any]) -> ReferencePosition:
        if not isinstance(raw, dict):
            raise self.fail(line, f"each position must be a mapping, got {raw!r}", entry_id)
        line = line_of(raw) or line
        unknown = set(raw) - _POSITION_KEYS
        if unknown:
            problem = f"unknown position key(s) {sorted(unknown)}; use title, organization, start, end, acting"
            raise self.fail(line, problem, entry_id)
        title, organization = raw.get("title"), raw.get("organization")
        if not isinstance(title, str) or not title.strip():
            raise self.fail(line, "a position needs a title", entry_id)
        if organization not in types:
            raise self.fail(line, f"position organization {organization!r} is not an entry; use an entry id", entry_id)
        start = self.date(raw.get("start"), "start", entry_id, line)
        end = self.date(raw.get("end"), "end", entry_id, line)
        if start and end and _bounds(start)[0] > _bounds(end)[1]:
            raise self.fail(line, f"position starts ({start}) after it ends ({end})", entry_id)
        acting = raw.get("acting", False)
        if not isinstance(acting, bool):
            raise self.fail(line, f"acting must be true or false, got {acting!r}", entry_id)
        return ReferencePosition(title.strip(), organization, start, end, acting)

    def date(self, value: Any, key: str, entry_id: str, line: int | None) -> str | None:
        if value is None:
            return None
        if isinstance(value, date):  # YAML reads an unquoted 2021-05-03 as a date
            return value.isoformat()
        text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
        if isinstance(text, str) and is_date(text):
            return text
        raise self.fail(line, f"{key} {value!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD", entry_id)

    def patterns(self, raw: Any) -> tuple[tuple[re.Pattern[str], str], ...]:
        if not isinstance(raw, list):
            raise self.fail(None, "patterns must be a list of {pattern, type} mappings")
        compiled = []
        for item in raw:
            line = line_of(item)
            if not isinstance(item, dict) or not isinstance(item.get("pattern"), str):
                raise self.fail(line, f"each pattern needs a 'pattern' string, got {item!r}")
            if item.get("type") not in ENTITY_TYPES:
                problem = f"pattern {item['pattern']!r} has unknown type {item.get('type')!r}"
                raise self.fail(line, f"{problem}; use one of {', '.join(ENTITY_TYPES)}")
            try:
                compiled.append((re.compile(item["pattern"]), item["type"]))
            except re.error as exc:
                problem = f"pattern {item['pattern']!r} does not compile ({exc}); fix the regular expression"
                raise self.fail(line, problem) from exc
        return tuple(compiled)

    def head_words(self, raw: Any) -> dict[str, tuple[str, ...]]:
        if not isinstance(raw, dict):
            raise self.fail(None, "head_words must map a type to a list of words")
        line = line_of(raw)
        result = {}
        for type_, words in raw.items():
            if type_ not in ENTITY_TYPES:
                raise self.fail(line, f"head_words has unknown type {type_!r}; use one of {', '.join(ENTITY_TYPES)}")
            if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
                raise self.fail(line, f"head_words for {type_} must be a list of words")
            result[type_] = tuple(w.strip() for w in words)
        return result


def _bounds(iso: str) -> tuple[date, date]:
    """The first and last day an ISO prefix (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) covers."""
    value = DateValue.parse(iso)
    return value.first_day(), value.last_day()


def _case_ok(form: str, surface: str) -> bool:
    """An all-capitals abbreviation must appear in capitals in the surface ("US" is not "us")."""
    letters = "".join(ch for ch in form if ch.isalpha())
    if not letters or not letters.isupper():
        return True
    return letters in "".join(ch for ch in surface if ch.isalpha())


def _same_spelling(form: str, surface: str, *, ignore_case: bool) -> bool:
    """Whether ``surface`` spells ``form`` exactly, apart from a leading "the" and a possessive."""
    a, b = _strip_article(form), _strip_article(surface)
    return a.lower() == b.lower() if ignore_case else a == b


def _strip_article(text: str) -> str:
    text = re.sub(r"^[Tt]he\s+", "", fold_quotes(text).strip())
    return re.sub(r"'s?$", "", text)
