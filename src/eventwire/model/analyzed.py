"""AnalyzedArticle: the one mutable container the per-article stages fill (like spaCy's Doc).

Everything it holds is a frozen value from this package; stages only append or replace whole values.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from eventwire.model.annotations import ActorMention, Mention, PlaceMention, TimeRef
from eventwire.model.article import Article, RawDocument, Reject, Sentence
from eventwire.model.event import Event


@dataclass
class AnalyzedArticle:
    raw: RawDocument
    article: Article | None = None
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    times: list[TimeRef] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    flags: list[Reject] = field(default_factory=list)  # warnings on a kept article
    provided: set[str] = field(default_factory=set)  # capability names provided so far
    stage_versions: dict[str, str] = field(default_factory=dict)
    notes: dict[str, Any] = field(default_factory=dict)  # stage scratch space, not persisted

    def update_article(self, **changes: Any) -> None:
        if self.article is None:
            raise RuntimeError("no article yet")
        self.article = replace(self.article, **changes)

    def sentence_text(self, s: Sentence) -> str:
        assert self.article is not None
        return self.article.text[s.start : s.end]
