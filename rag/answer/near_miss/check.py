"""The near-miss check itself: runs the checks of place, period, scope and the figure's own measure on
the best candidate, in order, and says which found the near miss and what the figure's clause gives.
"""
from __future__ import annotations

import re
from typing import Iterable

from ..asked_place import other_period, place_unsaid, wider_scope, with_places
from ..question import GENERIC_NOUNS, QUANTITY, QuestionAnalysis, coverage, pos_cut
from ..scoring import Candidate, abbreviated
from ..settings import ablated
from ..spans import Span, clause_window, figure_units, item_owner, quantity_spans, unit_fits_exactly
from ..synonyms import kindred_in, said_in
from ..counted_noun import counted_after_count_word, counted_right_after
from .asked_unit import unit_of_other_kind
from .asked_head import head_of_other_kind
from .edition import previous_edition_unsaid
from .measure import _EARLIER_ASKED, _PERIOD_WORD, _PER_UNIT_ASKED, _PER_UNIT_SAID, _REACHED, _action_at_figure_elsewhere, _asked_tokens, _distinguishing, _distinguishing_word_unsaid, _modifiers, _named_figure_later, _noun_measured_elsewhere, _other_action, _own_kind, _people_in_measure_unit, _qualifier_unsaid, _rate_unasked, _subject_measures_another, _unit_refused, _unit_word_elsewhere, _whole_clause, _with_elided_measure
from .parts import _counted_noun, _figure_noun, _one_member_asked, _only_part_unsaid, _part_unasked, _percent_unasked, _whole_of_parts
from .joint import joint_member
from .alone import joined_for_alone
from .plan import plan_for_outcome, total_for_done
from .stock import flow_for_stock, stock_for_flow
from .period import dated_sentence, _foreign_period, _foreign_relative_period, _other_year_dated, _relative_year_other
from .opposite import opposite_measure
from .volume_value import volume_for_value
from .modifier import other_modifier
from .money_kind import other_money
from .whole_period import part_of_whole_period, span_of_years
from .direction import other_point_place
from .kind_name import other_named_of_kind
from .threshold import threshold_figure
from .letter_code import other_letter_code
from .one_month import span_for_month
from .place import _foreign_place, _governing_place, _narrower_own_scope, _narrower_scope
from .share import share_or_change_crossed
from .words import MIN_FOCUS_IN_CLAUSE, _asked_in_other_words, _asked_words, _asked_words_at, _said


# how long a clause said from its place or scope word may run ("临夏市新建学校7所，新增学位5400个")
_MAX_GIVEN = 60


def _from_word(sentence: str, word: str, span: Span, clause: str) -> str:
    """What the figure's sentence gives, said from the place or scope word its figure belongs to
    (文中只有：临夏市新建学校7所，新增学位5400个) rather than its clause alone, when that word stands before
    the clause in the sentence; the clause otherwise."""
    at, start = sentence.rfind(word, 0, span.start), sentence.find(clause)
    if at < 0 or start < 0 or at >= start or start + len(clause) - at > _MAX_GIVEN:
        return clause
    return sentence[at:start + len(clause)]


def _from_list(sentence: str, span: Span, clause: str) -> str:
    """The figure's clause said from the list of names it sums, when that list opens an earlier clause of its
    sentence (文中只有：东岳观镇、通津铺镇…两镇粮食播种面积合计达到14.6万亩)."""
    start = sentence.find(clause)
    opening = max(sentence.rfind(mark, 0, max(start - 1, 0)) for mark in "，,；;。：:") + 1
    if start > 0 and "、" in sentence[opening:start] and start + len(clause) - opening <= _MAX_GIVEN:
        return sentence[opening:start + len(clause)]
    return clause


