"""Everyday wordings of a few fixed statistical measures, read as the term news and statistics use (issue 11).

An article reports output, health and the like in the statistical terms (地区生产总值, 人均预期寿命, 县域内就诊率); an
asker says what they mean in everyday words: 经济总量 for 地区生产总值 (the press's own gloss of GDP), "平均能活到多少岁"
for 人均预期寿命, "看病不出县的比例" / "看病留在本县的比例" for 县域内就诊率. The words share no character with the
term, 词林 has no entry for these phrases, and the sentence vectors score sibling measures as close (eval/README,
session 28), so neither the synonym table nor the vectors find them.

``in_article_terms`` rewrites these phrases in a question before it is retrieved and read, so the question is then
read exactly as one asked in the article's words, and every check that guards such a question (another period,
place, part, a target for an outcome) guards it too. Only these fixed phrases are read, each the one name of one
statistic. Switch: ``everyday_terms``.

Tried and left out: 卖到国外 / 往国外卖 for 出口 (and "卖到国外的货值" for 出口额). On the dev halves it answered 8
refused questions right, but as many others wrong (a company's, a quarter's or one product's 出口额 taken for the
city's total: the same wrong answer a question in the article's words gets) and lost one right answer; 官司 for 案件
answered "环境方面的官司" with one kind of case. A word for an act or a class of things is no fixed term.
"""
from __future__ import annotations

import re

from .settings import ablated

# the press's gloss of GDP
_OUTPUT = re.compile(r"经济总量")
# how long people live on average: 平均能活到多少岁, 平均寿命 (the statistic 人均预期寿命)
_LIFESPAN = re.compile(r"(?:人均|平均)(?:每人|一个人)?能?活(?:到了|到)?(?=多少岁|几岁)|平均寿命")
# patients treated in their own county: 看病不出县, 看病留在本县 (the statistic 县域内就诊率)
_IN_COUNTY = re.compile(r"看病(?:不出县|留在本县|在本县)的?(?:比例|比重|占比)?")


def in_article_terms(question: str) -> str:
    """``question`` with its everyday words for GDP, life expectancy and treatment in the county put in the article's
    terms ("头三个季度全市经济总量一共有多少" → "头三个季度全市地区生产总值一共有多少"); unchanged when none is said or
    the reading is off."""
    if ablated("everyday_terms") or not question:
        return question
    read = _OUTPUT.sub("地区生产总值", question)
    read = _LIFESPAN.sub("人均预期寿命", read)
    return _IN_COUNTY.sub("县域内就诊率", read)
