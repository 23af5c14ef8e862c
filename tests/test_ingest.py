"""Ingest: files to Documents, with offsets that lead back to the original characters."""

from __future__ import annotations

import doctest
import random
import shutil
from datetime import date
from pathlib import Path

import pytest

import kg.ingest.markdown
import kg.ingest.normalize
from kg.errors import InputError
from kg.ingest import iter_input_files, load_document
from kg.ingest.normalize import normalize
from kg.model import Document

DATA = Path(__file__).parent / "data" / "ingest"
DEV = Path(__file__).resolve().parents[1] / "data" / "corpus" / "dev"  # the shipped development corpus
SEED = DEV / "seed-nasa-roscosmos-talks.txt"
PAGE = DEV / "dev-03-iss-first-modules.html"
MARKDOWN = DATA / "feature-with-markup.md"

# What each normalised character may have been in the original.
SAME_AS = {
    "'": set("'`\u2018\u2019\u201b\u00b4\u2032"),
    '"': set('"\u201c\u201d\u201e\u201f\u2033'),
    # A space may also be a line break: a hard-wrapped line joined to the next (kg/ingest/unwrap.py).
    " ": set(" \t\u00a0\u1680\u202f\u205f\u3000\n\r") | {chr(c) for c in range(0x2000, 0x200B)},
    "\n": set("\n\r\x0b\x0c\x85\u2028\u2029"),
}


def same_character(normalised: str, original: str) -> bool:
    # A wire dateline's capitalised place is written in title case ("MOSCOW" -> "Moscow",
    # kg/ingest/dateline.py): a letter may differ from the file's in case only.
    return normalised == original or original in SAME_AS.get(normalised, ()) or (normalised.isalpha() and normalised.lower() == original.lower())


def span_of(document: Document, needle: str) -> str:
    """The original text behind the first occurrence of ``needle`` in ``document.text``."""
    start = document.text.index(needle)
    first, last = document.to_original(start, start + len(needle))
    return document.original[first:last]


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# --- text with front matter -------------------------------------------------------------


def test_ingest_seed_reads_front_matter_and_body():
    document = load_document(SEED)

    assert document.doc_id == "seed-nasa-roscosmos-talks"
    assert document.kind == "txt"
    assert document.title == "NASA and Roscosmos leaders meet to discuss the path for cooperation"
    assert document.published == date(2025, 8, 1)
    assert document.source.startswith("seed document of the project")
    assert document.text.startswith("In a move that could redefine")
    assert "title:" not in document.text
    assert len(document.sha256) == 64


def test_ingest_seed_normalises_backtick_apostrophes_and_curly_quotes():
    document = load_document(SEED)

    assert "NASA's Acting Administrator" in document.text
    assert "`" not in document.text
    assert '"This conversation, in my view, is about paving that path."' in document.text
    assert "\u201c" not in document.text and "\u201d" not in document.text


@pytest.mark.parametrize(
    ("needle", "expected_original"),
    [
        ("NASA's Acting Administrator, Sean Duffy", "NASA`s Acting Administrator, Sean Duffy"),
        ("world's foremost space agencies", "world`s foremost space agencies"),
        (
            '"This conversation, in my view, is about paving that path."',
            "\u201cThis conversation, in my view, is about paving that path.\u201d",
        ),
        ("Dmitry Bakanov", "Dmitry Bakanov"),
        ("In a move", "In a move"),
    ],
)
def test_ingest_seed_offsets_lead_back_to_the_file_text(needle, expected_original):
    document = load_document(SEED)

    assert span_of(document, needle) == expected_original
    assert expected_original in SEED.read_text(encoding="utf-8")


def test_ingest_seed_offsets_point_past_the_front_matter():
    document = load_document(SEED)

    first, _ = document.to_original(0, 1)
    assert document.original.startswith("---\ntitle:")
    assert document.original[:first].count("---") == 2


