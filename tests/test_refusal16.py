"""Session 16 refusal audit (issue 11, helper para16), on sentences written for these tests: refusals that the
audit of the dev halves found firing on answerable questions more often than on near misses, read more precisely.

- a place asked with its suffix (城东区) is still not said by the bare name (城东), nor a person by a shorter name;
- a question asking no unit is answered by a figure in a measure word the dictionary tags (2.35亿千瓦时) rather
  than refused for the percent beside it (``dictionary_units``), and 翻了一番 is no figure.

No encoder: the lexical mechanism only. Each answer is checked to go away with its switch off."""
from __future__ import annotations

import pytest

from conftest import ask as ask_over, paragraph_maker


TITLE = "青禾县推进城乡建设"
paragraph = paragraph_maker(TITLE, "993_test.txt")


def ask(question: str, text: str, title: str = TITLE):
    return ask_over(question, paragraph(text, title=title))


POWER = "据了解，2025年青禾县全社会用电量达到2.35亿千瓦时，同比增长6.1%。"

ANSWERED = [
    # no unit asked; 亿千瓦时 is no unit of the list, only the dictionary's measure word
    ("青禾县2025年全社会用电量是多少？", POWER, "2.35亿千瓦时", "dictionary_units"),
]


@pytest.mark.parametrize("question,text,given,switch", ANSWERED, ids=[c[0][:12] for c in ANSWERED])
def test_answered_and_refused_with_the_switch_off(monkeypatch, question, text, given, switch):
    answer = ask(question, text)
    assert not answer.refused, answer.answer
    assert answer.short == given
    monkeypatch.setenv("RAG_ANSWER_ABLATE", switch)
    off = ask(question, text)
    assert off.refused or off.short != given, off.answer


@pytest.mark.parametrize("question,text", [
    # a district asked by its suffix is not said by the bare name: another place's figure
    ("城东区湿地公园一共投了多少钱？", "城东湿地公园总投资1.6亿元。"),
    # a person's name is no glued word: one character less names another person
    ("张建国在哪个单位工作？", "张建在市委政研室工作。"),
])
def test_a_name_is_not_said_by_a_shorter_name(question, text):
    answer = ask(question, text, title="城区建设")
    assert answer.refused, answer.answer


def test_a_set_phrase_in_chinese_numerals_is_no_figure():
    answer = ask("青禾食品公司上半年出口额是多少？", "青禾食品公司上半年出口订单同比翻了一番。", title="青禾食品出口")
    assert answer.refused, answer.answer


def test_qi_counts_incidents(monkeypatch):
    text = "上半年，青禾县交警部门共查处酒驾236起、醉驾41起，同比分别下降6.2%和9.5%。"
    answer = ask("青禾县上半年查处了多少起酒驾？", text)
    assert not answer.refused and answer.short == "236起", answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "incident_unit")
    off = ask("青禾县上半年查处了多少起酒驾？", text)
    assert off.refused or off.short != "236起", off.answer
