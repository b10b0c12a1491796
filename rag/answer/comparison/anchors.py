"""What one side of a comparison names (its *anchors*: places, periods, figures, a scope such as 全市) and the measure
left once they are taken out: "祁连县" names a place only (it is *bare*), "城中区的城镇新增就业" a place and a measure.
Also the words of periods and levels of place the other steps of reading a comparison share.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..question import GENERIC_PLACES, analyze_question, pos_cut
from ..settings import ablated


# a scope a side opens with instead of a named place ("全市", "我省")
SCOPE = re.compile(r"^(?:全国|全省|全市|全县|全区|全州|全乡|我省|本省|我国|省内|市内)")
# the scope set against one of those ("省内游客比省外多多少", "市内的快递量和市外的"): a side's own, so it lends none
OUTSIDE = re.compile(r"^(?:省外|市外|县外|区外|境外|国外|境内|域外)(?!.?[县市区镇乡村])")


def scope_of(side: str) -> re.Match | None:
    """The scope ``side`` opens with (全市, 省内, and the ones set against them: 省外, 境外)."""
    return SCOPE.match(side) or (None if ablated("scope_outside") else OUTSIDE.match(side))


# what follows a figure's number in a side ("300万辆", "2047人"): taken out with it
_FIGURE_TAIL = re.compile(r"[万亿]?[^\u4e00-\u9fff\d]*[个名人家项条辆元岁年天次户所座件场批位支吨亩套台处期倍单份]?")


@dataclass(frozen=True)
class Anchors:
    entities: tuple[str, ...]
    times: tuple[str, ...]
    figures: tuple[str, ...]
    scope: str
    measure: str  # what is left once the anchors are taken out: "城镇新增就业"
    bare: bool  # the side names only anchors, no measure of its own ("祁连县", "2024年", "超300万辆的")


# a range of months as news writes it ("1至10月", "1—11月", "前10个月", "前十个月"): one period, its numbers no figure
MONTH_RANGE = re.compile(r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?:月份?)?(?:至|到|-|—|－|～|~)(?:\d{1,2}|[一二三四五六七八九十]{1,3})月份?"
                         r"|前(?:\d{1,2}|[一二两三四五六七八九十]{1,3})个?月")


def read_anchors(side: str) -> Anchors:
    """The anchors ``side`` names and the measure left besides them."""
    analysis = analyze_question(side)
    figures = tuple(written for written, _ in analysis.figures)
    scope = scope_of(side)
    rest = side
    ranges = () if ablated("range_anchor") else tuple(m.group() for m in MONTH_RANGE.finditer(side))
    if ranges:
        # "1至10月城中区的…": the range is the side's period; its 1 and 10 are no figure, 至 and 前…个 no measure
        for phrase in ranges:
            rest = rest.replace(phrase, "")
        figures = tuple(f for f in figures if f in rest)
    for word in analysis.entities + analysis.time_terms + analysis.soft_time_terms:
        rest = rest.replace(word, "")
    for written in figures:
        rest = re.sub(re.escape(written) + _FIGURE_TAIL.pattern, "", rest)
    rest = SCOPE.sub("", rest)
    rest = rest if ablated("scope_outside") else OUTSIDE.sub("", rest)
    rest = re.sub(r"[的之地得]|超过|超|不足|以上|以下|左右|那个|这个|那|这|时候?|期间|当年|那年|现在|目前|当前|如今|眼下", "", rest)
    rest = rest if ablated("anchor_kind") else rest.replace("全年", "")  # "2024年全年" names a period only
    rest = "".join(w for w, _ in pos_cut(rest) if w not in GENERIC_PLACES) if rest else ""
    times = analysis.time_terms + tuple(r for r in ranges if not any(t in r for t in analysis.time_terms))
    return Anchors(analysis.entities, times, figures, scope.group(0) if scope else "", rest, len(rest) < 2)


# a period as a whole phrase ("今年1至9月", "2024年全年", "现在"): a side naming another period replaces all of it
PERIOD = re.compile(
    r"(?:(?:\d{4}|今|去|明|前|当)年度?|全年|上半年|下半年|前三季度|第?[一二三四1-4]季度|年初|年底|年末"
    r"|\d{1,2}(?:月份?)?(?:至|到|-|—|～)\d{1,2}月份?|\d{1,2}月份?|\d{1,2}[日号]|现在|目前|当前|如今|眼下)+"
)


def period_phrase(text: str) -> str:
    """The first period phrase of ``text`` ("" when none)."""
    match = PERIOD.search(text)
    return match.group() if match else ""


TIME_ENDINGS = ("假期", "期间", "时期", "节", "季度", "年", "月", "日", "以来", "年初", "年底", "年末", "月底", "上半年", "下半年")


def is_time_word(word: str, flag: str) -> bool:
    """A word naming a period: jieba's time tags, or a period's ending ("春节假期", "一季度")."""
    return flag in ("t", "tg", "mq") or (len(word) >= 2 and word.endswith(TIME_ENDINGS))


# levels of place or body a name ends with (县, 市, 所, 局): "海安市", "寨蒿镇"
NAME_LEVELS = "省市县区州镇乡村旗所局院厂站馆"


def times_named(text: str) -> tuple[str, ...]:
    """The periods the question analysis reads in ``text`` (firm and soft ones)."""
    analysis = analyze_question(text)
    return analysis.time_terms + analysis.soft_time_terms
