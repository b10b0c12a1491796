"""A name introduced by the asked title alone, in a sentence going on about the organisation asked.

News names an organisation once and then its people by their titles alone, the organisation left to the
sentence before or said by its kind word: "在大新县人民医院，今年新开设的肿瘤科…。院长陆永强说：…",
"天等县壮乡辣业有限公司是当地最大的辣椒加工企业…。公司董事长农春梅介绍，…". A question in everyday
words ("大新县人民医院的院长叫什么", "…壮乡辣业，掌舵的董事长是谁") shares few words with that sentence, so
its meaning stands below the closest retrieved sentence (the one naming the organisation, which gives no
name of the title) and it is refused for its wording though it answers.

The sentence answers when every sign of the title form holds: only its wording kept it from answering
(the asked names are said in its paragraph or article: the scorer's entity check passed), the name is
written right after a title the question asks (院长, not 副院长; 负责人 by 主任, its general word), that
title names no organisation of its own (nothing, or a kind word: 公司, 管理中心, never 龙州县人民医院 nor a
place) and retrieval is sure of its paragraph (switch ``role_holder``). Only when no sentence is eligible
otherwise.
"""
from __future__ import annotations

import re
from typing import Callable

from .question import PERSON, QuestionAnalysis, pos_cut
from .scoring import WORDING, Candidate
from .settings import ablated
from .spans import holds_title, title_asked, titles_before
from .synonyms import general_word_for

# a piece of a title naming an organisation or place of its own: a name's tag, or a level of place or office
_NAMED = re.compile(r"[省市县区州镇乡村旗局委厅办]")


def _bare_kind(words: str) -> bool:
    """Whether the words before a title name no organisation of their own: none, or a common noun of four
    characters at most (公司, 医院, 合作社, 管理中心), no name tag and no level of place or office."""
    if not words:
        return True
    return (len(words) <= 4 and not _NAMED.search(words)
            and all(flag[:1] == "n" and flag[:2] not in ("nr", "ns", "nt", "nz") for _, flag in pos_cut(words)))


def _holds_asked(title: str, role: str) -> tuple[bool, str]:
    """Whether ``title`` is the asked ``role`` or a title that role is the general word of (负责人 for 主任), and the
    words before it."""
    if holds_title([title], role):
        return True, title[: len(title) - len(role)]
    for i in range(len(title) - 1):
        if not title[i:].startswith("副") and general_word_for(role, title[i:]):
            return True, title[:i]
    return False, ""


def role_holders(
    analysis: QuestionAnalysis, candidates: list[Candidate], retrieval_sure: Callable[[Candidate], bool],
) -> list[Candidate]:
    """The sentences refused only for their wording whose name is introduced by the asked title alone (see the module)."""
    role = analysis.role
    if ablated("role_holder") or analysis.kind != PERSON or not role or not title_asked(role, analysis.text):
        return []
    if analysis.text[max(analysis.text.find(role) - 1, 0)] == "副":
        role = "副" + role
    found = []
    for c in candidates:
        if c.objection != WORDING or c.span is None or not retrieval_sure(c):
            continue
        titles = titles_before(c.sentence, c.span.start)
        if len(titles) != 1:
            continue
        held, before = _holds_asked(titles[0], role)
        if held and _bare_kind(before):
            found.append(c)
    return found
