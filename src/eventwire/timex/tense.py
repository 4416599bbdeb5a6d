"""Tense of the clause a time expression sits in, from a dependency parse (languages whose dates.yaml sets
`tense_parser`; English uses spaCy). Used only when no explicit forward/backward word decides, to choose
the previous or the next occurrence of a weekday, a month or a day without a year."""
from __future__ import annotations

from functools import lru_cache

import regex

_SENT_END = regex.compile(r"(?<!(?:^|[.\s])\w)[.!?](?=\s)|\n")
# modal auxiliaries that put the event after the time of speaking ("will meet", "should be completed")
_FUTURE_AUX = {"will", "shall", "'ll", "wo", "would", "should"}  # not "could", "may": often past or vague


def _sentence(text: str, start: int, end: int) -> tuple[int, str]:
    lo = max(0, start - 400)
    before = list(_SENT_END.finditer(text, lo, start))
    s = before[-1].end() if before else lo
    after = _SENT_END.search(text, end, min(len(text), end + 400))
    e = after.end() if after else min(len(text), end + 400)
    return s, text[s:e]


@lru_cache(maxsize=256)
def _parse(sentence: str):
    from eventwire.backends.nlp import spacy_en

    return spacy_en()(sentence, disable=["ner", "lemmatizer"])


def clause_tense(text: str, start: int, end: int, parser: str | None, skip_preps=frozenset(),
                 parsed=None) -> str | None:
    """"past", "future" or None (present, infinitive, no verb found, or no parser for the language).
    `parsed`: the whole text's spaCy Doc when a stage already made one (then nothing is parsed here)."""
    if parser != "spacy_en":
        return None
    if parsed is not None:  # find_times checked that it is a parse of `text`
        span = parsed.char_span(start, end, alignment_mode="expand")
        inside = list(span) if span is not None else []
    else:  # parse just the sentence (standalone use, no Doc at hand)
        s, sent = _sentence(text, start, end)
        try:
            doc = _parse(sent)
        except Exception:  # noqa: BLE001 - parser missing: fall back to the rules without tense
            return None
        a, b = start - s, end - s
        inside = [t for t in doc if t.idx < b and t.idx + len(t) > a]
    if not inside:
        return None
    # the expression's head token, then up the tree only through prepositions and adverbial noun phrases:
    # a date attached to a noun ("the cutback in September") or a deadline ("extended to Nov. 16") has no tense
    tok = next((t for t in inside if t.head not in inside or t.head is t), inside[0])
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX"):
            break
        if tok.head is tok or tok.dep_ not in ("pobj", "prep", "npadvmod", "tmod", "obl", "nmod:tmod"):
            return None
        if tok.dep_ == "prep" and (tok.lower_ in skip_preps or tok.head.pos_ not in ("VERB", "AUX")):
            return None
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _FUTURE_AUX for a in aux) or any(a.lower_ == "going" for a in aux):
        return "future"
    if tok.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux):
        return "past"
    if tok.tag_ in ("VBZ", "VBP") and not aux:
        return "present"
    return None
