"""Both sides of a comparison read from the one sentence that states them side by side.

News roundups state the figures of parallel places in one sentence, in two general ways:

- respectively (分别): "其中潮阳区、潮南区分别新增4860个和3920个", "鄂托克旗、达拉特旗和杭锦旗分别为578万千瓦、
  541万千瓦和496万千瓦": the i-th name listed before 分别 has the i-th figure after it;
- parallel clauses: "江安县今年完成岸线修复12.4公里，南溪区完成9.7公里": a clause opening with a name states
  that name's figure, its measure said once in the sentence's first clause.

When the side-by-side answering of a comparison cannot answer (a side has no figure, the two figures are one
span or do not measure alike), ``stated_sides`` looks in the retrieved paragraphs for one sentence giving both
sides a figure this way, in one unit, whose words say the shared measure; the comparison is then composed
from those two figures. A name in the text may be the side's full form ("十堰经开区" for 十堰经济技术开发区:
the side's characters in order, the same opening two and the same last one), or a county asked by its core and
level written as the autonomous county it is ("芷江侗族自治县" for 芷江县, ``rag.places.autonomous_form``).
"""
from __future__ import annotations

import re
from typing import Callable, Sequence

from ...schema import Answer, Hit
from ...sentence_vectors import paragraph_sentences
from ..compose import citation
from ..paraphrased import PARAPHRASE_MARGIN, measure_in_other_words
from ..question import analyze_question, coverage, pos_cut
from ..settings import ablated
from ..spans import Span, same_kind_of_unit
from .anchors import PERIOD
from .sentence_reading import (BREAKS_DOWN, LIST_OPENING, figures_of, is_name_of, mentions, named_at, other_period,
                               sentences_of, unit_of)

# how much of the shared measure (its character bigrams) the sentence up to the later figure must say
MIN_MEASURE = 0.6
_CLAUSE_BREAK = re.compile(r"[，,；;：:]")
_LIST_JOIN = re.compile(r"以及|、|和|与|及|同")
def _clause_bounds(sentence: str, at: int) -> tuple[int, int]:
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, at)), default=0)
    right = next((m.start() for m in _CLAUSE_BREAK.finditer(sentence, at)), len(sentence))
    return left, right


def _respectively(sentence: str, spans: list[Span], names: tuple[str, str]) -> list[Span | None]:
    """Per side, its figure by a "A、B分别X和Y" listing of ``sentence``."""
    found: list[Span | None] = [None, None]
    for m in re.finditer("分别", sentence):
        left, right = _clause_bounds(sentence, m.start())
        listed = LIST_OPENING.sub("", sentence[left:m.start()])
        if not listed.strip() and left > 0:  # "A、B、C承办工单量位列前三位，分别为…": the names are the clause before
            listed = LIST_OPENING.sub("", sentence[_clause_bounds(sentence, left - 1)[0]:left - 1])
        items = [item for item in _LIST_JOIN.split(listed) if item]
        figures = [sp for sp in spans if m.end() <= sp.start and sp.end <= right]
        if len(items) < 2 or len(figures) != len(items):
            continue
        for side, name in enumerate(names):
            # the last name may carry what the clause says of them all ("区城市管理委承办工单量位列前三位")
            at = [i for i, item in enumerate(items) if is_name_of(item, name) or (i == len(items) - 1 and item.startswith(name))]
            if len(at) == 1 and found[side] is None:
                found[side] = figures[at[0]]
    return found


