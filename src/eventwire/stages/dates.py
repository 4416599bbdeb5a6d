"""dates@1: time expressions resolved against the publication date (or the last explicit date the text
moved to), plus a publication-date repair from text evidence when ingest found none.

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
        from eventwire.timex.published import infer_from_text

        art = doc.article
        sents = [(s.start, s.end) for s in doc.sentences]
        if art.published is None:
            captions = [b.text for b in art.removed if b.kind == "caption"]
            found = infer_from_text(art.text, art.language, not_before=_not_before(art), sentences=sents,
                                    captions=captions)
            if found is not None:
                doc.update_article(published=found)
                art = doc.article
        doc.times = find_times(art.text, art.language, art.published_at, sents)


def _not_before(art) -> str | None:
    """A lower bound on publication from ingest's caption dates (kept on the article's removed captions)."""
    from eventwire.ingest.pubdate import caption_bound

    return caption_bound([b.text for b in art.removed if b.kind == "caption"])
