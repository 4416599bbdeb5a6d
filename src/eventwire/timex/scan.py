"""Scanning: every language pattern over the text, overlaps resolved longest first."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from eventwire.timex.patterns import rules, spelled_year


@dataclass
class Found:
    start: int
    end: int
    kind: str  # date, monthyear, month, monthrel, year, numeric, weekday, relative, ago, yearrange, dayrange,
    # quarter, period, season, decade, ref, dayshift ("the day before |X"), weekof ("the week of |X")
    # groups: the pattern's named groups; "clock" (a clock time joined to a day), "inner" (the composed day)
    groups: dict[str, Any] = field(default_factory=dict)


def extract(text: str, lang: str | None) -> list[Found]:
    """Candidate time expressions, non-overlapping (longest first, then earliest).

    Cached per text: published@1 and dates@1 scan the same article; callers never mutate a Found."""
    return list(_extract_cached(text, lang))


@lru_cache(maxsize=16)
def _extract_cached(text: str, lang: str | None) -> tuple[Found, ...]:
    return tuple(_extract(text, lang))


def _extract(text: str, lang: str | None) -> list[Found]:
    R = rules(lang)
    cands: list[Found] = []
    for kind, pat in R.patterns:
        for m in pat.finditer(text):
            if m.end() <= m.start():
                continue
            groups = {k: _arabic(R, k, v) for k, v in m.groupdict().items() if v is not None}
            cands.append(Found(m.start(), m.end(), kind if kind != "custom" else _custom_kind(groups), groups))
    cands.sort(key=lambda f: (-(f.end - f.start), f.start))
    taken: list[Found] = []
    for f in cands:
        if any(f.start < t.end and t.start < f.end for t in taken):
            continue
        taken.append(f)
    found = _with_spelled_years(text, R, sorted(taken, key=lambda f: f.start))
    return _with_clock_times(text, R, _coordinated_days(text, R, _composed(text, R, _titles_dropped(text, R, found))))


def _titles_dropped(text: str, R, found: list[Found]) -> list[Found]:
    """A relative phrase of several words written in title case inside a sentence ("ABC's "This Week"") is a
    name (a programme, a book), not a time: in running text a time's later words are lower case. Only where
    dates.yaml sets `title_case_names` (not German, which capitalises every noun)."""
    if not R.title_case_names:
        return found
    out = []
    for f in found:
        words = text[f.start:f.end].split()
        if f.kind == "relative" and len(words) > 1 and all(w[:1].isupper() for w in words):
            ls = text.rfind("\n", 0, f.start) + 1
            le = text.find("\n", f.end)
            line = text[ls:le if le >= 0 else len(text)].split()
            if sum(w[:1].islower() for w in line) * 2 > len(line):  # running text, not a title-case headline
                continue
        out.append(f)
    return out


def _coordinated_days(text: str, R, found: list[Found]) -> list[Found]:
    """A bare day number coordinated with a date is a date of the same month ("April 24 and 25": the 25th;
    "24 and 25 April": the 24th). Conjunctions: dates.yaml `day_coordinators`."""
    if R.day_coord is None:
        return found
    out: list[Found] = []
    skip = None
    for i, f in enumerate(found):
        if f is skip:
            continue
        out.append(f)
        if f.kind != "date" or "monthname" not in f.groups or "wd" in f.groups:
            continue
        nf = found[i + 1] if i + 1 < len(found) else None
        prv = found[i - 1].end if i else 0
        mon_first = text.find(f.groups["monthname"], f.start) < text.find(f.groups["day"], f.start)
        if mon_first and "year" not in f.groups and (m := R.day_coord.match(text, f.end)):
            if m["year"] and nf is not None and (nf.start, nf.end) == m.span("year"):
                skip = nf  # "June 14 and 15, 2022": the year is both days'
            elif nf is not None and nf.start < m.end():
                continue
            g = {**f.groups, **({"year": m["year"]} if m["year"] else {})}
            out[-1] = Found(f.start, f.end, f.kind, g)
            out.append(Found(m.start("d"), m.end("year") if m["year"] else m.end("d"), "date", {**g, "day": m["d"]}))
        elif not mon_first and (m := R.day_coord_before.search(text, max(prv, f.start - 20), f.start)):
            out.insert(len(out) - 1, Found(m.start("d"), m.end("d"), "date", {**f.groups, "day": m["d"]}))
    return out


_DAY_KINDS = ("date", "iso", "weekday", "holiday")


def _composed(text: str, R, found: list[Found]) -> list[Found]:
    """A day expression after a phrase that takes one is one expression: "the day before |last Tuesday"
    (a day phrase of dates.yaml `relative` marked event_prep, counted from that day), "the week of |Nov. 15"
    (`week_of`: its ISO week)."""
    out: list[Found] = []
    for f in found:
        a = out[-1] if out else None
        if f.kind in _DAY_KINDS and "pod" not in f.groups and a is not None:
            rel = R.relative.get((a.groups.get("rel") or "").lower(), {}) if a.kind == "relative" else {}
            if rel.get("event_prep") and rel.get("op") == "day" and "pod" not in a.groups \
                    and text[a.end:f.start] == " ":
                out[-1] = Found(a.start, f.end, "dayshift", {"rel": a.groups["rel"], "inner": f})
                continue
        if f.kind in _DAY_KINDS and R.week_of is not None and (m := R.week_of.search(text, max(0, f.start - 40), f.start)) \
                and (a is None or a.end <= m.start()):
            out.append(Found(m.start(), f.end, "weekof", {"inner": f}))
            continue
        out.append(f)
    return out


def _with_clock_times(text: str, R, found: list[Found]) -> list[Found]:
    """A clock time right before a day expression joins it ("9 a.m. Friday", "noon Thursday", "5 p.m. EST
    Nov. 9"): the day gets the time ("HH:MM" in group `clock`; TimeML value "2021-11-05T09:00")."""
    if R.clock_before is None:
        return found
    out: list[Found] = []
    for f in found:
        a = out[-1] if out else None
        rel = R.relative.get((f.groups.get("rel") or "").lower(), {}) if f.kind == "relative" else {}
        if (f.kind in _DAY_KINDS or rel.get("op") == "day") and "pod" not in f.groups and not rel.get("pod") \
                and (m := R.clock_before.search(text, max(0, f.start - 40), f.start)) \
                and (a is None or a.end <= m.start()):
            g = m.groupdict()
            if g.get("noon"):
                clock = "12:00"
            else:
                h = int(g["h"])
                h = h + 12 if g.get("pm") and h < 12 else 0 if g.get("am") and h == 12 else h
                clock = f"{h:02d}:{g.get('mi') or '00'}"
            out.append(Found(m.start(), f.end, f.kind, {**f.groups, "clock": clock}))
            continue
        out.append(f)
    return out


_NUMERIC_GROUPS = ("year", "month", "day", "d1", "d2")


def _arabic(R, key: str, v: str) -> str:
    """A year, month or day group written in the language's numerals as Arabic digits: a year digit by digit
    ("二〇二〇" -> "2020", dates.yaml `digit_chars`), a month or day as a number word ("二十五" -> "25",
    `numbers`). Other groups, and digits, unchanged."""
    if key not in _NUMERIC_GROUPS or v.isdigit() or not v.strip():
        return v
    v = v.strip()
    if key == "year" and all(ch in R.digit_chars for ch in v):
        return "".join(str(R.digit_chars[ch]) for ch in v)
    n = R.numbers.get(v.lower())
    return str(n) if n is not None else v


def _with_spelled_years(text: str, R, found: list[Found]) -> list[Found]:
    """A month, a season or "the year" followed by a year written in words is one expression
    ("January nineteen ninety-seven", "the winter of nineteen ninety-four", "the year two thousand")."""
    out: list[Found] = []
    for f in found:
        a = out[-1] if out else None
        if (f.kind == "spelledyear" and a is not None and "year" not in a.groups
                and R.year_link.fullmatch(text, a.end, f.start) and (y := spelled_year(R, f.groups))):
            rel = R.relative.get((a.groups.get("rel") or "").lower(), {})
            if a.kind in ("month", "season"):
                kind = "monthyear" if a.kind == "month" else "season"
                out[-1] = Found(a.start, f.end, kind, {**a.groups, "year": str(y)})
                continue
            if a.kind == "relative" and rel.get("op") == "year" and rel.get("base") == "year" and not rel.get("n"):
                out[-1] = Found(a.start, f.end, "year", {"year": str(y)})
                continue
        out.append(f)
    return out


def _custom_kind(groups: dict) -> str:
    if "day" in groups:
        return "date"
    if "month" in groups or "monthname" in groups:
        return "monthyear" if "year" in groups else "month"
    return "year"
