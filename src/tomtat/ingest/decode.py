"""Bytes to text: UTF-8 (with or without BOM), UTF-16, and legacy Windows-1258."""
from __future__ import annotations

import codecs

from tomtat.problems import InputError

_CONTROL = frozenset(range(0, 32)) - {9, 10, 12, 13}
# File signatures of common binary formats: PNG, JPEG, GIF, PDF, ZIP/DOCX, GZIP, WebP/RIFF.
_BINARY_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"RIFF")


class NotText(InputError):
    """Bytes that are binary (an image, a PDF...) or in no encoding tomtat reads."""


def _looks_utf16(data: bytes) -> str | None:
    head = data[:400]
    if len(head) < 4:
        return None
    even_nuls = head[0::2].count(0) / len(head[0::2])
    odd_nuls = head[1::2].count(0) / len(head[1::2])
    if odd_nuls > 0.3 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.3 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes, path: str) -> str:
    """Decode a file's bytes; raise `InputError` for empty input (a byte-order mark alone included),
    `NotText` for binary or undecodable input."""
    text = _decode(data, path)
    if not text.replace("\ufeff", "").strip():
        raise InputError("empty file: nothing to read", path)
    return text


def _decode(data: bytes, path: str) -> str:
    if not data.strip():
        return ""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    utf16 = _looks_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace")
    head = data[:4096]
    if head.startswith(_BINARY_MAGIC) or sum(byte in _CONTROL for byte in head) > max(2, len(head) // 100):
        raise NotText("binary file, not text or HTML: skipped (give .txt, .html or .jsonl)", path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("cp1258")
        except UnicodeDecodeError:
            raise NotText(
                f"not UTF-8 (bad byte at offset {utf8_error.start}) nor Windows-1258: "
                "convert it to UTF-8, e.g. `iconv -f ENCODING -t UTF-8`",
                path,
            ) from None
