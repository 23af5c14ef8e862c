"""Extraction quality on every corpus with gold, side by side: the figures of README's table.

Runs ``kg eval --json`` on the development corpora (``data/corpus/dev``, ``data/corpus/news-dev``,
``-2`` to ``-15``) and the held-out ones (``data/corpus/heldout``, ``data/corpus/news-heldout``,
and ``data/corpus/fresh-heldout``, ``-2`` to ``-18``, each written in a later cycle and scored for the
first time at its end) and prints a Markdown
table of F1 per kind of fact and the macro-F1. The held-out corpora are scored here, at the end of a
development cycle, and never tuned on; they are not a gate of the test suite (a gate that fails
invites tuning on them).

    .venv/bin/python bench/quality.py                 # this checkout
    .venv/bin/python bench/quality.py --kg "python -m kg"   # another command, e.g. an older checkout
"""

from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPORA = {
    "dev": "data/corpus/dev",
    "news-dev": "data/corpus/news-dev",
    "news-dev-2": "data/corpus/news-dev-2",
    "news-dev-3": "data/corpus/news-dev-3",
    "news-dev-4": "data/corpus/news-dev-4",
    "news-dev-5": "data/corpus/news-dev-5",
    "news-dev-6": "data/corpus/news-dev-6",
    "news-dev-7": "data/corpus/news-dev-7",
    "news-dev-8": "data/corpus/news-dev-8",
    "news-dev-9": "data/corpus/news-dev-9",
    "news-dev-10": "data/corpus/news-dev-10",
    "news-dev-11": "data/corpus/news-dev-11",
    "news-dev-12": "data/corpus/news-dev-12",
    "news-dev-13": "data/corpus/news-dev-13",
    "news-dev-14": "data/corpus/news-dev-14",
    "news-dev-15": "data/corpus/news-dev-15",
    "heldout (held out)": "data/corpus/heldout",
    "news-heldout (held out)": "data/corpus/news-heldout",
    "fresh-heldout (held out)": "data/corpus/fresh-heldout",
    "fresh-heldout-2 (held out)": "data/corpus/fresh-heldout-2",
    "fresh-heldout-3 (held out)": "data/corpus/fresh-heldout-3",
    "fresh-heldout-4 (held out)": "data/corpus/fresh-heldout-4",
    "fresh-heldout-5 (held out)": "data/corpus/fresh-heldout-5",
    "fresh-heldout-6 (held out)": "data/corpus/fresh-heldout-6",
    "fresh-heldout-7 (held out)": "data/corpus/fresh-heldout-7",
    "fresh-heldout-8 (held out)": "data/corpus/fresh-heldout-8",
    "fresh-heldout-9 (held out)": "data/corpus/fresh-heldout-9",
    "fresh-heldout-10 (held out)": "data/corpus/fresh-heldout-10",
    "fresh-heldout-11 (held out)": "data/corpus/fresh-heldout-11",
    "fresh-heldout-12 (held out)": "data/corpus/fresh-heldout-12",
    "fresh-heldout-13 (held out)": "data/corpus/fresh-heldout-13",
    "fresh-heldout-14 (held out)": "data/corpus/fresh-heldout-14",
    "fresh-heldout-15 (held out)": "data/corpus/fresh-heldout-15",
    "fresh-heldout-16 (held out)": "data/corpus/fresh-heldout-16",
    "fresh-heldout-17 (held out)": "data/corpus/fresh-heldout-17",
    "fresh-heldout-18 (held out)": "data/corpus/fresh-heldout-18",
}
KINDS = ("entities", "positions", "events", "involvement", "agency_country", "quotes")


def scores(command: list[str], corpus: Path) -> dict:
    result = subprocess.run([*command, "eval", str(corpus), "--json"], capture_output=True, text=True, check=False)
    if not result.stdout.strip():
        raise SystemExit(f"{corpus}: kg eval printed nothing: {result.stderr.strip()}")
    return json.loads(result.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kg", default=f"{sys.executable} -m kg", help="the kg command to run")
    args = parser.parse_args()
    command = shlex.split(args.kg)
    print("| corpus | " + " | ".join(KINDS) + " | events P | macro-F1 |")
    print("|---" * (len(KINDS) + 3) + "|")
    for name, folder in CORPORA.items():
        s = scores(command, REPO / folder)
        types = s["types"]
        cells = [f"{types[k]['f1']:.3f}" for k in KINDS] + [f"{types['events']['precision']:.3f}", f"**{s['macro_f1']:.3f}**"]
        print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
