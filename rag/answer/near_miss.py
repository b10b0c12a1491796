"""Near misses: the figure in the best sentence measures something else than the one asked.

"小程序上注册了多少名求职者" is not answered by "累计带动就业4300余人次" when the same
sentence says "已注册企业176家": the asked word stands at another figure. "海东…压缩了
多少" is not answered by "西宁“接诉即办”时限压缩30%": the figure's own clause names
another place. "能提供多少个岗位" is not answered by "300家以上用人单位": the counted
thing differs, and so does the unit. "2024年…几种" is not answered by a sentence
that dates its figure 2025年. "城东区城镇新增就业多少" is not answered by "新增救助保障
对象4380人" when the passages say "城镇新增就业" at other places' figures: the
articles have a word for the asked measure, and this figure does not carry it.
In each case the answer says what the article does give instead ("文中只有…").
"""
from __future__ import annotations

import functools
import re
from typing import Iterable

from .question import (
    GENERIC_PLACES, QUANTITY, QuestionAnalysis, coverage, entity_in, pos_cut, time_in, without_baselines,
)
from .scoring import Candidate
from .spans import clause_window, figure_units, same_kind_of_unit, unit_fits_exactly


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


_YEAR = re.compile(r"(?<!\d)\d{4}年")


def _foreign_period(sentence: str, analysis: QuestionAnalysis) -> bool:
    """The question names a year and the sentence dates its figures by another year only
    ("2024年…几种" against "2025年,…增加9种"); baselines ("与2024年相比") do not count."""
    asked_years = [t for t in analysis.time_terms if _YEAR.fullmatch(t)]
    own = without_baselines(sentence)
    return bool(asked_years and _YEAR.search(own) and not any(time_in(t, own) for t in asked_years))


@functools.lru_cache(maxsize=4096)
def _figure_words(sentence: str) -> tuple[tuple[int, int, str, str], ...]:
    """Each figure of ``sentence`` with its unit and the words of its own clause around it."""
    return tuple((start, end, unit, "|".join(clause_window(sentence, start, end))) for start, end, unit in figure_units(sentence))


def _asked_words_at(sentence: str, asked: list[str], unit: str | None, skip: tuple[int, int] | None = None) -> bool:
    """Whether an asked word stands in the own clause of a figure of ``sentence`` (other than
    ``skip``; with ``unit``, only figures counting the same kind of thing)."""
    for start, end, other_unit, words in _figure_words(sentence):
        if skip is not None and (skip[0] <= start < skip[1] or start <= skip[0] < end):
            continue
        if unit is not None and not same_kind_of_unit(unit, other_unit):
            continue
        if any(w in words for w in asked):
            return True
    return False


# words that frame a total or a sequence, not what is measured ("大学生资助等共计多少钱")
_FRAME = re.compile(r"^(?:等|共计|一共|总共|合计|累计|最后|最终|大约)+|(?:等|共计|一共|总共|合计|累计|最后|最终)+$")


def _asked_words(analysis: QuestionAnalysis) -> list[str]:
    """The content words next to the wh-word: what the figure must measure."""
    return [w for w in (_FRAME.sub("", f) for f in analysis.focus) if len(w) >= 2]


def near_miss(candidate: Candidate, analysis: QuestionAnalysis, elsewhere: Iterable[str] = ()) -> str | None:
    """What the candidate's figure measures instead of the asked thing (its clause), or None
    when nothing says it measures something else. ``elsewhere``: the other retrieved
    sentences, where the asked words may stand at other figures. Quantity questions only."""
    span, sentence = candidate.span, candidate.sentence
    if analysis.kind != QUANTITY or span is None:
        return None
    before, after = clause_window(sentence, span.start, span.end)
    clause = f"{before}{span.text}{after}"
    if _foreign_place(before, analysis) or _foreign_period(sentence, analysis):
        return clause
    asked = _asked_words(analysis)
    if not asked or any(coverage([w], clause) >= MIN_FOCUS_IN_CLAUSE for w in asked):
        return None
    # the asked words stand at another figure, of this sentence ("已注册企业176家", "7场零工相关
    # 活动") or, when this sentence does not say them at all, of another retrieved one that
    # counts the same kind of thing (another place's "城镇新增就业568人"), not at this one
    if _asked_words_at(sentence, asked, None, skip=(span.start, span.end)):
        return clause
    unit = next((u for start, end, u in figure_units(sentence) if start <= span.start < end), "")
    if all(coverage([w], sentence) < MIN_FOCUS_IN_CLAUSE for w in asked) and any(
        _asked_words_at(other, asked, unit) for other in elsewhere if other != sentence
    ):
        return clause
    # the counted thing ("多少个岗位") is not what this figure counts, nor its unit the asked one
    if analysis.type_noun and analysis.unit and not unit_fits_exactly(analysis.unit, span) \
            and not span.text.rstrip("以上下左右内余多").endswith(analysis.type_noun[0]):
        return clause
    return None
