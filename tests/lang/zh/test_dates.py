"""Chinese time expressions (resources/lang/zh/dates.yaml): no spaces between words, numeric dates with
年/月/日, CJK numerals in "ago" phrases, calendar-week weekday modifiers, holidays, and the dateline date."""
from datetime import date

import pytest

from eventwire.timex import find_times

PUB = "2020-02-28"  # a Friday


def vals(text, anchor=PUB):
    return {t.text: t.value for t in find_times(text, "zh", anchor)}


def test_full_dates_months_and_years_inside_running_text():
    got = vals("外交部长于2019年11月5日抵达，双方在2018年6月签署协议，该港口于2015年建成。")
    assert got == {"2019年11月5日": "2019-11-05", "2018年6月": "2018-06", "2015年": "2015"}


def test_day_and_month_take_the_year_from_the_anchor():
    assert vals("两国领导人3月3日举行会谈。") == {"3月3日": "2020-03-03"}
    # late in the year the nearest such day is in the previous year
    assert vals("代表团12月20日抵达。", "2021-01-04") == {"12月20日": "2020-12-20"}
    # no anchor: the year stays unknown, not invented
    assert [(t.text, t.value) for t in find_times("代表团3月3日抵达。", "zh", None)] == [("3月3日", "XXXX-03-03")]


def test_relative_days_months_and_years():
    got = vals("昨天发生爆炸，前天举行抗议，今天召开会议，明天继续谈判。本月和上个月，去年和明年。")
    assert got == {"昨天": "2020-02-27", "前天": "2020-02-26", "今天": "2020-02-28", "明天": "2020-02-29",
                   "本月": "2020-02", "上个月": "2020-01", "去年": "2019", "明年": "2021"}


def test_ago_with_chinese_numerals():
    got = vals("三年前该国发生政变，二十年前签署条约，5天前发生袭击。")
    assert got == {"三年前": "2017", "二十年前": "2000", "5天前": "2020-02-23"}


def test_weekdays_and_previous_week():
    got = vals("警方周四逮捕了两人，星期三发生冲突。")
    assert got == {"周四": "2020-02-27", "星期三": "2020-02-26"}
    # 上周五 / 上星期五: Friday of the previous calendar week, even when read on a Saturday
    for anchor in ("2020-02-26", "2020-02-29"):
        got = vals("上周五发生袭击，上星期五也有。", anchor)
        assert got == {"上周五": "2020-02-21", "上星期五": "2020-02-21"}


def test_holidays_fixed_and_lunar():
    ts = {t.text: t for t in find_times("元旦前后和劳动节期间，国庆节当天，以及春节假期。", "zh", PUB)}
    assert ts["元旦"].value == "2020-01-01"
    assert ts["劳动节"].value == "2020-05-01"
    assert ts["国庆节"].value == "2019-10-01"
    assert ts["春节"].value is None and "lunar" in ts["春节"].reason


def test_no_false_times_inside_words_or_counts():
    # 目前天气 = 目前 + 天气 (not 前天); 2000人 is a count; 3个月 is a duration; 一周四次 is a frequency
    got = vals("目前天气晴好，2000人参加集会，谈判持续3个月，每周四次巡逻。")
    assert "前天" not in got and not any(v and v.startswith("2000") for v in got.values())
    assert "3个月" not in got and "周四" not in got


def test_publication_date_from_a_chinese_dateline():
    from eventwire.model import AnalyzedArticle, Article, RawDocument
    from eventwire.stages.published import PublishedStage
    from eventwire.stages.sentences import SentenceStage
    from eventwire.timex.published import dateline_date

    text = "新华社莫斯科2020年3月3日电 俄罗斯外交部发言人说，俄方反对该计划。"
    doc = AnalyzedArticle(raw=RawDocument(path="t.txt", format="txt", body=text))
    doc.article = Article(id="t", path="t.txt", text=text, language="zh", language_confidence=1.0)
    doc.provided |= {"raw", "article", "language"}
    for st in (SentenceStage(None), PublishedStage(None)):
        st.process(doc)
        doc.provided |= set(st.provides)
    assert (doc.article.published.value, doc.article.published.method) == ("2020-03-03", "dateline")
    # a dateline without a year takes it from a lower bound (a caption date); without one it is not used
    short = "新华社莫斯科3月3日电 俄罗斯外交部发言人说，俄方反对该计划。"
    value, evidence = dateline_date(short, "zh", date(2020, 3, 1))
    assert value == "2020-03-03" and evidence.startswith("新华社莫斯科3月3日电")
    assert dateline_date(short, "zh", None) is None


@pytest.mark.parametrize("text", ["新华社北京2021年10月1日电", "本报北京2021年10月1日电（记者 王五）"])
def test_dateline_date_with_year(text):
    from eventwire.timex.published import dateline_date

    assert dateline_date(text + " 国务院发布通知。", "zh", None)[0] == "2021-10-01"
