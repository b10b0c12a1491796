"""Whether a sentence names anyone, for a question asking who someone is.

A person question may be answered by a sentence holding no name span ("谁在阳台养鸡": "一楼大爷" is no name, but the
sentence answers). A question asking a person's identity ("冠军是谁", "获奖的学生叫什么名字", "姓名") asks a name: a
sentence naming no person and no organisation ("阿巴嘎黑马的耐力赛最受关注", "平凉职业技术学院学生…获得一等奖") tells
what happened, not who. A name is read from jieba's tags (nr, nrfg, nrt: a person; nt: an organisation), a
transliterated name (斯拉木汗·哈力别克) or an organisation's name (rag.answer.spans.org_spans), none of them one the
question already says; a word jieba ran together and tagged a name (rag.answer.name_reading) is none.
"""
from __future__ import annotations

import re

from .name_reading import misread_name
from .question import PERSON, QuestionAnalysis, pos_cut
from .settings import ablated
from .spans import org_spans

# "…是谁", "是谁宣布的", "叫什么名字", "叫什么", "姓名": the identity asked ("谁在阳台养鸡" asks who did it, and a
# description answers)
_IDENTITY_ASKED = re.compile(r"是谁|叫什么|名字|姓名")
_PERSON_FLAGS = ("nr", "nrfg", "nrt")
_TRANSLITERATED = re.compile(r"[\u4e00-\u9fff]{2,}[·•・][\u4e00-\u9fff]{2,}")


def identity_asked(analysis: QuestionAnalysis) -> bool:
    """Whether a person question asks who someone is, by name (not who did something)."""
    return analysis.kind == PERSON and not ablated("who_names_someone") and bool(_IDENTITY_ASKED.search(analysis.text))


def names_someone(sentence: str, analysis: QuestionAnalysis) -> bool:
    """Whether ``sentence`` names a person or an organisation the question does not already name."""
    if _TRANSLITERATED.search(sentence):
        return True
    tokens = list(pos_cut(sentence))
    for k, (word, flag) in enumerate(tokens):
        if word in analysis.text or len(word) < 2:
            continue
        if flag in _PERSON_FLAGS and not misread_name(tokens, k):
            return True
        if flag == "nt":
            return True
    return any(span.text not in analysis.text for span in org_spans(sentence, analysis))
