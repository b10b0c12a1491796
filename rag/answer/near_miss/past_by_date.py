"""The article's date says a figure is the past year's (issue 11: 去年 asked, refused for "another period").

A page printed early in a year reports the year just ended without saying 去年: "12月，全州新发放企业贷款加权平均利率为
3.68%，比上年同期下降0.42个百分点" on a page of 2026-01-20, "紫金花城景区全年接待游客216万人次，比上年增加28万人次" on one
of 2026-01-08, "前11个月，有色金属行业…。金川集团…累计生产镍16.8万吨…钴产量与去年同期基本持平" in January. An everyday
question asks 去年 ("临汾去年12月企业新借贷款的平均利率是多少"), and near_miss.period._foreign_relative_period refused
it: a sentence naming the past year only as the baseline of a change reads as a report of this year. The page's date
settles which year it is: a span of months that ends after the page's own month (全年, 年末, 12月, 前11个月, 1—11月,
四季度, 下半年) has not yet been lived in the page's year, so a page of the year's first quarter reporting it reports the
past year's, and its 上年 (or a writer's 去年同期) is the year before that.

``past_year_by_date`` reads the paragraph up to the end of the figure's sentence, baselines of a change left out: it
and its headline must name no year, by its number or relative (a paragraph dating anything so is left to the checks as
before; one saying 去年 to period._previous_year_only_baseline), and every span it dates by must end after the page's
month; at least one must. Pages of later months are
left alone: a 全年 printed in July is a target or a forecast, not a result.

``without_dateline``: a headline carrying the page's own masthead date ("本溪日报 2026年1月19日 星期一 第1版 …") names
the page's day, not a year its figures are of; read with that date, it made a paragraph reporting 去年 look dated by
this year (near_miss.period._previous_year_only_baseline).

Switch: ``past_year_by_date``.
"""
from __future__ import annotations

import re

from ..asked_place import MONTH_NUMERALS, MONTHS_FROM_JANUARY
from ..question import without_baselines
from ..settings import ablated
from .relative_years import without_relative_baselines

# a paragraph or headline dating anything by a year, relative or numbered, is left to the period checks as before
# (one saying 去年 to near_miss.period._previous_year_only_baseline)
_YEAR_SAID = re.compile(r"今年|本年|明年|去年|前年|上年|上一年|(?<!\d)\d{4}年")
# the page's months in which the past year's results are printed: the first quarter
_REPORTING_MONTHS = 3


def _number(word: str) -> int:
    """A count of months or quarters written in digits or in characters (11, 十一, 三)."""
    return int(word) if word.isdigit() else MONTH_NUMERALS.get(word, 0)


# spans of a year, each with the month it ends in
_SPANS = (
    (re.compile(r"(?<![上去今本明前])全年|(?<![上去今本明前])年(?:末|底)"), lambda m: 12),
    (re.compile(r"前([一二两三1-3])个?季度"), lambda m: 3 * _number(m.group(1))),
    (re.compile(r"(?<!前)(?:第)?([一二三四1-4])季度"), lambda m: 3 * _number(m.group(1))),
    (re.compile(r"上半年"), lambda m: 6),
    (re.compile(r"下半年"), lambda m: 12),
    (MONTHS_FROM_JANUARY, lambda m: _number(m.group(1) or m.group(2))),
    # one month ("12月，", "12月末", "12月份"), not a count of months (11个月) nor a span's start (1—11月: read above)
    (re.compile(r"(?<![\d.])(\d{1,2})月(?!\s*[-—–~～至到])"), lambda m: int(m.group(1))),
)


def _page_month(date: str | None) -> int | None:
    m = re.match(r"\d{4}-(\d{1,2})", date or "")
    return int(m.group(1)) if m else None


def _span_ends(text: str) -> list[int]:
    """The month each span ``text`` dates by ends in (a span of months from January read once, not also as its
    last month)."""
    ends, taken = [], []
    for pattern, end in _SPANS:
        for m in pattern.finditer(text):
            if any(start <= m.start() < stop for start, stop in taken):
                continue
            taken.append((m.start(), m.end()))
            ends.append(end(m))
    return ends


def past_year_by_date(sentence: str, paragraph) -> bool:
    """Whether the paragraph's page date makes the figure of ``sentence`` the past year's: a page of the year's first
    quarter whose paragraph, up to the end of the sentence, names no year but dates by spans all ending after the
    page's month ("12月，全州新发放…" printed 2026-01-20)."""
    if paragraph is None or ablated("past_year_by_date"):
        return False
    month = _page_month(paragraph.date)
    if month is None or month > _REPORTING_MONTHS:
        return False
    text = paragraph.text
    at = text.find(sentence)
    upto = text[:at + len(sentence)] if at >= 0 else sentence
    own = without_baselines(without_relative_baselines(upto))
    headline = without_dateline(getattr(paragraph, "title", None) or "", paragraph.date)
    headline = without_baselines(without_relative_baselines(headline))
    if _YEAR_SAID.search(own) or _YEAR_SAID.search(headline):
        return False
    ends = _span_ends(own)
    return bool(ends) and all(end > month for end in ends)


def without_dateline(title: str, date: str | None) -> str:
    """``title`` without the page's own date printed in it ("本溪日报 2026年1月19日 星期一 …" dated 2026-01-19)."""
    m = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", date or "")
    if not title or not m or ablated("past_year_by_date"):
        return title
    year, month, day = m.group(1), int(m.group(2)), int(m.group(3))
    return re.sub(rf"{year}年0?{month}月0?{day}日", "", title)
