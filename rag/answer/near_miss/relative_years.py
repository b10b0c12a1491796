"""The relative years an article or a question dates by (今年, 去年, 上年 …), each under one name (上年 is 去年, 本年
今年), and the baselines of a change that date nothing ("较去年同期增长27%", "比上年增加"): read by the period checks
(near_miss.period, near_miss.whole_period) and by near_miss.past_by_date, which period calls.
"""
from __future__ import annotations

import re

RELATIVE_PERIOD = re.compile(r"今年|去年|前年|明年|上年|本年|上一年")
SAME_PERIOD = {"上年": "去年", "上一年": "去年", "本年": "今年"}
# a period named only as the baseline of a change ("较去年同期增长27%", "比去年增加")
RELATIVE_BASELINE = re.compile(r"(?:与|较|比|同比|相比)(?:今年|去年|前年|上年|本年|上一年)(?:同期)?(?:相比)?")


def relative_periods(text: str) -> set[str]:
    """The relative years ``text`` names, each under one name."""
    return {SAME_PERIOD.get(m.group(0), m.group(0)) for m in RELATIVE_PERIOD.finditer(text)}


def without_relative_baselines(text: str) -> str:
    """``text`` without the relative years it names only as a change's baseline."""
    return RELATIVE_BASELINE.sub("", text)
