"""Issue 11, helper "near43": near misses the answer stage answered instead of refusing (dev halves). The page in
tests/data/near43/ was written for these tests (no eval row), read by the real Assistant (real encoder and index).

- ``alone_marked`` (rag.answer.near_miss.alone): 光/光是 as a word of its own asks one thing alone, as 单独 does
  ("光门票收入": not "门票及二次消费收入"), and an exclusion the question writes (不算改建, 不算间接就业) is not answered by
  a figure whose clause says the excluded thing ("新建、改建农村公路", "直接和间接带动就业"). Dev: fresh12 xqa030,
  fresh35 xhb064 and xhc061.
"""
from __future__ import annotations

import pytest
from conftest import page_assistant_over, refused_saying_until_switched_off

from rag.answer.near_miss.alone import excluded_words, joined_for_alone
from rag.answer.question import analyze_question
from rag.answer.spans import Span

page_assistant = page_assistant_over("near43")


@pytest.mark.parametrize("question, said, short", [
    ("兰溪2025年新建了多少公里农村公路（不算改建）？", "改建", "312公里"),
    ("兰溪去年家政服务业直接带动了多少人就业（不算间接就业）？", "间接", "2.4万人"),
    ("青岚湖景区去年光门票收入有多少？", "门票及二次消费收入", "3.9亿元"),
])
def test_a_figure_counting_more_does_not_answer_one_thing_alone(page_assistant, monkeypatch, question, said, short):
    # the refusal says what the figure counts in
    refused_saying_until_switched_off(page_assistant, question, said, short, "alone_marked", monkeypatch)


@pytest.mark.parametrize("question, short", [
    ("云台山景区去年光门票收入有多少？", "1.35亿元"),  # the tickets alone, said alone
    ("兰溪2025年新建改建了多少公里农村公路？", "312公里"),  # nothing excluded
    ("青岚湖景区去年门票及二次消费收入有多少？", "3.9亿元"),
])
def test_the_thing_said_alone_or_asked_whole_still_answers(page_assistant, question, short):
    answer = page_assistant.ask(question)
    assert not answer.refused and answer.short.startswith(short), answer.answer


def _joined(question: str, sentence: str, figure: str) -> str | None:
    at = sentence.find(figure)
    return joined_for_alone(sentence, Span(at, at + len(figure), figure), analyze_question(question))


@pytest.mark.parametrize("question, sentence, figure", [
    ("全市新建了多少公里农村公路（不算改建）？", "全市新建农村公路286公里（不含改建），完成计划的112%。", "286公里"),  # left out
    ("全市新建了多少公里农村公路（不算改建）？", "全市新建农村公路286公里，改建农村公路200公里。", "286公里"),  # another clause's
    ("光泽县去年粮食产量是多少？", "光泽县和邵武市粮食产量6.8万吨。", "6.8万吨"),  # 光 of a name asks nothing alone
    ("雕“国门之光”一共花了多少钱？", "雕刻“国门之光”和“北疆之光”共花费36万元。", "36万元"),
])
def test_no_excluded_thing_nor_alone_asked(question, sentence, figure):
    assert _joined(question, sentence, figure) is None


def test_the_excluded_words_are_those_the_question_says_only_there(monkeypatch):
    assert excluded_words("直接带动了多少人就业（不算间接就业）？") == ["间接"]
    assert excluded_words("新建了多少公里农村公路（不算改建）？") == ["改建"]
    assert excluded_words("新建了多少公里农村公路？") == []
    question, sentence = "全市光门票收入有多少？", "全市门票及二次消费收入3.9亿元。"
    assert _joined(question, sentence, "3.9亿元") == "全市门票及二次消费收入3.9亿元"
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "alone_marked")
    assert _joined(question, sentence, "3.9亿元") is None
