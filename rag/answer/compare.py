"""Answering a comparison from its two sides (the question is read by ``comparison_question``).

Each side is an ordinary question ("城中区城镇新增就业多少", "祁连县城镇新增就业多少"), retrieved
and answered by the caller like any other, so both meet the evidence and refusal standard of a
normal question. ``parallel_sides`` lets a side prefer, among its near-best figures, the one the
article states like the other side's. ``answer_comparison`` reads both figures by ``rag.numbers``
(dates as dates), checks that they measure the same kind of thing (units, the shared measure),
and answers with the winner, the difference, yes or no, or the ratio, always with both values,
citing both paragraphs; when a side has no figure it refuses the comparison, naming that side.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Callable, Sequence

from ..numbers import figures_in
from ..schema import Answer, Citation, Hit
from .comparison_question import DIFFERENCE, LARGER, OPPOSITE, RATIO, WHICH, YES_NO, Comparison, parse_comparison
from .pipeline import semantically_accepted
from .question import analyze_question, bigrams, coverage, pos_cut
from .scoring import WORDING, Candidate, Lack
from .settings import ablated
from .spans import Span, date_spans, duration_seconds, duration_text, quantity_spans
from .list_item_sides import list_item_side, own_item_side
from .stated_sides import stated_sides

__all__ = ["Comparison", "DIFFERENCE", "RATIO", "WHICH", "YES_NO", "answer_comparison", "parallel_sides", "parse_comparison", "remainder_answer",
           "side_acceptance"]


@dataclass(frozen=True)
class _Figure:
    value: Decimal
    written: str  # the span as the text has it: "2047人"
    scale: str  # "万" / "亿" when the text writes the number with one
    unit: str  # what follows the number: "人", "家", "万辆" → "辆"
    duration: bool = False  # a time written in parts ("2小时08分41秒"), its value in seconds


def figure_of(short: str | None) -> _Figure | None:
    if not short:
        return None
    seconds = duration_seconds(short)
    if seconds is not None:
        return _Figure(Decimal(str(seconds)), short, "", "秒", True)
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
    """(year, month, day) of a date span, 0 for a part it leaves out."""
    for match in _DATE_PARTS.finditer(short or ""):
        if any(match.groups()):
            year, month, day = (int(g) if g else 0 for g in match.groups())
            return (year, month, day)
    return None


def _comparable_dates(a: tuple[int, int, int], b: tuple[int, int, int]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The parts both dates state, from the year down: "3月1日" and "2026年3月20日" compare by month and day."""
    parts = [i for i in range(3) if a[i] and b[i]]
    if parts and parts != list(range(parts[0], parts[-1] + 1)):
        parts = parts[:1]
    return tuple(a[i] for i in parts), tuple(b[i] for i in parts)


def _date_difference(a: tuple[int, int, int], b: tuple[int, int, int], unit: str) -> str | None:
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


def _plain(value: Decimal) -> str:
    value = value.quantize(Decimal("0.01")) if value != value.to_integral() else value
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


_SCALE_VALUE = {"亿": Decimal(10**8), "万": Decimal(10**4), "": Decimal(1)}


def difference_text(a: _Figure, b: _Figure) -> str:
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
    return f"{_plain(difference / _SCALE_VALUE[scale])}{scale}{unit}"


def _side_citation(answer: Answer, n: int) -> Citation | None:
    return replace(answer.citations[0], n=n) if answer.citations else None


_MEASURES = (("元",), ("%", "％", "个百分点", "成"), ("公里", "千米", "米"), ("平方公里", "平方米", "公顷", "亩"))


def _measure_of(unit: str) -> int:
    """Which kind of measure a unit is: money, a share, a length, an area, or (-1) a count."""
    unit = unit.lstrip("万亿千百")
    return next((i for i, units in enumerate(_MEASURES) if unit in units or unit.endswith(units[0])), -1)


# a count of times (人次, 车次, 架次, 次) counts visits or trips, never the things or people themselves
_TIMES = "次"


