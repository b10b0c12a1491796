"""Where a side's figure stands in its sentence: the clause around it, whether that clause (or the clauses before it)
names the side, whether it is a target rather than a figure of the present, and how alike two figure clauses read.
"""
from __future__ import annotations

import re
from typing import Sequence

from ...schema import Answer
from ..question import bigrams, pos_cut
from ..spans import Span
from .asked import Comparison


CLAUSE_BREAK = re.compile(r"[，,；;。：:！!？?]")


def clause_start(sentence: str, at: int) -> int:
    """Where the clause of ``sentence`` holding position ``at`` starts (after the last clause break before it)."""
    return max((m.end() for m in CLAUSE_BREAK.finditer(sentence, 0, at)), default=0)


def _clause(sentence: str, start: int, end: int) -> str:
    """The clause of ``sentence`` around [start, end), without the span itself."""
    left = clause_start(sentence, start)
    right = next((m.start() for m in CLAUSE_BREAK.finditer(sentence, end)), len(sentence))
    return sentence[left:start] + sentence[end:right]


def clause_grams(sentence: str, start: int, end: int, ignored: set[str]) -> set[str]:
    """The bigrams of the clause of ``sentence`` around [start, end), without figures and ``ignored``."""
    return set(bigrams(re.sub(r"[\d.]+", "", _clause(sentence, start, end)))) - ignored


def bigram_likeness(a: set[str], b: set[str]) -> float:
    """Share of the smaller bigram set the other one has; one shared bigram ("其中") says nothing."""
    shared = len(a & b)
    return shared / min(len(a), len(b)) if shared >= 2 else 0.0


def unit_after(short: str) -> str:
    return re.sub(r"^[\d.,]+|^[^\d]*[\d.,]+", "", short)[-1:]


def head_noun(side: str) -> str:
    """The noun a side ends with ("网上推送的岗位" → 岗位): a figure right before it counts that thing."""
    words = pos_cut(side)
    word, flag = words[-1] if words else ("", "")
    return word if len(word) >= 2 and flag.startswith("n") else ""


_SUBJECT_FLAGS = ("n", "ns", "nr", "nz", "nt")  # (prefixes of) jieba's flags of words a clause is stated of


def names_side(sentence: str, span: Span | None, marks: set[str]) -> bool:
    """Whether the figure is stated of its side: the sentence names the side (one of its ``marks``, the
    bigrams that tell it from the other side: 上饶 against 赣州, 插电式混动 against 纯电动) before the
    figure or in the figure's own clause ("…新能源汽车…，同比增长14.93%"; "上饶市完成31.4亿元")."""
    if not (span and marks):
        return False
    if marks & set(bigrams(_clause(sentence, span.start, span.end))):
        return True
    # before the figure's clause only while the clauses between name no subject of their own:
    # "…新能源汽车…，同比增长14.93%" is of 新能源汽车; in "赣州市完成45.2亿元，上饶市完成31.4亿元"
    # 31.4 is 上饶's, not 赣州's
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(sentence, 0, span.start)]
    left = max(breaks, default=0)
    text = sentence[left:span.start]
    while not any(flag[:2] in _SUBJECT_FLAGS for _, flag in pos_cut(text)) and left > 0:
        prior = max((b for b in breaks if b < left), default=0)
        text = sentence[prior:left]
        if marks & set(bigrams(text)):
            return True
        left = prior
    return False


def own_clause(sentence: str, span: Span, marks: set[str]) -> bool:
    """Whether the clause of ``sentence`` holding ``span`` names the side itself: two of its ``marks`` (one when it
    has one), as one bigram may be part of another name (州市 of 泉州市 for 福州市)."""
    return len(marks & set(bigrams(_clause(sentence, span.start, span.end)))) >= min(2, len(marks)) > 0


def side_marks(comparison: Comparison) -> tuple[set[str], set[str]]:
    """Per side, the bigrams of its words that the other side's question does not have."""
    a, b = comparison.sides
    qa, qb = comparison.side_questions
    return set(bigrams(a)) - set(bigrams(qb)), set(bigrams(b)) - set(bigrams(qa))


# words saying a figure is a target or a forecast, not a figure of the present
PLANNED = re.compile(r"力争|争取|目标|计划|预计|预期|有望")


def planned_figure(sentence: str, span: Span) -> bool:
    """Whether the clause of ``sentence`` before the figure ``span`` says it is a target or forecast."""
    left = clause_start(sentence, span.start)
    return bool(PLANNED.search(sentence, left, span.start))


def states_figure(answer: Answer) -> bool:
    return not answer.refused and bool(answer.sentence and answer.short and answer.short in answer.sentence)


def both_stated(answers: Sequence[Answer]) -> bool:
    """Both sides answered with a figure their sentence states, citing a paragraph."""
    return all(states_figure(a) and a.citations for a in answers)


def same_figure(sides: tuple[Answer, Answer]) -> bool:
    """Both sides answered with one and the same span: one figure cannot stand for both."""
    a, b = sides[0].citations[0], sides[1].citations[0]
    return (a.source, a.paragraph, a.text_answer_start) == (b.source, b.paragraph, b.text_answer_start)
