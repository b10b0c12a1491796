"""A province's short name that heads a longer local place's name (issue 11: an article's setting).

Some counties, districts, banners and prefectures are named with a province's short name: 河南县 (河南蒙古族自治县, a
county of 青海's 黄南州), 海南州 (青海), 河北区 (天津). A page of 黄南报 names 河南县 a dozen times and never 河南省;
read as the province, every paragraph of the page was set in 河南省 and its 全州 never in 黄南州. A province's name
is read as the province only where it is not the start of a longer place name: where it is not followed by a single
local level's suffix (县/区/旗/州/盟) that jieba cuts as a word of its own or as the end of the province's word
(河南|县, 河北区), nor does it open a jieba place word ending in such a suffix (河南蒙古族自治县), nor the full
autonomous form of such a place however jieba cuts it (``rag.places.autonomous_form``). The province written with its
own level (河南省, 广西壮族自治区) and the province before a longer word (四川|县域经济, 西藏|地区) stay the province.

``RAG_INGEST_ABLATE=local_head`` switches this reading off (the province is read wherever its name begins a word).
"""
from __future__ import annotations

from .ingest_switches import switched_off
from .places import autonomous_form

# the single-character levels a local place's name ends in (地区 is left out: 西藏地区 is the province's area)
_LEVEL_CHARS = "县区旗州盟"


def heads_local_place(text: str, name_start: int, name_end: int, words: list[tuple[int, int, str]]) -> bool:
    """Whether the province's short name at ``text[name_start:name_end]``, written without its own level, is the
    start of a longer local place's name. ``words`` are jieba's (start, end, flag) words of ``text``."""
    if switched_off("local_head"):
        return False
    name = text[name_start:name_end]
    rest = text[name_start:]
    if any(autonomous_form(name + level, rest) for level in _LEVEL_CHARS):
        return True  # 河南蒙古族自治县, 海南藏族自治州
    for start, end, flag in words:
        if start == name_start and end > name_end and text[end - 1] in _LEVEL_CHARS and end - name_end <= 1:
            return True  # one word of jieba's: 河北区, 海南州
        if start == name_end and end == name_end + 1 and text[start] in _LEVEL_CHARS:
            return True  # the level's suffix a word of its own: 河南|县
    return False
