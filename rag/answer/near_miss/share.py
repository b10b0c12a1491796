"""A share asked, a change given: "富蕴县本雪季区外游客占比是多少" is not answered by "全县接待游客164.3万人次…同比分别
增长16.8%": the percentage is a change over last year, not a part of the whole; and the other way round, "游客同比增长
多少" is not answered by "外地游客占比达到62%".

The question asks a share (占比, 比重, 所占, 份额, 占…多少; not 比例, which names a rate as often: 保证金比例) and no change, and the figure's own clause calls its
percentage a change (增长, 同比, 增幅, 提高, 下降) and no share, or the question asks a change and no share and the
clause calls it a share and no change.
"""
from __future__ import annotations

import re

from ..question import QuestionAnalysis
from ..settings import ablated

_SHARE = re.compile(r"占比|比重|份额|所占|占[^，,。；;？?]{0,12}(?:的)?(?:多少|几成|百分之)|占有率")
_CHANGE = re.compile(r"增长|增幅|增速|同比|环比|提高|提升|下降|降幅|减少|增加|上涨|涨幅|回落|下滑")
# "工业增加值" (value added) names a measure, no change: its 增加 is read as no change word
_VALUE_ADDED = re.compile(r"增加值")
_PERCENT = re.compile(r"[%％]|个百分点$|成$")


def share_or_change_crossed(span_text: str, before: str, analysis: QuestionAnalysis) -> bool:
    """Whether the percentage ``span_text`` (its clause up to it: ``before``) is a change for a share asked, or a share
    for a change asked."""
    if not _PERCENT.search(span_text):
        return False
    question = analysis.text if ablated("value_added") else _VALUE_ADDED.sub("", analysis.text)
    said = before if ablated("value_added") else _VALUE_ADDED.sub("", before)
    share_asked, change_asked = bool(_SHARE.search(question)), bool(_CHANGE.search(question))
    share_said, change_said = bool(_SHARE.search(said) or re.search(r"占", said)), bool(_CHANGE.search(said))
    if share_asked and not change_asked:
        return change_said and not share_said
    if change_asked and not share_asked:
        return share_said and not change_said
    return False
