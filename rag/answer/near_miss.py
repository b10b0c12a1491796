"""Near misses: the figure in the best sentence measures something else than the one asked.

"小程序上注册了多少名求职者" is not answered by "累计带动就业4300余人次" when the same
sentence says "已注册企业176家": the asked word stands at another figure. "海东…压缩了
多少" is not answered by "西宁“接诉即办”时限压缩30%": the figure's own clause names
another place. "能提供多少个岗位" is not answered by "300家以上用人单位": the counted
thing differs, and so does the unit. "2024年…几种" is not answered by a sentence
that dates its figure 2025年. "城东区城镇新增就业多少" is not answered by "新增救助保障
对象4380人" when the passages say "城镇新增就业" at other places' figures: the
articles have a word for the asked measure, and this figure does not carry it.
In each case the answer says what the article does give instead ("文中只有…").
"""
from __future__ import annotations

import functools
import re
from dataclasses import replace
from typing import Iterable

from .question import (
    DATE, GENERIC_NOUNS, GENERIC_PLACES, QUANTITY, QuestionAnalysis, coverage, entity_in, guessed_across_words, is_province,
    pos_cut, pos_tokenizer, time_in, without_baselines,
)
from ..numbers import values_in
from ..setting import places_named
from .asked_place import other_period, place_unsaid, wider_scope, with_places
from .scoring import Candidate, abbreviated, same_characters
from .settings import ablated
from .synonyms import kindred_in, known_common_word, said_in
from .spans import ADMIN_LEVELS, RATE_AS_CHANGE, UNITS, Span, clause_window, figure_units, item_owner, quantity_spans, same_kind_of_unit, unit_fits_exactly


def _foreign_place(before: str, analysis: QuestionAnalysis) -> str | None:
    """A specific place named in the figure's clause that the question does not ask about."""
    if not analysis.entities or any(entity_in(e, before) for e in analysis.entities):
        return None
    for word, flag in pos_cut(before):
        if flag != "ns" or len(word) < 2 or word in GENERIC_PLACES or word[1:] in GENERIC_PLACES:
            continue  # "各乡镇" names no place
        # a word 词林 files only as an everyday word names no place ("新建": jieba tags it ns)
        if word[-1] not in ADMIN_LEVELS and known_common_word(word):
            continue
        if not any(entity_in(word, e) or entity_in(e, word) for e in analysis.entities):
            return word
    return None


def _governing_place(said_before: str, analysis: QuestionAnalysis) -> str | None:
    """The place a sentence is about, named before the figure in an earlier clause ("分地区看，南昌市
    新能源汽车保有量达34.5万辆，…，一季度新注册登记新能源汽车2.9万辆"): it governs the later clauses'
    figures until another place is named, so a question about another place ("赣州市…多少辆") is not
    answered by them. The last specific place named before the figure, when the question does not
    ask it and no asked place is named after it."""
    if not any(e[-1] in ADMIN_LEVELS or is_province(e) for e in analysis.entities):
        return None  # the question asks about a place ("赣州市"), not a person or an organisation
    places = [(m, w) for m, w in _places_in(said_before)]
    if not places:
        return None
    at, word = places[-1]
    if any(entity_in(e, said_before[at:]) for e in analysis.entities):
        return None
    # a scope word after it names the figure's place anew ("据西宁市团委介绍，全省注册志愿者达120万人":
    # the figure is 全省's, which the article's setting may make the asked province)
    if _SCOPE_WORD.search(said_before, at + len(word)):
        return None
    if any(entity_in(word, e) or entity_in(e, word) for e in analysis.entities):
        return None
    return word


_SCOPE_PREFIX = "全我本各当该每这那"
# a scope word as a clause's subject ("，全省注册志愿者…", "，一季度全县…"), not inside a phrase ("居全省首位")
_SCOPE_WORD = re.compile(
    r"[，,；;：:](?:[^，,；;：:。]{0,8}?(?:年|月|日|季度|底|以来|期间))?[全我本该](?:省|市|县|区|州|旗|盟)(?!场|域)"
)


