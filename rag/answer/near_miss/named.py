"""Another named thing of the asked kind: "六横港区…吞吐量是多少" is not answered by "金塘港区2025年完成集装箱
吞吐量263.5万标准箱", "志浩市场…交易额" not by "叠石桥市场直播电商交易额达到486.2亿元", "国家牡丹园…门票收入" not
by "全市11个重点牡丹观赏园…实现门票收入2.07亿元".

The question opens with a name ending in a kind character (港区, 市场, 度假区, 园, 站, 区…); the figure's sentence never
says that name, and one of its clauses opens with another name ending in the same kind character: the figure is that
sibling's (a port area, market, venue or district beside the asked one), not the asked one's. The admin levels alone
are read by rag.answer.near_miss.kind._neighbour_place from the places the tagger knows; this reads any name by its
kind character, as the article writes it, so a venue or a district the tagger cuts into pieces is read too.
"""
from __future__ import annotations

import re

from ..question import GENERIC_PLACES, QuestionAnalysis, pos_cut
from ..settings import ablated
from ..synonyms import known_common_word, word_codes
from .place import reference_opening

# the last character of a named place, venue or market: 六横港区, 叠石桥市场, 国家牡丹园, 洛阳站, 景德镇陶瓷馆
_KIND = "区县市镇乡村旗港园站馆场岸"
# institutions named the same way: 沁水县人民医院 beside 嘉峰镇卫生院, 溪口人民法庭 beside 江垭人民法庭
_INSTITUTIONS = "院庭"
# a time phrase, a count or a scope word opening a question or a clause, before its subject ("2025年，", "节会期间",
# "全市11个", "其中")
_OPENING = re.compile(
    r"^(?:\s|[\d.]+(?:[年月日号]份?|个|家|座|所|处)?|[至到~～\-—]|[今去明前上本当同该这][年届季]|上一[届年季]|本?[产雪旺淡]?季|"
    r"[^，,。；;：:？?]{1,4}期间|[^，,。；;：:？?]{1,4}以来|全[省市县区州旗镇乡村国]|其中|另外|此外|同时)+"
)
# where the opening name ends: a figure, a time or a question word ("涧西区今年", "东区去年", "志浩市场2025年")
_STOP = re.compile(r"[\d，,。；;：:？?！!、“”（）()《》]|的|[今去明前]年|本|上一|上[年届]|[上下]半年|期间|以来|多少|几|哪|什么|是|有|为|比|前[一二两三四五六七八九十]个?[月季]|[一二三四]季度")
_SCOPE_PREFIX = "全该本我各这那每此"
# what no name holds: a scope or reference word (全省, 该县, 辖区), a verb of rank, a conjunction or a preposition
# ("增速居全省沿海港", "记者从该县")
_NOT_IN_NAME = re.compile(r"[全该本我各此辖][国省市县区州旗镇乡村]|[居于在与及对把被向从等、着了过由]")
_MAX_NAME = 12


def _name_at(text: str, start: int, kind: str | None) -> str | None:
    """The name that opens ``text`` at ``start``: the run of characters up to the first stop, cut after its last kind
    character (``kind`` None: any of _KIND) or, for ``kind`` given, its first one; None when it names nothing."""
    opening = _OPENING.match(text, start)
    at = opening.end() if opening else start
    stop = _STOP.search(text, at)
    run = text[at:stop.start() if stop else len(text)][:_MAX_NAME]
    kinds = _KIND if ablated("institution_kind") else _KIND + _INSTITUTIONS
    ends = [i + 1 for i, ch in enumerate(run) if (ch == kind if kind else ch in kinds) and i >= 1]
    if not ends:
        return None
    if kind is None and ends[-1] != len(run):  # the question's name is its whole opening subject (涧西区|今年)
        return None
    name = run[:ends[0] if kind else ends[-1]]
    if name.endswith("岸") and not name.endswith("口岸"):  # a port of entry (圈河口岸), not a verb's 岸 (退捕上岸)
        return None
    if name[-1] in _INSTITUTIONS and not _institution(name):
        return None
    if reference_opening(name) or _NOT_IN_NAME.search(name) or name in GENERIC_PLACES or known_common_word(name) or _common(name):
        return None
    return name


