"""Deciding and wording a comparison's answer from its two side answers: both values read (dates as dates), checked to
measure the same kind of thing (units, the shared measure, not one span for both), then the winner, the difference,
yes or no, or the ratio, always with both values, citing both paragraphs; a side without a figure refuses the
comparison, naming that side, unless one sentence of the retrieved paragraphs states both sides (``stated_sides``) or
the refused side's own item of a list (``list_item_sides``).
"""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Sequence

from ...schema import Answer, Citation, Hit
from ..compose import citation
from ..question import coverage, pos_cut
from ..settings import ablated
from .anchors import NAME_LEVELS, PERIOD, is_time_word, times_named
from .asked import DIFFERENCE, LARGER, OPPOSITE, RATE_ASKED, RATIO, YES_NO, Comparison
from .baseline_side import baseline_side
from .paired_parts import paired_parts
from .list_item_sides import list_item_side, opens_with_name, own_item_side, refused_own_item
from .side_clauses import same_figure
from .stated_sides import mentions, stated_sides
from .values import (comparable_dates, comparable_units, date_difference, date_key, difference_text, figure_of,
                     gap_against_rate, in_unit_asked, measure_of, plain, unit_of_other_measure)


def _side_citation(answer: Answer, n: int) -> Citation | None:
    return replace(answer.citations[0], n=n) if answer.citations else None


# "上半年奎文区和潍城区哪个多": the period before the first side is said of both, so it is no part of its name
_LEADING_PERIOD = re.compile(r"^(?:(?:\d{4}|今|去|明)年(?:度)?|上半年|下半年|前三季度|第?[一二三四1-4]季度|\d{1,2}月(?:份)?|全年)+")
# …and a range of months ("今年1—11月多伦县"), read whole
_LEADING_RANGE = re.compile(r"^(?:(?:\d{4}|今|去|明)年(?:度)?)?(?:\d{1,2}(?:至|到|-|—|～)\d{1,2}月(?:份)?"
                            r"|前(?:\d{1,2}|[一二两三四五六七八九十]{1,2})个月)")


def shown_sides(comparison: Comparison) -> tuple[str, str]:
    """The two sides as the answer names them: without a period the question puts before the first
    side only (it dates both)."""
    names = []
    for side, other in zip(comparison.sides, reversed(comparison.sides)):
        period = (None if ablated("range_period") else _LEADING_RANGE.match(side)) or _LEADING_PERIOD.match(side)
        trimmed = side[period.end():] if period and not _LEADING_PERIOD.match(other) else side  # not 2024年 vs 2025年
        # a period before the measure's 的 ("2019年的旅客吞吐量") is no period opening a name
        names.append(trimmed if len(trimmed) >= 2 and not trimmed.startswith("的") and not ablated("shown_sides") else side)
    return names[0], names[1]


def _refused_side(
    question: str, comparison: Comparison, side: int, answer: Answer, started_ms: float, why: str | None = None
) -> Answer:
    name = shown_sides(comparison)[side]
    reason = f"没有找到“{name}”的{'时间' if comparison.dated else '数字'}"
    if why or answer.note:
        reason += f"（{why or answer.note}）"
    citations = tuple(replace(c, n=n) for n, c in enumerate(answer.citations[:3], start=1))
    text = f"无法比较：资料中{reason}，只凭一方不能回答。"
    if citations:
        text += "可能相关：" + "".join(f"[{c.n}]" for c in citations)
    return Answer(question=question, answer=text, refused=True, citations=citations, note=reason,
                  timings_ms={"extract": started_ms})


# a side's figure "measures something else" when its sentence says at most half of the shared measure
# while the other side's says it by at least this much more (城镇新增就业568人 against 吸纳就业人员374人)
MEASURE_GAP = 0.5