def _places_in(text: str) -> list[tuple[int, str]]:
    """(offset, word) of each specific place jieba tags in ``text`` (not generic ones, nor everyday
    words 词林 files elsewhere)."""
    found, at = [], 0
    for word, flag in pos_cut(text):
        # a named area: "南昌市", "城东区" (not "乡镇", nor an everyday word jieba tags as a place)
        if flag == "ns" and len(word) >= 3 and word[-1] in ADMIN_LEVELS and word not in GENERIC_PLACES \
                and word[0] not in _SCOPE_PREFIX and word[1:] not in GENERIC_PLACES:  # "各乡镇" names none
            found.append((at, word))
        at += len(word)
    return found


# "其中重点人群签约率达86.5%": the figure measures a part of what the sentence said before it
_PART = re.compile(r"(?:^|[，,；;：:])\s*其中([^，,；;。]*)$")


def _part_unasked(sentence: str, span_start: int, analysis: QuestionAnalysis) -> bool:
    """The figure's clause opens with 其中 and names the part it measures ("其中老年人、孕产妇等重点
    人群签约率达86.5%"); a question naming none of that part's words ("全县所有居民的签约率") asks
    the whole, not this part."""
    match = _PART.search(sentence[:span_start])
    if not match:
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
    if _PART.search(sentence[:span_start]):  # the figure is itself a part
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


# words that hold a cue of _SHARE_ASKED but ask no share: a province (江西省, 全省, 省内), 快递
_NOT_SHARE_CUES = re.compile(r"[全我本该各外]省|省(?:份|内|外|级|委|政府|厅|会)|快递")


def _without_names(analysis: QuestionAnalysis) -> str:
    """The question without its named things and province words ("江西省常住人口有多少": 省 asks no saving)."""
    text = analysis.text
    for entity in sorted(analysis.entities, key=len, reverse=True):
        text = text.replace(entity, " ")
    return _NOT_SHARE_CUES.sub(" ", text)


def _said(word: str, text: str) -> bool:
    return said_in(word, text) or abbreviated(word, text) or coverage([word], text) >= MIN_FOCUS_IN_CLAUSE


# How much of an asked word (its character bigrams) the figure's own clause must share
# for the figure to be about it ("大学毕业生" and "高校毕业生" share half).
MIN_FOCUS_IN_CLAUSE = 0.5


_YEAR = re.compile(r"(?<!\d)\d{4}年")


def _foreign_period(sentence: str, analysis: QuestionAnalysis) -> bool:
    """The question names a year and the sentence dates its figures by another year only
    ("2024年…几种" against "2025年,…增加9种"); baselines ("与2024年相比") do not count."""
    asked_years = [t for t in analysis.time_terms if _YEAR.fullmatch(t)]
    own = without_baselines(sentence)
    return bool(asked_years and _YEAR.search(own) and not any(time_in(t, own) for t in asked_years))


# relative periods an article dates its figures by; 上年 is 去年, 本年 is 今年
_RELATIVE_PERIOD = re.compile(r"今年|去年|前年|明年|上年|本年|上一年")
_SAME_PERIOD = {"上年": "去年", "上一年": "去年", "本年": "今年"}
# a period named only as the baseline of a change ("较去年同期增长27%", "比去年增加")
_RELATIVE_BASELINE = re.compile(r"(?:与|较|比|同比|相比)(?:今年|去年|前年|上年|本年|上一年)(?:同期)?(?:相比)?")


def _relative_periods(text: str) -> set[str]:
    return {_SAME_PERIOD.get(m.group(0), m.group(0)) for m in _RELATIVE_PERIOD.finditer(text)}


def _foreign_relative_period(sentence: str, analysis: QuestionAnalysis) -> bool:
    """The question names a relative period (去年) that the sentence does not date its figures by:
    it names another ("今年夏季已收购…8.7万吨" for "去年收购了多少"), or names the asked one only as
    the baseline of a change ("4.3亿元，较去年同期增长27%" for "去年同期的收入")."""
    if ablated("relative_period"):
        return False
    asked = _relative_periods(_RELATIVE_BASELINE.sub("", analysis.text))
    if not asked:
        return False
    own = _RELATIVE_BASELINE.sub("", sentence)
    if re.search(r"\d{4}年|年度", own):  # dated by a year: which relative period that is, the article's date says
        return False
    stated = _relative_periods(own)
    if stated:
        return not asked & stated
    return bool(asked & _relative_periods(sentence))


_RELATIVE_YEAR = re.compile("上一年|今年|本年|去年|上年|前年|明年")
_OWN_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年")


