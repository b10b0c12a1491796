"""Claims of a direction without a number: "城东区逐年压减社会救助财政投入", "新增工程应提高存储比例".

A clause with no figure and no name that says something went up or down (``measure.UP`` / ``DOWN``) of a
named object is a claim of its own. It is checked in the article paragraph that says the claim's words
(a compound also by its head: "效率" for "办事效率"), at a direction word whose own object (the words after
it, up to the end of its clause or the next direction word) holds the head of the claim's object (its last
word: "财政投入" of "社会救助财政投入"): the opposite direction makes it 不一致 (方向); the same one makes it
一致 only when that sentence says the claim's words and the word governs its whole object; else 未找到.
"""
from __future__ import annotations

import re
from typing import Callable, Sequence

from ..schema import Hit, Paragraph
from ..sentences import split_sentences
from .measure import DOWN, UP, direction, measure_words, share_present_heads
from .report import CONTRADICTED, NOT_FOUND, SUPPORTED, Claim

DIRECTION_WORD = re.compile("|".join(sorted((*UP, *DOWN), key=len, reverse=True)))
_OBJECT_END = re.compile(r"[，,。；;：:！？!?]")
NOT_DIRECTIONS = ("增长点", "增加值", "下降期")  # nouns made of a direction word

FRAME_TO_CONTRADICT = 0.75  # share of the claim clause's words the article (title and paragraph) must say
OBJECT_TO_SUPPORT = 0.8  # share of the claim's object words the article's direction word must govern to confirm it
FRAME_TO_SUPPORT = 0.8  # ... and of the claim clause's words its sentence must say


def _object_after(text: str, end: int) -> str:
    """What a direction word at ``text[:end]`` governs: the words after it, to its clause's end or the next direction word."""
    stop = _OBJECT_END.search(text, end)
    window = text[end: stop.start() if stop else len(text)]
    other = DIRECTION_WORD.search(window)
    return window[: other.start()] if other else window


def direction_in(clause: str, places: Sequence[str] = ()) -> tuple[int, int] | None:
    """Where a figure-free clause states a direction of something it names ("压减社会救助财政投入"), else None."""
    for match in DIRECTION_WORD.finditer(clause):
        if any(clause.startswith(noun, match.start()) for noun in NOT_DIRECTIONS):
            continue
        if measure_words(_object_after(clause, match.end()), places):
            return match.start(), match.end()
    return None


def verify_direction(claim: Claim, hits: Sequence[Hit], context_of: Callable[[Paragraph], str]):
    """A direction claim against the article sentences (returns a ``verify.Verdict``)."""
    from .subject import place_in  # subject and verify read claims, which finds direction claims with this module
    from .verify import Verdict

    at = claim.stated_start - claim.start
    objects = measure_words(_object_after(claim.text, at + len(claim.stated)), claim.places)
    frame = measure_words(claim.text[:at] + " " + claim.text[at + len(claim.stated):], claim.places)
    stated = direction(claim.stated)
    related = tuple(hit.paragraph for hit in hits[:2])
    for hit in hits:
        paragraph = hit.paragraph
        text = paragraph.text
        context = context_of(paragraph)
        if not objects or not all(place_in(place, context) for place in claim.places):
            continue
        said = share_present_heads(frame, context)
        if said < FRAME_TO_CONTRADICT:
            continue
        for s_start, s_end in split_sentences(text):
            sentence = text[s_start:s_end]
            for match in DIRECTION_WORD.finditer(sentence):
                governed = _object_after(sentence, match.end())
                if not share_present_heads(objects[-1:], governed):
                    continue  # the head of the claim's object (its last word) is what the article's word governs
                found = (match.group() + governed).strip()
                span = ((paragraph, s_start + match.start(), s_start + match.end() + len(governed)),)
                if direction(match.group()) != stated:
                    return Verdict(CONTRADICTED, f"资料写的是“{found}”，而不是“{claim.stated}”（方向不同）。",
                                   found=found, differs="方向", evidence=span)
                if share_present_heads(objects, governed) >= OBJECT_TO_SUPPORT and share_present_heads(frame, sentence) >= FRAME_TO_SUPPORT:
                    return Verdict(SUPPORTED, f"资料写的是“{sentence.strip()[:80]}”，与“{claim.stated}”一致。", found=found, evidence=span)
    return Verdict(NOT_FOUND, f"检索到的资料里没有说到“{claim.text}”的增减。", related=related)


# ----------------------------------------------------------------------------- a figure's direction in its slot
# "水土流失面积比上年增加8.5%" against "果园水土流失面积比上年下降8.5%": the same figure, right after a direction word,
# with the claim's words before it: the opposite direction is 不一致 on 方向 (the same one concludes nothing here)
_DIRECTION_BEFORE = re.compile("(?P<word>" + DIRECTION_WORD.pattern + r")了?(?:达到|达|到|至)?$")
SLOT_WORDS_SAID = 0.75  # share of the claim's words before its direction word the article clause must say


def opposite_at_figure(claim: Claim, hits: Sequence[Hit], context_of: Callable[[Paragraph], str]):
    """A 不一致 on 方向 where the article says the claim's figure, of the claim's measure, in the other direction; else None."""
    from .verify import Verdict

    if claim.kind != "figure" or not claim.stated:
        return None
    at = claim.stated_start - claim.sentence_start
    before = claim.sentence[:at]
    own = _DIRECTION_BEFORE.search(before)
    if own is None or any(before.endswith(noun, 0, own.end()) for noun in NOT_DIRECTIONS):
        return None
    stated = direction(own.group("word"))
    clause_start = max((m.end() for m in _OBJECT_END.finditer(before, 0, own.start())), default=0)
    words = measure_words(before[clause_start:own.start()], claim.places)
    if len(words) < 2 or stated is None:
        return None
    for hit in hits:
        paragraph = hit.paragraph
        text = paragraph.text
        start = text.find(claim.stated)
        while start >= 0:
            theirs = _DIRECTION_BEFORE.search(text[max(0, start - 8):start])
            end = start + len(claim.stated)
            if theirs is not None and not text[end:end + 1].isdigit() and not text[max(0, start - 1):start].isdigit():
                t_start = start - len(theirs.group())
                t_clause = max((m.end() for m in _OBJECT_END.finditer(text, 0, t_start)), default=0)
                said = share_present_heads(words, text[t_clause:t_start])
                if said >= SLOT_WORDS_SAID and direction(theirs.group("word")) not in (None, stated):
                    found = text[t_start:end]
                    return Verdict(CONTRADICTED, f"资料写的是“{text[t_clause:end].strip()}”，而不是“{own.group()}{claim.stated}”（方向不同）。",
                                   found=found, differs="方向", evidence=((paragraph, t_start, end),))
            start = text.find(claim.stated, start + 1)
    return None
