"""The previous edition or season asked: "上一届洛阳牡丹文化节实现旅游总收入多少" is not answered by "实现旅游总收入
247.3亿元" in an article on 第42届 (this one), nor "上一产季赣南脐橙的总产量" by "预计总产量达172万吨，比上一产季增长
6.5%" (this season's figure; the previous season is only its baseline).

The question names the edition or season before this one (上一届, 上届, 上一产季, 上个雪季, 上一赛季); the figure's
sentence, its baselines of change (比上一产季, 较上届) taken out, names neither that period nor another edition by its
number (第41届): the figure is this edition's.
"""
from __future__ import annotations

import re

from ..question import QuestionAnalysis
from ..settings import ablated

# the edition or season before this one: 上一届, 上届, 上一产季, 上个雪季, 上一赛季, 上一轮, 上一期
_PREVIOUS = re.compile(r"上(?:一|个)?(届|(?:[产雪赛旺])?季|轮|期)(?![间末初])")
# the previous one named only as the baseline of a change ("比上一产季增长6.5%", "较上届增加", "与上届相比")
_BASELINE = re.compile(r"(?:与|较|比|同比|相比|超过|高于|低于|多于|少于)上(?:一|个)?(?:届|(?:[产雪赛旺])?季|轮|期)(?:同期)?(?:相比)?")
_NUMBERED = re.compile(r"第[\d一二三四五六七八九十百零两]+(?:届|季|轮|期)")


def previous_edition_unsaid(sentence: str, analysis: QuestionAnalysis, title: str = "") -> bool:
    """Whether the question asks the previous edition or season and ``sentence`` gives its figure for this one:
    it names the previous one only as a baseline, or not at all and no edition by number other than the one its
    article's ``title`` is about."""
    if ablated("previous_edition"):
        return False
    asked = _PREVIOUS.search(_BASELINE.sub("", analysis.text))
    if asked is None:
        return False
    own = _BASELINE.sub("", sentence)
    if _PREVIOUS.search(own):
        return False
    numbered = set(_NUMBERED.findall(own)) - set(_NUMBERED.findall(title))
    return not numbered
