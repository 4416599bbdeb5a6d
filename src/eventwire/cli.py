"""Command-line interface: a thin layer over the library (eventwire.jobs, store, export, evaluation).

Exit codes: 0 ok; 1 some inputs were rejected (listed); 2 usage error; 3 internal error.
"""
from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from eventwire.errors import EventwireError

EXIT_OK, EXIT_REJECTS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3

app = typer.Typer(
    name="eventwire",
    help="Turn news articles (any language, noisy text or HTML) into event data you can trust.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console(stderr=True)
# Piped or captured output (make demo in CI) gets a wide console so tables stay readable.
out = Console(width=None if sys.stdout.isatty() else 140)

DbOption = typer.Option(None, "--db", help="DuckDB store file (default: store.path setting, ./eventwire.duckdb).")
ConfigOption = typer.Option(None, "--config", help="User settings TOML laid over defaults.toml.")


def _settings(config: Optional[Path]):
    from eventwire.config import load_settings

    return load_settings(config)


def _existing_store(db: Optional[str], config: Optional[Path], hint: str = "") -> str:
    """The store path from --db or settings; exits with a usage error when there is no store there."""
    path = db or _settings(config).get("store.path")
    if not Path(path).exists():
        console.print(f"[red]no store at {path}[/red]" + hint.format(path=path))
        raise typer.Exit(EXIT_USAGE)
    return path


def _fail(exc: Exception) -> None:
    if isinstance(exc, EventwireError):
        console.print(f"[red]error {exc.code}[/red] ({exc.reason}): {exc.message}")
        code = EXIT_USAGE if exc.code.startswith("EW3") or exc.code == "EW202" else EXIT_INTERNAL
        raise typer.Exit(code)
    console.print(f"[red]internal error[/red]: {type(exc).__name__}: {exc}")
    raise typer.Exit(EXIT_INTERNAL)


@app.command()
def run(
    paths: list[str] = typer.Argument(..., help="Files, directories (recursive), globs, or - for stdin."),
    db: Optional[str] = DbOption,
    workers: Optional[int] = typer.Option(None, "--workers", "-w", help="Worker processes for per-article stages."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary."),
    no_corpus: bool = typer.Option(False, "--no-corpus", help="Skip corpus stages (dedup, stories, merging)."),
    config: Optional[Path] = ConfigOption,
) -> None:
    """Ingest and analyse articles into the store; re-running the same input adds nothing."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from eventwire import jobs

    try:
        settings = _settings(config)
        if quiet:
            summary = jobs.run(paths, db=db, settings=settings, workers=workers,
                               corpus=False if no_corpus else None)
        else:
            with Progress(TextColumn("[bold]analysing"), BarColumn(), MofNCompleteColumn(),
                          TimeRemainingColumn(), console=console, transient=True) as bar:
                task = bar.add_task("articles", total=None)

                def progress(done: int, total: int) -> None:
                    bar.update(task, completed=done, total=total)

                summary = jobs.run(paths, db=db, settings=settings, workers=workers, progress=progress,
                                   corpus=False if no_corpus else None)
    except typer.Exit:
        raise
    except Exception as exc:
        _fail(exc)
        return
    if not quiet:
        console.print(
            f"run {summary.run_id}: {summary.inputs_read} inputs, {summary.articles_added} new articles, "
            f"{summary.skipped_known} already stored, {sum(summary.rejected.values())} rejected, "
            f"{sum(summary.flagged.values())} flagged -> {summary.db}"
        )
        for reason, n in sorted(summary.rejected.items()):
            console.print(f"  rejected {reason}: {n}")
        for reason, n in sorted(summary.flagged.items()):
            console.print(f"  flagged {reason}: {n}")
        if summary.rejected:
            console.print("  details: eventwire stats --db " + summary.db)
    raise typer.Exit(EXIT_REJECTS if summary.had_rejects else EXIT_OK)


@app.command()
def analyze(
    paths: list[str] = typer.Argument(..., help="Files, directories, globs, or - for stdin."),
    config: Optional[Path] = ConfigOption,
    compact: bool = typer.Option(False, "--compact", help="One line of JSON instead of indented."),
) -> None:
    """Print the full analysis of the given articles as JSON, with no database."""
    from eventwire import jobs

    try:
        result = jobs.analyze(paths, settings=_settings(config))
    except Exception as exc:
        _fail(exc)
        return
    out.file.write(json.dumps(result, ensure_ascii=False, indent=None if compact else 2, default=str) + "\n")
    rejected = [r for r in result["rejects"] if r["action"] == "rejected"]
    raise typer.Exit(EXIT_REJECTS if rejected else EXIT_OK)


@app.command()
def stats(
    db: Optional[str] = DbOption,
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
    config: Optional[Path] = ConfigOption,
) -> None:
    """Counts in the store: articles by language, source and format; rejects by reason (listed)."""
    from eventwire.store import Store

    path = _existing_store(db, config, "; run `eventwire run PATH --db {path}` first")
    with Store(path, read_only=True) as store:
        data = store.stats()
        data["rejects"] = store.rejects()
    if as_json:
        out.print_json(json.dumps(data, ensure_ascii=False, default=str))
        return
    from eventwire.report import print_stats

    print_stats(data, out)


@app.command()
def export(
    fmt: str = typer.Option(..., "--format", "-f", help="articles-jsonl, plover-jsonl, stories-jsonl."),
    db: Optional[str] = DbOption,
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write here instead of stdout."),
    config: Optional[Path] = ConfigOption,
) -> None:
    """Export the store in a documented format."""
    from eventwire.export import EXPORTERS, export_to
    from eventwire.store import Store

    if fmt not in EXPORTERS:
        console.print(f"[red]unknown format {fmt!r}[/red]; choose one of: {', '.join(sorted(EXPORTERS))}")
        raise typer.Exit(EXIT_USAGE)
    path = _existing_store(db, config)
    with Store(path, read_only=True) as store:
        if output:
            with output.open("w", encoding="utf-8") as fh:
                n = export_to(store, fmt, fh)
            console.print(f"wrote {n} records to {output}")
        else:
            export_to(store, fmt, sys.stdout)


@app.command(name="eval")
def evaluate(
    suite: str = typer.Argument(..., help="Benchmark suite, e.g. plover-gsr, petrarch, tbaq, meantime, lgl, tr-news, acled."),
    data: Optional[Path] = typer.Option(None, "--data", help="Benchmark data path (default: ../shared/bench/...)."),
    task: Optional[str] = typer.Option(None, "--task", help="Sub-task where a suite has several (e.g. actors)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object of metric -> number."),
    limit: Optional[int] = typer.Option(None, "--limit", help="Score only the first N items."),
) -> None:
    """Score eventwire on a public benchmark and print the metrics."""
    from eventwire.evaluation import SUITES, run_suite

    if suite not in SUITES:
        console.print(f"[red]unknown suite {suite!r}[/red]; available: {', '.join(sorted(SUITES))}")
        raise typer.Exit(EXIT_USAGE)
    try:
        metrics = run_suite(suite, data=data, task=task, limit=limit)
    except EventwireError as exc:
        _fail(exc)
        return
    if as_json:
        out.file.write(json.dumps(metrics, default=str) + "\n")
        return
    table = Table(title=f"eval {suite}" + (f" ({task})" if task else ""))
    table.add_column("metric")
    table.add_column("value", justify="right")
    for k, v in metrics.items():
        table.add_row(k, f"{v:.4f}" if isinstance(v, float) else str(v))
    out.print(table)


@app.command()
def bench(
    n: int = typer.Option(2000, "--n", help="Number of articles in the benchmark corpus."),
    stages: Optional[str] = typer.Option(None, "--stages", help="Comma-separated stages (default: all configured)."),
    bench_dir: Optional[Path] = typer.Option(None, "--bench-dir", help="Public benchmark folder (default ../shared/bench)."),
    workers: int = typer.Option(1, "--workers", "-w"),
    as_json: bool = typer.Option(False, "--json"),
    config: Optional[Path] = ConfigOption,
) -> None:
    """Measure throughput (articles/s) and peak memory per stage on a varied corpus of N articles."""
    from eventwire.benchmark import run_benchmark

    settings = _settings(config)
    names = stages.split(",") if stages else None
    try:
        result = run_benchmark(n=n, stage_names=names, bench_dir=bench_dir, settings=settings,
                               workers=workers, console=None if as_json else console)
    except EventwireError as exc:
        _fail(exc)
        return
    if as_json:
        out.file.write(json.dumps(result, default=str) + "\n")
        return
    table = Table(title=f"bench: {result['articles']} articles ({result['corpus']})")
    for col in ("stage", "seconds", "articles/s", "peak MB"):
        table.add_column(col, justify="right" if col != "stage" else "left")
    for row in result["stages"]:
        table.add_row(row["stage"], f"{row['seconds']:.2f}", f"{row['articles_per_s']:.1f}", f"{row['peak_rss_mb']:.0f}")
    out.print(table)
    out.print(f"total: {result['total_seconds']:.1f}s, {result['articles_per_s']:.1f} articles/s, "
              f"peak RSS {result['peak_rss_mb']:.0f} MB")


@app.command()
def corpus(db: Optional[str] = DbOption, config: Optional[Path] = ConfigOption) -> None:
    """Re-run the corpus stages (near-duplicates, stories, event merging, claims) over the store."""
    from eventwire.jobs import run_corpus_stages
    from eventwire.store import Store

    settings = _settings(config)
    with Store(db or settings.get("store.path")) as store:
        result = run_corpus_stages(store, settings)
    if not result:
        console.print("corpus stages are not available in this build")
        raise typer.Exit(EXIT_USAGE)
    out.print_json(json.dumps(result, default=str))


@app.command()
def dyad(
    a: str = typer.Argument(..., help="First actor: ISO3 country (RUS) or actor id."),
    b: str = typer.Argument(..., help="Second actor: ISO3 country (TUR) or actor id."),
    by: str = typer.Option("month", "--by", help="day, week or month."),
    db: Optional[str] = DbOption,
    chart: Optional[Path] = typer.Option(None, "--chart", help="Chart file stem (default dyad_A_B_BY); writes .png and .html."),
    as_json: bool = typer.Option(False, "--json", help="Print the rows as JSON."),
    config: Optional[Path] = ConfigOption,
) -> None:
    """Actor-pair dynamics over merged events: counts by quad class, mean score, independent sources."""
    from eventwire.corpus.dyads import chart as draw
    from eventwire.store import Store
    from eventwire.store.corpus_repo import CorpusRepo

    if by not in ("day", "week", "month"):
        console.print(f"[red]--by must be day, week or month[/red], not {by!r}")
        raise typer.Exit(EXIT_USAGE)
    path = _existing_store(db, config)
    with Store(path, read_only=True) as store:
        if not store.table_exists("dyad_events"):
            console.print("no corpus results in this store; run `eventwire corpus --db FILE` first")
            raise typer.Exit(EXIT_USAGE)
        rows = CorpusRepo(store).dyad_series(a.upper() if len(a) == 3 else a, b.upper() if len(b) == 3 else b, by)
    if as_json:
        out.file.write(json.dumps(rows, default=str) + "\n")
    else:
        table = Table(title=f"{a} - {b} by {by} (merged events; sources = independent sources)")
        cols = ["period", "events", "verbal_coop", "material_coop", "verbal_conflict", "material_conflict",
                "mean_score", "sources"]
        heads = {"verbal_coop": "v.coop", "material_coop": "m.coop", "verbal_conflict": "v.confl",
                 "material_conflict": "m.confl", "mean_score": "score"}
        for c in cols:
            table.add_column(heads.get(c, c), justify="left" if c == "period" else "right", no_wrap=True)
        for r in rows:
            table.add_row(*[f"{r[c]:.2f}" if isinstance(r[c], float) else str(r[c] if r[c] is not None else "")
                            for c in cols])
        out.print(table)
    if not rows:
        console.print(f"no dated events between {a} and {b}")
        return
    stem = str(chart) if chart else f"dyad_{a}_{b}_{by}"
    draw(rows, a, b, by, stem + ".png", stem + ".html")
    console.print(f"chart: {stem}.png  {stem}.html")


@app.command()
def demo(
    corpus_dir: Path = typer.Option(Path("samples/corpus"), "--corpus", help="Sample corpus folder."),
    db: str = typer.Option("demo.duckdb", "--db"),
    report: Path = typer.Option(Path("demo-report.html"), "--report", help="Self-contained HTML report."),
    quiet: bool = typer.Option(False, "--quiet", "-q"),
) -> None:
    """Run the main job on the bundled sample corpus, print a summary and write the HTML report."""
    from eventwire import jobs
    from eventwire.report import print_stats, write_html_report
    from eventwire.store import Store

    summary = jobs.run([str(corpus_dir)], db=db)
    with Store(db, read_only=True) as store:
        data = store.stats()
        data["rejects"] = store.rejects()
        write_html_report(store, report)
    if not quiet:
        print_stats(data, out)
        out.print(f"\nstore: {db}   report: {report}   (run {summary.run_id}: {summary.articles_added} new articles)")


def main() -> None:  # pragma: no cover - console script
    logging.basicConfig(level=logging.WARNING)
    app()


if __name__ == "__main__":  # python -m eventwire.cli
    main()
