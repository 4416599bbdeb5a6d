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
    return _jsonl(fh, (event_to_plover(ev) for ev in store.iter_events()))


EXPORTERS: dict[str, Callable] = {
    "articles-jsonl": articles_jsonl,
    "plover-jsonl": plover_jsonl,
}


def export_to(store, fmt: str, fh: TextIO) -> int:
    return EXPORTERS[fmt](store, fh)
