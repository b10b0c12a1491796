"""Figures as news text states them, with unit and qualifier: "超过300家", "2.46万单", "3792.64万元",
"两千零四十七人", "37%", "1925年8月", "3月20日".

The same reader runs over a draft and over the articles, so both sides are read alike; numerals are
read by value with ``rag.numbers``.
"""
from __future__ import annotations

import contextlib
import contextvars
import re
from dataclasses import dataclass
from decimal import Decimal

from ..calendar_words import FRAME_前
from .ablation import ingredient_on
from ..numbers import ARABIC_NUMBER, CHINESE_NUMERAL, number_values, values_in

_CN_DIGITS_ALL = "〇零一二三四五六七八九"
# Longest first, so "人次" wins over "人" and "万元" is read as scale + "元".
UNITS = sorted(
    """个百分点 百分点 人次 户次 场次 班次 万人次 个工作日 工作日 个月 个小时 公里 千米 公顷 平方米 平方公里 小时 分钟 周岁 千克 公斤 克 美元 欧元 毫米 厘米
    元 人 名 位 家 个 项 条 辆 单 场 期 件 份 所 座 支 吨 亩 米 户 次 倍 岁 天 年 批 台 套 处 篇 种 类 省 城市 个城市
    间 块 张 首 部 起 根 株 只 头 棵 村 乡镇 网点 站点 班 枚 艘 架 栋 幢 层 盏 册 千瓦时 千瓦 兆瓦时 兆瓦 吉瓦时 吉瓦 立方米 标箱 平方千米 千公顷""".split()
    # trains, pairs of trains, trips and passages: "加开旅客列车412列", "动车组由每日38对增加到52对", "412.6万辆次"
    + ("列 对 趟 辆次 架次 艘次 车次".split() if ingredient_on("count_units") else [])
    # the other counters a news figure is written with: cases ("手术137例"), legal cases and lots ("案件463宗"), wells and
    # cages ("机井326眼", "网箱1500口") and catties ("亩产436斤")
    + ("例 宗 口 眼 斤".split() if ingredient_on("classifier_units") else []),
    key=len,
    reverse=True,
)
# Units that count the same thing: "342名" and "342人" state one fact.
UNIT_CLASS = {"名": "人", "位": "人", "人": "人", "百分点": "个百分点", "个城市": "城市", "千米": "公里", "公斤": "千克",
              "个工作日": "工作日", "个小时": "小时", "平方千米": "平方公里"}
GENERIC_UNIT = "个"  # "11个" may count stations as well as "11座" does

LOWER = "lower"  # the value or more: 超过, 以上, 余, 多
UPPER = "upper"  # the value or less: 不到, 不足, 以下
NEAR = "near"  # a little under: 近, 将近, 接近
ABOUT = "about"  # around: 约, 左右
EXACT = "exact"
QUALIFIERS_BEFORE = {
    "不得低于": LOWER, "不得少于": LOWER, "不得超过": UPPER, "不高于": UPPER, "不多于": UPPER, "不低于": LOWER, "不少于": LOWER, "至少": LOWER, "超过": LOWER, "多于": LOWER, "高于": LOWER, "突破": LOWER,
    "逾": LOWER, "超": LOWER, "不到": UPPER, "不足": UPPER, "少于": UPPER, "低于": UPPER, "不超过": UPPER,
    "最多": UPPER, "将近": NEAR, "接近": NEAR, "近": NEAR, "大约": ABOUT, "约为": ABOUT, "约": ABOUT,
}
QUALIFIERS_AFTER = {"以上": LOWER, "之上": LOWER, "余": LOWER, "多": LOWER, "以下": UPPER, "左右": ABOUT, "上下": ABOUT}

