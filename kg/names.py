"""Name normalisation shared by the gazetteer, the resolver and the evaluation.

``name_key`` folds the differences that do not change who is meant: case, punctuation and dashes,
a leading "the", a possessive "'s", curly quotes, and common transliteration variants of Russian
names (Dmitry/Dmitriy/Dmitri, Yuri/Yury/Yuriy, Sergei/Sergey, Alexei/Aleksey, -yev/-ev).
"""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "`": "'", "\u00b4": "'", "\u201c": '"', "\u201d": '"'})
_DASHES = re.compile(r"[\u2010-\u2015\u2212-]")

# Transliteration variants: each pattern (on a lower-case, ASCII word) maps to one spelling.
_TRANSLIT: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"^dmitr(?:y|iy|ii|i)$", "dmitry"),
        (r"^yur(?:i|y|iy|ii)$", "yuri"),
        (r"^serge(?:i|y|iy|j)$", "sergei"),
        (r"^ale(?:x|ks)e(?:i|y|j)$", "alexei"),
        (r"^andre(?:i|y|j)$", "andrei"),
        (r"^nikola(?:i|y|j)$", "nikolai"),
        (r"^anatol(?:i|y|ij|iy)$", "anatoly"),
        (r"^gennad(?:i|y|ij|iy)$", "gennady"),
        (r"^vale(?:r|ri|rii|riy|ry)$", "valeri"),
        (r"^vital(?:i|y|ij|iy)$", "vitaly"),
        (r"^(.*[^aeiouy])yev$", r"\1ev"),
        (r"^(.*)iy$", r"\1y"),
    )
)


INITIAL = re.compile(r"[A-Z]\.")
"""An initial: "N." in "Alexei N. Kosygin"."""

GENERATIONAL_SUFFIXES = frozenset({"jr.", "jr", "sr.", "sr", "2d", "3d", "ii", "iii", "iv"})
"""What may follow a surname in a person's name ("Walter M. Schirra Jr.", "Hodding Carter 3d", the
older newspaper style, "Edward H. White 2d"), lower-cased."""


def surname(name: str) -> str:
    """The family name of a person's name as written: its last word that is no generational suffix.

    >>> surname("Walter M. Schirra Jr.")
    'Schirra'
    >>> surname("Charles Conrad, Jr.")
    'Conrad'
    >>> surname("Hodding Carter 3d")
    'Carter'
    >>> surname("Valentina Tereshkova")
    'Tereshkova'
    """
    words = [w.rstrip(",") for w in name.split()]
    while len(words) > 1 and words[-1].lower() in GENERATIONAL_SUFFIXES:
        words.pop()
    return words[-1] if words else ""


def fold_quotes(text: str) -> str:
    """Straight quotes and apostrophes for curly ones and backticks."""
    return text.translate(_QUOTES)


def _translit(word: str) -> str:
    for pattern, repl in _TRANSLIT:
        if pattern.match(word):
            return pattern.sub(repl, word)
    return word


def name_key(name: str) -> str:
    """A comparison key for a name.

    >>> name_key("the Kennedy Space Center")
    'kennedy space center'
    >>> name_key("NASA\u2019s") == name_key("NASA")
    True
    >>> name_key("Dmitriy Bakanov") == name_key("Dmitry Bakanov")
    True
    >>> name_key("Soyuz-FG") == name_key("Soyuz FG")
    True
    """
    text = unicodedata.normalize("NFKC", fold_quotes(name)).strip()
    text = re.sub(r"'s$|'$", "", text)
    text = _DASHES.sub(" ", text)
    text = re.sub(r"[^\w\s]", " ", text.lower())
    words = text.split()
    if words and words[0] == "the":
        words = words[1:]
    ascii_words = [unicodedata.normalize("NFKD", w).encode("ascii", "ignore").decode() or w for w in words]
    return " ".join(_translit(w) for w in ascii_words)
