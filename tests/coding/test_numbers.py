"""Event size from numbers in digits and words, per language (real data files, no model)."""
import pytest

from eventwire.coding.numbers import extract_size


@pytest.mark.parametrize("text,lang,expected", [
    ("Syrian forces killed 33 Turkish soldiers in an air strike.", "en", {"dead": (33, None)}),
    ("thirty-three soldiers were killed and 1,200 people were injured", "en", {"dead": (33, None), "injured": (1200, None)}),
    ("Russian forces shelled Kharkiv, killing three civilians and injuring 21.", "en", {"dead": (3, None), "injured": (21, None)}),
    ("between 33-34 people died", "en", {"dead": (33, 34)}),
    ("Hàng trăm nghìn người bị thương", "vi", {"injured": (200000, 999000)}),
    ("ba mươi ba binh sĩ thiệt mạng", "vi", {"dead": (33, None)}),
    # "không kích" is "air strike", not the number zero
    ("Binh sĩ đã thiệt mạng trong các cuộc không kích.", "vi", {}),
    ("двое военных погибли, пятеро ранены", "ru", {"dead": (2, None), "injured": (5, None)}),
    ("otuz üç asker şehit oldu", "tr", {"dead": (33, None)}),
    ("on iki asker şehit oldu", "tr", {"dead": (12, None)}),  # "on" (ten) must not read as YAML true
    ("قتل ثلاثة وثلاثون جنديا", "ar", {"dead": (33, None)}),
    ("مقتل ثلاثة جنود", "ar", {"dead": (3, None)}),
    ("Al menos 12 muertos y 30 heridos", "es", {"dead": (12, None), "injured": (30, None)}),
    ("La police a interpellé des dizaines de manifestants", "fr", {"arrested": (20, 99)}),
])
def test_sizes(text, lang, expected):
    assert extract_size(text, lang).values == expected


def test_running_total_is_not_the_event_count():
    r = extract_size("The strike raised the death toll to 54 this month.", "en")
    assert "dead" not in r.values
    assert any("running total" in x for x in r.reasons)


def test_years_and_dates_are_not_counts():
    assert extract_size("He was killed in 2016.", "en").values == {}
    text = "Three people were killed on 27 October."
    i = text.index("27 October")
    assert extract_size(text, "en", exclude=[(i, i + 10)]).values == {"dead": (3, None)}


@pytest.mark.parametrize("text,lang,expected", [
    # a cue across a coordination is farther than one in the number's own clause
    ("Gunmen stormed the village, killing at least 12 people and wounding dozens.", "en",
     {"dead": (12, None), "injured": (24, 99)}),
    # the running-total cue after the event's own figure leads in the later cumulative figure
    ("A suicide bombing killed 7 people, bringing the total killed this week to 31.", "en", {"dead": (7, None)}),
    ("В результате обстрела погибли не менее 15 человек, общее число погибших достигло 200.", "ru",
     {"dead": (15, None)}),
])
def test_own_count_next_to_a_running_total(text, lang, expected):
    assert extract_size(text, lang).values == expected


@pytest.mark.parametrize("text,lang,expected", [
    # the article "un/une" is "one" only before a casualty word or a person noun
    ("Un bombardeo mató a 5 personas, con lo que el número de muertos asciende a 40.", "es", {"dead": (5, None)}),
    ("El ataque dejó un muerto y tres heridos.", "es", {"dead": (1, None), "injured": (3, None)}),
    ("Une frappe a tué 6 civils, portant le bilan à 52 morts.", "fr", {"dead": (6, None)}),
    ("La policía detuvo a veinte manifestantes.", "es", {"arrested": (20, None)}),
])
def test_articles_are_not_counts(text, lang, expected):
    assert extract_size(text, lang).values == expected
