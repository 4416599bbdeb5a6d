"""Publication date from the evidence ingest has: metadata, stand-alone date lines, "last modified",
caption dates. Null when there is no evidence; never invented."""
from __future__ import annotations

import re
from datetime import datetime, timezone
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
CONFIDENCE = {"metadata": 0.95, "date_line": 0.9, "last_modified": 0.5, "caption": 0.4}


@lru_cache(maxsize=1)
def _dateparser():
    import dateparser

    return dateparser


def parse_timestamp(value: str, languages: list[str] | None = None) -> str | None:
    """Parse an explicit timestamp to ISO 8601 (date, or datetime in UTC when a time is given)."""
    value = value.strip()
    if not value:
        return None
    if ISO.match(value):
        try:
            dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return value[:10]
        return _iso(dt, has_time="T" in value or " " in value.strip())
    settings = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"],
                "RETURN_AS_TIMEZONE_AWARE": False}
    dt = _dateparser().parse(value, languages=languages, settings=settings)
    if dt is None:
        return None
    return _iso(dt, has_time=bool(re.search(r"\d:\d\d", value)))


def _iso(dt: datetime, has_time: bool) -> str:
    if not has_time:
        return dt.date().isoformat()
    if dt.tzinfo is not None:
        dt = dt.astimezone(timezone.utc).replace(tzinfo=None)
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
    for caption in captions:
        if m := _CAPTION_DATE.search(caption):
            if value := parse_timestamp(m.group(0)):
                # the photo was taken on that day, so the article is from then or later
                return PublishedDate(value, "caption", CONFIDENCE["caption"], caption)
    return None
