"""The five real articles in ../shared/articles (skipped when ../shared is absent)."""
from eventwire import jobs


def test_shared_articles_language_source_and_date(shared_dir, settings):
    out = jobs.analyze([str(shared_dir / "articles")], settings=settings.with_overrides(
        run__stages=["clean", "language", "sentences"]))
    arts = {a["path"].rsplit("/", 1)[-1][:3]: a for a in out["articles"]}
    assert sorted(arts) == ["000", "001", "002", "003", "004"]
    assert arts["004"]["language"] == "vi"
    assert all(arts[k]["language"] == "en" for k in ("000", "001", "002", "003"))
    assert arts["001"]["published_at"].startswith("2020-10-28")
    assert arts["001"]["published_from"] == "date_line"
    assert arts["001"]["source"] == "parstoday.ir"
    assert arts["001"]["title"] == "Putin, Erdogan discuss Karabakh, Syria, Libya"
    assert out["rejects"] == []
