"""A word of the asked measure said only inside a name: "国际旅客有多少人次" is not answered by "海拉尔东山国际机场完成旅客
吞吐量78.4万人次", nor "国际航线的旅客" by "临沂启阳国际机场…完成旅客吞吐量317.5万人次".

A question's noun that marks off the part it asks (国际 of 国际旅客, 国际航线) may stand in the figure's sentence only as a
piece of a proper name: a name opened by a place's or an owner's name and closed by the kind of thing it names (机场,
学校, 医院, 公司…): 锦州湾国际机场 says nothing of international passengers. When the question says the word outside
such a name and the figure's sentence says it only inside one, the figure is the whole's (all passengers), not the
asked part's. A question saying the word only in a name itself (青岛国际学校有多少学生) is not refused for it.
"""
from __future__ import annotations

import re

from ..question import QuestionAnalysis, pos_cut

# the kinds of thing a proper name ends in, after the word it holds (国际|机场, 人民|医院, 实验|小学)
_NAME_KINDS = ("机场", "空港", "港区", "码头", "火车站", "学校", "小学", "中学", "大学", "学院", "幼儿园", "医院", "卫生院",
               "酒店", "饭店", "宾馆", "会展中心", "博览中心", "会议中心", "公司", "集团", "银行", "博览会", "展览会", "公园",
               "大厦", "研究院", "研究所")
# a name's opening before the word (锦州湾, 临沂启阳): two characters at least, right before it
_OPENING = re.compile(r"[\u4e00-\u9fff]{2}$")
_MIN_WORD = 2


def _inside_name(text: str, at: int, word: str, opened: bool) -> bool:
    """Whether ``word`` at ``at`` of ``text`` is a piece of a name: a kind right after it, and when ``opened``, a name's
    opening right before it."""
    return (not opened or bool(_OPENING.search(text[:at]))) and text.startswith(_NAME_KINDS, at + len(word))


def _said_outside_names(word: str, text: str, opened: bool = True) -> bool | None:
    """True when ``text`` says ``word`` outside a name, False when only inside names, None when not at all. ``opened``:
    a name needs its opening before the word (the question's own name may open with it: 市中心医院)."""
    found = [m.start() for m in re.finditer(re.escape(word), text)]
    if not found:
        return None
    return any(not _inside_name(text, at, word, opened) for at in found)


def _after_a_name(question: str, word: str) -> bool:
    """Whether the question says ``word`` only right after a proper name (华亭|煤业: a short form of the name it then
    gives in full, 华亭煤业集团), so as a piece of that name."""
    at, tokens = 0, []
    for token, flag in pos_cut(question):
        tokens.append((at, token, flag))
        at += len(token)
    starts = [m.start() for m in re.finditer(re.escape(word), question)]
    return bool(starts) and all(
        any(end == start and flag in ("ns", "nr", "nz", "nt", "nrt") for end, flag in
            ((t_at + len(t), t_flag) for t_at, t, t_flag in tokens))
        for start in starts)


def word_only_in_name(sentence: str, analysis: QuestionAnalysis) -> str | None:
    """The question's noun that the figure's ``sentence`` says only inside a name (国际 in 临沂启阳国际机场), while the
    question says it outside one (国际航线的旅客); None otherwise."""
    for word in analysis.nouns:
        if len(word) < _MIN_WORD or word.endswith(_NAME_KINDS) or any(word in e for e in analysis.entities):
            continue
        if _said_outside_names(word, analysis.text, opened=False) and _said_outside_names(word, sentence) is False \
                and not _after_a_name(analysis.text, word):
            return word
    return None
