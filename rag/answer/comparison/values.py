"""A side's value read and compared: a figure (by ``rag.numbers``, with its scale and unit, a time written in parts
in seconds) or a date; whether two units measure one kind of thing; the difference of two figures written as the
text writes figures, and of two dates in the unit asked.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ...numbers import figures_in
from ..question import SAID_BY_UNIT
from ..settings import ablated
from ..spans import duration_seconds, duration_text


@dataclass(frozen=True)
class Figure:
    value: Decimal
    written: str  # the span as the text has it: "2047人"
    scale: str  # "万" / "亿" when the text writes the number with one
    unit: str  # what follows the number: "人", "家", "万辆" → "辆"
    duration: bool = False  # a time written in parts ("2小时08分41秒"), its value in seconds


def figure_of(short: str | None) -> Figure | None:
    if not short:
        return None
    seconds = duration_seconds(short)
    if seconds is not None:
        return Figure(Decimal(str(seconds)), short, "", "秒", True)
    found = figures_in(short)
    if not found:
        return None
    written, value = found[0]
    scale = written[-1] if written[-1] in "万亿" else ""
    tail = short[short.find(written) + len(written):] if written in short else ""
    unit = re.sub(r"^[余多]|(?:以上|以下|左右)$", "", tail).strip()
    return Figure(value, short, scale, unit)


_DATE_PARTS = re.compile(r"(?:(\d{4})年)?(?:(\d{1,2})月)?(?:(\d{1,2})[日号])?")


def date_key(short: str | None) -> tuple[int, int, int] | None:
    """(year, month, day) of a date span, 0 for a part it leaves out."""
    for match in _DATE_PARTS.finditer(short or ""):
        if any(match.groups()):
            year, month, day = (int(g) if g else 0 for g in match.groups())
            return (year, month, day)
    return None


def comparable_dates(a: tuple[int, int, int], b: tuple[int, int, int]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The parts both dates state, from the year down: "3月1日" and "2026年3月20日" compare by month and day."""
    parts = [i for i in range(3) if a[i] and b[i]]
    if parts and parts != list(range(parts[0], parts[-1] + 1)):
        parts = parts[:1]
    return tuple(a[i] for i in parts), tuple(b[i] for i in parts)


def date_difference(a: tuple[int, int, int], b: tuple[int, int, int], unit: str) -> str | None:
    """How far apart two dates are, in the unit asked (年/月/天) or the finest both state."""
    if unit.startswith("年") or not (a[1] and b[1]):
        return f"{abs(a[0] - b[0])}年" if a[0] and b[0] else None
    if unit.endswith("月") or not (a[2] and b[2]):
        if not (a[0] and b[0]) and a[0] != b[0]:
            return None
        return f"{abs((a[0] * 12 + a[1]) - (b[0] * 12 + b[1]))}个月"
    if (a[0] == 0) != (b[0] == 0):
        return None
    year = 2000  # a leap year, for dates that state no year
    days = abs((date(a[0] or year, a[1], a[2]) - date(b[0] or year, b[1], b[2])).days)
    if unit or days < 365:
        return f"{days}天"
    early, late = sorted((a, b))
    months = (late[0] - early[0]) * 12 + late[1] - early[1] - (late[2] < early[2])  # whole months
    return f"{months // 12}年" + (f"{months % 12}个月" if months % 12 else "") + f"（{days}天）"


def plain(value: Decimal) -> str:
    value = value.quantize(Decimal("0.01")) if value != value.to_integral() else value
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


_SCALE_VALUE = {"亿": Decimal(10**8), "万": Decimal(10**4), "": Decimal(1)}


def in_unit_asked(figure: str, unit: str) -> str:
    """``figure`` with the ``unit`` a question asked in ("多几件": 172项 and 74件 differ by 98件) when it has no unit
    of its own (a bare number, perhaps with 万/亿)."""
    return figure + unit if unit and re.fullmatch(r"[\d.]+[万亿]?", figure) else figure


