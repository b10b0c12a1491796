"""A place under the wrong parent: "大通县哈拉直沟乡" where the article writes "互助县哈拉直沟乡".

Drafts name a small place with the county or city it belongs to. When the article writes the same small
place (乡, 镇, 街道, 社区, 村) right after another place of the same level as the draft's (县 and 县, 市 and
市), and never says the draft's one, the draft has put it under the wrong parent: a contradiction of where
(地点), whatever the rest of the claim says. Read only when the claim's own check concluded nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Sequence

from ..schema import Hit, Paragraph

PARENT_SUFFIX = "省市县区州旗"
CHILD = re.compile(r"[\u4e00-\u9fff]{2,6}?(?:街道|社区|乡|镇|村)")
NOT_A_NAME = re.compile(r"[一二三四五六七八九十百千万全首各该本每季度年月日个家所城农]")  # "一季度城镇", "各乡镇"
_RUN_BEFORE = re.compile(r"[\u4e00-\u9fff]{1,8}$")  # what is written right before a place, back to punctuation
CORE = 2  # characters of a parent's name before its suffix that are compared ("大通"县, "南通"市)


@dataclass(frozen=True)
class WrongParent:
    stated: str  # the draft's parent, as "大通县"
    found: str  # the article's, as "互助县"
    paragraph: Paragraph
    at: int  # offset of the article's parent in the paragraph text, -1 when it stands in the title or lead only


def chains(sentence: str) -> list[tuple[str, str]]:
    """(parent, child) pairs written together in a sentence: ("大通县", "哈拉直沟乡"), ("南通市", "海连社区")."""
    found = []
    for match in CHILD.finditer(sentence):
        start = match.start()
        # the child starts right after a parent's suffix; a longer run may begin earlier ("江苏南通市海连社区")
        for at in range(start, match.end() - 2):
            if at > CORE and sentence[at - 1] in PARENT_SUFFIX:
                child = sentence[at:match.end()]
                if not NOT_A_NAME.search(child[:-1]) and len(child) >= 3:
                    found.append((sentence[at - CORE - 1:at], child))
                break
    return found


def _parent_before(text: str, at: int, suffix: str) -> str | None:
    """The place written right before ``text[at:]`` when it ends with ``suffix``: the words since the last
    punctuation when they are short ("…——互助县" → "互助县", "、江苏连云港市"), else its last characters."""
    run = _RUN_BEFORE.search(text[:at])
    if not run or not run.group().endswith(suffix) or len(run.group()) < CORE + 1:
        return None
    return run.group() if len(run.group()) <= 6 else run.group()[-(CORE + 1):]


def wrong_parent(sentence: str, hits: Sequence[Hit], context_of: Callable[[Paragraph], str]) -> WrongParent | None:
    """The first of the sentence's (parent, child) places that an article writes under another parent."""
    for stated, child in chains(sentence):
        for hit in hits:
            context = context_of(hit.paragraph)
            if stated[:CORE] in context:
                continue  # the article says the draft's parent too: nothing to conclude
            start = context.find(child)
            while start >= 0:
                found = _parent_before(context, start, stated[-1])
                if found and found[-CORE - 1:-1] not in sentence:
                    text = hit.paragraph.text
                    at = text.find(found + child)
                    at = at if at >= 0 else text.find(found)  # the title writes the chain, the paragraph the parent alone
                    return WrongParent(stated, found, hit.paragraph, at)
                start = context.find(child, start + 1)
    return None