def _own_clause(sentence: str, spans: list[Span], names: tuple[str, str], measure: str) -> list[Span | None]:
    """Per side, the figure stated of a clause opening with its name, up to the next ；or the next clause opening with
    the other side ("南溪区完成9.7公里"; "枣阳市依托…等景区，上半年接待游客512.6万人次"): of the figures there, the one
    whose own clause says most of the measure (the first on a tie)."""
    found: list[Span | None] = [None, None]
    starts = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(sentence)]
    for side, name in enumerate(names):
        for left in starts:
            clause = LIST_OPENING.sub("", sentence[left:_clause_bounds(sentence, left)[1]])
            if not named_at(clause, name) or "分别" in clause:
                continue
            end = next((m.start() for m in re.finditer(r"[；;]", sentence[left:])), len(sentence) - left) + left
            end = next((s for s in starts if left < s < end and named_at(LIST_OPENING.sub("", sentence[s:]), names[1 - side])), end)
            figures = [sp for sp in spans if left <= sp.start and sp.end <= end]
            if figures:
                said = [coverage([measure], sentence[_clause_bounds(sentence, sp.start)[0]:sp.start]) for sp in figures]
                found[side] = figures[max(range(len(figures)), key=lambda i: (said[i], -i))]
            break
    return found


# what a side's question asks after its words: "多少亿元", "多长", "是什么时候"
_ASKING_TAIL = re.compile(r"(?:多少[^\d\s]{0,3}|多长|多远|多重|了百分之几|是什么时候)$")
# between a listed thing and its figure: nothing, or a verb of stating ("注册护士1.48万人", "酒驾1862起", "排水管网为189公里")
_NAME_TO_FIGURE = re.compile(r"(?:为|达|达到|是|有|共|计|约)?")


def _boundaries(text: str) -> set[int]:
    ends, at = {0}, 0
    for word, _ in pos_cut(text):
        at += len(word)
        ends.add(at)
    return ends


def side_cores(side_questions: tuple[str, str], measure: str = "") -> tuple[str, str] | None:
    """What tells the two sides apart: each side's question without what both share, the words before (their
    place, period, verb: "铜仁去年改造的" of 供水管网 and 排水管网; "宜昌上半年" of 酒驾 and 醉驾) and the measure
    after (the shared measure, or a shared "的…" phrase: "的玩具产值" of 凤翔街道 and 澄华街道), cut at words. A
    sentence listing the sides' figures names them by these words only ("其中执业医师1.21万人、注册护士1.48万人")."""
    a, b = (_ASKING_TAIL.sub("", q) for q in side_questions)
    if measure and a.endswith(measure) and b.endswith(measure):
        a, b = a[:-len(measure)], b[:-len(measure)]
    tail = next((n for n in range(min(len(a), len(b)), 0, -1) if a[-n:] == b[-n:]), 0)
    at = a.find("的", len(a) - tail) if tail else -1
    if 0 <= at and len(a) - at <= tail:  # a shared "的…" ending
        a, b = a[:at], b[:len(b) - (len(a) - at)]
    head = next((n for n in range(min(len(a), len(b)), 0, -1) if a[:n] == b[:n]), 0)
    shared = _boundaries(a) & _boundaries(b)
    head = max((n for n in shared if n <= head), default=0)
    cores = (a[head:].strip("的"), b[head:].strip("的"))
    if not ablated("period_cores"):
        cores = _period_cores(cores)
    return cores if all(len(c) >= 2 for c in cores) and cores[0] != cores[1] else None


def _period_cores(cores: tuple[str, str]) -> tuple[str, str]:
    """Two cores that are two periods opening one shared tail ("三季度新上云" and "一季度新上云", "上半年的" of one
    market): the periods alone, as a roundup by periods names them ("一季度，全市新增上云企业286家；二季度新增516家；
    三季度新增524家"). Cut at words both cores end with; other cores (供水管网, 排水管网) keep their tail. A year opening
    one period only ("去年一季度" against "四季度") dates both: the period alone, as the roundup names it."""
    a, b = cores
    tail = next((n for n in range(min(len(a), len(b)) - 1, 0, -1) if a[-n:] == b[-n:]), 0)
    if tail:
        shared = {len(a) - n for n in _boundaries(a)} & {len(b) - n for n in _boundaries(b)}
        tail = max((n for n in shared if 0 < n <= tail), default=0)
    heads = (a[:len(a) - tail], b[:len(b) - tail])
    if not all(PERIOD.fullmatch(h) for h in heads):
        return cores
    # "锦州港去年一季度和四季度": the year opening one period only dates both, a roundup by quarters names none
    years = [_OPENING_YEAR.match(h) for h in heads]
    for side in (0, 1):
        if years[side] and years[side].end() < len(heads[side]) and not _YEAR_WORD.search(heads[1 - side]):
            heads = (heads[0][years[0].end():], heads[1]) if side == 0 else (heads[0], heads[1][years[1].end():])
    return heads


