"""What one retrieved sentence states, as the comparison's sentence readers see it: its sentences (``sentences_of``),
its figures with any unit (``figures_of``, ``unit_of``), the years and parts of the year it is dated by
(``other_period``), and where it names a side (``mentions``, ``named_at``: the side's name or its full form, 十堰经开区
of 十堰经济技术开发区, 芷江侗族自治县 of 芷江县). Shared by ``stated_sides``, ``paired_parts``, ``list_item_sides`` and
``baseline_side``.
"""
from __future__ import annotations

import re
from typing import Sequence

from ...places import autonomous_form
from ...schema import Hit
from ..settings import ablated
from ..spans import Span, quantity_spans

SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]?")
LIST_OPENING = re.compile(r"^(?:其中|此外|另外|而|分区域看|分区县看|从[^，]{1,8}看)")

# a sentence opening with 其中 breaks down the figure the sentence before states: its measure is said there
BREAKS_DOWN = re.compile(r"^\s*其中")

_YEAR = re.compile(r"(?<!\d)(20\d\d)年")
# a part of the year (上半年, 一季度, 前三季度, 1至8月): a sentence stating only other parts is of another period
_PART_OF_YEAR = re.compile(r"[上下]半年|前[一二三]季度|第?[一二三四1-4]季度|\d{1,2}(?:至|-|—)\d{1,2}月|前\d{1,2}个?月|全年")


def other_period(asked: str, sentence: str) -> bool:
    """Whether ``sentence`` is dated by other years or parts of the year than the ``asked`` ones (and none of them)."""
    for pattern in (_YEAR, _PART_OF_YEAR):
        wanted, stated = set(pattern.findall(asked)), set(pattern.findall(sentence))
        if wanted and stated and not wanted & stated:
            return True
    return False

# a figure with any unit written up to the next break ("612万千瓦，", "8.93亿斤和", "5.37亿美元；"): roundups list
# figures in units the answer stage's unit list may not have
_FIGURE = re.compile(r"(?<![\d.])(?P<num>\d+(?:\.\d+)?)(?P<mult>万亿|亿|万|千|百)?(?P<unit>[^\d\s，,；;。：:、和及与（()）“”]{1,4}?)"
                     r"(?=[，,；;。：:、和及与（()）]|同比|$)")


def figures_of(sentence: str, analysis) -> list[Span]:
    """The figures of ``sentence``: the answer stage's quantities and any number with a unit up to a break."""
    spans = {sp.start: sp for sp in quantity_spans(sentence, analysis)}
    for m in _FIGURE.finditer(sentence):
        if m.start() in spans or any(sp.start < m.start() < sp.end for sp in spans.values()):
            continue
        if m.group("unit")[0] in "年月日号时" or m.group("unit").startswith(("多", "余")):
            continue  # dates and rough counts are not the figures listed
        spans[m.start()] = Span(m.start(), m.end(), m.group(), 0.0)
    return sorted(spans.values(), key=lambda sp: sp.start)



def is_name_of(item: str, name: str) -> bool:
    """Whether a name of the text (``item``) is the side ``name``: the same, ending with it ("其中潮阳区"), or its
    full form (the side's characters in order, the same first two and the same last one: 十堰经开区 of
    十堰经济技术开发区)."""
    if len(name) < 2:
        return False
    if item.endswith(name):
        return True
    if _autonomous_end(item, name):
        return True
    if len(name) < 4 or not (item.startswith(name[:2]) and item.endswith(name[-1])) \
            or not len(name) + 2 <= len(item) <= 2 * len(name) + 2:
        return False
    rest = iter(item)
    return all(ch in rest for ch in name)


def _autonomous_end(item: str, name: str) -> bool:
    """Whether ``item`` ends with the full autonomous form of the side ``name`` (a county named short, 芷江县, listed as
    "芷江侗族自治县" or "其中威宁自治县")."""
    return not ablated("autonomous_sides") and any(autonomous_form(name, item[i:]) == len(item) - i for i in range(len(item) - len(name) + 1))


_NOT_IN_NAME = re.compile(r"[\d，,；;：:。、]")


def named_at(text: str, name: str) -> int | None:
    """Where ``text`` opens with ``name`` (or its full form), the length of that name; else None."""
    if text.startswith(name):
        return len(name)
    if not ablated("autonomous_sides"):  # 芷江县 written in full: "芷江侗族自治县为92.7%"
        full = autonomous_form(name, text)
        if full is not None:
            return full
    # a full form is one name: no figure or break inside ("有15个；左里镇" opens with no 左里镇)
    return next((n for n in range(len(name) + 2, min(len(text), 2 * len(name) + 2) + 1)
                 if is_name_of(text[:n], name) and (ablated("full_form_one_name") or not _NOT_IN_NAME.search(text[:n]))), None)



def mentions(sentence: str, name: str) -> bool:
    """Whether ``sentence`` names ``name`` (or its full form)."""
    return name in sentence or any(named_at(sentence[m.start():], name) for m in re.finditer(re.escape(name[:2]), sentence))



def unit_of(span: Span) -> str:
    return re.sub(r"^[^\d]*[\d.,]+[万亿千百]?", "", span.text)



def sentences_of(hits: Sequence[Hit]):
    """(hit, sentence match) of each sentence of each retrieved paragraph, a paragraph retrieved twice read once."""
    seen = set()
    for hit in hits:
        key = (hit.paragraph.source, hit.paragraph.number)
        if key not in seen:
            seen.add(key)
            yield from ((hit, m) for m in SENTENCE.finditer(hit.paragraph.text))
