"""published@1: a publication date inferred from the text (dateline, weekday/date consistency, caption
bounds) when ingest found none. Runs right after sentences@1 so later stages (office holders in actors@1,
time anchoring in dates@1) all see the same date.

Rules live in eventwire.timex.published and resources/lang/<code>/dates.yaml; datelines are found by
eventwire.ingest.dateline (resources/lang/<code>/dateline.yaml) and kept in doc.notes for later stages."""
from __future__ import annotations

from eventwire.model import AnalyzedArticle
from eventwire.pipeline.stage import BaseStage, register


@register
class PublishedStage(BaseStage):
    name = "published@1"
    requires = frozenset({"sentences"})
    provides = frozenset({"published"})

    def process(self, doc: AnalyzedArticle) -> None:
        from eventwire.ingest.dateline import for_article
        from eventwire.ingest.pubdate import caption_bound
        from eventwire.timex.published import infer_from_text

        art = doc.article
        datelines = for_article(doc)  # once per article: actors@1 and event coding reuse them
        if art.published is not None:
            return
        sents = [(s.start, s.end) for s in doc.sentences]
        captions = [b.text for b in art.removed if b.kind == "caption"]
        found = infer_from_text(art.text, art.language, not_before=caption_bound(captions), sentences=sents,
                                captions=captions, datelines=datelines)
        if found is not None:
            doc.update_article(published=found)

