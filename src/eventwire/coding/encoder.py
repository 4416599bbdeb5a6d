"""Fine-tuned sentence-encoder classifier for English ACLED snippets, run in numpy.

The model is all-MiniLM-L6-v2 (6-layer BERT, 384-d, mean pooling) with a linear head, fine-tuned on our
own ACLED-style snippets by training/acled/finetune.py (torch is needed to train, not to run). The
artefact resources/models/acled_encoder.npz keeps the base checkpoint's parameter names: word embeddings
int8 with a scale per row, other matrices float16; they are widened to float32 once at load.
English only (MiniLM's WordPiece vocabulary is English): `supports(lang)` says so, and callers keep the
TF-IDF + e5 model for every other language.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from eventwire.resources import root

MODEL_NAME = "acled_encoder.npz"
META_NAME = "acled_encoder.meta.json"
TOKENIZER_NAME = "acled_encoder.tokenizer.json"
LANGS = frozenset({"en"})


@dataclass(frozen=True)
class EncoderModel:
    params: dict[str, np.ndarray]
    labels: tuple[str, ...]
    config: dict
    max_len: int
    tokenizer: object  # tokenizers.Tokenizer


def supports(lang: str | None) -> bool:
    return lang in LANGS


def available() -> bool:
    d = root() / "models"
    return all((d / n).exists() for n in (MODEL_NAME, META_NAME, TOKENIZER_NAME))


@lru_cache(maxsize=1)
def load() -> EncoderModel | None:
    """The fitted encoder, or None if the artefact is not built."""
    if not available():
        return None
    from tokenizers import Tokenizer

    d = root() / "models"
    meta = json.loads((d / META_NAME).read_text(encoding="utf-8"))
    raw = np.load(d / MODEL_NAME)
    params: dict[str, np.ndarray] = {}
    for key in raw.files:
        if key == "labels":
            continue
        if key.endswith(".int8"):
            base = key[:-5]
            params[base] = raw[key].astype(np.float32) * raw[base + ".scale"]
        elif not key.endswith(".scale"):
            params[key] = raw[key].astype(np.float32)
    tok = Tokenizer.from_file(str(d / TOKENIZER_NAME))
    tok.enable_truncation(meta["max_len"])
    tok.no_padding()
    return EncoderModel(params, tuple(str(x) for x in raw["labels"]), meta["config"], meta["max_len"], tok)


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + np.float32(eps)) * w + b


def _gelu(x: np.ndarray) -> np.ndarray:
    from scipy.special import erf

    return 0.5 * x * (1.0 + erf(x * np.float32(1 / np.sqrt(2.0))))  # float32 throughout (a float64 constant doubles the cost)


def _dense(x: np.ndarray, p: dict[str, np.ndarray], name: str) -> np.ndarray:
    w = p[name + ".weight"]
    # one 2-D GEMM over every token (a 3-D @ 2-D product runs one small GEMM per row)
    return (x.reshape(-1, x.shape[-1]) @ w.T + p[name + ".bias"]).reshape(*x.shape[:-1], w.shape[0])


def hidden_states(p: dict[str, np.ndarray], cfg: dict, words: np.ndarray, mask: np.ndarray,
                  position_offset: int = 0) -> np.ndarray:
    """(B, T, H) last hidden states of a BERT-style encoder in eval mode (HF parameter names in `p`), for
    word vectors already looked up (`words`, (B, T, H)) and their attention mask. `position_offset`: the
    first position row (XLM-R models start at 2). Shared with training/acled/e5_weights.py."""
    H, heads, eps = cfg["hidden_size"], cfg["num_attention_heads"], cfg["layer_norm_eps"]
    B, T, _ = words.shape
    x = (words + p["embeddings.position_embeddings.weight"][position_offset:position_offset + T]
         + p["embeddings.token_type_embeddings.weight"][0])
    x = _layer_norm(x, p["embeddings.LayerNorm.weight"], p["embeddings.LayerNorm.bias"], eps)
    bias = ((1.0 - mask[:, None, None, :]) * -1e9).astype(np.float32)
    # contiguous per-head blocks: numpy's stacked matmul falls back to a slow loop on strided views
    split = lambda t: np.ascontiguousarray(t.reshape(B, T, heads, H // heads).transpose(0, 2, 1, 3))  # noqa: E731
    for i in range(cfg["num_hidden_layers"]):
        pre = f"encoder.layer.{i}."
        q = split(_dense(x, p, pre + "attention.self.query"))
        k = split(_dense(x, p, pre + "attention.self.key"))
        v = split(_dense(x, p, pre + "attention.self.value"))
        att = q @ np.ascontiguousarray(k.transpose(0, 1, 3, 2)) / np.float32(np.sqrt(H // heads)) + bias
        att = np.exp(att - att.max(-1, keepdims=True))
        att /= att.sum(-1, keepdims=True)
        ctx = (att @ v).transpose(0, 2, 1, 3).reshape(B, T, H)
        x = _layer_norm(x + _dense(ctx, p, pre + "attention.output.dense"),
                        p[pre + "attention.output.LayerNorm.weight"], p[pre + "attention.output.LayerNorm.bias"], eps)
        up = _gelu(_dense(x, p, pre + "intermediate.dense"))
        x = _layer_norm(x + _dense(up, p, pre + "output.dense"),
                        p[pre + "output.LayerNorm.weight"], p[pre + "output.LayerNorm.bias"], eps)
    return x


def logits(model: EncoderModel, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """(batch, labels) scores for padded token ids and their attention mask (the eval-mode forward pass of
    finetune.py's Encoder: mean pooling over the tokens, then the linear head)."""
    p = model.params
    x = hidden_states(p, model.config, p["embeddings.word_embeddings.weight"][ids], mask)
    m = mask[..., None].astype(np.float32)
    pooled = (x * m).sum(1) / np.maximum(m.sum(1), 1.0)
    return pooled @ p["head.weight"].T + p["head.bias"]


def predict_proba(texts: list[str], batch: int = 8) -> list[dict[str, float]]:
    """Label probabilities per snippet ({} for every snippet when the artefact is not built). Snippets are
    batched by length, so padding costs little; each row's result does not depend on its batch-mates
    beyond float rounding. BLAS runs one thread here: the many small per-head matmuls lose far more to
    thread hand-offs than they gain, badly so on a busy machine. Measured on 200 of our 40-word snippets,
    idle machine: 20-28 ms per snippet with batches of 8, 26 ms with batches of 32."""
    model = load()
    if model is None or not texts:
        return [{} for _ in texts]
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1, user_api="blas"):
        return _predict(model, texts, batch)


def pad(seqs: list[list[int]], pad_id: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Right-padded token ids (int64) and their attention mask (float32) for one batch. Shared with
    training/acled/finetune.py and e5_weights.py."""
    T = max(len(x) for x in seqs)
    arr = np.full((len(seqs), T), pad_id, dtype=np.int64)
    mask = np.zeros((len(seqs), T), dtype=np.float32)
    for r, x in enumerate(seqs):
        arr[r, :len(x)] = x
        mask[r, :len(x)] = 1.0
    return arr, mask


def _predict(model: EncoderModel, texts: list[str], batch: int) -> list[dict[str, float]]:
    ids = [e.ids for e in model.tokenizer.encode_batch(list(texts))]
    order = sorted(range(len(ids)), key=lambda j: len(ids[j]))
    out = np.zeros((len(ids), len(model.labels)), dtype=np.float32)
    for s in range(0, len(order), batch):
        idx = order[s:s + batch]
        arr, mask = pad([ids[j] for j in idx])
        z = logits(model, arr, mask)
        z = np.exp(z - z.max(1, keepdims=True))
        out[idx] = z / z.sum(1, keepdims=True)
    return [dict(zip(model.labels, map(float, row))) for row in out]
