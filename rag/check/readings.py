"""Readings: the small named readings of a figure claim against one candidate figure (or the scored rows).

Each tells one way a figure near the claim's words is not the claim's figure, or is its figure misquoted; each is
switched by its ablation name (``ablation.ingredient_on``), inside it or where ``scoring`` / ``verify`` call it:

- ``_unit_slip`` (unit_slip), ``_transposed`` (transposed): the very number in another unit of the same quantity, or
  with its digits in another order;
- ``_flipped`` (direction): the stated value and unit with the opposite direction;
- ``_date_event_words`` (record): the field a record's date is the value of, the event it dates;
- ``_other_span`` (span), ``_other_day_part`` (day_part): another span of time in words, another part of the day;
- ``_counts_another`` (counted), ``_other_event`` (event), ``_head_noun_elsewhere`` (head_noun): the figure counts
  another thing, or another event of the same things;
- ``_is_change`` (change, level): a change rather than a level; ``_closer_says_otherwise``, ``_restated_whole``
  (closest): a closer match gives another value; ``_better_beside``: another figure of the same sentence restates more.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from .candidates import _paragraph_figures  # (figure, label, sentence… of each figure of a paragraph, read once per text)
from .claims import places_in
from .compare import units_match
from .figures import Figure
from .measure import direction, key_words, level_reached, measure_words, share_present, share_present_heads
from .total_qualifier import said_with_total, total_restated
from .report import Claim
from .ablation import ingredient_on
from .candidates import LOOSE_RESTATED_MIN, SAID_MIN, Candidate, Scored, _head_words

# units that measure the same quantity: the same number in another of them is a misquoted unit
QUANTITIES = ({"米", "公里", "厘米", "毫米"}, {"克", "千克", "吨"}, {"亩", "公顷", "平方米", "平方公里"},
              {"天", "个月", "工作日", "小时", "分钟", "周", "年"})


def _unit_slip(stated: Figure, candidate: Candidate, claim_sentence: str) -> bool:
    """The claim's very number in another unit of the same quantity ("支渠长6.8米" against "支渠长6.8公里"), where the
    words right before the article's figure are all the claim's: a unit misquoted, not another measure."""
    if not ingredient_on("unit_slip") or stated.kind != "figure" or candidate.figure.kind != "figure":
        return False
    if stated.mantissa.replace(",", "") != candidate.figure.mantissa.replace(",", "") or stated.unit_class == candidate.figure.unit_class:
        return False
    if not any({stated.unit_class, candidate.figure.unit_class} <= quantity for quantity in QUANTITIES):
        return False
    head = _head_words(candidate.label)
    return bool(head) and share_present(head, claim_sentence) == 1.0


def _digits(figure: Figure) -> str:
    return re.sub(r"\D", "", figure.mantissa)


def _transposed(stated: Figure, candidate: Candidate, claim_sentence: str) -> bool:
    """The article's number with its digits in another order, in the same unit ("抽调361名干部" against "抽调316名干部",
    "4.96亿辆" / "4.69亿辆"), where the words right before the article's figure are all the claim's: a figure
    misquoted, not another measure, though the claim words its subject more loosely ("深入乡村" for "9个乡镇")."""
    if not ingredient_on("transposed") or stated.kind != "figure" or candidate.figure.kind != "figure":
        return False
    found = candidate.figure
    if stated.value == found.value or stated.unit_class != found.unit_class or stated.qualifier != found.qualifier:
        return False
    ours, theirs = _digits(stated), _digits(found)
    if len(ours) < 2 or len(set(ours)) < 2 or sorted(ours) != sorted(theirs) or ours == theirs:
        return False
    if stated.mantissa.count(".") != found.mantissa.count(".") or stated.value.adjusted() != found.value.adjusted():
        return False  # the same order of magnitude: "4.96亿" for "4.69亿", not "0.469亿"
    head = _head_words(candidate.label)
    return bool(head) and share_present(head, claim_sentence) == 1.0


def _flipped(stated: Figure, claim_direction: str | None, candidate: Candidate, restated: float, claim_words: Sequence[str]) -> bool:
    """The article states the claim's very value and unit with the opposite direction ("效率提升38%" for
    "办事效率下降38%"), in a sentence that says (a compound by its head) all the claim's measure words:
    the same measure read backwards, though fewer of the article's words are restated."""
    return (stated.kind == "figure" and _opposite(stated, claim_direction, candidate) and restated >= LOOSE_RESTATED_MIN
            and share_present_heads(claim_words, candidate.sentence) >= 0.9)


