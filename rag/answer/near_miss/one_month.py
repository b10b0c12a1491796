"""One month asked, a span given: "10月当月全市规上工业企业实现利润总额多少" is not answered by "1—10月，全市规上工业企业
…实现利润总额98.7亿元", nor "11月份机场航班起降多少架次" by "1至11月，机场…完成航班起降5.68万架次", nor "1月全月完成货物
吞吐量多少" by "1月1日至18日，锦州港完成货物吞吐量590万吨": a question naming one month as such (X月当月, X月份, X月全月,
X月单月) asks that month's own figure, and a sentence dating its figure by a span (1至X月, 前X个月, a quarter or half,
今年以来, a span of days) gives the sum over that span, never the month's. News gives the month's own figure in a
sentence of its own ("11月份，机场完成旅客吞吐量58.6万人次"), which a sentence naming the month outside its span is
taken for and left alone. A change's baseline ("比一季度加快") dates nothing.
"""
from __future__ import annotations

import re

from ..asked_place import MONTHS_FROM_JANUARY, periods_said
from ..question import QuestionAnalysis, without_baselines
from ..settings import ablated
from .whole_period import DAY_SPAN, PART_BASELINE

# one month named as such ("10月当月", "11月份", "1月全月"); not the ends of a span ("1月份至6月份", "截至11月份"),
# nor a point in it ("11月末", "11月底")
_MONTH = r"(1[0-2]|[1-9]|十[一二]|[一二三四五六七八九十])月"
_ONE_MONTH_ASKED = re.compile(r"(?<![至到\-—–~～0-9前截止])" + _MONTH + r"(?:份?(?:当月|全月|单月|一个月)|份)(?![至到\-—–~～以底末初])")
# a sum over the year so far ("今年以来", "截至11月底" of a flow)
_SO_FAR = re.compile(r"(?:今年|年初|入年)以来|截[至止](?:\d{4}年|今年)?(?:1[0-2]|[1-9]|十[一二]|[一二三四五六七八九十])月(?:份)?(?:底|末)")
# the month said alone in the sentence ("11月份，机场完成…", "其中11月当月…"), not a day of it ("11月18日")
_MONTH_SAID = re.compile(r"(?<![至到\-—–~～0-9前截止])" + _MONTH + r"(?![0-9一二三四五六七八九十]{1,3}日|底|末|初|[上中下]旬)")


def span_for_month(sentence: str, analysis: QuestionAnalysis) -> str | None:
    """The words by which the figure's (dated) sentence sums a span holding more than the one month asked ("1—10月" for
    10月当月), when it does not name that month alone; None otherwise."""
    if ablated("span_for_month"):
        return None
    asked = without_baselines(analysis.text)
    month = _ONE_MONTH_ASKED.search(asked)
    if month is None or periods_said(asked) or _SO_FAR.search(asked):
        return None
    own = PART_BASELINE.sub("", without_baselines(sentence))
    spans = [m for pattern in (MONTHS_FROM_JANUARY, _SO_FAR) for m in pattern.finditer(own)]
    # (a span of days, unless it is the whole month said by its days: "11月1日至30日")
    spans += [m for m in DAY_SPAN.finditer(own) if not (m.group(2) == "1" and m.group(3) in (None, m.group(1))
                                                          and int(m.group(4)) >= 28)]
    spans += [m for m in re.finditer(r"前[一二三两1-3]个?季度|[上下]半年|[一二三四1-4]季度", own)]
    if not spans:
        return None
    outside = own
    for m in spans:
        outside = outside.replace(m.group(0), "　" * len(m.group(0)))
    if any(m.group(1) == month.group(1) for m in _MONTH_SAID.finditer(outside)):
        return None
    return min(spans, key=lambda m: m.start()).group(0)
