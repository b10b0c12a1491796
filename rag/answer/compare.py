"""Comparison questions: "A和B哪个更多/更早", "A和B谁…多", "A比B多多少".

A comparison is answered from two ordinary questions, one per side ("城中区城镇
新增就业多少", "祁连县城镇新增就业多少"), each retrieved and answered on its own
by the caller; their figures are read by ``rag.numbers`` and compared. The answer
names the winner (or the difference) with both values, citing both paragraphs,
and is refused, naming the side, when either side has no figure.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from ..numbers import figures_in
from ..schema import Answer, Citation
from .question import analyze_question

WHICH = "which"  # A和B哪个多: the winner
DIFFERENCE = "difference"  # A比B多多少: the difference

_MORE = ("多", "高", "大", "长", "快", "晚", "重", "远")
_LESS = ("少", "低", "小", "短", "慢", "早", "轻", "近")
_DIRECTION = r"(?:更|还要|要)?(?P<dir>多|少|高|低|大|小|长|短|快|慢|早|晚|重|轻|远|近)"
_PUNCT = r"[？?。！!\s]*$"
# "X里，A和B哪个建得多？", "A和B谁城镇新增就业多？"
_WHICH_RE = re.compile(
    r"^(?P<pre>.*[，,：:])?(?P<a>[^，,：:]+?)(?:和|与|跟|同|还是|、)(?P<b>[^，,：:]+?)[，,]?(?:相比|比起来|比较)?[，,]?"
    r"(?:哪个|哪一个|谁|哪边|哪里|哪儿|哪项|哪样|哪种|哪家|哪座|哪方)(?P<mid>[^，,]*?)" + _DIRECTION + r"(?:一些|些|一点)?" + _PUNCT
)
# "A多还是B多？", "A的X高还是B的X高？"
_EITHER_RE = re.compile(
    r"^(?P<pre>.*[，,：:])?(?P<a>[^，,：:]+?)(?:更|要)?(?P<dir>多|少|高|低|大|小|早|晚)(?:一些|些)?[，,]?还是(?P<b>[^，,：:]+?)(?:更|要)?(?P=dir)(?:一些|些)?(?:呢)?" + _PUNCT
)
# "A比B多多少（家企业）？", "A比B多来了几场？"
_DIFFERENCE_RE = re.compile(
    r"^(?P<a>.+?)(?<![同环对相占])比(?![例重率较])(?P<b>.+?)" + _DIRECTION + r"(?P<verb>[^多少几]{0,3}?)(?:多少|几)(?P<unit>[^？?。！!]*?)" + _PUNCT
)
# "比上一年/去年涨了多少" asks for a change the text states itself, not for two figures
_RELATIVE_PERIOD = re.compile(r"^(?:上一?年|去年|前年|上年|同期|上月|上季度|以前|过去|原来|之前)")
_TIME_ONLY = re.compile(r"^(?:\d{4}|[〇零一二三四五六七八九]{4})年(?:同期)?$")
_LEADING_SCOPE = re.compile(r"^(全国|全省|全市|全县|全区|全州)")


_COUNTED_ENDINGS = "户人家所个场项座条辆次"


def _counted_unit(side: str) -> str:
    """"困难户" is counted in 户, "参赛队伍" is not: a side ending in a classifier asks in that unit."""
    return side[-1] if side and side[-1] in _COUNTED_ENDINGS and len(side) >= 2 else ""


@dataclass(frozen=True)
class Comparison:
    """A comparison question read: the two sides as worded, one question per side, and what is asked."""

    sides: tuple[str, str]
    side_questions: tuple[str, str]
    asks: str  # WHICH or DIFFERENCE
    direction: str  # the comparative word: 多, 少, 早, …


def _context_words(side_a: str, side_b: str) -> str:
    """What side A names that side B leaves to it: its place, period or scope
    ("城中区线下招聘活动" and "线上网络招聘": B is also 城中区's)."""
    a, b = analyze_question(side_a), analyze_question(side_b)
    words = [e for e in a.entities if e not in side_b] if not b.entities else []
    if not b.time_terms:
        words += [t for t in a.time_terms if t not in side_b]
    scope = _LEADING_SCOPE.match(side_a)
    if scope and not b.entities and scope.group(1) not in side_b:
        words.insert(0, scope.group(1))
    return "".join(words)


def _second_side(side_a: str, side_b: str) -> str | None:
    """Side B as a question of its own: "祁连县" against "城中区城镇新增就业" is
    "祁连县城镇新增就业"; "2024年" against "2025年全国新拿驾照的人" is "2024年全国新拿驾照的人";
    "线上网络招聘" against "城中区线下招聘活动" is "城中区线上网络招聘". None when B cannot stand alone."""
    if _TIME_ONLY.match(side_b):  # the same thing in another year
        year = re.search(r"(?:\d{4}|[〇零一二三四五六七八九]{4})年", side_a)
        return side_a.replace(year.group(0), side_b, 1) if year else None
    a, b = analyze_question(side_a), analyze_question(side_b)
    if a.entities and b.entities and not b.measure and a.measure:  # B names only the other place
        return side_a.replace(a.entities[0], b.entities[0], 1)
    return _context_words(side_a, side_b) + side_b


def _which(pre: str, a: str, b: str, mid: str, direction: str) -> Comparison:
    """"哪个多" of sides ``a`` and ``b``, under the shared ``pre`` and with the shared ``mid`` words."""
    asked = "是什么时候" if direction in ("早", "晚") else "多少"
    side_a = f"{pre}{a}{mid}{asked}{_counted_unit(a) if asked == '多少' else ''}"
    side_b = f"{pre}{_second_side(a, b) or b}{mid}{asked}{_counted_unit(b) if asked == '多少' else ''}"
    return Comparison((a, b), (side_a, side_b), WHICH, direction)


def parse_comparison(question: str) -> Comparison | None:
    """The comparison a question asks, or None when it asks no comparison."""
    text = (question or "").strip()
    match = _WHICH_RE.match(text)
    if match:
        pre = (match.group("pre") or "").rstrip("，,：:")
        a, b = match.group("a").strip(), match.group("b").strip()
        mid = re.sub(r"得$", "", match.group("mid"))
        mid = mid if len(mid) >= 2 else ""  # "哪个建得多": a lone verb says nothing the sides do not
        return _which(pre, a, b, mid, match.group("dir")) if a and b else None
    match = _EITHER_RE.match(text)
    if match:
        pre = (match.group("pre") or "").rstrip("，,：:")
        return _which(pre, match.group("a").strip(), match.group("b").strip(), "", match.group("dir"))
    match = _DIFFERENCE_RE.match(text)
    if match:
        a, b = match.group("a").strip("，, "), match.group("b").strip("，, ")
        if not a or not b or _RELATIVE_PERIOD.match(b):
            return None
        unit = match.group("unit")
        side_b = _second_side(a, b)
        if side_b is None:
            return None
        return Comparison((a, b), (f"{a}多少{unit}", f"{side_b}多少{unit}"), DIFFERENCE, match.group("dir"))
    return None


@dataclass(frozen=True)
class _Figure:
    value: Decimal
    written: str  # the span as the text has it: "2047人"
    scale: str  # "万" / "亿" when the text writes the number with one
    unit: str  # what follows the number: "人", "家", "万辆" → "辆"


def _figure(short: str | None) -> _Figure | None:
    if not short:
        return None
    found = figures_in(short)
    if not found:
        return None
    written, value = found[0]
    scale = written[-1] if written[-1] in "万亿" else ""
    tail = short[short.find(written) + len(written):] if written in short else ""
    unit = re.sub(r"^[余多]|(?:以上|以下|左右)$", "", tail).strip()
    return _Figure(value, short, scale, unit)


_DATE_PARTS = re.compile(r"(?:(\d{4})年)?(?:(\d{1,2})月)?(?:(\d{1,2})[日号])?")


def _date_key(short: str | None) -> tuple[int, int, int] | None:
    match = _DATE_PARTS.search(short or "")
    if not match or not any(match.groups()):
        return None
    year, month, day = (int(g) if g else 0 for g in match.groups())
    return (year, month, day)


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _difference_text(a: _Figure, b: _Figure) -> str:
    difference = abs(a.value - b.value)
    scale = a.scale if a.scale and a.scale == b.scale else ""
    shown = difference / (Decimal(10**8) if scale == "亿" else Decimal(10**4) if scale == "万" else 1)
    unit = a.unit if a.unit == b.unit or not b.unit else ""
    return f"{_plain(shown.quantize(Decimal('0.01')) if shown != shown.to_integral() else shown)}{scale}{unit}"


def _side_citation(answer: Answer, n: int) -> Citation | None:
    return replace(answer.citations[0], n=n) if answer.citations else None


_MEASURES = (("元",), ("%", "％", "个百分点", "成"), ("公里", "千米", "米"), ("平方公里", "平方米", "公顷", "亩"))


def _measure_of(unit: str) -> int:
    """Which kind of measure a unit is: money, a share, a length, an area, or (-1) a count."""
    unit = unit.lstrip("万亿千百")
    return next((i for i, units in enumerate(_MEASURES) if unit in units or unit.endswith(units[0])), -1)


def _comparable_units(a: str, b: str) -> bool:
    """Counts compare with counts ("12座" and "28个", "5.59亿人" and "4.69亿辆"), money with
    money; "103万元" and "247人" do not compare."""
    return _measure_of(a) == _measure_of(b)


def _refused_side(
    question: str, comparison: Comparison, side: int, answer: Answer, started_ms: float, why: str | None = None
) -> Answer:
    name = comparison.sides[side]
    reason = f"没有找到“{name}”的{'时间' if comparison.direction in ('早', '晚') else '数字'}"
    if why or answer.note:
        reason += f"（{why or answer.note}）"
    citations = tuple(replace(c, n=n) for n, c in enumerate(answer.citations[:3], start=1))
    text = f"无法比较：资料中{reason}。"
    if citations:
        text += "可能相关：" + "".join(f"[{c.n}]" for c in citations)
    return Answer(question=question, answer=text, refused=True, citations=citations, note=reason,
                  timings_ms={"extract": started_ms})


def answer_comparison(question: str, comparison: Comparison, sides: tuple[Answer, Answer], elapsed_ms: float = 0.0) -> Answer:
    """The comparison's answer from the two side answers (each an ordinary extractive Answer)."""
    dated = comparison.direction in ("早", "晚")
    read = _date_key if dated else _figure
    values = [None if s.refused else read(s.short) for s in sides]
    for side in (0, 1):
        if values[side] is None:
            return _refused_side(question, comparison, side, sides[side], elapsed_ms)
    if not dated and values[0].unit and values[1].unit and not _comparable_units(values[0].unit, values[1].unit):
        # "103万元" against "247人": one side's figure measures something else
        return _refused_side(question, comparison, 1, sides[1], elapsed_ms, f"找到的是{sides[1].short}，与{sides[0].short}不是同一种量")
    same_span = sides[0].citations[0].text_answer_start == sides[1].citations[0].text_answer_start and \
        (sides[0].citations[0].source, sides[0].citations[0].paragraph) == (sides[1].citations[0].source, sides[1].citations[0].paragraph)
    if same_span:  # one figure cannot stand for both sides
        return _refused_side(question, comparison, 1, sides[1], elapsed_ms)
    a, b = sides[0].short, sides[1].short
    key_a = values[0] if dated else values[0].value
    key_b = values[1] if dated else values[1].value
    cited = f"{comparison.sides[0]} {a}[1]，{comparison.sides[1]} {b}[2]"
    if comparison.asks == DIFFERENCE and not dated:
        short = _difference_text(values[0], values[1])
        word = comparison.direction if key_a >= key_b else ("少" if comparison.direction in _MORE else "多")
        body = f"{comparison.sides[0]}比{comparison.sides[1]}{word}{short}（{cited}）。"
    else:
        if key_a == key_b:
            short = "一样" + comparison.direction
            body = f"两者一样{comparison.direction}（{cited}）。"
        else:
            a_wins = (key_a > key_b) == (comparison.direction in _MORE)
            winner = comparison.sides[0 if a_wins else 1]
            short = winner
            body = f"{winner}更{comparison.direction}（{cited}）。"
    citations = tuple(c for c in (_side_citation(sides[0], 1), _side_citation(sides[1], 2)) if c is not None)
    return Answer(
        question=question,
        answer=body,
        refused=False,
        citations=citations,
        short=short,
        sentence=f"{sides[0].sentence or ''}{sides[1].sentence or ''}" or None,
        timings_ms={"extract": elapsed_ms},
    )
