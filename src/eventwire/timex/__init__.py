"""Time expressions: find them with per-language rules (resources/lang/<code>/dates.yaml, month and
weekday names merged with dateparser's locale data) and resolve them against an anchor date.

Anchoring: deictic words ("yesterday", weekdays, "last month") resolve against the publication date;
anaphoric ones ("the previous day", "накануне", "la veille") against the last day-level date the text
mentioned (falling back to the publication date). A weekday means the most recent such day counting the
anchor day itself ("Friday" in an article of Friday 2020-02-28 is 2020-02-28). A missing year is taken
from the anchor (the nearest of the anchor's year and its neighbours); with no anchor a weekday given
with the date picks the year only when exactly one year in the window of years the article mentions fits.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

import regex

from eventwire import resources
from eventwire.model import TimeRef

YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_NOT_NUM_AFTER = r"(?!\d|[.,]\d|\s*(?:%|percent|per cent|km|kg|m\b|million|billion|млн|млрд|тыс|milyon|milyar|mil\b))"


@dataclass
class Found:
    start: int
    end: int
    kind: str  # date, monthyear, month, year, numeric, weekday, relative, ago, yearrange, dayrange
    groups: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class LangRules:
    lang: str
    months: dict[str, int]
    weekdays: dict[str, int]
    patterns: tuple[tuple[str, Any], ...]
    relative: dict[str, dict]
    units: dict[str, str]
    numbers: dict[str, int]
    date_order: str
    future: Any = None  # compiled regex of forward-looking cues, or None
    quarters: dict[str, int] = field(default_factory=dict)


def _dateparser_names(lang: str) -> tuple[dict[str, int], dict[str, int]]:
    """Month and weekday names from dateparser's locale data (names of 3+/4+ letters only)."""
    try:
        from dateparser.languages.loader import default_loader

        info = default_loader.get_locale(lang).info
    except Exception:  # noqa: BLE001 - a language dateparser lacks
        return {}, {}
    months, weekdays = {}, {}
    for i, m in enumerate(calendar.month_name[1:], 1):
        for n in info.get(m.lower(), []):
            if len(n) >= 3 and not any(ch.isdigit() for ch in n):
                months[n.lower()] = i
    for i, d in enumerate(calendar.day_name):
        for n in info.get(d.lower(), []):
            if len(n) >= 4 and not any(ch.isdigit() for ch in n):
                weekdays[n.lower()] = i
    return months, weekdays


