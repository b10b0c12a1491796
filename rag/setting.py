"""Where an article is about, as its headline, dateline and lead set it (issue 11).

A news article names its place once, in the headline ("岷川县：稳就业促增收"), the
dateline ("本报兰州讯") or its lead's first sentence ("记者从甘肃省岷川县统计局获悉",
"江西省公安厅交通管理局召开新闻发布会"), and from then on writes 全县, 该县, 全省, 我市.
A provincial paper's page names its province in one article and says 全省 in the
others. ``article_settings`` reads those places at ingest; each paragraph carries them
as ``Paragraph.setting`` so the answer stage can read 全省 under 江西 as 江西省 even
when the lead paragraph is not among the retrieved ones.

Only place names are read: a province by name, and a name of two or three characters
ending in an administrative suffix (市/县/区/州/旗/盟) that stands at a word boundary (the
start, after punctuation, a date, 从/在/走进, or right after a province or city), and that
jieba's cut of the text agrees is a word of its own: it begins (and a local name ends) where
a word does, and holds no function word ("黄河北岸" names no 河北, "广大市民" no 广大市,
"记者从县…" no 记者从县).
"""
from __future__ import annotations

import re
from typing import Sequence

from .calendar_words import GENERIC_BREAKS, HOLIDAYS, OTHER_SEASONS, SEASONS
from .dateline import dateline_place, is_wire
from .ingest_switches import switched_off as _layout_off
from .local_heads import heads_local_place
from .places import PROVINCE_NAMES as PROVINCES, is_province, pos_cut, without_baselines

_PROVINCE = re.compile(
    "(" + "|".join(sorted(PROVINCES, key=len, reverse=True)) + ")(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)?"
    "(?!时间)"  # 北京时间 is a clock, not a place
)
# where a place name may begin: the start, punctuation, a date's 年/月/日/底, 讯 of a dateline,
# a preposition or verb of going ("从", "在", "走进"), or the end of a larger place
_BOUNDARY = "，。、；：:（）()“”《》—从在对于至到自由经据进年月日底讯省市州盟"
_LOCAL = re.compile(rf"(?:^|(?<=[{_BOUNDARY}]))([\u4e00-\u9fff]{{2,3}}?(?:市|县|区|州|旗|盟))")
_LOCAL_AT = re.compile(rf"(?:^|(?<=[{_BOUNDARY}]))(?=([\u4e00-\u9fff]{{2,3}}?(?:市|县|区|州|旗|盟)))")
# common words with an admin suffix that name no place
_NOT_PLACES = frozenset(
    "社区 园区 景区 片区 辖区 城区 院区 校区 矿区 牧区 山区 灾区 街区 市区 郊区 地区 小区 专区 新区 老区 "
    "城市 都市 超市 夜市 门市 股市 楼市 车市 上市 开发区 示范区 试验区 保护区 功能区 服务区 商业区 住宅区 "
    "风景区 经济区 自贸区 高新区 保税区 自治州 自治区 自治县".split()
)
# jieba's tags of words no place name holds: prepositions, conjunctions, particles, adverbs,
# pronouns, punctuation, numerals, directions, times ("记者|从|县", "前|从|县")
_FUNCTION_FLAGS = frozenset("p c u uj ul ud uz ug d r x m f t y".split())
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年")
# a year the lead names and does not report on: a start ("2024年以来"), a stock counted at an earlier
# year's end ("截至2024年底"), a level passed or compared with ("已超过2024年全年的"): the article is of a later year
_NOT_OWN_YEAR = re.compile(
    r"(?:19|20)\d\d年(?:以来|来)|截至(?:19|20)\d\d年(?:底|末)|(?:超过|超出|高于|低于|多于|少于|相当于|接近)(?:了)?(?:19|20)\d\d年"
)
_LEAD_CHARS = 90  # how much of the lead is read: the dateline and the first sentence or two
# a province that heads an institution's name ("四川省文化和旅游厅", "甘肃省岷川县统计局"): the
# article reports that province's own business
_INSTITUTION = re.compile(r"[^，。、；：:（）()“”《》\s]{0,14}?(?:厅|局|政府|委员会|委|办公室|院|中心)")
_OUR_PROVINCE = re.compile(r"[我本]省")


