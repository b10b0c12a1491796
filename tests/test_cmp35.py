"""Comparisons of the thirtieth session (issue 11, helper cmp35), on questions and sentences written for these tests:
- a period ending the second side while the first names none dates both sides, no part of the second's name
  ("A站和B站去年哪个…", "A县和B市前三季度谁…") (trailing_period);
It is checked to go back with its switch off (RAG_ANSWER_ABLATE)."""
from __future__ import annotations

from rag.answer.comparison import parse_comparison


def test_a_period_ending_the_second_side_dates_both(monkeypatch):
    c = parse_comparison("青禾东站和白沙站去年哪个发送旅客更多？")
    assert c.sides == ("青禾东站", "白沙站"), c
    assert all("去年" in q for q in c.side_questions), c.side_questions
    assert c.measure == "发送旅客", c
    c = parse_comparison("德化县和白沙市前三季度谁产的氧化铝更多？")
    assert c.sides == ("德化县", "白沙市") and all("前三季度" in q for q in c.side_questions), c
    c = parse_comparison("德化县和白沙市1—11月谁产的氧化铝更多？")
    assert c.sides == ("德化县", "白沙市") and all("1—11月" in q for q in c.side_questions), c
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "trailing_period")
    c = parse_comparison("青禾东站和白沙站去年哪个发送旅客更多？")
    assert c.sides == ("青禾东站", "白沙站去年"), c


def test_a_period_of_the_first_side_or_a_side_that_is_a_period_stays():
    c = parse_comparison("今年一季度和二季度哪个新增就业多？")
    assert c.sides == ("今年一季度", "二季度"), c
    c = parse_comparison("城中区今年和祁连县去年哪个新增就业多？")
    assert c.sides[1].startswith("祁连县") and all("去年" in q for q in c.side_questions[1:]), c