def _stated_with(answer: Answer) -> str:
    """The side's sentence with the parallel clauses it continues: "赣州市一季度完成交通投资52.8亿元，居全省
    首位；上饶市完成31.4亿元；" states 上饶's figure of 完成交通投资 too (the clauses after ；leave out
    what the first one said). The whole 。-sentence of the paragraph, when the side's ends with ；."""
    sentence = answer.sentence or ""
    # so does an item of a roundup cut at its ，("…；澧县61.8万吨，桃源县58.3万吨"): the list's lead says the measure
    items = ("；", ";") if ablated("own_items") else ("；", ";", "，", ",")
    if not answer.citations or ablated("parallel_clauses"):
        return sentence
    text, at = answer.citations[0].text, answer.citations[0].text_answer_start
    at = text.rfind(sentence, 0, (at or 0) + len(sentence)) if text else -1
    # so is the last piece of such a list ("…居州直首位；奎屯市新增0.86万人，伊宁县新增0.63万人。"): it continues
    # the piece right before its ；(only that one: a long 。-sentence of rules says many measures)
    continued = at > 0 and text[:at].rstrip().endswith(("；", ";")) and not ablated("continued_piece")
    if at < 0 or not (sentence.rstrip().endswith(items) or continued):
        return sentence
    start = max(text.rfind(mark, 0, at) for mark in "。！？!?\n") + 1
    if continued and not sentence.rstrip().endswith(items):
        lead_end = len(text[:at].rstrip()) - 1  # the ；ending the piece before
        start = max([start] + [text.rfind(mark, 0, lead_end) + 1 for mark in "；;"])
    return text[start:at] + sentence


def _unlike_measure(comparison: Comparison, sides: tuple[Answer, Answer]) -> int | None:
    """The side whose sentence does not talk about the measure both sides share, when the other's does."""
    if len(comparison.measure) < 2 or comparison.dated:  # two events may well be dated by other verbs (举行, 开幕)
        return None
    said = [coverage([comparison.measure], _stated_with(s)) for s in sides]
    low = min((0, 1), key=lambda i: said[i])
    return low if said[low] <= 0.5 and said[1 - low] - said[low] >= MEASURE_GAP else None


