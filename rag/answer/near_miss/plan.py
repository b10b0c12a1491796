"""A plan for an outcome: "十堰汽车零部件产业去年全年产值是多少" is not answered by "力争全年汽车零部件产业产值
突破1750亿元", nor "今年农村公路新改建完成了多少公里" by "今年计划新改建农村公路420公里": a target, plan or forecast
(力争, 争取, 计划, 目标, 预计, 有望, 拟) is what is meant to be, not what was done, and a question asking no plan asks
what was done.

The plan word must govern the figure: it stands in the figure's own clause before it, not after it ("完成年度计划的
75.7%" is an outcome measured against the plan, and "计划" in it is followed by 的).
"""
from __future__ import annotations

import re

from ..question import QuestionAnalysis

# a plan word governing what follows it (not "计划的", "目标任务", the plan as a yardstick)
_PLAN = re.compile(r"力争|争取|(?<!完成)(?<!年度)计划(?![的内])|目标(?:是|为)|预计|预期|有望|拟")
# a question asking the plan itself: its target, what is to be, what is expected
_PLAN_ASKED = re.compile(r"力争|争取|计划|目标|预计|预期|有望|拟|打算|规划|要|将|准备|能达到|能不能|任务")


# an outcome said in a clause between the plan and the figure ("计划新建420公里，截至8月底已完工318公里")
_DONE = re.compile(r"已|截至|截止|目前|累计|实际")


def plan_for_outcome(said_before: str, analysis: QuestionAnalysis) -> bool:
    """Whether a plan word governs the figure (``said_before``: its sentence up to it), and the question asks
    none. A plan word governs the rest of its sentence ("力争全年产值突破1750亿元，…占比提高到28%以上，到2027年
    培育…企业3家"), until a clause says what has been done."""
    if _PLAN_ASKED.search(analysis.text):
        return False
    for clause in reversed(re.split(r"[，,；;：:]", re.split(r"[。！？!?]", said_before)[-1])):
        if _PLAN.search(clause):
            return True
        if _DONE.search(clause):
            return False
    return False
