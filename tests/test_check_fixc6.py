"""Fact checking, review fixes of the sixth round (helper "fixc6"): the claim's counted thing, event, action and scope
must be the article figure's own. Tested on a page written for these tests (tests/data/fixc6/), not on evaluation pages."""
from __future__ import annotations

import pytest

from conftest import claim_verdicts, page_assistant_over


page_assistant = page_assistant_over("fixc6")


@pytest.mark.parametrize("claim, verdict, found", [
    # the thing counted is named right before the figure: 金牌 are not 奖牌总数
    ("南湖区代表队以金牌64枚位列奖牌榜首位", "contradicted", "27枚"),
    ("南湖区代表队奖牌总数27枚", "contradicted", "64枚"),
    ("南湖区代表队获得金牌27枚", "supported", None),
    ("南湖区代表队奖牌总数64枚", "supported", None),
    # one sentence dates both events: each date's own clause tells which
    ("第五届青山桃花节于3月28日开幕", "contradicted", "3月20日"),
    ("第五届青山桃花节于3月20日闭幕", "contradicted", "3月28日"),
    ("第五届青山桃花节于3月20日开幕", "supported", None),
    ("第五届青山桃花节于3月28日闭幕", "supported", None),
])
def test_the_counted_thing_and_the_event_are_the_figures_own(page_assistant, claim, verdict, found):
    report = page_assistant.check(claim)
    assert report.verdict == verdict, claim_verdicts(report)
    if found:
        assert found in [c.found for c in report.claims if c.verdict == "contradicted"], claim_verdicts(report)


def test_a_thing_counted_elsewhere_in_the_paragraph_is_not_confirmed(page_assistant):
    report = page_assistant.check("北岭县代表队获得奖牌总数19枚")  # the page gives 北岭县 19枚 of 金牌, 奖牌总数 only for 南湖区
    assert report.verdict != "supported", claim_verdicts(report)


def test_the_action_is_read_in_the_figures_own_stretch(page_assistant):
    # 报废 belongs to the 9架 beside it, not to the 24架 bought
    report = page_assistant.check("市农机站已报废植保无人机24架")
    assert report.verdict != "supported", claim_verdicts(report)
    assert page_assistant.check("市农机站新购置植保无人机24架").verdict == "supported"


def test_a_bare_scope_after_the_figure_is_the_claims_scope(page_assistant):
    report = page_assistant.check("比赛期间共有15人次打破8项省农民运动会纪录")
    assert [c.verdict for c in report.claims] == ["supported", "contradicted"], claim_verdicts(report)
    assert "市农民运动会纪录" in report.claims[1].found
    assert page_assistant.check("比赛期间共有15人次打破8项市农民运动会纪录").verdict == "supported"


@pytest.mark.parametrize("claim", [
    "青山市新建高标准桃园1500亩",  # 柳林镇's figure, a part of the city
    "全市新增氢能公交车45辆",  # the 45辆 are 冷链货车; the paragraph names the 公交车 elsewhere
])
def test_a_figure_of_a_part_or_of_another_thing_is_not_confirmed(page_assistant, claim):
    report = page_assistant.check(claim)
    assert report.verdict != "supported", claim_verdicts(report)


@pytest.mark.parametrize("claim", ["柳林镇新建高标准桃园1500亩", "全市新增冷链货车45辆", "青山市新增桃树种植面积2.4万亩"])
def test_the_figures_own_place_and_thing_still_confirm(page_assistant, claim):
    assert page_assistant.check(claim).verdict == "supported", claim_verdicts(page_assistant.check(claim))


def test_scope_rank_can_be_switched_off(page_assistant, monkeypatch):
    monkeypatch.setenv("RAG_CHECK_ABLATE", "scope_rank,binding")  # (rag.check.binding reads 柳林镇's 1500亩 too)
    assert page_assistant.check("青山市新建高标准桃园1500亩").verdict == "supported"
