"""Outlet local lexicon repairs across `eventwire run`s on a real DuckDB file: a later run that moves an
older article's place updates the canonical events built earlier, records the repair, changes nothing
when run again, and a run killed part-way then restarted ends in the same state as an uninterrupted one.
Texts are the fictional local-news ones of tests/geo/test_outlet.py."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from tests.corpus.conftest import make_doc, make_event, query as _q, write
from tests.geo.test_outlet import HISTORY, TARGET

OUTLET = "lakecountryecho.example"
ROOT = Path(__file__).resolve().parents[2]


def _lake_docs(pipe):
    from eventwire.geo.geoparse import toponyms_for
    from eventwire.geo.resolve import resolve

    docs = []
    for i, text in enumerate(HISTORY + [TARGET]):
        d = make_doc(pipe, text, path=f"lake/{i}.txt", source=OUTLET, published=f"2024-05-0{i + 1}")
        d.places = resolve(toponyms_for(d.article.text, "en", []), text=d.article.text, lang="en")
        docs.append(d)
    t = docs[-1]
    alex = next(p for p in t.places if p.text == "Alexandria").place
    t.events = [replace(make_event(t, type="CONSULT", date="2024-05-04"), location=alex)]
    return docs


def _corpus_run(db, settings, docs=(), tag="r"):
    from eventwire.jobs import run_corpus_stages
    from eventwire.store import Store

    with Store(db) as store:
        if docs:
            write(store, list(docs), tag)
        return run_corpus_stages(store, settings)


def _canonical(db):
    rows = _q(db, "SELECT payload, country FROM canonical_events ORDER BY id")
    return [(json.loads(p), country) for p, country in rows]


def _story_places(db, article_id):
    """geonames ids of the key places of the article's story."""
    ((kp,),) = _q(db, "SELECT s.key_places FROM stories s JOIN corpus_articles c ON c.story_id = s.id "
                      "WHERE c.article_id = ?", [article_id])
    return {k["id"] for k in json.loads(kp)}


def _state(db):
    """Everything a run writes, minus wall-clock columns."""
    return {
        "places": _q(db, "SELECT article_id, places FROM annotations ORDER BY 1"),
        "events": _q(db, "SELECT id, country, lat, lon, payload FROM events ORDER BY 1"),
        "links": _q(db, "SELECT * FROM event_links ORDER BY 1"),
        "canonical": _q(db, "SELECT id, story_id, country, mention_count, payload FROM canonical_events ORDER BY 1"),
        "claims": _q(db, "SELECT * FROM claims ORDER BY 1"),
        "dyads": _q(db, "SELECT * FROM dyad_events ORDER BY 1, 2, 3"),
        "repairs": _q(db, "SELECT * FROM date_repairs ORDER BY 1, 2"),
        "corpus_articles": _q(db, "SELECT article_id, dup_group, story_id, corpus_date FROM corpus_articles "
                                  "ORDER BY 1"),
        "stories": _q(db, "SELECT id, label, article_count, source_count, event_count, languages, key_actors, "
                          "key_places, state FROM stories ORDER BY 1"),
    }


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory, pipe, settings):
    """Run 1: two of the outlet's articles (too few for its lexicon), the Alexandria one with an event, so its
    canonical event takes the namesake chosen without the outlet. Run 2 adds two more of its articles."""
    d = tmp_path_factory.mktemp("lake")
    docs = _lake_docs(pipe)
    db = d / "lake.duckdb"
    first = _corpus_run(db, settings, [docs[0], docs[3]], "r1")
    shutil.copy(db, d / "after_run1.duckdb")
    before = _canonical(db)
    places_before = _story_places(db, docs[3].article.id)
    second = _corpus_run(db, settings, docs[1:3], "r2")
    return {"db": db, "run1": d / "after_run1.duckdb", "docs": docs, "first": first, "second": second,
            "before": before, "places_before": places_before}


