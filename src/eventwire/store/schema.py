"""Store schema as named, ordered migrations. Append new migrations; never edit applied ones."""
from __future__ import annotations

MIGRATIONS: list[tuple[int, str, str]] = [
    (
        1,
        "initial",
        """
        CREATE TABLE runs (
            run_id VARCHAR PRIMARY KEY,
            started_at TIMESTAMP NOT NULL,
            finished_at TIMESTAMP,
            status VARCHAR NOT NULL,          -- running, finished, failed
            command VARCHAR,
            inputs JSON,
            stage_versions JSON,
            articles_added INTEGER DEFAULT 0,
            rejects_added INTEGER DEFAULT 0,
            note VARCHAR
        );
        CREATE TABLE articles (
            id VARCHAR PRIMARY KEY,           -- content hash of the normalised text
            path VARCHAR NOT NULL,            -- first input it was read from
            record INTEGER,
            format VARCHAR,
            encoding VARCHAR,
            source VARCHAR,
            url VARCHAR,
            title VARCHAR,
            text VARCHAR NOT NULL,
            language VARCHAR,
            language_confidence DOUBLE,
            published_at VARCHAR,
            published_from VARCHAR,
            published_confidence DOUBLE,
            published_evidence VARCHAR,
            fetched_at VARCHAR,
            extra JSON,
            removed JSON,                     -- boilerplate removed during cleaning, by kind
            stage_versions JSON,
            run_id VARCHAR
        );
        -- every input record that produced an article (the same text from two outlets: two rows)
        CREATE TABLE sightings (
            input_key VARCHAR PRIMARY KEY,    -- hash of path, record and raw body
            article_id VARCHAR NOT NULL,
            path VARCHAR NOT NULL,
            record INTEGER,
            source VARCHAR,
            url VARCHAR,
            published_at VARCHAR,
            run_id VARCHAR
        );
        CREATE TABLE sentences (
            article_id VARCHAR NOT NULL,
            idx INTEGER NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            PRIMARY KEY (article_id, idx)
        );
        CREATE TABLE rejects (
            id VARCHAR PRIMARY KEY,           -- hash of input, reason, stage
            input VARCHAR NOT NULL,
            input_key VARCHAR,
            reason VARCHAR NOT NULL,
            code VARCHAR NOT NULL,
            action VARCHAR NOT NULL,          -- rejected | flagged
            stage VARCHAR,
            message VARCHAR,
            article_id VARCHAR,
            detail JSON,
            created_at TIMESTAMP NOT NULL,
            run_id VARCHAR
        );
        -- per-article annotations (mentions, actors, places, times) as JSON, one row per article
        CREATE TABLE annotations (
            article_id VARCHAR PRIMARY KEY,
            mentions JSON,
            actors JSON,
            places JSON,
            times JSON
        );
        CREATE TABLE events (
            id VARCHAR PRIMARY KEY,
            article_id VARCHAR NOT NULL,
            event_type VARCHAR,
            mode VARCHAR,
            cameo_root VARCHAR,
            acled_subtype VARCHAR,
            score DOUBLE,
            date VARCHAR,
            date_granularity VARCHAR,
            country VARCHAR,
            lat DOUBLE,
            lon DOUBLE,
            modality VARCHAR,
            claim_status VARCHAR,
            confidence DOUBLE,
            payload JSON NOT NULL
        );
        """,
    ),
]
