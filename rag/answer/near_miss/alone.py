"""A part asked alone: "拖拉机单独有多少台" is not answered by "报废老旧拖拉机和联合收获机1380台", "中职毕业生的就业率单独算是
多少" not by "就业率和升学率合计达到96.8%", "南阳东站去年单独发送旅客多少人次" not by "南阳东站、南阳站两个…站点共发送旅客
1386万人次": the question says the figure must be of the one thing by itself (单独, 单算), and the figure's clause joins
things (和, 与, 及, 以及, 、) or sums them (合计, 总计, 两个) before it.

Two more ways of asking one thing alone (switch ``alone_marked``):

- 光 or 光是 as a word of its own before the thing ("光门票收入有多少", "光是新建高标准农田这一块"; not 光 of 光伏 or
  阳光, which the tagger cuts whole) says "that one alone" as 单独 does: "门票及二次消费收入6.8亿元" joins another
  income to the tickets;
- an exclusion the question writes ("新建了多少公里农村公路（不算改建）", "直接带动了多少人就业（不算间接就业）", 不含,
  不包括, 不计) names what the figure must leave out: a figure whose clause, up to it, says the excluded thing
  ("新建、改建农村公路486公里", "直接和间接带动就业1.6万人") counts it in. Only the excluded words the rest of the
  question does not say are read (间接, not 就业), and a clause that itself leaves them out (不含改建) is left alone.
"""
from __future__ import annotations

import re

from ..question import QuestionAnalysis, pos_cut
from ..settings import ablated
from ..spans import Span

_ALONE_ASKED = re.compile(r"单独|单算|单计")
# 光 / 光是 cut as a word of its own: "only this one"
_ONLY_WORDS = frozenset(("光", "光是"))
# "（不算改建）", "不含间接就业", "不包括外地车辆": what the figure must leave out
_EXCLUDED = re.compile(r"(?:不算|不含|不包括|不包含|不计)([\u4e00-\u9fff]{1,8})")
# the clause leaving the excluded thing out itself ("不含改建", "除改建外")
_LEAVES_OUT = re.compile(r"(?:不算|不含|不包括|不包含|不计|除|未含|扣除)$")
_CLAUSE_START = re.compile(r"[，,；;。！？!?：:]")
_JOINING = frozenset(("和", "与", "及", "以及", "、", "同"))
_SUMMING = re.compile(r"合计|总计|共计|两个|两站|两地|两县|两市|两区|两家|[两三四五六七八九]个.{0,6}(?:共|合计)")


def _only_asked(analysis: QuestionAnalysis) -> bool:
    """光 or 光是 standing as a word of its own in the question ("光门票收入有多少")."""
    if ablated("alone_marked"):
        return False
    tokens = pos_cut(analysis.text)
    # a word after it, not a mark: 光 ending a name ("国门之光”") asks nothing alone
    return any(word in _ONLY_WORDS and flag != "x" and tokens[i + 1][1] != "x"
               for i, ((word, flag), _) in enumerate(zip(tokens, tokens[1:])))


def excluded_words(text: str) -> list[str]:
    """The words a question's exclusion names (不算间接就业: 间接) that the rest of the question does not say; []
    when it writes none."""
    found = _EXCLUDED.search(text)
    if not found:
        return []
    rest = text[:found.start()] + text[found.end():]
    return [word for word, flag in pos_cut(found.group(1))
            if len(word) >= 2 and flag != "x" and word not in rest]


def _says_excluded(clause: str, words: list[str]) -> bool:
    """Whether the clause says one of the excluded words, other than right after a word leaving it out."""
    return any(not _LEAVES_OUT.search(clause[:m.start()]) for word in words for m in re.finditer(re.escape(word), clause))


def joined_for_alone(sentence: str, span: Span, analysis: QuestionAnalysis) -> str | None:
    """The figure's clause (from its start, through the figure) when the question asks one thing alone (单独, 光) and
    that clause, up to the figure, joins or sums things, or says what the question excludes (不算改建: 新建、改建);
    None otherwise."""
    if ablated("nm:alone"):
        return None
    excluded = [] if ablated("alone_marked") else excluded_words(analysis.text)
    alone = bool(_ALONE_ASKED.search(analysis.text)) or _only_asked(analysis)
    if not (alone or excluded):
        return None
    start = max((m.end() for m in _CLAUSE_START.finditer(sentence, 0, span.start)), default=0)
    clause = sentence[start:span.start]
    if excluded and _says_excluded(clause, excluded):
        return sentence[start:span.end]
    if alone and (_SUMMING.search(clause) or any(word in _JOINING for word, _ in pos_cut(clause))):
        return sentence[start:span.end]
    return None
