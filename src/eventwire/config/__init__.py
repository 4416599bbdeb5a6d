"""Settings: commented defaults.toml, then a user TOML file, then EVENTWIRE_* environment variables."""
from __future__ import annotations

import copy
import os
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire.errors import ConfigError

ENV_PREFIX = "EVENTWIRE_"


def _defaults() -> dict[str, Any]:
    text = resources.files("eventwire.config").joinpath("defaults.toml").read_text("utf-8")
    return tomllib.loads(text)


def _merge(base: dict[str, Any], over: dict[str, Any], where: str) -> None:
    for key, value in over.items():
        if key not in base and base == {} and where:
            base[key] = value  # an open table (e.g. run.stage_error_policy) takes any key
            continue
        if key not in base:
            raise ConfigError(f"unknown setting {where}{key}")
        if isinstance(base[key], dict):
            if not isinstance(value, dict):
                raise ConfigError(f"setting {where}{key} must be a table")
            if not base[key]:
                base[key] = dict(value)
                continue
            _merge(base[key], value, f"{where}{key}.")
        else:
            base[key] = value


def _coerce(raw: str, like: Any) -> Any:
    if isinstance(like, bool):
        return raw.strip().lower() in ("1", "true", "yes", "on")
    if isinstance(like, int):
        return int(raw)
    if isinstance(like, float):
        return float(raw)
    if isinstance(like, list):
        return [x.strip() for x in raw.split(",") if x.strip()]
    return raw


@dataclass(frozen=True)
class Settings:
    data: dict[str, Any]

    def get(self, dotted: str) -> Any:
        node: Any = self.data
        for part in dotted.split("."):
            node = node[part]
        return node

    def with_overrides(self, **dotted: Any) -> Settings:
        data = copy.deepcopy(self.data)
        for key, value in dotted.items():
            if value is None:
                continue
            section, _, name = key.partition("__")
            data[section][name] = value
        return Settings(data)


def user_config_path() -> Path | None:
    env = os.environ.get(ENV_PREFIX + "CONFIG")
    if env:
        return Path(env)
    home = Path.home() / ".config" / "eventwire" / "config.toml"
    return home if home.exists() else None


def load_settings(path: str | Path | None = None, env: dict[str, str] | None = None) -> Settings:
    data = _defaults()
    path = Path(path) if path else user_config_path()
    if path is not None:
        if not path.exists():
            raise ConfigError(f"config file not found: {path}")
        try:
            _merge(data, tomllib.loads(path.read_text("utf-8")), "")
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: {exc}") from exc
    env = os.environ if env is None else env
    for name, raw in env.items():
        if not name.startswith(ENV_PREFIX) or "__" not in name:
            continue
        section, _, key = name[len(ENV_PREFIX):].lower().partition("__")
        if section in data and isinstance(data[section], dict) and key in data[section]:
            data[section][key] = _coerce(raw, data[section][key])
    return Settings(data)
