"""Write the synthetic graph of the query benchmark (``kg.synthetic``) as N-Quads.

Run:  .venv/bin/python bench/synth.py [--triples 1000000] [--seed 0] [-o bench/out/synth.nq]

The same ``--triples`` and ``--seed`` give the same file.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from kg.synthetic import write_synthetic


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("-o", "--out", type=Path, default=None)
    args = parser.parse_args(argv)
    out = args.out or Path(__file__).parent / "out" / f"synth-{args.triples}-{args.seed}.nq"
    start = time.perf_counter()
    figures = write_synthetic(out, triples=args.triples, seed=args.seed)
    print(f"wrote {out}: {figures['documents']} documents, {figures['triples']} triples in {time.perf_counter() - start:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
