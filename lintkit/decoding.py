"""Turn the bytes of an input file into text, or say precisely why not.

Chinese newsroom files arrive as UTF-8 (with or without a BOM), as UTF-16
exported from word processors (always with a BOM) and as GB18030/GBK from
older Windows systems.  We detect those in that order; anything else must be
forced with ``--encoding``.
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


def _looks_binary(text: str) -> bool:
    # GB18030 accepts almost any byte sequence, so a successful decode proves
    # little.  Real text has no NULs and very few C0 controls.
    if "\x00" in text:
        return True
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return controls > 2


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
            raise DecodeError(
                f"not valid {encoding}: byte 0x{data[exc.start]:02x} at offset {exc.start}"
            ) from None
        bom = text.startswith("\ufeff")
        return Decoded(text[1:] if bom else text, encoding, bom)

    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec).lstrip("\ufeff"), codec, True)
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"starts with a {codec} byte-order mark but is not valid {codec}: "
                    f"offset {exc.start}"
                ) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            raise DecodeError(
                "not UTF-8 (invalid byte 0x%02x at offset %d), UTF-16 with a BOM, or "
                "GB18030/GBK; pass --encoding if you know the file's encoding"
                % (data[utf8_error.start], utf8_error.start)
            ) from None
        if _looks_binary(text):
            raise DecodeError("looks like a binary file, not text")
        return Decoded(text, "gb18030", False)
    if _looks_binary(text):
        raise DecodeError("looks like a binary file, not text (contains NUL bytes)")
    return Decoded(text, "utf-8", False)
