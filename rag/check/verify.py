"""Verdicts: one claim against the paragraphs retrieved for it.

For a figure, every figure of the paragraphs is a candidate. A candidate speaks about the claim when
it measures the same thing (the words naming the article figure's measure are restated by the claim,
and the claim's measure words, its nouns above all, are said by the article: title, lead paragraphs
or paragraph), for the same place and period (the claim's anchors stand in the article, and the
figure's own clause or sentence names no other place or period of the same kind), with the claim's
other figures of its clause beside it ("超过500万辆的城市有27个"). Then:

- some candidate's value makes the claim true (``compare.value_satisfies``), in the same unit and
  direction → ``supported``;
- else a candidate that matches the measure more closely gives another value, unit or direction →
  ``contradicted``, with what the article says (``found``) and what differs;
- else → ``not_found``: the paragraphs that came closest are cited, but nothing is concluded from a
  number that stands near similar words about another subject.

A name or place claim is checked in the article sentence that tells the same event: the same name
beside the same words, with the rest of its clause said there too, supports it; another one in its
place contradicts it (``名称`` / ``地点``).

Same subject (``subject``): places count as written, by a province's abbreviation ("在京") or as 全省
of a source naming the province; the names around a figure (people, organisations, titles) must be
the article's, and a right figure or event beside one other name is contradicted with the article's
name. When the words decide nothing, the article sentence nearest in meaning (``semantic``) is read
again on looser word overlap, for a contradiction only; so is the stated value and unit found with the
opposite direction ("效率提升38%" for "办事效率下降38%"). A clause with a direction and no number
("逐年压减…财政投入") is checked by ``direction``; a claim left 未找到 whose small place the article writes
under another county or city ("互助县哈拉直沟乡" for "大通县哈拉直沟乡") is 不一致 (``place_chain``).

The default is conservative: a claim is ``supported`` only on a figure whose measure, place and
period all match, because a wrong figure marked 一致 is the worst error a fact-checker can make.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable, Sequence

from ..answer.question import is_province
from ..schema import Hit, Paragraph
from ..sentences import split_sentences
from .claims import PLACE_SUFFIX, clauses, figure_label, periods_in, places_in
from .compare import same_written_number, units_match, value_satisfies
from .figures import Figure, find_figures
from .measure import direction, direction_word, key_words, level_reached, measure_words, modality, says_what, share_present, share_present_heads
from .report import CONTRADICTED, NOT_FOUND, SUPPORTED, Claim
from .ablation import ingredient_on
from .direction import verify_direction
from .place_chain import wrong_parent
from .semantic import SEMANTIC_RESTATED_MIN, SEMANTIC_SAID_MIN, SEMANTIC_SENTENCE_MIN, Similarity, nearest_sentences
from .subject import PROVINCE_ABBREVIATIONS, _province_core, abbreviation_in, name_said, names_in, place_in, province_wide_in

SUPPORT_MIN = 0.6  # share of the article figure's measure words the claim must restate
CONTRADICT_MIN = 0.75  # a contradiction needs a closer match than a confirmation
LOOSE_RESTATED_MIN = 0.3  # ... when the article's sentence says (nearly) all the claim says, around words of its own
SAID_MIN = 0.8  # share of the claim's measure words the article must say (title, lead or paragraph) to confirm it
SAID_TO_CONTRADICT = 0.7  # ... to contradict it (with a closer match of the article's own measure)
NAME_FRAME_MIN = 0.6  # a name claim: share of the words of the rest of its sentence found in the article sentence
NAME_CONTRADICT_MIN = 0.75  # ... to say the article names someone or somewhere else

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


def _own_places(text: str, c_start: int, s_start: int, at: int) -> tuple[str, ...]:
    own = places_in(text[c_start:at])
    if own:
        return own
    # in the clauses before, only places marked as such ("东峡乡") or set as where the sentence is ("在北京，…"):
    # "青海晶科能源有限公司" is a company
    before = text[s_start:at]
    return tuple(p for p in places_in(before) if PLACE_SUFFIX.search(p) or re.search(f"(?:在|于){re.escape(p)}[，,：:]", before))


@lru_cache(maxsize=2048)
def _paragraph_figures(text: str) -> tuple[tuple, ...]:
    """(figure, label, sentence, label start, own places, own periods) for every figure of a paragraph's text."""
    found = []
    for s_start, s_end in split_sentences(text):
        sentence = text[s_start:s_end]
        previous_label = None
        lead_in = ""  # clauses without figures before this one ("工资保证金按…比例存储,原则上不低于1%")
        for c_start, c_end in clauses(text, s_start, s_end):
            figures = [Figure(f.start + c_start, f.end + c_start, f.written, f.kind, f.value, f.unit, f.qualifier, f.mantissa)
                       for f in find_figures(text[c_start:c_end])]
            if not any(f.kind == "figure" for f in figures):
                lead_in += text[c_start:c_end]
            else:
                lead_in_here, lead_in = lead_in, ""
            for i, figure in enumerate(figures):
                if figure.kind == "date":
                    label, label_start = sentence.replace(figure.written, " "), figure.start
                else:
                    label = figure_label(text, figures, i, c_start, c_end)
                    if not says_what(label) and (lead_in_here or previous_label):
                        label = (lead_in_here or previous_label) + label  # "其新增工程应降低存储比例,降幅不低于50%"
                    elif len(measure_words(label)) < 2 and lead_in_here:
                        label = lead_in_here + label
                    previous_label = label
                    label_start = max([c_start] + [f.end for f in figures[:i] if f.end <= figure.start and f.kind == "figure"])
                    while label_start < figure.start and text[label_start] in "，,；;：:、 ":
                        label_start += 1
                own_periods = periods_in(text[s_start:figure.start]) if figure.kind == "figure" else ()
                others = tuple(f for f in figures if f is not figure and f.kind == "figure")
                in_sentence = tuple(f for f in find_figures(sentence) if f.kind == "figure" and f.start + s_start != figure.start)
                found.append((figure, label, sentence, label_start, _own_places(text, c_start, s_start, figure.start), own_periods, others, in_sentence))
    return tuple(found)


