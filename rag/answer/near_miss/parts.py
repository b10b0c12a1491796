"""A part against the whole: the figure is a part (其中…) when the whole is asked, the whole when a
part or one listed member is asked, a percentage when a count is asked, or another counted noun.
"""
from __future__ import annotations

import re

from ..question import GENERIC_NOUNS, QuestionAnalysis, coverage, entity_in, pos_cut, pos_tokenizer
from ..scoring import abbreviated
from ..settings import ablated
from ..synonyms import kindred_in, said_in
from .words import MIN_FOCUS_IN_CLAUSE, _said, _without_names


# "其中重点人群签约率达86.5%": the figure measures a part of what the sentence said before it
_PART = re.compile(r"(?:^|[，,；;：:])\s*其中([^，,；;。]*)$")
# "其中，新能源汽车零部件实现产值213.8亿元": 其中 set off by its own comma opens the part's clause just the same
_PART_AFTER_COMMA = re.compile(r"(?:^|[，,；;：:])\s*其中[，,]\s*([^，,；;。]*)$")


def part_clause(before: str) -> "re.Match[str] | None":
    """The 其中-clause the figure ending ``before`` stands in (group 1: the words naming the part), or None."""
    return _PART.search(before) or (None if ablated("part_comma") else _PART_AFTER_COMMA.search(before))


def _part_unasked(sentence: str, span_start: int, analysis: QuestionAnalysis) -> bool:
    """The figure's clause opens with 其中 and names the part it measures ("其中老年人、孕产妇等重点
    人群签约率达86.5%"); a question naming none of that part's words ("全县所有居民的签约率") asks
    the whole, not this part."""
    match = part_clause(sentence[:span_start])
    if not match:
        return False
    # "。其中，批准逮捕犯罪嫌疑人216人，提起公诉712人": 其中 set off by a comma often opens a breakdown into items of their
    # own measure; its clause is a part of the asked measure only when it says a noun the question measures (产值)
    if not _PART.search(sentence[:span_start]) and not any(
            len(n) >= 2 and n in match.group(1) for n in analysis.measured_nouns):
        return False
    tokens = [(w, flag) for w, flag in pos_cut(match.group(1)) if flag != "x"]
    while tokens and not tokens[-1][1].startswith("n"):  # "…签约率达": the verb before the figure
        tokens.pop()
    # the last noun is what the part measures (签约率, 人口); the words before it name the part
    # (a verbal noun names a part too: 其中游泳项目)
    words = [w for w, flag in tokens[:-1] if len(w) >= 2 and (flag[:1] in ("n", "a", "b") or (flag == "vn" and not ablated("part_vn")))]
    if not words:
        return False
    question_words = [w for w, _ in pos_cut(analysis.text)]
    # read by the modifier, as compounds are head-final: "纯电动车" says 电动汽车, "插电混动汽车" does not
    # though it shares more characters
    if any(said_in(w, analysis.text) or abbreviated(w, analysis.text) or kindred_in(w, question_words)
           or (len(w) >= 3 and w[:2] in analysis.text) for w in words):
        return False
    # or the question says the part in a short form ("纯电车" for 其中纯电动汽车)
    return not any(len(n) >= 2 and abbreviated(n, w) for n in analysis.nouns for w in words)


_WHOLE_THEN_PARTS = re.compile(r"其中")
_TOTAL_WORD = re.compile(r"总|全|共|合计|累计|整体")
_CJK_BEFORE = re.compile(r"[\u4e00-\u9fff]$")


def _whole_of_parts(sentence: str, span_start: int, span_end: int, clause: str, analysis: QuestionAnalysis) -> bool:
    """The mirror of ``_part_unasked``: the figure is a whole the same sentence then breaks down
    ("专利授权量为1.52万件，其中发明专利授权4380件", "共投入联合收割机2150台，其中外地跨区作业机械近400台",
    "工程总投资9800万元，…其中蓝塘镇段7.2公里、凤安镇段6.5公里"), and the question asks a part: a word of
    it that the whole's clause does not say is said among the parts (凤安镇段, 跨区), or qualifies a
    head the parts qualify otherwise (实用新型专利 against 发明专利). The whole does not answer a part."""
    if part_clause(sentence[:span_start]):  # the figure is itself a part
        return False
    found = _WHOLE_THEN_PARTS.search(sentence, span_end)
    if not found:
        return False
    parts = sentence[found.end():]
    tokens = [(w, flag) for w, flag in pos_cut(analysis.text) if flag != "x"]
    clause_words = [w for w, _ in pos_cut(clause)]
    for i, (word, flag) in enumerate(tokens):
        if len(word) < 2 or flag[:1] not in ("n", "v", "a", "b", "j", "l") or word in GENERIC_NOUNS \
                or any(word in t or t in word for t in analysis.time_terms) \
                or _TOTAL_WORD.search(word):  # 总量 asks the whole itself
            continue
        if said_in(word, clause) or abbreviated(word, clause) or kindred_in(word, clause_words):
            continue
        if word in parts:  # the part asked is listed (凤安镇段)
            return True
        if flag in ("ns", "nr", "nt") or any(entity_in(e, word) for e in analysis.entities):
            continue  # a place the clause does not say is for the place checks
        head = tokens[i + 1][0] if i + 1 < len(tokens) else ""
        if len(head) >= 2 and head in clause and any(
            _CJK_BEFORE.search(parts[:m.start()]) for m in re.finditer(re.escape(head), parts)
        ):  # the parts qualify the asked head otherwise
            return True
    return False


# what asks a share, a rate or a change, which a percentage answers
_SHARE_ASKED = re.compile(r"率|比例|比重|占|百分|几成|多少成|幅|增|降|减|涨|升|提高|下滑|回落|同比|环比|倍|多了|少了|"
                          r"缩|扩|压|省|跌|翻|快|慢|多大|多高|把握|程度")


