"""Same subject: whether a claim's places and names hold for an article's figure.

A draft names its subject the way editors write, not the way the article does: "北京" where the article says
"在京召开", "青海" where an article of a Qinghai paper says "全省".
Besides the name as written, two general ways news text refers to a province count: its one-character
abbreviation used as a place ("在京", "来沪", "赴京"), and "全省/我省/本省" in an article whose source names that
province (the answer stage's reading, ``rag.answer.question.is_province``).

Who or what a figure is about must be the article's too: the names of the claim's own words (people,
organisations, quoted titles) must be said by the article (``names_in``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..answer.question import is_province
from .ablation import ingredient_on
from .claims import NOT_PLACES, _posseg
from .comparison_cut import cut_at_comparison
from .figures import find_figures
from .measure import DOWN, FILLER, UP

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


def province_core(place: str) -> str:
    for suffix in ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市"):
        if place.endswith(suffix) and len(place) > len(suffix) + 1:
            return place[: -len(suffix)]
    return place


@lru_cache(maxsize=4096)
def abbreviation_in(place: str, text: str) -> bool:
    """Whether ``text`` names the province or municipality ``place`` by its abbreviation, as a place of its own
    ("在京召开", "来沪务工", "赴京参加"), not inside another word ("新时代" is not 新疆)."""
    short = PROVINCE_ABBREVIATIONS.get(province_core(place))
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
    return place in text or (ingredient_on("abbreviation") and abbreviation_in(place, text))


def province_wide_in(place: str, text: str, source_names_it: bool) -> bool:
    """A province the claim names is "全省/我省" in an article whose source names that province."""
    return ingredient_on("province_wide") and source_names_it and is_province(place) and PROVINCE_WIDE.search(text) is not None


# jieba's tags for names: people, places, organisations, other proper nouns, abbreviations
NAME_FLAGS = ("nr", "nrt", "nrfg", "ns", "nt", "nz", "j")
_QUOTED = re.compile(r"[“《]([^”》]{2,30})[”》]")
_NOT_NAMES = frozenset("全国 全省 全市 全县 全区 全乡 我省 本省".split())


@lru_cache(maxsize=4096)
def names_in(text: str) -> tuple[str, ...]:
    """The names a piece of a claim says its figure is about: words jieba tags as names (吴三女, 省委, 南通市)
    and quoted titles (“海东快办”, 《…通知》). Who or what a figure is about must be the article's too."""
    found = [m.group(1) for m in _QUOTED.finditer(text)]
    if ingredient_on("codes"):
        found += codes_in(text)
    unquoted = _QUOTED.sub(" ", text)
    # a "name" jieba cut across a figure or date, starting in its last character ("2025年比上年" → 年比): no name
    spans = [(f.start, f.end) for f in find_figures(unquoted)] if ingredient_on("name_across_figure") else []
    at = 0
    for word in _posseg().cut(unquoted):
        w = word.word
        start, at = at, at + len(w)
        if any(a <= start < b < at for a, b in spans):
            continue
        if cut_at_comparison(unquoted, start, w):
            continue  # "比比" of "占比比上年提高": the end of 占比 and the comparative 比, no name
        if (word.flag in NAME_FLAGS and len(w) >= 2 and w not in _NOT_NAMES and not re.search(r"\d", w) and not _statement_word(w)
                and w not in NOT_PLACES):  # common words jieba tags as places ("新建", "城镇")
            found.append(w)
    return tuple(dict.fromkeys(found))


# a grade or model written in letters and digits ("5A级", "4A", "5G", "PM2.5"): a name of what is counted, not a figure
CODE = re.compile(r"(?<![A-Za-z0-9.])(?=[A-Za-z0-9.]*[A-Za-z])(?=[A-Za-z0-9.]*\d)[A-Za-z0-9.]*[A-Za-z0-9](?![A-Za-z0-9])级?")
# a number with a unit symbol in Latin letters ("110kV", "12km", "3.5GHz", "500MW") is a quantity, not a grade or model
_LATIN_QUANTITY = re.compile(r"\d+(?:\.\d+)?(?:[kMGTmμcd]?(?:V|W|Wh|Hz|m|g|t|L|B|J|Pa)|mu)[²³23]?")


# a grade in Roman numerals ("Ⅳ类水质", "Ⅱ级响应"; "Ⅰ—Ⅲ类" says Ⅲ类 too)
ROMAN_GRADE = re.compile(r"[\u2160-\u216B]+(?=[类级])[类级]")


def codes_in(text: str) -> list[str]:
    """The grades and models ``CODE`` reads in ``text``, less quantities: a number with a Latin unit symbol ("110kV变电站")
    and letters run into a figure ("GDP2.3万亿元": 2.3万 is the figure, GDP what it measures)."""
    figures = [f for f in find_figures(text) if f.kind == "figure"]
    roman = [m.group() for m in ROMAN_GRADE.finditer(text)] if ingredient_on("roman_codes") else []
    return roman + [m.group() for m in CODE.finditer(text)
            if not _LATIN_QUANTITY.fullmatch(m.group())
            and not any(m.start() < f.start < m.end() for f in figures)]


def _statement_word(word: str) -> bool:
    """A word jieba guessed to be a name that holds a direction or filler word ("同比增加" tagged as a person):
    it says how a figure went, not whom it is about."""
    return any(d in word for d in (*UP, *DOWN)) or FILLER.search(word) is not None


def name_said(name: str, text: str) -> bool:
    """Whether ``text`` says ``name``: as written or, for a province, by its abbreviation."""
    return place_in(name, text)