def candidates(hits: Sequence[Hit]) -> list[Candidate]:
    found = []
    for rank, hit in enumerate(hits):
        for figure, label, sentence, label_start, own_places, own_periods, others, in_sentence in _paragraph_figures(hit.paragraph.text):
            found.append(Candidate(rank, hit.paragraph, figure, label, sentence, label_start, figure.end, own_places, own_periods, others, in_sentence))
    return found


@dataclass(frozen=True)
class Verdict:
    verdict: str
    reason: str
    found: str | None = None
    differs: str | None = None
    evidence: tuple[tuple[Paragraph, int, int], ...] = ()  # paragraph and span of its text to highlight
    related: tuple[Paragraph, ...] = ()  # closest paragraphs when nothing was concluded


def _co_figures_hold(claim: Claim, candidate: Candidate) -> bool:
    """The other figures of the claim's clause qualify what it counts ("超过500万辆的城市有27个"):
    each must be in the article figure's clause too."""
    others = candidate.clause_figures or candidate.sentence_figures  # a clause without others leans on its sentence
    return all(any(units_match(co, other) and value_satisfies(co, other) for other in others) for co in claim.co_figures)


def _level(place: str) -> str:
    """What kind of place: its suffix (县, 乡, …), or "" for a name without one (西宁, 江苏)."""
    match = PLACE_SUFFIX.search(place)
    return match.group() if match else ""


def _period_kind(period: str) -> str:
    return "year" if period.isdigit() else period[0]  # Q / H / M


def _anchors_hold(claim: Claim, candidate: Candidate, context: str, wide_sources: dict[str, set[str]]) -> tuple[bool, bool]:
    """Whether the claim's places and periods hold for the candidate: (place ok, period ok).

    Each must stand in the article around the figure (as written, by a province's abbreviation, or as 全省 of
    a source that names the province, ``subject``); and where the figure's own sentence names a place or
    period of the same kind as the claim's (乡 and 乡, a year and a year), it must be the claim's.
    """
    source = candidate.paragraph.source
    place_ok = all(place_in(place, context) or province_wide_in(place, context, source in wide_sources.get(place, ()))
                   for place in claim.places)
    if place_ok and claim.places and candidate.own_places:
        for own in candidate.own_places:
            same_level = [p for p in claim.places if _level(p) == _level(own)]
            if same_level and not any(p in own or own in p for p in same_level):
                place_ok = False
    context_periods = _periods_of(context)
    period_ok = all(period in context_periods for period in claim.periods)
    if period_ok and claim.periods and candidate.own_periods:
        for own in candidate.own_periods:
            same_kind = [p for p in claim.periods if _period_kind(p) == _period_kind(own)]
            if same_kind and own not in same_kind and not own.startswith("M"):
                period_ok = False
    return place_ok, period_ok


@lru_cache(maxsize=1024)
def _periods_of(context: str) -> set[str]:
    return set(periods_in(context.replace("首季", "一季度")))


def _wide_sources(claim: Claim, hits: Sequence[Hit], context_of: "ContextOf") -> dict[str, set[str]]:
    """For each province the claim names, the sources among the hits whose text names it."""
    return {place: {h.paragraph.source for h in hits if place_in(place, context_of(h.paragraph))}
            for place in claim.places if is_province(place)}


def _found_text(candidate: Candidate, with_direction: bool = False) -> str:
    word = direction_word(candidate.label) if with_direction else None
    return (word or "") + candidate.figure.written


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

    @property
    def score(self) -> float:
        return self.restated + self.said

    @property
    def same_subject(self) -> bool:
        return self.place_ok and self.period_ok and self.co_ok

    @property
    def true(self) -> bool:
        return self.unit_ok and self.value_ok and self.direction_ok