_OPENING_YEAR = re.compile(r"^(?:\d{4}|今|去|明|前|当)年度?")
_YEAR_WORD = re.compile(r"(?:\d{4}|今|去|明|前|当)年")


def _name_then_figure(sentence: str, spans: list[Span], names: tuple[str, str]) -> list[Span | None]:
    """Per side, the figure right after its one mention in a listing ("供水管网216公里、排水管网189公里"): the
    name, at most a verb of stating, then the figure."""
    found: list[Span | None] = [None, None]
    for side, name in enumerate(names):
        after = []
        for m in re.finditer(re.escape(name), sentence):
            nxt = next((sp for sp in spans if sp.start >= m.end()), None)
            if nxt is not None and _NAME_TO_FIGURE.fullmatch(sentence[m.end():nxt.start]):
                after.append(nxt)
        if len(after) == 1:
            found[side] = after[0]
    return found


Similarity = Callable[[Sequence[str]], list[float]]


def stated_sides(
    comparison, names: tuple[str, str], hits: Sequence[Hit], similarity: Similarity | None = None,
) -> tuple[Answer, Answer] | None:
    """The two sides' answers read from one retrieved sentence stating both ("分别", or parallel clauses), or None.
    ``similarity`` (sentence vectors: each sentence's closeness in meaning to the comparison question) lets a sentence
    say the shared measure in other words (``_closest_in_other_words``)."""
    measure = (comparison.measure or "").replace("的", "")
    if ablated("stated_sides") or comparison.dated:
        return None
    cores = None if ablated("side_cores") else side_cores(comparison.side_questions, comparison.measure or "")
    if len(measure) >= 2 and all(len(n) >= 2 for n in names):
        found = _read_stated(comparison, names, hits, measure, similarity=similarity)
        if found is not None or cores is None or cores == names:
            return found
    if cores is None:
        return None
    # the sides by the words telling them apart, each read right before its figure in one listing; with no shared
    # measure the side words are the measure ("注册护士" and "执业医师")
    return _read_stated(comparison, cores, hits, measure, listed=True, similarity=similarity)


def _list_measured(title: str, sentence: str, names: tuple[str, str], measure: str) -> bool:
    """Whether ``sentence`` is a list breaking the article's figure down by members, both sides opening an item of it,
    and its article's headline with the sentence says the measure: such a list ("分县（市、区）看，…北流市发生96起，
    死亡34人；…博白县发生118起，死亡41人") names no measure the headline and lead already name
    ("…道路交通事故死亡人数下降11.4%")."""
    from .list_item_sides import list_items, list_item_named  # (that module reads figures with this one's helpers)

    if ablated("list_measure") or not title:
        return False
    items = list_items(sentence)
    if not items or not all(list_item_named(sentence, items, n) for n in names):
        return False
    return coverage([measure], f"{title}\n{sentence}") >= MIN_MEASURE


class _Closeness:
    """The retrieved sentences' closeness in meaning to the comparison question, computed on first use."""

    def __init__(self, hits: Sequence[Hit], similarity: Similarity):
        self.hits, self.similarity = hits, similarity
        self._sims: dict[str, float] | None = None

    def closest(self, sentence: str) -> bool:
        """Whether ``sentence`` is (within PARAPHRASE_MARGIN of) the retrieved sentence closest to the question."""
        if self._sims is None:
            texts = dict.fromkeys(h.paragraph.text for h in self.hits)
            sentences = list(dict.fromkeys(s for t in texts for s in paragraph_sentences(t)))
            self._sims = dict(zip(sentences, self.similarity(sentences))) if sentences else {}
        if not self._sims:
            return False
        sentence = sentence.strip()
        own = [v for s, v in self._sims.items() if s == sentence or sentence in s or s in sentence]
        return bool(own) and max(own) >= max(self._sims.values()) - PARAPHRASE_MARGIN


