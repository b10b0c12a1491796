"""Another subject's figure in a paragraph that lists several: "解放碑步行街春节假期的销售额是多少" is not answered by
"观音桥商圈实现销售额12.6亿元" when the same paragraph says "解放碑步行街假期接待游客623万人次", nor "瀍河回族区…旅游收入"
by "老城区接待游客587.9万人次，实现旅游收入48.6亿元" beside "涧西区、瀍河回族区分别接待游客…".

A paragraph going through places, venues or units one by one ("从商圈看，…；…", "从各区县看，…") gives each its own
clause, opened by its name. When the question's own words naming what it asks about (the longest run of its words the
paragraph says, ending in a noun) open a clause of the paragraph, but not the figure's sentence, and the figure's clause
(or, when that clause opens with a verb, its sentence) opens with another name — one ending in a kind character
(商圈, 中学, 高新区) or tagged a name, made of words the question does not say — the figure is that other subject's.
A 全省/全市 opening is another subject only when the asked words are no place of that level.
"""
from __future__ import annotations

import re

from ..question import QUANTITY, QuestionAnalysis, place_level, pos_cut
from ..scoring import Candidate
from ..settings import ablated
from .measure import _whole_clause
from .named import _OPENING

_CLAUSE_MARK = re.compile(r"[，,；;。！？!?：:\n]")
# a list's items open their own subjects: "其中蓝塘镇段7.2公里、凤安镇段6.5公里、水墩镇段4.9公里"
_ITEM_MARK = re.compile(r"[，,；;。！？!?：:\n、]")
_WORD_RUN = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]+")
# the last character of a name of a place, venue, unit or organisation (观音桥商圈, 临夏中学, 襄阳高新区)
_KIND = "区县市镇乡村旗港园站馆场圈街院司局厂校学"
_WHOLE = re.compile(r"全([省市县区州旗镇乡])")
_MIN_ASKED = 3  # characters of the asked words
_AT_OPENING = 8  # how far into its clause the asked words may stand and still open it ("位于蓬莱区的…产业园")
_NAME_SPAN = 16
_VERBS = ("v", "vd", "vi", "vg")
_MAX_GIVEN = 60  # how long the given text said from the sentence's subject may run


def _opening_name(clause: str) -> tuple[str, str | None] | None:
    """The subject a clause opens with, after its time or count words: (全X, X) for a scope, (name, None) for a name."""
    opening = _OPENING.match(clause)
    rest = clause[opening.end() if opening else 0:]
    whole = _WHOLE.match(rest)
    if whole:
        return whole.group(), whole.group(1)
    run = ""
    for word, flag in pos_cut(rest[:_NAME_SPAN]):
        if not (flag[:1] in ("n", "j") or flag == "eng"):
            break
        run += word
    if len(run) >= _MIN_ASKED and (run[-1] in _KIND or pos_cut(run)[0][1] in ("ns", "nt", "nz", "nr")):
        return run, None
    return None


def _core(name: str) -> str:
    """A name up to its first kind character, without it: 上饶 of 上饶市, 襄阳高新 of 襄阳高新区汽车产业, 水墩 of 水墩镇段
    (the question's 上饶 names the same subject)."""
    at = next((i for i, ch in enumerate(name) if ch in _KIND and i >= 2), len(name))
    return name[:at]


def _asked_words(question: str, paragraph: str) -> str:
    """The longest run of the question's words (at least three characters, ending in a noun) the paragraph says."""
    tokens, best = pos_cut(question), ""
    for i in range(len(tokens)):
        for j in range(i + 1, len(tokens) + 1):
            run = "".join(word for word, _ in tokens[i:j])
            if not _WORD_RUN.fullmatch(run) or run not in paragraph:
                break
            flag = tokens[j - 1][1]
            if len(run) >= _MIN_ASKED and len(run) > len(best) and (flag[:1] == "n" or flag in ("vn", "j", "eng")):
                best = run
    return best


def _opens_a_clause(words: str, text: str) -> bool:
    for found in re.finditer(re.escape(words), text):
        start = max([0] + [m.end() for m in _CLAUSE_MARK.finditer(text, 0, found.start())])
        if found.start() - start <= _AT_OPENING:
            return True
    return False


def sibling_subject(candidate: Candidate, analysis: QuestionAnalysis) -> str | None:
    """The candidate's figure clause when its paragraph gives the asked subject a clause of its own and the figure's
    clause or sentence opens with another subject; None otherwise. Quantity questions only."""
    if ablated("sibling_subject") or analysis.kind != QUANTITY or candidate.span is None:
        return None
    sentence, at = candidate.sentence, candidate.span.start
    said_from = -1  # where the given text opens when the subject opens the sentence, not the figure's clause
    paragraph = candidate.hit.paragraph.text
    clause_start = max([0] + [m.end() for m in _ITEM_MARK.finditer(sentence, 0, at)])
    clause = sentence[clause_start:at]
    subject = _opening_name(clause)
    if subject is None:
        opening = _OPENING.match(clause)
        first = pos_cut(clause[opening.end() if opening else 0:])
        if not first or first[0][1] not in _VERBS:
            return None
        start = max([0] + [m.end() for m in re.finditer(r"[；;]", sentence[:at])])
        for part in _CLAUSE_MARK.split(sentence[start:at]):
            opening = _OPENING.match(part)
            if part[opening.end() if opening else 0:].strip():
                subject = _opening_name(part)
                said_from = sentence.find(part, start)
                break
    if subject is None:
        return None
    asked = _asked_words(analysis.text, paragraph)
    # the figure's own part of its sentence: a "；" opens the next subject's part ("…；观音桥商圈实现销售额…")
    part_start = max([0] + [m.end() for m in re.finditer(r"[；;]", sentence[:at])])
    part_end = next((m.start() for m in re.finditer(r"[；;]", sentence[at:])), len(sentence) - at) + at
    if not asked or asked in sentence[part_start:part_end] or not _opens_a_clause(asked, paragraph):
        return None
    name, level = subject
    if level is not None:
        if place_level(asked) == level:
            return None
    elif name in analysis.text or asked in name or all(w in analysis.text for w, _ in pos_cut(name) if len(w) >= 2) \
            or _core(name) in analysis.text:
        return None
    given = _whole_clause(sentence, candidate.span)
    # said from the subject (文中只有：老城区接待游客587.9万人次，实现旅游收入48.6亿元)
    end = sentence.find(given) + len(given)
    if 0 <= said_from < end and end - said_from <= _MAX_GIVEN and sentence.find(given) >= 0:
        return sentence[said_from:end]
    return given
