"""Another named place of the asked kind: "湄江景区门票收入是多少" is not answered by "紫鹊界梯田—梅山龙宫景区接待游客…，
门票收入1.36亿元", nor "湖北科技学院毕业生留在咸宁工作的比例" by "咸宁职业技术学院毕业生留在咸宁就业的比例为38.6%".

Scenic spots, colleges, hospitals, airports, stations and ports are told apart by the name before their kind word (景区,
学院, 医院…). When the question names one (its name: the characters right before the kind word), and the figure's
sentence, before the figure, last names another of the same kind and never the asked one, the figure is the other's.
A kind word after a generic word (重点景区, 各医院, A级景区: a class of them, not one) names none.
"""
from __future__ import annotations

import re

from ..question import pos_cut

_KINDS = ("景区", "风景区", "学院", "大学", "医院", "机场", "水电站", "电站", "港区", "纪念馆", "博物馆", "水库", "口岸")
_KIND = "|".join(sorted(_KINDS, key=len, reverse=True))
_NAMED = re.compile(r"([\u4e00-\u9fff]{2,8}?)(" + _KIND + ")")
_MIN_NAME = 2
# words before a kind word that name a class of them, not one (重点景区, 其他医院, 国家级博物馆)
_CLASS_WORDS = frozenset("重点 主要 其他 其余 热门 知名 周边 各大 骨干 公立 民营 公办 民办 省级 市级 县级 国家级 高等 A级 "
                         "大型 中型 小型 新建 现有 全部 所有 部分 多家 多个 两个 三个 多所 特色 精品 星级 综合 专科".split())


def _last_word(run: str) -> str:
    words = [w for w, _ in pos_cut(run)]
    return words[-1] if words else ""


# the tags of a word that names nothing before a kind word: a time, a verb, an adverb, a pronoun, a number (今年|医院)
_NOT_NAME_FLAGS = ("t", "v", "d", "p", "c", "u", "r", "m", "f", "q")


def _a_name(run: str) -> bool:
    """Whether the characters before a kind word name one thing: not a class (重点, 各, 该, 其他, 国家级) nor a time or a
    verb (今年医院, 住进医院)."""
    tokens = pos_cut(run)
    if not tokens:
        return False
    last, flag = tokens[-1]
    return len(last) >= _MIN_NAME and last not in _CLASS_WORDS and not re.search(r"[各该本全其此这那每级类所等些]", last) \
        and not flag.startswith(_NOT_NAME_FLAGS)


def _names(text: str) -> list[tuple[int, str, str]]:
    """(offset after the name, the name's last word, its kind, its whole run) of each named thing of a kind in ``text``."""
    found = []
    for m in _NAMED.finditer(text):
        run = re.split(r"[—－\-·、和与及]", m.group(1))[-1]
        if len(run) >= _MIN_NAME and _a_name(run):
            found.append((m.end(), _last_word(run), m.group(2), run))
    return found


def other_named_of_kind(sentence: str, span_start: int, question: str) -> str | None:
    """The other thing of the asked kind the figure's sentence names last before it (梅山龙宫景区 for 湄江景区), or None."""
    asked = _names(question)
    if not asked:
        return None
    said = _names(sentence[:span_start])
    if not said:
        return None
    if "分别" in sentence:  # a list said respectively: each figure is its own name's
        return None
    end, word, kind, run = said[-1]
    for _, asked_word, asked_kind, _ in asked:
        # (the asked one called by a longer name, 海拉尔东山国际机场 for 海拉尔机场, is no other)
        if not (asked_kind.endswith(kind) or kind.endswith(asked_kind)) or word in question or asked_word in run:
            continue
        # the asked one is not named between the other and the figure
        if asked_word in sentence[end:span_start]:
            continue
        return word + kind
    return None