def _years_read(text: str) -> tuple[set[str], set[str]]:
    """(the years ``text`` names, the relative years it says: 本年 is 今年, 上年 去年), baselines of a
    change ("比2024年同期", "较去年") left out."""
    own = without_baselines(_RELATIVE_BASELINE.sub("", text))
    return set(_OWN_YEAR.findall(own)), {_SAME_PERIOD.get(w, w) for w in _RELATIVE_YEAR.findall(own)}


def _article_year(paragraph) -> set[str]:
    """The year an article is of: its date's, else the one its setting names ("" when neither)."""
    date = getattr(paragraph, "date", None) or ""
    if date[:4].isdigit():
        return {date[:4]}
    return set(_OWN_YEAR.findall(getattr(paragraph, "setting", None) or "")[:1])


def _other_year_dated(sentence: str, analysis: QuestionAnalysis, paragraph) -> bool:
    """今年 asked, and the sentence dated by a year only ("2024年全省…累计投入86.4亿元") in a paragraph that
    dates other figures by 今年 ("今年上半年，全省已下达…"): a paragraph naming both says by its year
    another year than 今年, so the sentence's figure is not this year's. Baselines of a change
    ("比2024年同期", "较去年") date nothing. The article's own year ("2025年" in a 2025 article) is 今年."""
    if ablated("dated_year"):
        return False
    asked_years, asked_relative = _years_read(analysis.text)
    own_years, own_relative = _years_read(sentence)
    # the article's own year written as a number ("2025年全市计划新建…" dated 2025-07-20) is 今年
    own_years -= _article_year(paragraph)
    return (asked_relative == {"今年"} and not asked_years and bool(own_years) and not own_relative
            and "今年" in _years_read(paragraph.text.replace(sentence, ""))[1])


# a town, township or village an article calls its own ("该镇去年新建…"): a smaller place than a county's
# ("全乡镇", every township of a county, is no town's own figure)
_TOWN_SCOPE = re.compile(r"(?:该|全|本|我)(?:镇|乡|村|街道|社区)(?![镇乡村])")
_WIDE_LEVEL = "省市县区州旗盟"


def _narrower_scope(before: str, analysis: QuestionAnalysis) -> bool:
    """The figure's clause speaks of a town or village ("该镇去年新建…2.3万亩") and the question
    of a county, city or province ("禹阳县去年全县新建"), naming no town: a part's figure, not the whole's."""
    if ablated("narrower_scope") or not _TOWN_SCOPE.search(before) or re.search(r"镇|乡|村|街道|社区", analysis.text):
        return False
    # a county, city or province asked: said as such, or named (its level character in or right after the entity read)
    return bool(re.search(r"(?:全|该|本|我)(?:省|市|县|区)", analysis.text)) or any(
        any(c in _WIDE_LEVEL for c in (e + analysis.text[analysis.text.find(e) + len(e):][:1])[1:])
        for e in analysis.entities if e in analysis.text
    )


# the levels of a scope an article speaks of its own place by ("我市", "全县"); a nation holds provinces, a
# province cities, a city counties (自治区 is a province, so 全区 is read as no level)
_SCOPE_LEVEL = {"国": 0, "省": 1, "市": 2, "州": 2, "盟": 2, "县": 3, "旗": 3, "镇": 4, "乡": 4, "村": 5}
_OWN_SCOPE = re.compile(r"(?:全|该|本|我)(国|省|市|州|盟|县|旗|镇|乡|村)(?![镇乡村民级委直属域内外])")


def _narrower_own_scope(said_before: str, analysis: QuestionAnalysis) -> bool:
    """The question asks a nation's or a province's figure ("全国…完成了多少投资", "全省新改建…") and the
    figure's sentence, before it, last names its own place at a lower level ("我市…完成投资6.8亿元"): the
    figure is that place's, not the wider one's."""
    if ablated("own_scope"):
        return False
    asked = [_SCOPE_LEVEL[m.group(1)] for m in _OWN_SCOPE.finditer(analysis.text)]
    said = [_SCOPE_LEVEL[m.group(1)] for m in _OWN_SCOPE.finditer(said_before)]
    return bool(asked and said) and min(asked) <= 1 and said[-1] > min(asked)


@functools.lru_cache(maxsize=4096)
def _figure_words(sentence: str) -> tuple[tuple[int, int, str, str], ...]:
    """Each figure of ``sentence`` with its unit and the words of its own clause around it."""
    return tuple((start, end, unit, "|".join(clause_window(sentence, start, end))) for start, end, unit in figure_units(sentence))


