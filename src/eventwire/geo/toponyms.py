"""Toponym recognition: NER mentions (GPE/LOC/FAC) plus gazetteer matching over the text, so languages
without NER still get places. Cues (stoplists, connectors, clitics, case endings) are per-language data in
resources/lang/<code>/places.yaml."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from eventwire import resources
from eventwire.geo.gazetteer import Gazetteer, load
from eventwire.geo.names import name_key

TOKEN = re.compile(r"\w+(?:[’'\-]\w+)*\.?", re.U)
WORD = re.compile(r"\w+", re.U)
# a dateline: the place opens a line and a dash or "(AP)" follows ("TORRINGTON — ", "HUME, Mo. - ")
DATELINE_AFTER = re.compile(r"\s*(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?\s*)?(?:[—–-]|\()")
PLACE_KINDS = frozenset({"GPE", "LOC", "FAC"})
MAX_TOKENS = 5
# places this large (or countries/admin1/curated) may be matched from a single capitalised word anywhere;
# smaller single-word matches need a non-initial position and to not be a known common word
STRONG_POP = 100_000
MIN_POP_WEAK = 1_000


@dataclass
class Toponym:
    start: int
    end: int
    text: str
    source: str  # "ner:GPE", "gazetteer", ...
    rows: tuple[int, ...] = ()
    matched: str = ""  # the name form that matched the gazetteer
    sentence: int | None = None
    notes: list[str] = field(default_factory=list)
    kind: str = "toponym"  # or "adjectival" (a demonym: "Russian" -> Russia)


@dataclass(frozen=True)
class LangCues:
    stop: frozenset[str]
    connectors: frozenset[str]
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    restore: tuple[str, ...]
    speech: tuple[str, ...]
    locative: frozenset[str]
    min_population: int | None
    cased: bool
    alt_min_population: int | None = None
    city_words: frozenset[str] = frozenset()
    feature_words: frozenset[str] = frozenset()
    region_words: frozenset[str] = frozenset()
    plural_heads: tuple[tuple[str, str], ...] = ()
    list_joiners: frozenset[str] = frozenset()


@lru_cache(maxsize=32)
def cues(lang: str | None) -> LangCues:
    data = resources.lang_file(lang or "en", "places") or resources.lang_file("en", "places") or {}
    return LangCues(
        stop=frozenset(str(s) for s in data.get("stop") or ()),
        connectors=frozenset(str(s) for s in data.get("connectors") or ()),
        prefixes=tuple(sorted((str(s) for s in data.get("prefixes") or ()), key=len, reverse=True)),
        suffixes=tuple(sorted((str(s) for s in data.get("suffixes") or ()), key=len, reverse=True)),
        restore=tuple(str(s) for s in data.get("restore") or ("",)),
        speech=tuple(str(s) for s in data.get("speech") or ()),
        locative=frozenset(str(s) for s in data.get("locative") or ()),
        min_population=data.get("min_population"),
        cased=lang not in ("ar", "fa", "he", "zh", "ja", "ko", "th"),
        alt_min_population=data.get("alternate_min_population"),
        city_words=frozenset(str(s) for s in data.get("city_words") or ()),
        feature_words=frozenset(str(s) for s in data.get("feature_words") or ()),
        region_words=frozenset(str(s) for s in data.get("region_words") or ()),
        plural_heads=tuple((str(k), str(v)) for k, v in (data.get("plural_heads") or {}).items()),
        list_joiners=frozenset(str(s) for s in data.get("list_joiners") or ()),
    )


_FOLD = str.maketrans({"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ß": "s"})
_ABBR = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "port"}


def _fold(key: str) -> str:
    """Key without diacritics and with abbreviations spelt out: 'St. Cloud' ~ 'Saint Cloud', 'Baltanás' ~ 'Baltanas'."""
    s = unicodedata.normalize("NFKD", key.translate(_FOLD))
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).replace("'", "").replace(".", " ")
    s = _OF.sub(r"\2 \1", " ".join(_ABBR.get(w, w) for w in s.split()))  # "city of london" ~ "london city"
    return s


_OF = re.compile(r"^(city|town|village|county|township) of (.+)$")


def _qualified_short(key: str, name: str) -> bool:
    """'Ludwigshafen' for 'Ludwigshafen am Rhein', 'Frankfurt' for 'Frankfurt am Main': the name without its
    lower-case qualifier is the name in ordinary use."""
    words = name.split()
    return len(words) > 2 and words[1][:1].islower() and key == name_key(words[0])


def is_primary(G: Gazetteer, row: int, key: str) -> bool:
    """Whether a row's own name (not one of its alternate names) is what matched."""
    own = name_key(G.names[row])
    return own == key or _fold(own) == _fold(key) or _qualified_short(key, G.names[row])


