"""The place and the period a question names, held against the figure's own sentence.

A question names a county, district or town the tagger may not take for a place ("和政县" read as a
person, "蓬莱区" and "寨蒿镇" cut into pieces): ``with_places`` adds them by their admin suffix, so the
near-miss checks of a figure's place (rag.answer.near_miss) see them (the reader is
rag.answer.evidence.asked_places). Two near misses follow:

- ``wider_scope``: "上虞区去年修缮了多少座古桥" is not answered by "2025年全市已完成古桥抢救性修缮31座":
  the asked district is not named in the sentence, and the figure's own scope word (全市) is of a wider
  level than the asked place's (区), so the figure is the city's, not the district's.
- ``other_period``: "春节假期…旅客吞吐量" is not answered by "…冰雪季共…完成旅客吞吐量1016.8万人次":
  the question names a holiday, season or span of months, and the sentence dates its figure by
  another one of these and not by the asked one.
"""
from __future__ import annotations

import re

from ..calendar_words import ALSO_SAID, FRAME_前, HOLIDAYS, SEASONS
from .evidence import asked_places, entity_said, paragraph_context
from .question import QuestionAnalysis, entity_in, place_level, without_baselines
from .settings import ablated

# an admin level, lower numbers wider; 区 is a city's district (自治区 is read as a province)
_LEVEL = {"省": 1, "州": 2, "市": 2, "盟": 2, "县": 3, "区": 3, "旗": 3, "镇": 4, "乡": 4}


def _named_places(analysis: QuestionAnalysis) -> tuple[str, ...]:
    """The places the question names with a level: its entities that are places, and the counties,
    districts and towns its reading took for no name (rag.answer.evidence.asked_places: 和政县, 蓬莱|区)."""
    found = [e for e in analysis.entities if place_level(e)] + asked_places(analysis)
    if not ablated("short_places"):
        # a county of two characters (房县, 沛县) the reading took as a name but gave no level
        found += [e for e in analysis.entities if len(e) == 2 and e[-1] in "县旗"]
        # a town or township named first, cut apart by the reading ("莲上镇有多少家…": 莲|上|镇有)
        opening = _TOWN_OPENING.match(analysis.text)
        if opening and not re.search(r"[乡镇村城]", opening.group(1)[:2]):
            found.append(opening.group(1))
    return tuple(dict.fromkeys(found))


# a question opening on a town's or township's name of two characters and its suffix
_TOWN_OPENING = re.compile(r"^((?![全各该本每我])[\u4e00-\u9fff]{2}[镇乡])(?![镇村])")


def with_places(analysis: QuestionAnalysis) -> QuestionAnalysis:
    """The analysis with the places it missed added to its entities (for the checks of a figure's place)."""
    from dataclasses import replace

    if ablated("asked_places"):
        return analysis
    extra = [p for p in asked_places(analysis) if not any(entity_in(e, p) or entity_in(p, e) for e in analysis.entities)]
    return replace(analysis, entities=analysis.entities + tuple(extra)) if extra else analysis


def _named(place: str, text: str) -> bool:
    return entity_in(place, text) or (len(place) >= 3 and place[:-1] in text)


# a scope word as the figure's own subject: "全市", "全县" (not "全市第一", a rank; "我市…项目之一" and "本市居民"
# more often name a thing's owner than the figure's scope)
# (全市民 is 全 市民, every citizen, but 全市民宿, 全市民营企业 are the city's: 全市 before a word opening with 民)
SCOPE_NOT_CITIZENS = r"(?!民(?![宿营办政俗族警兵居生]))"
_SCOPE = re.compile(r"全(省|州|市|盟|县|旗|区|镇|乡)(?![镇乡村级委直属域内外])" + SCOPE_NOT_CITIZENS)
_SCOPE_CITIZENS = re.compile(r"全(省|州|市|盟|县|旗|区|镇|乡)(?![镇乡村民级委直属域内外])")  # (scope_min off)


def _rural(scope: re.Pattern) -> re.Pattern:
    """``scope`` reading 全市乡村 as the city's rural part (全市乡村旅游), not 全市乡镇 (its towns): switch ``rural_scope``."""
    return re.compile(scope.pattern.replace("[镇乡村", "[镇村", 1).replace("(?!", "(?!乡(?!村)|", 1))


# the scope words with rural_scope on (built once, not per figure)
_RURAL = {_SCOPE: _rural(_SCOPE), _SCOPE_CITIZENS: _rural(_SCOPE_CITIZENS)}
# a sentence's opening time phrase, before its subject ("2025年全市…", "今年以来，全县…")
_OPENING = re.compile(r"^[^，,；;。]{0,12}?(?:年|月|季度|以来|期间|假期)[，,]?|^(?:目前|如今|当前|现在|截至目前)[，,]?")


# a reporting frame before the sentence's subject ("记者从县农业农村局获悉，今年全县…", "据市统计局统计，全市…")
_FRAME = re.compile(r"^(?:记者[^，,。；;]{0,20}?(?:获悉|了解到|得知)|据[^，,。；;]{0,20}?(?:介绍|统计|显示|了解|消息))[，,]")


