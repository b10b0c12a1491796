"""contra31's sibling_place, on a page of its own (tests/data/contra31).

``sibling_place`` (rag.check.verify._told_of_sibling_place): the claim's very figure, its measure restated, told by the
article of another place of the claim's place's rank ("西岭区组建了由85人组成的供暖应急抢修队伍" for "东湖区组建了一支85人的
供暖应急抢修队伍"), the claim's place not named in that figure's run of clauses, is 不一致 on 地点, ``found`` the article's
place; the switch off gives the old 未找到.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import assistant_over, checked_without, claim_verdicts, contradicted

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def lanshui(tmp_path_factory):
    return assistant_over(DATA / "contra31", tmp_path_factory, "contra31-index")


@pytest.mark.parametrize("claim, place", [
    ("东湖区组建了一支85人的供暖应急抢修队伍。", "西岭区"),
    ("西岭区完成燃气用户入户回访2.6万户。", "北塘区"),
    ("东湖区在滨江沿岸建成了9家“江畔书屋”。", "南岸区"),
])
def test_a_figure_told_of_a_sibling_place_is_another_place(lanshui, monkeypatch, claim, place):
    report = lanshui.check(claim)
    assert contradicted(report) == [(place, "地点")], claim_verdicts(report)
    off = checked_without(lanshui, claim, "sibling_place", monkeypatch)
    assert off.verdict == "not_found", claim_verdicts(off)


def test_the_places_own_figure_still_confirms(lanshui):
    report = lanshui.check("西岭区组建了一支85人的供暖应急抢修队伍。")
    assert report.verdict == "supported", claim_verdicts(report)


@pytest.mark.parametrize("claim", [
    "东湖区组建了一支60人的供暖应急抢修队伍。",  # (another value: no place gives it, nothing to contradict)
    "东湖区今年新增集中供热面积460万平方米。",  # (the whole city's figure: a place of another rank, not a sibling's)
    "西岭区配备了一支85人的志愿服务队伍。",  # (the sibling's value, but not its measure)
])
def test_no_sibling_reading_without_the_siblings_own_figure_and_measure(lanshui, claim):
    report = lanshui.check(claim)
    assert all(c.differs != "地点" for c in report.claims if c.verdict == "contradicted"), claim_verdicts(report)
    assert report.verdict != "supported", claim_verdicts(report)