def _alt(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=32)
def rules(lang: str | None) -> LangRules:
    lang = lang or "en"
    data = resources.lang_file(lang, "dates") or resources.lang_file("en", "dates")
    dp_months, dp_weekdays = _dateparser_names(lang)
    months = {**dp_months, **{str(n).lower(): int(k) for k, ns in (data.get("months") or {}).items() for n in ns}}
    weekdays = {**dp_weekdays, **{str(n).lower(): int(k) for k, ns in (data.get("weekdays") or {}).items() for n in ns}}
    if lang == "en":  # short English weekday forms ("Sun", "Wed") are common words or papers' names
        weekdays = {k: v for k, v in weekdays.items() if len(k) >= 6}
    units = {str(w).lower(): u for u, ws in (data.get("units") or {}).items() for w in ws}
    numbers = {str(k).lower(): int(v) for k, v in (data.get("numbers") or {}).items()}
    # English month and weekday names must be capitalised ("may", "march" are common words)
    case = "" if lang == "en" else "(?i)"
    MON = f"{case}(?:{_alt(months)})" if lang != "en" else "(?:" + _alt(m.capitalize() for m in months) + ")"
    WD = f"(?:{_alt(weekdays)})" if lang != "en" else "(?:" + _alt(w.capitalize() for w in weekdays) + ")"
    wd_i = "" if lang == "en" else "(?i)"
    last_w = _alt(data.get("weekday_last") or ["\x00"])
    next_w = _alt(data.get("weekday_next") or ["\x00"])
    NUM = r"\d{1,3}|" + _alt(numbers) if numbers else r"\d{1,3}"
    UNIT = _alt(units) if units else "\x00"
    B, E = r"(?<!\w)", r"(?!\w)"
    pats: list[tuple[str, Any]] = []
    for p in data.get("patterns") or ():
        pats.append(("custom", regex.compile(B + p + E)))
    pats += [
        ("iso", regex.compile(rf"{B}(?P<year>{YEAR})-(?P<month>\d{{2}})-(?P<day>\d{{2}}){E}")),
        ("dayrange", regex.compile(rf"{B}(?P<d1>\d{{1,2}})\s*[-–]\s*(?P<d2>\d{{1,2}})\s+(?:de\s+)?(?P<monthname>{MON}){E}\.?(?:,?\s+(?:de\s+)?(?P<year>{YEAR}){E})?")),
        ("dayrange", regex.compile(rf"{B}(?P<monthname>{MON})\.?\s+(?P<d1>\d{{1,2}})\s*[-–]\s*(?P<d2>\d{{1,2}}){E}(?:,?\s+(?P<year>{YEAR}){E})?")),
        ("date", regex.compile(rf"{B}(?:(?P<wd>{wd_i}{WD}),?\s+)?(?P<monthname>{MON})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?{E}(?:,?\s+(?P<year>{YEAR}){E})?")),
        ("date", regex.compile(rf"{B}(?:(?P<wd>{wd_i}{WD}),?\s+)?(?:the\s+)?(?P<day>\d{{1,2}})(?:\.|er|º|st|nd|rd|th|-?го)?\s+(?:de\s+|of\s+)?(?P<monthname>{MON}){E}\.?(?:,?\s+(?:de\s+)?(?P<year>{YEAR}){E})?")),
        ("monthyear", regex.compile(rf"{B}(?P<monthname>{MON})\.?,?\s+(?:de\s+|of\s+)?(?P<year>{YEAR}){E}")),
        ("month", regex.compile(rf"(?<=(?i:\b(?:in|since|until|by|early|late|mid|last|next|this|en|de|desde|hasta|à|au|dès|depuis|fin|début|im|seit|bis|в|с|до|к|mid-)\s+))(?P<monthname>{MON}){E}")),
        ("month", regex.compile(rf"{B}(?P<monthname>{MON})(?=\s+(?:ayı|ayında|ayından|ayına)\b)") if lang == "tr" else regex.compile(r"(?!x)x")),
        ("numeric", regex.compile(rf"(?<![\d/.,])(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})(?:/(?P<year>\d{{4}}|\d{{2}}))?(?![\d/]|\.\d)")),
        ("numeric", regex.compile(rf"(?<![\d/.,])(?P<a>\d{{1,2}})\.(?P<b>\d{{1,2}})\.(?P<year>\d{{4}})(?!\d)")),
        ("yearrange", regex.compile(rf"{B}(?P<y1>{YEAR})\s*[-–]\s*(?P<y2>{YEAR}|\d\d){E}")),
        ("weekday", regex.compile(rf"{B}(?:(?P<last>{wd_i}(?:{last_w}))\s+|(?P<next>{wd_i}(?:{next_w}))\s+)?(?P<wd>{wd_i}{WD}){E}")),
        ("ago", regex.compile(rf"(?i){B}(?:{'|'.join(p.replace('NUM', NUM).replace('UNIT', UNIT) for p in data.get('ago') or ['(?!x)x'])}){E}")),
        ("year", regex.compile(rf"(?<![\d.,:/$€£-])(?P<year>{YEAR}){_NOT_NUM_AFTER}(?![-–/]\d)")),
    ]
    if lang != "en":
        pats.insert(-1, ("numeric", regex.compile(rf"(?<![\d/.,])(?P<a>\d{{1,2}})\.(?P<b>\d{{2}})(?![\d.,]\d){_NOT_NUM_AFTER}")))
    quarters = {str(k).lower(): int(v) for k, v in (data.get("quarters") or {}).items()}
    if quarters:
        QW = _alt(data.get("quarter_words") or ["quarter"])
        pats.insert(0, ("quarter", regex.compile(
            rf"(?i){B}(?:the\s+)?(?:fiscal\s+)?(?P<q>{_alt(quarters)})[-\s]+(?:fiscal\s+)?(?:{QW}){E}"
            rf"(?:\s+of\s+(?P<year>{YEAR}){E})?")))
    if str(data.get("date_order") or "DMY").startswith("M"):
        # month/day without a year is too often a fraction ("3/8") in month-first languages
        pats = [(k, p) for k, p in pats if not (k == "numeric" and "(?:/(?P<year>" in p.pattern)]
        pats.insert(-1, ("numeric", regex.compile(r"(?<![\d/.,])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4})(?![\d/])")))
    fut = data.get("future_cues") or ()
    future = regex.compile(rf"(?i)(?<!\w)(?:{_alt(fut)})(?!\w)") if fut else None
    relative = {}
    for r in data.get("relative") or ():
        relative[str(r["phrase"]).lower()] = r
    if relative:
        pats.insert(0, ("relative", regex.compile(rf"(?i){B}(?:{_alt(relative)}){E}")))
    return LangRules(lang, months, weekdays, tuple(pats), relative, units, numbers,
                     str(data.get("date_order") or "DMY"), future, quarters)


