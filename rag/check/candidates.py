"""Candidates: the figures of the paragraphs retrieved for a claim, with what each measures.

For a figure claim, every figure of the paragraphs is a ``Candidate``: its label (the words it measures), its
sentence, the places and periods its own clause or sentence names, and the other figures of its clause and sentence.
``Scored`` is a candidate read against a claim (``scoring``); the shares of words below decide what it may confirm or
contradict (``verify``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Callable, Sequence

from ..schema import Hit, Paragraph
from ..sentences import split_sentences
from .claims import PLACE_SUFFIX, _posseg, clauses, figure_label, periods_in, places_in
from .change import CHANGE_BETWEEN, CHANGE_FROM, END, OPENING
from .figures import EXACT, Figure, find_figures
from .ablation import ingredient_on
from .measure import measure_words, says_what
from .claims import _COMPARED_WITH, _SHARE_OF_WHOLE, _names_measure
from .measure import direction
from .parallel_measure import bare_item, elided_measure

SUPPORT_MIN = 0.6  # share of the article figure's measure words the claim must restate
CONTRADICT_MIN = 0.75  # a contradiction needs a closer match than a confirmation
LOOSE_RESTATED_MIN = 0.3  # ... when the article's sentence says (nearly) all the claim says, around words of its own
SAID_MIN = 0.8  # share of the claim's measure words the article must say (title, lead or paragraph) to confirm it
SAID_TO_CONTRADICT = 0.7  # ... to contradict it (with a closer match of the article's own measure)


@dataclass(frozen=True)
class Candidate:
    """A figure of a retrieved paragraph, with what it measures."""

    hit_rank: int
    paragraph: Paragraph
    figure: Figure
    label: str
    sentence: str
    evidence_start: int  # offsets in the paragraph text of the words measured and the figure
    evidence_end: int
    own_places: tuple[str, ...]  # places its own clause names, else the places with a suffix (乡, 县…) before it in its sentence
    own_periods: tuple[str, ...]  # periods stated before it in its own sentence
    clause_figures: tuple[Figure, ...] = ()  # the other figures of its clause ("27个城市超300万辆")
    sentence_figures: tuple[Figure, ...] = ()  # the other figures of its sentence
    # "起数、死亡人数同比分别下降9.1%和12.6%": the words telling apart each item the figures after 分别 measure, in
    # order, and which of them this figure's is (``respective_items``); () and -1 outside such a group
    items: tuple[tuple[str, ...], ...] = ()
    item_at: int = -1
    # the sentence before, when its own sentence opens by pointing back at what it names ("该校位于县城东部新区，占地68亩"):
    # whose figure it is was said there ("宾川县城东实验学校迎来首批…")
    named_before_sentence: str = ""
    # the place of a roundup's item naming no measure of its own ("；叶集区126.8亿元，增长7.2%"), whose measure its label takes
    # from the list's lead (``parallel_measure.bare_item``): the figure is told only of a claim naming that place
    item_place: str = ""

    @property
    def subject_sentence(self) -> str:
        """Its sentence, after the sentence that names what a pointer opening it stands for."""
        return self.named_before_sentence + self.sentence


def _own_places(text: str, c_start: int, s_start: int, at: int) -> tuple[str, ...]:
    own = places_in(text[c_start:at])
    if own:
        return own
    # in the clauses before, only places marked as such ("东峡乡") or set as where the sentence is ("在北京，…"):
    # "青海晶科能源有限公司" is a company
    before = text[s_start:at]
    return tuple(p for p in places_in(before) if (PLACE_SUFFIX.search(p) and not _common_noun(p)) or re.search(f"(?:在|于){re.escape(p)}[，,：:]", before))


@lru_cache(maxsize=1024)
def _common_noun(place: str) -> bool:
    """A word with a place's suffix that is a kind of area, one common noun to jieba ("建成区", "保护区"), no place's name."""
    if not ingredient_on("common_area"):
        return False
    words = list(_posseg().cut(place))
    return len(words) == 1 and words[0].flag == "n"


@lru_cache(maxsize=2048)
def _paragraph_figures(text: str) -> tuple[tuple, ...]:
    """(figure, label, sentence, label start, own places, own periods) for every figure of a paragraph's text."""
    found = []
    previous_sentence = ""
    befores: list[str] = []  # the words before each figure so far, in its clause, of the sentence (up to its 。, over ；)
    for s_start, s_end in split_sentences(text):
        sentence = text[s_start:s_end]
        if not previous_sentence.rstrip().endswith(("；", ";")):
            befores = []
        pointed_at = previous_sentence if ingredient_on("pointer_subject") and (
            POINTER_OPENING.match(sentence) or _CLAUSE_POINTER.search(sentence)) else ""
        previous_sentence = sentence
        item_place = ""  # the place of a roundup's item this sentence (over ；) opens with, naming no measure of its own
        previous_label = None
        own_labels: list[str] = []  # the labels of the sentence's figures so far, each of its own clause alone
        measured: list[tuple[str, str]] = []  # (unit, label) of the sentence's figures so far, as read
        lead_in = ""  # clauses without figures before this one ("工资保证金按…比例存储,原则上不低于1%")
        for c_start, c_end in clauses(text, s_start, s_end):
            figures = [Figure(f.start + c_start, f.end + c_start, f.written, f.kind, f.value, f.unit, f.qualifier, f.mantissa)
                       for f in find_figures(text[c_start:c_end])]
            if not any(f.kind == "figure" for f in figures):
                lead_in += text[c_start:c_end]
            else:
                lead_in_here, lead_in = lead_in, ""
            items = respective_items(text, c_start, figures, own_labels) if ingredient_on("respective") else {}
            for i, figure in enumerate(figures):
                if figure.kind == "date":
                    label, label_start = sentence.replace(figure.written, " "), figure.start
                else:
                    label = figure_label(text, figures, i, c_start, c_end)
                    own_labels.append(label)
                    before_start = max([c_start] + [f.end for f in figures[:i] if f.end <= figure.start and f.kind == "figure"])
                    before = text[before_start: figure.start]
                    elided = elided_measure(before, befores) if i not in items else ""
                    item = bare_item(before, befores) if i not in items and not elided else None
                    if item is not None:  # "…；武穴市为86.2%": the measure the roundup's lead says, of the item's place
                        item_place, elided = item
                    befores.append(before)
                    if elided:  # "…；南岭港区完成52.7万标箱": the measure its parallel clause names before
                        label = before + elided + label[len(before):]
                    elif i in items:  # "…分别增长13.2%和15.7%": each figure measures its own item
                        prefix = items[i][2]
                        label = prefix + " " + text[text.find(_RESPECTIVELY, c_start): figure.start] + " "
                    elif (not says_what(label) or _change_of_before(label)) and (lead_in_here or previous_label):
                        # (a figure after another of its clause measures what that one does: "床位由520张增加到800张")
                        same_clause = previous_label is not None and any(f.kind == "figure" for f in figures[:i])
                        base = _compared_base(text[c_start:figure.start], figure.unit, measured) if not same_clause else None
                        label = (base or (previous_label if same_clause else lead_in_here or previous_label)) + label  # "其新增工程应降低存储比例,降幅不低于50%"
                    elif len(measure_words(label)) < 2 and lead_in_here and not _subject_clause(lead_in_here):
                        label = lead_in_here + label
                    previous_label = label
                    if not text.startswith("的", figure.end):  # ("目标6.2万人的110.0%": 6.2万人 is whose share it is)
                        measured.append((figure.unit, label))
                    label_start = max([c_start] + [f.end for f in figures[:i] if f.end <= figure.start and f.kind == "figure"])
                    while label_start < figure.start and text[label_start] in "，,；;：:、 ":
                        label_start += 1
                own_periods = _own_periods(text[s_start:figure.start]) if figure.kind == "figure" else ()
                others = tuple(f for f in figures if f is not figure and f.kind == "figure")
                in_sentence = tuple(f for f in find_figures(sentence) if f.kind == "figure" and f.start + s_start != figure.start)
                group, at, _ = items.get(i, ((), -1, ""))
                own_places = _own_places(text, c_start, s_start, figure.start)
                if not own_places and item_place:
                    own_places = (item_place,)  # (its place jieba may not read: "叶集区126.8亿元，增长7.2%")
                if at >= 0:  # "城中区和城东区分别新增就业2047人和1800人": 1800人 is 城东区's alone
                    others_words = [w for j, words in enumerate(group) if j != at for w in words]
                    own_places = tuple(p for p in own_places if not any(w in p or p in w for w in others_words))
                found.append((figure, label, sentence, label_start, own_places, own_periods, others, in_sentence,
                              group, at, pointed_at, item_place))
    return tuple(found)


