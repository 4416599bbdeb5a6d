"""Which resolved values can date an event, and the event date of a sentence."""
from __future__ import annotations

from datetime import date, timedelta

import regex

from eventwire.model import TimeRef


GRAN_RANK = {"day": 0, "range": 1, "month": 2, "year": 3}
_CONCRETE = regex.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?(?:/\d{4}(?:-\d{2}(?:-\d{2})?)?)?$")


def concrete(t: TimeRef) -> tuple[str, str] | None:
    """(value, granularity) usable as an event date: ISO dates, months, years and ranges; ISO weeks,
    quarters, halves (and weekends) as day ranges. None for references (PRESENT_REF), seasons, decades and year-less "XXXX-"."""
    v, g = t.value, t.granularity
    if not v:
        return None
    if g == "day" and len(v) > 10 and v[10] == "T":  # a time of day ("2021-11-02TNI", "...T09:00"): the day
        v = v[:10]
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
    if g == "half" and (m := regex.match(r"^(\d{4})-H([12])$", v)):
        y, h = int(m[1]), int(m[2])
        return (f"{y:04d}-01-01/{y:04d}-06-30" if h == 1 else f"{y:04d}-07-01/{y:04d}-12-31"), "range"
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
