"""Outlet local lexicon: a same-named town goes to the outlet's own state once the outlet's other articles
establish it. Fictional local-news texts written for these tests."""
from __future__ import annotations

import pytest

from eventwire.geo.gazetteer import load
from eventwire.geo.geoparse import toponyms_for
from eventwire.geo.outlet import Item, OutletLexicon, evidence, repair_docs, resolve_corpus
from eventwire.geo.resolve import resolve
from eventwire.model import AnalyzedArticle, Article, RawDocument

HISTORY = [
    "The county fair opened on Friday. Crowds came from Bemidji and Brainerd to see the livestock show.",
    "A new clinic will serve families in Fergus Falls, the board said, and a second one is planned near Willmar.",
    "Snowplow crews worked through the night in Hibbing while roads around Detroit Lakes stayed closed.",
]
TARGET = "The Alexandria school board voted on Tuesday to extend library hours through the summer."


def _item(aid: str, source: str | None, text: str) -> Item:
    return Item(aid, source, text, toponyms_for(text, "en", []))


def _alexandria(places):
    return next(p for p in places if p.text == "Alexandria")


@pytest.fixture(scope="module")
def G():
    return load()


def test_history_establishes_minnesota(G):
    items = [_item(f"h{i}", "lakecountryecho.example", t) for i, t in enumerate(HISTORY)]
    items.append(_item("t", "lakecountryecho.example", TARGET))
    out = resolve_corpus(items, G)
    pm = _alexandria(out["t"])
    assert (pm.place.country, pm.place.admin1) == ("USA", "Minnesota")
    assert "outlet local lexicon: lakecountryecho.example" in pm.reason and "Minnesota" in pm.reason


def test_without_history_unchanged(G):
    alone = _alexandria(resolve(toponyms_for(TARGET, "en", []), G, text=TARGET))
    assert alone.place.admin1 != "Minnesota"  # the same text with no outlet history: the largest namesake
    for source in (None, "lakecountryecho.example"):
        out = resolve_corpus([_item("t", source, TARGET)], G)
        assert _alexandria(out["t"]).place == alone.place
    # another outlet's history lends nothing
    items = [_item(f"h{i}", "lakecountryecho.example", t) for i, t in enumerate(HISTORY)]
    items.append(_item("t", "otherpaper.example", TARGET))
    assert _alexandria(resolve_corpus(items, G)["t"]).place == alone.place
    # and the lexicon switched off changes nothing
    items[-1] = _item("t", "lakecountryecho.example", TARGET)
    assert _alexandria(resolve_corpus(items, G, enabled=False)["t"]).place == alone.place


def test_order_independent(G):
    texts = [(f"h{i}", t) for i, t in enumerate(HISTORY)] + [("t", TARGET)]
    a = resolve_corpus([_item(k, "lakecountryecho.example", t) for k, t in texts], G)
    b = resolve_corpus([_item(k, "lakecountryecho.example", t) for k, t in reversed(texts)], G)
    assert a == b


def test_in_text_state_beats_outlet(G):
    text = "Officials in Alexandria, Va., said the bridge would reopen next week."
    items = [_item(f"h{i}", "lakecountryecho.example", t) for i, t in enumerate(HISTORY)]
    items.append(_item("t", "lakecountryecho.example", text))
    assert _alexandria(resolve_corpus(items, G)["t"]).place.admin1 == "Virginia"


def _evidence(G, text):
    tops = toponyms_for(text, "en", [])
    return evidence(G, tops, resolve(tops, G, text=text))


def test_evidence_is_confident_places_only(G):
    assert {(cc, a1, k) for cc, a1, k in _evidence(G, HISTORY[0]).places} == {
        ("US", "Minnesota", "bemidji"), ("US", "Minnesota", "brainerd")}
    assert _evidence(G, TARGET).places == ()  # a namesake chosen on population alone never vouches
    # one chosen on the article's own regional context does ("Alexandria" beside Bemidji and Brainerd)
    names = {(a1, k) for _, a1, k in _evidence(G, HISTORY[0] + " " + TARGET).places}
    assert ("Minnesota", "alexandria") in names
    ev = _evidence(G, HISTORY[0])
    lex = OutletLexicon()
    lex.add("www.LakeCountryEcho.example", "a", ev)
    assert lex.prior("lakecountryecho.example", "a") is None  # its own evidence is left out


