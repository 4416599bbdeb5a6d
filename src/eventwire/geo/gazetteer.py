"""The prebuilt gazetteer index (resources/gazetteer/index.pkl.gz, built by scripts/build_gazetteer.py).

Rows are places (countries, admin1 regions, GeoNames cities500, curated supplement); `lookup(name)` returns
candidate row numbers for a normalised name; `place(row)` makes an eventwire Place.
"""
from __future__ import annotations

import gzip
import json
import math
import pickle
from bisect import bisect_left
from functools import lru_cache

import numpy as np

from eventwire import resources
from eventwire.geo.names import name_key
from eventwire.model import Place

INDEX = "gazetteer/index.pkl.gz"


class Gazetteer:
    def __init__(self, payload: dict) -> None:
        a = payload["arrays"]
        self.gid: np.ndarray = a["gid"]
        self.lat: np.ndarray = a["lat"]
        self.lon: np.ndarray = a["lon"]
        self.pop: np.ndarray = a["pop"]
        self.cc: np.ndarray = a["cc"]
        self.admin1: np.ndarray = a["admin1"]
        self.feat: np.ndarray = a["feat"]
        self.supp: np.ndarray = a["supp"]
        # where each row's point comes from (GeoNames, countrystatecity fallback, derived county mean, ...)
        self.coord: np.ndarray | None = a.get("coord")
        self.coord_sources: list[str] = payload.get("coord_sources") or []
        self.names: list[str] = payload["names"].split("\x1f")
        self.countries: list[str] = payload["countries"]
        self.iso3_of: dict[str, str | None] = payload["iso3"]
        self.admin1s: list[str] = payload["admin1s"]
        self.features: list[str] = payload["features"]
        self.keys: list[str] = payload["keys"].split("\x1f")
        self.indptr: np.ndarray = payload["indptr"]
        self.indices: np.ndarray = payload["indices"]
        self._country_row: dict[str, int] = {}
        pcli = self.features.index("A.PCLI") if "A.PCLI" in self.features else -1
        for row in np.nonzero(self.feat == pcli)[0]:
            self._country_row[self.countries[self.cc[row]]] = int(row)

    # --- look-up
    def lookup_key(self, key: str) -> tuple[int, ...]:
        i = bisect_left(self.keys, key)
        if i == len(self.keys) or self.keys[i] != key:
            return ()
        return tuple(int(r) for r in self.indices[self.indptr[i]:self.indptr[i + 1]])

    def lookup(self, name: str) -> tuple[int, ...]:
        return self.lookup_key(name_key(name))

    def has_key(self, key: str) -> bool:
        i = bisect_left(self.keys, key)
        return i < len(self.keys) and self.keys[i] == key

    # --- row attributes
    def feature(self, row: int) -> tuple[str, str | None]:
        fc, _, code = self.features[self.feat[row]].partition(".")
        return fc, (code if code and code != "None" else None)

    def is_country(self, row: int) -> bool:
        return self.features[self.feat[row]] == "A.PCLI"

    def is_admin1(self, row: int) -> bool:
        return self.features[self.feat[row]] == "A.ADM1"

    def is_admin2(self, row: int) -> bool:
        return self.features[self.feat[row]] == "A.ADM2"

    def coord_source(self, row: int) -> str:
        if self.supp[row]:
            return "supplement"
        if self.coord is None:
            return "geonames" if self.gid[row] else "countrystatecity"
        return self.coord_sources[int(self.coord[row])]

    def country2(self, row: int) -> str:
        return self.countries[self.cc[row]]

    def country3(self, row: int) -> str | None:
        return self.iso3_of.get(self.country2(row))

    def admin1_name(self, row: int) -> str | None:
        i = int(self.admin1[row])
        return self.admin1s[i] if i >= 0 else None

    def country_row(self, iso2: str) -> int | None:
        return self._country_row.get(iso2)

    def coords(self, row: int) -> tuple[float, float] | None:
        lat, lon = float(self.lat[row]), float(self.lon[row])
        if math.isnan(lat) or math.isnan(lon):
            return None
        return lat, lon

    def place(self, row: int) -> Place:
        fc, code = self.feature(row)
        c = self.coords(row)
        gid = int(self.gid[row])
        return Place(
            geonames_id=gid or None, name=self.names[row], country=self.country3(row),
            admin1=self.admin1_name(row), lat=round(c[0], 5) if c else None, lon=round(c[1], 5) if c else None,
            feature_class=fc, feature_code=code, population=int(self.pop[row]) or None,
            source=self.coord_source(row),
        )


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    path = resources.root() / INDEX
    with gzip.open(path, "rb") as fh:
        return Gazetteer(pickle.load(fh))


def meta() -> dict:
    return json.loads((resources.root() / "gazetteer" / "index.meta.json").read_text("utf-8"))


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))
