"""Time the actor stages per article: KB load, mentions@1 and actors@1 (ms/article) on a folder.

    OMP_NUM_THREADS=2 .venv/bin/python benchmarks/actors_timing.py ../shared/articles [--repeat 3]
"""
from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    t = time.perf_counter()
    from eventwire.kb import load_kb

    load_kb()
    print(f"KB load: {time.perf_counter() - t:.3f} s")
    from eventwire.model import RawDocument
    from eventwire.pipeline.runner import Pipeline
    from eventwire.stages.actors import ActorsStage
    from eventwire.stages.mentions import MentionsStage

    pre = Pipeline.from_names(["clean", "language", "sentences"], None, "raise")
    files = [p for a in args.paths for p in (sorted(Path(a).rglob("*.txt")) if Path(a).is_dir() else [Path(a)])]
    docs = [pre.analyze(RawDocument(path=str(f), format="txt", body=f.read_text(encoding="utf-8", errors="replace")))
            for f in files]
    docs = [d for d in docs if hasattr(d, "article")]
    mentions, actors = MentionsStage(None), ActorsStage(None)
    for d in docs[:2]:  # load the models outside the timing
        mentions.process(d), actors.process(d), d.notes.clear()
    per = defaultdict(lambda: [0.0, 0.0, 0])
    for _ in range(args.repeat):
        for d in docs:
            d.notes.clear()
            t0 = time.perf_counter()
            mentions.process(d)
            t1 = time.perf_counter()
            actors.process(d)
            t2 = time.perf_counter()
            row = per[d.article.language]
            row[0] += t1 - t0
            row[1] += t2 - t1
            row[2] += 1
    tot = [sum(r[0] for r in per.values()), sum(r[1] for r in per.values()), sum(r[2] for r in per.values())]
    for lang, (m, a, n) in sorted(per.items()) + [("all", tot)]:
        print(f"{lang:4s} n={n // args.repeat:3d}  mentions {1000 * m / n:7.1f} ms  actors {1000 * a / n:6.1f} ms  "
              f"total {1000 * (m + a) / n:7.1f} ms/article")


if __name__ == "__main__":
    main()
