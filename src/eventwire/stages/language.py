"""language@1: article language with confidence; unknown and mixed languages are flagged, not guessed."""
from __future__ import annotations

from collections import Counter

from eventwire.backends.langid import identify, identify_fallback
from eventwire.errors import MixedLanguage, UnknownLanguage
from eventwire.model import AnalyzedArticle, Reject
from eventwire.pipeline.stage import BaseStage, register

MIXED_SHARE = 0.3  # a second language covering this share of the text makes an article mixed
MIN_PARAGRAPH = 40  # characters; shorter paragraphs are too short to identify reliably


def _flag(doc: AnalyzedArticle, err: UnknownLanguage | MixedLanguage, **detail) -> Reject:
    a = doc.article
    where = a.path if a.record is None else f"{a.path}#{a.record}"
    return Reject(input=where, reason=err.reason, code=err.code, message=err.message, stage="language",
                  article_id=a.id, action="flagged", detail=detail)


@register
class LanguageStage(BaseStage):
    name = "language@1"
    requires = frozenset({"article"})
    provides = frozenset({"language"})

    def process(self, doc: AnalyzedArticle) -> None:
        a = doc.article
        threshold = self.settings.get("language.min_confidence") if self.settings else 0.5
        lang, conf = identify(a.text)
        if conf < threshold:
            alt, alt_conf = identify_fallback(a.text)
            if alt_conf >= threshold and alt_conf > conf:
                lang, conf = alt, alt_conf
        if conf < threshold and doc.raw.language_hint:
            lang, conf = doc.raw.language_hint.lower()[:2], threshold
        if conf < threshold:
            err = UnknownLanguage(f"language could not be determined (best guess {lang} at {conf:.2f})")
            if self.settings and self.settings.get("language.reject_unknown"):
                raise err
            doc.flags.append(_flag(doc, err, guess=lang, confidence=round(conf, 3)))
            lang = "und"
        shares = self._paragraph_shares(a.text)
        if len(shares) > 1:
            (first, n1), (second, n2) = shares.most_common(2)
            total = sum(shares.values())
            if n2 / total >= MIXED_SHARE:
                err = MixedLanguage(f"text mixes {first} ({n1 / total:.0%}) and {second} ({n2 / total:.0%})")
                doc.flags.append(_flag(doc, err, languages={k: round(v / total, 2) for k, v in shares.items()}))
        doc.update_article(language=lang, language_confidence=round(conf, 4))

    @staticmethod
    def _paragraph_shares(text: str) -> Counter:
        shares: Counter = Counter()
        for para in text.split("\n"):
            if len(para) < MIN_PARAGRAPH:
                continue
            lang, conf = identify(para)
            if conf >= 0.5:
                shares[lang] += len(para)
        return shares
