"""Where an event happened (not where it was announced).

For a sentence, candidate places are the resolved places in it. A place is demoted when it is attached
to a reporting act: preceded by a speech cue and a locative preposition ("told journalists in Brussels",
"said in Moscow", "press conference in Ankara"), or directly followed by a speech verb (a capital used as
a metonym: "Ankara said"). Among the rest the most specific wins (populated place / camp / admin1 before
a country), nearest the trigger when one is given. With nothing usable in the sentence, the article's main
place (the most mentioned resolved non-country place, else country) is returned with lower confidence.
Adjectival mentions ("Russian forces", "Syrians") are never used: they say who, not where.
Cues are per-language data (resources/lang/<code>/places.yaml: speech, locative).
"""
from __future__ import annotations

from collections import Counter

import regex

from eventwire.geo.toponyms import cues
from eventwire.model import Place, PlaceMention

SPECIFICITY = {"S": 0, "P": 1, "T": 2, "L": 3, "A": 3}


def _specificity(p: Place) -> int:
    if p.feature_code == "PCLI":
        return 6
    if p.feature_code in ("CONT",):
        return 8
    if p.feature_code == "ADM1":
        return 4
    return SPECIFICITY.get(p.feature_class or "", 5)


def is_speech_attached(text: str, pm: PlaceMention, lang: str | None, window: int = 60) -> str | None:
    """The cue that ties this place to a statement rather than an event, or None."""
    c = cues(lang)
    before = text[max(0, pm.start - window):pm.start]
    after = text[pm.end:pm.end + 25]
    low_before = before.lower()
    loc = "|".join(regex.escape(w) for w in sorted(c.locative, key=len, reverse=True)) or r"\x00"
    if regex.search(rf"(?:^|\W)(?:{loc})\s*(?:the\s+)?$", low_before):
        for cue in c.speech:
            if regex.search(rf"(?<!\w){regex.escape(cue.lower())}(?!\w)", low_before):
                return f"announced there ({cue!r} ... {pm.text})"
    first_after = after.lower()
    for cue in c.speech:
        if regex.match(rf"\W{{0,3}}\s*(?:has\s+|had\s+|have\s+)?{regex.escape(cue.lower())}(?!\w)", first_after):
            return f"speaker metonym ({pm.text} {cue})"
    return None


def main_place(places: list[PlaceMention]) -> tuple[PlaceMention | None, str]:
    resolved = [p for p in places if p.place is not None and p.kind != "adjectival"]
    if not resolved:
        return None, "no resolved place in the article"
    local = [p for p in resolved if p.place.feature_code not in ("PCLI", "CONT")]
    pool = local or resolved
    counts = Counter((p.place.geonames_id, p.place.name) for p in pool)
    (gid, name), n = counts.most_common(1)[0]
    first = next(p for p in pool if (p.place.geonames_id, p.place.name) == (gid, name))
    return first, f"article's most mentioned place {name!r} ({n}x)"


def event_place(doc, sentence_index: int, trigger: tuple[int, int] | None = None
                ) -> tuple[Place | None, float, str]:
    """(place, confidence, reason) for an event described in sentence `sentence_index`."""
    text = doc.article.text
    lang = doc.article.language
    # adjectivals ("Russian forces") name who, not where: never an event place
    in_sent = [p for p in doc.places if p.sentence == sentence_index and p.place is not None
               and p.kind != "adjectival"]
    usable, demoted = [], []
    for p in in_sent:
        why = is_speech_attached(text, p, lang)
        (demoted if why else usable).append((p, why))
    if usable:
        def key(item):
            p, _ = item
            dist = abs(p.start - trigger[0]) if trigger else 0
            return (_specificity(p.place), dist, p.start)

        best, _ = min(usable, key=key)
        conf = round(0.85 * best.confidence + 0.1, 2)
        note = f"; ignored {', '.join(repr(d.text) + ' (' + w + ')' for d, w in demoted)}" if demoted else ""
        return best.place, conf, f"place in the event sentence: {best.text!r}{note}"
    mp, why = main_place(doc.places)
    if mp is not None:
        note = f"; sentence places were reporting locations: {', '.join(w for _, w in demoted)}" if demoted else ""
        return mp.place, round(0.5 * mp.confidence, 2), f"no event place in the sentence; {why}{note}"
    return None, 0.0, "no place found"
