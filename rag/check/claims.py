"""Finding the checkable claims of a draft: each figure, date or name, with what it is about.

A draft is split into sentences (``rag.sentences``) and clauses; every figure of a clause is one claim
("城镇新增就业2047人，农村劳动力转移就业3263人次" is two). A date is a claim of its own only in a clause
with no other figure; otherwise it says *when* the figure applies. A clause without figures is a claim
when it names something checkable: where an event took place ("在博雅小学开幕"), a document title
(《…》) or who holds a post ("局长陈振林"). Sentences with none of these are 无需核实.

Each claim carries its anchors: the places and periods it applies to, from its own clause or, when the
clause names none, from earlier in the sentence or the draft ("城中区一季度…，农村劳动力转移就业3263人次"). A later
sentence's 全县 / 该市 is the last 县 / 市 the draft named, not a smaller place named just before (``whole_of_level``), and a
clause that says its own year in words (今年, 去年, 全年) takes no part of a year said before (``own_year``).
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import replace

from ..places import glued_place, person_named
from ..sentences import split_sentences
from .figures import LONG_NUMBER, Figure, find_figures, months_frame
from .measure import measure_words, says_what
from .report import Claim, Unchecked
from .ablation import ingredient_on
from .direction import direction_in
from .place_chain import chains

CLAUSE_END = re.compile(r"[，,：:；;、]")
_EDGE = "，,。；;：:、！？!? \t\n"

# Scope words that act as places: "全省…3200人" is not "全国…3200人".
SCOPES = ("全国", "全省")
# jieba tags some common nouns as places; these say nothing about where.
# jieba's dictionary tags some common words as places ("新建", "播撒"); they say nothing about where
NOT_PLACES = frozenset("播撒 新建 新区 城镇 乡镇 城乡 农村 乡村 城市 地区 基层 社区 小区 辖区 县区 市州 农牧区 牧区 山区 城区 市区 家门口 本地 当地 各地 省内外 省内 省外 国内 国外 海外 田间 惠及".split())
# a word of three characters or more ending as a measure does ("满意度", jieba's ns) is no place ("印度" is)
_MEASURE_NOUN = re.compile(r"^.{2,}[度率量额性]$")
PLACE_SUFFIX = re.compile(r"(?:省|市|县|区|州|镇|乡|村|旗|街道)$")
_CJK_WORD = re.compile(r"[\u4e00-\u9fff]+")
_HAS_DIGIT = re.compile(r"\d")
_REFERRING = re.compile(r"该[县区市乡镇村州省]|全[县区市乡镇州]|当地|本地|这里|此地")
# a year said in words, whose code periods_in cannot know (the draft's date is not known): the clause's own time, no part
# or month said before ("当年", "同年" keep the year said before, and no part of it)
# ("比去年增长", "较上年", "高于去年": the year compared with is not the clause's)
_YEAR_WORD = re.compile(r"(?<![比较与同于])(?:今年|去年|前年|明年|本年|全年|年内|当年|同年)(?!同期)")
_WHOLE_OF_LEVEL = re.compile(r"(?:该|全)(?P<level>[县区市乡镇村州省])")
_NAME_FLAGS = ("ns", "nr", "nrt", "nz", "j")

QUARTERS = {"一": "Q1", "首": "Q1", "1": "Q1", "二": "Q2", "2": "Q2", "三": "Q3", "3": "Q3", "四": "Q4", "4": "Q4"}
_PERIOD = re.compile(
    r"(?P<quarter>(?:第)?(?P<q>[一二三四1-4首])季度?)|(?P<half>[上下]半年)|(?P<q13>前三季度)"
    r"|(?<![比较与同])(?P<year>(?:19|20)\d{2})年"  # "比2024年增长" compares with 2024, it is not the period
)
_NAME_PATTERNS = (
    ("place", re.compile(r"在(?P<name>[^，。；、在\s]{2,20}?)(?:隆重|正式|顺利)?(?:开幕|举行|召开|举办|启幕|开赛|揭牌|成立|启动|开工|落成|起航|开通)")),
    ("place", re.compile(r"(?:位于|来自|开往|前往|落户|坐落于)(?P<name>[^，。；、的\s]{2,20}?)(?=[，。；、的]|$)")),
    ("name", re.compile(r"《(?P<name>[^》]{2,40})》")),
    ("name", re.compile(r"“(?P<name>[^”]{2,20})”")),
    ("name", re.compile(r"(?:局长|书记|所长|乡长|县长|市长|主任|负责人|院长|总经理|董事长|部长|厅长|代表|记者|通讯员)(?P<name>[\u4e00-\u9fff]{2,4}?)(?=在|说|表示|介绍|指出|回[应答忆]|感[谢慨叹到]|认为|称|强调|[，。、；：]|$)")),
)


@lru_cache(maxsize=1)
def _posseg():
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    return jieba.posseg


_PORT_AREA = re.compile(r"(?:^|(?<=[，,。；;：:、\s“（(]))([\u4e00-\u9fff]{2}港区)")
_WHEN_WORD = re.compile(r"[年季]$|^(?:目前|当前|今后|此前|以来|日前|近日)$")  # ("本赛季村超": 本赛季 is when)


_UNKNOWN_PLACE_SUFFIX = re.compile(r"[县区市镇乡旗]$")


def _unknown_place(word: str, flag: str) -> bool:
    """A word of three or four characters ending in 县, 区, 市…, which jieba's dictionary does not hold (its HMM put it
    together, tagged a common noun) and whose stem is no common word: a place's name ("麦积区"), not a kind of area
    ("保护区", "示范区" are dictionary words; "景观区" is cut 景观 + 区)."""
    if not (ingredient_on("unknown_place") and flag == "n" and 3 <= len(word) <= 4 and _UNKNOWN_PLACE_SUFFIX.search(word)
            and _CJK_WORD.fullmatch(word) and word not in NOT_PLACES):
        return False
    from ..tokenize import stock_word_frequencies
    frequencies = stock_word_frequencies()
    return word not in frequencies and frequencies.get(word[:-1], 0) < 50


def _stranded_first(words, i: int) -> str:
    """The first character of a place's name that jieba cut off as a morpheme of its own, the rest being a dictionary
    place of two characters ("揭" + "东区" of "揭东区"), else "". A word of its own before it ("在东区", "市东区") is kept apart."""
    w = words[i].word
    if not ingredient_on("stranded_first") or len(w) != 2 or not _UNKNOWN_PLACE_SUFFIX.search(w) or i == 0:
        return ""
    prev = words[i - 1]
    return prev.word if len(prev.word) == 1 and _CJK_WORD.fullmatch(prev.word) and prev.flag.endswith("g") else ""


# a direction and a landform (北岸, 西岸, 东郊), which jieba tags a word of place or direction (f, s), right before a lone level:
# the name of a district or town ("北岸|区", "东郊|镇"); never a side or part (东部, 北方, 以北, 城内) before 县区 or 市场
_DIRECTION_LANDFORM = re.compile(r"[东南西北][^部方面边侧头间内外上下中]")


def _direction_landform(word, before_level: int) -> bool:
    """Whether ``word``, right before a lone level of place (``before_level`` 0), opens its name: 北岸 of "北岸|区" (switch
    ``direction_place``)."""
    return (before_level == 0 and word.flag in ("f", "s") and _DIRECTION_LANDFORM.fullmatch(word.word) is not None
            and ingredient_on("direction_place"))


@lru_cache(maxsize=4096)
def places_in(text: str) -> tuple[str, ...]:
    """Place names and scopes ("城中区", "祁连县", "全省") a piece of text names, in order."""
    found = [scope for scope in SCOPES if scope in text]
    words = list(_posseg().cut(text))
    pairs = [(word.word, word.flag) for word in words]
    whole_word = ingredient_on("place_whole_word")
    for i, word in enumerate(words):
        w = word.word
        if ingredient_on("every_member") and w.startswith("各") and len(w) >= 3:
            continue  # "在各县区中最多", "各乡镇": every member of a kind, the whole the figure ranks among, no place named
        if word.flag == "ns" and whole_word and person_named(pairs, i):
            continue  # a person's given name after the surname jieba cut off: "理事长刘|长海介绍" names no 长海
        if whole_word and (word.flag == "ns" or word.flag[:1] == "n" and word.flag not in _NAME_FLAGS) and glued_place(pairs, i):
            found.append(glued_place(pairs, i))  # the tail of a name cut after its first character: "荆州经|开区" is 经开区
        elif word.flag == "ns" and len(w) >= 2 and w not in NOT_PLACES and not w.startswith("全") and not _MEASURE_NOUN.search(w):
            found.append(_stranded_first(words, i) + w)
        elif PLACE_SUFFIX.search(w) and len(w) >= 3 and word.flag in _NAME_FLAGS and _CJK_WORD.fullmatch(w):
            found.append(w)  # a small place jieba tags as a name ("申中乡")
        elif _unknown_place(w, word.flag) and not (i > 0 and re.fullmatch(r"[\d.]+|[〇零一二两三四五六七八九十百千万]+", words[i - 1].word)):  # not "58" + "个托市"
            found.append(w)  # a county or district jieba's dictionary does not know, pieced together and tagged a noun: "麦积区"
        elif (PLACE_SUFFIX.search(w) and 3 <= len(w) <= 5 and i > 0 and words[i - 1].flag == "ns" and _CJK_WORD.fullmatch(w)
              and w not in NOT_PLACES and ingredient_on("place_after_place")):
            found.append(w)  # a place written right after a larger one, whatever jieba tags it: "河北省保定市"
        elif len(w) == 1 and w in "省市县区州镇乡村旗港":  # cut as "日月" + "乡", "哈拉" + "直沟" + "乡"
            j = i
            while (j > 0 and (words[j - 1].flag in _NAME_FLAGS + ("t",) or _direction_landform(words[j - 1], i - j))
                   and _CJK_WORD.fullmatch(words[j - 1].word) and i - j < 3
                   and not _WHEN_WORD.search(words[j - 1].word)):  # "今年县财政安排…": 今年 is when, not a place's name
                j -= 1
            name = "".join(x.word for x in words[j:i + 1])
            if j < i and len(name) >= 3:
                found.append(name)
    if ingredient_on("port_area"):  # a port's district, its name of two characters opening a clause: "石湖港区", "深沪港区"
        found += [m.group(1) for m in _PORT_AREA.finditer(text)]
    # a place inside a longer one found here ("直沟" of "哈拉直沟乡") is not a place of its own, and
    # a place written right before a smaller one ("西宁市城中区") only says where that one is
    named_whole = ingredient_on("named_whole")
    found = [p for p in found if not any(p != q and (p in q or p + q in text and not (named_whole and q.startswith("全"))) for q in found)]
    if named_whole:  # "吉林全省", "运城全市": the whole of the place named, that place ("吉林"), not any province's 全省
        found = [q for q in found if not (q.startswith("全") and any(p != q and p + q in text for p in found))]
    return tuple(dict.fromkeys(found))


# how the codes periods_in gives the parts of a year are written ("Q1" 一季度), for reasons users read
PART_NAMES = {"Q1": "一季度", "Q2": "二季度", "Q3": "三季度", "Q4": "四季度", "Q1-3": "前三季度", "H1": "上半年", "H2": "下半年"}


# the months from January to the end of a quarter: "1至6月", "1—9月", "一至三月" are the periods 上半年, 前三季度, 一季度 name
_MONTH_SPANS = {"3": "Q1", "三": "Q1", "6": "H1", "六": "H1", "9": "Q1-3", "九": "Q1-3"}
_MONTH_SPAN = re.compile(r"(?<![\d一二三四五六七八九十])(?:1|一)月?\s*(?:至|到|—|－|-|~|～)\s*(?P<end>[369三六九])月")


def periods_in(text: str, most_specific: bool = False) -> tuple[str, ...]:
    """Periods a text states, normalised: "一季度"/"首季"/"第一季度" → "Q1", "2025年" → "2025", "上半年" → "H1",
    "截至2月19日" → "M2D19" (and "M2" unless ``most_specific``: a claim's day must be the article's day)."""
    found = []
    spans = [(m.start(), m.start("end"), _MONTH_SPANS[m.group("end")]) for m in _MONTH_SPAN.finditer(text)] if ingredient_on("month_span") else []
    for figure in find_figures(text):
        span = next((period for start, at, period in spans if start <= figure.start <= at), None)
        if span is not None and figure.kind == "date" and figure.value[0] is None and figure.value[2] is None:
            found.append(span)  # "1至6月" is the first half of the year, as "上半年" is ("1月" of "1月至6月" is no period of its own)
            continue
        if figure.kind == "date" and figure.value[1] is not None:
            _, month, day = figure.value
            if day is not None:
                found.append(f"M{month}D{day}")
            if day is None or not most_specific:
                found.append(f"M{month}")
    for match in _PERIOD.finditer(text):
        if match.group("quarter"):
            found.append(QUARTERS[match.group("q")])
        elif match.group("half"):
            found.append("H1" if match.group("half")[0] == "上" else "H2")
        elif match.group("q13"):
            found.append("Q1-3")
        else:
            found.append(match.group("year"))
    return tuple(dict.fromkeys(found))


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the clauses of ``text[start:end]``, split at ，：；, and at 、 after a figure (the mark
    stays with its clause): "342名就业困难人员、1315名失业人员" is two, "金融网点、揽投部、…374人" one."""
    spans, clause_start = [], start
    for match in CLAUSE_END.finditer(text, start, end):
        if match.group() == "、" and not _HAS_DIGIT.search(text, clause_start, match.start()):
            if not find_figures(text[clause_start:match.start()]):
                continue
        spans.append((clause_start, match.end()))
        clause_start = match.end()
    if clause_start < end:
        spans.append((clause_start, end))
    return spans


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def months_period(text: str, figure: Figure) -> bool:
    """A count of months right after 前/头/首 ("前10个月", "头十个月"; the 前 of 提前/以前/之前/目前/此前 opens no period:
    "比原计划提前3个月建成" states how early, a figure to check): the period the figures after it cover, no figure
    (``figures.months_frame``, which ``find_figures`` reads too)."""
    return figure.kind == "figure" and figure.unit == "个月" and figure.qualifier == "exact" and months_frame(text, figure.start, first=True)


