"""Builders for corpus tests: articles through the real core stages (clean, language, sentences),
with actors/places/events constructed from the model types, written to a real DuckDB file."""
from __future__ import annotations

import hashlib
from dataclasses import replace

import pytest

from eventwire.model import (
    ActorMention,
    EventActor,
    Event,
    Evidence,
    Place,
    PlaceMention,
    RawDocument,
    Size,
    Attribution,
)

PLACES = {
    "idlib": Place(169389, "Idlib", "SYR", "Idlib", 35.93, 36.63, "A", "ADM1"),
    "balyun": Place(170001, "Balyun", "SYR", "Idlib", 35.65, 36.55, "P", "PPL"),
    "maarat": Place(170002, "Maarat Misrin", "SYR", "Idlib", 36.01, 36.67, "P", "PPL"),
    "madrid": Place(3117735, "Madrid", "ESP", "Madrid", 40.42, -3.70, "P", "PPLC"),
}
ACTORS = {
    "RUS": EventActor("Russia", "Russia", "RUS", "GOV", "Q159", "Q159"),
    "TUR": EventActor("Turkey", "Turkey", "TUR", "GOV", "Q43", "Q43"),
    "SYR": EventActor("Syria", "Syria", "SYR", "GOV", "Q858", "Q858"),
    "TURMIL": EventActor("Turkish soldiers", "Turkish Armed Forces", "TUR", "MIL", "Q1332646", "Q1332646"),
    "REB": EventActor("rebels", "Syrian opposition", "SYR", "REB", None, "ew:syr-reb"),
}


def make_doc(pipeline, text: str, *, path: str, source: str | None = None, published: str | None = None,
             title: str | None = None, actors=(), places=(), events=()):
    raw = RawDocument(path=path, format="txt", body=text, title=title, source=source, published_hint=published)
    doc = pipeline.analyze(raw)
    assert doc.article is not None, doc
    a = doc.article
    for key in actors:
        x = ACTORS[key]
        i = a.text.find(x.text)
        doc.actors.append(ActorMention(max(i, 0), max(i, 0) + len(x.text), x.text, x.actor_id, x.name, x.country,
                                       x.sector, x.wikidata, published, 0.9, "test"))
    for key in places:
        pl = PLACES[key]
        doc.places.append(PlaceMention(0, len(pl.name), pl.name, pl, 0.9, "test"))
    for spec in events:
        doc.events.append(make_event(doc, **spec))
    return doc


def make_event(doc, *, type: str, actor=(), recipient=(), date=None, place=None, dead=None, dead_max=None,
               mode=None, modality="asserted", claim_status="reported", speaker=None, speaker_country=None,
               sentence=0, score=None):
    a = doc.article
    s = doc.sentences[min(sentence, len(doc.sentences) - 1)]
    key = f"{a.id}|{type}|{actor}|{recipient}|{date}|{place}|{dead}|{sentence}"
    return Event(
        id="ev_" + hashlib.blake2b(key.encode(), digest_size=8).hexdigest(), article_id=a.id, event_type=type,
        mode=mode, contexts=(), cameo_root=None, acled_subtype=None, score=score,
        actor=tuple(ACTORS[k] for k in actor), recipient=tuple(ACTORS[k] for k in recipient), date=date,
        date_granularity=("day" if date and len(date) == 10 else "month" if date else None),
        location=PLACES[place] if place else None, size=Size(dead=dead, dead_max=dead_max), modality=modality,
        attribution=Attribution(speaker, speaker_country) if speaker else None, claim_status=claim_status,
        confidence=0.8, reasons=("test event",),
        evidence=(Evidence(a.id, s.index, s.start, s.end, a.text[s.start:s.end]),),
    )


def query(db, sql, params=()):
    """Rows of `sql` from the DuckDB file `db`, opened read-only (the store is closed between runs)."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def write(store, docs, tag: str = "t"):
    from eventwire.store import input_key

    run_id = store.start_run("test-" + tag, [], {})
    store.write_batch([(input_key(d.raw), d) for d in docs], run_id)
    store.finish_run(run_id, "finished", len(docs), 0)


@pytest.fixture(scope="session")
def pipe(core_pipeline):
    return core_pipeline


__all__ = ["make_doc", "make_event", "write", "replace"]
