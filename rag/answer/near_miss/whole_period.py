"""A part of the whole period asked: "陈巴尔虎旗去年全年牧民人均可支配收入是多少" is not answered by "前三季度，全旗
牧民人均可支配收入达到28650元", nor "开通首日全天一共进站多少人次" by "截至当日18时，…累计进站客流8.7万人次": a
question saying 全年 (全天), or naming a past year (去年, 前年) and no part of it, asks the figure of the whole
year (day), and a sentence dating its figure by a part of it (a quarter, a half, the first months, a holiday or
season; an hour of the day, 上午) gives a figure of that part only. News writes the part when the whole is not yet counted, so the part's figure is never the whole's.

A sentence that says the whole period itself ("全年…，其中上半年…") dates its figure by the whole; a change's
baseline ("比上半年增长") dates nothing.
"""
from __future__ import annotations

import re

from ..asked_place import MONTHS_FROM_JANUARY, PERIOD_WORDS, periods_said
from ..question import QuestionAnalysis, without_baselines
from ..settings import ablated
from .relative_years import without_relative_baselines

# the whole year or day a question asks ("去年全年", "全年度", "一整年"; "首日全天", "当天全天", "全日")
_WHOLE_YEAR = re.compile(r"全年|整年|一整年")
# a past year asked with no part of it named ("去年一共…", "上年"): a year the article counts whole; not its
# baseline ("比去年同期涨了多少" asks no period)
_PAST_YEAR = re.compile(r"去年|前年|上年")
_WHOLE_DAY = re.compile(r"全天|全日|一整天")
# the year to date ("今年以来", "年初以来", "截至9月底"; not 截至12月底 nor 截至年底, the whole year)
_YEAR_SO_FAR = re.compile(r"(?:今年|年初|入年)以来|截[至止](?:\d{4}年|今年|去年)?(?:[1-9]|1[01]|[一二三四五六七八九十]|十一)月(?:份)?(?:底|末|中旬|上旬|下旬|\d{1,2}日)?")
# a part named only as a change's baseline ("比上半年增长", "较一季度提高")
PART_BASELINE = re.compile(r"(?:与|较|比)(?:\d{4}年|今年|去年|上年)?(?:[上下]半年|前?[一二三四1-4]季度|同期)")
# a part of a day: a clock time the figure is counted up to, a half of the day, a peak hour
_PART_OF_DAY = re.compile(r"截[至止][^，。；]{0,6}?\d{1,2}(?:时|点)|\d{1,2}(?:时|点)前|上午|下午|早高峰|晚高峰|高峰时段|\d{1,2}小时内")


def _part_of_year(text: str) -> bool:
    """Whether ``text`` dates a figure by a part of a year: a span of months short of twelve, a half, a quarter,
    a holiday or season, the year so far, a span from one day to another ("2025年11月1日至2026年2月8日")."""
    return any(p != "前12个月" for p in periods_said(text)) or _YEAR_SO_FAR.search(text) is not None \
        or (not ablated("day_span") and any(not _whole_year_span(m) for m in DAY_SPAN.finditer(text)))


# a span from one day to another: "11月1日至2026年2月8日", "2月15日—23日"
DAY_SPAN = re.compile(r"(\d{1,2})月(\d{1,2})日\s*(?:起?[至到~～\-—－])\s*(?:\d{4}年)?(?:(\d{1,2})月)?(\d{1,2})日")


def _whole_year_span(m: re.Match) -> bool:
    """1月1日至12月31日: the whole year, said by its days."""
    return (m.group(1), m.group(2), m.group(3), m.group(4)) == ("1", "1", "12", "31")


# where a sentence says its part of a year, for the refusal to cite from ("前三季度，全旗…28650元")
_PART_SAID = re.compile(DAY_SPAN.pattern + "|" + "|".join(pattern for _, pattern in PERIOD_WORDS) + "|" + MONTHS_FROM_JANUARY.pattern
                        + r"|前[一二三两1-3]个?季度|[上下]半年|[一二三四1-4]季度|" + _YEAR_SO_FAR.pattern)


def part_of_whole_period(sentence: str, analysis: QuestionAnalysis) -> str | None:
    """The words by which the figure's sentence dates it by a part of the whole year (day) the question asks
    ("前三季度" for 全年, "截至当日18时" for 全天), when it never says the whole; None otherwise."""
    asked = analysis.text
    own = PART_BASELINE.sub("", without_baselines(sentence))
    if (_WHOLE_YEAR.search(asked) or _PAST_YEAR.search(without_relative_baselines(asked))) and not _part_of_year(asked):
        if _WHOLE_YEAR.search(own) or not _part_of_year(own):
            return None
        said = _PART_SAID.search(own)
        return said.group(0) if said else own
    if _WHOLE_DAY.search(asked) and not _PART_OF_DAY.search(asked) and not _WHOLE_DAY.search(own):
        said = _PART_OF_DAY.search(own)
        return said.group(0) if said else None
    return None


# a span of several years a figure is counted over ("三年来", "近五年", "多年来", "“十四五”以来", "2021—2025年"); not
# the year so far (今年以来) nor a year's own (2025年以来 may be the article's year)
_SPAN_OF_YEARS = re.compile(
    r"(?<![今去明前本上当])(?:[两二三四五六七八九十几多]|\d{1,2})年(?:来|以来|间)|近(?:[两二三四五六七八九十几]|\d{1,2})年|近年来"
    r"|“?十[二三四五]五”?(?:期间|以来|时期)|(?:19|20)\d{2}年?\s*[—\-－~～至到]\s*(?:19|20)\d{2}年"
)
# one year asked: 今年, 去年, 2025年, 全年 (not a year a span starts from, 2023年以来)
_ONE_YEAR = re.compile(r"(?:今年|去年|前年|本年|上年|全年|(?:19|20)\d{2}年)(?!以来|来|起|开始|至|到)")


def span_of_years(sentence: str, start: int, analysis: QuestionAnalysis) -> str | None:
    """"宽甸县今年招聘了几名乡村医生" is not answered by "从2022年开始…，三年来共招聘大学生乡村医生47名": the question
    asks one year, and the figure's sentence counts it over a span of several years (三年来, 近五年) with no year of its
    own between that span and the figure ("三年来…，其中今年招聘12名" answers), summing the years (共, 累计). The span's words,
    or None."""
    if ablated("years_span"):
        return None
    asked = without_relative_baselines(analysis.text)
    if not _ONE_YEAR.search(asked) or _SPAN_OF_YEARS.search(asked):
        return None
    head = _TITLE.sub(lambda m: "　" * len(m.group(0)), without_baselines(sentence[:start]))
    said = list(_SPAN_OF_YEARS.finditer(head))
    if not said:
        return None
    last = said[-1]
    between = head[last.end():]
    if _ONE_YEAR.search(between) or not _SUMMED.search(between):
        return None
    return last.group(0)


# a sum over the span ("三年来共招聘", "近五年累计投入"): without one, the span only says how long a figure took to reach
# ("近年来…种植面积达到6.3万亩" is the present area)
_SUMMED = re.compile(r"累计|合计|共计|总计|总共|一共|先后|共")
# a document's title (《…规划（2025—2027年）》) names its span, not the figure's
_TITLE = re.compile(r"《[^》]*》?|^[^《》]*》")
