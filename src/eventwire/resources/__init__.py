"""Data files shipped with eventwire (lexicons, knowledge base, models), loaded lazily and cached."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any


def root() -> Path:
    return Path(str(resources.files("eventwire.resources")))


@lru_cache(maxsize=256)
def load_yaml(relpath: str) -> Any:
    import yaml

    path = root() / relpath
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def languages() -> list[str]:
    """Language codes that have a resources/lang/<code>/ folder."""
    return sorted(p.name for p in (root() / "lang").iterdir() if p.is_dir() and not p.name.startswith("_"))


@lru_cache(maxsize=64)
def lang_file(code: str, name: str) -> Any:
    """resources/lang/<code>/<name>.yaml, or None when that language has no such file."""
    path = root() / "lang" / code / f"{name}.yaml"
    if not path.exists():
        return None
    return load_yaml(f"lang/{code}/{name}.yaml")


def all_lang_files(name: str) -> dict[str, Any]:
    return {code: data for code in languages() if (data := lang_file(code, name)) is not None}
