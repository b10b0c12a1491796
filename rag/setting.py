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
start, after punctuation, a date, 从/在/走进, or right after a province or city).
"""
from __future__ import annotations

import re
from typing import Sequence

PROVINCES = (
    "北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 "
    "海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门".split()
)
_PROVINCE = re.compile(
    "(" + "|".join(sorted(PROVINCES, key=len, reverse=True)) + ")(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)?"
)
# where a place name may begin: the start, punctuation, a date's 年/月/日/底, 讯 of a dateline,
# a preposition or verb of going ("从", "在", "走进"), or the end of a larger place
_BOUNDARY = "，。、；：:（）()“”《》从在对于至到自由经据进年月日底讯省市州盟"
_LOCAL = re.compile(rf"(?:^|(?<=[{_BOUNDARY}]))([\u4e00-\u9fff]{{2,3}}?(?:市|县|区|州|旗|盟))")
# common words with an admin suffix that name no place
_NOT_PLACES = frozenset(
    "社区 园区 景区 片区 辖区 城区 院区 校区 矿区 牧区 山区 灾区 街区 市区 郊区 地区 小区 专区 新区 老区 "
    "城市 都市 超市 夜市 门市 股市 楼市 车市 上市 开发区 示范区 试验区 保护区 功能区 服务区 商业区 住宅区 "
    "风景区 自治州 自治区 自治县".split()
)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年")
_LEAD_CHARS = 90  # how much of the lead is read: the dateline and the first sentence or two


def _first_sentence(text: str) -> str:
    head = text[:_LEAD_CHARS]
    end = re.search(r"[。！？]", head)
    return head[: end.end()] if end else head


def places_named(text: str) -> list[str]:
    """The provinces (as "江西省") and local places ("岷川县", "九江市") ``text`` names, in order."""
    found: dict[str, None] = {}
    for match in _PROVINCE.finditer(text):
        name = match.group(1)
        found.setdefault(name + (match.group(2) or ("" if name in ("北京", "天津", "上海", "重庆") else "省")), None)
    for match in _LOCAL.finditer(text):
        name = match.group(1)
        if name in _NOT_PLACES or name[-2:] in _NOT_PLACES or _PROVINCE.fullmatch(name):
            continue
        if name[0] in "全该本我各此其两三四" or name[-2] in "全该本我各此其":  # 全市/该县/今春全县: references
            continue
        found.setdefault(name, None)
    return list(found)


def _dateline_place(lead: str) -> list[str]:
    """"本报兰州讯" → 兰州, "新华社西宁1月5日电" → 西宁."""
    match = re.match(r"^(?:本报|新华社|中新社)([\u4e00-\u9fff]{2,4}?)(?:\d|讯|电)", lead)
    if not match or match.group(1) in ("记者", "特约", "讯"):
        return []
    return [match.group(1)]


def is_province(name: str) -> bool:
    return _PROVINCE.fullmatch(name) is not None


def article_setting(title: str | None, lead: str | None) -> list[str]:
    """The places one article sets: named in its headline, its dateline, its lead's first sentence."""
    lead = lead or ""
    first = _first_sentence(lead)
    places = places_named(title or "") + _dateline_place(lead) + places_named(first)
    years = set(_YEAR.findall(first))  # "通报2026年第一季度…": the period the article reports
    return list(dict.fromkeys(places + ([f"{years.pop()}年"] if len(years) == 1 else [])))


def article_settings(articles: Sequence[tuple[str | None, str | None]]) -> list[str | None]:
    """``Paragraph.setting`` for each (title, lead) of one file's articles: its own places, and,
    when the page names exactly one province, that province for the articles naming none
    (a provincial paper's 全省/我省)."""
    own = [article_setting(title, lead) for title, lead in articles]
    provinces = {place for places in own for place in places if is_province(place)}
    page_province = next(iter(provinces)) if len(provinces) == 1 else None
    settings: list[str | None] = []
    for places in own:
        if page_province and not any(is_province(p) for p in places):
            places = [page_province, *places]
        settings.append(" ".join(places) or None)
    return settings


