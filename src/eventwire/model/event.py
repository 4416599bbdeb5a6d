"""Coded events and the claims about them."""
from __future__ import annotations

from dataclasses import dataclass

from eventwire.model.annotations import Place

MODALITIES = ("asserted", "negated", "claimed", "denied", "future", "hypothetical", "historical")
CLAIM_STATUSES = ("reported", "claimed", "denied", "contested")


@dataclass(frozen=True)
class EventActor:
    text: str
    name: str | None
    country: str | None
    sector: str | None
    wikidata: str | None
    actor_id: str | None = None


@dataclass(frozen=True)
class Size:
    dead: int | None = None
    dead_max: int | None = None  # set when the figure is a range ("33-34", "hundreds")
    injured: int | None = None
    injured_max: int | None = None
    arrested: int | None = None
    arrested_max: int | None = None


@dataclass(frozen=True)
class Attribution:
    speaker: str | None
    country: str | None
    text: str | None = None  # the attribution cue as written ("the ministry said")


@dataclass(frozen=True)
class Evidence:
    article_id: str
    sentence_index: int
    start: int
    end: int
    sentence: str
    path: str | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Event:
    id: str  # stable hash of (article, type, actors, recipients, date, place)
    article_id: str
    event_type: str  # PLOVER
    mode: str | None
    contexts: tuple[str, ...]
    cameo_root: str | None
    acled_subtype: str | None
    score: float | None
    actor: tuple[EventActor, ...]
    recipient: tuple[EventActor, ...]
    date: str | None
    date_granularity: str | None
    location: Place | None
    size: Size
    modality: str
    attribution: Attribution | None
    claim_status: str
    confidence: float
    reasons: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    trigger: str | None = None


@dataclass(frozen=True)
class Claim:
    """One source's statement about an event (a figure, a denial, an attribution of blame)."""

    event_id: str
    article_id: str
    claimant: str | None
    claimant_country: str | None
    kind: str  # casualties, denial, blame
    value: str  # e.g. "dead=33", "denied", "actor=SYR"
    sentence: str
