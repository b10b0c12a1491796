"""Issue 11, thirtieth round (helper "cmp30"): a comparison of a sum named by 额 is no comparison of counts.

- sum_after_count: "去年招商签约额，东林区比南岗县多出多少" compares sums; a side answered with a count of things ("新签约亿元以上
  项目36个") takes the sum its sentence names by 额 right after the count, in the same run of clauses ("协议投资额248.6亿元").
- sum_not_count: a side still holding a count then is refused ("问的是金额，找到的12个是个数"), never compared as 36个
  against 29个.

The page (tests/data/cmp30/) and the questions are written for this test, not taken from the eval data."""
from __future__ import annotations

from conftest import page_assistant_over

from rag.answer.comparison.answer import _SUM_COMPARED

page_assistant = page_assistant_over("cmp30")

DIFFERENCE = "去年招商签约额，东林区比南岗县多出多少？"
COUNT_ONLY = "去年招商签约额，西川县和南岗县哪个多？"


def test_a_sum_named_by_e_is_read_as_compared():
    for question in ("去年招商签约额，旌阳区比广汉市多出多少？", "汇川区的签约金额比仁怀市多多少？", "两县的销售额哪个高？",
                     "东林区和南岗县谁的成交额更高？"):
        assert _SUM_COMPARED.search(question), question
    # shares and quotas (份额, 名额, 配额) are no sums; a 额 inside a longer measure (额度 is its own) is not read
    for question in ("东林区和南岗县的名额哪个多？", "两家企业的市场份额哪个高？", "东林区和南岗县的贷款额度哪个多？"):
        assert not _SUM_COMPARED.search(question), question


def test_the_sum_after_the_count_answers(page_assistant):
    answer = page_assistant.ask(DIFFERENCE)
    assert not answer.refused and "47.3亿元" in answer.answer and "个" not in answer.short, answer.answer


def test_a_side_with_only_a_count_is_refused(page_assistant):
    answer = page_assistant.ask(COUNT_ONLY)
    assert answer.refused and "西川县" in answer.note and "个数" in answer.note, answer.answer


def test_switched_off_the_counts_compare_again(page_assistant, monkeypatch):
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "sum_after_count")
    answer = page_assistant.ask(DIFFERENCE)
    assert answer.refused and "个数" in answer.note, answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "sum_after_count,sum_not_count")
    assert "7个" in page_assistant.ask(DIFFERENCE).answer
    assert not page_assistant.ask(COUNT_ONLY).refused


def test_a_count_asked_is_still_a_count(page_assistant):
    # no sum compared: the counts of projects are what is asked
    question = "去年东林区和南岗县新签约的亿元以上项目，哪个多？"
    assert not _SUM_COMPARED.search(question)
    assert "个数" not in (page_assistant.ask(question).note or "")
