"""Another of the same kind: the figure belongs to another edition of a series (第十届 for 第九届), a
deputy (副市长), another holder (another company or town), a neighbouring place, or another stage (开工 for 竣工).
"""
from __future__ import annotations

import functools
import re

from ...numbers import values_in
from ...schema import Paragraph
from ...setting import places_named
from ..question import DATE, GENERIC_PLACES, QUANTITY, QuestionAnalysis, entity_in, pos_cut
from ..evidence import paragraph_context
from ..scoring import Candidate
from ..settings import ablated
from ..spans import clause_window
from ..synonyms import known_common_word
from .holder_org import holder_clause, level_org
from .measure import _whole_clause
from .named import other_named
from .partner import partner_unsaid
from .rank import other_rank_scope
from .place import reference_opening


# --- another member of a series, another holder of a kind -------------------------------
#
# "冷链物流中心二期…投资多少" is not answered by "一期…总投资12.8亿元", "秋季禁渔期从哪天开始" not by
# "春季禁渔期…", "厅长叫什么" not by "副厅长韩振宇", "鸠兹…公司…专利多少件" not by "星瀚智能装备有限公司…
# 专利56件": the sentence names a sibling of the asked thing (another member of the same series, the
# deputy of the asked title, another company or a wider place) and not the asked one. Any kind of question.

_CN_DIGITS = "一二三四五六七八九十"
# (the values of a series, what may follow them): 一期/二期, Ⅰ类/Ⅳ类, 春季/秋季, 上游/下游, 大型/小型, 初级/高级
_SERIES = (
    (_CN_DIGITS + "0123456789", "期|级|类|等奖|标段"),
    ("ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ", "类|级"),
    ("春夏秋冬", "季"),
    ("上中下", "游|旬"),
    ("甲乙丙丁", "级|类|等"),
    ("大中小", "型"),
    ("初中高", "级"),
)
# series whose members are as specific as names (二期, Ⅳ类): a paragraph that never says the asked one
# is about the others
_NAMED_SERIES = (0, 1, 4)
# "哪一级", "这一期", "第一期": a question word, a pointer or an ordinal, no member named
_NO_MEMBER_BEFORE = "哪这那每同某第"
_SERIES_RE = tuple(
    (index, re.compile(rf"(?<![{values}{_NO_MEMBER_BEFORE}])([{values}]+)({suffixes})"))
    for index, (values, suffixes) in enumerate(_SERIES)
) + (
    # the ordinals of a recurring event or a batch: 第二届 and 第三届 are two members, 第一批 and 第二批 too
    # ("第二届交易会签约多少" is not answered by "第三届…签约金额4.3亿元")
    (len(_SERIES), re.compile(rf"(?<=第)([{_CN_DIGITS}0-9]+)(届|批)")),
)


def _value(value: str) -> str:
    """One writing of a series value: 2 and 二, 12 and 十二, 10 and 十 are the same member."""
    if re.fullmatch(rf"[{_CN_DIGITS}0-9]+", value):
        read = values_in(value)
        if len(read) == 1:
            return str(int(next(iter(read))))
    return value


def _series_members(text: str) -> set[tuple[int, str, str]]:
    """(series, value, suffix) of each series member ``text`` names ("二期" → (0, 二, 期))."""
    return {(index, _value(m.group(1)), m.group(2)) for index, pattern in _SERIES_RE for m in pattern.finditer(text)}


# "本届交易会…较第一届多出10个": the edition the article reports on, named by a pointer
_THIS_ORDINAL = re.compile(r"[本此该这今](届|批)")


def _series_sibling(text: str, analysis: QuestionAnalysis, title: str = "") -> bool:
    """The question names a member of a series (二期, 秋季, Ⅳ类, 第二届) that ``text`` does not, and
    ``text`` names another member of that series. An edition or batch (第二届) is the one the article
    reports on when its ``title`` names it or ``text`` points at its own (本届, 此批)."""
    if ablated("series"):
        return False
    said = _series_members(text)
    for series, value, suffix in _series_members(analysis.text):
        if series == len(_SERIES) and ablated("ordinal_series"):
            continue
        if (series, value, suffix) in said:
            continue
        if series == len(_SERIES) and ((series, value, suffix) in _series_members(title)
                                       or any(m.group(1) == suffix for m in _THIS_ORDINAL.finditer(text))):
            continue
        if any(s == series and x == suffix and v != value for s, v, x in said):
            return True
    return False


