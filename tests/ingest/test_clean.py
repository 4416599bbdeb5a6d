from eventwire.ingest.clean import clean_text

SCRAPED = """Skip to main content

Ministers fail to agree on border crossings
https://www.example-news.org/world/ministers-fail-to-agree
(last modified 2024-03-05T08:00:00+00:00 )
Mar 4, 2024 17:05 UTC
  • Ministers fail to agree on border crossings

The foreign ministers of the two countries met in Geneva on Monday but failed to agree on reopening the border crossings.
A displaced family walks past a checkpoint near the border, March 2, 2024. /Reuters
The foreign ministers of the two countries met in Geneva on Monday but failed to agree on reopening the border crossings.
Officials said another round of talks could take place next month.
Subscribe to our newsletter
You've read 3 of 5 free articles. Subscribe to continue.
"""


def test_scraped_text_parts_are_separated_and_recorded():
    c = clean_text(SCRAPED)
    assert c.title == "Ministers fail to agree on border crossings"
    assert c.url == "https://www.example-news.org/world/ministers-fail-to-agree"
    assert c.last_modified == "2024-03-05T08:00:00+00:00"
    assert c.date_lines == ["Mar 4, 2024 17:05 UTC"]
    assert c.text.splitlines() == [
        "The foreign ministers of the two countries met in Geneva on Monday but failed to agree on reopening the border crossings.",
        "Officials said another round of talks could take place next month.",
    ]
    kinds = {b.kind for b in c.removed}
    assert {"navigation", "url_line", "last_modified", "date_line", "caption", "repeated", "subscription", "title"} <= kinds
    assert any("/Reuters" in b.text for b in c.removed if b.kind == "caption")


def test_credit_line_then_caption():
    text = "Leaders meet\n\nJane Roe/Presidency Press Service Pool/AP\nThe two presidents shake hands in Ankara on Sept. 28.\n\nThe presidents met in Ankara on Thursday for talks on trade and regional security issues."
    c = clean_text(text)
    assert [b.kind for b in c.removed if b.kind in ("credit", "caption")] == ["credit", "caption"]
    assert c.text.startswith("The presidents met in Ankara")


def test_first_line_sentence_is_not_a_title():
    text = ("Russian and Turkish officials agreed on Friday to examine the possibility of meeting soon to discuss the situation in the province, the statement said.\n"
            "The two leaders had a phone conversation.")
    c = clean_text(text)
    assert c.title is None
    assert c.text.startswith("Russian and Turkish officials")


def test_html_mode_keeps_first_line():
    c = clean_text("Short first paragraph\nSecond paragraph here.", title="Given", plain=False)
    assert c.title == "Given"
    assert c.text.startswith("Short first paragraph")


def test_boilerplate_in_other_languages_is_removed():
    text = "Читайте также: новости дня\nПрезидент провёл переговоры с коллегой в Москве во вторник вечером.\nXem thêm: tin tức\nAbonnez-vous à notre newsletter"
    c = clean_text(text, title="t", plain=False)
    assert c.text == "Президент провёл переговоры с коллегой в Москве во вторник вечером."
    assert len(c.removed) == 3
