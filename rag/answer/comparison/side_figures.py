"""Finding each side's figure once both sides are answered as ordinary questions: a side prefers, among its
near-best figures, the one the article states like the other side's (``parallel_sides``); one figure never stands
for both, two figures of unlike kinds are brought to one kind, a date is the one labelled by the asked verb, and a
from–to sentence gives each side its own end. ``side_acceptance`` says which sentences a side may answer from.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable

from ...schema import Answer
from ..pipeline import semantically_accepted
from ..question import analyze_question, bigrams
from ..scoring import WORDING, Candidate, Lack
from ..settings import ablated
from ..spans import Span, date_spans, quantity_spans
from .asked import Comparison
from .from_to_ends import from_to_sides
from .side_clauses import (PLANNED, bigram_likeness, both_stated, clause_grams, head_noun, names_side, own_clause,
                           planned_figure, same_figure, side_marks, states_figure, unit_after)
from .values import comparable_units, figure_of


# Both sides of a comparison measure one thing, so the article states their figures alike
# ("2025年新注册登记新能源汽车1293万辆" and "2025年全国新注册登记机动车3535万辆", not "机动车保有量达
# 4.69亿辆"). Among a side's eligible sentences scoring within PARALLEL_SLACK of its best, with a figure
# in the same unit, one whose clause shares PARALLEL_GAIN more of the other side's figure clause (the
# article's own words: those of the two side questions do not count) is taken instead.
PARALLEL_GAIN = 0.3
PARALLEL_SLACK = 1.5


def _with_span(candidate: Candidate, span: Span) -> Candidate:
    """``candidate`` answering with ``span`` (one of its sentence's figures)."""
    return candidate if span is candidate.span else replace(candidate, span=span)


def _prefer_stated_like(
    other: Answer, own: Answer, ignored: set[str], head: str = "", yield_figure: bool = False, cost: list[float] | None = None,
    marks: set[str] = frozenset(),
) -> Callable[[list[Candidate]], Candidate]:
    """Among the near-best sentences, the figure (any of a sentence's figures in the side's unit, not only
    its best span: "机动车保有量达4.69亿辆，其中汽车3.66亿辆") whose clause is stated most like the other
    side's figure clause, when it is PARALLEL_GAIN more alike than the best sentence's own figure. A figure
    that counts the side's own noun ("605个岗位" for "网上推送的岗位", not "37期") is preferred to one that
    does not. ``yield_figure``: the other side answered with the very same figure, which cannot stand for
    both; this side takes its best other figure, in the other side's unit when it has one (``cost`` gets
    how much lower that figure's sentence scores than the side's best)."""
    start = other.sentence.index(other.short)
    other_grams = clause_grams(other.sentence, start, start + len(other.short), ignored)
    unit, other_unit = unit_after(own.short), unit_after(other.short)
    analysis = analyze_question(own.question)

    def alike(c: Candidate, span: Span | None) -> float:
        return bigram_likeness(clause_grams(c.sentence, span.start, span.end, ignored), other_grams) if span else 0.0

    def counts_head(c: Candidate, span: Span | None) -> bool:
        return bool(head and span and c.sentence.startswith(head, span.end))

    def taken(c: Candidate, span: Span) -> bool:
        return c.sentence == other.sentence and span.text == other.short

    def choose(eligible: list[Candidate]) -> Candidate:
        best = max(eligible, key=lambda c: c.score)
        options = [
            (c, span) for c in eligible if c.score >= best.score - PARALLEL_SLACK
            for span in ([c.span] if c.span else []) + [s for s in quantity_spans(c.sentence, analysis) if c.span is None or s.start != c.span.start]
            if span.text not in own.question and not taken(c, span)
            # the other side's sentence only for a figure in a clause naming this side ("…158枚…，厦门市代表团以金牌
            # 142枚位居第二")
            and (yield_figure or c.sentence != other.sentence or (not ablated("same_sentence") and own_clause(c.sentence, span, marks)))
            and (unit_after(span.text) in (unit, other_unit if yield_figure else unit) or counts_head(c, span))
        ]
        if not options:
            return best
        # a side's figure is the one of the clause naming the side ("上饶市完成31.4亿元"), not a figure
        # of a sentence about something else that only inherits the side's name (全省…286.3亿元)
        named = [o for o in options if names_side(o[0].sentence, o[1], marks)]
        if named and not names_side(best.sentence, best.span, marks) and not ablated("side_clause"):
            options = named
        # a target ("明年力争奶牛存栏突破9万头") is no figure of the present the other side states
        # ("肉牛存栏12.4万头"): when the best one is a target and neither the question nor the other side's is
        if not yield_figure and not ablated("target_parity") and best.span is not None and not PLANNED.search(own.question) \
                and planned_figure(best.sentence, best.span) and not planned_figure(other.sentence, Span(start, start + len(other.short), other.short)):
            present = [o for o in options if not planned_figure(o[0].sentence, o[1])]
            if present:
                chosen, span = max(present, key=lambda o: (counts_head(*o), alike(*o), o[0].score))
                if cost is not None:
                    cost.append(best.score - chosen.score)
                return _with_span(chosen, span)
        if yield_figure:
            key = lambda o: (unit_after(o[1].text) == other_unit, counts_head(*o), alike(*o), o[0].score)  # noqa: E731
        else:
            key = lambda o: (counts_head(*o), alike(*o), o[1] is o[0].span, o[0].score)  # noqa: E731
        chosen, span = max(options, key=key)
        if cost is not None:
            cost.append(best.score - chosen.score)
        if options is named:
            return _with_span(chosen, span)
        if not yield_figure and not (counts_head(chosen, span) and not counts_head(best, best.span)) \
                and alike(chosen, span) - alike(best, best.span) < PARALLEL_GAIN:
            return best
        return _with_span(chosen, span)
    return choose



# A side is an ordinary question, held to the ordinary standard, except for one thing: a
# sentence the ordinary stage rejects only for its words (a noun of the side said otherwise,
# 社工 for 社会工作, 电脑班 for 计算机班次; its place, period and figures all stand) may answer
# the side when its meaning is the closest to the side's question (SEMANTIC_MARGIN), its
# paragraph is one retrieval is sure of, and it holds a figure. The comparison then checks the
# figure against the other side's (same kind of unit, not the same span, the shared measure).
def side_acceptance(candidates: list[Candidate]) -> list[Candidate]:
    """The sentences a comparison's side may answer from when none is eligible (``extract_answer``'s ``accept``)."""
    return semantically_accepted(
        candidates,
        lambda c: (c.objection == WORDING or c.lacks is Lack.NOUN) and c.span is not None,
    )


# A record may date one thing several ways ("发证日期:2026年1月23日 … 设立日期:1988年8月18日"): a side asking
# when something 成立 takes, in its sentence, the date whose label shares most of the asked verb's characters.
_LABEL_WINDOW = 8
_VERB_NOISE = set("的是了在和日期时间年月天号什么候")


def _label_overlap(sentence: str, span: Span, verb: str) -> int:
    label = re.sub(r"[\d\s:：.,，/-]", "", sentence[max(0, span.start - _LABEL_WINDOW):span.start])[-4:]
    return len((set(verb) - _VERB_NOISE) & set(label))


def _prefer_date_labelled(verb: str, own: Answer) -> Callable[[list[Candidate]], Candidate]:
    analysis = analyze_question(own.question)

    def choose(eligible: list[Candidate]) -> Candidate:
        best = max(eligible, key=lambda c: c.score)
        if best.span is None:
            return best
        spans = date_spans(best.sentence, analysis)
        chosen = max(spans, key=lambda sp: (_label_overlap(best.sentence, sp, verb), sp.start == best.span.start), default=None)
        if chosen is None or _label_overlap(best.sentence, chosen, verb) <= _label_overlap(best.sentence, best.span, verb):
            return best
        return replace(best, span=chosen)
    return choose


def parallel_sides(
    comparison: Comparison, sides: tuple[Answer, Answer],
    answer_again: Callable[[int, Callable[[list[Candidate]], Candidate]], Answer],
) -> tuple[Answer, Answer]:
    """Each side answered again preferring a figure stated like the other side's (``answer_again(i, choose)``
    answers side i with that choice); a side already stated most alike keeps its answer."""
    if comparison.dated:
        if len(comparison.measure) < 2:
            return sides
        return tuple(  # type: ignore[return-value]
            answer_again(i, _prefer_date_labelled(comparison.measure, sides[i])) if states_figure(sides[i]) else sides[i] for i in (0, 1)
        )
    ignored = {g for q in comparison.side_questions for g in bigrams(q)}
    answers = list(sides)
    heads = [head_noun(side) for side in comparison.sides]
    marks = side_marks(comparison)

    def each_to_its_next_figure() -> tuple[list[Answer], list[list[float]]]:
        """Each side answered again with its best figure other than its own and the other side's (in the other
        side's unit when it has one), with how much lower that figure's sentence scores than the side's best."""
        costs: list[list[float]] = [[], []]
        moved = [answer_again(i, _prefer_stated_like(answers[1 - i], answers[i], ignored, heads[i], True, costs[i], marks[i]))
                 for i in (0, 1)]
        return moved, costs

    def one_figure_for_both() -> None:
        """One figure cannot stand for both: each side looks for its next figure, and the side that loses
        least by it (its next figure's sentence scores closest to its best) takes it; on a tie, the second."""
        if not (both_stated(answers) and same_figure((answers[0], answers[1]))):
            return
        moved, costs = each_to_its_next_figure()
        loss = [c[0] if c else float("inf") for c in costs]
        side = 0 if loss[0] < loss[1] else 1
        answers[side] = moved[side]

    def figures_unlike() -> bool:
        if not both_stated(answers):
            return False
        read = [figure_of(a.short) for a in answers]
        return all(r is not None and r.unit for r in read) and not comparable_units(
            read[0].unit, read[1].unit, "".join(comparison.side_questions))

    def one_kind_for_both() -> None:
        """Two figures of unlike kinds ("56.2万亩" against "6.83万吨") cannot be compared: each side looks for its
        best figure in the other side's kind of unit, and the side that loses least by it takes it."""
        if ablated("unlike_units_move") or not figures_unlike():
            return
        moved, costs = each_to_its_next_figure()
        fits = [i for i in (0, 1) if states_figure(moved[i]) and moved[i].short != answers[i].short and costs[i]
                and (lambda r: r is not None and r.unit and comparable_units(
                    r.unit, figure_of(answers[1 - i].short).unit, "".join(comparison.side_questions)))(figure_of(moved[i].short))]
        if fits:
            side = min(fits, key=lambda i: costs[i][0])
            answers[side] = moved[side]

    if from_to_sides(comparison, answers, marks, answer_again):  # each side has its end of the change
        return answers[0], answers[1]
    one_figure_for_both()
    one_kind_for_both()
    # a side moved to be stated like the other's first figure ("5枚" of one athlete, not the team's "142枚") may
    # have drawn the first side along: once the second side has moved, the first is chosen again against it
    for _ in range(1 if ablated("second_pass") else 2):
        before = [a.short for a in answers]
        for side in (0, 1):
            if states_figure(answers[side]) and states_figure(answers[1 - side]):
                answers[side] = answer_again(side, _prefer_stated_like(answers[1 - side], answers[side], ignored, heads[side],
                                                                       marks=marks[side]))
        if [a.short for a in answers] == before:
            break
    one_figure_for_both()
    one_kind_for_both()  # (again: choosing alike may have drawn a side back to its first kind)
    return answers[0], answers[1]


# The near-miss checks that refuse a figure for how its clause words the measure (the measure said elsewhere in
# the sentence, said in other words, or a distinguishing word of the question unsaid), not for its place, period,
# plan or kind. A comparison's side names the measure the way the question does, often once for both sides
# ("去年交通事故死亡人数，博白县和北流市哪个多"), while the article says it once for a list of members
# ("博白县发生118起，死亡41人") or in its own words ("平永镇举办分会场比赛28场" for 承办的比赛; "同比增长9.8%" for
# 增速). When the figure's sentence states it of the side itself (``names_side``), such a near miss does not refuse
# the side: the comparison then checks it against the other side's figure (the same kind of unit, not the same
# span, the shared measure). Not ``asked_word_here``: the asked words standing at another figure of the very
# sentence ("223.6万人报名,同比增长18.4%" for 全省…报名人数的涨幅) say the sentence is read, not worded otherwise.
WORDED_CHECKS = frozenset({"subject", "noun_elsewhere", "asked_elsewhere", "distinguishing"})


def worded_side_waiver(marks: set[str]) -> Callable[[Candidate, str], bool] | None:
    """For a refused side (its ``marks``, see ``side_marks``), which near misses do not refuse a candidate
    (``extract_answer``'s ``waive``); None when the switch ``worded_side`` is off or the side has no marks."""
    if ablated("worded_side") or not marks:
        return None
    return lambda candidate, check: check in WORDED_CHECKS and names_side(candidate.sentence, candidate.span, marks)