_DEPUTY = "副"
# the last characters of titles (厅长, 主任, 书记, 总经理, 主席, 总监, 总工程师): 副食品 names no deputy
_TITLE_ENDS = "长任记理席监师"


def _deputy_only(text: str, analysis: QuestionAnalysis) -> bool:
    """The question names a title (厅长, 总经理) that ``text`` says only as its deputy's (副厅长)."""
    if ablated("deputy"):
        return False
    for m in re.finditer(_DEPUTY, text):
        for size in (3, 2):
            title = text[m.end():m.end() + size]
            if len(title) < size or title[-1] not in _TITLE_ENDS or title not in analysis.text \
                    or _DEPUTY + title in analysis.text:
                continue
            if all(i > 0 and text[i - 1] == _DEPUTY for i in (t.start() for t in re.finditer(re.escape(title), text))):
                return True
    return False


# the kinds of organisation a question names by its last word ("鸠兹新能源汽车零部件公司"), and a
# name of that kind in a sentence ("芜湖星瀚智能装备有限公司"); 该公司 refers back to one already named
_ORG_KINDS = "公司|集团|医院|银行|合作社|协会|大学|学院|中学|小学"
_ORG_ASKED = re.compile(rf"([\u4e00-\u9fff（）()]{{2,16}}?)({_ORG_KINDS})")
_BACK_REFERENCE = re.compile(r"[该本这此][家所个]?$")
# a town or township named after its county ("桦南县驼腰子镇"), or as an entity
_TOWN_ASKED = re.compile(r"(?<=[省市县区旗])([\u4e00-\u9fff]{2,4}?(?:镇|乡|街道))")
# a question's words that no town's name holds ("有多少家乡镇", "去年城镇居民")
_NOT_IN_NAME = re.compile(r"[有多少几的是在和与及各全该本每年月日乡镇村城]")
_TOWN_REFERRED = re.compile(r"(?:该|全|本|我|这个|各)(?:镇|乡|街道)")
_WIDER_PLACE = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:省|市|县|区|旗)(?![场域])|(?:全|该|本|我)(?:省|市|县|区|旗)")


def _org_kind(entity: str, analysis: QuestionAnalysis, paragraph: str) -> str | None:
    """The kind of organisation ``entity`` names: the question's ("鸠兹新能源汽车零部件公司"), else the
    one its full name in the paragraph ends with ("芜湖江城微电子科技有限公司" for 江城)."""
    at = analysis.text.find(entity)
    asked = _ORG_ASKED.match(analysis.text, at + len(entity)) if at >= 0 else None
    if asked is not None and not re.search(r"[，,。？?！!]|哪|什么|多少|几", asked.group(0)):
        return asked.group(2)
    named = re.search(rf"{re.escape(entity)}[\u4e00-\u9fff（）()]{{0,16}}?({_ORG_KINDS})", paragraph)
    return named.group(1) if named else None


def _other_holder(text: str, analysis: QuestionAnalysis, paragraph: Paragraph | None = None) -> bool:
    """The question names an organisation or a town that ``text`` does not name, and ``text`` names
    another organisation of that kind (its subject), or, for a town, speaks of a wider place.
    ``paragraph``: where the organisation's full name may be read, and, with its headline and setting
    (evidence.paragraph_context, read only when needed), the place of an organisation named by its level alone
    (holder_org.level_org)."""
    if ablated("other_holder"):
        return False
    context = functools.cache(lambda: paragraph_context(paragraph) if paragraph is not None else "")
    for entity in analysis.entities:
        if entity_in(entity, text):
            continue
        kind = _org_kind(entity, analysis, paragraph.text if paragraph is not None else "")
        if kind is None:
            continue
        for m in re.finditer(rf"([\u4e00-\u9fff（）()]{{0,20}}?){kind}", text):
            if m.group(1) and not _BACK_REFERENCE.search(m.group(1)) and not entity_in(entity, m.group(0)) \
                    and not level_org(m.group(0), _asked_name(entity, kind, analysis.text), context()):
                return True
    towns = [e for e in analysis.entities if e.endswith(("镇", "乡", "街道"))]
    towns += [m.group(1) for m in _TOWN_ASKED.finditer(analysis.text)
              if not known_common_word(m.group(1)) and not _NOT_IN_NAME.search(m.group(1)[:-1])]
    for town in dict.fromkeys(towns):
        if town in text or town.rstrip("镇乡") in text or _TOWN_REFERRED.search(text):
            continue
        if _WIDER_PLACE.search(text):
            return True
    return False