@pytest.mark.parametrize("path", [SEED, PAGE, MARKDOWN], ids=lambda path: path.suffix)
def test_ingest_every_character_maps_to_the_character_it_came_from(path):
    document = load_document(path)

    assert len(document.offsets) == len(document.text) + 1
    assert list(document.offsets) == sorted(document.offsets)
    for index, char in enumerate(document.text):
        assert same_character(char, document.original[document.offsets[index]]), (index, char)


def test_ingest_front_matter_datetime_published_becomes_a_date(tmp_path):
    path = write(tmp_path, "a.txt", "---\npublished: 2024-02-29 10:15:00\n---\nBody text.\n")

    assert load_document(path).published == date(2024, 2, 29)


def test_ingest_text_without_front_matter_has_no_title_or_date(tmp_path):
    path = write(tmp_path, "plain.txt", "Soyuz MS-25 docked.\n")

    document = load_document(path)

    assert (document.title, document.published, document.source) == (None, None, None)
    assert document.text == "Soyuz MS-25 docked."


def test_ingest_accepts_a_utf8_byte_order_mark(tmp_path):
    path = write(tmp_path, "bom.txt", "\ufeff---\ntitle: With BOM\n---\nText.\r\n".encode())

    document = load_document(path)

    assert document.title == "With BOM"
    assert document.text == "Text."


def test_ingest_accepts_utf16_with_a_byte_order_mark(tmp_path):
    path = write(tmp_path, "notepad.txt", "Gagarin\u2019s flight\n".encode("utf-16"))

    assert load_document(path).text == "Gagarin's flight"


# --- Markdown ---------------------------------------------------------------------------


def test_ingest_markdown_strips_markup():
    document = load_document(MARKDOWN)

    assert document.kind == "md"
    assert document.title == "Docking day"
    assert document.published == date(2024, 3, 5)
    for markup in ("#", "**", "](", "![", "<!--", "```", "* ", "> ", "<https"):
        assert markup not in document.text, markup
    assert "crew photo" not in document.text
    assert "editor's note" not in document.text
    assert "led by Oleg Novitsky, docked" in document.text
    assert "with the International Space Station on March 25." in document.text
    assert "NASA's Tracy Dyson flew with them." in document.text
    assert "The flight was routine, officials said." in document.text
    assert "Read more at https://example.org/soyuz." in document.text


def test_ingest_markdown_heading_is_its_own_paragraph():
    document = load_document(MARKDOWN)

    assert document.text.startswith("Soyuz meets the station\n\nThe Soyuz MS-25 crew")


@pytest.mark.parametrize(
    ("needle", "expected_original"),
    [
        ("Oleg Novitsky", "Oleg Novitsky"),
        ("Soyuz MS-25", "Soyuz MS-25"),
        ("International Space Station", "International Space Station"),
        ("NASA's Tracy Dyson", "NASA`s Tracy Dyson"),
        ('"The crew is in good health."', "\u201cThe crew is in good health.\u201d"),
        ("meets the station", "meets the *station"),
    ],
)
def test_ingest_markdown_offsets_lead_back_to_the_file_text(needle, expected_original):
    assert span_of(load_document(MARKDOWN), needle) == expected_original


def test_ingest_markdown_title_falls_back_to_the_first_heading(tmp_path):
    path = write(tmp_path, "note.md", "Intro line.\n\n## The *Mir* years ##\n\nText.\n")

    assert load_document(path).title == "The Mir years"


def test_ingest_markdown_keeps_intraword_underscores_and_lone_stars(tmp_path):
    path = write(tmp_path, "code.md", "The file soyuz_ms_25_log is 5 * 3 pages; see `docking.py`.\n")

    assert load_document(path).text == "The file soyuz_ms_25_log is 5 * 3 pages; see docking.py."


# --- HTML -------------------------------------------------------------------------------


def test_ingest_html_reads_the_article_date_and_title():
    document = load_document(PAGE)

    assert document.doc_id == "dev-03-iss-first-modules"
    assert document.kind == "html"
    assert document.published == date(2000, 11, 2)
    assert document.title == "First resident crew moves into the International Space Station"
    assert "Soyuz TM-31" in document.text
    assert "Sergei Krikalev, the crew's flight engineer" in document.text


