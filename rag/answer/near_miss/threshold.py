"""A threshold sorting things, not the asked measure's value: "全市出口额是多少" is not answered by "年出口额超5亿元的企业
27家", nor "交通事故死亡多少人" by "未发生一次死亡3人以上的较大道路交通事故".

A figure said as a bound (超过, 超, 逾, 不低于, 高于, 低于, 不足…; 以上, 以下, 以内 after it) or as a range (5亿元至10亿元),
right before 的 and the thing it sorts (企业, 事故), names a class of those things: its figure is no amount of anything.
A bound said after its figure (以上, 以下, 以内) may be glued to the noun it sorts with no 的 ("死亡3人以上道路交通事故",
"年产值5亿元以上企业"): the noun right after the bound is the sorted thing all the same (switch ``threshold_glued``).
A question that asks a bound itself (以上, 超过, 标准, 门槛…, or a condition: "多大岁数的老人…就不用花钱") or says the figure
is not refused for it.
"""
from __future__ import annotations

import re

from ..question import GENERIC_PLACES, QuestionAnalysis, pos_cut
from ..settings import ablated
from ..spans import Span

_BOUND_BEFORE = re.compile(r"(?:超过|超出|超|逾|不低于|不少于|不超过|高于|低于|大于|小于|不足)$")
_BOUND_AFTER = r"(?:以上|以下|及以上|及以下|以内)"
_NUMBER = r"[0-9０-９.．]+[万亿千百]*[^\s，,。；;、的0-9]{0,3}?"
# the figure sorts the thing after 的 (a noun, not a verb's 的: "的企业", "的较大道路交通事故")
_SORTED = re.compile(r"(?:" + _BOUND_AFTER + r"|(?:至|到|—|－|-|~|～)" + _NUMBER + _BOUND_AFTER + r"?)?的[\u4e00-\u9fff]")
_RANGE_END = re.compile(r"[0-9０-９][^\s，,。；;、的0-9]{0,3}(?:至|到|—|－|-|~|～)$")
# (and a condition: "多大岁数的老人坐公交就不用花钱", "多少分才能上线")
_BOUND_ASKED = re.compile(r"以上|以下|以内|超过|超出|不低于|不少于|高于|低于|不足|标准|门槛|起点|条件|最低|最高"
                          r"|(?:多少|多大|几)[^，,。？?]{0,12}(?:就|才)")


def threshold_figure(sentence: str, span: Span, analysis: QuestionAnalysis) -> bool:
    """Whether the figure ``span`` of ``sentence`` is a bound or range sorting the thing named after it."""
    if _BOUND_ASKED.search(analysis.text):
        return False
    digits = re.search(r"[0-9０-９.．]+", span.text)
    # (the figure with its unit: "10亿元", not the 10 of "1—10月")
    if digits is None or re.sub(_BOUND_AFTER + "$", "", span.text[digits.start():]) in analysis.text:
        return False
    lead = sentence[:span.start] + span.text[:digits.start()]
    tail = span.text[digits.end():]
    rest = sentence[span.end:]
    bound = bool(_BOUND_BEFORE.search(lead)) or bool(re.search(_BOUND_AFTER + "$", tail))
    sorted_after = _SORTED.match(rest)
    if not sorted_after:
        return _glued_sorted(lead, tail, rest)
    # (a range's upper end, "5亿元至10亿元的", is one too)
    ranged = not sorted_after.group().startswith(("的", "以", "及")) or bool(_RANGE_END.search(lead))
    return bound or ranged


_BOUND_OPENING = re.compile(_BOUND_AFTER)
# the noun a glued bound sorts: a common noun (事故, 企业), not a place, a person, a time or a measure word
_SORTED_NOUN = ("n", "nz", "vn")


def _glued_sorted(lead: str, tail: str, rest: str) -> bool:
    """Whether a bound said after the figure (in its span's ``tail`` or opening the ``rest`` of the sentence) is glued
    to the noun it sorts, with no 的: "发生一次死亡3人以上道路交通事故", "年产值5亿元以上企业".

    The bound sorts that noun only when the ``lead`` says right before the figure what is bounded, inside the noun's
    phrase: a measure (年产值5亿元以上企业), or a verb after the count of the events the noun names (发生一次|死亡3人以上…事故).
    A figure right after the verb that takes the noun as its object, or after a preposition, is an amount of that noun
    ("获得2枚以上金牌", "累计投入300万元以上资金", "把80%以上财政资金投向…": dev seeds g001/i003 are answered by it)."""
    if ablated("threshold_glued"):
        return False
    opening = _BOUND_OPENING.match(rest)
    if not (re.search(_BOUND_AFTER + "$", tail) or opening):
        return False
    words = [(w, f) for w, f in pos_cut(rest[opening.end() if opening else 0:][:12]) if w.strip()]
    if words and words[0][1].startswith("a") and len(words) > 1:
        words = words[1:]
    if not (words and words[0][1] in _SORTED_NOUN and len(words[0][0]) >= 2):
        return False
    before = [(w, f) for w, f in pos_cut(lead) if w.strip()]
    if not before:
        return False
    word, flag = before[-1]
    if flag in _SORTED_NOUN and len(word) >= 2:  # (a scope, 全市80%以上村庄, is no measure: an amount of the noun)
        return word not in GENERIC_PLACES
    return flag == "v" and len(before) >= 2 and before[-2][1] == "m"
