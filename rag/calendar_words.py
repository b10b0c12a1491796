"""The holidays and seasons news dates a figure by, one table for every reader of them.

A closed class of the calendar, not of any article: "春节假期…183.5亿元", "冰雪季共…完成旅客吞吐量…". Each holiday or
season is a family under one name with the words that name it ("劳动节" is 五一's, "暑假" 暑期's, "雪季" 冰雪季's).
``rag.check.binding`` reads them for the holiday or season an article figure is bound to (``bind_period``), and
``rag.answer.asked_place`` for the period a question names that a figure's sentence must not date otherwise
(``other_period``); each reads the words only it needs from here too (asked_place ``ALSO_SAID``, "除夕", "“十一”假期";
binding ``GENERIC_BREAKS`` and ``OTHER_SEASONS``, 黄金周, 旺季, 汛期, …), and every reader of "前10个月" (``check.figures``,
``answer.asked_place``) the same 前 (``FRAME_前``).
"""
from __future__ import annotations

import datetime as dt

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

# a break of any named holiday: "国庆黄金周" is 国庆's, a bare "黄金周" may be any of them (check.binding)
GENERIC_BREAKS: tuple[str, ...] = ("黄金周", "小长假")
# other seasons a figure is told of, each by the word written (check.binding)
OTHER_SEASONS: tuple[str, ...] = ("旅游季", "雨季", "旺季", "淡季", "赛季", "汛期")
# the other words a question may name a holiday by (answer.asked_place), as patterns
ALSO_SAID: dict[str, str] = {"春节": r"除夕|大年初", "国庆": r"[“\"]?十一[”\"]?(?:假期|黄金周|长假|期间)"}
# the 前 that opens a frame of months or years ("前10个月"): not the 前 of 提前/以前/之前/目前/此前/日前 ("提前3个月建成"
# states how early, a figure)
FRAME_前 = r"(?<![提以之目此日])前"


def words(table: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[str, ...]:
    """Every word of ``table``, in its order."""
    return tuple(word for _, said in table for word in said)


def iso_day(date: str | None) -> dt.date | None:
    """The day an ISO date string names ("2026-01-08"), or None when there is none or it is no date."""
    try:
        return dt.date.fromisoformat(date) if date else None
    except ValueError:
        return None
