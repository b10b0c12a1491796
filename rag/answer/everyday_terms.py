"""Everyday wordings of a few measures of trade and output, read as the term news and statistics use (issue 11).

An article reports foreign trade and output in the statistical terms (出口, 出口额, 进口, 地区生产总值); an asker says
what they mean in everyday words: 卖到国外 / 往国外卖 / 销往海外 for 出口, "卖到国外的货值多少钱" for 出口额,
从国外买进 for 进口, 经济总量 for 地区生产总值 ("经济总量" is how the press glosses GDP). The words share no
character with the term, and the sentence vectors score a sibling measure as close (进出口总值, 产值: eval/README,
session 28), so neither the synonym table (词林 has no entry for these phrases) nor the vectors find them.

``in_article_terms`` rewrites these phrases in a question before it is read, so the question is then read exactly as
one asked in the article's words, and every near-miss check that guards such a question (出口 asked against 进出口:
near_miss.opposite; a partner or a part not said; another period) guards it too. Only these fixed phrases are read:
a place abroad (国外, 海外, 境外) with a verb of selling or sending out, or of buying in from it, and 经济总量.
Switch: ``everyday_terms``.
"""
from __future__ import annotations

import re

from .settings import ablated

_ABROAD = r"(?:国外|海外|境外)"
# selling or sending goods abroad: 卖到国外(去), 卖往海外, 销往境外, 卖出国外, 往国外卖(出去), 向海外销售
_EXPORTED = re.compile(
    r"(?:卖|销|运|发)(?:到了|到|往|去|出)" + _ABROAD + r"(?:去)?"
    r"|(?:往|向|朝)" + _ABROAD + r"(?:卖|销售|出售)(?:出去|了)?"
)
# the money that exported goods brought: 出口的货值, 出口的货(物)一共值多少钱, 出口一共卖了多少钱, 出口的金额
_EXPORT_VALUE = re.compile(
    r"出口(?:的|，)?(?:货物?|东西|产品)?的?(?:货值|金额|总值)"
    r"|出口(?:的|，)?(?:货物?|东西|产品)(?:一共|总共|共)?值(?=多少)"
    r"|出口(?:，)?(?:一共|总共|共)?卖了(?=多少钱)"
)
# the goods themselves after the term (出口的货比去年…, 出口货最多): 出口 says them
_EXPORTED_GOODS = re.compile(r"出口的?(?:货物|货|东西)")
# buying goods in from abroad: 从国外买(进/回), 从海外进(了)
_IMPORTED = re.compile(r"从" + _ABROAD + r"(?:买进|买回|购进|买|进)(?:来|了)?")
# the press's gloss of GDP
_OUTPUT = re.compile(r"经济总量")


def in_article_terms(question: str) -> str:
    """``question`` with its everyday words for export, import and GDP put in the article's terms
    ("去年全市卖到国外的货一共值多少钱" → "去年全市出口额多少钱"); unchanged when none is said or the reading is off."""
    if ablated("everyday_terms") or not question:
        return question
    read = _EXPORTED.sub("出口", question)
    if read != question:
        read = _EXPORTED_GOODS.sub("出口", _EXPORT_VALUE.sub("出口额", read))
    read = _IMPORTED.sub("进口", read)
    return _OUTPUT.sub("地区生产总值", read)