# words of a label that say what it is compared with, not what it measures: "比上赛季多了", "比前一年", "较上年"
_COMPARED_WITH = re.compile(r"(?:比|较|与|同)[\u4e00-\u9fff]{0,4}?(?:年|赛季|季度|月|届|期|周)(?:底|末|同期)?")


_RANKED = re.compile(r"最[多少高低大小快慢好]|首位|之首|第一|居首|榜首")


# a share of the whole a part belongs to, said with no measure of its own: "占全省的四成以上", "占全市总量的三成" (not 占地)
_SHARE_OF_WHOLE = re.compile(r"占(?:全[国省市县区州旗盟乡镇村港]|[该本][省市县区州旗盟乡镇村港])(?:总[量数额])?的?(?:比重|比例)?")


def _names_measure(label: str) -> bool:
    """Whether a figure's label names what it measures with words of its own: "扩大到了", "降幅为", "比上赛季多了",
    "同比分别下降" do not (they tell a change of what was named before), nor does a share of the whole, "占全省的"
    (``share_lean``: it is the share of what the figure before it measures). Always True without ``lean_measure``."""
    if not ingredient_on("lean_measure"):
        return True
    if ingredient_on("share_lean"):
        label = _SHARE_OF_WHOLE.sub(" ", label)
    return bool(measure_words(_COMPARED_WITH.sub(" ", label))) and says_what(label)


