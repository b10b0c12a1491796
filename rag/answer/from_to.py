"""A change asked of one measure, answered from the sentence that states where it went from and to.

"中车株机公司海外运维服务网点一年里增加了几个？", "老年病床位比原来多了多少张？", "养老服务中心从2024年底到
2025年底增加了多少个？" ask how much one measure changed. Articles often state no change figure, only the
two ends: "运维服务网点由2024年底的16个增加到去年底的22个". When the ordinary answer finds no figure of
the change, the retrieved paragraphs are read for such a from–to sentence (``comparison.from_to_ends.all_from_to_figures``)
whose words cover what the question names, whose change goes the way asked (增加 up, 减少 down), and the
answer is the later figure less the earlier, in their unit, citing that paragraph.
"""
from __future__ import annotations

import re
from typing import Sequence

from ..schema import Answer, Hit
from .comparison.from_to_ends import all_from_to_figures
from .comparison.values import difference_text, figure_of
from .compose import citation
from .question import analyze_question, coverage
from .settings import ablated

# the change asked: its verb (the direction) and 多少/几 with the unit after it
_ASKED = re.compile(
    r"(?P<verb>增加|提高|增长|上升|扩大|增多|新增|减少|下降|降低|缩小|缩减|缩短|延长|多|少)了?(?:多少|几)(?P<unit>[^吗？?，,。]{0,4})[吗？?。]*$"
)
_UP = ("增加", "提高", "增长", "上升", "扩大", "增多", "新增", "多", "延长")
# words of the question that say only "over what time" the change is asked, not what changed
_SPAN_WORDS = re.compile(r"从.{1,12}?(?:到|至)(?:现在|目前|如今|.{1,12}?(?=[增提减下降上扩缩多少新延]|$))|比(?:原来|以前|过去|之前|改造前|建成前|投用前)"
                         r"|一年(?:里|来|间|中)?|这几年|近几年|每月|每年|[？?]")
# how much of what the question names (its content words) the from–to clause must say
MIN_COVERAGE = 0.6
_SENTENCES = re.compile(r"[^。！？!?；;]+[。！？!?；;]?")


def asks_change(question: str) -> bool:
    """Whether ``question`` asks how much one measure changed ("…增加了几个", "…比原来多了多少张")."""
    return not ablated("from_to_change") and bool(_ASKED.search((question or "").strip()))


def answers_an_end(question: str, answer: Answer) -> bool:
    """Whether ``answer`` to a question asking a change ("比去年缩短了多少") is only one end of a from–to change its
    sentence states ("由去年的4.5小时压缩至2.8小时": 4.5小时 is a level, not how much it changed)."""
    if answer.refused or not answer.short or not answer.sentence or not asks_change(question):
        return False
    ends = all_from_to_figures(answer.sentence, analyze_question(question))
    return any(answer.short in (earlier.text, later.text) for earlier, later in ends)


def _named(question: str) -> str:
    """What the question names, without the change asked and the span of time it is asked over."""
    match = _ASKED.search(question)
    text = question[:match.start()] if match else question
    return _SPAN_WORDS.sub("", text)


def from_to_answer(question: str, hits: Sequence[Hit]) -> Answer | None:
    """The change ``question`` asks, read from the best from–to sentence of ``hits``; None when no sentence
    states both ends of the change of what the question names, going the way asked."""
    if not asks_change(question):
        return None
    match = _ASKED.search(question.strip())
    up = match.group("verb") in _UP
    analysis = analyze_question(question)
    named = _named(question.strip())
    best = None
    for rank, hit in enumerate(hits[:5]):
        text = hit.paragraph.text
        context = f"{hit.paragraph.title or ''}{hit.paragraph.setting or ''}{text}"
        if any(entity not in context for entity in analysis.entities):
            continue  # the question's place or body is not this paragraph's
        for found in _SENTENCES.finditer(text):
            sentence = found.group()
            for ends in all_from_to_figures(sentence, analysis):  # "用工由42人减少到15人，日产量却由8万件增加到12万件"
                earlier, later = (figure_of(span.text) for span in ends)
                if earlier is None or later is None or earlier.unit != later.unit or later.value == earlier.value \
                        or (later.value > earlier.value) != up:
                    continue
                said = coverage([named], sentence[:ends[1].end])
                if said < MIN_COVERAGE:
                    continue
                key = (said, -rank)
                if best is None or key > best[:2]:
                    best = (said, -rank, hit, sentence, found.start(), ends, (earlier, later))
    if best is None:
        return None
    _, _, hit, sentence, at, ends, (earlier, later) = best
    change = difference_text(later, earlier)
    unit = match.group("unit").strip()
    if unit and re.fullmatch(r"[\d.]+[万亿]?", change) and unit not in ("钱",):
        change += unit
    start, end = at + ends[0].start, at + ends[1].end
    clause = max((sentence.rfind(c, 0, ends[0].start) for c in "，,：:；;"), default=-1) + 1
    stated = sentence[clause:ends[1].end]
    body = f"{match.group('verb')}了{change}（{stated}[1]，相减得出）。"
    return Answer(question=question, answer=body, refused=False, citations=(citation(1, hit, (start, end)),), short=change,
                  sentence=sentence)
