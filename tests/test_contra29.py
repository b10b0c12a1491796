"""Contradicted claims the checker left 未找到, on a page written for these tests (tests/data/contra29).

- ``compared_more_bare``: "比去年同期多补0.42亿立方米" (比 + base + 多/少 + a verb, no 了) is a rise of 0.42亿立方米;
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import assistant_over, checked_without, claim_verdicts, contradicted

PAGE = Path(__file__).parent / "data" / "contra29"


@pytest.fixture(scope="module")
def page_assistant(tmp_path_factory):
    return assistant_over(PAGE, tmp_path_factory, "contra29-index")


def test_the_countys_own_figure_still_confirms(page_assistant):
    report = page_assistant.check("青河县今年小麦平均亩产436公斤。")
    assert report.verdict == "supported", claim_verdicts(report)


def test_more_done_than_a_base_without_le_is_a_rise(page_assistant, monkeypatch):
    claim = "上半年芦湾湿地保护区生态补水量比去年同期少了0.42亿立方米。"
    report = page_assistant.check(claim)
    assert [d for _, d in contradicted(report)] == ["方向"], claim_verdicts(report)
    assert "0.42亿立方米" in contradicted(report)[0][0]
    off = checked_without(page_assistant, claim, "compared_more_bare", monkeypatch)
    assert off.verdict != "contradicted", claim_verdicts(off)