def figure_label(text: str, figures: list[Figure], i: int, lo: int, hi: int) -> str:
    """What figure ``i`` measures: the words before it (from the clause start or the previous figure)
    and after it (to the clause end or the next figure), within ``text[lo:hi]``."""
    figure = figures[i]
    before_start = max([lo] + [f.end for f in figures[:i] if lo <= f.end <= figure.start and f.kind == "figure"])
    after_end = min([hi] + [f.start for f in figures[i + 1:] if figure.end <= f.start <= hi and f.kind == "figure"])
    return text[before_start: figure.start] + " " + text[figure.end: after_end]


# where something is ("位于申中乡"): a claim of its own even beside a figure ("年增收5.6万元的…项目位于申中乡")
_LOCATION_PATTERNS = _NAME_PATTERNS[1:2]


_TITLE = _NAME_PATTERNS[-1][1]


def _title_is_a_word(text: str, match: re.Match) -> bool:
    """A post before a name stands as a word of its own: "代表团审议" is not 代表 + "团审议"."""
    at = match.start()
    end = match.start("name")
    offset = 0
    for word in _posseg().cut(text[max(0, at - 4): match.end()]):
        w_start = max(0, at - 4) + offset
        offset += len(word.word)
        if w_start < end and w_start + len(word.word) > end:
            return False  # a word runs from the post into the name
    return True


