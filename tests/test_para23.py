"""Issue 11, twenty-third round (helper "para23"): answers to questions in the asker's own words.

Ages and catties are figures of their own units. The answer stage read "65周岁" as 65周 (weeks) and had no 斤, so
"多大岁数的老人坐公交免费" and "一亩地能打多少斤" found no figure of the asked kind in the very sentence stating it.
The fact-check stage already reads both units (rag.check.figures.UNITS). Cases written for this test."""
from __future__ import annotations

from rag.answer.question import analyze_question
from rag.answer.spans import best_span, figure_units, same_kind_of_unit


def _span(question: str, sentence: str) -> str | None:
    span = best_span(sentence, analyze_question(question))[0]
    return span.text if span else None


def test_an_age_in_full_years_is_an_age():
    assert (3, 7, "周岁") in figure_units("凡年满60周岁的老人均可办理")
    assert same_kind_of_unit("岁", "周岁")
    assert _span("多大年纪的老人看病不用交挂号费？", "年满65周岁以上的老年人免收挂号费。") == "65周岁以上"


def test_catties_are_a_weight():
    assert analyze_question("这个村的小麦一亩能收多少斤？").unit == "斤"
    assert _span("这个村的小麦一亩能收多少斤？", "全村小麦平均亩产达到1150斤。") == "1150斤"
    assert same_kind_of_unit("公斤", "斤")