def answer_comparison(
    question: str, comparison: Comparison, sides: tuple[Answer, Answer], elapsed_ms: float = 0.0, hits: Sequence[Hit] = (),
    similarity=None,
) -> Answer:
    """The comparison's answer from the two side answers (each an ordinary extractive Answer):
    the winner, the difference, yes or no, or the ratio, always with both values, citing both. When they cannot
    answer it, the two figures one sentence of ``hits`` (the paragraphs retrieved) states side by side
    (``stated_sides``: "A、B分别X和Y"; ``similarity``, the retrieved sentences' closeness in meaning to the question, lets
    that sentence say the measure in other words)."""
    if hits and not comparison.dated and not comparison.remainder and not ablated("own_items"):
        # "分县市区看，鼎城区粮食总产量72.6万吨，居各县市区首位；澧县61.8万吨": a side answered with another member's
        # figure of a roundup (the first item, the only one saying the measure) takes its own item's
        # only a member's name opens an item ("澧县", "盘州古城"): not a state such as "完成" (2025年完成的)
        # nor a side naming a measure besides its place ("紫金县今年计划的水利投资")
        names = [_undated(name) if opens_with_name(_undated(name)) and "的" not in name and len(_undated(name)) <= 8 else ""
                 for name in shown_sides(comparison)]
        # a side refused for the first item's figure (another member's) takes its own item's too
        sides = tuple(own_item_side(side, name, hits) or refused_own_item(side, name, hits) or side  # type: ignore[assignment]
                      for side, name in zip(sides, names))
        # a side answered from a sentence not naming it ("全市肉牛存栏达到412.6万头" for 科左后旗) while the other's
        # figure stands in a roundup holding an item of its own: that item's figure
        for lost in (0, 1):
            kept = sides[1 - lost]
            if sides[lost].refused or kept.refused or mentions(_stated_with(sides[lost]), names[lost]) \
                    or not mentions(_stated_with(kept), names[1 - lost]) or ablated("unnamed_item"):
                continue
            read = list_item_side(kept, sides[lost], names[lost], hits)
            if read is not None:
                sides = (read, kept) if lost == 0 else (kept, read)
                break
    if hits and not comparison.dated and RATE_ASKED.search(question) and not ablated("growth_after_figure"):
        rates = [_growth_after(side, hits) for side in sides]
        if all(rate is not None for rate in rates):
            sides = (rates[0], rates[1])  # type: ignore[assignment]
    if hits and _sum_compared(question, comparison) and not ablated("sum_after_count"):
        # "旌阳区新签约亿元以上项目46个，协议投资额386.5亿元": the sum named by 额 right after the count is the side's sum
        sides = tuple(_sum_after(side, hits) or side for side in sides)  # type: ignore[assignment]
    if not comparison.dated and not comparison.remainder and not ablated("other_member_figure"):
        # "长葛市今年…总投资1.7亿元，亩均投资2500元" answers 襄城 with 2500元: a figure its sentence states of the other
        # side's member, not of its own, is no figure of this side
        sides = tuple(_refused_as_other(side, own, other) for side, own, other  # type: ignore[assignment]
                      in zip(sides, _members(comparison), reversed(_members(comparison))))
    if hits:
        # "黄石出口比进口多多少": the sentence breaking the whole down into its two parts ("其中，出口238.4亿元…；进口174.2亿元")
        parts = paired_parts(comparison, sides, hits)
        if parts is not None and RATE_ASKED.search(question) and not ablated("part_rates"):
            # "出口和进口哪个增长得更快": each part's rate right after its amount (rag.answer.comparison.dated_parts)
            parts = _rates_after(parts, hits) or parts
        if parts is not None and not _composed(question, comparison, parts, elapsed_ms).refused:
            sides = parts
    answer = _composed(question, comparison, sides, elapsed_ms)
    if not answer.refused and hits and _apart(comparison, sides):
        # "多伦湖景区…接待游客87.4万人次" and "元上都遗址景区…96.3万人次" answer each side from a sentence of its own,
        # while one retrieved sentence states both sides side by side ("多伦县接待游客412.5万人次…；正蓝旗接待游客
        # 338.9万人次"): the sentence comparing the members themselves is read
        stated = stated_sides(comparison, shown_sides(comparison), hits, similarity)
        if stated is not None and any(s.short != t.short for s, t in zip(sides, stated)):
            again = _composed(question, comparison, stated, elapsed_ms)
            if not again.refused:
                return again
    if answer.refused and hits and not comparison.remainder or _unnamed(comparison, sides) and hits:
        stated = stated_sides(comparison, shown_sides(comparison), hits, similarity)
        read = figure_of(stated[0].short) if stated is not None else None
        # the unit asked ("快几个百分点") says what kind of figure compares: a share, not 万人次
        if read is not None and comparison.unit and measure_of(comparison.unit) != measure_of(read.unit):
            stated = None
        if stated is not None and RATE_ASKED.search(question) and not ablated("rate_amount_sides"):
            stated = _rates_after(stated, hits) or stated  # the amounts stated side by side, each with its rate after it
        if stated is not None:
            again = _composed(question, comparison, stated, elapsed_ms)
            if not again.refused:
                return again
        listed = _list_item_sides(comparison, sides, hits)
        if listed is not None:
            again = _composed(question, comparison, listed, elapsed_ms)
            if not again.refused:
                return again
        based = _baseline_sides(comparison, sides, hits)
        if based is not None:
            again = _composed(question, comparison, based, elapsed_ms)
            if not again.refused:
                return again
    return answer


