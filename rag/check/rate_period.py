"""The period a rate is told per (switch ``agree_rate``, read by ``rag.check.agreement``): "城市低保标准提高到每人每月860元"
is 860元 a month and does not tell "每人每年860元" (fresh28); "每生每天补助标准为5元" is a day's (fresh5), "每人每月发放800元"
a month's (fresh5, fresh9). The period is read from the last 每 before the figure in its own clause, with no other figure
between ("每人每月", "每户每年", "每天", "每小时"; 每日 is 每天). A figure told with none ("年增收5.6万元", "日处理能力…5万吨")
is not read here, nor the end of a change told from a rate ("由每人每月148元提高到168元": another figure between).
"""
from __future__ import annotations

import re

_CLAUSE_END = re.compile(r"[，,；;。！？!?：:、\n]")
# 每 + an optional counted thing of one character (人, 户, 生, 亩…) + the period
_PER = re.compile(r"每(?:[人户生亩床座个家位名])?每?(年|月|天|日|周|小时|季度|学期)")
_SAME = {"日": "天"}
_DIGIT = re.compile(r"\d")


def rate_period(before: str) -> tuple[str, int] | None:
    """The period the figure right after ``before`` is a rate per, and where its 每 stands in ``before``, from the last 每… of
    its clause; None when the clause says none."""
    start = max((m.end() for m in _CLAUSE_END.finditer(before)), default=0)
    digits = [m.end() for m in _DIGIT.finditer(before, start)]
    start = max([start] + digits)  # another figure between: its 每 is not this one's
    found = None
    for match in _PER.finditer(before, start):
        found = match
    return (_SAME.get(found.group(1), found.group(1)), found.start()) if found else None


def other_rate(claim_before: str, article_before: str) -> tuple[int, int] | None:
    """Where the claim's and the article's 每 stand in ``claim_before`` and ``article_before`` when the claim and the article figure are each told per a period, and
    per another one ("每人每年860元" against "每人每月860元"); None otherwise."""
    claim, article = rate_period(claim_before), rate_period(article_before)
    if claim is None or article is None or claim[0] == article[0]:
        return None
    return claim[1], article[1]
