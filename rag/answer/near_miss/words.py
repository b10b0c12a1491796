"""The asked words and where they stand: the words of a figure's own clause, the asked words of the
question, whether they stand at another figure, and whether the figure's clause states the asked outcome.
"""
from __future__ import annotations

import functools
import re

from ..question import GENERIC_NOUNS, QUANTITY, QuestionAnalysis, coverage, guessed_across_words, pos_cut
from ..scoring import Candidate, abbreviated, same_characters
from ..settings import ablated
from ..spans import RATE_AS_CHANGE, clause_window, figure_units, same_kind_of_unit
from ..synonyms import kindred_in, said_in


# words that hold a cue of _SHARE_ASKED but ask no share: a province (江西省, 全省, 省内), 快递
_NOT_SHARE_CUES = re.compile(r"[全我本该各外]省|省(?:份|内|外|级|委|政府|厅|会)|快递")


def _without_names(analysis: QuestionAnalysis) -> str:
    """The question without its named things and province words ("江西省常住人口有多少": 省 asks no saving)."""
    text = analysis.text
    for entity in sorted(analysis.entities, key=len, reverse=True):
        text = text.replace(entity, " ")
    return _NOT_SHARE_CUES.sub(" ", text)


def _said(word: str, text: str) -> bool:
    return said_in(word, text) or abbreviated(word, text) or coverage([word], text) >= MIN_FOCUS_IN_CLAUSE


# How much of an asked word (its character bigrams) the figure's own clause must share
# for the figure to be about it ("大学毕业生" and "高校毕业生" share half).
MIN_FOCUS_IN_CLAUSE = 0.5


@functools.lru_cache(maxsize=4096)
def _figure_words(sentence: str) -> tuple[tuple[int, int, str, str], ...]:
    """Each figure of ``sentence`` with its unit and the words of its own clause around it."""
    return tuple((start, end, unit, "|".join(clause_window(sentence, start, end))) for start, end, unit in figure_units(sentence))


def _asked_words_at(
    sentence: str, asked: list[str], unit: str | None, skip: tuple[int, int] | None = None, rival: str | None = None
) -> bool:
    """Whether an asked word stands in the own clause of a figure of ``sentence`` (other than
    ``skip``; with ``unit``, only figures counting the same kind of thing; with ``rival``, the unit of
    the figure ``skip`` asked about, not figures of another kind before it: see _own_kind)."""
    for start, end, other_unit, words in _figure_words(sentence):
        if skip is not None and (skip[0] <= start < skip[1] or start <= skip[0] < end):
            continue
        if unit is not None and not same_kind_of_unit(unit, other_unit):
            continue
        # (a figure before its noun names the subject, "两个城中村改造项目，…征收签约1260户"; one that closes its
        # clause measures the words before it, a list item of its own: "解决民生问题172项，落实惠民实事74件")
        if rival is not None and start < skip[0] and not same_kind_of_unit(rival, other_unit) \
                and not re.match(r"\s*(?:[，,；;。]|$)", sentence[end:]):
            continue
        if any(w in words for w in asked):
            return True
    return False


# words that frame a total or a sequence, not what is measured ("大学生资助等共计多少钱")
_FRAME = re.compile(r"^(?:等|共计|一共|总共|合计|累计|最后|最终|大约)+|(?:等|共计|一共|总共|合计|累计|最后|最终)+$")


def _asked_words(analysis: QuestionAnalysis) -> list[str]:
    """The content words next to the wh-word: what the figure must measure. Not a word naming only
    the kind of figure ("比例": a rate is said 上线率), nor one jieba guessed across words ("车占")."""
    return [w for w in (_FRAME.sub("", f) for f in analysis.focus)
            if len(w) >= 2 and w not in GENERIC_NOUNS and not guessed_across_words(w)]


def _asked_in_other_words(asked: list[str], clause: str) -> bool:
    """Whether the figure's own clause says an asked word in other words: a word of its 词林 small
    class ("保险赔了27万元" says 赔款) or its own characters in another compound (麦收 for 收麦)."""
    if ablated("clause_other_words"):
        return False
    words = [w for w, _ in pos_cut(clause)]
    # a rate of change asked (总值增速) is said by the change at its figure (同比增长12.3%)
    if not ablated("rate_said_by_change") and any(r in w and c in clause for w in asked for r, c in RATE_AS_CHANGE.items()):
        return True
    return any(kindred_in(w, words) or same_characters(w, clause) for w in asked)


def outcome_unsaid(candidate: Candidate, analysis: QuestionAnalysis) -> str | None:
    """"最后有多少人通过", "最后是哪支队伍拿了冠军": the outcome the question stresses must be said
    in the answer's sentence (its words or synonyms); "223.6万人报名" is no outcome. Any kind of
    question. Returns what the sentence gives instead (the span's clause, or the sentence)."""
    if ablated("outcome") or not analysis.outcome:
        return None
    span = candidate.span if analysis.kind == QUANTITY else None
    if span is not None:  # a figure: said in its own clause
        before, after = clause_window(candidate.sentence, span.start, span.end)
        around = before + after
    else:  # a name or date: said anywhere in the paragraph or its headline
        p = candidate.hit.paragraph
        around = f"{p.title or ''}\n{p.text}"
    words = [w for w, _ in pos_cut(around)]
    if all(_said(w, around) or kindred_in(w, words) for w in analysis.outcome):
        return None
    if candidate.span is None:
        return candidate.sentence
    before, after = clause_window(candidate.sentence, candidate.span.start, candidate.span.end)
    # a figure is refused only when its own clause says what was done instead ("223.6万人报名",
    # "输送38名劳动者入职"): a verb the question does not use
    if analysis.kind == QUANTITY and not any(
        flag.startswith("v") and len(word) >= 2 and word not in _WEAK_VERBS and word not in analysis.text
        for word, flag in pos_cut(before) + pos_cut(after)
    ):
        return None
    return f"{before}{candidate.span.text}{after}"


_WEAK_VERBS = frozenset("达到 达 共有 共计 合计 累计 实现 完成 超过 突破 约为 为 是 有".split())