def _asked_words_at(
    sentence: str, asked: list[str], unit: str | None, skip: tuple[int, int] | None = None, rival: str | None = None
) -> bool:
    """Whether an asked word stands in the own clause of a figure of ``sentence`` (other than
    ``skip``; with ``unit``, only figures counting the same kind of thing; with ``rival``, the unit of
    the figure ``skip`` asked about, not figures of another kind before it: see _own_kind)."""
    for start, end, other_unit, words in _figure_words(sentence):
        if skip is not None and (skip[0] <= start < skip[1] or start <= skip[0] < end):
            continue
        if unit is not None and not same_kind_of_unit(unit, other_unit):
            continue
        # (a figure before its noun names the subject, "两个城中村改造项目，…征收签约1260户"; one that closes its
        # clause measures the words before it, a list item of its own: "解决民生问题172项，落实惠民实事74件")
        if rival is not None and start < skip[0] and not same_kind_of_unit(rival, other_unit) \
                and not re.match(r"\s*(?:[，,；;。]|$)", sentence[end:]):
            continue
        if any(w in words for w in asked):
            return True
    return False


# words that frame a total or a sequence, not what is measured ("大学生资助等共计多少钱")
_FRAME = re.compile(r"^(?:等|共计|一共|总共|合计|累计|最后|最终|大约)+|(?:等|共计|一共|总共|合计|累计|最后|最终)+$")


def _asked_words(analysis: QuestionAnalysis) -> list[str]:
    """The content words next to the wh-word: what the figure must measure. Not a word naming only
    the kind of figure ("比例": a rate is said 上线率), nor one jieba guessed across words ("车占")."""
    return [w for w in (_FRAME.sub("", f) for f in analysis.focus)
            if len(w) >= 2 and w not in GENERIC_NOUNS and not guessed_across_words(w)]


def _asked_in_other_words(asked: list[str], clause: str) -> bool:
    """Whether the figure's own clause says an asked word in other words: a word of its 词林 small
    class ("保险赔了27万元" says 赔款) or its own characters in another compound (麦收 for 收麦)."""
    if ablated("clause_other_words"):
        return False
    words = [w for w, _ in pos_cut(clause)]
    # a rate of change asked (总值增速) is said by the change at its figure (同比增长12.3%)
    if not ablated("rate_said_by_change") and any(r in w and c in clause for w in asked for r, c in RATE_AS_CHANGE.items()):
        return True
    return any(kindred_in(w, words) or same_characters(w, clause) for w in asked)


def outcome_unsaid(candidate: Candidate, analysis: QuestionAnalysis) -> str | None:
    """"最后有多少人通过", "最后是哪支队伍拿了冠军": the outcome the question stresses must be said
    in the answer's sentence (its words or synonyms); "223.6万人报名" is no outcome. Any kind of
    question. Returns what the sentence gives instead (the span's clause, or the sentence)."""
    if ablated("outcome") or not analysis.outcome:
        return None
    span = candidate.span if analysis.kind == QUANTITY else None
    if span is not None:  # a figure: said in its own clause
        before, after = clause_window(candidate.sentence, span.start, span.end)
        around = before + after
    else:  # a name or date: said anywhere in the paragraph or its headline
        p = candidate.hit.paragraph
        around = f"{p.title or ''}\n{p.text}"
    words = [w for w, _ in pos_cut(around)]
    if all(_said(w, around) or kindred_in(w, words) for w in analysis.outcome):
        return None
    if candidate.span is None:
        return candidate.sentence
    before, after = clause_window(candidate.sentence, candidate.span.start, candidate.span.end)
    # a figure is refused only when its own clause says what was done instead ("223.6万人报名",
    # "输送38名劳动者入职"): a verb the question does not use
    if analysis.kind == QUANTITY and not any(
        flag.startswith("v") and len(word) >= 2 and word not in _WEAK_VERBS and word not in analysis.text
        for word, flag in pos_cut(before) + pos_cut(after)
    ):
        return None
    return f"{before}{candidate.span.text}{after}"


_WEAK_VERBS = frozenset("达到 达 共有 共计 合计 累计 实现 完成 超过 突破 约为 为 是 有".split())


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