# a question naming its counts itself ("人次，哪个更多", "哪个人数多", "场次和…份数") compares them as asked
_COUNTS_NAMED = re.compile(r"次|人数|数量|个数|份数|件数")


def _comparable_units(a: str, b: str, question: str = "") -> bool:
    """Counts compare with counts ("12座" and "28个", "5.59亿人" and "4.69亿辆"), money with
    money; "103万元" and "247人" do not compare, nor, when the question asks one measure of both
    ("日均客运量…是轨道交通的几倍") without naming its counts, a count of times with a count of things or
    people ("118.6万人次" and "5条": trips are no lines, visits no visitors)."""
    if not ablated("times_unit") and question and not _COUNTS_NAMED.search(question) \
            and _measure_of(a) == _measure_of(b) == -1 \
            and a.rstrip("左右以上余多").endswith(_TIMES) != b.rstrip("左右以上余多").endswith(_TIMES):
        return False
    return _measure_of(a) == _measure_of(b)


# "上半年奎文区和潍城区哪个多": the period before the first side is said of both, so it is no part of its name
_LEADING_PERIOD = re.compile(r"^(?:(?:\d{4}|今|去|明)年(?:度)?|上半年|下半年|前三季度|第?[一二三四1-4]季度|\d{1,2}月(?:份)?|全年)+")


def shown_sides(comparison: Comparison) -> tuple[str, str]:
    """The two sides as the answer names them: without a period the question puts before the first
    side only (it dates both)."""
    names = []
    for side, other in zip(comparison.sides, reversed(comparison.sides)):
        period = _LEADING_PERIOD.match(side)
        trimmed = side[period.end():] if period and not _LEADING_PERIOD.match(other) else side  # not 2024年 vs 2025年
        names.append(trimmed if len(trimmed) >= 2 and not ablated("shown_sides") else side)
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


def _same_figure(sides: tuple[Answer, Answer]) -> bool:
    """Both sides answered with one and the same span: one figure cannot stand for both."""
    a, b = sides[0].citations[0], sides[1].citations[0]
    return (a.source, a.paragraph, a.text_answer_start) == (b.source, b.paragraph, b.text_answer_start)


# Both sides of a comparison measure one thing, so the article states their figures alike
# ("2025年新注册登记新能源汽车1293万辆" and "2025年全国新注册登记机动车3535万辆", not "机动车保有量达
# 4.69亿辆"). Among a side's eligible sentences scoring within PARALLEL_SLACK of its best, with a figure
# in the same unit, one whose clause shares PARALLEL_GAIN more of the other side's figure clause (the
# article's own words: those of the two side questions do not count) is taken instead.
PARALLEL_GAIN = 0.3
PARALLEL_SLACK = 1.5
_CLAUSE_BREAK = re.compile(r"[，,；;。：:！!？?]")


def _clause(sentence: str, start: int, end: int) -> str:
    """The clause of ``sentence`` around [start, end), without the span itself."""
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, start)), default=0)
    right = next((m.start() for m in _CLAUSE_BREAK.finditer(sentence, end)), len(sentence))
    return sentence[left:start] + sentence[end:right]


def _clause_grams(sentence: str, start: int, end: int, ignored: set[str]) -> set[str]:
    """The bigrams of the clause of ``sentence`` around [start, end), without figures and ``ignored``."""
    return set(bigrams(re.sub(r"[\d.]+", "", _clause(sentence, start, end)))) - ignored


def _alike(a: set[str], b: set[str]) -> float:
    """Share of the smaller bigram set the other one has; one shared bigram ("其中") says nothing."""
    shared = len(a & b)
    return shared / min(len(a), len(b)) if shared >= 2 else 0.0


def _unit_after(short: str) -> str:
    return re.sub(r"^[\d.,]+|^[^\d]*[\d.,]+", "", short)[-1:]


def _head_noun(side: str) -> str:
    """The noun a side ends with ("网上推送的岗位" → 岗位): a figure right before it counts that thing."""
    words = pos_cut(side)
    word, flag = words[-1] if words else ("", "")
    return word if len(word) >= 2 and flag.startswith("n") else ""


