"""A measure the question names in everyday words, read off the figure's own measure word.

Chinese names a measure by a compound whose last character is its head and whose first part says which
one: 品牌价值 (the brand's value), 交易额 (the amount traded), 签约金额 (the amount signed). A user asks the
same measure with the head kept and the modifier said another way: "这个品牌现在估值多少钱" (估值, the assessed
value, for 品牌价值), "辣椒买卖的成交金额是多少" (金额 for 交易额), "签约项目总金额" (总金额 for 签约金额).

The word right before the figure of the asked kind is the figure's measure. A question noun the sentence
does not say is that measure in other words when (1) it ends with the measure's head character, and (2)
the measure's modifier, the part before its head word, is said by the question outside that noun: as it
stands, as a synonym, a word of its 词林 small class, or a question noun sharing a character with it and
filed in the same 词林 small class (牌子 for 品牌). The modifier is what tells a measure from its siblings
(产值 / 增加值, 门票收入 / 旅游收入): when the question does not say it, nothing here applies, and the noun
stays absent. A question noun that is the modifier said otherwise (牌子 for 品牌 of 品牌价值) is said too.
Either only turns the objection into one of wording: the sentence vectors and every near-miss check still
decide whether the figure answers.
"""
from __future__ import annotations

import re

from ..places import pos_tokenizer
from .question import QuestionAnalysis, pos_cut
from .settings import ablated
from .spans import Span
from .synonyms import kindred_in, said_in, word_codes

# what stands between a measure and its figure: a verb of reaching or being, an adverb of approximation
LINKING_WORDS = re.compile(r"(?:达到|达|为|是|约为|约|超过|超|突破|逾|近|共|累计|合计|实现|完成|有|到|了|已|就)+$")
_CLAUSE_MARKS = "，。；！？,;!?：:、（）()“”"


def _measure_before(sentence: str, span: Span) -> tuple[str, str] | None:
    """The noun right before the figure in its clause (past a linking verb, and a verb saying how it was
    taken: 评估为), and the word before that noun: ("品牌价值", "公用") for "区域公用品牌价值达到123.68亿元"."""
    if sentence.startswith("的", span.end):  # "以715.27亿元的品牌价值": the measure named right after its figure
        rights = [i for i in (sentence.find(mark, span.end) for mark in _CLAUSE_MARKS) if i >= 0]
        nouns = []
        for word, flag in pos_cut(sentence[span.end + 1:min(rights, default=len(sentence))]):
            if not flag.startswith("n"):
                break
            nouns.append(word)
        if nouns and len(nouns[-1]) >= 2:
            return nouns[-1], nouns[-2] if len(nouns) >= 2 else ""
    left = max(sentence.rfind(mark, 0, span.start) for mark in _CLAUSE_MARKS) + 1
    before = LINKING_WORDS.sub("", sentence[left:span.start].rstrip())
    tokens = pos_cut(before)
    if not tokens:
        return None
    if len(tokens) >= 2 and tokens[-1][1].startswith("v") and tokens[-2][1].startswith("n"):
        tokens = tokens[:-1]  # a verb saying how the measure was taken: "品牌价值评估为95.3亿元"
    word, flag = tokens[-1]
    if not flag.startswith("n") or len(word) < 2 or not re.fullmatch(r"[\u4e00-\u9fff]+", word):
        return None
    return word, tokens[-2][0] if len(tokens) >= 2 else ""


def _small_classes(word: str) -> set[str]:
    """Every 词林 small class ``word`` is filed in, whatever its group's kind."""
    return {code[:5] for code in word_codes(word)}


def _modifier_said(modifier: str, question: str, nouns: tuple[str, ...], noun: str) -> bool:
    """Whether the question says ``modifier`` outside ``noun``: as it stands or by a word saying it otherwise."""
    rest = question.replace(noun, " ")
    if said_in(modifier, rest):
        return True
    words = [w for w, _ in pos_cut(rest) if len(w) >= 2] + [n for n in nouns if n != noun]
    return any(_says(w, modifier) for w in words)


def said_by_measure(noun: str, sentence: str, span: Span | None, analysis: QuestionAnalysis) -> bool:
    """Whether the question's ``noun``, not said in ``sentence``, is the measure word at the figure ``span``
    said in other words, or that measure's modifier said otherwise (see the module's note)."""
    if span is None or ablated("related_head") or len(noun) < 2:
        return False
    found = _measure_before(sentence, span)
    if found is None:
        return False
    measure, previous = found
    if measure == noun:
        return False
    parts = _sub_words(measure)
    # the measure's modifier: the words before its head word (品牌 of 品牌价值); a measure that is the noun's own
    # tail (金额 of 总金额) has the word before it as its modifier (签约)
    if noun.endswith(measure):
        modifier = previous
    elif len(parts) >= 2:
        modifier = "".join(parts[:-1])
    else:
        modifier = measure[:-1]
    if len(modifier) < 2 or not re.fullmatch(r"[\u4e00-\u9fff]+", modifier):
        return False
    if noun[-1] == measure[-1]:  # the head kept, the modifier said elsewhere in the question
        return _modifier_said(modifier, analysis.text, analysis.nouns, noun)
    # the modifier said by this very noun (牌子 for 品牌), the head asked by another noun of the question (估值)
    return _says(noun, modifier) and any(n != noun and n[-1] == measure[-1] for n in analysis.nouns)


def _says(word: str, modifier: str) -> bool:
    """Whether ``word`` says ``modifier`` otherwise: a synonym, a word of its 词林 small class, or a word sharing a
    character with it in the same small class whatever the group (牌子 and 品牌)."""
    return said_in(modifier, word) or said_in(word, modifier) or kindred_in(modifier, [word]) \
        or bool(set(word) & set(modifier) and _small_classes(word) & _small_classes(modifier))


def _sub_words(word: str) -> list[str]:
    """``word`` cut into the dictionary words it is made of (品牌价值: 品牌, 价值), or itself."""
    tokenizer = pos_tokenizer().tokenizer
    parts = list(tokenizer.cut(word, HMM=False))
    if len(parts) == 1:
        inner = [w for w in tokenizer.cut_for_search(word, HMM=False) if w != word]
        # the longest cover from the start: 品牌 + 价值
        cover, at = [], 0
        while at < len(word):
            piece = max((w for w in inner if word.startswith(w, at)), key=len, default=word[at])
            cover.append(piece)
            at += len(piece)
        return cover
    return parts
