"""Fact checking, issue 10 fifth round (helper "check5"): readings found on news pages the checker had never seen.
The page checked here (tests/data/check_round5/) and its sentences were written for these tests."""
from __future__ import annotations

import pytest

from conftest import contradicted, page_assistant_over

from rag.check import ablation
from rag.check.candidates import respective_items
from rag.check.claims import find_claims, places_in
from rag.check.figures import find_figures
from rag.check.scoring import _part_of_scope


page_assistant = page_assistant_over("check_round5")


def test_figures_after_fenbie_measure_their_own_item():
    text = "全县用电量、货运量同比分别增长6.4%和11.7%。"
    figures = find_figures(text)
    items = respective_items(text, 0, figures, [])
    assert [items[i][1] for i in sorted(items)] == [0, 1]
    assert items[0][0] == (("用电量",), ("货运量",)) or items[0][0][1] == ("货运量",)


@pytest.mark.parametrize("claim, verdict, found", [
    ("一季度云溪县货运量同比增长6.4%。", "contradicted", "11.7%"),  # 6.4% is 用电量's
    ("一季度云溪县货运量同比增长11.7%。", "supported", None),
    ("一季度云溪县旅游收入增长15.2%。", "contradicted", "18.6%"),  # 分别 after two figures: 15.2% is the visitors'
])
def test_respective_figures(page_assistant, claim, verdict, found):
    report = page_assistant.check(claim)
    assert report.verdict == verdict
    if found:
        assert [f for f, _ in contradicted(report)] == [found]


def test_respective_can_be_switched_off(page_assistant, monkeypatch):
    from rag.check.candidates import _paragraph_figures

    monkeypatch.setenv("RAG_CHECK_ABLATE", "respective")
    assert not ablation.ingredient_on("respective")
    _paragraph_figures.cache_clear()  # the paragraphs' figures are read once per text
    try:
        assert page_assistant.check("一季度云溪县货运量同比增长6.4%。").verdict != "contradicted"
    finally:
        monkeypatch.delenv("RAG_CHECK_ABLATE")
        _paragraph_figures.cache_clear()


def test_a_part_does_not_confirm_the_whole(page_assistant):
    # "固定资产投资46.8亿元，同比增长9.3%…其中，工业投资完成18.2亿元，同比增长5.1%"
    report = page_assistant.check("一季度云溪县完成固定资产投资46.8亿元，同比增长5.1%。")
    assert report.verdict == "contradicted"
    assert ("9.3%", "数值") in contradicted(report)
    assert page_assistant.check("一季度云溪县完成固定资产投资46.8亿元，同比增长9.3%。").verdict == "supported"


def test_a_grade_in_letters_and_digits_is_a_name(page_assistant):
    report = page_assistant.check("2025年云溪县新增国家4A级旅游景区2家。")
    assert contradicted(report) == [("3A级", "名称")]
    assert page_assistant.check("2025年云溪县新增国家3A级旅游景区2家。").verdict == "supported"


def test_a_whole_is_not_told_by_a_smaller_place():
    assert _part_of_scope(("江西",), ("南昌市",))
    assert _part_of_scope(("全省",), ("白石镇",))
    # a county against a town the claim does not name: the town's figure is a part's (review6 #16, ``scope_rank``)
    assert _part_of_scope(("云溪县",), ("白石镇",))
    assert not _part_of_scope(("云溪县",), ("各乡镇",))  # every town is the whole again
    assert not _part_of_scope(("江西",), ("江西",))


def test_a_year_is_not_told_by_a_quarter(page_assistant):
    # "一季度，全县新建农村公路58公里，完成年度目标任务240公里的24%": 240 is a target, 58 a quarter's
    assert page_assistant.check("2025年云溪县新建农村公路240公里。").verdict != "contradicted"
    assert page_assistant.check("一季度云溪县新建农村公路58公里。").verdict == "supported"


def test_a_date_after_yu_is_a_claim_beside_figures(page_assistant):
    claims, _ = find_claims("全长22公里的快速通道于3月18日建成通车。")
    assert [c.kind for c in claims] == ["figure", "date"]
    report = page_assistant.check("云溪县“美丽河湖”行动于2020年启动。")
    assert contradicted(report) == [("2022年", "时间")]


def test_a_clause_leaning_on_the_measure_before(page_assistant):
    report = page_assistant.check("去年，云溪县安排水利建设资金2600万元，比上年减少8%。")
    assert contradicted(report) == [("增加8%", "方向")]


def test_who_is_said_before_the_figure(page_assistant):
    # "总投资约35亿元" is the new projects' total; the road is named only in the next sentence
    assert page_assistant.check("云溪至白石快速通道总投资约35亿元。").verdict != "supported"


def test_a_pointer_stands_for_the_name_before(page_assistant):
    claims, _ = find_claims("云溪县第一人民医院2023年6月通过复评。这家医院始建于1962年。")
    assert claims[-1].referents == ("云溪县第一人民医院",)
    report = page_assistant.check("云溪县第一人民医院2023年6月通过二级甲等医院复评。这家医院始建于1962年。")
    assert ("1949年", "时间") in contradicted(report)
    assert page_assistant.check("云溪县第一人民医院2023年6月通过二级甲等医院复评。这家医院始建于1949年。").verdict == "supported"


def test_places():
    assert "保定市" in places_in("试点单位包括河北省保定市")  # a place's suffix right after a place
    assert places_in("今年县财政安排资金") == ()  # 今年 is when, not a place's name
    assert places_in("哈拉直沟乡") == ("哈拉直沟乡",)
