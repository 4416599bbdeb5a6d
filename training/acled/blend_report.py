"""Dev accuracy of the ACLED snippet models and their blends, on OUR dev rows only (never a benchmark):
the handwritten held-out rows (every fifth id) plus heldout.tsv's odd ids, English and per other language.

Models: `combined` (TF-IDF + e5 vector, coding/acled.py), the fine-tuned English MiniLM encoder and the
fine-tuned multilingual e5 encoder (coding/encoder.py). Blends average probabilities:
  English:  (1 - m - e) * combined + m * MiniLM + e * e5-ft
  other:    (1 - e) * combined + e * e5-ft            (MiniLM reads English only)

    OMP_NUM_THREADS=2 .venv/bin/python training/acled/blend_report.py [--json out.json]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train import handwritten, read  # noqa: E402  (the same hold-out as training)

HERE = Path(__file__).resolve().parent
E_GRID = (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 1.0)
M_GRID = (0.0, 0.25, 0.33, 0.5)


def dev_rows() -> list[dict[str, str]]:
    _, hw_held, _ = handwritten()
    odd = [r for r in read(HERE / "data" / "heldout.tsv") if int(r["id"].lstrip("h")) % 2 == 1]
    return hw_held + odd


def as_matrix(probs: list[dict[str, float]], labels: list[str]) -> np.ndarray:
    return np.array([[p.get(lab, 0.0) for lab in labels] for p in probs], dtype=np.float64)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()
    from eventwire.coding import acled, encoder

    rows = dev_rows()
    texts = [r["EventSnippet"] for r in rows]
    gold = np.array([r["SubType"] for r in rows])
    langs = np.array([r["lang"] for r in rows])
    en = langs == "en"
    t0 = time.time()
    comb = acled.predict_proba(texts, embeddings=True, encoder=False)
    t1 = time.time()
    mini = encoder.predict_proba([t for t, e in zip(texts, en) if e]) if encoder.available() else []
    t2 = time.time()
    e5 = encoder.e5_predict_proba(texts)
    t3 = time.time()
    labels = sorted(set().union(*comb, *e5, *(mini or [{}])))
    C, E = as_matrix(comb, labels), as_matrix(e5, labels)
    M = np.zeros_like(C)
    if mini:
        M[en] = as_matrix(mini, labels)
    lab = np.array(labels)

    def acc(P: np.ndarray, mask: np.ndarray) -> float:
        return round(float((lab[P[mask].argmax(1)] == gold[mask]).mean()), 4)

    out: dict = {"n": {"en": int(en.sum())}, "seconds": {"combined": round(t1 - t0), "minilm": round(t2 - t1),
                                                          "e5": round(t3 - t2)}}
    w_cur = float(acled._policy().get("encoder_weight", 0.5))
    out["en"] = {"combined": acc(C, en), f"minilm_blend_{w_cur}": acc((1 - w_cur) * C + w_cur * M, en),
                 "minilm_alone": acc(M, en), "e5ft_alone": acc(E, en), "grid(m,e)": {}}
    for m in M_GRID:
        for e in E_GRID:
            if m + e <= 1.0 + 1e-9:
                out["en"]["grid(m,e)"][f"{m},{e}"] = acc((1 - m - e) * C + m * M + e * E, en)
    other = sorted(set(langs) - {"en"})
    for lg in other + ["all_non_en"]:
        mask = langs == lg if lg != "all_non_en" else ~en
        out["n"][lg] = int(mask.sum())
        out[lg] = {"combined": acc(C, mask), "e5ft_alone": acc(E, mask),
                   "grid(e)": {str(e): acc((1 - e) * C + e * E, mask) for e in E_GRID}}
    print(json.dumps(out, indent=1))
    if args.json:
        args.json.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
