"""German events through the real pipeline (our own sentences)."""
from tests.coding.helpers import countries, events


def test_signed_agreement_noun_is_not_a_wrapper_of_the_signing_verb():
    # "Abkommen" (agreement) is the object of the clause-final participle, not a speech act embedding it
    evs = events("Deutschland hat mit Frankreich ein Abkommen über die Verteidigung unterzeichnet.", "de", "2024-10-28")
    assert evs
    top = max(evs, key=lambda e: e.confidence)
    assert top.event_type == "SUPPORT" and "unterzeichnet" in top.trigger
    assert not any(any("embeds" in r for r in e.reasons) for e in evs)
    # verb-second: the subject precedes the finite auxiliary, the "mit" phrase is the other party
    assert countries(top.actor) == {"DEU"} and countries(top.recipient) == {"FRA"}
