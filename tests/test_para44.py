"""Issue 11, helper "para44": a product asked with a resultative verb of making before an amount ("炼出了多少乙二醇",
"酿出了多少黄酒") is read as the article's 生产 (rag.answer.made_out, switch ``made_out``), so the sentence stating
"全年生产乙二醇46万吨" answers it instead of being refused for a verb it does not say. The page in tests/data/para44/ was
written for these tests (no eval row), read by the real Assistant (real encoder and index)."""
from __future__ import annotations

import pytest
from conftest import answered_until_switched_off, page_assistant_over

from rag.answer.made_out import produced_reading

page_assistant = page_assistant_over("para44")


@pytest.mark.parametrize("question, short", [
    ("澄岭化工去年炼出了多少乙二醇？", "46万吨"),  # 澄岭化工有限公司去年全年生产乙二醇46万吨
    ("青峪县酒业集团去年酿出了多少黄酒？", "8.4万吨"),  # 青峪县酒业集团去年全年生产黄酒8.4万吨
])
def test_a_made_out_product_is_answered_by_the_articles_production(page_assistant, monkeypatch, question, short):
    answered_until_switched_off(page_assistant, question, short, "made_out", monkeypatch)


@pytest.mark.parametrize("question, short", [
    ("澄岭化工去年生产了多少乙二醇？", "46万吨"),  # the article's own verb: nothing for the reading to do
    ("澄岭化工去年炼出了多少甲醇？", None),  # the page reports 乙二醇 and 黄酒, never any 甲醇: still refused
])
def test_neighbouring_questions_behave_as_before(page_assistant, question, short):
    answer = page_assistant.ask(question)
    assert (answer.refused, answer.short if short else None) == (short is None, short), answer.answer


def test_only_a_made_out_verb_before_an_amount_is_read():
    assert produced_reading("去年炼出了多少甲醇？") == "去年生产了多少甲醇？"
    assert produced_reading("一共采出多少吨页岩油") == "一共生产多少吨页岩油"
    assert produced_reading("炼了多少原油？") == "炼了多少原油？"  # no 出: a refinery's intake, not its output
    assert produced_reading("改造出了多少个车间？") == "改造出了多少个车间？"  # 改造 is another verb
    assert produced_reading("一年能产出多少产值？") == "一年能产出多少产值？"  # a sum of money is not produced
    assert produced_reading("今年晒出了多少干花椒？") == "今年晒出了多少干花椒？"  # a dried crop is its 产量
