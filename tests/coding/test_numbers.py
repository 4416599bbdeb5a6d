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
    ("двое военных погибли, пятеро ранены", "ru", {"dead": (2, None), "injured": (5, None)}),
    ("otuz üç asker şehit oldu", "tr", {"dead": (33, None)}),
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