def extract(text: str, lang: str | None) -> list[Found]:
    """Candidate time expressions, non-overlapping (longest first, then earliest)."""
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
    return sorted(taken, key=lambda f: f.start)


def _custom_kind(groups: dict) -> str:
    if "day" in groups:
        return "date"
    if "month" in groups or "monthname" in groups:
        return "monthyear" if "year" in groups else "month"
    return "year"


# ---------------------------------------------------------------- resolution

def _to_date(s: str | None) -> date | None:
    if not s:
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return None


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _week_range(d: date) -> str:
    mon = d - timedelta(days=d.weekday())
    return f"{mon.isoformat()}/{(mon + timedelta(days=6)).isoformat()}"


def _year_for(month: int, day: int | None, anchor: date, future: bool = False) -> int:
    """The anchor's year or a neighbour, whichever puts the date nearest the anchor, counting distances
    into the future 2.5 times (news mostly reports the past); with a forward-looking cue, the next such
    date on or after the anchor."""
    if future:
        d = _safe(anchor.year, month, day or 28)
        return anchor.year if d is None or d >= anchor - timedelta(days=3) else anchor.year + 1
    best = None
    for y in (anchor.year, anchor.year - 1, anchor.year + 1):
        d = _safe(y, month, day or 15)
        if d is None:
            continue
        delta = (d - anchor).days
        dist = delta * FUTURE_WEIGHT if delta > 0 else -delta
        if best is None or dist < best[0]:
            best = (dist, y)
    return best[1] if best else anchor.year


FUTURE_WEIGHT = 2.5


