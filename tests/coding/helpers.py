"""Run the real per-article pipeline (all configured stages) on a short text and return its events."""
from __future__ import annotations

from functools import lru_cache

from eventwire.model import AnalyzedArticle, RawDocument


@lru_cache(maxsize=1)
def pipeline():
    from eventwire.config import load_settings
    from eventwire.pipeline.runner import Pipeline

    settings = load_settings(env={})
    return Pipeline.from_names(settings.get("run.stages"), settings, on_error="raise")


def analyze(text: str, lang: str, published: str = "2024-10-28") -> AnalyzedArticle:
    doc = pipeline().analyze(RawDocument(path=f"test-{lang}.txt", format="txt", body=text,
                                         published_hint=published, language_hint=lang))
    assert isinstance(doc, AnalyzedArticle), doc
    assert doc.article.language == lang, (doc.article.language, text)
    return doc


def events(text: str, lang: str, published: str = "2024-10-28", etype: str | None = None):
    evs = analyze(text, lang, published).events
    return [e for e in evs if etype is None or e.event_type == etype]


def countries(actors) -> set:
    return {a.country for a in actors if a.country}
