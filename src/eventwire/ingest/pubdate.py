"""Publication date from the evidence ingest has: metadata, stand-alone date lines, "last modified".
Null when there is no evidence; never invented.

A photo caption's date ("..., Syria, February 26, 2020. /Reuters") is only a lower bound: the photo was
taken on or before publication, often days before (article 000's caption is Wed 26 Feb; the story ran
Fri 28 Feb). Using it as the publication date would shift every weekday in the text ("agreed Friday"
would become 21 Feb), so it never sets published_at here; `caption_bound()` exposes it and the dates
stage (eventwire.timex.published) combines it with the text's weekdays or its dateline."""
from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

from eventwire.model import PublishedDate

ISO = re.compile(r"^\d{4}-\d{2}-\d{2}")
# A full date inside a photo caption: "..., February 26, 2020. /Reuters"
_CAPTION_DATE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2},\s+\d{4}\b"
)

# method -> confidence: metadata is what the publisher declared; a date line at the top is the
# page's own stamp; last-modified can be much later than publication; a caption date is when the
# photo was taken, usually a day or two before.
CONFIDENCE = {"metadata": 0.95, "date_line": 0.9, "dateline": 0.85, "last_modified": 0.5,
              "caption_weekday": 0.55, "text_date": 0.35,
              "caption_weekday_year": 0.3}


@lru_cache(maxsize=1)
def _dateparser():
    import dateparser

    return dateparser


def parse_timestamp(value: str, languages: list[str] | None = None) -> str | None:
    """Parse an explicit timestamp to ISO 8601 (date, or datetime in UTC when a time is given)."""
    from eventwire.ingest.clean import ascii_digits

    value = ascii_digits(value).strip()
    if not value:
        return None
    if ISO.match(value):
        try:
            dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return value[:10]
        return _iso(dt, has_time="T" in value or " " in value.strip())
    # Numeric dates are day-first ("05.11.2024", "27/10/2024") unless the first number can't be a day.
    m = re.match(r"\s*(\d{1,2})[./-](\d{1,2})[./-]\d{4}", value)
    order = "MDY" if m and int(m.group(2)) > 12 else "DMY"
    settings = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"],
                "RETURN_AS_TIMEZONE_AWARE": False, "DATE_ORDER": order}
    dt = None
    for candidate in _variants(value):
        dt = _dateparser().parse(candidate, languages=languages, settings=settings)
        if dt is not None:
            value = candidate
            break
    if dt is None:
        return None
    return _iso(dt, has_time=bool(re.search(r"\d[:h]\d\d", value)))


def _variants(value: str):
    """The line as given, then without parentheses, label words or trailing time-zone words:
    "Publié le 24/02/2025 à 17h36", "20 de enero de 2025, 21:30 (hora de Bogotá)",
    "12 فبراير 2025 | 09:30 بتوقيت غرينتش"."""
    yield value
    no_parens = re.sub(r"\([^)]*\)", " ", value).strip()
    if no_parens != value:
        yield no_parens
    head = re.split(r"\s[|\-–—]\s|\|", no_parens)[0].strip()
    if head != no_parens and re.search(r"\d{4}", head):
        yield head
    first_digit = re.search(r"\d", no_parens)
    if first_digit and first_digit.start() > 0:
        # drop a leading label ("Publié le", "Published:", "Обновлено") but keep a month name
        # that comes before the day ("Oct 28, 2020") -- those parse in the first attempt
        yield no_parens[first_digit.start():]


def _iso(dt: datetime, has_time: bool) -> str:
    if not has_time:
        return dt.date().isoformat()
    # Keep the outlet's local wall-clock time: converting to UTC can move the local calendar day,
    # and relative dates in the text ("on Friday") count from the local day.
    dt = dt.replace(tzinfo=None)
    return dt.replace(microsecond=0).isoformat()


def find_published(
    *,
    metadata: str | None,
    date_lines: list[str],
    last_modified: str | None,
    captions: list[str],
) -> PublishedDate | None:
    if metadata and (value := parse_timestamp(metadata)):
        return PublishedDate(value, "metadata", CONFIDENCE["metadata"], metadata)
    for line in date_lines:
        if value := parse_timestamp(line):
            return PublishedDate(value, "date_line", CONFIDENCE["date_line"], line)
    if last_modified and (value := parse_timestamp(last_modified)):
        return PublishedDate(value, "last_modified", CONFIDENCE["last_modified"], last_modified)
    # captions only bound the date from below: see caption_bound() and the module docstring
    return None


def caption_bound(captions: list[str]) -> str | None:
    """The latest full date in photo captions: the article was published on or after it."""
    best = None
    for caption in captions:
        for m in _CAPTION_DATE.finditer(caption):
            value = parse_timestamp(m.group(0))
            if value and (best is None or value > best):
                best = value[:10]
    return best
