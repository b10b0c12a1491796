"""A lower bound far below the article's figure (switch ``bound_band``): no 一致 from it.

A reporter writes a lower bound just below the value it rounds: "超过300万人次" for 318万, "突破1.5万辆" for 1.58万, "六成以上"
for 63%. An article figure three times the bound or more ("1028万人次" for "超过300万人次", "21.5亿元" for "突破5亿元", "14.3万辆" for
"突破1.5万辆"), or a share a tenth or more above a share in tenths ("98.3%" for "六成以上"), satisfies the bound but is no
rounding of it: it is another measure's figure, a whole's or another subject's, that the loose match found. Such a 一致
becomes 未找到 (a bound so far off is never told otherwise either: the figure may not be the claim's).
"""
from __future__ import annotations

from decimal import Decimal

from .ablation import ingredient_on
from .compare import _TENTHS, in_same_terms
from .figures import LOWER, find_figures
from .report import NOT_FOUND, SUPPORTED, Claim

FAR = Decimal(3)  # an article figure this many times the bound or more is no rounding of it (twice may be: "超过1.2亿件" for 2.46亿)
TENTH = Decimal(10)  # a share in tenths ("六成以上") is 60..70%


def far_above(claim: Claim, found_text: str | None) -> bool:
    """Whether the claim's lower bound is far below the article's figure ``found_text`` (same unit)."""
    stated = claim.figure
    if stated is None or stated.kind != "figure" or stated.qualifier != LOWER or not found_text or stated.value <= 0:
        return False
    found = next((f for f in find_figures(found_text) if f.kind == "figure"), None)
    if found is None:
        return False
    stated, found = in_same_terms(stated, found)
    if stated.unit_class != found.unit_class:
        return False
    if _TENTHS.search(stated.written):
        return found.value >= stated.value + TENTH
    return found.value >= stated.value * FAR


def unbound(claim: Claim, verdict):
    """``verdict``, or 未找到 where it is a 一致 of a lower bound far below the figure it rests on."""
    from .verify import Verdict

    if verdict.verdict != SUPPORTED or claim.kind != "figure" or not ingredient_on("bound_band") or not far_above(claim, verdict.found):
        return verdict
    return Verdict(NOT_FOUND, f"资料里的“{verdict.found}”远高于所述的“{claim.stated}”，说的不是同一个数字。",
                   related=tuple(p for p, _, _ in verdict.evidence)[:2])
