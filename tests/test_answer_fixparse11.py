"""Answers, helper "fixparse11" (issue 11): a span of months written "1月至6月", "1～6月" or "前两个月" is the asked
span (上半年, 前2个月), also right after a dateline glued to the paragraph; a quarter named later in the sentence does
not make the figure another period's."""
from __future__ import annotations

from rag.answer.asked_place import periods_said, other_period
from rag.answer.question import analyze_question


def test_months_written_otherwise_are_the_asked_span():
    half = analyze_question("上半年全市完成固定资产投资多少？")
    assert not other_period("1月至6月，全市完成固定资产投资430亿元，二季度增速比一季度加快0.8个百分点。", half)
    assert not other_period("1～6月，全市完成固定资产投资430亿元。", half)
    assert not other_period("2025-07-181月至6月，全市完成固定资产投资430亿元。", half)
    assert not other_period("前两个月，全县社会消费品零售总额21亿元。", analyze_question("前2个月全县社会消费品零售总额是多少？"))


def test_another_span_is_still_another_period():
    half = analyze_question("上半年全市完成固定资产投资多少？")
    assert other_period("1月至9月，全市完成固定资产投资700亿元。", half)
    assert "前12个月" not in periods_said("11-12月，全市完成固定资产投资150亿元。")  # not the tail 1-12月
    assert other_period("比原计划提前3个月，全市完成投资150亿元。", analyze_question("前3个月全市完成投资多少？")) is False
