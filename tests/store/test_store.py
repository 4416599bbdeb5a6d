import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from eventwire import jobs
from eventwire.store import Store
from eventwire.store.schema import MIGRATIONS

TEMPLATE = ("Officials in city number {i} said on Tuesday that the council had approved a new budget for "
            "schools and roads after a long debate.\nThe mayor of district {i} told reporters the vote "
            "was {j} to {k}.")
DATA_TABLES = {"articles": "id", "sentences": "article_id, idx", "sightings": "input_key", "rejects": "id",
               "events": "id", "annotations": "article_id"}


def _corpus(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        (folder / f"doc{i:04d}.txt").write_text(TEMPLATE.format(i=i, j=i % 7 + 3, k=i % 5), encoding="utf-8")
    (folder / "empty.txt").write_text("")
    return folder


def _rows(db: Path) -> dict[str, list]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table, key in DATA_TABLES.items():
            cols = "*" if table != "articles" else "* EXCLUDE (fetched_at, run_id)"
            if table == "rejects":
                cols = "* EXCLUDE (created_at, run_id)"
            if table == "sightings":
                cols = "* EXCLUDE (run_id)"
            out[table] = con.execute(f"SELECT {cols} FROM {table} ORDER BY {key}").fetchall()
        return out
    finally:
        con.close()


def test_migrations_are_named_ordered_and_applied_once(tmp_path: Path):
    versions = [v for v, _, _ in MIGRATIONS]
    assert versions == sorted(versions) and len(set(versions)) == len(versions)
    db = tmp_path / "s.duckdb"
    with Store(db) as s:
        assert s.schema_version() == versions[-1]
    with Store(db) as s:
        assert s.migrate() == []


def test_rerunning_the_same_input_adds_nothing(tmp_path: Path, settings):
    corpus = _corpus(tmp_path / "c", 6)
    db = tmp_path / "s.duckdb"
    first = jobs.run([str(corpus)], db=str(db), settings=settings, corpus=False)
    assert first.articles_added == 6 and first.rejected["empty"] == 1
    before = _rows(db)
    second = jobs.run([str(corpus)], db=str(db), settings=settings, corpus=False)
    assert second.articles_added == 0 and second.rejects_added == 0 and second.skipped_known == 6
    assert _rows(db) == before


def _run_cli(corpus: Path, db: Path, env: dict) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "eventwire.cli", "run", str(corpus), "--db", str(db), "--quiet",
                             "--no-corpus"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_sigkill_midway_then_restart_equals_uninterrupted_run(tmp_path: Path):
    corpus = _corpus(tmp_path / "c", 600)
    # Core stages keep this test quick; later stages write in the same per-batch transaction.
    env = {**os.environ, "EVENTWIRE_RUN__BATCH_SIZE": "8", "EVENTWIRE_RUN__STAGES": "clean,language,sentences"}
    ref_db = tmp_path / "ref.duckdb"
    t0 = time.monotonic()
    assert _run_cli(corpus, ref_db, env).wait(timeout=600) == 1  # 1: the empty file was rejected
    full = time.monotonic() - t0
    expected = _rows(ref_db)
    assert len(expected["articles"]) == 600

    db = tmp_path / "killed.duckdb"
    killed_partway = False
    # kill points scale with this machine's own uninterrupted run (start-up included), not fixed seconds
    for delay in (full * f for f in (0.6, 0.45, 0.75, 0.3, 0.85)):
        proc = _run_cli(corpus, db, env)
        time.sleep(delay)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            n = len(_rows(db)["articles"]) if db.exists() else 0
            if 0 < n < 600:
                killed_partway = True
                break
    assert killed_partway, "could not kill the run part-way; machine too fast or too slow for this test"
    assert _run_cli(corpus, db, env).wait(timeout=600) == 1
    assert _rows(db) == expected
