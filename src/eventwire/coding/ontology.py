"""PLOVER / CAMEO / ACLED ontology, read from resources/ontology/plover.yaml and acled.yaml."""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterable

from eventwire.resources import load_yaml

NONE = "NONE"


@lru_cache(maxsize=1)
def plover() -> dict[str, Any]:
    return load_yaml("ontology/plover.yaml")


@lru_cache(maxsize=1)
def acled() -> dict[str, Any]:
    return load_yaml("ontology/acled.yaml")


def types() -> tuple[str, ...]:
    return tuple(plover()["types"])


def modes(etype: str) -> tuple[str, ...]:
    return tuple((plover()["types"].get(etype) or {}).get("modes") or {})


def contexts() -> tuple[str, ...]:
    return tuple(plover()["contexts"])


def normalise_type(label: str | None) -> tuple[str | None, str | None]:
    """Map a (possibly legacy PLOVER 0.5) label to (current type, implied mode)."""
    if not label:
        return None, None
    label = label.strip().upper()
    if label in plover()["types"] or label == NONE:
        return label, None
    legacy = plover().get("legacy_types", {}).get(label)
    if legacy:
        return legacy["type"], legacy.get("mode")
    return None, None


def valid_mode(etype: str, mode: str | None) -> str | None:
    if not mode:
        return None
    return mode if mode in modes(etype) else None


def cameo_root(etype: str, mode: str | None = None, ctx: Iterable[str] = (), verb_class: str | None = None) -> str | None:
    """CAMEO root of a PLOVER event: per-context rules, then the trigger's CAMEO verb class (cameo_verb_class:
    one PLOVER type can span several roots, REQUEST = 02 appeal + 10 demand), then the mode's, then the type's."""
    t = plover()["types"].get(etype)
    if not t:
        return None
    ctx = set(ctx)
    for rule in plover().get("root_overrides") or ():
        if rule["type"] != etype:
            continue
        if "mode" in rule and rule["mode"] != mode:
            continue
        if rule.get("context") and rule["context"] not in ctx:
            continue
        return rule["cameo_root"]
    if verb_class:
        return verb_class
    m = (t.get("modes") or {}).get(mode or "") or {}
    return m.get("cameo_root") or t.get("cameo_root")


@lru_cache(maxsize=32)
def _verb_class_matchers(lang: str) -> dict:
    from eventwire.coding.lexicon import Pattern, PhraseMatcher, clitics, compile_phrase
    from eventwire.resources import lang_file

    data = (lang_file(lang, "event_triggers") or {}).get("cameo_verb_classes") or {}
    out = {}
    for etype, classes in data.items():
        pats = [Pattern(compile_phrase(str(e), lang), str(root), None, (),
                        f"{lang}/event_triggers.yaml:cameo_verb_classes:{etype}:{root}:{e}")
                for root, entries in (classes or {}).items() for e in entries or ()]
        out[etype] = PhraseMatcher(pats, clitics(lang))
    return out


def cameo_verb_class(lang: str, etype: str, tokens, first: int) -> tuple[str, str] | None:
    """(CAMEO root, data source) when a verb-class pattern of `etype` (event_triggers.yaml cameo_verb_classes)
    starts at token `first`, the event's trigger; the longest such pattern wins. None when none does."""
    m = _verb_class_matchers(lang).get(etype)
    if m is None:
        return None
    hits = [h for h in m.find(list(tokens[first:first + 8])) if h.first == 0]
    if not hits:
        return None
    best = max(hits, key=lambda h: h.last)
    return best.label, best.pattern.source


def score(etype: str, mode: str | None = None) -> float | None:
    t = plover()["types"].get(etype)
    if not t:
        return None
    m = (t.get("modes") or {}).get(mode or "") or {}
    return float(m.get("score", t.get("score")))


def quad(etype: str) -> str | None:
    return (plover()["types"].get(etype) or {}).get("quad")


def cameo_to_plover(code: str) -> dict[str, Any] | None:
    """CAMEO code (2-4 digits) -> {type, mode, contexts}; a 2-digit root maps via its x0 code."""
    table = plover()["cameo_to_plover"]
    fixes = plover().get("cameo_to_plover_overrides") or {}
    code = str(code).strip()
    for c in (code, code[:3], code[:2] + "0"):
        if c in fixes:  # documented corrections of the derived table (plover.yaml)
            return fixes[c]
        if c in table:
            return table[c]
    return None


def _as_set(v) -> set:
    if v is None:
        return {None}
    return set(v) if isinstance(v, (list, tuple)) else {v}


def acled_subtype(etype: str, mode: str | None, ctx: Iterable[str], tags: Iterable[str],
                  actor_sectors: Iterable[str | None], recipient_sectors: Iterable[str | None],
                  size: dict[str, int | None]) -> tuple[str | None, str | None]:
    """(subtype, the rule that fired) by the first matching rule in acled.yaml, else (None, None)."""
    tags, ctx = set(tags), set(ctx)
    a_sec, r_sec = {s for s in actor_sectors if s}, {s for s in recipient_sectors if s}
    for i, rule in enumerate(acled()["rules"]):
        if etype not in _as_set(rule["type"]):
            continue
        if "mode" in rule and mode not in _as_set(rule["mode"]):
            continue
        if rule.get("tags_any") and not (tags & set(rule["tags_any"])):
            continue
        if rule.get("contexts_any") and not (ctx & set(rule["contexts_any"])):
            continue
        if rule.get("actor_sector_any") and not (a_sec & set(rule["actor_sector_any"])):
            continue
        if rule.get("recipient_sector_any") and not (r_sec & set(rule["recipient_sector_any"])):
            continue
        if rule.get("size") and not (size.get(rule["size"]) or 0) > 0:
            continue
        return rule["subtype"], f"acled.yaml rule {i + 1}"
    return None, None


def acled_labels() -> tuple[str, ...]:
    return tuple(acled()["subtypes"])
