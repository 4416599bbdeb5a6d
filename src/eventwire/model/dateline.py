"""A wire dateline opening a paragraph: "ANKARA, March 3 (Reuters) - ", "新华社莫斯科3月3日电"."""
from __future__ import annotations

from dataclasses import dataclass

Span = tuple[int, int]


@dataclass(frozen=True)
class Dateline:
    """One dateline, as char offsets into Article.text. `end` is where the report's own text begins
    (after the dash and spaces); the place is where the report was filed (not an actor or an event
    location); date and agency are null when the dateline has none. `reason` names the rule that
    matched ("generic", or "<lang>:<n>" for pattern n of resources/lang/<lang>/dateline.yaml)."""

    start: int
    end: int
    place: str | None = None
    place_span: Span | None = None
    date: str | None = None
    date_span: Span | None = None
    agency: str | None = None
    agency_span: Span | None = None
    reason: str = "generic"
