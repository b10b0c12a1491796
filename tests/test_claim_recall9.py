"""Fact checking, helper "claimrecall9" (issue 10): true claims in a reporter's own words ended 未找到 where the article names
its place once, above its lead, and then writes 全县 / 全省.

- ``kicker``: an article's headline lines before its title ("岷山县粮食总产量" over "创历史新高"), read as paragraphs of no
  title, and its setting are part of its context, however far into the article the figure stands;
- ``named_whole``: "陕西全省" is 陕西 as a whole, not the scope 全省 of whatever province (a figure whose sentence names
  陕西省 is then not another province's).

Tested on a page written for these tests (tests/data/recall9/), not on evaluation pages."""
from __future__ import annotations

import pytest

from conftest import claim_verdicts, page_assistant_over


page_assistant = page_assistant_over("recall9")


@pytest.mark.parametrize("claim, verdict, found", [
    # the county is named only in the headline line above the title; the figure stands nine paragraphs into the article
    ("岷山县今年粮食总产量达到52.3万吨", "supported", "52.3万吨"),
    ("岷山县今年粮食总产量达到53.2万吨", "contradicted", "52.3万吨"),
    ("岷山县今年粮食播种面积96.5万亩", "supported", "96.5万亩"),
    # the province before 全省, the article's sentence naming 陕西省
    ("陕西全省今年造林面积比上年增加12万亩", "supported", "12万亩"),
    ("陕西全省今年造林面积比上年增加21万亩", "contradicted", "12万亩"),
])
def test_the_place_named_above_the_lead(page_assistant, claim, verdict, found):
    report = page_assistant.check(claim)
    assert report.verdict == verdict, claim_verdicts(report)
    assert found in [c.found for c in report.claims], claim_verdicts(report)


@pytest.mark.parametrize("claim", [
    "临河县今年粮食总产量达到52.3万吨",  # another county: its headline does not name it
    "山西全省今年造林面积比上年增加12万亩",  # another province's whole
    "宁夏冬小麦播种1126万亩",
])
def test_another_place_stays_not_found(page_assistant, claim):
    report = page_assistant.check(claim)
    assert report.verdict == "not_found", claim_verdicts(report)


@pytest.mark.parametrize("switch, claim", [
    ("kicker", "岷山县今年粮食总产量达到52.3万吨"),
    ("kicker", "岷山县今年粮食总产量达到53.2万吨"),
    ("named_whole", "陕西全省今年造林面积比上年增加12万亩"),
])
def test_the_switches_turn_them_off(page_assistant, monkeypatch, switch, claim):
    from rag.check.claims import places_in

    monkeypatch.setenv("RAG_CHECK_ABLATE", switch)
    places_in.cache_clear()  # (a text's places are read once)
    report = page_assistant.check(claim)
    places_in.cache_clear()
    assert report.verdict == "not_found", claim_verdicts(report)


def test_places_of_a_named_whole():
    from rag.check.claims import places_in

    assert places_in("吉林全省累计收购秋粮") == ("吉林",)
    assert places_in("西宁市城中区新增就业") == ("城中区",)  # a larger place before a smaller one still only says where it is
    assert "全省" in places_in("一季度全省新注册登记机动车")
