"""SQL for the corpus stages (near-duplicates, stories, canonical events, claims, dyads, date repair).

Kept apart from repository.py so the corpus work does not collide with edits to the core store.
All tables come from migration 2 ("corpus") in schema.py.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import numpy as np

from eventwire.store.repository import Store, _json, _now


def _rows(cur) -> list[dict[str, Any]]:
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def _vec(blob: bytes | None) -> np.ndarray | None:
    return None if blob is None else np.frombuffer(blob, dtype=np.float32)


class CorpusRepo:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.con = store.con

    def _bulk(self, table: str, types: list[str], rows: list[list[Any]], tail: str = "") -> None:
        """Insert many rows through list parameters: DuckDB's executemany runs one statement per row."""
        if not rows:
            return
        cols = list(zip(*rows))
        sel = ", ".join(f"unnest(?::{t}[])" for t in types)
        for i in range(0, len(rows), 50_000):
            self.con.execute(f"INSERT INTO {table} SELECT {sel} {tail}", [list(c[i:i + 50_000]) for c in cols])

    # -- transactions ------------------------------------------------------------------------
    def begin(self) -> None:
        self.con.execute("BEGIN TRANSACTION")

    def commit(self) -> None:
        self.con.execute("COMMIT")

    def rollback(self) -> None:
        self.con.execute("ROLLBACK")

    # -- outlet local lexicon (geo/outlet.py) -------------------------------------------------
    def outlet_articles(self, min_articles: int) -> list[tuple]:
        """(id, source, text, language, mentions JSON, places JSON) of articles whose outlet has at least
        `min_articles` stored articles."""
        return self.con.execute(
            "SELECT a.id, a.source, a.text, a.language, n.mentions, n.places FROM articles a "
            "JOIN annotations n ON n.article_id = a.id WHERE a.source IN "
            "(SELECT source FROM articles WHERE source IS NOT NULL GROUP BY source HAVING count(*) >= ?) "
            "ORDER BY a.id", [min_articles]).fetchall()

    def sentence_spans(self, article_ids: list[str]) -> dict[str, list[tuple[int, int, int]]]:
        out: dict[str, list[tuple[int, int, int]]] = {}
        for aid, idx, s0, s1 in self.con.execute(
                "SELECT article_id, idx, start_char, end_char FROM sentences WHERE article_id IN "
                "(SELECT unnest(?)) ORDER BY article_id, idx", [list(article_ids)]).fetchall():
            out.setdefault(aid, []).append((idx, s0, s1))
        return out

    def set_places(self, article_id: str, places_json: str) -> None:
        self.con.execute("UPDATE annotations SET places = ? WHERE article_id = ?", [places_json, article_id])

    def article_event_payloads(self, article_id: str) -> list[tuple[str, str]]:
        return self.con.execute("SELECT id, payload FROM events WHERE article_id = ?", [article_id]).fetchall()

    def set_event_location(self, event_id: str, country: str | None, lat: float | None, lon: float | None,
                           payload_json: str) -> None:
        self.con.execute("UPDATE events SET country = ?, lat = ?, lon = ?, payload = ? WHERE id = ?",
                         [country, lat, lon, payload_json, event_id])

    # -- articles ----------------------------------------------------------------------------
    def new_articles(self) -> list[dict[str, Any]]:
        """Stored articles the corpus stages have not seen yet, with what the stages need."""
        cur = self.con.execute(
            """
            SELECT a.id, a.path, a.record, a.source, a.title, a.text, a.language, a.published_at,
                   a.published_from, a.published_confidence, a.fetched_at, r.started_at AS run_started,
                   (SELECT list(struct_pack(s := s.start_char, e := s.end_char) ORDER BY s.idx)
                      FROM sentences s WHERE s.article_id = a.id) AS sentences,
                   n.actors, n.places, n.times
            FROM articles a
            LEFT JOIN corpus_articles c ON c.article_id = a.id
            LEFT JOIN annotations n ON n.article_id = a.id
            LEFT JOIN runs r ON r.run_id = a.run_id
            WHERE c.article_id IS NULL
            ORDER BY a.published_at NULLS LAST, a.fetched_at, a.path, a.record, a.id
            """)
        out = _rows(cur)
        for r in out:
            for k in ("actors", "places", "times"):
                r[k] = json.loads(r[k]) if r[k] else []
            r["sentences"] = r["sentences"] or []
        return out

    def sightings_for(self, article_ids: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
        ids = list(article_ids)
        out: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
        if not ids:
            return out
        cur = self.con.execute(
            """SELECT s.article_id, s.path, s.record, s.source, s.url, s.published_at, r.started_at AS run_started
               FROM sightings s LEFT JOIN runs r ON r.run_id = s.run_id
               WHERE s.article_id IN (SELECT unnest(?::VARCHAR[]))
               ORDER BY s.published_at NULLS LAST, r.started_at, s.path, s.record""", [ids])
        for r in _rows(cur):
            out.setdefault(r["article_id"], []).append(r)
        return out

    def article_meta(self, article_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        ids = list(article_ids)
        if not ids:
            return {}
        cur = self.con.execute(
            """SELECT a.id, a.path, a.source, a.url, a.language, a.published_at, a.published_from, a.fetched_at,
                      c.dup_group, c.copy_of, c.story_id
               FROM articles a LEFT JOIN corpus_articles c ON c.article_id = a.id
               WHERE a.id IN (SELECT unnest(?::VARCHAR[]))""", [ids])
        return {r["id"]: r for r in _rows(cur)}

    def insert_corpus_articles(self, rows: list[dict[str, Any]], run_id: str | None) -> None:
        now = _now()
        self._bulk("corpus_articles",
                   ["VARCHAR", "BLOB", "VARCHAR", "VARCHAR", "DOUBLE", "BLOB", "VARCHAR", "VARCHAR", "DOUBLE",
                    "VARCHAR", "VARCHAR", "VARCHAR", "TIMESTAMP"],
                   [[r["article_id"], r.get("minhash"), r.get("dup_group"), r.get("copy_of"), r.get("dup_similarity"),
                     r.get("embedding"), r.get("embed_model"), r.get("story_id"), r.get("story_score"),
                     r.get("story_reason"), r.get("corpus_date"), run_id, now] for r in rows],
                   "ON CONFLICT DO NOTHING")

    def set_copy_of(self, pairs: list[tuple[str, str]]) -> None:
        if pairs:
            self.con.execute(
                "UPDATE corpus_articles SET copy_of = q.c FROM (SELECT unnest(?::VARCHAR[]) AS a, "
                "unnest(?::VARCHAR[]) AS c) q WHERE corpus_articles.article_id = q.a",
                [[a for a, _ in pairs], [c for _, c in pairs]])

    # -- near-duplicates ---------------------------------------------------------------------
    def lsh_candidates(self, buckets: list[tuple[int, int]]) -> dict[tuple[int, int], list[str]]:
        if not buckets:
            return {}
        bands = [b for b, _ in buckets]
        keys = [k for _, k in buckets]
        cur = self.con.execute(
            """SELECT l.band, l.bucket, l.article_id FROM corpus_lsh l
               JOIN (SELECT unnest(?::INTEGER[]) AS band, unnest(?::BIGINT[]) AS bucket) q
                 ON q.band = l.band AND q.bucket = l.bucket""", [bands, keys])
        out: dict[tuple[int, int], list[str]] = {}
        for b, k, a in cur.fetchall():
            out.setdefault((b, k), []).append(a)
        return out

    def insert_lsh(self, rows: list[tuple[int, int, str]]) -> None:
        """Bulk insert through list parameters (executemany is far slower for millions of rows)."""
        for i in range(0, len(rows), 200_000):
            chunk = rows[i:i + 200_000]
            self.con.execute(
                "INSERT INTO corpus_lsh SELECT unnest(?::INTEGER[]), unnest(?::BIGINT[]), unnest(?::VARCHAR[])",
                [[r[0] for r in chunk], [r[1] for r in chunk], [r[2] for r in chunk]])

    def minhashes(self, article_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        ids = list(article_ids)
        if not ids:
            return {}
        cur = self.con.execute(
            """SELECT c.article_id, c.minhash, c.dup_group, c.copy_of FROM corpus_articles c
               WHERE c.article_id IN (SELECT unnest(?::VARCHAR[]))""", [ids])
        return {r["article_id"]: r for r in _rows(cur)}

    def group_members(self, groups: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
        gs = list(groups)
        out: dict[str, list[dict[str, Any]]] = {}
        if not gs:
            return out
        cur = self.con.execute(
            """SELECT c.dup_group, a.id, a.published_at, a.fetched_at, a.path, a.record
               FROM corpus_articles c JOIN articles a ON a.id = c.article_id
               WHERE c.dup_group IN (SELECT unnest(?::VARCHAR[]))""", [gs])
        for r in _rows(cur):
            out.setdefault(r["dup_group"], []).append(r)
        return out

    # -- stories -----------------------------------------------------------------------------
    def story_articles(self, date_from: str | None, date_to: str | None, all_rows: bool) -> list[dict[str, Any]]:
        """Embedded articles with their story and blocking date; a date range unless all_rows."""
        sql = ("SELECT c.article_id, c.embedding, c.story_id, c.corpus_date, c.dup_group FROM corpus_articles c "
               "WHERE c.story_id IS NOT NULL AND c.embedding IS NOT NULL")
        params: list[Any] = []
        if not all_rows:
            sql += " AND (c.corpus_date IS NULL OR (c.corpus_date >= ? AND c.corpus_date <= ?))"
            params = [date_from, date_to]
        rows = _rows(self.con.execute(sql, params))
        for r in rows:
            r["embedding"] = _vec(r["embedding"])
        return rows

    def stories(self, ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
        if ids is None:
            cur = self.con.execute("SELECT * FROM stories")
        else:
            cur = self.con.execute("SELECT * FROM stories WHERE id IN (SELECT unnest(?::VARCHAR[]))", [list(ids)])
        rows = _rows(cur)
        for r in rows:
            r["centroid"] = _vec(r["centroid"])
            for k in ("languages", "key_actors", "key_places", "state"):
                r[k] = json.loads(r[k]) if r[k] else None
        return rows

    def upsert_stories(self, stories: list[dict[str, Any]]) -> None:
        if not stories:
            return
        ids = [s["id"] for s in stories]
        self.con.execute("DELETE FROM stories WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids])
        now = _now()
        self._bulk("stories", ["VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "INTEGER", "INTEGER", "INTEGER",
                               "VARCHAR", "VARCHAR", "VARCHAR", "BLOB", "VARCHAR", "TIMESTAMP"],
                   [[s["id"], s["label"], s["first_seen"], s["last_seen"], s["article_count"], s["source_count"],
                     s.get("event_count", 0), _json(s["languages"]), _json(s["key_actors"]), _json(s["key_places"]),
                     s["centroid"].astype(np.float32).tobytes(), _json(s["state"]), now] for s in stories])

    def set_event_counts(self) -> None:
        self.con.execute(
            """UPDATE stories SET event_count = coalesce((SELECT count(*) FROM canonical_events e
                                                           WHERE e.story_id = stories.id), 0)""")

    def iter_stories(self) -> Iterable[dict[str, Any]]:
        cur = self.con.execute(
            """SELECT s.id, s.label, s.first_seen, s.last_seen, s.article_count, s.source_count, s.event_count,
                      s.languages, s.key_actors, s.key_places,
                      (SELECT list(c.article_id ORDER BY c.corpus_date NULLS LAST, c.article_id)
                         FROM corpus_articles c WHERE c.story_id = s.id) AS articles,
                      (SELECT list(e.id ORDER BY e.date NULLS LAST, e.id)
                         FROM canonical_events e WHERE e.story_id = s.id) AS events
               FROM stories s ORDER BY s.first_seen NULLS LAST, s.id""")
        for r in _rows(cur):
            for k in ("languages", "key_actors", "key_places"):
                r[k] = json.loads(r[k]) if r[k] else []
            r["articles"] = r["articles"] or []
            r["events"] = r["events"] or []
            yield r

    def top_stories(self, n: int = 10) -> list[dict[str, Any]]:
        rows = _rows(self.con.execute(
            """SELECT id, label, first_seen, last_seen, article_count, source_count, event_count, languages
               FROM stories ORDER BY source_count DESC, article_count DESC, first_seen, id LIMIT ?""", [n]))
        for r in rows:
            r["languages"] = json.loads(r["languages"]) if r["languages"] else []
        return rows

    def article_story(self, article_ids: Iterable[str]) -> dict[str, str | None]:
        ids = list(article_ids)
        if not ids:
            return {}
        return dict(self.con.execute(
            "SELECT article_id, story_id FROM corpus_articles WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
            [ids]).fetchall())

    def story_member_dates(self, story_ids: Iterable[str]) -> dict[str, list[tuple[str, str, float | None, str]]]:
        ids = list(story_ids)
        out: dict[str, list] = {}
        if not ids:
            return out
        cur = self.con.execute(
            """SELECT c.story_id, a.id, a.published_at, a.published_confidence, a.published_from
               FROM corpus_articles c JOIN articles a ON a.id = c.article_id
               WHERE c.story_id IN (SELECT unnest(?::VARCHAR[]))""", [ids])
        for sid, aid, pub, conf, frm in cur.fetchall():
            out.setdefault(sid, []).append((aid, pub, conf, frm))
        return out

    # -- date repair -------------------------------------------------------------------------
    def repair_published(self, article_id: str, old: str | None, new: str, reason: str, confidence: float,
                         story_id: str) -> None:
        self.con.execute(
            "UPDATE articles SET published_at = ?, published_from = 'story', published_confidence = ?, "
            "published_evidence = ? WHERE id = ? AND published_at IS NULL", [new, confidence, reason, article_id])
        self.add_repair(article_id, "published_at", old, new, reason, confidence, story_id)

    def add_repair(self, article_id: str, field: str, old: str | None, new: str, reason: str,
                   confidence: float, story_id: str | None) -> None:
        self.con.execute("INSERT INTO date_repairs VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                         [article_id, field, old, new, reason, confidence, story_id])

    def record_place_repair(self, article_id: str, start: int, old: str | None, new: str | None, reason: str,
                            confidence: float | None) -> None:
        """A place re-resolved by a corpus-level repair (outlet local lexicon), field "place:<start>". The old
        value stays the place before the first repair; a place moved back to it has no repair left."""
        field = f"place:{start}"
        row = self.con.execute("SELECT old_value FROM date_repairs WHERE article_id = ? AND field = ?",
                               [article_id, field]).fetchone()
        if row is None:
            self.add_repair(article_id, field, old, new, reason, confidence, None)
        elif row[0] == new:
            self.con.execute("DELETE FROM date_repairs WHERE article_id = ? AND field = ?", [article_id, field])
        else:
            self.con.execute("UPDATE date_repairs SET new_value = ?, reason = ?, confidence = ? "
                             "WHERE article_id = ? AND field = ?", [new, reason, confidence, article_id, field])

    def place_repairs(self, limit: int | None = None) -> list[dict[str, Any]]:
        return _rows(self.con.execute(
            "SELECT * FROM date_repairs WHERE field LIKE 'place:%' ORDER BY article_id, field LIMIT ?", [limit]))

    def repairs(self, article_ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
        if article_ids is None:
            return _rows(self.con.execute("SELECT * FROM date_repairs ORDER BY article_id, field"))
        return _rows(self.con.execute(
            "SELECT * FROM date_repairs WHERE article_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY article_id, field",
            [list(article_ids)]))

    # -- events ------------------------------------------------------------------------------
    def new_events(self) -> list[dict[str, Any]]:
        cur = self.con.execute(
            """SELECT e.payload FROM events e LEFT JOIN event_links l ON l.event_id = e.id
               WHERE l.event_id IS NULL ORDER BY e.date NULLS LAST, e.id""")
        return [json.loads(p) for (p,) in cur.fetchall()]

    def events_by_id(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        ids = list(ids)
        if not ids:
            return {}
        cur = self.con.execute("SELECT id, payload FROM events WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids])
        return {i: json.loads(p) for i, p in cur.fetchall()}

    def canonical_candidates(self, date_from: str | None, date_to: str | None) -> list[dict[str, Any]]:
        """Canonical events whose date is in range or unknown, with their member event ids."""
        cur = self.con.execute(
            """SELECT c.id, c.story_id, c.payload,
                      (SELECT list(struct_pack(e := l.event_id, r := l.reason, s := l.score) ORDER BY l.event_id)
                         FROM event_links l WHERE l.canonical_id = c.id) AS members
               FROM canonical_events c
               WHERE c.date IS NULL OR (substr(c.date, 1, 10) >= ? AND substr(c.date, 1, 10) <= ?)
                  OR length(c.date) < 10""", [date_from or "0000", date_to or "9999"])
        out = []
        for cid, sid, payload, members in cur.fetchall():
            out.append({"id": cid, "story_id": sid, "payload": json.loads(payload), "members": members or []})
        return out

    def canonical_for_events(self, event_ids: Iterable[str]) -> list[dict[str, Any]]:
        """canonical_candidates rows of the canonical events these per-article events are linked to."""
        ids = list(event_ids)
        if not ids:
            return []
        cur = self.con.execute(
            """SELECT c.id, c.story_id, c.payload,
                      (SELECT list(struct_pack(e := l.event_id, r := l.reason, s := l.score) ORDER BY l.event_id)
                         FROM event_links l WHERE l.canonical_id = c.id) AS members
               FROM canonical_events c
               WHERE c.id IN (SELECT canonical_id FROM event_links WHERE event_id IN (SELECT unnest(?::VARCHAR[])))
               ORDER BY c.id""", [ids])
        return [{"id": cid, "story_id": sid, "payload": json.loads(payload), "members": members or []}
                for cid, sid, payload, members in cur.fetchall()]

    def link_events(self, links: list[tuple[str, str, str, float, str]]) -> None:
        if links:
            self._bulk("event_links", ["VARCHAR", "VARCHAR", "VARCHAR", "DOUBLE", "VARCHAR"],
                       [list(x) for x in links], "ON CONFLICT DO NOTHING")

    def upsert_canonical(self, events: list[dict[str, Any]]) -> None:
        if not events:
            return
        ids = [e["id"] for e in events]
        self.con.execute("DELETE FROM canonical_events WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids])
        now = _now()
        self._bulk("canonical_events", ["VARCHAR"] * 7 + ["INTEGER", "INTEGER", "VARCHAR", "VARCHAR", "TIMESTAMP"],
                   [[e["id"], e.get("story_id"), e["event_type"], e.get("date"), e.get("date_granularity"),
                     (e.get("location") or {}).get("country"), e.get("claim_status"), e["mention_count"],
                     e["source_count"], e.get("earliest_report"), _json(e), now] for e in events])

    def replace_claims(self, canonical_ids: list[str], claims: list[dict[str, Any]]) -> None:
        if canonical_ids:
            self.con.execute("DELETE FROM claims WHERE canonical_id IN (SELECT unnest(?::VARCHAR[]))", [canonical_ids])
        if claims:
            uniq = {c["id"]: c for c in claims}
            self._bulk("claims", ["VARCHAR"] * 9,
                       [[c["id"], c["canonical_id"], c["event_id"], c["article_id"], c["claimant"],
                         c["claimant_country"], c["kind"], c["value"], c["sentence"]] for c in uniq.values()])

    def replace_dyads(self, canonical_ids: list[str], rows: list[tuple]) -> None:
        if canonical_ids:
            self.con.execute("DELETE FROM dyad_events WHERE canonical_id IN (SELECT unnest(?::VARCHAR[]))",
                             [canonical_ids])
        if rows:
            self._bulk("dyad_events", ["VARCHAR"] * 5 + ["INTEGER", "DOUBLE", "INTEGER", "VARCHAR[]"],
                       [list(r) for r in rows])

    def iter_canonical(self) -> Iterable[dict[str, Any]]:
        cur = self.con.execute("SELECT payload FROM canonical_events ORDER BY date NULLS LAST, id")
        while rows := cur.fetchmany(1000):
            for (p,) in rows:
                yield json.loads(p)

    def claims(self, canonical_id: str | None = None) -> list[dict[str, Any]]:
        if canonical_id is None:
            return _rows(self.con.execute("SELECT * FROM claims ORDER BY canonical_id, kind, id"))
        return _rows(self.con.execute("SELECT * FROM claims WHERE canonical_id = ? ORDER BY kind, id", [canonical_id]))

    # -- dyads -------------------------------------------------------------------------------
    def dyad_series(self, a: str, b: str, by: str) -> list[dict[str, Any]]:
        unit = {"day": "day", "week": "week", "month": "month"}[by]
        cur = self.con.execute(
            f"""SELECT strftime(date_trunc('{unit}', CAST(substr(date, 1, 10) AS DATE)), '%Y-%m-%d') AS period,
                       count(*) AS events,
                       count(*) FILTER (WHERE quad = 1) AS verbal_coop,
                       count(*) FILTER (WHERE quad = 2) AS material_coop,
                       count(*) FILTER (WHERE quad = 3) AS verbal_conflict,
                       count(*) FILTER (WHERE quad = 4) AS material_conflict,
                       avg(score) AS mean_score,
                       len(list_distinct(flatten(list(sources)))) AS sources
                FROM dyad_events
                WHERE ((side_a = ? AND side_b = ?) OR (side_a = ? AND side_b = ?))
                  AND date IS NOT NULL AND length(date) >= 10
                GROUP BY 1 ORDER BY 1""", [a, b, b, a])
        return _rows(cur)

    def corpus_counts(self) -> dict[str, int]:
        q = lambda sql: int(self.con.execute(sql).fetchone()[0])  # noqa: E731
        return {
            "stories": q("SELECT count(*) FROM stories"),
            "canonical_events": q("SELECT count(*) FROM canonical_events"),
            "near_duplicate_articles": q("SELECT count(*) FROM corpus_articles WHERE copy_of IS NOT NULL AND copy_of <> article_id"),
            "independent_sources": q("SELECT count(DISTINCT dup_group) FROM corpus_articles"),
            "claims": q("SELECT count(*) FROM claims"),
            "contested_events": q("SELECT count(*) FROM canonical_events WHERE claim_status = 'contested'"),
            "date_repairs": q("SELECT count(*) FROM date_repairs WHERE field NOT LIKE 'place:%'"),
            "place_repairs": q("SELECT count(*) FROM date_repairs WHERE field LIKE 'place:%'"),
        }
