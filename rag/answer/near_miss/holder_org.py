"""Whose organisation a title belongs to, read by its sentence form, for the other-holder check (issue 11).

``kind._other_holder`` refuses a sentence that names another organisation of the asked one's kind (another 公司,
another 医院) instead of it. Two sentence forms of news made it refuse the very holder asked:

- ``holder_clause``: a person asked by a title ("阳川镇中心小学的校长是谁") is answered by a sentence naming someone right
  after that title ("校长朱永平说，学校现有学生426名，通过“三个课堂”与县城学校同步上课"). The organisation a title belongs
  to is written right before the title, in its clause ("市公交集团董事长王建新说"), or left to the sentence before when
  the title opens it; an organisation named after the person's name is what they speak of (县城学校, "今年公司新建的…"),
  not theirs. So for such a sentence only the title's own clause up to the title is read for another holder.
- ``level_org``: news names its own city's or county's bodies by the level alone: 市公交集团, 市中心医院, 县人民医院 are the
  page's 南阳市公交集团, 南阳市中心医院. An organisation written as a bare level (市, 县, 区, 州, 旗, 盟) followed by the
  words the asked name ends with is the asked one when the asked name opens with a place of that same level
  (南阳市…, or 衢州… where the paragraph, its headline or setting writes 衢州市), said in the paragraph's context.
  Another level (县公交集团 for 南阳市公交集团) or other words (市人民医院 for 南阳市中心医院) stay another holder.
"""
from __future__ import annotations

import re

from ..question import QuestionAnalysis, pos_cut
from ..scoring import Candidate
from ..settings import ablated
from ..spans import holds_title, titles_before

# the clause of a title: back to the last break of a clause (a quotation's close, a comma, a full stop)
_CLAUSE_BREAK = re.compile(r"[，,。；;：:！!？?“”（）()\s]")
_LEVELS = "市县区州旗盟"


def holder_clause(candidate: Candidate, analysis: QuestionAnalysis) -> str | None:
    """The words of the sentence's clause before the asked title word, when the sentence names its person right after
    the title the question asks (see the module); None when that form does not hold (the whole text is read)."""
    if ablated("holder_clause") or candidate.span is None or not analysis.role:
        return None
    sentence, start = candidate.sentence, candidate.span.start
    titles = titles_before(sentence, start)
    if not titles or not holds_title(titles[-1:], analysis.role):
        return None
    role_at = start - len(analysis.role)  # the title's own organisation stays read: 市公交集团|董事长
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, role_at)), default=0)
    return sentence[left:role_at]


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
