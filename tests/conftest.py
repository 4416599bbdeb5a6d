"""Shared fixtures. Model-backed objects are session-scoped so each loads once per test run."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("OMP_NUM_THREADS", "2")

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def settings():
    from eventwire.config import load_settings

    return load_settings(env={})


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared next to the repository; tests that need it skip cleanly when it is absent."""
    for cand in (ROOT.parent / "shared", ROOT.parent.parent / "shared"):
        if cand.is_dir():
            return cand
    pytest.skip("../shared is not available")


@pytest.fixture(scope="session")
def bench_dir(shared_dir: Path) -> Path:
    path = shared_dir / "bench"
    if not path.is_dir():
        pytest.skip("../shared/bench is not available")
    return path


@pytest.fixture(scope="session")
def core_pipeline(settings):
    from eventwire.pipeline.runner import Pipeline

    return Pipeline.from_names(["clean", "language", "sentences"], settings, on_error="raise")


@pytest.fixture(scope="session")
def full_pipeline(settings):
    from eventwire.pipeline.runner import Pipeline

    return Pipeline.from_names(settings.get("run.stages"), settings, on_error="raise")
