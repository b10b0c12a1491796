"""A part asked alone: "拖拉机单独有多少台" is not answered by "报废老旧拖拉机和联合收获机1380台", "中职毕业生的就业率单独算是
多少" not by "就业率和升学率合计达到96.8%", "南阳东站去年单独发送旅客多少人次" not by "南阳东站、南阳站两个…站点共发送旅客
1386万人次": the question says the figure must be of the one thing by itself (单独, 单算), and the figure's clause joins
things (和, 与, 及, 以及, 、) or sums them (合计, 总计, 两个) before it.
"""
from __future__ import annotations

import re

from ..question import QuestionAnalysis, pos_cut
from ..settings import ablated
from ..spans import Span

_ALONE_ASKED = re.compile(r"单独|单算|单计")
_CLAUSE_START = re.compile(r"[，,；;。！？!?：:]")
_JOINING = frozenset(("和", "与", "及", "以及", "、", "同"))
_SUMMING = re.compile(r"合计|总计|共计|两个|两站|两地|两县|两市|两区|两家|[两三四五六七八九]个.{0,6}(?:共|合计)")


def joined_for_alone(sentence: str, span: Span, analysis: QuestionAnalysis) -> str | None:
    """The figure's clause (from its start, through the figure) when the question asks one thing alone (单独) and
    that clause, up to the figure, joins or sums things; None otherwise."""
    if ablated("nm:alone") or not _ALONE_ASKED.search(analysis.text):
        return None
    start = max((m.end() for m in _CLAUSE_START.finditer(sentence, 0, span.start)), default=0)
    clause = sentence[start:span.start]
    if _SUMMING.search(clause) or any(word in _JOINING for word, _ in pos_cut(clause)):
        return sentence[start:span.end]
    return None
