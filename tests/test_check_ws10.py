"""Fact checking, helper "ws10" (issue 10, rag.check.agreement): before a claim is 一致, the claim's own words bound to the
found figure or name must be the article's — what the figure counts, whose and when it is, a target or a result, the
places listed with a name, the number of a name's own item, a compass heading. Tested on pages written for these tests
(tests/data/ws10/), not on evaluation pages; each wrong claim is 一致 with its part switched off."""
from __future__ import annotations

import pytest

from conftest import claim_verdicts, page_assistant_over


page_assistant = page_assistant_over("ws10")


# (claim, the part that reads it, the verdict, the article's value where it is 不一致)
WRONG = [
    # the article's 40名 are 乡镇卫生院护士, not 乡村护士 (乡村医生 are said in its next clause)
    ("松岭县今年将选派40名乡村护士到县人民医院进修", "agree_counted", "not_found", None),
    # 1.5万人次 are 游客和村民; 外地 游客 are said only in a quote before
    ("白石村乡村书院开放以来接待外地游客超过9000人次", "agree_object", "not_found", None),
    # 全苏木's figure is not 全旗's
    ("乌兰旗全旗今年落实草原生态保护补助奖励资金860万元", "agree_scope", "not_found", None),
    # 全区 of "北关区把…。截至6月底，全区建成…" is 北关区, whatever the lead names besides
    ("其中南关区建成社区食堂85个", "agree_place", "not_found", None),
    # the article compares with 2020
    ("与2021年相比，松岭县森林覆盖率提高了2.7个百分点", "agree_year", "not_found", None),
    # 超五十亿元 is a target for 2027 (力争), not a result of 前三季度
    ("松岭县农产品加工企业前三季度产值超过50亿元", "agree_target", "not_found", None),
    # 120家 are the homes that signed with a hospital, not all of them
    ("全县共有养老机构120家", "agree_that", "not_found", None),
    # 1980处 of 2150处 were put right, not all
    ("松岭县共发现安全隐患2150处，目前已全部整改", "agree_all_done", "contradicted", "1980处"),
    # 湖州 is listed with 绍兴, not with 衢州 (named elsewhere in the article)
    ("湖州、衢州两市被列入省级未来社区建设试点城市", "agree_list", "contradicted", "绍兴"),
    # 西湖站's item says 3号线; 1号线 is another station's
    ("乘客可在西湖站换乘1号线", "agree_item", "contradicted", "3号线"),
    # the line runs north
    ("5号线二期拟由南湖站向南延伸至高新区", "agree_heading", "contradicted", "向北"),
]


@pytest.mark.parametrize("claim, part, verdict, found", WRONG, ids=[w[1] for w in WRONG])
def test_a_claim_word_not_bound_to_the_figure_is_no_agreement(page_assistant, claim, part, verdict, found):
    report = page_assistant.check(claim)
    assert report.verdict == verdict, claim_verdicts(report)
    if found is not None:
        assert found in [c.found for c in report.claims], claim_verdicts(report)
        assert all(c.reason and "资料写的是" in c.reason for c in report.claims if c.verdict == "contradicted")


@pytest.mark.parametrize("claim, part, verdict, found", WRONG, ids=[w[1] for w in WRONG])
def test_each_part_has_its_switch(page_assistant, monkeypatch, claim, part, verdict, found):
    monkeypatch.setenv("RAG_CHECK_ABLATE", f"{part},binding")  # (rag.check.binding reads 北关区's 85个 too)
    report = page_assistant.check(claim)
    assert report.verdict == "supported", claim_verdicts(report)


def test_the_switch_turns_all_parts_off(page_assistant, monkeypatch):
    monkeypatch.setenv("RAG_CHECK_ABLATE", "agreement,binding")
    for claim, *_ in WRONG:
        assert page_assistant.check(claim).verdict == "supported", claim


@pytest.mark.parametrize("claim", [
    "松岭县今年将选派40名乡镇卫生院护士到县人民医院进修",
    "白石村乡村书院开放以来累计接待游客和村民1.5万人次",
    "巴彦苏木全苏木今年落实草原生态保护补助奖励资金860万元",
    "北关区建成社区食堂85个",
    "与2020年相比，松岭县森林覆盖率提高了2.7个百分点",
    "松岭县力争到2027年培育产值超五十亿元的农产品加工企业5家",
    "全县已有120家养老机构与周边医院签订合作协议",
    "松岭县共发现安全隐患2150处，目前已整改1980处",
    "湖州、绍兴两市被列入省级未来社区建设试点城市",
    "乘客可在西湖站换乘3号线",
    "5号线二期拟由南湖站向北延伸至高新区",
])
def test_the_article_words_said_are_supported(page_assistant, claim):
    report = page_assistant.check(claim)
    assert report.verdict == "supported", claim_verdicts(report)