def test_later_repair_moves_the_canonical_event_built_earlier(two_runs):
    assert two_runs["first"]["place_repairs"] == 0
    ((c0, _),) = two_runs["before"]
    assert c0["location"]["name"] == "Alexandria" and c0["location"]["admin1"] != "Minnesota"
    assert two_runs["second"]["place_repairs"] == 1
    ((c1, country),) = _canonical(two_runs["db"])
    (ev,) = [json.loads(p) for (p,) in _q(two_runs["db"], "SELECT payload FROM events")]
    assert c1["id"] == c0["id"] and c1["mentions"] == [ev["id"]], "same canonical event, same member"
    assert ev["location"]["admin1"] == "Minnesota"
    assert c1["location"] == ev["location"] and country == ev["location"]["country"]


def test_the_story_key_places_follow_the_repair(two_runs):
    ((c0, _),) = two_runs["before"]
    ((c1, _),) = _canonical(two_runs["db"])
    old, new = str(c0["location"]["geonames_id"]), str(c1["location"]["geonames_id"])
    assert old in two_runs["places_before"] and new not in two_runs["places_before"]
    after = _story_places(two_runs["db"], two_runs["docs"][3].article.id)
    assert new in after and old not in after


def test_place_repairs_are_recorded_and_listed(two_runs):
    from eventwire.store import Store
    from eventwire.store.corpus_repo import CorpusRepo

    target = two_runs["docs"][3].article
    start = target.text.index("Alexandria")
    with Store(two_runs["db"]) as store:
        (rep,) = CorpusRepo(store).place_repairs()
        counts = CorpusRepo(store).corpus_counts()
        sections = {s["title"]: s for s in store.stats()["extra_sections"]}
    assert (rep["article_id"], rep["field"]) == (target.id, f"place:{start}")
    assert rep["old_value"].startswith("Alexandria") and "Minnesota" not in rep["old_value"]
    assert rep["new_value"].startswith("Alexandria, Minnesota, USA (geonames ")
    assert rep["reason"].startswith("outlet local lexicon: lakecountryecho.example")
    assert counts["place_repairs"] == 1 and counts["date_repairs"] == 0
    assert ["place repairs", 1] in sections["Across articles"]["rows"]
    (row,) = sections["Place repairs (1, first 1)"]["rows"]  # listed by `eventwire stats`
    assert row[1:] == [rep["field"], rep["old_value"], rep["new_value"], rep["reason"]]


def test_a_third_run_changes_nothing(two_runs, tmp_path, settings):
    db = tmp_path / "again.duckdb"
    shutil.copy(two_runs["db"], db)
    before = _state(db)
    assert len(before["repairs"]) == 1 and "Minnesota" in before["canonical"][0][4]  # the repaired state
    again = _corpus_run(db, settings)
    assert again["place_repairs"] == 0 and again["new_articles"] == 0 and again["new_mentions"] == 0
    assert _state(db) == before


_KILL = """
import os, sys
from eventwire.store.corpus_repo import CorpusRepo

n, calls, commit = int(sys.argv[2]), [0], CorpusRepo.commit


def dying_commit(self):  # the process dies at the n-th commit, before it happens (as on SIGKILL)
    calls[0] += 1
    if calls[0] == n:
        os._exit(9)
    commit(self)


CorpusRepo.commit = dying_commit
from eventwire.config import load_settings
from eventwire.jobs import run_corpus_stages
from eventwire.store import Store

run_corpus_stages(Store(sys.argv[1]), load_settings(env={}))
"""


@pytest.mark.parametrize("kill_at", [1, 2], ids=["during-place-repair", "during-corpus-stages"])
def test_killed_run_restarts_to_the_same_state(two_runs, tmp_path, settings, kill_at):
    db = tmp_path / "killed.duckdb"
    shutil.copy(two_runs["run1"], db)
    from eventwire.store import Store

    with Store(db) as store:
        write(store, two_runs["docs"][1:3], "r2")
    env = {**os.environ, "OMP_NUM_THREADS": "2"}
    proc = subprocess.run([sys.executable, "-c", _KILL, str(db), str(kill_at)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 9, proc.stderr[-2000:]
    _corpus_run(db, settings, (), "restart")
    assert _state(db) == _state(two_runs["db"]), "restart loses nothing and duplicates nothing"
    ((c, _),) = _canonical(db)
    assert c["location"]["admin1"] == "Minnesota"
