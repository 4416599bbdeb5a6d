"""Frozen data types shared by every stage. No I/O, no ML imports."""
from eventwire.model.analyzed import AnalyzedArticle
from eventwire.model.annotations import (
    Actor,
    ActorMention,
    Mention,
    Office,
    Place,
    PlaceMention,
    TimeRef,
)
from eventwire.model.article import (
    Article,
    Boilerplate,
    PublishedDate,
    RawDocument,
    Reject,
    Sentence,
    Span,
)
from eventwire.model.dateline import Dateline
from eventwire.model.event import (
    CLAIM_STATUSES,
    MODALITIES,
    Attribution,
    Claim,
    Event,
    EventActor,
    Evidence,
    Size,
)

__all__ = [
    "Actor", "ActorMention", "AnalyzedArticle", "Article", "Attribution", "Boilerplate",
    "CLAIM_STATUSES", "Claim", "Dateline", "Event", "EventActor", "Evidence", "MODALITIES", "Mention",
    "Office", "Place", "PlaceMention", "PublishedDate", "RawDocument", "Reject", "Sentence",
    "Size", "Span", "TimeRef",
]
