"""`eventwire bench`: throughput (articles/s) and peak memory per stage on a varied corpus.

The corpus is built from the real news texts in ../shared/bench (LGL, TR-News, MEANTIME, TBAQ:
about 1,000 English articles) plus the multilingual sample corpus, varied copy by copy (a sentence
dropped, paragraphs rotated) so content hashes differ and no stage can short-cut repeats.
Nothing here is a test: figures are reported, not asserted.
"""
from __future__ import annotations

import re
import resource
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from eventwire.errors import BenchmarkDataMissing
from eventwire.model import RawDocument, Reject

_TAG = re.compile(r"<[^>]+>")


def _peak_rss_mb() -> float:
    # ru_maxrss is KiB on Linux
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _geoparsing_articles(path: Path) -> Iterator[RawDocument]:
    root = ET.parse(path).getroot()
    for art in root.iter("article"):
        text = (art.findtext("text") or "").strip()
        if text:
            yield RawDocument(path=f"{path.name}#{art.get('docid')}", format="txt", body=text,
                              title=(art.findtext("title") or "").strip() or None,
                              source=(art.findtext("domain") or "").strip() or None)


def _timeml_articles(folder: Path) -> Iterator[RawDocument]:
    for f in sorted(folder.rglob("*.tml")):
        raw = f.read_text("utf-8", errors="replace")
        m = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
        if m:
            yield RawDocument(path=f.name, format="txt", body=_TAG.sub("", m.group(1)).strip())


def _meantime_articles(folder: Path) -> Iterator[RawDocument]:
    for f in sorted(folder.rglob("*.xml")):
        try:
            root = ET.parse(f).getroot()
        except ET.ParseError:
            continue
        sents: dict[int, list[str]] = {}
        for tok in root.iter("token"):
            sents.setdefault(int(tok.get("sentence", 0)), []).append(tok.text or "")
        if sents:
            body = "\n".join(" ".join(toks) for _, toks in sorted(sents.items()))
            yield RawDocument(path=f.name, format="txt", body=body)


def base_documents(bench_dir: Path, sample_dir: Path | None) -> list[RawDocument]:
    docs: list[RawDocument] = []
    geo = bench_dir / "geoparsing"
    for name in ("lgl.xml", "TR-News.xml"):
        if (geo / name).exists():
            docs.extend(_geoparsing_articles(geo / name))
    temporal = bench_dir / "temporal"
    if (temporal / "TBAQ-cleaned").exists():
        docs.extend(_timeml_articles(temporal / "TBAQ-cleaned"))
    if (temporal / "meantime_en" / "intra-doc_annotation").exists():
        docs.extend(_meantime_articles(temporal / "meantime_en" / "intra-doc_annotation"))
    if sample_dir and sample_dir.exists():
        from eventwire.ingest.readers import read_inputs

        docs.extend(d for d in read_inputs([str(sample_dir)]) if isinstance(d, RawDocument))
    return docs


def vary(doc: RawDocument, k: int) -> RawDocument:
    """Copy k of a document: rotate its paragraphs and drop one, so its content hash differs."""
    if k == 0:
        return doc
    paras = [p for p in doc.body.split("\n") if p.strip()]
    if len(paras) > 2:
        cut = k % len(paras)
        paras = paras[cut:] + paras[:cut]
        del paras[k % len(paras)]
        body = "\n".join(paras)
    else:
        body = doc.body + f"\n(Edition {k}.)"
    return RawDocument(path=f"{doc.path}~{k}", format=doc.format, body=body, title=doc.title,
                       source=doc.source, published_hint=doc.published_hint, language_hint=doc.language_hint)


