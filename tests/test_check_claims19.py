"""Fact-check readings of the nineteenth session, on a page written for these tests (tests/data/claims19): wrong 一致 from
another period, another place or another speaker.

- ``bind_report_year`` (rag.check.binding): an article's "一季度" without its year is of its report's year (the page's masthead
  date), so "2024年一季度…" is not told by it on a page of 2025.
- ``bind_whole_year``: a holiday's or a part of the year's claim is not told by a figure of a whole year.
- ``article_places`` (rag.check.scoring): a place jieba cuts apart in the claim ("沙溪" as 沙 + 溪) is read from the article's
  own list of places ("临江沙溪两地"), so a sibling place's figure does not confirm it.
- ``speaker`` (rag.check.verify): words given to one 局长 in the claim and to another in the article are 不一致 on 名称.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import assistant_over, checked_without, claim_verdicts
from rag.check.binding import _report_year
from rag.check.scoring import _listed_places

PAGE = Path(__file__).parent / "data" / "claims19"


@pytest.fixture(scope="module")
def page_assistant(tmp_path_factory):
    return assistant_over(PAGE, tmp_path_factory, "claims19-index")


def test_a_bare_quarter_takes_its_reports_year():
    text = "一季度全市接待游客"
    assert _report_year(text, len(text), "Q1", "2025-05-09") == 2025
    assert _report_year("四季度全市接待游客", 9, "Q4", "2025-01-20") == 2024  # not begun by the report: last year's
    assert _report_year("一季度全市接待游客", 9, "Q1", "2025-02-10") is None  # under way: not read
    assert _report_year("去年一季度全市接待游客", 11, "Q1", "2025-05-09") == 2024
    assert _report_year("2023年，…一季度全市接待游客", 16, "Q1", "2025-05-09") is None  # a year written out: its own


def test_a_counted_list_names_its_places():
    assert _listed_places("近年来，临江沙溪两地民宿快速发展") == ["临江", "沙溪"]
    assert _listed_places("据统计，临江、沙溪两地共盘活") == ["临江", "沙溪"]


def test_another_years_quarter_confirms_nothing(page_assistant, monkeypatch):
    claim = "2024年一季度岚山市接待游客1472.5万人次。"  # the page of 2025's bare 一季度 is 2025's
    assert page_assistant.check(claim).verdict != "supported", claim_verdicts(page_assistant.check(claim))
    assert page_assistant.check("2025年一季度岚山市接待游客1472.5万人次。").verdict == "supported"
    assert checked_without(page_assistant, claim, "bind_report_year", monkeypatch).verdict == "supported"


def test_a_whole_years_figure_tells_no_holiday(page_assistant, monkeypatch):
    claim = "今年五一假期岚山机场旅客吞吐量突破1万人次。"  # the article gives 2024's whole year only
    assert page_assistant.check(claim).verdict != "supported", claim_verdicts(page_assistant.check(claim))
    assert page_assistant.check("2024年岚山机场旅客吞吐量突破40万人次。").verdict == "supported"
    assert checked_without(page_assistant, claim, "bind_whole_year", monkeypatch).verdict == "supported"


def test_a_cut_place_is_not_its_siblings(page_assistant):
    claim = "沙溪民宿平均房价为每晚286元。"  # 286元 is 临江's
    report = page_assistant.check(claim)
    assert report.verdict == "contradicted", claim_verdicts(report)
    assert any(c.found == "243元" for c in report.claims), claim_verdicts(report)
    assert page_assistant.check("临江民宿平均房价为每晚286元。").verdict == "supported"


def test_words_of_another_speaker_differ_on_name(page_assistant, monkeypatch):
    claim = "岚山市文化广电旅游局局长王建国说，岚山正在从“过路游”向“目的地游”转变。"
    report = page_assistant.check(claim)
    assert report.verdict == "contradicted", claim_verdicts(report)
    assert any(c.found == "徐明远" and c.differs == "名称" for c in report.claims), claim_verdicts(report)
    assert page_assistant.check("岚山市文化广电旅游局局长徐明远说，岚山正在从“过路游”向“目的地游”转变。").verdict == "supported"
    assert checked_without(page_assistant, claim, "speaker", monkeypatch).verdict != "contradicted"

