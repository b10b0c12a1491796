"""Fact-check readings of the twenty-second session's supported-recall helper, on a page written for these tests
(tests/data/supp22): true claims the checker left 未找到 because the article says them in other words of Chinese news.

- ``compared_by`` (rag.check.measure): how much more than a base, said by the verb right before the figure: "比上年末新增了17家"
  and "超出计划3个" are rises, and the verb ("比上个供暖季多了", "超出计划") is no word of what is measured.
- ``compared_base`` (rag.check.candidates): a clause opening with 比/较 and naming its base ("比2024年的4.12万人增加2400人")
  compares the sentence's figure of that unit, not the share told just before it ("完成年度目标4万人的109.0%").
- ``change_start`` / ``end_year`` (rag.check.candidates, rag.check.scoring): the start of a change told of its own year is that
  year's ("截至2025年底，…由2020年的61.2%"), and its end is told by a claim naming a later year ("增加到2025年的57个").
- ``qualifier_le`` (rag.check.figures): "超过了36万人次" is more than 36万人次, as "超过36万人次" is.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import assistant_over, checked_without, claim_verdicts
from rag.check.candidates import _paragraph_figures
from rag.check.figures import LOWER, find_figures
from rag.check.measure import direction, measure_words

PAGE = Path(__file__).parent / "data" / "supp22"


@pytest.fixture(scope="module")
def page_assistant(tmp_path_factory):
    return assistant_over(PAGE, tmp_path_factory, "supp22-index")


def test_comparison_verbs_are_directions_not_measure_words():
    assert direction("比上年末新增了 ") == "up" and direction("超出计划 ，") == "up"
    assert "超出" not in measure_words("超出计划 ；") and "计划" in measure_words("超出计划 ；")
    assert not any("多了" in w for w in measure_words("集中供热面积比上个供暖季多了 "))
    # a share of a whole keeps its words and states no change: "超过计划的 " (the 超过 of a qualifier, "超过计划的九成")
    assert direction("超过计划的 ") is None and "超过" in measure_words("超过计划的 ")
    assert direction("新增就业 ") is None  # 新增 alone is a level


def test_a_compared_base_measures_the_sentence_figure_of_its_unit():
    text = "2025年全市城镇新增就业4.36万人，完成年度目标4万人的109.0%，比2024年的4.12万人增加2400人；城镇登记失业率为2.9%。"
    labels = {row[0].written: row[1] for row in _paragraph_figures(text)}
    assert "新增就业" in labels["2400人"] and "目标" not in labels["2400人"]
    # "同比增长" names no base: the change is of the figure right before it
    labels = {row[0].written: row[1] for row in _paragraph_figures("全市接待游客312万人次，同比增长14.6%，实现旅游收入35.8亿元，同比增长16.2%。")}
    assert "旅游收入" in labels["16.2%"]


def test_a_qualifier_before_le_qualifies_the_figure():
    [figure] = find_figures("累计观看超过了36万人次")
    assert figure.qualifier == LOWER and figure.written == "36万人次"


@pytest.mark.parametrize("claim, switch", [
    ("2025年全市城镇新增就业比上年多出2400人。", "completed_target"),
    ("全市规模以上纺织企业比上年末新增了17家。", "compared_by"),
    ("今年全市实际建成的标准化菜市场比计划多出3个。", "compared_by"),
    ("全市集中供热面积比上个供暖季多了96万平方米。", None),
    ("全市城市公园数量由2023年的48个增加到2025年的57个。", "end_year"),
    ("全市森林覆盖率已由2020年的61.2%提高到64.8%。", None),
    ("全市网上年货节累计观看超过了35万人次。", "qualifier_le"),
])
def test_true_claims_said_in_other_words_are_confirmed(page_assistant, monkeypatch, claim, switch):
    report = page_assistant.check(claim)
    assert report.verdict == "supported", claim_verdicts(report)
    if switch:
        assert checked_without(page_assistant, claim, switch, monkeypatch).verdict != "supported"


def test_the_start_of_a_change_is_of_its_own_year(monkeypatch):
    text = "截至2025年底，全市森林覆盖率由2020年的61.2%提高到64.8%。"
    periods = {row[0].written: row[5] for row in _paragraph_figures(text)}
    assert "2025" not in periods["61.2%"] and "2020" in periods["61.2%"]
    monkeypatch.setenv("RAG_CHECK_ABLATE", "change_start")
    periods = {row[0].written: row[5] for row in _paragraph_figures(text + " ")}  # (another text: not the cached reading)
    assert "2025" in periods["61.2%"]


def test_a_compared_base_without_the_switch_takes_the_share_before_it(monkeypatch):
    text = "2025年全市城镇新增就业4.36万人，完成年度目标4万人的109.0%，比2024年的4.12万人增加2400人；城镇登记失业率为2.9%。"
    monkeypatch.setenv("RAG_CHECK_ABLATE", "compared_base")
    labels = {row[0].written: row[1] for row in _paragraph_figures(text + " ")}
    assert "目标" in labels["2400人"]


@pytest.mark.parametrize("claim", [
    "2025年全市城镇新增就业比上年多出3400人。",
    "全市规模以上纺织企业比上年末新增了27家。",
    "全市集中供热面积比上个供暖季多了69万平方米。",
    "全市城市公园数量由2023年的48个增加到2025年的75个。",
])
def test_the_same_readings_still_contradict_a_wrong_figure(page_assistant, claim):
    report = page_assistant.check(claim)
    assert report.verdict != "supported", claim_verdicts(report)


def test_a_qualifier_before_le_is_not_confirmed_above_the_article(page_assistant):
    report = page_assistant.check("全市网上年货节累计观看超过了50万人次。")
    assert report.verdict != "supported", claim_verdicts(report)
