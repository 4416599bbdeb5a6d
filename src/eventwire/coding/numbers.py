"""Event size: numbers in digits and words, attached to dead / injured / arrested by cue words.

Per-language data: resources/lang/<code>/numbers.yaml (units, multipliers, scales, approximate words,
casualty cues, running-total cues). A number is attached to the nearest casualty cue within a few
words (before or after it); figures introduced by a running-total cue ("raised the death toll to 54")
are kept out of the event's own count.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from eventwire.coding.lexicon import (Pattern, PhraseMatcher, Token, clitics, compile_phrase, normalise,
                                      tokenize)
from eventwire.resources import lang_file

DIGITS_RE = re.compile(r"^\d+$")
WINDOW = 5  # words between a number and its cue


@dataclass(frozen=True)
class Quantity:
    value: int
    max: int | None  # set for ranges / vague quantities
    first: int  # token span
    last: int
    text: str


@dataclass
class SizeResult:
    values: dict[str, tuple[int, int | None]] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)


@dataclass
class NumberLex:
    units: dict[str, int]
    multipliers: dict[str, int]
    scales: dict[str, int]
    approx: PhraseMatcher
    connectors: set[str]
    clitics: tuple[str, ...]
    cues: PhraseMatcher
    running: PhraseMatcher
    range_words: frozenset[str] = frozenset()  # "33 to 34", "33 ou 34"
    weak_units: frozenset[str] = frozenset()  # articles that double as "one" ("un", "une")
    person_nouns: frozenset[str] = frozenset()


@lru_cache(maxsize=16)
def lexicon(lang: str) -> NumberLex | None:
    data: dict[str, Any] | None = lang_file(lang, "numbers")
    if not data:
        return None

    def clean(d):
        return {normalise(str(k), lang): int(v) for k, v in (d or {}).items() if v is not None}

    approx = [Pattern(compile_phrase(k, lang), f"{v[0]}-{v[1]}") for k, v in (data.get("approx") or {}).items()]
    cues = [Pattern(compile_phrase(str(e), lang), kind) for kind, entries in (data.get("casualty") or {}).items()
            for e in entries or ()]
    running = [Pattern(compile_phrase(str(e), lang), "running") for e in data.get("running_total") or ()]
    cl = clitics(lang)
    return NumberLex(clean(data.get("units")), clean(data.get("multipliers")), clean(data.get("scales")),
                     PhraseMatcher(approx, cl), {normalise(str(c), lang) for c in data.get("connectors") or ()},
                     cl, PhraseMatcher(cues, cl), PhraseMatcher(running, cl),
                     frozenset(str(w) for w in data.get("range_words") or ()),
                     frozenset(normalise(str(w), lang) for w in data.get("weak_units") or ()),
                     frozenset(normalise(str(w), lang) for w in data.get("person_nouns") or ()))


def _digit_value(tok: str) -> int | None:
    if DIGITS_RE.match(tok):
        try:
            return int(tok)
        except ValueError:
            return None
    return None


def find_quantities(tokens: list[Token], text: str, base: int, lex: NumberLex) -> list[Quantity]:
    """Numbers in a sentence: digits (with thousands separators, ranges), number words, vague quantities."""
    out: list[Quantity] = []
    approx_at = {h.first: h for h in lex.approx.find(tokens)}
    i, n = 0, len(tokens)

    def word_val(tok: str) -> tuple[str, int] | None:
        for v in (tok, *[tok[len(c):] for c in lex.clitics if tok.startswith(c) and len(tok) > len(c) + 1]):
            if v in lex.units:
                return "unit", lex.units[v]
            if v in lex.multipliers:
                return "mult", lex.multipliers[v]
            if v in lex.scales:
                return "scale", lex.scales[v]
        return None

    while i < n:
        t = tokens[i]
        lo = hi = None
        j = i
        if i in approx_at:
            h = approx_at[i]
            a, b = (int(x) for x in h.label.split("-"))
            lo, hi, j = a, b, h.last + 1
        else:
            dv = _digit_value(t.text)
            if dv is not None:
                # thousands separators: "1,200" / "1.200" / "1 200" arrive as separate digit tokens
                while (j + 1 < n and DIGITS_RE.match(tokens[j + 1].text) and len(tokens[j + 1].text) == 3
                       and text[tokens[j].end - base:tokens[j + 1].start - base] in (",", ".", " ", "\u00a0", "\u202f")):
                    dv = dv * 1000 + int(tokens[j + 1].text)
                    j += 1
                lo, j = dv, j + 1
            else:
                total, current, last, used = 0, 0, 0, False
                k = i
                while k < n:
                    wv = word_val(tokens[k].text)
                    if wv is None:
                        if used and tokens[k].text in lex.connectors and k + 1 < n and word_val(tokens[k + 1].text):
                            k += 1
                            continue
                        break
                    kind, v = wv
                    if kind == "unit":
                        current += v
                        last = v
                    elif kind == "mult":
                        current = current - last + max(last, 1) * v
                        last = max(last, 1) * v
                    else:
                        total += max(current, 1) * v
                        current, last = 0, 0
                    used = True
                    k += 1
                if used and not (k == i + 1 and t.text in lex.weak_units and not _counts_people(tokens, k, lex)):
                    lo, j = total + current, k
        if lo is None:
            i += 1
            continue
        # a following scale word ("2 million", "hàng trăm nghìn")
        while j < n and word_val(tokens[j].text) and word_val(tokens[j].text)[0] == "scale":
            s = word_val(tokens[j].text)[1]
            lo, hi = lo * s, (hi * s if hi is not None else None)
            j += 1
        # a range: "33-34", "33 to 34", "33 or 34"
        if j + 1 < n and hi is None:
            sep = text[tokens[j - 1].end - base:tokens[j].start - base].strip()
            nxt = _digit_value(tokens[j].text)
            if nxt is not None and sep in ("-", "–", "—") and nxt > lo:
                hi, j = nxt, j + 1
            elif tokens[j].text in lex.range_words and j + 1 < n:
                nxt = _digit_value(tokens[j + 1].text)
                if nxt is not None and nxt > lo:
                    hi, j = nxt, j + 2
        out.append(Quantity(lo, hi, i, j - 1, text[t.start - base:tokens[j - 1].end - base]))
        i = j
    return out


def _running_for(r, q: Quantity, qs: list[Quantity]) -> bool:
    """Running-total cue r marks quantity q: it precedes q closely ("toll to 54") or follows it ("54 so
    far"), with no other figure in between, and a following cue is not the lead-in of a later figure
    ("killed 7, bringing the total this week to 31": "bringing" belongs to 31)."""
    others = [x for x in qs if x is not q]
    if 0 <= q.first - r.last <= 6:
        return not any(r.last < x.first < q.first for x in others)
    if 0 <= r.first - q.last <= 3:
        if any(q.last < x.first < r.first for x in others):
            return False
        return not any(0 <= x.first - r.last <= 8 for x in others)
    return False


@lru_cache(maxsize=16)
def _coordinators(lang: str) -> frozenset[str]:
    roles = lang_file(lang, "roles") or {}
    return frozenset(normalise(str(c), lang) for c in roles.get("coordinators") or ())


def _clause_break(gap: str, lang: str) -> bool:
    """Text between a number and a cue crosses a clause or coordination boundary."""
    if any(p in gap for p in (",", ";", "،", "、")):
        return True
    words = normalise(gap, lang).split()
    return any(w in _coordinators(lang) for w in words)


def _counts_people(tokens: list[Token], k: int, lex: NumberLex) -> bool:
    """An article-like "one" is a count only right before a casualty cue or a person noun."""
    if k >= len(tokens):
        return False
    return tokens[k].text in lex.person_nouns or any(h.first == 0 for h in lex.cues.find(tokens[k:k + 3]))


def extract_size(sentence: str, lang: str, base: int = 0, tokens: list[Token] | None = None,
                 exclude: list[tuple[int, int]] = ()) -> SizeResult:
    """dead / injured / arrested figures stated in one sentence, with reasons.

    exclude: char spans (e.g. time expressions) whose numbers are not counts ("killed on 27 October").
    """
    res = SizeResult()
    lex = lexicon(lang) or lexicon("en")
    if lex is None:
        return res
    tokens = tokens if tokens is not None else tokenize(sentence, lang, base)
    qs = find_quantities(tokens, sentence, base, lex)
    if not qs:
        return res
    cues = lex.cues.find(tokens)
    running = lex.running.find(tokens)
    taken: set[int] = set()
    for q in qs:
        if q.value > 10_000_000:
            continue
        qs_start, qs_end = tokens[q.first].start, tokens[q.last].end
        if any(a < qs_end and qs_start < b for a, b in exclude):
            continue  # part of a date or time expression
        if q.max is None and 1800 <= q.value <= 2100 and len(q.text) == 4 and q.text.isdigit():
            continue  # a year
        # the nearest cue (after the number preferred on ties), within WINDOW words; a cue across a
        # clause boundary ("killing 12 people and wounding dozens": "wounding" is not the 12's) counts
        # as farther
        best = None
        for c in cues:
            if id(c) in taken:
                continue
            if c.first > q.last:
                d = c.first - q.last
                between = (tokens[q.last].end, tokens[c.first].start)
            elif c.last < q.first:
                d = q.first - c.last
                between = (tokens[c.last].end, tokens[q.first].start)
            else:
                continue
            if d > WINDOW + 1:
                continue
            if _clause_break(sentence[between[0] - base:between[1] - base], lang):
                d += 2
            if best is None or d < best[0] or (d == best[0] and c.first > q.last):
                best = (d, c)
        if best is None:
            continue
        cue = best[1]
        kind = cue.label
        run = [r for r in running if _running_for(r, q, qs)]
        if run:
            res.reasons.append(f"size: {q.text!r} near {tokens[run[0].first].text!r} is a running total, not this event's {kind}")
            continue
        if kind in res.values:
            continue  # first figure per kind wins; a second is usually a breakdown
        taken.add(id(cue))
        res.values[kind] = (q.value, q.max)
        rng = f"..{q.max}" if q.max else ""
        res.reasons.append(f"size: {kind}={q.value}{rng} from {q.text!r} + cue {sentence[cue.start - base:cue.end - base]!r}")
    return res