def _change_of_before(label: str) -> bool:
    """A label of a change with no measure of its own ("同比分别下降", "比去年同期多补"): it measures what was named before it.
    ("年底达到" tells a level at another time, not a change: it is left alone.) Nor has a share of the whole ("…8.3万亩，占全市的
    四分之一以上", ``share_lean``): it is the share of what the figure before it measures."""
    return not _names_measure(label) and (direction(label) is not None or _COMPARED_WITH.search(label) is not None or _RESPECTIVELY in label
                                          or ingredient_on("share_lean") and _SHARE_OF_WHOLE.search(label) is not None)


# a clause that opens by pointing back at what was named before ("该校", "这所学校", "此项目", "其"), or tells where its
# subject stands ("…位于县城东部新区"): it says whose the figures after it are, not what they measure
POINTER_OPENING = re.compile(r"\s*(?:该|这[所家座个项一]|此|上述|其)[\u4e00-\u9fff]")
# ... or a later clause of it does ("三年来，该线路累计发车4.6万辆次")
_CLAUSE_POINTER = re.compile(r"[，,：:；;]\s*(?:该|这[所家座个项]|此|上述)[\u4e00-\u9fff]")
_WHERE_IT_STANDS = re.compile(r"位于|地处|坐落")


# a clause comparing with a base it states, of its figure's unit: "…，完成年度目标6.2万人的110.0%，比2024年的6.57万人增加2500人"
# (the figure is the base, right after 比…的; "同比增长16.2%" states none and is the change of the figure before it)
_COMPARED_CLAUSE = re.compile(r"^[，,；;\s]*(?:比|较)[^，,；;。：:]{0,16}的$")


