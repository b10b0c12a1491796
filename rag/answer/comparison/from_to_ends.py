"""A change stated from one figure to another ("物业覆盖率由2023年的35%提高到78%"): its two ends, and, when both
sides of a comparison were answered from such a sentence, each side given its own end (also read by
``rag.answer.from_to``, which answers a change of one measure from its two ends).
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable

from ...schema import Answer
from ..question import analyze_question, bigrams
from ..scoring import Candidate
from ..settings import ablated
from ..spans import Span, quantity_spans
from .asked import Comparison
from .side_clauses import both_stated, clause_start


# "物业覆盖率由2023年的35%提高到78%": one sentence states a figure's earlier and later value. The figure after
# 由/从 is the earlier one, the figure after 到/至 the later one.
_FROM = re.compile(r"(?:由|从)")
# (the later end may carry its year: "由2024年底的146个增加到2025年底的198个")
_TO_BETWEEN = re.compile(r"^[^，,；;。：:\d]{0,8}(?:到|至)(?:\d{4}年)?[^，,；;。：:\d]{0,6}$")


def all_from_to_figures(sentence: str, analysis) -> list[tuple[Span, Span]]:
    """The (earlier, later) figures of each "由X…到Y" change stated in ``sentence`` ("用工由42人减少到15人，日产量却由
    8万件增加到12万件" states two; also read by ``rag.answer.from_to``, which answers a change of one measure from its two
    ends)."""
    spans = sorted(quantity_spans(sentence, analysis), key=lambda sp: sp.start)
    found = []
    for first, second in zip(spans, spans[1:]):
        left = clause_start(sentence, first.start)
        if _FROM.search(sentence, left, first.start) and _TO_BETWEEN.match(sentence[first.end:second.start]):
            found.append((first, second))
    return found


def from_to_figures(sentence: str, analysis) -> tuple[Span, Span] | None:
    """The (earlier, later) figures of the first "由X…到Y" change stated in ``sentence``, or None."""
    return next(iter(all_from_to_figures(sentence, analysis)), None)


def _prefer_span(sentence: str, figure: Span, own: Answer) -> Callable[[list[Candidate]], Candidate]:
    """The candidate of ``sentence`` answering with ``figure`` (the best one when no eligible one is that sentence)."""
    analysis = analyze_question(own.question)

    def choose(eligible: list[Candidate]) -> Candidate:
        best = max(eligible, key=lambda c: c.score)
        for c in sorted(eligible, key=lambda c: -c.score):
            if c.sentence == sentence:
                span = next((sp for sp in quantity_spans(c.sentence, analysis) if sp.start == figure.start), None)
                if span is not None:
                    return replace(c, span=span)
        return best
    return choose


def _earlier_side(sentence: str, earlier: Span, later: Span, marks: tuple[set[str], set[str]]) -> int:
    """Which side the earlier figure of a from–to sentence is: the side named between 由 and that figure
    ("由2023年的35%"), else the side not named before the later one ("到现在的4100亩"), else the side compared
    against ("A比B": B)."""
    before_earlier = set(bigrams(sentence[max(0, earlier.start - 10):earlier.start]))
    before_later = set(bigrams(sentence[earlier.end:later.start]))
    for side in (0, 1):
        if marks[side] & before_earlier and not marks[1 - side] & before_earlier:
            return side
    for side in (0, 1):
        if marks[side] & before_later and not marks[1 - side] & before_later:
            return 1 - side
    return 1


def from_to_sides(
    comparison: Comparison, answers: list[Answer], marks: tuple[set[str], set[str]],
    answer_again: Callable[[int, Callable[[list[Candidate]], Candidate]], Answer],
) -> bool:
    """Both sides answered from one sentence stating a change from one figure to another: each side takes
    its own end of the change (the earlier figure the side of the earlier state). Whether both now do."""
    if ablated("from_to") or not both_stated(answers) or answers[0].sentence != answers[1].sentence:
        return False
    sentence = answers[0].sentence or ""
    found = from_to_figures(sentence, analyze_question(answers[0].question))
    if found is None:
        return False
    earlier, later = found
    first = _earlier_side(sentence, earlier, later, marks)
    for side, figure in ((first, earlier), (1 - first, later)):
        if answers[side].short != figure.text:
            moved = answer_again(side, _prefer_span(sentence, figure, answers[side]))
            if moved.short == figure.text:
                answers[side] = moved
    return answers[first].short == earlier.text and answers[1 - first].short == later.text
