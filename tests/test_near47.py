"""Issue 11, helper "near47": near misses the answer stage answered instead of refusing (dev halves). The page in
tests/data/near47/ was written for these tests (no eval row), read by the real Assistant (real encoder and index).

- ``letter_code`` (rag.answer.near_miss.letter_code): a code in Latin letters names one kind of a thing (PM10, PM2.5,
  ECFA, RCEP); another code before the asked code's head (PM2.5平均浓度 for PM10平均浓度, RCEP原产地证书 for ECFA原产地证书)
  gives that kind's figure, not the asked one. Dev: fresh8 xs024, fresh21 xzd066.
"""
from __future__ import annotations

import pytest
from conftest import page_assistant_over, refused_saying_until_switched_off, span_at

from rag.answer.near_miss.letter_code import other_letter_code
from rag.answer.question import analyze_question

page_assistant = page_assistant_over("near47")


@pytest.mark.parametrize("question, said, short", [
    ("青梧县去年PM10平均浓度是多少？", "PM2.5平均浓度最低的是青梧县", "19.6微克"),
    ("云水海关去年签发了多少份ECFA原产地证书？", "RCEP原产地证书", "2.74万份"),
])
def test_another_lettered_kind_does_not_answer(page_assistant, monkeypatch, question, said, short):
    # the refusal says what the text gives instead; with letter_code off the other kind's figure answered
    refused_saying_until_switched_off(page_assistant, question, said, short, "letter_code", monkeypatch)


@pytest.mark.parametrize("question, short", [
    ("青梧县去年PM2.5平均浓度是多少？", "19.6微克"),  # the code the sentence says
    ("云水海关去年签发了多少份RCEP原产地证书？", "2.74万份"),
])
def test_the_asked_code_still_answers(page_assistant, question, short):
    answer = page_assistant.ask(question)
    assert not answer.refused and answer.short.startswith(short), answer.answer


def _code(question: str, sentence: str, figure: str) -> str | None:
    return other_letter_code(sentence, span_at(sentence, figure), analyze_question(question))


@pytest.mark.parametrize("question, sentence, figure", [
    ("全市PM2.5平均浓度是多少？", "全市PM₂.₅平均浓度为28微克/立方米。", "28微克"),  # subscripts: PM, a prefix of PM2.5
    ("全市PM2.5平均浓度是多少？", "全市细颗粒物（PM2.5）平均浓度为28微克/立方米。", "28微克"),  # its own code, before a bracket
    ("全市PM10平均浓度是多少？", "PM2.5平均浓度为28微克/立方米，PM10平均浓度为52微克/立方米。", "52微克"),  # asked code nearer
    ("全市GDP增速是多少？", "全市地区生产总值增长6.1%。", "6.1%"),  # no code in the sentence
    ("5G基站建了多少个？", "新建4G基站1200个。", "1200个"),  # a grade of one letter, read elsewhere
])
def test_no_other_code(question, sentence, figure):
    assert _code(question, sentence, figure) is None


def test_the_switch_turns_the_reading_off(monkeypatch):
    question, sentence = "全市PM10平均浓度是多少？", "全市PM2.5平均浓度为28微克/立方米。"
    assert _code(question, sentence, "28微克") == "PM2.5"
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "letter_code")
    assert _code(question, sentence, "28微克") is None
