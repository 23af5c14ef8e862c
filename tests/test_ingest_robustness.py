"""Bad and hostile input files (issue 10): each is one clear failure, or is read sensibly, and the
other files of the batch still build. Each test holds its offending data inline.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from conftest import SEED, run_kg
from kg.errors import InputError
from kg.ingest import iter_input_files, load_document
from kg.ingest.normalize import normalize

GOOD_BODY = "NASA administrator Sean Duffy met Roscosmos director general Dmitry Bakanov in Houston on Tuesday."


def write(directory: Path, name: str, content: str | bytes) -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body><article><p>{body}</p></article></body></html>"


# --- extreme publication dates -----------------------------------------------------------


def test_extreme_publication_dates_are_accepted_and_the_batch_builds(tmp_path):
    """issue 10: ``OverflowError`` on "on Tuesday" at 0001-01-01 and "tomorrow" at 9999-12-31
    aborted the batch. The dates are valid calendar dates, so they are kept as published; only
    the relative dates that would leave the calendar go unresolved."""
    from kg.pipeline import build_dataset

    write(tmp_path, "first.txt", f"---\npublished: 0001-01-01\n---\n{GOOD_BODY} It went well on Tuesday.\n")
    write(tmp_path, "last.txt", f"---\npublished: 9999-12-31\n---\n{GOOD_BODY} They meet again tomorrow.\n")
    write(tmp_path, "meta.html", page(f"{GOOD_BODY} Talks resume tomorrow.", '<meta property="article:published_time" content="0001-01-01">'))
    write(tmp_path, "seed.txt", SEED.read_text(encoding="utf-8"))

    _, report = build_dataset([tmp_path])

    assert report.failures == []
    assert sorted(report.documents) == ["first.txt", "last.txt", "meta.html", "seed.txt"]
    assert load_document(tmp_path / "first.txt").published == date(1, 1, 1)
    assert load_document(tmp_path / "meta.html").published == date(1, 1, 1)


# --- declared charsets that are not text encodings ---------------------------------------

NOT_TEXT_ENCODINGS = ["rot13", "rot_13", "base64", "hex", "zlib", "bz2", "uu", "quopri", "undefined", "utf8mb4", "no-such-charset"]


@pytest.mark.parametrize("charset", NOT_TEXT_ENCODINGS)
def test_a_declared_charset_that_is_not_a_text_encoding_is_ignored(tmp_path, charset):
    """issue 10: ``<meta charset="rot13">`` (or base64, zlib...) raised ``LookupError``. Like a
    browser, kg ignores a charset it cannot decode text with and reads the page as UTF-8."""
    path = write(tmp_path, "page.html", page("Caf\u00e9 talk: NASA and Roscosmos met.", f'<meta charset="{charset}">'))

    assert load_document(path).text == "Caf\u00e9 talk: NASA and Roscosmos met."


@pytest.mark.parametrize("charset", ["rot13", "base64", "no-such-charset"])
def test_a_page_that_is_not_utf8_under_an_ignored_charset_is_one_clear_error(tmp_path, charset):
    content = page("Caf\xe9 talk.", f'<meta charset="{charset}">').encode("latin-1")
    path = write(tmp_path, "page.html", content)

    with pytest.raises(InputError) as caught:
        load_document(path)

    message = str(caught.value)
    assert "\n" not in message and str(path) in message
    assert "is not valid UTF-8" in message and repr(charset) in message and "not a text encoding" in message


# --- invisible characters ----------------------------------------------------------------

INVISIBLE = [
    "\u00ad", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\u2062", "\ufeff",
    "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
    "\u180e", "\u061c", "\ufff9", "\U000e0041", "\u034f", "\ufe0f",
    "\x01", "\x1b", "\x7f", "\x80", "\x9b", "\x9f",
]


@pytest.mark.parametrize("char", INVISIBLE, ids=[f"U+{ord(c):04X}" for c in INVISIBLE])
def test_normalize_removes_invisible_characters_and_keeps_offsets(char):
    original = f"Sean{char}Duffy met{char}{char} Bakanov."

    text, offsets = normalize(original)

    assert text == "SeanDuffy met Bakanov."
    assert all(original[offsets[i]] == text[i] for i in range(len(text)))
    assert offsets[-1] == len(original)


def test_control_characters_never_reach_the_nlp_text(tmp_path):
    controls = [chr(c) for c in [*range(1, 9), *range(14, 32), *range(127, 160)] if c != 0x85]  # NUL: binary
    sentence = "NASA and Roscosmos agreed to keep flying crews to the station together."
    original = " ".join(f"{sentence[:20]}{char}{sentence[20:]}" for char in controls)  # a few per cent
    path = write(tmp_path, "controls.txt", original)

    text = load_document(path).text

    assert not any(char in text for char in controls)
    assert text == " ".join([sentence] * len(controls))


@pytest.mark.parametrize("char", ["\u180e", "\u200e", "\u202e", "\u2066", "\U000e0041", "\x9b"], ids=lambda c: f"U+{ord(c):04X}")
def test_an_invisible_character_inside_a_name_does_not_make_it_the_real_person(tmp_path, char):
    """issue 10: "Sean<invisible>Duffy" in a hostile article was linked to the real Sean Duffy,
    who got a post from the hostile text. Without the invisible character the name reads
    "SeanDuffy", which is not his name."""
    from kg.pipeline import BuildReport, extract_all, read_documents

    hostile = write(
        tmp_path, "hostile.txt",
        f"---\npublished: 2025-08-02\n---\nMars Agency director general Sean{char}Duffy met reporters on Friday in Paris. "
        f"Sean{char}Duffy said the agency would fly.\n",
    )
    [extraction] = extract_all(read_documents([hostile], BuildReport()))

    assert "sean-duffy" not in extraction.entities
    assert all(p.person != "sean-duffy" for p in extraction.positions)


# --- deeply nested pages -----------------------------------------------------------------


def nested_page(depth: int) -> str:
    return (
        '<html><head><meta property="article:published_time" content="2025-08-01"></head><body><article>'
        + "<div>" * depth + f"<p>{GOOD_BODY}</p>" + "</div>" * depth + "</article></body></html>"
    )


def test_a_page_nested_more_than_255_elements_deep_is_read_whole(tmp_path):
    """issue 10: past 255 nested elements the parser dropped the page's text, and the message
    said "no article text found"."""
    path = write(tmp_path, "deep.html", nested_page(1000))

    assert load_document(path).text == GOOD_BODY


def test_a_page_nested_deeper_than_the_parser_reads_is_one_clear_error(tmp_path):
    path = write(tmp_path, "deeper.html", nested_page(3000))

    with pytest.raises(InputError, match="nests elements more than 2048 deep") as caught:
        load_document(path)
    assert "no article text" not in str(caught.value) and caught.value.hint


# --- unreadable files and folders --------------------------------------------------------


def test_an_unreadable_file_and_folder_are_reported_and_the_rest_builds(tmp_path, monkeypatch):
    """issue 10: an unreadable subfolder of an input folder was skipped silently."""
    from kg.pipeline import build_dataset

    write(tmp_path, "articles/good.txt", SEED.read_text(encoding="utf-8"))
    locked_file = write(tmp_path, "articles/locked.txt", "Text.\n")
    write(tmp_path, "articles/locked-folder/inside.txt", "Text.\n")
    locked_folder = tmp_path / "articles" / "locked-folder"
    real_read_bytes, real_scandir = Path.read_bytes, os.scandir

    def read_bytes(self):
        if self == locked_file:
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    def scandir(path="."):
        if Path(path) == locked_folder:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.setattr(os, "scandir", scandir)
    _, report = build_dataset([tmp_path / "articles"])

    assert report.documents == ["good.txt"]
    assert report.failures == [
        f"{locked_folder}: cannot list the folder: Permission denied (check its permissions; the files outside it still build)",
        f"{locked_file}: cannot read the file: Permission denied (check its permissions)",
    ]


def test_a_folder_that_cannot_be_listed_is_listed_in_its_place(tmp_path, monkeypatch):
    write(tmp_path, "a.txt", "Text.\n")
    write(tmp_path, "sub/b.txt", "Text.\n")
    real_scandir = os.scandir
    monkeypatch.setattr(os, "scandir", lambda path=".": (_ for _ in ()).throw(PermissionError(13, "Permission denied", os.fspath(path))) if Path(path) == tmp_path / "sub" else real_scandir(path))

    assert iter_input_files([tmp_path]) == [tmp_path / "a.txt", tmp_path / "sub"]


def _without_root_powers() -> list[str]:
    """A command prefix that runs without the power to read what it may not: as root, through
    util-linux's setpriv (which drops the permission override); as anyone else, nothing."""
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search"] if os.geteuid() == 0 else []


