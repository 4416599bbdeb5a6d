"""Sentence splitting per language: underthesea (vi), pysbd where it has rules, spaCy sentencizer otherwise.

Every splitter's output is aligned back to character spans of the input text.
"""
from __future__ import annotations

import re
from functools import lru_cache

# Languages pysbd ships rules for (pysbd.languages.LANGUAGE_CODES).
PYSBD_LANGS = frozenset(
    "en hi mr zh es am ar hy bg ur ru pl fa nl da fr my el it ja de kk sk".split()
)
_PARA = re.compile(r"[^\n]+")


@lru_cache(maxsize=32)
def _pysbd(lang: str):
    import pysbd

    return pysbd.Segmenter(language=lang, clean=False, char_span=False)


@lru_cache(maxsize=1)
def _spacy_sentencizer():
    import spacy

    nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    return nlp


def _underthesea(text: str) -> list[str]:
    from underthesea import sent_tokenize

    return sent_tokenize(text)


def align(pieces: list[str], text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Map segment strings back to [start, end) spans of `text` (segmenters may alter spacing)."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        start = text.find(piece, cursor)
        if start < 0:
            head = piece.split()[0]
            start = text.find(head, cursor)
            if start < 0:
                continue
            tail = piece.split()[-1]
            end_tail = text.find(tail, start)
            end = end_tail + len(tail) if end_tail >= 0 else len(text)
        else:
            end = start + len(piece)
        spans.append((offset + start, offset + end))
        cursor = end
    return spans


def split_paragraph(text: str, lang: str | None) -> list[str]:
    if lang == "vi":
        return _underthesea(text)
    if lang in PYSBD_LANGS:
        # the processor's sentences, without Segmenter.segment's span search (one regex compiled per
        # sentence and run over the whole text); align() finds the spans
        return _pysbd(lang).processor(text).process()
    return [s.text for s in _spacy_sentencizer()(text).sents]


@lru_cache(maxsize=64)
def _abbreviations(lang: str | None) -> frozenset[str]:
    from eventwire import resources

    data = resources.lang_file(lang, "abbreviations") if lang else None
    return frozenset(str(a) for a in (data or {}).get("abbreviations", []))


def _rejoin_abbreviations(spans: list[tuple[int, int]], text: str, lang: str | None) -> list[tuple[int, int]]:
    """Join a sentence that ends in a known abbreviation ("Prof.", "Sr.") with the next one."""
    abbr = _abbreviations(lang)
    if not abbr or len(spans) < 2:
        return spans
    out = [spans[0]]
    for start, end in spans[1:]:
        prev_start, prev_end = out[-1]
        prev = text[prev_start:prev_end].rstrip()
        words = prev[:-1].split() if prev.endswith(".") else []
        if words and words[-1] in abbr and text[prev_end:start].strip() == "":
            out[-1] = (prev_start, end)
        else:
            out.append((start, end))
    return out


def split_sentences(text: str, lang: str | None) -> list[tuple[int, int]]:
    """Sentence spans over the whole text; paragraphs (lines) never share a sentence."""
    spans: list[tuple[int, int]] = []
    for para in _PARA.finditer(text):
        chunk = para.group(0)
        if not chunk.strip():
            continue
        found = align(split_paragraph(chunk, lang), chunk, para.start())
        spans.extend(_rejoin_abbreviations(found, text, lang) or [(para.start(), para.end())])
    return spans