def _baseline_sides(comparison: Comparison, sides: tuple[Answer, Answer], hits: Sequence[Hit]) -> tuple[Answer, Answer] | None:
    """One side refused, the other answered from a sentence stating the refused side's period as its baseline
    ("…开行46列，比2024年的31列多15列"): the refused side's figure is that baseline's (``baseline_side``)."""
    if comparison.dated or comparison.remainder or sum(s.refused for s in sides) != 1:
        return None
    lost = 0 if sides[0].refused else 1
    asked = comparison.side_questions
    read = baseline_side(sides[1 - lost], sides[lost], asked[lost], asked[1 - lost], hits)
    if read is None:
        return None
    return (read, sides[1]) if lost == 0 else (sides[0], read)


# the growth rate a sentence gives right after a side's amount: "综合产值78.6亿元，同比增长12.1%"
_GROWTH_AFTER = re.compile(r"^[，,]?(?:同比|比上年|较上年|比去年|较去年|比上年同期|较上年同期|比2\d{3}年)?(?:增长|增加|上升|提高)了?"
                           r"(?P<rate>\d+(?:\.\d+)?%)")


def _rates_after(sides: tuple[Answer, Answer], hits: Sequence[Hit]) -> tuple[Answer, Answer] | None:
    """Both sides' growth rates stated right after their amounts (``_growth_after``), or None."""
    rates = [_growth_after(side, hits) for side in sides]
    return (rates[0], rates[1]) if rates[0] is not None and rates[1] is not None else None


def _is_rate(short: str | None) -> bool:
    return bool(short) and re.search(r"(?:%|％|百分点|成)$", short.strip()) is not None


def _growth_after(side: Answer, hits: Sequence[Hit]) -> Answer | None:
    """``side`` answered with an amount whose sentence states its growth rate right after it: that rate, cited;
    the side itself when its figure is a rate already; None otherwise."""
    if side.refused or not side.citations:
        return None
    if (side.short or "").endswith("%"):
        return side
    cited = side.citations[0]
    end = cited.text_answer_end
    hit = next((h for h in hits if (h.paragraph.source, h.paragraph.number) == (cited.source, cited.paragraph)), None)
    if end is None or hit is None:
        return None
    match = _GROWTH_AFTER.match(cited.text[end:])
    if match is None:
        return None
    start = end + match.start("rate")
    span = (start, start + len(match.group("rate")))
    return replace(side, answer=match.group("rate"), short=match.group("rate"), citations=(citation(1, hit, span),))


# a sum named by 额 after a count, in the count's own run of clauses: "…项目46个，协议投资额386.5亿元"
_SUM_AFTER = re.compile(r"^[^。；;！？!?]*?额(?:为|达到|达|是|约)?(?P<sum>\d+(?:\.\d+)?[万亿]?元)")


def _sum_after(side: Answer, hits: Sequence[Hit]) -> Answer | None:
    """``side`` answered with a count of things (46个) whose sentence names a sum by 额 after it, before the clause
    run ends (。；): that sum, cited; None otherwise (also when a second such sum follows: which one is not said)."""
    value = None if side.refused or not side.citations else figure_of(side.short)
    if value is None or not value.unit or measure_of(value.unit) != -1:
        return None
    cited = side.citations[0]
    end = cited.text_answer_end
    hit = next((h for h in hits if (h.paragraph.source, h.paragraph.number) == (cited.source, cited.paragraph)), None)
    if end is None or hit is None:
        return None
    run = re.split(r"[。；;！？!?]", cited.text[end:], maxsplit=1)[0]
    match = _SUM_AFTER.match(run)
    if match is None or _SUM_AFTER.match(run[match.end():]) is not None:
        return None
    start = end + match.start("sum")
    span = (start, start + len(match.group("sum")))
    return replace(side, answer=match.group("sum"), short=match.group("sum"), citations=(citation(1, hit, span),))


def _members(comparison: Comparison) -> tuple[str, str]:
    """The member each side names (a place, a body: "长葛", "宝鸡高新区" of "宝鸡高新区的新房销售面积"), or "" for a side
    naming a period or nothing but its measure."""
    names = []
    for name in shown_sides(comparison):
        member = _undated(name.split("的")[0])
        names.append(member if len(member) >= 2 and not times_named(member) and not PERIOD.search(member)
                     and opens_with_name(member) else "")
    return names[0], names[1]


