"""Plain-data views of model objects for JSON output (analyze, exports)."""
from __future__ import annotations

from dataclasses import asdict
from typing import Any

from eventwire.model import AnalyzedArticle, Article, Event, Reject


def article_to_dict(a: Article, sentence_count: int | None = None) -> dict[str, Any]:
    p = a.published
    return {
        "id": a.id, "path": a.path, "record": a.record, "source": a.source, "url": a.url, "title": a.title,
        "language": a.language, "language_confidence": a.language_confidence,
        "published_at": p.value if p else None, "published_from": p.method if p else None,
        "published_confidence": p.confidence if p else None, "published_evidence": p.evidence if p else None,
        "format": a.format, "encoding": a.encoding, "fetched_at": a.fetched_at,
        "sentence_count": sentence_count, "extra": dict(a.extra),
        "removed": [asdict(b) for b in a.removed],
    }


def event_to_plover(ev: Event | dict[str, Any], article: Article | None = None) -> dict[str, Any]:
    """One event in the DESIGN export contract (PLOVER-style JSONL)."""
    d = asdict(ev) if isinstance(ev, Event) else dict(ev)
    loc = d.get("location")
    out = {
        "id": d["id"], "event_type": d["event_type"], "mode": d.get("mode"),
        "contexts": list(d.get("contexts") or []), "cameo_root": d.get("cameo_root"),
        "acled_subtype": d.get("acled_subtype"), "score": d.get("score"),
        "actor": [_actor(x) for x in d.get("actor") or []],
        "recipient": [_actor(x) for x in d.get("recipient") or []],
        "date": d.get("date"), "date_granularity": d.get("date_granularity"),
        "location": None if not loc else {
            "name": loc.get("name"), "country": loc.get("country"), "admin1": loc.get("admin1"),
            "lat": loc.get("lat"), "lon": loc.get("lon"), "geonames_id": loc.get("geonames_id"),
        },
        "size": _size(d.get("size") or {}),
        "modality": d.get("modality"), "attribution": d.get("attribution"),
        "claim_status": d.get("claim_status"), "confidence": d.get("confidence"),
        "reasons": list(d.get("reasons") or []),
        "story_id": d.get("story_id"), "mention_count": d.get("mention_count", 1),
        "source_count": d.get("source_count", 1),
        "evidence": [_evidence(e) for e in d.get("evidence") or []],
    }
    return out


def _actor(x: dict[str, Any]) -> dict[str, Any]:
    return {"text": x.get("text"), "name": x.get("name"), "country": x.get("country"),
            "sector": x.get("sector"), "wikidata": x.get("wikidata")}


def _size(s: dict[str, Any]) -> dict[str, Any]:
    out = {k: s.get(k) for k in ("dead", "injured", "arrested")}
    for k in ("dead", "injured", "arrested"):
        if s.get(f"{k}_max") is not None and s.get(f"{k}_max") != s.get(k):
            out[f"{k}_max"] = s[f"{k}_max"]
    return out


def _evidence(e: dict[str, Any]) -> dict[str, Any]:
    return {"article_id": e.get("article_id"), "path": e.get("path"), "source": e.get("source"),
            "url": e.get("url"), "language": e.get("language"), "sentence": e.get("sentence"),
            "start": e.get("start"), "end": e.get("end")}


def analyzed_to_dict(doc: AnalyzedArticle) -> dict[str, Any]:
    a = doc.article
    assert a is not None
    out = article_to_dict(a, len(doc.sentences))
    out["text"] = a.text
    out["sentences"] = [
        {"index": s.index, "start": s.start, "end": s.end, "text": a.text[s.start:s.end]} for s in doc.sentences
    ]
    out["mentions"] = [asdict(m) for m in doc.mentions]
    out["actors"] = [asdict(m) for m in doc.actors]
    out["places"] = [asdict(m) for m in doc.places]
    out["times"] = [asdict(t) for t in doc.times]
    out["events"] = [event_to_plover(e) for e in doc.events]
    out["stage_versions"] = dict(doc.stage_versions)
    return out


def reject_to_dict(r: Reject) -> dict[str, Any]:
    return {"input": r.input, "reason": r.reason, "code": r.code, "action": r.action, "stage": r.stage,
            "message": r.message, "article_id": r.article_id}
