"""Issue 10, session 27: a district or town named by a direction and a landform (北岸区, 西岸乡, 东郊镇), which jieba cuts
as a word of place or direction and a lone level ("北岸|区"), is a place of the claim (rag.check.claims.places_in, switch
``direction_place``). Unread, the claim named no place, and another district's very figure was told 一致: "2025年北岸区
新增规模以上工业企业9家" against the page's "南岸区新增规模以上工业企业9家" is 未找到 (the page gives 北岸区 no figure).
A side or part of a place (东部县区, 北方市场, 城北部区域) stays no place. The page is written for this test."""
from __future__ import annotations

from conftest import checked_without, page_assistant_over

from rag.check.claims import places_in

page_assistant = page_assistant_over("place32")

OTHER_DISTRICT = "2025年北岸区新增规模以上工业企业9家。"


def test_a_direction_and_a_landform_before_a_level_is_a_place():
    assert places_in("2025年北岸区新增规模以上工业企业9家") == ("北岸区",)
    assert places_in("西岸乡新增9家") == ("西岸乡",) and places_in("东郊镇新增9家") == ("东郊镇",)
    assert places_in("北岸区和南岸区各新增9家") == ("北岸区", "南岸区")
    # a side or a part of a place is none
    assert places_in("全市东部县区新增企业9家") == () and places_in("北方市场交易额9亿元") == ()
    assert places_in("城北部区域新增9家") == ()


def test_another_districts_figure_is_not_found(page_assistant):
    (claim,) = page_assistant.check(OTHER_DISTRICT).claims
    assert claim.verdict == "not_found", claim.reason
    (own,) = page_assistant.check("2025年南岸区新增规模以上工业企业9家。").claims
    assert own.verdict == "supported", own.reason


def test_switched_off_the_district_is_no_place(page_assistant, monkeypatch):
    (claim,) = checked_without(page_assistant, OTHER_DISTRICT, "direction_place", monkeypatch).claims
    assert claim.verdict == "supported"  # the old wrong 一致 on 南岸区's figure
