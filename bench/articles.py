"""Write N synthetic articles made from the shipped development corpus, for build benchmarks.

Usage::

    .venv/bin/python bench/articles.py N OUT_DIR [--seed S]

The sources are the articles of the development corpora (``data/corpus/dev``, found through
:func:`kg.resources.default_corpus_dir`, and ``data/corpus/news-dev`` beside it when present; an
article is a ``.txt``/``.md``/``.html`` file beside its ``.gold.yaml``). The held-out corpora are
never read. Article ``i`` (from 0) is a copy of source ``i % S`` (S sources, sorted) in *round*
``i // S``; each round varies every source the same way, so a round is a corpus shaped like the
shipped one (the same person recurs across its articles) but about other people, places and years:

- **people**: each person of the source's gold annotation (name and capitalised aliases) gets a
  generated name, the same one wherever that person appears in the round; given names come from
  lists kept here, surnames are a root plus an ending (Russian-style parts for a Russian-style
  surname), so that names do not repeat until about 38,000 English-style and 33,000
  Russian-style people have been named (after that a middle initial is added);
- **places**: the gold's places (cities, states, regions; landmarks and oceans are kept) become
  other real places, the same one across the round, in capitals too (datelines);
- **years**: every year and ISO date moves by the round's offset, a multiple of 28 years (so
  weekdays and leap days stay where they were): front matter ``published:``, ``<meta>`` and
  JSON-LD dates, datelines and years in the text, so each form's publication date stays valid.

The output is deterministic for a seed (the same bytes every run), and the first N articles of
a bigger run are those of a smaller one. Files are named ``a-000001-<source file name>`` (sorted
in article order); files of an earlier run in OUT_DIR (``a-*``) are deleted first.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kg.ingest import SUPPORTED_SUFFIXES as ARTICLE_SUFFIXES
SOURCE_FOLDERS = ("news-dev",)  # beside the default corpus; never heldout, news-heldout, fresh-heldout
YEAR_OFFSETS = (-56, -28, 0, 28, 56)

GIVEN_EN = (
    "Adam Alice Allison Amos Andrea Arthur Audrey Bennett Brenda Calvin Carla Clara Colin Dana Dean "
    "Della Edgar Elaine Elliot Emmett Erica Felix Fiona Gavin Gloria Grant Hazel Irene Isaac Jenna "
    "Jerome Joanna Julian Karen Keith Laura Leon Lydia Marcus Miriam Nathan Nora Oscar Paula Quentin "
    "Rachel Roland Ruth Simon Sonia Tessa Travis Una Vernon Vivian Wade Wendell Yvonne Zachary Zoe"
).split()
GIVEN_RU = (
    "Aleksandr Anatoly Andrei Arkady Boris Denis Dmitri Eduard Fyodor Gennady Gleb Grigory Igor "
    "Ilya Ivan Kirill Konstantin Lev Leonid Maxim Mikhail Nikita Oleg Pavel Pyotr Roman Ruslan "
    "Semyon Stanislav Stepan Timur Vadim Valentin Viktor Vitaly Yakov Yegor Yevgeny Yuri Zakhar"
).split()
GIVEN_RU_FEMALE = (
    "Alina Anastasia Darya Ekaterina Galina Inna Irina Kira Larisa Lyudmila Marina Nadezhda Natalia "
    "Oksana Olga Polina Svetlana Tatiana Valeria Vera Yelena Yulia Zoya Zinaida Sofia Raisa"
).split()
ROOTS_EN = (
    "Ash Bram Calder Dun Ell Fair Gar Hal Kings Lang Mar Nor Oak Pem Red Stan Thorn Wex Whit Yar "
    "Brad Cro Dal Fen Grim Hart Ives Kent Lind Mor Pres Rad Sal Tal Wil Bel Cart Dray Eld Ford"
).split()
ENDINGS_EN = "ley ton ford well wick more by man son field worth ridge stead hurst wood croft".split()
ROOTS_RU = (
    "Bel Vor Gor Dub Zar Kal Lis Mor Nov Orl Pav Rod Sev Tar Ust Fed Khar Chern Shum Yas Bar Vik "
    "Gal Dem Zhur Kuz Lav Myl Nik Pol Rud Sok Tol Ul Fil Kov Shem Yel Ber Gus Lap Mak Pron Ryb Sus "
    "Tikh Ved Zuy Bog Dor Kras Lob Mel Ost Pash Rom Sav Shuv Tver Vol"
).split()
ENDINGS_RU = "ov ev in sky enko ikov anov ushkin arev etsky yakov ugin ishin ayev".split()
INITIALS = "ABCDEFGHJKLMNPRSTVW"
_RUSSIAN_SURNAME = re.compile(r"(?:ov|ev|in|yn|ko|sky|ski|yi|iy|ova|eva|ina|aya|enko|ik|uk)$")
_FEMALE_SURNAME = re.compile(r"(?:ova|eva|ina|aya|kaya)$")

PLACES = (
    "Albany Atlanta Austin Baltimore Boise Boston Charleston Chicago Cleveland Dallas Denver Detroit "
    "Hartford Helena Lincoln Memphis Nashville Omaha Phoenix Pittsburgh Portland Raleigh Richmond "
    "Sacramento Seattle Spokane Tucson Tulsa Arkhangelsk Barnaul Chelyabinsk Irkutsk Izhevsk Kaluga "
    "Kazan Kemerovo Khabarovsk Krasnoyarsk Kursk Murmansk Novosibirsk Omsk Orenburg Penza Perm "
    "Rostov Ryazan Samara Saratov Smolensk Tomsk Tula Tyumen Ufa Volgograd Voronezh Yaroslavl"
).split()
KEPT_PLACES = frozenset(
    {"Kremlin", "White House", "Europe", "Pacific", "Pacific Ocean", "Atlantic", "Atlantic Ocean", "Crimea"}
)
_TITLES = frozenset({"Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "Col.", "Sen.", "Rep.", "Prof."})

_ISO_DATE = r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)"
_BARE_YEAR = r"(?<![\w\-/$#])(?<!\d[.,])(?P<year>1[89]\d\d|20\d\d)(?!\w)(?![-/]\d)(?![.,]\d)"
_DATES = re.compile(f"{_ISO_DATE}|{_BARE_YEAR}")


@dataclass(frozen=True)
class Person:
    """A person of a source's gold: canonical name and the capitalised aliases the text uses."""

    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Source:
    """One article of the development corpora and the people and places its gold names."""

    path: Path
    persons: tuple[Person, ...]
    places: tuple[str, ...]


