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
    # quarter, period, season, decade, ref
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
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            cands.append(Found(m.start(), m.end(), kind if kind != "custom" else _custom_kind(groups), groups))
    cands.sort(key=lambda f: (-(f.end - f.start), f.start))
    taken: list[Found] = []
    for f in cands:
        if any(f.start < t.end and t.start < f.end for t in taken):
            continue
        taken.append(f)
    return _with_spelled_years(text, R, sorted(taken, key=lambda f: f.start))


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
