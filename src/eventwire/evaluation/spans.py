"""Span matching shared by the span-level scorers (TIMEX, toponyms)."""
from __future__ import annotations


def match_spans(gold: list[dict], pred: list) -> list[tuple[int, int]]:
    """Greedy one-to-one matching: each gold span (dict with start/end) takes the unused predicted
    span (object with .start/.end) that overlaps it most. Returns (gold index, predicted index) pairs."""
    pairs, used = [], set()
    for gi, g in enumerate(gold):
        best = None
        for pi, p in enumerate(pred):
            if pi in used or not (p.start < g["end"] and g["start"] < p.end):
                continue
            ov = min(p.end, g["end"]) - max(p.start, g["start"])
            if best is None or ov > best[0]:
                best = (ov, pi)
        if best:
            used.add(best[1])
            pairs.append((gi, best[1]))
    return pairs