@dataclass(frozen=True)
class Variation:
    """How one round changes its sources: person key -> new name, place -> place, year offset."""

    names: dict[tuple[str, str], tuple[str, str]]
    places: dict[str, str]
    year_offset: int


def source_dirs() -> list[Path]:
    """The development corpus folders: ``kg.resources.default_corpus_dir()`` and ``news-dev``."""
    from kg.resources import default_corpus_dir

    dev = default_corpus_dir()
    return [dev, *(dev.parent / name for name in SOURCE_FOLDERS if (dev.parent / name).is_dir())]


def load_sources(dirs: list[Path] | None = None) -> list[Source]:
    """Every article beside a ``.gold.yaml`` in ``dirs`` (default: ``source_dirs()``), sorted."""
    import yaml

    sources: list[Source] = []
    for folder in dirs if dirs is not None else source_dirs():
        for path in sorted(folder.iterdir()):
            gold = path.with_name(path.stem + ".gold.yaml")
            if path.suffix not in ARTICLE_SUFFIXES or not gold.is_file():
                continue
            entities = yaml.safe_load(gold.read_text(encoding="utf-8")).get("entities") or []
            persons = tuple(
                Person(e["name"], tuple(a for a in e.get("aliases") or () if a[:1].isupper()))
                for e in entities
                if e.get("type") == "Person"
            )
            places = tuple(e["name"] for e in entities if e.get("type") == "Place" and e["name"] not in KEPT_PLACES)
            sources.append(Source(path, persons, places))
    return sources


def person_key(name: str) -> tuple[str, str]:
    """First and last word of a name: "Richard M. Nixon" and "Richard Nixon" are one person."""
    words = [w for w in name.split() if w not in _TITLES]
    return words[0], words[-1]


def _style(key: tuple[str, str]) -> str:
    surname = key[1].lower()
    if _FEMALE_SURNAME.search(surname):
        return "ru_f"
    return "ru" if _RUSSIAN_SURNAME.search(surname) else "en"


def _pools(seed: int) -> dict[str, tuple[list[str], list[str]]]:
    """Given names and surnames per style, shuffled by ``seed``."""
    rng = random.Random(f"{seed}:names")

    def shuffled(items: list[str]) -> list[str]:
        items = list(items)
        rng.shuffle(items)
        return items

    english = shuffled([root + ending for root in ROOTS_EN for ending in ENDINGS_EN])
    russian = shuffled([root + ending for root in ROOTS_RU for ending in ENDINGS_RU])
    return {
        "en": (shuffled(GIVEN_EN), english),
        "ru": (shuffled(GIVEN_RU), russian),
        "ru_f": (shuffled(GIVEN_RU_FEMALE), [_feminine(s) for s in russian]),
    }


def _feminine(surname: str) -> str:
    if surname.endswith("sky"):
        return surname[:-1] + "aya"
    return surname + "a" if surname.endswith(("ov", "ev", "in")) else surname


