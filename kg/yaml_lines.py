"""YAML read with line numbers, for the data files whose errors must name a line (gazetteer, gold).

Mappings come back as :class:`LineMap` (a dict that knows its line and the line of each key) and
sequences as :class:`LineSeq` (a list that knows its line and the line of each item); both
compare and print like plain dicts and lists. Scalars are read as ``yaml.safe_load`` reads them.

>>> data = load_yaml("a: 1\\nb:\\n  - x\\n  - y\\n", "f.yaml")
>>> data == {"a": 1, "b": ["x", "y"]}, data.key_lines["b"], data["b"].item_lines
(True, 2, [3, 4])
>>> line_of(data["b"]), line_of(data, "a"), line_of("scalar")
(3, 1, None)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from kg.errors import DataError

T = TypeVar("T")


class LineMap(dict):
    """A YAML mapping that remembers its line and the line of each key."""

    line: int = 0
    key_lines: dict[str, int]


class LineSeq(list):
    """A YAML sequence that remembers its line and the line of each item."""

    line: int = 0
    item_lines: list[int]


def line_of(node: Any, key: str | None = None) -> int | None:
    """The line of ``key`` in the mapping ``node`` (or of ``node`` itself); None for a scalar."""
    if key is not None and isinstance(node, LineMap) and key in node.key_lines:
        return node.key_lines[key]
    return getattr(node, "line", None) or None


def load_yaml(text: str, path: Path | str) -> Any:
    """Parse ``text`` (read from ``path``); a syntax error is a DataError naming the file and line."""
    import yaml

    class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
        pass

    def construct_map(loader: yaml.SafeLoader, node: yaml.MappingNode):
        data = LineMap()
        data.line = node.start_mark.line + 1
        data.key_lines = {str(k.value): k.start_mark.line + 1 for k, _ in node.value}
        yield data
        data.update(loader.construct_mapping(node))

    def construct_seq(loader: yaml.SafeLoader, node: yaml.SequenceNode):
        data = LineSeq()
        data.line = node.start_mark.line + 1
        data.item_lines = [item.start_mark.line + 1 for item in node.value]
        yield data
        data.extend(loader.construct_sequence(node))

    Loader.add_constructor("tag:yaml.org,2002:map", construct_map)
    Loader.add_constructor("tag:yaml.org,2002:seq", construct_seq)
    try:
        return yaml.load(text, Loader=Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        problem = getattr(exc, "problem", None) or str(exc)
        raise DataError(f"{where}: not valid YAML ({problem}); fix the syntax there") from exc


__all__ = ["LineMap", "LineSeq", "line_of", "load_yaml"]


def load_shipped(name: str, build: Callable[[Any], T], *, what: str) -> T:
    """``build`` applied to the YAML data file ``kg/data/NAME`` shipped with the package; a file that
    does not parse, or lacks what ``build`` reads, is a ``DataError`` naming it and ``what`` it holds.

    >>> load_shipped("lexicon.yaml", lambda raw: "say" in raw["speech_verbs"], what="lexicon")
    True
    """
    from importlib import resources

    import yaml

    source = resources.files("kg") / "data" / name
    try:
        return build(yaml.safe_load(source.read_text(encoding="utf-8")))
    except (yaml.YAMLError, KeyError, TypeError, AttributeError, ValueError) as exc:
        raise DataError(f"{source}: malformed {what} ({exc}); restore it from the repository") from exc
