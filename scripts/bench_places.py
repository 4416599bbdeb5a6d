"""Measure gazetteer load time and per-article place / date cost (excluding NER, which the mentions
stage pays once for everyone).

Run: OMP_NUM_THREADS=2 .venv/bin/python scripts/bench_places.py [N_ARTICLES]
Texts: TR-News and LGL article bodies from ../shared/bench/geoparsing (read, never copied) plus
../shared/articles; spaCy mentions are computed first and not timed.
"""
from __future__ import annotations

import json
import statistics
import sys
import time


def main(n: int = 200) -> None:
    from eventwire.evaluation import bench_root
    from eventwire.evaluation.geoparsing import read_corpus

    t = time.perf_counter()
    from eventwire.geo import gazetteer

    G = gazetteer.load()
    load_s = time.perf_counter() - t

    from eventwire.geo.geoparse import geoparse, spacy_mentions
    from eventwire.timex import find_times

    texts, sources = [], []
    for name in ("TR-News.xml", "lgl.xml"):
        path = bench_root() / "geoparsing" / name
        if path.exists():
            docs = read_corpus(path)
            texts += [d["text"] for d in docs]
            sources += [d["source"] for d in docs]
    texts, sources = texts[:n], sources[:n]
    mentions = [spacy_mentions(x) for x in texts]
    geoparse(texts[0], "en", mentions[0])  # warm caches (language cues, stop words)
    place_ms, date_ms = [], []
    for x, m in zip(texts, mentions):
        t = time.perf_counter()
        geoparse(x, "en", m)
        place_ms.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        find_times(x, "en", "2020-02-28")
        date_ms.append((time.perf_counter() - t) * 1000)
    # the outlet local lexicon's second pass (geo.outlet), per article, over the same texts grouped by outlet
    from eventwire.geo.geoparse import toponyms_for
    from eventwire.geo.outlet import Item, resolve_corpus

    items = [Item(str(i), src, x, toponyms_for(x, "en", m)) for i, (x, m, src) in enumerate(zip(texts, mentions, sources))]
    t = time.perf_counter()
    resolve_corpus(items, G)
    lexicon_ms = (time.perf_counter() - t) * 1000 / max(1, len(items))
    chars = statistics.mean(len(x) for x in texts)
    print(json.dumps({
        "gazetteer_load_s": round(load_s, 3), "gazetteer_rows": len(G.names),
        "articles": len(texts), "mean_chars": round(chars),
        "places_ms_mean": round(statistics.mean(place_ms), 2),
        "places_ms_p95": round(sorted(place_ms)[int(0.95 * len(place_ms)) - 1], 2),
        "outlet_lexicon_ms_mean": round(lexicon_ms, 2),  # both passes of resolution, toponyms given
        "dates_ms_mean": round(statistics.mean(date_ms), 2),
        "dates_ms_p95": round(sorted(date_ms)[int(0.95 * len(date_ms)) - 1], 2),
    }, indent=2))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
