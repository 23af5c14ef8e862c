"""Which character spans overlap a given one, in time logarithmic in the number of spans.

The extractors ask, for every token or mention of a document, whether it overlaps a mention
found earlier; scanning every mention each time would make a long article quadratic.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from itertools import accumulate


class Coverage:
    """A fixed set of ``[start, end)`` spans; ``overlaps`` says whether one meets a given span.

    >>> taken = Coverage([(0, 4), (10, 12)])
    >>> taken.overlaps(3, 5), taken.overlaps(4, 10), taken.overlaps(11, 20)
    (True, False, True)
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._reach = list(accumulate((end for _, end in ordered), max))  # furthest end so far

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span ``[s, e)`` has ``s < end and start < e``."""
        before = bisect_left(self._starts, end)  # the spans that start before ``end``
        return before > 0 and self._reach[before - 1] > start


class StartIndex:
    """Items with a ``[start, end)`` span, added in order of ``start``; finds those meeting a span.

    ``longest`` bounds the length of every item, so the items that may overlap ``[start, end)``
    are those starting in ``(start - longest, end)``.

    >>> index = StartIndex(longest=5)
    >>> for span in [(0, 5), (3, 4), (9, 12)]:
    ...     index.append(span[0], span)
    >>> list(index.meeting(4, 10, lambda span: span))
    [(0, 5), (9, 12)]
    """

    def __init__(self, *, longest: int) -> None:
        self.longest = longest
        self._starts: list[int] = []
        self._items: list = []

    def append(self, start: int, item) -> None:
        if self._starts and start < self._starts[-1]:
            raise ValueError("items must be appended in order of their start")
        self._starts.append(start)
        self._items.append(item)

    def meeting(self, start: int, end: int, span_of) -> Iterator:
        """The items whose span (``span_of(item)``) overlaps ``[start, end)``, in order."""
        first = bisect_right(self._starts, start - self.longest)
        last = bisect_left(self._starts, end)
        for item in self._items[first:last]:
            item_start, item_end = span_of(item)
            if item_start < end and start < item_end:
                yield item
