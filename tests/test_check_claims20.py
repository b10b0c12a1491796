"""Fact-check readings of the twentieth session, on a page written for these tests (tests/data/claims20): wrong 一致 from a
count the figure reader did not read, and from a 分别 list's other item.

- ``classifier_units`` (rag.check.figures): 例, 宗, 口, 眼, 斤 are counters, so "手术248例" is a figure and a wrong count 不一致.
- ``unread_number`` (rag.check.verify): a claim checked on its place or name whose number the reader does not read is 一致
  only when its evidence sentence writes that number with what it counts.
- ``nearest_item`` (rag.check.readings.other_item): a claim naming words of several items of a 分别 list tells the item named
  last before its figure.
- ``draft_place`` (rag.check.verify): a draft figure naming no place is not 一致 where the place its paragraph named has another
  figure for it.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import assistant_over, checked_without, claim_verdicts, contradicted
from rag.check.claims import find_claims
from rag.check.figures import find_figures

PAGE = Path(__file__).parent / "data" / "claims20"


@pytest.fixture(scope="module")
def page_assistant(tmp_path_factory):
    return assistant_over(PAGE, tmp_path_factory, "claims20-index")


def test_counters_are_units():
    assert [f.written for f in find_figures("去年立案查处环境违法案件52宗")] == ["52宗"]
    assert [f.written for f in find_figures("全县深水网箱达到860口")] == ["860口"]
    assert [f.written for f in find_figures("平均亩产达到1100斤")] == ["1100斤"]
    assert find_figures("一眼望去，三口之家") == []


def test_a_wrong_case_count_is_contradicted(page_assistant):
    report = page_assistant.check("石桥镇卫生院前三季度完成手术284例。")
    assert report.verdict == "contradicted" and contradicted(report) == [("248例", "数值")], claim_verdicts(report)
    assert page_assistant.check("石桥镇卫生院前三季度完成手术248例。").verdict == "supported"


def test_an_unread_number_must_be_the_evidences(page_assistant, monkeypatch):
    claim = "河西县供热提升工程改造燃煤锅炉供热能力45蒸吨。"  # 蒸吨 is read by no unit: checked on its words; 45 is the 公里 of pipes
    assert [c.kind for c in find_claims(claim)[0]] in (["place"], ["direction"])  # no figure read
    report = page_assistant.check(claim)
    assert report.verdict == "not_found", claim_verdicts(report)
    assert page_assistant.check("河西县供热提升工程改造燃煤锅炉供热能力120蒸吨。").verdict == "supported"
    assert page_assistant.check("河西县古窑今年累计烧制92窑次。").verdict == "contradicted"  # the readings before it still contradict
    assert checked_without(page_assistant, claim, "unread_number", monkeypatch).verdict == "supported"


def test_the_item_named_last_before_the_figure(page_assistant, monkeypatch):
    claim = "河西县跨省异地就医直接结算金额1.76亿元，同比增长21.5%。"  # 21.5% is the 人次's growth, the amount's is 14.2%
    report = page_assistant.check(claim)
    assert [c.verdict for c in report.claims] == ["supported", "contradicted"], claim_verdicts(report)
    assert report.claims[1].found == "14.2%"
    assert page_assistant.check("河西县跨省异地就医直接结算8.4万人次，同比增长21.5%。").verdict == "supported"
    assert [c.verdict for c in checked_without(page_assistant, claim, "nearest_item", monkeypatch).claims] == ["supported", "supported"]


def test_a_draft_figure_is_its_paragraphs_place(page_assistant, monkeypatch):
    draft = "东岭县卫生院今年新建康复科3个。乡镇卫生院前三季度完成康复治疗1320人次。"  # the article's 1320人次 is 河西县's
    claims = find_claims(draft)[0]
    assert claims[-1].places == () and claims[-1].draft_places == ("东岭县",)
    # the place's own figure is another: not 一致 (the 860人次 of 东岭县 found instead)
    assert page_assistant.check(draft).claims[-1].verdict == "contradicted", claim_verdicts(page_assistant.check(draft))
    assert checked_without(page_assistant, draft, "draft_place", monkeypatch).claims[-1].verdict == "supported"
    same = "河西县卫生院今年开设康复科。乡镇卫生院前三季度完成康复治疗1320人次。"
    assert page_assistant.check(same).claims[-1].verdict == "supported"
