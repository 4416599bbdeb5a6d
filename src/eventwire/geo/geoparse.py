"""Text -> resolved PlaceMentions: NER mentions and gazetteer matches, merged, then resolved together."""
from __future__ import annotations

import re

from eventwire.geo.gazetteer import load
from eventwire.geo.resolve import resolve
from eventwire.geo.toponyms import (PLACE_KINDS, cues, _strong, adjectival_matches, from_mentions, gazetteer_matches,
                                    merge, plural_head_matches)
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
    # an unresolvable "place" that the article elsewhere names as a person ("Farrin, 43, was arrested" next
    # to "John Farrin") is a tagging error: one name, one label per article
    person_words = {w for m in mentions if m.kind == "PERSON" for w in m.text.split()}
    ner = [t for t in ner if t.rows or t.text not in person_words]
    # gazetteer names inside organisation names are places too ("Gainesville Police Department") and a
    # one-word PERSON that is a known place name is often a tagging error ("Alexandria"): there
    # well-known places (countries, admin1, large cities) are taken, and a smaller place only when it
    # leads the organisation's name (a locative modifier: "Torrington Police", "Laurel County Schools")
    # or is the whole span (a mis-tagged place); inside a multi-word person name nothing is ("Jackson
    # Smith") unless the whole span is a county ("Anderson County" tagged PERSON)
    raw = gazetteer_matches(text, lang, sentences, G)
    county = {(t.start, t.end) for t in raw if any(G.is_admin2(r) for r in t.rows)}
    soft = [(m.start, m.end) for m in mentions
            if m.kind == "ORG" or (m.kind == "PERSON" and " " not in m.text.strip())]
    blocked = [(m.start, m.end) for m in mentions if m.kind in BLOCKING_KINDS and (m.start, m.end) not in soft
               and not (m.kind == "PERSON" and (m.start, m.end) in county)]
    orgs = {(m.start, m.end) for m in mentions if m.kind == "ORG"}
    org_starts = {s for s, _ in orgs}

    def _keep(t) -> bool:
        inside = [(s, e) for s, e in soft if s <= t.start and t.end <= e]
        if not inside or _strong(G, t.rows):
            return True
        return all(span in orgs for span in inside) and ((t.start, t.end) in orgs or t.start in org_starts)

    gaz = [t for t in raw if _keep(t)]
    # demonyms ("Russian", "Syrians"): NORP spans and untagged text; not inside names of people,
    # organisations or works ("Turkish Airlines" names a company, not a place). A demonym outranks a
    # small place of the same spelling (an alternate name of a village), not a well-known one.
    named = [(m.start, m.end) for m in mentions if m.kind in BLOCKING_KINDS and m.kind != "NORP"]
    tops = merge(ner, [t for t in gaz if _strong(G, t.rows)], blocked)
    tops = merge(tops, adjectival_matches(text, lang, G), named)
    tops = merge(tops, [t for t in gaz if not _strong(G, t.rows)], blocked)
    tops = _drop_person_names(text, lang, tops, mentions, G)
    # "Clay and Becker counties": each name is a county, whatever else matched there
    tops = merge(plural_head_matches(text, lang, G), tops)
    if sentences:
        for t in tops:
            if t.sentence is None:
                t.sentence = next((i for i, (s, e) in enumerate(sentences) if s <= t.start < e), None)
    return tops


def _famous(G, rows) -> bool:
    """Places that are often the subject of a reporting verb by metonymy ("Moscow said", "Georgia says")."""
    return any(G.is_country(r) or G.feature(r)[1] == "PPLC" or G.pop[r] >= 1_000_000 for r in rows)


def _drop_person_names(text: str, lang: str | None, tops: list, mentions: list[Mention], G) -> list:
    """One name, one sense per article: a one-word toponym whose word is used as a person's name in the
    article (a word of a multi-word PERSON mention: "Jeff Hamilton ... Hamilton will appear"; or the word
    directly before or after a reporting verb: "Becker said", "said Nelson") is that person, unless it
    names a country, capital or very large place."""
    cue = cues(lang)
    verbs = {v for v in cue.speech if " " not in v}
    names: set[str] = set()
    for m in mentions:
        if m.kind == "PERSON" and " " in m.text.strip():
            names.update(w.strip(".,") for w in m.text.split()[1:])
    toks = list(_WORD.finditer(text))
    words = [m.group(0) for m in toks]
    where = cue.locative | {"of"}
    for i, w in enumerate(words):
        if w not in verbs:
            continue
        # "Becker said" (not "officials in Hartford said"), "said Nelson"; only across a space
        if i and text[toks[i - 1].end():toks[i].start()].isspace() and (i < 2 or words[i - 2] not in where):
            names.add(words[i - 1])
        if i + 1 < len(words) and text[toks[i].end():toks[i + 1].start()].isspace():
            names.add(words[i + 1])
    names = {re.sub(r"[’']s$", "", n) for n in names if n[:1].isupper()}

    def _word(t) -> str:
        return re.sub(r"[’']s$", "", t.text)

    return [t for t in tops if t.kind != "toponym" or " " in t.text or _word(t) not in names
            or _famous(G, t.rows)]


_WORD = re.compile(r"\w[\w’'-]*")


def geoparse(text: str, lang: str | None, mentions: list[Mention] | None = None,
             sentences: list[tuple[int, int]] | None = None, prefer_country: str | None = None) -> list[PlaceMention]:
    return resolve(toponyms_for(text, lang, mentions, sentences), prefer_country=prefer_country, text=text, lang=lang)
