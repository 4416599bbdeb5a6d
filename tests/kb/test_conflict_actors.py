"""State forces and armed groups of current conflicts: names, acronyms, languages, ambiguous acronyms.

Sentences written for these tests (not from any benchmark)."""
from __future__ import annotations

import pytest

from eventwire.kb import load_kb, resolve

DAY = "2024-06-01"


def _first(text: str, lang: str = "en", needle: str | None = None):
    ms = resolve(text, lang, DAY)
    hits = [m for m in ms if needle is None or needle in m.text]
    assert hits, f"nothing resolved in {text!r}: {[(m.text, m.country, m.sector) for m in ms]}"
    return hits[0]


@pytest.mark.parametrize("text,lang,needle,country,sector", [
    ("FARDC soldiers retook the hill town at dawn.", "en", "FARDC", "COD", "MIL"),
    ("Les FAMa ont repris le contrôle du village.", "fr", "FAMa", "MLI", "MIL"),
    ("The Sudanese Armed Forces shelled the bridge.", "en", "Sudanese Armed Forces", "SDN", "MIL"),
    ("القوات المسلحة السودانية استعادت السيطرة على الجسر", "ar", "القوات", "SDN", "MIL"),
    ("SSPDF troops moved into the county.", "en", "SSPDF", "SSD", "MIL"),
    ("The ENDF withdrew from the district.", "en", "ENDF", "ETH", "MIL"),
    ("Les FACA patrouillent dans la préfecture.", "fr", "FACA", "CAF", "MIL"),
    ("UPDF units crossed into Ituri.", "en", "UPDF", "UGA", "MIL"),
    ("Tatmadaw airstrikes hit the village.", "en", "Tatmadaw", "MMR", "MIL"),
    ("El Ejército Nacional de Colombia desplegó tropas.", "es", "Ejército Nacional de Colombia", "COL", "MIL"),
    ("Philippine National Police officers arrested two suspects.", "en", "Philippine National Police", "PHL", "COP"),
    ("Jandarma ekipleri köyde operasyon düzenledi.", "tr", "Jandarma", "TUR", "COP"),
    ("Росгвардия задержала троих.", "ru", "Росгвардия", "RUS", "COP"),
    ("СБУ задержала агента.", "ru", "СБУ", "UKR", "SPY"),
    ("The Department of State Services detained the suspect.", "en", "Department of State Services", "NGA", "SPY"),
])
def test_state_forces_by_name_and_acronym(text, lang, needle, country, sector):
    m = _first(text, lang, needle)
    assert (m.country, m.sector) == (country, sector), m.reason


@pytest.mark.parametrize("text,lang,needle,country,sector", [
    ("JNIM fighters attacked the checkpoint.", "en", "JNIM", "MLI", "REB"),
    ("Le GSIM a revendiqué l'attaque.", "fr", "GSIM", "MLI", "REB"),
    ("ISWAP overran the base near the lake.", "en", "ISWAP", "NGA", "REB"),
    ("Les combattants de l'EIGS ont attaqué le marché.", "fr", "EIGS", "MLI", "REB"),
    ("CODECO militiamen raided the camp.", "en", "CODECO", "COD", "REB"),
    ("The Arakan Army seized the township.", "en", "Arakan Army", "MMR", "REB"),
    ("The Shan State Army seized the village.", "en", "Shan State Army", "MMR", "REB"),
    ("NPA rebels ambushed a patrol.", "en", "NPA", "PHL", "REB"),
    ("Fano militia took control of the town.", "en", "Fano", "ETH", "REB"),
    ("Las disidencias de las FARC atacaron la base.", "es", "disidencias", "COL", "REB"),
    ("El CJNG controla la zona.", "es", "CJNG", "MEX", "CRM"),
    ("Hızlı Destek Kuvvetleri kenti ele geçirdi.", "tr", "Hızlı Destek", "SDN", "REB"),
    ("Lực lượng Hỗ trợ Nhanh tấn công thành phố.", "vi", "Lực lượng Hỗ trợ Nhanh", "SDN", "REB"),
    ("The Balochistan Liberation Army claimed the attack.", "en", "Balochistan", "PAK", "REB"),
])
def test_armed_groups(text, lang, needle, country, sector):
    m = _first(text, lang, needle)
    assert (m.country, m.sector) == (country, sector), m.reason