def generated_name(pool: tuple[list[str], list[str]], index: int) -> tuple[str, str]:
    """The ``index``-th name of a pool, as (given name(s), surname).

    Consecutive indices have different surnames (one round never gives two people one surname);
    past the pool's size a middle initial keeps names apart.
    """
    given, surnames = pool
    capacity = len(given) * len(surnames)
    cycle, k = divmod(index, capacity)
    first = given[(k + k // len(surnames)) % len(given)]
    if cycle:
        first = f"{first} {INITIALS[(cycle - 1) % len(INITIALS)]}."
    return first, surnames[k % len(surnames)]


def round_variation(sources: list[Source], round_number: int, seed: int, pools: dict) -> Variation:
    """The names, places and year offset of one round (independent of how many rounds run)."""
    rng = random.Random(f"{seed}:round:{round_number}")
    by_style: dict[str, list[tuple[str, str]]] = {}
    for key in sorted({person_key(p.name) for s in sources for p in s.persons}):
        by_style.setdefault(_style(key), []).append(key)
    names = {
        key: generated_name(pools[style], round_number * len(keys) + position)
        for style, keys in by_style.items()
        for position, key in enumerate(keys)
    }
    originals = sorted({place for s in sources for place in s.places})
    places = dict(zip(originals, rng.sample(PLACES, len(originals))))
    return Variation(names, places, rng.choice(YEAR_OFFSETS))


def replacements(source: Source, variation: Variation) -> dict[str, str]:
    """Every surface form of the source's people and places and what it becomes."""
    table: dict[str, str] = {}
    for person in source.persons:
        given, surname = variation.names[person_key(person.name)]
        canonical = person.name.split()
        bare = person_key(person.name)[1]  # the gold does not list every "Kosygin" as an alias
        for form in (person.name, *person.aliases, *([bare] if len(bare) > 2 else [])):
            table.setdefault(form, _renamed(form.split(), canonical, given, surname))
    for place in source.places:
        table[place] = variation.places[place]
    table.update({old.upper(): new.upper() for old, new in list(table.items()) if old.upper() != old})
    return table


def _renamed(words: list[str], canonical: list[str], given: str, surname: str) -> str:
    """A form of a name with its given name and surname replaced, titles and nicknames kept."""
    out: list[str] = []
    for position, word in enumerate(words):
        if word == canonical[-1] or position == len(words) - 1:
            out.append(surname)
        elif word in _TITLES or not word[:1].isalpha() or (len(word) == 2 and word.endswith(".")):
            out.append(word)  # "Dr.", a quoted nickname, a middle initial
        elif word in canonical[1:-1]:
            continue  # the other words of a surname ("Vande" of "Mark Vande Hei") are dropped
        elif word == canonical[0] or position == 0:
            out.append(given)
    return " ".join(out)


def shift_dates(text: str, offset: int) -> str:
    """``text`` with every year (1800-2099) and ISO date moved by ``offset`` years."""
    def shifted(match: re.Match[str]) -> str:
        if match.group("year"):
            return str(int(match.group("year")) + offset)
        year, month, day = (int(match.group(g)) for g in ("y", "m", "d"))
        try:
            date(year, month, day)
        except ValueError:
            return match.group()  # not a date: leave it
        new_year = year + offset
        while True:  # 28-year offsets keep 29 February valid; others step back a day
            try:
                return date(new_year, month, day).isoformat()
            except ValueError:
                day -= 1

    return _DATES.sub(shifted, text) if offset else text


def vary(text: str, source: Source, variation: Variation) -> str:
    """One copy of a source's text: people and places renamed, dates shifted."""
    table = replacements(source, variation)
    if table:
        forms = sorted(table, key=len, reverse=True)
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, forms)) + r")(?!\w)")
        text = pattern.sub(lambda m: table[m.group()], text)
    return shift_dates(text, variation.year_offset)


def article_name(index: int, count: int, source: Source) -> str:
    """``a-000001-<source name>``: numbered from 1, zero-padded so names sort in order."""
    width = max(6, len(str(count)))
    return f"a-{index + 1:0{width}d}-{source.path.name}"


def generate(count: int, out_dir: Path, *, seed: int = 0, sources: list[Source] | None = None) -> list[Path]:
    """Write ``count`` articles into ``out_dir`` (created; earlier ``a-*`` files deleted); their paths."""
    sources = sources if sources is not None else load_sources()
    if not sources:
        raise SystemExit("error: no development articles found (reinstall kg: pip install -e .)")
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("a-*"):
        if old.is_file() and old.suffix in ARTICLE_SUFFIXES:
            old.unlink()
    pools = _pools(seed)
    written: list[Path] = []
    variation: Variation | None = None
    for index in range(count):
        round_number, position = divmod(index, len(sources))
        if position == 0 or variation is None:
            variation = round_variation(sources, round_number, seed, pools)
        source = sources[position]
        text = source.path.read_bytes().decode("utf-8")
        path = out_dir / article_name(index, count, source)
        path.write_bytes(vary(text, source, variation).encode("utf-8"))
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog="example: bench/articles.py 1000 /tmp/a1k --seed 0")
    parser.add_argument("count", type=int, help="how many articles to write")
    parser.add_argument("out_dir", type=Path, help="folder to write them into")
    parser.add_argument("--seed", type=int, default=0, help="variation seed (default 0)")
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("N must be at least 1")
    written = generate(args.count, args.out_dir, seed=args.seed)
    print(f"wrote {len(written)} articles to {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
