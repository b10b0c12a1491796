"""One member of several named together: "太原市今年新增了多少个学位" is not answered by "太原、大同、晋中三市新增学位合计
7.1万个", nor "洛阳站单独发送旅客多少人次" by "洛阳龙门站、洛阳站累计发送旅客317.6万人次", nor "东岳观镇粮食播种面积" by
"东岳观镇、通津铺镇大力发展稻油轮作，两镇粮食播种面积合计达到14.6万亩", nor "罗家寨气田单独产了多少" by "罗家寨等气田产天然气
26.2亿立方米".

The figure's sentence lists names with 、 before it (or closes one name with 等), the question says exactly one of them,
and between the list and the figure the sentence sums them (合计, 累计, 共, 三市, 两镇, 等) without giving each its own
figure (分别, 各) or turning to one of them (其中, or the asked name said again). The figure is the group's, not the
member's. (near_miss.parts._one_member_asked reads a list closed by 等 that names things counted; this reads the
names whose figure is summed.)
"""
from __future__ import annotations

import re

from ..question import QuestionAnalysis, pos_cut
from ..spans import Span

# a run of names joined by 、 (the last one runs on into the rest of the sentence)
_LIST = re.compile(r"((?:[^，,。；;：:、“”《》\s]{2,12}、)+)([^，,。；;：:、“”《》\s]{2,30})")
# what sums the listed names before the figure: a sum word, a count of the places or stations (三市, 两镇), 等
_SUMMED = re.compile(r"合计|共计|总计|累计|共同|共|等|[两二三四五六七八九十][个座家]?[市县区镇乡村站地港所园]")
# what gives each name its own figure, or turns to one of them
_EACH = re.compile(r"分别|各自|各|其中|依次")
# the name words of an item (a place, a person's or an organisation's name), and a short kind word closing it (站, 镇)
_NAME_FLAGS = ("ns", "nt", "nr", "j", "s", "eng")
_KIND_END = "站港场园镇乡村市县区馆院厂矿田湾"
_SUFFIX = re.compile(r"[市县区镇乡村]$")
# the question asks the group itself, or several of them
_GROUP_ASKED = re.compile(r"一共|总共|合计|共计|加起来|几[个座家]?[市县区镇地]|等|、|和|与")


def _name(item: str) -> str:
    """The leading name of an item (晋中三市新增学位 -> 晋中; 洛阳站累计发送 -> 洛阳站)."""
    name = ""
    for word, flag in pos_cut(item):
        if flag not in _NAME_FLAGS and not (len(word) <= 3 and word[-1] in _KIND_END and flag != "m"):
            break
        if len(name) + len(word) > 12:
            break
        name += word
    return name


def _asked_lead(item: str, question: str) -> str:
    """The leading name of an item read from the question, when jieba's tags miss it (陵城区 cut 陵/ng 城区/n): its
    longest opening, of at least three characters and closed by a kind word (区, 县, 站), that the question says."""
    for end in range(min(len(item), 12), 2, -1):
        if item[end - 1] in _KIND_END and item[:end] in question:
            return item[:end]
    return ""


def _in_question(name: str, question: str) -> bool:
    if len(name) < 2:
        return False
    return name in question or (len(_SUFFIX.sub("", name)) >= 2 and _SUFFIX.sub("", name) in question)


def joint_member(sentence: str, span: Span, analysis: QuestionAnalysis) -> str | None:
    """The asked member, when the figure at ``span`` sums it with the other names listed before it."""
    question = analysis.text
    if _GROUP_ASKED.search(question):
        return None
    head = sentence[:span.start]
    # a name closed by 等 in the figure's own clause: "罗家寨等气田产天然气"
    clause_start = max(head.rfind(mark) for mark in "，,；;。：:") + 1
    clause = head[clause_start:]
    etc = re.search(r"([^，,。；;：:、“”\s等]{2,12})等(?![级次奖])", clause)
    if etc and "、" not in clause[:etc.start()]:
        name = _name(etc.group(1)) or etc.group(1)
        if _in_question(name, question) and not _EACH.search(clause[etc.end():]):
            return name
    lists = list(_LIST.finditer(head))
    if not lists:
        return None
    found = lists[-1]
    items = [i for i in found.group(1).split("、") if i]
    last = _name(found.group(2)) or _asked_lead(found.group(2), question)
    if not last:
        return None
    items.append(last)
    named = [i for i in items if _in_question(i, question)]
    if len(named) != 1:
        return None
    between = head[found.start(2) + len(last):]
    if not _SUMMED.search(between) or _EACH.search(between) or named[0] in between:
        return None
    if len(between) > 40:
        return None
    return named[0]
