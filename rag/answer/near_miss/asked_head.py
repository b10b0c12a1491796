"""The kind of measure the question's measured noun asks, when no unit follows its wh-word: "骗走的钱一共有多少"
asks a sum of money, "大豆产量是多少" an output, "拉了多少乘客" a count of people, "二氧化氮平均浓度是多少" a
concentration. A figure in a unit of a kind that cannot answer it measures something else, whatever the words around
it: "1486起" for the money, "18.6万亩" for the output, "两条" or "32万元" for the people. Only the pairs in ``_REFUSED``
are refused (those dev near misses were answered in, in two sets or more); an area or a concentration asked refuses
nothing here ("约620吨" for a concentration is left to the other checks).

The measured noun is the word right before the wh-word (past 是/有/一共…: "产量是多少", "被告人有多少") or the
word right after it ("多少乘客", "多少从业人员"). Its kind is read from a small table of measure heads (the end of
the word: 额 of 交易额, 收入, 面积, 产量, 浓度) or from 词林 for people (class A: 乘客, 被告人, 从业人员); a count
word of people after the wh-word (多少人, 几名) asks people too. Each kind lists the figure kinds that cannot
answer it; a percentage, and a unit this module does not know (个, 次, 标箱), are never refused here (the share and
change checks and the others decide them).
"""
from __future__ import annotations

import re

from ..question import QuestionAnalysis, pos_cut
from ..settings import ablated
from ..spans import Span
from ..synonyms import names_people, word_codes
from .asked_unit import _ALL, _COUNT, _MULT, _PERCENT, _kind, asked_unit_kind

# measure heads (how the measured word ends) → the kind they ask
_HEADS = (
    ("money", ("交易额", "销售额", "营业额", "出口额", "进口额", "进出口额", "成交额", "金额", "总额", "钱", "资金",
               "收入", "营收", "利润", "利润总额", "产值", "税收", "工资", "投资", "总投资")),
    ("area", ("面积",)),
    ("output", ("产量",)),
    ("concentration", ("浓度",)),
    ("energy", ("发电量", "电量", "用电量")),
)
_MEASURES = frozenset(("power", "energy", "weight", "area", "length", "volume", "duration"))
# the figure kinds that cannot answer each asked kind: only the pairs the dev near misses showed answered in two or
# more sets (near35): a count of things for people, money or electricity ("二期"/"一趟" for 从业人员/游客, fresh15; "6台"
# for 发了多少电, fresh16; "1486起" for 骗走的钱, fresh24), money for people ("约5.3亿元" for 农民工, fresh11; "32万元"
# for 被告人, fresh20), an area for an output ("18.6万亩" for 大豆产量, fresh26; "48.6万亩" for 冬枣产量, fresh23;
# "63.8万亩" for 苹果产量, fresh12). The wider table near34 had (any measure for people or money, anything for an
# area or a concentration) gained nothing more on dev and is where a right answer can be read as another kind.
_REFUSED = {
    "people": frozenset(("money", "things")),
    "money": frozenset(("things",)),
    "area": frozenset(),
    "output": frozenset(("area",)),
    "concentration": frozenset(),
    "energy": frozenset(("things",)),
}
# count words of people; the other count words count things (个 and 次 count either: left unread)
_PEOPLE_UNITS = frozenset(("人", "名", "位", "人次", "万人次", "户"))
_THINGS_UNITS = frozenset(_COUNT) - _PEOPLE_UNITS - {"个", "次"} | {"期", "趟", "起", "条", "辆", "台"}
# count words that count people a people word names as businesses or cases: "多少家商户" (fresh10 xme044 186家),
# "帮病人会诊了多少例" (fresh12 xqd019 4326例); 商户, 厂商, 供应商 are counted in 家, 患者 and 病人 in 例
_PEOPLE_TOO = ("家", "例")
# one-character measured nouns, which 词林 is not asked about ("拉了多少客", "发了多少电", "多少钱")
_ONE_CHARACTER = {"客": "people", "电": "energy", "钱": "money"}
_LINKS = r"(?:是|有|为|达到|达|一共|共|总共|合计|累计|大约|约|了|的){0,3}"
_WH = re.compile(r"多少|(?<![这那前后头十])几")
_PEOPLE_ASKED = re.compile(r"(?:多少|几)" + _MULT + r"(?:人|名|位)(?![\u4e00-\u9fff]{0,1}(?:次|民币))")


