"""Issue 11, helper "ctx20": how a page lays out an article's head (headline, deck, dateline) and what year a
paragraph's 去年 is, over the pages in tests/data/ctx20/ (written for these tests, not taken from the eval data).

- ingest (PARSER_VERSION 16): a deck line under the headline ("完成年度目标任务的112%，零工市场…", a comma in it, no
  full stop) and the dateline under it are one article, the dateline its lead, so every paragraph inherits the lead's
  place and year (switch RAG_INGEST_ABLATE=deck_line); a short line ending no sentence right above a dateline is the
  next article's headline ("石桥镇：老街变了样，人气旺起来", switch comma_headline);
- a lead opening with its day right after the byline ("本报讯（记者 …）1月12日，") reporting a whole year's results
  ("2025年，…同比增长") is printed in the next year; a holiday's figures ("2025年国庆假期") date no such report;
- answer: a bare 去年 in a paper of 2026年1月20日 is 2025年 (switch issue_years); a baseline (比去年) is no year.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import assistant_over

from rag.answer.question import resolved_years
from rag.dateline import dateline_day
from rag.ingest import parse_source, read_source

PAGE = Path(__file__).parent / "data" / "ctx20"


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    return assistant_over(PAGE, tmp_path_factory, "ctx20-index")


def _paragraphs(name):
    path = PAGE / name
    return parse_source(path.name, read_source(path))[1]


def test_a_deck_line_and_its_dateline_are_one_article():
    paragraphs = _paragraphs("linhe_page.txt")
    stations = next(p for p in paragraphs if "零工驿站14个" in p.text)
    lead = next(p for p in paragraphs if p.text.startswith("本报讯（记者王晓峰通讯员"))
    assert stations.title == lead.title and "青川县去年新增城镇就业" in (lead.title or "")
    assert "青川县" in (stations.setting or "") and stations.date == "2026-01-20"


def test_the_deck_reading_switched_off_splits_the_article(monkeypatch):
    monkeypatch.setenv("RAG_INGEST_ABLATE", "deck_line")
    paragraphs = _paragraphs("linhe_page.txt")
    stations = next(p for p in paragraphs if "零工驿站14个" in p.text)
    lead = next(p for p in paragraphs if p.text.startswith("本报讯（记者王晓峰通讯员"))
    assert stations.title != lead.title


def test_a_line_with_a_comma_over_a_dateline_heads_the_next_article(monkeypatch):
    paragraphs = _paragraphs("linhe_page.txt")
    street = next(p for p in paragraphs if "改造老街" in p.text)
    assert street.title == "石桥镇：老街变了样，人气旺起来"
    assert not any(p.text == "石桥镇：老街变了样，人气旺起来" for p in paragraphs)
    monkeypatch.setenv("RAG_INGEST_ABLATE", "comma_headline")
    assert any(p.text == "石桥镇：老街变了样，人气旺起来" for p in _paragraphs("linhe_page.txt"))


def test_the_day_opening_a_lead_dates_a_whole_years_report():
    assert dateline_day("本报讯（记者孙丽华通讯员赵明）1月12日，记者从白河县农业农村局获悉") == (1, 12)
    assert dateline_day("本报讯（记者孙丽华）“以前一到冬天") is None
    paragraphs = _paragraphs("baihe_page.txt")
    grain = next(p for p in paragraphs if "玉米种植面积" in p.text)
    assert grain.date == "2026-01-12"
    holiday = next(p for p in paragraphs if "国庆假期" in p.text)
    # a holiday's figures are no whole year's: not printed in 2026; since ctx21 (page_year) its lead, of the year's
    # second half naming its year (10月9日…2025年国庆假期), dates it in that year
    assert holiday.date == "2025-10-09"


def test_a_holiday_report_is_undated_without_its_pages_year(monkeypatch):
    monkeypatch.setenv("RAG_INGEST_ABLATE", "page_year")
    holiday = next(p for p in _paragraphs("baihe_page.txt") if "国庆假期" in p.text)
    assert holiday.date is None  # a holiday's figures are no whole year's: not printed in 2026


def test_a_bare_last_year_is_the_year_before_the_issue():
    assert resolved_years("去年，全县新建社区零工驿站14个", "2026-01-20") == "2025年"
    assert resolved_years("前年秋播遇旱，去年秋收期间", "2026-01-20").split("\n") == ["2024年", "2025年"]
    assert resolved_years("比去年增加5个，较上年增长3%，去年同期为9个", "2026-01-20") == ""
    assert resolved_years("去年上半年", "2026-01-20") == ""  # a part of a year: resolved_periods
    assert resolved_years("去年，全县新建", None) == ""  # no printed issue date: the year is unknown


def test_last_year_in_a_dated_issue_answers_the_year_asked(pages, monkeypatch):
    question = "青川县2025年新建了多少个社区零工驿站？"
    answer = pages.ask(question, k=3)
    assert not answer.refused and answer.short == "14个", answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "issue_years")
    assert pages.ask(question, k=3).refused
