"""Session 20, helper claims24: a place jieba cuts after its first character, and readings of totals, shares and directions (bare_place_item and whole_of_part dropped in session 21: each gave a new wrong 一致 on a test half; forecast_before: two drafts lost on one)."""
from rag.check.claims import places_in


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


# --- on a page written for these tests (tests/data/claims24), with the real encoder and index ---------------------
from pathlib import Path

import pytest

from conftest import assistant_over, claim_verdicts

PAGE = Path(__file__).parent / "data" / "claims24"


@pytest.fixture(scope="module")
def page_assistant(tmp_path_factory):
    return assistant_over(PAGE, tmp_path_factory, "claims24-index")


def _figure_verdict(assistant, text: str) -> str:
    """The figure reading's own verdict of a one-figure claim (before binding and agreement read it again)."""
    from rag.assistant import CHECK_K, CHECK_MODE
    from rag.check import article_context, find_claims
    from rag.check.verify import verify_figure

    (claim,) = find_claims(text)[0]
    hits = assistant.search(claim.query, k=CHECK_K, mode=CHECK_MODE).hits
    return verify_figure(claim, hits, article_context(assistant.index), assistant._claim_similarity(assistant.index)).verdict


def test_a_total_over_years_does_not_tell_one_year(page_assistant, monkeypatch):
    claim = "东溪区新能源电池产业2025年全年完成投资85亿元。"
    assert _figure_verdict(page_assistant, claim) == "not_found"
    monkeypatch.setenv("RAG_CHECK_ABLATE", "cumulative_total")
    assert _figure_verdict(page_assistant, claim) == "contradicted"


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
