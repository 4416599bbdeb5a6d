"""The store behind one interface. DuckDB file by default; all SQL lives here and in schema.py."""
from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from eventwire.errors import StoreError
from eventwire.model import AnalyzedArticle, Article, RawDocument, Reject
from eventwire.store.schema import MIGRATIONS


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def input_key(raw: RawDocument) -> str:
    h = hashlib.blake2b(digest_size=12)
    h.update(f"{raw.path}\x00{raw.record}\x00".encode())
    h.update(raw.body.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def reject_id(rej: Reject) -> str:
    return hashlib.blake2b(f"{rej.input}\x00{rej.reason}\x00{rej.stage}".encode(), digest_size=12).hexdigest()


class Store:
    def __init__(self, path: str | Path = "eventwire.duckdb", *, read_only: bool = False) -> None:
        import duckdb  # lazy: keeps `import eventwire` light

        self.path = str(path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}") from exc
        if not read_only:
            self.migrate()

    # -- lifecycle -------------------------------------------------------------------------
    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def migrate(self) -> list[str]:
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)"
        )
        done = {r[0] for r in self.con.execute("SELECT version FROM schema_migrations").fetchall()}
        applied = []
        for version, name, sql in sorted(MIGRATIONS):
            if version in done:
                continue
            self.con.execute("BEGIN TRANSACTION")
            try:
                self.con.execute(sql)
                self.con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", [version, name, _now()])
                self.con.execute("COMMIT")
            except Exception as exc:
                self.con.execute("ROLLBACK")
                raise StoreError(f"migration {version} ({name}) failed: {exc}") from exc
            applied.append(name)
        return applied

    def schema_version(self) -> int:
        row = self.con.execute("SELECT max(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)

    # -- runs ------------------------------------------------------------------------------
    def start_run(self, command: str, inputs: list[str], stage_versions: dict[str, str]) -> str:
        run_id = uuid.uuid4().hex[:16]
        self.con.execute(
            "INSERT INTO runs (run_id, started_at, status, command, inputs, stage_versions) VALUES (?, ?, 'running', ?, ?, ?)",
            [run_id, _now(), command, _json(inputs), _json(stage_versions)],
        )
        return run_id

    def finish_run(self, run_id: str, status: str, articles: int, rejects: int, note: str | None = None) -> None:
        self.con.execute(
            "UPDATE runs SET finished_at = ?, status = ?, articles_added = ?, rejects_added = ?, note = ? WHERE run_id = ?",
            [_now(), status, articles, rejects, note, run_id],
        )

    # -- writes ----------------------------------------------------------------------------
    def known_inputs(self, keys: Iterable[str]) -> set[str]:
        keys = list(keys)
        if not keys:
            return set()
        rows = self.con.execute(
            "SELECT input_key FROM sightings WHERE input_key IN (SELECT unnest(?::VARCHAR[])) "
            "UNION SELECT input_key FROM rejects WHERE input_key IN (SELECT unnest(?::VARCHAR[]))",
            [keys, keys],
        ).fetchall()
        return {r[0] for r in rows}

    def write_batch(self, results: list[tuple[str | None, AnalyzedArticle | Reject]], run_id: str) -> tuple[int, int]:
        """Write one batch atomically: a killed run leaves whole batches or nothing.

        `results` pairs each outcome with its input key (None for inputs rejected before reading).
        Returns (articles added, rejects added).
        """
        added_articles = added_rejects = 0
        self.con.execute("BEGIN TRANSACTION")
        try:
            for key, res in results:
                if isinstance(res, Reject):
                    added_rejects += self._add_reject(res, key, run_id)
                    continue
                added_articles += self._add_article(res, key, run_id)
                for flag in res.flags:
                    added_rejects += self._add_reject(flag, key, run_id)
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return added_articles, added_rejects

    def add_rejects(self, rejects: Iterable[Reject], run_id: str | None) -> int:
        n = 0
        self.con.execute("BEGIN TRANSACTION")
        for rej in rejects:
            n += self._add_reject(rej, None, run_id)
        self.con.execute("COMMIT")
        return n

    def _add_reject(self, rej: Reject, key: str | None, run_id: str | None) -> int:
        rid = reject_id(rej)
        if self.con.execute("SELECT 1 FROM rejects WHERE id = ?", [rid]).fetchone():
            return 0
        self.con.execute(
            "INSERT INTO rejects VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [rid, rej.input, key, rej.reason, rej.code, rej.action, rej.stage, rej.message, rej.article_id,
             _json(rej.detail), _now(), run_id],
        )
        return 1

    def _add_article(self, doc: AnalyzedArticle, key: str | None, run_id: str) -> int:
        a = doc.article
        assert a is not None
        if key and not self.con.execute("SELECT 1 FROM sightings WHERE input_key = ?", [key]).fetchone():
            self.con.execute(
                "INSERT INTO sightings VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [key, a.id, a.path, a.record, a.source, a.url, a.published_at, run_id],
            )
        if self.con.execute("SELECT 1 FROM articles WHERE id = ?", [a.id]).fetchone():
            return 0
        p = a.published
        self.con.execute(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [a.id, a.path, a.record, a.format, a.encoding, a.source, a.url, a.title, a.text, a.language,
             a.language_confidence, p.value if p else None, p.method if p else None,
             p.confidence if p else None, p.evidence if p else None, a.fetched_at,
             _json(dict(a.extra)), _json([asdict(b) for b in a.removed]), _json(doc.stage_versions), run_id],
        )
        if doc.sentences:
            self.con.executemany(
                "INSERT INTO sentences VALUES (?, ?, ?, ?)",
                [[a.id, s.index, s.start, s.end] for s in doc.sentences],
            )
        if doc.mentions or doc.actors or doc.places or doc.times:
            self.con.execute(
                "INSERT INTO annotations VALUES (?, ?, ?, ?, ?)",
                [a.id, _json([asdict(m) for m in doc.mentions]), _json([asdict(m) for m in doc.actors]),
                 _json([asdict(m) for m in doc.places]), _json([asdict(m) for m in doc.times])],
            )
        for ev in doc.events:
            loc = ev.location
            self.con.execute(
                "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [ev.id, a.id, ev.event_type, ev.mode, ev.cameo_root, ev.acled_subtype, ev.score, ev.date,
                 ev.date_granularity, loc.country if loc else None, loc.lat if loc else None,
                 loc.lon if loc else None, ev.modality, ev.claim_status, ev.confidence, _json(asdict(ev))],
            )
        return 1

    # -- reads -----------------------------------------------------------------------------
    def count(self, table: str) -> int:
        if table not in {"articles", "sentences", "rejects", "sightings", "events", "runs", "annotations"}:
            raise StoreError(f"unknown table {table}")
        return int(self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def table_exists(self, name: str) -> bool:
        row = self.con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]).fetchone()
        return bool(row[0])

    def stats(self) -> dict[str, Any]:
        q = self.con.execute
        out: dict[str, Any] = {
            "articles": self.count("articles"),
            "sightings": self.count("sightings"),
            "sentences": self.count("sentences"),
            "events": self.count("events"),
            "runs": self.count("runs"),
            "by_language": dict(q("SELECT coalesce(language,'?'), count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC").fetchall()),
            "by_source": dict(q("SELECT coalesce(source,'(unknown)'), count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC, 1").fetchall()),
            "by_format": dict(q("SELECT format, count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC").fetchall()),
            "published_from": dict(q("SELECT coalesce(published_from,'none'), count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC").fetchall()),
            "rejects_by_reason": {
                f"{reason} ({code}, {action})": n
                for reason, code, action, n in q(
                    "SELECT reason, code, action, count(*) FROM rejects GROUP BY 1,2,3 ORDER BY 4 DESC, 1").fetchall()
            },
            "events_by_type": dict(q("SELECT event_type, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC").fetchall()),
        }
        from eventwire.corpus.export import stats_sections  # corpus totals and top stories

        out.setdefault("extra_sections", []).extend(stats_sections(self))
        return out

    def rejects(self) -> list[dict[str, Any]]:
        cur = self.con.execute(
            "SELECT input, reason, code, action, stage, message FROM rejects ORDER BY action, reason, input")
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]

    def iter_articles(self) -> Iterator[dict[str, Any]]:
        cur = self.con.execute(
            "SELECT a.id, a.path, a.source, a.url, a.title, a.language, a.language_confidence, a.published_at, "
            "a.published_from, (SELECT count(*) FROM sentences s WHERE s.article_id = a.id) AS sentence_count "
            "FROM articles a ORDER BY a.path, a.record, a.id")
        cols = [d[0] for d in cur.description]
        while rows := cur.fetchmany(1000):
            for row in rows:
                yield dict(zip(cols, row))

    def iter_events(self) -> Iterator[dict[str, Any]]:
        cur = self.con.execute("SELECT payload FROM events ORDER BY date NULLS LAST, id")
        while rows := cur.fetchmany(1000):
            for (payload,) in rows:
                yield json.loads(payload)

    def article(self, article_id: str) -> Article | None:
        row = self.con.execute("SELECT id, path, text, title, url, source, language FROM articles WHERE id = ?",
                               [article_id]).fetchone()
        if not row:
            return None
        return Article(id=row[0], path=row[1], text=row[2], title=row[3], url=row[4], source=row[5], language=row[6])
