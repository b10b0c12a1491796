"""Same subject, same period: whether a claim's place and period hold for an article's figure.

A draft names its subject the way editors write, not the way the article does: "北京" where the article says
"在京召开", "青海" where an article of a Qinghai paper says "全省", "祁连县" where the article says "祁连".
Places are matched with the answer stage's own reading of entities (``rag.answer.question.entity_in``:
the last administrative component, a dropped 县/省/市 suffix, spelled-out levels), plus two general ways
news text refers to a province: its one-character abbreviation used as a place ("在京", "来沪", "赴京"),
and "全省/我省/本省" in an article whose source names that province.

Periods: a paragraph's own text, title and lead say which period it is about; a dated article also says its
year. A claim's year that the article neither states nor contradicts (the article names no year at all) is
*unsaid*: it cannot confirm the claim, but it does not stop a contradiction in the same measure.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..answer.question import entity_in, is_province
from ..answer.synonyms import said_in
from .ablation import ingredient_on
from .claims import _posseg, periods_in

# The standard one-character abbreviations of China's provincial-level divisions.
PROVINCE_ABBREVIATIONS = {
    "北京": "京", "天津": "津", "上海": "沪", "重庆": "渝", "河北": "冀", "山西": "晋", "辽宁": "辽", "吉林": "吉",
    "黑龙江": "黑", "江苏": "苏", "浙江": "浙", "安徽": "皖", "福建": "闽", "江西": "赣", "山东": "鲁", "河南": "豫",
    "湖北": "鄂", "湖南": "湘", "广东": "粤", "海南": "琼", "四川": "川", "贵州": "黔", "云南": "滇", "陕西": "陕",
    "甘肃": "甘", "青海": "青", "台湾": "台", "内蒙古": "蒙", "广西": "桂", "西藏": "藏", "宁夏": "宁", "新疆": "新",
    "香港": "港", "澳门": "澳",
}
# verbs of going and staying that take an abbreviated place as one word: "赴京", "来沪", "在京"
_MOTION = "在来进赴抵驻离返回留"
PROVINCE_WIDE = re.compile(r"全省|我省|本省")
_NO_YEAR_CONTEXT = re.compile(r"去年|上年|上一年")


def _province_core(place: str) -> str:
    for suffix in ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市"):
        if place.endswith(suffix) and len(place) > len(suffix) + 1:
            return place[: -len(suffix)]
    return place


@lru_cache(maxsize=4096)
def abbreviation_in(place: str, text: str) -> bool:
    """Whether ``text`` names the province or municipality ``place`` by its abbreviation, as a place of its own
    ("在京召开", "来沪务工", "赴京参加"), not inside another word ("新时代" is not 新疆)."""
    short = PROVINCE_ABBREVIATIONS.get(_province_core(place))
    if short is None or short not in text:
        return False
    for word in _posseg().cut(text):
        w = word.word
        if w == short and word.flag in ("ns", "j"):
            return True
        if len(w) == 2 and w[0] in _MOTION and w[1] == short:
            return True
    return False


def place_in(place: str, text: str) -> bool:
    """Whether ``text`` names ``place`` in any of the forms the articles use."""
    return place in text or (ingredient_on("variants") and entity_in(place, text)) or (
        ingredient_on("abbreviation") and abbreviation_in(place, text))


def province_wide_in(place: str, text: str, source_names_it: bool) -> bool:
    """A province the claim names is "全省/我省" in an article whose source names that province."""
    return ingredient_on("province_wide") and source_names_it and is_province(place) and PROVINCE_WIDE.search(text) is not None


def article_periods(context: str, date: str | None = None) -> set[str]:
    """The periods an article context states; a dated article also states its year, unless its context names
    a year itself or speaks of last year (then the figures may be the previous year's)."""
    found = set(periods_in(context.replace("首季", "一季度")))
    if ingredient_on("date_year") and date and len(date) >= 4 and date[:4].isdigit() and not any(p.isdigit() for p in found) and not _NO_YEAR_CONTEXT.search(context):
        found.add(date[:4])
    return found


def year_unsaid(period: str, periods: set[str]) -> bool:
    """A claim's year about which the article says nothing: it names no year at all."""
    return ingredient_on("unsaid_year") and period.isdigit() and not any(p.isdigit() for p in periods)


# jieba's tags for names: people, places, organisations, other proper nouns, abbreviations
NAME_FLAGS = ("nr", "nrt", "nrfg", "ns", "nt", "nz", "j")
_QUOTED = re.compile(r"[“《]([^”》]{2,30})[”》]")
_NOT_NAMES = frozenset("全国 全省 全市 全县 全区 全乡 我省 本省".split())


@lru_cache(maxsize=4096)
def names_in(text: str) -> tuple[str, ...]:
    """The names a piece of a claim says its figure is about: words jieba tags as names (吴三女, 省委, 南通市)
    and quoted titles (“海东快办”, 《…通知》). Who or what a figure is about must be the article's too."""
    found = [m.group(1) for m in _QUOTED.finditer(text)]
    for word in _posseg().cut(_QUOTED.sub(" ", text)):
        w = word.word
        if word.flag in NAME_FLAGS and len(w) >= 2 and w not in _NOT_NAMES and not re.search(r"\d", w):
            found.append(w)
    return tuple(dict.fromkeys(found))


def name_said(name: str, text: str) -> bool:
    """Whether ``text`` says ``name``: as written, in another written form of a place, or by a synonym."""
    return place_in(name, text) or (ingredient_on("synonyms") and said_in(name, text))
