"""Offset-preserving text normalisation for alias matching.

`norm(text)` returns a string of exactly the same length as `text`, so a match at [s, e) in the
normalised text is the span [s, e) of the original. Aliases are normalised the same way when the
knowledge base is built; `fold()` adds diacritic-free variants of Latin-script aliases
("Erdoğan" -> "erdogan") so undiacritised spellings in the text match too.
"""
from __future__ import annotations

import unicodedata

_MAP = {
    "ı": "i", "İ": "i", "ё": "е", "Ё": "е",
    "’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "ʻ": "'",
    "\u00a0": " ", "\n": " ", "\t": " ", "\r": " ", "\u2009": " ", "\u202f": " ",
    "‐": "-", "‑": "-", "–": "-", "—": "-",
    "أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي",
}


def _norm_char(c: str) -> str:
    m = _MAP.get(c)
    if m is not None:
        return m
    low = c.lower()
    return low if len(low) == 1 else c


_CACHE: dict[str, str] = {}


def norm(text: str) -> str:
    """Lower-case and unify apostrophes, dashes, spaces and Arabic alef forms; same length as input."""
    out = []
    cache = _CACHE
    for c in text:
        n = cache.get(c)
        if n is None:
            n = cache[c] = _norm_char(c)
        out.append(n)
    return "".join(out)


def fold(text: str) -> str:
    """Strip Latin diacritics (NFKD minus combining marks); other scripts are returned unchanged."""
    out = []
    for c in text:
        if "LATIN" in unicodedata.name(c, "") and ord(c) > 127:
            base = "".join(ch for ch in unicodedata.normalize("NFKD", c) if not unicodedata.combining(ch))
            out.append(base or c)
        else:
            out.append(c)
    return "".join(out)


def script_of(text: str) -> str:
    """Rough script of the first letter: latin, cyrillic, arabic, cjk, other."""
    for c in text:
        if c.isalpha():
            o = ord(c)
            if o < 0x250 or 0x1E00 <= o <= 0x1EFF:
                return "latin"
            if 0x400 <= o <= 0x52F:
                return "cyrillic"
            if 0x600 <= o <= 0x6FF or 0x750 <= o <= 0x77F or 0xFB50 <= o <= 0xFEFF:
                return "arabic"
            if is_cjk(c):
                return "cjk"
            return "other"
    return "other"


def is_cjk(c: str) -> bool:
    o = ord(c)
    return (0x3040 <= o <= 0x30FF or 0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF
            or 0xAC00 <= o <= 0xD7AF or 0xF900 <= o <= 0xFAFF)


def is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_" or unicodedata.category(c).startswith("M")
