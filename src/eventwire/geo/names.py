"""Name normalisation shared by the gazetteer build and look-up (so keys always agree)."""
from __future__ import annotations

import re
import unicodedata

_APOS = str.maketrans({"’": "'", "ʼ": "'", "ʻ": "'", "`": "'", "´": "'", "‘": "'", "ʿ": "'", "ʾ": "'",
                       "-": " ", "‐": " ", "‑": " ", "–": " ", "—": " ",
                       "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ـ": ""})
_MARKS = re.compile(r"[\u0307\u064b-\u0652\u0670]")  # Turkish dotted-I residue, Arabic harakat
_WS = re.compile(r"\s+")


def name_key(name: str) -> str:
    """Case- and punctuation-insensitive key: 'İdlib' == 'idlib', 'Za’atari' == "za'atari"."""
    s = unicodedata.normalize("NFC", name).casefold()
    s = _MARKS.sub("", s.translate(_APOS))
    return _WS.sub(" ", s).strip(" .,;:'\"()")
