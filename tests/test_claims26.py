"""Fact checking, helper "claims26" (issue 10): no 不一致 from an article figure that counts a wider thing than the claim
(qualifier_unsaid: "接待入境游客" against the article's "接待游客") or a wider place (whole_for_part: "北湖区…" against
"全市共建成…"); the article gives no figure of the claim's own, so 未找到. Each with its switch off gives the old 不一致,
and the measure as the article words it is still 不一致. Tested on pages written for these tests (tests/data/claims26/)."""
from __future__ import annotations

import pytest

from conftest import claim_verdicts, page_assistant_over


page_assistant = page_assistant_over("claims26")


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


def test_a_whole_s_figure_does_not_tell_a_part(page_assistant):
    # the 312个 are all of 青川市's ("截至2025年底，全市建成…"); the article gives 北湖区 none of its own
    report = page_assistant.check("北湖区已建成村级农家书屋120个")
    assert report.verdict == "not_found", claim_verdicts(report)


def test_whole_of_part_reads_the_whole_before_the_figure(monkeypatch):
    from rag.check.claims import find_claims
    from rag.check.scoring import whole_of_part
    before = "截至2025年底，全市建成街道综合文化站23个、社区书房86个、村级农家书屋"
    part = find_claims("北湖区已建成村级农家书屋120个")[0][0]
    assert whole_of_part(part, (), before)
    assert not whole_of_part(part, ("北湖区",), "北湖区建成村级农家书屋")  # the part's own figure
    assert not whole_of_part(find_claims("青川市已建成村级农家书屋120个")[0][0], (), before)  # the whole itself


def test_the_whole_itself_is_still_told_otherwise(page_assistant):
    report = page_assistant.check("青川市共建成城市书房3座")
    assert [(c.verdict, c.found) for c in report.claims] == [("contradicted", "12座")], claim_verdicts(report)

