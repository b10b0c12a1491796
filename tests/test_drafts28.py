"""Fact checking of drafts, helper "drafts28" (issue 10): a draft sentence's figures read together.

- ``share_lean``: a share of the whole said with no measure of its own ("…126万千瓦，占全省的四成以上") is the share of what
  the figure before it measures, in the draft and in the article ("…3.2万亩，占全县的四分之一以上").
- ``told_otherwise``: a figure left 未找到 whose measure the article sentence confirming its sibling states with another
  value is 不一致 there ("共有36支代表队、900余名运动员参赛" where the sentence confirming 36支 says 800余名青少年运动员); never a
  figure of another measure, nor one another figure of the draft sentence was confirmed by.
- ``rank_either_side``: beside a confirmed rank, the statement's figure may stand on either side ("增幅居全县第一，达到15.6%"
  against "同比增长12.6%，增幅居全县第一"); a rate of change (增幅, 增速) is read as a rise.
Each with its switch off gives the old 未找到. Tested on a page written for these tests (tests/data/drafts28/)."""
from __future__ import annotations

import pytest

from conftest import claim_verdicts, page_assistant_over


page_assistant = page_assistant_over("drafts28")


def _verdicts(report) -> dict[str, str]:
    return {c.claim.stated: c.verdict for c in report.claims}


def _claim(report, stated):
    return next(c for c in report.claims if c.claim.stated == stated)


SHARE = "截至2025年底，青松县光伏并网装机达到126万千瓦，占全省的四成以上。"


def test_a_share_of_the_whole_measures_what_the_figure_before_does(page_assistant, monkeypatch):
    report = page_assistant.check(SHARE)
    assert _verdicts(report) == {"126万千瓦": "supported", "四成以上": "supported"}, claim_verdicts(report)
    monkeypatch.setenv("RAG_CHECK_ABLATE", "share_lean")
    assert _verdicts(page_assistant.check(SHARE))["四成以上"] == "not_found"


def test_a_wrong_share_is_not_confirmed(page_assistant):
    report = page_assistant.check("截至2025年底，青松县光伏并网装机达到126万千瓦，占全省的六成以上。")
    assert _verdicts(report)["六成以上"] != "supported", claim_verdicts(report)


SIBLING = "本届县运会共有36支代表队、900余名青少年运动员参赛。"


def test_a_figure_told_otherwise_beside_its_confirmed_sibling(page_assistant):
    report = page_assistant.check(SIBLING)
    assert _verdicts(report) == {"36支": "supported", "900余名": "contradicted"}, claim_verdicts(report)
    assert _claim(report, "900余名").found == "800余名"


def test_a_share_told_otherwise_beside_its_part(page_assistant):
    draft = "白石镇茶叶种植面积3.2万亩，占全县的三分之一以上。"
    report = page_assistant.check(draft)
    assert _verdicts(report) == {"3.2万亩": "supported", "三分之一以上": "contradicted"}, claim_verdicts(report)
    assert _claim(report, "三分之一以上").found == "四分之一以上"


@pytest.mark.parametrize("draft, unread", [
    ("本届县运会共有36支代表队、900余名裁判员参赛。", "900余名"),  # the sentence counts no 裁判员
    ("本届县运会共有36支代表队、120名运动员参赛。", "120名"),  # 120 are 场 (another unit), 800余名 are the 运动员
])
def test_a_figure_of_another_measure_is_not_told_otherwise(page_assistant, draft, unread):
    report = page_assistant.check(draft)
    assert _verdicts(report)[unread] != "supported", claim_verdicts(report)
    if "裁判员" in draft:
        assert _verdicts(report)[unread] == "not_found", claim_verdicts(report)


RANK = "青松县人民医院医共体基层诊疗人次增幅居全县第一，达到15.6%。"


def test_a_rate_beside_a_confirmed_rank_is_read_on_either_side(page_assistant, monkeypatch):
    report = page_assistant.check(RANK)
    assert _verdicts(report) == {"第一": "supported", "15.6%": "contradicted"}, claim_verdicts(report)
    assert _claim(report, "15.6%").found == "12.6%"
    for switch in ("rank_either_side", "told_otherwise"):
        monkeypatch.setenv("RAG_CHECK_ABLATE", switch)
        assert _verdicts(page_assistant.check(RANK))["15.6%"] == "not_found", switch


def test_the_right_rate_beside_a_confirmed_rank_is_told(page_assistant):
    report = page_assistant.check("青松县人民医院医共体基层诊疗人次增幅居全县第一，达到12.6%。")
    assert _verdicts(report) == {"第一": "supported", "12.6%": "supported"}, claim_verdicts(report)


def test_only_a_share_of_a_named_whole_leans(monkeypatch):
    from rag.check.claims import _names_measure
    assert not _names_measure("，占全省的 ") and not _names_measure("，占全市总量的 ")
    assert _names_measure("新校区占地 ")  # 占地 is the area a site covers, a measure of its own
    monkeypatch.setenv("RAG_CHECK_ABLATE", "share_lean")
    assert _names_measure("，占全省的 ")
