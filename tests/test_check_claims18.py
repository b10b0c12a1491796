"""Fact-check readings of the eighteenth session, on a page written for these tests (tests/data/claims18):

- ``count_units`` (rag.check.figures): 列, 对, 趟, 辆次, 架次, 艘次, 车次 are units: "加开旅客列车356列" is a figure to check.
- ``compared_higher`` (rag.check.measure): "比去年同期每斤高0.6元" is a rise of 0.6元, "低" a fall.
- ``unknown_place`` (rag.check.claims): a district jieba's dictionary lacks, pieced together and tagged a common noun
  ("榆积区"), is a place, so its figure is not another district's.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import assistant_over, claim_verdicts
from rag.check.claims import places_in
from rag.check.figures import find_figures
from rag.check.measure import direction

PAGE = Path(__file__).parent / "data" / "claims18"


@pytest.fixture(scope="module")
def page_assistant(tmp_path_factory):
    return assistant_over(PAGE, tmp_path_factory, "claims18-index")


def test_trains_and_pairs_are_counted():
    assert [(str(f.value), f.unit) for f in find_figures("加开旅客列车356列，动车组由每日26对增加到34对")] == [
        ("356", "列"), ("26", "对"), ("34", "对")]
    assert [f.unit for f in find_figures("出口小客车412.6万辆次")] == ["辆次"]


def test_higher_and_lower_than_before_are_directions():
    assert direction("比去年同期每斤高 ") == "up"
    assert direction("较上年低 ") == "down"
    assert direction("高于 ") is None  # a qualifier of the figure, not a change


def test_an_unknown_district_is_a_place_but_a_counted_word_is_not():
    assert places_in("2025年，榆积区接待游客1287.9万人次") == ("榆积区",)
    assert "保护区" not in places_in("自然保护区面积12万亩")
    assert "个托市" not in places_in("全市确定了58个托市收购库点")  # it follows its number: a counter, no place


def test_a_misquoted_train_count_is_contradicted(page_assistant):
    claim = "2025年4月至6月，铁路部门累计加开经停青山的旅客列车365列。"
    report = page_assistant.check(claim)
    assert report.verdict == "contradicted", claim_verdicts(report)
    assert any(c.found == "356列" for c in report.claims), claim_verdicts(report)
    # (count_units is read when rag.check.figures is imported: its ablation is measured by `rag eval` runs)


def test_lower_for_higher_is_contradicted_on_direction(page_assistant, monkeypatch):
    claim = "今年青山蜜桃地头收购价比去年同期每斤低0.6元左右。"
    report = page_assistant.check(claim)
    assert report.verdict == "contradicted" and report.claims[0].differs == "方向", claim_verdicts(report)
    assert page_assistant.check("今年青山蜜桃地头收购价比去年同期每斤高0.6元左右。").verdict == "supported"
    from rag.check.candidates import _common_noun, _paragraph_figures

    monkeypatch.setenv("RAG_CHECK_ABLATE", "compared_higher")
    _paragraph_figures.cache_clear(), _common_noun.cache_clear()
    try:
        assert page_assistant.check(claim).verdict == "supported"
    finally:
        monkeypatch.delenv("RAG_CHECK_ABLATE")
        _paragraph_figures.cache_clear(), _common_noun.cache_clear()


def test_another_districts_figure_differs_on_place(page_assistant, monkeypatch):
    claim = "2025年岚溪区接待游客1287.9万人次。"  # the article's 1287.9 is 榆积区's
    report = page_assistant.check(claim)
    assert report.verdict == "contradicted" and report.claims[0].differs == "地点", claim_verdicts(report)
    assert page_assistant.check("2025年榆积区接待游客1287.9万人次。").verdict == "supported"
    from rag.check.candidates import _common_noun, _paragraph_figures

    def clear():
        places_in.cache_clear(), _paragraph_figures.cache_clear(), _common_noun.cache_clear()

    monkeypatch.setenv("RAG_CHECK_ABLATE", "unknown_place")
    clear()
    try:
        assert page_assistant.check(claim).claims[0].differs != "地点"
    finally:
        monkeypatch.delenv("RAG_CHECK_ABLATE")
        clear()