def _name_claims(text: str, lo: int, hi: int, patterns=_NAME_PATTERNS) -> list[tuple[str, int, int]]:
    found = []
    for kind, pattern in patterns:
        for match in pattern.finditer(text, lo, hi):
            if pattern is _TITLE and not _title_is_a_word(text, match):
                continue
            found.append((kind, match.start("name"), match.end("name")))
    found.sort(key=lambda item: item[1])
    kept: list[tuple[str, int, int]] = []
    for item in found:
        if not kept or item[1] >= kept[-1][2]:
            kept.append(item)
    return kept


# a month ending a span of months, "1至10月", "1—10月": the period of the figures the clause tells, no date of an event
_SPAN_OPENING = re.compile(r"(?<![\d.])(?:[1-9]|1[0-2])月?\s*(?:至|到|—|－|-|~|～)\s*$")


def _ends_month_span(text: str, figure: Figure) -> bool:
    """Whether a date is the month ending a span of months (switch ``month_span_date``): "黄骅市1至10月PM2.5平均浓度为31微克/立方米"
    states the concentration of January to October, not that anything happened in October (no date claim: where its figure
    goes unread, nothing is checked)."""
    return (ingredient_on("month_span_date") and figure.value[0] is None and figure.value[1] is not None and figure.value[2] is None
            and _SPAN_OPENING.search(text[max(0, figure.start - 6):figure.start]) is not None)


