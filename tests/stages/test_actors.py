"""actors@1 on whole articles: date from publication, repeats, titles, metonyms."""
from __future__ import annotations

from tests.kb.actor_helpers import analyze, find

TEXT = ("Russian President Vladimir Putin and his Turkish counterpart, Recep Tayyip Erdogan, spoke by phone, "
        "the Kremlin said.\nErdogan told Putin that Syrian troops must withdraw. Ankara also called on "
        "NATO Secretary General Jens Stoltenberg to act. Russian Foreign Minister Sergei Lavrov and the "
        "Turkish foreign minister will meet.")


def test_actors_as_of_the_publication_date():
    doc = analyze(TEXT, "en", "2020-02-28")
    putin = find(doc, "Putin")
    assert (putin.country, putin.sector, putin.wikidata, putin.as_of) == ("RUS", "GOV", "Q7747", "2020-02-28")
    erd = [a for a in doc.actors if "Erdogan" in a.text]
    assert len(erd) == 2 and {a.actor_id for a in erd} == {"Q39259"}
    assert find(doc, "Kremlin").sector == "GOV"
    ankara = find(doc, "Ankara")
    assert (ankara.country, ankara.sector) == ("TUR", "GOV")
    assert (find(doc, "Syrian troops").country, find(doc, "Syrian troops").sector) == ("SYR", "MIL")
    st = find(doc, "Stoltenberg")
    assert (st.country, st.sector) == ("NATO", "GOV")
    assert find(doc, "Lavrov").country == "RUS"
    fm = find(doc, "Turkish foreign minister")
    assert fm.name == "Mevlüt Çavuşoğlu" and "foreign_minister" in fm.reason
    for a in doc.actors:
        assert a.reason and TEXT[a.start:a.end] == a.text


def test_the_same_article_a_decade_later():
    doc = analyze(TEXT, "en", "2024-12-01")
    st = find(doc, "Stoltenberg")
    assert st.country == "NOR" and st.sector is None and "not in office" in st.reason
    assert find(doc, "Turkish foreign minister").name == "Hakan Fidan"


def test_actors_appear_in_analyze_json():
    from eventwire.serialize import analyzed_to_dict

    d = analyzed_to_dict(analyze(TEXT, "en", "2020-02-28"))
    row = next(a for a in d["actors"] if a["wikidata"] == "Q7747")
    assert row["country"] == "RUS" and row["sector"] == "GOV" and row["reason"]


def test_a_demonym_on_another_noun_phrase_does_not_lend_its_country():
    # "Italian" qualifies the hostages, not the rebels holding them
    doc = analyze("The rebels refused to release the kidnapped Italian engineers.", "en", "2023-05-01")
    assert find(doc, "rebels").country is None and find(doc, "rebels").sector == "REB"
    assert find(doc, "Italian").country == "ITA"
    doc = analyze("Gunmen held two Canadians for weeks.", "en", "2023-05-01")
    assert find(doc, "Gunmen").country is None
    # a country named as such still places a bare agent in its sentence
    assert find(analyze("Militants attacked a checkpoint in Mali.", "en", "2023-05-01"), "Militants").country == "MLI"


def test_an_envoy_belongs_to_the_sending_country_not_the_host():
    doc = analyze("Russia's ambassador to Turkey Andrey Karlov was shot in an art gallery.", "en", "2016-12-19")
    amb = find(doc, "ambassador")
    assert (amb.country, amb.sector) == ("RUS", "GOV") and "where the envoy serves (TUR)" in amb.reason
    assert "Karlov" in amb.text and not [a for a in doc.actors if a.country == "TUR"]
    doc = analyze("The French embassy in Niamey was closed and the Nigerien junta protested.", "en", "2023-09-01")
    emb = find(doc, "embassy")
    assert (emb.country, emb.sector) == ("FRA", "GOV")
    # no sending country named: the place is kept as a place, and the embassy is not given the host's country
    doc = analyze("Kenya opened an embassy in Lima last year.", "en", "2023-09-01")
    assert find(doc, "embassy").country is None
    assert find(doc, "Lima").country == "PER"
