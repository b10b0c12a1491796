"""Reading a comparison question: the forms it takes and, in each, its two sides and the relation asked.

A comparison names two sides (places, periods, groups, programmes, dates) and one
measure, in many forms: "A和B哪个多", "A和B谁更早", "A多还是B多", "A还是B的X高",
"X是A多还是B多", "A比B多多少", "A比B多吗", "A是不是比B多", "A和B相差多少",
"A是B的几倍", "…前者还是后者多". One mechanism reads them all:

1. the *relation* is found from the end of the question (the direction word 多/少/早/…,
   with 哪个/谁, 还是, 比, 相差 or 倍 around it): this module;
2. the *sides* are the two phrases around a connector (``split_sides``), or around the
   preposition 比 (outside the words it forms);
3. the *shared* words (a clause before the sides, "哈拉直沟乡渠道工程里"; the measure
   after them, "城镇新增就业") go to both sides, and what one side leaves out
   (its place, period or figure, or the whole measure: "城中区的城镇新增就业比
   祁连县多") is filled in from the other (``complete_sides``, ``anchors``, ``lead_name``).

Each side becomes an ordinary question ("祁连县的城镇新增就业多少", ``side_questions``), which the caller
retrieves and answers like any other; ``side_figures`` and ``answer`` compare the answers.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Collection

from ..question import analyze_question, pos_cut
from ..settings import ablated
from .anchors import NAME_LEVELS, TIME_ENDINGS, read_anchors
from .asked import DATED, DIFFERENCE, DIRECTIONS, RATE_ASKED, RATIO, WHICH, YES_NO, Comparison
from .side_questions import build_comparison, measure_words, unit_asked
from .split_sides import KIND_SHARED, inside_names, two_sides


_D = f"[{DIRECTIONS}]"
_MORE_WORDS = r"(?:更加|更为|更|还要|还|要|稍|略|在|靠)?"
_AFTER_DIRECTION = r"(?:一些|一点儿?|些|点)?"
_PARTICLE = r"(?:吗|么|嘛|呢|没有|不)?"

_LEADING = re.compile(r"^(?:请问|请告诉我|我想知道|想知道|想问一下|想问|问一下|麻烦问一下|你知道)[，,：:]?")
_TRAILING = re.compile(r"[？?。！!\s]+$")
_FIRST_THEN = re.compile(r"(谁|哪个|孰)[先早](?:谁|哪个|孰)[后晚]")
_TRAILING_PARTICLE = re.compile(r"(?:呢|啊|呀|哇|哈)$")


# "A和B相比，X多了多少" / "A的X和B的相比，多多少" is "AX比B多了多少"
_THEN_AGAINST = re.compile(
    r"^(?P<a>[^，,]+?)(?:和|与|跟|同)(?P<b>[^，,]+?)(?:相比|相较|比起来|比较|对比|比)[，,]?"
    r"(?P<measure>[^，,]*?)(?P<rest>(?:更|还要|要)?[多少高低大小长短快慢早晚重轻远近](?:了|出|出了)?(?:多少|几).*)$"
)
# "A超出B多少", "A比B高出几个百分点" without 比: the difference
_EXCEEDS_RE = re.compile(r"^(?P<a>.+?)(?:超出|超过|多出|高出|领先)(?P<b>.+?)(?P<rest>(?:多少|几).*)$")
# "A和B相隔多少天": two dates apart
_DATES_APART = re.compile(r"^(?P<left>.+?)(?:之间)?(?:相隔|间隔|隔了|相距)(?:了)?(?:多少|几|多久|多长时间)(?P<unit>[^吗]*)$")
# "与B相比，A多多少" is "A比B多多少"
_AGAINST_FIRST = re.compile(r"^(?:和|与|跟|同|较|相比于|相较于)(?P<b>[^，,]+?)(?:相比|相较|比起来|比较|比)[，,]?(?P<a>[^，,]+?)(?P<rest>(?:更|还要|要)?[多少高低大小长短快慢早晚重轻远近].*)$")
# 哪 with any measure word ("哪条更长", "哪张金额大", "哪批多"): the classifier says nothing about the relation
_CLASSIFIERS = "个项种方年边家座所类样位条张批件份台辆只支场届期次天月本部队组户名道处栋间片块段款门"
_WH = (rf"(?:是)?(?:哪一?个(?:地方|地区|数字|数据|数值|数)|哪里|哪儿|哪一?[{_CLASSIFIERS}]|谁|"
       r"前者还是后者|后者还是前者|前一个还是后一个)")
_WHICH_RE = re.compile(
    rf"^(?P<left>.+?)[，,]?{_WH}(?P<mid>[^，,]*?){_MORE_WORDS}(?P<dir>{_D}){_AFTER_DIRECTION}(?P<verb>[^{DIRECTIONS}，,]{{0,4}}?)"
    rf"(?:{_WH}{_D})?{_PARTICLE}$"
)
# "A和B哪个更早开通高铁": the verb after a direction of time may hold any other direction's character (高 of 高铁)
_WHICH_DATED_VERB_RE = re.compile(_WHICH_RE.pattern.replace(f"(?P<verb>[^{DIRECTIONS}，,]", "(?P<verb>[^多少早晚先前后，,]"))
_WH_FIRST_RE = re.compile(  # 哪个更多：A还是B / 谁更早，A和B
    rf"^(?P<mid>[^，,：:]*?){_WH}(?P<mid2>[^，,：:]*?){_MORE_WORDS}(?P<dir>{_D}){_AFTER_DIRECTION}[，,：:](?P<left>.+)$"
)
_WHICH_IS_RE = re.compile(  # A和B中较多的是哪个
    rf"^(?P<left>.+?)[，,]?(?:更|较|比较|相对)?(?P<dir>{_D})(?:一些|一点|些)?的(?:是|为)?{_WH}$"
)
_EITHER_RE = re.compile(  # A多还是B多, A的X高还是B的X高
    rf"^(?P<left>.+?){_MORE_WORDS}(?P<dir>{_D}){_AFTER_DIRECTION}[，,]?还是(?P<right>.+?){_MORE_WORDS}(?P=dir){_AFTER_DIRECTION}$"
)
_HAISHI_RE = re.compile(  # A还是B(的X)多
    rf"^(?P<left>.+?还是.+?){_MORE_WORDS}(?P<dir>{_D}){_AFTER_DIRECTION}(?P<verb>[^{DIRECTIONS}，,]{{0,4}}?)$"
)
_APART_RE = re.compile(  # A和B相差多少
    r"^(?P<left>.+?)(?:之间)?(?:的)?(?:数量|人数)?(?:相差|差了|差距|相距|差值|差额|差)(?:是|有|为)?(?:多少|几|多大|多)(?P<unit>[^吗]*)$"
)
_RATIO_RE = re.compile(r"^(?P<a>.+?)(?:是|为|相当于|等于)(?P<b>.+?)的(?:几|多少)倍(?:多)?$")
# "…哪个多？多几所？" / "…？相差多少？": a second question asking the difference
_FOLLOW_DIFFERENCE = re.compile(rf"^(?:那|那么)?(?:{_D}|相差|差|差了|差距)(?:了|出|出了)?(?:多少|几|多久|多长时间)(?P<unit>[^吗？?]*)$")
# after "A比B": the direction, then what is asked
_AFTER_BI = re.compile(
    # "比B前" is no comparison, so neither is 在/靠 (在前, 靠前) a word before the direction: "比现在多" is 现在's
    rf"^(?P<b>.+?){_MORE_WORDS.replace('|在|靠', '')}(?P<dir>[{DIRECTIONS.rstrip('前后')}]){_AFTER_DIRECTION}"
    rf"(?:(?P<ratio>了?(?:几|多少)倍)"
    rf"|(?P<verb>[^{DIRECTIONS}几吗]{{0,3}}?)(?P<diff>了|出|出了)?(?:多少|几|多久|多长时间)(?P<unit>[^吗]*)"
    rf"|(?P<either>还是{_D})"
    rf"|(?P<yes>了?(?:吗|么|嘛|没有|不{_D})?))$"
)
# 比 as a preposition, found by character: jieba glues it to the next one ("比线上" is cut
# 比线/上, "比分水闸" 比分/水闸), so the words 比 forms (比例, 比对, 同比, …) are ruled out instead
_BI = re.compile(r"(?<![对相同环占评好无类正反比])(?:比起|比|较)(?![例重率赛较如方拼武值特为对照喻拟划])")
# "A比B提高/增加/减少了多少": a change verb before the difference asked is its direction (提高 is no 提 and 高)
_CHANGE_DIRECTION = {"提高": "高", "提升": "高", "上升": "高", "增加": "多", "增长": "多", "增多": "多", "扩大": "多",
                     "减少": "少", "下降": "低", "降低": "低", "缩小": "少", "缩减": "少"}
_CHANGE_VERB = re.compile(f"(?:{'|'.join(_CHANGE_DIRECTION)})(?=(?:了|出|出了)?(?:多少|几))")
_YES_NO_CUE = re.compile(r"(?:是不是|是否|有没有|真的|确实|的确)$")
_THAN_RE = re.compile(  # A超过B了吗, A多于B吗
    r"^(?P<a>.+?)(?P<cue>是不是|是否|有没有)?(?P<verb>超过|多于|高于|大于|少于|低于|小于|早于|晚于)了?(?P<b>.+?)了?(?P<q>吗|么|没有)?$"
)
_AS_MUCH_RE = re.compile(  # A有没有B多, A有B多吗
    rf"^(?P<a>.+?)(?P<cue>有没有|没有|有)(?P<b>.+?)(?:那么|这么|那样|这样)?(?P<dir>{_D})(?P<q>吗|么)?$"
)
_THAN_DIRECTION = {"超过": "多", "多于": "多", "高于": "高", "大于": "大", "少于": "少", "低于": "低", "小于": "小",
                   "早于": "早", "晚于": "晚"}


# words that hedge the asked figure ("大约是…的几倍", "比现在至少多多少"): they say how exact the answer
# may be, never which side or measure, so a side's question does not carry them
_HEDGE = re.compile(r"大约|大概|大致|差不多|至少|起码")


def _clean(question: str) -> str:
    text = _TRAILING.sub("", (question or "").strip())
    text = _LEADING.sub("", text)
    text = _TRAILING_PARTICLE.sub("", text)
    text = text if ablated("hedge") else _HEDGE.sub("", text)
    return _FIRST_THEN.sub(r"\1先", text)  # "谁先谁后" asks which is first


def _read_bi(text: str, names: Collection[str]) -> Comparison | None:
    """"A比B多多少", "A比B多吗", "A是不是比B多", "A比B多几倍", "A比B多还是少"."""
    covered = inside_names(text, names)
    for bi in _BI.finditer(text):
        start, at = bi.start(), bi.end()
        if start in covered:
            continue
        a, rest = text[:start], text[at:]
        verb = ""
        if not ablated("change_verb"):  # "比2023年提高了多少个百分点": the change verb says the direction
            verb = next((m.group() for m in _CHANGE_VERB.finditer(rest)), "")
            rest = _CHANGE_VERB.sub(lambda m: _CHANGE_DIRECTION[m.group()], rest, count=1)
        match = _AFTER_BI.match(rest)
        if not a or not match:
            continue
        yes_no = _YES_NO_CUE.search(a)
        a = _YES_NO_CUE.sub("", a).rstrip("，,")
        pre, _, a = a.rpartition("，") if "，" in a else ("", "", a)
        direction = match.group("dir")
        if match.group("ratio"):
            ratio = build_comparison(pre, a, match.group("b"), "", RATIO, direction)
            # a verb of growth before 几倍 ("增长了几倍", "提高了多少倍") asks how many times it grew: A÷B − 1
            return replace(ratio, growth=True) if ratio and verb and _CHANGE_DIRECTION[verb] in ("多", "高") else ratio
        if match.group("unit") is not None:
            return build_comparison(pre, a, match.group("b"), "", DIFFERENCE, direction, match.group("unit"), match.group("verb") or "")
        if match.group("either"):
            return build_comparison(pre, a, match.group("b"), "", DIFFERENCE, direction)
        if match.group("yes") is not None and (yes_no or match.group("yes")):
            return build_comparison(pre, a, match.group("b"), "", YES_NO, direction)
    return None


# "隐患还有多少处没整改完", "还剩几户没搬迁": the whole less the part the verb is done for. The article
# states the whole ("共排查隐患1870处") and the part done ("已整改1842处"); the remainder is their difference.
_REMAINDER_RE = re.compile(
    r"^(?P<pre>.+?)[，,]?(?:现在|目前)?(?:还有|还剩下?|尚有|剩下|剩余|还差)(?:多少|几)(?P<unit>[^没未\d]{0,2}?)"
    r"(?:还|仍然|仍)?(?:没有|没|未|尚未|还没有?)(?P<verb>[\u4e00-\u9fff]{1,6}?)(?:完成|完毕|完|好|到位|结束)?(?:的)?$"
)


def _read_remainder(text: str) -> Comparison | None:
    """"X还有多少处没整改完": side A the whole X ("X多少处"), side B the part done ("X已整改多少处")."""
    match = _REMAINDER_RE.match(text) if not ablated("remainder") else None
    if not match:
        return None
    pre, unit, verb = match.group("pre").strip(" ，,"), match.group("unit"), match.group("verb")
    if len(pre) < 2:
        return None
    unit = unit_asked(unit)
    whole, done = f"{pre}多少{unit}", f"{pre}已{verb}多少{unit}"
    return Comparison((pre, f"已{verb}"), (whole, done), DIFFERENCE, "多", unit, verb, stated_change=text,
                      alternatives=((), (f"已{verb}多少{unit}",)), remainder=True)


def _kind_word(mid: str) -> str:
    """``mid`` (the words after 哪个) less the noun opening it when more of the measure follows: after 哪个 a noun names
    the kind of thing the sides are ("哪个时段平均每天坐车的人多": the sides are periods, the measure is 平均每天坐车的人),
    though the sides do not end in it ("一季度和上半年")."""
    words = pos_cut(mid)
    # a common noun only (时段, 季度, 企业): a place word (城镇, ns) opens a measure of its own, "哪个城镇新增就业更多"
    if ablated("which_kind") or len(words) < 2 or words[0][1] != "n" or len(words[0][0]) < 2:
        return mid
    rest = mid[len(words[0][0]):]
    return rest.removeprefix("的") if len(rest.removeprefix("的")) >= 2 else mid


def _without_kind(mid: str, a: str, b: str) -> str:
    """``mid`` (the words after 哪个) less the kind noun both sides end in: "区城镇新增就业人数" after
    播州区 and 汇川区 is 城镇新增就业人数, "镇的草莓卖的钱" after two towns 草莓卖的钱; the kind
    says which of the two, it is no part of the measure."""
    if ablated("sides_kind"):
        return mid
    kind = next((n for n in range(min(len(mid), len(a), len(b), 5), 0, -1)
                 if a.endswith(mid[:n]) and b.endswith(mid[:n])), 0)
    if not kind or mid[:kind].endswith(TIME_ENDINGS):  # "上半年和下半年哪个半年…": periods are completed apart
        return mid
    ends = {0}
    for word, _ in pos_cut(mid):
        ends.add(max(ends) + len(word))
    if kind not in ends and mid[kind - 1] not in NAME_LEVELS:  # a whole word or a level of place (县|种的, jieba's 县种):
        # the 幅 of 降幅 and 增幅 is no kind of "幅度要求"
        return mid
    return mid[kind:].removeprefix("的")


# "…差了多少起？哪个多？": after a difference, a second question asking the winner, which its answer names
_FOLLOW_WHICH = re.compile(rf"^{_WH}{_MORE_WORDS}{_D}{_AFTER_DIRECTION}{_PARTICLE}$")


def _which_sides(match: re.Match, names: Collection[str]) -> tuple[str, str, str, str] | None:
    """(shared words before, side A, side B, shared measure) of a 哪个/谁 question ``match`` read: the measure is the
    words after the sides and those between 哪个 and the direction (``mid``, ``mid2``) less the sides' kind noun."""
    found = two_sides(match.group("left"), names)
    if not found:
        return None
    pre, a, b, after = found
    groups = match.groupdict()
    mid = (groups.get("mid") or "") + (groups.get("mid2") or "")
    kindless = _without_kind(mid, a, b)
    if kindless == mid and "mid" in groups and match.string[:match.start("mid")].endswith(("哪个", "哪一个")):
        kindless = _kind_word(mid)
    return pre, a, b, after + measure_words(kindless)