# a date an event happened on: "于2019年启动", "于去年6月投入运营" (not a period figures apply to: "2025年，…", "截至…")
# (于 of a comparison, "高于2024年", "早于…", compares with a date, it tells no event's)
_EVENT_DATE = re.compile(r"(?<![高低大小多少早晚等优好强弱快慢])于(?:去年|今年|前年|上年|当年)?$")


_PART_OPENING = re.compile(r"^其中[，,]?")
# a pointer to a figure said before: "这一数字", "这一投资额", "该数据", "此项产值"
_FIGURE_POINTER = re.compile(r"^(?:[^，,。]{0,8}[，,])?(?:这一|这个|该|此)[\u4e00-\u9fff]{0,3}(?:数字|数据|数值|额|量|值|规模|比例)")


def _whole_of_part(text: str, seg_start: int, figure: Figure, claims: list[Claim], s_start: int, paragraph_start: int) -> Claim | None:
    """The figure claim a part leans on: a clause opening with 其中 that names only a place before its figure, and verbs
    ("其中，三江新区贡献了1047.2亿元", "其中蓬莱区以146万千瓦位居…", "…12.6万亩，其中敦化市4.15万亩"), tells the share of that
    place in the measure of the last figure before it, in its sentence or the sentence before (same paragraph); None when the
    clause names a measure of its own ("其中临淄区新材料产业营业收入…"); the whole is of the part's unit (not "占全省的四成")."""
    before = text[seg_start:figure.start]
    pointer = _FIGURE_POINTER.match(before) if ingredient_on("figure_pointer") else None
    if pointer:  # "这一数字比上年增长了19.6%", "这一投资额同比增长7.2%": the figure before, whatever its unit
        earlier = [c for c in claims if c.kind == "figure" and c.figure is not None and paragraph_start <= c.start and c.end <= s_start]
        return earlier[-1] if earlier and _measure_of_whole(earlier[-1]) else None
    if not ingredient_on("part_lean"):
        return None
    opening = _PART_OPENING.match(before)
    if opening:
        rest = before[opening.end():]
    elif text[max(s_start, seg_start - 4):seg_start].rstrip("，, ").endswith("其中"):  # "其中，" cut off as a clause of its own
        rest = before
    else:
        return None
    places = [p for p in places_in(rest) if p not in SCOPES]
    if not places or not rest.startswith(places[0]) and not rest.startswith(places[0][:2]):
        return None
    for place in places:
        rest = rest.replace(place, " ")
    words = [w for w in _posseg().cut(rest) if _CJK_WORD.fullmatch(w.word)]
    for i, word in enumerate(words):
        as_verb = i + 1 < len(words) and words[i + 1].word == "了"  # "贡献了": a noun jieba tags, said as a verb
        if word.flag.startswith("n") and word.flag != "ns" and not as_verb or word.flag in ("vn", "an"):
            return None  # the part's own measure ("游客", "营业收入")
    earlier = [c for c in claims if c.kind == "figure" and c.figure is not None and c.start >= paragraph_start and c.end <= seg_start
               and c.figure.unit == figure.unit]
    if not earlier:
        return None
    whole = earlier[-1]
    sentences_between = text[whole.end:seg_start].count("。") + text[whole.end:seg_start].count("！")
    return whole if sentences_between <= 1 and whole.label.split(" ")[0].strip("，,。 ") else None


_WHOLE_WORD = re.compile(r"全[国省市县区州旗乡镇]|[，,。；;：:\s]")


def _measure_of_whole(whole: Claim) -> str:
    """The words of a whole's label before its figure, without its places and 全市 (a part is no whole): "动力电池产业产值达到"."""
    measure = whole.label.split(" ")[0]
    for place in places_in(measure):
        measure = measure.replace(place, "")
    return _WHOLE_WORD.sub("", measure)


