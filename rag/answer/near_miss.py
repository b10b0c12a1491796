"""Near misses: the figure in the best sentence measures something else than the one asked.

"小程序上注册了多少名求职者" is not answered by "累计带动就业4300余人次" when the same
sentence says "已注册企业176家": the asked word stands at another figure. "海东…压缩了
多少" is not answered by "西宁“接诉即办”时限压缩30%": the figure's own clause names
another place. "能提供多少个岗位" is not answered by "300家以上用人单位": the counted
thing differs, and so does the unit. In each case the answer says what the article
does give instead ("文中只有…").
"""
from __future__ import annotations

from .question import GENERIC_PLACES, QUANTITY, QuestionAnalysis, coverage, entity_in, pos_cut
from .spans import Span, clause_window, figure_positions, unit_fits_exactly


def _foreign_place(before: str, analysis: QuestionAnalysis) -> str | None:
    """A specific place named in the figure's clause that the question does not ask about."""
    if not analysis.entities or any(entity_in(e, before) for e in analysis.entities):
        return None
    for word, flag in pos_cut(before):
        if flag != "ns" or len(word) < 2 or word in GENERIC_PLACES:
            continue
        if not any(entity_in(word, e) or entity_in(e, word) for e in analysis.entities):
            return word
    return None


# How much of an asked word (its character bigrams) the figure's own clause must share
# for the figure to be about it ("大学毕业生" and "高校毕业生" share half).
MIN_FOCUS_IN_CLAUSE = 0.5


def near_miss(sentence: str, span: Span, analysis: QuestionAnalysis) -> str | None:
    """What the sentence's figure measures instead of the asked thing (its clause), or None
    when nothing says it measures something else. Quantity questions only."""
    if analysis.kind != QUANTITY:
        return None
    before, after = clause_window(sentence, span.start, span.end)
    clause = f"{before}{span.text}{after}"
    if _foreign_place(before, analysis):
        return clause
    asked = [w for w in analysis.focus if len(w) >= 2]
    if not asked or any(coverage([w], clause) >= MIN_FOCUS_IN_CLAUSE for w in asked):
        return None
    # the asked words stand at another figure of the sentence, not at this one
    for start, end in figure_positions(sentence):
        if start <= span.start < end or span.start <= start < span.end:
            continue
        other_before, other_after = clause_window(sentence, start, end)
        if any(w in other_before + other_after for w in asked):  # "已注册企业176家", "7场零工相关活动"
            return clause
    # the counted thing ("多少个岗位") is not what this figure counts, nor its unit the asked one
    if analysis.type_noun and analysis.unit and not unit_fits_exactly(analysis.unit, span) \
            and not span.text.rstrip("以上下左右内余多").endswith(analysis.type_noun[0]):
        return clause
    return None
