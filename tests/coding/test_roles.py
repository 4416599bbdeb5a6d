"""Actor / recipient roles: English dependency parse, rule-based word order and case (real pipeline)."""
from eventwire.coding.lexicon import tokenize
from eventwire.coding.roles import Candidate, rule_roles
from tests.coding.helpers import countries, events


def test_passive_victims_and_agent_on_the_instrument_noun():
    evs = events("Turkish soldiers were killed in strikes by Syrian forces.", "en", "2020-02-28", "ASSAULT")
    assert evs
    e = evs[0]
    assert [(a.country, a.sector) for a in e.actor if a.country] == [("SYR", "MIL")]
    assert [(a.country, a.sector) for a in e.recipient if a.country] == [("TUR", "MIL")]
    assert any("'by' object" in r for r in e.reasons)


def test_speaker_is_not_a_participant_and_dateline_is_ignored():
    evs = events("ANKARA (Reuters) - Syrian government forces shelled a Turkish observation post in Idlib on "
                 "Sunday, Turkey's defence ministry said.", "en", "2024-10-27", "ASSAULT")
    assert evs
    e = evs[0]
    assert "SYR" in countries(e.actor) and "TUR" not in countries(e.actor)
    assert e.attribution is not None and e.attribution.country == "TUR"
    assert all(a.text != "ANKARA" for a in e.actor + e.recipient)


def test_turkish_case_suffix_marks_the_recipient():
    text = "Suriye Türkiye'ye saldırdı."
    toks = tokenize(text, "tr")
    i, j = text.index("Suriye"), text.index("Türkiye'ye")
    cands = [Candidate(i, i + 6, "Suriye"), Candidate(j, j + 10, "Türkiye'ye")]
    k = text.index("saldırdı")
    actors, recips = rule_roles("tr", "ASSAULT", toks, text, 0, k, k + 8, cands)
    assert [a.text for a in actors] == ["Suriye"] and [r.text for r in recips] == ["Türkiye'ye"]
    assert "suffix" in recips[0].reason


def test_svo_passive_flips_roles():
    text = "Los soldados turcos fueron atacados por las fuerzas sirias."
    toks = tokenize(text, "es")
    a, b = text.index("soldados turcos"), text.index("fuerzas sirias")
    cands = [Candidate(a, a + 15, "soldados turcos"), Candidate(b, b + 14, "fuerzas sirias")]
    k = text.index("atacados")
    actors, recips = rule_roles("es", "ASSAULT", toks, text, 0, k, k + 8, cands)
    assert [x.text for x in actors] == ["fuerzas sirias"] and [x.text for x in recips] == ["soldados turcos"]


def test_verbless_headline_terminates():
    # the parse root is a noun: climbing to a governing verb must stop at the root
    evs = events("Deadly air strikes on Idlib market amid ceasefire talks between Turkey and Russia", "en", "2024-10-27")
    assert isinstance(evs, list)
