"""Helper "near45" (second job): nm:threshold (rag.answer.near_miss.threshold) reads a bound glued to the noun it
sorts with no 的. The page in tests/data/near45_threshold/ was written for these tests (no eval row), read by the real
Assistant (real encoder and index).

- ``threshold_glued``: "未发生一次死亡3人以上道路交通事故" sorts 事故 by its deaths as "…3人以上的…事故" does, and
  "年货运量50万吨以上企业" sorts 企业 by a measure: neither figure answers the deaths or the freight asked. A figure
  right after a preposition or the verb whose object the noun is ("把85%以上财政资金投向…") is an amount of that
  noun, and still answers.
"""
from __future__ import annotations

import pytest
from conftest import page_assistant_over, refused_saying_until_switched_off, span_at

from rag.answer.near_miss.threshold import threshold_figure
from rag.answer.question import analyze_question

page_assistant = page_assistant_over("near45_threshold")


def test_a_glued_bound_does_not_answer_the_deaths(page_assistant, monkeypatch):
    refused_saying_until_switched_off(page_assistant, "2025年青岚市道路交通事故一共死亡了多少人？", "3人以上", "3人以上",
                                      "threshold_glued", monkeypatch)


def test_an_amount_glued_to_its_noun_still_answers(page_assistant):
    answer = page_assistant.ask("青岚市今年把多大比例的财政资金投向民生领域？")
    assert not answer.refused and answer.short.startswith("85%"), answer.answer


@pytest.mark.parametrize("question, sentence, figure, expected", [
    ("全市道路交通事故死亡了多少人？", "全年未发生一次死亡3人以上道路交通事故。", "3人以上", True),
    ("全市道路交通事故死亡了多少人？", "全年未发生一次死亡3人以上较大道路交通事故。", "3人以上", True),
    ("全市年货运量是多少？", "全市年货运量50万吨以上企业达到46家。", "50万吨以上", True),
    # an amount of the noun: after a preposition, after the verb taking the noun, after an adverb-like verb
    ("青岚市把多大比例的财政资金投向民生？", "青岚市将把85%以上财政资金投向民生领域。", "85%以上", False),
    ("运动员获得了多少枚金牌？", "本届运动会共有213名运动员获得2枚以上金牌。", "2枚以上", False),
    ("全市投入了多少资金？", "全市累计投入300万元以上资金。", "300万元以上", False),
    ("全市有多少个村庄通了客车？", "全市80%以上村庄通了客车。", "80%以上", False),  # after a scope word
])
def test_a_bound_glued_to_the_noun_it_sorts(monkeypatch, question, sentence, figure, expected):
    assert threshold_figure(sentence, span_at(sentence, figure), analyze_question(question)) is expected
    if expected:
        monkeypatch.setenv("RAG_ANSWER_ABLATE", "threshold_glued")
        assert not threshold_figure(sentence, span_at(sentence, figure), analyze_question(question))