def _short_form(key: str, own: str) -> bool:
    """An alternate name that is an initialism or truncation of the row's name: 'act' (Australian Capital
    Territory), 'miss' (Mississippi), 'gold' (Gold Coast). Written as an ordinary word these are words."""
    words = own.split()
    if " " in key or key == own:
        return False
    if len(words) > 1 and (key == words[0] or key == "".join(w[0] for w in words)):
        return True
    return len(words) == 1 and own.startswith(key)


def restrict_alternates(G: Gazetteer, rows: tuple[int, ...], matched: str, span: str,
                        lang: str | None) -> tuple[tuple[int, ...], str | None]:
    """GeoNames alternate names come in every language with no language tag, so an alternate name can be an
    ordinary word or surname of the article's language ('Hamas' is an alternate name of a German city).
    Rows matched only through an alternate name are kept when their names are curated (countries: CLDR;
    supplement), when the form is not a mere short form written as a plain word, and for populated places
    only above the language's population floor (exonyms of large cities: 'Munich', 'Moskova'). When some
    rows match by their own name, smaller alternate-only rows give way to them ('Paris' the town in
    Georgia is not a village whose alternate name is Paris). Returns the kept rows and a note."""
    key = name_key(matched or span)
    head, _, last = (matched or span).rpartition(" ")
    heads = {key, name_key(head)} if head and last in cues(lang).city_words else {key}
    prim = [r for r in rows if any(is_primary(G, r, k) for k in heads)]
    if len(prim) == len(rows):
        return rows, None
    floor = cues(lang).alt_min_population
    plain = span[:1].isupper() and not span.isupper() and not span.endswith(".")
    keep = []
    for r in rows:
        if r in prim or G.supp[r] or G.is_country(r):
            keep.append(r)
            continue
        if plain and _short_form(key, name_key(G.names[r])):
            continue
        if G.is_admin1(r) or G.is_admin2(r):
            keep.append(r)
        elif floor is None and not prim:
            keep.append(r)
        elif G.pop[r] >= (floor or STRONG_POP):
            keep.append(r)
    if len(keep) == len(rows):
        return rows, None
    return tuple(keep), f"{len(rows) - len(keep)} alternate-name candidates set aside"


def _variants(span: str, c: LangCues) -> list[str]:
    """The span as written, then with clitics / case endings removed (most specific first)."""
    out = [span]
    bases = [span]
    for p in c.prefixes:
        if span.startswith(p) and len(span) - len(p) >= 2:
            bases.append(span[len(p):])
            out.append(span[len(p):])
    if ("'" in span or "’" in span) and " " not in span:
        head = re.split(r"[’']", span)[0]
        if len(head) >= 2:
            out.append(head)
    for base in bases:
        for s in c.suffixes:
            if base.endswith(s) and len(base) - len(s) >= 3:
                stem = base[: -len(s)]
                out.extend(stem + r for r in c.restore)
    return out


def lookup_variants(G: Gazetteer, span: str, lang: str | None) -> tuple[tuple[int, ...], str]:
    c = cues(lang)
    for v in _variants(span.rstrip("."), c):
        rows = G.lookup(v)
        if rows:
            return _with_city_word(G, rows, v, c), v
    return (), ""


def _with_city_word(G: Gazetteer, rows: tuple[int, ...], form: str, c: LangCues) -> tuple[int, ...]:
    """'Dublin City' is an alternate name of the Irish capital only, but written 'X City' it is the city of
    any X ('Dublin City Schools' in Ohio): the populated places named X are candidates too."""
    head, _, last = form.rpartition(" ")
    if not head or last not in c.city_words:
        return rows
    key = name_key(form)
    if any(is_primary(G, r, key) for r in rows):
        return rows
    extra = tuple(r for r in G.lookup(head) if G.feature(r)[0] == "P" and r not in rows)
    return rows + extra


