"""Sides the analysis reads no name in.

"如皋市和海安市去年城镇新增就业": the tagger may read one side's name ("如皋市") and not the other's ("海安|市",
"瀍|河|回族|区", "中车|株|机|公司"), so the second side looked like a measure of its own and the first borrowed
all of it, name included. A short side naming a subject only is matched against the name opening the other
side instead: the words up to its first 的, its first period, or a word ending like the short side ("海安市").
"""
from __future__ import annotations

import re

from ..question import analyze_question, pos_cut
from ..settings import ablated
from .anchors import NAME_LEVELS, PERIOD, is_time_word, times_named


def _subject_only(side: str) -> bool:
    """Whether ``side`` names a subject (and at most its period) and nothing measured: short, no 的, no verb,
    and more than a period."""
    if "的" in side or len(side) > 10 or not side:
        return False
    words = pos_cut(side)
    if any(flag.startswith("v") for _, flag in words) and not _misread_place(side, side):
        return False
    rest = PERIOD.sub("", side)
    for term in times_named(side):
        rest = rest.replace(term, "")
    return len(rest) >= 2 and not re.search(r"\d", rest)


# the levels of a place: a name the tagger splits as a word and its level ("射洪|市", 射洪 read as a verb)
_PLACE_LEVELS = "市县区镇乡"


def _misread_place(lead: str, like: str) -> bool:
    """Whether ``lead`` is a place name the tagger read a verb in, against a place side ``like``: one word and a
    level of place alone after it ("射洪|市" against 船山区), not a verb phrase ending in a longer word ("扩建|园区")."""
    if ablated("place_level_lead") or like[-1:] not in _PLACE_LEVELS:
        return False
    words = pos_cut(lead)
    return len(words) == 2 and len(words[0][0]) >= 2 and words[1][0] in _PLACE_LEVELS


_PERIOD_OPENING = re.compile(r"(?:前|头)(?:\d+|[一二三四五六七八九十两]+)个?月|" + PERIOD.pattern)


def lead_name(text: str, like: str) -> str:
    """The name opening ``text`` parallel to the subject-only side ``like``: ``text`` up to its first 的, its
    first time word, or the end of a word ending as ``like`` does in a level of place or body (市, 区, 所);
    no verb in it, not a period, about as long as ``like``. "" when none."""
    if ablated("lead_name") or not _subject_only(like) or len(text) < 4:
        return ""
    # the short side must be a name itself (read as one, or ending in a level: "蓬莱区"), not a kind ("中职"
    # against "临夏州今年普通高中招生" is parallel to 普通高中, not to the place)
    # and all of it a name, less its period ("岷川县去年城镇居民" names 城镇居民 of 岷川县: 农村居民 is parallel to it)
    name = PERIOD.sub("", like)
    for term in times_named(like):
        name = name.replace(term, "")
    if name not in analyze_question(like).entities and name[-1:] not in NAME_LEVELS:
        return ""
    ends: list[int] = []
    if "的" in text:
        ends.append(text.index("的"))
    ends += [m.start() for m in _PERIOD_OPENING.finditer(text) if m.start()]
    at = 0
    for word, flag in pos_cut(text):
        if at and is_time_word(word, flag):
            ends.append(at)
        at += len(word)
        if like[-1] in NAME_LEVELS and word.endswith(like[-1]) and at < len(text):
            ends.append(at)
        elif like[-1] in _PLACE_LEVELS and word in _PLACE_LEVELS and at < len(text) and not ablated("place_level_lead"):
            ends.append(at)  # "射洪|市" against 船山区: a place of another level ends the name too
    for end in sorted(set(ends)):
        lead = text[:end]
        if not 2 <= len(lead) <= len(like) + 4 or len(text) - end < 2:
            continue
        rest = text[end:].removeprefix("的")
        if not ablated("containing_place") and like[-1] in NAME_LEVELS and rest.endswith(like[-1]) \
                and len(rest) <= len(like) + 2 and len(pos_cut(rest)) <= 2:
            return ""  # "宽甸的灌水镇" against 长甸镇: 宽甸 holds both towns, 灌水镇 is the side
        if any(flag.startswith("v") for _, flag in pos_cut(lead)) and not _misread_place(lead, like) or PERIOD.fullmatch(lead) or times_named(lead) \
                or re.search(r"\d", lead):
            return ""
        return lead
    return ""


def opening_place(text: str, like: str) -> str:
    """The place name opening ``text`` (its first word, tagged a place and ending in a level: "雷州市营造红树林")
    parallel to ``like``, a place side named by itself ("遂溪县"), or ``lead_name``'s reading; "" when none."""
    lead = lead_name(text, like)
    if lead or not _subject_only(like) or like[-1:] not in NAME_LEVELS:
        return lead
    words = pos_cut(text)
    first, flag = words[0] if words else ("", "")
    return first if flag == "ns" and first[-1:] in NAME_LEVELS and len(text) - len(first) >= 2 else ""