_SUBJECT_FLAGS = ("n", "ns", "nr", "nz", "nt")  # (prefixes of) jieba's flags of words a clause is stated of


def _names_side(sentence: str, span: Span | None, marks: set[str]) -> bool:
    """Whether the figure is stated of its side: the sentence names the side (one of its ``marks``, the
    bigrams that tell it from the other side: 上饶 against 赣州, 插电式混动 against 纯电动) before the
    figure or in the figure's own clause ("…新能源汽车…，同比增长14.93%"; "上饶市完成31.4亿元")."""
    if not (span and marks):
        return False
    if marks & set(bigrams(_clause(sentence, span.start, span.end))):
        return True
    # before the figure's clause only while the clauses between name no subject of their own:
    # "…新能源汽车…，同比增长14.93%" is of 新能源汽车; in "赣州市完成45.2亿元，上饶市完成31.4亿元"
    # 31.4 is 上饶's, not 赣州's
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, span.start)]
    left = max(breaks, default=0)
    text = sentence[left:span.start]
    while not any(flag[:2] in _SUBJECT_FLAGS for _, flag in pos_cut(text)) and left > 0:
        prior = max((b for b in breaks if b < left), default=0)
        text = sentence[prior:left]
        if marks & set(bigrams(text)):
            return True
        left = prior
    return False


def _own_clause(sentence: str, span: Span, marks: set[str]) -> bool:
    """Whether the clause of ``sentence`` holding ``span`` names the side itself: two of its ``marks`` (one when it
    has one), as one bigram may be part of another name (州市 of 泉州市 for 福州市)."""
    return len(marks & set(bigrams(_clause(sentence, span.start, span.end)))) >= min(2, len(marks)) > 0


def side_marks(comparison: Comparison) -> tuple[set[str], set[str]]:
    """Per side, the bigrams of its words that the other side's question does not have."""
    a, b = comparison.sides
    qa, qb = comparison.side_questions
    return set(bigrams(a)) - set(bigrams(qb)), set(bigrams(b)) - set(bigrams(qa))


# words saying a figure is a target or a forecast, not a figure of the present
_PLANNED = re.compile(r"力争|争取|目标|计划|预计|预期|有望")


def _planned(sentence: str, span: Span) -> bool:
    """Whether the clause of ``sentence`` before the figure ``span`` says it is a target or forecast."""
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, span.start)), default=0)
    return bool(_PLANNED.search(sentence, left, span.start))


