"""Datelines: "ANKARA, March 3, 2020 (Reuters) - ", "KYIV, Ukraine (AP) — ", "القاهرة (رويترز) - ",
"МОСКВА, 3 марта. /ТАСС/. ", "新华社莫斯科3月3日电 ". The one detector every stage uses (publication date
in published@1, the filing place that is not an actor in actors@1, the span event coding skips).

A dateline opens the text, a line, or (stricter) a sentence. The generic form, for every script, is
PLACE[/PLACE][, REGION]{0,2}[, DATE][ (AGENCY)] followed by a dash, or by a colon with text on the same
line ("NEW DELHI: "). It counts when it has a date or an agency, or its place is in capitals with
sentence-case text after it (an all-caps line is a headline). An agency alone ("(Reuters) - ") is a
dateline without a place. Capitalised kickers, labels and organisation acronyms ("BREAKING NEWS - ",
"NATO - ") are not places. Other conventions (agency first, agency after the dash, agency in slashes)
are regexes in resources/lang/<code>/dateline.yaml with named groups place, date, agency; the match ends
where the report's own text begins.

Computed once per article (`for_article`) and kept in doc.notes["datelines"] for later stages.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from eventwire.model import Dateline

NOTES_KEY = "datelines"
WINDOW = 160  # a dateline is short: look this far from its start
LEAD_LINES = 2  # the article's own dateline is on its first line, or the second after a headline

_WORD = r"(?:\p{Lu}[\p{L}\p{M}.'’-]*|\p{Lo}[\p{Lo}\p{M}]*)"
# a particle joins the words of a name: "Rio de Janeiro", "Deir al-Zor"
_PLACE = rf"{_WORD}(?:[ ](?:\p{{Ll}}{{1,3}}(?:[ ]|[-’']))?{_WORD}){{0,3}}"
_DATE_CH = r"[^\n,،()\-–—:]"
_GENERIC = (
    rf"(?P<place>{_PLACE}(?:[ ]?/[ ]?{_PLACE})*(?:[ ]?[,،][ ]*{_PLACE}){{0,2}})"
    rf"(?:[ ]?[,،][ ]*(?P<date>{_DATE_CH}{{0,25}}?\d(?:[^\n()\-–—]|(?<=\d)-(?=\d)){{0,14}}?))?"
    r"[ ]*(?:\((?P<agency>[^()\n]{1,30})\))?"
    r"[ ]*\.?[ ]*(?:(?P<dash>-{1,2}|[–—])(?:[ \t]+|\n|$)|:[ \t]+(?:(?:-{1,2}|[–—])[ \t]+)?(?=\S))")
# an agency credit alone: "(Reuters) - ", "(Dân trí) - "
_AGENCY_ONLY = r"\((?P<agency>\p{L}[^()\n]{0,29})\)[ ]*\.?[ ]*(?:-{1,2}|[–—])(?:[ \t]+|\n)"


@lru_cache(maxsize=1)
def _generic():
    import regex

    return regex.compile(_GENERIC), regex.compile(_AGENCY_ONLY)


@lru_cache(maxsize=16)
def _rules(lang: str | None) -> tuple[list[tuple[str, Any]], frozenset[str]]:
    """Extra patterns (the article's language first, then every other language's: they name their own
    agencies and scripts, so they are safe on a mis-identified language) and the non-place words."""
    import regex

    from eventwire.resources import all_lang_files

    files = all_lang_files("dateline")
    order = ([lang] if lang in files else []) + sorted(c for c in files if c != lang)
    pats, words = [], set()
    for code in order:
        data = files[code] or {}
        for i, p in enumerate(data.get("patterns") or ()):
            pats.append((f"{code}:{i}", regex.compile(p)))
        for w in data.get("not_places") or ():
            words.update(str(w).upper().split())
    return pats, frozenset(words)


def _group(m, name: str) -> tuple[str | None, tuple[int, int] | None]:
    try:
        s, e = m.span(name)
    except IndexError:  # the pattern has no such group
        return None, None
    if s < 0 or s == e:
        return None, None
    raw = m.group(name)
    lead = len(raw) - len(raw.lstrip())
    text = raw.strip()
    return (text, (s + lead, s + lead + len(text))) if text else (None, None)


def _first_place(place: str) -> str:
    import regex

    return regex.split(r"[,،/]", place, maxsplit=1)[0].strip()


def _generic_at(text: str, s: int, strict: bool, not_places: frozenset[str]) -> Dateline | None:
    full, agency_only = _generic()
    end = min(len(text), s + WINDOW)
    m = full.match(text, s, end)
    if m is None:
        m = agency_only.match(text, s, end)
        if m is None or strict:
            return None
        agency, agency_span = _group(m, "agency")
        return Dateline(s, m.end(), agency=agency, agency_span=agency_span, reason="generic")
    place, place_span = _group(m, "place")
    date, date_span = _group(m, "date")
    agency, agency_span = _group(m, "agency")
    head = _first_place(place or "")
    if head and all(w in not_places for w in head.upper().split()):
        return None  # "BREAKING NEWS - ", "NATO - ": a kicker or an organisation, not where it was filed
    first = head.split()[0] if head else ""
    caps = sum(c.isalpha() for c in first) >= 2 and first.isupper()
    if strict or not (date or agency):
        # a bare place must be in capitals and followed by sentence-case text (an all-caps line is a headline)
        after = text[m.end():m.end() + 60]
        if not caps or not any(c.islower() for c in after):
            return None
    return Dateline(s, m.end(), place, place_span, date, date_span, agency, agency_span, "generic")


def _extra_at(text: str, s: int, pats) -> Dateline | None:
    end = min(len(text), s + WINDOW)
    for reason, rx in pats:
        m = rx.match(text, s, end)
        if m is None or m.end() == s:
            continue
        place, place_span = _group(m, "place")
        date, date_span = _group(m, "date")
        agency, agency_span = _group(m, "agency")
        return Dateline(s, m.end(), place, place_span, date, date_span, agency, agency_span, reason)
    return None


def detect(text: str, lang: str | None = None, sentence_starts=()) -> tuple[Dateline, ...]:
    """Datelines opening the text, a line, or a sentence (sentence starts inside a paragraph, where wire
    text was run together, need a place in capitals)."""
    pats, not_places = _rules(lang)
    line_starts = {0} | {i + 1 for i, c in enumerate(text) if c == "\n"}
    starts = {s: False for s in sentence_starts} | {s: True for s in line_starts}
    out: list[Dateline] = []
    for s0 in sorted(starts):
        s = s0
        while s < len(text) and text[s] in " \t\r\ufeff":
            s += 1
        if s >= len(text) or (out and s < out[-1].end):
            continue
        dl = _extra_at(text, s, pats) or _generic_at(text, s, not starts[s0], not_places)
        if dl is not None:
            out.append(dl)
    return tuple(out)


def lead(datelines, text: str) -> Dateline | None:
    """The article's own dateline: the first, when it is on the first line or the one after a headline."""
    if not datelines:
        return None
    d = datelines[0]
    before = [ln for ln in text[:d.start].split("\n") if ln.strip()]
    return d if len(before) < LEAD_LINES else None


def for_article(doc) -> tuple[Dateline, ...]:
    """The article's datelines, computed once and kept in doc.notes for the later stages."""
    got = doc.notes.get(NOTES_KEY)
    if got is None:
        art = doc.article
        got = detect(art.text, art.language, [s.start for s in doc.sentences])
        doc.notes[NOTES_KEY] = got
    return got


def place_spans(datelines) -> list[tuple[int, int]]:
    return [d.place_span for d in datelines if d.place_span]


__all__ = ["Dateline", "detect", "for_article", "lead", "place_spans"]
