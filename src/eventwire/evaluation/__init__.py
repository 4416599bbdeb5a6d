"""Benchmark suites for `eventwire eval`: each reads a public set in its own format and returns metrics.

SUITES maps a suite name to "module:function"; the function takes (data: Path | None, task, limit)
and returns a flat dict of metric -> number. Modules are imported only when their suite runs.
"""
from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import Any

from eventwire.errors import BenchmarkDataMissing, EventwireError


class NotImplementedSuite(EventwireError):
    code, reason = "EW501", "suite_not_built"

SUITES: dict[str, str] = {
    "plover-gsr": "eventwire.evaluation.plover_gsr:evaluate",
    "petrarch": "eventwire.evaluation.petrarch:evaluate",
    "acled": "eventwire.evaluation.acled:evaluate",
    "tbaq": "eventwire.evaluation.timex:evaluate_tbaq",
    "meantime": "eventwire.evaluation.timex:evaluate_meantime",
    "lgl": "eventwire.evaluation.geoparsing:evaluate_lgl",
    "tr-news": "eventwire.evaluation.geoparsing:evaluate_trnews",
}


def bench_root() -> Path:
    """../shared/bench by default; EVENTWIRE_BENCH overrides."""
    env = os.environ.get("EVENTWIRE_BENCH")
    if env:
        return Path(env)
    for base in (Path.cwd(), *Path.cwd().parents):
        cand = base / "shared" / "bench"
        if cand.is_dir():
            return cand
        cand = base.parent / "shared" / "bench"
        if cand.is_dir():
            return cand
    return Path("../shared/bench")


def require(path: Path) -> Path:
    if not path.exists():
        raise BenchmarkDataMissing(f"benchmark data not found at {path}; pass --data or set EVENTWIRE_BENCH")
    return path


def run_suite(name: str, *, data: Path | None = None, task: str | None = None, limit: int | None = None) -> dict[str, Any]:
    module, func = SUITES[name].split(":")
    try:
        importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name == module:
            raise NotImplementedSuite(f"suite {name} is not built yet ({module})") from exc
        raise
    return getattr(importlib.import_module(module), func)(data=data, task=task, limit=limit)
