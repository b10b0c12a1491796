"""Another county's figure for the county a question opens with: "平果市前三季度电解铝产量是多少" is not answered by
"田东县铝产业产值132.4亿元，…，电解铝产量46.7万吨", nor "新晃侗族自治县去年PM2.5年均浓度" by "通道侗族自治县…PM2.5年均
浓度为21.4微克/立方米".

The question's reading often misses a county-level name it opens with (jieba cuts 平果|市前, 七星|关区, 新晃|侗族|自治县,
so its entities hold none, or only 自治县): the place checks then compare nothing, and an article about the asked
county's neighbours answers for it. Here the name is read by its shape: two to six characters and a level (县, 市, 区,
旗, 自治县) opening the question, and the same at the opening of a clause of the figure's sentence before the figure. A
figure whose sentence, before it, last names another such place, with no scope word after it (全县, 全市: the figure is
then said anew of a scope the setting may make the asked one), and never says the asked name (its part before the
level), is that place's.
"""
from __future__ import annotations

import re

from ..question import GENERIC_PLACES, QuestionAnalysis, pos_cut
from ..synonyms import known_common_word

_LEVEL = r"(?:自治县|自治旗|县|市|区|旗)"
# the question's subject place, after an opening period at most ("2025年", "去年", "前三季度")
_ASKED = re.compile(r"^(?:\d{4}年|今年|去年|前三季度|上半年|一季度)?([\u4e00-\u9fff]{2,6}?" + _LEVEL + ")")
# a place opening a clause of the figure's sentence ("田东县铝产业…", "，通道侗族自治县空气质量…", "·铁山区…"; not a list's
# member after 、, nor a place after a preposition: "在吴江区、吴中区分馆带动下")
_SAID = re.compile(r"(?:^|[，,；;：:·])(?:其中[，,]?)?([\u4e00-\u9fff]{2,6}?" + _LEVEL + ")")
# words ending in a level character that name no place (超市, 开发区, 红旗)
_NOT_PLACES = frozenset(
    "超市 城市 都市 夜市 门市 上市 股市 楼市 车市 集市 早市 开发区 高新区 示范区 保护区 核心区 功能区 服务区 自贸区 风景区 "
    "试验区 实验区 集聚区 商务区 红旗 国旗 彩旗 党旗 锦旗 团旗 郡县 "
    # kinds of area inside a place (景区, 小区, 社区…: 开行|景区, 老旧|小区, 毛绒玩具类|社区)
    "景区 小区 社区 园区 校区 港区 片区 街区 矿区 林区 牧区 灾区 辖区 新区 市区 郊区 营区 展区 厂区 库区 城市".split()
)
_SCOPE_START = "全我本各当该每这那此"
# a preposition or conjunction before a place is no part of its name ("在吴江区…带动下", "与田东县相比")
_PREPOSITIONS = "在从由向对据与和比为经按被把将于自同及跟"
# a scope word after the other place: the figure is said anew of the article's own place
_SCOPE_AFTER = re.compile(r"(?:全|我|本|该)(?:省|市|县|区|州|旗)")


def _a_place(name: str) -> bool:
    return not (name in GENERIC_PLACES or name[0] in _SCOPE_START or _core(name) in GENERIC_PLACES
                or any(name.endswith(word) for word in _NOT_PLACES) or re.search("[省市县区州旗]", _core(name))
                # (a period or a scope word read into the name: 去年全市, 今年该县)
                or re.search("[年月日季期]", _core(name)) or _core(name)[-1:] in "全我本该各这那每"
                or name[0] in _PREPOSITIONS or _common_core(_core(name)))


def _common_core(core: str) -> bool:
    """A core that is an everyday word, not a name: 安排|县级, 推动|县域, 进入|市场 (one jieba word tagged a verb, adverb,
    adjective…, or a word 词林 files as an everyday one)."""
    tokens = pos_cut(core)
    # (a pronoun, preposition, conjunction, particle, adverb, number or time word is no piece of a name: 其中|在|区)
    if any(flag[:1] in ("p", "r", "c", "u", "d", "m", "t", "f", "q") for _, flag in tokens):
        return True
    if len(tokens) == 1 and tokens[0][1][:1] in ("v", "d", "a", "p", "c", "u", "m", "t", "r", "f", "q"):
        return True
    return known_common_word(core)


def _core(name: str) -> str:
    """The name before its level (平果 of 平果市, 新晃侗族 of 新晃侗族自治县)."""
    return re.sub(_LEVEL + "$", "", name)


def asked_opening_place(question: str) -> str | None:
    """The county-level place a question opens with (平果市, 七星关区, 新晃侗族自治县), or None."""
    found = _ASKED.match(question)
    if not found or not _a_place(found.group(1)) or len(_core(found.group(1))) < 2:
        return None
    return found.group(1)


def other_opening_place(sentence: str, span_start: int, analysis: QuestionAnalysis) -> str | None:
    """The other county-level place the figure's sentence names last before it (田东县 for 平果市 asked), or None."""
    asked = asked_opening_place(analysis.text)
    if asked is None or _core(asked) in sentence:
        return None
    said_before = sentence[:span_start]
    places = [(m.start(1), m.group(1)) for m in _SAID.finditer(said_before) if _a_place(m.group(1))]
    if not places:
        return None
    at, other = places[-1]
    core = _core(other)
    if len(core) < 2 or core in analysis.text or core in asked or _core(asked) in other:
        return None
    if _SCOPE_AFTER.search(said_before, at + len(other)):
        return None
    return other