_CN = CHINESE_NUMERAL
# A number starts where its run of numerals starts (a match inside a run is refused below by _NOT_AFTER
# anyway): without the look-behinds a long run that fails to match is retried at each of its characters,
# in time quadratic in the run.
_CN_START = f"(?<![{CHINESE_NUMERAL[1:].split(']')[0]}万亿])"
_NUM = f"(?:{ARABIC_NUMBER.pattern}|{_CN_START}{_CN}点[{_CN_DIGITS_ALL}]+|{_CN_START}{_CN})"
_PERCENT_WORDS = re.compile(f"(?P<before>{'|'.join(sorted(QUALIFIERS_BEFORE, key=len, reverse=True))})?(?:百分之(?P<pct>{ARABIC_NUMBER.pattern}|{CHINESE_NUMERAL}(?:点[〇零一二三四五六七八九]+)?)|(?P<tenths>[一两二三四五六七八九])成(?![为立功绩效果本])(?P<fifth>[一二三四五六七八九半](?![0-9一二三四五六七八九十百千万亿个年月日天人名家项元成倍%％]))?(?P<after>以上|以下|左右|多)?|(?P<half>过半|一半|半数)(?P<hafter>以上|以下|左右)?)")  # 一半/半数: 50%
_BEFORE = "|".join(sorted(QUALIFIERS_BEFORE, key=len, reverse=True))
_FRACTION_DENOMINATORS = "二三四五六七八九十"
# a share told as a fraction: "四分之一" (25%), "近三分之一"; never 百分之 (a percentage, read above)
# the whole denominator, never its last character: "二十分之一" is 5%, "十二分之一" 8.3%, "近三十分之一" near 3.3%
_FRACTION = re.compile(f"(?P<before>{_BEFORE})?(?<![百一二三四五六七八九十])(?P<whole>[二三四五六七八九]?十[一二三四五六七八九]?|[{_FRACTION_DENOMINATORS}])"
                       "分之(?P<part>[一二三四五六七八九])(?P<after>以上|以下|左右|多)?")
_UNIT = "|".join(map(re.escape, UNITS))
_FIGURE = re.compile(
    f"(?P<before>{_BEFORE})?(?P<num>{_NUM})(?:(?P<mid0>[余多])(?=[万亿]))?(?P<scale>\\s?(?:万亿|[万亿千])(?![米克瓦]))?(?P<mid>[余多])?"
    f"(?P<unit>%|％|{_UNIT})(?P<after>以上|之上|以下|左右|上下)?"
)
_CN_DIGITS = "〇零一二三四五六七八九"
# A rank is a figure of its own: "农产品出口额居全省第2位", "增速位列全市第一", "居全市首位", "位居各港区之首". It is read only
# after a verb of ranking in its clause, so "第三届" and "第一书记" stay words; its value is the place in the ranking, its unit
# RANK_UNIT, which no count shares.
RANK_UNIT = "位次"
RANK_VERB = r"(?:居|位居|位列|名列|排名|排在|排|列)"
_RANK = re.compile(
    rf"{RANK_VERB}[^，,。；;：:、\d第首]{{0,14}}?"
    rf"(?P<rank>第(?P<num>\d{{1,2}}|[一二三四五六七八九十]{{1,2}})(?:位|名)?(?![一二三四五六七八九十\d届次批期年季个天号条款项章节轮代])|首位|之首|榜首)"
    "|(?P<first>居首)")


_RANKS_READ = contextvars.ContextVar("ranks_read", default=True)


@contextlib.contextmanager
def ranks_unread():
    """Read figures as if no rank were one (a claim's sentence whose rank the articles do not tell is read as before)."""
    token = _RANKS_READ.set(False)
    try:
        yield
    finally:
        _RANKS_READ.reset(token)


def _rank_figures(text: str) -> list["Figure"]:
    """The ranks of ``text`` (see _RANK): 第2位, 第一, 首位, 之首, 居首 after a verb of ranking."""
    ranks = []
    for match in _RANK.finditer(text):
        group = "first" if match.group("first") else "rank"
        num = match.group("num")
        if num is None:
            value = Decimal(1)
        elif num.isdigit():
            value = Decimal(num)
        else:
            values = values_in(num)
            if len(values) != 1:
                continue
            value = next(iter(values))
        start, end = match.start(group), match.end(group)
        ranks.append(Figure(start, end, text[start:end], "figure", value, RANK_UNIT, EXACT, str(value)))
    return ranks


