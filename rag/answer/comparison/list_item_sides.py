"""A refused comparison side read from the list item its answered side stands in.

A roundup breaks a figure down by its members in one sentence, one item each, separated by ；(or by ，where the
next clause opens with the next name), and names the measure once, in the list's lead or its first item:

    分县市区看，齐河县粮食总产28.6亿斤，继续居全市首位；陵城区21.7亿斤，禹城市19.4亿斤……
    桥东区计划改造86个，已完工79个；桥西区计划改造74个，已完工69个；……

The later items say only who and the figures, so a side asked of one of them ("陵城区打的粮食") finds no clause
saying the measure and is refused, while the other side ("齐河县") is answered from the very list. Both are items of
one list: the refused side's figure is the one at the same place of its own item, in the same unit (the second
个 of 桥西区's item, as 79个 is the second 个 of 桥东区's). Nothing is read when the items are not of the same shape
(another count of figures in that unit), or when the refused side opens no item of that sentence.

One more reading of the same layout: an answered side holding another member's figure (the first item's, the only
one saying the measure) moves to its own item (``own_item_side``).
"""
from __future__ import annotations

import re
from typing import Sequence

from ...schema import Answer, Hit
from ..compose import citation
from ..question import analyze_question, coverage, pos_cut
from ..settings import ablated
from .anchors import PERIOD, is_time_word
from .sentence_reading import LIST_OPENING, SENTENCE, figures_of, named_at, unit_of

# a clause of a list opening with the next member's name: a place of some level (禹城市, 溪南作业区, 孙家集街道)
_PLACE_OPENING = re.compile(r"^(?![全本该各其居占位])[\u4e00-\u9fff]{1,6}?(?:街道|作业区|港区|[省市县区州镇乡村旗])")
_NOT_NAME_AFTER = re.compile(r"^(?:[场民长委级域内外政])")
# the words opening a list by its members ("分镇街看，", "从各县市情况看，"), before the first member's name
_LIST_LEAD = re.compile(r"^[^，,；;。\d]{0,12}(?:看|来看|而言|来说)[，,：:]")


def _item_text(text: str) -> str:
    return LIST_OPENING.sub("", _LIST_LEAD.sub("", text.lstrip("，,；;"))).lstrip("，,")


def opens_with_name(clause: str) -> bool:
    """Whether ``clause`` opens with a member's name as a list item does (a place of some level)."""
    clause = _item_text(clause)
    m = _PLACE_OPENING.match(clause)
    if m and not _NOT_NAME_AFTER.match(clause[m.end():]):
        return True
    words = pos_cut(clause[:12])
    return bool(words) and words[0][1] == "ns" and len(words[0][0]) >= 2


def list_items(sentence: str) -> list[tuple[int, int]]:
    """The items of a list ``sentence`` breaks down by members: cut at every ；and at every ，opening a clause
    with a place name. A sentence with fewer than two items opening with a name is no such list ([])."""
    cuts = [0]
    for m in re.finditer(r"[；;，,]", sentence):
        if m.group() in "；;" or opens_with_name(sentence[m.end():]):
            cuts.append(m.end())
    items = [(a, b) for a, b in zip(cuts, cuts[1:] + [len(sentence)]) if b > a]
    if len(items) > 1 and not re.search(r"\d", sentence[items[0][0]:items[0][1]]):
        items = [(0, items[1][1])] + items[2:]  # the list's lead ("分县区看，") opens its first item
    named = [1 for a, b in items if opens_with_name(sentence[a:b])]
    return items if len(named) >= 2 else []


def _item_of(sentence: str, items: list[tuple[int, int]], name: str) -> tuple[int, int] | None:
    """The one item opening with ``name``, or with what the name says after a place opening it (寿光古城街道's item
    opens 古城街道 in a list of 寿光's towns)."""
    named = _PLACE_OPENING.match(name)
    names = [name]
    if named and named.end() < len(name):  # "化龙镇新建改造": the side took the shared verb, its item opens 化龙镇
        names.append(named.group())
    for cut in (2, 3):  # "寿光古城街道": a place of the list's own city before the member's name
        rest = name[cut:]
        if len(rest) >= 3 and _PLACE_OPENING.fullmatch(rest):
            names.append(rest)
    for asked in names:
        found = [(a, b) for a, b in items if named_at(_item_text(sentence[a:b]), asked)]
        if found:
            return found[0] if len(found) == 1 else None
    return None


def list_item_named(sentence: str, items: list[tuple[int, int]], name: str) -> bool:
    """Whether one item of the list ``sentence`` (cut as ``items``) opens with ``name``."""
    return _item_of(sentence, items, name) is not None


def own_item_side(answered: Answer, name: str, hits: Sequence[Hit]) -> Answer | None:
    """``answered`` moved to its own item: a side answered with another member's figure of a list (化龙镇 answered
    with the first item's 稻田镇…2134个, the only one saying the measure) takes the figure at the same place of the
    item opening with its ``name``; None when the figure is its own already or no such item is there."""
    if ablated("list_item_side") or answered.refused or not answered.citations or len(name) < 2:
        return None
    return _read_item(answered, answered, name, hits)


