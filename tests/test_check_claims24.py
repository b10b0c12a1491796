"""Session 20, helper claims24: a place jieba cuts after its first character, and list items naming only their place."""
from rag.check.candidates import _paragraph_figures
from rag.check.claims import places_in
from rag.check.parallel_measure import elided_measure


def _labels(text: str) -> dict[str, str]:
    return {figure.written: label for figure, label, *_ in _paragraph_figures(text)}


def test_a_place_cut_after_its_first_character_is_read_whole():
    # jieba cuts 揭东区 as 揭 (a morpheme) + 东区 (a dictionary place)
    assert places_in("揭东区去年金属产业产值同比增长") == ("揭东区",)
    # a word of its own before the place stays apart
    assert places_in("在东区") == ("东区",)


def test_the_first_character_switch(monkeypatch):
    monkeypatch.setenv("RAG_CHECK_ABLATE", "stranded_first")
    places_in.cache_clear()  # (a text's places are read once)
    try:
        assert places_in("揭东区去年金属产业产值同比增长") == ("东区",)
    finally:
        places_in.cache_clear()


def test_a_list_item_naming_only_its_place_takes_the_measure_of_the_first():
    labels = _labels("分县（市、区）看，惠来县进出口218.9亿元，增长4.2%，总量居全市首位；普宁市121.3亿元，增长9.4%；揭东区108.5亿元，增长7.9%。")
    assert "进出口" in labels["121.3亿元"] and "普宁市" in labels["121.3亿元"]
    assert "进出口" in labels["9.4%"]
    labels = _labels("今年1—11月，榕城区城镇新增就业5430人；揭东区4870人；普宁市9860人，居各县（市、区）首位；揭西县3620人。")
    assert "城镇新增就业" in labels["3620人"] and "城镇新增就业" in labels["4870人"]


def test_a_bare_place_takes_no_measure_from_a_clause_without_a_place_or_of_its_own_place():
    assert elided_measure("普宁市", ["增长", "总量居全市"]) == ""
    assert elided_measure("普宁市", ["普宁市进出口"]) == ""
    assert elided_measure("普宁市", ["惠来县进出口", "增长"]) == "进出口"


def test_the_bare_place_switch(monkeypatch):
    monkeypatch.setenv("RAG_CHECK_ABLATE", "bare_place_item")
    assert elided_measure("普宁市", ["惠来县进出口", "增长"]) == ""


# --- on a page written for these tests (tests/data/claims24), with the real encoder and index ---------------------
from pathlib import Path

import pytest

from conftest import assistant_over, checked_without, claim_verdicts, contradicted

PAGE = Path(__file__).parent / "data" / "claims24"


@pytest.fixture(scope="module")
def page_assistant(tmp_path_factory):
    return assistant_over(PAGE, tmp_path_factory, "claims24-index")


def test_a_place_of_a_list_is_told_by_its_own_bare_item(page_assistant, monkeypatch):
    # "宁川市121.3亿元" names its place only: it measures the 进出口 of the item before it
    report = page_assistant.check("宁川市去年进出口121.3亿元。")
    assert report.verdict == "supported", claim_verdicts(report)
    report = page_assistant.check("宁川市去年进出口108.5亿元。")
    assert report.verdict == "contradicted" and contradicted(report)[0][0] == "121.3亿元", claim_verdicts(report)
    assert checked_without(page_assistant, "宁川市去年进出口108.5亿元。", "bare_place_item", monkeypatch).verdict != "contradicted"


def _figure_verdict(assistant, text: str) -> str:
    """The figure reading's own verdict of a one-figure claim (before binding and agreement read it again)."""
    from rag.assistant import CHECK_K, CHECK_MODE
    from rag.check import article_context, find_claims
    from rag.check.verify import verify_figure

    (claim,) = find_claims(text)[0]
    hits = assistant.search(claim.query, k=CHECK_K, mode=CHECK_MODE).hits
    return verify_figure(claim, hits, article_context(assistant.index), assistant._claim_similarity(assistant.index)).verdict


