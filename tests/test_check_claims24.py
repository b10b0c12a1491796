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
