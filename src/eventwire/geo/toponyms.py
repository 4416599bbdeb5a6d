"""Toponym recognition: NER mentions (GPE/LOC/FAC) plus gazetteer matching over the text, so languages
without NER still get places. Cues (stoplists, connectors, clitics, case endings) are per-language data in
resources/lang/<code>/places.yaml."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from eventwire import resources
from eventwire.geo.gazetteer import Gazetteer, load
from eventwire.geo.names import name_key

TOKEN = re.compile(r"\w+(?:[’'\-]\w+)*\.?", re.U)
PLACE_KINDS = frozenset({"GPE", "LOC", "FAC"})
MAX_TOKENS = 5
# places this large (or countries/admin1/curated) may be matched from a single capitalised word anywhere;
# smaller single-word matches need a non-initial position and to not be a known common word
STRONG_POP = 100_000
MIN_POP_WEAK = 1_000


@dataclass
class Toponym:
    start: int
    end: int
    text: str
    source: str  # "ner:GPE", "gazetteer", ...
    rows: tuple[int, ...] = ()
    matched: str = ""  # the name form that matched the gazetteer
    sentence: int | None = None
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class LangCues:
    stop: frozenset[str]
    connectors: frozenset[str]
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    restore: tuple[str, ...]
    speech: tuple[str, ...]
    locative: frozenset[str]
    min_population: int | None
    cased: bool


@lru_cache(maxsize=32)
def cues(lang: str | None) -> LangCues:
    data = resources.lang_file(lang or "en", "places") or resources.lang_file("en", "places") or {}
    return LangCues(
        stop=frozenset(str(s) for s in data.get("stop") or ()),
        connectors=frozenset(str(s) for s in data.get("connectors") or ()),
        prefixes=tuple(sorted((str(s) for s in data.get("prefixes") or ()), key=len, reverse=True)),
        suffixes=tuple(sorted((str(s) for s in data.get("suffixes") or ()), key=len, reverse=True)),
        restore=tuple(str(s) for s in data.get("restore") or ("",)),
        speech=tuple(str(s) for s in data.get("speech") or ()),
        locative=frozenset(str(s) for s in data.get("locative") or ()),
        min_population=data.get("min_population"),
        cased=lang not in ("ar", "fa", "he", "zh", "ja", "ko", "th"),
    )


def _variants(span: str, c: LangCues) -> list[str]:
    """The span as written, then with clitics / case endings removed (most specific first)."""
    out = [span]
    bases = [span]
    for p in c.prefixes:
        if span.startswith(p) and len(span) - len(p) >= 2:
            bases.append(span[len(p):])
            out.append(span[len(p):])
    if ("'" in span or "’" in span) and " " not in span:
        head = re.split(r"[’']", span)[0]
        if len(head) >= 2:
            out.append(head)
    for base in bases:
        for s in c.suffixes:
            if base.endswith(s) and len(base) - len(s) >= 3:
                stem = base[: -len(s)]
                out.extend(stem + r for r in c.restore)
    return out


def lookup_variants(G: Gazetteer, span: str, lang: str | None) -> tuple[tuple[int, ...], str]:
    c = cues(lang)
    for v in _variants(span.rstrip("."), c):
        rows = G.lookup(v)
        if rows:
            return rows, v
    return (), ""


@lru_cache(maxsize=16)
def _stopwords(lang: str | None) -> frozenset[str]:
    """The language's function words (spaCy's stop-word lists): never a toponym on their own."""
    import importlib

    try:
        mod = importlib.import_module(f"spacy.lang.{lang or 'en'}.stop_words")
    except ModuleNotFoundError:
        return frozenset()
    return frozenset(w.lower() for w in getattr(mod, "STOP_WORDS", ()))


def _strong(G: Gazetteer, rows: tuple[int, ...]) -> bool:
    return any(G.is_country(r) or G.is_admin1(r) or G.supp[r] or G.pop[r] >= STRONG_POP for r in rows)


def _filter_rows(G: Gazetteer, rows: tuple[int, ...], min_pop: int) -> tuple[int, ...]:
    return tuple(r for r in rows if G.is_country(r) or G.is_admin1(r) or G.supp[r] or G.pop[r] >= min_pop)


def gazetteer_matches(
    text: str, lang: str | None, sentences: list[tuple[int, int]] | None = None, G: Gazetteer | None = None,
) -> list[Toponym]:
    """Longest-match gazetteer names over capitalised word sequences (cased scripts) or any words (others)."""
    G = G or load()
    c = cues(lang)
    toks = list(TOKEN.finditer(text))
    sent_starts = {s for s, _ in sentences} if sentences else set()
    starts_after = set()
    # a token is sentence-initial if it is the first token after a sentence start or after a line break
    prev_end = -1
    for m in toks:
        gap = text[prev_end - 1:m.start()] if prev_end >= 1 else "\n"
        if ("\n" in gap or re.search(r"[.!?…:]\s*[\"'“”«»(]?\s*$", gap)
                or any(prev_end < s <= m.start() for s in sent_starts)):
            starts_after.add(m.start())
        prev_end = m.end()
    stopwords = _stopwords(lang)
    out: list[Toponym] = []
    i = 0
    n = len(toks)
    while i < n:
        first = toks[i].group(0)
        if c.cased and not first[:1].isupper():
            i += 1
            continue
        found = None
        for j in range(min(n, i + MAX_TOKENS) - 1, i - 1, -1):
            last = toks[j].group(0)
            if c.cased and not last[:1].isupper():
                continue
            ok = True
            for k in range(i + 1, j + 1):
                gap = text[toks[k - 1].end():toks[k].start()]
                if gap not in (" ", "-", " - ") and not (gap == "" and toks[k-1].group(0).endswith(".")):
                    ok = False
                    break
                w = toks[k].group(0)
                if c.cased and not w[:1].isupper() and w not in c.connectors:
                    ok = False
                    break
            if not ok:
                continue
            span = text[toks[i].start():toks[j].end()]
            if span in c.stop or span.rstrip(".") in c.stop:
                continue
            if i == j and span.lower().rstrip(".") in stopwords:
                continue  # a function word ("On", "No")
            rows, matched = lookup_variants(G, span, lang)
            if not rows:
                continue
            if i == j and span.endswith(".") and len(span) <= 5:
                # an abbreviation: only region abbreviations ("Ky.", "B.C."), not titles ("Sen.", "Rev.")
                rows = tuple(r for r in rows if G.is_admin1(r) or G.is_country(r))
                if not rows:
                    continue
            single = i == j
            if not c.cased:
                rows = _filter_rows(G, rows, c.min_population or STRONG_POP // 5)
            elif single:
                if toks[i].start() in starts_after and not _strong(G, rows):
                    continue
                rows = _filter_rows(G, rows, MIN_POP_WEAK)
            if not rows:
                continue
            if single and c.cased and first.isupper() and len(first) > 3 and not _strong(G, rows):
                continue  # ALL-CAPS word (headline, acronym) that is only a small place
            if span.endswith(".") and not (len(span) <= 5 or "." in span[:-1]):
                span = span[:-1]  # sentence-final period, not an abbreviation ("Ky.", "B.C.", "U.S.")
            found = (j, span, rows, matched)
            break
        if found:
            j, span, rows, matched = found
            start = toks[i].start()
            out.append(Toponym(start, start + len(span), span, "gazetteer", rows, matched))
            i = j + 1
        else:
            i += 1
    return out


def from_mentions(mentions, text: str, lang: str | None, G: Gazetteer | None = None) -> list[Toponym]:
    G = G or load()
    out = []
    seen: set[tuple[int, int]] = set()
    for m in mentions:
        if m.kind not in PLACE_KINDS or (m.start, m.end) in seen:
            continue
        seen.add((m.start, m.end))
        span = m.text
        start, end = m.start, m.end
        # drop a leading article spaCy includes ("the United States" is also a key; try both)
        rows, matched = lookup_variants(G, span, lang)
        if not rows and span.lower().startswith("the "):
            rows, matched = lookup_variants(G, span[4:], lang)
            if rows:
                start, span = start + 4, span[4:]
        out.append(Toponym(start, end, span, f"ner:{m.kind}", rows, matched, m.sentence))
    return out


def merge(primary: list[Toponym], extra: list[Toponym], blocked: list[tuple[int, int]] = ()) -> list[Toponym]:
    """Union of two toponym lists: `primary` wins on overlap; `extra` inside a blocked span is dropped."""
    # an unresolvable NER span that contains gazetteer names gives way to them ("hối thúc Ankara")
    inner = {id(p): [t for t in extra if p.start <= t.start and t.end <= p.end] for p in primary if not p.rows}
    primary = [p for p in primary if p.rows or not inner.get(id(p))]
    taken = [(t.start, t.end) for t in primary] + list(blocked)
    out = list(primary)
    for t in extra:
        if any(t.start < e and s < t.end for s, e in taken):
            continue
        out.append(t)
        taken.append((t.start, t.end))
    return sorted(out, key=lambda t: t.start)
