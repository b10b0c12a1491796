"""Issue 11, helper "ctx21": readings of page structure that give a paragraph the place and year it only implies,
over the pages in tests/data/ctx21/ (written for these tests, not taken from the eval data).

- ingest (rag.masthead, PARSER_VERSION 18): a paper's name printed alone on the line above the masthead's date line
  ("青川日报" / "2026年4月9日 星期四") is the masthead's paper (switch ``paper_line``); a paper whose stem the page
  writes at two local levels (青川市, 青川州) is of the level the page's own 全州/全市 say most, and a stem the page
  never writes with a level (松原) is of the level its 全市 says (``paper_level``);
- ingest (PARSER_VERSION 19): a report giving a day without its year is of the year its page's other reports are
  dated by (``page_year``);
- ingest (PARSER_VERSION 20): a place right after 在/从 after a comma ("，在晋城市…") is read, and a city ending in 城市
  (``lead_places``);
- answer: 截至去年底/今年初 are the article year's end and start (``relative_year_end``); a part of a year said with no year that is
  not over by the issue date is the year before's (``issue_parts``); a setting place sharing only its stem with the asked
  place at another level (青川州 set, 青川市 asked) is not it (``same_stem_level``).
"""
from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from conftest import assistant_over

from rag.ingest import parse_source, read_source
from rag.masthead import paper_line, paper_place
from rag.answer.question import resolved_periods

PAGE = Path(__file__).parent / "data" / "ctx21"


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    return assistant_over(PAGE, tmp_path_factory, "ctx21-index")


def _paragraph(name: str, words: str):
    path = PAGE / name
    _, paragraphs = parse_source(path.name, read_source(path))
    return next(p for p in paragraphs if words in p.text)


def test_a_papers_name_on_its_own_line():
    assert paper_line("青川日报") == "青川日报"
    assert paper_line("青川日报讯，全州…") is None
    assert paper_line("2026年4月9日 星期四") is None


def test_the_papers_level_is_the_one_its_page_refers_to():
    page = "青川市新增就业0.72万人，居全州首位。全州共举办招聘会。青川州第二届大赛。全州312名选手。"
    assert paper_place("青川日报", page) == "青川州"
    assert paper_place("青川日报", page, by_references=False) == "青川市"  # the first level written, as before
    assert paper_place("松原日报", "松原日报…全市新开通…全市公交…全市新能源…松原港") == "松原市"
    assert paper_place("松原日报", "松原日报…全市新开通…松原港") is None  # said once: too little to read a level
    assert paper_place("经济日报", "……全市……全市……全市……") is None  # a stem the page says nowhere else


def test_a_masthead_over_two_lines_sets_the_papers_place(monkeypatch):
    lead = _paragraph("qingchuan_page.txt", "全州城镇新增就业")
    assert lead.date == "2026-04-09" and "青川州" in (lead.setting or "") and "青川市" not in (lead.setting or "")
    assert "松原市" in (_paragraph("songyuan_page.txt", "公交线路总数").setting or "")
    monkeypatch.setenv("RAG_INGEST_ABLATE", "paper_line")
    assert not (_paragraph("qingchuan_page.txt", "全州城镇新增就业").setting or "")
    monkeypatch.setenv("RAG_INGEST_ABLATE", "paper_level")
    assert (_paragraph("qingchuan_page.txt", "全州城镇新增就业").setting or "") == "青川市"


def test_a_report_takes_the_year_its_page_is_dated_by(monkeypatch):
    assert _paragraph("hewan_page.txt", "渔港卸港水产品").date == "2025-07-10"
    monkeypatch.setenv("RAG_INGEST_ABLATE", "page_year")
    assert _paragraph("hewan_page.txt", "渔港卸港水产品").date is None


def test_last_years_end_is_the_year_before_the_articles():
    assert resolved_periods("截至去年底，全州累计建成零工市场26个，今年初开工", "2026").split("\n") == ["2025年底", "2026年初"]
    assert resolved_periods("比去年底增加3个", "2026") == ""  # a baseline


def test_the_papers_place_answers_its_whole_area(pages):
    answer = pages.ask("青川州2026年一季度城镇新增就业多少人？", k=3)
    assert not answer.refused and answer.short == "1.86万人", answer.answer


def test_last_years_end_answers_the_year_asked(pages, monkeypatch):
    answer = pages.ask("截至2025年底，青川州累计建成了多少个零工市场？", k=3)
    assert not answer.refused and answer.short == "26个", answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "relative_year_end")
    assert pages.ask("截至2025年底，青川州累计建成了多少个零工市场？", k=3).refused


def test_a_sibling_reports_year_answers_a_years_part(pages):
    answer = pages.ask("河湾市2025年上半年渔港卸港水产品多少吨？", k=3)
    assert not answer.refused and answer.short == "12.4万吨", answer.answer


def test_a_place_after_a_preposition_after_a_comma():
    from rag.setting import places_named

    assert places_named("1月16日，在晋城市第八届人民代表大会第五次会议上") == ["晋城市"]
    assert places_named("1月16日，在岭南县召开") == ["岭南县"]
    assert places_named("各大城市") == [] and places_named("在广大城市") == []


def test_a_part_of_a_year_not_over_by_the_issue_is_the_year_befores():
    assert resolved_periods("分季度看，一季度交易额10.2亿元，上半年累计22.7亿元", "2026", "2026-01-09").split("\n") == [
        "2025年一季度", "2025年上半年"]
    assert resolved_periods("2月，发电量73亿千瓦时", "2026", "2026-03-12") == "2026年2月"  # over by the issue
    assert resolved_periods("一季度交易额10.2亿元", "2026") == "2026年一季度"  # no issue date: the article's year


def test_a_whole_years_report_answers_its_own_quarters(pages, monkeypatch):
    answer = pages.ask("2025年一季度白滩茶叶市场交易额是多少？", k=3)
    assert not answer.refused and answer.short == "10.2亿元", answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "issue_parts")
    assert pages.ask("2025年一季度白滩茶叶市场交易额是多少？", k=3).refused


def test_a_city_sharing_its_stem_with_the_papers_prefecture_is_another_place(pages, monkeypatch):
    """青川日报 is of 青川州; 青川市, a city within it named by another paragraph, does not inherit 全州's figure."""
    assert pages.ask("截至2025年底，青川市累计建成了多少个零工市场？", k=3).refused
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "same_stem_level")
    assert not pages.ask("截至2025年底，青川市累计建成了多少个零工市场？", k=3).refused
