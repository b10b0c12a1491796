"""Issue 11, helper "cmp47": two parts of one whole (出口 and 进口) read from the sentence breaking the whole down
(``paired_parts``) in three more wordings (rag.answer.comparison.dated_parts):

- dated_parts (dev: fresh35 "中卫前11个月出口比进口多多少", fresh36 "哈密去年出口和进口…"): the period and place said
  before the first part only stay in that side's core ("今年临溪出口" against "进口"); they date the whole, so the part
  words after them are read;
- whole_qualifier (dev: fresh32 "前10个月全市外贸出口和进口哪个更多"): one part word carrying the whole's qualifier
  (外贸出口) against a bare one (进口) is read bare when the breakdown's paragraph says the qualifier of the whole;
- part_rates (dev: fresh36): a growth rate asked of the two parts is read from the rate the breakdown states right
  after each part's amount.

The page (tests/data/cmp47/) and the questions are written for this test, not taken from the eval data: the city's
breakdown (出口31.6亿元，增长12.7%；进口20.8亿元，增长4.1%) beside product lines (机电产品出口14.2亿元, 铁矿砂进口37.9亿元,
增长20.3%) that a side asked alone finds first."""
from __future__ import annotations

from conftest import page_assistant_over

from rag.answer.comparison import parse_comparison
from rag.answer.comparison.dated_parts import dated_before, whole_qualified
from rag.answer.comparison.paired_parts import part_words

page_assistant = page_assistant_over("cmp47")

DATED = "今年临溪出口和进口哪个多？"
RATES = "临溪今年出口和进口哪个增长得更快？快多少？"
QUALIFIED = "前11个月全市外贸出口和进口哪个更多？"


def test_the_part_words_after_a_period_said_once():
    assert part_words(parse_comparison("中州前11个月出口比进口多多少？")) == ("出口", "进口")
    assert part_words(parse_comparison("今年临溪出口和进口哪个多？")) == ("出口", "进口")
    assert dated_before(["去年"]) and dated_before(["临溪", "前", "11", "个", "月"])
    # a qualifier telling the part apart is no period or place; without a period paired_parts' own check decides
    assert not dated_before(["去年", "机电产品"]) and not dated_before(["临溪"])


def test_a_qualifier_of_the_whole_is_left_to_the_whole():
    assert whole_qualified(("外贸出口", "进口")) == (("出口", "进口"), "外贸")
    # two words of one length, or told apart by their own words: as they are
    assert whole_qualified(("城镇居民", "农村居民")) == (("城镇居民", "农村居民"), "")
    assert whole_qualified(("小麦", "玉米")) == (("小麦", "玉米"), "")


def test_parts_dated_once_are_read_from_the_breakdown(page_assistant, monkeypatch):
    answer = page_assistant.ask(DATED)
    assert not answer.refused and "31.6亿元" in answer.answer and "20.8亿元" in answer.answer, answer.answer
    assert answer.short.startswith("临溪出口"), answer.short
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "dated_parts")
    assert "37.9亿元" in page_assistant.ask(DATED).answer  # the iron ore's imports, not the city's


def test_a_growth_rate_of_two_parts_is_read_after_each_amount(page_assistant, monkeypatch):
    answer = page_assistant.ask(RATES)
    assert not answer.refused and "12.7%" in answer.answer and "4.1%" in answer.answer, answer.answer
    assert "8.6个百分点" in answer.short, answer.short
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "part_rates")
    assert "20.3%" in page_assistant.ask(RATES).answer


def test_a_part_carrying_the_whole_qualifier(page_assistant, monkeypatch):
    answer = page_assistant.ask(QUALIFIED)
    assert not answer.refused and "31.6亿元" in answer.answer and "20.8亿元" in answer.answer, answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "whole_qualifier")
    assert "37.9亿元" in page_assistant.ask(QUALIFIED).answer


def test_a_qualifier_the_whole_does_not_say_is_not_left_to_it(page_assistant):
    # 机电产品 is said of a product line, not of the whole: the city's 出口31.6亿元 is not its exports
    answer = page_assistant.ask("前11个月全市机电产品出口和进口哪个更多？")
    assert "31.6亿元" not in answer.answer, answer.answer


def test_a_side_without_a_figure_is_still_refused_by_name(page_assistant):
    answer = page_assistant.ask("今年临溪出口和转口哪个多？")
    assert answer.refused and "转口" in answer.answer, answer.answer
