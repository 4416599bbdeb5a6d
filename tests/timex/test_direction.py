"""Which occurrence a year-less date means: anaphoric weekdays, "last" against forward cues, the clause's
tense (English, via the spaCy parse), two-digit years. Our own sentences; real components, no mocks."""
import pytest

from eventwire.timex import find_times

PUB = "2021-11-04"  # a Thursday


def vals(text, anchor=PUB, lang="en", **kw):
    return {t.text: t.value for t in find_times(text, lang, anchor, **kw)}


def test_previous_and_following_weekday_count_from_the_date_in_focus():
    got = vals("On Oct. 20 the board met; the following Monday the chairman resigned.")
    assert got["the following Monday"] == "2021-10-25"
    got = vals("The index closed at 410 on Oct. 22, down 2% from the previous Friday.")
    assert got["the previous Friday"] == "2021-10-15"
    # no date in focus: counted from the publication date, strictly before it
    assert vals("Shares fell from the previous Thursday.")["the previous Thursday"] == "2021-10-28"


@pytest.mark.parametrize("lang,text,expr", [
    ("fr", "Le 20 octobre, le conseil s'est réuni ; le lundi suivant, le président a démissionné.", "lundi suivant"),
    ("es", "El 20 de octubre se reunió el consejo; el lunes siguiente dimitió el presidente.", "lunes siguiente"),
    ("de", "Am 20. Oktober tagte der Rat; am folgenden Montag trat der Vorsitzende zurück.", "folgenden Montag"),
])
def test_anaphoric_weekdays_in_other_languages(lang, text, expr):
    assert vals(text, lang=lang)[expr] == "2021-10-25"


def test_last_weekday_stays_in_the_past_after_a_forward_cue():
    assert vals("The offer was due to expire last Tuesday.")["last Tuesday"] == "2021-11-02"


def test_abbreviation_dots_do_not_hide_a_forward_cue():
    assert vals("Officials gave them until 9 a.m. Monday to reply.")["9 a.m. Monday"] == "2021-11-08T09:00"


def test_would_looks_forward():
    assert vals("He said he would fly to Lagos on Monday.")["Monday"] == "2021-11-08"


def test_clause_tense_picks_the_year_of_a_bare_month():
    # nearest-month rule alone would pick January 2022 (2 months ahead) for both
    assert vals("The firm hired a new finance chief in January.")["January"] == "2021-01"
    assert vals("The merger should be completed in January.")["January"] == "2022-01"
    # a deadline carries no tense of its verb: the nearest-month rule decides
    assert vals("The board extended the offer to January.")["January"] == "2022-01"


def test_clause_tense_uses_an_existing_parse_of_the_text():
    from eventwire.backends.nlp import spacy_en

    text = "The firm hired a new finance chief in January."
    parsed = spacy_en()(text)
    assert vals(text, parsed=parsed)["January"] == "2021-01"
    # a parse of some other text is ignored (falls back to parsing the sentence)
    assert vals(text, parsed=spacy_en()("Something else entirely."))["January"] == "2021-01"


def test_no_tense_without_a_parser_for_the_language():
    # French has no tense parser configured: the nearest-month rule decides
    assert vals("L'entreprise a embauché un directeur en janvier.", lang="fr")["janvier"] == "2022-01"


def test_two_digit_years():
    got = vals("Shares hit their lowest level since '82. The plane first flew on 7/8/07.")
    assert got["'82"] == "1982"
    assert got["7/8/07"] == "2007-07-08"
    assert "'21" not in vals("It's 5 o'clock")  # no digits after the apostrophe: nothing


def test_same_period_of_last_year_is_one_expression():
    got = vals("Profit rose in the third quarter from the same period of last year.")
    assert got["the same period of last year"] == "2020-Q3"
    assert "last year" not in got


def test_the_year_is_the_year_in_focus_but_not_a_hyphenated_compound():
    got = vals("For the year ended Sept. 30, profit rose.", anchor="1989-11-02")
    assert got["the year"] == "1989"
    assert vals("Sales fell in 1988. For the year, volume was flat.")["the year"] == "1988"
    got = vals("Net fell in the third quarter. The year-ago results included a charge.")
    assert "The year" not in got and got["year-ago"] == "2020-Q3"


def test_weekday_in_a_present_tense_clause_is_scheduled():
    assert vals("The two ministers meet separately on Monday with the envoy.")["Monday"] == "2021-11-08"
    assert vals("The two ministers met separately on Monday with the envoy.")["Monday"] == "2021-11-01"
    # a month in a present-tense clause keeps the nearest-month rule
    assert vals("The museum reopens in October.")["October"] == "2021-10"


# --- cue scope (English parse): a forward-looking word counts only where it governs the expression

def test_a_cue_in_another_clause_does_not_govern_the_date():
    # "would" governs "appeal", not the participle clause that "Wednesday" dates
    assert vals("The union said it would appeal the ruling, issued Wednesday by the court.")["Wednesday"] == "2021-11-03"
    # a cue inside the reported clause says nothing of when it was said
    assert vals("The carmaker announced on Friday that it intends to buy the plant.")["Friday"] == "2021-10-29"


def test_a_cue_far_back_in_the_sentence_still_governs_its_complement():
    text = "Farmers were planning to block the main road into the provincial capital on Monday."
    assert vals(text)["Monday"] == "2021-11-08"
    text = "He will lead a trade delegation to the regional summit in the capital in February."
    assert vals(text, anchor="2021-03-10")["February"] == "2022-02"


def test_a_cue_after_a_fronted_date_and_non_temporal_next():
    # the fronted date frames the (past) planning, not the planned payment
    assert vals("On Friday, the ministry planned to publish the figures.")["Friday"] == "2021-10-29"
    assert vals("Protesters gathered next to the embassy on Monday.")["Monday"] == "2021-11-01"


def test_the_day_before_an_event_in_apposition_to_a_date_is_that_date():
    got = vals("The suspect was last seen Oct. 20, the day before police issued a warrant.")
    assert got["the day before"] == "2021-10-20"
    # on its own it still counts back from the date in focus
    assert vals("Talks began Oct. 20. The day before, rebels shelled the town.")["The day before"] == "2021-10-19"
    assert vals("He died on Oct. 20; friends gathered the day after his death.")["the day after"] == "2021-10-21"


def test_a_past_tense_that_looks_like_the_base_form():
    # "hurt" with a singular subject can only be the past ("hurts" is the present): the last Friday
    assert vals("Weakness in small mining shares hurt the market on Friday.")["Friday"] == "2021-10-29"
    assert vals("Demand for safe assets hurt the dollar on Friday.")["Friday"] == "2021-10-29"
    # a plural subject leaves "cut" ambiguous; a forward cue still decides
    assert vals("The banks will cut rates on Friday.")["Friday"] == "2021-11-05"


def test_a_past_perfect_clause_looks_back_despite_until():
    assert vals("Until Tuesday, the police had not named him as a suspect.")["Tuesday"] == "2021-11-02"
    # the plain future stays forward
    assert vals("Until Tuesday, the police will not name him.")["Tuesday"] == "2021-11-09"
