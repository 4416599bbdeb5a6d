"""actors@1: mentions -> ActorMention (country ISO3 or IGO code, sector, Wikidata QID), date-aware.

Knowledge-base alias matches are composed into noun phrases and resolved as of the article's
publication date (eventwire.kb.resolve); spaCy / underthesea PERSON and ORG spans that the KB does
not know are kept with the country and sector their title gives, or resolved to a person named
earlier in the article ("Erdogan" after "Recep Tayyip Erdogan").
"""
from __future__ import annotations

from eventwire.model import AnalyzedArticle
from eventwire.pipeline.stage import BaseStage, register
from eventwire.stages.mentions import sentence_locator

NER_SOURCES = ("spacy:", "underthesea")


@register
class ActorsStage(BaseStage):
    name = "actors@1"
    requires = frozenset({"mentions"})
    provides = frozenset({"actors"})

    def __init__(self, settings=None, date: str | None = None) -> None:
        super().__init__(settings)
        self.date = date  # overrides the article's publication date (evaluation, back-filling)

    def process(self, doc: AnalyzedArticle) -> None:
        from eventwire.kb import load_kb
        from eventwire.ingest.dateline import for_article, place_spans
        from eventwire.kb.resolve import PERSON_KINDS, PLACE_KINDS, Atom, Composer, Context, atoms_from_matches

        kb = load_kb()
        a = doc.article
        text, lang = a.text, a.language
        day = self.date or doc.notes.get("as_of") or a.published_at
        at = sentence_locator(doc)
        matches = doc.notes.get("kb_matches")
        if matches is None:  # mentions came from elsewhere: re-match the alias mentions
            matches = [m for m in kb.find(text, lang)]
        atoms = atoms_from_matches(matches, at)
        taken = [(x.start, x.end) for x in atoms]
        for m in doc.mentions:
            if not m.produced_by.startswith(NER_SOURCES) or m.kind not in ("PERSON", "ORG"):
                continue
            inside = [x for x in atoms if m.start <= x.start and x.end <= m.end]
            if m.kind == "PERSON" and any(x.kind in ("person", "person_short") for x in inside):
                # widen a KB name match to the full NER name ("Recep Tayyip Erdogan")
                for x in inside:
                    if x.kind in ("person", "person_short"):
                        x.start, x.end, x.text = m.start, m.end, m.text
                continue
            if m.kind == "ORG" and inside and all(x.kind in PLACE_KINDS for x in inside) and (
                    m.start < min(x.start for x in inside) or m.end > max(x.end for x in inside)):
                # "The Washington Post", "Ankara University": a named organisation, not the place's government
                for x in inside:
                    atoms.remove(x)
                atoms.append(Atom(m.start, m.end, m.text, "ner_org", inside[0].entries, m.sentence, m.produced_by))
                taken = [(x.start, x.end) for x in atoms]
                continue
            if any(s < m.end and m.start < e for s, e in taken):
                continue
            atoms.append(Atom(m.start, m.end, m.text, "ner_person" if m.kind == "PERSON" else "ner_org",
                              (), m.sentence, m.produced_by))
        dl = place_spans(for_article(doc))
        if dl:  # the dateline's place is where the report was filed, not an actor
            atoms = [x for x in atoms if x.kind in PERSON_KINDS + ("ner_person",)
                     or not any(s <= x.start and x.end <= e for s, e in dl)]
        # drop atoms swallowed by a widened name
        atoms.sort(key=lambda x: (x.start, -(x.end - x.start)))
        kept = []
        for x in atoms:
            if kept and x.start < kept[-1].end:
                continue
            kept.append(x)
        composer = Composer(kb, lang, day)
        doc.actors = composer.resolve(text, kept, Context())