class Resolver:
    def __init__(self, text: str, lang: str | None, anchor: date | None, window: tuple[int, int] | None = None):
        self.text = text
        self.R = rules(lang)
        self.pub = anchor
        self.last: date | None = None
        self.window = window

    def _future(self, f: Found) -> bool:
        """A forward-looking cue in the few words before the expression, in the same sentence."""
        if self.R.future is None:
            return False
        before = self.text[max(0, f.start - 50):f.start]
        before = regex.split(r"[.!?;\n]", before)[-1]
        return bool(self.R.future.search(before))

    def _num(self, s: str | None) -> int | None:
        if s is None:
            return None
        s = s.lower()
        return int(s) if s.isdigit() else self.R.numbers.get(s)

    def resolve(self, f: Found) -> tuple[str | None, str | None, date | None, str]:
        """(value, granularity, anchor used, reason)."""
        g, pub = f.groups, self.pub
        k = f.kind
        if k in ("iso", "date", "numeric", "dayrange"):
            if k == "numeric":
                a, b = int(g["a"]), int(g["b"])
                day, month = (b, a) if self.R.date_order.startswith("M") else (a, b)
                if not (1 <= month <= 12 and 1 <= day <= 31):
                    return None, None, None, "numeric date out of range"
            elif k == "dayrange":
                day, month = int(g["d1"]), self.R.months.get(g["monthname"].lower().rstrip("."))
            else:
                day = int(g["day"])
                month = int(g["month"]) if "month" in g else self.R.months.get(g["monthname"].lower().rstrip("."))
            if not month:
                return None, None, None, "unknown month name"
            year = int(g["year"]) if g.get("year") else None
            if year is not None and year < 100:
                year += 2000 if year < 70 else 1900
            wd = self.R.weekdays.get(g["wd"].lower()) if g.get("wd") else None
            reason = "explicit date"
            used = None
            if year is None:
                if pub is not None:
                    fut = self._future(f)
                    year, used = _year_for(month, day, pub, fut), pub
                    reason = "explicit day and month; year from the anchor" + (" (forward-looking)" if fut else "")
                elif wd is not None and self.window:
                    fits = [y for y in range(self.window[0], self.window[1] + 1)
                            if (d := _safe(y, month, day)) and d.weekday() == wd]
                    if len(fits) == 1:
                        year = fits[0]
                        reason = f"year {year} is the only one in {self.window[0]}-{self.window[1]} where it is a {calendar.day_name[wd]}"
                    else:
                        return None, None, None, f"year unknown: weekday fits {len(fits)} years in {self.window}"
                else:
                    return None, None, None, "year unknown and no anchor date"
            if k == "dayrange":
                d1, d2 = _safe(year, month, int(g["d1"])), _safe(year, month, int(g["d2"]))
                if not d1 or not d2 or d2 < d1:
                    return None, None, None, "bad day range"
                self.last = d2
                return f"{d1.isoformat()}/{d2.isoformat()}", "range", used, reason + " (day range)"
            d = _safe(year, month, day)
            if d is None:
                return None, None, None, "no such date"
            if wd is not None and d.weekday() != wd:
                reason += f"; note: {d.isoformat()} is not a {calendar.day_name[wd]}"
            self.last = d
            return d.isoformat(), "day", used, reason
        if k == "monthyear":
            month = int(g["month"]) if "month" in g else self.R.months.get(g["monthname"].lower().rstrip("."))
            return f"{int(g['year']):04d}-{month:02d}", "month", None, "explicit month and year"
        if k == "month":
            month = int(g["month"]) if "month" in g else self.R.months.get(g["monthname"].lower().rstrip("."))
            if not month or not 1 <= month <= 12:
                return None, None, None, "not a month"
            if pub is None:
                return None, None, None, "month without year and no anchor date"
            fut = self._future(f)
            y = _year_for(month, None, pub, fut)
            return f"{y:04d}-{month:02d}", "month", pub, "month name; year from the anchor" + (" (forward-looking)" if fut else "")
        if k == "quarter":
            q = self.R.quarters.get(g["q"].lower())
            if not q:
                return None, None, None, "not a quarter"
            if g.get("year"):
                y, used, why = int(g["year"]), None, "explicit quarter and year"
            elif pub is None:
                return None, None, None, "quarter without year and no anchor date"
            else:
                cur = (pub.month - 1) // 3 + 1
                y = pub.year if q <= cur else pub.year - 1
                used, why = pub, "most recent such quarter up to the anchor"
            start = date(y, 3 * q - 2, 1)
            end = date(y + (q == 4), (3 * q) % 12 + 1, 1) - timedelta(days=1)
            return f"{start.isoformat()}/{end.isoformat()}", "range", used, why
        if k == "year":
            return g["year"], "year", None, "explicit year"
        if k == "yearrange":
            y1, y2 = g["y1"], g["y2"]
            if len(y2) == 2:
                y2 = y1[:2] + y2
            if int(y2) <= int(y1):
                return None, None, None, "bad year range"
            return f"{y1}/{y2}", "range", None, "explicit year range"
        if k == "weekday":
            if pub is None:
                return None, None, None, "weekday without an anchor date"
            wd = self.R.weekdays[g["wd"].lower()]
            if g.get("next") or self._future(f):
                off = (wd - pub.weekday()) % 7
                if g.get("next") and off == 0:
                    off = 7
                d = pub + timedelta(days=off)
                why = "next such weekday on or after the publication date (forward-looking)"
            else:
                off = (pub.weekday() - wd) % 7
                if g.get("last") and off == 0:
                    off = 7
                d = pub - timedelta(days=off)
                why = "most recent such weekday on or before the publication date"
            self.last = d
            return d.isoformat(), "day", pub, why
        if k == "relative":
            r = self.R.relative[self.text[f.start:f.end].lower()]
            base = self.last if r.get("base") == "last" and self.last else pub
            if base is None:
                return None, None, None, "relative expression without an anchor date"
            which = "last explicit date" if (r.get("base") == "last" and self.last) else "publication date"
            n, op = int(r.get("n", 0)), r["op"]
            return self._offset(op, n, base, f"{r['phrase']!r}: {n:+d} {op} from the {which}")
        if k == "ago":
            if pub is None:
                return None, None, None, "'ago' without an anchor date"
            n = self._num(g.get("n"))
            unit = self.R.units.get((g.get("unit") or "").lower())
            if n is None or unit is None:
                return None, None, None, "unreadable 'ago' expression"
            return self._offset(unit, -n, pub, f"{n} {unit}(s) before the publication date", track=False)
        return None, None, None, f"unhandled {k}"

    def _offset(self, op: str, n: int, base: date, why: str, track: bool = True):
        if op == "day":
            d = base + timedelta(days=n)
            if track:
                self.last = d
            return d.isoformat(), "day", base, why
        if op == "week":
            return _week_range(base + timedelta(days=7 * n)), "range", base, why
        if op == "month":
            y, m = _add_months(base.year, base.month, n)
            return f"{y:04d}-{m:02d}", "month", base, why
        if op == "year":
            return f"{base.year + n:04d}", "year", base, why
        return None, None, None, f"unknown unit {op}"


