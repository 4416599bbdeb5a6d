"""Importers that turn external actor data into records shaped like kb/sources/people.yaml.

- Wikidata JSON dump subset (one entity per line, as in latest-all.json; a JSON array also works):
  persons with P39 (position held) and P580/P582 (start/end time) qualifiers, P27 (citizenship),
  labels and aliases in every language. Position entities in the same dump give the jurisdiction
  (P1001) and country entities their ISO 3166-1 alpha-3 code (P298).
- CAMEO / PETRARCH actor and agent dictionaries (the TABARI/PETRARCH text format: "NAME [CODE]",
  "+ALIAS" synonym lines, dated code lines "[CODE 19950601 - 19990815]", "[CODE < 950601]",
  "[CODE > 990816]", agents "WORD {PLURAL} [~SEC]" with "!MACRO! = A, B" substitutions).

The records are for review and merging into the YAML sources, not loaded at run time.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

# ---------------------------------------------------------------------------- Wikidata

def iter_wikidata_entities(path: str | Path) -> Iterator[dict[str, Any]]:
    """Entities from a Wikidata JSON dump (one per line with trailing commas, or a JSON array)."""
    with Path(path).open(encoding="utf-8") as fh:
        head = fh.read(1)
        while head and head.isspace():
            head = fh.read(1)
        fh.seek(0)
        for line in fh:
            line = line.strip().rstrip(",")
            if not line or line in ("[", "]"):
                continue
            if line.startswith("[") and line.endswith("]"):
                yield from json.loads(line)
                continue
            yield json.loads(line)


def _claim_values(entity: dict[str, Any], prop: str) -> list[dict[str, Any]]:
    return [c for c in (entity.get("claims") or {}).get(prop, ()) if c.get("rank") != "deprecated"]


def _snak_value(snak: dict[str, Any]) -> Any:
    if snak.get("snaktype") != "value":
        return None
    return (snak.get("datavalue") or {}).get("value")


def _item_id(v: Any) -> str | None:
    if isinstance(v, dict):
        return v.get("id") or (f"Q{v['numeric-id']}" if "numeric-id" in v else None)
    return None


def wikidata_time(v: Any) -> str | None:
    """'+2012-05-07T00:00:00Z' with precision 11/10/9 -> '2012-05-07' / '2012-05' / '2012'."""
    if not isinstance(v, dict) or not v.get("time"):
        return None
    m = re.match(r"^[+]?(\d{4})-(\d{2})-(\d{2})", v["time"])
    if not m:
        return None
    y, mo, d = m.groups()
    prec = int(v.get("precision", 11))
    if prec >= 11 and mo != "00" and d != "00":
        return f"{y}-{mo}-{d}"
    if prec >= 10 and mo != "00":
        return f"{y}-{mo}"
    return y


def _names(entity: dict[str, Any]) -> tuple[str | None, dict[str, list[str]]]:
    labels = entity.get("labels") or {}
    aliases: dict[str, list[str]] = {}
    for lang, lab in labels.items():
        aliases.setdefault(lang, []).append(lab["value"])
    for lang, items in (entity.get("aliases") or {}).items():
        for it in items:
            if it["value"] not in aliases.setdefault(lang, []):
                aliases[lang].append(it["value"])
    name = (labels.get("en") or next(iter(labels.values()), {})).get("value") if labels else None
    return name, aliases


def import_wikidata(path: str | Path, positions: dict[str, str], *,
                    countries: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """People holding any of `positions` ({position QID: role such as 'head_of_state'}).

    Each record: {name, wikidata, country, aliases {lang: [...]}, offices ["role CODE start..end"]}.
    A position's country is its P1001 (jurisdiction) mapped to ISO3 through P298 of the country
    entity (both taken from the same dump) or through `countries` ({country QID: ISO3}).
    """
    entities = list(iter_wikidata_entities(path))
    iso: dict[str, str] = dict(countries or {})
    for e in entities:
        for c in _claim_values(e, "P298"):
            v = _snak_value(c.get("mainsnak") or {})
            if isinstance(v, str):
                iso[e["id"]] = v
    pos_country: dict[str, str] = {}
    for e in entities:
        if e.get("id") in positions:
            for c in _claim_values(e, "P1001"):
                q = _item_id(_snak_value(c.get("mainsnak") or {}))
                if q in iso:
                    pos_country[e["id"]] = iso[q]
                    break
    out = []
    for e in entities:
        offices = []
        for c in _claim_values(e, "P39"):
            pos = _item_id(_snak_value(c.get("mainsnak") or {}))
            if pos not in positions or pos not in pos_country:
                continue
            q = c.get("qualifiers") or {}
            start = next((wikidata_time(_snak_value(s)) for s in q.get("P580", ())), None)
            end = next((wikidata_time(_snak_value(s)) for s in q.get("P582", ())), None)
            offices.append(f"{positions[pos]} {pos_country[pos]} {start or ''}..{end or ''}")
        if not offices:
            continue
        name, aliases = _names(e)
        citizenship = [iso.get(_item_id(_snak_value(c.get("mainsnak") or {})) or "") for c in _claim_values(e, "P27")]
        citizenship = [x for x in citizenship if x]
        out.append({"name": name, "wikidata": e["id"], "country": citizenship[0] if citizenship else None,
                    "aliases": aliases, "offices": sorted(offices, key=lambda o: o.split()[2])})
    return out


# ---------------------------------------------------------------------------- CAMEO / PETRARCH

_CODE_RE = re.compile(r"\[([^\]]*)\]")


def _strip_comments(text: str) -> str:
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    return text


def _phrase(raw: str) -> str:
    """PETRARCH phrase -> words: underscores join words, a trailing '_' marks a whole word."""
    return " ".join(raw.replace("_", " ").split()).strip()


def _petrarch_date(d: str) -> str | None:
    d = d.strip()
    if re.fullmatch(r"\d{8}", d):
        return f"{d[:4]}-{d[4:6]}-{d[6:]}"
    if re.fullmatch(r"\d{6}", d):  # YYMMDD, 20th/21st century by the usual TABARI pivot
        yy = int(d[:2])
        return f"{1900 + yy if yy > 30 else 2000 + yy}-{d[2:4]}-{d[4:]}"
    return None


def parse_cameo_code(code: str) -> dict[str, Any]:
    """'USAGOV 19950601 - 19990815' / 'HOB < 950601' / 'IGOUNO' -> country, sector, start, end."""
    code = code.strip()
    start = end = None
    m = re.match(r"^(\S+)\s+(\d{6,8})\s*-\s*(\d{6,8})$", code)
    if m:
        code, start, end = m.group(1), _petrarch_date(m.group(2)), _petrarch_date(m.group(3))
    else:
        m = re.match(r"^(\S+)\s*([<>])\s*(\d{6,8})$", code)
        if m:
            code = m.group(1)
            if m.group(2) == "<":
                end = _petrarch_date(m.group(3))
            else:
                start = _petrarch_date(m.group(3))
    code = code.strip().upper()
    if code.startswith("~"):  # an agent code: sector only ("~GOVFRM")
        return {"code": code, "country": None, "sector": code[1:4] or None, "start": start, "end": end}
    return {"code": code, "country": code[:3] or None, "sector": code[3:6] or None, "start": start, "end": end}


def parse_petrarch_actors(text: str) -> list[dict[str, Any]]:
    """Actor dictionary -> [{name, aliases, codes: [{code, country, sector, start, end}]}]."""
    records: list[dict[str, Any]] = []
    cur: dict[str, Any] | None = None
    for raw in _strip_comments(text).splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        body = line.strip()
        if body.startswith("+"):
            if cur is not None:
                name_part = _CODE_RE.sub("", body[1:]).strip()
                if name_part:
                    cur["aliases"].append(_phrase(name_part))
                for c in _CODE_RE.findall(body):
                    cur["codes"].append(parse_cameo_code(c))
            continue
        if body.startswith("[") or raw[:1] in (" ", "\t") and body.startswith("["):
            if cur is not None:
                for c in _CODE_RE.findall(body):
                    cur["codes"].append(parse_cameo_code(c))
            continue
        name_part = _CODE_RE.sub("", body).strip()
        cur = {"name": _phrase(name_part), "aliases": [], "codes": [parse_cameo_code(c) for c in _CODE_RE.findall(body)]}
        records.append(cur)
    return [r for r in records if r["name"]]


def parse_petrarch_agents(text: str) -> list[dict[str, Any]]:
    """Agent dictionary -> [{words: [...], sector: 'GOV', code: '~GOVFRM'}], macros expanded."""
    macros: dict[str, list[str]] = {}
    out: list[dict[str, Any]] = []
    for raw in _strip_comments(text).splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", line)
        if m:
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        codes = _CODE_RE.findall(line)
        if not codes:
            continue
        head = _CODE_RE.sub("", line)
        plural = re.findall(r"\{([^}]*)\}", head)
        head = re.sub(r"\{[^}]*\}", "", head).strip()
        forms = [head] + [p for p in plural if p.strip()]
        words: list[str] = []
        for f in forms:
            words.extend(_expand_macros(f, macros))
        words = [_phrase(w) for w in words if _phrase(w)]
        code = codes[0].strip()
        out.append({"words": words, "code": code, "sector": code.lstrip("~")[:3] or None})
    return out


def _expand_macros(form: str, macros: dict[str, list[str]]) -> list[str]:
    m = re.search(r"![A-Z]+!", form)
    if not m or m.group(0) not in macros:
        return [form]
    out = []
    for sub in macros[m.group(0)]:
        out.extend(_expand_macros(form[:m.start()] + sub + form[m.end():], macros))
    return out


def petrarch_to_people(records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Actor records whose codes carry dates -> people.yaml-like records (office role 'minister'
    stands for "coded with this country/sector in this period"; review before merging)."""
    out = []
    for r in records:
        dated = [c for c in r["codes"] if c["start"] or c["end"]]
        if not dated:
            continue
        offices = [f"minister {c['country']} {c['start'] or ''}..{c['end'] or ''} (CAMEO {c['code']})"
                   for c in dated if c["country"] and c["sector"] == "GOV"]
        out.append({"name": r["name"].title(), "aliases": {"en": [a.title() for a in r["aliases"]]},
                    "offices": offices, "cameo_codes": [c["code"] for c in r["codes"]]})
    return out
