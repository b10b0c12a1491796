"""One firm's figure given for a place's: "晋江市前10个月出口额是多少" is not answered by "福建鸿步鞋业有限公司…前10个月出口额
达到6.8亿元", nor "榕城区金属制品出口额" by "…一家不锈钢制品企业负责人蔡伟鹏说，企业去年出口额约6200万元".

A report on a place's economy quotes single firms: a firm named in full (…有限公司, …集团), one introduced as "一家…企业"
or "该企业", or a firm's manager speaking ("企业外贸负责人介绍"). A figure of the part of its sentence (from the last
；or 。) where such a firm stands before it, with no scope word (全市, 该县) between, is that firm's. A question asking a
place's figure (a place it names by its level, or 全市/全县) and naming no firm, farm or other single producer is not
answered by it. A firm named after 从, 据, 与… (the source or a partner: "记者从…有限公司获悉") is no subject, and a firm
whose name holds a name the question says (甘肃岷源药业 asked: 甘肃岷源药业有限公司) is the one asked.
"""
from __future__ import annotations

import re

from ..question import QuestionAnalysis, is_province
from ...setting import places_named

_CJK = "\u4e00-\u9fff"
# one firm: named in full, introduced as one, referred back to, or speaking through its manager
_ONE_FIRM = re.compile(
    rf"[{_CJK}]{{2,16}}?(?:股份有限公司|有限责任公司|有限公司|集团)"
    rf"|(?:一家|该|这家|那家)[{_CJK}]{{0,12}}?(?:企业|公司|工厂|厂)"
    rf"|(?:企业|公司|集团|厂)[{_CJK}]{{0,4}}?(?:负责人|董事长|总经理|经理|老板)"
)
# the firm is the source or the partner of the sentence, not its subject ("记者从…有限公司获悉", "与…集团合作")
_NOT_SUBJECT = re.compile(r"从|据|由|向|与|同|对|为|帮助|联合|联手|携手|委托|合作")
# a scope word after the firm names the place's own figure again ("…，全市…")
_SCOPE = re.compile(r"全(?:省|市|县|区|州|旗|镇|乡)|[我该本此](?:省|市|县|区|州|旗)(?![场])")
# the question names a single producer itself (a firm, a farm, a cooperative, a shop): its figure is asked
_PRODUCER_ASKED = re.compile(r"公司|企业|集团|厂|合作社|网店|店|大户|农户|基地|项目|农场|牧场|车间|工作室")
_PLACE_LEVELS = "省市县区州旗盟"


def _place_asked(analysis: QuestionAnalysis) -> bool:
    return bool(re.search(r"全(?:省|市|县|区|州|旗)|[我本](?:省|市|县|区)", analysis.text)) or any(
        e[-1] in _PLACE_LEVELS or is_province(e) for e in analysis.entities) or bool(places_named(analysis.text))


def one_firm_figure(sentence: str, span_start: int, analysis: QuestionAnalysis) -> str | None:
    """The firm whose figure the candidate's is (the words naming it), for a place's figure asked; None otherwise."""
    if _PRODUCER_ASKED.search(analysis.text) or not _place_asked(analysis):
        return None
    start = max(sentence.rfind(mark, 0, span_start) for mark in "；;。！？!?") + 1
    part = sentence[start:span_start]
    firms = []
    for found in _ONE_FIRM.finditer(part):
        # (the firm's own clause up to its name: a source or partner word there makes it no subject)
        clause = part[max([0] + [m.end() for m in re.finditer(r"[，,：:、]", part[:found.end()])]):found.end()]
        if _NOT_SUBJECT.search(clause) or _SCOPE.search(part, found.end()):
            continue
        # a name the question says stands in a firm's ("甘肃岷源药业" asked, 甘肃岷源药业有限公司; 柳州和乐螺 of "广西桂螺…有限公司、
        # 柳州和乐螺食品有限公司…分别为"): the firm asked is named, by its short name (its name read after the words placing
        # it: 位于陈埭镇的|福建鸿步鞋业有限公司)
        name = re.split(r"的|位于|落户|在", found.group())[-1]
        if any(entity in name for entity in analysis.entities):
            return None
        firms.append(found.group())
    return firms[0] if firms else None
