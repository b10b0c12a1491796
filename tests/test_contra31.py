"""contra31's relative_year, on a page of its own (tests/data/contra31, a report dated 2026-01-15).

``relative_year`` (rag.check.scoring._anchors_hold with rag.check.binding.relative_year): a year its sentence names
relative to the report ("去年，全县新改建农村公路186公里" in a report of January 2026) is the claim's written year
("2025年全县新改建农村公路186公里"): the figure is of the claim's period. Another year stays another period; the switch
off gives the old 未找到. (contra31 also tried ``sibling_place``, dropped: see the branch's history.)
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import assistant_over, checked_without, claim_verdicts

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def lanshui(tmp_path_factory):
    return assistant_over(DATA / "contra31", tmp_path_factory, "contra31-index")


@pytest.mark.parametrize("claim", [
    "2025年澜水县新改建农村公路186公里。",  # (去年 in a report of 2026)
    "2025年澜水县农村公路建设完成投资4.3亿元。",
])
def test_a_year_named_relative_to_the_report_is_the_claims_year(lanshui, monkeypatch, claim):
    report = lanshui.check(claim)
    assert report.verdict == "supported", claim_verdicts(report)
    off = checked_without(lanshui, claim, "relative_year", monkeypatch)
    assert off.verdict == "not_found", claim_verdicts(off)


@pytest.mark.parametrize("claim", [
    "2024年澜水县新改建农村公路186公里。",  # (去年 is 2025, not 2024)
    "2025年澜水县计划新改建农村公路210公里。",  # (今年 is 2026)
])
def test_another_year_is_still_another_period(lanshui, claim):
    report = lanshui.check(claim)
    assert report.verdict != "supported", claim_verdicts(report)


def test_the_year_read_from_the_reports_date():
    from rag.check.binding import relative_year

    text = "记者获悉，去年，全县新改建农村公路186公里；比上年增长12%。2024年全县新改建120公里。"
    assert relative_year(text, text.index("186"), "2026-01-15") == "2025"
    assert relative_year(text, text.index("12%"), "2026-01-15") == "2025"  # (比上年 is a base, the clause's 去年 holds)
    assert relative_year(text, text.index("120"), "2026-01-15") is None  # (its own sentence names no year relative to the report)
    assert relative_year(text, text.index("186"), None) is None
