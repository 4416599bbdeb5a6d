"""petrarch suite: reads the validation XML and scores CAMEO roots (skips without ../shared/bench)."""
from eventwire.evaluation import run_suite
from eventwire.evaluation.petrarch import FILES, load_records


def test_reads_the_records(bench_dir):
    recs = load_records(bench_dir / "petrarch-validation" / FILES["petr1_unit"][0])
    assert len(recs) > 200
    assert any(r["noevents"] for r in recs)
    assert all(c["eventcode"][:2].isdigit() for r in recs for c in r["codings"])


def test_scores_a_slice(bench_dir):
    m = run_suite("petrarch", data=bench_dir / "petrarch-validation", task="ud_petr_2_02", limit=25)
    assert m["ud_petr_2_02.sentences"] > 15
    assert 0.0 <= m["all.root_accuracy"] <= 1.0
    assert m["all.plover_type_accuracy"] >= 0.2  # floor against regressions


def test_records_dictionary_is_loaded_into_the_run():
    # the dictionary makes an unknown name an actor, so the role search can find it inside a phrase
    from eventwire.evaluation.petrarch import DictionaryActors
    from eventwire.evaluation.plover_gsr import analyze_sentence
    from eventwire.stages.actors import ActorsStage
    from eventwire.stages.events import EventStage
    from eventwire.stages.mentions import MentionsStage
    from eventwire.stages.sentences import SentenceStage

    text = "Eldoria welcomed the resumption of diplomatic ties with Norvaria after a long rift."
    base = [SentenceStage(None), MentionsStage(None), ActorsStage(None, date=None)]
    dic = DictionaryActors([("eldoria", "ELD"), ("norvaria", "NRV")])
    doc = analyze_sentence(text, base + [dic, EventStage(None)])
    assert {(a.text, a.country) for a in doc.actors} >= {("Eldoria", "ELD"), ("Norvaria", "NRV")}
    assert doc.events and {a.country for a in doc.events[0].recipient} == {"NRV"}
    without = analyze_sentence(text, base + [EventStage(None)])
    assert not any(a.country == "NRV" for e in without.events for a in e.recipient)