def score_candidates(claim: Claim, stated: Figure, hits: Sequence[Hit], context_of: ContextOf,
                     nearest: frozenset[str] = frozenset()) -> list[Scored]:
    """Every candidate that may measure what the claim measures. A candidate whose sentence is among
    ``nearest`` (the article sentences nearest in meaning to the claim, ``semantic.nearest_sentences``) is
    kept on less word overlap, and marked ``semantic``."""
    claim_words = measure_words(claim.label, claim.places)
    claim_keys = key_words(claim.label, claim.places)
    claim_direction = direction(claim.label)
    claim_sentence = claim.sentence or claim.text
    scored = []
    wide_sources = _wide_sources(claim, hits, context_of)
    claim_names = _claim_names(claim) if ingredient_on("names") else ()
    for candidate in candidates(hits):
        if candidate.figure.kind != stated.kind:
            continue
        if modality(candidate.label) != modality(claim.label):
            continue  # a target (目标, 计划, 预计) is another measure than a result
        context = context_of(candidate.paragraph)
        # a date: the claim's words must tell the article sentence's event; whose event it is may be the title's
        # ("设立日期:1993年5月7日" under "…大同庆新路支行": a record names its subject once, in its heading)
        event = f"{candidate.paragraph.title or ''}\n{candidate.sentence}" if ingredient_on("record") else candidate.sentence
        if stated.kind == "date":
            restated = share_present(claim_words, event)
            event_words = _date_event_words(candidate) if ingredient_on("record") else ()
            if event_words and not share_present(event_words, claim_sentence):
                continue  # the article dates another event right there: "发证日期:2026年1月23日" is not when it was "设立"
        else:
            article_words = _article_words(candidate.label)
            if not article_words:
                continue  # "共有3200人": nothing says what is counted
            # what the article counts is named next to its figure: "…各乡镇网点以及村级站点累计吸纳就业人员374人"
            head = _head_words(candidate.label)
            restated = max(share_present(article_words, claim_sentence), share_present(head, claim_sentence) if len(head) >= 2 else 0.0)
            if len(article_words) == 1:  # one shared word ("汽车") is not one measure unless the sentence says the rest
                restated = min(restated, share_present(claim_words, candidate.sentence))
        near = candidate.sentence.strip() in nearest
        flipped = _flipped(stated, claim_direction, candidate, restated, claim_words)
        loose = restated >= LOOSE_RESTATED_MIN and share_present(claim_words, candidate.sentence) >= 0.9 and (
            not candidate.sentence_figures or share_present(claim_words, candidate.label) >= 0.9)
        slip = _unit_slip(stated, candidate, claim_sentence) or _transposed(stated, candidate, claim_sentence)
        lexical = flipped or slip or restated >= SUPPORT_MIN or loose
        if not lexical:
            # the article's sentence says all the claim says, around more words of its own (its other figures of
            # this kind have their own words: "城镇新增就业568人，农牧区劳动力转移就业6211人次"); or it is the
            # sentence nearest in meaning and says at least some of what its figure counts
            if not (near and restated >= SEMANTIC_RESTATED_MIN):
                continue
        said = _said(claim_words, claim_keys, context)
        place_ok, period_ok = _anchors_hold(claim, candidate, context, wide_sources)
        if period_ok and ingredient_on("span") and _other_span(claim, candidate):
            period_ok = False  # "今年以来…568人" where the article's 568人 are "近年来"
        unsaid = tuple(name for name in claim_names if not name_said(name, event if stated.kind == "date" else context))
        article_direction = direction(candidate.label)
        direction_ok = not (claim_direction and article_direction and claim_direction != article_direction)
        value_ok = value_satisfies(stated, candidate.figure)
        if value_ok and stated.kind == "date" and ingredient_on("day_part") and _other_day_part(claim, candidate):
            value_ok = False  # "3月5日上午" against "3月5日下午"
        scored.append(Scored(candidate, restated, said, place_ok, period_ok, _co_figures_hold(claim, candidate),
                             units_match(stated, candidate.figure), value_ok, direction_ok,
                             share_present(claim_words, candidate.sentence), near,
                             unsaid, flipped, _said(*_beside(claim_words, claim_keys, unsaid), context) if unsaid else said, lexical, slip))
    scored.sort(key=lambda row: (-row.score, row.candidate.hit_rank))
    return scored


def _said(words: Sequence[str], keys: Sequence[str], context: str) -> float:
    """Share of the claim's measure words the article says, its nouns (``keys``) above all."""
    return min(share_present(words, context) + 0.2, share_present(keys, context)) if keys else share_present(words, context)


