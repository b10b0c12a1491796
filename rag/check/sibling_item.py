"""The claim's value given to the item beside the one it names, in one sentence listing both (``sibling_item``).

A report breaks a whole down into items of one measure, one clause each, in one sentence:

    "其中，职工基本医疗保险参保56.3万人，城乡居民基本医疗保险参保68.4万人。"
    "其中，出口124.3亿元，同比增长13.8%；进口62.4亿元，同比增长1.6%。"
    "分县区看，伊州区接待游客21.3万人次，巴里坤县接待11.8万人次，伊吾县接待5.5万人次。"

A claim that gives one item the other's value ("职工基本医疗保险参保人数达到68.4万人", "外贸进口额为124.3亿元") names its own
item in the words before its figure, and the article gives that item another value in the same sentence: 不一致, ``found``
the article's figure for the item the claim names. The binding stages alone only say the claim's value is another item's
(未找到), and ``own_subject`` reads places and periods only, not the items of one measure (职工 / 城乡居民, 出口 / 进口).

What tells the items apart is read from the two clauses themselves: the words (two characters or more, jieba) of the
clause before the other figure that the claim's value's clause lacks, and those the other way round. Only where the claim
says every word of the item it names and leaves out a word of the item its value belongs to is anything concluded; the
item named must give a figure of the claim's unit with another value, and the claim's clause and both items must tell the
same direction (none, or the same rise or fall): a value told the other way is a 方向 slip, not another item's. Two figures
with 其中 or 包括 between them are a whole and its part ("博物馆今年接待观众42.8万人次，其中…特展接待观众18.6万人次"), no
siblings; an item's figure closes its clause ("完成年度目标任务3500公里的24.7%" is no item's); a clause whose words differ
from the other's only by a change word ("，同比增长19.6%") names no item. Read only for a claim left 未找到, in the first
retrieved paragraphs, and only at the claim's very value: never from a number that merely stands near similar words.
``RAG_CHECK_ABLATE=sibling_item`` switches it off.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Sequence

from .claims import places_in
from .compare import units_match, value_satisfies
from .figures import find_figures
from .measure import direction
from .report import CONTRADICTED, Claim

if TYPE_CHECKING:
    from ..schema import Hit, Paragraph
    from .verify import Verdict

HITS_READ = 5
_CLAUSE_END = re.compile(r"[，,；;：:]")
# words that open an item or reach its figure, and say nothing of which item it is
_FILLER = re.compile(r"^(?:其中|分别|达到|达|为|是|共|共计|累计|合计|约|超过|突破|实现|完成|同比|今年|去年|全年|有|已)$")
_WORD = re.compile(r"[\u4e00-\u9fff]{2,}")
_ITEM_END = set("，,；;。！？!?、（(") | {""}
_PART_OPENS = re.compile(r"其中|包括")  # between two figures: the second is a part of the first
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")  # (a list's items may be cut by ；: one sentence runs to its full stop)


def _words(text: str) -> set[str]:
    import jieba

    return {w for w in jieba.cut(text) if _WORD.fullmatch(w) and not _FILLER.match(w)}


def _clause_start(sentence: str, at: int) -> int:
    return max((m.end() for m in _CLAUSE_END.finditer(sentence, 0, at)), default=0)


def _items(sentence: str, stated) -> list[tuple[int, object, str]]:
    """Each clause's first figure of the claim's unit with the clause's words before it: (offset, figure, head)."""
    out, seen = [], set()
    for figure in find_figures(sentence):
        if figure.kind != "figure" or not units_match(stated, figure):
            continue
        if sentence[figure.end:figure.end + 1] not in _ITEM_END:
            continue  # an item's figure closes its clause: "完成年度目标任务3500公里的24.7%" says no item's 3500公里
        start = _clause_start(sentence, figure.start)
        if start in seen:
            continue
        seen.add(start)
        head = sentence[start:figure.start]
        if find_figures(head):
            continue  # (the clause's words before the figure hold another figure: no item of a list)
        out.append((figure.start, figure, head))
    return out


def sibling_item_figure(claim: Claim, hits: Sequence["Hit"]) -> "Verdict | None":
    """A 不一致 with the figure the article gives the item the claim names, where the claim's value is the figure of the
    item beside it in one sentence (module doc), else None."""
    from .verify import Verdict

    stated = claim.figure
    if claim.kind != "figure" or stated is None or stated.kind != "figure":
        return None
    before = claim.sentence[:claim.stated_start - claim.sentence_start]
    before = before[_clause_start(before, len(before)):]  # the claim's own clause: "…1562.8万吨，比上年多出" names no item
    if any(f.kind == "figure" for f in find_figures(before)):
        return None  # (a date, "1—11月", is no other figure)
    way = direction(before)
    for hit in hits[:HITS_READ]:
        paragraph: "Paragraph" = hit.paragraph
        text = paragraph.text
        for m in _SENTENCE.finditer(text):
            s_start, sentence = m.start(), m.group()
            items = _items(sentence, stated)
            anchors = [item for item in items if value_satisfies(stated, item[1])]
            if len(items) < 2 or len(anchors) != 1:
                continue
            a_at, _, a_head = anchors[0]
            if direction(a_head) != way:
                continue  # (a value told the other way, or a change for a level, is another reading's: 方向)
            a_words = _words(a_head)
            named = []
            for at, figure, head in items:
                if at == a_at or value_satisfies(stated, figure) or direction(head) != way:
                    continue
                if _PART_OPENS.search(sentence[min(at, a_at):max(at, a_at)]):
                    continue  # "博物馆今年接待观众42.8万人次，其中…特展接待观众18.6万人次": a whole and its part, no siblings
                b_words = _words(head)
                own, others = b_words - a_words, a_words - b_words
                if not any(direction(w) is None for w in own) or not any(direction(w) is None for w in others):
                    continue  # (a head of a change alone, "，同比增长19.6%", names no item: its item is the clause before)
                if own and others and all(w in before for w in own) and any(w not in before for w in others):
                    named.append((at, figure, own))
            if len(named) != 1:
                continue  # (no item the claim names, or more than one: nothing to tell it by)
            at, figure, own = named[0]
            differs = "地点" if any(places_in(w) for w in own) else "名称"
            start = s_start + at
            end = start + (figure.end - figure.start)
            said = text[s_start + _clause_start(sentence, at):end]
            return Verdict(CONTRADICTED, f"资料写的是“{said}”：{figure.written}，而不是{claim.stated}（{claim.stated}是另一项的数字）。",
                           found=figure.written, differs=differs, evidence=((paragraph, start, end),))
    return None
