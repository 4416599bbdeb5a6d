"""English events through the real pipeline (our own sentences)."""
from tests.coding.helpers import countries, events


def test_air_strike_with_casualties():
    evs = events("Turkish soldiers were killed in air strikes by Syrian forces in Idlib on Thursday, killing 33 "
                 "and wounding 32, the governor said.", "en", "2020-02-28", "ASSAULT")
    assert evs
    e = evs[0]
    assert e.size.dead == 33 and e.size.injured == 32
    assert "SYR" in countries(e.actor) and "TUR" in countries(e.recipient)
    assert e.modality == "asserted" and e.acled_subtype == "AIR_STRIKE"
    assert e.attribution is not None and e.attribution.text == "said"


def test_phone_call_between_leaders():
    evs = events("Russian President Vladimir Putin held a phone call with Turkish President Recep Tayyip Erdogan "
                 "on Tuesday.", "en", "2024-10-29", "CONSULT")
    assert evs and evs[0].mode == "phone" and evs[0].cameo_root == "04"
    assert countries(evs[0].actor) == {"RUS"} and countries(evs[0].recipient) == {"TUR"}


def test_condemnation():
    evs = events("The European Union strongly condemned the attack on the aid convoy.", "en", "2024-10-29", "ACCUSE")
    assert evs and evs[0].cameo_root == "11"


def test_denial_marks_the_claim():
    evs = events("Russia's defence ministry denied that its aircraft struck Turkish positions in Idlib.", "en",
                 "2024-10-28", "ASSAULT")
    assert evs and evs[0].modality == "denied" and evs[0].claim_status == "denied"


def test_denial_in_a_later_sentence_marks_the_earlier_claim():
    evs = events("Turkey said Russian jets bombed a Turkish military post in Idlib on Sunday. "
                 "Moscow said the reports had nothing to do with reality.", "en", "2024-10-28", "ASSAULT")
    assert evs and evs[0].claim_status == "denied"
    assert any("denied by" in r for r in evs[0].reasons)


def test_future_threat():
    evs = events("Turkey's defence minister warned that Ankara will retaliate against Syrian government forces.",
                 "en", "2024-10-30", "THREATEN")
    assert evs and evs[0].modality in ("asserted", "future")


def test_negated_event():
    evs = events("Russian warplanes did not bomb the village of Balyun, the ministry said.", "en", "2024-10-28", "ASSAULT")
    assert evs and evs[0].modality == "negated"


def test_historical_mention():
    evs = events("Russia's ambassador to Turkey, Andrei Karlov, was assassinated in Ankara in December 2016.",
                 "en", "2020-03-01", "ASSAULT")
    assert evs and evs[0].modality == "historical"


def test_running_total_is_not_the_event_count():
    evs = events("A drone strike on a market killed four people on Monday, raising the death toll to 54 this month.",
                 "en", "2025-03-01", "ASSAULT")
    assert evs and evs[0].size.dead == 4
