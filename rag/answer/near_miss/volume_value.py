"""A measure's volume against its value: "罐头出口量同比增长了多少" is not answered by "食品出口额同比增长21.8%", nor
"茶叶产量是多少" by "茶叶产值18.2亿元", nor "销售额" by "销售量": news states how much of a thing (…量) and what it
is worth (…额, …值) side by side under one stem, and the figure whose own clause says the stem with the other
ending (and not the asked word) measures the other.

Read on jieba's words: an asked word of the stem and 量, 额 or 值, the clause's word of the same stem and
another of the three endings. A stem of one character counts only when the word is one jieba knows as a
whole (产量 / 产值); a scope stem (总量 / 总值) names no measure of its own.
"""
from __future__ import annotations

from ..question import QuestionAnalysis, pos_cut

_ENDINGS = ("量", "额", "值")
_SCOPE_STEMS = frozenset("总 全 增 数 质 含 变 均".split())


def _measure_words(text: str) -> set[str]:
    return {w for w, flag in pos_cut(text) if len(w) >= 2 and w[-1] in _ENDINGS and flag.startswith(("n", "v"))
            and w[:-1] not in _SCOPE_STEMS}


def volume_for_value(clause: str, analysis: QuestionAnalysis) -> tuple[str, str] | None:
    """(the asked word, the clause's word) when the figure's own ``clause`` says the asked measure's stem with
    another of 量 / 额 / 值 (出口量 asked, 出口额 said) and not the asked word, else None."""
    question = analysis.text
    said = _measure_words(clause)
    for asked in sorted(_measure_words(question)):
        if asked in clause:
            continue
        stem = asked[:-1]
        for ending in _ENDINGS:
            other = stem + ending
            if ending == asked[-1] or other in question:
                continue
            if other in said:
                return asked, other
    return None
