"""True claims that were left 未找到 (issue 10, recall): a county named by its name alone beside 全县, an article that
names a measure without 额/量, a figure beside one of another unit that its clause names better.
Sentences written for these tests (tests/data/recall10), not taken from the gold claims."""
from __future__ import annotations

import pytest

from conftest import claim_verdicts, page_assistant_over
from rag.check.measure import measure_words
from rag.check.scoring import short_place_in


page_assistant = page_assistant_over("recall10")


def test_a_county_is_named_by_its_name_alone_beside_its_whole():
    assert short_place_in("岚水县", "岚水地处山区，全县公路里程超过1900公里")
    assert short_place_in("岚水县", "记者从岚水土家族自治县应急管理局获悉")
    assert not short_place_in("岚水县", "岚水镇地处山区，全县公路里程")  # a town of that name is no county
    assert not short_place_in("岚水县", "岚水地处山区，公路里程")  # nothing says the article speaks of a county
    assert not short_place_in("岚水区", "岚水地处山区，全县公路里程")  # 全县 is not a district's whole
    assert not short_place_in("岚水县", "岚水市地处山区，全县")


def test_a_total_is_another_measure_than_what_is_new():
    assert measure_words("规模化养殖场总数达到 ") != measure_words("规模化养殖场新增 ")  # 总数 tells a total from what is new


@pytest.mark.parametrize("claim", [
    "岚水县现有专职消防队员174名。",  # the county is 岚水 and 全县 in the article
    "岚水县前三季度进口额为17.4亿元。",  # the article's 进口 is the claim's 进口额
])
def test_a_true_claim_is_found(page_assistant, claim):
    report = page_assistant.check(claim)
    assert report.verdict == "supported", claim_verdicts(report)


@pytest.mark.parametrize("claim, found", [
    ("岚水县现有专职消防队员147名。", "174名"),
    ("岚水县前三季度进口额为14.7亿元。", "17.4亿元"),
    ("岚水县的规模化养殖场总数达到36家。", "38家"),
])
def test_a_wrong_figure_is_contradicted(page_assistant, claim, found):
    report = page_assistant.check(claim)
    assert report.verdict == "contradicted", claim_verdicts(report)
    assert found in [c.found for c in report.claims], claim_verdicts(report)


@pytest.mark.parametrize("claim", [
    "岚水县现有专职消防队员96名。",  # 96 are the power company's repair crew
    "县电力公司的应急抢修队伍配了96辆抢修车。",  # 96人, not 96辆
    "鹤川县现有专职消防队员174名。",  # another county the article does not name
    "岚水县今年新建和改扩建规模化养殖场38家。",  # 38家 is the total, 6家 are new
    "岚水县前三季度出口额超过45亿元。",  # 58.6亿元 are 进出口总值: "出口" inside it names no export figure
])
def test_a_wrong_claim_is_not_supported(page_assistant, claim):
    report = page_assistant.check(claim)
    assert report.verdict != "supported", claim_verdicts(report)


@pytest.mark.parametrize("ingredient, claim", [
    ("short_place", "岚水县现有专职消防队员174名。"),
    ("measure_stem", "岚水县前三季度进口额为17.4亿元。"),
])
def test_each_reading_has_its_switch(page_assistant, monkeypatch, ingredient, claim):
    monkeypatch.setenv("RAG_CHECK_ABLATE", ingredient)
    assert page_assistant.check(claim).verdict != "supported"
