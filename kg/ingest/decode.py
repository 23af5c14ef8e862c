"""Bytes of an input file to text: refuse empty and binary files, decode, report where it fails.

A declared encoding is used only if Python knows it as a text encoding; a name it does not know
(``utf8mb4``) or a codec that is not a character set (``rot13``, ``base64``, ``zlib``) is ignored,
as browsers ignore a charset they do not support, and the file is read as UTF-8.
"""

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
    bytes, means the file is not text. An ``encoding`` that is not a known text encoding is
    ignored for UTF-8 (see the module doc). On a decoding error the message gives the line and
    the byte offset of the first bad byte. ``declared_in`` says where ``encoding`` came from (for
    the hint), empty when it is the default.
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
    codec = _text_codec(encoding)
    ignored = ""
    if codec is None:
        ignored, encoding, codec = encoding, "utf-8", codecs.lookup("utf-8")
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
        raise InputError(
            path,
            f"is not valid {label}: byte 0x{bad} at byte offset {error.start} cannot be decoded",
            line=line,
            hint=_decoding_hint(encoding, declared_in, ignored),
        ) from error
    except UnicodeError as error:  # a codec that fails without saying where ("undefined")
        raise InputError(path, f"cannot be decoded as {encoding}: {error}", hint=_decoding_hint(encoding, declared_in, ignored)) from error
    if not text.strip():
        raise InputError(path, "file is empty", hint=_EMPTY_HINT)
    return text


def _text_codec(encoding: str) -> codecs.CodecInfo | None:
    """The codec of ``encoding`` if Python knows it as a text encoding, else ``None``."""
    try:
        codec = codecs.lookup(encoding)
    except (LookupError, ValueError):  # ValueError: a name holding a NUL
        return None
    usable = getattr(codec, "_is_text_encoding", True) and codec.name != "undefined"  # "undefined" refuses all
    return codec if usable else None


def _decoding_hint(encoding: str, declared_in: str, ignored: str) -> str:
    if ignored:
        return f"{declared_in} names {ignored!r}, which is not a text encoding, so the file was read as UTF-8; declare its real charset or save it as UTF-8"
    if declared_in:
        return f"save the file as {encoding}, or as UTF-8 and declare that in {declared_in}"
    return "save the file as UTF-8"
