"""acled suite on a tiny original fixture in the CASE 2021 Task 2 format (id, EventSnippet, SubType)."""
from pathlib import Path

import pytest

from eventwire.errors import BenchmarkDataMissing
from eventwire.evaluation import run_suite
from eventwire.evaluation.acled import load_tsv

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "acled" / "tiny_case2021_task2.tsv"


def test_reads_the_tsv_and_skips_the_header():
    rows = load_tsv(FIXTURE)
    assert len(rows) == 5 and rows[0][2] == "AIR_STRIKE"


def test_scores_the_fixture():
    m = run_suite("acled", data=FIXTURE)
    assert m["snippets"] == 5
    assert set(m) >= {"accuracy", "weighted_f1", "macro_f1"}
    assert m["accuracy"] >= 0.6  # floor against regressions on clear-cut original sentences


def test_needs_data():
    with pytest.raises(BenchmarkDataMissing):
        run_suite("acled")
