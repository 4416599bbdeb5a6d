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
