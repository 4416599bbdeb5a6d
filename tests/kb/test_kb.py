"""The actor knowledge base: load time, freshness, coverage, date-aware resolution."""
from __future__ import annotations

import pickle
import time

import pytest

from eventwire import resources
from eventwire.kb import load_kb, resolve
from eventwire.kb.build import INDEX_NAME, parse_office


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def test_index_loads_quickly_from_a_cold_start():
    t = time.perf_counter()
    with (resources.root() / INDEX_NAME).open("rb") as fh:
        index = pickle.load(fh)
    from eventwire.kb import KB

    KB(index)
    assert time.perf_counter() - t < 3.0  # ~0.5 s on the dev machine; loose floor


def test_index_is_built_from_the_current_sources(kb):
    assert not kb.is_stale(), "KB sources changed: run scripts/build_kb.py"


def test_every_iso_country_is_an_actor(kb):
    import pycountry

    missing = [c.alpha_3 for c in pycountry.countries if f"ew:{c.alpha_3}" not in kb.actors]
    assert not missing
    assert kb.actors["ew:TUR"]["name"] == "Turkey"


def test_people_from_many_countries_with_offices(kb):
    people = [a for a in kb.actors.values() if a["kind"] == "person"]
    countries = {o[1] for a in people for o in a["offices"] if len(o[1]) == 3}
    assert len(countries) >= 60
    for a in people:
        for o in a["offices"]:
            assert o[3] is None or o[4] is None or o[3] < o[4], (a["name"], o)


def test_office_lines_are_validated():
    assert parse_office("fm RUS 2004-03-09..") == ("foreign_minister", "RUS", "GOV", "2004-03-09", None, None)
    with pytest.raises(ValueError):
        parse_office("fm RUS 2004-3-9..")
    with pytest.raises(ValueError):
        parse_office("emperor RUS 2004-03-09..")


def one(text, lang="en", date=None, **want):
    got = resolve(text, lang, date)
    assert len(got) == 1, [(a.text, a.country, a.sector) for a in got]
    a = got[0]
    for k, v in want.items():
        assert getattr(a, k) == v, (k, getattr(a, k), v, a.reason)
    return a


def test_putin_is_russian_government_while_in_office():
    one("Vladimir Putin", date="2020-02-28", country="RUS", sector="GOV", wikidata="Q7747")


def test_stoltenberg_heads_nato_in_2020_but_not_in_2025():
    one("Jens Stoltenberg", date="2020-06-01", country="NATO", sector="GOV", wikidata="Q57665")
    a = one("Jens Stoltenberg", date="2024-12-01", country="NOR", sector=None)
    assert "not in office" in a.reason


def test_leader_who_left_office_is_not_gov_after_the_end_date():
    a = one("Hillary Clinton", date="2014-05-01", country="USA", sector=None)
    assert "not in office on 2014-05-01" in a.reason
    one("Hillary Clinton", date="2012-05-01", country="USA", sector="GOV")
    one("Bashar al-Assad", date="2025-03-01", country="SYR", sector=None)


def test_sector_from_a_later_office():
    a = one("İbrahim Kalın", "tr", date="2024-01-10", country="TUR", sector="SPY")
    assert "intelligence_chief" in a.reason


def test_titles_resolve_to_the_office_holder_on_the_date():
    a = one("the Turkish president", date="2017-04-16", wikidata="Q39259", country="TUR", sector="GOV")
    assert "head_of_state" in a.reason
    assert one("the Turkish president", date="2012-01-01").name == "Abdullah Gül"
    assert one("Russian Foreign Minister", date="2019-01-01").name == "Sergey Lavrov"
    assert one("the Turkish foreign minister", date="2015-09-15").name == "Feridun Sinirlioğlu"
    assert one("the Turkish foreign minister", date="2016-01-15").name == "Mevlüt Çavuşoğlu"
    assert one("the Turkish foreign minister", date="2023-07-01").name == "Hakan Fidan"
    assert one("NATO Secretary General", date="2025-01-10").name == "Mark Rutte"


def test_titles_without_a_date_stay_generic():
    a = one("the Turkish president", country="TUR", sector="GOV")
    assert a.actor_id == "ew:TUR:GOV" and "no date" in a.reason


def test_short_names_and_repeats_resolve_to_the_same_actor():
    got = resolve("Recep Tayyip Erdogan met Putin. Later Erdogan said Erdoğan'ın ...", "en", "2020-03-05")
    ids = [a.actor_id for a in got if a.text.lower().startswith(("recep", "erdo"))]
    assert ids and set(ids) == {"Q39259"}


def test_ambiguous_short_name_keeps_the_reason():
    a = one("Bush", date="2003-03-20", country="USA", sector="GOV")
    assert a.name == "George W. Bush" and "ambiguous" in a.reason
    assert one("Bush", date="1991-01-17").name == "George H. W. Bush"


