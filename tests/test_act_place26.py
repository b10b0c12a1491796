"""Fact checking, helper "claims26" (issue 10, rag.check.verify._act_of_another_place): a one-off act (no period, no
change) whose figure and words the claim restates, told by the article of another place, is 不一致 on 地点 with the
article's place; a period's measure of another place stays 未找到, as the issue asks. Tested on a page written for
these tests (tests/data/act26/)."""
from __future__ import annotations

import pytest

from conftest import claim_verdicts, page_assistant_over


page_assistant = page_assistant_over("act26")


@pytest.mark.parametrize("claim, found", [
    ("北湖区在江滨路沿线建成了8座“口袋公园”", "东湖区"),
    ("南湖区组建了一支85人的社区规划师队伍", "西湖区"),
])
def test_an_act_of_another_place_is_told_by_its_place(page_assistant, monkeypatch, claim, found):
    report = page_assistant.check(claim)
    assert [(c.verdict, c.found, c.differs) for c in report.claims] == [("contradicted", found, "地点")], claim_verdicts(report)
    monkeypatch.setenv("RAG_CHECK_ABLATE", "act_place")
    assert page_assistant.check(claim).verdict == "not_found", claim


def test_the_act_s_own_place_is_agreement(page_assistant):
    report = page_assistant.check("东湖区在江滨路沿线建成了8座“口袋公园”")
    assert report.verdict == "supported", claim_verdicts(report)


def test_a_period_s_measure_of_another_place_stays_not_found(page_assistant):
    # every district has its own 地区生产总值 for 上半年: the article gives 北山区 none
    report = page_assistant.check("北山区上半年地区生产总值增长5.4%")
    assert report.verdict == "not_found", claim_verdicts(report)


@pytest.mark.parametrize("claim", [
    "江城市冰雪季接待入境游客30万人次",  # the 1860万人次 are all 游客: the article gives no 入境游客 figure
    "江城市港口全年完成外贸货物吞吐量1.2亿吨",  # the 3.72亿吨 are all 货物
])
def test_a_kind_of_what_the_article_counts_is_not_told_otherwise(page_assistant, monkeypatch, claim):
    report = page_assistant.check(claim)
    assert report.verdict == "not_found", claim_verdicts(report)
    monkeypatch.setenv("RAG_CHECK_ABLATE", "qualifier_unsaid")
    assert page_assistant.check(claim).verdict == "contradicted", claim


def test_the_measure_as_the_article_words_it_is_still_told_otherwise(page_assistant):
    report = page_assistant.check("江城市冰雪季接待游客2000万人次")
    assert [(c.verdict, c.found) for c in report.claims] == [("contradicted", "1860万人次")], claim_verdicts(report)