def difference_text(a: Figure, b: Figure) -> str:
    """|a - b| written as the text writes figures: in the smaller of the two scales ("4.69亿辆" and
    "1293万辆" differ by "45607万辆"), with their unit when they share one."""
    difference = abs(a.value - b.value)
    if a.duration or b.duration:  # "2小时08分41秒" and "2小时10分05秒" differ by "1分24秒"
        return duration_text(float(difference)) if a.duration and b.duration else ""
    scale = min(a.scale, b.scale, key=lambda s: _SCALE_VALUE[s])
    people = ("人", "名")  # "38名" and "56人" are both people
    unit = a.unit if a.unit == b.unit or not b.unit else "人" if a.unit in people and b.unit in people else ""
    if unit in ("%", "％"):  # two rates differ by percentage points: 18.2% and 12.3% by 5.9个百分点
        unit = "个百分点"
    return f"{plain(difference / _SCALE_VALUE[scale])}{scale}{unit}"


_SHARE = 1  # the index in _MEASURES of shares and rates
_MEASURES = (("元",), ("%", "％", "个百分点", "成"), ("公里", "千米", "米"), ("平方公里", "平方米", "公顷", "亩"))


def measure_of(unit: str) -> int:
    """Which kind of measure a unit is: money, a share, a length, an area, or (-1) a count."""
    unit = unit.lstrip("万亿千百")
    return next((i for i, units in enumerate(_MEASURES) if unit in units or unit.endswith(units[0])), -1)


# a count of times (人次, 车次, 架次, 次) counts visits or trips, never the things or people themselves
_TIMES = "次"


# a question naming its counts itself ("人次，哪个更多", "哪个人数多", "场次和…份数") compares them as asked
_COUNTS_NAMED = re.compile(r"次|人数|数量|个数|份数|件数")


def comparable_units(a: str, b: str, question: str = "") -> bool:
    """Counts compare with counts ("12座" and "28个", "5.59亿人" and "4.69亿辆"), money with
    money; "103万元" and "247人" do not compare, nor, when the question asks one measure of both
    ("日均客运量…是轨道交通的几倍") without naming its counts, a count of times with a count of things or
    people ("118.6万人次" and "5条": trips are no lines, visits no visitors)."""
    if not ablated("times_unit") and question and not _COUNTS_NAMED.search(question) \
            and measure_of(a) == measure_of(b) == -1 \
            and a.rstrip("左右以上余多").endswith(_TIMES) != b.rstrip("左右以上余多").endswith(_TIMES):
        return False
    return measure_of(a) == measure_of(b)


def unit_of_other_measure(asked: str, unit: str) -> str | None:
    """The measure a unit says by itself (吨 a weight, 亩 an area, 公里 a length) when ``asked`` (the compared measure)
    names another such measure and not that one: "37.5万吨" read for 播种面积 (a roundup's later item, "南岗县37.5万吨；",
    leaves out its measure, 粮食产量) says a weight, no area, so it answers nothing asked. Shares and rates (程度) are
    left out: a rate of an area ("面积增长3%") is one of the asked measure's. None when the unit may be the asked
    measure's, says no measure, or the question names none."""
    if ablated("unit_of_other_measure"):
        return None
    unit = unit.lstrip("万亿千百").rstrip("左右以上余多")
    named = [word for word, units in SAID_BY_UNIT.items() if word in asked and "%" not in units]
    if not named or any(unit in SAID_BY_UNIT[word] for word in named):
        return None
    return next((word for word, units in SAID_BY_UNIT.items() if unit in units and "%" not in units), None)


def gap_against_rate(a: str, b: str) -> bool:
    """"增长4.6%" against "高于…3.5个百分点": one unit a rate or share, the other a gap between two rates, which is
    none (the gap's sentence states no rate of the side asked)."""
    return not ablated("points_not_rate") and measure_of(a) == measure_of(b) == _SHARE \
        and a.endswith("百分点") != b.endswith("百分点")
