"""Money told in another currency (switch ``currency_slip``, read by ``rag.check.scoring``): "公司2024年研发投入2.6亿元" does not
tell "驰远感知2024年研发投入2.6亿美元"; the very amount in 美元 instead of 元 (or 欧元), its measure restated as closely as would
confirm it in its own currency, is the unit misquoted: 不一致 on 单位, the article's "2.6亿元" found.

Before, 美元 and 元 were no units of one quantity (``readings._unit_slip`` knows lengths, weights, areas and spans), so the same
amount in the other currency was a contradiction only where the claim restated the article's words more closely than a
confirmation needs (seeds: "日均工资295美元" for "295元"). Where the article's figure opens its clause with a word the claim
says otherwise ("上海驰远感知科技有限公司…。…公司2024年研发投入2.6亿元", fresh6 dev yn030), the right amount was confirmed in 元
and left 未找到 in 美元. The currencies are the ones ``rag.check.figures`` reads as units (元, 美元, 欧元); the amount must be the
same value (its scale too: "2.6亿美元" is not told by "2.6万元"), and the rest of the bar is a confirmation's (same subject, period
and place, no name unsaid: ``verify.contradicting``).
"""
from __future__ import annotations

from .ablation import ingredient_on
from .figures import Figure

CURRENCIES = frozenset({"元", "美元", "欧元"})


def other_currency(stated_unit: str, found_unit: str) -> bool:
    """Whether two units are two currencies (the same quantity, money), with ``currency_slip`` on."""
    return ingredient_on("currency_slip") and stated_unit != found_unit and {stated_unit, found_unit} <= CURRENCIES


def currency_misquoted(stated: Figure, found: Figure, restated: float, support_min: float) -> bool:
    """The claim's very amount in another currency than the article figure's, whose measure the claim restates as closely as a
    confirmation needs (``restated`` of the article's words, at least ``support_min``)."""
    return (stated.kind == "figure" and found.kind == "figure" and stated.value == found.value and stated.qualifier == found.qualifier
            and restated >= support_min and other_currency(stated.unit_class, found.unit_class))
