"""eventwire: news articles in, event data out (offline, multilingual, traceable to the sentence).

Public API (nothing heavy runs on import; models load on first use):

    from eventwire import run, analyze, load_settings, Store
"""
from __future__ import annotations

import logging

__version__ = "0.1.0"
__all__ = ["__version__", "analyze", "load_settings", "run", "Store"]

logging.getLogger(__name__).addHandler(logging.NullHandler())


def __getattr__(name: str):
    # Lazy attributes keep `import eventwire` cheap.
    if name in ("run", "analyze"):
        from eventwire import jobs

        return getattr(jobs, name)
    if name == "load_settings":
        from eventwire.config import load_settings

        return load_settings
    if name == "Store":
        from eventwire.store import Store

        return Store
    raise AttributeError(name)
