"""Export formats. Each exporter writes records to a text stream and returns how many it wrote."""
from __future__ import annotations

import json
from collections.abc import Callable
from typing import TextIO

from eventwire.serialize import event_to_plover


def _jsonl(fh: TextIO, records) -> int:
    n = 0
    for rec in records:
        fh.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")
        n += 1
    return n


def articles_jsonl(store, fh: TextIO) -> int:
    return _jsonl(fh, store.iter_articles())


def plover_jsonl(store, fh: TextIO) -> int:
    """Canonical (merged) events when the corpus stages have run, else the per-article events."""
    from eventwire.corpus.export import canonical_records, has_corpus

    if has_corpus(store) and store.con.execute("SELECT count(*) FROM canonical_events").fetchone()[0]:
        return _jsonl(fh, canonical_records(store))
    return _jsonl(fh, (event_to_plover(ev) for ev in store.iter_events()))


def stories_jsonl(store, fh: TextIO) -> int:
    from eventwire.corpus.export import has_corpus, story_records

    return _jsonl(fh, story_records(store)) if has_corpus(store) else 0


EXPORTERS: dict[str, Callable] = {
    "articles-jsonl": articles_jsonl,
    "plover-jsonl": plover_jsonl,
    "stories-jsonl": stories_jsonl,
}


def export_to(store, fmt: str, fh: TextIO) -> int:
    return EXPORTERS[fmt](store, fh)