def _names_member(text: str, member: str) -> bool:
    """Whether ``text`` names ``member``, also without the wider place opening it (高新区 of 宝鸡高新区)."""
    if mentions(text, member):
        return True
    words = pos_cut(member)
    rest = member[len(words[0][0]):] if len(words) > 1 and len(words[0][0]) >= 2 else ""
    return len(rest) >= 3 and rest[-1] in NAME_LEVELS and rest in text


def _refused_as_other(side: Answer, own: str, other: str) -> Answer:
    """``side`` refused when the words of its sentence before its figure name the other side's member and not its own
    ("从区域看，上半年高新区…销售面积21.7万平方米" for 渭滨区): the figure is the other member's."""
    if side.refused or not own or not other or not side.short or not side.sentence:
        return side
    at = side.sentence.find(side.short)
    before = side.sentence[:at] if at >= 0 else side.sentence
    if _names_member(before, own) or not _names_member(before, other):
        return side
    return replace(side, refused=True, note=f"找到的{side.short}说的是{other}")


def _undated(name: str) -> str:
    """``name`` less the period words opening it ("暑期盘州古城" opens the item 盘州古城 of a list)."""
    words = pos_cut(name)
    at = 0
    for word, flag in words:
        if not (is_time_word(word, flag) or PERIOD.fullmatch(word)):
            break
        at += len(word)
    return name[at:] if len(name) - at >= 2 else name


def _unnamed(comparison: Comparison, sides: tuple[Answer, Answer]) -> bool:
    """Whether a side was answered from a sentence that does not name it while the other side's does not either
    ("都昌县新建幸福食堂48个…覆盖行政村的比例由52%提高到68%" for 三汊港镇 and 左里镇): a sentence of the retrieved
    paragraphs stating both sides by name (``stated_sides``) is read first then."""
    if ablated("unnamed_sides") or comparison.dated or comparison.remainder or any(s.refused for s in sides):
        return False
    return not any(mentions(_stated_with(s), name) for s, name in zip(sides, shown_sides(comparison)))


def _apart(comparison: Comparison, sides: tuple[Answer, Answer]) -> bool:
    """Whether both sides were answered, each from a sentence of its own (not one sentence stating both), of a measure
    the question names (which ``stated_sides`` checks the sentence stating both for: with none, a sentence listing
    both sides' figures of another measure would do, 秋播小麦面积 for 秋粮 asked)."""
    if ablated("stated_over_apart") or comparison.dated or comparison.remainder or any(s.refused for s in sides) \
            or len((comparison.measure or "").replace("的", "")) < 2:
        return False
    return bool(sides[0].sentence) and bool(sides[1].sentence) and sides[0].sentence != sides[1].sentence


def _list_item_sides(comparison: Comparison, sides: tuple[Answer, Answer], hits: Sequence[Hit]) -> tuple[Answer, Answer] | None:
    """One side refused, the other answered from an item of a list breaking a figure down by members: the refused
    side's figure from its own item of that list (``list_item_side``)."""
    if comparison.dated or sum(s.refused for s in sides) != 1:
        return None
    names = shown_sides(comparison)
    lost = 0 if sides[0].refused else 1
    kept = sides[1 - lost]
    # the answered side may hold another member's figure of the list (its first item, the one saying the measure)
    kept = own_item_side(kept, names[1 - lost], hits) or kept
    read = list_item_side(kept, sides[lost], names[lost], hits)
    if read is None:
        return None
    return (read, kept) if lost == 0 else (kept, read)


# a sum named by 额 as what both sides measure ("去年招商签约额，旌阳区比广汉市多出多少", "汇川区的签约金额比仁怀市多多少",
# "两县销售额哪个高"): 额 closing the measure right before the comparison (not 份额, 名额, 配额, 限额: shares and quotas)
_SUM_COMPARED = re.compile(r"(?<![份名配限])额(?=[，,]|(?:是|为)?(?:哪|谁)|更|比|(?:还|要)?[多少高低大小](?:多少|几|了|出|吗|[？?]|$)|[？?]?$)")


