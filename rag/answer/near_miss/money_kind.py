"""Another kind of money: "锂电材料产业去年赚了多少利润" is not answered by "实现规上工业产值612.80亿元", nor "临沂商城
去年一共实现了多少利润" by "临沂国际五金城去年实现交易额312.6亿元".

A question naming the money it asks right after its wh-word ("多少利润", "多少税款", "几亿元罚款") reads that noun as its
unit's kind (元), so no word of the question needs saying at the figure and a sentence of the right subject and year
qualifies with any sum of money in it. But the text names each sum by its kind right before the figure (产值, 交易额,
营业收入, 投资): when that word is another kind of money (one the reading of money words knows: what is spent, what is
taken in, other sums; or a word ending as a sum does, 额 or 值) that shares no character with the asked noun, and the
sentence says the asked noun nowhere, in no synonym nor word of its 词林 class, the figure is that other sum.

The same holds of a question naming the money before its wh-word ("营业收入是多少", "第一产业投资完成了多少亿元",
"粮食总产值是多少亿元": ``money_named_before``), for a figure in money: "实现产值9.7亿元" is no 营业收入, "第一产业增加值
312.7亿元" no 投资, "发放补贴5.86亿元" no 产值. Two words of what is taken in (营业额 and 收入) or of what is spent
(投资 and 资金) may name one sum in a reader's words and the text's, so a pair within either family is not refused
that way.
"""
from __future__ import annotations

import re

from ..question import EARNED_WORDS, OTHER_MONEY_WORDS, SPENT_WORDS, QuestionAnalysis, pos_cut
from ..settings import ablated
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


# what may stand between the money named and the wh-word asking it ("营业收入是多少", "投资完成了多少亿元")
_LINKS_BEFORE_WH = re.compile(r"(?:是|有|为|达到|达|一共|共|总共|合计|大约|约|完成|实现|了)*$")


def _money_named_before(analysis: QuestionAnalysis) -> str | None:
    """The money word the question names right before its (last) wh-word, past linking verbs ("营业收入是多少": 营业收入;
    "工业增加值是多少亿元": 增加值), or None (a change asked, "收入增长了多少", names none there)."""
    if ablated("money_named_before"):
        return None
    text = analysis.text
    last = max((m.start() for m in re.finditer(r"多少|几", text)), default=-1)
    if last < 0 or re.match(r"(?:多少|几)[万亿千百]*元?[\u4e00-\u9fff]", text[last:]) and not re.match(
            r"(?:多少|几)[万亿千百]*元", text[last:]):
        return None
    before = _LINKS_BEFORE_WH.sub("", text[:last])
    tokens = [(w, flag) for w, flag in pos_cut(before) if w.strip()]
    if not tokens:
        return None
    word, flag = tokens[-1]
    if not (flag.startswith("n") or word in _MONEY_WORDS) or len(word) < 2:
        return None
    if word in _MONEY_WORDS or word[-1] in "额值":
        return word
    # a compound read by the money word it ends with ("银行存款": 存款, said in "各项存款余额")
    return next((m for m in sorted(_MONEY_WORDS, key=len, reverse=True) if word.endswith(m)), None)


def _same_family(asked: str, own: str) -> bool:
    """Whether both words name what is taken in (营业额, 收入) or both what is spent (投资, 资金)."""
    return any(any(asked.endswith(w) or asked == w for w in family) and any(own.endswith(w) or own == w for w in family)
               for family in (EARNED_WORDS, SPENT_WORDS))


def other_money(sentence: str, span: Span, analysis: QuestionAnalysis) -> str | None:
    """The other kind of money the figure at ``span`` measures (产值), when the question names another (利润)."""
    noun, unit = analysis.type_noun, analysis.unit or ""
    before = False
    if not noun or len(noun) < 2 or not unit.endswith("元") or not re.search(
            rf"(?:多少|几)[万亿千百]*元?{re.escape(noun)}", analysis.text):
        # the money named before the wh-word, for a figure in money ("营业收入是多少": "实现产值9.7亿元")
        noun = _money_named_before(analysis)
        if not noun or not span.text.rstrip("以上下左右内余多").endswith("元"):
            return None
        before = True
    left = max((m.end() for m in re.finditer(r"[，,；;。！？!?：:]", sentence[:span.start])), default=0)
    own = _figure_money_word(sentence[left:span.start])
    if not own or own == noun or set(own) & set(noun) or (before and _same_family(noun, own)):
        return None
    words = [w for w, _ in pos_cut(sentence)]
    if said_in(noun, sentence) or kindred_in(noun, words) or said_in(own, analysis.text):
        return None
    return own
