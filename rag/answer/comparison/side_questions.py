"""The ``Comparison`` built from the two sides as read: each side completed from the other and worded as an
ordinary question ("祁连县的城镇新增就业多少", in the unit asked), with the other ways to ask it when it is
refused, the shared measure, and the change the text may state itself ("X比2024年多多少").
"""
from __future__ import annotations

import re

from ..question import pos_cut, pos_tokenizer
from ..settings import ablated
from .anchors import is_time_word, read_anchors, times_named
from .asked import DATED, DIFFERENCE, LARGER, Comparison
from .complete_sides import complete, kind_tail, parallel_head, shared_predicate, without_lent_place
from .lead_name import lead_name, opening_place


_AS_DATE = {"先": "早", "前": "早", "后": "晚"}  # "哪个先/在前": the earlier one


# "比去年/同期多多少" asks for a change the text states itself, not for two figures
_DIRECTION_ONLY = re.compile(r"(?:是)?(?:多|少|高|低|增加|减少|增长|下降|上升|提高|降低|升|降|涨|跌)了?")
_RELATIVE_PERIOD = re.compile(r"^(?:上一?年|去年|前年|上年|同期|上月|上个月|上季度|上一季度|以前|过去|原来|之前|往年|平时|预期|目标)")
# a calendar period (not 以前/平时/目标/同期): opening the first side only, it may date both
_DATING_PERIOD = re.compile(r"^(?:上一?年|去年|前年|上年|上月|上个月|上季度|上一季度)(?:度|同期)?")
_EARLIER_THING = re.compile(r"^(?:原来|以前|之前|过去)的[\u4e00-\u9fff]{2,}")


