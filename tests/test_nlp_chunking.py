"""Long articles are parsed in chunks (issue 10): an article over spaCy's ``max_length``
(1,000,000 characters) used to abort the whole build with ``ValueError: [E088]``, and one just
under it took minutes and gigabytes. Texts are now cut at paragraph boundaries, parsed chunk by
chunk and joined, with every offset still pointing into the original file.
"""

from __future__ import annotations

import pytest

from conftest import SEED

# A fact-bearing paragraph; the backtick, the curly quotes and the CRLF line ends of the file
# make offsets in the normalised text differ from offsets in the original file.
FACT = "NASA`s administrator Sean Duffy met Roscosmos director general Dmitry Bakanov in Houston, officials said."


def _article(paragraphs: list[str], published: str = "2025-08-01") -> str:
    return f"---\r\ntitle: Long\r\npublished: {published}\r\n---\r\n" + "\r\n\r\n".join(paragraphs) + "\r\n"


def _evidence(dataset) -> list[tuple[str, int, int]]:
    rows = dataset.query(
        "PREFIX kgo: <https://w3id.org/usru-space/ontology#> SELECT ?s ?a ?b WHERE { GRAPH ?g {"
        " ?e a kgo:Evidence ; kgo:sentence ?s ; kgo:start ?a ; kgo:end ?b } }"
    )
    return [(str(s), int(a), int(b)) for s, a, b in rows]


@pytest.mark.parametrize(
    ("text", "limit", "chunks"),
    [
        ("one two.\n\nthree four.\nfive", 14, ["one two.\n\n", "three four.\n", "five"]),  # blank line, then line end
        ("aaa bbb ccc", 8, ["aaa bbb ", "ccc"]),  # a line without breaks is cut after a space
        ("abcdefgh", 3, ["abc", "def", "gh"]),  # a word longer than the limit is cut hard
        ("short", 100, ["short"]),
        ("", 5, [""]),
    ],
)
def test_split_chunks_cuts_at_the_best_boundary_within_the_limit(text, limit, chunks):
    from kg.nlp import split_chunks

    assert split_chunks(text, limit) == chunks


def test_split_chunks_prefers_paragraphs_and_joins_back_to_the_text():
    from kg.nlp import split_chunks

    text = "\n\n".join(f"Paragraph {i} has a line.\nAnd a second line." for i in range(200))
    chunks = split_chunks(text, 500)
    assert "".join(chunks) == text
    assert all(len(chunk) <= 500 for chunk in chunks)
    assert all(chunk.endswith("\n\n") for chunk in chunks[:-1])


def test_parse_texts_joins_chunks_into_one_doc_with_the_offsets_of_the_whole_text():
    from kg.nlp import load_pipeline, parse_texts

    texts = ["A short one.", "\n\n".join([FACT] * 30), "Another short text about Soyuz MS-27."]
    docs = list(parse_texts(load_pipeline(), texts, chunk_chars=400))
    assert [doc.text for doc in docs] == texts
    long = docs[1]
    starts = [i for i in range(len(texts[1])) if texts[1].startswith("Sean Duffy", i)]
    people = [ent for ent in long.ents if ent.text == "Sean Duffy"]
    assert [ent.start_char for ent in people] == starts
    assert all(texts[1][token.idx : token.idx + len(token)] == token.text for token in long)
    assert sum(sent.text.strip() == FACT for sent in long.sents) == 30


def test_evidence_offsets_stay_right_across_chunk_boundaries(tmp_path, monkeypatch):
    import kg.nlp
    from kg.pipeline import build_dataset

    monkeypatch.setattr(kg.nlp, "CHUNK_CHARS", 700)  # a few paragraphs per chunk
    filler = "The crews trained for months at Star City and in Houston before the flight."
    paragraphs = [f"{filler} {filler}" if i % 3 else FACT for i in range(60)]
    path = tmp_path / "chunked.txt"
    path.write_bytes(_article(paragraphs).encode("utf-8"))
    dataset, report = build_dataset([path])
    assert report.ok, report.failures
    original = path.read_bytes().decode("utf-8")
    evidence = _evidence(dataset)
    assert sum(sentence == FACT for sentence, _, _ in set(evidence)) == 20
    for sentence, start, end in evidence:
        assert original[start:end] == sentence


def test_an_article_over_a_million_characters_builds_with_the_good_ones(tmp_path):
    """issue 10: ``ValueError: [E088]`` lost every article of the build."""
    from kg.pipeline import build_dataset

    word = "x" * 70  # long tokens keep the parse cheap
    filler = " ".join([word] * 70)
    paragraphs = [FACT if i % 50 == 0 else filler for i in range(220)] + [FACT]
    path = tmp_path / "long.txt"
    path.write_bytes(_article(paragraphs).encode("utf-8"))
    (tmp_path / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    dataset, report = build_dataset([tmp_path])
    assert report.ok, report.failures
    assert report.documents == ["long.txt", "seed.txt"]
    original = path.read_bytes().decode("utf-8")
    assert len(original) > 1_000_000
    evidence = [(s, a, b) for s, a, b in _evidence(dataset) if s == FACT]
    assert max(start for _, start, _ in evidence) > 1_000_000  # the last paragraph is read too
    for sentence, start, end in evidence:
        assert original[start:end] == sentence
