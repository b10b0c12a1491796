"""The holidays and seasons news dates a figure by, one table for every reader of them.

A closed class of the calendar, not of any article: "春节假期…183.5亿元", "冰雪季共…完成旅客吞吐量…". Each holiday or
season is a family under one name with the words that name it ("劳动节" is 五一's, "暑假" 暑期's, "雪季" 冰雪季's).
``rag.check.binding`` reads them for the holiday or season an article figure is bound to (``bind_period``), and
``rag.answer.asked_place`` for the period a question names that a figure's sentence must not date otherwise
(``other_period``); each adds the words only it reads (asked_place's "除夕", "“十一”假期"; binding's 旺季, 汛期, …).
"""
from __future__ import annotations

# the named holidays: (family, the words naming it)
HOLIDAYS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("元旦", ("元旦",)),
    ("春节", ("春节",)),
    ("清明", ("清明",)),
    ("五一", ("五一", "劳动节")),
    ("端午", ("端午",)),
    ("中秋", ("中秋",)),
    ("国庆", ("国庆",)),
)
# the school breaks and the snow season: (family, the words naming it)
SEASONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("暑期", ("暑期", "暑假")),
    ("寒假", ("寒假",)),
    ("冰雪季", ("冰雪季", "雪季")),
)


def words(table: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[str, ...]:
    """Every word of ``table``, in its order."""
    return tuple(word for _, said in table for word in said)