def _percent_unasked(span_text: str, analysis: QuestionAnalysis) -> bool:
    """A percentage ("保障人口占常住人口的1.13%") does not answer a question asking a count or an
    amount ("城东区常住人口有多少"): nothing in it asks a share, a rate or a change."""
    return analysis.unit is None and bool(re.search(r"[%％]|个百分点$|成$", span_text)) \
        and not _SHARE_ASKED.search(_without_names(analysis))


# an enumeration summed by one figure: "廉租房补贴、大学生资助、取暖补助等1400余万元"
_ENUMERATION = re.compile(r"((?:[^，,。；;：:、“”]{2,14}、)+[^，,。；;：:、“”]{2,14}?)等")
# the question itself asks about a kind, not one member: "化肥、医疗救助包这类物品"
_KIND_ASKED = re.compile(r"这类|这些|之类|各类|哪些|一共|总共|合计")


_PAIR = re.compile(r"([^，,。；;：:、“”和及与\d]{2,10})[和及与]([^，,。；;：:、“”和及与\d]{2,10})(?:共计|合计|共)?$")
_QUOTED_AFTER = re.compile(r"[^，,。；;“]{0,3}((?:“[^”]{2,14}”[和及与、]?){2,})")


def _one_member_asked(sentence: str, span_start: int, span_end: int, analysis: QuestionAnalysis) -> bool:
    """Whether the figure sums an enumeration of the sentence ("A、B、C等…N") and the question
    names exactly one of its members: the figure is the whole, not that member's."""
    if _KIND_ASKED.search(analysis.text) or _says_etc(analysis.text):
        return False
    # "1.2万余个“爱心驿站”“司机之家”": the figure counts the quoted names after it together
    quoted = _QUOTED_AFTER.match(sentence, span_end)
    if quoted:
        names = re.findall(r"“([^”]{2,14})”", quoted.group(1))
        if len(names) >= 2 and sum(n in analysis.text for n in names) == 1:
            return True
    # "中小学和幼儿园14所": the figure counts both things joined right before it
    pair = _PAIR.search(sentence[:span_start])
    # both joined things are nouns counted by the figure ("中小学和幼儿园"), not a subject pair before a
    # verb phrase ("青海省和西宁市共投入资金")
    if pair and all(flag[:1] in ("n", "b", "a") for _, flag in pos_cut(pair.group(2))):
        heads = [_last_word(pair.group(1)), _last_word(pair.group(2))]
        if all(heads) and sum(h in analysis.text for h in heads) == 1:
            return True
    enumerations = list(_ENUMERATION.finditer(sentence, 0, span_start))
    if not enumerations:
        return False
    items = [i for i in enumerations[-1].group(1).split("、") if i]
    # its head: the last words ("两岸栽下樟树": 樟树)
    named = [i for i in items if coverage([i[-6:]], analysis.text) >= MIN_FOCUS_IN_CLAUSE] \
        or [i for i in items if _last_word(i) in analysis.text]
    return len(items) >= 2 and len(named) == 1


# "光原油一项", "仅粮食这一类", "单是门票": the question restricts the figure to one part
_ONLY_PART = re.compile(r"(?:光|仅|只|单)(?:是|有)?([\u4e00-\u9fff]{2,8}?)(?:这?一(?:项|类|种|块|样|个)|方面)")


def _only_part_unsaid(clause: str, analysis: QuestionAnalysis) -> bool:
    """The question asks one part only ("光原油一项进口了多少钱") and the figure's clause does not say
    that part ("进口574.2亿元": the whole)."""
    words = [w for w, _ in pos_cut(clause)]
    for m in _ONLY_PART.finditer(analysis.text):
        part = m.group(1)
        if not (_said(part, clause) or kindred_in(part, words)):
            return True
    return False


def _last_word(item: str) -> str:
    """The last word of two or more characters of an enumerated item (its head), or ""."""
    words = [w for w, _ in pos_cut(item)]
    return words[-1] if words and len(words[-1]) >= 2 else ""


_CHANGE_ONLY = re.compile(r"增幅|降幅|涨幅|增长|增加|减少|下降|降低|提高|提升|上涨|下滑|回落|同比|环比")


def _counted_noun(analysis: QuestionAnalysis) -> bool:
    """Whether the question counts a noun right after its classifier ("多少名学生"), not a kind
    of things it lists ("多少件化肥、医疗救助包这类物品") nor a sum ("多少钱")."""
    noun, unit = analysis.type_noun, analysis.unit
    return bool(noun and unit and f"{unit}{noun}" in analysis.text and not _LISTED_KIND.search(analysis.text)
                and not _says_etc(analysis.text))


_LISTED_KIND = re.compile(r"这类|这些|之类|、")


def _says_etc(text: str) -> bool:
    """Whether ``text`` closes a list with 等 ("化肥、医疗救助包等物品"): 等 as a word, or glued by jieba to the word
    before it ("包等"), not inside a word of its own (二等奖, 等级, 平等)."""
    tokens = pos_cut(text)
    frequency = pos_tokenizer().tokenizer.FREQ
    return any(w == "等" or (w.endswith("等") and not frequency.get(w)) for w, _ in tokens)


def _figure_noun(before: str, after: str) -> str | None:
    """The noun the figure counts: the one right after it ("316名干部"), else right before it
    ("专家11名")."""
    following = pos_cut(after)[:1]
    if following and following[0][1].startswith("n") and len(following[0][0]) >= 2:
        return following[0][0]
    preceding = pos_cut(before)[-1:]
    if not after.strip() and preceding and preceding[0][1].startswith("n") and len(preceding[0][0]) >= 2:
        return preceding[0][0]
    return None
