"""Figures left 未找到 (issue 10, recall): the size of a change told by its start and end ("由68.4%提高到75.9%" is a rise of
7.5个百分点), the end of a change whose year the claim leaves unsaid ("由2021年的41%提高到63%"), "比上年多打了9.6公斤" as a rise,
a change not outweighed by a closer level, 吉瓦时 and 吉瓦 as units, 已有/现有 as no measure, "1至6月" as 上半年. Sentences written for these
tests (tests/data/recall13), not taken from the gold claims."""
from __future__ import annotations

import pytest

from conftest import claim_verdicts, page_assistant_over
from rag.check.claims import periods_in
from rag.check.figures import find_figures
from rag.check.measure import direction, measure_words


page_assistant = page_assistant_over("recall13")


def test_gigawatt_units():
    figures = find_figures("储能电站累计放电量达到18.6吉瓦时，光伏装机规模达到2.4吉瓦，另有3.5兆瓦时")
    assert [(f.written, f.unit) for f in figures] == [("18.6吉瓦时", "吉瓦时"), ("2.4吉瓦", "吉瓦"), ("3.5兆瓦时", "兆瓦时")]


def test_more_than_a_year_before_is_a_rise():
    assert direction("今年小麦平均亩产 ，比上年多打了 ") == "up"
    assert direction("全年用水 ，较去年少用了 ") == "down"
    assert direction("全村现有 ") is None  # no comparison: no direction
    assert direction("许多人了 ") is None


def test_months_from_january_to_a_quarter_end_are_that_period():
    assert periods_in("今年1至6月，全市") == ("H1",)
    assert periods_in("1月至9月，全市") == ("Q1-3",)
    assert periods_in("一至三月，全市") == ("Q1",)
    assert periods_in("1至8月，全市") == ("M8",)  # no named period ends in August
    assert periods_in("截至6月底") == ("M6",)


def test_having_says_no_measure():
    assert "已有" not in measure_words("全市并网的新能源装机已有 ")
    assert "现有" not in measure_words("全县现有 玩具生产企业")


@pytest.mark.parametrize("claim", [
    "上半年岚溪城镇污水处理厂平均运行负荷率提高了7.5个百分点。",  # 75.9% − 68.4%
    "岚溪市农村生活污水治理率已由2021年的41%提高到63%。",  # 63% is some year after 2021's: the article's 2025
    "今年岚溪市小麦平均亩产比上年多打了9.6公斤。",  # a rise, not outweighed by the farmer's 473公斤 (a level)
    "截至2025年底，岚溪市储能电站累计放电量达到18.6吉瓦时。",
    "岚溪丰田农机有限公司上半年生产轮式拖拉机1860台。",  # 上半年 is the article's 1至6月
])
def test_a_true_claim_is_found(page_assistant, claim):
    report = page_assistant.check(claim)
    assert report.verdict == "supported", claim_verdicts(report)


@pytest.mark.parametrize("claim", [
    "上半年岚溪城镇污水处理厂平均运行负荷率提高了9.5个百分点。",
    "截至2025年底，岚溪市储能电站累计放电量达到16.8吉瓦时。",
    "岚溪丰田农机有限公司上半年生产轮式拖拉机1860台，同比增长21.4%。",
])
def test_a_wrong_figure_is_contradicted(page_assistant, claim):
    report = page_assistant.check(claim)
    assert report.verdict == "contradicted", claim_verdicts(report)


def test_a_start_year_is_not_the_end(page_assistant):
    # 63% is 2025's: a claim giving it to 2021 (the start's year) is not confirmed
    report = page_assistant.check("2021年岚溪市农村生活污水治理率为63%。")
    assert report.verdict != "supported", claim_verdicts(report)


def test_a_fall_is_not_the_size_of_a_rise(page_assistant):
    report = page_assistant.check("上半年岚溪城镇污水处理厂平均运行负荷率下降了7.5个百分点。")
    assert report.verdict != "supported", claim_verdicts(report)
