"""Bytes of an input file to text: refuse empty and binary files, decode, report where it fails."""

from __future__ import annotations

import codecs
from pathlib import Path

from kg.errors import InputError

# C0 control bytes other than tab, newline, vertical tab, form feed and carriage return, and DEL.
_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 32), 127])
# Share of control bytes above which a file is taken for binary (random bytes have ~11 %).
_BINARY_RATIO = 0.05
_EMPTY_HINT = "the file holds no article text; add the article body or remove the file from the inputs"

# Names the HTML standard maps to windows-1252, which is what browsers decode them as.
_WINDOWS_1252_ALIASES = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "ascii", "us-ascii", "cp819"}


def read_bytes(path: Path) -> bytes:
    """Read a file's bytes, turning OS errors into ``InputError``; refuse empty files."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise InputError(path, "no such file or directory", hint="check the path") from error
    except IsADirectoryError as error:
        raise InputError(path, "is a directory, not a file", hint="pass the files inside it, or the directory as an input") from error
    except OSError as error:
        raise InputError(path, f"cannot read the file: {error.strerror or error}", hint="check its permissions") from error
    if not data.strip():
        raise InputError(path, "file is empty", hint=_EMPTY_HINT)
    return data


def decode(path: Path, data: bytes, *, encoding: str = "utf-8", declared_in: str = "") -> str:
    """Decode ``data`` (the bytes of ``path``) as ``encoding``; a BOM takes precedence.

    A UTF-8 BOM is dropped. UTF-16 with a BOM is accepted; otherwise a NUL byte, or many control
    bytes, means the file is not text. On a decoding error the message gives the line and the
    byte offset of the first bad byte. ``declared_in`` says where ``encoding`` came from (for the
    hint), empty when it is the default.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding, declared_in = "utf-16", "its byte order mark"
    else:
        control = len(data) - len(data.translate(None, _CONTROL_BYTES))
        if b"\x00" in data or control > _BINARY_RATIO * len(data):
            raise InputError(
                path,
                "looks like a binary file, not text",
                hint="inputs must be .txt, .md or .html text files saved as UTF-8",
            )
        if data.startswith(codecs.BOM_UTF8):
            encoding, declared_in = "utf-8-sig", ""
    try:
        codec = codecs.lookup(encoding)
    except LookupError as error:
        raise InputError(
            path,
            f"declares an unknown character encoding {encoding!r}",
            hint="declare charset=utf-8 and save the file as UTF-8",
        ) from error
    name = codec.name
    if name in _WINDOWS_1252_ALIASES or encoding.lower() in _WINDOWS_1252_ALIASES:
        name = "cp1252"
    if name == "utf-8":
        name = "utf-8-sig"  # a BOM after a declared charset is still a BOM
    try:
        text = data.decode(name)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        bad = data[error.start : error.start + 1].hex()
        label = "UTF-8" if name.startswith("utf-8") else encoding
        hint = "save the file as UTF-8"
        if declared_in:
            hint = f"save the file as {encoding}, or as UTF-8 and declare that in {declared_in}"
        raise InputError(
            path,
            f"is not valid {label}: byte 0x{bad} at byte offset {error.start} cannot be decoded",
            line=line,
            hint=hint,
        ) from error
    if not text.strip():
        raise InputError(path, "file is empty", hint=_EMPTY_HINT)
    return text