# 亿 and 万 parts of one amount in Arabic digits: "3亿5000万元" is 350000000, "1亿5千万元" 150000000 (never 3亿 alone)
_YI_WAN = re.compile(
    f"(?P<before>{_BEFORE})?(?<![\\d.,])(?P<yi>\\d+)亿(?P<wan>\\d{{1,4}}|\\d千)万(?P<mid>[余多])?(?P<unit>{_UNIT})?"
)
_DISTANT_QUALIFIER = re.compile(
    r"(?P<q>(?<![节制签预契])约(?:占|为|有|合)|不得低于|不低于|不得超过|不超过|不得少于|不少于)[^，,。；;、\d]*的$"
)
# a share told of a whole named between ("已超过计划的九成", "接近全市的一半"): only before a share word, whose "的" names the whole
_DISTANT_SHARE_QUALIFIER = re.compile(r"(?P<q>超过|接近|将近|不到|不足)[^，,。；;、\d]{1,12}的$|(?P<q2>约占)$")


# a qualifier and 了 before the figure: "观看量超过了45万人次", "人均消费突破了一千元" (switch ``qualifier_le``)
_QUALIFIER_LE = re.compile(r"(?P<q>超过|突破|接近|将近|多于|高于|少于|低于|不足|不到)了$")


def _distant_qualifier(text: str, start: int, share: bool = True) -> str | None:
    """The qualifier of a figure stated before the whole it is a share of: "约占汽车总量的12%" (约), "超过计划的九成"
    (``share``: the figure is a share, a % or a 成); or before 了 right before it, "超过了45万人次"."""
    before = text[max(0, start - 20): start]
    le = _QUALIFIER_LE.search(before) if ingredient_on("qualifier_le") else None
    if le:
        return QUALIFIERS_BEFORE[le.group("q")]
    distant = _DISTANT_QUALIFIER.search(before)
    if distant:
        return ABOUT if distant.group("q")[0] == "约" else QUALIFIERS_BEFORE[distant.group("q")]
    found = _DISTANT_SHARE_QUALIFIER.search(before) if share else None
    if found is None:
        return None
    return ABOUT if found.group("q2") else QUALIFIERS_BEFORE[found.group("q")]  # "约占三分之一"


# an order of magnitude told in words (switch ``order_words``): "数十家" (several tens: 20 to 100), "上万人次" (ten thousand or
# more, under a hundred thousand), and a bare 万 or 亿 qualified: "近万人", "逾万名", "万余人", "超亿元" (a bare "万人" is a word)
_ORDER_WORD = re.compile(f"(?P<before>{_BEFORE})?(?P<order>[数上])?(?P<num>[十百千]?[万亿]|[十百千])(?P<mid>[余多])?(?P<unit>{_UNIT})")
_NUMERAL_BEFORE = re.compile(r"[\d.,〇零一二两三四五六七八九十百千万亿]")
ORDER_SEVERAL, ORDER_UP_TO = "数", "上"  # "数十": 2 to 10 times the order named; "上百": 1 to 10 times


def _several_word(text: str, at: int) -> bool:
    """Whether the 数 at ``at`` means "several" ("吸引数万名游客"), not the end of a noun ("人数", "总数十万" is 总数 + 十万)."""
    if at == 0 or text[at - 1] in "有了达近约共及和、，,。；;：:（(“ ":
        return True
    from ..places import in_dictionary  # jieba's stock dictionary: "人数", "总数", "户数" are words

    return not in_dictionary(text[at - 1: at + 1])


