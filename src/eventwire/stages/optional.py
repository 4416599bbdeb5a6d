"""Stages added by later work register here when their modules exist, so the core runs without them."""
from __future__ import annotations

import importlib
import logging

log = logging.getLogger(__name__)

# module names under eventwire.stages, in pipeline order
LATER_STAGES = ("published", "mentions", "actors", "places", "dates", "events")


def register_available() -> list[str]:
    loaded = []
    for name in LATER_STAGES:
        try:
            importlib.import_module(f"eventwire.stages.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"eventwire.stages.{name}":
                raise
            continue
        loaded.append(name)
    return loaded