def wider_scope(before: str, sentence: str, analysis: QuestionAnalysis, said_before: str = "") -> str | None:
    """The scope word (全市) that is the subject of the figure's own clause (``before``: the clause up to the
    figure) or opens its sentence, when it is wider than every place the question names by its suffix
    (上虞区) and none of them is named in the sentence before the figure (``said_before``; a place listed after it,
    "全州新建的8所学校主要分布在…康乐县等", is where the whole's figure lies, not its own figure)."""
    if ablated("wider_scope"):
        return None
    places = tuple(p for p in _named_places(analysis) if p[-1] in _LEVEL)
    if not places or any(_named(p, said_before) for p in places):
        return None
    frame = None if ablated("scope_after_frame") else _FRAME.match(sentence)
    start = frame.end() if frame else 0
    opening = _OPENING.match(sentence[start:])
    scope_word = _SCOPE_CITIZENS if ablated("scope_min") else _SCOPE
    if not ablated("rural_scope"):  # 全市乡村旅游: the city's rural tourism, not 全市乡镇 (its towns)
        scope_word = _RURAL[scope_word]
    said = scope_word.search(before) or scope_word.match(sentence, start + (opening.end() if opening else 0))
    if said and _LEVEL[said.group(1)] < min(_LEVEL[p[-1]] for p in places):
        return said.group(0)
    return None


# the periods news dates a figure by, each family under one name: a holiday, a season (rag.calendar_words, with the
# other words a question may name them by), a span of months
PERIOD_WORDS = tuple((family, "|".join(said + ((ALSO_SAID[family],) if family in ALSO_SAID else ())))
                 for family, said in HOLIDAYS + SEASONS)
# "前10个月", "前两个月", "1-6月", "1～6月", "1月至6月", "1月份至6月份": the months from January (also right after
# a dateline glued to the paragraph, "2025-07-201月至6月"; never the tail of "11-12月")
MONTHS_FROM_JANUARY = re.compile(FRAME_前 + r"(\d{1,2}|[一二两三四五六七八九十]{1,3})个月|(?:(?<![\d.])|(?<=-\d\d))1(?:月份?)?\s*[-—–~～至到]\s*(\d{1,2})月")
MONTH_NUMERALS = {"两": 2, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12}


def periods_said(text: str) -> set[str]:
    """The periods ``text`` dates by, each under its family's name: a holiday or season, 前N个月 for a span of months
    from January (前三季度 is 前9个月), a half or a quarter."""
    found = {name for name, pattern in PERIOD_WORDS if re.search(pattern, text)}
    for m in MONTHS_FROM_JANUARY.finditer(text):
        n = m.group(1) or m.group(2)
        months = int(n) if n.isdigit() else MONTH_NUMERALS.get(n)
        if months:
            found.add(f"前{months}个月")
    for m in re.finditer(r"前([一二三两1-3])(?:个)?季度", text):  # 前三季度 is the first nine months
        found.add(f"前{3 * _QUARTERS[m.group(1)]}个月")
    for m in re.finditer(r"(?<!前)(?:[上下]半年|[一二三四1-4]季度)", text):
        found.add(_SAME_SPAN.get(m.group(0), m.group(0)))
    return found


_QUARTERS = {"一": 1, "1": 1, "两": 2, "二": 2, "2": 2, "三": 3, "3": 3}
_SAME_SPAN = {"上半年": "前6个月", "一季度": "前3个月", "1季度": "前3个月"}


def other_period(sentence: str, analysis: QuestionAnalysis) -> bool:
    """The question names a holiday, season or span of months ("春节假期", "前11个月") the figure's
    sentence does not, and the sentence dates its figure by another one ("冰雪季", "“十一”假期")."""
    if ablated("other_period"):
        return False
    asked = periods_said(analysis.text)
    if not asked:
        return False
    said = periods_said(without_baselines(sentence))
    # a holiday asked ("元旦假期"): a figure counted since a start ("入冬以来", "开春以来") or over a season ("冬季") is
    # of a span holding more than the holiday's days, unless the sentence names the holiday too
    if asked & _HOLIDAY_FAMILIES and not ablated("holiday_span"):
        said |= {f"以来:{m.group(1)}" for m in _SINCE.finditer(sentence)} | set(_SEASON.findall(sentence))
    return bool(said) and not asked & said


_HOLIDAY_FAMILIES = frozenset(family for family, _ in HOLIDAYS)
# a span counted since a start (入冬以来, 今年以来: not 假期以来, which the holiday itself opens), and the four seasons
_SINCE = re.compile(r"([\u4e00-\u9fff]{1,4}?)(?<!假期)(?<!期间)以来")
_SEASON = re.compile(r"(?<![今本去])[春夏秋冬]季(?!度)|入[春夏秋冬]")


def place_unsaid(paragraph, analysis: QuestionAnalysis) -> str | None:
    """The most specific place the question names (城中区 of "西宁市城中区") when the figure's paragraph,
    read with its headline and setting, does not name it: the figure is another place's ("今年全市高校
    毕业生…" in an article on the city), though another retrieved paragraph names the asked one. A paragraph
    speaking by a scope word of the asked place's level (全省 for 川南省) speaks of its own place."""
    if ablated("place_unsaid"):
        return None
    places = [p for p in _named_places(analysis) if place_level(p)]
    if not places:
        return None
    rank = {p: _LEVEL.get(place_level(p), 1) for p in places}
    narrowest = max(rank.values())
    context = paragraph_context(paragraph)

    def own_scope(place: str) -> bool:  # "全省" in a paragraph whose setting missed the province: its own figure
        return re.search(f"[全该本我]{place_level(place)}", paragraph.text) is not None

    return next((p for p in places if rank[p] == narrowest and not entity_said(p, context) and not _named(p, context)
                 and not own_scope(p)), None)