def _lead_pieces(candidate: Candidate) -> str:
    """The pieces of the candidate's 。-sentence before it when it continues them after a ；("今年全县小麦种植面积
    86.4万亩…；平均亩产442公斤": the lead's subject 全县 is this piece's too); "" otherwise."""
    if ablated("scope_of_lead_piece"):
        return ""
    text = candidate.hit.paragraph.text
    at = text.find(candidate.sentence)
    if at <= 0 or not text[:at].rstrip().endswith(("；", ";")):
        return ""
    start = max(text.rfind(mark, 0, at) for mark in "。！？!?\n") + 1
    return text[start:at]


def near_miss(candidate: Candidate, analysis: QuestionAnalysis, elsewhere: Iterable[str] = ()) -> str | None:
    """What the candidate's figure measures instead of the asked thing (its clause), or None
    when nothing says it measures something else. ``elsewhere``: the other retrieved
    sentences, where the asked words may stand at other figures. Quantity questions only."""
    found = near_miss_check(candidate, analysis, elsewhere)
    return found[1] if found else None


def near_miss_check(
    candidate: Candidate, analysis: QuestionAnalysis, elsewhere: Iterable[str] = ()
) -> tuple[str, str] | None:
    """(the check that found the near miss, the figure's clause), or None."""
    if analysis.kind != QUANTITY or candidate.span is None:
        return None
    elsewhere = [other for other in elsewhere if other != candidate.sentence]
    if not ablated("elliptical"):
        candidate = _with_elided_measure(candidate)
    span, sentence = candidate.span, candidate.sentence
    before, after = clause_window(sentence, span.start, span.end)
    clause = f"{before}{span.text}{after}"
    unit = next((u for start, end, u in figure_units(sentence) if start <= span.start < end), "")
    placed = with_places(analysis)  # the places the question names by their suffix, read by asked_place
    if _foreign_place(before, placed):
        return "place", clause
    dated = dated_sentence(sentence, candidate.hit.paragraph.text)
    # (a clause of a list opened by its period, "前三季度罗田县…；英山县…", is of that period: period_of_list)
    if (_foreign_period(dated, analysis) or _foreign_relative_period(sentence, analysis, candidate.hit.paragraph)
            or _other_year_dated(sentence, analysis, candidate.hit.paragraph)
            or _relative_year_other(dated, analysis, candidate.hit.paragraph)
            or other_period(sentence if ablated("period_of_list") else dated, analysis)
            or previous_edition_unsaid(sentence, analysis, candidate.hit.paragraph.title or "")):
        return "period", clause
    # "全年" asked, "前三季度，…28650元" given: the part's figure, cited from the words dating it
    part = None if ablated("whole_period") else part_of_whole_period(sentence, analysis)
    if part:
        return "period", _from_word(sentence, part, span, clause)
    # "10月当月" asked, "1—10月，…实现利润总额98.7亿元" given: the sum over a span, not the month's own figure
    month = span_for_month(dated, analysis)
    if month:  # (the span said in a clause before the sentence is named before the figure's clause: "1至11月，…")
        given = _from_word(sentence, month, span, clause)
        return "period", given if month in given else f"{month}，{given}"
    # "今年" asked, "三年来共招聘…47名" given: a figure counted over several years
    years = span_of_years(sentence, span.start, analysis)
    if years:
        return "period", _from_word(sentence, years, span, clause)
    lead = _lead_pieces(candidate)
    scope = wider_scope(before, lead + sentence, analysis, lead + sentence[:span.start])
    if scope:
        return "wider_scope", _from_word(sentence, scope, span, clause)
    if place_unsaid(candidate.hit.paragraph, analysis):
        return "place_unsaid", clause
    if _narrower_scope(before, analysis):
        return "scope", clause
    if _narrower_own_scope(sentence[:span.start], analysis):
        return "scope", clause
    own_measure = not ablated("figure_measure")

    def on(check: str) -> bool:  # one check of a figure's own measure, unless ablated ("nm:qualifier")
        return own_measure and not ablated(f"nm:{check}")

    governing = on("place_subject") and _governing_place(sentence[:span.start], placed)
    if governing:
        return "place_subject", _from_word(sentence, governing, span, clause)
    # "沧州站" asked, "沧州西站假期发送旅客14.8万人次" given: the place beside the asked one, told apart by a compass point
    pointed = on("direction") and other_point_place(sentence, span.start, analysis)
    if pointed:
        return "direction", _from_word(sentence, pointed, span, clause)
    # "湄江景区门票收入" asked, "紫鹊界梯田—梅山龙宫景区…门票收入1.36亿元" given: another named one of the asked kind
    named = on("kind_name") and other_named_of_kind(sentence, span.start, analysis.text)
    if named:
        return "kind_name", _from_word(sentence, named, span, clause)
    # "PM10平均浓度" asked, "PM2.5平均浓度最低的是洪雅县，为24.8微克/立方米" given: another lettered kind of the same thing
    code = own_measure and other_letter_code(sentence, span, analysis)
    if code:
        return "letter_code", _from_word(sentence, code, span, clause)
    if on("percent") and _percent_unasked(span.text, analysis):
        return "percent", clause
    # "全市出口额" asked, "年出口额超5亿元的企业27家" given: a bound sorting things, no amount
    if on("threshold") and threshold_figure(sentence, span, analysis):
        return "threshold", clause
    if on("share_change") and share_or_change_crossed(span.text, before, analysis):
        return "share_change", clause
    if on("asked_unit") and unit_of_other_kind(span, sentence, analysis):
        return "asked_unit", clause
    if on("asked_head") and head_of_other_kind(span, sentence, analysis):
        return "asked_head", clause
    own_clause = _whole_clause(sentence, span)
    if on("opposite") and opposite_measure(own_clause, analysis):
        return "opposite", clause
    # "罐头出口量" asked, "食品出口额同比增长21.8%" given: what the thing is worth for how much of it (or back)
    if on("volume_value") and volume_for_value(own_clause, analysis):
        return "volume_value", clause
    # "赚了多少利润" asked, "实现规上工业产值612.80亿元" given: the sum the text names is another kind of money
    if on("money_kind") and other_money(sentence, span, analysis):
        return "money_kind", clause
    if on("plan") and plan_for_outcome(sentence[:span.start], analysis):
        return "plan", clause
    # "总投资是多少" asked, "今年完成投资6.8亿元" given (or back): investment done is not the project's total
    if on("plan") and total_for_done(own_clause, analysis):
        return "plan", clause
    if on("flow_for_stock") and flow_for_stock(sentence[:span.start], sentence[span.end:], analysis):
        return "flow_for_stock", clause
    if on("stock_for_flow") and stock_for_flow(own_clause, analysis):
        return "stock_for_flow", clause
    if on("part") and _part_unasked(sentence, span.start, analysis):
        return "part", clause
    if on("whole") and _whole_of_parts(sentence, span.start, span.end, clause, analysis):
        return "whole", clause
    if on("member") and _one_member_asked(sentence, span.start, span.end, analysis):
        return "member", clause
    # "太原、大同、晋中三市新增学位合计7.1万个" for 太原 asked: the figure sums the listed names
    if on("joint") and joint_member(sentence, span, analysis):
        return "joint", _from_list(sentence, span, clause)
    # "拖拉机单独有多少台" asked, "报废老旧拖拉机和联合收获机1380台" given: the figure joins the part asked alone with another
    alone = on("alone") and joined_for_alone(sentence, span, analysis)
    if alone:
        return "alone", alone
    if on("only_part") and _only_part_unsaid(clause, analysis):
        return "only_part", clause
    # "多少名学生" is not answered by "引进专家11名": the figure counts another noun
    if on("counted") and _counted_noun(analysis) and not _said(analysis.type_noun, clause):
        counted = _figure_noun(before, after)
        # a synonym or a word of the same 词林 class counts the same thing (公司 / 企业), and so does a word
        # holding the other (中学生 / 学生); a sibling sharing only a character does not (金牌 / 银牌)
        noun = analysis.type_noun
        held = counted and ((noun in counted or counted in noun) if not ablated("counted_sibling") else set(counted) & set(noun))
        if counted and not held and not said_in(noun, counted) \
                and not kindred_in(analysis.type_noun, [counted]):
            return "counted", clause
    # "下乡干部中有多少名女干部" is not answered by "抽调316名干部": the part asked is not said
    subset = analysis.subset or _part_named_first(analysis)
    if on("subset") and subset and not all(
        said_in(w, clause) or (abbreviated(w, clause) and not (_distinguishing(w) and not ablated("part_modifier")))
        for w in subset
    ):
        return "subset", clause
    if on("earlier") and _EARLIER_ASKED.search(analysis.text) and _REACHED.search(before):
        return "earlier", clause
    if on("unit_refused") and _unit_refused(span.text, analysis):
        return "unit_refused", clause
    if on("people_unit") and _people_in_measure_unit(unit, analysis):
        return "people_unit", clause
    if on("unit_word") and _unit_word_elsewhere(sentence, span, analysis, elsewhere):
        return "unit_word", clause
    if on("named_figure") and _named_figure_later(sentence, span, analysis):
        return "named_figure", clause
    if on("rate") and _rate_unasked(before, analysis, span.text):
        return "rate", clause
    if on("per_unit") and _PER_UNIT_ASKED.search(analysis.text) and not _PER_UNIT_SAID.search(clause):
        return "per_unit", clause
    if on("action") and (candidate.objection is None or _action_at_figure_elsewhere(analysis, elsewhere)) \
            and _other_action(before, after, _whole_clause(sentence, span), analysis):
        return "action", clause
    if on("qualifier") and _qualifier_unsaid(clause, sentence, analysis):
        return "qualifier", clause
    # "刑事案件平均审理天数" asked, "民事案件平均审理天数为46.3天" given: the head measured under another modifier
    if on("other_modifier") and other_modifier(_whole_clause(sentence, span), analysis):
        return "other_modifier", clause
    if on("subject") and _subject_measures_another(sentence, span.start, clause, analysis, elsewhere):
        return "subject", clause
    if on("noun_elsewhere") and _noun_measured_elsewhere(candidate, analysis, elsewhere, unit):
        return "noun_elsewhere", clause
    if on("distinguishing") and _distinguishing_word_unsaid(
        sentence, span, unit, analysis, [o for o in elsewhere if o in candidate.hit.paragraph.text]
    ):
        return "distinguishing", clause
    # "护林员里有多少人是脱贫人口": the figure whose clause says the part asked ("其中脱贫人口310名") is
    # its answer, though the whole (护林员) stands at another figure
    if subset and all(said_in(w, clause) for w in subset):
        return None
    # "其中蓝塘镇段7.2公里": the figure of the listed item the question names (span8: spans.item_owner)
    if item_owner(sentence, quantity_spans(sentence, analysis), analysis).get(span.start):
        return None
    asked = _asked_words(analysis)
    if not asked or any(coverage([w], clause) >= MIN_FOCUS_IN_CLAUSE for w in asked):
        return None
    if _asked_in_other_words(asked, clause):
        return None
    # the asked words stand at another figure, of this sentence ("已注册企业176家", "7场零工相关
    # 活动") or, when this sentence does not say them at all, of another retrieved one that
    # counts the same kind of thing (another place's "城镇新增就业568人"), not at this one
    # (when this figure is of the asked kind, "多少户" at 1260户, a figure of another kind, 两个…改造项目 or
    # 面积4.2万平方米, cannot answer: an asked word standing there names the subject, not another measure)
    others_unit = _own_kind(unit, span, analysis)
    if _asked_words_at(sentence, asked, None, skip=(span.start, span.end), rival=others_unit):
        return "asked_here", clause
    # the same for the words of the asked phrase ("零工注册": "已注册企业176家" or "7场零工相关
    # 活动" beside "服务群众868人"), when this figure's clause has none of them
    words = _asked_tokens(asked + _modifiers(analysis, asked))
    # (a single word of the asked phrase at a figure of another kind, when this one is in the asked unit, names what
    # the sentence is about, wherever it stands: "周城村现有扎染作坊63家，从业人员2100余人" for 靠扎染吃饭的有多少人,
    # "支付苹果保险赔款1.23亿元，惠及果农3.2万户" for 赔给果农多少钱: 63家 and 3.2万户 answer no 多少人 or 多少钱)
    # (only when the asked words the sentence does not say are said in no other retrieved sentence either: the asker's
    # own words, "靠扎染吃饭"; "交通事故受伤多少人" against "事故143起，死亡29人", where other passages say 受伤, asks
    # the measure they name)
    kind_only = others_unit is not None and not ablated("word_kind_only") and not any(
        said_in(w, other) for w in words if not said_in(w, sentence) for other in elsewhere)
    # (a share, "占公司销售收入的比重达到27%", is a figure of the measure it divides: it still competes)
    if on("asked_word_here") and words and not any(w in clause for w in words) and (
            _asked_words_at(sentence, words, others_unit if kind_only else None, skip=(span.start, span.end),
                            rival=others_unit)
            or kind_only and _asked_words_at(sentence, words, "%", skip=(span.start, span.end), rival=others_unit)):
        return "asked_word_here", clause
    if all(coverage([w], sentence) < MIN_FOCUS_IN_CLAUSE for w in asked) and any(
        _asked_words_at(other, asked, unit if analysis.unit else None) for other in elsewhere
    ):  # a question that asks no unit ("压缩了多少") takes the asked words at a figure of any unit
        return "asked_elsewhere", clause
    # the counted thing ("多少个岗位") is not what this figure counts, nor its unit the asked one
    if analysis.type_noun and analysis.unit and not unit_fits_exactly(analysis.unit, span) \
            and not span.text.rstrip("以上下左右内余多").endswith(analysis.type_noun[0]) \
            and not _counts_asked_thing(sentence, span, analysis):
        return "unit", clause
    return None


