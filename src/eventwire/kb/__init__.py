"""The actor knowledge base: countries, governments, IGOs, groups, people with dated offices.

    from eventwire.kb import load_kb, resolve
    kb = load_kb()                                  # cached; < 1 s from the shipped index
    resolve("Syrian forces", "en", "2020-02-28")    # -> [ActorMention(country="SYR", sector="MIL", ...)]

The index (resources/kb/kb_index.pickle) is built by `scripts/build_kb.py` from the YAML sources
listed in eventwire.kb.build; it records the sha256 of those sources (`kb.sources_sha256`).
"""
from __future__ import annotations

import logging
import pickle
from functools import lru_cache
from typing import Any

from eventwire import resources
from eventwire.model import Actor, ActorMention, Office

log = logging.getLogger(__name__)

__all__ = ["KB", "load_kb", "resolve", "find"]


class KB:
    def __init__(self, index: dict[str, Any]) -> None:
        from eventwire.kb.matcher import build_automaton

        self.index = index
        self.actors: dict[str, dict[str, Any]] = index["actors"]
        self.roles: dict[str, dict[str, Any]] = index["roles"]
        self.lang_rules: dict[str, dict[str, Any]] = index["lang_rules"]
        self.sources_sha256: str = index["sources_sha256"]
        self._offices: dict[str, list[tuple[str, str, str]]] = index["offices"]
        auto = index.get("automaton")
        self.automaton = auto if auto is not None else build_automaton(index["patterns"])

    # ---- look-ups -----------------------------------------------------------------------------
    def actor(self, actor_id: str) -> Actor:
        a = self.actors[actor_id]
        offices = tuple(Office(role=o[0], country=o[1], sector=o[2], start=o[3], end=o[4], title=o[5])
                        for o in a.get("offices") or ())
        return Actor(id=a["id"], name=a["name"], kind=a["kind"], country=a["country"], sector=a["sector"],
                     wikidata=a.get("wikidata"), offices=offices)

    def holders(self, office: str, country: str | None, day: str) -> list[str]:
        """Actor ids holding `office` for `country` on ISO date `day` (start inclusive, end exclusive)."""
        from eventwire.kb.resolve import _pad

        if not country:
            return []
        out = []
        for start, end, aid in self._offices.get(f"{office}|{country}", ()):
            if _pad(start) <= day < _pad(end, end=True):
                out.append(aid)
        return out

    def find(self, text: str, lang: str | None):
        """Alias matches in `text` (one automaton pass) -> list of AliasMatch."""
        from eventwire.kb.matcher import find

        return find(self.automaton, text, lang, self.lang_rules)

    def resolve(self, text: str, lang: str | None, date: str | None = None) -> list[ActorMention]:
        """Actors named in a short text (a phrase or sentence), as of an ISO date."""
        from eventwire.kb.resolve import Composer, atoms_from_matches

        atoms = atoms_from_matches(self.find(text, lang))
        return Composer(self, lang, date).resolve(text, atoms)

    def is_stale(self) -> bool:
        from eventwire.kb.build import source_files, sources_hash

        return sources_hash(source_files()) != self.sources_sha256


@lru_cache(maxsize=1)
def load_kb() -> KB:
    from eventwire.kb.build import INDEX_NAME

    path = resources.root() / INDEX_NAME
    if not path.exists():
        from eventwire.errors import MissingDependency

        raise MissingDependency(f"actor KB index {path} is missing: run scripts/build_kb.py")
    with path.open("rb") as fh:
        index = pickle.load(fh)
    return KB(index)


def resolve(text: str, lang: str | None, date: str | None = None) -> list[ActorMention]:
    return load_kb().resolve(text, lang, date)


def find(text: str, lang: str | None):
    return load_kb().find(text, lang)
