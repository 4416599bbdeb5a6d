"""Tokens and phrase patterns for the per-language data files.

A pattern is a phrase of whitespace-separated token patterns: "kill*" (prefix), "*rá" (suffix),
"*" (any one token), "~" (a gap of zero to GAP_MAX tokens: "restor* ~ ties" = restore ties / restore full
diplomatic ties), or an exact word. Arabic-style clitics listed in a language's event_triggers.yaml
are stripped from text tokens as alternatives before matching, and its `verb_prefixes` (future marker,
imperfect person prefixes) let past-tense/masdar stems match imperfect and future verbs.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from eventwire.resources import lang_file

TOKEN_RE = re.compile(r"\w+(?:['’]\w+)*", re.UNICODE)
GAP_MAX = 3  # "~": modifiers between a verb and its object ("restore full diplomatic ties")


@dataclass(frozen=True)
class Token:
    i: int
    text: str  # normalised (lowercased)
    start: int
    end: int


def normalise(text: str, lang: str | None = None) -> str:
    if lang == "tr":
        text = text.replace("I", "ı").replace("İ", "i")
    text = text.lower()
    if "\u0307" in text:
        text = text.replace("\u0307", "")
    if lang == "ar":  # drop harakat and tatweel; unify alef forms only for matching robustness
        text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn").replace("\u0640", "")
    return text


def tokenize(text: str, lang: str | None = None, offset: int = 0) -> list[Token]:
    norm = normalise(text, lang)
    if len(norm) != len(text):  # normalisation changed length (Arabic marks): map via original
        return [Token(i, normalise(m.group(), lang), m.start() + offset, m.end() + offset)
                for i, m in enumerate(TOKEN_RE.finditer(text))]
    return [Token(i, m.group(), m.start() + offset, m.end() + offset) for i, m in enumerate(TOKEN_RE.finditer(norm))]


@dataclass(frozen=True)
class TokPat:
    kind: str  # exact, prefix, suffix, any, gap
    value: str

    def match(self, tok: str) -> bool:
        if self.kind == "exact":
            return tok == self.value
        if self.kind == "prefix":
            return tok.startswith(self.value)
        if self.kind == "suffix":
            return tok.endswith(self.value) and len(tok) > len(self.value)
        return True


def compile_phrase(phrase: str, lang: str | None = None) -> tuple[TokPat, ...]:
    out = []
    for raw in normalise(phrase, lang).split():
        if raw == "*":
            out.append(TokPat("any", ""))
            continue
        if raw == "~":
            if out:  # a gap never starts a phrase
                out.append(TokPat("gap", ""))
            continue
        core = [t.group() for t in TOKEN_RE.finditer(raw.strip("*"))]
        if not core:
            continue
        for j, piece in enumerate(core):
            last, first = j == len(core) - 1, j == 0
            if raw.endswith("*") and last and not (raw.startswith("*") and len(core) == 1):
                out.append(TokPat("prefix", piece))
            elif raw.startswith("*") and first:
                out.append(TokPat("suffix", piece))
            else:
                out.append(TokPat("exact", piece))
    return tuple(out)


@dataclass(frozen=True)
class Pattern:
    toks: tuple[TokPat, ...]
    label: str  # what the pattern means (event type, cue class, ...)
    mode: str | None = None
    tags: tuple[str, ...] = ()
    source: str = ""


@dataclass(frozen=True)
class Hit:
    pattern: Pattern
    first: int  # token index
    last: int  # inclusive
    start: int  # char offsets
    end: int

    @property
    def label(self) -> str:
        return self.pattern.label


class PhraseMatcher:
    """Many phrase patterns, indexed by their first token for speed."""

    def __init__(self, patterns: list[Pattern], clitics: tuple[str, ...] = (), verb_prefixes: dict | None = None) -> None:
        self.exact: dict[str, list[Pattern]] = {}
        # imperfect/future verb prefixes (event_triggers.yaml `verb_prefixes`): "ستسحب" = س + ت + سحب; the
        # stem left is tried only against trigger stems of at least `stem_min` letters
        vp = verb_prefixes or {}
        self.future = tuple(vp.get("future") or ())
        self.person = tuple(vp.get("person") or ())
        self.stem_min = int(vp.get("stem_min", 3))
        self.not_verbs = frozenset(vp.get("not_verbs") or ())
        self.verb_clitics = tuple(vp.get("clitics") or ())  # only these come before a verb (no article)
        self.restore = tuple(vp.get("restore") or ())  # letters the imperfect drops ("ينسحب" ~ "انسحب")
        self.prefix: dict[str, list[Pattern]] = {}
        self.other: list[Pattern] = []
        self.clitics = tuple(sorted(clitics, key=len, reverse=True))
        for p in patterns:
            if not p.toks:
                continue
            head = p.toks[0]
            if head.kind == "exact":
                self.exact.setdefault(head.value, []).append(p)
            elif head.kind == "prefix" and len(head.value) >= 2:
                self.prefix.setdefault(head.value[:2], []).append(p)
            else:
                self.other.append(p)

    @property
    def empty(self) -> bool:
        return not (self.exact or self.prefix or self.other)

    def variants(self, tok: str) -> tuple[str, ...]:
        if not self.clitics:
            return (tok,)
        out = [tok]
        for c in self.clitics:
            if tok.startswith(c) and len(tok) - len(c) >= 2:
                out.append(tok[len(c):])
        return tuple(out)

    @lru_cache(maxsize=4096)  # noqa: B019 - matchers are cached for the process
    def stems(self, tok: str) -> tuple[str, ...]:
        """Verb stems under an imperfect person prefix, after clitics and a future marker."""
        if not self.person:
            return ()
        out = []
        for v in (tok, *(tok[len(c):] for c in self.verb_clitics if tok.startswith(c))):
            for w in (v, *(v[len(f):] for f in self.future if v.startswith(f))):
                if w in self.not_verbs:
                    continue
                for p in self.person:
                    if w.startswith(p) and len(w) - len(p) >= self.stem_min:
                        out += [w[len(p):], *(r + w[len(p):] for r in self.restore)]
        return tuple(dict.fromkeys(out))

    def _tok_ok(self, pat: TokPat, tok: str) -> bool:
        if any(pat.match(v) for v in self.variants(tok)):
            return True
        # only stems ("سحب*"): an exact entry is one inflected word ("وصل" is not the stem of "توصل")
        return (pat.kind == "prefix" and len(pat.value) >= self.stem_min
                and any(pat.match(v) for v in self.stems(tok)))

    def find(self, tokens: list[Token]) -> list[Hit]:
        hits: list[Hit] = []
        n = len(tokens)
        for i, t in enumerate(tokens):
            cands: list[Pattern] = []
            for v in self.variants(t.text) + self.stems(t.text):
                cands.extend(self.exact.get(v, ()))
                cands.extend(self.prefix.get(v[:2], ()))
            cands.extend(self.other)
            seen = set()
            for p in cands:
                if id(p) in seen:
                    continue
                seen.add(id(p))
                last = self._match(p.toks, 0, tokens, i)
                if last is not None:
                    hits.append(Hit(p, i, last, t.start, tokens[last].end))
        return hits

    def _match(self, toks: tuple[TokPat, ...], k: int, tokens: list[Token], i: int) -> int | None:
        """Index of the last token when toks[k:] matches from tokens[i], else None (shortest gap first)."""
        while k < len(toks):
            tp = toks[k]
            if tp.kind == "gap":
                if k == len(toks) - 1:  # a trailing gap adds nothing
                    return i - 1
                for skip in range(GAP_MAX + 1):
                    if i + skip >= len(tokens):
                        break
                    last = self._match(toks, k + 1, tokens, i + skip)
                    if last is not None:
                        return last
                return None
            if i >= len(tokens) or not self._tok_ok(tp, tokens[i].text):
                return None
            k += 1
            i += 1
        return i - 1


def parse_entry(entry: str, label: str, lang: str, source: str) -> Pattern:
    # "phrase|mode,tag1,tag2" or "phrase||tag1,tag2" (no mode)
    parts = str(entry).split("|")
    phrase = parts[0]
    second = [x.strip() for x in parts[1].split(",")] if len(parts) > 1 else []
    mode = second[0] if second and second[0] else None
    tags = tuple(x for x in second[1:] if x)
    if len(parts) > 2:
        tags += tuple(x.strip() for x in parts[2].split(",") if x.strip())
    return Pattern(compile_phrase(phrase, lang), label, mode, tags, source)


@lru_cache(maxsize=32)
def trigger_matcher(lang: str) -> PhraseMatcher | None:
    """Event triggers (label = PLOVER type) and cue tags (label = "tag:<name>") for one language."""
    data = lang_file(lang, "event_triggers")
    if not data:
        return None
    pats: list[Pattern] = []
    for etype, entries in (data.get("triggers") or {}).items():
        for e in entries or ():
            pats.append(parse_entry(e, etype, lang, f"{lang}/event_triggers.yaml:{etype}:{e}"))
    for tag, entries in (data.get("tags") or {}).items():
        for e in entries or ():
            p = parse_entry(e, f"tag:{tag}", lang, f"{lang}/event_triggers.yaml:tags:{tag}")
            pats.append(Pattern(p.toks, p.label, None, (tag,), p.source))
    return PhraseMatcher(pats, tuple(data.get("clitics") or ()), data.get("verb_prefixes"))


def clitics(lang: str) -> tuple[str, ...]:
    data = lang_file(lang, "event_triggers") or {}
    return tuple(data.get("clitics") or ())


@lru_cache(maxsize=128)
def cue_matcher(lang: str, filename: str, keys: tuple[str, ...], prefix: str = "") -> PhraseMatcher | None:
    """Cue lists `prefix + key` from resources/lang/<lang>/<filename>.yaml (label = the bare key)."""
    data = lang_file(lang, filename)
    if not data:
        return None
    pats = []
    for key in keys:
        for e in data.get(prefix + key) or ():
            pats.append(Pattern(compile_phrase(str(e), lang), key, None, (),
                                f"{lang}/{filename}.yaml:{prefix}{key}:{e}"))
    return PhraseMatcher(pats, clitics(lang))
