"""Wikidata and PETRARCH importers on fixtures written for these tests."""
from __future__ import annotations

from pathlib import Path

from eventwire.kb.importers import (
    import_wikidata,
    parse_cameo_code,
    parse_petrarch_actors,
    parse_petrarch_agents,
    petrarch_to_people,
    wikidata_time,
)

FIX = Path(__file__).parent.parent / "fixtures" / "kb"


def test_wikidata_dump_subset_gives_people_with_dated_offices():
    people = import_wikidata(FIX / "wikidata_subset.json", {"Q900001": "head_of_state", "Q900002": "foreign_minister"})
    by_id = {p["wikidata"]: p for p in people}
    assert set(by_id) == {"Q900101", "Q900102"}
    a = by_id["Q900101"]
    assert a["name"] == "Anna Example"
    assert a["country"] == "XKX"
    assert a["offices"] == ["head_of_state XKX 2012-05-07..2018-05", "head_of_state XKX 2021..", ]
    assert "Анна Пример" in a["aliases"]["ru"] and "A. Example" in a["aliases"]["en"]
    b = by_id["Q900102"]
    assert b["offices"] == ["foreign_minister XKX 2015-03-01..2019-12-31"]
    assert b["country"] is None  # no P27 in the fixture


def test_wikidata_time_precision():
    assert wikidata_time({"time": "+2012-05-07T00:00:00Z", "precision": 11}) == "2012-05-07"
    assert wikidata_time({"time": "+2012-05-00T00:00:00Z", "precision": 10}) == "2012-05"
    assert wikidata_time({"time": "+2012-00-00T00:00:00Z", "precision": 9}) == "2012"


def test_petrarch_actor_dictionary():
    recs = parse_petrarch_actors((FIX / "petrarch_actors.txt").read_text(encoding="utf-8"))
    by = {r["name"]: r for r in recs}
    assert by["NORTHLAND"]["codes"][0]["country"] == "NRL"
    assert by["NORTHLAND"]["aliases"] == ["NORTHLANDER", "NORTH CAPITAL"]
    gov = by["ALDO BRAVO"]["codes"]
    assert [(c["sector"], c["start"], c["end"]) for c in gov] == [
        (None, None, "1995-06-01"), ("GOV", "1995-06-01", "1999-08-15"), ("OPP", "1999-08-16", None)]
    people = petrarch_to_people(recs)
    assert people[0]["offices"] == ["minister NRL 1995-06-01..1999-08-15 (CAMEO NRLGOV)"]


def test_petrarch_agents_with_macros_and_plurals():
    agents = parse_petrarch_agents((FIX / "petrarch_agents.txt").read_text(encoding="utf-8"))
    by = {a["words"][0]: a for a in agents}
    assert by["COAST GUARD"]["sector"] == "MIL"
    assert "COAST GUARDS" in by["COAST GUARD"]["words"]
    assert by["HARBOUR MAN"]["words"] == ["HARBOUR MAN", "HARBOUR WOMAN"]
    assert parse_cameo_code("~GOVFRM")["sector"] == "GOV"
