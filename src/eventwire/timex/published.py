"""Publication date from the article text when ingest found no metadata / date line / last-modified:

1. a dateline opening the text: "ANKARA, March 3, 2020 (Reuters) - ...", "MOSCOW, Feb 21 —" (a dateline
   without a year takes it from the caption lower bound when there is one; otherwise it is not used);
2. a lower bound (a caption date, else the latest full date the text gives) combined with the weekdays
   the text uses for recent events: news names days of the past week by weekday, so publication is the
   earliest day on or after the bound on which every such weekday has already occurred
   (caption Wed 26 Feb + "agreed Friday" -> Fri 28 Feb).
Otherwise None: a bound alone is not a publication date.
"""
from __future__ import annotations

from datetime import date, timedelta

from eventwire.ingest.pubdate import CONFIDENCE
from eventwire.model import PublishedDate
from eventwire.timex import Resolver, _to_date, _year_for, extract


def dateline_date(text: str, lang: str | None, not_before: date | None, datelines=None) -> tuple[str, str] | None:
    """The day the article's own dateline gives (eventwire.ingest.dateline finds it; `datelines` are the
    ones published@1 already found), with the dateline as evidence."""
    from eventwire.ingest.dateline import detect, lead

    dl = lead(detect(text, lang) if datelines is None else datelines, text)
    if dl is None or not dl.date:
        return None
    rest = dl.date
    for f in extract(rest, lang):
        if f.kind not in ("date", "iso", "numeric"):
            continue
        g = f.groups
        if g.get("year"):
            v, gran, _, _ = Resolver(rest, lang, None).resolve(f)
        elif not_before is not None:
            v, gran, _, _ = Resolver(rest, lang, not_before).resolve(f)
            d = _to_date(v)
            if d is not None and d < not_before:  # a dateline cannot precede the photo
                d2 = _safe_year(d, d.year + 1)
                v = d2.isoformat() if d2 else None
        else:
            continue
        if v and gran == "day":
            return v, text[dl.start:dl.end].strip()
    return None


def _safe_year(d: date, y: int) -> date | None:
    try:
        return d.replace(year=y)
    except ValueError:
        return None


def _weekday_refs(text: str, lang: str | None) -> list[tuple[int, str]]:
    out = []
    for f in extract(text, lang):
        if f.kind == "weekday" and not f.groups.get("next") and not f.groups.get("last"):
            from eventwire.timex import rules

            out.append((rules(lang).weekdays[f.groups["wd"].lower()], f.groups["wd"]))
    return out


def _text_dates(text: str, lang: str | None, extra_year: int | None) -> list[tuple[date, str]]:
    """Day-level dates the text states with a year, or with a weekday that fixes the year within the
    window of years the article mentions."""
    found = extract(text, lang)
    years = [int(f.groups["year"]) for f in found if f.kind == "year"] + ([extra_year] if extra_year else [])
    window = (min(years) - 1, max(years) + 3) if years else None
    res = Resolver(text, lang, None, window)
    out = []
    for f in found:
        if f.kind in ("date", "iso", "numeric") and (f.groups.get("year") or f.groups.get("wd")):
            v, gran, _, _ = res.resolve(f)
            d = _to_date(v) if v and gran == "day" else None
            if d is not None:  # "XXXX-MM-DD" (year unknown) is no evidence of a publication day
                out.append((d, text[f.start:f.end]))
    return out


LEDE_SENTENCES = 3


def _caption_weekday_year(text: str, lang: str | None, captions: list[str],
                          sentences: list[tuple[int, int]] | None) -> tuple[date, str] | None:
    """A caption dated by day and month only ("met in Ankara on Sept. 28") with the lede reporting that
    meeting by weekday ("visited Turkey on Thursday"): if the caption's day falls on a weekday the lede
    (first three sentences: standfirst and lead, where news puts the main event the photo shows) uses in
    exactly one year of the window of years the text mentions, that is the day."""
    found = extract(text, lang)
    lede_end = sentences[min(LEDE_SENTENCES, len(sentences)) - 1][1] if sentences else len(text)
    years = [int(f.groups["year"]) for f in found if f.kind == "year"]
    if not years:
        return None
    lo, hi = min(years) - 1, max(years) + 3
    wds = {wd for wd, _ in _weekday_refs(text[:lede_end], lang)}
    if not wds:
        return None
    from eventwire.timex import _safe, rules

    fits = set()
    for cap in captions:
        for f in extract(cap, lang):
            if f.kind != "date" or f.groups.get("year") or "monthname" not in f.groups:
                continue
            month = rules(lang).months.get(f.groups["monthname"].lower().rstrip("."))
            day = int(f.groups["day"])
            for y in range(lo, hi + 1):
                d = _safe(y, month, day) if month else None
                if d is not None and d.weekday() in wds:
                    fits.add((d, cap[f.start:f.end]))
    if len(fits) == 1:
        d, expr = fits.pop()
        return d, f"caption date {expr!r} falls on a weekday the text reports only in {d.year} (years {lo}-{hi})"
    return None


def infer_from_text(text: str, lang: str | None, not_before: str | None = None,
                    sentences: list[tuple[int, int]] | None = None,
                    captions: list[str] | None = None, datelines=None) -> PublishedDate | None:
    nb = _to_date(not_before)
    dl = dateline_date(text, lang, nb, datelines)
    if dl:
        return PublishedDate(dl[0], "dateline", CONFIDENCE["dateline"], dl[1])
    dated = _text_dates(text, lang, nb.year if nb else None)
    latest = max(dated) if dated else None
    if latest and (nb is None or latest[0] > nb):
        # the text reports a later day than any caption: published on or after it; weekdays in the
        # text then name days of the week before it, so they cannot move the estimate
        return PublishedDate(latest[0].isoformat(), "text_date", CONFIDENCE["text_date"],
                             f"latest dated day the text reports: {latest[1]!r} (a lower bound)")
    if nb is None:
        cw = _caption_weekday_year(text, lang, captions or [], sentences)
        if cw:
            return PublishedDate(cw[0].isoformat(), "caption_weekday_year", CONFIDENCE["caption_weekday_year"],
                                 cw[1] + "; published on or after it")
        return None
    refs = _weekday_refs(text, lang)
    if not refs:
        return None
    est = nb
    words = []
    for wd, word in refs:
        d = nb + timedelta(days=(wd - nb.weekday()) % 7)
        words.append(f"{word!r} -> {d.isoformat()}")
        est = max(est, d)
    return PublishedDate(est.isoformat(), "caption_weekday", CONFIDENCE["caption_weekday"],
                         f"caption date {nb.isoformat()} is a lower bound; the weekdays the text uses fall on "
                         f"or after it: {', '.join(sorted(set(words)))}")


__all__ = ["dateline_date", "infer_from_text", "_year_for"]
