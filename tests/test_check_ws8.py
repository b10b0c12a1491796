"""Fact checking, helper "ws8" (issue 10, rag.check.whole_claim): before a claim is 一致, every checkable part of it must be
the article's — its other figures (a duration, a time of day), the thing counted right after its figure, and its words
the article binds to another figure. Tested on a page written for these tests (tests/data/ws8/), not on evaluation pages."""
from __future__ import annotations

import os

import pytest

from conftest import claim_verdicts, page_assistant_over


page_assistant = page_assistant_over("ws8")


@pytest.mark.parametrize("claim, found, differs", [
    # the date is right, the time of day is not
    ("2025青杉环湖半程马拉松于10月19日8时鸣枪起跑", "7时30分", "时间"),
    # the count is right, the duration is not
    ("青杉县与省农科院共建的种业创新中心计划5年内培育新品种12个", "3年内", "时间"),
    # the distance is right, the stroke is another of its kind
    ("林晓雯打破了女子200米蛙泳省运会纪录", "200米仰泳", "名称"),
    # 4个 is not what the article's 社区食堂 count: those are 6个
    ("青杉县在城北片区新建了4个社区食堂", "6个", "数值"),
])
def test_a_part_told_otherwise_is_contradicted(page_assistant, claim, found, differs):
    report = page_assistant.check(claim)
    assert report.verdict == "contradicted", claim_verdicts(report)
    claims = [c for c in report.claims if c.verdict == "contradicted"]
    assert found in [c.found for c in claims] and differs in [c.differs for c in claims], claim_verdicts(report)


def test_another_subjects_figure_is_not_supported(page_assistant):
    # 46万人次 are the 老街步行街's; 滨湖商业街 is named in a later clause with a figure of its own
    report = page_assistant.check("滨湖商业街国庆假期接待游客超过40万人次")
    assert report.verdict == "not_found", claim_verdicts(report)


@pytest.mark.parametrize("claim", [
    "2025青杉环湖半程马拉松于10月19日7时30分鸣枪起跑",
    "青杉县与省农科院共建的种业创新中心计划3年内培育新品种12个",
    "林晓雯打破了女子200米仰泳省运会纪录",
    "青杉县在城北片区新建了6个社区食堂",
    "老街步行街国庆假期接待游客46万人次",
    "滨湖商业街国庆假期营业额达3.1亿元",  # the subject named before the figure in its own clause
])
def test_the_whole_claim_said_is_supported(page_assistant, claim):
    report = page_assistant.check(claim)
    assert report.verdict == "supported", claim_verdicts(report)


def test_the_switch_turns_it_off(page_assistant, monkeypatch):
    monkeypatch.setenv("RAG_CHECK_ABLATE", "whole_claim")
    report = page_assistant.check("2025青杉环湖半程马拉松于10月19日8时鸣枪起跑")
    assert report.verdict == "supported", claim_verdicts(report)