def _compared_base(before: str, unit: str, measured: Sequence[tuple[str, str]]) -> str | None:
    """The label of the figure a comparison clause compares (switch ``compared_base``): a clause opening with 比/较 whose
    first figure, the base it names ("比2024年的6.57万人"), is of a unit the figure just before it is not of compares the sentence's last figure of its own unit,
    "2025年全市城镇新增就业6.82万人，完成年度目标6.2万人的110.0%，比2024年的6.57万人增加2500人" the 6.82万人 of 城镇新增就业, not
    the 110.0% of 完成年度目标 before it (nor the 6.2万人 the 110.0% is of, left out of ``measured``). None where nothing else is meant (the figure just before is of its unit, or none is)."""
    if not ingredient_on("compared_base") or not measured or measured[-1][0] == unit or not _COMPARED_CLAUSE.match(before):
        return None
    return next((label for its_unit, label in reversed(measured) if its_unit == unit), None)


def _subject_clause(lead_in: str) -> bool:
    """Whether the clauses before a figure's own are its subject ("该校位于县城东部新区，" before "占地68亩"), not its measure."""
    return ingredient_on("subject_clause") and (POINTER_OPENING.match(lead_in) is not None or _WHERE_IT_STANDS.search(lead_in) is not None)


def _own_periods(before: str) -> tuple[str, ...]:
    """The periods stated before a figure in its sentence, less a part of the year told before a later 全年: "一季度营业收入
    增长5%，全年营业收入达到100亿元" (100亿元 is the year's, not the first quarter's); a figure a change ends at is not of
    the period its start is told of (``_from_to``)."""
    periods = _from_to(before) if ingredient_on("change_ends") else None
    if periods is not None:
        return periods
    periods = periods_in(before)
    start = CHANGE_FROM.search(before) if ingredient_on("change_start") else None
    if start is not None and periods_in(start.group("when")):
        # the start of a change told of its own period: "截至2025年底，…湿地保护率由2020年的68.3%提高到76.5%": 68.3% is
        # 2020's, not 2025's (a period of another kind said before it still holds)
        own = periods_in(start.group("when"))
        kinds = {_period_kind(p) for p in own}
        return tuple(dict.fromkeys([p for p in periods_in(before[:start.start()]) if _period_kind(p) not in kinds] + list(own)))
    at = before.rfind("全年")
    if at < 0:
        return periods
    after = periods_in(before[at:])
    return tuple(p for p in periods if _period_kind(p) == "year" or p in after)


