"""The people a question counts, said at the figure by the asked action and a unit of people.

A user asks "出院了多少病人", "出生了多少孩子": an action, then the people it counts. A report states the
same count by the action and a unit of people alone ("出院9.8万人次"), or with the general word for people
("全年出生人口1.69万人"): the counted noun (病人, 孩子) is not said, yet the figure counts exactly the
people the action picks out. The sentence vectors do not find such a sentence (on the dev halves
"全年出生人口1.69万人" stood 0.029 below a sentence about employment), and e5's word vectors do not tell
a colloquial word from a sibling measure (货值 is closer to 进出口总值 and 产值 than to 出口额), so this is
read from the words.

The counted noun is said by the figure when: the question counts it right after 多少/几 with no unit of its
own (the type noun, a word 词林 files among people); the figure's unit counts people (人, 人次, 名); and the
word right before the figure in its clause, past linking words, is the question's action, itself or followed
by a general word for people (词林 Aa01: 人口, 人员). A clause naming other people at the figure ("接待研学学生
3万人次" for 多少游客) names them there and is not read so. It only turns the missing noun into an objection
of wording: the sentence vectors, retrieval and every near-miss check still decide whether the figure answers.
"""
from __future__ import annotations

import re

from .question import QUANTITY, QuestionAnalysis, pos_cut
from .related_head import LINKING_WORDS
from .settings import ablated
from .spans import Span, figure_units, same_kind_of_unit
from .synonyms import names_people, word_codes

_CLAUSE_MARKS = "，。；！？,;!?：:、（）()“”"
# the action right before the counted noun: "出院了多少病人", "一年出生多少孩子"
_ACTION = r"([\u4e00-\u9fff]{2})了?(?:多少|几)"
# 词林's small classes of people in general (Aa01: 人, 人口, 人员)
_GENERAL_PEOPLE = "Aa01"


def _action(noun: str, question: str) -> str | None:
    found = re.search(_ACTION + re.escape(noun), question)
    return found.group(1) if found else None


def counted_by_unit(noun: str, sentence: str, span: Span | None, analysis: QuestionAnalysis) -> bool:
    """Whether the question's counted ``noun``, not said in ``sentence``, is said by the figure ``span``: the
    question's action right before it and a unit of people (see the module's note)."""
    if span is None or ablated("counted_people") or analysis.kind != QUANTITY:
        return False
    if noun != analysis.type_noun or analysis.unit or not names_people(noun):
        return False
    action = _action(noun, analysis.text)
    if action is None:
        return False
    unit = next((u for start, end, u in figure_units(sentence) if start <= span.start < end), "")
    if not unit or not same_kind_of_unit("人", unit):
        return False
    left = max(sentence.rfind(mark, 0, span.start) for mark in _CLAUSE_MARKS) + 1
    tokens = [w for w, _ in pos_cut(LINKING_WORDS.sub("", sentence[left:span.start].rstrip()))]
    if tokens and tokens[-1] == action:
        return True
    return (
        len(tokens) >= 2 and tokens[-2] == action
        and any(code.startswith(_GENERAL_PEOPLE) for code in word_codes(tokens[-1]))
    )
