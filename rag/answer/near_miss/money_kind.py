"""Another kind of money: "锂电材料产业去年赚了多少利润" is not answered by "实现规上工业产值612.80亿元", nor "临沂商城
去年一共实现了多少利润" by "临沂国际五金城去年实现交易额312.6亿元".

A question naming the money it asks right after its wh-word ("多少利润", "多少税款", "几亿元罚款") reads that noun as its
unit's kind (元), so no word of the question needs saying at the figure and a sentence of the right subject and year
qualifies with any sum of money in it. But the text names each sum by its kind right before the figure (产值, 交易额,
营业收入, 投资): when that word is another kind of money (one the reading of money words knows: what is spent, what is
taken in, other sums; or a word ending as a sum does, 额 or 值) that shares no character with the asked noun, and the
sentence says the asked noun nowhere, in no synonym nor word of its 词林 class, the figure is that other sum.
"""
from __future__ import annotations

import re

from ..question import EARNED_WORDS, OTHER_MONEY_WORDS, SPENT_WORDS, QuestionAnalysis, pos_cut
from ..spans import Span
from ..synonyms import kindred_in, said_in

_MONEY_WORDS = frozenset(SPENT_WORDS + EARNED_WORDS + OTHER_MONEY_WORDS)
# what may stand between the sum's name and its figure: a verb of reaching, a preposition, an adverb, "约"
_BETWEEN_FLAGS = ("v", "p", "d", "u", "c")


def _figure_money_word(head: str) -> str | None:
    """The name of the sum the figure gives: the last noun of its clause before it, past verbs and adverbs (实现|交易额|达|
    312.6亿元), when it names money."""
    for word, flag in reversed(pos_cut(head)):
        if not word.strip():
            continue
        if flag.startswith("n") or word in _MONEY_WORDS:
            if word in _MONEY_WORDS or (len(word) >= 2 and word[-1] in "额值") or any(word.endswith(m) for m in _MONEY_WORDS):
                return word
            return None
        if not flag.startswith(_BETWEEN_FLAGS) and word not in ("约", "达", "为"):
            return None
    return None


def other_money(sentence: str, span: Span, analysis: QuestionAnalysis) -> str | None:
    """The other kind of money the figure at ``span`` measures (产值), when the question names another (利润)."""
    noun, unit = analysis.type_noun, analysis.unit or ""
    if not noun or len(noun) < 2 or not unit.endswith("元"):
        return None
    if not re.search(rf"(?:多少|几)[万亿千百]*元?{re.escape(noun)}", analysis.text):
        return None
    left = max((m.end() for m in re.finditer(r"[，,；;。！？!?：:]", sentence[:span.start])), default=0)
    own = _figure_money_word(sentence[left:span.start])
    if not own or own == noun or set(own) & set(noun):
        return None
    words = [w for w, _ in pos_cut(sentence)]
    if said_in(noun, sentence) or kindred_in(noun, words) or said_in(own, analysis.text):
        return None
    return own