def _prefer_stated_like(
    other: Answer, own: Answer, ignored: set[str], head: str = "", yield_figure: bool = False, cost: list[float] | None = None,
    marks: set[str] = frozenset(),
) -> Callable[[list[Candidate]], Candidate]:
    """Among the near-best sentences, the figure (any of a sentence's figures in the side's unit, not only
    its best span: "机动车保有量达4.69亿辆，其中汽车3.66亿辆") whose clause is stated most like the other
    side's figure clause, when it is PARALLEL_GAIN more alike than the best sentence's own figure. A figure
    that counts the side's own noun ("605个岗位" for "网上推送的岗位", not "37期") is preferred to one that
    does not. ``yield_figure``: the other side answered with the very same figure, which cannot stand for
    both; this side takes its best other figure, in the other side's unit when it has one (``cost`` gets
    how much lower that figure's sentence scores than the side's best)."""
    start = other.sentence.index(other.short)
    other_grams = _clause_grams(other.sentence, start, start + len(other.short), ignored)
    unit, other_unit = _unit_after(own.short), _unit_after(other.short)
    analysis = analyze_question(own.question)

    def alike(c: Candidate, span: Span | None) -> float:
        return _alike(_clause_grams(c.sentence, span.start, span.end, ignored), other_grams) if span else 0.0

    def counts_head(c: Candidate, span: Span | None) -> bool:
        return bool(head and span and c.sentence.startswith(head, span.end))

    def taken(c: Candidate, span: Span) -> bool:
        return c.sentence == other.sentence and span.text == other.short

    def choose(eligible: list[Candidate]) -> Candidate:
        best = max(eligible, key=lambda c: c.score)
        options = [
            (c, span) for c in eligible if c.score >= best.score - PARALLEL_SLACK
            for span in ([c.span] if c.span else []) + [s for s in quantity_spans(c.sentence, analysis) if c.span is None or s.start != c.span.start]
            if span.text not in own.question and not taken(c, span)
            # the other side's sentence only for a figure in a clause naming this side ("…158枚…，厦门市代表团以金牌
            # 142枚位居第二")
            and (yield_figure or c.sentence != other.sentence or (not ablated("same_sentence") and _own_clause(c.sentence, span, marks)))
            and (_unit_after(span.text) in (unit, other_unit if yield_figure else unit) or counts_head(c, span))
        ]
        if not options:
            return best
        # a side's figure is the one of the clause naming the side ("上饶市完成31.4亿元"), not a figure
        # of a sentence about something else that only inherits the side's name (全省…286.3亿元)
        named = [o for o in options if _names_side(o[0].sentence, o[1], marks)]
        if named and not _names_side(best.sentence, best.span, marks) and not ablated("side_clause"):
            options = named
        # a target ("明年力争奶牛存栏突破9万头") is no figure of the present the other side states
        # ("肉牛存栏12.4万头"): when the best one is a target and neither the question nor the other side's is
        if not yield_figure and not ablated("target_parity") and best.span is not None and not _PLANNED.search(own.question) \
                and _planned(best.sentence, best.span) and not _planned(other.sentence, Span(start, start + len(other.short), other.short)):
            present = [o for o in options if not _planned(o[0].sentence, o[1])]
            if present:
                chosen, span = max(present, key=lambda o: (counts_head(*o), alike(*o), o[0].score))
                if cost is not None:
                    cost.append(best.score - chosen.score)
                return chosen if span is chosen.span else replace(chosen, span=span)
        if yield_figure:
            key = lambda o: (_unit_after(o[1].text) == other_unit, counts_head(*o), alike(*o), o[0].score)  # noqa: E731
        else:
            key = lambda o: (counts_head(*o), alike(*o), o[1] is o[0].span, o[0].score)  # noqa: E731
        chosen, span = max(options, key=key)
        if cost is not None:
            cost.append(best.score - chosen.score)
        if options is named:
            return chosen if span is chosen.span else replace(chosen, span=span)
        if not yield_figure and not (counts_head(chosen, span) and not counts_head(best, best.span)) \
                and alike(chosen, span) - alike(best, best.span) < PARALLEL_GAIN:
            return best
        return chosen if span is chosen.span else replace(chosen, span=span)
    return choose


# A side is an ordinary question, held to the ordinary standard, except for one thing: a
# sentence the ordinary stage rejects only for its words (a noun of the side said otherwise,
# 社工 for 社会工作, 电脑班 for 计算机班次; its place, period and figures all stand) may answer
# the side when its meaning is the closest to the side's question (SEMANTIC_MARGIN), its
# paragraph is one retrieval is sure of, and it holds a figure. The comparison then checks the
# figure against the other side's (same kind of unit, not the same span, the shared measure).
def side_acceptance(candidates: list[Candidate]) -> list[Candidate]:
    """The sentences a comparison's side may answer from when none is eligible (``extract_answer``'s ``accept``)."""
    return semantically_accepted(
        candidates,
        lambda c: (c.objection == WORDING or c.lacks is Lack.NOUN) and c.span is not None,
    )


def _stated(answer: Answer) -> bool:
    return not answer.refused and bool(answer.sentence and answer.short and answer.short in answer.sentence)


# A record may date one thing several ways ("发证日期:2026年1月23日 … 设立日期:1988年8月18日"): a side asking
# when something 成立 takes, in its sentence, the date whose label shares most of the asked verb's characters.
_LABEL_WINDOW = 8
_VERB_NOISE = set("的是了在和日期时间年月天号什么候")


