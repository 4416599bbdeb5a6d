"""Floors on the temporal benchmarks (scores are reported by `eventwire eval`, not asserted here)."""
from datetime import date

from eventwire.evaluation import timex


def test_week_and_quarter_normalisation():
    assert timex._norm("1998-01-05/1998-01-11") == "1998-W02"
    assert timex._norm("1998-07-01/1998-09-30") == "1998-Q3"
    assert timex._norm("1998-07") == "1998-07" and timex._norm(None) is None


def test_tbaq_floor(bench_dir):
    m = timex.evaluate_tbaq(data=bench_dir / "temporal" / "TBAQ-cleaned", limit=60)
    assert m["date_value_accuracy"] > 0.7 and m["date_span_precision"] > 0.85


def test_meantime_floor(bench_dir):
    m = timex.evaluate_meantime(data=bench_dir / "temporal" / "meantime_en" / "intra-doc_annotation", limit=40)
    assert m["date_value_accuracy"] > 0.7