def find_claims(text: str) -> tuple[list[Claim], list[Unchecked]]:
    """The claims of ``text`` in order, and its sentences with nothing to check."""
    claims: list[Claim] = []
    unchecked: list[Unchecked] = []
    last_places: tuple[str, ...] = ()
    last_periods: tuple[str, ...] = ()
    period_places: tuple[str, ...] = ()  # the places of the statement that set last_periods
    paragraph_places: tuple[str, ...] = ()  # the places the draft's paragraph named last (``Claim.draft_places``)
    line_start = 0
    line_start_of_paragraph = 0  # where the draft's paragraph began (a part leans on a whole of the same paragraph only)
    named: list[str] = []  # every place the draft has named so far, in order
    lead_places: tuple[str, ...] | None = None  # the places its first sentence names
    for s_start, full_end in split_sentences(text):
        s_start, s_end = _trimmed(text, s_start, full_end)
        full_end = len(text[:full_end].rstrip())
        if s_start >= s_end:
            continue
        if "\n" in text[line_start:s_start].rstrip("\n") or text[line_start:s_start].count("\n") >= 2:
            last_periods = ()  # a new paragraph of the draft: nothing inherited
            paragraph_places = ()
            line_start_of_paragraph = s_start
        referring = _REFERRING.search(text, s_start, s_end)
        if not referring:
            last_places = ()  # a place carries over to the next sentence only when it refers back ("该县")
        elif ingredient_on("whole_of_level"):
            last_places = whole_of_level(referring.group(), last_places, named, lead_places or ())
        line_start = s_start
        sentence = text[s_start:s_end]
        sentence_has_figures = any(f.kind == "figure" for f in find_figures(sentence))
        before_claims = len(claims)
        sentence_lead = ""
        for c_start, c_end in clauses(text, s_start, s_end):
            figures = find_figures(text[c_start:c_end])
            figures = [Figure(f.start + c_start, f.end + c_start, f.written, f.kind, f.value, f.unit, f.qualifier, f.mantissa) for f in figures]
            if ingredient_on("months_period"):  # "前10个月，…": the months a figure covers, a period, not a figure of the claim
                figures = [f for f in figures if not months_period(text, f)]
            numeric = [f for f in figures if f.kind == "figure"]
            clause_text = text[c_start:c_end]
            own_places = places_in(clause_text)
            own_periods = periods_in(clause_text, most_specific=True)
            places = own_places or last_places
            # a clause about another place starts another statement: "在北京，2025年…；江苏672个…" (2025 is Beijing's)
            new_subject = bool(own_places and period_places and not set(own_places) & set(period_places))
            periods = own_periods or (() if new_subject else last_periods)
            year_word = _YEAR_WORD.search(clause_text) if not own_periods and ingredient_on("own_year") else None
            if year_word:  # "…前三季度…。今年全市…": a clause that says its own year tells no part of it said before
                periods = last_periods = tuple(p for p in last_periods if p.isdigit()) if year_word.group() in ("当年", "同年") else ()
            names = _name_claims(text, c_start, c_end, _NAME_PATTERNS if not numeric else _LOCATION_PATTERNS)
            # a year inside a named event ("2025年“石榴籽杯”联赛在博雅小学开幕") says when, it is not the claim
            # a date is a claim in a clause that tells what happened then ("成立于1925年8月"); a clause
            # that is only a date ("截至2月19日，") says when the figures after it apply
            checked = numeric or [f for f in figures if f.kind == "date" and not (names and f.value[1] is None)
                                  and (measure_words(clause_text.replace(f.written, " ")) or not sentence_has_figures)
                                  and not _ends_month_span(text, f)]
            if numeric and ingredient_on("event_date"):  # "总投资1.2亿元的…基地于去年6月投入运营": the date of an event is a claim too
                checked = sorted(numeric + [f for f in figures if f.kind == "date" and _EVENT_DATE.search(text, c_start, f.start)],
                                 key=lambda f: f.start)
            for figure in checked:
                i = figures.index(figure)
                seg_start = max([c_start] + [f.end for f in figures[:i] if f.kind == "figure"])
                seg_end = min([c_end] + [f.start for f in figures[i + 1:] if f.kind == "figure"])
                seg_start, seg_end = _trimmed(text, seg_start, seg_end)
                leans = False
                part_of = None
                claim_sentence = sentence
                if figure.kind == "date":
                    # a date is about the event its clause tells, else the sentence ("3月1日，招聘会将在…举行")
                    own = clause_text.replace(figure.written, " ")
                    label = own if len(measure_words(own)) >= 3 else sentence.replace(figure.written, " ")
                    claim_periods = ()
                else:
                    label = figure_label(text, figures, i, c_start, c_end)
                    before = [c for c in claims if c.start >= s_start and c.kind == "figure"]
                    if not _names_measure(label) and before and ingredient_on("lean_measure") or not says_what(label) and claims and claims[-1].start >= s_start and claims[-1].kind == "figure":
                        # "…3200人，较去年增长37%": the growth of the same measure; "从38平方米扩大到了52平方米", "比上赛季
                        # 多了24支": the second figure of a change measures what the first does
                        label = (before[-1] if before else claims[-1]).label + label
                        leans = True
                    elif (ingredient_on("part_lean") or ingredient_on("figure_pointer")) and (whole := _whole_of_part(text, seg_start, figure, claims, s_start, line_start_of_paragraph)) is not None:
                        # "全市…产值达到1736.8亿元。其中，三江新区贡献了1047.2亿元": a part named by its place alone measures what
                        # the whole before it does
                        part_of = _measure_of_whole(whole)
                        label = part_of + label
                        if whole.start < s_start:  # (the sentence, read with the measure it leans on, said after it: offsets hold)
                            claim_sentence = f"{sentence}（{part_of}）"
                    elif not _names_measure(label) and not before and ingredient_on("lean_measure") and sentence_lead and not _RANKED.search(sentence_lead):
                        # (a lead that ranks, "市场管理类诉求最多，达32.5万件", is a claim of its own the figure does not tell)
                        label = sentence_lead + label  # "水产品产量略有下滑，降幅为1.4%": the clause before says what fell
                    claim_periods = periods
                claims.append(Claim(
                    text=text[seg_start:seg_end], start=seg_start, end=seg_end,
                    stated=figure.written, stated_start=figure.start, stated_end=figure.end,
                    kind=figure.kind, label=label, places=places, periods=claim_periods,
                    # (a clause leaning on the measure before it is searched with that measure: "…资金3800万元，比上年减少12%")
                    query=_query(places, claim_periods, text[claims[-1].start if leans and ingredient_on("lean_query") else seg_start:seg_end], sentence)
                    if part_of is None else _query(places, claim_periods, part_of + text[seg_start:seg_end], sentence),
                    sentence=claim_sentence, sentence_start=s_start, figure=figure,
                    co_figures=tuple(f for f in numeric if f is not figure),
                    referents=referents_of(text, s_start, s_end) if ingredient_on("referent") else (),
                ))
            long_number = LONG_NUMBER.search(text, c_start, c_end)
            if long_number:  # a number too long to be a figure is a claim that cannot be checked, said so: not left 无需核实
                n_start, n_end = long_number.span()
                claims.append(Claim(
                    text=text[n_start:n_end], start=n_start, end=n_end, stated=text[n_start:n_end], stated_start=n_start,
                    stated_end=n_end, kind="figure", label="", places=places, periods=periods,
                    query=_query(places, periods, LONG_NUMBER.sub("", clause_text), LONG_NUMBER.sub("", sentence)).strip(),
                    sentence=sentence, sentence_start=s_start, figure=None,
                ))
            if not checked and not names and not long_number and ingredient_on("direction"):  # "城东区逐年压减社会救助财政投入"
                at = direction_in(clause_text, places)
                names = [("direction", c_start + at[0], c_start + at[1])] if at else []
            if not checked and not names and not long_number:  # who or where: "海东市乐都区打造了全省首家…"
                names = [("place", c_start + at, c_start + at + len(place)) for place in [p for p in own_places if p not in SCOPES][:1]
                         if (at := clause_text.find(place)) >= 0 and len(clause_text) - len(place) >= 4]
            if not checked and not names and not long_number and ingredient_on("place_chain"):  # "…是江苏南通市海连社区党委书记"
                names = [("place", c_start + at, c_start + at + len(parent + child))
                         for parent, child in chains(clause_text)[:1] if (at := clause_text.find(parent + child)) >= 0]
            # names beside a date are claims of their own too ("“格桑花杯”联赛3月20日开幕"), as beside a figure
            # (the names read above with _NAME_PATTERNS when the clause has no figure)
            for kind, n_start, n_end in names:
                t_start, t_end = _trimmed(text, c_start, c_end)
                claims.append(Claim(
                    text=text[t_start:t_end], start=t_start, end=t_end,
                    stated=text[n_start:n_end], stated_start=n_start, stated_end=n_end,
                    kind=kind, label=sentence, places=tuple(p for p in places if p not in text[n_start:n_end]), periods=periods,
                    query=_query(places, periods, sentence, sentence), sentence=sentence, sentence_start=s_start,
                    referents=referents_of(text, s_start, s_end) if ingredient_on("referent") else (),
                ))
            if own_places:
                last_places = own_places
                named += own_places
            if own_periods and not any(f.kind == "date" for f in checked):
                last_periods = own_periods  # a date that is itself the claim ("成立于1925年8月") dates nothing else
                period_places = places
            if not numeric:
                sentence_lead += clause_text  # clauses without a figure before the next figure's: what it measures
            else:
                sentence_lead = ""
        if lead_places is None:
            lead_places = tuple(named)
        if paragraph_places and ingredient_on("draft_place"):
            claims[before_claims:] = [c if c.places else replace(c, draft_places=paragraph_places) for c in claims[before_claims:]]
        paragraph_places = tuple(dict.fromkeys(p for c in claims[before_claims:] for p in c.places)) or paragraph_places
        if len(claims) == before_claims:
            unchecked.append(Unchecked(text[s_start:full_end], s_start, full_end))  # with its 。
    return claims, unchecked