def _label_overlap(sentence: str, span: Span, verb: str) -> int:
    label = re.sub(r"[\d\s:：.,，/-]", "", sentence[max(0, span.start - _LABEL_WINDOW):span.start])[-4:]
    return len((set(verb) - _VERB_NOISE) & set(label))


def _prefer_date_labelled(verb: str, own: Answer) -> Callable[[list[Candidate]], Candidate]:
    analysis = analyze_question(own.question)

    def choose(eligible: list[Candidate]) -> Candidate:
        best = max(eligible, key=lambda c: c.score)
        if best.span is None:
            return best
        spans = date_spans(best.sentence, analysis)
        chosen = max(spans, key=lambda sp: (_label_overlap(best.sentence, sp, verb), sp.start == best.span.start), default=None)
        if chosen is None or _label_overlap(best.sentence, chosen, verb) <= _label_overlap(best.sentence, best.span, verb):
            return best
        return replace(best, span=chosen)
    return choose


# "物业覆盖率由2023年的35%提高到78%": one sentence states a figure's earlier and later value. The figure after
# 由/从 is the earlier one, the figure after 到/至 the later one.
_FROM = re.compile(r"(?:由|从)")
# (the later end may carry its year: "由2024年底的146个增加到2025年底的198个")
_TO_BETWEEN = re.compile(r"^[^，,；;。：:\d]{0,8}(?:到|至)(?:\d{4}年)?[^，,；;。：:\d]{0,6}$")


def all_from_to_figures(sentence: str, analysis) -> list[tuple[Span, Span]]:
    """The (earlier, later) figures of each "由X…到Y" change stated in ``sentence`` ("用工由42人减少到15人，日产量却由
    8万件增加到12万件" states two; also read by ``rag.answer.from_to``, which answers a change of one measure from its two
    ends)."""
    spans = sorted(quantity_spans(sentence, analysis), key=lambda sp: sp.start)
    found = []
    for first, second in zip(spans, spans[1:]):
        left = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, first.start)), default=0)
        if _FROM.search(sentence, left, first.start) and _TO_BETWEEN.match(sentence[first.end:second.start]):
            found.append((first, second))
    return found


def from_to_figures(sentence: str, analysis) -> tuple[Span, Span] | None:
    """The (earlier, later) figures of the first "由X…到Y" change stated in ``sentence``, or None."""
    return next(iter(all_from_to_figures(sentence, analysis)), None)


def _prefer_span(sentence: str, figure: Span, own: Answer) -> Callable[[list[Candidate]], Candidate]:
    """The candidate of ``sentence`` answering with ``figure`` (the best one when no eligible one is that sentence)."""
    analysis = analyze_question(own.question)

    def choose(eligible: list[Candidate]) -> Candidate:
        best = max(eligible, key=lambda c: c.score)
        for c in sorted(eligible, key=lambda c: -c.score):
            if c.sentence == sentence:
                span = next((sp for sp in quantity_spans(c.sentence, analysis) if sp.start == figure.start), None)
                if span is not None:
                    return replace(c, span=span)
        return best
    return choose


def _earlier_side(sentence: str, earlier: Span, later: Span, marks: tuple[set[str], set[str]]) -> int:
    """Which side the earlier figure of a from–to sentence is: the side named between 由 and that figure
    ("由2023年的35%"), else the side not named before the later one ("到现在的4100亩"), else the side compared
    against ("A比B": B)."""
    before_earlier = set(bigrams(sentence[max(0, earlier.start - 10):earlier.start]))
    before_later = set(bigrams(sentence[earlier.end:later.start]))
    for side in (0, 1):
        if marks[side] & before_earlier and not marks[1 - side] & before_earlier:
            return side
    for side in (0, 1):
        if marks[side] & before_later and not marks[1 - side] & before_later:
            return 1 - side
    return 1


