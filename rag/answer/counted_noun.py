"""The thing a question counts, read by the tagger from the nouns right after its count word.

A question counts a thing with 多少 or 几 and a count word (个, 家, 名…) followed by the thing: "几个学生考上了清华北大",
"多少个孩子入托", "几家企业拿到了许可". A report often counts the same thing with another count word: people by 名 or
人 ("有14名学生被清华大学、北京大学录取"), cases by 件. ``spans._counted_at_figure`` lets such a figure answer when the
question's counted thing stands at it; it found that thing with a pattern ending the thing at a question mark, 的, 是,
有… ("几场活动？"), so a question going on with its own verb after the thing ("几个学生考上了…", "几个孩子入托") named
no counted thing, and the figure in the other count word was no figure of the asked kind (refused: 没有找到所问的数量).

``counted_after_count_word`` reads the counted thing as the tagger cuts the question: the run of nouns right after
the count word, up to the first word that is no noun (学生 of 学生|考上|了). Only a run of two characters or more,
tagged a common noun (n, nz, vn is no noun here), is read: a place, a name or a verb right after the count word names
no counted thing. It only widens which figure may count the asked thing; the figure must still stand right before or
after that very noun in the sentence, and every near-miss check still judges it. Switch: ``counted_noun_by_tagger``.
"""
from __future__ import annotations

import re

from .question import pos_cut
from .settings import ablated

# count words (量词) that only count things, one as good as another for the thing the question names
# ("几场活动" / "活动196项", "几个党员" / "7名党员"); measures (吨, 元, 米, %, 天) are not among them. A figure may also
# count people by 人 ("14人"), so ``FIGURE_COUNT_WORDS`` adds it; a question's "几人" has no counted noun after it.
COUNT_WORDS = ("个", "家", "所", "项", "处", "座", "场", "次", "期", "名", "位", "件", "张", "条", "套", "台", "部", "批",
               "种", "支", "只", "头", "艘", "架", "栋", "间", "枚", "首", "篇", "册", "幅", "根", "辆", "户", "例", "单",
               "份", "株", "棵")
FIGURE_COUNT_WORDS = frozenset(COUNT_WORDS) | {"人"}
# a question's 多少/几 and its count word: "几个", "多少万名"
COUNTED_BY = re.compile(r"(?:多少|几)(?:万|千|百)?(?:" + "|".join(COUNT_WORDS) + ")")
# common nouns only: a place (ns), a person's or organisation's name (nr, nt) is no counted kind of thing
_NOUN_FLAGS = ("n", "nz")


def counted_after_count_word(question: str) -> str | None:
    """The nouns right after the question's first 多少/几 and count word, as the tagger cuts them ("几个学生考上了清华北大"
    → 学生), or None when the words after the count word open with no common noun of two characters or more."""
    if ablated("counted_noun_by_tagger"):
        return None
    found = COUNTED_BY.search(question)
    if found is None:
        return None
    nouns: list[str] = []
    for word, flag in pos_cut(question[found.end():]):
        if flag not in _NOUN_FLAGS or not re.fullmatch(r"[\u4e00-\u9fff]+", word):
            break
        nouns.append(word)
    counted = "".join(nouns)
    return counted if len(counted) >= 2 else None


def counted_right_after(sentence: str, end: int, unit: str, counted: str) -> bool:
    """Whether the figure ending at ``end`` in the count word ``unit`` goes on to name ``counted``, the thing the
    question counts, within the next few characters and its own clause ("有14名学生被…录取" for 几个学生, "7名早期共产党员"
    for 几个共产党员): the figure counts that very thing in another count word, so the asked count word (个) is no
    other measure. A measure (吨, 元, %) never counts a thing so."""
    if ablated("counted_noun_by_tagger") or unit not in FIGURE_COUNT_WORDS or len(counted) < 2:
        return False
    after = sentence[end:end + len(counted) + 4]
    at = after.find(counted)
    return at >= 0 and not re.search(r"[，。；、,;：:！？!?]", after[:at])