def _sum_compared(question: str, comparison: Comparison) -> bool:
    return not comparison.dated and not RATE_ASKED.search(question) and _SUM_COMPARED.search(question) is not None


def _count_for_sum(question: str, comparison: Comparison, values: list) -> int | None:
    """The side whose figure is a count of things (46个, 9个) when the question compares a sum named by 额 (签约额, 金额,
    销售额): the count is of projects or firms, not the sum; None when both figures may be sums (or a unit is not
    written)."""
    if ablated("sum_not_count") or not _sum_compared(question, comparison):
        return None
    for side in (0, 1):
        unit = values[side].unit
        if unit and not values[side].duration and measure_of(unit) == -1:
            return side
    return None


def _composed(question: str, comparison: Comparison, sides: tuple[Answer, Answer], elapsed_ms: float) -> Answer:
    dated = comparison.dated
    read = date_key if dated else figure_of
    values = [None if s.refused or not s.citations else read(s.short) for s in sides]
    for side in (0, 1):
        if values[side] is None:
            return _refused_side(question, comparison, side, sides[side], elapsed_ms)
    counted = _count_for_sum(question, comparison, values)
    if counted is not None:  # "签约额" compared, "46个" found: a count of projects is no sum of money
        return _refused_side(question, comparison, counted, sides[counted], elapsed_ms,
                             f"问的是金额，找到的{sides[counted].short}是个数")
    for side in (0, 1) if not dated else ():
        # "南岗县37.5万吨" for 播种面积 asked: a unit saying another measure by itself (a weight, no area)
        other = unit_of_other_measure(comparison.measure or question, values[side].unit)
        if other is not None:
            return _refused_side(question, comparison, side, sides[side], elapsed_ms,
                                 f"找到的{sides[side].short}说的是{other}，不是“{comparison.measure or '所问的量'}”")
    if not dated and values[0].unit and values[1].unit and not comparable_units(values[0].unit, values[1].unit, question):
        # "103万元" against "247人": one side's figure measures something else
        return _refused_side(question, comparison, 1, sides[1], elapsed_ms, f"找到的是{sides[1].short}，与{sides[0].short}不是同一种量")
    if not dated and gap_against_rate(values[0].unit, values[1].unit):
        gap = 0 if values[0].unit.endswith("百分点") else 1  # the side given a gap between rates is the one not found
        return _refused_side(question, comparison, gap, sides[gap], elapsed_ms,
                             f"找到的{sides[gap].short}是两个比率之差，不是{shown_sides(comparison)[gap]}的比率")
    if same_figure(sides):
        return _refused_side(question, comparison, 1, sides[1], elapsed_ms)
    if not dated and RATE_ASKED.search(question) and not any(_is_rate(s.short) for s in sides) \
            and not ablated("rate_amount_sides"):
        # a growth rate asked, two amounts found: which grew faster is not which is larger
        return _refused_side(question, comparison, 0, sides[0], elapsed_ms, f"问的是增长速度，找到的{sides[0].short}是数量")
    unlike = _unlike_measure(comparison, sides)
    if unlike is not None:  # its figure measures something else: comparing it would mislead
        return _refused_side(question, comparison, unlike, sides[unlike], elapsed_ms,
                             f"找到的{sides[unlike].short}说的不是“{comparison.measure}”")
    if dated:
        key_a, key_b = comparable_dates(values[0], values[1])
        if not key_a:
            return _refused_side(question, comparison, 1, sides[1], elapsed_ms, f"{sides[0].short}和{sides[1].short}无法按日期比较")
        apart = date_difference(values[0], values[1], comparison.unit)
    else:
        key_a, key_b = values[0].value, values[1].value
        apart = difference_text(values[0], values[1])
    name_a, name_b = shown_sides(comparison)
    direction = comparison.direction
    a_larger = key_a > key_b
    cited = f"{name_a} {sides[0].short}[1]，{name_b} {sides[1].short}[2]"
    if comparison.asks == RATIO and not dated and key_b:
        ratio = Decimal(key_a) / Decimal(key_b)
        grew = comparison.growth and ratio > 1  # "增长了几倍": the growth multiple, A÷B − 1
        ratio -= 1 if grew else 0
        # rounded half up as 四舍五入 (530/200 is 约2.7倍); below 1 to two significant digits
        # (30/2400 is 约0.013倍, not 约0倍)
        step = Decimal("0.1") if abs(ratio) >= 1 else Decimal(1).scaleb(ratio.adjusted() - 1)
        tenths = ratio.quantize(step, rounding=ROUND_HALF_UP)
        shown = plain(ratio) if abs(ratio) >= 1 else format(ratio.quantize(step / 10, rounding=ROUND_HALF_UP).normalize(), "f")
        if ratio == tenths:
            short = f"{plain(ratio) if abs(ratio) >= 1 else format(ratio.normalize(), 'f')}倍"
            body = f"{name_a}是{name_b}的{short}（{cited}）。"
        else:  # a ratio of two figures is said to a tenth, "约2.8倍", with the exact quotient shown
            short = f"约{format(tenths.normalize(), 'f')}倍"
            body = f"{name_a}是{name_b}的{short}（{cited}，相除约为{shown}）。"
        if grew:
            body = f"{name_a}比{name_b}增长了{short}（{cited}，即是{name_b}的{plain(ratio + 1)}倍）。"
    elif key_a == key_b:
        short = "一样" + ("早" if dated else "多")
        body = f"两者一样（{cited}）。"
        if comparison.asks == YES_NO:
            short, body = "不是", f"不是，两者一样（{cited}）。"
    else:
        # side A is the more "direction" one; a time taken is 快 when it is the shorter one
        timed = not dated and direction in "快慢" and values[0].duration and values[1].duration
        a_wins = (a_larger == (direction in LARGER)) != bool(timed)
        word = direction if a_wins else OPPOSITE[direction]
        gap = f"，相差{apart}" if apart else ""
        if comparison.remainder:  # "还有多少处没整改完": the whole less the part done
            if not a_larger or not apart:
                return _refused_side(question, comparison, 0, sides[0], elapsed_ms,
                                     f"找到的{sides[0].short}不多于已{comparison.measure}的{sides[1].short}")
            apart = in_unit_asked(apart, comparison.unit)
            short = apart
            body = (f"还有{apart}没有{comparison.measure}（共{sides[0].short}[1]，已{comparison.measure}{sides[1].short}[2]，"
                    f"相减得出）。")
        elif comparison.asks == DIFFERENCE:
            if apart and not dated:
                apart = in_unit_asked(apart, comparison.unit)  # "多几件": 172项 and 74件 differ by 98件
            short = apart or (name_a if a_wins else name_b)
            body = f"{name_a}比{name_b}{word}{apart or ''}（{cited}）。"
        elif comparison.asks == YES_NO:
            # the verdict, then the winner with its value and the difference: "不是，城中区（2047人）更多，相差1479人"
            winner, value = (name_a, sides[0].short) if a_wins else (name_b, sides[1].short)
            short = f"{'是' if a_wins else '不是'}，{winner}（{value}）更{direction}{gap}"
            body = f"{short[:short.index('，')]}，{name_a}比{name_b}{word}{apart or ''}（{cited}）。"
        else:
            winner = name_a if a_wins else name_b
            short = f"{winner}（{sides[0 if a_wins else 1].short}）"  # the winner with its own value
            if comparison.with_difference and apart:  # "哪个多？多几所？": in the unit asked when the two differ
                unit = comparison.unit if comparison.unit and not re.search(r"[^\d.万亿]$", apart) else ""
                short += f"，{direction}{apart}{unit}"
            body = f"{winner}更{direction}（{cited}{gap}）。"
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
