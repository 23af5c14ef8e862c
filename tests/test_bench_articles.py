"""The article generator of the build benchmark (bench/articles.py, GitHub issue 12).

Copies of the development articles with people, places and years varied: every copy is an
article kg reads, with a valid publication date moved by its round's offset; the same bytes for
the same seed; the held-out corpora are never read.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

from kg.ingest import load_document

REPO = Path(__file__).resolve().parent.parent
COUNT = 30


def _load_generator():
    spec = importlib.util.spec_from_file_location("bench_articles", REPO / "bench" / "articles.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while building the class
    spec.loader.exec_module(module)
    return module


articles = _load_generator()


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> list[Path]:
    return articles.generate(COUNT, tmp_path_factory.mktemp("articles"), seed=7)


def test_bench_articles_sources_are_development_articles_only():
    sources = articles.load_sources()
    assert len(sources) >= 20
    for source in sources:
        assert source.path.parent.name in ("dev", "news-dev")
        assert "heldout" not in str(source.path)
        assert source.path.with_name(source.path.stem + ".gold.yaml").is_file()


def test_bench_articles_writes_count_files_with_unique_sorted_names(generated):
    names = [path.name for path in generated]
    assert len(names) == COUNT == len(set(names))
    assert names == sorted(names) == sorted(p.name for p in generated[0].parent.iterdir())
    assert all(re.fullmatch(r"a-\d{6}-.+\.(txt|md|html)", name) for name in names)


def test_bench_articles_same_seed_same_bytes_and_larger_runs_extend_smaller_ones(generated, tmp_path):
    again = articles.generate(COUNT + 3, tmp_path / "again", seed=7)
    assert [p.read_bytes() for p in again[:COUNT]] == [p.read_bytes() for p in generated]
    other_seed = articles.generate(COUNT, tmp_path / "other", seed=8)
    assert [p.read_bytes() for p in other_seed] != [p.read_bytes() for p in generated]


def test_bench_articles_every_copy_reads_with_its_date_moved_by_the_round_offset(generated):
    sources = articles.load_sources()
    pools = articles._pools(7)
    for index, path in enumerate(generated):
        round_number, position = divmod(index, len(sources))
        offset = articles.round_variation(sources, round_number, 7, pools).year_offset
        original = load_document(sources[position].path)
        copy = load_document(path)
        assert original.published is not None, sources[position].path
        assert copy.published == original.published.replace(year=original.published.year + offset), path.name
        assert copy.path.suffix == original.path.suffix


def test_bench_articles_people_are_renamed_and_rounds_differ(generated):
    sources = articles.load_sources()
    for index, path in enumerate(generated):
        source = sources[index % len(sources)]
        original = source.path.read_text(encoding="utf-8")
        text = path.read_text(encoding="utf-8")
        for person in source.persons:
            if person.name in original:
                assert person.name not in text, (path.name, person.name)
    for index in range(COUNT - len(sources)):  # the same source in rounds 0 and 1
        assert generated[index].read_bytes() != generated[index + len(sources)].read_bytes()


def test_bench_articles_shift_dates_moves_years_and_iso_dates_only():
    text = "published: 2000-02-29\nOn May 24, 1972, STS-71 (1300 GMT), RD-180, 98-104, the 1990s, 202/358-1547."
    assert articles.shift_dates(text, 28) == (
        "published: 2028-02-29\nOn May 24, 2000, STS-71 (1300 GMT), RD-180, 98-104, the 1990s, 202/358-1547."
    )
