"""The question's own subject, named nowhere the figure stands: "陈晓峰的店铺线上订单占比是多少" is not answered by
a quoted shop owner's "线上订单占到了七成" in a paragraph that never says 陈晓峰, nor "志浩市场…交易额" by "叠石桥市场直播
电商交易额…" in a paragraph that never says 志浩市场.

A person the question names (a word the tagger reads as a person's name, opening with a common surname, and not a place
when read alone), or the name the question opens with when it is no administrative place (a market, a venue, a park:
rag.answer.near_miss.named), is who or what the asked figure belongs to. A figure in a paragraph whose text and article
title never say that name belongs to someone else the article also writes about (another shop owner, another market),
however close its measure; the article's context (rag.answer.scoring: an entity found in another paragraph of the same
article) names the article's setting, not the subject of every paragraph. Places are left to the place checks: an
article's paragraphs say 全市/全县 for the place its headline names, so a place's absence from a paragraph says nothing.
"""
from __future__ import annotations

from ..question import QUANTITY, QuestionAnalysis, place_level, pos_cut
from ..scoring import Candidate
from ..settings import ablated
from ..spans import _SURNAMES
from ..synonyms import known_common_word, word_codes
from .measure import _whole_clause
from .named import _said, asked_name


_PLACE_ENDS = "市县区旗"  # the levels a place name ends in that no given name does (州 may: 李明州)


def _people(text: str) -> list[str]:
    """The persons ``text`` names: two- or three-character words tagged nr that open with a common surname, that 词林 does
    not know (a place, 石家庄, or an everyday word, 师傅, is in it), whose given name is no everyday word (那段时间: 段|时间)
    and that are not cut from a count ("多少钱建的": 钱建), nor a city or county the tagger takes for a person (岑溪市 tagged nr:
    市/县/区/旗 end no given name)."""
    found, at = [], 0
    for word, flag in pos_cut(text):
        if flag == "nr" and 2 <= len(word) <= 3 and word[0] in _SURNAMES and text[max(0, at - 1):at] not in ("少", "几") \
                and not word_codes(word) and not known_common_word(word[1:]) \
                and not (len(word) == 3 and word[-1] in _PLACE_ENDS and not ablated("place_not_person")):
            found.append(word)
        at += len(word)
    return found


def subject_unnamed(candidate: Candidate, analysis: QuestionAnalysis) -> str | None:
    """The candidate's figure clause when its paragraph and article title never name the person or the (non-place)
    name the question asks about; None otherwise. Quantity questions only."""
    if ablated("subject_unnamed") or analysis.kind != QUANTITY or candidate.span is None:
        return None
    p = candidate.hit.paragraph
    said = f"{p.title or ''}\n{p.text}"
    named = [person for person in _people(analysis.text) if person not in said]
    # (the whole opening subject only: a name read up to its verb, 翠屏桃花园 of 翠屏桃花园新增了多少个临时停车泊位, may be
    # said in the article's lead or the paragraph before, which this paragraph-and-title check does not read)
    opening = asked_name(analysis, before_verb=False)
    if opening and place_level(opening) is None and not _said(opening, said):
        named.append(opening)
    return _whole_clause(candidate.sentence, candidate.span) if named else None
