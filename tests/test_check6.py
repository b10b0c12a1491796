"""Fact checking, sixth round (helper "check6"): general readings asked for by unseen pages, each tested on a page written
for these tests (tests/data/check6/), not on the evaluation pages."""
from __future__ import annotations

import os

import pytest

from conftest import page_assistant_over

from rag.check.claims import find_claims, places_in, referents_of
from rag.check.figures import find_figures


page_assistant = page_assistant_over("check6")


def _read(text):
    return [(f.written, f.kind, f.value if f.kind == "date" else str(f.value), f.unit) for f in find_figures(text)]


@pytest.mark.parametrize("text, figures", [
    ("期限最长可达30年", [("30年", "figure", "30", "年")]),  # a duration in years is a quantity
    ("已有70多年历史", [("70多年", "figure", "70", "年")]),
    ("连续2年未发生拖欠", []),  # a time frame, not a figure stated
    ("前2年内", []),
    ("近5年来", []),
    ("80年代", []),
    ("1850年", []),  # a year
    ("于10月10日至18日举办", [("10月10日", "date", (None, 10, 10), ""), ("18日", "date", (None, 10, 18), "")]),  # a range's end
    ("2024年5月1日-3日", [("2024年5月1日", "date", (2024, 5, 1), ""), ("3日", "date", (2024, 5, 3), "")]),
    ("26日上午", []),  # a bare day alone still says too little
    ("获得金牌158枚", [("158枚", "figure", "158", "枚")]),
    ("支出1400余万元", [("1400余万元", "figure", "14000000", "元")]),  # 余 before the scale
])
def test_figures_read(text, figures):
    assert _read(text) == figures


def test_places_of_one_rank():
    from rag.check.scoring import _same_level

    assert _same_level("柳河镇", "杜集乡") and _same_level("奎文区", "诸城市") and _same_level("城中区", "湟中县")
    assert not _same_level("东坡镇", "临水县") and not _same_level("临水县", "江北省")


def test_measure_nouns_are_no_places():
    assert places_in("居民满意度达到96.5%，印度，西宁市") == ("印度", "西宁市")


def test_a_title_name_runs_to_its_verb():
    claims, _ = find_claims("县农业农村局局长韩立强介绍，全县小麦收购网点已达28个。")
    assert [c.stated for c in claims if c.kind == "name"] == ["韩立强"]  # not 韩立 before the 强 of 强调


def test_pointer_by_its_head_character():
    text = "东坡镇晨光艺术社选送的《麦浪》获得金奖。该社团还获得了“优秀参展团体”称号。"
    assert referents_of(text, text.find("。") + 1, len(text)) == ("东坡镇晨光艺术社",)  # 社 of 社团
    text = "临水县小麦丰收。该县城镇新增就业568人。"
    assert referents_of(text, text.find("。") + 1, len(text)) == ()  # 该县 is a place, carried as one


@pytest.mark.parametrize("claim, verdict, found", [
    # a duration and a range's end are checked, not left 一致 on the sentence's place
    ("贷款期限最长可达20年。", "contradicted", "15年"),
    ("贷款期限最长可达15年。", "supported", None),
    ("第三届临水麦收文化节于6月3日至10日在临水县举办。", "contradicted", None),
    ("第三届临水麦收文化节于6月3日至8日在临水县举办。", "supported", None),
    # places of one rank: a 乡's figure is not a 镇's
    ("白石乡种植小麦4.2万亩。", "contradicted", "3.1万亩"),
    ("东坡镇今年种植小麦4.2万亩。", "supported", None),
    # the claim's action must be the article's for that figure
    ("临水县上半年已到位中央财政补助资金2.4亿元。", "not_found", None),
    ("临水县上半年争取中央财政补助资金2.4亿元。", "supported", None),
    # a scope qualifying what is counted
    ("本届文化节创下3项省级纪录。", "contradicted", "县级纪录"),
    ("本届文化节创下3项县级纪录。", "supported", None),
    # a place claim in the clause of its own event
    ("闭幕式在县文化广场举行。", "contradicted", "县体育馆"),
    ("闭幕式在县体育馆举行。", "supported", None),
    ("文化节6月8日开幕。", "not_found", None),  # 6月8日 is the 闭幕's date
    # what a figure counts is named before it, whatever follows it
    ("临水县共获得金奖14枚、奖项总数63枚。", "contradicted", "36枚"),
    # a target's clause inherits its sentence's 计划
    ("今年全县计划新建高标准农田12万亩，惠及农户6.3万户。", "contradicted", "3.6万户"),
    # a pointer's name must be the article sentence's
    ("东坡镇晨光艺术社选送的《麦浪》获得金奖。该社团还获得了“优秀参展团体”称号。", "not_found", None),
    ("县农业农村局局长韩立强介绍，全县小麦收购网点已达28个。", "contradicted", "韩立新"),
    # a measure noun said short ("总产" for "总产量")
    ("临水县今年小麦总产17.6万吨。", "supported", None),
    ("临水县今年小麦总产16.7万吨。", "contradicted", "17.6万吨"),
    # a part picked out after the figure ("其中江北县…") is not whose figure it is
    ("江北县的800余名演员参演了本届文化节。", "not_found", None),
])
def test_check6_readings(page_assistant, claim, verdict, found):
    report = page_assistant.check(claim)
    assert report.verdict == verdict, [(c.text, c.verdict, c.found, c.reason) for c in report.claims]
    if found:
        assert found in [c.found for c in report.claims if c.verdict == "contradicted"]


@pytest.mark.parametrize("ingredient, claim, verdict", [
    ("action", "临水县上半年已到位中央财政补助资金2.4亿元。", "supported"),
    ("scope_name,whole_claim,agreement", "本届文化节创下3项省级纪录。", "supported"),  # whole_claim and agreement read the other scope too
    ("measure_short", "临水县今年小麦总产17.6万吨。", "not_found"),
    ("referent_head", "东坡镇晨光艺术社选送的《麦浪》获得金奖。该社团还获得了“优秀参展团体”称号。", "supported"),
])
def test_readings_can_be_switched_off(page_assistant, monkeypatch, ingredient, claim, verdict):
    """RAG_CHECK_ABLATE names each reading; without it the old (wrong) verdict comes back, so the tests above test the reading."""
    monkeypatch.setenv("RAG_CHECK_ABLATE", ingredient)
    assert page_assistant.check(claim).verdict == verdict


@pytest.mark.parametrize("text", ["临水县小麦种植面积" + "1" * 30 + "亩。", "临水县小麦种植面积" + "1234567890" * 4 + "亩。"])
def test_a_number_too_long_to_be_a_figure_is_not_found_and_says_so(page_assistant, text):
    """Runs of 25–40 digits pass the draft check (rag.validation refuses longer ones) but are no figure of news text."""
    report = page_assistant.check(text)
    assert report.verdict == "not_found"
    assert [c.verdict for c in report.claims] == ["not_found"]
    assert "太长" in report.claims[0].reason and "位" in report.claims[0].reason


def test_a_long_number_beside_a_figure_leaves_the_figure_checked(page_assistant):
    report = page_assistant.check("临水县小麦种植面积" + "9" * 30 + "亩，东坡镇今年种植小麦4.2万亩。")
    assert [c.verdict for c in report.claims] == ["not_found", "supported"]