def test_kg_build_reports_unreadable_inputs_as_a_user_meets_them(tmp_path):
    """Real permissions, through the installed ``kg``: chmod 000 on a file and a subfolder."""
    import subprocess

    from conftest import KG

    articles = tmp_path / "articles"
    write(articles, "good.txt", SEED.read_text(encoding="utf-8"))
    locked_file = write(articles, "locked.txt", "Text.\n")
    locked_folder = articles / "sub"
    write(locked_folder, "inside.txt", "Text.\n")
    locked_file.chmod(0)
    locked_folder.chmod(0)
    try:
        result = subprocess.run(
            [*_without_root_powers(), str(KG), "build", str(articles), "-o", str(tmp_path / "out")],
            capture_output=True, text=True, timeout=600,
        )
    finally:
        locked_folder.chmod(0o755)
        locked_file.chmod(0o644)

    assert result.returncode == 1 and "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [
        f"error: {locked_file}: cannot read the file: Permission denied (check its permissions)",
        f"error: {locked_folder}: cannot list the folder: Permission denied (check its permissions; the files outside it still build)",
    ]
    assert "documents: 1" in result.stdout


# --- unclosed Markdown constructs in a long article --------------------------------------


@pytest.mark.parametrize("opener", ["<!-- note ", "```python code\nline\n"], ids=["comment", "fence"])
def test_unclosed_markdown_openers_stay_text_and_take_linear_time(tmp_path, opener):
    """An unclosed ``<!--`` or code fence used to send the search for its end to the end of the
    file from every opener: minutes for a long article."""
    import time

    path = write(tmp_path, "long.md", f"{GOOD_BODY}\n\n" + opener * 40_000 + "\n\nThe end.\n")
    started = time.monotonic()

    text = load_document(path).text

    assert time.monotonic() - started < 20  # quadratic: ten minutes
    assert text.startswith(GOOD_BODY) and text.endswith("The end.")
    assert text.count(opener.split()[1]) == 40_000  # every unclosed opener's words are still text
