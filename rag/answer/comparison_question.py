"""Reading a comparison question: its two sides, the one measure they share, and the relation asked.

A comparison names two sides (places, periods, groups, programmes, dates) and one
measure, in many forms: "A和B哪个多", "A和B谁更早", "A多还是B多", "A还是B的X高",
"X是A多还是B多", "A比B多多少", "A比B多吗", "A是不是比B多", "A和B相差多少",
"A是B的几倍", "…前者还是后者多". One mechanism reads them all:

1. the *relation* is found from the end of the question (the direction word 多/少/早/…,
   with 哪个/谁, 还是, 比, 相差 or 倍 around it);
2. the *sides* are the two phrases around a connector (和/与/跟/同/及/还是/、: jieba tokens,
   so the 和 of a word is no connector; or the preposition 比, outside the words it forms),
   never inside a name of the corpus (the index's user words), and, among several
   connectors, the split whose two phrases are most alike;
3. the *shared* words (a clause before the sides, "哈拉直沟乡渠道工程里"; the measure
   after them, "城镇新增就业") go to both sides, and what one side leaves out
   (its place, period or figure, or the whole measure: "城中区的城镇新增就业比
   祁连县多") is filled in from the other, read by ``analyze_question``.

Each side becomes an ordinary question ("祁连县的城镇新增就业多少"), which the caller
retrieves and answers like any other; ``rag.answer.compare`` compares the answers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable, Collection

from .settings import ablated
from .question import GENERIC_PLACES, analyze_question, pos_cut, pos_tokenizer

WHICH = "which"  # A和B哪个多: the winner
DIFFERENCE = "difference"  # A比B多多少, A和B相差多少: the difference
YES_NO = "yes_no"  # A比B多吗, A是不是比B多: yes or no
RATIO = "ratio"  # A是B的几倍

DIRECTIONS = "多少高低大小长短快慢早晚重轻远近先前后"
LARGER = "多高大长快晚重远"  # these want the larger value (晚: the later date); the others the smaller
DATED = "早晚先前后"
OPPOSITE = dict(zip("多少高低大小长短快慢早晚重轻远近", "少多低高小大短长慢快晚早轻重近远"))
_AS_DATE = {"先": "早", "前": "早", "后": "晚"}  # "哪个先/在前": the earlier one

_D = f"[{DIRECTIONS}]"
_MORE_WORDS = r"(?:更加|更为|更|还要|还|要|稍|略|在|靠)?"
_AFTER_DIRECTION = r"(?:一些|一点儿?|些|点)?"
_PARTICLE = r"(?:吗|么|嘛|呢|没有|不)?"

_LEADING = re.compile(r"^(?:请问|请告诉我|我想知道|想知道|想问一下|想问|问一下|麻烦问一下|你知道)[，,：:]?")
_TRAILING = re.compile(r"[？?。！!\s]+$")
_FIRST_THEN = re.compile(r"(谁|哪个|孰)[先早](?:谁|哪个|孰)[后晚]")
_TRAILING_PARTICLE = re.compile(r"(?:呢|啊|呀|哇|哈)$")

# the connectors that join two sides, as jieba tokens
_CONNECTORS = frozenset(("和", "与", "跟", "同", "及", "以及", "还是", "或", "或者", "、", "对比", "对", "vs", "VS"))
_GLUED_CONNECTORS = "和与跟同及"
# words closing the sides' clause that say only "compared": "A和B相比，哪个多"
_COMPARED = re.compile(
    r"(?:[，,]?(?:相比较|相比|比较起来|比起来|比较|对比|来比|比一比|比|之中|当中|中间|中|里|两者|二者|双方|的话|"
    r"分别是多少|各是多少|分别有多少|各有多少|分别|各自|(?:这)?两(?:个)?[地县区市省乡镇村项类种家所方个者]))+$"
)
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
# "比去年/同期多多少" asks for a change the text states itself, not for two figures
_DIRECTION_ONLY = re.compile(r"(?:是)?(?:多|少|高|低|增加|减少|增长|下降|上升|提高|降低|升|降|涨|跌)了?")
_RELATIVE_PERIOD = re.compile(r"^(?:上一?年|去年|前年|上年|同期|上月|上个月|上季度|上一季度|以前|过去|原来|之前|往年|平时|预期|目标)")
_EARLIER_THING = re.compile(r"^(?:原来|以前|之前|过去)的[\u4e00-\u9fff]{2,}")
_SCOPE = re.compile(r"^(?:全国|全省|全市|全县|全区|全州|全乡|我省|本省|我国|省内|市内)")
# a side named by its count ("…就业的人数", "…增加的钱") asks in that count's unit: "…就业多少人"
# reads as the text writes figures ("促进700余名低收入群体就业"), "…的人数多少" names a word it never says
_COUNT_NOUN = re.compile(
    r"(?:的)?(?:(?P<unit>人|户|次|个|家|场|所|项|件|辆)数|(?P<money>钱|资金|金额|钱数)|数量|总数|数目"
    r"|(?P<compound>人次|场次|户次|车次|架次|班次|批次|人数次))$"  # a compound unit named as the measure: "观看人次"
)
_HOW = {"长": "多长", "短": "多长", "远": "多远", "近": "多远", "重": "多重", "轻": "多重"}
_COUNTED_ENDINGS = "户人家所个场项座条辆次"
_FIGURE_TAIL = re.compile(r"[万亿]?[^\u4e00-\u9fff\d]*[个名人家项条辆元岁年天次户所座件场批位支吨亩套台处期倍单份]?")


@dataclass(frozen=True)
class Comparison:
    """A comparison question read: the two sides as worded, one ordinary question per side, and what is asked."""

    sides: tuple[str, str]
    side_questions: tuple[str, str]
    asks: str  # WHICH, DIFFERENCE, YES_NO or RATIO
    direction: str  # the comparative word: 多, 少, 早, … (先 is read as 早)
    unit: str = ""  # the unit a difference is asked in: "多多少人" → 人, "早几年" → 年
    measure: str = ""  # the measure both sides share, when the question names one: "城镇新增就业"
    # "X比2024年多多少": the article may state the change itself ("与2024年相比增加168万辆") rather
    # than the earlier year's figure; this asks for it, when the two sides cannot be answered
    stated_change: str | None = None
    # "A和B哪个多？多几所？": the winner and, after a second question, the difference too
    with_difference: bool = False
    # other ways to ask each side, tried in turn when it is refused: without what it borrowed from the
    # other (its place, period: "祁连县城镇新增就业" against "城中区一季度…"), and without the unit the
    # difference was asked in ("民生问题比惠民实事多几件": 172项 is no 件)
    alternatives: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
    # "A比B增长了几倍" asks the growth multiple (A÷B − 1: 300 against 100 增长了2倍), not the ratio "A是B的几倍"
    growth: bool = False
    # "还有多少处没整改完": what is left, the whole (side A) less the part done (side B)
    remainder: bool = False

    @property
    def dated(self) -> bool:
        return self.direction in DATED


# words that hedge the asked figure ("大约是…的几倍", "比现在至少多多少"): they say how exact the answer
# may be, never which side or measure, so a side's question does not carry them
_HEDGE = re.compile(r"大约|大概|大致|差不多|至少|起码")


def _clean(question: str) -> str:
    text = _TRAILING.sub("", (question or "").strip())
    text = _LEADING.sub("", text)
    text = _TRAILING_PARTICLE.sub("", text)
    text = text if ablated("hedge") else _HEDGE.sub("", text)
    return _FIRST_THEN.sub(r"\1先", text)  # "谁先谁后" asks which is first


def _inside_names(text: str, names: Collection[str]) -> set[int]:
    """Character positions of ``text`` covered by a corpus name that holds a connector ("和平医院")."""
    covered: set[int] = set()
    for name in names:
        if len(name) >= 2 and any(c in name for c in "和与跟同及还或、比") and name in text:
            for match in re.finditer(re.escape(name), text):
                covered.update(range(match.start(), match.end()))
    return covered


def _connector_splits(clause: str, names: Collection[str]) -> list[tuple[str, str]]:
    """Every (A, B) a connector token of ``clause`` splits it into, both sides non-empty. jieba's
    guesses at unknown words may glue a connector to a neighbour ("资金和发的" → 和发): in a token
    the dictionary does not know, a connector character at its edge still joins."""
    covered = _inside_names(clause, names)
    known = pos_tokenizer().tokenizer.FREQ
    splits, at = [], 0
    for word, flag in pos_cut(clause):
        start, at = at, at + len(word)
        if word in _CONNECTORS and flag in ("c", "p", "x", "eng", "zg"):
            cut = (start, at)
        elif len(word) >= 2 and known.get(word, 0) < 5 and word[0] in _GLUED_CONNECTORS:
            cut = (start, start + 1)
        elif len(word) >= 2 and known.get(word, 0) < 5 and word[-1] in _GLUED_CONNECTORS:
            cut = (at - 1, at)
        elif len(word) >= 2 and word[0] in _GLUED_CONNECTORS and start and clause[start - 1] in _NAME_LEVELS \
                and clause.rstrip(" ，,").endswith(clause[start - 1]) and not ablated("glued_between_places"):
            cut = (start, start + 1)  # "寨蒿镇和平永镇": two towns, though 和平 is a word
        else:
            continue
        a, b = clause[:cut[0]].strip(" ，,"), clause[cut[1]:].strip(" ，,")
        if a and b and cut[0] not in covered:
            splits.append((a, b))
    return splits


def _likeness(a: str, b: str) -> float:
    """How parallel two phrases are: shared ending and beginning, similar length."""
    suffix = next((n for n in range(min(len(a), len(b)), 0, -1) if a[-n:] == b[-n:]), 0)
    prefix = next((n for n in range(min(len(a), len(b)), 0, -1) if a[:n] == b[:n]), 0)
    return suffix + 0.5 * prefix - 0.1 * abs(len(a) - len(b))


def _sides(left: str, names: Collection[str]) -> tuple[str, str, str, str] | None:
    """(shared words before, side A, side B, shared words after) of the clause(s) naming both sides."""
    left = _COMPARED.sub("", left.strip(" ，,：:"))
    # "在A和B中", "对比A和B": a leading preposition is dropped when jieba cuts it as a word of its own
    # (not the 就 of 就业, the 在 of 在线, the 从 of 从业)
    opening = re.match(r"(?:在|从|就|对比|比较|比一比)(?=.{4})", left)
    if opening and pos_cut(left)[0][0] == opening.group():
        left = left[opening.end():]
    clauses: list[str] = []
    joins: dict[int, tuple[str, str]] = {}  # a clause opened by a connector splits there, whatever jieba tags it
    for clause in (c for c in re.split(r"[，,：:；;]", left) if c.strip()):
        opener = next((c for c in sorted(_CONNECTORS, key=len, reverse=True) if clause.startswith(c)), None)
        if clauses and opener:  # "A的降幅，和B的增幅", "A，跟B，哪个多": one clause
            joins[len(clauses) - 1] = (clauses[-1].strip(), clause[len(opener):].strip())
            clauses[-1] += clause
        else:
            clauses.append(clause)
    for i in range(len(clauses) - 1, -1, -1):
        splits = _connector_splits(clauses[i], names) or ([joins[i]] if i in joins and all(joins[i]) else [])
        if splits:
            a, b = max(splits, key=lambda s: _likeness(*s))
            after = "".join(clauses[i + 1:])
            return "".join(clauses[:i]), _COMPARED.sub("", a), _COMPARED.sub("", b), after
    return None


# --- filling in what one side leaves to the other ------------------------------------
@dataclass(frozen=True)
class _Anchors:
    entities: tuple[str, ...]
    times: tuple[str, ...]
    figures: tuple[str, ...]
    scope: str
    measure: str  # what is left once the anchors are taken out: "城镇新增就业"
    bare: bool  # the side names only anchors, no measure of its own ("祁连县", "2024年", "超300万辆的")


def _anchors(side: str) -> _Anchors:
    analysis = analyze_question(side)
    figures = tuple(written for written, _ in analysis.figures)
    scope = _SCOPE.match(side)
    rest = side
    for word in analysis.entities + analysis.time_terms + analysis.soft_time_terms:
        rest = rest.replace(word, "")
    for written in figures:
        rest = re.sub(re.escape(written) + _FIGURE_TAIL.pattern, "", rest)
    rest = _SCOPE.sub("", rest)
    rest = re.sub(r"[的之地得]|超过|超|不足|以上|以下|左右|那个|这个|那|这|时候?|期间|当年|那年|现在|目前|当前|如今|眼下", "", rest)
    rest = rest if ablated("anchor_kind") else rest.replace("全年", "")  # "2024年全年" names a period only
    rest = "".join(w for w, _ in pos_cut(rest) if w not in GENERIC_PLACES) if rest else ""
    return _Anchors(analysis.entities, analysis.time_terms, figures, scope.group(0) if scope else "", rest, len(rest) < 2)


def _swap(text: str, old: tuple[str, ...], new: tuple[str, ...]) -> str:
    """``text`` with its first ``old`` anchor replaced by the first ``new`` one, or ``new`` put in front."""
    if not new:
        return text
    if old and old[0] in text:
        return text.replace(old[0], new[0], 1)
    return "".join(new) + text


# nouns that close a place's name ("峨岚山景区"): a side naming another place ("云溪镇") takes their place too
_NAME_TYPE_NOUNS = ("景区", "景点", "公园", "园区", "街道", "社区", "广场", "古镇", "小镇", "码头", "机场", "车站", "乡镇")
_NAME_ENDINGS = tuple("省市县区州镇乡村旗") + _NAME_TYPE_NOUNS


def _names_a_place(side: str) -> bool:
    """Whether a side is one place's name ("龙泉温泉小镇", "峨岚山景区", "祁连县"): it ends like one and
    holds no verb (not "赣州完成的交通投资")."""
    return side.endswith(_NAME_ENDINGS) and not any(flag.startswith("v") for _, flag in pos_cut(side))


def _swap_name(text: str, old: tuple[str, ...], new: tuple[str, ...]) -> str:
    """``_swap`` for a name: the whole name the tagger cut in pieces is replaced ("峨|岚山" with the
    single character jieba left before it, and a closing "景区" when the new name is a full name of
    its own), so "云溪镇" against "春节假期峨岚山景区" reads "春节假期云溪镇", not "春节假期峨云溪镇景区"."""
    if not new or not old or old[0] not in text:
        return _swap(text, old, new)
    start = text.index(old[0])
    end = start + len(old[0])
    offsets, at = [], 0
    for word, flag in pos_cut(text):
        at = text.find(word, at)
        offsets.append((word, flag, at, at + len(word)))
        at += len(word)
    for word, flag, a, b in reversed(offsets):
        if b == start and len(word) == 1 and flag in ("ns", "nr", "nz", "j", "zg", "ng"):
            start = a
    if new[0].endswith(_NAME_ENDINGS):
        for word, _, a, b in offsets:
            if a == end and word in _NAME_TYPE_NOUNS:
                end = b
    return text[:start] + new[0] + text[end:]


# a period as a whole phrase ("今年1至9月", "2024年全年", "现在"): a side naming another period replaces all of it
_PERIOD = re.compile(
    r"(?:(?:\d{4}|今|去|明|前|当)年度?|全年|上半年|下半年|前三季度|第?[一二三四1-4]季度|年初|年底|年末"
    r"|\d{1,2}(?:月份?)?(?:至|到|-|—|～)\d{1,2}月份?|\d{1,2}月份?|\d{1,2}[日号]|现在|目前|当前|如今|眼下)+"
)


def _period(text: str) -> str:
    """The first period phrase of ``text`` ("" when none)."""
    match = _PERIOD.search(text)
    return match.group() if match else ""


def _place_word(text: str) -> str:
    """The whole phrase of ``text`` naming a place of some level the analysis did not read as a name: its
    first word ending in an admin level, not a scope (全区), with the name words jieba cut off before it
    back to the period, a 的 or a clause break ("宝鸡|高新区", "云岭|经|开区": the phrase is 云岭经开区, so a
    side replacing it leaves no fragment nor the other side's city)."""
    words = pos_cut(text)
    for i, (word, _) in enumerate(words):
        if len(word) >= 2 and word[-1] in "省市县区州镇乡村旗" and not _SCOPE.match(word) and word not in GENERIC_PLACES:
            phrase = word
            for before, flag in reversed(words[max(0, i - 3):i]):
                if (_is_time_word(before, flag) or flag in ("uj", "x", "c", "v", "m") or _SCOPE.match(before)
                        or not re.fullmatch(r"[\u4e00-\u9fff]+", before)):
                    break
                phrase = before + phrase
            return phrase
    return ""


def _swap_kind(text: str, new: tuple[str, ...], find: Callable[[str], str]) -> str:
    """``text`` with its phrase of one kind (a period, a place word: ``find``) replaced by ``new``'s first,
    or ``new`` put in front when it has none: "2020年" against "阿热勒村现在的苹果种植面积" is
    "阿热勒村2020年的苹果种植面积", "渭滨区" against "上半年宝鸡高新区的…" is "上半年宝鸡渭滨区的…"."""
    if not new:
        return text
    old = find(text)
    if old and new[0] != old and (new[0][-1:] == old[-1:] or find is _period):
        return text.replace(old, new[0], 1)
    return _swap(text, (), new) if new[0] not in text else text


_TIME_ENDINGS = ("假期", "期间", "时期", "节", "季度", "年", "月", "日", "以来", "年初", "年底", "年末", "月底", "上半年", "下半年")


def _is_time_word(word: str, flag: str) -> bool:
    """A word naming a period: jieba's time tags, or a period's ending ("春节假期", "一季度")."""
    return flag in ("t", "tg", "mq") or (len(word) >= 2 and word.endswith(_TIME_ENDINGS))


def _parallel_item(side: str, other: str) -> str:
    """The words of ``other`` parallel to ``side``: its last words, as long as ``side`` and ending as it
    does ("蓝塘镇段" of "秋香江堤防蓝塘镇段" against "水墩镇段", both a 镇's 段), when what comes before them
    is a whole phrase of its own that ``side`` leaves out. Empty otherwise."""
    if ablated("parallel_item") or len(other) < len(side) + 2 or len(side) < 3 or side in other:
        return ""
    item = other[-len(side):]
    shared = 0  # how much of the ending the two share
    while shared < len(side) and item[-shared - 1] == side[-shared - 1]:
        shared += 1
    if shared * 2 < len(side) or re.search(r"[的\d]", item + side) or _anchors(side).times:
        return ""
    starts, at = set(), 0
    for word, _ in pos_cut(other):
        starts.add(at)
        at += len(word)
    return item if len(other) - len(item) in starts else ""


# --- sides the analysis reads no name in ---------------------------------------------
# "如皋市和海安市去年城镇新增就业": the tagger may read one side's name ("如皋市") and not the other's ("海安|市",
# "瀍|河|回族|区", "中车|株|机|公司"), so the second side looked like a measure of its own and the first borrowed
# all of it, name included. A short side naming a subject only is matched against the name opening the other
# side instead: the words up to its first 的, its first period, or a word ending like the short side ("海安市").
_NAME_LEVELS = "省市县区州镇乡村旗所局院厂站馆"


def _subject_only(side: str) -> bool:
    """Whether ``side`` names a subject (and at most its period) and nothing measured: short, no 的, no verb,
    and more than a period."""
    if "的" in side or len(side) > 10 or not side:
        return False
    words = pos_cut(side)
    if any(flag.startswith("v") for _, flag in words):
        return False
    rest = _PERIOD.sub("", side)
    for term in _anchors_times(side):
        rest = rest.replace(term, "")
    return len(rest) >= 2 and not re.search(r"\d", rest)


def _anchors_times(text: str) -> tuple[str, ...]:
    analysis = analyze_question(text)
    return analysis.time_terms + analysis.soft_time_terms


_PERIOD_OPENING = re.compile(r"(?:前|头)(?:\d+|[一二三四五六七八九十两]+)个?月|" + _PERIOD.pattern)


def _lead_name(text: str, like: str) -> str:
    """The name opening ``text`` parallel to the subject-only side ``like``: ``text`` up to its first 的, its
    first time word, or the end of a word ending as ``like`` does in a level of place or body (市, 区, 所);
    no verb in it, not a period, about as long as ``like``. "" when none."""
    if ablated("lead_name") or not _subject_only(like) or len(text) < 4:
        return ""
    # the short side must be a name itself (read as one, or ending in a level: "蓬莱区"), not a kind ("中职"
    # against "临夏州今年普通高中招生" is parallel to 普通高中, not to the place)
    # and all of it a name, less its period ("岷川县去年城镇居民" names 城镇居民 of 岷川县: 农村居民 is parallel to it)
    name = _PERIOD.sub("", like)
    for term in _anchors_times(like):
        name = name.replace(term, "")
    if name not in analyze_question(like).entities and name[-1:] not in _NAME_LEVELS:
        return ""
    ends: list[int] = []
    if "的" in text:
        ends.append(text.index("的"))
    ends += [m.start() for m in _PERIOD_OPENING.finditer(text) if m.start()]
    at = 0
    for word, flag in pos_cut(text):
        if at and _is_time_word(word, flag):
            ends.append(at)
        at += len(word)
        if like[-1] in _NAME_LEVELS and word.endswith(like[-1]) and at < len(text):
            ends.append(at)
    for end in sorted(set(ends)):
        lead = text[:end]
        if not 2 <= len(lead) <= len(like) + 4 or len(text) - end < 2:
            continue
        rest = text[end:].removeprefix("的")
        if not ablated("containing_place") and like[-1] in _NAME_LEVELS and rest.endswith(like[-1]) \
                and len(rest) <= len(like) + 2 and len(pos_cut(rest)) <= 2:
            return ""  # "宽甸的灌水镇" against 长甸镇: 宽甸 holds both towns, 灌水镇 is the side
        if any(flag.startswith("v") for _, flag in pos_cut(lead)) or _PERIOD.fullmatch(lead) or _anchors_times(lead) \
                or re.search(r"\d", lead):
            return ""
        return lead
    return ""


def _opening_place(text: str, like: str) -> str:
    """The place name opening ``text`` (its first word, tagged a place and ending in a level: "雷州市营造红树林")
    parallel to ``like``, a place side named by itself ("遂溪县"), or ``_lead_name``'s reading; "" when none."""
    lead = _lead_name(text, like)
    if lead or not _subject_only(like) or like[-1:] not in _NAME_LEVELS:
        return lead
    words = pos_cut(text)
    first, flag = words[0] if words else ("", "")
    return first if flag == "ns" and first[-1:] in _NAME_LEVELS and len(text) - len(first) >= 2 else ""


def _period_sides(side: str, other: str) -> str:
    """"南通家纺市场群2025年上半年和下半年成交额": two periods of one subject, the first side ending in its period
    and the second opening with its own before the measure. ``side`` completed from ``other`` this way ("" when
    the two are not so): the first takes the measure, the second the subject and the year."""
    if ablated("period_sides"):
        return ""
    end = next((m for m in _PERIOD.finditer(side) if m.end() == len(side) and m.start() > 0), None)
    start = _PERIOD.match(other)
    if end and start and len(side[:end.start()]) >= 2 and len(other) - start.end() >= 2 and not _PERIOD.search(other, start.end()):
        return side + other[start.end():]
    end = next((m for m in _PERIOD.finditer(other) if m.end() == len(other) and m.start() > 0), None)
    start = _PERIOD.match(side)
    if end and start and len(other[:end.start()]) >= 2 and len(side) - start.end() >= 2 and not _PERIOD.search(side, start.end()):
        year = re.match(r"(?:\d{4}|今|去|明|前|当)年度?", end.group())
        own_year = re.match(r"(?:\d{4}|今|去|明|前|当)年", start.group())
        return other[:end.start()] + (year.group() if year and not own_year and year.group() != end.group() else "") + side
    return ""


def _complete(side: str, other: str) -> str:
    """``side`` as a phrase that stands alone, borrowing from ``other`` what it leaves out:
    "祁连县" against "城中区的城镇新增就业" is "祁连县的城镇新增就业"; "线上网络招聘"
    against "城中区线下招聘活动" is "城中区线上网络招聘"."""
    mine, theirs = _anchors(side), _anchors(other)
    by_period = _period_sides(side, other)
    if by_period:
        return by_period
    lead = _lead_name(other, side)
    if lead:  # "海安市" against "如皋市去年城镇新增就业" is "海安市去年城镇新增就业"
        return side + other[len(lead):]
    if _lead_name(side, other):  # the side with the name of its own borrows only the other's period
        return ("" if _anchors_times(side) or _PERIOD.search(side) else "".join(_anchors_times(other))) + side
    if _names_a_place(side) and _names_a_place(other):
        # "峨岚山景区" and "龙泉温泉小镇": two names, each complete; only a period or scope is shared
        borrowed = theirs.scope if theirs.scope and not mine.scope and not mine.entities else ""
        borrowed += "".join(t for t in theirs.times if t not in side) if not mine.times else ""
        if not borrowed and not mine.times:  # "春节假期峨岚山景区" and "云溪镇": the period before the name
            prefix = ""
            for word, flag in pos_cut(other):
                # only time words ("春节假期", "今年一季度", "春节|期间"): "鼓楼社区" lends no 鼓楼
                if not (_is_time_word(word, flag) or (prefix and flag == "f")) or word in side:
                    break
                prefix += word
            borrowed = prefix if prefix != other and not side.startswith(prefix) else ""
        return borrowed + side
    item = _parallel_item(side, other)
    if item:  # "水墩镇段" against "秋香江堤防蓝塘镇段": one more item of what the other names, "秋香江堤防水墩镇段"
        return other[: len(other) - len(item)] + side
    if mine.bare and not theirs.bare:  # only anchors: the other side's words with these anchors
        text = other
        level = mine.entities[0][-1:] if mine.entities else ""
        if level and _place_word(text)[-1:] == level and not ablated("anchor_kind"):
            text = _swap_kind(text, mine.entities, _place_word)
        else:
            text = _swap_name(text, theirs.entities, mine.entities)
        if ablated("anchor_kind") or not _period(side) or not _period(text):
            text = _swap(text, theirs.times, mine.times)
        else:
            text = _swap_kind(text, (_period(side),), _period)
        text = _swap(text, theirs.figures, mine.figures)
        if mine.scope:
            text = _swap(text, (theirs.scope,) if theirs.scope else (), (mine.scope,))
        return text
    words = pos_cut(side)
    predicate = _shared_predicate(side, other)
    if predicate:  # "星瀚智能和江城微电子新增授权发明专利": what B does is said of A too
        side += predicate
        words = pos_cut(side)
    parallel, tail = False, ""
    if "的" in other and "的" not in side and not side.endswith("的"):
        # "城镇居民" against "农村居民的人均可支配收入": the two heads are parallel (same last word),
        # so what follows 的 is measured of both; read before the one-bare-noun rule below
        head, _, measure = other.rpartition("的")
        tail = words[-1][0] if side else ""
        parallel = len(measure) >= 2 and measure not in side and len(tail) >= 2 and head.endswith(tail[-2:]) and head != side
    if not parallel and len(words) == 1 and words[0][1] == "n" and len(side) >= 2 and side not in other \
            and "的" in other and not mine.entities and not mine.times:
        # one bare noun against "驿站覆盖的站点": "驿站覆盖的劳动者", the modifier is shared
        return other[:other.rindex("的") + 1] + side
    if side.endswith("的") and not other.endswith("的"):  # "网上的" against "线下提供的岗位": "网上的岗位"
        side += other.rpartition("的")[2] if "的" in other else (pos_cut(other)[-1][0] if other else "")
    elif parallel:
        side += "的" + other.rpartition("的")[2]
    elif not ablated("shared_measure") and "的" in other and "的" not in side and 2 <= len(mine.measure) <= 4 \
            and re.fullmatch(r"[\u4e00-\u9fff]{2,}", other.rpartition("的")[2]) and other.rpartition("的")[2] not in side \
            and len(_anchors(other.rpartition("的")[0]).measure) >= 2:  # "湟源县的下乡演出": a place's, no thing's measure
        # "高血压和2型糖尿病患者的规范管理率": a short bare thing against one followed by 的 and a measure
        # ("A和B的X") has that measure too
        side += "的" + other.rpartition("的")[2]
    borrowed = ""
    if theirs.scope and not mine.scope and not mine.entities:
        borrowed += theirs.scope
    # a side with a place word of the other's level (宝鸡高新区 against 渭滨区) or a period of its own (现在
    # against 2020年) is already placed or dated: it borrows neither
    own_place = not ablated("anchor_kind") and theirs.entities and theirs.entities[0][-1:] == _place_word(side)[-1:]
    if theirs.entities and not mine.entities and not mine.scope and not own_place:
        # a parallel head ("农村居民" against "城镇居民") is the other side's own, not lent
        borrowed += "".join(e for e in theirs.entities if e not in side and not (parallel and e.endswith(tail[-2:])))
    # nor the period a bare period is (A比2023年: A is the current figure, the period tells the two apart)
    only_period = theirs.bare and not theirs.entities and not theirs.figures
    if theirs.times and not mine.times and (ablated("anchor_kind") or not (_period(side) or only_period)):
        borrowed += "".join(t for t in theirs.times if t not in side)
    return borrowed + side


_NOUN_FLAGS = ("n", "nr", "ns", "nt", "nz", "j", "m", "t", "mq")


def _shared_predicate(side: str, other: str) -> str:
    """"A和B新增授权发明专利": when ``side`` is a bare subject (nouns and names only, no 的) and
    ``other`` is a parallel subject of about its length followed by a predicate (from its first
    verb on), that predicate, which the question says of both; "" otherwise."""
    if ablated("shared_predicate") or "的" in side or "的" in other:
        return ""
    mine = [(w, f) for w, f in pos_cut(side) if not _is_time_word(w, f) and f not in ("m", "mq")]
    if not mine or not all(f.startswith(_NOUN_FLAGS) for _, f in mine):
        return ""
    subject = ""
    for word, flag in pos_cut(other):
        if flag.startswith("v") and len(word) >= 2 and len(subject) >= 2:
            rest = other[other.index(word, len(subject)):]
            if abs(len(subject) - sum(len(w) for w, _ in mine)) <= 2 and rest not in side and len(rest) >= 4:
                return rest
            return ""
        if not flag.startswith(_NOUN_FLAGS):
            return ""
        subject += word
    return ""


def _counted_unit(side: str) -> str:
    """"困难户" is counted in 户, "参赛队伍" is not: a side ending in a classifier asks in that unit."""
    if len(side) < 2 or side[-1] not in _COUNTED_ENDINGS:
        return ""
    # "专家", "国家" are words of their own, counted otherwise (11名 专家)
    return "" if pos_tokenizer().tokenizer.FREQ.get(side[-2:], 0) >= 5 else side[-1]


_NAMES_RATE = re.compile(r"幅|增速|增长|率|百分")
_GROWTH = {"涨": "增长", "增": "增长", "升": "增长", "降": "下降", "减": "下降", "跌": "下降"}


def _measure_words(text: str) -> str:
    """Shared measure words as they read in a side question: without a leading 的/是 or a trailing 得/了."""
    text = re.sub(r"^(?:的|是|在|上(?!半年|半月|个?月|季度|旬|周)|里)", "", text.strip(" ，,"))  # 上半年 keeps its 上
    text = re.sub(r"(?:得|了|的|地)$", "", text)
    if text in _GROWTH:  # "哪个涨得快": how much each grew
        return _GROWTH[text]
    return text if len(text) >= 2 else ""


# the last character of a side naming one kind among several ("物业服务类", "国家级", "A型"): the other side may
# go on after its own such word with the noun both kinds are of ("市场管理类诉求", "省级重点龙头企业")
_KIND_ENDINGS = "类级型式档等种"


def _kind_tail(side: str, other: str) -> str:
    """The noun ``other`` puts after its word of the kind ``side`` ends with ("诉求" of "市场管理类诉求" for
    "物业服务类"), when that word comes early in ``other`` (its parallel of ``side``) at a word boundary; "" otherwise."""
    if ablated("kind_tail") or len(side) < 2 or side[-1] not in _KIND_ENDINGS or side[-1] in other[-1:]:
        return ""
    at = 0
    for word, _ in pos_cut(other):
        at += len(word)
        if word.endswith(side[-1]):
            tail = other[at:]
            if at <= len(side) + 2 and len(tail) >= 2 and "的" not in tail and tail not in side:
                return tail
            return ""
    return ""


def _unplaced(full: str, side: str, lent: tuple[str, ...]) -> str:
    """``full`` without the place the other side lent it (``lent``, not in ``side``) when it opens the phrase,
    after its period at most ("厦门前三季度轨道交通的客运量" → "前三季度轨道交通的客运量"), and what is left
    opens with a noun or a period (not "办的零工活动"); "" otherwise."""
    if ablated("unplaced_side"):
        return ""
    for entity in lent:
        if entity in side:
            continue
        period = _PERIOD.match(full)
        at = period.end() if period else 0
        if full.startswith(entity, at) or full.startswith(entity):
            start = at if full.startswith(entity, at) else 0
            rest = (full[:start] + full[start + len(entity):].lstrip("的")).strip()
            words = pos_cut(rest)
            if len(rest) >= 2 and words and (words[0][1][:1] in ("n", "t", "m") or _PERIOD.match(rest)):
                return rest
    return ""


# a side that is the present only ("比现在多多少") and the words of a target it may borrow from the other side
_PRESENT = re.compile(r"(?:现在|目前|当前|如今|眼下)(?:的)?")
_TARGET_WORDS = r"(?:的)?(?:目标|计划)"


def _build(
    pre: str, a: str, b: str, post: str, asks: str, direction: str, unit: str = "", verb: str = ""
) -> Comparison | None:
    a, b = a.strip(" ，,"), b.strip(" ，,")
    # "去年越城区和柯桥区的…": a relative period opening a side that names a subject (the other side opening
    # with a name parallel to it) dates both sides, it is no earlier side
    if not a or not b or a == b:
        return None
    opening = _RELATIVE_PERIOD.match(a)
    # …and so does one opening a side whose name ("去年雷州市营造红树林比遂溪县") is parallel to the other side
    if opening and not _lead_name(b, a) and (ablated("lead_name_after_period") or not _opening_place(a[opening.end():], b)):
        return None
    # "比去年多了多少" is one change against an earlier period; "比原来的赛会纪录快了多少" names the earlier
    # thing itself (原赛会纪录, a figure of its own): two sides
    if _RELATIVE_PERIOD.match(b) and (ablated("durations") or not _EARLIER_THING.match(b)):
        return None
    # "A比去年是多了还是少了": the two "sides" around 还是 are the two directions of one change against
    # an earlier period (a change question, one figure: 下降3.2%), not two things to compare
    if not ablated("one_sided_change") and (_DIRECTION_ONLY.fullmatch(a) or _DIRECTION_ONLY.fullmatch(b)):
        return None
    direction = _AS_DATE.get(direction, direction)
    a_head, b_head = a + _kind_tail(a, b), b + _kind_tail(b, a)  # "物业服务类" against "市场管理类诉求"
    full_a, full_b = _complete(a_head, b_head), _complete(b_head, a_head)
    if not ablated("present_side"):  # "明年的存栏目标比现在多多少": the present's figure is no target
        full_a, full_b = (re.sub(_TARGET_WORDS, "", full) if _PRESENT.fullmatch(side) and not re.search(_TARGET_WORDS, side) else full
                          for full, side in ((full_a, a), (full_b, b)))
    shared = _measure_words(post) + _measure_words(verb)
    # "哪个涨得快" compares growth rates, unless a side names its rate itself ("…的涨幅")
    rate = direction in "快慢" and shared.endswith(("增长", "下降")) and not _NAMES_RATE.search(a + b)
    if direction in "快慢" and shared in _GROWTH.values() and not rate:
        shared = ""
    # "X方面，A和B谁多"; "新建的分馆里，A和B哪个多": the 里/中 only says the sides are among X
    pre = re.sub(r"(?:方面|来看|来说|而言|之中|当中|中间|里面|里|中)$", "", pre.strip(" ，,：:")).strip(" ，,：:")
    dated = direction in DATED
    unit = re.sub(r"^(?:了|的)", "", unit.strip())
    unit = re.sub(r"^个(?=人)", "", unit)  # "多几个人"

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
    anchors_a, anchors_b = _anchors(a), _anchors(b)
    borrowed = anchors_b.measure if anchors_a.bare else anchors_a.measure if anchors_b.bare else ""
    leads = (_lead_name(a, b), _lead_name(b, a))  # a side opening with a name the analysis did not read
    for side, lead in zip((a, b), leads):
        if lead:
            borrowed = _anchors(side[len(lead):]).measure
    measure = shared if len(shared) >= 2 else borrowed
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
            unplaced = _unplaced(full, side, other.entities)
            if unplaced:
                asked.append(question(unplaced))
            asked.append(question(side))
        if unit and not dated:
            unit, kept = "", unit  # question() reads it
            asked.append(question(full))
            unit = kept
        alternatives.append(tuple(dict.fromkeys(q for q in asked[1:] if q != asked[0])))
    # "星瀚智能和江城微电子新增授权发明专利": the predicate both share is no part of B's name
    predicate = _shared_predicate(a, b)
    b = b[:-len(predicate)] if predicate and b.endswith(predicate) else b
    predicate = _shared_predicate(b, a)
    a = a[:-len(predicate)] if predicate and a.endswith(predicate) else a
    a, b = (lead or side for side, lead in zip((a, b), leads))  # "海安市去年城镇新增就业" is shown as 海安市
    a, b = (re.sub(r"(?<=.)的$", "", side) for side in (a, b))  # "线上的" is shown as 线上
    return Comparison((a, b), (question(full_a), question(full_b)), asks, direction, unit, measure, change,
                      alternatives=(alternatives[0], alternatives[1]))


def _read_bi(text: str, names: Collection[str]) -> Comparison | None:
    """"A比B多多少", "A比B多吗", "A是不是比B多", "A比B多几倍", "A比B多还是少"."""
    covered = _inside_names(text, names)
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
            ratio = _build(pre, a, match.group("b"), "", RATIO, direction)
            # a verb of growth before 几倍 ("增长了几倍", "提高了多少倍") asks how many times it grew: A÷B − 1
            return replace(ratio, growth=True) if ratio and verb and _CHANGE_DIRECTION[verb] in ("多", "高") else ratio
        if match.group("unit") is not None:
            return _build(pre, a, match.group("b"), "", DIFFERENCE, direction, match.group("unit"), match.group("verb") or "")
        if match.group("either"):
            return _build(pre, a, match.group("b"), "", DIFFERENCE, direction)
        if match.group("yes") is not None and (yes_no or match.group("yes")):
            return _build(pre, a, match.group("b"), "", YES_NO, direction)
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
    unit = re.sub(r"^个(?=人)", "", unit)
    whole, done = f"{pre}多少{unit}", f"{pre}已{verb}多少{unit}"
    return Comparison((pre, f"已{verb}"), (whole, done), DIFFERENCE, "多", unit, verb, stated_change=text,
                      alternatives=((), (f"已{verb}多少{unit}",)), remainder=True)


def _without_kind(mid: str, a: str, b: str) -> str:
    """``mid`` (the words after 哪个) less the kind noun both sides end in: "区城镇新增就业人数" after
    播州区 and 汇川区 is 城镇新增就业人数, "镇的草莓卖的钱" after two towns 草莓卖的钱; the kind
    says which of the two, it is no part of the measure."""
    if ablated("sides_kind"):
        return mid
    kind = next((n for n in range(min(len(mid), len(a), len(b), 5), 0, -1)
                 if a.endswith(mid[:n]) and b.endswith(mid[:n])), 0)
    if not kind or mid[:kind].endswith(_TIME_ENDINGS):  # "上半年和下半年哪个半年…": periods are completed apart
        return mid
    ends = {0}
    for word, _ in pos_cut(mid):
        ends.add(max(ends) + len(word))
    if kind not in ends and mid[kind - 1] not in _NAME_LEVELS:  # a whole word or a level of place (县|种的, jieba's 县种):
        # the 幅 of 降幅 and 增幅 is no kind of "幅度要求"
        return mid
    return mid[kind:].removeprefix("的")


# "…差了多少起？哪个多？": after a difference, a second question asking the winner, which its answer names
_FOLLOW_WHICH = re.compile(rf"^{_WH}{_MORE_WORDS}{_D}{_AFTER_DIRECTION}{_PARTICLE}$")


def parse_comparison(question: str, names: Collection[str] = ()) -> Comparison | None:
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
            asked_unit = "" if ablated("follow_unit") else re.sub(r"^个(?=人)", "", follow.group("unit").strip())
            if asked_unit and len(asked_unit) <= 2:
                compared = replace(compared, alternatives=tuple(  # type: ignore[arg-type]
                    alternatives + ((asked + asked_unit,) if asked.endswith("多少") else ())
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
        found = _sides(apart.group("left"), names)
        if found:
            pre, a, b, after = found
            return _build(pre, a, b, after, DIFFERENCE, "早", apart.group("unit"))
    match = _RATIO_RE.match(text)
    if match:
        pre, _, a = match.group("a").rpartition("，")
        b = match.group("b")  # "线下的岗位是线上的几倍": "线上的" borrows 岗位; a bare "祁连县" borrows the whole measure
        return _build(pre, a, b if _anchors(b).bare else b + "的", "", RATIO, "多")
    compared = _read_bi(text, names)
    if compared is not None and compared.asks == DIFFERENCE and compared.stated_change is None \
            and not compared.dated and _anchors(compared.sides[1]).bare and not _anchors(compared.sides[1]).entities:
        # "A比2023年提高了多少": when the two figures are not both found, the question as asked (the article
        # may state the change itself: "较2023年提高43个百分点")
        compared = replace(compared, stated_change=text)
    if compared is not None:
        return compared
    match = _THAN_RE.match(text)
    if match and (match.group("cue") or match.group("q")) and not analyze_question(match.group("b")).figures:
        pre, _, a = match.group("a").rpartition("，")
        return _build(pre, a, match.group("b"), "", YES_NO, _THAN_DIRECTION[match.group("verb")])
    match = _AS_MUCH_RE.match(text)
    if match and (match.group("cue") != "有" or match.group("q")) and not analyze_question(match.group("b")).figures:
        pre, _, a = match.group("a").rpartition("，")
        return _build(pre, a, match.group("b"), "", YES_NO, match.group("dir"))
    match = _APART_RE.match(text)
    if match:
        found = _sides(match.group("left"), names)
        if found:
            pre, a, b, after = found
            return _build(pre, a, b, after, DIFFERENCE, "多", match.group("unit"))
    match = _EITHER_RE.match(text)
    if match:
        pre, _, left = match.group("left").rpartition("，")
        measure, is_, a = left.removeprefix("是").rpartition("是")  # "城镇新增就业是城中区多还是祁连县多"
        if not is_ or not measure:
            measure, a = "", left.removeprefix("是")
        return _build(pre, a, match.group("right"), measure, WHICH, match.group("dir"))
    match = _WH_FIRST_RE.match(text) or _WHICH_IS_RE.match(text)
    if match:
        found = _sides(match.group("left"), names)
        if found:
            pre, a, b, after = found
            mid = _without_kind((match.groupdict().get("mid") or "") + (match.groupdict().get("mid2") or ""), a, b)
            return _build(pre, a, b, after + _measure_words(mid), WHICH, match.group("dir"))
    for pattern in (_WHICH_RE, _HAISHI_RE):
        match = pattern.match(text)
        if not match:
            continue
        verb = match.group("verb")
        if verb and match.group("dir") not in DATED:
            continue  # "哪个大学生多": a trailing word after 多/少 is no verb of a date
        found = _sides(match.group("left"), names)
        if found:
            pre, a, b, after = found
            mid = _without_kind(match.groupdict().get("mid") or "", a, b)
            return _build(pre, a, b, after + _measure_words(mid), WHICH, match.group("dir"), verb=verb)
    return None
