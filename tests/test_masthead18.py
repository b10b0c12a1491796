"""Issue 11, helper "ctx18": a newspaper page's masthead line ("河川日报　2025年9月12日　星期五　第二版") is the
issue date and the paper's place of the articles under it, over the pages in tests/data/ctx18/ (written for these
tests, not taken from the eval data).

- ingest (rag.masthead, PARSER_VERSION 14): an article with no dated dateline of its own is dated by its page's
  masthead, and one naming no place is of its paper's city (河川日报's 全市 is 河川市, as the page writes it);
- answer: a day said without a year within the month before the issue (12月30日 in a paper of 2026年1月9日) is of
  that year or the one before (switch issue_days); a year's part asked (2025年上半年) is not answered by a
  figure its sentence dates by another year only, even from an earlier clause of the sentence (year_of_part).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import assistant_over

from rag.ingest import parse_source, read_source
from rag.masthead import paper_place, read_masthead
from rag.answer.question import resolved_days

PAGE = Path(__file__).parent / "data" / "ctx18"


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    return assistant_over(PAGE, tmp_path_factory, "ctx18-index")


def test_masthead_lines_and_body_lines():
    head = read_masthead("河川日报　2025年9月12日　星期五　第二版　文旅·民生")
    assert head is not None and head.date == "2025-09-12" and head.paper == "河川日报"
    bare = read_masthead("2026年1月9日 星期五　第四版　交通·城建　责任编辑：陈墨")
    assert bare is not None and bare.date == "2026-01-09" and bare.paper is None
    assert read_masthead("2025年9月12日，全市召开文旅工作会议。") is None  # a body sentence opening with a date
    assert read_masthead("2025年9月12日") is None  # a date alone says no page
    assert paper_place("河川日报", "……河川市文化和旅游局……") == "河川市"
    assert paper_place("经济日报", "……全市……") is None  # a paper named after no place the page names


def test_articles_take_their_pages_date_and_papers_place():
    path = PAGE / "hechuan_page.txt"
    _, paragraphs = parse_source(path.name, read_source(path))
    lead = next(p for p in paragraphs if "前8个月全市接待游客" in p.text)
    assert lead.date == "2025-09-12"
    assert "河川市" in (lead.setting or "")
    county = next(p for p in paragraphs if "新增精品民宿" in p.text)
    assert county.date == "2025-09-12" and "河川市" not in (county.setting or "")  # it names its own county


def test_bare_days_within_the_month_before_the_issue():
    assert resolved_days("12月30日上午，大桥通车；截至1月6日", "2026-01-09").split("\n") == ["2025年12月30日", "2026年1月6日"]
    assert resolved_days("3月16日", "2026-01-09") == ""  # further back: left unread
    assert resolved_days("12月30日", None) == ""


def test_the_papers_city_and_issue_year_answer_its_whole_city(pages, monkeypatch):
    answer = pages.ask("河川市2025年前8个月接待游客多少人次？", k=1)
    assert not answer.refused and answer.short == "2316.5万人次", answer.answer


def test_a_day_of_the_month_before_the_issue_is_of_the_year_asked(pages, monkeypatch):
    answer = pages.ask("松林大桥是2025年几月几日建成通车的？", k=3)
    assert not answer.refused and "12月30日" in answer.short, answer.answer
    # since ctx21, issue_parts reads the bare 12月 of a paper of 2026年1月 as 2025年12月 too: both readings off
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "issue_days,issue_parts")
    assert pages.ask("松林大桥是2025年几月几日建成通车的？", k=3).refused


def test_a_figure_dated_by_another_year_does_not_answer_a_years_part(pages, monkeypatch):
    assert pages.ask("2025年上半年青石县旅游综合收入是多少？", k=3).refused
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "year_of_part")
    off = pages.ask("2025年上半年青石县旅游综合收入是多少？", k=3)
    assert not off.refused and off.short == "37.9亿元", off.answer


def test_a_report_of_a_whole_years_results_is_dated_in_the_year_after():
    """No masthead: "本报白水2月3日讯" over "2025年，…实现…同比增长" is printed on 2026-02-03, so its 今年 is 2026."""
    path = PAGE / "baishui_page.txt"
    _, paragraphs = parse_source(path.name, read_source(path))
    assert {p.date for p in paragraphs} == {"2026-02-03"}


def test_a_part_of_a_year_dates_nothing():
    from rag.setting import whole_year_reported

    assert whole_year_reported("本报白水2月3日讯 2025年，白水县茶产业实现综合产值101.6亿元，同比增长9.2%。") == 2025
    assert whole_year_reported("本报白水10月3日讯 2025年前三季度，白水县茶产业实现产值71.6亿元，同比增长9.2%。") is None
    assert whole_year_reported("本报白水2月3日讯 2025年，白水县计划新建茶园1.2万亩。") is None  # a plan: no result


def test_this_year_of_a_whole_years_report_is_the_next_year(pages):
    answer = pages.ask("白水县2026年计划新建多少标准化茶园？", k=3)
    assert not answer.refused and answer.short == "1.2万亩", answer.answer
