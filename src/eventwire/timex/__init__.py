"""Time expressions: find them with per-language rules (resources/lang/<code>/dates.yaml, month and
weekday names merged with dateparser's locale data) and resolve them against an anchor date.

Anchoring: deictic words ("yesterday", weekdays, "last month") resolve against the publication date;
anaphoric ones ("the previous day", "накануне", "la veille") against the last day-level date the text
mentioned (falling back to the publication date). A weekday means the most recent such day counting the
anchor day itself ("Friday" in an article of Friday 2020-02-28 is 2020-02-28). A missing year is taken
from the anchor (the nearest of the anchor's year and its neighbours); with no anchor a weekday given
with the date picks the year only when exactly one year in the window of years the article mentions fits;
otherwise a day and month come out as "XXXX-MM-DD" (year unknown; the corpus stage may repair it).

Values follow TimeML/TIMEX3 where a calendar date cannot express them: "PRESENT_REF"/"PAST_REF"/"FUTURE_REF"
(granularity "ref"), seasons "1998-SU" ("season"), ISO weeks "1998-W02" ("week"), quarters "1998-Q3"
("quarter"), halves "1998-H1" ("half"), decades "199" ("decade"), centuries "19" ("century"). Only values
`concrete()` accepts date events. A part of the day ("Friday night", "ce matin") belongs to the expression but
a date keeps the day as its value (the part is in the reason). A clock time before a day ("9 a.m. Friday")
belongs to the expression and to its TimeML value ("2020-02-28T09:00", granularity "day"); `concrete()` dates
events by the day alone. Composed and anaphoric forms: "the day before <day>", "the week of <day>" (its ISO
week), "April 24 and 25" (the 25th too), "until then" / "by that time" (the time named last). Not times: a
year inside a name ("the Russell 2000 Index"), a time phrase in title case in running text (ABC's "This Week");
"today's youth" is PRESENT_REF. Chinese numerals ("二〇二〇年三月三日") read as digits. Named days (dates.yaml `holidays`: fixed, nth
weekday, Easter offset) resolve to their day in the explicit year or the year a month would take; lunar-
calendar ones stay None (no offline converter). Which occurrence a year-less month, day or weekday means: a
forward-looking word ("will", "until") that governs it picks the next one - where the language has a parser
(dates.yaml `tense_parser`) a cue anywhere in the sentence whose dependency scope covers the expression
("would appeal the ruling, issued Wednesday": no), else one in the few words before it; then, with a parser,
the tense of the verb the expression modifies (timex/tense.py): past -> the most recent, future -> the next;
else the nearest (weekdays: the most recent). "The previous/following Friday" count from the date in focus.
Anaphoric periods ("the quarter", "the year-ago quarter", "a year earlier" after a quarter was named) take the
granularity of the period the text last named (its focus), as in TimeML's anchoring guidelines; "the quarter
ended Sept. 30" names its quarter from that day, and a span of months ("the first nine months", a duration,
not reported) ends the quarter focus.

Modules: patterns (per-language rules compiled to regexes; holiday rules), scan (candidate expressions),
resolve (values against anchors and focus), tense (clause tense and cue scope from a parse), values (event-date use).
"""
from __future__ import annotations

from eventwire.timex.patterns import (NEVER, YEAR, LangRules, _alt, _hol_key, _roman,  # noqa: F401
                                      _safe, holiday_date, rules)
from eventwire.timex.resolve import (FUTURE_WEIGHT, Resolver, _add_months, _to_date,  # noqa: F401
                                     _week_range, _year_for, _year_window, find_times)
from eventwire.timex.scan import Found, extract  # noqa: F401
from eventwire.timex.values import GRAN_RANK, concrete, event_date  # noqa: F401

__all__ = ["Found", "LangRules", "Resolver", "concrete", "event_date", "extract", "find_times", "holiday_date", "rules"]
