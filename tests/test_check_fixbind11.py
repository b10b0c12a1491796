"""Fact checking, helper "fixbind11" (issue 10, rag.check.binding): the binding of a figure to its place and period must
not take a neighbour for the subject nor a holiday's own break or a span for another period — a 全区 after "河西区…毗邻
河东区" is 河西区's, "国庆黄金周" is 国庆's, "由2021年的…提高到…" is told by "2021年以来…提高到…". Pages written for these
tests (tests/data/fixbind11/); the binding that a wrong subject or period is still 未找到 is asserted alongside."""
from __future__ import annotations

import pytest

from conftest import claim_verdicts, page_assistant_over


page_assistant = page_assistant_over("fixbind11")


# each was 未找到 ("说的是河东区", "说的是黄金周", "说的是2021年以后") though the article says it
SUPPORTED = [
    # 全区 is the paragraph's subject 河西区, not 河东区 named as its neighbour
    "河西区前三季度新增城镇就业3185人",
    # "国庆黄金周" is the 国庆 holiday, "清明小长假" the 清明 one
    "国庆假期全市共接待游客428万人次",
    "清明假期全市共接待游客96.3万人次",
    # "五一劳动节" is one holiday: 劳动节 is 五一
    "五一假期全市共接待游客183.6万人次",
    # "2021年以来" is a span opening in 2021: the later figure of "由2021年的…提高到…" is its
    "2021年以来，河西区居民人均可支配收入提高到5.1万元",
]

# still bound elsewhere: a neighbour's claim, another holiday
NOT_FOUND = [
    "高新区前三季度新增城镇就业3185人",
    "春节假期全市共接待游客428万人次",
]


@pytest.mark.parametrize("claim", SUPPORTED)
def test_the_subject_holiday_and_span_are_the_figures_own(page_assistant, claim):
    report = page_assistant.check(claim)
    assert report.verdict == "supported", claim_verdicts(report)


def test_the_year_itself_has_the_start_of_the_change(page_assistant):
    # "由2021年的3.6万元提高到5.1万元": 5.1万元 is not 2021's, and 2021's own figure is 3.6万元 (recall12's level_of_change)
    report = page_assistant.check("河西区2021年居民人均可支配收入为5.1万元")
    assert [(c.verdict, c.found, c.differs) for c in report.claims] == [("contradicted", "3.6万元", "时间")], claim_verdicts(report)


@pytest.mark.parametrize("claim", NOT_FOUND)
def test_another_subject_holiday_or_year_is_still_not_found(page_assistant, claim):
    report = page_assistant.check(claim)
    assert report.verdict == "not_found", claim_verdicts(report)
    assert all(c.reason for c in report.claims)