def list_item_side(answered: Answer, refused: Answer, name: str, hits: Sequence[Hit]) -> Answer | None:
    """``refused``'s answer read from the list item named ``name`` in the sentence ``answered`` took its figure from,
    at the same place among the same unit's figures; None when that sentence is no list or the items differ."""
    if ablated("list_item_side") or answered.refused or not answered.citations or len(name) < 2:
        return None
    return _read_item(answered, refused, name, hits)


# what a near-miss refusal quotes: "文中只有：察布查尔锡伯自治县粮食产量72.4万吨" (rag.answer.compose.near_miss_refusal)
_GIVEN = "文中只有："


def refused_own_item(refused: Answer, name: str, hits: Sequence[Hit]) -> Answer | None:
    """A side refused for another member's figure of a roundup takes its own item's: the side's question found the
    list's first item, the only one saying the measure ("分县市看，察布查尔锡伯自治县粮食产量72.4万吨，居州直首位；伊宁县
    68.5万吨，霍城县55.2万吨"), and the near-miss check refused it for its place (the first check, run on the words
    before the figure: another member's name opens the item). The figure at the same place of the item opening with
    the side's ``name``, in the same unit, is the side's (``_read_item``). Only a near-miss refusal (its note quotes
    the highlighted clause of [1], nothing else: the sentence covered the question, only its figure was refused)
    whose clause holds one figure; None otherwise."""
    if ablated("refused_own_item") or ablated("list_item_side") or not refused.refused or not refused.citations \
            or len(name) < 2:
        return None
    cited = refused.citations[0]
    start, end = cited.text_answer_start, cited.text_answer_end
    if start is None or end is None or refused.note != f"{_GIVEN}{cited.text[start:end]}":
        return None
    given = cited.text[start:end]
    if not opens_with_name(given) or named_at(_item_text(given), name):
        return None  # not another member's item
    figures = [sp for sp in figures_of(given, analyze_question(refused.question)) if unit_of(sp)]
    if len(figures) != 1:
        return None
    # the list's lead says what the side asks, besides its name and period ("城镇新增就业", "打的粮食" by 粮食产量), at
    # least half of it: a near miss is refused by its place first, before any check of its measure, so a list of
    # 粮食产量 may have been the closest for 播种面积 asked too
    sentence_start = max(cited.text.rfind(mark, 0, start) for mark in "。！？!?\n") + 1
    if coverage([_asked_besides(refused.question, name)], cited.text[sentence_start:end]) < MIN_LEAD_MEASURE:
        return None
    return _read_item(refused, refused, name, hits, at=start + figures[0].start)


# how much of what a side asks besides its name and period the list's lead must say (character bigrams)
MIN_LEAD_MEASURE = 0.5
_ASKING_TAIL = re.compile(r"(?:是)?多少[^\d\s]{0,3}$")
_MONTHS = re.compile(r"前(?:\d{1,2}|[一二两三四五六七八九十]{1,2})个月")


def _asked_besides(question: str, name: str) -> str:
    """What a side's ``question`` asks besides its member's ``name``, its period words and the asking tail, without
    的 ("前10个月阳谷县城镇新增就业多少人" asks 城镇新增就业; "伊宁县去年打的粮食多少" 打粮食)."""
    place = _PLACE_OPENING.match(name)
    asked = _ASKING_TAIL.sub("", question).replace(place.group() if place else name, "", 1)
    asked = _MONTHS.sub("", PERIOD.sub("", asked))
    words = [word for word, flag in pos_cut(asked) if not (is_time_word(word, flag) or PERIOD.fullmatch(word))]
    return "".join(words).replace("的", "")


def _read_item(answered: Answer, refused: Answer, name: str, hits: Sequence[Hit], at: int | None = None) -> Answer | None:
    cited = answered.citations[0]
    text, at = cited.text, cited.text_answer_start if at is None else at
    hit = next((h for h in hits if (h.paragraph.source, h.paragraph.number) == (cited.source, cited.paragraph)), None)
    if at is None or hit is None:
        return None
    sentence_match = next((m for m in SENTENCE.finditer(text) if m.start() <= at < m.end()), None)
    if sentence_match is None:
        return None
    sentence, offset = sentence_match.group(), sentence_match.start()
    items = [(offset + a, offset + b) for a, b in list_items(sentence)]
    other = _item_of(text, items, name)
    own = next(((a, b) for a, b in items if a <= at < b), None)
    if own is None or other is None or own == other or not opens_with_name(text[own[0]:own[1]]):
        return None
    analysis = analyze_question(refused.question)
    spans = figures_of(text, analysis)
    mine = next((sp for sp in spans if sp.start <= at < sp.end), None)
    if mine is None or not unit_of(mine):
        return None
    unit = unit_of(mine)
    own_figures = [sp for sp in spans if own[0] <= sp.start and sp.end <= own[1] and unit_of(sp) == unit]
    other_figures = [sp for sp in spans if other[0] <= sp.start and sp.end <= other[1] and unit_of(sp) == unit]
    if len(own_figures) != len(other_figures) or mine not in own_figures:
        return None
    figure = other_figures[own_figures.index(mine)]
    return Answer(
        question=refused.question, answer=figure.text, refused=False,
        citations=(citation(1, hit, (figure.start, figure.end)),),
        short=figure.text, sentence=text[other[0]:other[1]],
    )
