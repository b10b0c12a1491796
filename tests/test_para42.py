"""Issue 11, helper "para42": a banner asked by its everyday short name (苏左旗 for 苏尼特左旗, 东乌旗 for 东乌珠穆沁旗) is
said where the page writes it in full: each character of the short name in order, at most three others (no level, no
mark) between two of them, in one name (rag.answer.question.banner_in_full, switch ``banner_short``). The page in
tests/data/para42/ was written for these tests (no eval row), read by the real Assistant (real encoder and index)."""
from __future__ import annotations

import pytest
from conftest import answered_until_switched_off, page_assistant_over

from rag.answer.question import banner_in_full

page_assistant = page_assistant_over("para42")


@pytest.mark.parametrize("question, short", [
    ("苏左旗今年储备了多少越冬饲草料？", "18.6万吨"),  # 在苏尼特左旗，今年储备越冬饲草料达到18.6万吨
    ("东乌旗今年配备了多少辆防火巡护车？", "36辆"),  # 东乌珠穆沁旗…新配备防火巡护车36辆
])
def test_a_banner_asked_short_is_answered_from_its_full_name(page_assistant, monkeypatch, question, short):
    answered_until_switched_off(page_assistant, question, short, "banner_short", monkeypatch)


@pytest.mark.parametrize("question", [
    "西乌旗今年配备了多少辆防火巡护车？",  # 西乌珠穆沁旗 is not the 东乌珠穆沁旗 the page writes
])
def test_another_banner_is_still_refused(page_assistant, question):
    assert page_assistant.ask(question).refused


def test_the_short_name_is_read_in_one_name_only():
    assert banner_in_full("西乌旗", "在西乌珠穆沁旗巴拉嘎尔高勒镇")
    assert banner_in_full("察右中旗", "察哈尔右翼中旗辉腾锡勒风电基地")
    assert not banner_in_full("察右前旗", "察哈尔右翼中旗")  # another banner of the same name's words
    assert not banner_in_full("西乌旗", "西边的乌拉特中旗")  # a level between: two names, not one
    assert not banner_in_full("东乌旗", "东乌旗")  # written as asked: no full name (entity_in reads it)
