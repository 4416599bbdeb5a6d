"""plover-gsr actors task: runs on the shared benchmark when present; a loose floor guards regressions."""
from __future__ import annotations

import pytest

from eventwire.evaluation import bench_root
from eventwire.evaluation import plover_gsr


def _data():
    path = bench_root() / "plover-gsr" / "PLOVER_GSR_CAMEO.txt"
    if not path.exists():
        pytest.skip("shared benchmark data not present")
    return path


def test_locate_prefers_whole_words():
    assert plover_gsr.locate("the UK is pushing the US", "US") == (22, 24)
    assert plover_gsr.locate("U.S. and ... negotiators met", "U.S. ... negotiators") == (0, 24)


def test_actor_task_floor():
    m = plover_gsr.evaluate(data=_data(), task="actors", limit=120)
    assert m["actors.gold_actors"] > 200
    assert m["actors.country_accuracy"] >= 0.85
    assert m["actors.coverage"] >= 0.88


def test_default_runs_every_task():
    m = plover_gsr.evaluate(data=_data(), limit=5)
    for task in plover_gsr.TASKS:
        assert any(k.startswith(f"{task}.") for k in m)