def test_metonyms_and_locatives():
    one("the Kremlin said", country="RUS", sector="GOV")
    one("Ankara rejected the claim", country="TUR", sector="GOV")
    a = one("talks were held in Ankara", country="TUR", sector=None)
    assert "place" in a.reason
    one("ANKARA - the ministry", country="TUR", sector=None)


def test_generic_agents():
    one("Syrian troops", country="SYR", sector="MIL")
    one("Turkish soldiers", country="TUR", sector="MIL")
    one("Syrian government forces", country="SYR", sector="MIL")
    one("rebel forces", country=None, sector="REB")
    one("riot police", sector="COP")
    one("protesters", sector="CVL")
    one("Russia's defence ministry", country="RUS", sector="MIL")


def test_coordinated_demonyms_share_the_role():
    got = resolve("Senior Hungarian and Romanian officials agreed", "en", None)
    assert [(a.country, a.sector) for a in got] == [("HUN", "GOV"), ("ROU", "GOV")]


def test_igos_and_groups():
    one("the United Nations", country="UN", sector="IGO", wikidata="Q1065")
    one("OCHA", country="UN")
    one("Hayat Tahrir al-Sham", country="SYR", sector="REB")
    one("the Islamic State", country=None, sector="REB")
    one("NATO troops", country="NATO", sector="MIL")


def test_library_resolve_of_role_phrases_for_the_events_stage():
    one("Syrian forces", date="2020-02-28", country="SYR", sector="MIL")


def test_every_alias_points_to_a_known_actor_or_role(kb):
    bad = set()
    for _klen, entries in kb.automaton.values():
        for kind, ref, *_ in entries:
            if (kind == "role" and ref not in kb.roles) or (kind != "role" and ref not in kb.actors):
                bad.add(ref)
    assert not bad


def test_qids_are_well_formed_unique_and_sourced():
    import re

    from eventwire.kb import load_kb

    kb = load_kb()
    people = [a for a in kb.actors.values() if a["kind"] == "person"]
    qids = [a["wikidata"] for a in people if a.get("wikidata")]
    assert len(qids) == len(set(qids)) and all(re.fullmatch(r"Q[1-9][0-9]*", q) for q in qids)
    sourced = [a for a in people if a.get("qid_source")]
    assert len(sourced) >= 200
    assert all(a["wikidata"] and re.fullmatch(r"github:[\w.-]+/[\w.-]+/\S+", a["qid_source"]) for a in sourced)
    erd = kb.actors["Q39259"]  # checked against a public Wikidata-derived list of world leaders
    assert erd["name"] == "Recep Tayyip Erdoğan" and erd["qid_source"].startswith("github:every-politician-scrapers/")


def test_spokespeople_cover_at_least_60_countries_with_dates():
    from eventwire.kb import load_kb

    kb = load_kb()
    countries = set()
    for a in kb.actors.values():
        for role, code, _sector, start, _end, _title in a.get("offices") or ():
            if role == "spokesperson":
                assert start, a["name"]  # every spokesperson office has a start date
                if len(code) == 3 and code.isalpha() and code.isupper():
                    countries.add(code)
    assert len(countries) >= 60, sorted(countries)


def test_spokesperson_resolves_by_date():
    one("Randhir Jaiswal", date="2025-01-10", country="IND", sector="GOV")
    a = one("Iuliia Mendel", date="2023-01-10", country="UKR", sector=None)
    assert "not in office" in a.reason


def test_turkish_and_arabic_demonyms_are_not_country_names_or_capitals(kb):
    # country names and capitals match as countries/seats of government; as demonyms they would lose
    # the metonym reading ("واشنطن" = the US government) and the country reason
    from pathlib import Path

    import yaml

    from eventwire.kb.matcher import KIND

    base = Path(resources.__file__).parent / "lang"
    for lang, banned in (("tr", ("country", "capital", "seat")), ("ar", ("capital", "seat"))):
        words = [str(w) for ws in yaml.safe_load((base / lang / "demonyms.yaml").read_text("utf-8"))["demonyms"].values()
                 for w in ws]
        for w in words:
            for m in kb.find(w, lang):
                whole = m.start == 0 and m.end == len(w)
                assert not (whole and any(e[KIND] in banned for e in m.entries)), (lang, w)
    ar = yaml.safe_load((base / "ar" / "demonyms.yaml").read_text("utf-8"))["demonyms"]
    assert not {"الولايات المتحدة", "واشنطن"} & {w for ws in ar.values() for w in ws}


def test_russian_after_is_not_the_ambassador():
    # "после" ("after") is also the prepositional case of "посол" (ambassador): the word reading wins
    got = {m.text: m.sector for m in load_kb().resolve(
        "После переговоров посол России в Турции заявил о прекращении огня.", "ru", None)}
    assert "После" not in got
    assert got.get("посол России в Турции") == "GOV"