def _closest_in_other_words(sentence: str, unit: str, analyses, hits: Sequence[Hit], closeness: "_Closeness | None") -> bool:
    """Whether a sentence stating both sides whose words do not say the shared measure says it in other words, by the
    paraphrase path's two signs (rag.answer.paraphrased): the words of each side's question it lacks (besides the
    side's name and period: the measure and what qualifies it, 城镇新增就业 of "…石泉县和紫阳县哪个人数多") are the
    asker's own (said nowhere else in the retrieved passages, none restricting what is counted), and it is the
    retrieved sentence closest in meaning to the question ("巍山县和剑川县哪个县来的游客多" by "…巍山县接待游客
    41.27万人次…剑川县…"), and its figures' ``unit`` is of the kind a side asks (元 for 卖的钱, not 吨), as the
    paraphrase path's answer type."""
    if closeness is None or ablated("paraphrased_sides"):
        return False
    if any(a.unit and not (unit == a.unit or same_kind_of_unit(a.unit, unit)) for a in analyses):
        return False
    passages = "\n".join(dict.fromkeys(f"{h.paragraph.title or ''}\n{h.paragraph.text}" for h in hits))
    return all(measure_in_other_words(a.text, sentence, a, passages) for a in analyses) and closeness.closest(sentence)


def _read_stated(comparison, names: tuple[str, str], hits: Sequence[Hit], measure: str, listed: bool = False,
                 similarity: Similarity | None = None):
    analyses = [analyze_question(q) for q in comparison.side_questions]
    asked = "".join(comparison.side_questions)
    closeness = _Closeness(hits, similarity) if similarity is not None else None
    for hit, m in sentences_of(hits):
        text = hit.paragraph.text
        sentence = m.group()
        if not all(mentions(sentence, n) for n in names):
            continue
        context = sentence
        if BREAKS_DOWN.match(sentence) and not ablated("breakdown_measure"):
            context = text[:m.start()][-120:] + sentence  # "其中，铁路口岸完成…": the sentence before's figure, broken down
        if other_period(asked, context):
            continue  # the sentence is of another year or part of the year than the one asked
        spans = figures_of(sentence, analyses[0])
        found = _respectively(sentence, spans, names)
        if None in found and len(measure) >= 2:
            own = _own_clause(sentence, spans, names, measure)
            found = [f if f is not None else o for f, o in zip(found, own)]
        if None in found and (listed or not ablated("named_listing")):
            # "其中柯城区121个、衢江区75个、江山市92个": each name, then its figure
            own = _name_then_figure(sentence, spans, names)
            found = [f if f is not None else o for f, o in zip(found, own)]
        if None in found or found[0].start == found[1].start or unit_of(found[0]) != unit_of(found[1]) or not unit_of(found[0]):
            continue
        said = context[:len(context) - len(sentence) + max(sp.end for sp in found)]
        if len(measure) >= 2 and coverage([measure], said) < MIN_MEASURE \
                and not _list_measured(hit.paragraph.title or "", sentence, names, measure) \
                and not _closest_in_other_words(sentence, unit_of(found[0]), analyses, hits, closeness):
            continue
        return tuple(  # type: ignore[return-value]
            Answer(question=comparison.side_questions[i], answer=sp.text, refused=False,
                   citations=(citation(1, hit, (m.start() + sp.start, m.start() + sp.end)),), short=sp.text, sentence=sentence)
            for i, sp in enumerate(found)
        )
    return None