def _from_to_sides(
    comparison: Comparison, answers: list[Answer], marks: tuple[set[str], set[str]],
    answer_again: Callable[[int, Callable[[list[Candidate]], Candidate]], Answer],
) -> bool:
    """Both sides answered from one sentence stating a change from one figure to another: each side takes
    its own end of the change (the earlier figure the side of the earlier state). Whether both now do."""
    if ablated("from_to") or not all(_stated(a) and a.citations for a in answers) or answers[0].sentence != answers[1].sentence:
        return False
    sentence = answers[0].sentence or ""
    found = from_to_figures(sentence, analyze_question(answers[0].question))
    if found is None:
        return False
    earlier, later = found
    first = _earlier_side(sentence, earlier, later, marks)
    for side, figure in ((first, earlier), (1 - first, later)):
        if answers[side].short != figure.text:
            moved = answer_again(side, _prefer_span(sentence, figure, answers[side]))
            if moved.short == figure.text:
                answers[side] = moved
    return answers[first].short == earlier.text and answers[1 - first].short == later.text


def parallel_sides(
    comparison: Comparison, sides: tuple[Answer, Answer],
    answer_again: Callable[[int, Callable[[list[Candidate]], Candidate]], Answer],
) -> tuple[Answer, Answer]:
    """Each side answered again preferring a figure stated like the other side's (``answer_again(i, choose)``
    answers side i with that choice); a side already stated most alike keeps its answer."""
    if comparison.dated:
        if len(comparison.measure) < 2:
            return sides
        return tuple(  # type: ignore[return-value]
            answer_again(i, _prefer_date_labelled(comparison.measure, sides[i])) if _stated(sides[i]) else sides[i] for i in (0, 1)
        )
    ignored = {g for q in comparison.side_questions for g in bigrams(q)}
    answers = list(sides)
    heads = [_head_noun(side) for side in comparison.sides]
    marks = side_marks(comparison)

    def one_figure_for_both() -> None:
        """One figure cannot stand for both: each side looks for its next figure, and the side that loses
        least by it (its next figure's sentence scores closest to its best) takes it; on a tie, the second."""
        if not (all(_stated(a) and a.citations for a in answers) and _same_figure((answers[0], answers[1]))):
            return
        costs: list[list[float]] = [[], []]
        moved = [answer_again(i, _prefer_stated_like(answers[1 - i], answers[i], ignored, heads[i], True, costs[i], marks[i]))
                 for i in (0, 1)]
        loss = [c[0] if c else float("inf") for c in costs]
        side = 0 if loss[0] < loss[1] else 1
        answers[side] = moved[side]

    def figures_unlike() -> bool:
        if not all(_stated(a) and a.citations for a in answers):
            return False
        read = [figure_of(a.short) for a in answers]
        return all(r is not None and r.unit for r in read) and not _comparable_units(
            read[0].unit, read[1].unit, "".join(comparison.side_questions))

    def one_kind_for_both() -> None:
        """Two figures of unlike kinds ("56.2万亩" against "6.83万吨") cannot be compared: each side looks for its
        best figure in the other side's kind of unit, and the side that loses least by it takes it."""
        if ablated("unlike_units_move") or not figures_unlike():
            return
        costs: list[list[float]] = [[], []]
        moved = [answer_again(i, _prefer_stated_like(answers[1 - i], answers[i], ignored, heads[i], True, costs[i], marks[i]))
                 for i in (0, 1)]
        fits = [i for i in (0, 1) if _stated(moved[i]) and moved[i].short != answers[i].short and costs[i]
                and (lambda r: r is not None and r.unit and _comparable_units(
                    r.unit, figure_of(answers[1 - i].short).unit, "".join(comparison.side_questions)))(figure_of(moved[i].short))]
        if fits:
            side = min(fits, key=lambda i: costs[i][0])
            answers[side] = moved[side]

    if _from_to_sides(comparison, answers, marks, answer_again):  # each side has its end of the change
        return answers[0], answers[1]
    one_figure_for_both()
    one_kind_for_both()
    # a side moved to be stated like the other's first figure ("5枚" of one athlete, not the team's "142枚") may
    # have drawn the first side along: once the second side has moved, the first is chosen again against it
    for _ in range(1 if ablated("second_pass") else 2):
        before = [a.short for a in answers]
        for side in (0, 1):
            if _stated(answers[side]) and _stated(answers[1 - side]):
                answers[side] = answer_again(side, _prefer_stated_like(answers[1 - side], answers[side], ignored, heads[side],
                                                                       marks=marks[side]))
        if [a.short for a in answers] == before:
            break
    one_figure_for_both()
    one_kind_for_both()  # (again: choosing alike may have drawn a side back to its first kind)
    return answers[0], answers[1]