LATER = "+"  # a period marked so is some time after it: the end of a change told from that period


def _from_to(before: str) -> tuple[str, ...] | None:
    """The periods of a figure that ends a change told from another figure ("由2022年的41家增加到73家",
    "由2022年的11.3亿元增加到2024年的19.6亿元"): the periods said before the change opens, those of its end ("2024年的"),
    and for a period of its start with no end of its kind, that period marked later (``LATER``: 73家 is not 2022's, nor
    19.6亿元). None when the figure ends no such change. (``rag.check.change`` says how the other readings of a change
    differ from this one.)"""
    opening = None
    for opening in OPENING.finditer(before):
        pass
    if opening is None:
        return None
    to = END.search(before, opening.end())
    if to is None:
        return None
    start = before[opening.end():to.start()]
    if not any(f.kind == "figure" for f in find_figures(start)) or any(f.kind == "figure" for f in find_figures(to.group("to"))):
        return None
    end_periods = periods_in(to.group("to"))
    end_kinds = {_period_kind(p) for p in end_periods}
    later = tuple(p + LATER for p in periods_in(start) if _period_kind(p) not in end_kinds)
    return tuple(dict.fromkeys(periods_in(before[:opening.start()]) + end_periods + later))


_RESPECTIVELY = "分别"
_ENUMERATION = frozenset(("、", "和", "与", "及", "以及"))


def _enumeration(text: str) -> list[str]:
    """The members of an enumeration ("工业用电量、货运量", "和平街道和河西街道"), split at its marks as words: the 和 of
    和平 or the 与 of 参与 splits nothing."""
    pieces = [""]
    for word in _posseg().cut(text):
        if word.word in _ENUMERATION:
            pieces.append("")
        else:
            pieces[-1] += word.word
    return pieces