@pytest.mark.parametrize(
    "boilerplate",
    ["Related stories", "cookie", "Sign up", "Privacy policy", "localStorage", "Mars lander", "Archive", "Orbital Desk News"],
)
def test_ingest_html_drops_navigation_sidebar_footer_and_scripts(boilerplate):
    document = load_document(PAGE)

    assert boilerplate not in document.text
    assert boilerplate not in document.original


def test_ingest_html_keeps_paragraphs_apart():
    document = load_document(PAGE)

    assert "human presence in orbit.\n\nTheir Soyuz TM-31 capsule" in document.text
    assert "before the launch.\n\nFor Krikalev" in document.text


def test_ingest_html_original_is_the_extracted_text():
    document = load_document(PAGE)

    assert "<p>" not in document.original
    assert span_of(document, "the crew's flight engineer") == "the crew\u2019s flight engineer"


def test_ingest_html_without_a_declared_date_has_none(tmp_path):
    page = (
        "<html><head><title>Launch | Site</title>"
        '<link rel="canonical" href="https://example.org/2019/10/11/launch.html"></head>'
        "<body><article><h1>Launch</h1><p>On Oct. 11, 2018, a Soyuz rocket failed two minutes "
        "after liftoff from Baikonur, and the crew landed safely.</p></article></body></html>"
    )
    path = write(tmp_path, "2019-10-11-launch.html", page)

    document = load_document(path)

    assert document.published is None
    assert "Soyuz rocket failed" in document.text


def test_ingest_html_reads_a_time_element_and_og_title(tmp_path):
    page = (
        '<html><head><meta property="og:title" content="Crew &ldquo;swap&rdquo; agreed">'
        "<title>Other | Site</title></head><body><aside><time datetime='1999-01-01'>old</time></aside>"
        "<article><h1>Heading</h1><time datetime='2022-07-15T09:00:00Z'>July 15</time>"
        "<p>NASA and Roscosmos agreed to integrate crews on the station.</p></article></body></html>"
    )
    path = write(tmp_path, "swap.htm", page)

    document = load_document(path)

    assert document.published == date(2022, 7, 15)
    assert document.title == 'Crew "swap" agreed'


def test_ingest_html_honours_the_declared_charset(tmp_path):
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head>'
        "<body><article><p>Caf\xe9 talk: \x93We will fly together,\x94 the director said at Baikonur."
        "</p></article></body></html>"
    ).encode("latin-1")
    path = write(tmp_path, "latin.html", page)

    assert load_document(path).text == 'Caf\u00e9 talk: "We will fly together," the director said at Baikonur.'


def test_ingest_html_falls_back_to_the_article_element(tmp_path, monkeypatch):
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *args, **kwargs: None)
    page = (
        "<html><body><nav><a href='/'>Home</a></nav><article><h2>Docked</h2>"
        "<p>Zarya and Unity were joined<br>in orbit.</p><p>Second paragraph.</p></article>"
        "<footer>Privacy policy</footer><script>track()</script></body></html>"
    )
    path = write(tmp_path, "short.html", page)

    assert load_document(path).text == "Docked\n\nZarya and Unity were joined\nin orbit.\n\nSecond paragraph."


# --- bad inputs -------------------------------------------------------------------------

LATIN1_TEXT = b"Line one is fine.\nLine two says caf\xe9.\n"

