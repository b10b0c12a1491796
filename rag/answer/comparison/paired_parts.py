"""Two parts of one whole, stated one right after the other in one sentence: a comparison of two bare measures
("前10个月黄石出口比进口多多少", "今年1—11月铜陵的出口额比进口额少多少") is answered by the sentence breaking
the whole down into them ("其中，出口238.4亿元，增长15.8%；进口174.2亿元，增长5.6%。"), each part's word opening a
clause and its figure right after it.

Each side asked alone finds many figures of its word ("金属矿砂进口32.15亿元", "农产品进口4.6亿元"), and the one
of the side's own breakdown need not score best; the breakdown states both parts of one whole, of one period and
place, so it is read whole. Only sides told apart by one word each that names no place (``part_words``), and
only a sentence whose paragraph names (or is set in) the place the sides ask about, of the period asked.
"""
from __future__ import annotations

import re
from typing import Sequence

from ...schema import Answer, Hit
from ...setting import places_named
from ..compose import citation
from ..evidence import entity_said, paragraph_context
from ..question import analyze_question, pos_cut
from ..settings import ablated
from .dated_parts import dated_before, whole_qualified
from .sentence_reading import BREAKS_DOWN, figures_of, other_period, sentences_of, unit_of
from .stated_sides import side_cores

# a part's word followed by the whole's measure word (出口额, 进口总值): the text says the part alone (出口156.2亿元)
_MEASURE_TAIL = re.compile(r"(?:总额|总值|总量|额|值|量)$")
# what opens a clause a part's word may open: the sentence's start, a break, or 其中 after one
_CLAUSE_OPEN = r"(?:^|[，,；;：:]|其中[，,]?)\s*"
# between a part's word and its figure: nothing, the whole's measure word, or a verb of stating
_WORD_TO_FIGURE = re.compile(r"(?:总额|总值|总量|额|值|量)?(?:为|达|达到|是|共|计|约)?")


def part_words(comparison) -> tuple[str, str] | None:
    """The word telling each side apart when the sides are two parts of one whole: each side's core (what the two side
    questions do not share) ends in a word of two characters or more naming no place (出口 of "黄石出口", 进口 of
    "进口额"), the two words differ and neither holds the other."""
    cores = side_cores(comparison.side_questions, comparison.measure or "")
    if cores is None:
        return None
    words = []
    for core in cores:
        cut = [w for w, _ in pos_cut(core)]
        word = cut[-1] if cut else ""
        if len(word) > 2:
            word = _MEASURE_TAIL.sub("", word)
        if len(word) < 2 or re.search(r"[\d年月季]", word) or places_named(word) \
                or not (_place_before(cut[:-1]) or dated_before(cut[:-1])):
            return None
        words.append(word)
    if words[0] in words[1] or words[1] in words[0]:
        return None
    return words[0], words[1]


def _place_before(cut: list[str]) -> bool:
    """Whether the words of a side's core before its part word are at most the place asked (铜陵的, 全市, 黄石): nothing,
    a scope word, a name of two or three characters the tagger reads as a place or a person's (黄石|nr), 的 after it;
    not a qualifier telling the part apart (普通高中|招生)."""
    words = [w for w in cut if w != "的"]
    if not words:
        return True
    if len(words) > 1:
        return False
    word = words[0]
    return bool(re.fullmatch(r"[全我本该][省市县区州旗]", word)) or (
        2 <= len(word) <= 3 and dict(pos_cut(word)).get(word, "")[:2] in ("ns", "nr"))


# a run of months from January, however written (前10个月, 1至10月, 1—10月), and a single month (10月当月, 10月份)
_MONTHS_FROM_JANUARY = re.compile(r"前(\d{1,2})个?月|(?<![\d.])1(?:至|到|-|—|～)(\d{1,2})月")
_ONE_MONTH = re.compile(r"(?<![\d至到\-—～])(\d{1,2})月(?:当月|份)")


def _months(text: str) -> set[str]:
    found = {f"1-{a or b}" for a, b in _MONTHS_FROM_JANUARY.findall(text)}
    return found | {f"{m}" for m in _ONE_MONTH.findall(text)}


def _other_months(asked: str, context: str) -> bool:
    """Whether the sentence is of other months than the asked run (10月当月's figures for 前10个月)."""
    wanted, stated = _months(asked), _months(context)
    return bool(wanted and stated and not wanted & stated)


def _figure_after(sentence: str, word: str, spans) -> list:
    """The figures standing right after ``word`` where it opens a clause of ``sentence``."""
    found = []
    for m in re.finditer(_CLAUSE_OPEN + re.escape(word), sentence):
        nxt = next((sp for sp in spans if sp.start >= m.end()), None)
        if nxt is not None and _WORD_TO_FIGURE.fullmatch(sentence[m.end():nxt.start]):
            found.append(nxt)
    return found


def paired_parts(comparison, sides: tuple[Answer, Answer], hits: Sequence[Hit]) -> tuple[Answer, Answer] | None:
    """Both sides read from the first retrieved sentence stating the two parts one after the other, or None (also when
    the sides already answer from one sentence)."""
    if ablated("paired_parts") or comparison.dated or comparison.remainder:
        return None
    if all(not s.refused for s in sides) and sides[0].sentence and sides[0].sentence == sides[1].sentence:
        return None
    words = part_words(comparison)
    if words is None:
        return None
    words, qualifier = whole_qualified(words)  # "外贸出口" against "进口": 外贸 said of the whole
    analyses = [analyze_question(q) for q in comparison.side_questions]
    places = list(dict.fromkeys(analyses[0].entities + analyses[1].entities))
    asked = "".join(comparison.side_questions)
    placed = [hit for hit in hits if all(entity_said(e, paragraph_context(hit.paragraph)) for e in places)]
    for hit, m in sentences_of(placed):
        text = hit.paragraph.text
        sentence = m.group()
        if not all(w in sentence for w in words):
            continue
        context = text[:m.start()][-120:] + sentence if BREAKS_DOWN.match(sentence) else sentence
        if other_period(asked, context) or _other_months(asked, context) or qualifier not in text[:m.end()]:
            continue
        spans = figures_of(sentence, analyses[0])
        found = [_figure_after(sentence, w, spans) for w in words]
        if any(len(f) != 1 for f in found):
            continue
        a, b = found[0][0], found[1][0]
        if a.start == b.start or not unit_of(a) or unit_of(a) != unit_of(b):
            continue
        return tuple(  # type: ignore[return-value]
            Answer(question=comparison.side_questions[i], answer=sp.text, refused=False,
                   citations=(citation(1, hit, (m.start() + sp.start, m.start() + sp.end)),), short=sp.text,
                   sentence=sentence)
            for i, sp in enumerate((a, b))
        )
    return None
