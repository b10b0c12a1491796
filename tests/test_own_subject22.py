"""The claim's figure told of another subject, the claim's subject told with another value (rag.check.own_subject), on a
page written for these tests (tests/data/contra22).

- ``own_subject``: a claim giving one place or period the figure the article gives a parallel one ("春节…接待游客35.2万人次"
  where 35.2万人次 is the 元旦 holiday's) is 不一致 with the article's figure for the claim's own subject, found in the clauses
  the article opens with it, or in its place of a 分别 list;
- ``own_subject_elided``: a list of places says the measure once, "东川县完成植树造林12.4万亩，…；西岭县完成9.8万亩";
- ``own_subject_supported``: a 一致 resting on the other place's figure is read the same way.
A claim whose subject the article does not name stays 未找到: no contradiction from a number near similar words.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import assistant_over, checked_without, claim_verdicts, contradicted
from rag.check.claims import find_claims
from rag.check.own_subject import _measure_tail, _subjects

PAGE = Path(__file__).parent / "data" / "contra22"


@pytest.fixture(scope="module")
def page_assistant(tmp_path_factory):
    return assistant_over(PAGE, tmp_path_factory, "contra22-index")


def test_a_claims_subjects_and_measure_words():
    claim = next(c for c in find_claims("今年春节假期全市实现旅游收入2.6亿元。")[0] if c.kind == "figure")
    assert _measure_tail(claim) == "收入"
    assert ("春节假期", "时间") in _subjects(claim)
    claim = next(c for c in find_claims("西岭县去年完成植树造林12.4万亩。")[0] if c.kind == "figure")
    assert ("西岭县", "地点") in _subjects(claim)


def test_another_periods_figure_is_contradicted_by_the_claims_own(page_assistant, monkeypatch):
    claim = "今年春节假期全市实现旅游收入2.6亿元。"
    report = page_assistant.check(claim)
    assert report.verdict == "contradicted" and contradicted(report) == [("9.3亿元", "时间")], claim_verdicts(report)
    assert checked_without(page_assistant, claim, "own_subject", monkeypatch).verdict != "contradicted"


def test_a_listed_places_figure_with_its_measure_said_once(page_assistant):
    claim = "去年西岭县完成植树造林12.4万亩，居全市首位。"
    report = page_assistant.check(claim)
    assert report.verdict == "contradicted" and ("9.8万亩", "地点") in contradicted(report), claim_verdicts(report)
    # (the parallel clause's measure, parallel_measure, reads this list too: the verdict holds with the switch off)


def test_a_respectively_list_pairs_places_and_figures(page_assistant):
    claim = "今年西岭县新建村级苗圃46个。"
    report = page_assistant.check(claim)
    assert report.verdict == "contradicted" and contradicted(report) == [("38个", "地点")], claim_verdicts(report)
    # (bind_list pairs this list too where the claim's value is read as 一致 first: the verdict holds with the switch off)


def test_the_claims_own_figure_and_an_unnamed_subject(page_assistant):
    report = page_assistant.check("今年东川县新建村级苗圃46个。")
    assert report.verdict != "contradicted", claim_verdicts(report)
    # a county the article does not name: no figure of its own to contradict it with
    report = page_assistant.check("去年石门县完成植树造林9.8万亩。")
    assert report.verdict != "contradicted", claim_verdicts(report)