def parse_comparison(question: str, names: Collection[str] = ()) -> Comparison | None:
    """The comparison ``question`` asks (``read_comparison``); when the count and kind after side B shared by both
    ("东台和亭湖两家法院…") leave sides that cannot be asked apart, the question read with them in side B."""
    compared = read_comparison(question, names)
    if compared is None and KIND_SHARED.get() and "两" in question:
        token = KIND_SHARED.set(False)
        try:
            compared = read_comparison(question, names)
        finally:
            KIND_SHARED.reset(token)
    return _with_amount_sides(question, compared)


# a growth rate asked of a side ("…接待游客的同比增速多少", "…收入增长了百分之几"): news states it right after the
# side's amount ("接待游客1126万人次，同比增长9.8%"), so the side is asked its amount too (the answer reads the
# rate after it: comparison.answer ``_growth_after``)
_RATE_WORDS = re.compile(r"的?(?:同比)?(?:增速|增长速度|增长幅度|增幅|涨幅|增长率)(?=多少|是多少|$)|(?:增长|上涨|提高)了?百分之几$")


def _with_amount_sides(question: str, compared: Comparison | None) -> Comparison | None:
    if compared is None or compared.dated or compared.asks != WHICH or ablated("rate_amount_sides") \
            or not RATE_ASKED.search(question):
        return compared
    amounts = []
    for asked, alternatives in zip(compared.side_questions, compared.alternatives):
        found = _RATE_WORDS.search(asked)
        amount = f"{asked[:found.start()]}{asked[found.end():]}" if found else ""
        amount = amount if amount.endswith("多少") else amount + "多少" if amount else ""
        amounts.append(alternatives + ((amount,) if amount and amount != asked else ()))
    return replace(compared, alternatives=(amounts[0], amounts[1]))