def _opposite(stated: Figure, claim_direction: str | None, candidate: Candidate) -> bool:
    """The claim's very value and unit, told in the opposite direction (the direction part of ``_flipped``)."""
    if not ingredient_on("direction") or claim_direction is None:
        return False
    article_direction = direction(candidate.label)
    return (article_direction is not None and article_direction != claim_direction and stated.value == candidate.figure.value
            and units_match(stated, candidate.figure))


_CLAUSE_BREAK = re.compile(r"[，,；;。]")
_BEFORE_DATE = 8  # characters before an article's date read for the event it dates


def _date_event_words(candidate: Candidate) -> tuple[str, ...]:
    """The field a record's date is the value of ("设立日期:1993年5月7日" → 设立): the event it dates; () for a
    date in running text ("始于1925年8月…"), whose event is told by its sentence."""
    start = candidate.figure.start
    before = re.split(r"[，,；;。！？!?\n]", candidate.paragraph.text[max(0, start - _BEFORE_DATE): start])[-1].rstrip()
    if not before.endswith((":", "：")):
        return ()
    return tuple(w for w in measure_words(before) if w not in ("日期", "时间"))


def _near_figure(label: str) -> str:
    """The part of a label in the figure's own clause: a label joined over clauses ("…与2024年相比增加 ,其中 ")
    keeps the words of earlier figures, whose direction is not this one's."""
    before, _, after = label.rpartition(" ")
    return _CLAUSE_BREAK.split(before)[-1] + " " + _CLAUSE_BREAK.split(after)[0]


_COUNTED_END = re.compile(r"[，,；;。、：:！？!?（(）)\d]|$")


def _counted_words(text: str, end: int) -> tuple[str, ...]:
    """The words right after a figure ending at ``end``, to the next mark or number: what it counts
    ("1315名失业人员实现就业" → 失业, 人员, …)."""
    after = re.sub(r"\s+", "", text[end: end + 40])
    after = after[: _COUNTED_END.search(after).start()]
    return measure_words(after, places_in(after)) if after else ()


def _counts_another(claim: Claim, candidate: Candidate) -> bool:
    """The claim's figure counts what another figure of the article sentence counts: the first word right after
    the claim's figure is the first word right after another figure of the sentence, in a unit of the same kind,
    and not the article figure's own ("帮助1315名就业困难人员…" against "帮助342名就业困难人员、1315名失业人员实现就业";
    "确定165家省级行业管理部门" against "确定39家省级行业管理部门…，对165家…行业协会商会…"). Only the first word
    is compared: the words after the last of an enumeration ("…实现就业") belong to all of it."""
    stated = claim.figure
    if stated is None:
        return False
    ours = _counted_words(claim.sentence, stated.end - claim.sentence_start)
    text = candidate.paragraph.text
    own = _counted_words(text, candidate.figure.end)
    if not ours or not own or ours[0] in own[0] or own[0] in ours[0]:
        return False
    s_at = text.find(candidate.sentence)
    if s_at < 0:
        return False
    for other in candidate.sentence_figures:
        if other.start + s_at != candidate.figure.start and units_match(stated, other):
            theirs = _counted_words(candidate.sentence, other.end)
            if theirs and theirs[0] == ours[0]:
                return True
    return False


_BEFORE_END = re.compile(r"[，,；;。、：:！？!?（(）)\d]")


def _named_right_before(text: str, start: int) -> str:
    """The stretch of a figure's own clause right before the figure starting at ``start``, back to the nearest mark or
    number: where the thing it counts is named before it ("、奖牌总数102枚" → 奖牌总数)."""
    return _BEFORE_END.split(text[max(0, start - 20): start])[-1]


_LEAD = re.compile(r"[\u4e00-\u9fff]{2,8}")


