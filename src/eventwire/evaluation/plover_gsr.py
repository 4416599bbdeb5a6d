"""PLOVER gold standard records (PLOVER_GSR_CAMEO.txt, JSON): per-task scorers.

`evaluate(data=None, task=None, limit=None)` runs one task, or every task in TASKS when task is None,
and returns a flat dict of "<task>.<metric>" -> number. Add a task by adding a function to TASKS
taking (records, limit) and returning {metric: number}.

Task "actors": each gold sentence goes through the real per-article stages (sentences, mentions,
actors). The records' date field is a placeholder (all 2000-01-01, see PROVENANCE.md), so actors are
resolved without a date (a person's country and sector come from the offices they held).
For each gold actor ({actorText, code, sector} in 'source' and 'target'):
  - its span is actorText located in the sentence (case-insensitive; "A ... B" spans A..B);
  - covered: some predicted ActorMention overlaps the span;
  - country correct: some overlapping prediction has the gold country. CAMEO codes that differ
    from ISO 3166 are mapped (JAP->JPN, ITL->ITA, VTN->VNM); gold IGO/NGO match a prediction whose
    code is an international organisation in the KB (UN, NATO, EU, ICRC, ...); IMG (international
    militarised group) matches a KB armed group without a country.
  - sector correct: over gold actors with a sector (first three letters, '***' excluded), some
    overlapping prediction has that sector.
country_accuracy and sector_accuracy count every gold actor (a miss is wrong); *_given_covered
count only covered ones; coverage is covered / all. Unlocatable actorTexts are reported apart.
"""
from __future__ import annotations

import json
import re
import time
from collections import Counter
from pathlib import Path
from typing import Any, Callable

from eventwire.evaluation import bench_root, require

CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
ORG_CODES = ("IGO", "NGO")
SECTOR_FIX = {"CIV": "CVL"}


def default_path() -> Path:
    return bench_root() / "plover-gsr" / "PLOVER_GSR_CAMEO.txt"


def load_records(data: Path | None = None) -> list[dict[str, Any]]:
    path = require(Path(data) if data else default_path())
    if path.is_dir():
        path = require(path / "PLOVER_GSR_CAMEO.txt")
    with path.open(encoding="utf-8") as fh:
        records = json.load(fh)
    return [r for r in records if r.get("event") != "DOCUMENT" and r.get("text")]


def gold_actors(rec: dict[str, Any]) -> list[dict[str, Any]]:
    out, seen = [], set()
    for role in ("source", "target"):
        v = rec.get(role)
        if isinstance(v, dict):
            v = [v]
        if not isinstance(v, list):
            continue
        for a in v:
            if not isinstance(a, dict) or not a.get("actorText") or not a.get("code"):
                continue
            key = (a["actorText"].strip(), a["code"])
            if key in seen:
                continue
            seen.add(key)
            out.append(a)
    return out


def locate(text: str, actor_text: str) -> tuple[int, int] | None:
    t0 = " ".join(actor_text.split()).strip()
    for flags in (0, re.IGNORECASE):  # whole words, exact case first ("US" is not in "pushing")
        m = re.search(r"(?<!\w)" + re.escape(t0) + r"(?!\w)", text, flags)
        if m:
            return m.start(), m.end()
    low = text.lower()
    t = t0.lower()
    i = low.find(t)
    if i >= 0:
        return i, i + len(t)
    parts = [p.strip() for p in re.split(r"\.\.+", t) if p.strip()]
    if len(parts) > 1:
        i = low.find(parts[0])
        j = low.find(parts[-1], i + 1 if i >= 0 else 0)
        if i >= 0 and j >= 0:
            return i, j + len(parts[-1])
    return None


def analyze_sentence(text: str, stages) -> Any:
    from eventwire.model import AnalyzedArticle, Article, RawDocument

    doc = AnalyzedArticle(raw=RawDocument(path="plover-gsr", format="txt", body=text))
    doc.article = Article(id="gsr", path="plover-gsr", text=text, language="en", language_confidence=1.0)
    doc.provided |= {"raw", "article", "language"}
    for st in stages:
        st.process(doc)
        doc.provided |= set(st.provides)
    doc.notes.clear()
    return doc


