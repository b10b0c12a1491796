"""The unit the question writes: "伊金霍洛旗的新能源装机有多少万千瓦" is not answered by "聚集新能源装备企业38家",
nor "一共卖了多少斤小麦" by "1860亩小麦": a question that writes a unit of measure right after its wh-word (斤, 万千瓦,
平方米, 元, 多少钱) asks a weight, a power, an area, a sum of money; a figure in a unit of another kind (an area for a
weight, a count of firms for a power) measures something else, whatever the words around it.

Only units whose kind is certain are read, on both sides: a figure whose unit is none of them (标箱, 美元) is
left to the other checks.
"""
from __future__ import annotations

import re

from ..question import QuestionAnalysis, opens_longer_word
from ..settings import ablated
from ..spans import Span

# the kinds of measure, each by the units news writes it in (the longest first where they share characters)
_KINDS = {
    "power": ("兆瓦", "千瓦"),
    "energy": ("千瓦时", "度电"),
    "weight": ("公斤", "千克", "斤", "吨"),
    "area": ("平方公里", "平方米", "公顷", "亩"),
    "length": ("公里", "千米", "米"),
    "volume": ("立方米",),
    "money": ("元", "块钱", "钱"),
    "duration": ("小时", "分钟", "天", "个月"),
}
# count words: a figure in one of them counts things, it measures no weight, area or sum
_COUNT = frozenset("个 家 所 项 处 座 场 次 名 位 人 件 张 条 套 台 部 批 种 支 只 头 艘 架 栋 间 辆 户 例 株 棵 人次 万人次 列".split())
_PERCENT = ("%", "％", "个百分点", "成", "倍")
_MULT = r"(?:万亿|亿|万|千|百)?"
_ALL = sorted({u for units in _KINDS.values() for u in units}, key=len, reverse=True)
_ASKED = re.compile(r"(?:多少|几)" + _MULT + "(" + "|".join(_ALL) + ")")
# "多少钱一斤": a price per unit asked ("一公斤多少钱") keeps its per-unit word out of the asked unit
_PER = re.compile(r"[一每](?:" + "|".join(_ALL) + ")")


def _kind(unit: str) -> str | None:
    return next((kind for kind, units in _KINDS.items() if unit in units), None)


# a count word right after the wh-word ("多少笔贷款", "几座"): things counted, not measured
# ("这几家企业…多少" names things, it asks no count; "多少个百分点", "几个月" are no count words)
_ASKED_COUNT = re.compile(r"(?:多少|(?<![这那前后头十])几)" + _MULT + "(" + "|".join(sorted(_COUNT | {"笔"}, key=len, reverse=True))
                          + r")(?!百分点|月|工作日|小时|钟)")
# an amount named by 额 ("进口额是多少", "销售额有多少"; not 份额, 名额, 配额): a sum of money
_AMOUNT_ASKED = re.compile(r"(?<![份名配限])额(?:是|为|有|达到|达|一共|共|总共|大约|约){0,2}(?:多少|几)(?![个家所项倍%％])")


def asked_unit_kind(analysis: QuestionAnalysis) -> str | None:
    """The kind of measure the question's wh-word is written with (多少万千瓦: power; 多少笔: count; 进口额是多少:
    money), or None."""
    text = analysis.text
    # a one-character unit opening a longer word is no unit ("多少天然气": 天 of 天然气, the thing asked)
    measured = [(m.start(), _kind(m.group(1))) for m in _ASKED.finditer(text)
                if not opens_longer_word(text, m.start(1), m.group(1))]
    counted = [] if ablated("asked_count") else [(m.start(), "count") for m in _ASKED_COUNT.finditer(text)
                                                  if not opens_longer_word(text, m.start(1), m.group(1))]
    amount = [] if ablated("asked_amount") else [
        (m.start() + max(m.group(0).rfind("多少"), m.group(0).rfind("几")), "money") for m in _AMOUNT_ASKED.finditer(text)]
    found = sorted(measured + counted + amount)
    if not found:
        return None
    # the last wh-word asks (a count word before it names things: "几家企业投了多少钱"); one with no unit after it
    # ("这几家企业一共投了多少") asks no unit this reads
    last = max(m.start() for m in re.finditer(r"多少|几", text))
    at, kind = found[-1]
    return kind if at == last else None


def _figure_unit(span: Span, sentence: str) -> tuple[str, str] | None:
    """(kind, unit) of the figure: a measure kind, "count" or "percent"; None when the unit is none known."""
    text = span.text.rstrip("以上下左右内余多")
    for unit in sorted(_ALL + list(_COUNT) + list(_PERCENT), key=len, reverse=True):
        if text.endswith(unit):
            if unit in _COUNT:
                # a count word glued to a measure unit after the span ("38个" of "38个千瓦"?) is no count
                if re.match("|".join(_ALL), sentence[span.end:span.end + 4]):
                    return None
                return "count", unit
            if unit in _PERCENT:
                return "percent", unit
            return _kind(unit), unit
    return None


def unit_of_other_kind(span: Span, sentence: str, analysis: QuestionAnalysis) -> bool:
    """Whether the question writes a unit of measure after its wh-word and the figure is in a unit of another
    kind (a count, a percentage, another measure)."""
    asked = asked_unit_kind(analysis)
    if asked is None:
        return False
    if _PER.search(analysis.text) and asked == "money":  # "一公斤多少钱": the price per unit, for the rate checks
        return False
    found = _figure_unit(span, sentence)
    if found is None:
        return False
    if _asked_unit_written(span, sentence, analysis):
        return False
    kind, _ = found
    if kind == asked:
        return False
    # a duration asked ("几天") may be answered by a count of days written as a count ("3次"?) — never; but a
    # percentage answers no sum and a count no measure
    return True


def _asked_unit_written(span: Span, sentence: str, analysis: QuestionAnalysis) -> bool:
    """Whether the figure's own clause writes a number in the very unit the question asks ("发放住房公积金个人
    贷款2960笔、10.7亿元" for 多少笔): one measure given in two units, the asked one beside the figure, which
    the span reading may not know as a unit."""
    asked = re.search(r"(?:多少|几)" + _MULT + r"([\u4e00-\u9fff]{1,3})", analysis.text)
    if not asked:
        return False
    left = max((m.end() for m in re.finditer(r"[，,；;。！？!?]", sentence[:span.start])), default=0)
    right = re.search(r"[，,；;。！？!?]", sentence[span.end:])
    clause = sentence[left:span.end + right.start() if right else len(sentence)]
    return any(re.search(r"\d" + _MULT + re.escape(asked.group(1)[:n]), clause) and asked.group(1)[:n] in _UNITS_WRITTEN
               for n in range(len(asked.group(1)), 0, -1))


_UNITS_WRITTEN = frozenset(_ALL) | _COUNT | {"笔"}