def respective_items(text: str, c_start: int, figures: Sequence[Figure], earlier_labels: Sequence[str]) -> dict[int, tuple[tuple[tuple[str, ...], ...], int, str]]:
    """For the figures after 分别 in a clause ("A、B同比分别下降9.1%和12.6%", "接待游客186万人次，实现旅游收入9.3亿元，分别增长13.2%和
    15.7%"): figure index → (the words telling each item apart, which item is this figure's, what it measures). The items are the
    clause's enumeration before 分别 when it has as many members as there are figures (the first member's last word of
    its own and the last member's first: a prefix or suffix they share is no item's), else the labels of as many
    figures right before in the sentence. {} when neither reading fits."""
    at = text.find(_RESPECTIVELY, c_start, figures[0].start if figures else c_start) if figures else -1
    if at < 0:
        return {}
    group = [i for i, f in enumerate(figures) if f.kind == "figure" and f.start > at]
    k = len(group)
    if k < 2:
        return {}
    pieces = _enumeration(text[c_start:at])
    if len(pieces) == k and all(p.strip() for p in pieces):
        words = [measure_words(p) for p in pieces]
        own = [tuple(w for w in ws if not any(w in other for j, other in enumerate(words) if j != i)) for i, ws in enumerate(words)]
        items = tuple((o[-1:] if i == 0 else o[:1] if i == k - 1 else o) for i, o in enumerate(own))
    elif len(earlier_labels) >= k:
        words = [measure_words(label) for label in earlier_labels[-k:]]
        items = tuple(tuple(w for w in ws if not any(w in other for j, other in enumerate(words) if j != i)) for i, ws in enumerate(words))
    else:
        return {}
    if not all(items):
        return {}
    # what each figure measures: the enumeration's clause, or its own item's figure's label, then its own words (分别增长)
    if len(pieces) == k:  # the enumeration's clause without the other items' words
        prefixes = [text[c_start:at] for _ in range(k)]
        for n in range(k):
            for j, words in enumerate(items):
                for w in words if j != n else ():
                    prefixes[n] = prefixes[n].replace(w, " ")
    else:
        prefixes = list(earlier_labels[-k:])
    return {i: (items, n, prefixes[n]) for n, i in enumerate(group)}


def candidates(hits: Sequence[Hit], with_sizes: bool = False) -> list[Candidate]:
    """The figures of the hits' paragraphs; ``with_sizes``, also the sizes of the changes they tell by start and end
    (``_change_sizes``: read against a claim by ``scoring`` only, never offered as a rival figure elsewhere)."""
    found = []
    for rank, hit in enumerate(hits):
        rows = _paragraph_figures(hit.paragraph.text)
        for figure, label, sentence, label_start, own_places, own_periods, others, in_sentence, group, at, pointed_at, item_place in rows:
            found.append(Candidate(rank, hit.paragraph, figure, label, sentence, label_start, figure.end, own_places, own_periods, others, in_sentence,
                                   group, at, pointed_at, item_place))
        if with_sizes and ingredient_on("change_size"):
            found += _change_sizes(rank, hit.paragraph, rows)
    return found




def derived(candidate: Candidate) -> bool:
    """A candidate read from two figures (``_change_sizes``), not written as such in the article."""
    return candidate.paragraph.text[candidate.figure.start:candidate.figure.end] != candidate.figure.written


def _change_sizes(rank: int, paragraph: Paragraph, rows: Sequence[tuple]) -> list[Candidate]:
    """How much a change told by its start and end came to: "负荷率由去年同期的71.3%提高到78.6%" rose 7.3个百分点 (a share's
    change is told in percentage points), "床位由520张增加到800张" by 280张. One candidate for each such pair, its label the
    measure and the direction verb ("…负荷率提高 "), so a claim of the change ("提高了7.3个百分点") is read against what the article
    states. Both ends must be exact and in one unit; the verb must go the way the figures do."""
    text = paragraph.text
    found = []
    for (start, s_label, sentence, s_label_start, places, _, _, in_sentence, _, _, pointed_at, item_place), (end, e_label, _, _, _, e_periods, others, _, _, _, _, _) in zip(rows, rows[1:]):
        if start.kind != "figure" or end.kind != "figure" or start.unit != end.unit or start.qualifier != EXACT or end.qualifier != EXACT:
            continue
        between = CHANGE_BETWEEN.match(text[start.end:end.start])
        opening = CHANGE_FROM.search(text, 0, start.start)
        if between is None or opening is None or opening.start() < start.start - 14:
            continue
        way = direction(between.group("verb"))
        size = end.value - start.value
        if size == 0 or (way == "up") != (size > 0):
            continue
        unit = "个百分点" if start.unit == "%" else start.unit
        size = abs(size)
        try:  # told in the scale its ends are written in: "由300万标箱提升到450万标箱" rose 150万标箱
            ratio = start.value / Decimal(start.mantissa.replace(",", ""))
        except (ArithmeticError, ValueError):
            ratio = Decimal(1)
        scale = {Decimal(10**4): "万", Decimal(10**8): "亿"}.get(ratio, "")
        mantissa = f"{(size / ratio if scale else size).normalize():f}"
        written = f"{mantissa}{scale}{unit}"
        measure = text[s_label_start:opening.start()].lstrip("，,；;：:、 ")
        figure = Figure(start.start, end.end, written, "figure", size, unit, EXACT, mantissa)
        found.append(Candidate(rank, paragraph, figure, measure + between.group("verb") + " ", sentence, s_label_start, end.end, places,
                               e_periods, others, in_sentence, (), -1, pointed_at, item_place))
    return found


