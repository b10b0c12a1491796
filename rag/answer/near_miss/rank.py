"""The scope of a rank: "舟山港域…集装箱吞吐量在全国沿海港口中排第几" is not answered by "增速居全省沿海港口首位": the
rank asked is among the whole country's ports, the one given among the province's.

The question asks a rank (排第几, 排名, 位居, 名列) within a scope word (全国, 全省, 全市); the sentence ranks within
another scope word and never says the asked one.
"""
from __future__ import annotations

import re

from ..question import QuestionAnalysis
from ..settings import ablated

_RANK_ASKED = re.compile(r"第几|排名|排位|位次|名列|位居|居.{0,10}(?:第|首|前)|几名|哪一名")
_SCOPE = re.compile(r"全(国|省|市|县|区|州)")


def other_rank_scope(text: str, analysis: QuestionAnalysis) -> str | None:
    """The scope word ``text`` ranks within (全省) when the question asks a rank within another (全国); None otherwise."""
    if ablated("rank_scope") or not _RANK_ASKED.search(analysis.text):
        return None
    asked = {m.group(1) for m in _SCOPE.finditer(analysis.text)}
    if not asked:
        return None
    said = [m for m in _SCOPE.finditer(text)]
    if not said or any(m.group(1) in asked for m in said):
        return None
    return said[0].group(0)
