"""A measure said with or without 总 before its noun is the same measure (``total_qualifier``).

News names a whole's measure with 总 ("粮食总产量达到286.9万吨", "园区总面积达到120万平方米", "通车总里程达到1103公里") where
a claim restating it says the plain compound ("粮食产量接近287万吨", "园区面积为…", "通车里程已超过1100公里"), and jieba keeps
each as one word: "粮食产量" is no part of "粮食总产量", nor "总产量" of "粮食产量", so the claim's measure went unsaid and the
article figure unread, the claim left 未找到 (or a wrong value 未找到 where it is 不一致). 总 says the figure is the whole's,
which a measure told without a part named is too: a claim's word is said by the text that says it with 总 right before the
noun that ends it (two characters or more). The other way, an article word opening its noun with 总 restated by the plain
noun, is read only by the head-noun check of a contradiction, once the claim's own noun is said so.
The part's own qualifier (玉米 for 粮食) is still a word to say, so "玉米产量" is not said by "粮食总产量".
"""
from __future__ import annotations

from typing import Sequence

from .ablation import ingredient_on

_TOTAL = "总"
MIN_NOUN = 2  # the noun after 总: "产量", "面积", "里程"


def said_with_total(word: str, text: str) -> bool:
    """Whether ``text`` says ``word`` with 总 before its closing noun ("粮食产量" in "…粮食总产量…")."""
    if not ingredient_on("total_qualifier") or len(word) < MIN_NOUN + 1 or _TOTAL in word:
        return False
    return any(word[:i] + _TOTAL + word[i:] in text for i in range(1, len(word) - MIN_NOUN + 1))


def total_restated(word: str, text: str) -> bool:
    """Whether ``text`` says the article's ``word`` without the 总 that opens its noun ("总产量" in "…粮食产量…"). Read only where
    the claim's own noun is already said so (the head noun of a contradiction): elsewhere a plain noun of a part ("宁波市产量
    增速") would restate a share of the whole ("两市合计占全省总产量的63%")."""
    if not ingredient_on("total_qualifier") or len(word) < MIN_NOUN + 1:
        return False
    at = word.find(_TOTAL)
    return at >= 0 and len(word) - at - 1 >= MIN_NOUN and word[:at] + word[at + 1:] in text


def share_said(words: Sequence[str], text: str) -> float:
    """Share of ``words`` that ``text`` says, as written or with its 总 read as above."""
    return sum(1 for w in words if w in text or said_with_total(w, text)) / len(words) if words else 0.0
