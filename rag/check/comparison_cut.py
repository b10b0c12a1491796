"""A "name" jieba cuts from a word's last character and the comparative 比 after it (switch ``name_across_comparison``).

News compares a measure with its base right after the measure's noun: "…过夜游客占比比上年提高了4.7个百分点",
"…终端用户数比去年底增长14.7%". jieba cuts these 占 | 比比 | 上年 and 用户 | 数比 | 去年底 and tags 比比 and 数比 as names
(nrt, nr), so the claim seemed to name someone the article never says and no article sentence could confirm it. A word of
two characters ending in 比, in a clause that goes on to say which way the measure went against that base ("…上年提高了",
"…去年底增长"), is the comparative 比 glued to the noun before it, no name. (The same cut across a figure, "2025年比上年" → 年比,
is ``name_across_figure``.)
"""
from __future__ import annotations

import re

from .ablation import ingredient_on
from .measure import direction_word

_CLAUSE_END = re.compile(r"[，,。；;！？!?：:]")


def cut_at_comparison(text: str, start: int, word: str) -> bool:
    """Whether ``word`` (at ``start`` in ``text``) is the last character of a noun and the comparative 比 opening a comparison
    whose clause states a direction: "数比" of "用户数比去年底增长14.7%"."""
    if not ingredient_on("name_across_comparison") or len(word) != 2 or not word.endswith("比"):
        return False
    rest = text[start + len(word):]
    end = _CLAUSE_END.search(rest)
    return direction_word(rest[:end.start() if end else len(rest)]) is not None
