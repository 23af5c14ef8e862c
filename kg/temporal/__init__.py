"""Dates known to a precision: the one value type every stage uses for a date.

A :class:`DateValue` is a date as precise as its source gives it — a year (``1975``), a month
(``1975-07``) or a day (``1975-07-17``) — written as the ISO prefix. :meth:`DateValue.parse`
reads one (and refuses ``2025-13`` or ``1975-02-30``); :meth:`DateValue.first_day` and
:meth:`DateValue.last_day` give the days it covers, so partial dates compare by overlap. The
gazetteer's tenures, the gold files' event dates, the ``from``/``to``/``as_of`` query
parameters and ``kg viz --since/--until`` all read dates through it; resolving a date
*expression* in text ("last Tuesday", "in September") against the publication date and the
clause's tense is :mod:`kg.temporal.expressions`, which returns these values.

>>> DateValue.parse("1975-07")
DateValue(iso='1975-07', precision='month')
>>> DateValue.parse("1975").last_day()
datetime.date(1975, 12, 31)
>>> DateValue.parse("1975-07").overlaps(DateValue.parse("1975"))
True
>>> DateValue.parse("1975-07-17").year
1975
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from kg.schema import Precision

_ISO_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class DateValue:
    """A date known to a precision; ``iso`` is the ISO prefix: ``1975``, ``1975-07``, ``1975-07-17``."""

    iso: str
    precision: Precision

    @classmethod
    def of(cls, year: int, month: int | None = None, day: int | None = None) -> "DateValue":
        """The date of ``year`` (and ``month``, and ``day``) at the precision given."""
        if month is None:
            return cls(f"{year:04d}", "year")
        if day is None:
            return cls(f"{year:04d}-{month:02d}", "month")
        return cls(f"{year:04d}-{month:02d}-{day:02d}", "day")

    @classmethod
    def from_date(cls, day: date) -> "DateValue":
        return cls.of(day.year, day.month, day.day)

    @classmethod
    def parse(cls, text: str) -> "DateValue":
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; a ``ValueError`` for anything else,
        including dates that do not exist (``2025-13``, ``1975-02-30``) and year 0."""
        match = _ISO_PREFIX.match(text.strip()) if isinstance(text, str) else None
        if match is None:
            raise ValueError(f"{text!r} is not a date written as YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = (int(g) if g else None for g in match.groups())
        value = cls.of(year, month, day)  # type: ignore[arg-type]
        value.first_day()  # checks that the date exists
        return value

    @property
    def year(self) -> int:
        """The year the value falls in (``1975-07`` -> 1975)."""
        return self._parts()[0]

    def first_day(self) -> date:
        """The first day the value covers (``1975`` -> 1975-01-01)."""
        year, month, day = self._parts()
        return date(year, month or 1, day or 1)

    def last_day(self) -> date:
        """The last day the value covers (``1975-02`` -> 1975-02-28)."""
        year, month, day = self._parts()
        if month is None:
            return date(year, 12, 31)
        if day is None:
            return date(year, month, calendar.monthrange(year, month)[1])
        return date(year, month, day)

    def overlaps(self, other: "DateValue") -> bool:
        """Whether the two cover a common day (a year overlaps each of its months)."""
        return self.first_day() <= other.last_day() and other.first_day() <= self.last_day()

    def _parts(self) -> tuple[int, int | None, int | None]:
        parts = [int(p) for p in self.iso.split("-")]
        return parts[0], parts[1] if len(parts) > 1 else None, parts[2] if len(parts) > 2 else None


def is_date(text: str) -> bool:
    """Whether ``text`` is a real year, month or day written as an ISO prefix."""
    try:
        DateValue.parse(text)
    except ValueError:
        return False
    return True


def in_window(value: str, since: str | None, until: str | None) -> bool:
    """Whether a (partial) ISO date overlaps the window ``[since, until]`` (either may be open;
    both are ISO prefixes too). An empty ``value`` is in no window but the open one.

    >>> in_window("1975", "1975-07", None), in_window("1975-07-17", "1976", None), in_window("", None, "2000")
    (True, False, False)
    """
    if not value:
        return since is None and until is None
    parsed = DateValue.parse(value)
    return (since is None or parsed.last_day() >= DateValue.parse(since).first_day()) and (
        until is None or parsed.first_day() <= DateValue.parse(until).last_day()
    )


__all__ = ["DateValue", "in_window", "is_date"]
