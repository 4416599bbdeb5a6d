"""sentences@1: sentence spans into Article.text, split by the article's language."""
from __future__ import annotations

from eventwire.backends.sentences import split_sentences
from eventwire.model import AnalyzedArticle, Sentence
from eventwire.pipeline.stage import BaseStage, register


@register
class SentenceStage(BaseStage):
    name = "sentences@1"
    requires = frozenset({"article", "language"})
    provides = frozenset({"sentences"})

    def process(self, doc: AnalyzedArticle) -> None:
        spans = split_sentences(doc.article.text, doc.article.language)
        doc.sentences = [Sentence(i, s, e) for i, (s, e) in enumerate(spans)]