def _order_figures(text: str) -> list["Figure"]:
    found = []
    for match in _ORDER_WORD.finditer(text):
        order, num = match.group("order"), match.group("num")
        start = match.start("order") if order else match.start("num")
        if start and _NUMERAL_BEFORE.match(text, start - 1):
            continue  # inside a longer numeral: "一万人", "三千亿元", "成千上万"
        if order == ORDER_SEVERAL and not _several_word(text, start):
            continue
        if not order and (num not in ("万", "亿") or not (match.group("before") or match.group("mid"))):
            continue  # "百余名", "近百万件" are read as numerals (below); a bare "万人" is a word
        value = {Decimal(10 ** 4)} if num == "万" else {Decimal(10 ** 8)} if num == "亿" else values_in(num)
        if len(value) != 1:
            continue
        before = match.group("before")
        qualifier = (QUALIFIERS_BEFORE[before] if before else QUALIFIERS_AFTER[match.group("mid")] if match.group("mid")
                     else LOWER)
        begin = match.start("before") if before else start
        found.append(Figure(begin, match.end(), text[begin: match.end()], "figure", next(iter(value)), match.group("unit"),
                            qualifier, num))
    return found


# a doubling told as 翻番: "翻了一番" (one 倍 more, 100%), "翻两番" (three 倍 more: four times), "翻番" (one); the figure is the
# count of 番 ("一番"; the 番 of a bare "翻番"), so its label keeps the verb "翻" that says it rose (switch ``double_words``)
_DOUBLED = re.compile(f"(?P<before>{_BEFORE})?翻了?(?P<num>(?P<times>[一两二三四])番|(?<=翻)番)(?![号茄薯邦])")


def _doubled_figures(text: str) -> list["Figure"]:
    found = []
    for match in _DOUBLED.finditer(text):
        if match.group("before"):
            continue  # "接近翻了一番" rounds a ratio the article seldom states (it gives "由1800个增加到3500个"): no figure of its own
        doublings = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4}.get(match.group("times") or "一", 1)
        start, end = match.start("num"), match.end("num")
        value = Decimal(2 ** doublings - 1)
        found.append(Figure(start, end, text[start:end], "figure", value, "倍", EXACT, str(value)))
    return found


_YEAR = f"(?:(?:19|20)\\d{{2}}|[{_CN_DIGITS}]{{4}})年"
_MONTH = f"(?:1[0-2]|0?[1-9]|十[一二]?|[{_CN_DIGITS[2:]}])月"
_DAY = f"(?:[12]\\d|3[01]|0?[1-9]|[二三]?十[一二三四五六七八九]?|[{_CN_DIGITS[2:]}])日"
_DATE = re.compile(f"(?P<year>{_YEAR})?(?P<month>{_MONTH})?(?P<day>{_DAY})?(?<=[年月日])")
# A figure never starts inside a longer number or word numeral: "一万二千亩" is read whole.
# the end of a range of days written with its month once: "10月10日至18日" (18日 is 10月18日)
_RANGE_MARK = "至到—–-~～"
# a duration in years is a figure ("期限最长可达30年", "已有70多年历史"), not a year ("1850年", "80年代", "3年级", "25年一季度")
# nor a time frame other figures are told in ("连续2年未发生…", "前2年内", "近5年来", "3年后")
_NOT_DURATION = re.compile(r"[代级度初底末内来间前后]|第?[一二三四1-4首]季度|[上下]半年|\d{1,2}月|以[来内后前]|之[内后前间]")
_TIME_FRAME_BEFORE = re.compile(f"(?:连续|{FRAME_前}|近|过去|未来|今后|此后|这|最近|头)$")
# (months: "连续3个月增长" states a duration, "前10个月" is the period of the year so far)
_MONTHS_FRAME_BEFORE = re.compile(f"(?:{FRAME_前}|近|过去|最近|头)$")
_CLAIM_MONTHS_FRAME_BEFORE = re.compile(f"(?:{FRAME_前}|近|过去|最近|头|首)$")  # a claim's "首3个月" too (claims.months_period)


