"""Fact checking, helper "binding11" (issue 10, rag.check.binding): an article figure is told of its own place, period and
list item — the nearest place before it in its sentence (a 全区 the place of that kind named before it), the holiday or
season before it, the later time of "由…提高到…", its position in a 分别 list. A claim resting on a figure bound to another
is 未找到, neither 一致 nor 不一致. Tested on pages written for these tests (tests/data/binding11/), not on evaluation pages;
each wrong 一致 is 一致 again with its part switched off."""
from __future__ import annotations

import pytest

from conftest import claim_verdicts, page_assistant_over


page_assistant = page_assistant_over("binding11")


# (claim, the part that reads it): each was 一致 on a figure of another subject or period
WRONG_SUPPORTED = [
    # 18.6% is 大洋洲's, told in the same frame ("对…进出口") after 中东's
    ("青川市对中东进出口增长18.6%", "bind_place"),
    # 126.9亿元 is 春节假期's, 236.8万人次 元旦假期's
    ("元旦假期江城市实现旅游总花费126.9亿元", "bind_period"),
    ("春节假期全市接待游客236.8万人次", "bind_period"),
]

def test_the_later_figure_of_a_change_is_not_the_start_year_s(page_assistant, monkeypatch):
    # 95.4% is the later rate of "由2021年的91.6%提高到95.4%": not 2021's (binding), which is 91.6% (recall12's level_of_change)
    claim = "石门县2021年义务教育巩固率为95.4%"
    report = page_assistant.check(claim)
    assert [(c.verdict, c.found, c.differs) for c in report.claims] == [("contradicted", "91.6%", "时间")], claim_verdicts(report)
    monkeypatch.setenv("RAG_CHECK_ABLATE", "level_of_change")  # the start no level: binding still keeps it off 一致
    assert page_assistant.check(claim).verdict == "not_found", claim


# (claim, the part that reads it): each was 不一致 with a figure the article tells of another subject or period only
WRONG_CONTRADICTED = [
    # 7所 are 全州's; the article gives 云岭县 no number of new schools
    ("云岭县今年新建学校3所", "bind_place"),
    # 168.5亿元 is 东湖区's; 西湖区's income is not said
    ("西湖区旅游季实现旅游收入120亿元", "bind_place"),
    # the airport's 684.3万人次 is the 旅游季's, not 春节假期's
    ("春节假期江城国际机场旅客吞吐量达到90万人次", "bind_period"),
]


@pytest.mark.parametrize("claim, part", WRONG_SUPPORTED, ids=[f"{w[1]}-{i}" for i, w in enumerate(WRONG_SUPPORTED)])
def test_a_figure_of_another_subject_or_period_is_not_agreement(page_assistant, monkeypatch, claim, part):
    # binding alone: own_subject (rag/check/own_subject.py, tests/test_check_contra22.py) is off, so what binding
    # guarantees is seen apart from the 不一致 a subject's own figure gives
    monkeypatch.setenv("RAG_CHECK_ABLATE", "own_subject")
    report = page_assistant.check(claim)
    assert report.verdict == "not_found", claim_verdicts(report)
    assert all(c.reason for c in report.claims)
    monkeypatch.setenv("RAG_CHECK_ABLATE", f"own_subject,{part}")
    assert page_assistant.check(claim).verdict == "supported", claim


# the page gives the claimed holiday its own figure, so the other holiday's figure is 不一致 with it (the issue: "the
# right figure attributed to the wrong place or period is contradicted when the articles give that place's own figure")
@pytest.mark.parametrize("claim, found", [
    ("元旦假期江城市实现旅游总花费126.9亿元", "31.4亿元"),
    ("春节假期全市接待游客236.8万人次", "864.2万人次"),
])
def test_another_period_s_figure_is_told_by_the_claimed_period_s_own(page_assistant, claim, found):
    report = page_assistant.check(claim)
    assert [(c.verdict, c.found, c.differs) for c in report.claims] == [("contradicted", found, "时间")], claim_verdicts(report)


@pytest.mark.parametrize("claim, part", WRONG_CONTRADICTED, ids=[f"{w[1]}-{i}" for i, w in enumerate(WRONG_CONTRADICTED)])
def test_a_figure_of_another_subject_or_period_contradicts_nothing(page_assistant, monkeypatch, claim, part):
    report = page_assistant.check(claim)
    assert report.verdict == "not_found", claim_verdicts(report)
    monkeypatch.setenv("RAG_CHECK_ABLATE", part)
    assert page_assistant.check(claim).verdict in ("contradicted", "not_found"), claim


def test_the_switch_turns_all_parts_off(page_assistant, monkeypatch):
    monkeypatch.setenv("RAG_CHECK_ABLATE", "own_subject,binding")
    for claim, _ in WRONG_SUPPORTED:
        assert page_assistant.check(claim).verdict == "supported", claim


@pytest.mark.parametrize("claim", [
    "青川市对大洋洲进出口增长18.6%",
    "石门县2021年义务教育巩固率为91.6%",
    "春节假期江城市实现旅游总花费126.9亿元",
    "元旦假期全市接待游客236.8万人次",
    "南港区海上风电并网装机达到128万千瓦",
    "东湖区旅游季实现旅游收入168.5亿元",
])
def test_a_figure_told_of_the_claims_own_subject_is_agreement(page_assistant, claim):
    report = page_assistant.check(claim)
    assert report.verdict == "supported", claim_verdicts(report)


@pytest.mark.parametrize("claim, found", [
    ("春节假期江城市接待游客900万人次", "864.2万人次"),
    ("东湖区旅游季实现旅游收入150亿元", "168.5亿元"),
])
def test_a_figure_of_the_claims_own_subject_still_contradicts(page_assistant, claim, found):
    report = page_assistant.check(claim)
    assert report.verdict == "contradicted", claim_verdicts(report)
    assert found in [c.found for c in report.claims], claim_verdicts(report)


@pytest.mark.parametrize("claim", ["北湾区海上风电并网装机达到128万千瓦", "东岬区海上风电并网装机为86万千瓦"])
def test_a_figure_of_another_list_item_is_never_agreement(page_assistant, claim):
    assert page_assistant.check(claim).verdict != "supported"