def _beside(words: Sequence[str], keys: Sequence[str], names: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The claim's measure words and nouns outside the given names."""
    outside = tuple(w for w in words if not any(w in name for name in names))
    return outside, tuple(w for w in keys if w in outside)


# units that measure the same quantity: the same number in another of them is a misquoted unit
QUANTITIES = ({"米", "公里", "厘米", "毫米"}, {"克", "千克", "吨"}, {"亩", "公顷", "平方米", "平方公里"},
              {"天", "个月", "工作日", "小时", "分钟", "周"})


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
    if not ingredient_on("direction") or stated.kind != "figure" or claim_direction is None:
        return False
    article_direction = direction(candidate.label)
    return (article_direction is not None and article_direction != claim_direction and stated.value == candidate.figure.value
            and units_match(stated, candidate.figure) and restated >= LOOSE_RESTATED_MIN
            and share_present_heads(claim_words, candidate.sentence) >= 0.9)


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


@lru_cache(maxsize=8192)
def _article_words(label: str) -> tuple[str, ...]:
    return measure_words(label, places_in(label))


HEAD_WORDS = 3


@lru_cache(maxsize=8192)
def _head_words(label: str) -> tuple[str, ...]:
    """The last words before the figure and the words after it: the head of the measure phrase."""
    before, _, after = label.rpartition(" ")
    return measure_words(before, places_in(before))[-HEAD_WORDS:] + measure_words(after, places_in(after))


def verify_figure(claim: Claim, hits: Sequence[Hit], context_of: ContextOf = default_context,
                  similarity: Similarity | None = None) -> Verdict:
    """The lexical reading decides first; when it finds nothing and ``similarity`` is given, the article
    sentence nearest in meaning to the claim is read again on looser word overlap."""
    stated = claim.figure
    if stated is None:
        return Verdict(NOT_FOUND, "没能读出这句话里的数字。", related=tuple(hit.paragraph for hit in hits[:2]))
    verdict = _decide(claim, stated, hits, score_candidates(claim, stated, hits, context_of))
    # a date's event is told by its words: a paraphrased event is too loose a match to contradict a date
    if verdict.verdict != NOT_FOUND or similarity is None or stated.kind != "figure" or not ingredient_on("semantic"):
        return verdict
    near = nearest_sentences(similarity, claim, [c.sentence for c in candidates(hits) if c.figure.kind == stated.kind])
    return _decide(claim, stated, hits, score_candidates(claim, stated, hits, context_of, near), verdict)


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
    return any(len(w) >= 2 and flag[0] in "vpn" and w not in _NOT_EVENT_WORDS and w not in candidate.sentence
               and not any(w in p or p in w for p in claim.places) and not _PERIOD_WORD.search(w)
               for w, flag in _tagged(claim.label))


_PERIOD_WORD = re.compile(r"\d|年|月|季度")


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
    if not nouns or nouns[-1] in candidate.sentence:
        return False
    # and the article names its own thing there, which the claim does not say ("新能源"), not only fewer words ("增幅")
    text = candidate.paragraph.text
    own = key_words(re.split(r"[，,；;：:、]", text[candidate.evidence_start: candidate.figure.start])[-1], places_in(candidate.sentence))
    return any(noun not in sentence for noun in own)


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


def _decide(claim: Claim, stated: Figure, hits: Sequence[Hit], scored: list[Scored], fallback: Verdict | None = None) -> Verdict:
    related = tuple(hit.paragraph for hit in hits[:2])
    claim_direction = direction(_near_figure(claim.label))
    claim_change = ingredient_on("change") and _is_change(claim.label)
    for row in scored:
        if claim_change and direction(_near_figure(row.candidate.label)) is None:
            continue  # "减少2047人" is a change: a level ("新增就业2047人") does not confirm which way it went
        if ingredient_on("level") and stated.kind == "figure" and claim_direction is None and _is_change(row.candidate.label):
            continue  # "全国有7个城市…" is a level: "与2024年相比增加7个城市" is how many more, not how many
        if ingredient_on("closest") and row.restated < SUPPORT_MIN and _closer_says_otherwise(row, scored):
            continue  # a loose match confirms nothing where a close one gives another value ("增幅不低于100%")
        if ingredient_on("event") and stated.kind == "figure" and _other_event(claim, row.candidate):
            continue  # "考试通过人数达223.6万人" where the article's 223.6万人 "报名": another event of the same people
        if ingredient_on("counted") and stated.kind == "figure" and _counts_another(claim, row.candidate):
            continue  # "帮助1315名就业困难人员" where the article's 就业困难人员 are its 342名 and its 1315名 are 失业人员
        if row.same_subject and row.true and row.said >= SAID_MIN and not row.unsaid_names and (row.lexical or not _better_beside(row, scored)):
            # (a figure kept for its sentence's meaning alone confirms only when no other figure of that sentence
            # is named by more of the claim's words: "城镇新增就业568人，农牧区劳动力转移就业6211人次")
            candidate = row.candidate
            evidence = ((candidate.paragraph, candidate.evidence_start, candidate.evidence_end),)
            return Verdict(SUPPORTED, f"资料写的是“{candidate.paragraph.text[candidate.evidence_start:candidate.evidence_end]}”，与“{claim.stated}”一致。",
                           found=candidate.figure.written, evidence=evidence)

    # the figure is right, and the article names someone or something else where the claim names its own
    for row in scored:
        # (a wrong company's words must not hide that the article states the same measure: "入职青海天合光能有限公司")
        if row.same_subject and row.true and row.said_beside_names >= SAID_MIN and row.restated >= CONTRADICT_MIN:
            other = _other_name(claim, row.unsaid_names, row.candidate.paragraph, row.candidate.sentence)
            if other is not None:
                return other
        # an event told right but for its place: "青岛港1月26日开通…航线" against "…烟台港正式开通…航线"
        if stated.kind == "date" and row.true and row.co_ok and row.period_ok and not row.place_ok and row.restated >= CONTRADICT_MIN and row.said >= SAID_MIN:
            unsaid = [place for place in claim.places if not place_in(place, row.candidate.sentence)]
            other = _other_name(claim, unsaid, row.candidate.paragraph, row.candidate.sentence)
            if other is not None:
                return other

    # the stated value itself under the same measure (another direction or unit) explains the claim best
    # (or the same number in another unit: "6211人次" for "6211人"), then a figure in the very unit of the
    # claim ("160场" for "106场") before one in a generic unit ("5个")
    # (a value read backwards on loose overlap yields to a figure all of whose words the claim restates: "…被纳入“严重失信主体
    # 名单”的,增幅不低于100%" for that claim's "增幅不低于50%", not "降幅不低于50%" told of another case)
    whole = ingredient_on("closest") and any(_restated_whole(r, stated) and not r.true and r.same_subject for r in scored)
    for row in sorted(scored, key=lambda r: (whole and r.flipped and r.restated < SUPPORT_MIN,
                                             not (r.value_ok and r.unit_ok), not _same_number(stated, r.candidate.figure),
                                             r.candidate.figure.unit_class != stated.unit_class)):
        candidate = row.candidate
        close = row.restated >= CONTRADICT_MIN or (row.restated >= SUPPORT_MIN and row.said_in_sentence >= 0.9) or (
            # the article's sentence says all the claim says and has no other figure of this kind to mean
            row.restated >= LOOSE_RESTATED_MIN and row.said_in_sentence >= 0.9 and _only_one_of_its_kind(candidate)) or (
            # the sentence nearest in meaning, whose only figure of this kind this is
            # (saying the claim's words itself: meaning is the loosest match, the words around it do not count)
            row.semantic and row.said_in_sentence >= SEMANTIC_SENTENCE_MIN and _only_one_of_its_kind(candidate)) or row.flipped or row.slip
        said_enough = row.flipped or row.slip or row.said >= min(SAID_TO_CONTRADICT, SEMANTIC_SAID_MIN if row.semantic else 1.0)
        if not close or not said_enough or not row.same_subject or row.true or row.unsaid_names:
            continue
        if ingredient_on("head_noun") and stated.kind == "figure" and not row.flipped and not row.slip and _head_noun_elsewhere(claim, candidate):
            continue  # "新注册登记纯电动汽车3022万辆": 纯电动汽车 are counted in another sentence, not as 新能源汽车 here
        if ingredient_on("change") and not row.flipped and (claim_direction is None) != (direction(_near_figure(candidate.label)) is None):
            continue  # a change ("同比增长25%", "净增2000万人") and a level or share ("占…的12.01%") are different measures
        if not row.unit_ok and not (stated.kind == "figure" and stated.value == candidate.figure.value):
            continue  # another unit and another value: most likely another measure
        differs = _what_differs(stated, row, scored)
        found = _found_text(candidate, with_direction=differs == "方向")
        evidence = ((candidate.paragraph, candidate.evidence_start, candidate.evidence_end),)
        said = candidate.paragraph.text[candidate.evidence_start:candidate.evidence_end]
        stated_text = (direction_word(claim.label) or "") + claim.stated if differs == "方向" else claim.stated
        if stated.kind == "date" and value_satisfies(stated, candidate.figure):  # the day is right, its part is not: "2025年3月5日下午"
            theirs = _DAY_PART.match(candidate.paragraph.text, candidate.figure.end)
            ours = _DAY_PART.match(claim.sentence, stated.end - claim.sentence_start)
            found, stated_text = found + (theirs.group(1) if theirs else ""), stated_text + (ours.group(1) if ours else "")
        return Verdict(CONTRADICTED, f"资料写的是“{said}”：{found}，而不是{stated_text}（{differs}不同）。",
                       found=found, differs=differs, evidence=evidence)

    if fallback is not None:
        return fallback
    elsewhere = [row for row in scored if row.true and row.co_ok and row.said >= SAID_MIN and not row.same_subject]
    if elsewhere:
        row = elsewhere[0]
        where = "地点" if not row.place_ok else "时间"
        reason = f"资料里的“{row.candidate.figure.written}”说的是另一{'地点' if where == '地点' else '时期'}（“{row.candidate.sentence.strip()[:60]}”），没有找到所述{where}的数字。"
        return Verdict(NOT_FOUND, reason, related=(row.candidate.paragraph,) + tuple(p for p in related if p != row.candidate.paragraph)[:1])
    return Verdict(NOT_FOUND, "检索到的资料里没有说到这一数字所指的事项。", related=related)


_CLAUSE_MARK = re.compile(r"[，,、；;。：:]")
_NAME_LIKE = re.compile(r"[\u4e00-\u9fff·A-Za-z]{2,}")


def _lead_in(claim: Claim) -> str:
    """The clauses without figures right before the claim's own in its sentence, which say whose figure it is
    ("王芳不慎遗失…发票，金额6449.42元")."""
    before = claim.sentence[: max(0, claim.start - claim.sentence_start)]
    pieces = re.split(r"(?<=[，,：:；;])", before)
    lead: list[str] = []
    for piece in reversed([p for p in pieces if p]):
        if find_figures(piece):
            break
        lead.insert(0, piece)
    return "".join(lead)


def _claim_names(claim: Claim) -> tuple[str, ...]:
    """The names of the claim's own words and lead-in clauses, apart from its places (checked as places) and
    what it states."""
    lead_in = _lead_in(claim)
    quoted_before = set(_QUOTED_NAME.findall(lead_in))  # a title in a clause before is a claim of its own, checked there
    return tuple(name for name in names_in(lead_in + claim.text) if name not in claim.stated and claim.stated not in name
                 and name not in quoted_before and not any(name in place or place in name for place in claim.places))


_QUOTED_NAME = re.compile(r"[“《]([^”》]{2,30})[”》]")


def _other_name(claim: Claim, unsaid: Sequence[str], paragraph: Paragraph, sentence: str) -> Verdict | None:
    """A claim that is right but for one name: the article sentence telling the same thing has another name
    where the claim has it ("吴三女遗失的…收据金额为3808元" against "徐伟遗失的…"). None unless exactly one
    name is unsaid and the article sentence has a counterpart for it."""
    if len(unsaid) != 1:
        return None
    name = unsaid[0]
    at = claim.sentence.find(name)
    if at < 0:
        return None
    as_name = replace(claim, stated=name, stated_start=claim.sentence_start + at, stated_end=claim.sentence_start + at + len(name))
    counterpart = _counterpart(as_name, sentence)
    found = sentence[counterpart[0]:counterpart[1]].strip("，。；、“”《》 ") if counterpart else ""
    if found and (set(found) <= set(name) or set(name) <= set(found) or _synonym_said(name, found)):
        return None  # the same words told shorter or longer ("开幕" for "拉开帷幕") or by a synonym (揭幕): not another name
    if not _NAME_LIKE.fullmatch(found) or found == name or name in found or len(found) > len(name) + 8:
        # a name is written in characters: not a number, a piece of punctuation or a single character;
        # a place without words around it to align on is the article sentence's place the claim lacks
        others = [p for p in places_in(sentence) if p not in claim.sentence and p not in SCOPES_IGNORED] if places_in(name) else []
        others.sort(key=lambda p: p[-1] != name[-1])  # 烟台港 for 青岛港 before 山东
        if not others:
            return None
        found = others[0]
        counterpart = (sentence.find(found), sentence.find(found) + len(found))
    differs = "时间" if periods_in(name) or re.search(r"[前后初底末]$", name) else "地点" if places_in(name) else "名称"
    s_at = paragraph.text.find(sentence)
    evidence = ((paragraph, s_at + counterpart[0], s_at + counterpart[1]),) if s_at >= 0 else ()
    return Verdict(CONTRADICTED, f"资料写的是“{found}”，而不是“{name}”（{differs}不同）。", found=found, differs=differs, evidence=evidence)


def _synonym_said(word: str, text: str) -> bool:
    """``text`` says ``word`` by one of its exact synonyms (词林 "=" groups: 揭幕 = 开幕, never 闭幕)."""
    if not ingredient_on("synonym"):
        return False
    from ..answer.synonyms import synonyms

    return any(s in text for s in synonyms(word))


def _same_number(stated: Figure, found: Figure) -> bool:
    return stated.kind == "figure" and (stated.value == found.value or same_written_number(stated, found))


def _only_one_of_its_kind(candidate: Candidate) -> bool:
    return not any(f.unit_class == candidate.figure.unit_class for f in candidate.sentence_figures)


def _what_differs(stated: Figure, row: Scored, scored: Sequence[Scored]) -> str:
    candidate = row.candidate
    if row.value_ok and row.unit_ok and not row.direction_ok:
        return "方向"
    if stated.kind == "date":
        return "时间"
    if not row.unit_ok or (same_written_number(stated, candidate.figure) and stated.value != candidate.figure.value):
        return "单位"
    for other in scored:  # the stated value is the same measure's figure for another place or period
        if other is not row and other.true and other.co_ok and other.restated >= CONTRADICT_MIN:
            if not other.place_ok:
                return "地点"
            if not other.period_ok:
                return "时间"
    return "数值"


def _frame_words(claim: Claim) -> tuple[str, ...]:
    """The words of a name claim's clause besides its name and places: what it says about the name."""
    names = names_in(claim.text)
    words = measure_words(claim.text.replace(claim.stated, " "), claim.places)
    return tuple(dict.fromkeys(w for w in (*names, *words) if w not in claim.stated and claim.stated not in w
                               and not any(w in p or p in w for p in claim.places)))


def _sentences_by_frame(claim: Claim, hits: Sequence[Hit]) -> list[tuple[float, int, Paragraph, int, int]]:
    """The article sentences that tell the claim's event, best first: by the share of the claim
    sentence's words (without the name checked and its places) that each has."""
    frame_words = measure_words(claim.text.replace(claim.stated, " "), claim.places)
    if len(frame_words) < 3:  # a short clause ("…，在博雅小学开幕") is told by its sentence
        frame_words = measure_words(claim.sentence.replace(claim.stated, " "), claim.places)
    spaced = None
    if len(frame_words) < 2:
        if claim.kind != "name" or not frame_words:
            return []
        spaced = _spaced("".join(claim.stated.split()))  # a title with few words around it is found by itself
    found = []
    for rank, hit in enumerate(hits):
        text = hit.paragraph.text
        for s_start, s_end in split_sentences(text):
            score = share_present(frame_words, text[s_start:s_end])
            if spaced is not None and not spaced.search(text, s_start, s_end):
                continue
            if score >= NAME_FRAME_MIN:
                found.append((score, -rank, hit.paragraph, s_start, s_end))
    found.sort(key=lambda row: (-row[0], -row[1]))
    return found


@lru_cache(maxsize=4096)
def _spaced(text: str) -> re.Pattern:
    """``text`` as typeset, a space allowed between its characters ("AI 数字人" for "AI数字人")."""
    return re.compile(r"\s?".join(re.escape(ch) for ch in text))


def _aligned_at(claim: Claim, sentence: str) -> int:
    """Where the claim's name stands in the article sentence with the same words beside it, else -1
    ("局长陈振林" is not confirmed by "记者刘诗平" for "局长刘诗平")."""
    name = "".join(claim.stated.split())
    left = claim.sentence[: claim.stated_start - claim.start + claim.text_offset][-2:]
    right = claim.sentence[claim.stated_end - claim.start + claim.text_offset:][:2]
    for context_left, context_right in ((left, ""), ("", right)):
        found = _spaced(context_left + name + context_right).search(sentence)
        if found and (context_left or context_right):
            return found.start() + len(context_left)
    if claim.kind == "place" and name in sentence:
        return sentence.find(name)
    if claim.kind == "place" and ingredient_on("abbreviation") and abbreviation_in(name, sentence):
        return sentence.find(PROVINCE_ABBREVIATIONS[_province_core(name)])  # "在京召开" for 北京
    return -1


def _place_counterpart(claim: Claim, sentence: str) -> tuple[int, int] | None:
    """Where the article sentence names another place where the claim names its own: the text between the same
    words around it ("将在海东市平安区举行" / "将在西宁市城西新区西宁广场举行", "在上海召开" / "在京召开"), else a
    place of the sentence, unless the claim says where a thing is ("位于…") and the article where something
    was done ("在塞北播撒火种")."""
    counterpart = _counterpart(claim, sentence, aligned_only=True) if ingredient_on("place_between") else None
    if counterpart is not None:
        found = sentence[counterpart[0]:counterpart[1]].strip("，。；、“”《》 ")
        if found and not _CLAUSE_MARK.search(found) and (places_in(found) or found in PROVINCE_ABBREVIATIONS.values()):
            return counterpart
    other = _other_places(claim, sentence, sentence)
    if other is None:
        return None
    at = sentence.find(other)
    at_claim = claim.stated_start - claim.start + claim.text_offset
    if claim.sentence[max(0, at_claim - 3): at_claim].endswith(_WHERE_IT_IS) and sentence[max(0, at - 1): at] == "在":
        return None  # where something is done ("在塞北播撒火种") is not where a thing "位于"
    return at, at + len(other)


_WHERE_IT_IS = ("位于", "坐落于", "落户")


def _other_period(missing: Sequence[str], paragraph: Paragraph, s_start: int, s_end: int) -> Verdict | None:
    """The article sentence's own date of the kind the claim states (a year for a year), when it is another one."""
    kinds = {_period_kind(period) for period in missing}
    for figure in find_figures(paragraph.text[s_start:s_end]):
        if figure.kind != "date":
            continue
        own = [p for p in periods_in(figure.written, most_specific=True) if _period_kind(p) in kinds and p not in missing]
        if own:
            span = (paragraph, s_start + figure.start, s_start + figure.end)
            return Verdict(CONTRADICTED, f"资料写的是“{figure.written}”，而不是所述的时间（时间不同）。", found=figure.written,
                           differs="时间", evidence=(span,))
    return None


def _counterpart(claim: Claim, sentence: str, aligned_only: bool = False) -> tuple[int, int] | None:
    """What the article sentence has where the claim has its name: the text after the same words
    that precede the name in the claim, up to the words that follow it."""
    before = claim.sentence[: claim.stated_start - claim.start + claim.text_offset]
    after = claim.sentence[claim.stated_end - claim.start + claim.text_offset:]
    for width in (4, 3, 2):
        left = before[-width:]
        if len(left) < width or not left.strip():
            continue
        at = sentence.find(left)
        if at < 0:
            continue
        start = at + len(left)
        window = sentence[start: start + len(claim.stated) + 8]
        end = start + len(claim.stated)
        for right_width in (2, 1):
            right = after[:right_width]
            if right and right in window[1:]:
                end = start + 1 + window[1:].index(right)
                break
        if end > start:
            cut = re.search(r"[\d，,。；;：:（(]", sentence[start:end])  # "陈振林26日表示": the name ends at the date
            return start, start + cut.start() if cut and cut.start() > 0 else min(end, len(sentence))
    if aligned_only:
        return None
    matcher = difflib.SequenceMatcher(None, claim.sentence, sentence, autojunk=False)
    name_start = claim.stated_start - claim.start + claim.text_offset
    name_end = name_start + len(claim.stated)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace" and i1 < name_end and i2 > name_start and i1 >= name_start - 2 and i2 <= name_end + 2 and (
                claim.sentence[max(0, i1 - 2):i1] == sentence[max(0, j1 - 2):j1] or claim.sentence[i2:i2 + 2] == sentence[j2:j2 + 2]):
            # the unchanged part of the name belongs to the article's name too: "2025年…通知" → "2026年…通知"
            return max(0, j1 - max(0, i1 - name_start)), min(len(sentence), j2 + max(0, name_end - i2))
    return None