def _level(place: str) -> str:
    """What kind of place: its suffix (县, 乡, …), or "" for a name without one (西宁, 江苏)."""
    match = PLACE_SUFFIX.search(place)
    return match.group() if match else ""


def _period_kind(period: str) -> str:
    period = period.rstrip(LATER)
    return "year" if period.isdigit() else period[0]  # Q / H / M


@lru_cache(maxsize=1024)
def _periods_of(context: str) -> set[str]:
    return set(periods_in(context.replace("首季", "一季度")))


ContextOf = Callable[[Paragraph], str]


def default_context(paragraph: Paragraph) -> str:
    return f"{paragraph.title or ''}\n{paragraph.text}"


@dataclass(frozen=True)
class Scored:
    candidate: Candidate
    restated: float  # share of the article's measure words that the claim's sentence restates
    said: float  # share of the claim's measure words that the article (title, lead, paragraph) says
    place_ok: bool
    period_ok: bool
    co_ok: bool  # the claim's other figures of its clause stand with the article's figure too
    unit_ok: bool
    value_ok: bool
    direction_ok: bool
    said_in_sentence: float = 0.0  # share of the claim's measure words in the article figure's own sentence
    semantic: bool = False  # its sentence is the one nearest in meaning to the claim (sentence vectors)
    unsaid_names: tuple[str, ...] = ()  # names of the claim (people, organisations, titles) the article does not say
    flipped: bool = False  # the stated value and unit in the opposite direction, in a sentence saying what the claim says
    said_beside_names: float = 0.0  # ``said`` without the words of the unsaid names: the same measure of someone else?
    lexical: bool = True  # kept on its words alone, not only for being the sentence nearest in meaning
    slip: bool = False  # the very number misquoted, its own words restated: in another unit of the same quantity
    # ("6.8米" / "支渠长6.8公里", ``_unit_slip``) or with its digits in another order ("361名" / "抽调316名干部", ``_transposed``)
    in_label: float = 0.0  # share of the claim's measure words in the article figure's own label (its clause, read as for the claim)

    @property
    def closeness(self) -> float:
        """How closely the article figure's own clause and the claim's measure match, read both ways: the article's
        words restated by the claim, and the claim's words said in the article figure's label."""
        return self.restated + self.in_label

    @property
    def score(self) -> float:
        return self.restated + self.said

    @property
    def same_subject(self) -> bool:
        return self.place_ok and self.period_ok and self.co_ok

    @property
    def true(self) -> bool:
        return self.unit_ok and self.value_ok and self.direction_ok


@lru_cache(maxsize=8192)
def _article_words(label: str) -> tuple[str, ...]:
    return measure_words(label, places_in(label))


HEAD_WORDS = 3


@lru_cache(maxsize=8192)
def named_before(label: str) -> tuple[str, ...]:
    """The last words before the figure in its own clause: what it counts, told before it ("奖牌总数396枚位列…")."""
    before = label.rpartition(" ")[0]
    return measure_words(before, places_in(before))[-HEAD_WORDS:]


@lru_cache(maxsize=8192)
def _head_words(label: str) -> tuple[str, ...]:
    """The last words before the figure and the words after it: the head of the measure phrase."""
    before, _, after = label.rpartition(" ")
    return measure_words(before, places_in(before))[-HEAD_WORDS:] + measure_words(after, places_in(after))
