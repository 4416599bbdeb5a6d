"""Bytes to text: BOMs, UTF-8, legacy code pages (cp1251, cp1254, latin-1, ...), binary detection."""
from __future__ import annotations

import codecs

from eventwire.errors import BinaryInput, EmptyInput, UndecodableInput

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Magic numbers of common binary formats that sometimes arrive with a text extension.
_MAGIC = (b"\x89PNG", b"%PDF", b"PK\x03\x04", b"\xff\xd8\xff", b"GIF8", b"\x7fELF", b"\x1f\x8b")


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if any(head.startswith(m) for m in _MAGIC):
        return True
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return control > max(8, len(head) // 50)


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Return (text, encoding). Raises EmptyInput, BinaryInput or UndecodableInput."""
    if not data.strip():
        raise EmptyInput("input is empty or whitespace only")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc), enc
    if looks_binary(data):
        raise BinaryInput("input looks binary (NUL bytes, control characters or a binary magic number)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared), declared.lower()
        except (LookupError, UnicodeDecodeError):
            pass
    return _decode_legacy(data)


# Legacy code pages common in news archives, in order of preference when candidates tie
# (cp1252 before its look-alikes: for Western text they decode the same bytes identically).
LEGACY_ENCODINGS = (
    "cp1252", "cp1251", "cp1254", "cp1256", "cp1250", "cp1253", "cp1255", "koi8-r",
    "iso-8859-9", "iso-8859-15", "gb18030", "big5", "shift_jis", "euc-kr", "cp874", "cp1258",
)


def _decode_legacy(data: bytes) -> tuple[str, str]:
    """Pick the code page whose decoded text a language identifier finds most natural.

    Byte statistics alone confuse cp1250 with cp1252 on French and Spanish ("ministčre"); asking
    which decoding reads as a real language settles it.
    """
    from charset_normalizer import from_bytes  # lazy: only for non-UTF-8 input

    from eventwire.backends.langid import identify

    sample = data[:20_000]
    candidates = list(LEGACY_ENCODINGS)
    for match in list(from_bytes(sample))[:3]:
        if match.encoding not in candidates:
            candidates.append(match.encoding)
    scored = []
    for rank, encoding in enumerate(candidates):
        try:
            text = sample.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        _, score = identify(text)
        scored.append((-round(score, 2), rank, encoding))
    if not scored:
        raise UndecodableInput("no known encoding decodes this input")
    encoding = min(scored)[2]
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as exc:
        raise UndecodableInput(f"decoding as {encoding} failed: {exc}") from exc