_CASE_OPENING = re.compile(r"^[^，,。；;]{2,40}的[，,]")


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
    if (_foreign_period(sentence, analysis) or _foreign_relative_period(sentence, analysis)
            or _other_year_dated(sentence, analysis, candidate.hit.paragraph) or other_period(sentence, analysis)):
        return "period", clause
    scope = wider_scope(before, sentence, analysis, sentence[:span.start])
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
    if on("percent") and _percent_unasked(span.text, analysis):
        return "percent", clause
    if on("part") and _part_unasked(sentence, span.start, analysis):
        return "part", clause
    if on("whole") and _whole_of_parts(sentence, span.start, span.end, clause, analysis):
        return "whole", clause
    if on("member") and _one_member_asked(sentence, span.start, span.end, analysis):
        return "member", clause
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
    if on("rate") and _rate_unasked(before, analysis):
        return "rate", clause
    if on("per_unit") and _PER_UNIT_ASKED.search(analysis.text) and not _PER_UNIT_SAID.search(clause):
        return "per_unit", clause
    if on("action") and (candidate.objection is None or _action_at_figure_elsewhere(analysis, elsewhere)) \
            and _other_action(before, after, _whole_clause(sentence, span), analysis):
        return "action", clause
    if on("qualifier") and _qualifier_unsaid(clause, sentence, analysis):
        return "qualifier", clause
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
    if on("asked_word_here") and words and not any(w in clause for w in words) \
            and _asked_words_at(sentence, words, None, skip=(span.start, span.end), rival=others_unit):
        return "asked_word_here", clause
    if all(coverage([w], sentence) < MIN_FOCUS_IN_CLAUSE for w in asked) and any(
        _asked_words_at(other, asked, unit if analysis.unit else None) for other in elsewhere
    ):  # a question that asks no unit ("压缩了多少") takes the asked words at a figure of any unit
        return "asked_elsewhere", clause
    # the counted thing ("多少个岗位") is not what this figure counts, nor its unit the asked one
    if analysis.type_noun and analysis.unit and not unit_fits_exactly(analysis.unit, span) \
            and not span.text.rstrip("以上下左右内余多").endswith(analysis.type_noun[0]):
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
_RATE = re.compile(r"[日人年月户周亩]均|平均|每(?:天|日|人|年|月|户|周|亩|名|次)")
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
_RATE_ASKED = re.compile(r"均|每|一(?:天|日|个月|月|周|户|人)(?!一共)|一年(?:能|可以?|就)|单日|天天")  # 一年能拿: per year


def _rate_unasked(before: str, analysis: QuestionAnalysis) -> bool:
    """A rate ("日均服务量达200人次") does not answer a question that asks no rate ("一年一共服务了
    多少人次")."""
    rate = _RATE.search(before) or (
        not ablated("rate_units") and _RATE_PER_MEASURE.search(before) and not _per_measure_asked(analysis.text)
    )
    return bool(rate) and not _RATE_ASKED.search(analysis.text)


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


# --- another member of a series, another holder of a kind -------------------------------
#
# "冷链物流中心二期…投资多少" is not answered by "一期…总投资12.8亿元", "秋季禁渔期从哪天开始" not by
# "春季禁渔期…", "厅长叫什么" not by "副厅长韩振宇", "鸠兹…公司…专利多少件" not by "星瀚智能装备有限公司…
# 专利56件": the sentence names a sibling of the asked thing (another member of the same series, the
# deputy of the asked title, another company or a wider place) and not the asked one. Any kind of question.

_CN_DIGITS = "一二三四五六七八九十"
# (the values of a series, what may follow them): 一期/二期, Ⅰ类/Ⅳ类, 春季/秋季, 上游/下游, 大型/小型, 初级/高级
_SERIES = (
    (_CN_DIGITS + "0123456789", "期|级|类|等奖|标段"),
    ("ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ", "类|级"),
    ("春夏秋冬", "季"),
    ("上中下", "游|旬"),
    ("甲乙丙丁", "级|类|等"),
    ("大中小", "型"),
    ("初中高", "级"),
)
# series whose members are as specific as names (二期, Ⅳ类): a paragraph that never says the asked one
# is about the others
_NAMED_SERIES = (0, 1, 4)
# "哪一级", "这一期", "第一期": a question word, a pointer or an ordinal, no member named
_NO_MEMBER_BEFORE = "哪这那每同某第"
_SERIES_RE = tuple(
    (index, re.compile(rf"(?<![{values}{_NO_MEMBER_BEFORE}])([{values}]+)({suffixes})"))
    for index, (values, suffixes) in enumerate(_SERIES)
) + (
    # the ordinals of a recurring event or a batch: 第二届 and 第三届 are two members, 第一批 and 第二批 too
    # ("第二届交易会签约多少" is not answered by "第三届…签约金额4.3亿元")
    (len(_SERIES), re.compile(rf"(?<=第)([{_CN_DIGITS}0-9]+)(届|批)")),
)


