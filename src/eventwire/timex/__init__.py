"""Time expressions: find them with per-language rules (resources/lang/<code>/dates.yaml, month and
weekday names merged with dateparser's locale data) and resolve them against an anchor date.

Anchoring: deictic words ("yesterday", weekdays, "last month") resolve against the publication date;
anaphoric ones ("the previous day", "накануне", "la veille") against the last day-level date the text
mentioned (falling back to the publication date). A weekday means the most recent such day counting the
anchor day itself ("Friday" in an article of Friday 2020-02-28 is 2020-02-28). A missing year is taken
from the anchor (the nearest of the anchor's year and its neighbours); with no anchor a weekday given
with the date picks the year only when exactly one year in the window of years the article mentions fits;
otherwise a day and month come out as "XXXX-MM-DD" (year unknown; the corpus stage may repair it).

Values follow TimeML/TIMEX3 where a calendar date cannot express them: "PRESENT_REF"/"PAST_REF"/
"FUTURE_REF" (granularity "ref"), seasons "1998-SU" ("season"), ISO weeks "1998-W02" ("week"), quarters
"1998-Q3" ("quarter"), decades "199" ("decade"), centuries "19" ("century"). Only values `concrete()` accepts
date events. Named days (dates.yaml `holidays`: fixed, nth weekday, Easter offset) resolve to their day in
the explicit year or the year a month would take; lunar-calendar ones stay None (no offline converter).
Which occurrence a year-less month, day or weekday means: a forward-looking word before it ("will",
"until") picks the next one; else, where the language has a parser (dates.yaml `tense_parser`), the tense of
the verb the expression modifies (timex/tense.py): past -> the most recent, future -> the next; else the
nearest (weekdays: the most recent). "The previous/following Friday" count from the date in focus.
Anaphoric periods ("the quarter", "the year-ago quarter", "a year earlier" after a quarter was named) take
the granularity of the period the text last named (its focus), as in TimeML's anchoring guidelines.
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
from eventwire.timex.tense import clause_tense

YEAR = r"(?:1[6-9]\d\d|20\d\d)"
NEVER = "(?!x)x"


@lru_cache(maxsize=1)
def _not_num_after() -> str:
    """A year is not followed by another digit group or by a unit word (any language's `not_year_after`)."""
    words = {str(w) for d in resources.all_lang_files("dates").values() for w in (d.get("not_year_after") or ())}
    return rf"(?!\d|[.,]\d|\s*(?:%|(?:{_alt(words) or NEVER})(?!\w)))"


@dataclass
class Found:
    start: int
    end: int
    kind: str  # date, monthyear, month, monthrel, year, numeric, weekday, relative, ago, yearrange, dayrange,
    # quarter, period, season, decade, ref
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
    refs: dict[str, str] = field(default_factory=dict)  # phrase -> PRESENT_REF/PAST_REF/FUTURE_REF
    seasons: dict[str, str] = field(default_factory=dict)  # word -> SP/SU/FA/WI
    mods: dict[str, str] = field(default_factory=dict)  # modifier word -> last/this/next
    period: dict[str, str] = field(default_factory=dict)  # period modifier -> focus/current/prev_year/next_year
    year_rel: dict[str, int] = field(default_factory=dict)  # "last year" -> -1
    period_shift: dict[str, int] = field(default_factory=dict)  # "a year ago" after a period -> -1 (years)
    spelled: dict[str, dict] = field(default_factory=dict)  # number words of years written out
    weekday_ana: dict[str, str] = field(default_factory=dict)  # "the previous" -> last, "the following" -> next
    tense_parser: str | None = None  # parser giving the clause's tense (timex/tense.py), None = cue words only
    deadline_preps: frozenset = frozenset()  # "extended to Nov. 16": the verb's tense says nothing of the date
    holidays: dict[str, dict] = field(default_factory=dict)  # normalised name -> rule (dates.yaml `holidays`)
    century_words: dict[str, int] = field(default_factory=dict)  # "twentieth" -> 20
    decade_words: dict[str, int] = field(default_factory=dict)  # "nineties" -> 9


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
    if data.get("weekday_min_len"):  # short forms ("Sun", "Wed") that are common words or papers' names
        weekdays = {k: v for k, v in weekdays.items() if len(k) >= int(data["weekday_min_len"])}
    units = {str(w).lower(): u for u, ws in (data.get("units") or {}).items() for w in ws}
    numbers = {str(k).lower(): int(v) for k, v in (data.get("numbers") or {}).items()}

    def words(key: str) -> str:  # alternation of a word list from the data file (never matches when empty)
        return _alt(data.get(key) or ()) or NEVER

    # where month and weekday names must be capitalised ("may", "march" are common English words)
    cap = bool(data.get("names_capitalised"))
    MON = "(?:" + _alt(m.capitalize() for m in months) + ")" if cap else f"(?i)(?:{_alt(months)})"
    WD = "(?:" + _alt(w.capitalize() for w in weekdays) + ")" if cap else f"(?:{_alt(weekdays)})"
    wd_i = "" if cap else "(?i)"
    last_w = _alt(data.get("weekday_last") or ["\x00"])
    next_w = _alt(data.get("weekday_next") or ["\x00"])
    # modifiers that follow the weekday ("vendredi dernier", "el viernes próximo", "الأحد الماضي")
    last_a = _alt(data.get("weekday_last_after") or ["\x00"])
    next_a = _alt(data.get("weekday_next_after") or ["\x00"])
    NUM = r"\d{1,3}|" + _alt(numbers) if numbers else r"\d{1,3}"
    UNIT = _alt(units) if units else "\x00"
    B, E = r"(?<!\w)", r"(?!\w)"
    NNA = _not_num_after()
    amb = {str(w).lower() for w in data.get("months_not_alone") or ()}
    alone = [m for m in months if m not in amb and len(m) > 3] if data.get("month_alone") else []
    STANDALONE = ((_alt(m.capitalize() for m in alone) if cap else f"(?i:{_alt(alone)})")
                  if alone else NEVER)
    # "21st", "1er", "3-го"; "21 de marzo", "the 21st of March"
    SUF = rf"(?:\.|(?i:{words('day_suffixes')}))?"
    LINK = rf"(?:(?i:{words('date_links')})\s+)?"
    DPRE = rf"(?:(?i:{words('day_prefixes')})\s+)?"
    PART = rf"(?:(?i:{words('part_of')})[-\s]+)?"  # "early", "mid-", "the end of": same value at this granularity
    ana_before, ana_after = ({str(w).lower(): d for d, ws in (data.get(key) or {}).items() for w in ws}
                             for key in ("weekday_anaphoric_before", "weekday_anaphoric_after"))
    pats: list[tuple[str, Any]] = []
    for p in data.get("patterns") or ():
        pats.append(("custom", regex.compile(B + p + E)))
    pats += [
        ("iso", regex.compile(rf"{B}(?P<year>{YEAR})-(?P<month>\d{{2}})-(?P<day>\d{{2}}){E}")),
        ("dayrange", regex.compile(rf"{B}(?P<d1>\d{{1,2}})\s*[-–]\s*(?P<d2>\d{{1,2}})\s+{LINK}(?P<monthname>{MON}){E}\.?(?:,?\s+{LINK}(?P<year>{YEAR}){E})?")),
        ("dayrange", regex.compile(rf"{B}(?P<monthname>{MON})\.?\s+(?P<d1>\d{{1,2}})\s*[-–]\s*(?P<d2>\d{{1,2}}){E}(?:,?\s+(?P<year>{YEAR}){E})?")),
        ("date", regex.compile(rf"{B}(?:(?P<wd>{wd_i}{WD}),?\s+)?(?P<monthname>{MON})\.?\s+(?P<day>\d{{1,2}})(?:(?i:{words('day_suffixes')}))?{E}(?:,?\s+(?P<year>{YEAR}){E})?")),
        ("date", regex.compile(rf"{B}(?:(?P<wd>{wd_i}{WD}),?\s+)?{DPRE}(?P<day>\d{{1,2}}){SUF}\s+{LINK}(?P<monthname>{MON}){E}\.?(?:,?\s+{LINK}(?P<year>{YEAR}){E})?")),
        ("monthyear", regex.compile(rf"{B}{PART}(?P<monthname>{MON})\.?,?\s+{LINK}(?P<year>{YEAR}){E}")),
        ("month", regex.compile(rf"(?<=(?i:{B}(?:{words('month_preps')})\s+))(?P<monthname>{MON}){E}")),
        ("month", regex.compile(rf"{B}(?i:{words('part_of')})[-\s]+(?P<monthname>{MON}){E}")),
        ("month", regex.compile(rf"{B}(?P<monthname>{MON})(?=\s+(?i:{words('month_after')}){E})")),
        # any other month name standing alone, where the data file allows it (not "May", "March")
        ("month", regex.compile(rf"{B}(?P<monthname>{STANDALONE}){E}(?![.]?\s*\d)")),
        # "last May", "this September", "June last year"
        ("monthrel", regex.compile(rf"{B}(?P<mod>(?i:{words('month_mods')}))\s+(?P<monthname>{MON}){E}(?![.]?\s*\d)")),
        ("monthrel", regex.compile(rf"{B}(?P<monthname>{MON})\s+{LINK}(?P<yrel>(?i:{_alt(data.get('year_rel') or {}) or NEVER})){E}")),
        ("numeric", regex.compile(rf"(?<![\d/.,])(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})(?:/(?P<year>\d{{4}}|\d{{2}}))?(?![\d/]|\.\d)")),
        ("numeric", regex.compile(rf"(?<![\d/.,])(?P<a>\d{{1,2}})\.(?P<b>\d{{1,2}})\.(?P<year>\d{{4}})(?!\d)")),
        ("yearrange", regex.compile(rf"{B}(?P<y1>{YEAR})\s*[-–]\s*(?P<y2>{YEAR}|\d\d){E}")),
        ("weekday", regex.compile(rf"{B}(?:(?P<last>{wd_i}(?:{last_w}))\s+|(?P<next>{wd_i}(?:{next_w}))\s+)?(?P<wd>{wd_i}{WD}){E}")),
        ("weekday", regex.compile(rf"{B}(?P<wd>{wd_i}{WD})\s+(?:(?P<last>{wd_i}(?:{last_a}))|(?P<next>{wd_i}(?:{next_a}))){E}")),
        # "the previous Friday", "the following Monday", "le vendredi précédent": counted from the date in focus
        ("weekday", regex.compile(rf"{B}(?:(?P<ana>(?i:{_alt(ana_before) or NEVER}))\s+(?P<wd>{wd_i}{WD})|(?P<wd2>{wd_i}{WD})\s+(?P<ana2>(?i:{_alt(ana_after) or NEVER}))){E}")),
        ("ago", regex.compile(rf"(?i){B}(?:{'|'.join(p.replace('NUM', NUM).replace('UNIT', UNIT) for p in data.get('ago') or [NEVER])}){E}")),
        ("year", regex.compile(rf"{B}(?i:{words('year_prefixes')})-?(?P<year>{YEAR}){NNA}(?![-–/]\d)")),
        ("year", regex.compile(rf"(?<![\d.,:/$€£-])(?P<year>{YEAR}){NNA}(?![-–/]\d)")),
    ]
    if data.get("apostrophe_years"):  # "since '82": a two-digit year after an apostrophe
        pats.append(("year", regex.compile(rf"(?<![\w'’])['’](?P<yy>\d\d)(?!\w|['’]|[.,]\d){NNA}")))
    sy = data.get("spelled_years") or {}
    if sy:  # "nineteen ninety-six", "two thousand and one" (broadcast transcripts spell years out)
        C, T, U = (_alt(sy.get(k) or {}) or NEVER for k in ("centuries", "tens", "units"))
        pats.append(("spelledyear", regex.compile(
            rf"(?i){B}(?:(?P<c>{C})\s+(?:(?P<t>{T})(?:[-\s](?P<u>{U}))?|(?P<u2>{U}))|(?P<k>{_alt(sy.get('thousands') or {}) or NEVER})(?:\s+(?:and\s+)?(?P<u3>{U}))?){E}{NNA}")))
    for p in data.get("centuries") or ():  # groups n (digits or Roman numerals) or w (a word in century_words)
        pats.append(("century", regex.compile(rf"(?i){B}{PART}(?:{p}){E}")))
    for p in data.get("decades") or ():  # groups dec ("1990"), dec2 ("90") or dw (a word in decade_words)
        p = p.replace("DECADE_WORD", _alt(data.get("decade_words") or {}) or NEVER)
        pats.append(("decade", regex.compile(rf"(?i){B}{PART}(?:{p}){E}")))
    if data.get("dotted_day_month", True):  # "21.02" (not in English, where it is a decimal)
        pats.insert(-1, ("numeric", regex.compile(rf"(?<![\d/.,])(?P<a>\d{{1,2}})\.(?P<b>\d{{2}})(?![\d.,]\d){NNA}")))
    quarters = {str(k).lower(): int(v) for k, v in (data.get("quarters") or {}).items()}
    period = {str(w).lower(): kind for kind, ws in (data.get("period_mods") or {}).items() for w in ws}
    if quarters:
        QW = words("quarter_words")
        YREL = _alt(data.get("year_rel") or {}) or NEVER
        QSHIFT = _alt(data.get("period_shift") or {}) or NEVER  # "the third quarter a year ago"
        QPRE = rf"(?:(?P<qrel>(?i:{_alt(period) or NEVER}))\s+|(?P<year>{YEAR})\s+)?"
        pats.insert(0, ("quarter", regex.compile(
            rf"(?i){B}{DPRE}{QPRE}(?:(?i:{words('quarter_prefixes')})\s+)?(?P<q>{_alt(quarters)})[-\s]+"
            rf"(?:(?i:{words('quarter_prefixes')})\s+)?(?:{QW}){E}(?:\s+{LINK}(?:(?P<year2>{YEAR})|(?P<qyrel>{YREL})){E}|\s+(?P<qshift>{QSHIFT}){E})?")))
    if period:
        PW = words("period_words")
        SHIFT = _alt(data.get("period_shift") or {}) or NEVER
        pats.insert(0, ("period", regex.compile(rf"(?i){B}(?P<pmod>{_alt(period)})\s+(?P<pw>{PW}){E}(?:\s+(?P<shift>{SHIFT}){E})?")))
        # "the same month a year ago": only with the shift, as "this month" is a plain relative expression
        pats.insert(0, ("period", regex.compile(rf"(?i){B}(?P<pmod>{_alt(period)})\s+(?P<mw>{words('month_period_words')})\s+(?P<shift>{SHIFT}){E}")))
        pats.insert(0, ("period", regex.compile(rf"(?i){B}{DPRE}(?P<year>{YEAR})\s+(?P<pw>{PW}){E}")))
        pats.append(("period", regex.compile(rf"(?i){B}(?P<adj>{words('prev_year_adjectives')}){E}")))
    seasons = {str(w).lower(): k for k, ws in (data.get("seasons") or {}).items() for w in ws}
    mods = {str(w).lower(): k for k, ws in (data.get("mods") or {}).items() for w in ws}
    if seasons:
        SEA, MOD = _alt(seasons), _alt(mods) or NEVER
        # a bare season word ("fall") is often a verb or noun: only with a modifier, a preposition or a year
        after = rf"(?P<season>{SEA}){E}(?:\s+{LINK}(?P<year>{YEAR}){E})?"
        pats.insert(0, ("season", regex.compile(rf"(?i){B}(?:(?P<smod>{MOD})\s+{PART}|(?i:{words('part_of')})[-\s]+){after}")))
        pats.insert(0, ("season", regex.compile(rf"(?i)(?<={B}(?:{words('month_preps')})\s+){after}")))
        pats.insert(0, ("season", regex.compile(rf"(?i){B}(?P<season>{SEA})\s+{LINK}(?P<year>{YEAR}){E}")))
        after_mods = {str(w).lower(): k for k, ws in (data.get("season_mods_after") or {}).items() for w in ws}
        mods.update(after_mods)
        if after_mods:  # "l'été dernier", "الصيف الماضي"
            pats.insert(0, ("season", regex.compile(rf"(?i){B}(?P<season>{SEA})\s+(?P<smod>{_alt(after_mods)}){E}")))
        pats.insert(0, ("season", regex.compile(rf"(?i){B}{PART}(?P<year>{YEAR})\s+(?P<season>{SEA}){E}")))
    if str(data.get("date_order") or "DMY").startswith("M"):
        # month/day without a year is too often a fraction ("3/8") in month-first languages
        pats = [(k, p) for k, p in pats if not (k == "numeric" and "(?:/(?P<year>" in p.pattern)]
        pats.insert(-1, ("numeric", regex.compile(r"(?<![\d/.,])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4}|\d{2})(?![\d/])")))
    fut = data.get("future_cues") or ()
    future = regex.compile(rf"(?i)(?<!\w)(?:{_alt(fut)})(?!\w)") if fut else None
    relative = {}
    for r in data.get("relative") or ():
        relative[str(r["phrase"]).lower()] = r
    if relative:
        # not the first part of a hyphenated word ("the year-ago results", "today-style")
        pats.insert(0, ("relative", regex.compile(rf"(?i){B}(?:{_alt(relative)}){E}(?!-\w)")))
    refs = {str(w).lower(): k for k, ws in (data.get("refs") or {}).items() for w in ws}
    if refs:
        # not "now-cancelled"; not the start of a duration ("the past five years", "the past week")
        DUR = rf"(?!\s+(?:[\w-]+\s+)?(?:{UNIT}){E})" if units else ""
        pats.append(("ref", regex.compile(rf"(?i){B}(?:{_alt(refs)}){E}(?!-\w){DUR}")))
    year_rel = {str(k).lower(): int(v) for k, v in (data.get("year_rel") or {}).items()}
    holidays = {_hol_key(n): h for h in data.get("holidays") or () for n in h.get("names") or ()}
    if holidays:
        # names are proper nouns: matched as written, but the first letter in either case ("tết", "Tết")
        HOL = "|".join(
            (f"[{n[0].upper()}{n[0].lower()}]" if n[0].isalpha() else regex.escape(n[0]))
            + regex.escape(n[1:]).replace("'", "['’]")
            for n in sorted({str(n) for h in data["holidays"] for n in h.get("names") or ()}, key=len, reverse=True))
        # "Easter Island", "Christmas Island": a capitalised word after the name makes it part of another name
        NOT_NAME = r"(?!\s+\p{Lu})" if cap else ""
        pats.insert(0, ("holiday", regex.compile(
            rf"{B}(?P<hol>{HOL}){E}{NOT_NAME}(?:,?\s+{LINK}(?P<year>{YEAR}){E})?")))
    return LangRules(lang, months, weekdays, tuple(pats), relative, units, numbers,
                     str(data.get("date_order") or "DMY"), future, quarters, refs, seasons, mods, period, year_rel,
                     {str(k).lower(): int(v) for k, v in (data.get("period_shift") or {}).items()},
                     {k: {str(w).lower(): int(n) for w, n in (v or {}).items()} for k, v in sy.items()},
                     {**ana_before, **ana_after}, data.get("tense_parser"),
                     frozenset(str(w).lower() for w in data.get("deadline_preps") or ()), holidays,
                     {str(k).lower(): int(v) for k, v in (data.get("century_words") or {}).items()},
                     {str(k).lower(): int(v) for k, v in (data.get("decade_words") or {}).items()})


def _roman(s: str) -> int | None:
    """"20" or "XX" -> 20."""
    if s.isdigit():
        return int(s)
    vals = {"i": 1, "v": 5, "x": 10, "l": 50}
    n = 0
    s = s.lower()
    for i, ch in enumerate(s):
        if ch not in vals:
            return None
        v = vals[ch]
        n += -v if i + 1 < len(s) and vals.get(s[i + 1], 0) > v else v
    return n


def _hol_key(name: str) -> str:
    return str(name).replace("’", "'").lower()


def holiday_date(h: dict, y: int) -> date | None:
    """The day of holiday rule `h` (dates.yaml `holidays`) in year `y`; None where it is not computable
    (lunar calendars: no offline converter installed)."""
    rule, off = h.get("rule", "fixed"), timedelta(days=int(h.get("offset", 0)))
    if rule == "fixed":
        d = _safe(y, int(h["month"]), int(h["day"]))
        return d + off if d else None
    if rule == "nth_weekday":  # n = 1..5 from the month's start, -1 = the last one
        m, wd, n = int(h["month"]), int(h["weekday"]), int(h["n"])
        if n > 0:
            first = date(y, m, 1)
            d = first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
        else:
            last = date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1)
            d = last - timedelta(days=(last.weekday() - wd) % 7 + 7 * (-n - 1))
        return d + off if d.month == m else None
    if rule == "easter":
        try:
            from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter
        except ImportError:  # dateutil comes with dateparser; without it Easter is not computed
            return None
        return easter(y, EASTER_ORTHODOX if h.get("church") == "orthodox" else EASTER_WESTERN) + off
    return None  # lunar


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


