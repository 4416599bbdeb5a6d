"""events@1: coded events (PLOVER type, mode, contexts, CAMEO root, ACLED sub-type, score, actors,
recipients, date, place, size, modality, attribution, claim status, confidence, reasons, evidence).

Requires only sentences; uses actors, places and times when those stages ran (doc.provided), the spaCy
parse in doc.notes["spacy"] for English when present. Heavy work lives in eventwire.coding (lazy).
"""
from __future__ import annotations

from eventwire.model import AnalyzedArticle
from eventwire.pipeline.stage import BaseStage, register


@register
class EventStage(BaseStage):
    name = "events@1"
    requires = frozenset({"sentences"})
    provides = frozenset({"events"})

    def process(self, doc: AnalyzedArticle) -> None:
        from eventwire.coding.coder import code_article

        doc.events = code_article(doc)
