"""plover-gsr task "events": event type and actor/recipient countries on the PLOVER gold standard records.

Each gold sentence runs through the real per-article stages (sentences, mentions, actors, events; the
records carry no real date, so no dates stage). The predicted type of a sentence is the type of its most
confident event ("NONE" when no event is coded). Gold labels are PLOVER 0.5 (2017); they are mapped to
current PLOVER through resources/ontology/plover.yaml legacy_types: DEMAND->REQUEST,
DISAPPROVE->ACCUSE (disapprove), FIGHT->ASSAULT, INVESTIGATE->ACCUSE (investigate).

Metrics: type_accuracy and type_macro_f1 (over the gold labels), any_event_type_accuracy (gold type
among any event coded in the sentence), coverage (sentences with >=1 event); for error analysis only:
type_f1.<TYPE> per gold type, confusion_top (most frequent gold->predicted errors) and
no_trigger_misses (gold sentences the cheap trigger pass let through to no coding at all); actor_country_accuracy /
recipient_country_accuracy: gold source/target actors with a country code (CAMEO codes mapped to ISO,
IGO/NGO/IMG left out) whose country is among the countries of the matching predicted event's actors /
recipients (the event with the gold type if coded, else the top event).
We never train on these records.
"""
from __future__ import annotations

import time
from collections import Counter
from typing import Any

from eventwire.coding.ontology import normalise_type

NON_COUNTRY = {"IGO", "NGO", "IMG", "MNC", "UNK", "***", ""}


def _countries(actors) -> set[str]:
    return {a.country for a in actors if a.country}


def _gold_countries(rec: dict[str, Any], role: str) -> list[str]:
    from eventwire.evaluation.plover_gsr import CAMEO_TO_ISO

    v = rec.get(role)
    if isinstance(v, dict):
        v = [v]
    out = []
    for a in v or []:
        if not isinstance(a, dict):
            continue
        code = (a.get("code") or "")[:3].upper()
        code = CAMEO_TO_ISO.get(code, code)
        if code not in NON_COUNTRY and len(code) == 3:
            out.append(code)
    return out


def task_events(records: list[dict[str, Any]], limit: int | None = None, details: list | None = None) -> dict[str, Any]:
    from sklearn.metrics import f1_score

    from eventwire.evaluation.plover_gsr import analyze_sentence
    from eventwire.stages.actors import ActorsStage
    from eventwire.stages.events import EventStage
    from eventwire.stages.mentions import MentionsStage
    from eventwire.stages.sentences import SentenceStage

    stages = [SentenceStage(None), MentionsStage(None), ActorsStage(None, date=None), EventStage(None)]
    gold, pred = [], []
    any_ok = covered = 0
    a_n = a_ok = r_n = r_ok = 0
    t0 = time.perf_counter()
    confusion: Counter = Counter()
    for rec in records[: limit or None]:
        g, _ = normalise_type(rec.get("event"))
        if not g or g == "NONE":
            continue
        doc = analyze_sentence(rec["text"], stages)
        evs = sorted(doc.events, key=lambda e: -e.confidence)
        p = evs[0].event_type if evs else "NONE"
        gold.append(g)
        pred.append(p)
        covered += bool(evs)
        any_ok += any(e.event_type == g for e in evs)
        if p != g:
            confusion[(g, p)] += 1
        match = next((e for e in evs if e.event_type == g), evs[0] if evs else None)
        for code in _gold_countries(rec, "source"):
            a_n += 1
            a_ok += bool(match and code in _countries(match.actor))
        for code in _gold_countries(rec, "target"):
            r_n += 1
            r_ok += bool(match and code in _countries(match.recipient))
        if details is not None:
            details.append({"id": rec["id"], "gold": g, "pred": p, "text": rec["text"],
                            "events": [(e.event_type, e.mode, [a.country for a in e.actor],
                                        [a.country for a in e.recipient], e.confidence) for e in evs]})
    n = len(gold)
    labels = sorted(set(gold))
    elapsed = time.perf_counter() - t0
    per_type = f1_score(gold, pred, labels=labels, average=None, zero_division=0) if n else []
    no_trig = 0
    if n:
        from eventwire.coding.lexicon import tokenize, trigger_matcher

        m = trigger_matcher("en")
        for rec in records[: limit or None]:
            g, _ = normalise_type(rec.get("event"))
            if g and g != "NONE" and m is not None and not any(
                    not h.label.startswith("tag:") for h in m.find(tokenize(rec["text"], "en"))):
                no_trig += 1
    report = {f"type_f1.{lab}": round(float(v), 4) for lab, v in zip(labels, per_type)}
    report["confusion_top"] = ", ".join(f"{g}->{p}:{c}" for (g, p), c in confusion.most_common(8))
    report["no_trigger_misses"] = no_trig
    return {
        "sentences": n,
        "type_accuracy": round(sum(a == b for a, b in zip(gold, pred)) / n, 4) if n else 0.0,
        "type_macro_f1": round(float(f1_score(gold, pred, labels=labels, average="macro", zero_division=0)), 4) if n else 0.0,
        "any_event_type_accuracy": round(any_ok / n, 4) if n else 0.0,
        "coverage": round(covered / n, 4) if n else 0.0,
        "actor_gold": a_n,
        "actor_country_accuracy": round(a_ok / a_n, 4) if a_n else 0.0,
        "recipient_gold": r_n,
        "recipient_country_accuracy": round(r_ok / r_n, 4) if r_n else 0.0,
        "seconds_per_sentence": round(elapsed / n, 4) if n else 0.0,
        **report,
    }
