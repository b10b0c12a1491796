"""Claims whose article paragraph is found but whose measure was not read as the article's (issue 10): "前10个月" is the
period the figures cover, not a figure; the second figure of "从A扩大到B" / "比上年多了N" measures what the first does,
and a figure after a clause that names its measure ("产量略有下滑，降幅为2.3%") measures that; "降到" is a direction
word; a port's district ("石湖港区") is a place. Sentences written for these tests (tests/data/align11)."""
from __future__ import annotations

import pytest

from conftest import claim_verdicts, page_assistant_over
from rag.check import find_claims
from rag.check.claims import places_in
from rag.check.measure import direction, measure_words


page_assistant = page_assistant_over("align11")


def _figure_claims(text):
    return [c for c in find_claims(text)[0] if c.kind == "figure"]


def test_months_before_a_figure_are_its_period_not_a_claim():
    claims = _figure_claims("今年前10个月，青溪县实现外贸进出口总值86.4亿元。")
    assert [c.stated for c in claims] == ["86.4亿元"]
    assert claims[0].co_figures == ()  # nor a figure its clause must have beside it
    assert [c.stated for c in _figure_claims("该项目建设用了8个月。")] == ["8个月"]  # a span of months is a figure


def test_the_second_figure_of_a_change_measures_what_the_first_does():
    first, second = _figure_claims("居民户均居住面积从42平方米扩大到了57平方米。")
    assert "居住面积" in measure_words(second.label)
    _, more = _figure_claims("湿地观测到的候鸟有312种，比前一年多了27种。")
    assert "候鸟" in measure_words(more.label)
    (fall,) = _figure_claims("全县茶叶产量略有下滑，降幅为2.3%。")
    assert "茶叶" in measure_words(fall.label) and direction(fall.label) == "down"


def test_a_level_reached_downwards_is_a_direction():
    assert direction("大班额从 降到了") == "down"
    assert "降到" not in measure_words("大班额从 降到了")


def test_a_port_district_is_a_place_and_a_season_is_no_place():
    assert places_in("分港区看，石湖港区完成集装箱吞吐量") == ("石湖港区",)
    assert places_in("本赛季村超共举办比赛") == ()


@pytest.mark.parametrize("claim", [
    "前10个月，青溪县外贸进出口总值86.4亿元。",
    "青溪县居民户均居住面积从42平方米扩大到了57平方米。",
    "青溪湿地观测到的候鸟达到312种，比上年多了27种。",
])
def test_a_true_claim_is_found(page_assistant, claim):
    report = page_assistant.check(claim)
    assert report.verdict == "supported", claim_verdicts(report)


@pytest.mark.parametrize("claim, found", [
    ("青溪县前10个月外贸进出口总值68.4亿元。", "86.4亿元"),
    ("青溪县居民户均居住面积从42平方米扩大到了75平方米。", "57平方米"),
])
def test_a_wrong_figure_is_contradicted(page_assistant, claim, found):
    report = page_assistant.check(claim)
    assert report.verdict == "contradicted", claim_verdicts(report)
    assert found in [c.found for c in report.claims], claim_verdicts(report)


def test_an_article_figure_of_a_change_measures_what_its_sentence_named_before():
    from rag.check.candidates import _paragraph_figures

    labels = {f[0].written: f[1] for f in _paragraph_figures("上半年湿地生态补水1.2亿立方米，比去年同期多补0.35亿立方米。")}
    assert "补水" in measure_words(labels["0.35亿立方米"])  # "比去年同期多补" names no measure of its own


def test_a_ranking_lead_is_no_measure_of_the_figure():
    (ranked,) = _figure_claims("在各类诉求中，物业服务类诉求最多，达41.7万件。")
    assert "物业" not in ranked.label  # 最多 is a claim of its own: the figure alone does not tell it


def test_a_level_at_another_time_keeps_its_own_label():
    from rag.check.candidates import _paragraph_figures

    labels = {f[0].written: f[1] for f in _paragraph_figures("全县茶园面积6.2万亩，年底达到6.5万亩。")}
    assert "茶园" not in labels["6.5万亩"]  # "年底达到" tells no change of the measure before it
