"""Whose organisation a title belongs to, read by its sentence form, for the other-holder check (issue 11).

``kind._other_holder`` refuses a sentence that names another organisation of the asked one's kind (another 公司,
another 医院) instead of it. A sentence form of news made it refuse the very holder asked:

- ``level_org``: news names its own city's or county's bodies by the level alone: 市公交集团, 市中心医院, 县人民医院 are the
  page's 南阳市公交集团, 南阳市中心医院. An organisation written as a bare level (市, 县, 区, 州, 旗, 盟) followed by the
  words the asked name ends with is the asked one when the asked name opens with a place of that same level
  (南阳市…, or 衢州… where the paragraph, its headline or setting writes 衢州市), said in the paragraph's context.
  Another level (县公交集团 for 南阳市公交集团) or other words (市人民医院 for 南阳市中心医院) stay another holder.
"""
from __future__ import annotations

import re

from ..question import pos_cut
from ..settings import ablated

_LEVELS = "市县区州旗盟"


def level_org(words: str, entity: str, context: str) -> bool:
    """Whether ``words`` (an organisation's name as written, 市公交集团) is the asked ``entity`` (南阳市公交集团) named by
    its level alone: a level character, then the words the entity ends with, the entity's head a place of that
    level said in ``context`` (the paragraph with its headline and setting)."""
    if ablated("level_org"):
        return False
    # the level opens the name, after a time word at most (今年市公交集团…)
    at = next((i for i, ch in enumerate(words) if ch in _LEVELS), -1)
    if at < 0 or len(words) - at < 3 or any(flag[:1] != "t" for _, flag in pos_cut(words[:at])):
        return False
    level, rest = words[at], words[at + 1:]
    if not entity.endswith(rest) or len(entity) <= len(rest):
        return False
    head = entity[: len(entity) - len(rest)]
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,6}", head):
        return False
    if head[-1] in "市县区旗盟" and head[-1] != level:  # 卧龙区… is no 市 (州 also ends names: 衢州, 杭州)
        return False
    place = head if head.endswith(level) else head + level
    if len(place) < 3:
        return False
    return place in context