# "入境游客中，来自东南亚的有多少", "示范学校里，国家级的有几所": the group, then the part asked, before the
# wh-word (rag.answer.question reads "A里有多少是B", the part after it)
_PART_NAMED_FIRST = re.compile(r"(?:中|里|当中|之中)[，,]\s*([^，。？?！!]{2,12}?)的?(?:有|是|为|占)?(?:多少|几)")


def _part_named_first(analysis: QuestionAnalysis) -> tuple[str, ...]:
    """The nouns and distinguishing words (国家级, 东南亚) naming the part of a group asked before the
    wh-word: the figure of the whole group's clause says none of them."""
    if ablated("part_named_first"):
        return ()
    found = _PART_NAMED_FIRST.search(analysis.text)
    if not found:
        return ()
    tokens = pos_cut(found.group(1))
    words = [w for w, flag in tokens
             if len(w) >= 2 and (flag[:1] in ("n", "b") or flag == "ns") and w not in GENERIC_NOUNS]
    # the word right before the part's noun that marks it off from the group ("过夜游客" among 游客, "新增
    # 用户" among 用户): tagged as a time, verb or adjective, it still names the part, unless it is a period
    if not ablated("part_modifier"):
        for (word, flag), (_, next_flag) in zip(tokens, tokens[1:]):
            if len(word) >= 2 and flag[:1] in ("t", "v", "a") and next_flag.startswith("n") \
                    and not _PERIOD_WORD.search(word) and not any(word in t for t in analysis.time_terms):
                words.append(word)
    return tuple(dict.fromkeys(words))


def _counts_asked_thing(sentence: str, span: Span, analysis: QuestionAnalysis) -> bool:
    """"有14名学生被…录取" for "几个学生考上了…": the figure's own count word (名) is followed by the very thing the
    question counts with 个 (rag.answer.counted_noun), so it counts it."""
    counted = counted_after_count_word(analysis.text)
    if counted is None or analysis.type_noun is None or not counted.endswith(analysis.type_noun):
        return False
    unit = next((u for start, end, u in figure_units(sentence) if start <= span.start < end), "")
    return counted_right_after(sentence, span.end, unit, analysis.type_noun)