def _leads_another(claim: Claim, candidate: Candidate) -> bool:
    """Parallel clauses of an article paragraph that tell the same measure of different subjects ("石湖港区完成集装箱吞吐量
    142.6万标箱，…；深沪港区完成61.3万标箱"): the article figure's clause and another figure's clause, in a unit of the same
    kind, differ only in what they start with before the first word they share ("石湖" / "深沪" before "港区"), and the claim
    says the other clause's lead and not this one's ("深沪港区…142.6万标箱"): this figure is the other subject's."""
    stated = claim.figure
    if stated is None or not ingredient_on("parallel_lead"):
        return False
    sentence = claim.sentence or claim.text
    text = candidate.paragraph.text
    own = _item_clause(text, candidate.figure.start, candidate.figure.end)
    for other, *_ in _paragraph_figures(text):
        if other.start == candidate.figure.start or other.kind != "figure" or not units_match(stated, other):
            continue
        theirs = _item_clause(text, other.start, other.end)
        leads = _leads(own, theirs)
        if leads and leads[1] in sentence and leads[0] not in sentence:
            return True
    return False


def _leads(one: str, other: str) -> tuple[str, str] | None:
    """What two clauses start with before the first two characters they share ("石湖港区完成…", "深沪港区完成…" → 石湖, 深沪),
    when both are names (``_is_name``) and differ."""
    for i in range(2, min(len(one) - 1, 9)):
        j = other.find(one[i: i + 2], 2)
        if 2 <= j <= 8:
            a, b = one[:i], other[:j]
            return (a, b) if a != b and _is_name(a) and _is_name(b) and a not in b and b not in a else None
    return None


_NOT_IN_NAME = ("v", "r", "p", "d", "f", "t", "m", "q", "c", "u")  # verbs, pronouns, prepositions, adverbs, times, numerals…


def _is_name(lead: str) -> bool:
    """Two to eight Chinese characters, no verb, pronoun, time or other function word among them: a subject ("石湖",
    "深沪"), not what was done or when ("全年承办", "其中城镇")."""
    return bool(_LEAD.fullmatch(lead)) and not any(flag.startswith(_NOT_IN_NAME) for _, flag in _tagged(lead))


def _names_another(claim: Claim, candidate: Candidate) -> bool:
    """The claim names what its figure counts right before it ("金牌102枚", "奖牌总数43枚") and the article figure is
    preceded by other words, while another figure of the article paragraph, in a unit of the same kind, is preceded by
    the claim's ("东岸区代表团以金牌43枚、奖牌总数102枚"; "…奖牌总数102枚；西坪县代表团获得金牌31枚" for "西坪县…奖牌总数31枚"): the claim's
    thing is that figure's kind, not this one's."""
    stated = claim.figure
    if stated is None:
        return False
    if _leads_another(claim, candidate):
        return True
    sentence = claim.sentence or claim.text
    before = _named_right_before(sentence, stated.start - claim.sentence_start)
    words = _nouns(before)
    if not words or not before.endswith(words[-1]):
        return False  # the noun must stand right before the figure ("各类活动120场": 计划 is no counted thing)
    ours = words[-1]
    text = candidate.paragraph.text
    clause = _item_clause(text, candidate.figure.start, candidate.figure.end)
    if ours in clause:
        return False  # named there, before or after the figure ("全国有103个城市的汽车保有量…")
    theirs = _nouns(_named_right_before(text, candidate.figure.start))
    if not theirs or theirs[-1] in sentence:
        return False  # the article figure names nothing before it ("111家企业、605个岗位"), or the claim's own thing too
        # ("7个城市超500万辆" for "7个城市汽车保有量超500万辆")
    if any(other.start != candidate.figure.start and units_match(stated, other)
           and ours in _named_right_before(text, other.start) for other, *_ in _paragraph_figures(text)):
        return True
    # or the paragraph names the claim's thing outside this figure's clause, and this figure its own, which the claim
    # does not say ("全县新增电商货车120辆，城区新能源公交车也已投入运营" for "新增新能源公交车120辆")
    return text.replace(clause, "").count(ours) > 0


_ITEM_BREAK = re.compile(r"[，,；;。、]")


def _item_clause(text: str, start: int, end: int) -> str:
    """The clause or enumerated item of ``text`` holding the span ``start``–``end``."""
    return _ITEM_BREAK.split(text[:start])[-1] + text[start:end] + _ITEM_BREAK.split(text[end:])[0]


def _nouns(text: str) -> list[str]:
    """The measure words of ``text`` that are nouns (two characters or more): what may be counted, not what was done."""
    words = measure_words(text, places_in(text))
    return [w for w in words if len(w) >= 2 and any(t == w and flag.startswith("n") for t, flag in _tagged(text))]