def _country_ok(gold_code: str, pred, kb) -> bool:
    code = CAMEO_TO_ISO.get(gold_code, gold_code)
    if code in ORG_CODES:
        actor = kb.actors.get(pred.actor_id)
        kind = actor["kind"] if actor else None
        return kind in ("igo", "ngo") or (pred.country is not None and _is_org_code(pred.country, kb))
    if code == "IMG":
        actor = kb.actors.get(pred.actor_id)
        return bool(actor and actor["kind"] == "group" and actor["country"] is None)
    return pred.country == code


_ORG_CODES_CACHE: set[str] | None = None


def _is_org_code(code: str, kb) -> bool:
    global _ORG_CODES_CACHE
    if _ORG_CODES_CACHE is None:
        _ORG_CODES_CACHE = {a["country"] for a in kb.actors.values() if a["kind"] in ("igo", "ngo") and a["country"]}
    return code in _ORG_CODES_CACHE


def task_actors(records: list[dict[str, Any]], limit: int | None = None, details: list | None = None) -> dict[str, Any]:
    from eventwire.kb import load_kb
    from eventwire.stages.actors import ActorsStage
    from eventwire.stages.mentions import MentionsStage
    from eventwire.stages.sentences import SentenceStage

    kb = load_kb()
    stages = [SentenceStage(None), MentionsStage(None), ActorsStage(None, date=None)]
    n = covered = country_ok = sector_n = sector_ok = sector_cov = unlocated = 0
    sentences = 0
    t0 = time.perf_counter()
    misses: Counter = Counter()
    for rec in records[: limit or None]:
        golds = gold_actors(rec)
        if not golds:
            continue
        sentences += 1
        doc = analyze_sentence(rec["text"], stages)
        for g in golds:
            n += 1
            span = locate(rec["text"], g["actorText"])
            if span is None:
                unlocated += 1
                misses["unlocated"] += 1
                if details is not None:
                    details.append({"id": rec["id"], "gold": g, "status": "unlocated"})
                continue
            s, e = span
            preds = [p for p in doc.actors if p.start < e and s < p.end]
            sec = (g.get("sector") or "")[:3].upper()
            sec = SECTOR_FIX.get(sec, sec)
            has_sector = bool(sec) and sec != "***"
            if has_sector:
                sector_n += 1
            if not preds:
                misses["no_prediction"] += 1
                if details is not None:
                    details.append({"id": rec["id"], "gold": g, "status": "no_prediction"})
                continue
            covered += 1
            c_ok = any(_country_ok(g["code"], p, kb) for p in preds)
            country_ok += c_ok
            if not c_ok:
                misses["wrong_country"] += 1
            if has_sector:
                sector_cov += 1
                s_ok = any(p.sector == sec for p in preds)
                sector_ok += s_ok
            if details is not None:
                details.append({"id": rec["id"], "gold": g, "status": "ok" if c_ok else "wrong_country",
                                "pred": [(p.text, p.country, p.sector, p.reason) for p in preds]})
    elapsed = time.perf_counter() - t0
    return {
        "sentences": sentences,
        "gold_actors": n,
        "coverage": round(covered / n, 4) if n else 0.0,
        "country_accuracy": round(country_ok / n, 4) if n else 0.0,
        "country_accuracy_given_covered": round(country_ok / covered, 4) if covered else 0.0,
        "sector_gold_actors": sector_n,
        "sector_accuracy": round(sector_ok / sector_n, 4) if sector_n else 0.0,
        "sector_accuracy_given_covered": round(sector_ok / sector_cov, 4) if sector_cov else 0.0,
        "unlocated_actor_text": unlocated,
        "misses_no_prediction": misses["no_prediction"],
        "misses_wrong_country": misses["wrong_country"],
        "seconds_per_sentence": round(elapsed / sentences, 4) if sentences else 0.0,
    }


def task_events(records: list[dict[str, Any]], limit: int | None = None, details: list | None = None) -> dict[str, Any]:
    """Event type macro-F1/accuracy and actor/recipient countries (evaluation/plover_events.py)."""
    from eventwire.evaluation.plover_events import task_events as run

    return run(records, limit, details)


TASKS: dict[str, Callable[..., dict[str, Any]]] = {"actors": task_actors, "events": task_events}


def evaluate(data: Path | None = None, task: str | None = None, limit: int | None = None) -> dict[str, Any]:
    records = load_records(data)
    names = [task] if task else list(TASKS)
    out: dict[str, Any] = {}
    for name in names:
        if name not in TASKS:
            raise ValueError(f"unknown plover-gsr task {name!r}; known: {sorted(TASKS)}")
        for k, v in TASKS[name](records, limit).items():
            out[f"{name}.{k}"] = v
    return out