def _value(value: str) -> str:
    """One writing of a series value: 2 and 二, 12 and 十二, 10 and 十 are the same member."""
    if re.fullmatch(rf"[{_CN_DIGITS}0-9]+", value):
        read = values_in(value)
        if len(read) == 1:
            return str(int(next(iter(read))))
    return value


def _series_members(text: str) -> set[tuple[int, str, str]]:
    """(series, value, suffix) of each series member ``text`` names ("二期" → (0, 二, 期))."""
    return {(index, _value(m.group(1)), m.group(2)) for index, pattern in _SERIES_RE for m in pattern.finditer(text)}


# "本届交易会…较第一届多出10个": the edition the article reports on, named by a pointer
_THIS_ORDINAL = re.compile(r"[本此该这今](届|批)")


def _series_sibling(text: str, analysis: QuestionAnalysis, title: str = "") -> bool:
    """The question names a member of a series (二期, 秋季, Ⅳ类, 第二届) that ``text`` does not, and
    ``text`` names another member of that series. An edition or batch (第二届) is the one the article
    reports on when its ``title`` names it or ``text`` points at its own (本届, 此批)."""
    if ablated("series"):
        return False
    said = _series_members(text)
    for series, value, suffix in _series_members(analysis.text):
        if series == len(_SERIES) and ablated("ordinal_series"):
            continue
        if (series, value, suffix) in said:
            continue
        if series == len(_SERIES) and ((series, value, suffix) in _series_members(title)
                                       or any(m.group(1) == suffix for m in _THIS_ORDINAL.finditer(text))):
            continue
        if any(s == series and x == suffix and v != value for s, v, x in said):
            return True
    return False


_DEPUTY = "副"
# the last characters of titles (厅长, 主任, 书记, 总经理, 主席, 总监, 总工程师): 副食品 names no deputy
_TITLE_ENDS = "长任记理席监师"


def _deputy_only(text: str, analysis: QuestionAnalysis) -> bool:
    """The question names a title (厅长, 总经理) that ``text`` says only as its deputy's (副厅长)."""
    if ablated("deputy"):
        return False
    for m in re.finditer(_DEPUTY, text):
        for size in (3, 2):
            title = text[m.end():m.end() + size]
            if len(title) < size or title[-1] not in _TITLE_ENDS or title not in analysis.text \
                    or _DEPUTY + title in analysis.text:
                continue
            if all(i > 0 and text[i - 1] == _DEPUTY for i in (t.start() for t in re.finditer(re.escape(title), text))):
                return True
    return False


# the kinds of organisation a question names by its last word ("鸠兹新能源汽车零部件公司"), and a
# name of that kind in a sentence ("芜湖星瀚智能装备有限公司"); 该公司 refers back to one already named
_ORG_KINDS = "公司|集团|医院|银行|合作社|协会|大学|学院|中学|小学"
_ORG_ASKED = re.compile(rf"([\u4e00-\u9fff（）()]{{2,16}}?)({_ORG_KINDS})")
_BACK_REFERENCE = re.compile(r"[该本这此][家所个]?$")
# a town or township named after its county ("桦南县驼腰子镇"), or as an entity
_TOWN_ASKED = re.compile(r"(?<=[省市县区旗])([\u4e00-\u9fff]{2,4}?(?:镇|乡|街道))")
# a question's words that no town's name holds ("有多少家乡镇", "去年城镇居民")
_NOT_IN_NAME = re.compile(r"[有多少几的是在和与及各全该本每年月日乡镇村城]")
_TOWN_REFERRED = re.compile(r"(?:该|全|本|我|这个|各)(?:镇|乡|街道)")
_WIDER_PLACE = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:省|市|县|区|旗)(?![场域])|(?:全|该|本|我)(?:省|市|县|区|旗)")


