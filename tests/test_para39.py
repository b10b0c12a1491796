"""Issue 11, helper "para39": a reading of the answer stage's period check, on sentences written for these tests (no eval
row), read by the real answer stage; it goes away with its switch off (RAG_ANSWER_ABLATE).

- ``previous_year_baseline`` (rag.answer.near_miss.period._previous_year_only_baseline): 去年 asked, a sentence naming
  上年 only as its baseline in a paragraph reporting the past year is 去年's figure.
"""
from __future__ import annotations

from dataclasses import replace

from conftest import ask, paragraph_maker

paragraph = paragraph_maker(title="青禾县外贸运行情况", source="939_test.txt")


# ``previous_year_baseline`` (rag.answer.near_miss.period._previous_year_only_baseline): a paragraph reporting the past
# year says 比上年 of the year before it; its figure answers 去年
def test_last_year_asked_is_answered_by_a_past_year_paragraph_comparing_with_the_year_before(monkeypatch):
    question = "青禾县中欧班列去年一共开行了多少列？"
    past = replace(paragraph("青禾县综合保税区去年实现进出口87.3亿元，增长10.4%。青禾县中欧班列全年开行48列，比上年多开行11列。"),
                   date="2026-01-22")
    assert ask(question, past).short == "48列"
    numbered = replace(paragraph("2025年，青禾县综合保税区实现进出口87.3亿元。青禾县中欧班列全年开行48列，比上年多开行11列。"),
                       date="2026-01-22")
    assert ask(question, numbered).short == "48列"
    # the article's headline says the past year when the paragraph does not
    headlined = replace(paragraph("青禾县中欧班列全年开行48列，比上年多开行11列。", title="青禾县去年外贸进出口增长10.4%"),
                        date="2026-01-22")
    assert ask(question, headlined).short == "48列"
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "previous_year_baseline")
    assert ask(question, past).refused
    assert ask(question, headlined).refused
    monkeypatch.delenv("RAG_ANSWER_ABLATE")


def test_a_baseline_year_still_refuses_when_the_paragraph_reports_this_year():
    question = "青禾县中欧班列去年一共开行了多少列？"
    # a paragraph of this year: its 上年 is 去年, the baseline
    this_year = replace(paragraph("今年，青禾县综合保税区实现进出口87.3亿元。青禾县中欧班列全年开行48列，比上年多开行11列。"),
                        date="2025-12-22")
    assert ask(question, this_year).refused
    # a paragraph dated by the page's own year is this year's too
    own = replace(paragraph("2026年一季度，青禾县外贸平稳。青禾县中欧班列开行12列，比上年同期多开行3列。"), date="2026-04-22")
    assert ask(question, own).refused
    # the baseline said as 去年 names the asked period
    said = replace(paragraph("青禾县综合保税区去年实现进出口87.3亿元。青禾县中欧班列开行48列，较去年同期多开行11列。"),
                   date="2026-01-22")
    assert ask(question, said).refused


def test_a_change_asked_against_the_year_before_is_read_as_before():
    # a change asked compares with the year before anyway: the reading leaves it to the check (refused)
    question = "青禾县开发区去年城市建设投资比上年增长了多少？"
    past = replace(paragraph("青禾县综合保税区去年实现进出口87.3亿元。全县城市建设投资273.6亿元，比上年增长6.5%。"),
                   date="2026-01-22")
    assert ask(question, past).refused