def _asked_name(entity: str, kind: str, question: str) -> str:
    """The organisation's name as the question writes it, from ``entity`` to its ``kind`` (南阳市 of 南阳市公交集团)."""
    at = question.find(entity)
    end = question.find(kind, at + len(entity)) if at >= 0 else -1
    return question[at:end + len(kind)] if end >= 0 and end - at <= len(entity) + 12 else entity


# a place the question names by its level's suffix: a county, district, city or banner (rag.setting.places_named)
# or a 街道/镇/乡 (two to four characters before the suffix)
# (after a boundary: "，望京街道", not "整合了街道城管")
_SUB_PLACE = re.compile(
    r"(?:^|(?<=[，。、；：:（）()“”《》—\s从在对于至到自由经据进年月日底讯省市州盟区县旗]))"
    r"([\u4e00-\u9fff]{2,4}?)(街道|镇|乡)(?![镇乡村民级委直属域内外])"
)


def _kind_of_place(word: str) -> bool:
    """An everyday word before a generic place word names a kind of place, not one: 文明城市, 旅游景区
    (松山区 is a name: 松 is one character)."""
    return any(word.endswith(g) and len(word) - len(g) >= 2 and known_common_word(word[:-len(g)])
               for g in GENERIC_PLACES if len(g) >= 2)


def _named_places(text: str) -> list[tuple[str, str]]:
    """(name, level) of each specific place ``text`` names at a level of its own (吴江区 → 区, 望京街道 →
    街道); references (全区, 该街道) and everyday words (乡镇街道) name none."""
    found = [(name, name[-1]) for name in places_named(text)]
    found += [  # a place jieba reads as one word (松山区, whose 山区 alone is a generic word)
        (word, word[-1]) for word, flag in pos_cut(text)
        if flag == "ns" and len(word) >= 3 and word[-1] in "市县区州旗盟" and not reference_opening(word)
        and word not in GENERIC_PLACES and not _kind_of_place(word)
    ]
    for m in _SUB_PLACE.finditer(text):
        name = m.group(1)
        # (城南街道, 东城街道, 城关镇 are names; 城镇, 城乡 are not)
        if reference_opening(name + m.group(2)) or known_common_word(name) or name in GENERIC_PLACES \
                or re.search(r"[\d个和与及、各乡镇村了的是在把被将]|城镇|城乡", name):
            continue
        found.append((name, m.group(2)))
    # "设立县、乡、村三级河长": a verb before the suffix names no place
    return [(name, level) for name, level in found
            if not (pos_cut(name.removesuffix(level))[-1:] or (("", ""),))[0][1].startswith("v")]


def _neighbour_place(text: str, analysis: QuestionAnalysis) -> bool:
    """"双井街道全年受理了多少件工单" is not answered by "望京街道全年受理工单14.2万件", "姑苏区接待读者多少"
    not by "吴江区…全年接待读者近40万人次": the sentence (up to the figure's clause) names another place of the
    asked one's level (街道, 区, 县…) as its subject and never the asked one, so its figure is the neighbour's."""
    if ablated("neighbour_place"):
        return False
    asked = _named_places(analysis.text)
    if not asked:
        return False
    said = _named_places(text)
    for name, level in asked:
        core = name[:-len(level)] if name.endswith(level) else name
        if core in text or entity_in(name, text):
            continue
        if any(_same_level(lv, level) and other[:2] != core[:2] and core not in other and other not in name
               and _opens_clause(other, lv, text) for other, lv in said):
            return True
    return False


_CLAUSE_MARK = re.compile(r"[，,；;。！？!?：:]")
# a county's townships are its 镇, 乡 and 街道 alike: 坛厂街道 is a neighbour of 高大坪镇
_TOWNSHIP = frozenset({"镇", "乡", "街道"})


# a prefecture's counties are its 县, 旗, 区 and county-level 市 alike: 涪城区 is a neighbour of 盐亭县, 大理市 of 祥云县
# (a 市 opening the clause that is the prefecture itself gives the whole's figure: no answer for the county either)
_COUNTY = frozenset({"县", "旗", "区", "市"})