def _head_kind(word: str) -> str | None:
    if not word:
        return None
    if word.endswith("额") and ablated("asked_amount"):  # the reading of 额 as a sum is nm:asked_unit's, one switch
        return None
    for kind, heads in _HEADS:
        if any(word.endswith(h) for h in heads) and not word.endswith(("份额", "名额", "配额", "限额")):
            return kind
    # a compound ends in its head: 从业人员 (a word 词林 does not file) names people by 人员
    return "people" if _only_people(word) or (len(word) > 2 and _only_people(word[-2:])) else None


def _only_people(word: str) -> bool:
    """Whether 词林 files ``word`` among people only (乘客, 被告人; not 交通, which is also a field of work)."""
    codes = word_codes(word)
    return names_people(word) and all(code.startswith("A") for code in codes)


def asked_head_kind(analysis: QuestionAnalysis) -> str | None:
    """The kind the question's measured noun asks (money, area, output, concentration, energy, people), when no
    unit of measure follows the wh-word; None otherwise."""
    text = analysis.text
    wh = list(_WH.finditer(text))
    if not wh:
        return None
    last = wh[-1]
    unit = asked_unit_kind(analysis)
    if unit is None and analysis.unit:
        # a unit the question analysis reads after the wh-word ("多少起交通违法行为", "那几天") asks that unit's count or
        # measure, which ranks the spans: no noun of its own is read
        return None
    if unit is not None:
        # a count word of people ("多少人", "几名") asks people, a count the other count words do not answer
        return "people" if unit == "count" and _PEOPLE_ASKED.match(text, last.start()) else None
    after = re.match(_MULT + r"([\u4e00-\u9fff]+)", text[last.end():])
    if after:
        words = pos_cut(after.group(1))[:3]
        # a word before 的 only modifies the measured noun ("多少低收入的人": 低收入 is no income)
        if not words or any(w == "的" for w, _ in words[1:]):
            return None
        if words[0][0] in _ONE_CHARACTER:
            return _ONE_CHARACTER[words[0][0]]
        # the noun itself, or a verb and noun the tagger cuts apart ("从业|人员"); a noun a one-character noun
        # goes on ("三元|前驱|体": 前驱体 is a material, though 词林 files 前驱 among people) is no head
        return next((kind for n in (1, 2) if len(words) >= n and words[n - 1][1][:1] in ("n", "l")
                     and not (len(words) > n and words[n][1][:1] == "n" and len(words[n][0]) == 1)
                     for kind in [_head_kind("".join(w for w, _ in words[:n]))] if kind), None)
    before = re.sub(_LINKS + "$", "", text[:last.start()])
    words = pos_cut(before)
    if words and (words[-1][1][:1] in ("n", "v") or words[-1][0] in ("钱",)):
        return _head_kind(words[-1][0])
    return None


# a unit per another ("微克/立方米", "元/吨", "元每斤"): the figure is a rate or a concentration, of no kind read here
_PER_UNIT = re.compile(r"[/／每]")
# every unit a figure may end in, longest first (two units of one length never both end a figure), and the measure
# units (a count word glued to a measure unit after the figure is no count); built once, not per figure
_FIGURE_UNITS = sorted(set(_ALL) | _COUNT | set(_PERCENT) | _THINGS_UNITS, key=len, reverse=True)
_MEASURE_UNIT = re.compile("|".join(_ALL))


def _figure_kind(span: Span, sentence: str) -> str | None:
    text = span.text.rstrip("以上下左右内余多")
    if _PER_UNIT.search(text) or _PER_UNIT.match(sentence[span.end:span.end + 1]):
        return None
    for unit in _FIGURE_UNITS:
        if text.endswith(unit):
            if unit in _PERCENT:
                return "percent"
            if unit in _PEOPLE_UNITS:
                return "people"
            if unit in _THINGS_UNITS:
                # a count word glued to a measure unit after the span is no count
                return None if _MEASURE_UNIT.match(sentence[span.end:span.end + 4]) else "things"
            return _kind(unit)
    return None


def head_of_other_kind(span: Span, sentence: str, analysis: QuestionAnalysis) -> bool:
    """Whether the question's measured noun asks a kind of measure the figure's unit cannot be (see the module)."""
    asked = asked_head_kind(analysis)
    if asked is None:
        return False
    # the unit the question analysis reads ("那几天" read as 几天) ranks the spans: a figure in it is left alone
    base = (analysis.unit or "").lstrip("万亿千百")
    if base and span.text.rstrip("以上下左右内余多").endswith(base):
        return False
    found = _figure_kind(span, sentence)
    if asked == "people" and span.text.rstrip("以上下左右内余多").endswith(_PEOPLE_TOO):
        return False
    if asked == "people" and found in _MEASURES | {"money"} and ablated("nm:people_unit"):
        return False  # people measured in money, length, area or weight: nm:people_unit's reading, one switch
    return found is not None and found in _REFUSED[asked]
