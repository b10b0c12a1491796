"""A plan for an outcome: "十堰汽车零部件产业去年全年产值是多少" is not answered by "力争全年汽车零部件产业产值
突破1750亿元", nor "今年农村公路新改建完成了多少公里" by "今年计划新改建农村公路420公里": a target, plan or forecast
(力争, 计划, 目标, 预计, 有望, 拟) is what is meant to be, not what was done, and a question asking no plan asks
what was done.

The plan word must govern the figure: a target or forecast (力争, 预计) stands before it in its sentence with no clause
between saying what has been done (已, 截至); a plan (计划, 拟) in the figure's own clause. "完成年度计划的75.7%" is an
outcome measured against the plan; a name in quotation marks ("特岗计划") plans nothing.
"""
from __future__ import annotations

import re

from ..question import QuestionAnalysis
from ..settings import ablated

# a target or forecast, governing the rest of its sentence ("力争全年产值突破1750亿元，…到2027年培育…企业3家")
_AHEAD = re.compile(r"力争|预计|预期|有望")
# a plan, governing its own clause only ("计划总投资26亿元，其中…发行专项债券5.2亿元" lists what was raised); not "计划的",
# "完成年度计划", the plan as a yardstick ("争取" is left out: "争取中央资金9.4亿元" is money obtained)
_OWN = re.compile(r"(?<!完成)(?<!年度)计划(?![的内])|目标(?:是|为)|(?<![模比])拟")
# a question asking the plan itself, or what a thing does in a year (its capacity: "项目一年增加多少钱")
_PLAN_ASKED = re.compile(r"力争|争取|计划|目标|预计|预期|有望|拟|打算|规划|要|将|准备|能达到|能不能|任务|一年|每年|年均")
# an outcome said in a clause between the plan and the figure ("计划新建420公里，截至8月底已完工318公里")
_DONE = re.compile(r"已|截至|截止|目前|累计|实际")
# names in quotation marks ("特岗计划", 《三年行动计划》) plan nothing
_QUOTED = re.compile(r"“[^”]{0,30}”|《[^》]{0,40}》")


def plan_for_outcome(said_before: str, analysis: QuestionAnalysis) -> bool:
    """Whether a plan word governs the figure (``said_before``: its sentence up to it), and the question asks
    none. A target or forecast governs the rest of its sentence, until a clause says what has been done; a plan
    its own clause."""
    if _PLAN_ASKED.search(analysis.text):
        return False
    said_before = _QUOTED.sub("", said_before)
    clauses = re.split(r"[，,；;：:]", re.split(r"[。！？!?]", said_before)[-1])
    if _OWN.search(clauses[-1]):
        return True
    for clause in reversed(clauses):
        if _AHEAD.search(clause):
            return True
        if _DONE.search(clause):
            return False
    return False


# "总投资是多少" against "今年完成投资6.8亿元", and back: a project's total investment is its whole planned size,
# investment done (完成投资) what was spent so far or in a period; a clause saying one and not the other gives no figure
# of the other (the dev near misses: 双溪水库扩建工程总投资 given 今年完成投资, fresh22; 项目实际完成投资 given 37个项目
# 总投资, fresh28)
_TOTAL = re.compile(r"总投资|计划投资")
_DONE_INVESTED = re.compile(r"完成(?:了)?(?:[\u4e00-\u9fff]{0,4}?)投资|投资完成|实际投资|到位资金|资金到位")


def total_for_done(own_clause: str, analysis: QuestionAnalysis) -> bool:
    """Whether the question asks a total investment and the figure's clause says investment done (or the reverse),
    and not the asked one ("总投资是多少": "今年完成投资6.8亿元"; "实际完成投资多少": "总投资18.6亿元")."""
    if ablated("total_for_done"):
        return False
    asked_total, asked_done = bool(_TOTAL.search(analysis.text)), bool(_DONE_INVESTED.search(analysis.text))
    if asked_total == asked_done:  # neither, or both named (a comparison of the two)
        return False
    said_total, said_done = bool(_TOTAL.search(own_clause)), bool(_DONE_INVESTED.search(own_clause))
    return (said_done and not said_total) if asked_total else (said_total and not said_done)
