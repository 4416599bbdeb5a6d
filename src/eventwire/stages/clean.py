"""clean@1: RawDocument -> Article (cleaned text, title, url, source, publication date, content-hash id)."""
from __future__ import annotations

import hashlib
from datetime import datetime, timezone

from eventwire.errors import NoText
from eventwire.ingest.clean import clean_text, normalise_for_hash
from eventwire.ingest.pubdate import find_published
from eventwire.ingest.readers import domain_of
from eventwire.model import AnalyzedArticle, Article
from eventwire.pipeline.stage import BaseStage, register


def content_id(text: str) -> str:
    return hashlib.blake2b(normalise_for_hash(text).encode("utf-8"), digest_size=10).hexdigest()


@register
class CleanStage(BaseStage):
    name = "clean@1"
    requires = frozenset({"raw"})
    provides = frozenset({"article"})

    def process(self, doc: AnalyzedArticle) -> None:
        raw = doc.raw
        plain = raw.format == "txt" or (raw.format == "jsonl" and raw.title is None)
        cleaned = clean_text(raw.body, title=raw.title, url=raw.url, plain=plain)
        min_chars = self.settings.get("ingest.min_chars") if self.settings else 40
        if len(cleaned.text.strip()) < min_chars:
            raise NoText(f"only {len(cleaned.text.strip())} characters of text after cleaning (min {min_chars})")
        published = find_published(
            metadata=raw.published_hint, date_lines=cleaned.date_lines,
            last_modified=cleaned.last_modified, captions=cleaned.captions,
        )
        url = cleaned.url
        doc.article = Article(
            id=content_id(cleaned.text), path=raw.path, text=cleaned.text, title=cleaned.title,
            url=url, source=raw.source or domain_of(url), format=raw.format, record=raw.record,
            encoding=raw.encoding, published=published, language=None,
            fetched_at=datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
            extra=raw.extra, removed=tuple(raw.removed) + tuple(cleaned.removed),
        )
