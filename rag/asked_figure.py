"""What kind of figure a question asks for, and whether a passage states one (for the rerank).

"卡嘎镇项目一共装了多少块光伏板" asks for a count of 块, "修6号线花了多少钱" for a sum in 元,
"哪天并网" for a date, "几点出发" for a time of day, "满意的比例有多高" for a percentage.
The paragraph that answers states a figure of that kind ("共安装光伏组件36.2万块"); its
neighbours in the same article often share the question's words but state other figures
("牧草1800亩"). Bigram coverage and the dense legs cannot see this: a question's 多少块 shares
no characters with "36.2万块" beyond 块. The rerank (rag.retrieve) adds a small bonus to a
paragraph that states a figure of the asked kind.

Only what the question's own wording says is read: the unit right after 多少/几 (unless the
stock dictionary makes it the start of a longer word: 多少天然气 asks no number of days), or a
cue for a date, a time of day, a duration, a share, a sum of money or a length. A question
without such a cue gets no pattern, and the term is off for it.
"""
from __future__ import annotations

import re
from functools import lru_cache

_NUMBER = r"(?:(?<![\d.])\d[\d,]*(?:\.\d+)?|[一二两三四五六七八九十百千]+)"
_SCALE = r"(?:余|多|近)?(?:万亿|亿|万|千|百)?(?:余|多)?"

# units of a count or measure, longest first so 人次 is read before 人
_UNITS = sorted(
    (
        "个百分点 人次 场次 架次 车次 班次 册次 辆次 平方公里 平方米 立方米 公顷 公里 千米 千瓦时 千瓦 兆瓦 标箱 公斤 千克 "
        "万元 亿元 元 人 名 位 所 家 项 件 场 条 户 支 座 期 吨 辆 趟 列 个 次 天 岁 倍 份 套 台 处 亩 米 批 班 种 "
        "株 棵 只 头 例 艘 架 栋 间 张 枚 块 部 首 册 篇 幅 匹 双 根 起 宗 单 所 届 轮 颗 盏 根 口 眼 座"
    ).split(),
    key=len,
    reverse=True,
)
# units that count the same things in other words
_SAME_UNITS = {"名": "名|人|位", "人": "人|名|位", "位": "位|名|人", "万元": "元", "亿元": "元", "块": "块|片"}

_COUNT_ASKED = re.compile(r"(?:多少|几)(万亿|亿|万|千|百)?(" + "|".join(map(re.escape, _UNITS)) + ")")
_PEOPLE_COUNTED = re.compile(r"[^，。？！?!,的]{1,8}的人(?![口员才民数次工力气群士家])")
_DURATION_ASKED = re.compile(r"多长时间|多少时间|多久|几个小时|多少小时|多少分钟|几分钟|几个月|多少个月")
_CLOCK_ASKED = re.compile(r"几点|几时(?!候)")
_WEEKDAY_ASKED = re.compile(r"(?:星期|礼拜|周)几")
_YEAR_ASKED = re.compile(r"哪一?年(?!哪|几)")
_MONTH_ASKED = re.compile(r"哪一?个?月(?!份?[哪几])|几月份|哪年哪月|哪年几月")
_DAY_ASKED = re.compile(r"什么时候|什么时间|何时|哪一?天|哪日|几月几[日号]|几号|日期|哪个时间")
_SHARE_ASKED = re.compile(
    r"(?:比例|比重|占比|百分比|[\u4e00-\u9fff]率|满意度|几成|百分之几)[^，。？?]{0,6}?(?:多少|多大|多高|几|怎么样|如何)"
    r"|(?:多少|多大|多高)[^，。？?]{0,2}(?:比例|比重|占比|百分比)|几成|百分之几"
)
_MONEY_ASKED = re.compile(
    r"多少钱|几块钱|多少块钱|(?:花|投|掏|拿出|出|挣|赚|收|卖|补|奖|罚|贷|借|赔|省)(?:了|掉|到|回|入|出)?(?:多少|几)(?:万|亿|千|百)?(?![个名人家项件场条户次天])"
    r"|(?:投资|资金|奖金|费用|经费|收入|产值|营收|营业额|销售额|价格|票价|工资|租金|补贴|补助|预算|成本|造价|利润)"
    r"(?:是|为|有|达到?|一共|共|总共|大概|大约|约|能)*(?:多少|几)(?![个名人家项件场条户次天])"
)
_LENGTH_ASKED = re.compile(r"多长(?!时间|时候)|多高(?!的)|多远|多深|多宽|多厚")
_AREA_ASKED = re.compile(r"面积[^，。？?]{0,4}(?:多少|多大)|多大面积")
_WEIGHT_ASKED = re.compile(r"多重|多少斤")


