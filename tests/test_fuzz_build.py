"""Fuzzing ``kg build`` with bad and hostile input (issue 10).

A fixed-seed generator writes 1,200 files of the kinds that break tools in practice — random
bytes, truncated UTF-8, broken or extreme front matter, hostile HTML (scripts, deep nesting, odd
charsets), control and escape characters, invisible characters inside names, huge lines — beside
one good article, and builds them all with the installed ``kg`` in one batch. What must hold: no
traceback, one ``error:``/``warning:`` line per problem, the good article's facts kept, and a
graph that validates and answers queries.
"""

from __future__ import annotations

import json
import random
import subprocess

import pytest

from conftest import SEED, run_kg

COUNT = 1200
WORDS = (
    "NASA Roscosmos Sean Duffy Dmitry Bakanov met in Houston on Tuesday to discuss the International "
    "Space Station Soyuz Crew Dragon launch docking agreement cosmonaut astronaut said will plans"
).split()
CONTROL = [chr(c) for c in range(0, 32) if c not in (9, 10)] + ["\x7f", "\x9b", "\x85", "\u2028", "\u200b", "\u202e", "\ufeff"]
ESCAPES = ["\x1b]52;c;cHduZWQ=\x07", "\x1b]8;;http://x/\x1b\\", "\x1b[2J", "\x1b]0;t\x07"]


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(4, 18))]
    return " ".join(words).capitalize() + rng.choice([".", "!", "?", ""])


def _text(rng: random.Random, sentences: int = 6) -> str:
    return " ".join(_sentence(rng) for _ in range(sentences))


def _front_matter(rng: random.Random) -> str:
    published = rng.choice(["2025-08-01", "0001-01-01", "9999-12-31", "2025-02-30", "yesterday", "", "[1, 2]", "{a: b}", "2025-13-01", "1e9"])
    choices = [
        f"---\npublished: {published}\n---\n",
        f"---\ntitle: [unclosed\npublished: {published}\n---\n",
        "---\npublished: 2025-08-01\n",  # never closed
        "---\n: : :\n---\n",
        f"---\ntitle: {'x' * 5000}\npublished: {published}\n---\n",
        "---\n!!python/object/apply:os.system ['echo pwned']\n---\n",
        "",
    ]
    return rng.choice(choices)


def _hostile_html(rng: random.Random) -> str:
    charset = rng.choice(["utf-8", "rot13", "base64", "hex", "zlib", "bogus-charset", "utf-16", "latin-1", "uu", ""])
    date = rng.choice(["2025-08-01", "0001-01-01T00:00:00Z", "9999-12-31", "not a date", ""])
    depth = rng.choice([1, 5, 50, 300, 1000])
    body = _text(rng)
    inner = "<div>" * depth + f"<p>{body}</p>" + "</div>" * depth
    scripts = "<script>alert(1)</script><img src=x onerror=alert(1)><iframe src='http://x/'></iframe>"
    return (
        f'<html><head><meta charset="{charset}"><meta property="article:published_time" content="{date}">'
        f"<title>{body[:40]}</title></head><body>{scripts}<article>{inner}</article>"
        f"<footer>{_text(rng, 1)}</footer></body></html>"
    )


def _case(rng: random.Random, index: int) -> tuple[str, bytes]:
    kind = index % 10
    if kind == 0:
        return ".txt", bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 3000)))
    if kind == 1:
        data = (_front_matter(rng) + _text(rng) + " Жуковский Байконур").encode("utf-8")
        return ".txt", data[: rng.randint(1, len(data))]
    if kind == 2:
        return rng.choice([".txt", ".md"]), (_front_matter(rng) + _text(rng)).encode("utf-8")
    if kind == 3:
        return ".html", _hostile_html(rng).encode("utf-8", "surrogatepass")
    if kind == 4:
        text = "".join(c + (rng.choice(CONTROL) if rng.random() < 0.2 else "") for c in _text(rng))
        return ".txt", ("---\npublished: 2025-08-01\n---\n" + text).encode("utf-8", "surrogatepass")
    if kind == 5:
        quote = rng.choice(ESCAPES) + _sentence(rng)
        return ".txt", f'---\npublished: 2025-08-01\n---\nNASA chief Sean Duffy met reporters. "{quote}," Duffy said.\n'.encode()
    if kind == 6:
        name = rng.choice(["Sean\u200bDuffy", "Sean\u00adDuffy", "Se\u202ean Duffy", "Sean\u2060Duffy", "\ufeffSean Duffy"])
        return ".txt", f"---\npublished: 2025-08-01\n---\n{name}, the head of Roscosmos, met Dmitry Bakanov on Tuesday.\n".encode()
    if kind == 7:
        return ".txt", ("---\npublished: 2025-08-01\n---\n" + rng.choice(WORDS) * rng.randint(1000, 30000)).encode()
    if kind == 8:
        return rng.choice([".txt", ".md", ".html"]), rng.choice([b"", b"\n\n\n", b"   ", b"\x00" * 10, b"\xef\xbb\xbf", b"\xff\xfe" + "NASA".encode("utf-16-le")])
    return ".md", (_front_matter(rng) + "# " + _sentence(rng) + "\n\n" + "> " + _text(rng, 2) + "\n\n```\n" + _text(rng, 1)).encode()


@pytest.mark.slow
def test_a_thousand_bad_and_hostile_inputs_do_not_break_the_build(tmp_path):
    rng = random.Random(20261204)
    corpus = tmp_path / "in"
    corpus.mkdir()
    for index in range(COUNT):
        suffix, data = _case(rng, index)
        (corpus / f"case-{index:04d}{suffix}").write_bytes(data)
    (corpus / "good.txt").write_bytes(SEED.read_bytes())
    out = tmp_path / "out"

    result = run_kg("build", str(corpus), "-o", str(out), "-q", timeout=1800)

    assert result.returncode in (0, 1), result.stderr[-3000:]
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    for line in result.stderr.splitlines():
        assert line.startswith(("error: ", "warning: ")), line
    for line in result.stdout.splitlines():
        assert not any(c in line for c in "\x1b\x07\x9b"), line
    positions = run_kg("query", "positions", "-g", str(out), "--param", "person=Sean Duffy", "--format", "json")
    assert positions.returncode == 0
    assert {"person": "Sean Duffy", "title": "acting administrator", "organization": "NASA", "document": "good.txt"} in json.loads(positions.stdout)
    validation = run_kg("validate", "-g", str(out), timeout=1800)
    assert validation.returncode == 0, validation.stdout[-3000:]
    for name in ("entities", "events", "quotes"):
        assert run_kg("query", name, "-g", str(out), "--format", "json").returncode == 0
    assert subprocess.run(["true"]).returncode == 0
