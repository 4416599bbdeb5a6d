"""ACLED sub-event type classifier (CASE 2021 Task 2 label names, resources/ontology/acled.yaml).

A small text classifier (word 1-2-gram + char 2-5-gram TF-IDF, logistic regression) over a snippet,
trained on our own ACLED-style sentences by training/acled/train.py (artefact models/acled.pkl.gz with
its data hash, seed and held-out metrics in models/acled.meta.json). Two uses:
- `predict` / `predict_proba`: snippet-level sub-type over all 25 labels incl. OTHER (eval acled);
- `refine`: in the event coder, choose the sub-type of a violent/protest event among the sub-types its
  PLOVER type allows (acled.yaml `classifier:`), falling back to the acled.yaml rules when the model is
  unsure or missing. The reason string says which one decided.
"""
from __future__ import annotations

import gzip
import json
import pickle
from functools import lru_cache
from typing import Any

from eventwire.coding.ontology import acled as acled_onto
from eventwire.resources import root

MODEL_NAME = "acled.pkl.gz"
META_NAME = "acled.meta.json"


@lru_cache(maxsize=1)
def load_model() -> Any | None:
    """The fitted sklearn pipeline (predict_proba over sub-type labels), or None if not built."""
    path = root() / "models" / MODEL_NAME
    if not path.exists():
        return None
    with gzip.open(path, "rb") as fh:
        return pickle.load(fh)


def model_meta() -> dict[str, Any]:
    path = root() / "models" / META_NAME
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def predict_proba(texts: list[str]) -> list[dict[str, float]]:
    model = load_model()
    if model is None or not texts:
        return [{} for _ in texts]
    probs = model.predict_proba(list(texts))
    labels = list(model.classes_)
    return [dict(zip(labels, map(float, row))) for row in probs]


def predict(texts: list[str]) -> list[str | None]:
    """Most probable sub-type per snippet (None if the model is not built)."""
    return [max(p, key=p.get) if p else None for p in predict_proba(texts)]


def _policy() -> dict[str, Any]:
    return acled_onto().get("classifier", {})


def refine(text: str, etype: str, rule_sub: str | None, rule_reason: str | None) -> tuple[str | None, str | None]:
    """(sub-type, reason) for an event of PLOVER type `etype` found in sentence `text`.

    The classifier picks among the sub-types allowed for the type; it overrides the rule result when its
    probability reaches `min_p`, and assigns one where no rule fired only when it reaches `min_p_new`
    (OTHER or a disallowed label means "no sub-type"). Otherwise the rule result stands."""
    pol = _policy()
    allowed = pol.get("types", {}).get(etype)
    if not allowed:
        return rule_sub, rule_reason
    probs = predict_proba([text])[0]
    if not probs:
        return rule_sub, rule_reason
    best = max(probs, key=probs.get)
    p = probs[best]
    if best not in allowed or best == "OTHER":
        if rule_sub is None or p >= pol.get("min_p_veto", 1.1):
            return None, None
        return rule_sub, rule_reason
    need = pol.get("min_p", 0.4) if rule_sub is not None else pol.get("min_p_new", 0.6)
    if p >= need:
        why = f"acled classifier p={p:.2f}"
        if rule_sub and rule_sub != best:
            why += f", over {rule_reason} ({rule_sub})"
        return best, why
    return rule_sub, rule_reason