def _common(name: str) -> bool:
    """An everyday word or a kind of place rather than a name (城市, 社区, 市场, 乡村, 园区): one word of the tagger's
    that it does not tag as a place, or two characters of which it tags the first as a verb or adverb (新区, 各县);
    or a phrase opening with a verb or a preposition ("接入辖区")."""
    tokens = pos_cut(name)
    if len(tokens) > 1 and tokens[0][1][:1] in ("v", "p", "d", "c", "u"):
        return True
    if len(tokens) == 1:
        return len(name) <= 2 and tokens[0][1] != "ns" or tokens[0][1][:1] in ("v", "d", "a")
    return False


def _institution(name: str) -> bool:
    """A name ending in an institution's word (医院, 法庭, or one the tagger reads as an organisation: 卫生院, 人民法庭),
    not a verb's character (住院, 出院) nor a bare 院 (新院区)."""
    last, flag = (pos_cut(name)[-1:] or (("", ""),))[0]
    return len(name) > len(last) and (last in _INSTITUTION_WORDS or (flag == "nt" and len(last) >= 3))


_INSTITUTION_WORDS = frozenset({"医院", "法院", "法庭", "学院"})


def asked_name(analysis: QuestionAnalysis, before_verb: bool = True) -> str | None:
    """The name the question opens with, ending in a kind character (六横港区, 可可托海国际滑雪度假区, 东区), or its
    subject's nouns ending in one when a verb follows them with no stop between ("獐岛渔港改造已经完成投资多少":
    獐岛渔港, not the run up to 多少). ``before_verb=False``: the whole opening subject only (a check that looks for the
    name in one paragraph, not in the article's lead or the paragraph before, which name a subject for the next ones)."""
    return _name_at(analysis.text, 0, None) or (
        None if ablated("name_before_verb") or not before_verb else _name_before_verb(analysis.text))


# the tags of a word that ends a question's opening subject: a verb, an adverb, a preposition or a particle
_ENDS_SUBJECT = ("v", "d", "p", "u", "c")


def _name_before_verb(text: str) -> str | None:
    """The opening subject of ``text`` cut where the tagger reads its first verb, adverb or preposition, read as a
    name by _name_at (its whole run ending in a kind character)."""
    opening = _OPENING.match(text)
    at = opening.end() if opening else 0
    run = ""
    for word, flag in pos_cut(text[at:at + _MAX_NAME + 4]):
        if flag[:1] in _ENDS_SUBJECT or flag in ("vn", "m", "x", "t"):
            break
        run += word
    if not run or at + len(run) >= len(text):
        return None
    name = _name_at(text[:at + len(run)], 0, None)
    # a proper name opens it (獐岛 of 獐岛渔港, 淄博 of 淄博北站), not a common word naming a kind (湿地公园, 农业产业园)
    tokens = pos_cut(name or "")
    if len(tokens) < 2 or not (tokens[0][1] in ("ns", "nr", "nz", "nt") or not word_codes(tokens[0][0])):
        return None
    return name


def _core(name: str) -> str:
    return name[:-1]


def _said(name: str, text: str) -> bool:
    """The name said in ``text``: whole, by its first two characters (可可托海 for 可可托海国际滑雪度假区), or by its last
    word when that is a place's name (江苏省镇江市 by 镇江市, 沿河堤防东岭镇 by 东岭镇)."""
    core = _core(name)
    if name in text or (len(core) >= 2 and core[:2] in text):
        return True
    last, flag = (pos_cut(name)[-1:] or (("", ""),))[0]
    return flag == "ns" and len(last) >= 3 and last != name and last in text


def other_named(text: str, analysis: QuestionAnalysis) -> str | None:
    """The other name of the asked kind a clause of ``text`` opens with, when ``text`` never says the asked name
    (金塘港区 for 六横港区); None otherwise."""
    if ablated("named_kind"):
        return None
    asked = asked_name(analysis)
    if asked is None or _said(asked, text):
        return None
    kind, core = asked[-1], _core(asked)
    starts = [0] + [m.end() for m in re.finditer(r"[，,。；;：:！!？?]", text)]
    for start in starts:
        other = _name_at(text, start, kind)
        if other and other != asked and other[:2] != core[:2] and core not in other and other not in asked:
            return other
    return None