def test_a_whole_figure_does_not_tell_a_part(page_assistant, monkeypatch):
    claim = "2025年城东区老旧小区改造完成投资9.8亿元。"  # the page gives 全市's 21.4亿元, not 城东区's
    assert _figure_verdict(page_assistant, claim) == "not_found"
    assert page_assistant.check(claim).verdict == "not_found"
    monkeypatch.setenv("RAG_CHECK_ABLATE", "whole_of_part")
    assert _figure_verdict(page_assistant, claim) == "contradicted"
    monkeypatch.delenv("RAG_CHECK_ABLATE")
    report = page_assistant.check("去年全市老旧小区改造完成投资20亿元。")  # the whole itself is told
    assert report.verdict == "contradicted", claim_verdicts(report)


def test_whole_of_part_reads_the_rank_a_claim_writes():
    from rag.check.scoring import _whole_of_part

    class _Claim:
        places = ("石桥",)  # jieba's cut of 石桥区
        text = "去年石桥区老旧小区改造完成投资9.8亿元。"
    assert _whole_of_part(_Claim, (), "去年全市老旧小区改造完成投资 ，")
    assert not _whole_of_part(_Claim, (), "石桥区老旧小区改造完成投资 ，")  # its own place
    assert not _whole_of_part(_Claim, (), "全区老旧小区改造完成投资 ，")  # a whole of its own rank may be itself


def test_a_total_over_years_does_not_tell_one_year(page_assistant, monkeypatch):
    claim = "东溪区新能源电池产业2025年全年完成投资85亿元。"
    assert _figure_verdict(page_assistant, claim) == "not_found"
    monkeypatch.setenv("RAG_CHECK_ABLATE", "cumulative_total")
    assert _figure_verdict(page_assistant, claim) == "contradicted"


def test_a_forecast_tells_no_result(page_assistant, monkeypatch):
    claim = "湖畔新春灯会接待游客52万人次。"
    assert page_assistant.check(claim).verdict == "not_found", claim_verdicts(page_assistant.check(claim))
    assert checked_without(page_assistant, claim, "forecast_before", monkeypatch).verdict == "contradicted"


def test_a_share_word_is_said_by_a_share_of_the_whole(page_assistant, monkeypatch):
    from rag.check.scoring import _share_said

    assert _share_said("比重", "全市对俄进出口258.3亿元，占全市外贸总额的62.6%，")
    assert not _share_said("比重", "全市对俄进出口258.3亿元，增长7.8%")
    assert not _share_said("产值", "占全市外贸总额的62.6%")
    claim = "去年对俄贸易占全市外贸的比重超过六成。"
    assert page_assistant.check(claim).verdict == "supported", claim_verdicts(page_assistant.check(claim))
    monkeypatch.setenv("RAG_CHECK_ABLATE", "share_of")
    assert _figure_verdict(page_assistant, claim) == "not_found"


def test_the_very_value_told_the_other_way_is_opposite(monkeypatch):
    from rag.check.figures import find_figures
    from rag.check.readings import _opposite

    stated = find_figures("产值同比增长6.8%")[0]

    class _Row:  # what _opposite reads of a candidate: its label and figure
        label = "受产品价格下行影响，同比下降 ，"
        figure = find_figures("同比下降6.8%")[0]
    assert _opposite(stated, _direction("产值同比增长"), _Row)
    other = type("_Other", (), {"label": "同比下降 ，", "figure": find_figures("同比下降5.8%")[0]})
    assert not _opposite(stated, _direction("产值同比增长"), other)
    monkeypatch.setenv("RAG_CHECK_ABLATE", "direction")
    assert not _opposite(stated, _direction("产值同比增长"), _Row)


def _direction(text):
    from rag.check.measure import direction

    return direction(text)
