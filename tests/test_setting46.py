"""Issue 11, helper "setting46": an article's setting on a prefecture paper's page (ingest, PARSER_VERSION 24,
switches ``local_head`` and ``paper_place_word`` of RAG_INGEST_ABLATE), over tests/data/setting46/ (pages written for
these tests: 临夏报's page names a county 湖南县, 湖南土族自治县, and says 全州 throughout; 湘江晚报's page names
湖南省 itself).

- ``rag.local_heads``: a province's short name that starts a longer local place's name (湖南县, 湖南土族自治县, 河北区,
  海南州) is no province: the page is not set in 湖南省.
- ``rag.masthead.paper_place``: a paper whose stem jieba reads as one place word (临夏) is of the level its page's 全州
  says when jieba's dictionary holds that place (临夏州, or 黄南藏族自治州 for 黄南州), though the page writes 临夏 only in
  its masthead: the page's 全州 is 临夏州.
"""
from __future__ import annotations

from pathlib import Path

from conftest import hit, page_assistant_over
from rag.answer.pipeline import extract_answer
from rag.ingest import parse_source, read_source
from rag.masthead import paper_place
from rag.setting import places_named

PAGES = Path(__file__).parent / "data" / "setting46"
page_assistant = page_assistant_over("setting46")


def _paragraphs(name: str):
    path = PAGES / name
    return parse_source(path.name, read_source(path))[1]


def _setting(name: str, words: str) -> list[str]:
    paragraph = next(p for p in _paragraphs(name) if words in p.text)
    return (paragraph.setting or "").split()


def test_a_county_named_like_a_province_is_no_province(monkeypatch):
    assert places_named("记者从湖南县农牧局获悉") == ["湖南县"]
    assert "湖南省" not in places_named("湖南土族自治县是纯牧业县")
    assert "河北省" not in places_named("天津市河北区新建口袋公园12个")
    assert "海南省" not in places_named("海南州共和县新建暖棚")
    monkeypatch.setenv("RAG_INGEST_ABLATE", "local_head")
    assert places_named("记者从湖南县农牧局获悉") == ["湖南省", "湖南县"]


def test_a_province_itself_is_still_read():
    assert places_named("记者从湖南省农业农村厅获悉") == ["湖南省"]
    assert places_named("湖南县域经济加快发展")[:1] == ["湖南省"]  # 湖南|县域: the province's counties
    assert places_named("西藏地区旅游升温") == ["西藏省"]  # 地区 is the province's area, no local level
    assert _setting("province_page.txt", "全省今年计划播种早稻") == ["湖南省"]


def test_the_page_is_set_in_its_prefecture_not_the_province(monkeypatch):
    assert _setting("linxia_page.txt", "全州新增市场主体2140户") == ["临夏州"]
    assert _setting("linxia_page.txt", "湖南县新建标准化暖棚") == ["湖南县"]
    assert _setting("linxia_page.txt", "全州已储备化肥") == ["临夏州"]
    monkeypatch.setenv("RAG_INGEST_ABLATE", "local_head")
    assert "湖南省" in _setting("linxia_page.txt", "全州已储备化肥")
    assert "湖南省" in _setting("linxia_page.txt", "湖南县新建标准化暖棚")


def test_a_paper_whose_stem_is_a_place_word_is_of_its_pages_level(monkeypatch):
    page = read_source(PAGES / "linxia_page.txt")
    assert paper_place("临夏报", page) == "临夏州"
    assert paper_place("人民日报", "人民日报　…全州…全州…全州") is None  # a common word's stem, said once
    # a region's stem jieba reads as a place, but no 皖南市 is a place of its dictionary: said once, no paper's place
    assert paper_place("皖南日报", "皖南日报　…全市…全市…全市") is None
    monkeypatch.setenv("RAG_INGEST_ABLATE", "paper_place_word")
    assert paper_place("临夏报", page) is None
    assert _setting("linxia_page.txt", "全州已储备化肥") == []


def test_the_prefectures_whole_is_answered_from_its_report(monkeypatch):
    question = "临夏州已储备化肥多少万吨？"
    report = next(p for p in _paragraphs("linxia_page.txt") if "全州已储备化肥" in p.text)
    answer = extract_answer(question, [hit(report, 1.0, 1)])
    assert not answer.refused and answer.short == "1.6万吨", answer.answer
    # the county's own report is still its county's
    county = next(p for p in _paragraphs("linxia_page.txt") if "湖南县新建标准化暖棚" in p.text)
    answer = extract_answer("湖南县新建标准化暖棚多少座？", [hit(county, 1.0, 1)])
    assert not answer.refused and answer.short == "120座", answer.answer
    monkeypatch.setenv("RAG_INGEST_ABLATE", "paper_place_word")
    report = next(p for p in _paragraphs("linxia_page.txt") if "全州已储备化肥" in p.text)
    assert extract_answer(question, [hit(report, 1.0, 1)]).refused


def test_the_assistant_answers_for_the_prefecture(page_assistant):
    answer = page_assistant.ask("临夏州一季度新增市场主体多少户？")
    assert not answer.refused and answer.short == "2140户", answer.answer