def _restated_whole(row: Scored, stated: Figure) -> bool:
    return row.restated >= 1.0 and row.said >= SAID_MIN and row.candidate.figure.unit_class == stated.unit_class


def _closer_says_otherwise(row: Scored, scored: Sequence[Scored]) -> bool:
    """A figure all of whose words the claim restates, of the same subject and unit, gives another value: the claim's
    lead-in ("因…被纳入“严重失信主体名单”的，…增幅不低于50%") is that figure's sentence, not the loose match's."""
    return any(o is not row and o.restated >= 1.0 and o.said >= SAID_MIN and o.same_subject and o.unit_ok
               and o.direction_ok and not o.value_ok and not o.unsaid_names
               and o.candidate.figure.unit_class == row.candidate.figure.unit_class for o in scored)


# spans of time told by words, not dates: "今年以来" is not "近年来"
_SPANS = re.compile(r"今年以来|今年|近年来|近几年|近[一二三四五两\d]年|多年来")  # (去年, 上年: mostly the base of a comparison)


def _span_of(text: str) -> str | None:
    match = _SPANS.search(text)
    return match.group() if match else None


def _other_span(claim: Claim, candidate: Candidate) -> bool:
    """The claim's figure is told for a span of time in words ("今年以来") and the article's figure, in its own sentence,
    for another one ("近年来"): the same figure of another period."""
    stated = claim.figure
    if stated is None or stated.kind != "figure":
        return False
    ours = _span_of((claim.sentence or claim.text)[: max(0, stated.start - claim.sentence_start)])
    s_at = candidate.paragraph.text.find(candidate.sentence)
    theirs = _span_of(candidate.paragraph.text[s_at: candidate.figure.start]) if s_at >= 0 else None
    return bool(ours and theirs) and not (ours in theirs or theirs in ours)


_DAY_PART = re.compile(r"\s*(上午|下午|晚上|晚间|凌晨|中午|傍晚|早上|清晨)")


def _other_day_part(claim: Claim, candidate: Candidate) -> bool:
    """A date told with a part of the day ("3月5日上午") that the article tells with another one ("3月5日下午")."""
    stated = claim.figure
    ours = _DAY_PART.match(claim.sentence, stated.end - claim.sentence_start) if stated is not None else None
    theirs = _DAY_PART.match(candidate.paragraph.text, candidate.figure.end)
    return bool(ours and theirs) and ours.group(1) != theirs.group(1)


_NOT_EVENT_WORDS = frozenset("人数 数量 规模 总量 累计 共有 共计 合计 达到 目前 其中 截至 已经 实现".split())


@lru_cache(maxsize=8192)
def _tagged(text: str) -> tuple[tuple[str, str], ...]:
    import jieba.posseg

    return tuple((w.word, w.flag) for w in jieba.posseg.cut(re.sub(r"\s+", "", text)))


def _other_event(claim: Claim, candidate: Candidate) -> bool:
    """The article tells what happened to what its figure counts by a verb right after it ("223.6万人报名") that the
    claim does not say, and the claim says a word of its own the article sentence does not ("通过人数"): another event
    of the same people (registered, not passed)."""
    after = _tagged(re.split(r"[，,。；;、：:！？!?\n（(]", candidate.paragraph.text[candidate.figure.end: candidate.figure.end + 8])[0])
    verb = next((w for w, flag in after[:2] if flag == "v" and len(w) >= 2), None)
    sentence = claim.sentence or claim.text
    if verb is None or verb in sentence:
        return False
    if ingredient_on("from_to") and direction(verb) is not None and direction(verb) == direction(sentence):
        return False  # "由520张增加到800张": the way from the first figure to the second, which the claim says too ("从520张增至")
    return any(len(w) >= 2 and flag[0] in "vpn" and w not in _NOT_EVENT_WORDS and w not in candidate.sentence
               and not any(w in p or p in w for p in claim.places) and not _PERIOD_WORD.search(w)
               for w, flag in _tagged(claim.label))


_PERIOD_WORD = re.compile(r"\d|年|月|季度")

