"""The Stage protocol and the registry of versioned stage names."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, ClassVar, Protocol, runtime_checkable

from eventwire.errors import PipelineOrderError, UnknownStage
from eventwire.model import AnalyzedArticle


@runtime_checkable
class Stage(Protocol):
    """A per-article step. `name` is "<stage>@<version>"; bump the version when output changes."""

    name: ClassVar[str]
    requires: ClassVar[frozenset[str]]
    provides: ClassVar[frozenset[str]]

    def process(self, doc: AnalyzedArticle) -> None: ...


class BaseStage:
    """Convenience base: subclasses set name/requires/provides and implement process()."""

    name: ClassVar[str] = "base@0"
    requires: ClassVar[frozenset[str]] = frozenset()
    provides: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, settings: Any = None) -> None:
        self.settings = settings

    def process(self, doc: AnalyzedArticle) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<Stage {self.name}>"


_REGISTRY: dict[str, Callable[..., Stage]] = {}


def register(cls: type) -> type:
    """Class decorator: register a stage under its versioned name."""
    name = cls.name
    if "@" not in name:
        raise ValueError(f"stage name must be versioned like 'clean@1', got {name!r}")
    _REGISTRY[name] = cls
    return cls


def registered() -> dict[str, Callable[..., Stage]]:
    _load_builtin_stages()
    return dict(_REGISTRY)


def resolve(name: str) -> Callable[..., Stage]:
    """Find a stage by exact versioned name, or by bare name (highest version wins)."""
    reg = registered()
    if name in reg:
        return reg[name]
    candidates = [n for n in reg if n.split("@")[0] == name]
    if not candidates:
        raise UnknownStage(f"no stage named {name!r}; known: {sorted(reg)}")
    return reg[max(candidates, key=lambda n: int(n.split("@")[1]))]


def check_order(stages: Iterable[Stage], initial: Iterable[str] = ("raw",)) -> None:
    """Raise PipelineOrderError unless every stage's requirements are provided earlier."""
    have = set(initial)
    for stage in stages:
        missing = set(stage.requires) - have
        if missing:
            raise PipelineOrderError(
                f"stage {stage.name} requires {sorted(missing)}, not provided by earlier stages"
            )
        have |= set(stage.provides)


def _load_builtin_stages() -> None:
    # Importing the modules registers them; deferred so nothing heavy runs on package import.
    import eventwire.stages  # noqa: F401