def test_own_context_is_a_flag_not_a_reading_of_the_reason(G):
    import dataclasses

    text = HISTORY[0] + " " + TARGET
    tops = toponyms_for(text, "en", [])
    places = resolve(tops, G, text=text)
    alex = _alexandria(places)
    assert alex.own_context and alex.place.admin1 == "Minnesota"  # beside Bemidji and Brainerd
    assert not _alexandria(resolve(toponyms_for(TARGET, "en", []), G, text=TARGET)).own_context
    i = places.index(alex)

    def names(pm):
        return {(a1, k) for _, a1, k in evidence(G, tops, places[:i] + [pm] + places[i + 1:]).places}

    # the evidence follows the flag whatever the reason's wording (reasons are for people)
    assert ("Minnesota", "alexandria") in names(dataclasses.replace(alex, reason="reworded"))
    assert ("Minnesota", "alexandria") not in names(dataclasses.replace(alex, own_context=False))


def test_repair_docs_updates_analyzed_articles(G):
    docs = []
    for i, text in enumerate(HISTORY + [TARGET]):
        art = Article(id=f"a{i}", path="x.jsonl", text=text, source="lakecountryecho.example", language="en")
        d = AnalyzedArticle(RawDocument("x.jsonl", "jsonl", text), art)
        d.places = resolve(toponyms_for(text, "en", []), G, text=text)
        docs.append(d)
    before = _alexandria(docs[-1].places).place
    changes = repair_docs(docs)
    after = _alexandria(docs[-1].places).place
    assert before.admin1 != "Minnesota" and after.admin1 == "Minnesota"
    assert [c["article_id"] for c in changes] == ["a3"] and "outlet local lexicon" in changes[0]["reason"]


def _docs(G):
    docs = []
    for i, text in enumerate(HISTORY + [TARGET]):
        art = Article(id=f"a{i}", path=f"p{i}.jsonl", text=text, source="lakecountryecho.example", language="en")
        d = AnalyzedArticle(RawDocument(f"p{i}.jsonl", "jsonl", text), art)
        d.places = resolve(toponyms_for(text, "en", []), G, text=text)
        docs.append(d)
    return docs


def _event(article_id: str, place):
    from eventwire.model.event import Event, Size

    return Event(id="e0", article_id=article_id, event_type="CONSULT", mode=None, contexts=(), cameo_root=None,
                 acled_subtype=None, score=None, actor=(), recipient=(), date=None, date_granularity=None,
                 location=place, size=Size(), modality="asserted", attribution=None, claim_status="reported",
                 confidence=0.5, reasons=("test",), evidence=())


def test_repair_docs_moves_event_location(G):
    docs = _docs(G)
    old = _alexandria(docs[-1].places).place
    docs[-1].events = [_event("a3", old)]
    repair_docs(docs)
    ev = docs[-1].events[0]
    assert ev.location.admin1 == "Minnesota" and ev.id != "e0"
    assert any(r.startswith("location: outlet local lexicon") for r in ev.reasons)


def test_repair_store(G):
    from eventwire.store import Store, input_key

    docs = _docs(G)
    store = Store(":memory:")
    try:
        run_id = store.start_run("test", [], {})
        store.write_batch([(input_key(d.raw), d) for d in docs], run_id)
        from eventwire.geo.outlet import repair_store

        assert repair_store(store) == 1
        assert repair_store(store) == 0  # a second run changes nothing
        import json

        places = json.loads(store.con.execute("SELECT places FROM annotations WHERE article_id = 'a3'").fetchone()[0])
        alex = next(p for p in places if p["text"] == "Alexandria")
        assert alex["place"]["admin1"] == "Minnesota" and "outlet local lexicon" in alex["reason"]
    finally:
        store.close()


@pytest.mark.parametrize("text,name,code", [
    ("Lawmakers in Washington passed the budget on Friday, and the United States Senate votes next week.",
     "Washington", "PPLC"),
    ("Fans in Buenos Aires celebrated the win over Brazil.", "Buenos Aires", "PPLC"),
    ("Apple growers in eastern Washington state expect a large harvest.", "Washington", "ADM1"),
])
def test_capital_over_same_named_region(G, text, name, code):
    pm = next(p for p in resolve(toponyms_for(text, "en", []), G, text=text, lang="en") if p.text == name)
    assert pm.place.feature_code == code