def _other_places(claim: Claim, sentence: str, context: str) -> str | None:
    """A place the article gives where the claim names another one of the same kind."""
    for text in (sentence, context):
        for place in places_in(text):
            if place in claim.sentence or place in SCOPES_IGNORED:
                continue
            if claim.kind == "place" or any(_level(place) == _level(p) for p in claim.places):
                return place
    return None


SCOPES_IGNORED = ("全国", "全省", "全市", "全县", "全区", "全州", "全乡")  # a scope is not a place given instead


def verify_name(claim: Claim, hits: Sequence[Hit], context_of: ContextOf = default_context) -> Verdict:
    """A name or place claim: find the article sentence that tells the same event, then compare the name in it."""
    related = tuple(hit.paragraph for hit in hits[:2])
    ranked = _sentences_by_frame(claim, hits)
    if not ranked:
        return Verdict(NOT_FOUND, f"检索到的资料里没有说到“{claim.stated}”这件事。", related=related)
    frame_words = _frame_words(claim)
    for score, _, paragraph, s_start, s_end in ranked:
        sentence = paragraph.text[s_start:s_end]
        at = _aligned_at(claim, sentence)
        if at >= 0 and all(place_in(place, context_of(paragraph)) for place in claim.places):
            # the rest of the claim must be the article's too: "南通市丝绸协会…" is not "南通市纺织工业协会…"
            unsaid = [w for w in frame_words if not name_said(w, sentence) and not _synonym_said(w, sentence)] if ingredient_on("frame") else []
            if unsaid:
                other = _other_name(claim, unsaid, paragraph, sentence)
                if other is not None:
                    return other
                continue
            name = "".join(claim.stated.split())
            own_periods = [period for period in claim.periods if period in periods_in(claim.text, most_specific=True)]
            missing = [period for period in own_periods if period not in _periods_of(context_of(paragraph))]
            if missing:  # "城北区2024年“石榴籽杯”联赛…" told of 2025: the right name in another year
                other = _other_period(missing, paragraph, s_start, s_end)
                if other is not None:
                    return other
                continue
            span = (paragraph, s_start + at, s_start + at + (len(name) if sentence.startswith(name, at) else 1))  # "京" of "在京"
            return Verdict(SUPPORTED, f"资料写的是“{sentence.strip()[:80]}”，与“{claim.stated}”一致。", found=claim.stated, evidence=(span,))
    # the sentence that has the name, else the one that tells the event best
    score, _, paragraph, s_start, s_end = next(
        (row for row in ranked if _aligned_at(claim, row[2].text[row[3]:row[4]]) >= 0), ranked[0])
    sentence = paragraph.text[s_start:s_end]
    context = context_of(paragraph)
    at = _aligned_at(claim, sentence)
    places_hold = all(place_in(place, context) for place in claim.places)
    if score < NAME_CONTRADICT_MIN:
        return Verdict(NOT_FOUND, f"资料里有相近的说法，但没有提到“{claim.stated}”。", related=(paragraph,))
    if at >= 0:  # the name is right, the place is not
        other = _other_places(claim, sentence, context) if claim.places else None
        if other is None:
            return Verdict(NOT_FOUND, f"资料里有相近的说法，但没有说到{'、'.join(claim.places)}。", related=(paragraph,))
        place_at = sentence.find(other)
        span = (paragraph, s_start + place_at, s_start + place_at + len(other)) if place_at >= 0 else (paragraph, s_start, s_end)
        return Verdict(CONTRADICTED, f"资料写的是“{other}”，而不是“{'、'.join(claim.places)}”（地点不同）。", found=other, differs="地点", evidence=(span,))
    if claim.kind == "place":
        counterpart = _place_counterpart(claim, sentence)
    else:
        counterpart = _counterpart(claim, sentence)
    if counterpart is None or not places_hold and claim.kind != "place":
        return Verdict(NOT_FOUND, f"资料里有相近的说法，但没有提到“{claim.stated}”。", related=(paragraph,))
    c_start, c_end = counterpart
    found = sentence[c_start:c_end].strip("，。；、“”《》 ")
    if not found or found == claim.stated or _CLAUSE_MARK.search(found):  # a name does not run across clauses
        return Verdict(NOT_FOUND, f"资料里有相近的说法，但没有提到“{claim.stated}”。", related=(paragraph,))
    differs = "地点" if claim.kind == "place" else "名称"
    return Verdict(CONTRADICTED, f"资料写的是“{found}”，而不是“{claim.stated}”（{differs}不同）。", found=found, differs=differs,
                   evidence=((paragraph, s_start + c_start, s_start + c_end),))


