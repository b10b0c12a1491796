"""Issue 11, helper "para40": a person asked by a title, answered by a sentence naming someone after that title alone,
the organisation said in the sentence before it (switch ``role_holder``, rag.answer.role_holder). The page in
tests/data/para40/ was written for these tests (no eval row), read by the real Assistant (real encoder and index)."""
from __future__ import annotations

import pytest
from conftest import answered_until_switched_off, page_assistant_over

page_assistant = page_assistant_over("para40")


@pytest.mark.parametrize("question, name", [
    ("青禾县那家规模最大的茶叶精制企业远山茶叶，掌舵的董事长是谁？", "韦秋兰"),
])
def test_a_name_after_the_asked_title_alone_answers_for_the_organisation_named_before(page_assistant, monkeypatch, question, name):
    answered_until_switched_off(page_assistant, question, name, "role_holder", monkeypatch)


@pytest.mark.parametrize("question", [
    "青禾县那家规模最大的茶叶精制企业远山茶叶，掌舵的副董事长是谁？",  # the deputy: 董事长 is not 副董事长
    "青禾县中医医院的副院长叫什么？",
    "石桥镇卫生院的院长叫什么？",  # another organisation, whose head the page does not name
    "青禾县云溪竹编专业合作社的负责人是谁？",  # no one named under any title
])
def test_a_title_not_held_or_another_organisation_is_still_refused(page_assistant, question):
    assert page_assistant.ask(question).refused

