"""Measure dateparser.search.search_dates against our rules on TBAQ (speed and DATE span/value scores).

Run: OMP_NUM_THREADS=2 .venv/bin/python scripts/measure_search_dates.py [N_DOCS]
Prints one JSON object; used to decide whether search_dates helps (see docs in eventwire/timex).
"""
from __future__ import annotations

import json
import sys
import time
from datetime import datetime


def main(n: int = 30) -> None:
    from dateparser.search import search_dates

    from eventwire.evaluation.timex import _match, load_tbaq
    from eventwire.timex import find_times

    docs = load_tbaq(limit=n)
    out = {}
    for name in ("eventwire", "search_dates"):
        gold_n = pred_n = match = value = 0
        t0 = time.perf_counter()
        for d in docs:
            gold = [g for g in d["gold"] if g["type"] == "DATE"]
            if name == "eventwire":
                preds = [(t.start, t.end, t.value) for t in find_times(d["text"], "en", d["dct"])]
            else:
                base = datetime.fromisoformat(d["dct"]) if d["dct"] else None
                found = search_dates(d["text"], languages=["en"],
                                     settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}) or []
                preds, pos = [], 0
                for s, dt in found:
                    i = d["text"].find(s, pos)
                    if i < 0:
                        continue
                    pos = i + len(s)
                    preds.append((i, i + len(s), dt.date().isoformat()))

            class P:  # span holder for _match
                def __init__(self, a, b, v):
                    self.start, self.end, self.value = a, b, v

            ps = [P(*p) for p in preds]
            pairs = _match(gold, ps)
            gold_n += len(gold)
            pred_n += len(ps)
            match += len(pairs)
            value += sum(1 for gi, pi in pairs if ps[pi].value == gold[gi]["value"])
        el = time.perf_counter() - t0
        out[name] = {"docs": len(docs), "ms_per_doc": round(1000 * el / len(docs), 1),
                     "span_precision": round(match / pred_n, 3) if pred_n else 0,
                     "span_recall": round(match / gold_n, 3), "value_correct": value, "gold": gold_n}
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
