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


# the question asks a place in a ranking: 第几 (排第几, 排名第几, 居第几位), 排名如何, 排多少位
_PLACE_ASKED = re.compile(r"第几|排名(?:如何|怎样|怎么样|多少)|排(?:在)?多少(?:位|名)")
# what states a place in a ranking: 第 and a numeral (第3位, 第一, 第十六届), the head or the tail of a list (首位, 榜首,
# 之首, 居首, 之冠, 末位, 倒数), a group at its head (前三位, 前列, 前茅) or a superlative (全省最快)
_PLACE_STATED = re.compile(
    r"第[一二两三四五六七八九十百零〇\d]|首位|榜首|之首|居首|之冠|末位|倒数|前[一二两三四五六七八九十\d]+(?:位|名|强)"
    r"|前列|前茅|最(?:高|快|多|大|低|少|好|优|长|早)"
)


def rank_unstated(candidate, analysis: QuestionAnalysis) -> str | None:
    """"南阳的粮食总产量在全国地级市中排第几" is not answered by "新野县粮食总产量9.6亿斤", nor "飞雄机场…在全省支线机场里排
    第几" by a sentence on its terminal's capacity: a question asking a place in a ranking (第几) is answered only by a
    sentence stating one (第3位, 首位, 前三位, 全省最快); the sentence that states none is what the text gives instead.
    None when the question asks no rank or the sentence states one."""
    if ablated("rank_unstated") or not _PLACE_ASKED.search(analysis.text):
        return None
    sentence = candidate.sentence
    return None if _PLACE_STATED.search(sentence) else sentence