def _figure(units: str) -> str:
    return _NUMBER + r"\s*" + _SCALE + r"\s*(?:" + units + ")"


_DATE_DAY = r"\d{1,2}月\d{1,2}[日号]|(?<!\d)\d{1,2}[日号](?:[（(]|[上下]午|晚|凌晨|\d{1,2}时)|[初一二三四五六七八九十廿]{2}[日]?[（(]?(?:星期|周)"
_DATE_ANY = r"\d{4}年|\d{1,2}月(?:份|\d{1,2}[日号]|[上中下]旬|底|初|末)?"


def _unit_is_word_start(question: str, unit_end: int, unit: str) -> bool:
    """Whether the unit and the character after it make a longer word (多少天然气: 天然)."""
    if unit_end >= len(question) or len(unit) > 1:
        return False
    from .tokenize import stock_word_frequencies

    return stock_word_frequencies().get(unit + question[unit_end], 0) > 0


@lru_cache(maxsize=4096)
def asked_figure(question: str) -> re.Pattern | None:
    """A pattern of the figures that would answer ``question``, or None when its wording asks for none."""
    text = question or ""
    if _DURATION_ASKED.search(text):
        return re.compile(_figure("分钟|小时|天|个月|周|秒|年(?!\\d)"))
    if _CLOCK_ASKED.search(text):
        return re.compile(r"(?<!\d)\d{1,2}(?:时|点)(?:\d{1,2}分|半)?|(?<!\d)\d{1,2}[:：]\d\d")
    if _WEEKDAY_ASKED.search(text):
        return re.compile(r"星期[一二三四五六日天]|周[一二三四五六日]|礼拜[一二三四五六日天]")
    if _MONTH_ASKED.search(text):
        return re.compile(r"\d{1,2}月")
    if _YEAR_ASKED.search(text):
        return re.compile(r"(?:19|20)\d\d年")
    if _DAY_ASKED.search(text):
        return re.compile(_DATE_DAY + "|" + _DATE_ANY)
    if _SHARE_ASKED.search(text):
        return re.compile(r"\d(?:\.\d+)?\s*[%％]|个百分点|[一二三四五六七八九]成|百分之[一二三四五六七八九十]")
    if _AREA_ASKED.search(text):
        return re.compile(_figure("平方公里|平方米|公顷|亩"))
    if _WEIGHT_ASKED.search(text):
        return re.compile(_figure("吨|公斤|千克|斤|克"))
    if _LENGTH_ASKED.search(text):
        return re.compile(_figure("公里|千米|米|厘米|毫米"))
    for match in _COUNT_ASKED.finditer(text):
        unit = match.group(2)
        if _unit_is_word_start(text, match.end(), unit):
            continue
        if unit == "个" and _PEOPLE_COUNTED.match(text, match.end()):  # "多少个失业的人": people are counted
            unit = "人"
        if unit in ("元", "万元", "亿元"):
            return re.compile(_figure("元"))
        return re.compile(_figure(_SAME_UNITS.get(unit, re.escape(unit))))
    if _MONEY_ASKED.search(text):
        return re.compile(_figure("元"))
    return None


def states_asked_figure(pattern: re.Pattern | None, text: str) -> bool:
    """Whether ``text`` states a figure of the asked kind (False without a pattern)."""
    return pattern is not None and pattern.search(text) is not None