BAD_INPUTS = [
    pytest.param("empty.txt", b"", "file is empty", None, id="empty"),
    pytest.param("blank.md", b"  \n\t\n", "file is empty", None, id="whitespace only"),
    pytest.param("front.txt", b"---\ntitle: Only\n---\n\n", "file is empty", None, id="front matter only"),
    pytest.param("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks like a binary file, not text", None, id="binary"),
    pytest.param("latin.txt", LATIN1_TEXT, "is not valid UTF-8: byte 0xe9 at byte offset 35", 2, id="latin-1"),
    pytest.param("yaml.txt", b"---\ntitle: x\npublished: [2025\n---\nBody.\n", "front matter is not valid YAML", 3, id="broken yaml"),
    pytest.param("colon.md", b"---\ntitle: NASA: the return\n---\nBody.\n", "front matter is not valid YAML", 2, id="yaml colon"),
    pytest.param("date.txt", b"---\ntitle: x\nsource: y\npublished: 2025-13-01\n---\nBody.\n", "published is not a valid date", 4, id="bad date"),
    pytest.param("words.txt", b"---\npublished: last week\n---\nBody.\n", "published is not a valid date", 2, id="date in words"),
    pytest.param("list.txt", b"---\n- a\n- b\n---\nBody.\n", "front matter is not a mapping", 2, id="not a mapping"),
    pytest.param("open.txt", b"---\ntitle: x\nBody.\n", "front matter is not closed", 1, id="unclosed"),
    pytest.param(
        "nav.html",
        b"<html><body><nav><a href='/'>Home</a><a href='/w'>World news</a></nav>"
        b"<footer><p>This site uses cookies to measure traffic. By continuing you agree.</p></footer>"
        b"<script>var x = 1;</script></body></html>",
        "no article text found in the page",
        None,
        id="html without article",
    ),
    pytest.param("comment.html", b"<!-- nothing -->", "cannot parse the HTML", None, id="unparseable html"),
    pytest.param("report.pdf", b"%PDF-1.4", "unsupported file type '.pdf'", None, id="unsupported suffix"),
]


@pytest.mark.parametrize(("name", "content", "problem", "line"), BAD_INPUTS)
def test_ingest_bad_input_names_file_problem_and_line(tmp_path, name, content, problem, line):
    path = write(tmp_path, name, content)

    with pytest.raises(InputError) as caught:
        load_document(path)

    message = str(caught.value)
    assert message.startswith(f"{path}:{line}: " if line else f"{path}: ")
    assert problem in message
    assert caught.value.line == line


def test_ingest_undecodable_text_says_to_save_as_utf8(tmp_path):
    path = write(tmp_path, "latin.txt", LATIN1_TEXT)

    with pytest.raises(InputError, match=r"save the file as UTF-8") as caught:
        load_document(path)
    assert isinstance(caught.value.__cause__, UnicodeDecodeError)


def test_ingest_bad_date_hint_shows_the_format(tmp_path):
    path = write(tmp_path, "date.txt", "---\npublished: 01/08/2025\n---\nBody.\n")

    with pytest.raises(InputError, match=r"YYYY-MM-DD"):
        load_document(path)


def test_ingest_unsupported_suffix_lists_the_supported_ones(tmp_path):
    path = write(tmp_path, "article.docx", b"PK\x03\x04")

    with pytest.raises(InputError) as caught:
        load_document(path)
    for suffix in (".txt", ".md", ".markdown", ".html", ".htm"):
        assert suffix in caught.value.hint


def test_ingest_missing_file(tmp_path):
    path = tmp_path / "nowhere.txt"

    with pytest.raises(InputError, match="no such file or directory") as caught:
        load_document(path)
    assert str(path) in str(caught.value)
    assert caught.value.hint == "check the path"


# --- input files ------------------------------------------------------------------------


def make_tree(root: Path) -> None:
    for relative in (
        "b/c.txt", "b/c.gold.yaml", "a.md", "sub/z.html", "sub/y.HTM", "notes.pdf", "x.markdown",
        ".hidden.txt", ".git/inside.txt", "sub/.cache/page.html",
    ):
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Text.\n", encoding="utf-8")


def test_iter_input_files_expands_directories_sorted_and_skips_gold_and_hidden(tmp_path):
    make_tree(tmp_path)

    found = iter_input_files([tmp_path])

    assert [path.relative_to(tmp_path).as_posix() for path in found] == [
        "a.md", "b/c.txt", "sub/y.HTM", "sub/z.html", "x.markdown",
    ]


def test_iter_input_files_keeps_the_given_order_once_each(tmp_path):
    make_tree(tmp_path)
    single = tmp_path / "x.markdown"

    found = iter_input_files([single, tmp_path / "b", single])

    assert found == [single, tmp_path / "b" / "c.txt"]


