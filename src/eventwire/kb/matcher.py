"""One Aho-Corasick pass over the normalised text, with per-language word-boundary rules."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from eventwire.kb.normalize import is_cjk, is_word_char, norm

# entry tuple layout (see build._freeze)
KIND, REF, LANGS, ORIG, STEM, WEIGHT, CASED = range(7)

# when one alias is several things, named entities win over generic words
KIND_RANK = {"person": 0, "org": 1, "igo": 1, "group": 1, "country": 2, "capital": 3, "seat": 3, "region": 4,
             "person_short": 5, "demonym": 6, "role": 7}

MENTION_KIND = {
    "country": "GPE", "capital": "GPE", "seat": "GPE", "region": "GPE", "demonym": "NORP", "igo": "ORG",
    "group": "ORG", "org": "ORG", "person": "PERSON", "person_short": "PERSON", "role": "ROLE",
}


@dataclass(frozen=True)
class AliasMatch:
    start: int
    end: int
    text: str
    entries: tuple[tuple, ...]  # accepted KB entries, best first

    @property
    def kind(self) -> str:
        return self.entries[0][KIND]

    @property
    def mention_kind(self) -> str:
        return MENTION_KIND.get(self.kind, "MISC")


def build_automaton(patterns: dict[str, list[tuple]]):
    import ahocorasick

    a = ahocorasick.Automaton()
    for key, entries in patterns.items():
        a.add_word(key, (len(key), tuple(entries)))
    a.make_automaton()
    return a


def find(automaton: Any, text: str, lang: str | None, rules: dict[str, dict[str, Any]]) -> list[AliasMatch]:
    """All accepted alias matches, overlaps resolved longest-first (left-most on ties)."""
    if not text:
        return []
    nt = norm(text)
    n = len(nt)
    lr = rules.get(lang or "", {})
    prefixes = tuple(norm(p) for p in lr.get("prefixes") or ())
    max_suffix = int(lr.get("max_suffix") or 0)
    suffixes = frozenset(norm(x) for x in lr.get("suffixes") or ())
    cands: list[tuple[int, int, tuple, int]] = []
    for end_i, (klen, entries) in automaton.iter(nt):
        s, e = end_i - klen + 1, end_i + 1
        first, last = nt[s], nt[e - 1]
        if is_word_char(first) and s > 0 and not is_cjk(first) and is_word_char(nt[s - 1]):
            if not any(nt.startswith(p, s - len(p)) and (s - len(p) == 0 or not is_word_char(nt[s - len(p) - 1]))
                       for p in prefixes):
                continue
        ext = e
        if e < n and is_word_char(last) and not is_cjk(last) and is_word_char(nt[e]):
            while ext < n and is_word_char(nt[ext]) and not is_cjk(nt[ext]):
                ext += 1
        suffix = ext - e
        ok = []
        for ent in entries:
            langs = ent[LANGS]
            orig = ent[ORIG]
            if suffix:
                if not (ent[STEM] and langs and lang in langs and suffix <= max_suffix):
                    continue
                if suffixes and nt[e:ext] not in suffixes:
                    continue  # only this language's inflection endings ("Ирак"+"а", not "Ирак"+"лий")
            in_lang = langs is None or (lang in langs)
            if not in_lang:
                # a cased name from another language's data, written exactly so and not plain ASCII
                # ("Türkiye" in English text; not German "Island" = Iceland at an English sentence start)
                if not (orig and len(orig) >= 5 and not orig.isascii() and text[s:e] == orig):
                    continue
            if orig:
                if orig.isupper() and len(orig) <= 6:
                    if text[s:e] != orig:
                        continue
                elif orig[:1].isupper() and not text[s].isupper():
                    continue
            elif ent[CASED] and not text[s].isupper():
                continue
            ok.append(ent)
        if ok:
            ok.sort(key=lambda t: (KIND_RANK.get(t[KIND], 9), -(t[LANGS] is not None and lang in (t[LANGS] or ())),
                                   -t[WEIGHT]))
            cands.append((s, ext, tuple(ok), suffix))
    # longest first, then left-most, then a whole alias before a stem + ending ("Almanya" the country,
    # not "Alman" + "ya"); keep non-overlapping
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[3]))
    taken: list[tuple[int, int]] = []
    out: list[AliasMatch] = []
    for s, e, ents, _ in cands:
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        out.append(AliasMatch(s, e, text[s:e], ents))
    out.sort(key=lambda m: m.start)
    amb = lr.get("ambiguous")
    if amb:
        out = _drop_word_readings(text, out, amb)
    return out


_CLAUSE_OPEN = ".!?:;\"“”«»([-–—\n"


def _drop_word_readings(text: str, out: list[AliasMatch], rules: list[dict[str, Any]]) -> list[AliasMatch]:
    """Drop matches of aliases that are also common words when the context says it is the word
    (per-language `ambiguous` rules in actor_matching.yaml: Vietnamese "Anh" = UK, but also the
    pronoun/kinship word "anh" and a given name; `always_word`: a case form that is nearly always another
    word, e.g. Russian "после", "after", beside the rare prepositional "о после", "about the ambassador")."""
    import re as regex  # stdlib: \w is Unicode-aware

    by_alias = {norm(r["alias"]): r for r in rules}
    # neighbours that are themselves ambiguous aliases do not vouch for a name-like reading ("Anh Đức")
    spans = [(m.start, m.end) for m in out if norm(m.text) not in by_alias]

    def in_match(s: int, e: int) -> bool:
        return any(ms <= s and e <= me for ms, me in spans)

    keep = []
    for m in out:
        r = by_alias.get(norm(m.text))
        if r is None:
            keep.append(m)
            continue
        nxt = regex.match(r"[ \t]+(\w+)", text[m.end:m.end + 40])
        prv = regex.search(r"(\w+)[ \t]+$", text[max(0, m.start - 40):m.start])
        nw = nxt.group(1) if nxt else ""
        pw = prv.group(1) if prv else ""
        before = text[:m.start].rstrip(" \t")
        clause_start = not before or before[-1] in _CLAUSE_OPEN
        drop = (bool(r.get("always_word"))
                or norm(nw) in {norm(w) for w in r.get("not_next") or ()}
                or norm(pw) in {norm(w) for w in r.get("not_prev") or ()})
        if not drop and r.get("name_part"):
            # part of a personal name: after a capitalised word ("Tuấn Anh"), or opening a clause
            # before one ("Anh Minh cho biết"), when that word is not itself a known name or place
            if pw[:1].isupper() and not in_match(m.start - len(prv.group(0)), m.start - len(prv.group(0)) + len(pw)):
                drop = True
            elif clause_start and nw[:1].isupper() and not in_match(m.end + nxt.start(1), m.end + nxt.end(1)):
                drop = True
        if not drop:
            keep.append(m)
    return keep
