"""How context flows between a draft's sentences (drafts20, on a page written for these tests, tests/data/drafts20):

- ``whole_of_level`` (rag.check.claims.whole_of_level): a later sentence's 全县 / 该市 is the last 县 / 市 the draft named, not the
  smaller place named in the sentence just before ("青禾县…。石桥镇…。全县今年…" is 青禾县's); else the bare place of the lead.
- ``own_year`` (rag.check.claims): a clause that says its own year in words (今年, 去年, 全年) takes no part of a year said in an
  earlier sentence ("前三季度，…。今年全县投入…" is not told of 前三季度); 当年 / 同年 keep the year said before, not its part.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import assistant_over, claim_verdicts
from rag.check.claims import find_claims

PAGE = Path(__file__).parent / "data" / "drafts20"


@pytest.fixture(scope="module")
def page_assistant(tmp_path_factory):
    return assistant_over(PAGE, tmp_path_factory, "drafts20-index")


def _figure(report, stated):
    return next(c for c in report.claims if c.claim.stated == stated)


def test_whole_county_after_a_town_is_the_county_named_before(page_assistant):
    report = page_assistant.check("青禾县养老服务持续推进。石桥镇养老服务中心已入住老人86人。全县今年已有150名养老护理员取得职业技能等级证书。")
    claim = _figure(report, "150名")
    assert claim.claim.places == ("青禾县",), claim_verdicts(report)
    assert claim.verdict == "contradicted" and "128" in (claim.found or ""), claim_verdicts(report)
    right = page_assistant.check("青禾县养老服务持续推进。石桥镇养老服务中心已入住老人86人。全县今年已有128名养老护理员取得职业技能等级证书。")
    assert _figure(right, "128名").verdict == "supported", claim_verdicts(right)


def test_whole_county_after_a_township_is_supported(page_assistant):
    report = page_assistant.check("青禾县养老服务持续推进。白沙乡敬老院新增床位40张。全县今年投入养老服务资金2350万元。")
    assert _figure(report, "2350万元").verdict == "supported", claim_verdicts(report)


def test_whole_county_with_the_switch_off_keeps_the_town(monkeypatch):
    monkeypatch.setenv("RAG_CHECK_ABLATE", "whole_of_level")
    claims, _ = find_claims("青禾县养老服务持续推进。石桥镇养老服务中心已入住老人86人。全县今年已有150名养老护理员取得职业技能等级证书。")
    assert next(c for c in claims if c.stated == "150名").places == ("石桥镇",)


def test_whole_city_takes_the_lead_bare_place_and_no_national_scope():
    claims, _ = find_claims("临川是全国有名的柑橘产区。今年全市柑橘产量48.6万吨。")
    assert next(c for c in claims if c.stated == "48.6万吨").places == ("临川",)
    claims, _ = find_claims("住得下，是旅游的基础。东关机场新开通航线12条。本季全市新增民宿320家。")
    assert next(c for c in claims if c.stated == "320家").places == ()


def test_this_year_takes_no_part_of_the_year_said_before(page_assistant, monkeypatch):
    draft = "前三季度，青禾县养老床位总数达到1860张。今年全县投入养老服务资金2350万元。"
    report = page_assistant.check(draft)
    claim = _figure(report, "2350万元")
    assert claim.claim.periods == () and claim.verdict == "supported", claim_verdicts(report)
    monkeypatch.setenv("RAG_CHECK_ABLATE", "own_year")
    report = page_assistant.check(draft)
    assert _figure(report, "2350万元").verdict != "supported", claim_verdicts(report)


def test_that_year_keeps_the_year_not_its_month():
    claims, _ = find_claims("2024年3月，全市酒店入住率达到92.4%。当年全市新开业酒店21家。")
    assert next(c for c in claims if c.stated == "21家").periods == ("2024",)
    claims, _ = find_claims("上半年，全县接待游客120万人次，比去年增长8%。")
    assert next(c for c in claims if c.stated == "8%").periods == ("H1",)  # 比去年 compares, it is no period of the clause
