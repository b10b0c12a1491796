"""A roundup's items that name only their place (rag.check.own_subject), on a page written for these tests
(tests/data/claims27).

- ``own_subject_item``: an item naming only its place before its figure ("；柳林县172.3亿元"), the measure said once by the
  list's lead ("桐县规模以上工业产值286.4亿元"), measures what the lead does: a claim giving another place that item's figure
  is 不一致 with the claimed place's own item, standing after the anchor's item or before it;
- ``own_subject_opening``: a place of one character before its suffix opening its clause ("，桐县规模以上工业产值…") is a
  parallel subject as "城关县" is.
An item saying a measure of its own ("南湖区服务业营收96.5亿元") is not read as the lead's; a place the page does not name
stays 未找到 (claims28's ``bare_item_measure``, reading such an item with its lead's measure, makes the same contradictions:
the switch-off checks switch it off too). Both readings only turn a 未找到 (or a 一致 on another place's figure) into 不一致: never a 一致.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import assistant_over, checked_without, claim_verdicts, contradicted

PAGE = Path(__file__).parent / "data" / "claims27"


@pytest.fixture(scope="module")
def page_assistant(tmp_path_factory):
    return assistant_over(PAGE, tmp_path_factory, "claims27-index")


def test_a_bare_items_figure_given_to_a_place_listed_after_it(page_assistant, monkeypatch):
    claim = "城关县去年规模以上工业产值172.3亿元。"
    report = page_assistant.check(claim)
    assert contradicted(report) == [("158.9亿元", "地点")], claim_verdicts(report)
    assert checked_without(page_assistant, claim, "own_subject_item,bare_item_measure", monkeypatch).verdict == "not_found"


def test_a_bare_items_figure_given_to_a_place_listed_before_it(page_assistant, monkeypatch):
    claim = "柳林县去年规模以上工业产值158.9亿元。"
    report = page_assistant.check(claim)
    assert contradicted(report) == [("172.3亿元", "地点")], claim_verdicts(report)
    assert checked_without(page_assistant, claim, "own_subject_item,bare_item_measure", monkeypatch).verdict == "not_found"


def test_an_item_with_its_verb_said_by_the_lead(page_assistant):
    report = page_assistant.check("柳林县今年新增公办学位3460个。")
    assert contradicted(report) == [("2980个", "地点")], claim_verdicts(report)


def test_a_one_character_place_opening_the_lead(page_assistant, monkeypatch):
    claim = "城关县去年规模以上工业产值286.4亿元。"
    report = page_assistant.check(claim)
    assert contradicted(report) == [("158.9亿元", "地点")], claim_verdicts(report)
    assert checked_without(page_assistant, claim, "own_subject_opening,bare_item_measure", monkeypatch).verdict == "not_found"


def test_the_claims_own_figure_is_not_contradicted(page_assistant):
    report = page_assistant.check("柳林县去年规模以上工业产值172.3亿元。")
    assert report.verdict != "contradicted", claim_verdicts(report)


def test_an_item_of_another_measure_and_an_unnamed_place(page_assistant):
    # 南湖区's 96.5亿元 are its 服务业营收, not the lead's 规模以上工业产值: not 城关县's (its own bare item, 158.9亿元, read with
    # the lead's measure by claims28's ``bare_item_measure``, tells it otherwise)
    report = page_assistant.check("城关县去年规模以上工业产值96.5亿元。")
    assert report.verdict != "supported", claim_verdicts(report)
    assert contradicted(report) in ([], [("158.9亿元", "数值")]), claim_verdicts(report)
    # a county the page does not name has no item of its own
    report = page_assistant.check("石门县去年规模以上工业产值172.3亿元。")
    assert report.verdict != "contradicted" and report.verdict != "supported", claim_verdicts(report)