def _short_names(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are two short names of the same kind of thing (名 and 名, no 的, verb, period or figure,
    neither inside the other), which the tagger may read as measures ("万龙", "云顶"): the words after both are
    their shared measure, neither lends the other a word."""
    if ablated("side_short_names") or a in b or b in a:
        return False
    for side, other in ((a, b), (b, a)):
        words = pos_cut(side)
        if not 2 <= len(side) <= 4 or len(words) > 2 or "的" in side or re.search(r"\d", side) or times_named(side):
            return False
        # one word beside a place's name is a name the tagger misread ("遵义" tagged a verb, against 贵阳)
        named_beside = len(words) == 1 and not ablated("name_beside_place") and read_anchors(other).entities == (other,)
        if not named_beside and any(flag.startswith(("v", "m", "t", "r", "d", "p", "c", "a")) for _, flag in words):
            return False
    return True


def _this_period(side: str) -> str:
    """The period a demonstrative opening ``side`` points at ("这个雪季", "这个暑假", "这一季"); "" when none."""
    if ablated("this_period"):
        return ""
    words = pos_cut(side)
    if len(words) < 3 or words[0][0] not in ("这个", "这", "这一") or words[0][1] != "r":
        return ""
    word, flag = words[1]
    if is_time_word(word, flag) or re.fullmatch(r"一(?:季|年|月|周|季度)", word):
        return words[0][0] + word
    return ""


# a side named by its count ("…就业的人数", "…增加的钱") asks in that count's unit: "…就业多少人"
# reads as the text writes figures ("促进700余名低收入群体就业"), "…的人数多少" names a word it never says
_COUNT_NOUN = re.compile(
    r"(?:的)?(?:(?P<unit>人|户|次|个|家|场|所|项|件|辆)数|(?P<money>钱|资金|金额|钱数)|数量|总数|数目"
    r"|(?P<compound>人次|场次|户次|车次|架次|班次|批次|人数次))$"  # a compound unit named as the measure: "观看人次"
)
_HOW = {"长": "多长", "短": "多长", "远": "多远", "近": "多远", "重": "多重", "轻": "多重"}
_COUNTED_ENDINGS = "户人家所个场项座条辆次"


def unit_asked(unit: str) -> str:
    """The unit a question asks in as the text writes it: "多几个人" asks in 人."""
    return re.sub(r"^个(?=人)", "", unit)


def _counted_unit(side: str) -> str:
    """"困难户" is counted in 户, "参赛队伍" is not: a side ending in a classifier asks in that unit."""
    if len(side) < 2 or side[-1] not in _COUNTED_ENDINGS:
        return ""
    # "专家", "国家" are words of their own, counted otherwise (11名 专家)
    return "" if pos_tokenizer().tokenizer.FREQ.get(side[-2:], 0) >= 5 else side[-1]


_NAMES_RATE = re.compile(r"幅|增速|增长|率|百分")
_GROWTH = {"涨": "增长", "增": "增长", "升": "增长", "降": "下降", "减": "下降", "跌": "下降"}


def measure_words(text: str) -> str:
    """Shared measure words as they read in a side question: without a leading 的/是 or a trailing 得/了."""
    text = re.sub(r"^(?:的|是|在|上(?!半年|半月|个?月|季度|旬|周)|里)", "", text.strip(" ，,"))  # 上半年 keeps its 上
    text = re.sub(r"(?:得|了|的|地)$", "", text)
    if text in _GROWTH:  # "哪个涨得快": how much each grew
        return _GROWTH[text]
    return text if len(text) >= 2 else ""



# a side that is the present only ("比现在多多少") and the words of a target it may borrow from the other side
_PRESENT = re.compile(r"(?:现在|目前|当前|如今|眼下)(?:的)?")
_TARGET_WORDS = r"(?:的)?(?:目标|计划)"


def build_comparison(
    pre: str, a: str, b: str, post: str, asks: str, direction: str, unit: str = "", verb: str = ""
) -> Comparison | None:
    a, b = a.strip(" ，,"), b.strip(" ，,")
    # "去年越城区和柯桥区的…": a relative period opening a side that names a subject (the other side opening
    # with a name parallel to it) dates both sides, it is no earlier side
    if not a or not b or a == b:
        return None
    this = _this_period(a)
    if this and not times_named(b) and not _this_period(b) and len(a) - len(this) >= 2:
        pre, a = pre + this, a[len(this):]  # "这个雪季万龙和云顶": the period the demonstrative points at dates both
    opening = _RELATIVE_PERIOD.match(a)
    # …and so does one opening a side whose name ("去年雷州市营造红树林比遂溪县") is parallel to the other side
    if opening and not lead_name(b, a) and (ablated("lead_name_after_period") or not opening_place(a[opening.end():], b)):
        dating = _DATING_PERIOD.match(a)
        if not dating or ablated("period_dates_both") or len(a) - dating.end() < 2 or times_named(b) \
                or _RELATIVE_PERIOD.match(a[dating.end():].lstrip("的")):
            return None
        # "去年柳叶湖旅游度假区和桃源县", "去年常德交警查处的酒驾比醉驾": a calendar period opening the first side
        # while the other names no period of its own dates both sides, as a period before them does
        pre, a = pre + dating.group(), a[dating.end():].lstrip("的")
    # "比去年多了多少" is one change against an earlier period; "比原来的赛会纪录快了多少" names the earlier
    # thing itself (原赛会纪录, a figure of its own): two sides
    if _RELATIVE_PERIOD.match(b) and (ablated("durations") or not _EARLIER_THING.match(b)):
        return None
    # "A比去年是多了还是少了": the two "sides" around 还是 are the two directions of one change against
    # an earlier period (a change question, one figure: 下降3.2%), not two things to compare
    if not ablated("one_sided_change") and (_DIRECTION_ONLY.fullmatch(a) or _DIRECTION_ONLY.fullmatch(b)):
        return None
    direction = _AS_DATE.get(direction, direction)
    a_head, b_head = a + kind_tail(a, b), b + kind_tail(b, a)  # "物业服务类" against "市场管理类诉求"
    full_a, full_b = complete(a_head, b_head), complete(b_head, a_head)
    if (measure_words(post) or measure_words(verb)) and _short_names(a_head, b_head):  # "万龙和云顶两家雪场接待的滑雪者": two names, the measure after both
        full_a, full_b = a_head, b_head
    if not ablated("present_side"):  # "明年的存栏目标比现在多多少": the present's figure is no target
        full_a, full_b = (re.sub(_TARGET_WORDS, "", full) if _PRESENT.fullmatch(side) and not re.search(_TARGET_WORDS, side) else full
                          for full, side in ((full_a, a), (full_b, b)))
    shared = measure_words(post) + measure_words(verb)
    # "哪个涨得快" compares growth rates, unless a side names its rate itself ("…的涨幅")
    rate = direction in "快慢" and shared.endswith(("增长", "下降")) and not _NAMES_RATE.search(a + b)
    if direction in "快慢" and shared in _GROWTH.values() and not rate:
        shared = ""
    # "X方面，A和B谁多"; "新建的分馆里，A和B哪个多": the 里/中 only says the sides are among X
    pre = re.sub(r"(?:方面|来看|来说|而言|之中|当中|中间|里面|里|中)$", "", pre.strip(" ，,：:")).strip(" ，,：:")
    dated = direction in DATED
    unit = re.sub(r"^(?:了|的)", "", unit.strip())
    unit = unit_asked(unit)  # "多几个人"

    def question(full: str) -> str:
        if dated:
            return f"{pre}{full}{shared}是什么时候"
        if rate and not unit:
            return f"{pre}{full}{shared}了百分之几"
        if not unit and direction in _HOW:  # "哪个长": how long each is
            return f"{pre}{full}{shared}{_HOW[direction]}"
        phrase = f"{full}{shared}"
        count = _COUNT_NOUN.search(phrase)
        if count and len(phrase) > count.end() - count.start() + 1:
            phrase = phrase[:count.start()]
            asked_unit = unit or count.group("unit") or count.group("compound") or ("钱" if count.group("money") else "")
        else:
            asked_unit = unit if unit and unit not in ("倍",) else _counted_unit(phrase)
        if asked_unit == "个" and phrase.endswith("人"):  # "…的人少几个": people are counted in 人
            asked_unit = "人"
        return f"{pre}{phrase}多少{asked_unit}"

    if question(full_a) == question(full_b):
        return None  # nothing tells the sides apart
    anchors_a, anchors_b = read_anchors(a), read_anchors(b)
    borrowed = anchors_b.measure if anchors_a.bare else anchors_a.measure if anchors_b.bare else ""
    leads = (lead_name(a, b), lead_name(b, a))  # a side opening with a name the analysis did not read
    for side, lead in zip((a, b), leads):
        if lead:
            borrowed = read_anchors(side[len(lead):]).measure
    head_measure = parallel_head(b, a) or parallel_head(a, b)  # "城镇居民人均可支配收入" against "农村居民"
    measure = shared if len(shared) >= 2 else head_measure or borrowed
    change = None
    if asks == DIFFERENCE and not dated and anchors_b.bare and anchors_b.times and not anchors_b.entities and anchors_a.times:
        side_a = question(full_a)  # "2025年…多少人" → "2025年…与2024年相比增加了多少人": the same unit
        at = side_a.rfind("多")
        change = f"{side_a[:at]}与{b}相比{'增加' if direction in LARGER else '减少'}了{side_a[at:]}"
    alternatives = []
    for side, full, anchors, other in ((a, full_a, anchors_a, anchors_b), (b, full_b, anchors_b, anchors_a)):
        asked = [question(full)]
        if not anchors.bare and full != side:
            # the place lent by the other side may be one this side's article never names ("厦门…轨道交通" where
            # the paragraph says 全市): the side with the borrowed measure but not that place, then the side alone
            unplaced = without_lent_place(full, side, other.entities)
            if unplaced:
                asked.append(question(unplaced))
            asked.append(question(side))
        if unit and not dated:
            unit, kept = "", unit  # question() reads it
            asked.append(question(full))
            unit = kept
        alternatives.append(tuple(dict.fromkeys(q for q in asked[1:] if q != asked[0])))
    # "星瀚智能和江城微电子新增授权发明专利": the predicate both share is no part of B's name
    predicate = shared_predicate(a, b)
    b = b[:-len(predicate)] if predicate and b.endswith(predicate) else b
    predicate = shared_predicate(b, a)
    a = a[:-len(predicate)] if predicate and a.endswith(predicate) else a
    a, b = (lead or side for side, lead in zip((a, b), leads))  # "海安市去年城镇新增就业" is shown as 海安市
    a, b = (re.sub(r"(?<=.)的$", "", side) for side in (a, b))  # "线上的" is shown as 线上
    return Comparison((a, b), (question(full_a), question(full_b)), asks, direction, unit, measure, change,
                      alternatives=(alternatives[0], alternatives[1]))