@lru_cache(maxsize=16)
def _stopwords(lang: str | None) -> frozenset[str]:
    """The language's function words (spaCy's stop-word lists): never a toponym on their own."""
    import importlib

    try:
        mod = importlib.import_module(f"spacy.lang.{lang or 'en'}.stop_words")
    except ModuleNotFoundError:
        return frozenset()
    return frozenset(w.lower() for w in getattr(mod, "STOP_WORDS", ()))


def _strong(G: Gazetteer, rows: tuple[int, ...]) -> bool:
    return any(G.is_country(r) or G.is_admin1(r) or G.supp[r] or G.pop[r] >= STRONG_POP for r in rows)


def _filter_rows(G: Gazetteer, rows: tuple[int, ...], min_pop: int) -> tuple[int, ...]:
    return tuple(r for r in rows if G.is_country(r) or G.is_admin1(r) or G.supp[r] or G.pop[r] >= min_pop)


def gazetteer_matches(
    text: str, lang: str | None, sentences: list[tuple[int, int]] | None = None, G: Gazetteer | None = None,
) -> list[Toponym]:
    """Longest-match gazetteer names over capitalised word sequences (cased scripts) or any words (others)."""
    G = G or load()
    c = cues(lang)
    toks = list(TOKEN.finditer(text))
    sent_starts = {s for s, _ in sentences} if sentences else set()
    starts_after = set()
    # a token is sentence-initial if it is the first token after a sentence start or after a line break
    prev_end = -1
    for m in toks:
        gap = text[prev_end - 1:m.start()] if prev_end >= 1 else "\n"
        if ("\n" in gap or re.search(r"[.!?…:]\s*[\"'“”«»(]?\s*$", gap)
                or any(prev_end < s <= m.start() for s in sent_starts)):
            starts_after.add(m.start())
        prev_end = m.end()
    stopwords = _stopwords(lang)
    out: list[Toponym] = []
    i = 0
    n = len(toks)
    while i < n:
        first = toks[i].group(0)
        if c.cased and not first[:1].isupper():
            i += 1
            continue
        found = None
        dateline = False
        for j in range(min(n, i + MAX_TOKENS) - 1, i - 1, -1):
            last = toks[j].group(0)
            if c.cased and not last[:1].isupper():
                continue
            ok = True
            for k in range(i + 1, j + 1):
                gap = text[toks[k - 1].end():toks[k].start()]
                if gap not in (" ", "-", " - ") and not (gap == "" and toks[k-1].group(0).endswith(".")):
                    ok = False
                    break
                w = toks[k].group(0)
                if c.cased and not w[:1].isupper() and w not in c.connectors:
                    ok = False
                    break
            if not ok:
                continue
            span = text[toks[i].start():toks[j].end()]
            if span in c.stop or span.rstrip(".") in c.stop:
                continue
            if i == j and span.lower().rstrip(".") in stopwords:
                continue  # a function word ("On", "No")
            rows, matched = lookup_variants(G, span, lang)
            if not rows:
                continue
            rows, _ = restrict_alternates(G, rows, matched, span, lang)
            if not rows:
                continue
            if i == j and span.endswith(".") and len(span) <= 5:
                # an abbreviation: only region abbreviations ("Ky.", "B.C."), not titles ("Sen.", "Rev.")
                rows = tuple(r for r in rows if G.is_admin1(r) or G.is_country(r))
                if not rows:
                    continue
            single = i == j
            if not c.cased:
                rows = _filter_rows(G, rows, c.min_population or STRONG_POP // 5)
            elif single:
                dateline = (first.isupper() and toks[i].start() in starts_after
                            and DATELINE_AFTER.match(text, toks[j].end()) is not None)
                if toks[i].start() in starts_after and not _strong(G, rows) and not dateline:
                    continue
                if i > 0 and not _strong(G, rows) and toks[i].start() not in starts_after:
                    prev = toks[i - 1].group(0)
                    if (text[toks[i - 1].end():toks[i].start()] == " " and prev[:1].isupper()
                            and prev.lower() not in stopwords and not prev.endswith(("'s", "’s"))):
                        continue  # the tail of another capitalised name ("Taco Bell", "City Hall", "Mayor Ripley")
                if (not _strong(G, rows) and j + 1 < n and toks[j + 1].group(0) in c.feature_words
                        and text[toks[j].end():toks[j + 1].start()] == " "):
                    continue  # the head of another feature's name ("Red River", "Oneida Mountain")
                rows = _filter_rows(G, rows, MIN_POP_WEAK)
            if not rows:
                continue
            if (single and c.cased and first.isupper() and len(first) > 3 and not _strong(G, rows)
                    and not dateline):
                continue  # ALL-CAPS word (headline, acronym) that is only a small place, unless a dateline
            if span.endswith(".") and (not c.cased or not (len(span) <= 5 or "." in span[:-1])):
                span = span[:-1]  # sentence-final period, not an abbreviation ("Ky.", "B.C.", "U.S.")
            found = (j, span, rows, matched)
            break
        if found:
            j, span, rows, matched = found
            start = toks[i].start()
            out.append(Toponym(start, start + len(span), span, "gazetteer", rows, matched))
            i = j + 1
        else:
            i += 1
    return out


def from_mentions(mentions, text: str, lang: str | None, G: Gazetteer | None = None) -> list[Toponym]:
    G = G or load()
    out = []
    seen: set[tuple[int, int]] = set()
    for m in mentions:
        if m.kind not in PLACE_KINDS or (m.start, m.end) in seen:
            continue
        seen.add((m.start, m.end))
        span = m.text
        start, end = m.start, m.end
        # drop a leading article spaCy includes ("the United States" is also a key; try both)
        rows, matched = lookup_variants(G, span, lang)
        if not rows and span.lower().startswith("the "):
            rows, matched = lookup_variants(G, span[4:], lang)
            if rows:
                start, span = start + 4, span[4:]
        note = None
        if rows:  # a place by NER, but not any place that merely has this as an alternate name
            rows, note = restrict_alternates(G, rows, matched, span, lang)
        out.append(Toponym(start, end, span, f"ner:{m.kind}", rows, matched, m.sentence,
                           [note] if note else []))
    return out


def merge(primary: list[Toponym], extra: list[Toponym], blocked: list[tuple[int, int]] = ()) -> list[Toponym]:
    """Union of two toponym lists: `primary` wins on overlap; `extra` inside a blocked span is dropped."""
    # an unresolvable NER span that contains gazetteer names gives way to them ("hối thúc Ankara")
    inner = {id(p): [t for t in extra if p.start <= t.start and t.end <= p.end] for p in primary if not p.rows}
    primary = [p for p in primary if p.rows or not inner.get(id(p))]
    taken = [(t.start, t.end) for t in primary] + list(blocked)
    out = list(primary)
    for t in extra:
        if any(t.start < e and s < t.end for s, e in taken):
            continue
        out.append(t)
        taken.append((t.start, t.end))
    return sorted(out, key=lambda t: t.start)


@lru_cache(maxsize=16)
def _demonyms(lang: str | None) -> dict[str, tuple[str, bool]]:
    """name key -> (ISO3, written capitalised) from resources/lang/<code>/demonyms.yaml."""
    data = resources.lang_file(lang or "en", "demonyms") or {}
    out: dict[str, tuple[str, bool]] = {}
    for iso3, forms in (data.get("demonyms") or {}).items():
        for f in forms or ():
            out.setdefault(name_key(str(f)), (str(iso3), str(f)[:1].isupper()))
    return out


def adjectival_matches(text: str, lang: str | None, G: Gazetteer | None = None) -> list[Toponym]:
    """Demonyms and country adjectives ("Russian", "Syrians", "российский"), resolved to their country.
    A capitalised form in the data file must be capitalised in the text ("Polish", not "polish")."""
    G = G or load()
    table = _demonyms(lang)
    if not table:
        return []
    firsts, longest = _demonym_firsts(lang)
    toks = list(WORD.finditer(text))  # hyphen compounds split: "Egyptian-US relations", "Arab-Israeli"
    out: list[Toponym] = []
    i = 0
    while i < len(toks):
        w = toks[i].group(0)
        if w.casefold() not in firsts and (w.isascii() or name_key(w) not in firsts):  # cheap pre-check
            i += 1
            continue
        hit = None
        for j in range(min(len(toks), i + longest) - 1, i - 1, -1):
            if any(text[toks[k - 1].end():toks[k].start()] not in (" ", "-", "'", "’")
                   for k in range(i + 1, j + 1)):
                continue
            span = text[toks[i].start():toks[j].end()]
            entry = table.get(name_key(span))
            if entry is None or (entry[1] and not span[:1].isupper()):
                continue
            row = G.country_row(_iso2_of(G).get(entry[0], ""))
            if row is not None:
                hit = (j, span, row, entry[0])
                break
        if hit:
            j, span, row, iso3 = hit
            start = toks[i].start()
            out.append(Toponym(start, start + len(span), span, "demonym", (row,), span,
                               notes=[f"demonym of {iso3}"], kind="adjectival"))
            i = j + 1
        else:
            i += 1
    return out


@lru_cache(maxsize=16)
def _demonym_firsts(lang: str | None) -> tuple[frozenset[str], int]:
    """First words (casefolded, as WORD tokenises them) of the language's demonym forms, and the most words."""
    firsts, longest = set(), 1
    data = resources.lang_file(lang or "en", "demonyms") or {}
    for forms in (data.get("demonyms") or {}).values():
        for f in forms or ():
            words = WORD.findall(str(f))
            if words:
                firsts |= {words[0].casefold(), name_key(words[0])}
                longest = max(longest, len(words))
    return frozenset(firsts), longest


@lru_cache(maxsize=2)
def _iso2_of(G: Gazetteer) -> dict[str, str]:
    return {v: k for k, v in G.iso3_of.items() if v}


def demonym_rows(G: Gazetteer, span: str, lang: str | None) -> tuple[int, ...]:
    """The country row a whole span names as a demonym ("Syrians" -> Syria), else ()."""
    entry = _demonyms(lang).get(name_key(span))
    if entry is None:
        return ()
    row = G.country_row(_iso2_of(G).get(entry[0], ""))
    return (row,) if row is not None else ()


_NAME = re.compile(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}$")


def plural_head_matches(text: str, lang: str | None, G: Gazetteer | None = None) -> list[Toponym]:
    """Names sharing a plural head ("Clay, Becker and Otter Tail counties"): each name, read with the
    singular head ("Clay County"), as a toponym spanning the bare name. Walks back from the head over names
    separated by the language's list joiners."""
    G = G or load()
    c = cues(lang)
    if not c.plural_heads:
        return []
    out: list[Toponym] = []
    for plural, head in c.plural_heads:
        for m in re.finditer(rf"\b{re.escape(plural)}\b", text):
            names = []
            end = m.start()
            while True:
                left = text[:end].rstrip()
                k = _NAME.search(left[-60:])
                if not k:
                    break
                start = len(left) - len(left[-60:]) + k.start()
                words = left[start:].split()
                # the name may have swallowed a capitalised joiner-free lead ("Small Hitchcock"): keep the
                # longest tail that is a known "<name> <head>"
                for w in range(len(words)):
                    name = " ".join(words[w:])
                    rows = tuple(r for r in G.lookup(f"{name} {head}") if G.is_admin2(r) or G.feature(r)[0] == "A")
                    if rows:
                        s0 = start + len(" ".join(words[:w])) + (1 if w else 0)
                        names.append(Toponym(s0, s0 + len(name), name, "gazetteer", rows, f"{name} {head}",
                                             notes=[f"{name} {head}: named with the plural '{plural}'"]))
                        break
                else:
                    break
                j = text[:start].rstrip()
                joiner = next((x for x in sorted(c.list_joiners, key=len, reverse=True) if j.endswith(x)), None)
                if joiner is None or not names:
                    break
                end = len(j) - len(joiner)
            if len(names) >= 2:  # a list: one name before a plural head is a plain error or a heading
                out.extend(names)
    return sorted(out, key=lambda t: t.start)
