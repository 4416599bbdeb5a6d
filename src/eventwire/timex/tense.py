"""Tense of the clause a time expression sits in, and the scope of forward-looking cue words, from a
dependency parse (languages whose dates.yaml sets `tense_parser`; English uses spaCy). Used to choose the
previous or the next occurrence of a weekday, a month or a day without a year.

Cue scope: "He said he would appeal the decision, announced Wednesday" - "would" governs "appeal", not
"announced", so it says nothing of which Wednesday is meant. A cue counts only when it hangs on the path
from the expression up to the head of its own clause (through prepositions, nouns and non-finite
complements: "expected to meet Friday", "will attend the summit in April").
"""
from __future__ import annotations

from functools import lru_cache

import regex

_SENT_END = regex.compile(r"(?<!(?:^|[.\s])\w)[.!?](?=\s)|\n")
# modal auxiliaries that put the event after the time of speaking ("will meet", "should be completed")
_FUTURE_AUX = {"will", "shall", "'ll", "wo", "would", "should"}  # not "could", "may": often past or vague


def _sentence(text: str, start: int, end: int) -> tuple[int, str]:
    """The unit to parse around [start, end): its paragraph (line), where the parser finds the sentence
    boundaries itself ("the Roe vs. Wade decision", "Birmingham, Ala., killed" are no sentence ends);
    in a very long line, the sentence as punctuation marks it."""
    s = text.rfind("\n", 0, start) + 1
    e = text.find("\n", end)
    e = len(text) if e < 0 else e
    if e - s <= 1500:
        return s, text[s:e]
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


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Character bounds of the unit parsed around [start, end) (its line, or in a very long line its
    sentence): where cue words are looked for."""
    s, sent = _sentence(text, start, end)
    return s, s + len(sent)


def _tokens(text: str, start: int, end: int, parser: str | None, parsed=None):
    """(tokens of text[start:end], char offset of the parsed unit in `text`), or (None, 0) without a parser."""
    if parser != "spacy_en":
        return None, 0
    if parsed is not None:  # find_times checked that it is a parse of `text`
        span = parsed.char_span(start, end, alignment_mode="expand")
        return (list(span) if span is not None else []), 0
    s, sent = _sentence(text, start, end)  # parse just its line (standalone use, no Doc at hand)
    try:
        doc = _parse(sent)
    except Exception:  # noqa: BLE001 - parser missing: fall back to the rules without tense
        return None, 0
    a, b = start - s, end - s
    return [t for t in doc if t.idx < b and t.idx + len(t) > a], s


# how a cue word hangs on the expression's path when it is not on it: an auxiliary ("will meet"), a modifier
# ("the planned talks", "as soon as"), never as an argument or a clause of its own ("announced plans to",
# "said Friday that it intends to")
_CUE_DEPS = {"aux", "auxpass", "advmod", "amod", "mark", "prep", "neg", "npadvmod"}


def _head(inside):
    return next((t for t in inside if t.head not in inside or t.head is t), inside[0])


def _scope_path(inside) -> set:
    """Tokens from the expression up to the head of its clause: through prepositions and nouns, and from
    a verb on only through non-finite complements ("expected to meet") or a conjunct without its own
    subject or auxiliary ("will meet X and sign the deal Friday")."""
    path = set(inside)
    tok = _head(inside)
    for _ in range(12):
        path.add(tok)
        if tok.head is tok:
            break
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("xcomp", "aux", "auxpass"):
            own = any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children)
            if tok.dep_ != "conj" or own:
                break
        tok = tok.head
    return path


def cue_in_scope(text: str, start: int, end: int, cues: list[tuple[int, int]], parser: str | None,
                 parsed=None) -> bool | None:
    """Whether any cue span (same sentence) governs the expression at [start, end): a cue token lies on the
    expression's path to its clause head or hangs directly on it. None when there is no parse to tell."""
    inside, off = _tokens(text, start, end, parser, parsed)
    if not inside:
        return None
    path = _scope_path(inside)
    doc = inside[0].doc
    for a, b in cues:
        span = doc.char_span(a - off, b - off, alignment_mode="expand")
        if span is None or not len(span):
            return None  # the cue is outside the parsed unit: cannot tell
        # a fronted time frames the clause: "On Friday, the government planned to pay" dates the (past)
        # planning, so a simple past cue verb after the expression says nothing of the direction
        if a >= end and all(t.tag_ == "VBD" for t in span):
            continue
        if any(t in path or (t.head in path and t.dep_ in _CUE_DEPS) for t in span):
            return True
    return False


def clause_tense(text: str, start: int, end: int, parser: str | None, skip_preps=frozenset(),
                 parsed=None, past_as_base=frozenset()) -> str | None:
    """"past", "future" or None (present, infinitive, no verb found, or no parser for the language).
    `parsed`: the whole text's spaCy Doc when a stage already made one (then nothing is parsed here)."""
    inside, _ = _tokens(text, start, end, parser, parsed)
    if not inside:
        return None
    # the expression's head token, then up the tree only through prepositions and adverbial noun phrases:
    # a date attached to a noun ("the cutback in September") or a deadline ("extended to Nov. 16") has no tense
    tok = _head(inside)
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
    # "Weakness hurt the index": a verb whose past is its base form (`past_as_base`), tagged present (VBP) but
    # with a third-person singular noun subject, which a present verb would agree with ("hurts"): the past
    if tok.tag_ == "VBP" and not aux and tok.lower_ in past_as_base and \
            any(c.dep_ == "nsubj" and c.tag_ in ("NN", "NNP") for c in tok.children):
        return "past"
    if tok.tag_ in ("VBZ", "VBP") and not aux:
        return "present"
    return None


def past_perfect(text: str, start: int, end: int, parser: str | None, parsed=None) -> bool:
    """Whether the expression modifies a verb in the past perfect ("Until Thursday they had not called him a
    suspect"): the time lies before a past reference point, so a forward-looking word ("until") does not make
    it the next such day."""
    inside, _ = _tokens(text, start, end, parser, parsed)
    if not inside:
        return False
    tok = _head(inside)
    for _ in range(4):  # up through prepositions only ("until Thursday" -> "called")
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok or tok.dep_ not in ("pobj", "prep", "npadvmod"):
            break
        tok = tok.head
    return tok.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in tok.children)
