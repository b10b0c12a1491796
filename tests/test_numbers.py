"""Numbers as news text writes them, read by value."""
from __future__ import annotations

from decimal import Decimal

import pytest

from rag.numbers import figures_in, values_in


@pytest.mark.parametrize(
    "text, expected",
    [
        ("城镇新增就业2047人", [("2047", Decimal(2047))]),
        ("汽车保有量超过1000万辆", [("1000万", Decimal(10**7))]),
        ("公益性岗位补贴3792.64 万元", [("3792.64万", Decimal("37926400"))]),
        ("2,047人", [("2,047", Decimal(2047))]),
        ("超过百万辆的城市", [("百万", Decimal(10**6))]),
        ("国际航线已增至一百五十余条", [("一百五十", Decimal(150))]),
        ("第二十一条", [("二十一", Decimal(21))]),
        ("种植一万二千亩", [("一万二千", Decimal(12000))]),
        ("三万五千人次", [("三万五千", Decimal(35000))]),
        # a Chinese numeral is a figure only before a unit, and from ten up
        ("老百姓一天跑一次", []),
        ("上一年多了两个", []),
    ],
)
def test_figures_in(text, expected):
    assert figures_in(text) == expected


def test_values_in_reads_every_writing():
    values = values_in("全国有103个城市超过百万辆，其中2.46万单，一百五十余条")
    assert {Decimal(103), Decimal(10**6), Decimal("24600"), Decimal(150)} <= values


def test_thousands_separators_add_no_stray_values():
    assert values_in("总投资1,000,000元") == {Decimal(1000000)}
    assert values_in("分别为37,111人") >= {Decimal(37111), Decimal(37), Decimal(111)}  # maybe a list
    assert values_in("三个班分别有105，112，120人") >= {Decimal(105), Decimal(112), Decimal(120)}  # a list