# a side's figure "measures something else" when its sentence says at most half of the shared measure
# while the other side's says it by at least this much more (城镇新增就业568人 against 吸纳就业人员374人)
MEASURE_GAP = 0.5


def _stated_with(answer: Answer) -> str:
    """The side's sentence with the parallel clauses it continues: "赣州市一季度完成交通投资52.8亿元，居全省
    首位；上饶市完成31.4亿元；" states 上饶's figure of 完成交通投资 too (the clauses after ；leave out
    what the first one said). The whole 。-sentence of the paragraph, when the side's ends with ；."""
    sentence = answer.sentence or ""
    if not answer.citations or not sentence.rstrip().endswith(("；", ";")) or ablated("parallel_clauses"):
        return sentence
    text, at = answer.citations[0].text, answer.citations[0].text_answer_start
    at = text.rfind(sentence, 0, (at or 0) + len(sentence)) if text else -1
    if at < 0:
        return sentence
    start = max(text.rfind(mark, 0, at) for mark in "。！？!?\n") + 1
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
) -> Answer:
    """The comparison's answer from the two side answers (each an ordinary extractive Answer):
    the winner, the difference, yes or no, or the ratio, always with both values, citing both. When they cannot
    answer it, the two figures one sentence of ``hits`` (the paragraphs retrieved) states side by side
    (``stated_sides``: "A、B分别X和Y")."""
    answer = _composed(question, comparison, sides, elapsed_ms)
    if answer.refused and hits and not comparison.remainder:
        stated = stated_sides(comparison, shown_sides(comparison), hits)
        read = figure_of(stated[0].short) if stated is not None else None
        # the unit asked ("快几个百分点") says what kind of figure compares: a share, not 万人次
        if read is not None and comparison.unit and _measure_of(comparison.unit) != _measure_of(read.unit):
            stated = None
        if stated is not None:
            again = _composed(question, comparison, stated, elapsed_ms)
            if not again.refused:
                return again
        listed = _list_item_sides(comparison, sides, hits)
        if listed is not None:
            again = _composed(question, comparison, listed, elapsed_ms)
            if not again.refused:
                return again
    return answer


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


