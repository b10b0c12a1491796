"""The figure's period against the asked one: another year, a relative year (去年 for 今年), or a year
the article dates its sentence by that the question does not ask.
"""
from __future__ import annotations

import re

from ...schema import Paragraph
from ..question import QuestionAnalysis, time_in, without_baselines
from ..settings import ablated
from .past_by_date import past_year_by_date, without_dateline
from .relative_years import RELATIVE_PERIOD, SAME_PERIOD, relative_periods, without_relative_baselines


_YEAR = re.compile(r"(?<!\d)\d{4}年")


def _foreign_period(sentence: str, analysis: QuestionAnalysis) -> bool:
    """The question names a year and the sentence dates its figures by another year only
    ("2024年…几种" against "2025年,…增加9种"); baselines ("与2024年相比") do not count."""
    asked_years = [t for t in analysis.time_terms if _YEAR.fullmatch(t)]
    if not ablated("year_of_part"):  # "2025年一季度" asks of 2025 too: a sentence dated 2024年 only is another year's
        asked_years += [m.group(0) for t in analysis.time_terms if (m := _YEAR.match(t)) and m.group(0) != t]
    own = without_baselines(sentence)
    return bool(asked_years and _YEAR.search(own) and not any(time_in(t, own) for t in asked_years))


def dated_sentence(sentence: str, paragraph_text: str) -> str:
    """The sentence with the clauses before it up to the last full stop when it names no year of its own:
    "2024年，麦积区接待游客…；实现旅游综合收入172.4亿元" dates its second clause by the first's 2024年."""
    if ablated("year_of_part") or _YEAR.search(sentence) or RELATIVE_PERIOD.search(sentence):
        return sentence
    at = paragraph_text.find(sentence)
    if at <= 0:
        return sentence
    start = max(paragraph_text.rfind(stop, 0, at) for stop in "。！？") + 1
    return paragraph_text[start:at] + sentence


def _foreign_relative_period(sentence: str, analysis: QuestionAnalysis, paragraph: Paragraph | None = None) -> bool:
    """The question names a relative period (去年) that the sentence does not date its figures by:
    it names another ("今年夏季已收购…8.7万吨" for "去年收购了多少"), or names the asked one only as
    the baseline of a change ("4.3亿元，较去年同期增长27%" for "去年同期的收入")."""
    if ablated("relative_period"):
        return False
    asked = relative_periods(without_relative_baselines(analysis.text))
    if not asked:
        return False
    own = without_relative_baselines(sentence)
    if re.search(r"\d{4}年|年度", own):  # dated by a year: which relative period that is, the article's date says
        return False
    stated = relative_periods(own)
    if stated:
        return not asked & stated
    # a span the page's date has not yet reached this year (12月, 全年 on a January page): the past year's figure
    if asked == {"去年"} and past_year_by_date(sentence, paragraph):
        return False
    if asked == {"去年"} and not analysis.asks_change and _previous_year_only_baseline(sentence, paragraph):
        return False
    return bool(asked & relative_periods(sentence))


def _previous_year_only_baseline(sentence: str, paragraph: Paragraph | None) -> bool:
    """去年 asked, and a sentence dated by no period of its own that names 上年 only as its baseline
    ("绵阳中欧班列全年开行48列，比上年多开行11列", "法官人均结案312件，比上年增加27件") in a paragraph (with its
    article's headline) that dates its figures by 去年 (or by the year before its page's date: "2025年…" on a page of
    2026) and never by 今年: the paragraph reports the past year, so its 上年 is the year before that and the figure is
    去年's, not the baseline's (switch ``previous_year_baseline``). A baseline said as 去年 ("较去年同期增长27%") still
    names the asked period. A change asked ("比上年增长了多少") is left to the check as before: its baseline is the
    year before whatever the figure's year, so the baseline says nothing of it."""
    if paragraph is None or ablated("previous_year_baseline"):
        return False
    if set(RELATIVE_PERIOD.findall(sentence)) - {"上年", "上一年"}:
        return False
    # the paragraph and its article's headline ("慈利法院去年审执结案件12846件"): a past year's report says so there
    text = without_dateline(paragraph.title or "", paragraph.date) + "。" + paragraph.text
    years, relative = _years_read(text.replace(sentence, "。"))
    date = paragraph.date or ""
    if relative & {"今年", "明年"} or (date[:4].isdigit() and date[:4] in years):
        return False
    past = str(int(date[:4]) - 1) if date[:4].isdigit() else None
    return "去年" in relative or (past is not None and past in years)


