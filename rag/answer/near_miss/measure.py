"""The figure's own measure: a qualifier, action, rate, per-unit reading, earlier state or unit the
question asks and the figure's clause does not say, or a distinguishing word said at another figure.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..question import QuestionAnalysis, coverage, entity_in, pos_cut
from ..scoring import Candidate
from ..settings import ablated
from ..spans import Span, UNITS, figure_units, same_kind_of_unit, unit_fits_exactly
from ..synonyms import kindred_in, said_in
from .parts import _CHANGE_ONLY, _SHARE_ASKED
from .words import MIN_FOCUS_IN_CLAUSE, _FRAME, _WEAK_VERBS, _asked_words_at, _figure_words, _said, _without_names


_CASE_OPENING = re.compile(r"^[^，,。；;]{2,40}的[，,]")


_PERIOD_WORD = re.compile(r"\d|[年月日天周季旬]|今|去|明|前|后|以来|期间|目前|现在|当前")


def _distinguishing(word: str) -> bool:
    """A distinguishing word (区别词: 国家级, 省级, 大型): no short form of a longer word, so "国家和省级"
    does not say 国家级."""
    tokens = pos_cut(word)
    return len(tokens) == 1 and tokens[0][1] == "b"


# "每人每月多少钱", "人均多少", "每亩多少", "每天处理多少": an amount per person, household, unit of land or time; a figure whose own clause
# says no 每/人均/均/"元/人" is a total ("安排区级预算资金103万元"), not the amount asked
_PER_UNIT_ASKED = re.compile(
    r"每(?:个|一)?(?:人|户|亩|名|家|天|日|月|年)[^，。？?]{0,8}(?:多少|几)|[人户亩日月年]均[^，。？?]{0,6}(?:多少|几)"
)
# 每, 均, "元/人"; or a day, month or year glued to what it measures (日处理能力, 年产, 月租), not a date's (9月30日)
# nor a period's (今年, 去年, 上半年)
_PER_UNIT_SAID = re.compile(r"每|均|/|／|(?<![\d一二三四五六七八九十两今去明前本当同上下全该首末])[日月年](?=[\u4e00-\u9fff])")


def _own_kind(unit: str, span: Span, analysis: QuestionAnalysis) -> str | None:
    """The figure's unit when it is the very unit the question asks in ("户" for "多少户", "亿元" for
    "多少钱"): then a figure of another kind of thing before it (两个…改造项目, 面积4.2万平方米) cannot answer,
    and an asked word standing there names the subject the sentence opens on, which its later figures go on
    to measure. A figure after it still competes ("购车意向1260余台，意向成交金额约1.8亿元": 成交 is the
    money's), and so does any figure when this one is not in the asked unit ("已注册企业176家" beside
    4300余人次 for "注册了多少名"). Else None."""
    if ablated("asked_kind_only") or not unit or not analysis.unit or not unit_fits_exactly(analysis.unit, span):
        return None
    return unit


# a parallel list's clauses end in "；" ("赣州市一季度完成交通投资52.8亿元；上饶市完成31.4亿元")
_LIST_END = re.compile(r"[；;]\s*$")


def _with_elided_measure(candidate: Candidate) -> Candidate:
    """The candidate with the measure its elliptical clause leaves to the clause before it, written
    in: a parallel list names the measure once ("赣州市一季度完成交通投资52.8亿元，居全省首位；上饶市完成
    31.4亿元"), and a clause saying only who and the verb ("上饶市完成") leans on the previous clause's
    words between that verb and a figure of the same kind of unit (交通投资). The sentence itself when
    its clause names a measure of its own, or the previous sentence ends no list item."""
    span, sentence = candidate.span, candidate.sentence
    left = max((m.end() for m in re.finditer(r"[，,；;：:]", sentence[:span.start])), default=0)
    own = sentence[left:span.start]
    tokens = [(w, f) for w, f in pos_cut(own) if w.strip()]
    if not tokens or not tokens[-1][1].startswith("v") or len(tokens[-1][0]) < 2:
        return candidate
    verb = tokens[-1][0]
    # who, when and the verb only: places, periods, adverbs (no noun of a measure)
    if any(f.startswith("n") and f not in ("ns", "nt", "nr") or f in ("v", "vn") and w != verb for w, f in tokens[:-1]):
        return candidate
    text = candidate.hit.paragraph.text
    previous = text[:candidate.sent_start]
    if not _LIST_END.search(previous):
        return candidate
    previous = previous.rstrip()
    previous = previous[max((m.end() for m in re.finditer(r"[。！？!?]", previous)), default=0):]
    unit = next((u for start, end, u in figure_units(sentence) if start <= span.start < end), "")
    for start, end, other_unit in reversed(figure_units(previous)):
        if not unit or not same_kind_of_unit(unit, other_unit):
            continue
        clause_start = max((m.end() for m in re.finditer(r"[，,；;：:]", previous[:start])), default=0)
        at = previous.rfind(verb, clause_start, start)
        measure = previous[at + len(verb):start] if at >= 0 else ""
        if 2 <= len(measure) <= 12 and re.fullmatch(r"[\u4e00-\u9fff]+", measure):
            shift = len(measure)
            return replace(
                candidate,
                sentence=sentence[:span.start] + measure + sentence[span.start:],
                span=replace(span, start=span.start + shift, end=span.end + shift),
            )
        return candidate
    return candidate


def _modifiers(analysis: QuestionAnalysis, asked: list[str]) -> list[str]:
    """The phrase an asked word is modified by through 的 ("注册的求职者" → 注册): part of what
    the figure must measure, in the question's own order."""
    found = []
    for word in asked:
        for m in re.finditer(r"([\u4e00-\u9fff]{2,6})的" + re.escape(word), analysis.text):
            found.append(m.group(1))
    return found


def _subject_measures_another(
    sentence: str, span_start: int, clause: str, analysis: QuestionAnalysis, elsewhere: list[str]
) -> bool:
    """A bare change ("较去年增加39%", "同比增长18.4%": no noun in its clause) measures what the
    sentence said before it ("报考人员近6000人，较去年增加39%"): when nothing before it in the
    sentence says a noun the question measures ("志愿者人数比上一年增长了多少") and the retrieved
    text does say that noun elsewhere (the articles have a word for it), the change is another
    thing's."""
    if not _CHANGE_ONLY.search(clause) or any(
        flag.startswith("n") and len(word) >= 2 for word, flag in pos_cut(clause)
    ):
        return False
    said_before = sentence[:max(0, sentence.find(clause))] if clause in sentence else sentence[:span_start]
    if not said_before.strip():
        return False
    words = [w for w, _ in pos_cut(said_before)]
    nouns = [n for n in analysis.nouns if not any(entity_in(e, n) for e in analysis.entities)]
    unsaid = [n for n in nouns if not _said(n, said_before) and not kindred_in(n, words)]
    return bool(unsaid) and any(n in other for n in unsaid for other in elsewhere)


# a rank or place word qualifies ("省级", "省外", "国家级"); nouns and verbs name the thing itself
_QUALIFIER_FLAGS = ("b", "s", "f")
_SINCE = frozenset(("以来", "以后", "以前", "之前", "之后", "期间"))
_CONJUNCTIONS = "和及与、"
_SCOPE = "全我本各当"  # 全国, 全省, 本地: the scope, not a qualifier of the thing


def _qualifier_unsaid(clause: str, sentence: str, analysis: QuestionAnalysis) -> bool:
    """The figure's clause names the asked thing's head with another qualifier: "省外用人单位"
    against "省内外用人单位", "省级…特色学校" against "国家级…特色学校"; or it counts the asked
    thing together with another joined by a conjunction ("国家和省级示范学校4所" for 省级 alone).
    The qualifier is the word of the question's phrase right before the longest head the
    clause says; it must not be said in the clause (nor a synonym or word of its class)."""
    words = [w for w, _ in pos_cut(clause)]
    for phrase in analysis.measure:
        tokens = pos_cut(phrase)
        if len(tokens) < 2 or not tokens[-1][1].startswith("n"):
            continue
        for cut in range(len(tokens)):
            head = "".join(w for w, _ in tokens[cut:])
            at = clause.find(head)
            if len(head) < 2 or at < 0:
                continue
            before = clause[:at]
            if cut == 0:  # the whole phrase is said: one member of "A和B" said before it?
                if before[-1:] and before[-1] in _CONJUNCTIONS:
                    other = (pos_cut(before[:-1])[-1:] or (("", ""),))[0][0]
                    if len(other) >= 2 and other not in analysis.text:
                        return True
                break
            qualifier, flag = tokens[cut - 1]
            if qualifier in _SINCE and not ablated("since_no_qualifier"):
                break  # "2025年以来交易额": 以来 dates the figure from a start, it qualifies no thing
            if len(qualifier) < 2 or not flag.startswith(_QUALIFIER_FLAGS) or qualifier[0] in _SCOPE:
                break
            # read exactly: 省外 is no short form of 省内外
            if said_in(qualifier, clause) or coverage([qualifier], clause) >= MIN_FOCUS_IN_CLAUSE \
                    or kindred_in(qualifier, words):
                break
            # the clause qualifies the head itself (a word right before it), not a bare head
            if re.search(r"[\u4e00-\u9fff]$", before) and not re.search(r"[的有是为在]$", before):
                return True
            break
    return False


# "修水渠以前灌溉保证率是多少": the state before a change ("比以前少了多少" compares with it instead)
_EARLIER_ASKED = re.compile(r"(?<![比较与跟和同])(?:以前|之前|原来|原先|此前)(?!相比|比)")
# "提升至98%": the level reached after the change
_REACHED = re.compile(r"(?:提升|提高|增加|增长|降低|下降|减少|压缩|缩短|升|降|增|减)(?:至|到)$|达到$")
# "（按人数，不是人次）": the question rules out a unit
_UNIT_RULED_OUT = re.compile(r"(?:(?<!是)不是|不按|而非|不要)([\u4e00-\u9fff%]{1,3})")


def _unit_refused(span_text: str, analysis: QuestionAnalysis) -> bool:
    """The figure is given in the unit the question rules out ("培训农户200余人次" for "按人数，不是人次")."""
    ruled_out = [next((w[:n] for n in range(len(w), 0, -1) if w[:n] in UNITS), None)  # the longest unit it opens with:
                 for w in (m.group(1) for m in _UNIT_RULED_OUT.finditer(analysis.text))]  # "不按人次算" rules out 人次
    return any(unit and span_text.endswith(unit) for unit in ruled_out)


# what counts people ("研发人员", "游客"): a figure in money, length, area or weight does not
_PEOPLE_ASKED = re.compile(
    r"(?:人员|人数|员工|职工|人口|学生|人才|居民|群众|游客|志愿者|工人|农民|党员|干部|医生|教师|老师|劳动者|求职者)$"
)
_MEASURE_UNITS = ("元", "米", "公里", "千米", "亩", "公顷", "吨", "公斤", "千克")


def _people_in_measure_unit(unit: str, analysis: QuestionAnalysis) -> bool:
    """"江城微电子有多少研发人员" is not answered by "研发投入1.45亿元": people are counted, not measured
    in money, length, area or weight."""
    if not unit or not unit.endswith(_MEASURE_UNITS) or (analysis.unit or "").endswith(_MEASURE_UNITS):
        return False
    asked = [w for w in (*analysis.measured_nouns, *analysis.focus, analysis.type_noun or "") if w]
    return any(_PEOPLE_ASKED.search(w) for w in asked) and not _SHARE_ASKED.search(_without_names(analysis))


def _unit_word_elsewhere(sentence: str, span, analysis: QuestionAnalysis, elsewhere: list[str]) -> bool:
    """The question asks in a unit the articles write right after their figures though no unit list
    knows it ("多少万标箱": "吞吐量达612.4万标箱"), and this figure is in another ("增加约150辆")."""
    noun = analysis.type_noun
    if analysis.unit or not noun or not re.search(rf"(?:多少|几)(?:万亿|亿|万|千|百)?{re.escape(noun)}", analysis.text):
        return False
    if sentence[span.end:].startswith(noun) or span.text.endswith(noun):
        return False
    written = re.compile(rf"\d(?:万亿|亿|万|千|百)?(?:余|多)?{re.escape(noun)}")
    return any(written.search(other) for other in [sentence, *elsewhere])


_TIME_UNITS = ("年", "月", "日", "天", "号", "岁", "周", "次")


def _named_figure_later(sentence: str, span, analysis: QuestionAnalysis) -> bool:
    """The question names a figure of what it asks about ("清运2000余吨垃圾一共花了多少钱") and the
    sentence states that figure in a later clause than the answer's ("担保贷款6300万元…，清运垃圾
    2000余吨"): the answer's figure comes before its topic, so it is about something else. (A
    named figure in an earlier clause can be the topic the answer's clause continues.)"""
    for start, end, unit in figure_units(analysis.text):
        named = analysis.text[start:end]
        if not unit or unit.endswith(_TIME_UNITS) or len(named) < 2:
            continue
        at = sentence.find(named, span.end)
        if at < 0 or not re.search(r"[，,；;]", sentence[span.end:at]) or named in sentence[:span.end]:
            continue
        # the later clause says a thing of its own ("清运垃圾2000余吨"), not only a change of the
        # answer's subject ("…1293万辆，与2024年相比增加168万辆")
        left = max(m.end() for m in re.finditer(r"[，,；;]", sentence[:at]))
        if any(flag.startswith("n") and len(word) >= 2 for word, flag in pos_cut(sentence[left:at])):
            return True
    return False


# a figure per day, per person, per household… ("日均服务量达200人次")
_RATE = re.compile(r"[日人年月户周亩]均|平均|每(?:天|日|人|年|月|户|周|亩|名|次)|亩产|单产")
# a price or yield per unit of measure ("每公斤400元") is a rate as well ("销售额多少" is no price)
_RATE_PER_MEASURE = re.compile(r"每(?:公斤|千克|斤|吨|平方米|平米|立方米|千瓦时|度|公里|小时)")
# a price or rate per unit of measure asked ("一公斤收多少钱", "收购价", "单价", "设计时速", "卖到多少钱"); a sum
# of money asked in all ("一共卖了多少钱") is no price
_PER_MEASURE_ASKED = re.compile(r"[一每](?:公斤|千克|斤|吨|平方米|平米|立方米|千瓦时|度|公里|小时)|价|速")
_PRICE_ASKED = re.compile(r"(?<![了共计])多少钱")
_SUM_ASKED = re.compile(r"[一总]共|累计|合计|共计")


def _per_measure_asked(question: str) -> bool:
    """Whether the question asks a price or rate per unit of measure ("设计时速", "毛茶卖到多少钱")."""
    return bool(_PER_MEASURE_ASKED.search(question)) or (
        bool(_PRICE_ASKED.search(question)) and not _SUM_ASKED.search(question))
# the question asks a rate ("平均一天挣多少", "每人", "一天能…")
_RATE_ASKED = re.compile(r"均|每|亩产|单产|一亩|一(?:天|日|个月|月|周|户|人)(?!一共)|一年(?:能|可以?|就)|单日|天天")  # 一年能拿: per year


# the question asks of one item ("一个人要交多少钱", "多长时间能出一颗电芯", "坐一次多少钱"): per person, per item, per
# time; not an ordinal (第一个), not a count of more (一个多月), not a whole (一共)
_ONE_ITEM_ASKED = re.compile(r"(?<![第\d十百千万])一(?:个人|名|位|颗|辆|台|次|张|件|头|只|套|户人家)(?![多共性])")
# a rate per period only (每年, 日均): said of a whole, per year, not per item
_PERIOD_RATE = re.compile(r"[日年月周]均|每(?:天|日|年|月|周)")
# how long something takes, asked ("要等多久", "多长时间能赶到"); an average time (平均候诊时间…15分钟) is what it asks
_DURATION_ASKED = re.compile(r"多久|多长时间")
_DURATION_UNIT = re.compile(r"(?:秒|秒钟|分|分钟|小时|个小时|天|日|周|个月|年)(?:以内|以上|左右)?$")


def _rate_unasked(before: str, analysis: QuestionAnalysis, figure: str = "") -> bool:
    """A rate ("日均服务量达200人次") does not answer a question that asks no rate ("一年一共服务了
    多少人次")."""
    rate = _RATE.search(before) or (
        not ablated("rate_units") and _RATE_PER_MEASURE.search(before) and not _per_measure_asked(analysis.text)
    )
    if not rate or _RATE_ASKED.search(analysis.text):
        return False
    # one item asked, and the clause's rate is per person or item (每人每年400元, 平均每1.2秒一颗), not per period only
    # (每年安排补贴1800万元 is no fare for "坐一次")
    if not ablated("one_item_rate") and _ONE_ITEM_ASKED.search(analysis.text) \
            and any(not _PERIOD_RATE.fullmatch(m.group()) for m in _RATE.finditer(before)):
        return False
    # "平均候诊时间由45分钟缩短到15分钟" for "要等多久": an average time, no rate per person or day
    if not ablated("average_duration") and _DURATION_ASKED.search(analysis.text) and _DURATION_UNIT.search(figure) \
            and all(m.group() == "平均" for m in _RATE.finditer(before)) and not _RATE_PER_MEASURE.search(before):
        return False
    # "PM2.5平均浓度为31.2微克/立方米" for "PM2.5浓度多少": the mean of a level that is no sum (a concentration, a
    # temperature, an age) is that level itself, not a rate per day or head
    if not ablated("average_level") and _LEVEL_ASKED.search(analysis.text) \
            and all(m.group() == "平均" for m in _RATE.finditer(before)):
        return False
    return True


# a level, not a sum: its mean over days or people is the level itself
_LEVEL_ASKED = re.compile(r"浓度|气温|温度|水温|年龄|寿命|湿度|含量|水位|分贝")


# directional complements: "加起来一共多少" asks no action of its own
_COMPLEMENTS = frozenset("起来 下来 出来 上来 过来 进来 回来 下去 上去 出去".split())
_ACTION_SKIP = frozenset("了 过 着 一共 共 总共 累计 合计 共计 已 已经 都 最后 最终".split())


def _asked_action(analysis: QuestionAnalysis) -> str | None:
    """The verb governing the asked count: right before the wh-word ("办结了多少件诉求") or right
    after its classifier ("有多少人通过")."""
    tokens = pos_cut(analysis.text)
    at = next((k for k, (w, _) in enumerate(tokens) if re.match(r"多少|几", w)), None)
    if at is None:
        return None
    k = at - 1
    while k >= 0 and tokens[k][0] in _ACTION_SKIP:
        k -= 1
    # before the wh-word only a verb with its aspect ("办结了多少"): "网络招聘多少家企业" names a
    # thing by a verb, it asks no action
    perfective = any(w in ("了", "过") for w, _ in tokens[k + 1:at])
    if k >= 0 and perfective and tokens[k][1].startswith("v") and len(tokens[k][0]) >= 2 and tokens[k][0] not in _WEAK_VERBS \
            and tokens[k][0] not in _COMPLEMENTS:
        return tokens[k][0]
    k = at + 1
    while k < len(tokens) and (tokens[k][1] in ("m", "q", "zg") or tokens[k][0] in ("人", "名", "个")):
        k += 1
    # a preposition ending the question is its verb ("有多少人通过？")
    ends = k + 1 >= len(tokens) or tokens[k + 1][1] == "x"
    if k < len(tokens) and (tokens[k][1].startswith("v") or (tokens[k][1] == "p" and ends)) \
            and len(tokens[k][0]) >= 2 and tokens[k][0] not in _WEAK_VERBS:
        return tokens[k][0]
    return None


def _action_at_figure_elsewhere(analysis: QuestionAnalysis, elsewhere: list[str]) -> bool:
    """Whether the asked action ("达成了就业意向") stands in the own clause of a figure of another retrieved
    sentence: the articles say it in the question's words, so a paraphrase-accepted sentence that says
    another action ("累计观看超过45万人次") is not a rewording of it."""
    if ablated("action_elsewhere"):
        return False
    verb = _asked_action(analysis)
    return verb is not None and any(_asked_words_at(other, [verb], None) for other in elsewhere)


def _whole_clause(sentence: str, span) -> str:
    """The figure's clause between clause marks, not cut to a window."""
    left = max((m.end() for m in re.finditer(r"[，,；;。！？!?]", sentence[:span.start])), default=0)
    right = re.search(r"[，,；;。！？!?]", sentence[span.end:])
    return sentence[left:span.end + right.start() if right else len(sentence)]


def _other_action(before: str, after: str, whole: str, analysis: QuestionAnalysis) -> bool:
    """The figure's clause says the asked thing in the question's own words but under another
    action: "受理诉求2580.2万件" for "办结了多少件诉求", "223.6万人报名" for "有多少人通过". Only
    for sentences eligible by their words (a paraphrase says the action in other words too)."""
    verb = _asked_action(analysis)
    if verb is None:
        return False
    clause = whole
    words = [w for w, _ in pos_cut(clause)]
    if said_in(verb, clause) or coverage([verb], clause) >= MIN_FOCUS_IN_CLAUSE or kindred_in(verb, words):
        return False
    nearest_before = [w for w, f in pos_cut(before) if f.startswith("v") and len(w) >= 2 and w not in _WEAK_VERBS][-1:]
    following = [(w, f) for w, f in pos_cut(after)[:2] if f not in ("m", "q") and w not in ("人", "名", "个")][:1]
    nearest_after = [w for w, f in following if f.startswith("v") and len(w) >= 2 and w not in _WEAK_VERBS]
    # the figure's own verb shares no character with the asked one (增加 / 多加, 建成 / 建 are one action)
    return any(not set(verb) & set(own) for own in nearest_before + nearest_after)


def _asked_tokens(asked: list[str]) -> list[str]:
    """The content words (nouns, verbs; two characters or more) of the asked phrases."""
    return list(dict.fromkeys(
        w for phrase in asked for w, flag in pos_cut(phrase)
        if len(w) >= 2 and flag[:1] in ("n", "v") and not _FRAME.fullmatch(w)
    ))


def _noun_measured_elsewhere(candidate: Candidate, analysis: QuestionAnalysis, elsewhere: list[str], unit: str) -> bool:
    """A measured noun this sentence does not say stands at a figure in the same unit in another
    retrieved sentence ("保有量…增加了多少辆" against "新注册登记…增加168万辆" when another
    sentence gives "保有量达4397万辆"): the article measures the asked thing elsewhere."""
    sentence = candidate.sentence
    said = sentence
    if _CASE_OPENING.match(sentence):  # "因…被纳入名单的,增幅不低于100%" leaves 保证金 to the sentence before
        before = candidate.hit.paragraph.text[max(0, candidate.sent_start - 200):candidate.sent_start]
        said = before.rstrip().rstrip("。").rsplit("。", 1)[-1] + sentence  # the sentence before this one
    # the head of the phrase: "新能源汽车保有量" measures 保有量; a scope (全县) measures nothing
    head = [n for n in analysis.measured_nouns if n[0] not in _SCOPE][-1:]
    unsaid = [n for n in head if not _said(n, said) and not (len(n) >= 4 and n[-2:] in said)]
    return bool(unsaid) and any(_asked_words_at(other, unsaid, unit) for other in elsewhere)


def _measure_words(analysis: QuestionAnalysis) -> list[str]:
    """The content words of the question's measured thing ("新注册登记新能源汽车": 注册, 登记, 新能源,
    汽车): nouns and verbs of two characters or more, not its places, periods or framing words."""
    words = []
    for phrase in analysis.measure:
        for word, flag in pos_cut(phrase):
            if len(word) < 2 or flag[:1] not in ("n", "v") or flag in ("ns", "nr", "nt") or word in _WEAK_VERBS \
                    or word[0] in _SCOPE \
                    or _FRAME.fullmatch(word) or any(entity_in(e, word) or entity_in(word, e) for e in analysis.entities) \
                    or any(word in t for t in analysis.time_terms):
                continue
            words.append(word)
    return list(dict.fromkeys(words))


def _distinguishing_word_unsaid(sentence: str, span, unit: str, analysis: QuestionAnalysis, elsewhere: list[str]) -> bool:
    """A word of the asked measure that the sentence does not say up to the end of the figure's clause
    ("新注册登记" for "赣州市新能源汽车保有量21.3万辆") but that stands in the own clause of a parallel
    figure of the same paragraph (same kind of unit, the asked words this clause says and the missing
    one: "一季度新注册登记新能源汽车2.9万辆"): the paragraph tells its figures apart by that word, and
    this figure is not the one it marks. ``elsewhere``: the paragraph's other sentences."""
    if not unit:
        return False
    right = re.search(r"[，,；;。！？!?]", sentence[span.end:])
    said = sentence[:span.end + right.start() if right else len(sentence)]
    unsaid = [w for w in _measure_words(analysis) if not _said(w, said)]
    if not unsaid:
        return False
    # a parallel figure: its clause says the asked words this clause says, and the missing one too
    here = [w for w in _measure_words(analysis) if w not in unsaid and w in said]
    if not here:
        return False  # this clause says the asked thing in other words: a paraphrase, not a parallel figure
    for other in [sentence, *elsewhere]:
        for start, end, other_unit, words in _figure_words(other):
            if other is sentence and start <= span.start < end:
                continue
            if same_kind_of_unit(unit, other_unit) and all(w in words for w in here) \
                    and any(w in words for w in unsaid):
                # nor said by a word of its 词林 class (tagging the sentence only now: it is the cost)
                said_words = [w for w, _ in pos_cut(said)]
                return any(w in words and not kindred_in(w, said_words) for w in unsaid)
    return False