def _composed(question: str, comparison: Comparison, sides: tuple[Answer, Answer], elapsed_ms: float) -> Answer:
    dated = comparison.dated
    read = _date_key if dated else figure_of
    values = [None if s.refused or not s.citations else read(s.short) for s in sides]
    for side in (0, 1):
        if values[side] is None:
            return _refused_side(question, comparison, side, sides[side], elapsed_ms)
    if not dated and values[0].unit and values[1].unit and not _comparable_units(values[0].unit, values[1].unit, question):
        # "103万元" against "247人": one side's figure measures something else
        return _refused_side(question, comparison, 1, sides[1], elapsed_ms, f"找到的是{sides[1].short}，与{sides[0].short}不是同一种量")
    if _same_figure(sides):
        return _refused_side(question, comparison, 1, sides[1], elapsed_ms)
    unlike = _unlike_measure(comparison, sides)
    if unlike is not None:  # its figure measures something else: comparing it would mislead
        return _refused_side(question, comparison, unlike, sides[unlike], elapsed_ms,
                             f"找到的{sides[unlike].short}说的不是“{comparison.measure}”")
    if dated:
        key_a, key_b = _comparable_dates(values[0], values[1])
        if not key_a:
            return _refused_side(question, comparison, 1, sides[1], elapsed_ms, f"{sides[0].short}和{sides[1].short}无法按日期比较")
        apart = _date_difference(values[0], values[1], comparison.unit)
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
        shown = _plain(ratio) if abs(ratio) >= 1 else format(ratio.quantize(step / 10, rounding=ROUND_HALF_UP).normalize(), "f")
        if ratio == tenths:
            short = f"{_plain(ratio) if abs(ratio) >= 1 else format(ratio.normalize(), 'f')}倍"
            body = f"{name_a}是{name_b}的{short}（{cited}）。"
        else:  # a ratio of two figures is said to a tenth, "约2.8倍", with the exact quotient shown
            short = f"约{format(tenths.normalize(), 'f')}倍"
            body = f"{name_a}是{name_b}的{short}（{cited}，相除约为{shown}）。"
        if grew:
            body = f"{name_a}比{name_b}增长了{short}（{cited}，即是{name_b}的{_plain(ratio + 1)}倍）。"
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
            if comparison.unit and re.fullmatch(r"[\d.]+[万亿]?", apart):
                apart += comparison.unit
            short = apart
            body = (f"还有{apart}没有{comparison.measure}（共{sides[0].short}[1]，已{comparison.measure}{sides[1].short}[2]，"
                    f"相减得出）。")
        elif comparison.asks == DIFFERENCE:
            if apart and comparison.unit and not dated and re.fullmatch(r"[\d.]+[万亿]?", apart):
                apart += comparison.unit  # "多几件": 172项 and 74件 differ by 98件
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


# "还有多少处没整改完": an article usually states the whole and the part done in one sentence ("共排查隐患1870处，
# 已整改1842处"). The ordinary answer to the question finds that sentence; the part done is the figure after
# 已+the asked verb, the whole the figure before it in the same unit that is larger.
_DONE_BEFORE = re.compile(r"(?:已经|已)[^，,；;。：:\d]{0,6}$")
_WHOLE_BEFORE = re.compile(r"(?:共|总|累计|合计|全部|一共)[^，,；;。：:\d]{0,6}$")


def remainder_answer(question: str, comparison: Comparison, answer: Answer) -> Answer | None:
    """The remainder ``comparison`` asks (whole − done) read from the sentence of ``answer`` (the ordinary
    answer to the question), citing it; None when that sentence does not state both figures."""
    if not comparison.remainder or not _stated(answer) or not answer.citations or ablated("remainder"):
        return None
    sentence = answer.sentence or ""
    spans = sorted(quantity_spans(sentence, analyze_question(answer.question)), key=lambda sp: sp.start)
    verb = set(comparison.measure)

    def clause_before(span: Span) -> str:
        left = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, span.start)), default=0)
        return sentence[left:span.start]

    for i, done in enumerate(spans):
        before = clause_before(done)
        if not (_DONE_BEFORE.search(before) and verb & set(before)):
            continue
        done_figure = figure_of(done.text)
        if done_figure is None:
            continue
        wholes = [sp for sp in reversed(spans[:i]) if (f := figure_of(sp.text)) is not None
                  and f.unit == done_figure.unit and f.scale == done_figure.scale and f.value > done_figure.value]
        whole = next((sp for sp in wholes if _WHOLE_BEFORE.search(clause_before(sp))), wholes[0] if wholes else None)
        if whole is None:
            return None
        whole_figure = figure_of(whole.text)
        left = difference_text(whole_figure, done_figure)
        if comparison.unit and re.fullmatch(r"[\d.]+[万亿]?", left):
            left += comparison.unit
        cited = replace(answer.citations[0], n=1)
        body = (f"还有{left}没有{comparison.measure}（{sentence[whole.start - len(clause_before(whole)):whole.end]}，"
                f"{sentence[done.start - len(before):done.end]}[1]，相减得出）。")
        return Answer(question=question, answer=body, refused=False, citations=(cited,), short=left,
                      sentence=sentence, timings_ms=dict(answer.timings_ms))
    return None
