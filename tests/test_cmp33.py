"""Issue 11, thirty-third round (helper "cmp33"): comparison sides read from one sentence stating both.

- period_cores (dev: fresh16 xud020 "三季度新上云的企业比一季度多了多少家", fresh18 xwb029 "锦州港去年一季度和四季度，
  哪个季度…更多"): two sides that are two periods of one subject ("三季度新上云的企业比一季度多了多少家") are told apart
  by their periods alone; a roundup by periods names each period once, opening its clause ("一季度，全市新增上云企业
  310家；二季度新增468家；三季度新增542家"), so ``stated_sides`` reads the sides by the periods, not by
  "三季度新上云", which no sentence says. Other cores sharing a tail (供水管网, 排水管网) keep it. A year opening
  one period only ("去年一季度" against "四季度") dates both: the quarter alone is read.
- stated_over_apart (dev: fresh16 xuc052 "今年1—11月多伦县和正蓝旗谁接待的游客多", fresh25 xnb057 "渭南东收费站比华山
  收费站的出入口车流量多多少"): two sides answered each from a sentence of its own (a scenic spot of the county, the
  city's total) give way to one retrieved sentence stating both side by side ("多伦县接待游客412.5万人次…；正蓝旗接待
  游客338.9万人次"), read by ``stated_sides`` with its checks (the shared measure said, one unit).

The page (tests/data/cmp33/) and the questions are written for this test, not taken from the eval data."""
from __future__ import annotations

from dataclasses import replace

from conftest import page_assistant_over, paragraph_maker, ranked

from rag.answer import extract_answer
from rag.answer.comparison import answer_comparison, parse_comparison
from rag.answer.comparison.answer import _apart
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


# --- stated_over_apart: each side answered from a sentence of its own gives way to one sentence stating both -------
TOURISM = paragraph_maker("青岚市乡村旅游持续升温", "tourism.txt")
ROUNDUP = TOURISM("分县看，东林县接待游客412.5万人次，居全市首位；南岗县接待游客338.9万人次；北坪县接待游客265.4万人次。", 2)
EAST_SPOT = TOURISM("东林县则依托距离省城近的优势，周末短途游持续火爆，青湖景区今年前三季度接待游客87.4万人次。", 3)
SOUTH_SPOT = TOURISM("位于南岗县的古城景区今年前三季度接待游客96.3万人次，同比增长22.6%。", 4)
APART = "今年前三季度东林县和南岗县谁接待的游客多？多多少？"


def _apart_sides(comparison):
    """Each side answered from its own scenic spot's sentence, as a side retrieval ranking it first gives."""
    return tuple(extract_answer(q, ranked(p)) for q, p in zip(comparison.side_questions, (EAST_SPOT, SOUTH_SPOT)))


def test_a_sentence_stating_both_sides_outranks_two_sentences_apart():
    comparison = parse_comparison(APART)
    sides = _apart_sides(comparison)
    assert [s.short for s in sides] == ["87.4万人次", "96.3万人次"]
    answer = answer_comparison(APART, comparison, sides, hits=ranked(EAST_SPOT, SOUTH_SPOT, ROUNDUP))
    assert not answer.refused and answer.short.startswith("东林县") and "73.6万人次" in answer.short, answer.answer


def test_switched_off_the_sides_apart_are_compared(monkeypatch):
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "stated_over_apart")
    comparison = parse_comparison(APART)
    answer = answer_comparison(APART, comparison, _apart_sides(comparison), hits=ranked(EAST_SPOT, SOUTH_SPOT, ROUNDUP))
    assert answer.short.startswith("南岗县"), answer.answer


def test_no_sentence_stating_both_keeps_the_sides_apart():
    comparison = parse_comparison(APART)
    answer = answer_comparison(APART, comparison, _apart_sides(comparison), hits=ranked(EAST_SPOT, SOUTH_SPOT))
    assert answer.short.startswith("南岗县") and "96.3万人次" in answer.answer, answer.answer


def test_a_comparison_naming_no_measure_keeps_the_sides_apart():
    # "今年秋粮，安阳县和内黄县哪个产得多": no measure to check the sentence stating both for (a list of 秋播小麦面积
    # would do), so the sides answered apart stay
    measured = parse_comparison(APART)
    sides = _apart_sides(measured)
    assert _apart(measured, sides)
    assert not _apart(replace(measured, measure=""), sides)
    assert not _apart(replace(measured, measure="的县"), sides)