def test_split_groups_are_their_own_actors():
    # ISWAP is not Boko Haram; Abu Sayyaf is not the MILF; SPLM-IO is South Sudanese
    assert "Islamic State West Africa" in _first("ISWAP claimed the raid.").name
    assert "Abu Sayyaf" in _first("Abu Sayyaf gunmen kidnapped two fishermen.").name
    assert _first("SPLM-IO forces clashed with the army.", needle="SPLM-IO").country == "SSD"


def test_ambiguous_acronym_follows_the_country_in_the_text():
    som = _first("SNA troops retook the town from al-Shabaab in Somalia.", needle="SNA")
    assert (som.country, som.sector) == ("SOM", "MIL"), som.reason
    syr = _first("SNA factions clashed with the SDF near Manbij in northern Syria.", needle="SNA")
    assert (syr.country, syr.sector) == ("SYR", "REB"), syr.reason
    assert "ambiguous alias 'SNA'" in syr.reason
    lbn = _first("ISF officers arrested two men in Beirut, Lebanon.", needle="ISF")
    assert (lbn.country, lbn.sector) == ("LBN", "COP"), lbn.reason


def test_ambiguous_acronym_without_context_gets_no_country():
    m = _first("SNA troops advanced on the town.", needle="SNA")
    assert m.country is None and "no country in the article decides" in m.reason
    m = _first("VDP members repelled the attack.", needle="VDP")
    assert m.country is None


def test_ambiguous_acronym_uses_an_earlier_sentence_in_the_article():
    from tests.kb.actor_helpers import find

    text = "Fighting continued in Somalia's Lower Shabelle region on Monday. SNA troops later retook the town."
    m = find(text, "SNA", "en", DAY)
    assert (m.country, m.sector) == ("SOM", "MIL"), m.reason


def test_full_names_stay_unambiguous():
    assert _first("The Syrian National Army shelled the village.", needle="Syrian National Army").country == "SYR"
    assert _first("The Somali National Army shelled the village.", needle="Somali National Army").country == "SOM"


def test_acronyms_left_out_because_they_collide_with_common_words():
    # AFP is the news agency, ISM a US survey, Let an English word: none may become an armed actor
    for text in ("MANILA (AFP) - The ISM index rose.", "Let the talks begin, he said."):
        assert not [m for m in resolve(text, "en", DAY) if m.sector in ("MIL", "REB")], text


def test_state_allied_groups_keep_the_group_convention_and_say_so():
    kb = load_kb()
    by_code = {a.get("code"): a for a in kb.actors.values() if a["kind"] == "group"}
    for code in ("PMF", "VDP", "WAZALENDO", "CJTF_NGA", "MAAWISLEY", "NDF_SYR"):
        a = by_code[code]
        assert a["sector"] == "REB" and "state-allied" in (a.get("note") or ""), code
        assert a.get("state_allied") is True, code  # machine-readable, for coders that need the side
    assert by_code["JNIM"].get("state_allied") is False and by_code["RSF"].get("state_allied") is False


def test_a_force_word_does_not_turn_a_named_armed_group_into_the_army():
    m = _first("RSF soldiers looted the market.", needle="RSF")
    assert (m.country, m.sector) == ("SDN", "REB"), m.reason
    m = _first("Philippine National Police officers arrested two suspects.", needle="Philippine")
    assert m.sector == "COP", m.reason
    # an organisation that is not itself an armed body still takes the force word's sector
    assert _first("NATO troops arrived.", needle="NATO").sector == "MIL"


def test_an_unambiguous_force_in_the_article_settles_an_ambiguous_acronym():
    m = _first("ADF fighters attacked a FARDC position.", needle="ADF")
    assert (m.country, m.sector) == ("COD", "REB"), m.reason
    m = _first("The ADF clashed with Cameroonian soldiers near Bamenda.", needle="ADF")
    assert m.country == "CMR", m.reason


def test_al_shabaab_keeps_its_article_before_a_force_word():
    m = _first("On Monday, Al Shabaab militants captured the town.", needle="Shabaab")
    assert m.text.startswith("Al Shabaab") and (m.country, m.sector) == ("SOM", "REB")


def test_company_names_sharing_an_armed_groups_acronym():
    assert _first("A CMA CGM container ship was struck.", needle="CMA").sector == "BUS"
    m = _first("The CMA took control of Kidal in northern Mali.", needle="CMA")
    assert (m.country, m.sector) == ("MLI", "REB"), m.reason
