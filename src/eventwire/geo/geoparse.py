"""Text -> resolved PlaceMentions: NER mentions and gazetteer matches, merged, then resolved together."""
from __future__ import annotations

from eventwire.geo.gazetteer import load
from eventwire.geo.resolve import resolve
from eventwire.geo.toponyms import PLACE_KINDS, _strong, from_mentions, gazetteer_matches, merge
from eventwire.model import Mention, PlaceMention

# NER kinds whose spans are not places; gazetteer matches inside them are dropped
BLOCKING_KINDS = frozenset({"PERSON", "ORG", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "DATE", "TIME"})


def spacy_mentions(text: str) -> list[Mention]:
    """English NER mentions from the shared spaCy model (used when no mentions stage ran, and in eval)."""
    from eventwire.backends.nlp import spacy_en

    doc = spacy_en()(text)
    return [Mention(e.start_char, e.end_char, e.text, e.label_, "spacy:en_core_web_sm") for e in doc.ents]


def toponyms_for(text: str, lang: str | None, mentions: list[Mention] | None = None,
                 sentences: list[tuple[int, int]] | None = None):
    G = load()
    mentions = mentions or []
    ner = from_mentions([m for m in mentions if m.kind in PLACE_KINDS], text, lang, G)
    # gazetteer names inside organisation names are places too ("Gainesville Police Department") and a
    # one-word PERSON that is a known place name is often a tagging error ("Alexandria"): there only
    # well-known places (countries, admin1, large cities) are taken; inside a multi-word person name
    # nothing is ("Jackson Smith")
    soft = [(m.start, m.end) for m in mentions
            if m.kind == "ORG" or (m.kind == "PERSON" and " " not in m.text.strip())]
    blocked = [(m.start, m.end) for m in mentions if m.kind in BLOCKING_KINDS and (m.start, m.end) not in soft]
    gaz = [t for t in gazetteer_matches(text, lang, sentences, G)
           if _strong(G, t.rows) or not any(s <= t.start and t.end <= e for s, e in soft)]
    tops = merge(ner, gaz, blocked)
    if sentences:
        for t in tops:
            if t.sentence is None:
                t.sentence = next((i for i, (s, e) in enumerate(sentences) if s <= t.start < e), None)
    return tops


def geoparse(text: str, lang: str | None, mentions: list[Mention] | None = None,
             sentences: list[tuple[int, int]] | None = None, prefer_country: str | None = None) -> list[PlaceMention]:
    return resolve(toponyms_for(text, lang, mentions, sentences), prefer_country=prefer_country, text=text)