# verbs that say only that a figure stands, is reached or is reported, not what was done: no action of their own
_LIGHT_VERBS = frozenset("有 是 为 成为 达 达到 实现 累计 共计 合计 超过 突破 占 约 共有 拥有 已有 设有 进行 开展 完成 获悉 介绍 表示 显示 说 透露 "
                         "统计 了解 来看 看 据 截至 截止 同比 环比 分别 计划 预计 目标 力争".split())


def _actions(text: str, drop: Sequence[str]) -> list[str]:
    """The verbs of ``text`` that tell what was done (not light verbs, directions, periods or words of ``drop``)."""
    return [w for w, flag in _tagged(text) if flag == "v" and len(w) >= 2 and w not in _LIGHT_VERBS and direction(w) is None
            and not _PERIOD_WORD.search(w) and not any(w in p or p in w for p in drop)]


def _action_said(word: str, text: str, words: Sequence[str]) -> bool:
    """``text`` says the action ``word``: as written, by an exact synonym or a word of its small 词林 class, or by a verb of
    ``words`` with the same head character (参加 / 参赛, 设立 / 设有; not 开幕 / 闭幕)."""
    from ..answer.synonyms import kindred_in, synonyms

    return (word in text or any(s in text for s in synonyms(word)) or kindred_in(word, list(words))
            or any(w[0] == word[0] for w in words))


def _own_stretch(candidate: Candidate) -> str:
    """The article figure's sentence up to the figure after it: what is told after a later figure is that figure's
    ("…18台，另有6台旧机械已报废"); what is told before is the lead of all ("新注册登记…3000万辆，比上年增加168万辆")."""
    sentence = candidate.sentence
    at = candidate.figure.start - candidate.paragraph.text.find(sentence)
    if not 0 <= at < len(sentence):
        return sentence
    end = min((f.start for f in candidate.sentence_figures if f.start >= at + len(candidate.figure.written)), default=len(sentence))
    return sentence[:end]


def unsaid_action(claim: Claim, candidate: Candidate) -> str | None:
    """The claim says what was done with its figure ("新购置了6台", "已到位…资金9.4亿元") and the article figure's own clause
    tells another action of it ("合作社的6台联合收割机刚刚结束本地作业", "争取…补助资金9.4亿元"): each says an action the
    other does not (as written, by a synonym, a word of the same small 词林 class or the same head character). The article
    then confirms nothing; returns the claim's action unsaid. Light verbs (达到, 实现, 累计…), directions and periods are
    no actions. The article's actions are read in its sentence up to the figure after it:
    "新购置养护机械18台，另有6台旧机械已报废" does not say 18台 were 报废."""
    sentence = _own_stretch(candidate)
    claim_text = claim.text.replace(claim.stated, " ")
    article_words = _actions(sentence, places_in(sentence))
    unsaid = next((w for w in _actions(claim_text, claim.places) if not _action_said(w, sentence, article_words)), None)
    if unsaid is None:
        return None
    claim_words = _actions(claim.sentence or claim.text, claim.places)
    own = _actions(candidate.label, places_in(candidate.label))
    if any(not _action_said(w, claim.sentence or claim.text, claim_words) for w in own):
        return unsaid
    return None


# events that end what the other begins: a date of the one is not the date of the other
_OPPOSITE_EVENTS = (("开幕", "闭幕"), ("开幕", "落幕"), ("启幕", "闭幕"), ("启幕", "落幕"), ("开工", "竣工"), ("开工", "完工"), ("开始", "结束"),
                    ("启动", "结束"), ("启动", "收官"), ("开业", "停业"), ("开业", "歇业"), ("开放", "关闭"), ("开通", "停运"), ("上线", "下线"),
                    ("开园", "闭园"), ("开馆", "闭馆"), ("开学", "放假"), ("入学", "毕业"), ("成立", "撤销"), ("成立", "解散"), ("开赛", "闭赛"))


def _own_clause(text: str, start: int, end: int) -> str:
    """The clause of ``text`` holding the span ``start``–``end``, between the nearest clause marks."""
    before = _CLAUSE_BREAK.split(text[:start])[-1]
    after = _CLAUSE_BREAK.split(text[end:])[0]
    return before + text[start:end] + after