def build_corpus(n: int, bench_dir: Path | None = None, sample_dir: Path | None = None) -> list[RawDocument]:
    from eventwire.evaluation import bench_root

    bench_dir = bench_dir or bench_root()
    base = base_documents(bench_dir, sample_dir or Path("samples/corpus"))
    if not base:
        raise BenchmarkDataMissing(f"no benchmark texts found under {bench_dir} (pass --bench-dir)")
    return [vary(base[i % len(base)], i // len(base)) for i in range(n)]


def run_benchmark(
    n: int = 2000,
    stage_names: list[str] | None = None,
    bench_dir: Path | None = None,
    settings=None,
    workers: int = 1,
    console=None,
) -> dict[str, Any]:
    """Time each stage separately over the corpus (one process), then the whole pipeline with workers."""
    from eventwire.config import load_settings
    from eventwire.pipeline.runner import Pipeline, run_batches

    settings = settings or load_settings()
    names = stage_names or list(settings.get("run.stages"))
    t0 = time.perf_counter()
    docs = build_corpus(n, bench_dir)
    build_s = time.perf_counter() - t0
    pipeline = Pipeline.from_names(names, settings, on_error="skip")
    per_stage = {s.name: 0.0 for s in pipeline.stages}
    cpu = {s.name: 0.0 for s in pipeline.stages}  # process CPU time: steadier than wall time on a shared machine
    peak = {s.name: 0.0 for s in pipeline.stages}
    batch_size = int(settings.get("run.batch_size") or 32)
    from eventwire.model import AnalyzedArticle
    from eventwire.pipeline.runner import batched

    progress = None
    if console is not None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        progress = Progress(TextColumn("[bold]bench"), BarColumn(), MofNCompleteColumn(), console=console,
                            transient=True)
        progress.start()
        task = progress.add_task("bench", total=len(docs))
    rejected = 0
    languages: dict[str, int] = {}
    done = 0
    t_all, c_all = time.perf_counter(), time.process_time()
    # batch by batch, stage by stage, as Pipeline.analyze_batch runs them (so prepare_batch hooks count)
    for batch in batched(docs, batch_size):
        items = [AnalyzedArticle(raw=raw) for raw in batch]
        for doc in items:
            doc.provided.add("raw")
        for stage in pipeline.stages:
            t, c = time.perf_counter(), time.process_time()
            live = [d for d in items if set(stage.requires) <= d.provided]
            prepare = getattr(stage, "prepare_batch", None)
            if prepare is not None and len(live) > 1:
                try:
                    prepare(live)
                except Exception:
                    pass
            for doc in live:
                try:
                    stage.process(doc)
                    doc.provided |= set(stage.provides)
                except Exception:
                    rejected += stage.name.startswith("clean")
            per_stage[stage.name] += time.perf_counter() - t
            cpu[stage.name] += time.process_time() - c
            peak[stage.name] = max(peak[stage.name], _peak_rss_mb())
        for doc in items:
            if doc.article is not None and doc.article.language:
                languages[doc.article.language] = languages.get(doc.article.language, 0) + 1
            doc.notes.clear()
        done += len(batch)
        if progress is not None:
            progress.update(task, completed=done)
    cpu_s = time.process_time() - c_all
    serial_s = time.perf_counter() - t_all
    if progress is not None:
        progress.stop()
    result: dict[str, Any] = {
        "articles": len(docs),
        "corpus": f"{len(set(d.path.split('~')[0] for d in docs))} distinct texts, varied",
        "corpus_build_seconds": round(build_s, 2),
        "rejected": rejected,
        "languages": languages,
        "stages": [
            {"stage": name, "seconds": secs, "articles_per_s": len(docs) / secs if secs else float("inf"),
             "cpu_seconds": cpu[name], "cpu_articles_per_s": len(docs) / cpu[name] if cpu[name] else float("inf"),
             "peak_rss_mb": peak[name]}
            for name, secs in per_stage.items()
        ],
        "total_seconds": serial_s,
        "articles_per_s": len(docs) / serial_s if serial_s else 0.0,
        "cpu_seconds": cpu_s,
        "cpu_articles_per_s": len(docs) / cpu_s if cpu_s else 0.0,
        "peak_rss_mb": _peak_rss_mb(),
        "workers": 1,
    }
    if workers > 1:
        from eventwire.coding import acled

        acled.clear_cache()  # sub-types cached by sentence in the serial pass would flatter the forked workers
        t = time.perf_counter()
        count = sum(len(batch) for batch in run_batches(iter(docs), names, settings, workers=workers))
        par_s = time.perf_counter() - t
        result["parallel"] = {"workers": workers, "seconds": par_s, "articles_per_s": count / par_s}
    return result


__all__ = ["build_corpus", "run_benchmark", "vary", "Reject"]