def verify(claim: Claim, hits: Sequence[Hit], context_of: ContextOf = default_context, similarity: Similarity | None = None) -> Verdict:
    if claim.kind == "direction":
        verdict = verify_direction(claim, hits, context_of)
    elif claim.kind in ("name", "place"):
        verdict = verify_name(claim, hits, context_of)
    else:
        verdict = verify_figure(claim, hits, context_of, similarity)
    if verdict.verdict == NOT_FOUND and ingredient_on("place_chain"):
        return _under_another_parent(claim, hits, context_of) or verdict
    return verdict


def _under_another_parent(claim: Claim, hits: Sequence[Hit], context_of: ContextOf) -> Verdict | None:
    """A claim whose small place the article writes under another county or city ("互助县哈拉直沟乡" for
    "大通县哈拉直沟乡"): 不一致 on 地点, whatever else it says."""
    wrong = wrong_parent(claim.text, hits, context_of)
    if wrong is None:
        return None
    span = (wrong.paragraph, wrong.at, wrong.at + len(wrong.found)) if wrong.at >= 0 else None
    return Verdict(CONTRADICTED, f"资料写的是“{wrong.found}”，而不是“{wrong.stated}”（地点不同）。", found=wrong.found, differs="地点",
                   evidence=(span,) if span else (), related=() if span else (wrong.paragraph,))
