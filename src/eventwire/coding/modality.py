"""Modality (asserted, negated, hypothetical, future, historical, claimed, denied), attribution and denials.

Cue words per language live in resources/lang/<code>/event_cues.yaml. Scope is simple and explicit:
negation, future and hypothetical cues count when they precede the trigger within `window` words in the
same clause (no comma/semicolon in between); denial and claim cues anywhere before the trigger; a
historical reading needs an event date clearly before the publication date, or a historical cue.
Every decision returns its reason.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from eventwire.coding.lexicon import Hit, Token, cue_matcher
from eventwire.resources import lang_file

KEYS = ("negation", "future", "hypothetical", "historical", "claimed", "denial", "attribution_verbs",
        "attribution_preps", "obligation")
YEAR_RE = re.compile(r"^(1[89]\d\d|20\d\d)$")
CLAUSE_BREAK = re.compile(r"[;:]|,\s|\s[-–—]\s")


@dataclass
class CueSet:
    hits: dict[str, list[Hit]]
    tokens: list[Token]
    text: str
    base: int

    def of(self, key: str) -> list[Hit]:
        return self.hits.get(key, [])


def find_cues(tokens: list[Token], text: str, base: int, lang: str) -> CueSet:
    m = cue_matcher(lang, "event_cues", KEYS) or cue_matcher("en", "event_cues", KEYS)
    hits: dict[str, list[Hit]] = {}
    if m is not None:
        for h in m.find(tokens):
            hits.setdefault(h.label, []).append(h)
    return CueSet(hits, tokens, text, base)


def _same_clause(cs: CueSet, a_end: int, b_start: int) -> bool:
    gap = cs.text[a_end - cs.base:b_start - cs.base]
    return not CLAUSE_BREAK.search(gap)


def _before(cs: CueSet, key: str, trig_first: int, window: int, same_clause: bool = True) -> Hit | None:
    best = None
    for h in cs.of(key):
        if h.last < trig_first and trig_first - h.last <= window:
            if same_clause and not _same_clause(cs, cs.tokens[h.last].end, cs.tokens[trig_first].start):
                continue
            if best is None or h.last > best.last:
                best = h
    return best


def _suffix_hit(lang: str, key: str, tok: Token) -> str | None:
    data = lang_file(lang, "event_cues") or {}
    for suf in data.get(f"{key}_suffixes") or ():
        if tok.text.endswith(suf) and len(tok.text) > len(suf) + 2:
            return suf
    return None


def _window(lang: str) -> int:
    return int((lang_file(lang, "event_cues") or {}).get("window", 6))


@dataclass
class ModalityResult:
    modality: str
    claim_status: str
    reasons: list[str]


def decide(cs: CueSet, trig_first: int, trig_last: int, lang: str, event_date: str | None,
           published: str | None) -> ModalityResult:
    w = _window(lang)
    reasons: list[str] = []
    txt = lambda h: cs.text[h.start - cs.base:h.end - cs.base]  # noqa: E731
    claim_status = "reported"
    claimed = [h for h in cs.of("claimed") if h.last < trig_first or h.first > trig_last]
    if claimed:
        claim_status = "claimed"
        reasons.append(f"claim cue {txt(claimed[0])!r}")
    den = _before(cs, "denial", trig_first, 12, same_clause=False)
    if den is None and (lang_file(lang, "event_cues") or {}).get("denial_follows"):
        # verb-final languages: "... vurduğu iddialarını yalanladı" (the denial verb comes last)
        den = next((h for h in cs.of("denial") if h.first > trig_last and h.first - trig_last <= 12), None)
    if den is not None:
        reasons.append(f"modality=denied: denial cue {txt(den)!r} before the trigger")
        return ModalityResult("denied", "denied", reasons)
    trig_tok = cs.tokens[trig_first]
    neg = _before(cs, "negation", trig_first, min(w, 4))
    suf = _suffix_hit(lang, "negation", trig_tok) or (
        _suffix_hit(lang, "negation", cs.tokens[trig_last + 1]) if trig_last + 1 < len(cs.tokens) else None)
    if neg is not None or suf:
        reasons.append(f"modality=negated: cue {txt(neg) if neg else '-' + suf!r} before/on the trigger")
        return ModalityResult("negated", claim_status, reasons)
    hyp = _before(cs, "hypothetical", trig_first, w)
    conditionals = set((lang_file(lang, "event_cues") or {}).get("conditionals") or ())
    if hyp is None and any(h.first < trig_first for h in cs.of("hypothetical") if cs.tokens[h.first].text in conditionals):
        hyp = next(h for h in cs.of("hypothetical") if h.first < trig_first)
    hsuf = _suffix_hit(lang, "hypothetical", trig_tok)
    if hyp is not None or hsuf:
        reasons.append(f"modality=hypothetical: cue {txt(hyp) if hyp else '-' + hsuf!r}")
        return ModalityResult("hypothetical", claim_status, reasons)
    fut = _before(cs, "future", trig_first, w)
    fsuf = _suffix_hit(lang, "future", trig_tok)
    if fut is None and not fsuf:
        # suffix cues written as "*rá" are matched on the trigger itself
        fut = next((h for h in cs.of("future") if h.first == h.last == trig_first
                    and cs.tokens[trig_first].text != "will"), None)
    if fut is not None or fsuf:
        reasons.append(f"modality=future: cue {txt(fut) if fut else '-' + fsuf!r}")
        return ModalityResult("future", claim_status, reasons)
    hist = _historical(cs, event_date, published)
    if hist:
        reasons.append(hist)
        return ModalityResult("historical", claim_status, reasons)
    if claim_status == "claimed":
        return ModalityResult("claimed", claim_status, reasons)
    return ModalityResult("asserted", claim_status, reasons)


def obligation(cs: CueSet, trig_first: int, lang: str, trig_last: int | None = None) -> str | None:
    """A deontic cue ("must", "doit", "debe", "-malı") scoping over the trigger: reported obligations
    placed on someone else are demands (PLOVER REQUEST), not the act itself. Returns the cue text."""
    h = _before(cs, "obligation", trig_first, _window(lang))
    if h is not None:
        return cs.text[h.start - cs.base:h.end - cs.base]
    # verb-final phrases carry the suffix on their last word ("serbest bırakmalı")
    for i in {trig_first, trig_first if trig_last is None else trig_last}:
        suf = _suffix_hit(lang, "obligation", cs.tokens[i])
        if suf:
            return "-" + suf
    return None


RANK = ("denied", "negated", "hypothetical", "future", "historical", "claimed", "asserted")


def decide_any(cs: CueSet, anchors: list[tuple[int, int]], lang: str, event_date: str | None,
               published: str | None) -> ModalityResult:
    """Modality over all trigger words of one event: the strongest non-asserted reading wins
    ("warplanes did not bomb": the negation scopes over "bomb", not over "warplanes")."""
    results = [decide(cs, a, b, lang, event_date, published) for a, b in anchors]
    return min(results, key=lambda r: RANK.index(r.modality))


def _historical(cs: CueSet, event_date: str | None, published: str | None) -> str | None:
    pub_year = int(published[:4]) if published and published[:4].isdigit() else None
    if event_date and published and event_date[:4].isdigit():
        ev = event_date.split("/")[-1]  # a range: its end
        if pub_year and int(ev[:4]) < pub_year - 1:
            return f"modality=historical: event date {event_date} long before publication {published[:10]}"
        if len(ev) >= 10 and len(published) >= 10 and ev[:10] < published[:10]:
            from datetime import date

            try:
                days = (date.fromisoformat(published[:10]) - date.fromisoformat(ev[:10])).days
            except ValueError:
                days = 0
            if days > 365:
                return f"modality=historical: event date {ev[:10]} is {days} days before publication"
    if pub_year:
        for t in cs.tokens:
            if YEAR_RE.match(t.text) and int(t.text) < pub_year - 1 and not event_date:
                return f"modality=historical: year {t.text} in the sentence, published {pub_year}"
    for h in cs.of("historical"):
        if not any(ch.isdigit() for ch in cs.tokens[h.first].text + cs.tokens[h.last].text):
            return f"modality=historical: cue {cs.text[h.start - cs.base:h.end - cs.base]!r}"
    return None


def is_denial_sentence(cs: CueSet) -> Hit | None:
    d = cs.of("denial")
    return d[0] if d else None


@dataclass
class AttributionCue:
    start: int  # char span of the cue
    end: int
    text: str
    kind: str  # verb or prep
    first: int
    last: int


def attribution_cues(cs: CueSet) -> list[AttributionCue]:
    out = []
    preps = {(h.start, h.end) for h in cs.of("attribution_preps")}
    for key, kind in (("attribution_verbs", "verb"), ("attribution_preps", "prep")):
        for h in cs.of(key):
            if kind == "verb" and (h.start, h.end) in preps:
                continue  # listed as both ("según"): the source follows it, as after a preposition
            out.append(AttributionCue(h.start, h.end, cs.text[h.start - cs.base:h.end - cs.base], kind, h.first, h.last))
    out.sort(key=lambda c: c.start)
    return out
