"""Protest severity (src/eventwire/coding/protest.py) measured on OUR OWN held-out rows: data/heldout.tsv (odd
ids "dev", even ids "test") and the held-out rows of data/handwritten_*.tsv (id number divisible by 5, never
fitted by train.py; counted as dev). On the protest-family rows (the four protest sub-types and MOB_VIOL):
coverage and accuracy of protest_label alone, per split and language group; and the classifier
(acled.predict_proba, embeddings + encoder) with structure=False vs structure=True, plus the protest hook
alone (acled.read_protests on the structure=False probabilities, whatever acled.yaml `protest_structure`
says). The same classifier figures over all held-out rows (accuracy, weighted F1) show harm elsewhere.

    OMP_NUM_THREADS=2 .venv/bin/python training/acled/protest_report.py [--errors] [--no-classifier]
"""
from __future__ import annotations

from eventwire.coding.protest import LABELS, protest_label, protest_reading

FAMILY = frozenset(LABELS) | {"MOB_VIOL"}


def _our_rows() -> list[dict[str, str]]:
    """Every held-out row of data/heldout.tsv and data/handwritten_*.tsv, with its split."""
    import csv
    import re
    from pathlib import Path

    data = Path(__file__).resolve().parent / "data"
    out = []
    for p in sorted(data.glob("handwritten_*.tsv")) + [data / "heldout.tsv"]:
        with p.open(encoding="utf-8") as f:
            for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                num = int(re.search(r"\d+$", r["id"]).group())
                if p.name == "heldout.tsv":
                    split = "dev" if num % 2 else "test"
                elif num % 5 == 0:  # train.py handwritten(): every fifth row by id number is held out
                    split = "dev"
                else:
                    continue
                out.append({"id": r["id"], "text": r["EventSnippet"], "gold": r["SubType"],
                            "lang": r.get("lang") or "en", "split": split})
    return out


def _scores(rows: list[dict], key: str) -> dict[str, float]:
    from sklearn.metrics import f1_score

    gold = [r["gold"] for r in rows]
    pred = [r[key] for r in rows]
    return {"accuracy": round(sum(g == p for g, p in zip(gold, pred)) / max(len(rows), 1), 4),
            "weighted_f1": round(float(f1_score(gold, pred, labels=sorted(set(gold)), average="weighted",
                                                zero_division=0)), 4)}


def main(argv: list[str] | None = None) -> None:
    import argparse
    import json
    from collections import defaultdict

    ap = argparse.ArgumentParser()
    ap.add_argument("--errors", action="store_true", help="print the reading's wrong answers (dev rows only)")
    ap.add_argument("--no-classifier", action="store_true")
    a = ap.parse_args(argv)
    rows = _our_rows()
    for r in rows:
        if r["gold"] in FAMILY:
            rd = protest_reading(r["text"], r["lang"])
            r["pred"], r["why"] = protest_label(rd), rd.reasons
    out: dict = {}
    if not a.no_classifier:
        from eventwire.coding.acled import direct_takeovers, predict_proba, protest_structure, read_protests

        texts = [r["text"] for r in rows]
        base = predict_proba(texts, embeddings=True, encoder=True, structure=False)
        full = predict_proba(texts, embeddings=True, encoder=True, structure=True)
        takeover_only = [dict(p) for p in base]
        direct_takeovers(texts, takeover_only)
        protest_only = [dict(p) for p in base]
        read_protests(texts, protest_only)
        for r, p0, p1, pt, pp in zip(rows, base, full, takeover_only, protest_only):
            for k, p in (("off", p0), ("direction", p1), ("takeover_hook", pt), ("protest_hook", pp)):
                r[k] = max(p, key=p.get) if p else None
        out["config"] = {"protest_structure": protest_structure()}
    groups = defaultdict(list)
    for r in rows:
        for split in (r["split"], "dev+test"):
            groups[f"{split}, all rows"].append(r)
            if r["gold"] in FAMILY:
                groups[f"{split}, protest family"].append(r)
                groups[f"{split}, protest family, {'en' if r['lang'] == 'en' else 'es/fr/ru/tr/ar/vi'}"].append(r)
    for k, rs in sorted(groups.items()):
        m: dict = {"rows": len(rs)}
        if "protest family" in k:
            ans = [r for r in rs if r["pred"]]
            m["reading_coverage"] = round(len(ans) / max(len(rs), 1), 3)
            m["reading_accuracy_where_answered"] = round(sum(r["pred"] == r["gold"] for r in ans) / max(len(ans), 1), 3)
        if not a.no_classifier:
            for key in ("off", "direction", "protest_hook"):
                m[f"classifier_{key}"] = _scores(rs, key)
            m["rows_changed_by_protest_hook"] = sum(r["off"] != r["protest_hook"] for r in rs)
        out[k] = m
    print(json.dumps(out, indent=1, ensure_ascii=False))
    if a.errors:  # dev rows only: the test half is for reporting
        for r in rows:
            if r["split"] == "dev" and r.get("pred") and r["pred"] != r["gold"]:
                print(r["id"], r["gold"], "->", r["pred"], "|", r["text"][:140], "\n   ", "; ".join(r["why"]))
        if not a.no_classifier:
            for r in rows:
                if r["split"] == "dev" and r["off"] != r["protest_hook"]:
                    print("hook", r["id"], r["gold"], r["off"], "->", r["protest_hook"], "|", r["text"][:120])


if __name__ == "__main__":
    main()
