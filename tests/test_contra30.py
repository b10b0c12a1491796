"""Two readings of contra29 brought back narrower, on pages written for these tests (tests/data/contra30, tests/data/contra29).

- ``subject_direction`` (with ``year_direction``): a direction word ending its clause tells of the subject before it
  ("老街商铺空置率去年有所上升", "2025年全县旅游接待人次比上年有所减少"), read against the article clause saying that subject
  before its own direction word; ``direction_period``: only an article direction of the claim's period tells it (the
  article's parts of a year are the claim's, each year the claim names is said there): "一季度…比去年同期下降8.3%" tells
  nothing of "二季度…有所减少", nor of a claim naming no quarter, nor a 2025 change of a "2024年" claim.
- ``rebind_next``: a 不一致 whose figure the article binds to another subject ("该镇…平均亩产471公斤" is the town's) falls to
  the next figure that may contradict the claim, bound to the claim's own ("今年全县…平均亩产436公斤");
  ``rebind_next_period``: only where that figure's sentence tells of the claim's period (says each period the claim's names,
  names none the claim does not but the report's own year).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import assistant_over, checked_without, claim_verdicts, contradicted

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def xikou(tmp_path_factory):
    return assistant_over(DATA / "contra30", tmp_path_factory, "contra30-index")


@pytest.fixture(scope="module")
def qinghe(tmp_path_factory):
    return assistant_over(DATA / "contra29", tmp_path_factory, "contra29-index-30")


def direction_claims(report) -> list[tuple]:
    return [(c.verdict, c.found, c.differs) for c in report.claims if c.claim.kind == "direction"]


# --------------------------------------------------------------------------- subject_direction, direction_period
def test_a_subjects_direction_is_read_against_the_articles(qinghe, monkeypatch):
    claim = "与前一年相比，老街商铺空置率去年有所上升。"
    report = qinghe.check(claim)
    assert report.verdict == "contradicted", claim_verdicts(report)
    assert contradicted(report)[0][1] == "方向" and "7.9%" in contradicted(report)[0][0]
    off = checked_without(qinghe, claim, "subject_direction", monkeypatch)
    assert off.verdict in (None, "not_found"), claim_verdicts(off)  # (no claim read in it at all)


def test_the_same_direction_of_the_same_quarter_is_confirmed(xikou):
    report = xikou.check("一季度全县新领驾驶证的人数比去年同期有所减少。")
    assert report.verdict == "supported", claim_verdicts(report)
    report = xikou.check("一季度全县新领驾驶证的人数比去年同期有所增加。")
    assert direction_claims(report) and direction_claims(report)[0][0] == "contradicted", claim_verdicts(report)
    assert direction_claims(report)[0][2] == "方向"


def test_another_quarters_direction_tells_nothing(xikou, monkeypatch):
    for claim in ("二季度全县新领驾驶证的人数比去年同期有所减少。", "二季度全县新领驾驶证的人数比去年同期有所增加。"):
        report = xikou.check(claim)
        assert report.verdict == "not_found", claim_verdicts(report)
    off = checked_without(xikou, "二季度全县新领驾驶证的人数比去年同期有所减少。", "direction_period", monkeypatch)
    assert off.verdict == "supported", claim_verdicts(off)  # (the old reading: a wrong 一致)


def test_a_quarters_direction_tells_nothing_of_a_claim_naming_no_quarter(xikou, monkeypatch):
    claim = "全县新领驾驶证的人数比去年同期有所增加。"
    report = xikou.check(claim)
    assert report.verdict == "not_found", claim_verdicts(report)
    off = checked_without(xikou, claim, "direction_period", monkeypatch)
    assert off.verdict == "contradicted", claim_verdicts(off)


def test_a_direction_dated_by_a_bare_year_is_a_claim(xikou, monkeypatch):
    claim = "2025年全县旅游接待人次比上年有所减少。"
    report = xikou.check(claim)
    assert [(v, d) for v, _, d in direction_claims(report)] == [("contradicted", "方向")], claim_verdicts(report)
    assert "356万人次" in direction_claims(report)[0][1]
    off = checked_without(xikou, claim, "year_direction", monkeypatch)
    assert direction_claims(off) == [], claim_verdicts(off)


def test_another_years_direction_tells_nothing(xikou, monkeypatch):
    claim = "2024年全县旅游接待人次比上年有所减少。"
    report = xikou.check(claim)
    assert [v for v, _, _ in direction_claims(report)] == ["not_found"], claim_verdicts(report)
    off = checked_without(xikou, claim, "direction_period", monkeypatch)
    assert [v for v, _, _ in direction_claims(off)] == ["contradicted"], claim_verdicts(off)


# --------------------------------------------------------------------------- rebind_next, rebind_next_period
def test_a_figure_bound_to_a_town_gives_way_to_the_countys_own(qinghe, monkeypatch):
    claim = "青河县今年小麦平均亩产446公斤。"
    report = qinghe.check(claim)
    assert contradicted(report) == [("436公斤", "数值")], claim_verdicts(report)
    off = checked_without(qinghe, claim, "rebind_next", monkeypatch)
    assert off.verdict == "not_found", claim_verdicts(off)


def test_the_countys_own_figure_still_confirms(qinghe):
    report = qinghe.check("青河县今年小麦平均亩产436公斤。")
    assert report.verdict == "supported", claim_verdicts(report)


@pytest.mark.parametrize("claim, before, same", [
    ("青河县今年小麦平均亩产446公斤。", "记者从县农业农村局获悉，今年全县小麦种植面积50.2万亩，总产量21.9万吨；平均亩产", True),
    ("青河县今年小麦平均亩产446公斤。", "据统计，全县小麦平均亩产", False),  # (the claim's 今年 unsaid)
    ("青河县小麦平均亩产446公斤。", "据统计，去年全县小麦平均亩产", False),  # (another year)
    ("青河县小麦平均亩产446公斤。", "6月28日，全县小麦平均亩产", True),  # (a day told is when it was reported)
    ("青河县一季度规模以上工业增加值40.2亿元。", "上半年，全县规模以上工业增加值", False),
    ("青河县一季度规模以上工业增加值40.2亿元。", "一季度，全县规模以上工业增加值比去年同期", True),  # (a base compared with)
])
def test_the_next_figures_sentence_is_of_the_claims_period(claim, before, same):
    from rag.check.claims import find_claims
    from rag.check.verify import _of_claim_period

    ours = [c for c in find_claims(claim)[0] if c.kind == "figure"][0]
    assert _of_claim_period(ours, before) is same
