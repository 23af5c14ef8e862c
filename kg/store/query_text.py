"""Reading and shaping SPARQL query texts.

:func:`code_only` blanks out a query's string literals, IRIs and comments, so that a search for a
keyword (``SERVICE``, ``FROM``, ``WHERE``) finds only keywords. Three operations shape the text of
our own named queries before they run, each on whole lines of a shipped ``.rq`` file or on checked
integers; a parameter's value never enters the text (it is bound to ``?param_<name>``):

- :func:`specialise` keeps the lines marked for the parameters given (``# if a`` / ``# unless a``);
- :func:`lead_with` writes the triple patterns that mention a bound parameter first;
- :func:`page` appends ``LIMIT``/``OFFSET`` (checked by :func:`check_page`).
"""

from __future__ import annotations

import re

from kg.errors import QueryError

_CONDITION = re.compile(r"\s+#\s+(if|unless)\s+(\w+)\s*$")
_NOT_CODE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''  # long strings
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''  # strings
    r'|<[^<>"{}|^`\\\s]*>'  # IRIs
    r"|#[^\n]*",  # comments
)


def code_only(text: str) -> str:
    """``text`` with its string literals, IRIs and comments replaced by spaces (the same length,
    so offsets still match): what is left is keywords, variables and punctuation.

    >>> code_only('SELECT ?s { ?s ?p "SERVICE" } # SERVICE')
    'SELECT ?s { ?s ?p           }          '
    """
    return _NOT_CODE.sub(lambda m: " " * len(m.group()), text)


def specialise(text: str, given: set[str]) -> str:
    """``text`` for the parameters ``given``: a line ending in ``# if a`` stays only when ``a`` is
    given, one ending in ``# unless a`` only when it is not (the marker is dropped).

    This lets a parameter enter the query as a required pattern the store starts from (``?o
    rdfs:label ?param_organization``) when given, and leave the listing alone when not. Only
    whole lines of our own query files are kept or dropped; values are never put in the text.
    """
    out = []
    for line in text.split("\n"):
        m = _CONDITION.search(line)
        if m:
            keep = (m.group(2) in given) == (m.group(1) == "if")
            if not keep:
                continue
            line = line[: m.start()]
        out.append(line)
    return "\n".join(out)


_PATTERN_LINE = re.compile(r"^\s*(?!(?:OPTIONAL|FILTER|BIND|GRAPH|UNION|MINUS|VALUES|SELECT|PREFIX|ORDER|GROUP)\b)[?<][^{}#]*\s\.\s*$")


def lead_with(text: str, variables: set[str]) -> str:
    """``text`` with the triple patterns that mention one of ``variables`` moved to the front of
    their basic graph pattern (each run of consecutive pattern lines).

    Oxigraph plans a join in the order the patterns are written and cannot see substituted values,
    so a query about one entity must start from the pattern that names it (a lookup) rather than
    end with it (a scan of every fact, then a filter). A basic graph pattern is a set: the order
    changes the plan, never the answer. Only whole lines of our own query files move.
    """
    if not variables:
        return text
    mentions = re.compile("|".join(rf"\?{re.escape(v)}\b" for v in sorted(variables)))
    lines = text.split("\n")
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        out.extend(sorted(run, key=lambda line: not mentions.search(line)))
        run.clear()

    for line in lines:
        if _PATTERN_LINE.match(line):
            run.append(line)
        else:
            flush()
            out.append(line)
    flush()
    return "\n".join(out)


def check_page(limit: int | None, offset: int | None) -> None:
    """A QueryError unless ``limit`` and ``offset`` are each None or a whole number of rows."""
    for name, number in (("limit", limit), ("offset", offset)):
        if number is not None and (isinstance(number, bool) or not isinstance(number, int) or number < 0):
            raise QueryError(f"{name} must be a whole number of rows (0 or more), not {number!r}")


def page(text: str, limit: int | None, offset: int | None) -> str:
    """``text`` with LIMIT/OFFSET appended (both checked integers, the only values ever put in the text)."""
    check_page(limit, offset)
    if limit is not None:
        text += f"\nLIMIT {limit}"
    if offset:
        text += f"\nOFFSET {offset}"
    return text
