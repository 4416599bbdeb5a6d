"""Documents as they enter and leave ingest: raw input, cleaned articles, sentences, rejects."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Span:
    """Half-open character span [start, end) into Article.text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def slice(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True)
class Boilerplate:
    """A piece of input text removed during cleaning, kept so nothing is silently lost."""

    kind: str  # e.g. "url_line", "caption", "navigation", "subscription", "date_line"
    text: str


@dataclass(frozen=True)
class PublishedDate:
    """A publication timestamp and how it was found (metadata, dateline, last_modified, ...)."""

    value: str  # ISO 8601 date or datetime
    method: str
    confidence: float
    evidence: str = ""


@dataclass(frozen=True)
class RawDocument:
    """One document as read from input, before cleaning.

    `body` is the text to clean; for HTML it is already the extracted main text.
    """

    path: str
    format: str  # txt, html, jsonl, warc, rss, stdin
    body: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published_hint: str | None = None  # from metadata, not yet validated
    language_hint: str | None = None
    encoding: str = "utf-8"
    record: int | None = None  # line / record number within a multi-document file
    extra: tuple[tuple[str, Any], ...] = ()  # unknown input fields, kept verbatim
    removed: tuple[Boilerplate, ...] = ()


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    id: str  # content hash of the normalised text
    path: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    format: str = "txt"
    record: int | None = None
    encoding: str = "utf-8"
    published: PublishedDate | None = None
    language: str | None = None
    language_confidence: float | None = None
    fetched_at: str | None = None
    extra: tuple[tuple[str, Any], ...] = ()
    removed: tuple[Boilerplate, ...] = ()

    @property
    def published_at(self) -> str | None:
        return self.published.value if self.published else None


@dataclass(frozen=True)
class Reject:
    """An input that could not become an article, with a stable reason code."""

    input: str  # path, with '#<record>' for a record in a multi-document file
    reason: str  # stable reason name, e.g. "empty", "binary" (see eventwire.errors)
    code: str  # stable code, e.g. "EW102"
    message: str
    stage: str = "ingest"
    article_id: str | None = None
    action: str = "rejected"  # "rejected": input dropped; "flagged": kept, with this warning
    detail: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
