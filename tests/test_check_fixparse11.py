"""Fact checking, helper "fixparse11" (issue 10): reading figures whole. "提前4个月建成" states how early (a figure
to check), the 前 of 提前/以前/之前/目前 opens no period as "前10个月" does; a fraction's denominator is read whole
("二十分之一" is 5%, not 十分之一); 万亿 is one scale; "3亿5000万元" is one amount; "三成五" is 35%.
Tested on a page written for these tests (tests/data/fixparse11/), not on evaluation pages."""
from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import claim_verdicts, page_assistant_over

from rag.check.claims import find_claims
from rag.check.figures import find_figures


def _figures(text: str):
    return [f for f in find_figures(text) if f.kind == "figure"]


@pytest.mark.parametrize("text", ["比原计划提前4个月建成通车", "工期比以前2个月缩短", "较之前3个月有所回升", "目前6个月的订单已排满"])
def test_the_qian_of_tiqian_opens_no_period(text):
    assert [f.value for f in _figures(text) if f.unit == "个月"], _figures(text)


def test_the_months_a_figure_covers_are_still_a_period():
    assert not [f for f in _figures("今年前10个月，全市进出口680亿元") if f.unit == "个月"]
    claims, _ = find_claims("青州地铁五号线比原计划提前4个月建成通车。")
    assert [c.stated for c in claims] == ["4个月"]
    claims, _ = find_claims("今年前10个月，青州全市进出口总额达到680亿元。")
    assert [c.stated for c in claims] == ["680亿元"]


@pytest.mark.parametrize("text, value, qualifier", [
    ("占全省的二十分之一", Decimal(5), "exact"),
    ("约占十二分之一", Decimal(100) / 12, "about"),
    ("近三十分之一", Decimal(100) / 30, "near"),
    ("三分之一以上", Decimal(100) / 3, "lower"),
    ("总投资1.2万亿元", Decimal("1200000000000"), "exact"),
    ("总投资3亿5000万元", Decimal("350000000"), "exact"),
    ("1亿5千万元", Decimal("150000000"), "exact"),
    ("销量占三成五", Decimal(35), "exact"),
    ("增长一成半", Decimal(15), "exact"),
    ("八成以上", Decimal(80), "lower"),
])
def test_figures_are_read_whole(text, value, qualifier):
    figures = _figures(text)
    assert len(figures) == 1, figures
    assert abs(figures[0].value - value) < Decimal("0.0001") and figures[0].qualifier == qualifier, figures[0]


page_assistant = page_assistant_over("fixparse11")


def test_how_early_is_checked_against_the_article(page_assistant):
    report = page_assistant.check("临江地铁二号线东延段比原计划提前6个月建成通车")
    assert report.verdict == "contradicted", claim_verdicts(report)
    assert "4个月" in [c.found for c in report.claims], claim_verdicts(report)
    assert page_assistant.check("临江地铁二号线东延段比原计划提前4个月建成通车").verdict == "supported"


def test_a_share_by_fraction_is_checked_whole(page_assistant):
    report = page_assistant.check("今年1月至9月，临江市轨道交通投资占全市基础设施投资的十分之一")
    assert report.verdict == "contradicted", claim_verdicts(report)
