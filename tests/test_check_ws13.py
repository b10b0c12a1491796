"""Fact checking, helper "ws13" (issue 10, rag.check.agreement and rag.check.binding): a figure is told of its own unit,
period and whole before 一致 or 不一致. The same number in a unit of another measure ("62万千升", a volume, for "62万吨") is
不一致 on 单位 though the figure reader does not know 千升; a figure of another period's clause ("全年达到46.9亿元" beside
"上半年为18.4亿元") and the end of a change ("由去年的14.2分钟缩短到10.8分钟") tell a claim of 上半年 / 去年 by that period's
own figure (不一致 on 时间); the article's own whole ("全市…1348.6万人次" in 丰林市's article) is no county's figure (未找到). Tested on
pages written for these tests (tests/data/ws13/); each switch shown at work by switching it off."""
from __future__ import annotations

import pytest

from conftest import claim_verdicts, page_assistant_over


page_assistant = page_assistant_over("ws13")


# (claim, what the article says instead, what differs, the switch): each was 一致
TOLD_OTHERWISE = [
    ("青川市陶坛储酒能力已达到62万吨", "62万千升", "单位", "agree_unit"),
    ("青川市白酒网络零售额上半年达到46.9亿元", "18.4亿元", "时间", "bind_clause_period"),
    ("去年青川市120急救车平均到达现场时间为10.8分钟", "14.2分钟", "时间", "bind_from_period"),
]


@pytest.mark.parametrize("claim, found, differs, part", TOLD_OTHERWISE, ids=[w[3] for w in TOLD_OTHERWISE])
def test_another_unit_or_period_is_told(page_assistant, monkeypatch, claim, found, differs, part):
    report = page_assistant.check(claim)
    assert report.verdict == "contradicted", claim_verdicts(report)
    checked = report.claims[0]
    assert (checked.found, checked.differs) == (found, differs), claim_verdicts(report)
    assert "Traceback" not in checked.reason
    monkeypatch.setenv("RAG_CHECK_ABLATE", part)
    assert page_assistant.check(claim).verdict == "supported"  # the worst error, without the switch


@pytest.mark.parametrize("claim", [
    "青川市陶坛储酒能力达到62万千升",
    "青川市白酒网络零售额上半年为18.4亿元",
    "青川市白酒网络零售额全年达到46.9亿元",
    "青川市120急救车平均到达现场时间今年缩短到10.8分钟",
])
def test_the_right_figure_still_supports(page_assistant, claim):
    report = page_assistant.check(claim)
    assert report.verdict == "supported", claim_verdicts(report)


def test_the_articles_whole_is_not_a_countys(page_assistant, monkeypatch):
    claim = "石桥市上半年乡村旅游接待游客260万人次"
    report = page_assistant.check(claim)
    assert report.verdict == "not_found", claim_verdicts(report)
    assert "丰林市" in report.claims[0].reason
    monkeypatch.setenv("RAG_CHECK_ABLATE", "bind_whole")
    assert page_assistant.check(claim).verdict == "contradicted"
    monkeypatch.delenv("RAG_CHECK_ABLATE")
    assert page_assistant.check("丰林市上半年乡村旅游接待游客1348.6万人次").verdict == "supported"
