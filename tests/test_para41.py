"""Issue 11, helper "para41": whose organisation a title belongs to, read by its sentence form in the other-holder
check (rag.answer.near_miss.holder_org): an organisation named by its bare level (市人民医院 for 宁江市人民医院, switch
``level_org``) and, for a name right after the asked title, only the title's own clause read for another
organisation (校长潘若愚说，学校…与省城的实验中学结成对子, switch ``holder_clause``). The page in tests/data/para41/ was
written for these tests (no eval row), read by the real Assistant (real encoder and index)."""
from __future__ import annotations

import pytest
from conftest import page_assistant_over

page_assistant = page_assistant_over("para41")


@pytest.mark.parametrize("question, name, switch", [
    ("宁江市人民医院的院长是谁？", "陶永春", "level_org"),  # 市人民医院院长陶永春介绍
    ("宁江市第三中学的校长是谁？", "潘若愚", "holder_clause"),  # 校长潘若愚说，…与省城的实验中学结成对子
])
def test_the_holder_of_the_asked_organisation_answers(page_assistant, monkeypatch, question, name, switch):
    answer = page_assistant.ask(question)
    assert not answer.refused and answer.short == name
    monkeypatch.setenv("RAG_ANSWER_ABLATE", switch)
    assert page_assistant.ask(question).refused


@pytest.mark.parametrize("question", [
    "宁江市中心医院的院长是谁？",  # 市人民医院 is not 宁江市中心医院
    "宁江市第五中学的校长是谁？",  # 省城实验中学校长鲁文博: his title's own clause names another school
    "宁江县公交集团的董事长是谁？",  # 市公交集团 is the city's, not a county's
])
def test_another_holder_is_still_refused(page_assistant, question):
    assert page_assistant.ask(question).refused