def whole_of_level(word: str, last: tuple[str, ...], named: list[str], lead: tuple[str, ...]) -> tuple[str, ...]:
    """The place a sentence's 全县 / 该市 refers back to: the last place of that level the draft named ("宽甸县…。虎山镇…。
    全县今年…" is 宽甸县's, not 虎山镇's; "玉林市…。博白县…。全市…" is 玉林市's), else a place its lead (first sentence)
    names without a level, else none (not a smaller or other place named last, nor 全国); 当地, 这里 refer to the places
    named last."""
    match = _WHOLE_OF_LEVEL.fullmatch(word)
    if not match:
        return last
    level = match.group("level")
    of_level = [p for p in named if p.endswith(level) and p not in SCOPES]
    if of_level:
        return (of_level[-1],)
    # else the draft's own place, named bare in its lead ("宜宾动力电池产业…。今年…全市…" is 宜宾's)
    return tuple(p for p in lead if p not in SCOPES and not PLACE_SUFFIX.search(p))


# a pointer to something named before ("这家医院", "该公司", "这所学校"): the noun it points with
_POINTER = re.compile(r"(?:这家|这所|这座|这个|该|此)(?P<noun>[\u4e00-\u9fff]{2})")
_NAME_BEFORE = 12  # characters before the noun read for the name it ends


