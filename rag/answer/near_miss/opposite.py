"""The opposite measure: "医保基金收入是多少" is not answered by "全市医保基金支出126.8亿元", nor "一般公共预算
支出" by "一般公共预算收入183.7亿元", nor "出口额" by "进口额": news states a flow and its counterflow side by side
in the same words but for one (a station's 到达 and 发送 passengers, a port's 进港 and 出港, 城镇 and 农村 residents), and the figure whose own clause names the other side of the pair (and not the asked
one) measures the other flow.

A clause naming both sides in one word (进出口, 收支, 出入境) and neither alone gives the two together: "出口额是多少"
is not answered by "跨境电商进出口额为5.9亿元" (``both_sides``), unless the question asks the two together too.
"""
from __future__ import annotations

import re

from ..question import QuestionAnalysis
from ..settings import ablated

# pairs of opposite flows, each side by the words that name it; a word holding both sides names the two together
_PAIRS = (
    (r"收入|营收", r"支出"),
    (r"(?<![进])出口", r"进口(?!出)"),
    (r"流入|净流入", r"流出|净流出"),
    (r"调入", r"调出"),
    (r"迁入", r"迁出"),
    (r"(?<![出])入境", r"出境"),
    (r"盈利|利润|赢利", r"亏损"),
    (r"存款", r"贷款"),
    # a station's or a port's two directions: arrivals against departures (到达旅客 / 发送旅客, 进港 / 出港)
    (r"到达|到站|进站", r"发送|出发|出站"),
    (r"进港|到港", r"出港|离港"),
    # town against country: 城镇居民 / 农村居民 人均可支配收入 (not 城镇化, the rate of both)
    (r"城镇(?!化)|城市居民", r"农村|乡村居民"),
)
# words naming both sides at once
_BOTH = re.compile(r"进出口|收支|出入境|进出境|出入|存贷款|盈亏|进出|吞吐|到发|城乡")


def _sides(text: str) -> set[int]:
    """The sides of the pairs ``text`` names: 2k for the first side of pair k, 2k+1 for its opposite."""
    text = _BOTH.sub(" ", text)
    return {2 * k + j for k, pair in enumerate(_PAIRS) for j, side in enumerate(pair) if re.search(side, text)}


def opposite_measure(clause: str, analysis: QuestionAnalysis) -> bool:
    """Whether the figure's own clause names the other side of a flow the question asks one side of, or only
    both sides together (进出口), and not the asked side."""
    asked = _sides(analysis.text)
    if not asked:
        return False
    said = _sides(clause)
    if not ablated("both_sides") and _BOTH.search(clause) and not _BOTH.search(analysis.text) and not asked & said:
        return True  # the two flows together (进出口额) for one asked (出口额)
    # the opposite of each asked side (2k ↔ 2k+1) said, the asked side not
    return any((side ^ 1) in said and side not in said and (side ^ 1) not in asked for side in asked)