def read_comparison(question: str, names: Collection[str] = ()) -> Comparison | None:
    """The comparison ``question`` asks, or None when it asks for no comparison of two sides.

    ``names`` are the corpus's own names (the index's user words): a connector
    inside one of them ("和平医院") never splits the sides.
    """
    text = _clean(question)
    if not text:
        return None
    first, then = (p.strip(" ，,") for p in (re.split(r"[？?]", text, maxsplit=1) + [""])[:2])
    if not then and re.search(r"[，,]", text):  # "…哪类多，多几个": the last clause may be the follow-up
        first, _, then = text.rpartition("，" if "，" in text else ",")
        then = then if _FOLLOW_DIFFERENCE.match(then.strip()) else ""
        first = first if then else text
    if then and _FOLLOW_WHICH.match(then) and not ablated("difference_then_which"):
        compared = parse_comparison(first, names)
        if compared is not None and compared.asks == DIFFERENCE:
            return compared
    if then:  # "A和B哪个多？多几所？": the comparison, then its difference
        follow = _FOLLOW_DIFFERENCE.match(then.strip())
        compared = parse_comparison(first, names) if follow else None
        if compared is not None and compared.asks == WHICH:
            # a side refused is asked again in the follow-up's unit ("多几个": "…多少个"); only then, as the
            # difference's unit need not be each side's (12座 and 28个 differ by 16个; 头 and 只)
            asked_unit = "" if ablated("follow_unit") else unit_asked(follow.group("unit").strip())
            if asked_unit and len(asked_unit) <= 2:
                compared = replace(compared, alternatives=tuple(  # type: ignore[arg-type]
                    alternatives + ((asked + asked_unit,) if asked.endswith("多少") else
                                    # "…牧户多少户" asked "多多少户次": in the compound unit
                                    (asked + asked_unit[1:],) if asked.endswith(f"多少{asked_unit[0]}")
                                    and len(asked_unit) == 2 and not ablated("follow_compound_unit") else ())
                    for asked, alternatives in zip(compared.side_questions, compared.alternatives)))
            return replace(compared, with_difference=True, unit=compared.unit or follow.group("unit").strip())
    left = _read_remainder(text)
    if left is not None:
        return left
    against = _AGAINST_FIRST.match(text)
    if against:
        text = f"{against.group('a')}比{against.group('b')}{against.group('rest')}"
    then_against = _THEN_AGAINST.match(text)
    if then_against:
        text = f"{then_against.group('a')}{then_against.group('measure')}比{then_against.group('b')}{then_against.group('rest')}"
    exceeds = _EXCEEDS_RE.match(text) if "比" not in text else None
    if exceeds and not analyze_question(exceeds.group("b")).figures:
        text = f"{exceeds.group('a')}比{exceeds.group('b')}多{exceeds.group('rest')}"
    apart = _DATES_APART.match(text)
    if apart:
        found = two_sides(apart.group("left"), names)
        if found:
            return build_comparison(*found, DIFFERENCE, "早", apart.group("unit"))
    match = _RATIO_RE.match(text)
    if match:
        pre, _, a = match.group("a").rpartition("，")
        b = match.group("b")  # "线下的岗位是线上的几倍": "线上的" borrows 岗位; a bare "祁连县" borrows the whole measure
        return build_comparison(pre, a, b if read_anchors(b).bare else b + "的", "", RATIO, "多")
    compared = _read_bi(text, names)
    if compared is not None and compared.asks == DIFFERENCE and compared.stated_change is None \
            and not compared.dated and read_anchors(compared.sides[1]).bare and not read_anchors(compared.sides[1]).entities:
        # "A比2023年提高了多少": when the two figures are not both found, the question as asked (the article
        # may state the change itself: "较2023年提高43个百分点")
        compared = replace(compared, stated_change=text)
    if compared is not None:
        return compared
    match = _THAN_RE.match(text)
    if match and (match.group("cue") or match.group("q")) and not analyze_question(match.group("b")).figures:
        pre, _, a = match.group("a").rpartition("，")
        return build_comparison(pre, a, match.group("b"), "", YES_NO, _THAN_DIRECTION[match.group("verb")])
    match = _AS_MUCH_RE.match(text)
    if match and (match.group("cue") != "有" or match.group("q")) and not analyze_question(match.group("b")).figures:
        pre, _, a = match.group("a").rpartition("，")
        return build_comparison(pre, a, match.group("b"), "", YES_NO, match.group("dir"))
    match = _APART_RE.match(text)
    if match:
        found = two_sides(match.group("left"), names)
        if found:
            return build_comparison(*found, DIFFERENCE, "多", match.group("unit"))
    match = _EITHER_RE.match(text)
    if match:
        pre, _, left = match.group("left").rpartition("，")
        measure, is_, a = left.removeprefix("是").rpartition("是")  # "城镇新增就业是城中区多还是祁连县多"
        if not is_ or not measure:
            measure, a = "", left.removeprefix("是")
        return build_comparison(pre, a, match.group("right"), measure, WHICH, match.group("dir"))
    match = _WH_FIRST_RE.match(text) or _WHICH_IS_RE.match(text)
    found = _which_sides(match, names) if match else None
    if found:
        return build_comparison(*found, WHICH, match.group("dir"))
    dated_verb = () if ablated("dated_verb") else (_WHICH_DATED_VERB_RE,)
    for pattern in (_WHICH_RE, *dated_verb, _HAISHI_RE):
        match = pattern.match(text)
        if not match:
            continue
        verb = match.group("verb")
        if verb and match.group("dir") not in DATED:
            continue  # "哪个大学生多": a trailing word after 多/少 is no verb of a date
        found = _which_sides(match, names)
        if found:
            return build_comparison(*found, WHICH, match.group("dir"), verb=verb)
    return None