def _year_for(month: int, day: int | None, anchor: date, future: bool = False, past: bool = False) -> int:
    """The anchor's year or a neighbour, whichever puts the date nearest the anchor, counting distances
    into the future 2.5 times (news mostly reports the past); with a forward-looking cue, the next such
    date on or after the anchor."""
    if past:  # the clause is in the past tense: the most recent such date up to the anchor
        d = _safe(anchor.year, month, day or 1)
        return anchor.year if d is None or d <= anchor else anchor.year - 1
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
    def __init__(self, text: str, lang: str | None, anchor: date | None, window: tuple[int, int] | None = None,
                 parsed=None):
        self.text = text
        # the text's spaCy Doc, when an earlier stage made one (a cheap check that it is of this text)
        self.parsed = parsed if parsed is not None and len(parsed) and \
            parsed[-1].idx + len(parsed[-1].text_with_ws) == len(text) and parsed[0].idx == 0 else None
        self.R = rules(lang)
        self.pub = anchor
        self.last: date | None = None
        self.window = window
        self.focus_q: tuple[int, int] | None = None  # the quarter the text last named explicitly
        self.focus_year: int | None = None  # the year the text last named explicitly
        self.focus_m: tuple[int, int] | None = None  # the month (year, month) the text last named
        self.focus_last = "q"  # which of focus_q / focus_m was named last

    def _future(self, f: Found) -> bool:
        """A forward-looking cue in the few words before the expression, in the same sentence."""
        if self.R.future is None:
            return False
        before = self.text[max(0, f.start - 50):f.start]
        before = regex.split(r"(?<!(?:^|[.\s])\w)[.!?;]|\n", before)[-1]  # "a.m.", "U.S." do not end the clause
        return bool(self.R.future.search(before))

    def _direction(self, f: Found, present_is_future: bool = False) -> tuple[bool, bool, str]:
        """(forward, backward, why): a forward-looking word before the expression, else the tense of the
        clause it sits in (where the language has a parser)."""
        if self._future(f):
            return True, False, " (forward-looking)"
        t = clause_tense(self.text, f.start, f.end, self.R.tense_parser, self.R.deadline_preps, self.parsed)
        fut = t == "future" or (present_is_future and t == "present")
        return fut, t == "past", f" ({t} tense)" if t else ""

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
                    fut, past, how = self._direction(f)
                    year, used = _year_for(month, day, pub, fut, past), pub
                    reason = "explicit day and month; year from the anchor" + how
                elif wd is not None and self.window:
                    fits = [y for y in range(self.window[0], self.window[1] + 1)
                            if (d := _safe(y, month, day)) and d.weekday() == wd]
                    if len(fits) == 1:
                        year = fits[0]
                        reason = f"year {year} is the only one in {self.window[0]}-{self.window[1]} where it is a {calendar.day_name[wd]}"
                    elif k != "dayrange":
                        return (f"XXXX-{month:02d}-{day:02d}", "day", None,
                                f"day and month; year unknown: weekday fits {len(fits)} years in {self.window}")
                    else:
                        return None, None, None, f"year unknown: weekday fits {len(fits)} years in {self.window}"
                elif k != "dayrange":
                    return (f"XXXX-{month:02d}-{day:02d}", "day", None,
                            "day and month; year unknown (no anchor date)" if wd is None else
                            f"day and month; year unknown: weekday fits no single year in {self.window}")
                else:
                    return None, None, None, "year unknown and no anchor date"
            else:
                self.focus_year = year
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
            self.focus_year = int(g["year"])
            self.focus_m, self.focus_last = (int(g["year"]), month), "m"
            return f"{int(g['year']):04d}-{month:02d}", "month", None, "explicit month and year"
        if k == "monthrel":
            month = self.R.months.get(g["monthname"].lower().rstrip("."))
            if not month:
                return None, None, None, "not a month"
            if pub is None:
                return None, None, None, "month without year and no anchor date"
            if g.get("yrel"):
                n = self.R.year_rel[g["yrel"].lower()]
                return f"{pub.year + n:04d}-{month:02d}", "month", pub, f"month of the year {n:+d} from the anchor"
            mod = self.R.mods.get(g["mod"].lower(), "this")
            if mod == "last":  # the most recent such month before the anchor's month
                y, why = (pub.year if month < pub.month else pub.year - 1), "most recent such month before the anchor"
            elif mod == "next":
                y, why = (pub.year if month > pub.month else pub.year + 1), "next such month after the anchor"
            else:
                y, why = pub.year, "such month in the anchor's year"
            self.focus_m, self.focus_last = (y, month), "m"
            return f"{y:04d}-{month:02d}", "month", pub, why
        if k == "ref":
            return self.R.refs[self.text[f.start:f.end].lower()], "ref", None, "TimeML reference to the present, past or future"
        if k == "season":
            code = self.R.seasons[g["season"].lower()]
            if g.get("year"):
                return f"{int(g['year']):04d}-{code}", "season", None, "explicit season and year"
            if pub is None:
                return None, None, None, "season without year and no anchor date"
            mod = self.R.mods.get((g.get("smod") or "").lower(), "this")
            y = pub.year + {"last": -1, "next": 1}.get(mod, 0)
            return f"{y:04d}-{code}", "season", pub, f"season of the year {y - pub.year:+d} from the anchor"
        if k == "decade":
            if g.get("dec"):
                return g["dec"][:3], "decade", None, "explicit decade"
            if pub is None:
                return None, None, None, "two-digit decade and no anchor date"
            if g.get("dw"):  # "the nineties"
                g = {**g, "dec2": f"{self.R.decade_words[g['dw'].lower()]}0"}
            cent = pub.year // 100 - (int(g["dec2"]) > pub.year % 100)
            return f"{cent:02d}{g['dec2'][0]}", "decade", pub, "two-digit decade in the anchor's century or the one before"
        if k == "period":
            return self._period(g, pub)
        if k == "month":
            month = int(g["month"]) if "month" in g else self.R.months.get(g["monthname"].lower().rstrip("."))
            if not month or not 1 <= month <= 12:
                return None, None, None, "not a month"
            if pub is None:
                return None, None, None, "month without year and no anchor date"
            fut, past, how = self._direction(f)
            y = _year_for(month, None, pub, fut, past)
            self.focus_m, self.focus_last = (y, month), "m"
            return f"{y:04d}-{month:02d}", "month", pub, "month name; year from the anchor" + how
        if k == "quarter":
            q = self.R.quarters.get(g["q"].lower())
            if not q:
                return None, None, None, "not a quarter"
            rel = self.R.period.get((g.get("qrel") or "").lower())
            if g.get("year") or g.get("year2"):
                y, used, why = int(g.get("year") or g["year2"]), None, "explicit quarter and year"
            elif pub is None:
                return None, None, None, "quarter without year and no anchor date"
            elif g.get("qshift"):
                y, used, why = pub.year + self.R.period_shift[g["qshift"].lower()], pub, "quarter of a year relative to the anchor"
            elif g.get("qyrel"):
                y, used, why = pub.year + self.R.year_rel[g["qyrel"].lower()], pub, "quarter of a year relative to the anchor"
            elif rel == "next_year":
                y, used, why = pub.year + 1, pub, "quarter of the year after the anchor's"
            elif rel == "prev_year":
                cur = (pub.month - 1) // 3 + 1
                y = (pub.year if q <= cur else pub.year - 1) - 1
                used, why = pub, "a year before the most recent such quarter"
            else:  # the year that puts the quarter's middle nearest the anchor (the past preferred)
                y = _year_for(3 * q - 1, 15, pub)  # no forward cue: results are reported after the quarter
                used, why = pub, "quarter nearest the anchor"
            if rel not in ("prev_year", "next_year") and not g.get("qshift"):
                self.focus_q, self.focus_last = (y, q), "q"
            return f"{y:04d}-Q{q}", "quarter", used, why
        if k == "spelledyear":
            sy = self.R.spelled
            if g.get("k"):
                y = int(sy["thousands"][g["k"].lower()]) + (int(sy["units"][g["u3"].lower()]) if g.get("u3") else 0)
            elif g.get("u2") and int(sy["units"][g["u2"].lower()]) < 10:
                return None, None, None, "drop: a century word and a single digit is a number ('twenty six')"
            else:
                y = int(sy["centuries"][g["c"].lower()]) * 100 + int(sy["tens"].get((g.get("t") or "").lower(), 0)) \
                    + int(sy["units"].get((g.get("u") or g.get("u2") or "").lower(), 0))
            if not 1600 <= y <= 2099:
                return None, None, None, "drop: not a year"
            self.focus_year = y
            return f"{y:04d}", "year", None, "year written in words"
        if k == "year" and g.get("yy"):
            if pub is None:
                return None, None, None, "two-digit year and no anchor date"
            yy = int(g["yy"])  # the latest such year not after the anchor's (news looks back at "'82")
            y = pub.year // 100 * 100 + yy
            y -= 100 * (y > pub.year)
            self.focus_year = y
            return f"{y:04d}", "year", pub, "two-digit year after an apostrophe: latest such year up to the anchor's"
        if k == "year":
            self.focus_year = int(g["year"])
            return g["year"], "year", None, "explicit year"
        if k == "yearrange":
            y1, y2 = g["y1"], g["y2"]
            if len(y2) == 2:
                y2 = y1[:2] + y2
            if int(y2) <= int(y1):
                return None, None, None, "bad year range"
            return f"{y1}/{y2}", "range", None, "explicit year range"
        if k == "holiday":
            return self._holiday(f)
        if k == "century":  # TimeML: the century's first two digits ("the 20th century" = 1900-1999 -> "19")
            n = _roman(g["n"]) if g.get("n") else self.R.century_words.get((g.get("w") or "").lower())
            if not n or not 1 <= n <= 22:
                return None, None, None, "not a century"
            return f"{n - 1:02d}", "century", None, f"century {n}"
        if k == "weekday":
            if pub is None:
                return None, None, None, "weekday without an anchor date"
            wd = self.R.weekdays[(g.get("wd") or g["wd2"]).lower()]
            ana = (g.get("ana") or g.get("ana2") or "").lower()
            if ana:  # anaphoric: strictly before / after the date in focus (the last explicit date)
                base = self.last or pub
                which = "last explicit date" if self.last else "publication date"
                if self.R.weekday_ana.get(ana) == "next":
                    d = base + timedelta(days=(wd - base.weekday()) % 7 or 7)
                    why = f"first such weekday after the {which}"
                else:
                    d = base - timedelta(days=(base.weekday() - wd) % 7 or 7)
                    why = f"last such weekday before the {which}"
                self.last = d
                return d.isoformat(), "day", base, why
            # "last Thursday" looks back even after a forward-looking cue ("was due to expire last Thursday")
            # a weekday in a present-tense clause is a scheduled event ("the ministers meet Monday")
            if g.get("next") or (not g.get("last") and self._direction(f, present_is_future=True)[0]):
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
            if r.get("inherit") and self.focus_q and r["op"] == "year":
                y, q = self.focus_q
                return (f"{y + int(r.get('n', 0)):04d}-Q{q}", "quarter", None,
                        f"{r['phrase']!r}: {int(r.get('n', 0)):+d} year from the quarter in focus ({y}-Q{q})")
            if r.get("base") == "month" and self.focus_m:
                y, m = _add_months(*self.focus_m, int(r.get("n", 0)))
                return f"{y:04d}-{m:02d}", "month", None, f"{r['phrase']!r}: {int(r.get('n', 0)):+d} month from the month in focus"
            if r.get("base") == "year" and self.focus_year:
                base, which = date(self.focus_year, 7, 1), f"year in focus ({self.focus_year})"
                return self._offset(r["op"], int(r.get("n", 0)), base, f"{r['phrase']!r}: {int(r.get('n', 0)):+d} {r['op']} from the {which}", track=False)
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

    def _holiday(self, f: Found):
        """A named day: its date in the explicit year, else in the year the month rule would pick (the most
        recent one in a past-tense clause, the next one after a forward-looking cue, else the nearest)."""
        g, pub = f.groups, self.pub
        h = self.R.holidays[_hol_key(g["hol"])]
        name = g["hol"] + (f" [{h['note']}]" if h.get("note") else "")  # "[US]": whose holiday is assumed
        if h.get("rule") == "lunar":
            return None, None, None, f"{name}: lunar-calendar date, not computed (no offline converter)"
        if g.get("year"):
            y = int(g["year"])
            d = holiday_date(h, y)
            if d is None:
                return None, None, None, f"{name}: not computable for {y}"
            self.focus_year, self.last = y, d
            return d.isoformat(), "day", None, f"{name} ({h.get('rule', 'fixed')} rule) in the explicit year"
        if pub is None:
            return None, None, None, f"{name} without year and no anchor date"
        fut, past, how = self._direction(f)
        days = [d for y in (pub.year - 1, pub.year, pub.year + 1) if (d := holiday_date(h, y))]
        if not days:
            return None, None, None, f"{name}: not computable"
        if past:
            cands = [d for d in days if d <= pub]
        elif fut:
            cands = [d for d in days if d >= pub - timedelta(days=3)]
        else:
            cands = []
        key = (lambda d: abs((d - pub).days)) if cands else \
            (lambda d: (d - pub).days * FUTURE_WEIGHT if d > pub else (pub - d).days)
        d = min(cands or days, key=key)
        self.last = d
        return d.isoformat(), "day", pub, f"{name} ({h.get('rule', 'fixed')} rule); year from the anchor" + how

    def _period(self, g: dict, pub: date | None):
        """"The quarter", "the year-ago period", "the 1988 quarter", "year-earlier": the quarter in focus,
        shifted as the modifier says; only a current-period modifier resolves without a focus."""
        kind = self.R.period.get((g.get("pmod") or "").lower())
        if g.get("shift"):  # "the same period a year earlier": the period in focus, shifted by years
            n = self.R.period_shift[g["shift"].lower()]
            if self.focus_m and (g.get("mw") or self.focus_last == "m" or not self.focus_q):
                y, m = self.focus_m
                return f"{y + n:04d}-{m:02d}", "month", None, f"the month in focus ({y}-{m:02d}) {n:+d} year"
            if self.focus_q and not g.get("mw"):
                y, q = self.focus_q
                return f"{y + n:04d}-Q{q}", "quarter", None, f"the quarter in focus ({y}-Q{q}) {n:+d} year"
            if pub is not None:  # no period named yet: the year so shifted from the anchor's
                return f"{pub.year + n:04d}", "year", pub, f"no period in focus: the anchor's year {n:+d}"
            return None, None, None, "drop: no period in focus"
        if g.get("adj"):
            if self.focus_q:
                y, q = self.focus_q
                return f"{y - 1:04d}-Q{q}", "quarter", None, f"a year before the quarter in focus ({y}-Q{q})"
            if pub is None:
                return None, None, None, "drop: year-earlier without an anchor"
            return f"{pub.year - 1:04d}", "year", pub, "the year before the anchor's"
        if kind == "current":
            if pub is None:
                return None, None, None, "drop: current quarter without an anchor"
            q = (pub.month - 1) // 3 + 1
            return f"{pub.year:04d}-Q{q}", "quarter", pub, "the quarter containing the anchor"
        if self.focus_q is None:
            return None, None, None, "drop: no quarter in focus"
        y, q = self.focus_q
        if g.get("year"):
            return f"{int(g['year']):04d}-Q{q}", "quarter", None, f"explicit year; quarter in focus (Q{q})"
        y += {"prev_year": -1, "next_year": 1}.get(kind or "", 0)
        return f"{y:04d}-Q{q}", "quarter", None, f"the quarter in focus ({self.focus_q[0]}-Q{q}), {kind}"

    def _offset(self, op: str, n: int, base: date, why: str, track: bool = True):
        if op == "day":
            d = base + timedelta(days=n)
            if track:
                self.last = d
            return d.isoformat(), "day", base, why
        if op == "week":
            y, w, _ = (base + timedelta(days=7 * n)).isocalendar()
            return f"{y:04d}-W{w:02d}", "week", base, why
        if op == "month":
            y, m = _add_months(base.year, base.month, n)
            return f"{y:04d}-{m:02d}", "month", base, why
        if op == "year":
            return f"{base.year + n:04d}", "year", base, why
        if op == "weekend":  # the most recent weekend up to the anchor (n weeks on), as TimeML "YYYY-Www-WE"
            sat = base - timedelta(days=(base.weekday() - 5) % 7) + timedelta(days=7 * n)
            y, w, _ = sat.isocalendar()
            return f"{y:04d}-W{w:02d}-WE", "weekend", base, why
        if op == "decade":
            return f"{base.year // 10 + n:03d}", "decade", base, why
        if op == "quarter":
            k = base.year * 4 + (base.month - 1) // 3 + n
            self.focus_q, self.focus_last = (k // 4, k % 4 + 1), "q"
            return f"{k // 4:04d}-Q{k % 4 + 1}", "quarter", base, why
        return None, None, None, f"unknown unit {op}"


def _year_window(text: str, found: list[Found]) -> tuple[int, int] | None:
    years = [int(f.groups["year"]) for f in found if f.kind == "year" and "year" in f.groups]
    return (min(years) - 1, max(years) + 3) if years else None


def find_times(text: str, lang: str | None, anchor: str | None,
               sentences: list[tuple[int, int]] | None = None, parsed=None) -> list[TimeRef]:
    """All time expressions in `text`, resolved against `anchor` (ISO date; None = unknown). `parsed`: the
    text's dependency parse if one exists (used for the clause's tense; else sentences are parsed as needed)."""
    found = extract(text, lang)
    res = Resolver(text, lang, _to_date(anchor), _year_window(text, found), parsed)
    out = []
    for f in found:
        value, gran, used, reason = res.resolve(f)
        if value is None and reason.startswith("drop:"):
            continue  # an anaphoric period with nothing to refer to: not reported at all
        sent = None
        if sentences:
            sent = next((i for i, (s, e) in enumerate(sentences) if s <= f.start < e), None)
        out.append(TimeRef(f.start, f.end, text[f.start:f.end], value, gran,
                           used.isoformat() if used else None, f"{f.kind}: {reason}", sent))
    return out


GRAN_RANK = {"day": 0, "range": 1, "month": 2, "year": 3}
_CONCRETE = regex.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?(?:/\d{4}(?:-\d{2}(?:-\d{2})?)?)?$")


def concrete(t: TimeRef) -> tuple[str, str] | None:
    """(value, granularity) usable as an event date: ISO dates, months, years and ranges; ISO weeks and
    quarters (and weekends) as day ranges. None for references (PRESENT_REF), seasons, decades and year-less "XXXX-"."""
    v, g = t.value, t.granularity
    if not v:
        return None
    if g == "weekend" and (m := regex.match(r"^(\d{4})-W(\d{2})-WE$", v)):
        sat = date.fromisocalendar(int(m[1]), int(m[2]), 6)
        return f"{sat.isoformat()}/{(sat + timedelta(days=1)).isoformat()}", "range"
    if g == "week" and (m := regex.match(r"^(\d{4})-W(\d{2})$", v)):
        mon = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return f"{mon.isoformat()}/{(mon + timedelta(days=6)).isoformat()}", "range"
    if g == "quarter" and (m := regex.match(r"^(\d{4})-Q([1-4])$", v)):
        y, q = int(m[1]), int(m[2])
        end = date(y + (q == 4), (3 * q) % 12 + 1, 1) - timedelta(days=1)
        return f"{date(y, 3 * q - 2, 1).isoformat()}/{end.isoformat()}", "range"
    if g in ("day", "month", "year", "range") and _CONCRETE.match(v):
        return v, g
    return None


def event_date(doc, sentence_index: int) -> tuple[str | None, str | None, str]:
    """Best date for an event in sentence `sentence_index`: the most specific resolved time expression in
    that sentence (day > range > month > year; first wins on ties); else the publication date."""
    cands = [(t, c) for t in doc.times if t.sentence == sentence_index and (c := concrete(t))]
    # a historical year in the same sentence as a day-level date does not date the event
    if cands:
        best, (value, gran) = min(cands, key=lambda tc: (GRAN_RANK.get(tc[1][1], 9), tc[0].start))
        return value, gran, f"time expression {best.text!r} in the sentence ({best.reason})"
    pub = doc.article.published_at if doc.article else None
    if pub:
        return pub[:10], "day", "no time expression in the sentence; publication date"
    return None, None, "no time expression in the sentence and no publication date"
