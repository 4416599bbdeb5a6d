"""plover-gsr task "events" on a slice of the gold records (skips without ../shared/bench)."""
from eventwire.evaluation import run_suite


def test_events_task_runs_and_reports(bench_dir):
    m = run_suite("plover-gsr", data=bench_dir / "plover-gsr", task="events", limit=30)
    assert m["events.sentences"] == 30
    for k in ("type_accuracy", "type_macro_f1", "actor_country_accuracy", "recipient_country_accuracy", "coverage"):
        assert 0.0 <= m[f"events.{k}"] <= 1.0
    assert m["events.coverage"] >= 0.7  # floor: most gold sentences get an event
    assert m["events.type_accuracy"] >= 0.3  # floor against regressions (full-set figure in the report)
    per_type = {k: v for k, v in m.items() if k.startswith("events.type_f1.")}
    assert per_type and all(0.0 <= v <= 1.0 for v in per_type.values())
    assert isinstance(m["events.confusion_top"], str) and m["events.no_trigger_misses"] >= 0