_OWN_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年")


def _years_read(text: str) -> tuple[set[str], set[str]]:
    """(the years ``text`` names, the relative years it says: 本年 is 今年, 上年 去年), baselines of a
    change ("比2024年同期", "较去年") left out."""
    own = without_baselines(without_relative_baselines(text))
    return set(_OWN_YEAR.findall(own)), relative_periods(own)


def _article_year(paragraph) -> set[str]:
    """The year an article is of: its date's, else the one its setting names ("" when neither)."""
    date = paragraph.date or ""
    if date[:4].isdigit():
        return {date[:4]}
    return set(_OWN_YEAR.findall(getattr(paragraph, "setting", None) or "")[:1])


def _other_year_dated(sentence: str, analysis: QuestionAnalysis, paragraph) -> bool:
    """今年 asked, and the sentence dated by a year only ("2024年全省…累计投入86.4亿元") in a paragraph that
    dates other figures by 今年 ("今年上半年，全省已下达…"): a paragraph naming both says by its year
    another year than 今年, so the sentence's figure is not this year's. Baselines of a change
    ("比2024年同期", "较去年") date nothing. The article's own year ("2025年" in a 2025 article) is 今年."""
    if ablated("dated_year"):
        return False
    asked_years, asked_relative = _years_read(analysis.text)
    own_years, own_relative = _years_read(sentence)
    # the article's own year written as a number ("2025年全市计划新建…" dated 2025-07-20) is 今年
    own_years -= _article_year(paragraph)
    return (asked_relative == {"今年"} and not asked_years and bool(own_years) and not own_relative
            and "今年" in _years_read(paragraph.text.replace(sentence, ""))[1])


# how many years before the article's own year each relative year is
_YEARS_BACK = {"今年": 0, "去年": 1, "前年": 2, "明年": -1}


def _relative_year_other(sentence: str, analysis: QuestionAnalysis, paragraph) -> bool:
    """A year asked by its number ("襄城县2024年种了多少亩烟叶", "2024年全年的旅游收入") and the sentence dated by a
    relative year only ("今年全县种植烟叶5.6万亩"): the article's date says which year that is, and when it is not
    the asked one the figure is another year's. A sentence naming a year by its number is left to _foreign_period;
    baselines of a change ("比上年提高") date nothing."""
    if ablated("relative_year_asked"):
        return False
    asked_years = {m.group(1) for t in analysis.time_terms if (m := _OWN_YEAR.match(t))}
    if not asked_years or relative_periods(without_relative_baselines(analysis.text)):
        return False
    own_years, _ = _years_read(sentence)
    own_relative = _dating_relative_years(sentence)
    date = paragraph.date or ""
    if own_years or not own_relative or not date[:4].isdigit():
        return False
    resolved = {str(int(date[:4]) - _YEARS_BACK[word]) for word in own_relative if word in _YEARS_BACK}
    return bool(resolved) and not resolved & asked_years


# a relative year dating its clause: at the clause's start ("今年全县种植…", "；去年全市…", "截至去年底"), not a
# baseline inside it ("由去年同期的41.3%提高到47.8%", "比去年", "去年的水平")
_DATING_RELATIVE = re.compile(r"(?:^|(?<=[，,；;。：:\s])|(?<=截至))(今年|去年|前年|明年|本年|上年)(?!同期|的)")


def _dating_relative_years(sentence: str) -> set[str]:
    return {SAME_PERIOD.get(m.group(1), m.group(1)) for m in _DATING_RELATIVE.finditer(sentence)}
