"""places@1: toponyms resolved to gazetteer places, with the reason for every choice.

Toponyms come from the mentions stage (GPE/LOC/FAC) and from our own gazetteer matching over the text
(so languages without NER still get places); unresolved toponyms are kept with place=None and a reason.
Resolution and the event-location helper live in eventwire.geo."""
from __future__ import annotations

from eventwire.model import AnalyzedArticle
from eventwire.pipeline.stage import BaseStage, register


@register
class PlacesStage(BaseStage):
    name = "places@1"
    requires = frozenset({"mentions"})
    provides = frozenset({"places"})

    def process(self, doc: AnalyzedArticle) -> None:
        from eventwire.geo.geoparse import geoparse

        art = doc.article
        sents = [(s.start, s.end) for s in doc.sentences]
        doc.places = geoparse(art.text, art.language, list(doc.mentions), sents)