def opposite_event(claim: Claim, candidate: Candidate) -> bool:
    """The claim dates one event ("9月27日…开幕") and the article sentence the event that ends or begins it ("9月27日晚…闭幕"),
    without the claim's: the date of the other event tells nothing of the claim's. The article's event is read in the
    date's own clause when that clause tells one ("8月18日在县体育中心开幕，8月25日在…闭幕": 8月25日 dates the 闭幕), else
    in its sentence ("9月27日晚，…闭幕")."""
    text, sentence = claim.text, candidate.sentence
    clause = _own_clause(candidate.paragraph.text, candidate.figure.start, candidate.figure.end)
    if any(word in clause for pair in _OPPOSITE_EVENTS for word in pair):
        sentence = clause
    for one, other in _OPPOSITE_EVENTS:
        for ours, theirs in ((one, other), (other, one)):
            if ours in text and theirs not in text and theirs in sentence and ours not in sentence:
                return True
    return False


def _head_noun_elsewhere(claim: Claim, candidate: Candidate) -> bool:
    """The noun right before the claim's figure (what it counts: "电动汽车" of "新注册登记纯电动汽车3022万辆") is not in the
    article figure's sentence, and a noun of the article figure's own clause is not in the claim: the article counts
    another thing there, whatever words of the claim it shares."""
    stated = claim.figure
    if stated is None:
        return False
    sentence = claim.sentence or claim.text
    before = sentence[: max(0, stated.start - claim.sentence_start)]
    nouns = key_words(re.split(r"[，,；;：:、]", before)[-1], claim.places)
    if not nouns or nouns[-1] in candidate.sentence or said_with_total(nouns[-1], candidate.sentence):
        return False  # (said with 总 is said: "粮食产量" by "粮食总产量", rag.check.total_qualifier)
    # and the article names its own thing there, which the claim does not say ("新能源"), not only fewer words ("增幅")
    text = candidate.paragraph.text
    own = key_words(re.split(r"[，,；;：:、]", text[candidate.evidence_start: candidate.figure.start])[-1], places_in(candidate.sentence))
    return any(noun not in sentence and not total_restated(noun, sentence) for noun in own)


def _is_change(label: str) -> bool:
    """Whether a figure's own clause states a change ("增加7个", "同比增长25%") rather than a level it rose or fell to
    ("升至98%", "增加到…")."""
    near = _near_figure(label)
    return direction(near) is not None and not level_reached(near)


def _better_beside(row: Scored, scored: Sequence[Scored]) -> bool:
    """Another figure of the same article sentence that restates more of the claim's words."""
    here = (row.candidate.paragraph.source, row.candidate.paragraph.number, row.candidate.sentence)
    return any((o.candidate.paragraph.source, o.candidate.paragraph.number, o.candidate.sentence) == here
               and o.candidate.figure.start != row.candidate.figure.start and o.restated > row.restated for o in scored)


CLOSER_MARGIN = 0.5  # how much closer (``Scored.closeness``, 0..2) another figure's clause must match to outweigh a true one


def closer_gives_other(row: Scored, scored: Sequence[Scored]) -> bool:
    """A true figure confirms nothing where another figure of the same subject, unit and direction, whose own clause
    matches the claim's measure clearly more closely (read both ways, ``Scored.closeness``), gives another value: the
    claim's measure is that figure's ("一季度全省完成交通运输固定资产投资…同比增长6.4%" where 6.4% is "其中，公路水路完成投资"'s
    growth and the whole investment's is 7.2%)."""
    # (with ``closer_kind``, a change, "比上年增加11.4公斤", is not outweighed by a level, "平均亩产达到498公斤": another measure)
    change = ingredient_on("closer_kind") and direction(_near_figure(row.candidate.label)) is not None
    return any(o is not row and o.same_subject and o.unit_ok and o.direction_ok and not o.value_ok and not o.unsaid_names
               and (not change or direction(_near_figure(o.candidate.label)) is not None)
               and o.candidate.figure.unit_class == row.candidate.figure.unit_class and o.said >= SAID_MIN
               # (a bound, "…的汽车保有量超过百万辆" of a count of cities, does not outweigh an exact figure, nor the reverse)
               and o.candidate.figure.qualifier == row.candidate.figure.qualifier
               and o.closeness >= row.closeness + CLOSER_MARGIN for o in scored)