def _same_level(said: str, asked: str) -> bool:
    return said == asked or (not ablated("township_level") and said in _TOWNSHIP and asked in _TOWNSHIP) \
        or (not ablated("county_level") and said in _COUNTY and asked in _COUNTY)


def _opens_clause(name: str, level: str, text: str) -> bool:
    """Whether the place ``name`` is the subject of a clause of ``text``: only a time or a number before it
    in its clause ("，望京街道全年受理…", "今年吴江区…"), not a preposition, a verb or a list it ends
    ("来自上海市的游客", "作为苏州市下辖县级市", "在吴江区、吴中区分馆带动下")."""
    whole = name if name.endswith(level) else name + level
    for m in re.finditer(re.escape(name), text):
        if not text.startswith(whole, m.start()):
            continue
        left = max((b.end() for b in _CLAUSE_MARK.finditer(text, 0, m.start())), default=0)
        if all(flag[:1] in ("t", "m", "q", "x") or word in ("其中", "今年以来") for word, flag in pos_cut(text[left:m.start()])
               if word.strip() and word not in "“”\"'"):
            return True
    return False


def other_of_kind(candidate: Candidate, analysis: QuestionAnalysis) -> str | None:
    """What the candidate's sentence gives when it names a sibling of the asked thing instead of it
    (another member of its series, its deputy, another organisation of its kind or a wider place
    than the asked town, another name of the asked one's kind: near_miss.named), or never names the asked trade
    partner (near_miss.partner) or ranks within another scope (near_miss.rank): the figure's sentence up to its clause for a figure, else the sentence.
    None when it names no sibling."""
    if ablated("figure_measure"):
        return None
    sentence, span = candidate.sentence, candidate.span
    if span is not None and analysis.kind == QUANTITY:
        right = re.search(r"[，,；;。！？!?]", sentence[span.end:])
        text = sentence[:span.end + right.start() if right else len(sentence)]
        given = _whole_clause(sentence, span)
    else:
        text = given = sentence
    p = candidate.hit.paragraph
    # a holder asked by title: the organisation read is the one written before the title (holder_org.holder_clause)
    holder_text = holder_clause(candidate, analysis)
    if _series_sibling(text, analysis, p.title or "") or _deputy_only(text, analysis) \
            or _other_holder(text if holder_text is None else holder_text, analysis, p) \
            or _neighbour_place(text, analysis) or other_named(text, analysis) \
            or partner_unsaid(text, analysis) or other_rank_scope(text, analysis):
        return given
    # a member of a series asked (Ⅳ类, 二期) is as specific as a name: a paragraph that never says it
    # is about the others
    unsaid = _series_members(analysis.text) - _series_members(f"{p.title or ''}\n{p.text}")
    if not ablated("series") and any(series in _NAMED_SERIES for series, _, _ in unsaid):
        return given
    return None


# the first character of a two-character verb of an event's stage: its start (开工, 动工, 开幕, 启用) or its
# end (完工, 竣工, 闭幕, 收官, 结束, 停运)
_STAGE_START = "开动启始"
_STAGE_END = "完竣闭收结终停"


def other_stage(candidate: Candidate, analysis: QuestionAnalysis) -> str | None:
    """"大桥哪天开工建设" against "大桥于9月30日完工", "哪天完工" against "于秋收后开工建设": the date's own
    clause dates the other end of the same action (the same head, 工 or 幕, after a start for an end or an
    end for a start), not the asked one. Returns that clause, or None. Date questions only."""
    if ablated("other_stage") or analysis.kind != DATE or candidate.span is None:
        return None
    span, sentence = candidate.span, candidate.sentence
    before, after = clause_window(sentence, span.start, span.end)
    clause = f"{before}{span.text}{after}"
    asked = [w for phrase in analysis.focus for w, _ in pos_cut(phrase) if len(w) == 2 and w[0] in _STAGE_START + _STAGE_END]
    if not asked or any(w in clause for w in asked):
        return None
    for word in asked:
        other = _STAGE_END if word[0] in _STAGE_START else _STAGE_START
        if any(len(w) == 2 and w[1] == word[1] and w[0] in other for w, _ in pos_cut(clause)):
            return clause
    return None
