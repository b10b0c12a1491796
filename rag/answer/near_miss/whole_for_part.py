"""The whole's figure for a part asked: "假期黄果树瀑布景区的门票收入是多少" is not answered by "假期期间，全省纳入监测的87家
A级旅游景区…实现门票收入2.86亿元", nor "某镇零工驿站撮合就业多少人次" by "全区零工市场…撮合就业2.14万人次", nor "太原市…新增
多少个学位" by "本报太原讯…全省…新增公办学位15.6万个".

The question asks about a named thing inside a place (a scenic spot, park, street, project, company, station, school,
hospital, court, town or village: a name of its own before a kind word, 黄果树瀑布|景区) or about a place of a lower
level than the figure's scope; the figure's clause, or its sentence's opening, is a scope word (全省, 全市, 全县, 全区)
of a wider level that the question does not say, and the figure's sentence never names the asked thing (a dateline,
本报太原讯, names where the paper reports from, not the figure's scope). The figure is the whole's, not the part's:
the answer says what the text gives ("文中只有全省…"). The administrative places alone are read by
rag.answer.asked_place.wider_scope, before the dateline; this reads any named thing by its kind word.
"""
from __future__ import annotations

import re

from ...dateline import DATELINE
from ..question import QUANTITY, QuestionAnalysis, place_level, pos_cut
from ..scoring import Candidate
from ..asked_place import SCOPE_NOT_CITIZENS
from ..settings import ablated
from ..synonyms import known_common_word
from .measure import _whole_clause

# the kind words closing the name of a thing that lies inside a place (黄果树瀑布景区, 解放碑步行街, 神星镇零工驿站)
_PART_KINDS = (
    "景区", "景点", "公园", "步行街", "商圈", "商场", "项目", "场址", "产业园", "园区", "驿站", "公司", "集团", "医院", "卫生院",
    "学校", "中学", "小学", "大学", "学院", "幼儿园", "市场", "法院", "法庭", "港区", "码头", "机场", "车站", "博物馆", "图书馆",
    "体育馆", "基地", "水库", "气田", "油田", "矿", "电站", "工厂", "街道", "社区", "镇", "乡", "村",
)
# a development or trade zone inside a city, named by the city's name (咸宁高新区, 德阳经开区): part of the city, though its
# name is the city's (盐城法院, the city's courts as a whole, is read as the city); switch zone_part
_ZONES = ("高新区", "经开区", "开发区", "高新技术产业开发区", "经济技术开发区", "自贸区", "保税区", "综合保税区")
_KIND_AT = re.compile("|".join(sorted(_PART_KINDS + _ZONES, key=len, reverse=True)))
# the levels of the scope words (全省 wider than 全市); a place asked by its suffix takes the same levels
_LEVEL = {"国": 0, "省": 1, "市": 2, "州": 2, "盟": 2, "县": 3, "区": 3, "旗": 3, "镇": 4, "乡": 4, "村": 5}
# a scope word as the figure's subject (not 全市第一, 全区域, 全县人民法庭首位: a rank or a compound)
_SCOPE = re.compile(r"全(国|省|州|市|盟|县|旗|区|镇|乡)(?![镇乡村级委直属域内外首第前])" + SCOPE_NOT_CITIZENS)
_SCOPE_CITIZENS = re.compile(r"全(国|省|州|市|盟|县|旗|区|镇|乡)(?![镇乡村民级委直属域内外首第前])")  # (scope_min off)
# a scope word opening a later clause of the figure's sentence, after a time phrase ("…介绍，2025年全市在建…，总投资约586亿元")
_CLAUSE_SCOPE = re.compile(
    r"(?<=[，,：:])(?:[^，,；;：:。]{0,10}?(?:年|月|日|季度|底|以来|期间|学期|假期)[，,]?)?全(国|省|州|市|盟|县|旗|区|镇|乡)"
    r"(?![镇乡村级委直属域内外首第前])" + SCOPE_NOT_CITIZENS
)
# a sentence's opening time phrase, before its subject ("2025年，全市…", "一年来，全区…", "假期期间，全省…")
_OPENING = re.compile(r"^[^，,；;。]{0,12}(?:年|月|季度|以来|期间|假期|来)[，,]|^[^，,；;。]{0,12}?(?:年|月|季度|以来|期间|假期)"
                      r"|^(?:目前|如今|当前|现在|截至目前)[，,]?")
# a name's word: a noun, a name the tagger knows, a letter or a place's word (not a verb or a scope word)
_NAME_FLAGS = ("n", "nr", "ns", "nt", "nz", "nrt", "eng", "s", "j", "ng", "vn")
_GENERIC = re.compile(r"^(?:[全各该本我此每这那某]|重点|主要|相关|其他|各类|有关|所有|新建|在建|星级|A级|省级|市级|县级|国家级)")


