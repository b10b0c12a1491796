"""A refused comparison side read from the baseline the other side's sentence states it by.

News reports a period's figure against an earlier one by naming the earlier figure as the baseline of the change,
inside the later figure's own sentence, and nowhere else:

    去年，该机场完成旅客吞吐量782.4万人次，同比增长9.5%，比2019年的735.6万人次增长6.4%
    去年从赤峰始发的中欧班列开行46列，比2024年的31列多15列
    去年，全市电信网络诈骗发案4286起，比上年的5896起下降27.3%

"比<period>的<figure>" (较…的) states <period>'s own figure of the measure the sentence is about. A side asked of that
period ("…2025年比2024年多了多少") finds no sentence dated by it alone and is refused, while the other side is
answered from this very sentence: the refused side's figure is the baseline's, when the two sides ask the same thing
of two years (their questions alike but for the year: no other place, measure or part of the year), the baseline
names the refused side's year as written (2019年) or as the year before the answered side's (上年, 去年, 上一年: the
sentence's own year less one), and it stands after the answered figure in the same sentence, in the same unit, with
no other figure in that unit between them (a baseline is of the nearest figure before it).
"""
from __future__ import annotations

import re
from typing import Sequence

from ...schema import Answer, Hit
from ..compose import citation
from ..question import analyze_question
from ..settings import ablated
from .sentence_reading import figures_of
from .values import figure_of

# "比2019年的", "较上年同期的", "比2024年赛季的": the baseline's period, then 的 and its figure
_BASELINE = re.compile(r"(?:比|较)(?P<period>[^，,；;。！？的\d]{0,6}?(?:\d{4}年|上年|去年|上一年)[^，,；;。！？的\d]{0,3}?)"
                       r"(?:同期)?的(?=\d)")
_SENTENCE_END = re.compile(r"[。！？!?；;]")
_YEAR = re.compile(r"(?<!\d)(\d{4})年")
_YEAR_BEFORE = ("上年", "去年", "上一年")


def _year(text: str) -> int | None:
    years = _YEAR.findall(text)
    return int(years[0]) if len(years) == 1 else None


def _names_period(baseline: str, refused_question: str, answered_question: str) -> bool:
    """Whether the baseline's period is the refused side's, the two sides asking the same thing of two years
    (their questions alike but for the year): the year as written (2019年), or the year before the answered side's
    (上年, 去年, 上一年 against 2025年 for 2024年)."""
    refused, answered = _year(refused_question), _year(answered_question)
    if refused is None or answered is None or refused == answered \
            or _YEAR.sub("", refused_question) != _YEAR.sub("", answered_question):
        return False  # another place, measure or part of the year besides the year: no baseline of this sentence
    if baseline in _YEAR_BEFORE:
        return refused == answered - 1
    return baseline == f"{refused}年"


def baseline_side(answered: Answer, refused: Answer, refused_question: str, answered_question: str,
                  hits: Sequence[Hit]) -> Answer | None:
    """``refused``'s answer read from the baseline ("比2024年的31列") of the sentence ``answered`` took its figure
    from; None when that sentence names no baseline of the refused side's period in the answered figure's unit."""
    if ablated("baseline_figure") or answered.refused or not answered.citations:
        return None
    cited = answered.citations[0]
    text, end = cited.text, cited.text_answer_end
    hit = next((h for h in hits if (h.paragraph.source, h.paragraph.number) == (cited.source, cited.paragraph)), None)
    kept = figure_of(answered.short)
    if end is None or hit is None or kept is None or kept.duration or not kept.unit:
        return None
    stop = _SENTENCE_END.search(text, end)
    stop_at = stop.start() if stop else len(text)
    spans = figures_of(text, analyze_question(refused.question))
    for match in _BASELINE.finditer(text, end, stop_at):
        if not _names_period(match.group("period"), refused_question, answered_question):
            continue
        figure = next((sp for sp in spans if sp.start == match.end()), None)
        read = figure_of(figure.text) if figure is not None else None
        if read is None or read.unit != kept.unit:
            return None
        between = [sp for sp in spans if end <= sp.start and sp.end <= match.start()]
        if any((figure_of(sp.text) or kept).unit == kept.unit and figure_of(sp.text) is not None for sp in between):
            return None  # another figure in that unit stands nearer: the baseline is of that one
        return Answer(
            question=refused.question, answer=figure.text, refused=False,
            citations=(citation(1, hit, (figure.start, figure.end)),),
            short=figure.text, sentence=answered.sentence,  # the sentence saying the measure of both
        )
    return None


def is_baseline(answer: Answer) -> bool:
    """Whether ``answer``'s figure is a baseline ("比上年的5896起" for "比2024年少了多少起"): the earlier period's own
    figure, never the change asked."""
    if ablated("baseline_figure") or answer.refused or not answer.citations:
        return False
    cited = answer.citations[0]
    at = cited.text_answer_start
    if at is None:
        return False
    return any(m.end() == at for m in _BASELINE.finditer(cited.text, max(0, at - 16), at + 1))
