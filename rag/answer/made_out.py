"""A product asked with a resultative verb of making (炼出, 采出, 造出, 酿出) read as 生产 (issue 11).

An asker says how much of a good a plant or a place turned out with the verb of its trade and the complement 出: "炼出了
多少甲醇", "采出了多少吨页岩油", "造出了多少氢气", "酿出了多少吨冰酒". The article reports the same output in its own
verb, 生产 ("全年生产甲醇168万吨"). The question's verb is then a word the answer stage looks for and does not find, so a
sentence holding the very figure was refused ("文中只有：…全年生产甲醇168万吨", fresh36 dev, four page sets).

The verb plus 出 says only that the thing was made; ``produced_reading`` reads it as 生产 wherever the question goes on to
ask how much (多少 / 几, a unit between) of a thing, so the question is retrieved and read as one asked in the article's
word. Without 出 the verb is left as asked: 炼了多少原油 is the crude oil a refinery takes in (加工原油), 烧了几起山火 no
output at all, 改造 / 创造 / 制造 other verbs. An amount of money or value (产出了多少产值, 造出了多少钱) is left as well:
生产 produces a good, not a sum. 晒出 is left out: a crop dried in the sun is reported as its 产量 (韩城 "干花椒产量2.9万吨",
fresh25 dev), and read as 生产 the question wanted a word the paragraph does not say. Switch: ``made_out``.
"""
from __future__ import annotations

import re

from .settings import ablated

# the verbs of making a good with the result complement 出 (not 改造 / 创造 / 制造 / 营造 / 建造 / 打造 / 锻造 / 塑造 /
# 再造 / 伪造 / 酿造 before it: other verbs or their own trade's term)
_MADE_OUT = re.compile(
    r"(?<![改创制营建打锻塑再伪编])(?:炼|采|造|酿|产|开采|冶炼|提炼)出(了?)"
    r"(?=(?:多少|几)[^，。？?！!]{0,6}?[\u4e00-\u9fff])(?![^，。？?！!]{0,8}?(?:产值|增加值|收入|钱|效益|利润|价值))"
)


def produced_reading(question: str) -> str:
    """``question`` with a resultative verb of making before an amount read as 生产 ("去年炼出了多少甲醇" → "去年生产了
    多少甲醇"); unchanged when none is said or the switch ``made_out`` is off."""
    if not question or ablated("made_out"):
        return question
    return _MADE_OUT.sub(lambda m: "生产" + m.group(1), question)
