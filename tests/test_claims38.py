"""Session 38, helper claims38: readings that turn wrong 一致 into 未找到 or 不一致 (dev halves): a lower bound far under
the article's figure (``far_bound``), and a change told the other way beside its confirmed
sibling (``told_flipped``)."""
from pathlib import Path

import pytest

from conftest import assistant_over, claim_verdicts
from rag.check.compare import far_above_bound
from rag.check.figures import find_figures

PAGE = Path(__file__).parent / "data" / "claims38"


def _figure(text: str):
    return find_figures(text)[0]


# --- far_bound -------------------------------------------------------------------------------------------------------
def test_a_bound_far_under_the_figure_is_not_told_by_it(monkeypatch):
    assert far_above_bound(_figure("超过300万人次"), _figure("1028万人次"))  # fresh21 dev: a total of several stations
    assert far_above_bound(_figure("突破5亿元"), _figure("21.5亿元"))  # fresh22 dev: 进出口额 for 蔬菜出口额
    assert far_above_bound(_figure("突破1.5万辆"), _figure("14.3万辆"))  # fresh23 dev: 保有量 for 零售量
    assert not far_above_bound(_figure("超过300万人次"), _figure("312万人次"))  # the bound just under the figure
    assert not far_above_bound(_figure("超过1.2亿件"), _figure("2.46亿件"))  # twice the bound: still told
    assert not far_above_bound(_figure("六成以上"), _figure("98.3%"))
    assert not far_above_bound(_figure("二十多家"), _figure("80家"))  # 多 bounds it above already
    assert not far_above_bound(_figure("300万人次"), _figure("1028万人次"))  # no bound
    monkeypatch.setenv("RAG_CHECK_ABLATE", "far_bound")
    assert not far_above_bound(_figure("超过300万人次"), _figure("1028万人次"))


# --- on a page written for these tests, with the real encoder and index ---------------------------------------------
@pytest.fixture(scope="module")
def page_assistant(tmp_path_factory):
    return assistant_over(PAGE, tmp_path_factory, "claims38-index")


def _verdicts(assistant, text: str) -> list[tuple]:
    return [(verdict, found) for verdict, found, _ in claim_verdicts(assistant.check(text))]


def test_a_station_is_not_told_by_the_total_of_all_stations(page_assistant, monkeypatch):
    assert _verdicts(page_assistant, "今年1至11月，河湾北站旅客发送量超过300万人次。")[0][0] != "supported"
    assert _verdicts(page_assistant, "今年1至11月，全市铁路车站旅客发送量超过1000万人次。") == [("supported", "1046万人次")]
    monkeypatch.setenv("RAG_CHECK_ABLATE", "far_bound")
    assert _verdicts(page_assistant, "今年1至11月，河湾北站旅客发送量超过300万人次。") == [("supported", "1046万人次")]


# --- told_flipped ----------------------------------------------------------------------------------------------------
def test_a_change_told_the_other_way_beside_its_sibling(page_assistant, monkeypatch):
    text = "今年全市夏粮产量21.6万吨，同比增长3.4%。"
    assert _verdicts(page_assistant, text) == [("supported", "21.6万吨"), ("contradicted", "下降3.4%")]
    # (told as claimed, the change is not contradicted; it is left 未找到 as before, its clause words being few)
    assert _verdicts(page_assistant, "今年全市夏粮产量21.6万吨，同比下降3.4%。")[1][0] != "contradicted"
    monkeypatch.setenv("RAG_CHECK_ABLATE", "told_flipped")
    assert _verdicts(page_assistant, text)[1][0] != "contradicted"
