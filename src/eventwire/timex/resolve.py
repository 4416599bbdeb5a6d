"""Resolution: a found expression's value against the anchor date, the text's focus (last explicit day,
month, quarter, year) and the direction of its clause (forward cues, tense)."""
from __future__ import annotations

import calendar
from datetime import date, timedelta

import regex

from eventwire.model import TimeRef
from eventwire.timex.patterns import _hol_key, _roman, _safe, holiday_date, rules, spelled_year
from eventwire.timex.scan import Found, extract
from eventwire.timex.tense import clause_tense, cue_in_scope, past_perfect, sentence_bounds


def _to_date(s: str | None) -> date | None:
    if not s:
        return None
    try:
        return date.fromisoformat(s[:10])
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
_ISO_DAY = regex.compile(r"\d{4}-\d{2}-\d{2}")


def _quarter_end(y: int, q: int) -> date:
    return date(y + (q == 4), (3 * q) % 12 + 1, 1) - timedelta(days=1)


class Resolver:
    def __init__(self, text: str, lang: str | None, anchor: date | None, window: tuple[int, int] | None = None,
                 parsed=None, found: list[Found] | None = None):
        self.text = text
        self.found_at = {f.start: f for f in found or ()}  # all expressions of the text, by start
        self.found_end = {f.end: f for f in found or ()}
        # the text's spaCy Doc, when an earlier stage made one (a cheap check that it is of this text)
        self.parsed = parsed if parsed is not None and len(parsed) and \
            parsed[-1].idx + len(parsed[-1].text_with_ws) == len(text) and parsed[0].idx == 0 else None
        self.R = rules(lang)
        self.pub = anchor
        self.last: date | None = None
        self.window = window
        self.focus_q: tuple[int, int] | None = None  # the quarter the text last named explicitly
        self.focus_q_over: tuple[int, int] | None = None  # the last quarter named that was over by the anchor
        self.focus_year: int | None = None  # the year the text last named explicitly
        self.focus_m: tuple[int, int] | None = None  # the month (year, month) the text last named
        self.focus_last = "q"  # which of focus_q / focus_m was named last
        self.q_end: dict[tuple[int, int], date] = {}  # quarters the text says end on a day ("ended Aug. 26")
        self.prev: tuple[str, str] | None = None  # the last calendar value resolved (for "until then")

    def _future(self, f: Found) -> bool:
        """A forward-looking cue governing the expression: where the language has a parser, a cue anywhere
        in the sentence whose scope covers it (timex/tense.py); else one in the few words before it."""
        if self.R.future is None:
            return False
        if self.R.tense_parser:
            s, e = sentence_bounds(self.text, f.start, f.end)
            cues = [m.span() for m in self.R.future.finditer(self.text, s, e)
                    if (m.end() <= f.start or m.start() >= f.end) and not self._not_cue(m.start())]
            if not cues:
                return False
            scoped = cue_in_scope(self.text, f.start, f.end, cues, self.R.tense_parser, self.parsed)
            if scoped is not None:
                return scoped
        lo = max(0, f.start - 50)
        before = self.text[lo:f.start]
        cut = regex.split(r"(?<!(?:^|[.\s])\w)[.!?;]|\n", before)[-1]  # "a.m.", "U.S." do not end the clause
        lo += len(before) - len(cut)
        return any(not self._not_cue(lo + m.start()) for m in self.R.future.finditer(cut))

    def _not_cue(self, pos: int) -> bool:
        """A cue word that is part of a phrase with another sense ("next to the embassy")."""
        return bool(self.R.not_future and self.R.not_future.match(self.text, pos))

    def _direction(self, f: Found, present_is_future: bool = False) -> tuple[bool, bool, str]:
        """(forward, backward, why): a forward-looking word before the expression, else the tense of the
        clause it sits in (where the language has a parser)."""
        if self._future(f):
            if past_perfect(self.text, f.start, f.end, self.R.tense_parser, self.parsed):
                return False, True, " (past perfect despite a forward-looking word)"
            return True, False, " (forward-looking)"
        t = clause_tense(self.text, f.start, f.end, self.R.tense_parser, self.R.deadline_preps, self.parsed,
                         self.R.past_as_base)
        fut = t == "future" or (present_is_future and t == "present")
        return fut, t == "past", f" ({t} tense)" if t else ""

    def time_of_day(self, f: Found) -> str | None:
        """The clock time ("09:00") joined to a day expression, else None. (A part of the day stays in the
        reason: the corpora give "Friday night" the day's value about as often as "...TNI".)"""
        return f.groups.get("clock")

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
            return self._period(g, pub, f)
        if k == "then":  # "until then", "by that time": the time the text named last
            if self.prev is None:
                return None, None, None, "anaphoric 'then' with no time named before it"
            return self.prev[0], self.prev[1], None, f"the time named last ({self.prev[0]})"
        if k == "genericpresent":
            return "PRESENT_REF", "ref", None, "the present era, not the day (dates.yaml generic_present): TimeML PRESENT_REF"
        if k == "nottime":
            return None, None, None, "drop: not a time expression (dates.yaml not_times)"
        if k == "focusperiod":  # a span of months: "a year earlier" after it is no longer the quarter's
            self.focus_q = None
            return None, None, None, "drop: a span of months (a duration), not a date"
        if k == "half":
            n = self.R.halves[g["h"].lower()]
            if g.get("year"):
                y, used, why = int(g["year"]), None, "explicit half-year and year"
                self.focus_year = y
            elif pub is None:
                return None, None, None, "half-year without year and no anchor date"
            else:  # as for a quarter: the year that puts its middle nearest the anchor, the past preferred
                y, used, why = _year_for(6 * n - 2, 1, pub), pub, "half-year nearest the anchor"
            self.focus_q = None
            return f"{y:04d}-H{n}", "half", used, why
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
            end = self._period_end(f)
            if g.get("year") or g.get("year2"):
                y, used, why = int(g.get("year") or g["year2"]), None, "explicit quarter and year"
                self.focus_year = y
            elif end is not None:  # "the fourth quarter ended Aug. 26": the year it ends in (fiscal years too)
                y, used, why = end.year, None, f"quarter ending {end.isoformat()}"
                self.q_end[(y, q)] = end
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
                if pub is not None and self.q_end.get((y, q), _quarter_end(y, q)) < pub:
                    self.focus_q_over = (y, q)
            return f"{y:04d}-Q{q}", "quarter", used, why
        if k == "spelledyear":
            y = spelled_year(self.R, g)
            if y is None:
                return None, None, None, "drop: a number, not a year ('twenty six')"
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
            if self.R.week_mods and (g.get("last") or g.get("next")):  # "上周五": Friday of the previous week
                n = -1 if g.get("last") else 1
                d = pub - timedelta(days=pub.weekday()) + timedelta(days=7 * n + wd)
                self.last = d
                return d.isoformat(), "day", pub, f"that weekday of the {'previous' if n < 0 else 'next'} calendar week"
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
            if pod := self.R.pods.get((g.get("pod") or "").lower()):
                why += f"; part of day {pod}"
            return d.isoformat(), "day", pub, why
        if k in ("dayshift", "weekof"):  # "the day before |last Tuesday", "the week of |Nov. 15"
            v, gran, used, why = self.resolve(g["inner"])
            d = _to_date(v) if gran == "day" and v and v[:1].isdigit() else None
            if d is None:
                return None, None, None, f"composed expression: its day did not resolve ({why})"
            inner = self.text[g["inner"].start:g["inner"].end]
            if k == "weekof":
                y, w, _ = d.isocalendar()
                return f"{y:04d}-W{w:02d}", "week", used, f"the ISO week of {inner!r} = {d.isoformat()} ({why})"
            n = int(self.R.relative[g["rel"].lower()].get("n", 0))
            self.last = d + timedelta(days=n)
            return self.last.isoformat(), "day", used, f"{n:+d} day from {inner!r} = {d.isoformat()} ({why})"
        if k == "relative":
            r = self.R.relative[g["rel"].lower()]
            if r.get("event_prep") and self.last and (m := regex.search(r"(\S),[^\S\n]*$", self.text[:f.start])) \
                    and self.found_end.get(m.end(1)) is not None and regex.match(r"[^\S\n]+\p{L}", self.text[f.end:]):
                # "Nov. 3, the day before police issued a warrant": in apposition to the date just named, and
                # "before" takes an event: that date itself
                return self.last.isoformat(), "day", None, "in apposition to the date before it (the day before an event)"
            pod = r.get("pod") or self.R.pods.get((g.get("pod") or "").lower())
            if pod and r["op"] == "day":  # "this morning", "yesterday evening": a date, the value stays the day
                v, gran, used, why = self._relative(r, pub)
                return v, gran, used, why + f"; part of day {pod}"
            return self._relative(r, pub)
        if k == "ago":
            if pub is None:
                return None, None, None, "'ago' without an anchor date"
            unit = self.R.units.get((g.get("unit") or "").lower())
            if g.get("vague") and unit:  # "several years ago": some unstated time before the anchor
                return "PAST_REF", "ref", None, "an unstated amount of time before the anchor: TimeML PAST_REF"
            n = self._num(g.get("n"))
            if n is None or unit is None:
                return None, None, None, "unreadable 'ago' expression"
            if unit == "decade":  # "a decade ago": the year ten years back
                n, unit = 10 * n, "year"
            return self._offset(unit, -n, pub, f"{n} {unit}(s) before the publication date", track=False)
        return None, None, None, f"unhandled {k}"

    def _relative(self, r: dict, pub: date | None):
        """A fixed relative phrase (dates.yaml `relative`) against its base: the focus or the anchor."""
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

    def _holiday(self, f: Found):
        """A named day: its date in the explicit year, else in the year the month rule would pick (the most
        recent one in a past-tense clause, the next one after a forward-looking cue, else the nearest)."""
        g, pub = f.groups, self.pub
        h = self.R.holidays[_hol_key(g["hol"])]
        name = g["hol"] + (f" [{h['note']}]" if h.get("note") else "")  # "[US]": whose holiday is assumed
        if h.get("rule") == "lunar":
            return None, None, None, f"{name}: lunar-calendar date, not computed (no offline converter)"
        if h.get("rule") == "named":  # "Black Monday": the name of an event's day, not the last Monday
            return None, None, None, f"{name}: a day named after an event; its date is not known here"
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

    def _period_end(self, f: Found) -> date | None:
        """The day a period is said to end on, right after it ("the quarter ended Sept. 30"), else None."""
        m = self.R.period_end.match(self.text, f.end) if self.R.period_end else None
        nf = self.found_at.get(m.end()) if m else None
        if nf is None or nf.kind not in ("date", "iso", "numeric", "relative"):
            return None
        state = (self.last, self.focus_q, self.focus_year, self.focus_m, self.focus_last)
        v, gran, _, _ = self.resolve(nf)  # resolved again in its turn: keep the focus as it was
        self.last, self.focus_q, self.focus_year, self.focus_m, self.focus_last = state
        return _to_date(v) if gran == "day" and v and v[:1].isdigit() else None

    def _period(self, g: dict, pub: date | None, f: Found | None = None):
        """"The quarter", "the year-ago period", "the 1988 quarter", "year-earlier": the quarter in focus,
        shifted as the modifier says; only a current-period modifier resolves without a focus. "The quarter
        ended Sept. 30": the calendar quarter holding most of the three months up to that day."""
        kind = self.R.period.get((g.get("pmod") or "").lower())
        if f is not None and g.get("pw") and kind in ("focus", "current", "latest") and (end := self._period_end(f)):
            mid = end - timedelta(days=45)
            y, q = mid.year, (mid.month - 1) // 3 + 1
            self.focus_q, self.focus_last = (y, q), "q"
            self.q_end[(y, q)] = end
            return f"{y:04d}-Q{q}", "quarter", None, f"the quarter ending {end.isoformat()}"
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
        if kind == "latest" and pub is not None:  # the most recent quarter already over at the anchor
            if self.focus_q and self.q_end.get(self.focus_q, _quarter_end(*self.focus_q)) < pub:
                y, q = self.focus_q
                return f"{y:04d}-Q{q}", "quarter", None, f"the quarter in focus ({y}-Q{q}), over by the anchor"
            k = pub.year * 4 + (pub.month - 1) // 3 - 1
            self.focus_q, self.focus_last = (k // 4, k % 4 + 1), "q"
            return f"{k // 4:04d}-Q{k % 4 + 1}", "quarter", pub, "the last quarter over by the anchor"
        if kind == "current":
            if pub is None:
                return None, None, None, "drop: current quarter without an anchor"
            q = (pub.month - 1) // 3 + 1
            return f"{pub.year:04d}-Q{q}", "quarter", pub, "the quarter containing the anchor"
        if self.focus_q is None:
            if g.get("year"):  # "the 1988 period" with no quarter named: some period of that year
                return f"{int(g['year']):04d}", "year", None, "explicit year; no quarter in focus"
            return None, None, None, "drop: no quarter in focus"
        y, q = self.focus_q
        if g.get("year"):
            return f"{int(g['year']):04d}-Q{q}", "quarter", None, f"explicit year; quarter in focus (Q{q})"
        which = "in focus"
        if pub is not None and f is not None and self.focus_q_over and self.focus_q_over != self.focus_q \
                and date(y, 3 * q - 2, 1) > pub and self._direction(f)[1]:
            # "losses through the third quarter of 1990 ... In the year-ago period, it earned": a past-tense
            # report compares the last quarter named that is over, not one still to come
            (y, q), which = self.focus_q_over, "last named that is over by the anchor"
        y0 = y
        y += {"prev_year": -1, "next_year": 1}.get(kind or "", 0)
        return f"{y:04d}-Q{q}", "quarter", None, f"the quarter {which} ({y0}-Q{q}), {kind}"

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
    res = Resolver(text, lang, _to_date(anchor), _year_window(text, found), parsed, found)
    out = []
    for f in found:
        value, gran, used, reason = res.resolve(f)
        if value is None and reason.startswith("drop:"):
            continue  # an anaphoric period with nothing to refer to: not reported at all
        if value and gran in ("day", "month", "year", "week", "quarter", "half") and value[:1].isdigit():
            res.prev = (value, gran)
        if gran == "day" and value and _ISO_DAY.fullmatch(value) and (tod := res.time_of_day(f)):
            value += "T" + tod  # TimeML "2021-11-05T09:00"; concrete() keeps the day
            reason += f"; clock time {tod}"
        sent = None
        if sentences:
            sent = next((i for i, (s, e) in enumerate(sentences) if s <= f.start < e), None)
        out.append(TimeRef(f.start, f.end, text[f.start:f.end], value, gran,
                           used.isoformat() if used else None, f"{f.kind}: {reason}", sent))
    return out