def _org_kind(entity: str, analysis: QuestionAnalysis, paragraph: str) -> str | None:
    """The kind of organisation ``entity`` names: the question's ("鸠兹新能源汽车零部件公司"), else the
    one its full name in the paragraph ends with ("芜湖江城微电子科技有限公司" for 江城)."""
    at = analysis.text.find(entity)
    asked = _ORG_ASKED.match(analysis.text, at + len(entity)) if at >= 0 else None
    if asked is not None and not re.search(r"[，,。？?！!]|哪|什么|多少|几", asked.group(0)):
        return asked.group(2)
    named = re.search(rf"{re.escape(entity)}[\u4e00-\u9fff（）()]{{0,16}}?({_ORG_KINDS})", paragraph)
    return named.group(1) if named else None


def _other_holder(text: str, analysis: QuestionAnalysis, paragraph: str = "") -> bool:
    """The question names an organisation or a town that ``text`` does not name, and ``text`` names
    another organisation of that kind (its subject), or, for a town, speaks of a wider place.
    ``paragraph``: where the organisation's full name may be read."""
    if ablated("other_holder"):
        return False
    for entity in analysis.entities:
        if entity_in(entity, text):
            continue
        kind = _org_kind(entity, analysis, paragraph)
        if kind is None:
            continue
        for m in re.finditer(rf"([\u4e00-\u9fff（）()]{{0,20}}?){kind}", text):
            if m.group(1) and not _BACK_REFERENCE.search(m.group(1)) and not entity_in(entity, m.group(0)):
                return True
    towns = [e for e in analysis.entities if e.endswith(("镇", "乡", "街道"))]
    towns += [m.group(1) for m in _TOWN_ASKED.finditer(analysis.text)
              if not known_common_word(m.group(1)) and not _NOT_IN_NAME.search(m.group(1)[:-1])]
    for town in dict.fromkeys(towns):
        if town in text or town.rstrip("镇乡") in text or _TOWN_REFERRED.search(text):
            continue
        if _WIDER_PLACE.search(text):
            return True
    return False


# a place the question names by its level's suffix: a county, district, city or banner (rag.setting.places_named)
# or a 街道/镇/乡 (two to four characters before the suffix)
# (after a boundary: "，望京街道", not "整合了街道城管")
_SUB_PLACE = re.compile(
    r"(?:^|(?<=[，。、；：:（）()“”《》—\s从在对于至到自由经据进年月日底讯省市州盟区县旗]))"
    r"([\u4e00-\u9fff]{2,4}?)(街道|镇|乡)(?![镇乡村民级委直属域内外])"
)


def _kind_of_place(word: str) -> bool:
    """An everyday word before a generic place word names a kind of place, not one: 文明城市, 旅游景区
    (松山区 is a name: 松 is one character)."""
    return any(word.endswith(g) and len(word) - len(g) >= 2 and known_common_word(word[:-len(g)])
               for g in GENERIC_PLACES if len(g) >= 2)


def _named_places(text: str) -> list[tuple[str, str]]:
    """(name, level) of each specific place ``text`` names at a level of its own (吴江区 → 区, 望京街道 →
    街道); references (全区, 该街道) and everyday words (乡镇街道) name none."""
    found = [(name, name[-1]) for name in places_named(text)]
    found += [  # a place jieba reads as one word (松山区, whose 山区 alone is a generic word)
        (word, word[-1]) for word, flag in pos_cut(text)
        if flag == "ns" and len(word) >= 3 and word[-1] in "市县区州旗盟" and word[0] not in _SCOPE_PREFIX
        and word not in GENERIC_PLACES and not _kind_of_place(word)
    ]
    for m in _SUB_PLACE.finditer(text):
        name = m.group(1)
        # (城南街道, 东城街道, 城关镇 are names; 城镇, 城乡 are not)
        if name[0] in _SCOPE_PREFIX or known_common_word(name) or name in GENERIC_PLACES \
                or re.search(r"[\d个和与及、各乡镇村了的是在把被将]|城镇|城乡", name):
            continue
        found.append((name, m.group(2)))
    # "设立县、乡、村三级河长": a verb before the suffix names no place
    return [(name, level) for name, level in found
            if not (pos_cut(name.removesuffix(level))[-1:] or (("", ""),))[0][1].startswith("v")]