def _first_sentence(text: str) -> str:
    head = text[:_LEAD_CHARS]
    end = re.search(r"[。！？]", head)
    return head[: end.end()] if end else head


def _words(text: str) -> tuple[set[int], set[int], list[tuple[int, int, str]]]:
    """Where jieba's words of ``text`` begin and end, and each word's (start, end, flag)."""
    starts, ends, words, at = set(), set(), [], 0
    for word, flag in pos_cut(text):
        starts.add(at)
        words.append((at, at + len(word), flag))
        at += len(word)
        ends.add(at)
    return starts, ends, words


def _province_name(match: re.Match) -> str:
    name = match.group(1)
    return name + (match.group(2) or ("" if name in ("北京", "天津", "上海", "重庆") else "省"))


def _provinces(text: str, starts: set[int], words: list[tuple[int, int, str]]) -> list[re.Match]:
    """The provinces ``text`` names where a word begins ("黄河北岸" names no 河北), not as the start of a longer
    local place's name (河南县, 河南蒙古族自治县: ``rag.local_heads``)."""
    return [
        m for m in _PROVINCE.finditer(text)
        if m.start() in starts and (m.group(2) or not heads_local_place(text, m.start(), m.end(1), words))
    ]


def places_named(text: str) -> list[str]:
    """The provinces (as "江西省") and local places ("岷川县", "九江市") ``text`` names, in order."""
    if not text:
        return []
    starts, ends, words = _words(text)
    found: dict[str, None] = {}
    for match in _provinces(text, starts, words):
        found.setdefault(_province_name(match), None)
    # every start a name may have, also one inside a longer match ("，在盐城市": after 在 as well as at it)
    matches = _LOCAL_AT.finditer(text) if not _layout_off("lead_places") else _LOCAL.finditer(text)
    for match in matches:
        name = match.group(1)
        if name in _NOT_PLACES or _PROVINCE.fullmatch(name):
            continue
        # 城市/地区/新区 ending a name: a common word (广大城市, 重点地区), unless a city jieba reads as one place
        # word ends so (盐城市, 晋城市, 运城市: 盐城 + 市, whose last two characters happen to spell 城市)
        if name[-2:] in _NOT_PLACES and (_layout_off("lead_places") or name[-2:] != "城市" or not one_place_word(name)):
            continue
        # 全市/该县/今春全县: references; but a name the dictionary holds as one place (本溪市, 全州县)
        # is a place, and a numeral ("三个县", "两市州") is a word of its own the check below drops
        if (name[0] in _REFERENCE or name[-2] in _REFERENCE) and not (name[0] in "全本" and one_place_word(name)):
            continue
        begin, end = match.span(1)
        if begin not in starts or end not in ends:
            continue  # "广大|市民", "农贸市场": the suffix is part of another word
        if any(flag in _FUNCTION_FLAGS for s, e, flag in words if begin <= s and e <= end and e - s < end - begin):
            continue  # "记者|从|县": a function word inside
        found.setdefault(name, None)
    return list(found)


_REFERENCE = "全该本我各此其"  # characters that make 全县/该市/本区/各县 a reference, not a name


def one_place_word(name: str) -> bool:
    """Whether jieba reads ``name`` as one place word (成都, 厦门, 湄潭)."""
    return pos_cut(name) == ((name, "ns"),)


