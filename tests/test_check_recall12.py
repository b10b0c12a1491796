"""Figures left 未找到 (issue 10, recall): the start and end of a change told with their periods ("由2022年的28家增加到
57家"), whose start is a level of its own period and whose end is not of that period; a clause
naming its own measure ("集装箱吞吐量完成…") takes none from a parallel clause. Sentences written for these tests
(tests/data/recall12), not taken from the gold claims."""
from __future__ import annotations

import pytest

from conftest import claim_verdicts, page_assistant_over
from rag.check.candidates import _own_periods, _period_kind


page_assistant = page_assistant_over("recall12")


def test_the_end_of_a_change_is_not_of_its_start_period():
    assert _own_periods("园区内新材料企业由2022年的") == ("2022",)  # the start: 2022's
    assert _own_periods("园区内新材料企业由2022年的28家增加到") == ("2022+",)  # the end: some time after 2022
    assert _own_periods("营业收入由2023年的8.4亿元增加到2025年的") == ("2025",)  # the end tells its own year
    assert _own_periods("2025年，床位从一季度的520张增加至") == ("2025", "Q1+")  # the year before the change still holds
    assert _own_periods("从2022年到2024年，营业收入增长到") == ("2022", "2024")  # a span, no figure at its start: as before
    assert _period_kind("2022+") == "year" and _period_kind("Q1+") == "Q"


@pytest.mark.parametrize("claim", [
    "2022年园区内新材料企业有28家。",
    "2025年老城片区商户营业收入达到12.7亿元。",
    "2024年底，全市社区养老服务站有132个。",
    "2025年青禾港域集装箱吞吐量同比增长13.4%。",
    "2025年青禾港域集装箱吞吐量约236.8万标箱。",
    "园区内新材料企业已从2022年的28家增加到57家。",  # the claim's 57家 ends its change as the article's does
])
def test_a_true_claim_is_found(page_assistant, claim):
    report = page_assistant.check(claim)
    assert report.verdict == "supported", claim_verdicts(report)


@pytest.mark.parametrize("claim, found", [
    ("2022年园区内新材料企业就已有57家。", "28家"),  # 57家 is the end of the change, after 2022
    ("2025年老城片区商户营业收入达到8.4亿元。", "12.7亿元"),
    ("老城片区商户营业收入2025年达到17.2亿元。", "12.7亿元"),
    ("2024年底，全市社区养老服务站已有181个。", "132个"),  # 181个 is 2025's
])
def test_a_wrong_figure_is_contradicted(page_assistant, claim, found):
    report = page_assistant.check(claim)
    assert report.verdict == "contradicted", claim_verdicts(report)
    assert report.claims[0].found == found, claim_verdicts(report)


def test_a_change_is_not_contradicted_by_its_start_level(page_assistant):
    # "增加了49个" is how many more: the article's 132个 is where the change started, not a change
    report = page_assistant.check("2025年全市社区养老服务站增加了49个。")
    assert report.verdict != "contradicted", claim_verdicts(report)


def test_a_clause_that_names_its_measure_takes_none_from_a_parallel_one():
    from rag.check.candidates import _paragraph_figures

    labels = {f.written: label for f, label, *_ in _paragraph_figures(
        "2025年，青禾港域完成货物吞吐量3.46亿吨，同比增长4.1%；集装箱吞吐量完成236.8万标箱。"
        "北湾港区完成集装箱吞吐量86.4万标箱；南岭港区完成52.7万标箱。")}
    assert "货物" not in labels["236.8万标箱"]  # 集装箱吞吐量 is its own measure
    assert "集装箱吞吐量" in labels["52.7万标箱"]  # 南岭港区 tells only its verb: the parallel clause's measure
