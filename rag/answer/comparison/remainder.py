"""The answer to "还有多少处没整改完" read from the one sentence stating the whole and the part done ("共排查隐患1870处，
已整改1842处"): the whole less the part done (the question is read by ``question_forms``).
"""
from __future__ import annotations

import re
from dataclasses import replace

from ...schema import Answer
from ..question import analyze_question
from ..settings import ablated
from ..spans import Span, quantity_spans
from .asked import Comparison
from .side_clauses import clause_start, states_figure
from .values import difference_text, figure_of, in_unit_asked


# "还有多少处没整改完": an article usually states the whole and the part done in one sentence ("共排查隐患1870处，
# 已整改1842处"). The ordinary answer to the question finds that sentence; the part done is the figure after
# 已+the asked verb, the whole the figure before it in the same unit that is larger.
_DONE_BEFORE = re.compile(r"(?:已经|已)[^，,；;。：:\d]{0,6}$")
_WHOLE_BEFORE = re.compile(r"(?:共|总|累计|合计|全部|一共)[^，,；;。：:\d]{0,6}$")


def remainder_answer(question: str, comparison: Comparison, answer: Answer) -> Answer | None:
    """The remainder ``comparison`` asks (whole − done) read from the sentence of ``answer`` (the ordinary
    answer to the question), citing it; None when that sentence does not state both figures."""
    if not comparison.remainder or not states_figure(answer) or not answer.citations or ablated("remainder"):
        return None
    sentence = answer.sentence or ""
    spans = sorted(quantity_spans(sentence, analyze_question(answer.question)), key=lambda sp: sp.start)
    verb = set(comparison.measure)

    def clause_before(span: Span) -> str:
        left = clause_start(sentence, span.start)
        return sentence[left:span.start]

    for i, done in enumerate(spans):
        before = clause_before(done)
        if not (_DONE_BEFORE.search(before) and verb & set(before)):
            continue
        done_figure = figure_of(done.text)
        if done_figure is None:
            continue
        wholes = [sp for sp in reversed(spans[:i]) if (f := figure_of(sp.text)) is not None
                  and f.unit == done_figure.unit and f.scale == done_figure.scale and f.value > done_figure.value]
        whole = next((sp for sp in wholes if _WHOLE_BEFORE.search(clause_before(sp))), wholes[0] if wholes else None)
        if whole is None:
            return None
        whole_figure = figure_of(whole.text)
        left = difference_text(whole_figure, done_figure)
        left = in_unit_asked(left, comparison.unit)
        cited = replace(answer.citations[0], n=1)
        body = (f"还有{left}没有{comparison.measure}（{sentence[whole.start - len(clause_before(whole)):whole.end]}，"
                f"{sentence[done.start - len(before):done.end]}[1]，相减得出）。")
        return Answer(question=question, answer=body, refused=False, citations=(cited,), short=left,
                      sentence=sentence, timings_ms=dict(answer.timings_ms))
    return None