def _neighbour_place(text: str, analysis: QuestionAnalysis) -> bool:
    """"双井街道全年受理了多少件工单" is not answered by "望京街道全年受理工单14.2万件", "姑苏区接待读者多少"
    not by "吴江区…全年接待读者近40万人次": the sentence (up to the figure's clause) names another place of the
    asked one's level (街道, 区, 县…) as its subject and never the asked one, so its figure is the neighbour's."""
    if ablated("neighbour_place"):
        return False
    asked = _named_places(analysis.text)
    if not asked:
        return False
    said = _named_places(text)
    for name, level in asked:
        core = name[:-len(level)] if name.endswith(level) else name
        if core in text or entity_in(name, text):
            continue
        if any(lv == level and other[:2] != core[:2] and core not in other and other not in name
               and _opens_clause(other, level, text) for other, lv in said):
            return True
    return False


_CLAUSE_MARK = re.compile(r"[，,；;。！？!?：:]")


def _opens_clause(name: str, level: str, text: str) -> bool:
    """Whether the place ``name`` is the subject of a clause of ``text``: only a time or a number before it
    in its clause ("，望京街道全年受理…", "今年吴江区…"), not a preposition, a verb or a list it ends
    ("来自上海市的游客", "作为苏州市下辖县级市", "在吴江区、吴中区分馆带动下")."""
    whole = name if name.endswith(level) else name + level
    for m in re.finditer(re.escape(name), text):
        if not text.startswith(whole, m.start()):
            continue
        left = max((b.end() for b in _CLAUSE_MARK.finditer(text, 0, m.start())), default=0)
        if all(flag[:1] in ("t", "m", "q", "x") or word in ("其中", "今年以来") for word, flag in pos_cut(text[left:m.start()])
               if word.strip() and word not in "“”\"'"):
            return True
    return False


def other_of_kind(candidate: Candidate, analysis: QuestionAnalysis) -> str | None:
    """What the candidate's sentence gives when it names a sibling of the asked thing instead of it
    (another member of its series, its deputy, another organisation of its kind or a wider place
    than the asked town): the figure's sentence up to its clause for a figure, else the sentence.
    None when it names no sibling."""
    if ablated("figure_measure"):
        return None
    sentence, span = candidate.sentence, candidate.span
    if span is not None and analysis.kind == QUANTITY:
        right = re.search(r"[，,；;。！？!?]", sentence[span.end:])
        text = sentence[:span.end + right.start() if right else len(sentence)]
        given = _whole_clause(sentence, span)
    else:
        text = given = sentence
    p = candidate.hit.paragraph
    if _series_sibling(text, analysis, p.title or "") or _deputy_only(text, analysis) or _other_holder(text, analysis, p.text) \
            or _neighbour_place(text, analysis):
        return given
    # a member of a series asked (Ⅳ类, 二期) is as specific as a name: a paragraph that never says it
    # is about the others
    unsaid = _series_members(analysis.text) - _series_members(f"{p.title or ''}\n{p.text}")
    if not ablated("series") and any(series in _NAMED_SERIES for series, _, _ in unsaid):
        return given
    return None


# the first character of a two-character verb of an event's stage: its start (开工, 动工, 开幕, 启用) or its
# end (完工, 竣工, 闭幕, 收官, 结束, 停运)
_STAGE_START = "开动启始"
_STAGE_END = "完竣闭收结终停"


def other_stage(candidate: Candidate, analysis: QuestionAnalysis) -> str | None:
    """"大桥哪天开工建设" against "大桥于9月30日完工", "哪天完工" against "于秋收后开工建设": the date's own
    clause dates the other end of the same action (the same head, 工 or 幕, after a start for an end or an
    end for a start), not the asked one. Returns that clause, or None. Date questions only."""
    if ablated("other_stage") or analysis.kind != DATE or candidate.span is None:
        return None
    span, sentence = candidate.span, candidate.sentence
    before, after = clause_window(sentence, span.start, span.end)
    clause = f"{before}{span.text}{after}"
    asked = [w for phrase in analysis.focus for w, _ in pos_cut(phrase) if len(w) == 2 and w[0] in _STAGE_START + _STAGE_END]
    if not asked or any(w in clause for w in asked):
        return None
    for word in asked:
        other = _STAGE_END if word[0] in _STAGE_START else _STAGE_START
        if any(len(w) == 2 and w[1] == word[1] and w[0] in other for w, _ in pos_cut(clause)):
            return clause
    return None
