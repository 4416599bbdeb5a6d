"""Chinese dates written in Chinese numerals (resources/lang/zh/dates.yaml): years digit by digit
("二〇二〇年"), months and days as numbers ("十二月二十五日"). Our own sentences."""
from eventwire.timex import find_times

PUB = "2020-02-28"


def vals(text, anchor=PUB):
    return {t.text: t.value for t in find_times(text, "zh", anchor)}


def test_full_dates_in_chinese_numerals():
    assert vals("二〇一九年十一月五日，外交部长抵达北京。") == {"二〇一九年十一月五日": "2019-11-05"}
    assert vals("协议于二零一八年六月签署。") == {"二零一八年六月": "2018-06"}
    assert vals("该港口于二〇一五年建成。") == {"二〇一五年": "2015"}


def test_month_and_day_in_chinese_numerals_take_the_anchor_year():
    assert vals("两国领导人三月三日举行会谈。") == {"三月三日": "2020-03-03"}
    assert vals("代表团十二月二十日抵达。", "2021-01-04") == {"十二月二十日": "2020-12-20"}
    assert vals("会议定于三十一日以后。") == {}  # a day alone is no date
    assert vals("一月份出口下降。") == {"一月份": "2020-01"}


def test_numerals_that_are_not_dates():
    assert vals("三个月前，他离开了。")["三个月前"] == "2019-11"  # a duration ago, not the month of March
    assert vals("第三月亮") == {}  # not a month
    assert vals("三月底完工。") == {"三月": "2020-03"}  # the end of March: the month
    assert vals("中秋节吃月饼，十五的月亮最圆。") == {"中秋节": None}  # moon, mooncake: no month
