"""Run the real per-article stages up to actors on a text (shared by the per-language actor tests)."""
from __future__ import annotations

from eventwire.model import AnalyzedArticle, Article, PublishedDate, RawDocument


def analyze(text: str, lang: str, date: str | None = None) -> AnalyzedArticle:
    from eventwire.stages.actors import ActorsStage
    from eventwire.stages.mentions import MentionsStage
    from eventwire.stages.sentences import SentenceStage

    doc = AnalyzedArticle(raw=RawDocument(path="t.txt", format="txt", body=text))
    pub = PublishedDate(value=date, method="test", confidence=1.0) if date else None
    doc.article = Article(id="t", path="t.txt", text=text, language=lang, language_confidence=1.0, published=pub)
    doc.provided |= {"raw", "article", "language"}
    for st in (SentenceStage(None), MentionsStage(None), ActorsStage(None)):
        st.process(doc)
        doc.provided |= set(st.provides)
    return doc


def actors(text: str, lang: str, date: str | None = None) -> dict[str, tuple]:
    """{span text: (country, sector, wikidata)} for quick assertions."""
    return {a.text: (a.country, a.sector, a.wikidata) for a in analyze(text, lang, date).actors}


def find(doc_or_text, needle: str, lang: str | None = None, date: str | None = None):
    doc = analyze(doc_or_text, lang, date) if isinstance(doc_or_text, str) else doc_or_text
    hits = [a for a in doc.actors if needle in a.text]
    assert hits, f"no actor containing {needle!r}: {[(a.text, a.country, a.sector) for a in doc.actors]}"
    return hits[0]