def other_item(claim: Claim, candidate: Candidate) -> bool:
    """The article figure is one of several after 分别 (``Candidate.items``), and the claim names another item of them
    alone ("道路交通事故死亡人数同比下降9.1%" where "起数、死亡人数同比分别下降9.1%和12.6%": 9.1% is 起数's)."""
    if not candidate.items or candidate.item_at < 0:
        return False
    sentence = claim.sentence or claim.text
    said = [j for j, words in enumerate(candidate.items) if any(w in sentence for w in words)]
    if len(said) > 1 and ingredient_on("nearest_item") and claim.figure is not None and _RESPECTIVELY not in sentence:
        # a claim naming words of several items without 分别 tells one item's figure: the one named last before its figure
        # ("…直接结算金额2.34亿元，同比增长28.3%" names 结算金额 last, where "…结算12.6万人次，结算金额2.34亿元，同比分别增长
        # 28.3%和19.1%": the 19.1% is its growth)
        at = claim.figure.start - claim.sentence_start if claim.sentence else claim.figure.start
        last = {j: max(sentence.rfind(w, 0, max(0, at)) for w in candidate.items[j]) for j in said}
        nearest = max(last, key=last.get)
        if last[nearest] >= 0 and sorted(last.values())[-2] < last[nearest]:
            return nearest != candidate.item_at
    return len(said) == 1 and said[0] != candidate.item_at


_RESPECTIVELY = "分别"
_PART_LABEL = re.compile(r"[\s，,；;：:]*(?:其中|包括)")


def qualified_as_another(claim: Claim, candidate: Candidate) -> bool:
    """A word of the claim's measure that the article figure's own label does not say is what another figure of its sentence
    counts: the claim measures that kind of thing ("公办幼儿园在园幼儿超过6000人" where "全县现有幼儿园71所，其中公办幼儿园43所，
    在园幼儿9600余人": 9600余人 are all the children, 公办幼儿园 are the 43所), a part or kind of what this figure counts, which the
    article does not give: no contradiction from it."""
    if not ingredient_on("qualified"):
        return False
    words = [w for w in key_words(claim.label, claim.places) if len(w) >= 3 and w not in candidate.label]
    if not words:
        return False
    # (a part's figure, "其中公办幼儿园43所": a word of another figure's clause that is the sentence's subject, "高校毕业生…，就业率
    # 达到92%", is no kind of its own)
    others = [row[1] for row in _paragraph_figures(candidate.paragraph.text)
              if row[2] == candidate.sentence and row[0].start != candidate.figure.start and row[0].kind == "figure"
              and _PART_LABEL.match(row[1])]
    return any(w in label for w in words for label in others)


_NO_WORD = re.compile(r"[，,、；;：:。（）()“”\s\d]")


def qualifier_unsaid(claim: Claim, candidate: Candidate) -> bool:
    """The claim's measure is a kind of what the article figure counts: the article sentence writes the claim's measure from
    its head back to some word, and the word the claim writes right before that is a qualifier the sentence does not say, even
    shortened ("接待入境游客25万人次" where the article's 2140万人次 are "接待游客", "外贸货物吞吐量2.3亿吨" where its 4.86亿吨
    are all "货物吞吐量"; 社工 is said by 社会工作者). The article gives no figure of that kind: no contradiction from this one."""
    if not ingredient_on("qualifier_unsaid"):
        return False
    words = key_words(claim.label, claim.places)
    shared = [w for w in words if w in candidate.label]
    if not shared:
        return False
    end = claim.label.rfind(shared[-1]) + len(shared[-1])
    start = end - len(shared[-1])
    while start > 0 and claim.label[start - 1: end] in candidate.sentence:
        start -= 1  # the claim's measure as the article sentence writes it, back from its head
    if not any(claim.label.startswith(w, start) for w in words):
        return False  # the article's words from the head back begin with no noun of the measure: "今年投入检修资金" of "…集团今年投入…"
    before = claim.label[:start]
    for w in words:
        at = before.rfind(w)
        if at >= 0 and len(before) - (at + len(w)) <= 1 and not _NO_WORD.search(before[at + len(w):]):
            return not _said_shortened(w, candidate.sentence) and w not in (candidate.paragraph.title or "")
    return False


def _said_shortened(word: str, sentence: str) -> bool:
    """Every character of ``word`` in ``sentence`` in order, near each other: 社工 in 社会工作者."""
    at = -1
    for ch in word:
        nxt = sentence.find(ch, at + 1)
        if nxt < 0 or (at >= 0 and nxt - at > 4):
            return False
        at = nxt
    return True