def months_frame(text: str, at: int, first: bool = False) -> bool:
    """The count of months at ``at`` follows 前/近/过去/头 ("前10个月", "近3个月", "头十个月"; with ``first`` 首 too,
    "首3个月"): the months the figures after it are told for, not a duration stated."""
    frame = _CLAIM_MONTHS_FRAME_BEFORE if first else _MONTHS_FRAME_BEFORE
    return frame.search(text[max(0, at - 3):at]) is not None
_NOT_AFTER = re.compile(r"[\d.," + CHINESE_NUMERAL[1:].split("]")[0] + "万亿]")  # the character before a bare number


@dataclass(frozen=True)
class Figure:
    """One figure of a text: offsets of the whole written form (qualifiers included) and its reading."""

    start: int
    end: int
    written: str
    kind: str  # "figure" | "date"
    value: Decimal | tuple  # a Decimal, or (year, month, day) with None for a part not stated
    unit: str  # as written ("人", "元", "%"); "" for a date
    qualifier: str = EXACT
    mantissa: str = ""  # the number as written without scale, e.g. "3792.64" of "3792.64万元"

    @property
    def unit_class(self) -> str:
        return UNIT_CLASS.get(self.unit.replace("％", "%"), self.unit.replace("％", "%"))


# "66万", "223.6万": a scaled number without a unit is a figure too, its unit left to the words around it
# (Arabic digits only: "千万" and "十万火急" are words)
_BARE_SCALED = re.compile(f"(?P<before>{_BEFORE})?(?P<num>(?<![\\d,.])\\d[\\d,]*(?:\\.\\d+)?)(?P<scale>\\s?(?:万亿|[万亿]))(?P<mid>[余多])?")
BARE_UNIT = ""
# "为期六天": after these words a single numeral counts ("为期六天" is six days, "一人" is a word)
_COUNTING = re.compile(r"(?:为期|历时|持续|用时|耗时)$")


def _number_value(num: str, scale: str | None, counted: bool = False) -> Decimal | None:
    """The value of a written number; ``counted``: a qualifier or 倍 makes even "一" a figure ("不低于一倍")."""
    if "点" in num and not num.startswith("点"):  # "六点八" is 6.8
        whole, _, fraction = num.partition("点")
        whole_values = values_in(whole) if whole not in ("零", "〇") else {Decimal(0)}
        if len(whole_values) != 1:
            return None
        digits = "".join(str(max(0, "〇零一二三四五六七八九".index(ch) - 1)) for ch in fraction)
        value = Decimal(f"{int(next(iter(whole_values)))}.{digits}")
        return value * {"万": Decimal(10**4), "亿": Decimal(10**8), "千": Decimal(1000), "万亿": Decimal(10**12)}[scale.strip()] if scale else value
    plain = num.replace(",", "")
    match = ARABIC_NUMBER.fullmatch(plain)
    if not match and scale and scale.strip() in "万亿" and "亿" in num:
        # "一亿五千" + "万" is one numeral, 1亿 and 5000万 (150000000), never (1亿 + 5000) × 1万
        whole = values_in(num + scale.strip())
        return next(iter(whole)) if len(whole) == 1 else None
    if match:
        value = Decimal(plain)
    else:
        values = values_in(num)
        if len(values) != 1:
            return None
        value = next(iter(values))
        if value < 10 and len(num) == 1 and not scale and not counted:
            return None  # "一人", "三届", "五个认同": a single numeral is a word here, not a figure
    if scale:
        value *= {"万": Decimal(10**4), "亿": Decimal(10**8), "千": Decimal(1000), "万亿": Decimal(10**12)}[scale.strip()]
    return value


def _date_part(text: str | None) -> int | None:
    if not text:
        return None
    digits = text[:-1]
    if digits.isdigit():
        return int(digits)
    value = values_in(digits)
    return int(next(iter(value))) if len(value) == 1 else None


