"""Takeover direction (src/eventwire/coding/territory.py) measured on OUR OWN rows: every snippet labelled
GOV_REGAINS_TERIT or NON_STATE_ACTOR_OVERTAKES_TER in data/handwritten_*.tsv and heldout.tsv; coverage and
accuracy per language, and with --classifier the shipped classifier's choice between the two labels on the
same rows (rows the classifier was fitted on are flagged; the "not fitted" groups are the fair ones).

    OMP_NUM_THREADS=2 .venv/bin/python training/acled/territory_report.py --classifier [--errors]
"""
from __future__ import annotations

from eventwire.coding.territory import GOV, NSA, takeover_direction


def _our_rows() -> list[dict[str, str]]:
    """Rows labelled with either direction in data/handwritten_*.tsv and heldout.tsv (our own snippets)."""
    import csv
    from pathlib import Path

    from eventwire.coding.acled import model_meta

    data = Path(__file__).resolve().parent / "data"
    seen = set(model_meta().get("handwritten_files") or ())  # files the shipped classifier was trained on
    out = []
    for p in sorted(data.glob("handwritten_*.tsv")) + [data / "heldout.tsv"]:
        with p.open(encoding="utf-8") as f:
            for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                if r.get("SubType") in (GOV, NSA):
                    # train.py fits handwritten rows whose id number is not a multiple of 5
                    num = r["id"].rsplit("-", 1)[-1]
                    fitted = p.name in seen and num.isdigit() and int(num) % 5 != 0
                    out.append({"id": r["id"], "text": r["EventSnippet"], "gold": r["SubType"],
                                "lang": r.get("lang") or "en", "fitted": fitted})
    return out


def main(argv: list[str] | None = None) -> None:
    """territory_report.py [--classifier]: coverage and accuracy per language, and with
    --classifier the accuracy of acled.predict_proba's choice between the two labels on the same rows."""
    import argparse
    import json
    from collections import defaultdict

    ap = argparse.ArgumentParser()
    ap.add_argument("--classifier", action="store_true")
    ap.add_argument("--errors", action="store_true")
    a = ap.parse_args(argv)
    rows = _our_rows()
    for r in rows:
        r["pred"], r["why"] = takeover_direction(r["text"], r["lang"])
    if a.classifier:
        from eventwire.coding.acled import predict_proba

        for r, p in zip(rows, predict_proba([r["text"] for r in rows], embeddings=True, encoder=True)):
            r["clf"] = max((GOV, NSA), key=lambda lab: p.get(lab, 0.0))
    out: dict = {}
    groups = defaultdict(list)
    for r in rows:
        groups[r["lang"]].append(r)
        groups["all"].append(r)
        if not r["fitted"]:
            groups["all, not fitted by the classifier"].append(r)
            groups[f"{'en' if r['lang'] == 'en' else 'es/fr/ru/tr/ar/vi'}, not fitted"].append(r)
    for k, rs in sorted(groups.items()):
        ans = [r for r in rs if r["pred"]]
        m = {"rows": len(rs), "coverage": round(len(ans) / len(rs), 3),
             "accuracy_where_answered": round(sum(r["pred"] == r["gold"] for r in ans) / max(len(ans), 1), 3)}
        if a.classifier:
            m["classifier_accuracy"] = round(sum(r["clf"] == r["gold"] for r in rs) / len(rs), 3)
            m["classifier_accuracy_where_answered"] = round(sum(r["clf"] == r["gold"] for r in ans) / max(len(ans), 1), 3)
            m["combined_accuracy"] = round(sum((r["pred"] or r["clf"]) == r["gold"] for r in rs) / len(rs), 3)
        out[k] = m
    print(json.dumps(out, indent=1, ensure_ascii=False))
    if a.errors:
        for r in rows:
            if r["pred"] and r["pred"] != r["gold"]:
                print(r["id"], r["gold"], "|", r["text"][:120], "\n   ->", r["why"])


if __name__ == "__main__":
    main()
