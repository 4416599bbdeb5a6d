"""Per-language recognition rules: month/weekday names (dates.yaml merged with dateparser's locale data)
compiled into the regex patterns that find candidate time expressions, plus named-day (holiday) rules."""
from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

import regex

from eventwire import resources

YEAR = r"(?:1[6-9]\d\d|20\d\d)"
NEVER = "(?!x)x"


@lru_cache(maxsize=1)
def _not_num_after() -> str:
    """A year is not followed by another digit group or by a unit word (any language's `not_year_after`)."""
    words = {str(w) for d in resources.all_lang_files("dates").values() for w in (d.get("not_year_after") or ())}
    return rf"(?!\d|[.,]\d|\s*(?:%|(?:{_alt(words) or NEVER})(?!\w)))"


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
    not_future: Any = None  # compiled regex of phrases that start with a cue word but are no cue ("next to")
    period_end: Any = None  # compiled regex of the words between a period and the day it ends ("ended")
    pods: dict[str, str] = field(default_factory=dict)  # part-of-day word -> TimeML code (MO, AF, EV, NI)
    halves: dict[str, int] = field(default_factory=dict)  # "first" -> 1, "second" -> 2 (halves of a year)
    year_link: Any = None  # compiled regex of what may stand between a month or season and its year (" of ")
    week_mods: bool = False  # weekday modifiers name the previous/next calendar week ("上周五", "下周一")
    # a clock time (and time zone, link word) right before a day expression, anchored at its end ("9 a.m. EST
    # on |Friday"): groups h, mi, am, pm, noon; None where the data file has no `clock_times`
    clock_before: Any = None
    week_of: Any = None  # "the week of |Nov. 15": the phrase right before a date that makes it its ISO week
    title_case_names: bool = False  # a time phrase in title case inside running text is a name ("This Week")
    digit_chars: dict[str, int] = field(default_factory=dict)  # "〇" -> 0: years written digit by digit ("二〇二〇")
    past_as_base: frozenset = frozenset()  # verbs whose past tense is the base form ("hurt", "cut"): timex/tense.py
    day_coord: Any = None  # "April 24| and 25": a conjunction and a day number after a date (group d)
    day_coord_before: Any = None  # "24 and |25 April": a day number and a conjunction before one (group d)


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
    pods = {str(w).lower(): str(k) for k, ws in (data.get("parts_of_day") or {}).items() for w in ws}
    POD = _alt(pods) or NEVER
    NUM = r"\d{1,3}|" + _alt(numbers) if numbers else r"\d{1,3}"
    UNIT = _alt(units) if units else "\x00"
    B, E = r"(?<!\w)", r"(?!\w)"
    SP = r"\s+"
    if data.get("no_spaces"):  # Chinese: no spaces between words; only digit-digit or Latin-Latin joins
        B, E, SP = r"(?<!\d(?=\d))(?<!\p{Latin}(?=\p{Latin}))", r"(?!(?<=\d)\d)(?!(?<=\p{Latin})\p{Latin})", r"\s*"
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
        ("date", regex.compile(rf"{B}(?:(?P<wd>{wd_i}{WD}),?[^\S\n]+)?(?P<monthname>{MON})\.?\s+(?P<day>\d{{1,2}})(?:(?i:{words('day_suffixes')}))?{E}(?:,?\s+(?P<year>{YEAR}){E})?")),
        ("date", regex.compile(rf"{B}(?:(?P<wd>{wd_i}{WD}),?[^\S\n]+)?{DPRE}(?P<day>\d{{1,2}}){SUF}\s+{LINK}(?P<monthname>{MON}){E}\.?(?:,?\s+{LINK}(?P<year>{YEAR}){E})?")),
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
        # "Friday night", "mardi soir": TimeML's part of the day (value "2020-02-28TNI")
        ("weekday", regex.compile(rf"{B}(?:(?P<last>{wd_i}(?:{last_w})){SP}|(?P<next>{wd_i}(?:{next_w})){SP})?(?P<wd>{wd_i}{WD}){E}(?:\s+(?P<pod>(?i:{POD})){E})?")),
        ("weekday", regex.compile(rf"{B}(?P<wd>{wd_i}{WD})\s+(?:(?P<last>{wd_i}(?:{last_a}))|(?P<next>{wd_i}(?:{next_a}))){E}")),
        # "the previous Friday", "the following Monday", "le vendredi précédent": counted from the date in focus
        ("weekday", regex.compile(rf"{B}(?:(?P<ana>(?i:{_alt(ana_before) or NEVER}))\s+(?P<wd>{wd_i}{WD})|(?P<wd2>{wd_i}{WD})\s+(?P<ana2>(?i:{_alt(ana_after) or NEVER}))){E}")),
        ("ago", regex.compile(rf"(?i){B}(?:{'|'.join(p.replace('NUM', NUM).replace('UNIT', UNIT) for p in data.get('ago') or [NEVER])}){E}")),
        ("year", regex.compile(rf"{B}(?i:{words('year_prefixes')})-?(?P<year>{YEAR}){NNA}(?![-–/]\d)")),
        ("year", regex.compile(rf"(?<![\d.,:/$€£-])(?P<year>{YEAR}){NNA}(?![-–/]\d)")),
    ]
    if data.get("bare_years") is False:  # a bare 4-digit number is a count ("2000人"); years need their marker
        pats = [(k, p) for k, p in pats if not (k == "year" and p.pattern.startswith("(?<![\\d.,:/"))]
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
        # not the start of a compound ("the quarter-to-quarter comparison", "the period-end rate")
        pats.insert(0, ("period", regex.compile(rf"(?i){B}(?P<pmod>{_alt(period)})\s+(?P<pw>{PW}){E}(?!-\w)(?:\s+(?P<shift>{SHIFT}){E})?")))
        # "the same month a year ago": only with the shift, as "this month" is a plain relative expression
        pats.insert(0, ("period", regex.compile(rf"(?i){B}(?P<pmod>{_alt(period)})\s+(?P<mw>{words('month_period_words')})\s+(?P<shift>{SHIFT}){E}")))
        pats.insert(0, ("period", regex.compile(rf"(?i){B}{DPRE}(?P<year>{YEAR})\s+(?P<pw>{PW}){E}")))
        pats.append(("period", regex.compile(rf"(?i){B}(?P<adj>{words('prev_year_adjectives')}){E}")))
    for p in data.get("focus_periods") or ():  # "the first nine months": no date, but no quarter in focus after it
        pats.append(("focusperiod", regex.compile(rf"(?i){B}(?:{p}){E}")))
    halves = {str(k).lower(): int(v) for k, v in (data.get("halves") or {}).items()}
    if halves:  # "the first half of 1989" -> TimeML "1989-H1"; not "the second half of the match"
        pats.insert(0, ("half", regex.compile(
            rf"(?i){B}(?:{DPRE})?(?P<h>{_alt(halves)})[-\s]+(?:{words('half_words')}){E}"
            rf"(?:\s+{LINK}(?:(?i:{words('half_year_links')})\s+)?(?P<year>{YEAR}){E}"
            rf"|(?![-\s]+(?:{words('half_not_before')}){E}))")))
    seasons = {str(w).lower(): k for k, ws in (data.get("seasons") or {}).items() for w in ws}
    mods = {str(w).lower(): k for k, ws in (data.get("mods") or {}).items() for w in ws}
    if seasons:
        SEA, MOD = _alt(seasons), _alt(mods) or NEVER
        # a bare season word ("fall") is often a verb or noun: only with a modifier, a preposition or a year
        after = rf"(?P<season>{SEA}){E}(?:\s+{LINK}(?P<year>{YEAR}){E})?"
        pats.insert(0, ("season", regex.compile(rf"(?i){B}(?:(?P<smod>{MOD})\s+{PART}|(?i:{words('part_of')})[-\s]+){after}")))
        pats.insert(0, ("season", regex.compile(rf"(?i)(?<={B}(?:{words('month_preps')})\s+){after}")))
        pats.insert(0, ("season", regex.compile(rf"(?i){B}(?P<season>{SEA})\s+{LINK}(?P<year>{YEAR}){E}")))
        alone = [str(w) for w in data.get("seasons_alone") or ()]
        if alone:  # season words that are rarely anything else ("summer"); not inside a name ("Arab Spring")
            NOT_AFTER = words("seasons_alone_not_before")
            pats.append(("season", regex.compile(
                rf"(?<!\p{{Lu}}[\w'’.-]*\s+){B}(?P<season>(?i:{_alt(alone)})){E}(?!\s+(?i:{NOT_AFTER}){E})")))
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
    nf = data.get("not_future_cues") or ()
    not_future = regex.compile(rf"(?i)(?:{_alt(nf)})(?!\w)") if nf else None
    relative = {}
    for r in data.get("relative") or ():
        relative[str(r["phrase"]).lower()] = r
    if relative:
        # not the first part of a hyphenated word ("the year-ago results", "today-style")
        pats.insert(0, ("relative", regex.compile(
            rf"(?i){B}(?P<rel>{_alt(relative)}){E}(?!-\w)(?:\s+(?P<pod>{POD}){E}(?!-\w))?")))
    refs = {str(w).lower(): k for k, ws in (data.get("refs") or {}).items() for w in ws}
    if refs:
        # not "now-cancelled"; not the start of a duration ("the past five years", "the past week")
        DUR = rf"(?!\s+(?:[\w-]+\s+)?(?:{UNIT}){E})" if units else ""
        pats.append(("ref", regex.compile(rf"(?i){B}(?:{_alt(refs)}){E}(?!-\w){DUR}")))
    if data.get("years_in_names") and cap:
        # a year inside a name: between a capitalised word (not opening the sentence, not a function word, month
        # or weekday) and another ("the Russell 2000 Index", "Kopp's 1987 Chevrolet"), or a two-digit year
        # after a product's name ("iLife '11"): a model or edition, not a time
        NOTW = _alt([*(data.get("year_name_not_after") or ()), *months, *weekdays, *(data.get("relative") and
                     [str(r["phrase"]) for r in data["relative"]] or ())]) or NEVER
        NAME = rf"(?<=[^\s.!?]\s+)(?!(?i:{NOTW})(?![\w]))\p{{Lu}}[\w'’&.-]*"
        pats.append(("nottime", regex.compile(rf"{NAME}[^\S\n]{YEAR}[^\S\n]\p{{Lu}}\w*")))
        pats.append(("nottime", regex.compile(rf"(?<=[^\s.!?]\s+)(?!(?i:{NOTW})(?![\w]))\w*\p{{Lu}}[\w'’&.-]*[^\S\n]['’]\d\d{E}")))
    if data.get("anaphoric_then"):  # "until then", "by that time": the time the text just named
        pats.append(("then", regex.compile(
            rf"(?<=(?i:{B}(?:{words('anaphoric_then_preps')}))\s+)(?i:{words('anaphoric_then')}){E}")))
    for p in data.get("generic_present") or ():  # "today's world", "today's GM": the present era, not the day
        pats.append(("genericpresent", regex.compile(rf"{B}(?:{p})")))
    if data.get("not_times"):  # phrases that contain a time word but are no time ("most recent" = latest)
        pats.append(("nottime", regex.compile(rf"(?i){B}(?:{words('not_times')}){E}")))
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
    clock_before = None
    if data.get("clock_times"):
        TZ = _alt(data.get("time_zones") or ()) or NEVER
        clock_before = regex.compile(
            rf"(?<![\w:.,])(?i:{'|'.join(f'(?:{c})' for c in data['clock_times'])})(?:,?\s+(?:{TZ}))?,?\s+"
            rf"(?:(?i:{words('clock_day_links')})\s+)?\Z")
    week_of = regex.compile(rf"(?i){B}(?:{words('week_of')})\s+\Z") if data.get("week_of") else None
    day_coord = day_coord_before = None
    if data.get("day_coordinators"):
        CO = words("day_coordinators")
        day_coord = regex.compile(rf",?\s+(?:{CO})\s+(?:the\s+)?(?P<d>[12]?\d|3[01])(?:{words('day_suffixes')})?(?![\w.,]\d|\w)(?:,?\s+(?P<year>{YEAR})(?!\w))?"
                                rf"(?=\s*(?:[,.;:!?)\"”']|$)|\s+(?i:{words('day_coord_followers')})(?!\w))")
        day_coord_before = regex.compile(rf"(?<![\w.,])(?P<d>[12]?\d|3[01])(?:{words('day_suffixes')})?\s+(?:{CO})\s+\Z")
    return LangRules(lang, months, weekdays, tuple(pats), relative, units, numbers,
                     str(data.get("date_order") or "DMY"), future, quarters, refs, seasons, mods, period, year_rel,
                     {str(k).lower(): int(v) for k, v in (data.get("period_shift") or {}).items()},
                     {k: {str(w).lower(): int(n) for w, n in (v or {}).items()} for k, v in sy.items()},
                     {**ana_before, **ana_after}, data.get("tense_parser"),
                     frozenset(str(w).lower() for w in data.get("deadline_preps") or ()), holidays,
                     {str(k).lower(): int(v) for k, v in (data.get("century_words") or {}).items()},
                     {str(k).lower(): int(v) for k, v in (data.get("decade_words") or {}).items()},
                     not_future=not_future, pods=pods, halves=halves, week_mods=bool(data.get("weekday_mods_calendar_week")),
                     title_case_names=bool(data.get("title_case_names")),
                     digit_chars={str(k): int(v) for k, v in (data.get("digit_chars") or {}).items()},
                     past_as_base=frozenset(str(w).lower() for w in data.get("past_as_base") or ()),
                     clock_before=clock_before, week_of=week_of, day_coord=day_coord, day_coord_before=day_coord_before,
                     year_link=regex.compile(rf"\s+(?:(?i:{words('date_links')})\s+)?"),
                     period_end=regex.compile(rf"(?i)\s+(?:{words('period_end_words')})\s+") if data.get("period_end_words") else None)


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def spelled_year(R: LangRules, g: dict) -> int | None:
    """The year of a spelled-out year match ("nineteen ninety-six", "two thousand and one"); None when it
    is a number rather than a year ("twenty six") or outside 1600-2099."""
    sy = R.spelled
    if g.get("k"):
        y = int(sy["thousands"][g["k"].lower()]) + (int(sy["units"][g["u3"].lower()]) if g.get("u3") else 0)
    elif g.get("u2") and int(sy["units"][g["u2"].lower()]) < 10:
        return None
    else:
        y = int(sy["centuries"][g["c"].lower()]) * 100 + int(sy["tens"].get((g.get("t") or "").lower(), 0)) \
            + int(sy["units"].get((g.get("u") or g.get("u2") or "").lower(), 0))
    return y if 1600 <= y <= 2099 else None


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
