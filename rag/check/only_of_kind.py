"""A figure that is the only one of its kind in its sentence is what the sentence's words measure (``only_of_kind``).

An article sentence often tells several figures, each in its own unit: "临夏市新建学校7所，新增学位5400个，义务教育巩固率
达到99.3%". A claim that says all of the sentence's words about its figure ("增加学位五千四百个"), in other words for some of
them (增加 for 新增, 参加 for 参赛), names which figure it means by its unit alone when no other figure of the sentence is of
that kind: 个 can only be the 5400个. Its clause need not restate the label word for word, as it must where the sentence has
other figures of the same kind ("城镇新增就业568人，农牧区劳动力转移就业6211人次"), to tell them apart.

The contradiction side already reads such a figure so (rag.check.verify.contradicting: the sentence says all the claim says and
has no other figure of this kind to mean); this lets it be read at all, for a confirmation as for a contradiction. Place, period,
names and the claim's other figures are still checked as for any candidate.
"""
from __future__ import annotations

from .candidates import Candidate
from .figures import Figure


def only_of_kind(stated: Figure, candidate: Candidate) -> bool:
    """Whether ``candidate`` is a quantity of the stated figure's unit's kind and no other figure of its sentence is
    (a figure of another kind is not the one the claim's unit names: "26辆" tells nothing of "26名抢修人员")."""
    figure = candidate.figure
    return figure.kind == "figure" == stated.kind and figure.unit_class == stated.unit_class and not any(
        other.unit_class == figure.unit_class for other in candidate.sentence_figures if other.kind == figure.kind)
