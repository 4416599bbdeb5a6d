"""Data files shipped with eventwire (lexicons, knowledge base, models), loaded lazily and cached."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any


def root() -> Path:
    return Path(str(resources.files("eventwire.resources")))


@lru_cache(maxsize=1)
def yaml_loader():
    """PyYAML's SafeLoader with YAML 1.2 booleans: only true/false are booleans.

    YAML 1.1 also reads on/off/yes/no/y/n as booleans, which silently turned word lists into True/False
    (English "on" and "no", Turkish "on" = ten, the Norway code NO)."""
    import re

    import yaml

    class DataLoader(yaml.SafeLoader):
        pass

    DataLoader.yaml_implicit_resolvers = {
        ch: [(tag, rx) for tag, rx in rs if tag != "tag:yaml.org,2002:bool"]
        for ch, rs in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    DataLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                     list("tTfF"))
    return DataLoader


def read_yaml(text_or_stream) -> Any:
    """Parse YAML data with eventwire's loader (see yaml_loader)."""
    import yaml

    return yaml.load(text_or_stream, Loader=yaml_loader())


@lru_cache(maxsize=256)
def load_yaml(relpath: str) -> Any:
    path = root() / relpath
    with path.open(encoding="utf-8") as fh:
        return read_yaml(fh)


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


@lru_cache(maxsize=64)
def lang_word_sets(code: str, name: str) -> dict[str, frozenset[str]]:
    """The word lists of resources/lang/<code>/<name>.yaml as lowercase sets (keys whose value is a list)."""
    data = lang_file(code, name) or {}
    return {k: frozenset(str(x).lower() for x in v) for k, v in data.items() if isinstance(v, list)}


def all_lang_files(name: str) -> dict[str, Any]:
    return {code: data for code in languages() if (data := lang_file(code, name)) is not None}