def test_iter_input_files_missing_path(tmp_path):
    with pytest.raises(InputError, match=r"missing: no such file or directory \(check the path\)"):
        iter_input_files([tmp_path / "missing"])


def test_iter_input_files_rejects_an_unsupported_file(tmp_path):
    make_tree(tmp_path)

    with pytest.raises(InputError, match="unsupported file type '.pdf'"):
        iter_input_files([tmp_path / "notes.pdf"])


def test_iter_input_files_on_the_test_data_loads_every_file(tmp_path):
    for path in (SEED, PAGE, MARKDOWN):
        shutil.copy(path, tmp_path / path.name)
    documents = [load_document(path) for path in iter_input_files([tmp_path])]

    assert [document.doc_id for document in documents] == [
        "dev-03-iss-first-modules", "feature-with-markup", "seed-nasa-roscosmos-talks",
    ]


# --- normalisation ----------------------------------------------------------------------

ALPHABET = (
    list("abcXYZ019.,;-\u2013\u2014") * 3
    + list("`\u2018\u2019\u00b4\"\u201c\u201d\u201e'")
    + [" "] * 8
    + ["\t", "\u00a0", "\u2009", "\u202f", "\n", "\n", "\r\n", "\r", "\u00ad", "\u200b", "\ufeff", "\u2028"]
)


@pytest.mark.parametrize("seed", range(40))
def test_normalize_maps_every_character_to_one_that_normalises_to_it(seed):
    rng = random.Random(seed)
    text = "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(0, 400)))

    normalised, offsets = normalize(text)

    assert len(offsets) == len(normalised) + 1
    assert offsets[-1] == len(text)
    assert list(offsets[:-1]) == sorted(set(offsets[:-1]))
    for index, char in enumerate(normalised):
        assert same_character(char, text[offsets[index]]), (index, char, text[offsets[index]])
    assert normalize(normalised)[0] == normalised


@pytest.mark.parametrize("seed", range(10))
def test_normalize_leaves_no_odd_whitespace_or_quotes(seed):
    rng = random.Random(seed)
    text = "".join(rng.choice(ALPHABET) for _ in range(400))

    normalised, _ = normalize(text)

    for unwanted in ("  ", " \n", "\n ", "\n\n\n", "\r", "\t", "\u00a0", "\u00ad", "\u200b", "`", "\u2019", "\u201c"):
        assert unwanted not in normalised, repr(unwanted)
    assert normalised == normalised.strip()


def test_normalize_keeps_dashes_and_paragraphs():
    normalised, _ = normalize("Soyuz \u2014 and\u00a0Apollo\u2013Soyuz.  \n \n\n\nNext\tparagraph.\u00ad")

    assert normalised == "Soyuz \u2014 and Apollo\u2013Soyuz.\n\nNext paragraph."


def test_normalize_composes_with_a_base_map():
    normalised, offsets = normalize("a\u2019b", base=[10, 11, 12, 13])

    assert normalised == "a'b"
    assert offsets == (10, 11, 12, 13)


def test_ingest_a_megabyte_of_text_keeps_every_offset(tmp_path):
    # How fast this is lives in bench/ (no timed tests); here: a large file is read whole and mapped.
    body = SEED.read_text(encoding="utf-8").split("---\n", 2)[2]
    path = write(tmp_path, "big.txt", body * (1_000_000 // len(body) + 1))

    document = load_document(path)

    assert len(document.text) > 990_000
    assert len(document.offsets) == len(document.text) + 1
    start, end = document.to_original(len(document.text) - 40, len(document.text))
    assert document.original[start:end].replace("`", "'").split() == document.text[-40:].split()


@pytest.mark.parametrize("module", [kg.ingest.normalize, kg.ingest.markdown], ids=lambda module: module.__name__)
def test_ingest_docstring_examples_run(module):
    result = doctest.testmod(module)

    assert result.attempted > 0
    assert result.failed == 0
