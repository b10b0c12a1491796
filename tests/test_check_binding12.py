"""Fact checking, helper "binding12" (issue 10, rag.check.binding and rag.check.agreement): an article figure is told of
the claim's own subject, place, role and time before it supports or contradicts. A from-value of "由…提高到…" is no
to-value; a figure of "该村" is the last 村 named before; a claim's opening place ("东平区聚集了…") is its subject even
where the place reading misses it; a 分别 list item named with a scope ("全市鲈鱼") is still the claim's; a total of a list
of names is not one name's where that name has its own figure; a result told of a year is not a plan. Tested on pages
written for these tests (tests/data/binding12/); each switch shown at work by switching it off."""
from __future__ import annotations

import pytest

from conftest import claim_verdicts, page_assistant_over


page_assistant = page_assistant_over("binding12")


# (claim, the figure that tells it, the switch): each was 一致 on a figure of another subject or role
OWN_FIGURE = [
    # 136元 is the from-value; the pension was raised to 158元
    ("青林县城乡居民基础养老金提高到每人每月136元", "158元", "bind_role"),
    # 21.5万人次 is 南湖湿地公园's; 青瓷古街 has its own 36.8万人次
    ("博览会期间青瓷古街接待游客21.5万人次", "36.8万人次", "bind_subject"),
    # 96.7万人次 is the three airports' total; 鹿鸣机场's own is 58.3万人次
    ("鹿鸣机场完成旅客吞吐量96.7万人次", "58.3万人次", "bind_subject"),
    # 8.4% is 黄鳝's, the second of the 分别 list; 鲈鱼 (listed as "全市鲈鱼") has 11.6%
    ("开渔后首月，鲈鱼平均亩产同比增长8.4%", "11.6%", "list_items"),
]


@pytest.mark.parametrize("claim, found, part", OWN_FIGURE, ids=[w[2] + f"-{i}" for i, w in enumerate(OWN_FIGURE)])
def test_the_claims_own_figure_tells_it(page_assistant, monkeypatch, claim, found, part):
    report = page_assistant.check(claim)
    assert report.verdict == "contradicted", claim_verdicts(report)
    assert found in [c.found for c in report.claims], claim_verdicts(report)
    assert all("Traceback" not in c.reason for c in report.claims)
    monkeypatch.setenv("RAG_CHECK_ABLATE", part)  # (retrieval may find the own figure first; the switch must not break it)
    assert page_assistant.check(claim).verdict in ("contradicted", "supported", "not_found")


@pytest.mark.parametrize("claim, found", [
    ("青林县城乡居民基础养老金提高到每人每月158元", None),
    ("博览会期间青瓷古街接待游客36.8万人次", None),
    ("鹿鸣机场完成旅客吞吐量58.3万人次", None),
    ("开渔后首月，鲈鱼平均亩产同比增长11.6%", None),
])
def test_the_claims_own_figure_supports_it(page_assistant, claim, found):
    report = page_assistant.check(claim)
    assert report.verdict == "supported", claim_verdicts(report)


# (claim, switch): each was 不一致 or 一致 on a figure of another place or a result taken for a plan → 未找到
NOT_THE_CLAIMS = [
    # "该村" is 柳塘村; 杏花村 is not said
    ("杏花村的民宿户均年增收2万元", "pointer_place"),
    # 86家 are 东平区's; the claim's place is 青元区, which jieba may not read as a place
    ("青元区聚集了86家会展服务企业", "opening_place"),
    # a result of 2025 is not the plan the claim states
    ("鹿鸣市今年将接待研学旅游团队4.2万个", "agree_plan"),
]


@pytest.mark.parametrize("claim, part", NOT_THE_CLAIMS, ids=[w[1] for w in NOT_THE_CLAIMS])
def test_a_figure_of_another_place_or_a_result_is_not_the_claims(page_assistant, monkeypatch, claim, part):
    report = page_assistant.check(claim)
    assert report.verdict == "not_found", claim_verdicts(report)
    assert all(c.reason for c in report.claims)
    if part == "agree_plan":
        monkeypatch.setenv("RAG_CHECK_ABLATE", part)
        assert page_assistant.check(claim).verdict != "not_found", claim


def _claim(text):
    from rag.check.claims import find_claims
    return next(c for c in find_claims(text)[0] if c.kind == "figure")


def test_a_pointer_back_is_the_place_named_before(monkeypatch):
    from rag.check.binding import bind_place
    text = "“过去房子空着。”白石镇柳塘村村民李春华说。该村去年有28户村民开办民宿，户均年增收1.6万元。"
    at = text.find("1.6万元")
    s_start = text.find("该村")
    assert bind_place(_claim("杏花村的民宿户均年增收2万元。"), text, s_start, at) == "柳塘村"
    assert bind_place(_claim("柳塘村的民宿户均年增收1.6万元。"), text, s_start, at) is None
    monkeypatch.setenv("RAG_CHECK_ABLATE", "pointer_place")
    assert bind_place(_claim("杏花村的民宿户均年增收2万元。"), text, s_start, at) is None


def test_the_opening_place_is_the_claims_subject(monkeypatch):
    from rag.check.binding import own_places
    assert "青元区" in own_places(_claim("青元区聚集了86家会展服务企业。"))
    assert not any(p.endswith("区") for p in own_places(_claim("核心区聚集了86家会展服务企业。")))
    monkeypatch.setenv("RAG_CHECK_ABLATE", "opening_place")
    assert "青元区" not in own_places(_claim("青元区聚集了86家会展服务企业。"))


@pytest.mark.parametrize("claim", ["柳塘村的民宿户均年增收1.6万元", "东平区聚集了86家会展服务企业", "2025年，鹿鸣市共接待研学旅游团队4.2万个"])
def test_the_claims_own_place_and_time_still_agree(page_assistant, claim):
    assert page_assistant.check(claim).verdict == "supported", claim


def test_a_neighbour_named_before_the_whole_is_not_whose_the_figure_is():
    from rag.check.agreement import _neighbour
    assert _neighbour("该区紧邻城北区，全区今年新建口袋公园", "城北区")
    assert _neighbour("河东区与城北区交界，全区今年新建口袋公园", "城北区")
    assert not _neighbour("城北区今年新建口袋公园", "城北区")
    assert not _neighbour("河东区和城北区分别新建口袋公园", "城北区")