def referents_of(text: str, s_start: int, s_end: int) -> tuple[str, ...]:
    """The names a sentence's pointers stand for: the last name before the sentence ending with the pointer's noun
    ("3月28日，青岚县人民医院新院区投入使用。这家医院始建于1958年。" → 青岚县人民医院), from the start of its clause."""
    found = []
    for match in _POINTER.finditer(text, s_start, s_end):
        noun = match.group("noun")
        at = text.rfind(noun, 0, s_start)
        if at < 0 and ingredient_on("referent_head") and noun[0] not in "省市县区州乡镇村旗":  # (该县, 该区: places, carried as places)
            # a name ending in the noun's head character, in the sentence before: "龙湖南音社…。该社团…" (社 of 社团)
            before = split_sentences(text[:s_start])
            lo = s_start - len(text[before[-1][0]:s_start]) if before else 0
            at = text.rfind(noun[0], lo, s_start)
            noun = noun[0]
        if at < 0:
            continue
        head = re.split(r"[，,。；;：:！？!?、\s“”《》（）()\d]", text[max(0, at - _NAME_BEFORE): at])[-1]
        head = re.sub(r"^(?:[日月年]|在|由|是|的|和|与|及)+", "", head)
        # a name is the run of nouns before the noun: "青溪县共实施重点项目" tells what was done, it names no project
        words = list(_posseg().cut(head))
        cut = max((i + 1 for i, w in enumerate(words) if w.flag[:1] in _NOT_NAME_PART), default=0)
        head = "".join(w.word for w in words[cut:])
        # and a proper name: a place, person or body in it ("重点项目" is a kind of thing, not one of them)
        if len(head) >= 2 and any(w.flag in ("ns", "nr", "nt", "nz") for w in words[cut:]):
            found.append(head + noun)
    return tuple(dict.fromkeys(found))


_NOT_NAME_PART = frozenset("vdpcurqye")  # verbs, adverbs, prepositions, conjunctions, particles, pronouns… (an ordinal, 第一, is part of a name)


def names_another(referent: str, sentence: str) -> bool:
    """An article sentence names another thing of the referent's kind: its noun is said there, the referent is not,
    and not through a pointer of the article's own ("该项目总投资18亿元" points at what the article named before)."""
    noun = referent[-2:]
    if referent in sentence or noun not in sentence:
        return False
    return any(not re.search(r"(?:这家|这所|这座|这个|该|此)$", sentence[:m.start()]) for m in re.finditer(noun, sentence))


def _query(places: tuple[str, ...], periods: tuple[str, ...], clause: str, sentence: str) -> str:
    """What to search for a claim: its clause, with the places it inherited put in front."""
    missing = [p for p in places if p not in clause]
    query = "".join(missing) + clause
    return query if len(query) >= 6 else sentence
