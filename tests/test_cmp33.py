"""Issue 11, thirty-third round (helper "cmp33"): comparison sides read from a roundup by periods.

- period_cores (dev: fresh16 xud020 "三季度新上云的企业比一季度多了多少家", fresh18 xwb029 "锦州港去年一季度和四季度，
  哪个季度…更多"): two sides that are two periods of one subject ("三季度新上云的企业比一季度多了多少家") are told apart
  by their periods alone; a roundup by periods names each period once, opening its clause ("一季度，全市新增上云企业
  310家；二季度新增468家；三季度新增542家"), so ``stated_sides`` reads the sides by the periods, not by
  "三季度新上云", which no sentence says. Other cores sharing a tail (供水管网, 排水管网) keep it. A year opening
  one period only ("去年一季度" against "四季度") dates both: the quarter alone is read.

The page (tests/data/cmp33/) and the questions are written for this test, not taken from the eval data."""
from __future__ import annotations

from conftest import page_assistant_over

from rag.answer.comparison.stated_sides import side_cores

page_assistant = page_assistant_over("cmp33")

BY_PERIODS = "三季度新上云的企业比一季度多了多少家？"


def test_two_periods_of_one_subject_are_told_apart_by_the_periods():
    assert side_cores(("三季度新上云的企业多少家", "一季度新上云的企业多少家"), "新上云企业") == ("三季度", "一季度")
    assert side_cores(("2025年上半年成交额多少", "2025年下半年成交额多少")) == ("上半年", "下半年")
    # a year opening one period only dates both; two years tell the sides apart
    assert side_cores(("青岚港去年一季度吞吐量多少", "青岚港四季度吞吐量多少"), "吞吐量") == ("一季度", "四季度")
    assert side_cores(("青岚港2024年吞吐量多少", "青岚港2025年一季度吞吐量多少"), "吞吐量") == ("2024年", "2025年一季度")
    # not periods: the shared tail is part of what tells the sides apart
    assert side_cores(("铜仁去年改造的供水管网多少公里", "铜仁去年改造的排水管网多少公里")) == ("供水管网", "排水管网")
    assert side_cores(("高血压病人签约率多少", "糖尿病病人签约率多少"), "签约率") == ("高血压病人", "糖尿病病人")


def test_sides_read_from_a_roundup_by_periods(page_assistant):
    answer = page_assistant.ask(BY_PERIODS)
    assert not answer.refused, answer.answer
    assert "542家" in answer.answer and "310家" in answer.answer and answer.short == "232家", answer.answer


def test_a_year_opening_one_period_dates_both(page_assistant):
    answer = page_assistant.ask("青岚市今年一季度和二季度，哪个季度新增上云企业更多？")
    assert not answer.refused, answer.answer
    assert answer.short.startswith("二季度") and "468家" in answer.answer and "310家" in answer.answer, answer.answer


def test_switched_off_the_sides_are_not_read_by_their_periods(monkeypatch):
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "period_cores")
    assert side_cores(("三季度新上云的企业多少家", "一季度新上云的企业多少家"), "新上云企业") == ("三季度新上云", "一季度新上云")


def test_switched_off_the_roundup_by_periods_is_not_read(page_assistant, monkeypatch):
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "period_cores")
    answer = page_assistant.ask(BY_PERIODS)
    assert answer.refused or answer.short != "232家", answer.answer