def _own_places(title: str, lead: str) -> tuple[list[str], list[str]]:
    """An article's places (headline, dateline, lead) and the provinces among them it reports
    on as its own (named in the headline or heading an institution's name in the lead). An
    article saying 我省/本省 is its paper's own province's: a province it names is another."""
    first = _first_sentence(lead)
    places = places_named(title) + dateline_place(lead) + places_named(first)
    if _OUR_PROVINCE.search(title + first):
        return [p for p in places if not is_province(p)], []
    # in the headline, a province written as one ("江西省", "江西：") and not a firm's name ("山东港口")
    title_starts, _, title_words = _words(title)
    own = [_province_name(m) for m in _provinces(title, title_starts, title_words) if m.group(2) or title[m.end():m.end() + 1] in "：: "]
    starts, _, first_words = _words(first)
    own += [
        _province_name(m) for m in _provinces(first, starts, first_words)
        # heading an institution's name, or a document's ("《青海省以工代赈…方案》")
        if _INSTITUTION.match(first, m.end()) or first[m.start() - 1:m.start()] == "《"
    ]
    if not is_wire(lead):
        own += [p for p in dateline_place(lead) if is_province(p)]
    return list(dict.fromkeys(places)), list(dict.fromkeys(own))


def article_setting(title: str | None, lead: str | None) -> list[str]:
    """The places one article sets: named in its headline, its dateline, its lead's first sentence;
    and the year its lead reports ("通报2026年第一季度…"), not one it compares with ("较2020年")."""
    lead = lead or ""
    places, _ = _own_places(title or "", lead)
    years = set(_YEAR.findall(_NOT_OWN_YEAR.sub("", without_baselines(_first_sentence(lead)))))
    return list(dict.fromkeys(places + ([f"{years.pop()}年"] if len(years) == 1 else [])))


def article_settings(
    articles: Sequence[tuple[str | None, str | None]], paper_places: Sequence[str | None] | None = None
) -> list[str | None]:
    """``Paragraph.setting`` for each (title, lead) of one file's articles: its own places, and,
    when the page's articles report on exactly one province as their own (in a headline, as an
    institution's province, as a local dateline; never 北京时间 or a wire's dateline), that
    province for the articles naming none (a provincial paper's 全省/我省). An article naming no
    place at all, and no wire's, is of its paper's place (``paper_places``, one per article, from the
    page's masthead: 天水日报's 全市 is 天水市)."""
    own = [article_setting(title, lead) for title, lead in articles]
    provinces = {p for title, lead in articles for p in _own_places(title or "", lead or "")[1]}
    page_province = next(iter(provinces)) if len(provinces) == 1 else None
    settings: list[str | None] = []
    for index, places in enumerate(own):
        paper = paper_places[index] if paper_places else None
        lead = articles[index][1] or ""
        if paper and not is_wire(lead) and not any(not _YEAR.fullmatch(p) for p in places):
            places = [paper, *places]
        if page_province and not any(is_province(p) for p in places):
            places = [page_province, *places]
        settings.append(" ".join(places) or None)
    return settings


# a part of a year a figure may be of ("2025年前三季度", "2025年1-11月", "2025年以来"): no whole year's result
_YEAR_PART = re.compile(r"(?:19|20)\d\d年(?:[上下]半年|前?[一二三四1-4]季度|前\S{1,2}个月|\d{1,2}[-—至到~～]|\d{1,2}月|一至|1至|以来|来|底|末|初)")
# a result set against the year before: the year reported is over
_RESULT = re.compile(r"同比|比上年|较上年|与上年")
# the holidays, breaks and seasons a year's figures may be of (rag.calendar_words): no whole year
_CALENDAR_PARTS = tuple(word for _, words in HOLIDAYS + SEASONS for word in words) + GENERIC_BREAKS + OTHER_SEASONS + ("假期",)


def whole_year_reported(lead: str | None) -> int | None:
    """The year whose whole results a lead's first sentence reports ("获悉，2025年，福鼎市实现渔业产值
    52.8亿元，同比增长6.2%"), or None: a report of a year's results is printed after that year ends."""
    first = _first_sentence(lead or "")
    if not _RESULT.search(first) or _YEAR_PART.search(first) or _NOT_OWN_YEAR.search(first):
        return None
    if any(word in first for word in _CALENDAR_PARTS):
        return None  # "2026年春节假期…同比增长": a holiday's or season's figures, not the whole year's
    years = set(_YEAR.findall(without_baselines(first)))
    return int(years.pop()) if len(years) == 1 else None