def _asked_part(question: str) -> str | None:
    """The named thing inside a place the question asks about: the run of name words right before a kind word, with it
    (黄果树瀑布景区, 半岛北L场址, 神星镇零工驿站); None when the question names none, or only a kind (重点项目, 各景区)."""
    tokens = pos_cut(question)
    ends, at = {}, 0
    for i, (word, _) in enumerate(tokens):
        at += len(word)
        ends[at] = i
    for kind in _KIND_AT.finditer(question):
        # the kind word closes its phrase (涉海市场主体 is no market; 城乡, 城镇, 乡村 no township)
        if kind.end() not in ends or question[kind.start() - 1:kind.start()] in _PLACE_WORD_HEADS:
            continue
        following = tokens[ends[kind.end()] + 1:ends[kind.end()] + 2]
        if following and following[0][1][:1] == "n" and following[0][1] not in ("ns", "nr") \
                and not re.search(r"假期|期间|[年月季]", following[0][0]):  # (解放碑步行街|春节假期的销售额)
            continue
        head = question[:kind.start()]
        name, places = "", True
        for word, flag in reversed(pos_cut(head)):
            if flag not in _NAME_FLAGS or _GENERIC.match(word):
                break
            name = word + name
            # (a mountain, lake or river the tagger reads as a place names a scenic spot: 云雾山景区)
            places = places and (place_level(word) is not None or (flag == "ns" and word[-1] not in _NATURE))
        # a place's name alone (盐城法院, 某县各学校) is the place's institutions as a whole: read as a place
        zone = kind.group() in _ZONES
        if zone and ablated("zone_part"):
            continue
        if len(name) >= 2 and (zone or not places) and not (len(name) == 2 and known_common_word(name)) \
                and not _GENERIC.match(name):
            return name + kind.group()
    return None


_PLACE_WORD_HEADS = ("城", "乡", "镇", "村", "农")
_NATURE = "山湖河江海岛峰岭湾泉洞谷"


def _lower_place(analysis: QuestionAnalysis, level: int) -> str | None:
    """A place the question names by its suffix (太原市) of a lower level than the scope's."""
    for entity in analysis.entities:
        said = place_level(entity)
        if said in _LEVEL and _LEVEL[said] > level:
            return entity
    return None


def _names(name: str, text: str) -> bool:
    """``text`` names the asked thing: whole, or by its first two characters (黄果 of 黄果树瀑布景区); a zone by its kind
    word (高新区 of 咸宁高新区: its first characters are its city's name, which names the city, not the zone)."""
    zone = next((z for z in _ZONES if name.endswith(z)), None)
    if zone is not None and not ablated("zone_part"):
        return zone in text
    return name in text or name[:2] in text or (len(name) > 3 and name[:-1] in text)


def whole_for_part(candidate: Candidate, analysis: QuestionAnalysis) -> str | None:
    """What the text gives (from its scope word: 全省…门票收入2.86亿元) when the candidate's figure is a wider scope's
    and the question asks a part of it the figure's sentence never names; None otherwise. Quantity questions only."""
    if ablated("whole_for_part") or analysis.kind != QUANTITY or candidate.span is None:
        return None
    sentence, span = candidate.sentence, candidate.span
    clause = _whole_clause(sentence, span)
    clause_at = sentence.find(clause)
    dateline = DATELINE.match(sentence)
    body = sentence[dateline.end():] if dateline else sentence
    opening = _OPENING.match(body)
    before = clause[:span.start - clause_at] if clause_at >= 0 else ""
    part_start = max([0] + [m.end() for m in re.finditer(r"[；;]", sentence[:span.start])])
    scope_word = _SCOPE_CITIZENS if ablated("scope_min") else _SCOPE
    scope = scope_word.search(before) or scope_word.match(body, opening.end() if opening else 0) or next(
        reversed(list(_CLAUSE_SCOPE.finditer(sentence, part_start, span.start))), None)
    if scope is None or re.search(f"全{scope.group(1)}", analysis.text):
        return None
    level = _LEVEL[scope.group(1)]
    said = body[:span.start - (len(sentence) - len(body))] if dateline else sentence[:span.start]
    asked = _asked_part(analysis.text)
    if asked is not None and asked[-1] in _LEVEL and _LEVEL[asked[-1]] <= level:
        asked = None  # a township asked, 全乡 said: the asked place is the whole
    if asked is None or _names(asked, sentence):
        asked = _lower_place(analysis, level)
        if asked is None or _names(asked, said):
            return None
    # said from the scope word, when it stands in the figure's sentence before its clause (全省…，实现门票收入2.86亿元)
    at = sentence.rfind("全" + scope.group(1), 0, span.start)
    end = (clause_at + len(clause)) if clause_at >= 0 else span.end
    return sentence[at:end] if 0 <= at < end and end - at <= 80 else clause
