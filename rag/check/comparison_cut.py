"""A "name" jieba cuts from a share's 占比 and the comparative 比 after it (switch ``name_across_comparison``).

News compares a share with its base right after the share's noun: "…过夜游客占比比上年提高了4.7个百分点", "…新能源小客车的
占比比去年同期提高了5.6个百分点". jieba cuts these 占 | 比比 | 上年 and tags 比比 as a name (nrt), so the claim seemed to name
someone the article never says and no article sentence could confirm it. The word 比比, in a clause that goes on to say which
way the share went against that base ("…上年提高了"), is the last character of 占比 and the comparative 比, no name. (The same
cut across a figure, "2025年比上年" → 年比, is ``name_across_figure``. Other nouns glued to the comparative, 数比 of
"用户数比去年底增长", are left as they were: reading them so changed no dev verdict and lost one elsewhere.)
"""
from __future__ import annotations

import re

from .ablation import ingredient_on
from .measure import direction_word

_CLAUSE_END = re.compile(r"[，,。；;！？!?：:]")


def cut_at_comparison(text: str, start: int, word: str) -> bool:
    """Whether ``word`` (at ``start`` in ``text``) is 比比, the end of 占比 and the comparative 比 opening a comparison whose
    clause states a direction: "比比" of "占比比上年提高了4.7个百分点"."""
    if not ingredient_on("name_across_comparison") or word != "比比":
        return False
    rest = text[start + len(word):]
    end = _CLAUSE_END.search(rest)
    return direction_word(rest[:end.start() if end else len(rest)]) is not None
