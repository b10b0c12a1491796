"""Issue 11, helper "para45": a page printed early in a year reports the year just ended without saying 去年
("12月，全县新发放企业贷款加权平均利率为3.74%，比上年同期下降…" on a page of 2026-01-14). A question asking 去年 was
refused as of another period, the sentence naming the past year only as its baseline; the page's date says a span
ending after its own month (12月, 全年, 前11个月) is the past year's (rag.answer.near_miss.past_by_date, switch
``past_year_by_date``). The page in tests/data/para45/ was written for these tests (no eval row), read by the real
Assistant (real encoder and index)."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
from conftest import answered_until_switched_off, page_assistant_over

from rag.answer.near_miss.past_by_date import past_year_by_date, without_dateline

page_assistant = page_assistant_over("para45")


@pytest.mark.parametrize("question, short", [
    ("锦屏县去年12月企业新借贷款的平均利率是多少？", "3.74%"),  # 12月，全县新发放企业贷款加权平均利率为3.74%，比上年同期…
    ("隆里古城去年来了多少游客？", "148万人次"),  # …隆里古城景区全年接待游客148万人次，比上年增加19万人次
    ("锦屏木业去年前11个月生产了多少人造板？", "28.4万立方米"),  # 前11个月，…。锦屏木业…累计生产人造板…与去年同期相比
])
def test_a_span_the_pages_date_has_not_reached_is_the_past_years(page_assistant, monkeypatch, question, short):
    answered_until_switched_off(page_assistant, question, short, "past_year_by_date", monkeypatch)


@pytest.mark.parametrize("question", [
    "锦屏县今年计划新增多少普惠小微贷款？",  # the page's own 今年: answered as before
])
def test_this_years_figure_is_answered_as_before(page_assistant, question):
    answer = page_assistant.ask(question)
    assert not answer.refused and answer.short == "12亿元", answer.answer


def _paragraph(text: str, date: str) -> SimpleNamespace:
    return SimpleNamespace(text=text, date=date, title="")


def test_only_a_span_ending_after_a_first_quarter_pages_month_is_read():
    sentence = "12月，全县新发放企业贷款加权平均利率为3.74%，比上年同期下降0.38个百分点；"
    assert past_year_by_date(sentence, _paragraph("融资成本稳中有降。" + sentence, "2026-01-14"))
    # a page of July: a 全年 printed then is a target or forecast, not the past year's result
    whole = "隆里古城景区全年接待游客148万人次，比上年增加19万人次。"
    assert past_year_by_date(whole, _paragraph(whole, "2026-02-03"))
    assert not past_year_by_date(whole, _paragraph(whole, "2026-07-03"))
    # a paragraph dating anything by 今年 or a year's number is left to the period checks
    assert not past_year_by_date(whole, _paragraph("今年以来景区持续升温。" + whole, "2026-01-14"))
    assert not past_year_by_date(whole, _paragraph("2025年，" + whole, "2026-01-14"))
    # one saying 去年 is period._previous_year_only_baseline's (switch previous_year_baseline)
    assert not past_year_by_date(whole, _paragraph("去年景区持续升温。" + whole, "2026-01-14"))
    # a span the page's month has reached (1月 on a January page) says nothing of the year
    month = "1月，全县新发放企业贷款加权平均利率为3.74%，比上年同期下降0.38个百分点。"
    assert not past_year_by_date(month, _paragraph(month, "2026-01-20"))
    # no span at all: nothing dates the figure
    plain = "全县新发放企业贷款加权平均利率为3.74%，比上年同期下降0.38个百分点。"
    assert not past_year_by_date(plain, _paragraph(plain, "2026-01-20"))


def test_the_pages_masthead_date_is_no_year_of_its_figures():
    title = "锦屏日报 2026年1月14日 星期三 第1版 要闻·经济 锦屏县金融运行平稳"
    assert "2026年" not in without_dateline(title, "2026-01-14")
    assert without_dateline("2025年全县金融运行平稳", "2026-01-14") == "2025年全县金融运行平稳"