def _year_window(text: str, found: list[Found]) -> tuple[int, int] | None:
    years = [int(f.groups["year"]) for f in found if f.kind == "year"]
    return (min(years) - 1, max(years) + 3) if years else None


def find_times(text: str, lang: str | None, anchor: str | None,
               sentences: list[tuple[int, int]] | None = None) -> list[TimeRef]:
    """All time expressions in `text`, resolved against `anchor` (ISO date; None = unknown)."""
    found = extract(text, lang)
    res = Resolver(text, lang, _to_date(anchor), _year_window(text, found))
    out = []
    for f in found:
        value, gran, used, reason = res.resolve(f)
        sent = None
        if sentences:
            sent = next((i for i, (s, e) in enumerate(sentences) if s <= f.start < e), None)
        out.append(TimeRef(f.start, f.end, text[f.start:f.end], value, gran,
                           used.isoformat() if used else None, f"{f.kind}: {reason}", sent))
    return out


GRAN_RANK = {"day": 0, "range": 1, "month": 2, "year": 3}


def event_date(doc, sentence_index: int) -> tuple[str | None, str | None, str]:
    """Best date for an event in sentence `sentence_index`: the most specific resolved time expression in
    that sentence (day > range > month > year; first wins on ties); else the publication date."""
    cands = [t for t in doc.times if t.sentence == sentence_index and t.value]
    # a historical year in the same sentence as a day-level date does not date the event
    if cands:
        best = min(cands, key=lambda t: (GRAN_RANK.get(t.granularity or "", 9), t.start))
        return best.value, best.granularity, f"time expression {best.text!r} in the sentence ({best.reason})"
    pub = doc.article.published_at if doc.article else None
    if pub:
        return pub[:10], "day", "no time expression in the sentence; publication date"
    return None, None, "no time expression in the sentence and no publication date"
