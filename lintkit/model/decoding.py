"""Turn the bytes of an input file into text, or say precisely why not.

Chinese newsroom files arrive as UTF-8 (with or without a BOM), as UTF-16
exported from word processors (always with a BOM) and as GB18030/GBK from
older Windows systems; Hong Kong and Taiwan desks still send Big5, and
English copy from Windows CP1252 (Latin-1 with curly quotes).  We try UTF-8
with or without a BOM first; bytes that are not UTF-8 are given to
charset-normalizer, limited to those three legacy encodings — GB18030
accepts almost any byte sequence, so it must not win by default over a
Big5 or CP1252 file that reads better otherwise.  Short inputs, where no
detector can tell, are read as GB18030.  Anything else is forced with
``--encoding``.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

__all__ = ["DecodeError", "Decoded", "decode"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class DecodeError(ValueError):
    """The bytes are not text in any encoding we accept."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # the codec name to write the file back with
    bom: bool


def _binary_reason(text: str) -> str:
    """Why ``text`` looks like a binary file, or "" when it reads as text.

    GB18030 accepts almost any byte sequence, so a successful decode proves
    little.  Real text has no NULs and few C0 controls: a stray one or two
    (a form feed, an escape pasted from a terminal) do not make a file
    binary, a share of them does."""
    if "\x00" in text:
        return "contains NUL bytes"
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > max(8, len(sample) // 20):
        return f"{controls} control characters in its first {len(sample)} characters"
    return ""


# Below this many bytes a detector guesses: such input is read as GB18030.
_DETECT_MIN = 64
_LEGACY = ("gb18030", "big5", "cp1252")


def _legacy_codec(data: bytes) -> str:
    """The legacy encoding ``data`` (not UTF-8) reads best in: GB18030, Big5
    or CP1252, by charset-normalizer; GB18030 when in doubt."""
    if len(data) < _DETECT_MIN:
        return "gb18030"
    import charset_normalizer

    best = charset_normalizer.from_bytes(data, cp_isolation=list(_LEGACY)).best()
    return best.encoding if best is not None and best.encoding in _LEGACY else "gb18030"


def decode(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode ``data``; ``encoding`` forces a codec instead of detecting one."""
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise DecodeError(f"unknown encoding {encoding!r}") from None
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise DecodeError(f"not valid {encoding}: byte 0x{data[exc.start]:02x} at offset {exc.start}") from None
        except (LookupError, TypeError) as exc:  # rot13, base64: codecs that are not text encodings
            raise DecodeError(f"{encoding!r} is not a text encoding ({exc})") from None
        bom = text.startswith("\ufeff")
        return Decoded(text[1:] if bom else text, encoding, bom)

    for mark, codec in _BOMS:
        if data.startswith(mark):
            try:
                return Decoded(data.decode(codec).lstrip("\ufeff"), codec, True)
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"starts with a {codec} byte-order mark but is not valid {codec}: offset {exc.start}"
                ) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        codec = _legacy_codec(data)
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            raise DecodeError(
                "not UTF-8 (invalid byte 0x%02x at offset %d), UTF-16 with a BOM, "
                "GB18030/GBK, Big5 or CP1252; pass --encoding if you know the file's encoding"
                % (data[utf8_error.start], utf8_error.start)
            ) from None
        if reason := _binary_reason(text):
            raise DecodeError(f"looks like a binary file, not text ({reason})") from None
        return Decoded(text, codec, False)
    if reason := _binary_reason(text):
        raise DecodeError(f"looks like a binary file, not text ({reason})")
    return Decoded(text, "utf-8", False)
