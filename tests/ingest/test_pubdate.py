import pytest

from eventwire.ingest.clean import clean_text
from eventwire.ingest.pubdate import find_published, parse_timestamp


@pytest.mark.parametrize("line,expected", [
    ("Oct 28, 2020 13:32 UTC", "2020-10-28T13:32:00"),
    ("27.10.2024 - 14:35", "2024-10-27T14:35:00"),          # tr: day-first with dots
    ("05.11.2024 18:20", "2024-11-05T18:20:00"),            # ru: not May 11
    ("28 октября 2024, 12:47", "2024-10-28T12:47:00"),
    ("Publié le 24/02/2025 à 17h36", "2025-02-24T17:36:00"),
    ("20 de enero de 2025, 21:30 (hora de Bogotá)", "2025-01-20T21:30:00"),
    ("١٢ فبراير ٢٠٢٥ | ٠٩:٣٠ بتوقيت غرينتش", "2025-02-12"),  # Arabic-Indic digits
    ("Thứ Tư, 30/10/2024 09:15 (GMT+7)", "2024-10-30T09:15:00"),
    ("10/28/2020", "2020-10-28"),                           # cannot be day-first
    ("2020-10-28T23:32:00+03:00", "2020-10-28T23:32:00")  # local day kept,
])
def test_timestamps_in_many_languages(line, expected):
    assert parse_timestamp(line) == expected


def test_date_line_in_header_is_found_and_removed():
    text = "Заголовок статьи о переговорах\n28 октября 2024, 12:47\nГлавная / Политика / Ближний Восток\nМинистры встретились в Москве и обсудили ситуацию в регионе, сообщил МИД."
    c = clean_text(text)
    assert c.date_lines == ["28 октября 2024, 12:47"]
    assert c.text == "Министры встретились в Москве и обсудили ситуацию в регионе, сообщил МИД."
    assert ("navigation", "Главная / Политика / Ближний Восток") in [(b.kind, b.text) for b in c.removed]


def test_no_evidence_gives_no_date():
    assert find_published(metadata=None, date_lines=[], last_modified=None, captions=[]) is None
    assert parse_timestamp("hello world 2020") is None


def test_order_metadata_then_date_line_then_last_modified():
    p = find_published(metadata="2024-05-06", date_lines=["Oct 28, 2020"], last_modified="2021-01-01", captions=[])
    assert (p.value, p.method) == ("2024-05-06", "metadata")
    p = find_published(metadata=None, date_lines=["Oct 28, 2020"], last_modified="2021-01-01", captions=[])
    assert (p.value, p.method) == ("2020-10-28", "date_line")
    p = find_published(metadata=None, date_lines=[], last_modified="2021-01-01T07:00:00+00:00", captions=[])
    assert (p.method, p.confidence < 0.9) == ("last_modified", True)
