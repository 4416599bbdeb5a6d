"""acled suite on tiny original fixtures in the CASE 2021 Task 2 format (id, EventSnippet, SubType)."""
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.errors import BenchmarkDataMissing, ConfigError
from eventwire.evaluation import run_suite
from eventwire.evaluation.acled import load_tsv

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "acled"
FIXTURE = FIXTURES / "tiny_case2021_task2.tsv"
OWN = FIXTURES / "own_snippets_case_format.tsv"


def test_reads_the_tsv_and_skips_the_header():
    rows = load_tsv(FIXTURE)
    assert len(rows) == 5 and rows[0][2] == "AIR_STRIKE"


def test_scores_the_fixture_with_the_snippet_classifier():
    m = run_suite("acled", data=FIXTURE)
    assert m["task"] == "snippet" and m["snippets"] == 5
    assert set(m) >= {"accuracy", "weighted_f1", "macro_f1"}
    assert m["accuracy"] >= 0.8  # floor against regressions on clear-cut original sentences
    assert m["classifier"].startswith("tf-idf+e5 + fine-tuned MiniLM encoder for en + fine-tuned e5 encoder for ar,en,")
    assert m["classifier"].endswith(" + takeover direction from the parse + protest severity from the structure")


def test_scores_the_fixture_through_the_pipeline():
    m = run_suite("acled", data=FIXTURE, task="pipeline")
    assert m["task"] == "pipeline" and m["snippets"] == 5
    assert m["accuracy"] >= 0.6


def test_cli_eval_acled_on_our_own_snippets():
    r = CliRunner().invoke(app, ["eval", "acled", "--data", str(OWN), "--json"])
    assert r.exit_code == 0, r.output
    m = json.loads(r.output.strip().splitlines()[-1])
    assert m["snippets"] == 10 and m["task"] == "snippet"
    assert m["weighted_f1"] >= 0.6 and 0 <= m["macro_f1"] <= 1


def test_needs_data():
    with pytest.raises(BenchmarkDataMissing):
        run_suite("acled")


def test_rejects_unknown_task():
    with pytest.raises(ConfigError):
        run_suite("acled", data=FIXTURE, task="nope")


def test_reports_the_seen_label_subset_separately():
    # CASE 2021 scored 25 seen labels and all 30 apart; rows outside the 25 count only in the overall figure
    m = run_suite("acled", data=FIXTURES / "with_unseen_labels.tsv")
    assert m["snippets"] == 4 and m["seen.snippets"] == 2 and m["seen.labels"] == 25
    assert m["seen.accuracy"] >= m["accuracy"]
    assert "f1.DIPLO" in m and "f1.AIR_STRIKE" in m


def test_the_25_type_figures_choose_among_the_25_only():
    # a label outside the 25 can never be right on a row whose gold is one of them, so the closed choice
    # is right wherever the open one is (and maybe more often)
    m = run_suite("acled", data=FIXTURES / "with_unseen_labels.tsv")
    assert "seen.open.accuracy" in m
    assert m["seen.accuracy"] >= m["seen.open.accuracy"]


def test_best_label_restricted_to_a_label_set():
    from eventwire.evaluation.acled import _best

    probs = {"DIPLO": 0.5, "AGREEMENT": 0.3, "ARREST": 0.2}
    assert _best(probs, None) == "DIPLO"
    assert _best(probs, {"AGREEMENT", "ARREST"}) == "AGREEMENT"
    assert _best({}, {"ARREST"}) == "OTHER"