MAX_DIGITS = 24  # no figure of news text runs longer: a longer run of digits is no figure, and reading it is bounded
LONG_NUMBER = re.compile(r"\d[\d,.]{%d,}" % (MAX_DIGITS - 1))


def find_figures(text: str) -> list[Figure]:
    """Every figure and date of ``text``, in order, none overlapping (none in a run of more than MAX_DIGITS digits, which
    would cost each pattern time in the square of its length)."""
    if LONG_NUMBER.search(text):
        text = LONG_NUMBER.sub(lambda m: "#" * len(m.group()), text)  # same offsets, nothing to read there
    found: list[Figure] = []
    taken = [False] * (len(text) + 1)
    for match in _DATE.finditer(text):
        if not match.group():
            continue
        value = (_date_part(match.group("year")), _date_part(match.group("month")), _date_part(match.group("day")))
        if match.group("year") is None and match.group("month") is None:
            # a bare "26日" says too little to check, unless it ends a range whose start gives its month
            start = found[-1] if found and found[-1].kind == "date" else None
            if (start is None or start.value[1] is None or start.value[2] is None or match.start() != start.end + 1
                    or text[start.end] not in _RANGE_MARK or value[2] is None):
                continue
            value = (start.value[0], start.value[1], value[2])
        elif match.start() and _NOT_AFTER.match(text, match.start() - 1):
            continue
        found.append(Figure(match.start(), match.end(), match.group(), "date", value, ""))
        for i in range(match.start(), match.end()):
            taken[i] = True
    if ingredient_on("rank") and _RANKS_READ.get():
        for rank in _rank_figures(text):
            if not any(taken[rank.start: rank.end]):
                found.append(rank)
                for i in range(rank.start, rank.end):
                    taken[i] = True
    for match in _PERCENT_WORDS.finditer(text):  # "百分之百", "八成以上"
        if match.group("pct"):
            value = _number_value(match.group("pct"), None) if match.group("pct") != "百" else Decimal(100)
        elif match.group("half"):
            value = Decimal(50)
        else:
            value = Decimal(10 * "一二三四五六七八九".index(match.group("tenths").replace("两", "二")) + 10)
            if match.group("fifth"):  # "三成五" is 35%, "一成半" 15%
                value += Decimal(5) if match.group("fifth") == "半" else Decimal("一二三四五六七八九".index(match.group("fifth")) + 1)
        if value is None:
            continue
        qualifier = QUALIFIERS_BEFORE[match.group("before")] if match.group("before") else LOWER if match.group("half") == "过半" else (
            QUALIFIERS_AFTER.get(match.group("after") or match.group("hafter") or "", EXACT))
        if qualifier == EXACT:  # "约占全市的三成", "已超过计划的九成": the qualifier stands before what the share is of
            qualifier = _distant_qualifier(text, match.start()) or EXACT
        found.append(Figure(match.start(), match.end(), match.group(), "figure", value, "%", qualifier, str(value)))
        for i in range(match.start(), match.end()):
            taken[i] = True
    for match in _FRACTION.finditer(text):  # "近四分之一", "三分之一以上": a share
        if any(taken[match.start(): match.end()]):
            continue
        value = Decimal("一二三四五六七八九".index(match.group("part")) + 1) / next(iter(values_in(match.group("whole")))) * 100
        qualifier = QUALIFIERS_BEFORE[match.group("before")] if match.group("before") else (
            QUALIFIERS_AFTER.get(match.group("after") or "", EXACT))
        if qualifier == EXACT:
            qualifier = _distant_qualifier(text, match.start()) or EXACT
        found.append(Figure(match.start(), match.end(), match.group(), "figure", value, "%", qualifier, str(value)))
        for i in range(match.start(), match.end()):
            taken[i] = True
    if ingredient_on("order_words"):
        for ordered in _order_figures(text):  # "数十家", "上万人次", "近万人", "万余人"
            if not any(taken[ordered.start: ordered.end]):
                found.append(ordered)
                for i in range(ordered.start, ordered.end):
                    taken[i] = True
    if ingredient_on("double_words"):
        for doubled in _doubled_figures(text):  # "翻了一番", "翻两番"
            if not any(taken[doubled.start: doubled.end]):
                found.append(doubled)
                for i in range(doubled.start, doubled.end):
                    taken[i] = True
    for match in _YI_WAN.finditer(text):
        if any(taken[match.start(): match.end()]):
            continue
        wan = int(match.group("wan")[0]) * 1000 if match.group("wan").endswith("千") else int(match.group("wan"))
        value = Decimal(int(match.group("yi")) * 10**8 + wan * 10**4)
        qualifier = QUALIFIERS_BEFORE[match.group("before")] if match.group("before") else (
            QUALIFIERS_AFTER[match.group("mid")] if match.group("mid") else EXACT)
        found.append(Figure(match.start(), match.end(), match.group(), "figure", value, match.group("unit") or BARE_UNIT, qualifier,
                            str(int(match.group("yi")) * 10**4 + wan)))  # in 万, as "35000万" would be
        for i in range(match.start(), match.end()):
            taken[i] = True
    for match in _FIGURE.finditer(text):
        num_start = match.start("num")
        if any(taken[match.start(): match.end()]):
            continue
        if num_start and (_NOT_AFTER.match(text, num_start - 1) or text[num_start - 1] == "第"):
            continue  # inside a longer number, or an ordinal ("第三届")
        counted = bool(match.group("before")) or match.group("unit") == "倍" or bool(_COUNTING.search(text[max(0, num_start - 2):num_start]))
        value = _number_value(match.group("num"), match.group("scale"), counted)
        if value is None:
            continue
        if match.group("unit") == "年" and (re.fullmatch(r"\d{3,4}", match.group("num")) or _NOT_DURATION.match(text, match.end())
                                             or _TIME_FRAME_BEFORE.search(text[max(0, match.start() - 3):match.start()])):
            continue  # a year, a decade, a grade or a time frame, not a duration stated
        if match.group("unit") == "个月" and months_frame(text, match.start()):
            continue  # "前10个月", "近3个月": the months the figures after it are told for, not a duration stated
        qualifier = _distant_qualifier(text, match.start(), match.group("unit") in "%％") or EXACT  # "约占汽车总量的12%", "不得低于施工合同额的0.5%"
        if match.group("before"):
            qualifier = QUALIFIERS_BEFORE[match.group("before")]
        elif match.group("mid") or match.group("mid0") or match.group("after"):  # "1400余万元": 余 before the scale
            qualifier = QUALIFIERS_AFTER[match.group("mid") or match.group("mid0") or match.group("after")]
        unit = match.group("unit")
        found.append(Figure(match.start(), match.end(), match.group(), "figure", value, "%" if unit == "％" else unit, qualifier, match.group("num")))
    for match in _BARE_SCALED.finditer(text):
        if any(f.start < match.end() and match.start() < f.end for f in found) or any(taken[match.start(): match.end()]):
            continue
        num_start = match.start("num")
        if num_start and _NOT_AFTER.match(text, num_start - 1):
            continue
        value = _number_value(match.group("num"), match.group("scale"))
        if value is None:
            continue
        qualifier = QUALIFIERS_BEFORE[match.group("before")] if match.group("before") else (
            QUALIFIERS_AFTER[match.group("mid")] if match.group("mid") else EXACT)
        found.append(Figure(match.start(), match.end(), match.group(), "figure", value, BARE_UNIT, qualifier, match.group("num")))
    found.sort(key=lambda f: f.start)
    return found


def plain_number_values(text: str) -> set[Decimal]:
    """Values of any number in ``text`` (for comparing a found figure with a reference value)."""
    values: set[Decimal] = set()
    for match in ARABIC_NUMBER.finditer(text):
        values |= number_values(match, text)
    return values | values_in(text)
