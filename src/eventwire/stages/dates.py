"""dates@1: time expressions resolved against the publication date (or the last explicit date the text
moved to). The publication date itself, when ingest found none, is inferred earlier by published@1.

Rules live in eventwire.timex and resources/lang/<code>/dates.yaml."""
from __future__ import annotations

from eventwire.model import AnalyzedArticle
from eventwire.pipeline.stage import BaseStage, register


@register
class DatesStage(BaseStage):
    name = "dates@1"
    requires = frozenset({"sentences"})
    provides = frozenset({"times"})

    def process(self, doc: AnalyzedArticle) -> None:
        from eventwire.timex import find_times

        art = doc.article
        sents = [(s.start, s.end) for s in doc.sentences]
        # reuse the article's parse from the mentions stage (English) for the tense of each date's clause
        doc.times = find_times(art.text, art.language, art.published_at, sents, doc.notes.get("spacy"))
