"""contra29's rebind_next brought back narrower, on contra29's page (tests/data/contra29).

- ``rebind_next``: a 不一致 whose figure the article binds to another subject ("该镇…平均亩产471公斤" is the town's) falls to
  the next figure that may contradict the claim, bound to the claim's own ("今年全县…平均亩产436公斤");
  ``rebind_next_period``: only where that figure's sentence tells of the claim's period (says each period the claim's names,
  names none the claim does not but the report's own year).

(contra30's subject_direction / year_direction narrowed by direction_period were dropped by the lead after merging: on the
dev halves they gained four claims and lost a claim of fresh8 and a draft claim of fresh18.)
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import assistant_over, checked_without, claim_verdicts, contradicted

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def qinghe(tmp_path_factory):
    return assistant_over(DATA / "contra29", tmp_path_factory, "contra29-index-30")


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
